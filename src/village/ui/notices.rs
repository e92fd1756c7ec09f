//! 公开栏: the register of what the office publishes, each printable as an A4 notice sheet and
//! its table exported as .xlsx.

use crate::ui::form::{choice_select, date_input, on_input, on_pick};
use yew::prelude::*;

use super::DataProps;
use crate::office::xlsx;
use crate::record::Meta;
use crate::session::{reporter, use_session};
use crate::ui::download::{save_office, XLSX};
use crate::ui::notice::{Notice, NoticeBox};
use crate::ui::time;
use crate::village::notice::{table_from_text, NoticeKind, PublicNotice};

#[derive(Clone, PartialEq)]
struct Draft {
    notice: PublicNotice,
    table: String,
}

#[function_component(Notices)]
pub fn notices(props: &DataProps) -> Html {
    let session = use_session();
    let notice = use_state(|| None::<Notice>);
    let shown = use_state(|| None::<uuid::Uuid>);
    let today = time::local_now().date();
    let fresh = || Draft {
        notice: PublicNotice {
            meta: Meta::unsaved(time::now()),
            kind: NoticeKind::Tender,
            title: String::new(),
            period: String::new(),
            body: String::new(),
            table: Vec::new(),
            posted: today,
            taken_down: None,
            deleted: false,
        },
        table: String::new(),
    };
    let draft = use_state(fresh);
    let onsubmit = {
        let (session, notice, draft, blank) =
            (session.clone(), notice.clone(), draft.clone(), fresh());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut n = draft.notice.clone();
            n.table = table_from_text(&draft.table);
            match n.check() {
                Ok(()) => {
                    let done = format!("已登记公开事项：{}", n.title);
                    session.save(vec![n], reporter(&notice), done);
                    draft.set(blank.clone());
                }
                Err(m) => notice.set(Some(Notice::Error(m))),
            }
        })
    };
    let take_down = |n: &PublicNotice| {
        let (session, notice, mut n) = (session.clone(), notice.clone(), n.clone());
        n.taken_down = Some(today);
        Callback::from(move |_| {
            session.save(vec![n.clone()], reporter(&notice), "已撤下。");
        })
    };
    let excel = |n: &PublicNotice| {
        let (notice, n) = (notice.clone(), n.clone());
        Callback::from(move |_| {
            let result = save_office(
                &format!("{}.xlsx", n.title),
                XLSX,
                xlsx::workbook(
                    &xlsx::Sheet::new(&n.title, &n.title, n.table.clone())
                        .line(n.period.clone())
                        .line(format!("公开日期：{}", n.posted)),
                ),
            );
            if let Err(m) = result {
                notice.set(Some(Notice::Error(m)));
            }
        })
    };
    let mut list: Vec<&PublicNotice> = props.data.notices.iter().filter(|n| !n.deleted).collect();
    crate::order::sort_by(&mut list, |n| {
        crate::order::Key::int(-crate::order::day(n.posted))
    });
    let sheet = (*shown)
        .and_then(|id| list.iter().find(|n| n.meta.id == id))
        .map(|n| (*n).clone());
    html! {
        <>
            <NoticeBox notice={(*notice).clone()} />
            <form class="form card no-print" {onsubmit} aria-label="登记公开事项">
                <h2>{ "登记公开事项" }</h2>
                <label>{ "类别" }
                    { choice_select(draft.notice.kind, on_pick(&draft, |d, k| d.notice.kind = k)) }
                </label>
                <label>{ "标题" }<input value={draft.notice.title.clone()} oninput={on_input(&draft, |d, v| d.notice.title = v)} /></label>
                <label>{ "公开期间" }<input value={draft.notice.period.clone()} placeholder="如：2026年11月" oninput={on_input(&draft, |d, v| d.notice.period = v)} /></label>
                <label>{ "正文" }<textarea rows="4" value={draft.notice.body.clone()} oninput={on_input(&draft, |d, v| d.notice.body = v)} /></label>
                <label>{ "表格（可从 Excel/WPS 复制粘贴，第一行为表头）" }<textarea rows="5" value={draft.table.clone()} oninput={on_input(&draft, |d, v| d.table = v)} /></label>
                <label>{ "张贴日期" }{ date_input(draft.notice.posted, on_pick(&draft, |d, x| d.notice.posted = x)) }</label>
                <button type="submit" class="primary">{ "登记" }</button>
            </form>
            <table class="grid no-print" aria-label="公开栏登记">
                <thead><tr><th scope="col">{ "类别" }</th><th scope="col">{ "标题" }</th><th scope="col">{ "期间" }</th><th scope="col">{ "张贴" }</th><th scope="col">{ "撤下" }</th><th scope="col">{ "操作" }</th></tr></thead>
                <tbody>
                if list.is_empty() { <tr><td colspan="6">{ "还没有公开事项。" }</td></tr> }
                { for list.iter().map(|n| {
                    let id = n.meta.id;
                    html! {
                        <tr><td>{ n.kind.label() }</td><td>{ &n.title }</td><td>{ &n.period }</td><td>{ n.posted.to_string() }</td>
                            <td>{ n.taken_down.map(|d| d.to_string()).unwrap_or_else(|| "在公开".into()) }</td>
                            <td>
                                <button onclick={{ let s = shown.clone(); Callback::from(move |_| s.set(Some(id))) }}>{ "查看和打印" }</button>
                                if !n.table.is_empty() { <button onclick={excel(n)}>{ "导出 Excel" }</button> }
                                if n.taken_down.is_none() { <button onclick={take_down(n)}>{ "撤下" }</button> }
                            </td></tr>
                    }
                }) }
                </tbody>
            </table>
            if let Some(n) = sheet {
                <div class="toolbar no-print"><button onclick={Callback::from(|_| { let _ = gloo::utils::window().print(); })}>{ "打印公开表" }</button></div>
                <article class="notice-sheet" aria-label="公开表">
                    <h2>{ &n.title }</h2>
                    if !n.period.is_empty() { <p class="period">{ format!("公开期间：{}", n.period) }</p> }
                    { for n.body.lines().map(|l| html! { <p class="indent">{ l }</p> }) }
                    if let Some((head, rows)) = n.table.split_first() {
                        <table class="grid">
                            <thead><tr>{ for head.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                            <tbody>{ for rows.iter().map(|r| html! { <tr>{ for r.iter().map(|c| html! { <td>{ c }</td> }) }</tr> }) }</tbody>
                        </table>
                    }
                    <p class="doc-sign">{ format!("张贴日期：{}", n.posted) }</p>
                </article>
            }
        </>
    }
}
