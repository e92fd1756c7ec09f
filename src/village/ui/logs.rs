//! 驻村日志: a resident cadre writes entries and sends them as a file (`log_form.rs`); the office
//! takes many in and sees, for a month, entries by role per village and per cadre, villages
//! with a cadre posted but not visited lately, and open problems (`open_problems.rs`). The
//! month's summary prints on A4 in the order it is filed: title, figures, lists.

use crate::ui::form::{field_value, print_button};
use crate::ui::kept_input::KeptInput;
use crate::ui::prelude::*;
use chrono::NaiveDate;

use super::log_form::LogForm;
use super::open_problems::OpenProblems;
use super::village_month::VillageMonth;
use super::DataProps;
use crate::data_admin::import_panel::ImportPanel;
use crate::exchange::envelope::FileKind;
use crate::local_time::month_bounds;
use crate::session::{use_session, Session};
use crate::store::schema::{self, KeyRange, StoreName};
use crate::store::StoreError;
use crate::ui::form::month_input;
use crate::ui::time;
use crate::village::log_book::{LogBook, LogMonth};
use crate::village::resident::{current_villages, not_visited, Role, VillageLog};

/// The figures of the month `from`..=`to`, from the tallies the database keeps.
async fn read_month(
    session: Session,
    (from, to): (NaiveDate, NaiveDate),
) -> Result<LogMonth, StoreError> {
    let month = crate::local_time::month_value(from);
    let tallies = session.store.month_tallies(&month).await?;
    Ok(LogMonth::new(from, to, &tallies))
}

/// What the tab shows whatever the month, through the log's other indexes.
async fn read_book(session: Session, today: NaiveDate) -> Result<LogBook, StoreError> {
    let store = &session.store;
    let me = &session.profile;
    let mut written = Vec::new();
    for name in LogBook::names_of(&me.name) {
        written.extend(
            store
                .all_in::<VillageLog>(&schema::LOGS_BY_WRITER, &KeyRange::Only(name))
                .await?,
        );
    }
    let latest = store
        .last_per_group(&schema::LOGS_BY_VILLAGE, |l: &VillageLog| {
            !l.deleted && l.date <= today
        })
        .await?;
    Ok(LogBook {
        mine: LogBook::mine_of(written, &me.name, &me.unit),
        latest,
    })
}

#[function_component(Logs)]
pub fn logs(props: &DataProps) -> Html {
    let session = use_session();
    let today = time::local_now().date();
    let month = use_state(|| month_bounds(today));
    let days = use_state(|| 30i64);
    let data = &props.data;
    let (from, to) = *month;
    // A month's entries are read again when the month changes; the rest only when the log does.
    let month_read =
        crate::ui::load::use_load_keyed(&[StoreName::VillageLogs], (from, to), read_month);
    let book_read = crate::ui::load::use_load_keyed(&[StoreName::VillageLogs], today, read_book);
    // Until the first answer the form is usable with no entries; after a month is changed the
    // previous month stays up, and the tables say they are reading.
    let book = book_read.ready().cloned().unwrap_or_default();
    let shown = month_read.ready().cloned().unwrap_or_default();
    let fresh = book_read.ready().is_some() && shown.from == from && shown.to == to;
    let failure = month_read
        .failure()
        .or(book_read.failure())
        .map(str::to_string);
    let villages = data.villages(&book.villages());
    let role_row = |label: String, counts: [u32; 5]| {
        html! {
            <tr><th scope="row">{ label }</th>{ for counts.iter().map(|n| html! { <td>{ n }</td> }) }<td>{ counts.iter().sum::<u32>() }</td></tr>
        }
    };
    let head = html! { <tr><th scope="col">{ "" }</th>{ for Role::ALL.iter().map(|r| html! { <th scope="col">{ r.label() }</th> }) }<th scope="col">{ "合计" }</th></tr> };
    let expected = current_villages(&data.postings, today);
    let unit = crate::admonition::ui::use_office_identity().township;
    html! {
        <>
            <LogForm data={data.clone()} book={book.clone()} />
            if session.profile.role == crate::store::settings::Role::Office {
                <section class="card no-print" aria-labelledby="logs-in-h">
                    <h2 id="logs-in-h">{ "收驻村日志（党政办）" }</h2>
                    <ImportPanel kind={FileKind::VillageLog} label="选择驻村日志文件（.json，可多选）" multiple=true />
                </section>
            } else {
                <section class="card no-print" aria-labelledby="plan-in-h">
                    <h2 id="plan-in-h">{ "收驻村安排（党政办发来）" }</h2>
                    <p>{ "导入后，写日志时从党政办的村（社区）名单中选村，并自动填上您驻的村。" }</p>
                    <ImportPanel kind={FileKind::VillagePlan} label="选择驻村安排文件（.json）" />
                </section>
            }
            <div class="toolbar no-print">
                <label>{ "月份" }{ month_input(from, { let m = month.clone(); Callback::from(move |d| m.set(month_bounds(d))) }) }</label>
                { print_button("打印本月驻村工作汇总") }
            </div>
            // The open problems are read from the first draw, beside the month (they do not
            // depend on it); they end the month's summary on paper.
            <section class="month-summary" aria-labelledby="summary-h">
                <h2 id="summary-h" class="print-title">{ if fresh { format!("{unit}{} 驻村工作汇总", crate::local_time::month_title(from)) } else { "驻村工作汇总".to_string() } }</h2>
                if let Some(m) = failure {
                    { crate::ui::notice::error_box(m) }
                } else if !fresh {
                    <p aria-busy="true">{ "正在读取本月的驻村日志……" }</p>
                } else {
                    <table class="grid" aria-label="各村驻村日志（按角色）">
                        <caption>{ "各村（按角色统计条数）" }</caption>
                        <thead>{ head.clone() }</thead>
                        <tbody>{ for villages.iter().map(|v| role_row(v.clone(), shown.roles_of(v))) }</tbody>
                    </table>
                    <table class="grid" aria-label="各驻村干部日志（按角色）">
                        <caption>{ "各驻村干部（按角色统计条数）" }</caption>
                        <thead>{ head }</thead>
                        <tbody>{ for shown.writers.iter().map(|(w, counts)| role_row(w.clone(), *counts)) }</tbody>
                    </table>
                    <h3>
                        <label class="no-print">{ "超过几天没有驻村记录" }<KeptInput kind="number" min="1" value={days.to_string()}
                            onchange={{ let d = days.clone(); Callback::from(move |e: Event| if let Ok(n) = field_value(&e).trim().parse() { d.set(n) }) }} /></label>
                        <span class="print-only">{ format!("超过 {} 天没有驻村记录的村（现有驻村干部的村）", *days) }</span>
                    </h3>
                    <ul aria-label="长时间没有驻村记录的村">
                        { for not_visited(&expected, &book.latest, today, *days).iter().map(|(v, last)| html! {
                            <li class="late">{ format!("{v}：{}", last.map(|d| format!("最近一次 {d}")).unwrap_or_else(|| "还没有记录".into())) }</li>
                        }) }
                    </ul>
                }
                <OpenProblems />
            </section>
            <VillageMonth month={(from, to)} figures={fresh.then(|| shown.clone())} villages={villages.clone()} />
        </>
    }
}
