//! The list of rating rounds, a new round, and ballot files coming back.

use crate::ui::prelude::*;
use yew_router::prelude::*;

use super::round_form::RoundForm;
use super::DataProps;
use crate::app::Route;
use crate::assessment::model::Evaluation;
use crate::data_admin::import_panel::ImportPanel;
use crate::exchange::envelope::FileKind;
use crate::record::Meta;
use crate::session::{reporter, use_session};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

#[function_component(RoundsTab)]
pub fn rounds_tab(props: &DataProps) -> Html {
    let session = use_session();
    let adding = use_state(|| false);
    let notice = use_state(|| None::<Notice>);
    let data = &props.data;
    let on_save = {
        let (session, adding, notice) = (session.clone(), adding.clone(), notice.clone());
        Callback::from(move |round: Evaluation| {
            adding.set(false);
            let done = format!("已保存评议：{}", round.title);
            session.save(vec![round], reporter(&notice), done);
        })
    };
    let year = chrono::Datelike::year(&time::local_now().date());
    let blank = Evaluation {
        slips: crate::assessment::model::SlipCodes::Keyed(
            uuid::Uuid::new_v4().simple().to_string(),
        ),
        ..Evaluation::new(
            Meta::unsaved(time::now()),
            year,
            format!("{year}年度部门负责人述职评议"),
            Vec::new(),
            Evaluation::default_groups(),
        )
    };
    let rounds = data.live_rounds();
    html! {
        <>
            { notice_box(notice.as_ref()) }
            <div class="toolbar no-print">
                <button class="primary" onclick={{ let a = adding.clone(); Callback::from(move |_| a.set(true)) }}>{ "新建评议" }</button>
            </div>
            if *adding {
                <RoundForm data={data.clone()} round={blank} locked={false} on_save={on_save}
                    on_cancel={{ let a = adding.clone(); Callback::from(move |_| a.set(false)) }} />
            }
            <table class="grid" aria-label="评议">
                { crate::ui::table::head(&["评议", "年度", "被评议人", "已收回票数"]) }
                <tbody>
                if rounds.is_empty() {
                    <tr><td colspan="4">{ "还没有评议。点“新建评议”，选好被评议人和评议组。" }</td></tr>
                }
                { for rounds.iter().map(|r| {
                    let counted = data.ballots_of(r.meta.id).iter().filter(|b| !b.void).count();
                    html! {
                        <tr>
                            <td><Link<Route> to={Route::AssessmentRound { id: r.meta.id.to_string() }}>{ &r.title }</Link<Route>></td>
                            <td>{ r.year }</td>
                            <td>{ format!("{} 人", r.rated.len()) }</td>
                            <td>{ counted }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            <section class="card no-print" aria-labelledby="ballots-in-h">
                <h2 id="ballots-in-h">{ "导入电子评议票" }</h2>
                <p>{ "评议人在自己电脑上填好后发回的评议票文件，可一次选多个。同一张票导入两次只算一次。" }</p>
                <ImportPanel kind={FileKind::Ballot} label="选择评议票文件（.json，可多选）" multiple=true />
            </section>
        </>
    }
}
