//! 便民服务台账: requests taken at the centre or a service point, settled in one visit or on the
//! person's behalf; the month's figures; the public list without phone numbers, printable and
//! posted to 公开栏; service points send their ledgers as files.

use crate::local_time::parse_date;
use crate::ui::form::{date_input, field_value, on_change, on_input, on_pick, optional_date_input};
use chrono::Datelike;
use yew::prelude::*;

use super::{month_of, DataProps};
use crate::data_admin::import_panel::ImportPanel;
use crate::exchange::envelope::FileKind;
use crate::record::Meta;
use crate::session::{reporter, use_session};
use crate::store::schema::StoreName;
use crate::store::StoreError;
use crate::ui::export::{export_file, export_notice, one_store};
use crate::ui::load::use_load;
use crate::ui::notice::{Notice, NoticeBox};
use crate::ui::time;
use crate::village::notice::{NoticeKind, PublicNotice};
use crate::village::service::{
    ledger_sheet, month_figures, public_rows, ServiceRequest, DEFAULT_MATTERS,
};

/// The office's list of matters (settings), or the defaults.
const MATTERS: &str = "service_matters";

#[function_component(Service)]
pub fn service(props: &DataProps) -> Html {
    let session = use_session();
    let notice = use_state(|| None::<Notice>);
    let today = time::local_now().date();
    let month = use_state(|| month_of(today));
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
    let blank = ServiceRequest {
        meta: Meta::unsaved(time::now()),
        point: "服务中心".into(),
        person: String::new(),
        village: String::new(),
        phone: String::new(),
        matter: String::new(),
        taken_by: session.profile.name.clone(),
        received: today,
        promised: None,
        done: None,
        one_visit: false,
        on_behalf: false,
        outcome: String::new(),
        deleted: false,
    };
    let draft = use_state(|| blank.clone());
    let data = &props.data;
    // What the form's own button did is said beside it; other actions report at the top.
    let form_notice = use_state(|| None::<Notice>);
    let onsubmit = {
        let (session, notice, draft) = (session.clone(), form_notice.clone(), draft.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let r = (*draft).clone();
            match r.check() {
                Ok(()) => {
                    let done = format!("已登记：{}，{}", r.person, r.matter);
                    session.save(vec![r.clone()], reporter(&notice), done);
                    draft.set(r.next_form(Meta::unsaved(time::now())));
                }
                Err(m) => notice.set(Some(Notice::Error(m))),
            }
        })
    };
    let finish = |r: &ServiceRequest| {
        let (session, notice, mut r) = (session.clone(), notice.clone(), r.clone());
        r.done = Some(today);
        Callback::from(move |_| {
            session.save(vec![r.clone()], reporter(&notice), "已办结。");
        })
    };
    let (from, _) = *month;
    let (y, m) = (from.year(), from.month());
    let figures = month_figures(&data.ledger, y, m, today);
    let rows = public_rows(&data.ledger, y, m);
    let post = {
        let (session, notice, rows) = (session.clone(), notice.clone(), rows.clone());
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
            };
            session.save(vec![n], reporter(&notice), "已放进公开栏。");
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
    let in_month: Vec<&ServiceRequest> = data
        .ledger
        .iter()
        .filter(|r| !r.deleted && r.received.year() == y && r.received.month() == m)
        .collect();
    let pct = |x: Option<f64>| {
        x.map(|v| format!("{:.1}%", v * 100.0))
            .unwrap_or_else(|| "—".into())
    };
    html! {
        <>
            <NoticeBox notice={(*notice).clone()} />
            <form class="form card columns no-print" {onsubmit} aria-label="登记办事">
                <h2>{ "登记办事" }</h2>
                <label>{ "受理地点" }<input value={draft.point.clone()} oninput={on_input(&draft, |r, v| r.point = v)} /></label>
                <label>{ "办事群众" }<input value={draft.person.clone()} oninput={on_input(&draft, |r, v| r.person = v)} /></label>
                <label>{ "村（社区）" }<input value={draft.village.clone()} oninput={on_input(&draft, |r, v| r.village = v)} /></label>
                <label>{ "电话" }<input type="tel" value={draft.phone.clone()} oninput={on_input(&draft, |r, v| r.phone = v)} /></label>
                <label>{ "事项" }
                    <select onchange={on_change(&draft, |r, v| r.matter = v)}>
                        <option value="" selected={draft.matter.is_empty()}>{ "（请选择）" }</option>
                        { for matters.iter().map(|x| html! { <option selected={*x == draft.matter}>{ x }</option> }) }
                    </select>
                </label>
                <label>{ "受理人" }<input value={draft.taken_by.clone()} oninput={on_input(&draft, |r, v| r.taken_by = v)} /></label>
                <label>{ "受理日期" }{ date_input(draft.received, on_pick(&draft, |r, d| r.received = d)) }</label>
                <label>{ "承诺办结日期（可空）" }{ optional_date_input(draft.promised, on_pick(&draft, |r, d| r.promised = d)) }</label>
                <label>{ "办结日期（可空）" }{ optional_date_input(draft.done, on_pick(&draft, |r, d| r.done = d)) }</label>
                <label class="choice"><input type="checkbox" checked={draft.one_visit} onchange={{ let d = draft.clone(); Callback::from(move |_| { let mut n = (*d).clone(); n.one_visit = !n.one_visit; d.set(n); }) }} />{ "一次办好" }</label>
                <label class="choice"><input type="checkbox" checked={draft.on_behalf} onchange={{ let d = draft.clone(); Callback::from(move |_| { let mut n = (*d).clone(); n.on_behalf = !n.on_behalf; d.set(n); }) }} />{ "干部代办" }</label>
                <label>{ "办理结果" }<input value={draft.outcome.clone()} oninput={on_input(&draft, |r, v| r.outcome = v)} /></label>
                // The button and what it reports, where the eye is.
                <div class="actions">
                    <button type="submit" class="primary">{ "登记" }</button>
                    <NoticeBox notice={(*form_notice).clone()} />
                </div>
            </form>
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
                <label>{ "月份" }<input type="month" value={from.format("%Y-%m").to_string()}
                    onchange={{ let mo = month.clone(); Callback::from(move |e: Event| if let Some(d) = parse_date(&format!("{}-01", field_value(&e))) { mo.set(month_of(d)) }) }} /></label>
            </div>
            <dl class="facts" aria-label="本月情况">
                <dt>{ "受理" }</dt><dd>{ format!("{} 件，已办结 {} 件，干部代办 {} 件", figures.requests, figures.done, figures.on_behalf) }</dd>
                <dt>{ "一次办好率" }</dt><dd>{ pct(figures.one_visit_share) }</dd>
                <dt>{ "平均办结天数" }</dt><dd>{ figures.average_days.map(|d| format!("{d:.1} 天")).unwrap_or_else(|| "—".into()) }</dd>
                <dt>{ "超过承诺日期未办结" }</dt><dd class={classes!((figures.overdue > 0).then_some("late"))}>{ format!("{} 件", figures.overdue) }</dd>
            </dl>
            <table class="grid no-print" aria-label="本月台账">
                <thead><tr><th scope="col">{ "受理日期" }</th><th scope="col">{ "办事群众" }</th><th scope="col">{ "电话" }</th><th scope="col">{ "事项" }</th><th scope="col">{ "受理人" }</th><th scope="col">{ "办结" }</th></tr></thead>
                <tbody>
                { for in_month.iter().map(|r| html! {
                    <tr class={classes!(r.overdue(today).then_some("late"))}><td>{ r.received.to_string() }</td><td>{ &r.person }</td><td>{ &r.phone }</td><td>{ &r.matter }</td><td>{ &r.taken_by }</td>
                        <td>{ match r.done { Some(d) => html! { d.to_string() }, None => html! { <button onclick={finish(r)}>{ "今天办结" }</button> } } }</td></tr>
                }) }
                </tbody>
            </table>
            <div class="toolbar no-print">
                <button onclick={ledger_excel}>{ "导出本月台账（Excel，内部存档）" }</button>
                <button onclick={Callback::from(|_| { let _ = gloo::utils::window().print(); })}>{ "打印办事公开表" }</button>
                if office { <button onclick={post}>{ "放进公开栏" }</button> }
            </div>
            <h2 class="print-title">{ format!("{y}年{m}月便民服务办事公开") }</h2>
            <table class="grid" aria-label="办事公开">
                <thead><tr>{ for rows[0].iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                <tbody>{ for rows[1..].iter().map(|r| html! { <tr>{ for r.iter().map(|c| html! { <td>{ c }</td> }) }</tr> }) }</tbody>
            </table>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct MattersProps {
    matters: Vec<String>,
    report: Callback<Notice>,
}

/// The office's list of matters, one a line.
#[function_component(MattersEditor)]
fn matters_editor(props: &MattersProps) -> Html {
    let session = use_session();
    let text = use_state(|| props.matters.join("\n"));
    let save = {
        let (session, text, report) = (session.clone(), text.clone(), props.report.clone());
        Callback::from(move |_| {
            let list: Vec<String> = text
                .lines()
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect();
            let (session, report) = (session.clone(), report.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let n = list.len();
                report.emit(match session.set_setting(MATTERS, list).await {
                    Ok(()) => Notice::Success(format!("事项清单已保存，共 {n} 项。")),
                    Err(m) => Notice::Error(m),
                });
            });
        })
    };
    html! {
        <details class="card no-print">
            <summary>{ "设置事项清单" }</summary>
            <label>{ "可办事项（每行一项）" }<textarea rows="8" value={(*text).clone()} oninput={{ let t = text.clone(); Callback::from(move |e: InputEvent| t.set(field_value(&e))) }} /></label>
            <button onclick={save}>{ "保存事项清单" }</button>
        </details>
    }
}
