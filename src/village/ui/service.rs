//! 便民服务台账: requests taken at the centre or a service point, settled in one visit or on the
//! person's behalf; the month's figures; the public list without phone numbers, printable and
//! posted to 公开栏; service points send their ledgers as files.

use crate::ui::dated_action::DatedAction;
use crate::ui::form::print_button;
use crate::ui::prelude::*;
use chrono::Datelike;

use super::matters::{MattersEditor, MATTERS};
use super::service_form::ServiceForm;
use super::DataProps;
use crate::data_admin::import_panel::ImportPanel;
use crate::exchange::envelope::FileKind;
use crate::local_time::month_bounds;
use crate::record::Meta;
use crate::session::{reporter, use_session};
use crate::store::schema::StoreName;
use crate::store::StoreError;
use crate::ui::export::{export_file, export_notice, one_store};
use crate::ui::form::month_input;
use crate::ui::load::use_load;
use crate::ui::pager::pager;

const LEDGER_PAGE: usize = 100;
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;
use crate::village::correction::corrected;
use crate::village::notice::{NoticeKind, PublicNotice};
use crate::village::service::{
    ledger_sheet, month_figures, public_rows, ServiceRequest, DEFAULT_MATTERS,
};

#[function_component(Service)]
pub fn service(props: &DataProps) -> Html {
    let session = use_session();
    let notice = use_state(|| None::<Notice>);
    let today = time::local_now().date();
    let month = use_state(|| month_bounds(today));
    let matters = use_load(&[StoreName::Settings], |s| async move {
        Ok::<_, StoreError>(
            s.store
                .setting::<Vec<String>>(MATTERS)
                .await?
                .unwrap_or_else(|| DEFAULT_MATTERS.map(String::from).to_vec()),
        )
    });
    let loaded = matters.ready().is_some();
    // The list of matters and the 公开栏 are the office's; a service point keeps its ledger.
    let office = session.profile.role == crate::store::settings::Role::Office;
    let matters: Vec<String> = matters.ready().map(|m| (**m).clone()).unwrap_or_default();
    // The request the form corrects, if any.
    let editing = use_state(|| None::<ServiceRequest>);
    // A busy service point's month can hold hundreds of requests: a page at a time.
    let page = use_state(|| 0usize);
    let data = &props.data;
    let finish = |r: &ServiceRequest| {
        let (session, notice, r) = (session.clone(), notice.clone(), r.clone());
        Callback::from(move |(day, _): (chrono::NaiveDate, String)| {
            let done = r.finished(day, today).and_then(|d| {
                corrected(&r, d, &session.profile.name, today).map_err(|e| e.message().into())
            });
            match done {
                Ok(d) => session.save(vec![d], reporter(&notice), format!("已办结（{day}）。")),
                Err(m) => notice.set(Some(Notice::Error(m))),
            }
        })
    };
    let edit = |r: &ServiceRequest| {
        let (editing, r) = (editing.clone(), r.clone());
        Callback::from(move |_| editing.set(Some(r.clone())))
    };
    let close = {
        let editing = editing.clone();
        Callback::from(move |()| editing.set(None))
    };
    let (from, _) = *month;
    let (y, m) = (from.year(), from.month());
    let figures = month_figures(&data.ledger, y, m, today);
    let rows = public_rows(&data.ledger, y, m);
    let post = {
        let (session, notice, rows) = (session.clone(), notice.clone(), rows.clone());
        let notices = data.notices.clone();
        Callback::from(move |_| {
            let n = PublicNotice {
                meta: Meta::unsaved(time::now()),
                kind: NoticeKind::Service,
                title: format!("{y}年{m}月便民服务办事公开"),
                period: format!("{y}年{m}月"),
                body: String::new(),
                table: rows.clone(),
                posted: today,
                taken_down: None,
                deleted: false,
                corrections: Vec::new(),
            };
            // A month has one 办事公开: the earlier one comes down the day this goes up.
            let old: Vec<PublicNotice> = n
                .replaces(&notices)
                .into_iter()
                .map(|o| PublicNotice {
                    taken_down: Some(today),
                    ..o.clone()
                })
                .collect();
            let question = format!(
                "{y}年{m}月的办事公开已在公开栏（{} 份）。放进新的一份后，原来的将于今天撤下。继续吗？",
                old.len()
            );
            if !old.is_empty() && !crate::ui::form::confirmed(&question) {
                return;
            }
            let done = if old.is_empty() {
                "已放进公开栏。".to_string()
            } else {
                format!("已放进公开栏，原来的 {} 份已撤下。", old.len())
            };
            let mut all = vec![n];
            all.extend(old);
            session.save(all, reporter(&notice), done);
        })
    };
    let export = {
        let (session, notice, ledger) = (session.clone(), notice.clone(), data.ledger.clone());
        Callback::from(move |_| {
            notice.set(Some(export_notice(
                export_file(
                    &session,
                    FileKind::ServiceLedger,
                    &session.profile.unit,
                    one_store(
                        StoreName::ServiceLedger,
                        ledger.iter().filter(|r| !r.deleted),
                    ),
                ),
                |f| format!("已导出 {} 条台账到“{}”。", f.records, f.name),
            )));
        })
    };
    let ledger_excel = {
        let (notice, ledger) = (notice.clone(), data.ledger.clone());
        Callback::from(move |_| {
            let sheet = ledger_sheet(&ledger, y, m);
            let result = crate::ui::download::save_office(
                &format!("{y}年{m}月便民服务台账.xlsx"),
                crate::ui::download::XLSX,
                crate::office::xlsx::workbook(&sheet),
            );
            if let Err(m) = result {
                notice.set(Some(Notice::Error(m)));
            }
        })
    };
    let unit = crate::admonition::ui::use_office_identity().township;
    let in_month: Vec<&ServiceRequest> = data
        .ledger
        .iter()
        .filter(|r| !r.deleted && r.received.year() == y && r.received.month() == m)
        .collect();
    let shown = crate::paging::Page::of(in_month.len(), *page, LEDGER_PAGE);
    let on_page = {
        let page = page.clone();
        Callback::from(move |p| page.set(p))
    };
    let pct = |x: Option<f64>| {
        x.map(|v| format!("{:.1}%", v * 100.0))
            .unwrap_or_else(|| "—".into())
    };
    html! {
        <>
            { notice_box(notice.as_ref()) }
            <ServiceForm key={editing.as_ref().map(|r| r.meta.id.to_string()).unwrap_or_default()}
                matters={matters.clone()} before={(*editing).clone()} on_close={close} />
            // Shown once the stored list is in: an editor started empty would save the list away.
            if loaded && office {
                <MattersEditor matters={matters.clone()} report={reporter(&notice)} />
            }
            <section class="card no-print" aria-labelledby="ledger-files-h">
                <h2 id="ledger-files-h">{ "服务点台账文件" }</h2>
                <button onclick={export}>{ "导出本机台账" }</button>
                <ImportPanel kind={FileKind::ServiceLedger} label="选择服务点台账文件（.json，可多选）" multiple=true />
            </section>
            <div class="toolbar no-print">
                <label>{ "月份" }{ month_input(from, { let (mo, page) = (month.clone(), page.clone()); Callback::from(move |d| { mo.set(month_bounds(d)); page.set(0) }) }) }</label>
                <button onclick={ledger_excel}>{ "导出本月台账（Excel，内部存档）" }</button>
                { print_button("打印办事公开表") }
                if office { <button onclick={post}>{ "放进公开栏" }</button> }
            </div>
            <table class="grid no-print" aria-label="本月台账">
                { crate::ui::table::head(&["受理日期", "办事群众", "电话", "事项", "受理人", "办结", "操作"]) }
                <tbody>
                if in_month.is_empty() { <tr><td colspan="7">{ "本月还没有登记。" }</td></tr> }
                { for shown.slice(&in_month).iter().map(|r| html! {
                    <tr class={classes!(r.overdue(today).then_some("late"))}><td>{ r.received.to_string() }</td>
                        <td>{ &r.person }{ for r.corrections.iter().map(|c| html! { <p class="history">{ c.line() }</p> }) }</td>
                        <td>{ &r.phone }</td><td>{ &r.matter }</td><td>{ &r.taken_by }</td>
                        <td>{ match r.done { Some(d) => html! { d.to_string() }, None => html! { <DatedAction label="办结" date_label="办结日期" {today} on_done={finish(r)} /> } } }</td>
                        <td><button type="button" onclick={edit(r)}>{ "修改" }</button>
                            { super::remove_button(&session, reporter(&notice), *r, format!("{} {}的登记", r.person, r.matter), |r| r.deleted = true) }</td></tr>
                }) }
                </tbody>
            </table>
            if in_month.len() > LEDGER_PAGE { { pager(shown, in_month.len(), "件登记", &on_page) } }
            // As filed: the public title first, then the month's figures, then the list.
            <section class="public-list" aria-labelledby="public-h">
                <h2 id="public-h" class="print-title">{ format!("{unit}{y}年{m}月便民服务办事公开") }</h2>
                <dl class="facts" aria-label="本月情况">
                    <dt>{ "受理" }</dt><dd>{ format!("{} 件，已办结 {} 件，干部代办 {} 件", figures.requests, figures.done, figures.on_behalf) }</dd>
                    <dt>{ "一次办好率" }</dt><dd>{ pct(figures.one_visit_share) }</dd>
                    <dt>{ "平均办结天数" }</dt><dd>{ figures.average_days.map(|d| format!("{d:.1} 天")).unwrap_or_else(|| "—".into()) }</dd>
                    <dt>{ "本月受理、超过承诺日期未办结" }</dt><dd class={classes!((figures.overdue > 0).then_some("late"))}>{ format!("{} 件", figures.overdue) }</dd>
                </dl>
                <table class="grid" aria-label="办事公开">
                    <thead><tr>{ for rows[0].iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                    <tbody>{ for rows[1..].iter().map(|r| html! { <tr>{ for r.iter().map(|c| html! { <td>{ c }</td> }) }</tr> }) }</tbody>
                </table>
            </section>
        </>
    }
}
