//! 群众反映、尚未解决的问题: each open problem from the logs, settled on the day it was, by
//! whom and how (kept on the entry).

use chrono::NaiveDate;
use yew::prelude::*;

use std::rc::Rc;

use crate::paging::Page;
use crate::session::{reporter, use_session};
use crate::ui::dated_action::DatedAction;
use crate::ui::notice::{Notice, NoticeBox};
use crate::ui::pager::Pager;
use crate::ui::time;
use crate::village::log_book::LogBook;
use crate::village::resident::VillageLog;

const PER_PAGE: usize = 100;

#[derive(Properties, PartialEq)]
pub struct OpenProblemsProps {
    pub book: Rc<LogBook>,
}

#[function_component(OpenProblems)]
pub fn open_problems(props: &OpenProblemsProps) -> Html {
    let session = use_session();
    let notice = use_state(|| None::<Notice>);
    let page = use_state(|| 0usize);
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
    let open = props.book.open_problems();
    // Thousands of open problems still draw at once: a page at a time.
    let shown = Page::of(open.len(), *page, PER_PAGE);
    let on_page = {
        let page = page.clone();
        Callback::from(move |p| page.set(p))
    };
    html! {
        <section aria-labelledby="open-h">
            <h3 id="open-h">{ format!("群众反映、尚未解决的问题（{} 条）", open.len()) }</h3>
            <NoticeBox notice={(*notice).clone()} />
            <table class="grid" aria-label="未解决的问题">
                { crate::ui::table::head_with_actions(&["日期", "村", "驻村干部", "问题", "跟进"], "操作") }
                <tbody>
                if open.is_empty() { <tr><td colspan="6">{ "没有未解决的问题。" }</td></tr> }
                { for shown.slice(&open).iter().map(|l| html! {
                    <tr><td>{ l.date.to_string() }</td><td>{ &l.village }</td><td>{ &l.writer.name }</td><td class="pre">{ &l.problems }</td><td class="pre">{ &l.follow_up }</td>
                        <td class="no-print"><DatedAction label="已解决" date_label="解决日期" note_label={Some(AttrValue::from("怎么解决的"))} {today} on_done={settle(l)} /></td></tr>
                }) }
                </tbody>
            </table>
            if open.len() > PER_PAGE { <Pager page={shown} total={open.len()} unit="条问题" {on_page} /> }
        </section>
    }
}
