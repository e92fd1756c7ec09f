//! 群众反映、尚未解决的问题: each open problem from the logs, settled on the day it was, by
//! whom and how (kept on the entry).

use crate::ui::prelude::*;
use chrono::NaiveDate;

use crate::session::{reporter, use_session, Session};
use crate::store::schema::{self, KeyRange, StoreName};
use crate::store::StoreError;
use crate::ui::dated_action::DatedAction;
use crate::ui::load::use_load_keyed;
use crate::ui::notice::{error_box, notice_box, Notice};
use crate::ui::pager::pager;
use crate::ui::time;
use crate::village::log_book::LogPage;
use crate::village::resident::VillageLog;

use super::PER_PAGE;

/// Page `asked` of the open problems, through the index that holds only the entries whose
/// problems are open, in date order: the many settled over the years are never read.
async fn read_page(session: Session, asked: usize) -> Result<LogPage, StoreError> {
    let open = KeyRange::Above(String::new());
    super::log_page(session, &schema::LOGS_OPEN, open, asked).await
}

#[function_component(OpenProblems)]
pub fn open_problems() -> Html {
    let session = use_session();
    let notice = use_state(|| None::<Notice>);
    let page = use_state(|| 0usize);
    let read = use_load_keyed(&[StoreName::VillageLogs], *page, read_page);
    let today = time::local_now().date();
    let settle = |l: &VillageLog| {
        let (session, notice, l) = (session.clone(), notice.clone(), l.clone());
        Callback::from(move |(day, note): (NaiveDate, String)| {
            match l.settle(day, &session.profile.name, &note, today) {
                Ok(done) => session.save(
                    vec![done],
                    reporter(&notice),
                    format!("已记下：{} {}反映的问题于 {day} 解决。", l.date, l.village),
                ),
                Err(m) => notice.set(Some(Notice::Error(m))),
            }
        })
    };
    // Another page keeps this one up while it is read.
    let read = match (read.ready().cloned(), read.failure()) {
        (_, Some(m)) => return html! { { error_box(m.to_string()) } },
        (Some(read), None) => read,
        (None, None) => return html! { <p aria-busy="true">{ "正在读取未解决的问题……" }</p> },
    };
    let open = read.open();
    let on_page = {
        let page = page.clone();
        Callback::from(move |p| page.set(p))
    };
    html! {
        <section aria-labelledby="open-h">
            <h3 id="open-h">{ format!("群众反映、尚未解决的问题（{} 条）", read.total) }</h3>
            { notice_box(notice.as_ref()) }
            <table class="grid" aria-label="未解决的问题">
                { crate::ui::table::head_with_actions(&["日期", "村", "驻村干部", "问题", "跟进"], "操作") }
                <tbody>
                if read.total == 0 { <tr><td colspan="6">{ "没有未解决的问题。" }</td></tr> }
                { for open.iter().map(|l| html! {
                    <tr><td>{ l.date.to_string() }</td><td>{ &l.village }</td><td>{ &l.writer.name }</td><td class="pre">{ &l.problems }</td><td class="pre">{ &l.follow_up }</td>
                        <td class="no-print"><DatedAction label="已解决" date_label="解决日期" note_label={Some(AttrValue::from("怎么解决的"))} {today} on_done={settle(l)} /></td></tr>
                }) }
                </tbody>
            </table>
            if read.total > PER_PAGE { { pager(read.page, read.total, "条问题", &on_page) } }
        </section>
    }
}
