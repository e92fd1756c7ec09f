//! 公开栏: the register of what the office publishes, each printable as an A4 notice sheet and
//! exported as .xlsx with its title, unit and period; each can be corrected (kept in its
//! history) and taken down on any day. A month has one 办事公开.

use crate::ui::dated_action::DatedAction;
use crate::ui::form::{choice_select, date_input, on_input, on_pick, print_button};
use crate::ui::prelude::*;

use super::DataProps;
use crate::office::xlsx;
use crate::record::Meta;
use crate::session::{reporter, use_session};
use crate::ui::download::{save_office, XLSX};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;
use crate::village::correction::corrected;
use crate::village::notice::{table_from_text, table_text, NoticeKind, PublicNotice};

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
            corrections: Vec::new(),
        },
        table: String::new(),
    };
    let draft = use_state(fresh);
    // The notice as stored, while the form corrects it.
    let editing = use_state(|| None::<PublicNotice>);
    let unit = crate::admonition::ui::use_office_identity().township;
    let onsubmit =
        {
            let (session, notice, draft, editing, blank) = (
                session.clone(),
                notice.clone(),
                draft.clone(),
                editing.clone(),
                fresh(),
            );
            let all = props.data.notices.clone();
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let mut n = draft.notice.clone();
                n.title = n.title.trim().to_string();
                n.table = table_from_text(&draft.table);
                let n = n.check().and_then(|()| match &*editing {
                    Some(before) => corrected(before, n, &session.profile.name, today)
                        .map_err(|e| e.message().to_string()),
                    None => Ok(n),
                });
                let n = match n {
                    Ok(n) => n,
                    Err(m) => return notice.set(Some(Notice::Error(m))),
                };
                // A month has one 办事公开: the earlier one comes down the day this goes up.
                let old: Vec<PublicNotice> = n
                    .replaces(&all)
                    .into_iter()
                    .map(|o| PublicNotice {
                        taken_down: Some(n.posted),
                        ..o.clone()
                    })
                    .collect();
                let question =
                    format!(
                "“{}”期间已有办事公开在公开栏：{}。登记这份后，原来的将于 {} 撤下。继续吗？",
                n.period,
                old.iter().map(|o| o.title.as_str()).collect::<Vec<_>>().join("、"),
                n.posted
            );
                if !old.is_empty() && !crate::ui::form::confirmed(&question) {
                    return;
                }
                let done = format!("已保存公开事项：{}", n.title);
                let mut records = vec![n];
                records.extend(old);
                session.save(records, reporter(&notice), done);
                editing.set(None);
                draft.set(blank.clone());
            })
        };
    let take_down = |n: &PublicNotice| {
        let (session, notice, n) = (session.clone(), notice.clone(), n.clone());
        Callback::from(move |(day, _): (chrono::NaiveDate, String)| {
            let down = PublicNotice {
                taken_down: Some(day),
                ..n.clone()
            };
            match down.check().and_then(|()| {
                corrected(&n, down, &session.profile.name, today).map_err(|e| e.message().into())
            }) {
                Ok(d) => session.save(vec![d], reporter(&notice), format!("已撤下（{day}）。")),
                Err(m) => notice.set(Some(Notice::Error(m))),
            }
        })
    };
    let edit = |n: &PublicNotice| {
        let (draft, editing, n) = (draft.clone(), editing.clone(), n.clone());
        Callback::from(move |_| {
            draft.set(Draft {
                table: table_text(&n.table),
                notice: n.clone(),
            });
            editing.set(Some(n.clone()));
        })
    };
    let cancel = {
        let (draft, editing, blank) = (draft.clone(), editing.clone(), fresh());
        Callback::from(move |_| {
            editing.set(None);
            draft.set(blank.clone());
        })
    };
    let excel = |n: &PublicNotice| {
        let (notice, n, unit) = (notice.clone(), n.clone(), unit.clone());
        Callback::from(move |_| {
            let result = save_office(
                &format!("{}.xlsx", n.title),
                XLSX,
                xlsx::workbook(&n.sheet(&unit)),
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
            { notice_box(notice.as_ref()) }
            <form class="form card no-print" {onsubmit} aria-label={if editing.is_some() { "修改公开事项" } else { "登记公开事项" }}>
                <h2>{ if editing.is_some() { "修改公开事项" } else { "登记公开事项" } }</h2>
                <label>{ "类别" }
                    { choice_select(draft.notice.kind, on_pick(&draft, |d, k| d.notice.kind = k)) }
                </label>
                <label>{ "标题" }<input value={draft.notice.title.clone()} oninput={on_input(&draft, |d, v| d.notice.title = v)} /></label>
                <label>{ "公开期间" }<input value={draft.notice.period.clone()} placeholder="如：2026年11月" oninput={on_input(&draft, |d, v| d.notice.period = v)} /></label>
                <label>{ "正文" }<textarea rows="4" value={draft.notice.body.clone()} oninput={on_input(&draft, |d, v| d.notice.body = v)} /></label>
                <label>{ "表格（可从 Excel/WPS 复制粘贴，第一行为表头）" }<textarea rows="5" value={draft.table.clone()} oninput={on_input(&draft, |d, v| d.table = v)} /></label>
                <label>{ "张贴日期" }{ date_input(draft.notice.posted, on_pick(&draft, |d, x| d.notice.posted = x)) }</label>
                <div class="actions">
                    <button type="submit" class="primary">{ if editing.is_some() { "保存修改" } else { "登记" } }</button>
                    if editing.is_some() { <button type="button" onclick={cancel}>{ "取消修改" }</button> }
                </div>
            </form>
            <table class="grid no-print" aria-label="公开栏登记">
                { crate::ui::table::head(&["类别", "标题", "期间", "张贴", "撤下", "操作"]) }
                <tbody>
                if list.is_empty() { <tr><td colspan="6">{ "还没有公开事项。" }</td></tr> }
                { for list.iter().map(|n| {
                    let id = n.meta.id;
                    html! {
                        <tr><td>{ n.kind.label() }</td><td>{ &n.title }{ for n.corrections.iter().map(|c| html! { <p class="history">{ c.line() }</p> }) }</td><td>{ &n.period }</td><td>{ n.posted.to_string() }</td>
                            <td>{ n.taken_down.map(|d| d.to_string()).unwrap_or_else(|| "在公开".into()) }</td>
                            <td>
                                <button onclick={{ let s = shown.clone(); Callback::from(move |_| s.set(Some(id))) }}>{ "查看和打印" }</button>
                                if !n.table.is_empty() { <button onclick={excel(n)}>{ "导出 Excel" }</button> }
                                <button type="button" onclick={edit(n)}>{ "修改" }</button>
                                { super::remove_button(&session, reporter(&notice), *n, format!("公开事项“{}”", n.title), |n| n.deleted = true) }
                                if n.taken_down.is_none() { <DatedAction label="撤下" date_label="撤下日期" {today} on_done={take_down(n)} /> }
                            </td></tr>
                    }
                }) }
                </tbody>
            </table>
            if let Some(n) = sheet {
                <div class="toolbar no-print">{ print_button("打印公开表") }</div>
                <article class="notice-sheet" aria-label="公开表">
                    <h2>{ &n.title }</h2>
                    <p class="period">{ [(!unit.is_empty()).then(|| format!("公开单位：{unit}")), (!n.period.is_empty()).then(|| format!("公开期间：{}", n.period))].into_iter().flatten().collect::<Vec<_>>().join("　") }</p>
                    { for n.body.lines().map(|l| html! { <p class="indent">{ l }</p> }) }
                    if let Some((head, rows)) = n.table.split_first() {
                        <table class="grid">
                            <thead><tr>{ for head.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                            <tbody>{ for rows.iter().map(|r| html! { <tr>{ for r.iter().map(|c| html! { <td class="pre">{ c }</td> }) }</tr> }) }</tbody>
                        </table>
                    }
                    <p class="doc-sign">{ format!("张贴日期：{}", n.posted) }</p>
                </article>
            }
        </>
    }
}
