//! One round: its results, counting paper ballots, the kiosk, blank ballots and its settings.

use std::rc::Rc;

use crate::ui::prelude::*;

use super::{
    blank, count, kiosk, machine_blank, results, round_form::RoundForm, scan_count, slip_sheet,
    RatingData,
};
use crate::assessment::model::Evaluation;
use crate::exchange::envelope::FileKind;
use crate::roster::model::Cadre;
use crate::session::{reporter, use_session};
use crate::store::schema::StoreName;
use crate::ui::export::{export_file, export_notice, one_store};
use crate::ui::notice::{notice_box, Notice};

#[derive(Properties, PartialEq)]
pub struct RoundDetailProps {
    pub data: Rc<RatingData>,
    pub round_id: uuid::Uuid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    Results,
    Count,
    Scan,
    Kiosk,
    Blank,
    MachineBlank,
    Slips,
    Settings,
}

impl View {
    const ALL: [View; 8] = [
        View::Results,
        View::Count,
        View::Scan,
        View::Kiosk,
        View::Blank,
        View::MachineBlank,
        View::Slips,
        View::Settings,
    ];
    fn label(self) -> &'static str {
        match self {
            View::Results => "测评结果",
            View::Count => "纸质票计票",
            View::Scan => "扫描计票",
            View::Kiosk => "现场投票",
            View::Blank => "打印空白评议票",
            View::MachineBlank => "打印机读评议票",
            View::Slips => "打印选票码",
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
    let locked = round.people_and_groups_locked(!props.data.ballots_of(round.meta.id).is_empty());
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
            // Raters get what they need to fill a ballot: the round without its slip key or
            // decisions, and each rated person's name, unit and post — nothing else.
            let mut records = one_store(StoreName::Evaluations, [&round.for_raters()]);
            let people: Vec<Cadre> = data
                .cadres
                .iter()
                .filter(|c| round.rated.contains(&c.meta.id))
                .map(|c| Cadre {
                    phone: String::new(),
                    retired: false,
                    ..c.clone()
                })
                .collect();
            records.extend(one_store(StoreName::Cadres, people.iter()));
            let written = export_file(&session, FileKind::RatingRound, &round.title, records);
            if written.is_ok() && round.sent_at.is_none() {
                let mut sent = (*round).clone();
                sent.sent_at = Some(crate::ui::time::now());
                session.save(vec![sent], reporter(&notice), "");
            }
            notice.set(Some(export_notice(written, |f| {
                format!(
                    "已导出评议表“{}”。发给评议人，他们导入后凭选票码在“网上评议”里填票。评议表发出后，被评议人名单和评议组不能再改（可以复制一份新的评议）。",
                    f.name
                )
            })));
        })
    };
    let copy_round = {
        let (session, notice, round) = (session.clone(), notice.clone(), round.clone());
        Callback::from(move |_| {
            let copy = round.copied(
                crate::record::Meta::unsaved(crate::ui::time::now()),
                uuid::Uuid::new_v4().simple().to_string(),
            );
            let done = format!("已复制为新评议“{}”，请在评议列表中打开它修改。", copy.title);
            session.save(vec![copy], reporter(&notice), done);
        })
    };
    let data = props.data.clone();
    html! {
        <article class="round">
            <h2 class="no-print">{ &round.title }</h2>
            { notice_box(notice.as_ref()) }
            <div class="toolbar no-print" role="group" aria-label="评议功能">
                { for View::ALL.iter().map(|v| {
                    let view2 = view.clone();
                    let v = *v;
                    html! { <button aria-pressed={(*view == v).to_string()} class={classes!((*view == v).then_some("primary"))}
                        onclick={Callback::from(move |_| view2.set(v))}>{ v.label() }</button> }
                }) }
                <button onclick={export_round}>{ "导出评议表文件" }</button>
                <button onclick={copy_round}>{ "复制为新评议" }</button>
            </div>
            { match *view {
                View::Results => html! { <results::Results {data} {round} /> },
                View::Count => html! { <count::Count {data} {round} /> },
                View::Scan => html! { <scan_count::ScanCount {data} {round} /> },
                View::Kiosk => html! { <kiosk::KioskStart {data} {round} /> },
                View::Blank => html! { <blank::BlankBallots {data} {round} /> },
                View::MachineBlank => html! { <machine_blank::MachineBlank {data} {round} /> },
                View::Slips => html! { <slip_sheet::SlipSheet {data} {round} /> },
                View::Settings => html! {
                    <RoundForm data={data} round={(*round).clone()} {locked} on_save={on_save}
                        on_cancel={{ let v = view.clone(); Callback::from(move |_| v.set(View::Results)) }} />
                },
            } }
        </article>
    }
}
