//! One round: its results, counting paper ballots, the kiosk, blank ballots and its settings.

use std::rc::Rc;

use yew::prelude::*;

use super::{blank, count, kiosk, results, round_form::RoundForm, RatingData};
use crate::assessment::model::Evaluation;
use crate::exchange::envelope::FileKind;
use crate::session::{reporter, use_session};
use crate::store::schema::StoreName;
use crate::ui::export::{export_file, export_notice, one_store};
use crate::ui::notice::{Notice, NoticeBox};

#[derive(Properties, PartialEq)]
pub struct RoundDetailProps {
    pub data: Rc<RatingData>,
    pub round_id: uuid::Uuid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    Results,
    Count,
    Kiosk,
    Blank,
    Settings,
}

impl View {
    const ALL: [View; 5] = [
        View::Results,
        View::Count,
        View::Kiosk,
        View::Blank,
        View::Settings,
    ];
    fn label(self) -> &'static str {
        match self {
            View::Results => "测评结果",
            View::Count => "纸质票计票",
            View::Kiosk => "现场投票",
            View::Blank => "打印空白评议票",
            View::Settings => "评议设置",
        }
    }
}

#[function_component(RoundDetail)]
pub fn round_detail(props: &RoundDetailProps) -> Html {
    let session = use_session();
    let view = use_state(|| View::Results);
    let notice = use_state(|| None::<Notice>);
    let Some(round) = props.data.round(props.round_id).cloned() else {
        return html! { <p>{ "找不到这次评议，它可能已被删除。" }</p> };
    };
    let round = Rc::new(round);
    let locked = !props.data.ballots_of(round.meta.id).is_empty();
    let on_save = {
        let (session, notice, view) = (session.clone(), notice.clone(), view.clone());
        Callback::from(move |r: Evaluation| {
            view.set(View::Results);
            session.save(vec![r], reporter(&notice), "评议设置已保存。");
        })
    };
    let export_round = {
        let (session, notice, data, round) = (
            session.clone(),
            notice.clone(),
            props.data.clone(),
            round.clone(),
        );
        Callback::from(move |_| {
            let mut records = one_store(StoreName::Evaluations, [&*round]);
            let people: Vec<_> = data
                .cadres
                .iter()
                .filter(|c| round.rated.contains(&c.meta.id))
                .collect();
            records.extend(one_store(StoreName::Cadres, people.iter().copied()));
            notice.set(Some(export_notice(
                export_file(&session, FileKind::RatingRound, &round.title, records),
                |f| {
                    format!(
                        "已导出评议表“{}”。发给评议人，他们导入后在“网上评议”里填票。",
                        f.name
                    )
                },
            )));
        })
    };
    let data = props.data.clone();
    html! {
        <article class="round">
            <h2 class="no-print">{ &round.title }</h2>
            <NoticeBox notice={(*notice).clone()} />
            <div class="toolbar no-print" role="group" aria-label="评议功能">
                { for View::ALL.iter().map(|v| {
                    let view2 = view.clone();
                    let v = *v;
                    html! { <button aria-pressed={(*view == v).to_string()} class={classes!((*view == v).then_some("primary"))}
                        onclick={Callback::from(move |_| view2.set(v))}>{ v.label() }</button> }
                }) }
                <button onclick={export_round}>{ "导出评议表文件" }</button>
            </div>
            { match *view {
                View::Results => html! { <results::Results {data} {round} /> },
                View::Count => html! { <count::Count {data} {round} /> },
                View::Kiosk => html! { <kiosk::KioskStart {data} {round} /> },
                View::Blank => html! { <blank::BlankBallots {data} {round} /> },
                View::Settings => html! {
                    <RoundForm data={data} round={(*round).clone()} {locked} on_save={on_save}
                        on_cancel={{ let v = view.clone(); Callback::from(move |_| v.set(View::Results)) }} />
                },
            } }
        </article>
    }
}
