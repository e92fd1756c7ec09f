//! One village's month (月度驻村工作汇总): entries by role and each entry, a page at a time on
//! screen and every one on paper, printable on A4 alone. The figures are the month's tallies;
//! only the page shown is read (`schema::LOGS_BY_TALLY`), and every entry only to print.

use std::rc::Rc;

use crate::ui::prelude::*;
use chrono::NaiveDate;

use super::{log_page, PER_PAGE};
use crate::session::{use_session, Session};
use crate::store::schema::{self, KeyRange, StoreName};
use crate::store::StoreError;
use crate::ui::form::field_value;
use crate::ui::notice::error_box;
use crate::ui::pager::pager;
use crate::village::log_book::{LogMonth, LogPage};
use crate::village::log_tally::TallyKey;
use crate::village::resident::{Role, VillageLog};

#[derive(Properties, PartialEq)]
pub struct VillageMonthProps {
    /// The month shown: its first and last day.
    pub month: (NaiveDate, NaiveDate),
    /// Its figures, once read for that month.
    pub figures: Option<Rc<LogMonth>>,
    pub villages: Vec<String>,
}

/// Page `asked` of a village's month, with the village and month it was read for.
async fn read_page(
    session: Session,
    (key, asked): (TallyKey, usize),
) -> Result<(TallyKey, LogPage), StoreError> {
    let range = KeyRange::Starting(key.to_vec());
    let page = log_page(session, &schema::LOGS_BY_TALLY, range, asked).await?;
    Ok((key, page))
}

#[function_component(VillageMonth)]
pub fn village_month(props: &VillageMonthProps) -> Html {
    let session = use_session();
    // Only the person's choice is kept here; until they choose (and when the village list
    // arrives or changes), the first village is shown.
    let village = use_state(|| None::<String>);
    // The page asked for, with the village and month it was asked for: another village or
    // month starts at its first page.
    let page = use_state(|| (TallyKey::default(), 0usize));
    // Every entry of the month, read to print; printed, it is let go.
    let printing = use_state(|| None::<Rc<Vec<VillageLog>>>);
    let failed = use_state(|| None::<String>);
    {
        let printing = printing.clone();
        use_effect_with(printing.is_some(), move |on| {
            if *on {
                // Printed alone: the rest of the page steps aside while the dialog is open.
                let body = gloo::utils::body();
                let before = body.class_name();
                body.set_class_name(&format!("{before} printing-one"));
                let _ = gloo::utils::window().print();
                body.set_class_name(&before);
                printing.set(None);
            }
        });
    }
    let chosen = (*village).clone().filter(|v| props.villages.contains(v));
    let chosen = chosen.or_else(|| props.villages.first().cloned());
    let (from, _) = props.month;
    let wanted: TallyKey = [
        crate::local_time::month_value(from),
        chosen.clone().unwrap_or_default(),
    ];
    let asked = if page.0 == wanted { page.1 } else { 0 };
    let read = crate::ui::load::use_load_keyed(
        &[StoreName::VillageLogs],
        (wanted.clone(), asked),
        read_page,
    );
    let Some(v) = chosen else {
        return html! {};
    };
    let title = format!("{v} {} 驻村工作汇总", crate::local_time::month_title(from));
    let shown = read.ready().filter(|r| r.0 == wanted);
    let print = {
        let (session, printing, failed, key) = (
            session.clone(),
            printing.clone(),
            failed.clone(),
            wanted.clone(),
        );
        Callback::from(move |_| {
            let (store, printing, failed) =
                (session.store.clone(), printing.clone(), failed.clone());
            let range = KeyRange::Starting(key.to_vec());
            failed.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                match store.all_in(&schema::LOGS_BY_TALLY, &range).await {
                    Ok(all) => printing.set(Some(Rc::new(all))),
                    Err(e) => failed.set(Some(e.user_message())),
                }
            });
        })
    };
    let toolbar = html! {
        <div class="toolbar no-print">
            <label>{ "村（社区）" }
                <select onchange={{ let s = village.clone(); Callback::from(move |e: Event| s.set(Some(field_value(&e)))) }}>
                    { for props.villages.iter().map(|x| html! { <option selected={*x == v}>{ x }</option> }) }
                </select>
            </label>
            <button onclick={print} disabled={shown.is_none()}>{ "打印该村月度汇总" }</button>
        </div>
    };
    let (Some((_, read)), Some(month)) = (shown.map(|r| &**r), props.figures.as_ref()) else {
        // The heading comes with the entries: until then it would name a month not shown.
        return html! {
            <section class="village-month card" aria-label={title}>
                { toolbar }
                if let Some(m) = read.failure() {
                    { error_box(m.to_string()) }
                } else {
                    <p aria-busy="true">{ "正在读取该村本月的驻村日志……" }</p>
                }
            </section>
        };
    };
    let counts = month.roles_of(&v);
    let reached = month.villages.get(&v).map_or(0, |f| f.reached);
    let rows: &[VillageLog] = match &*printing {
        Some(all) => all,
        None => &read.entries,
    };
    let on_page = {
        let (page, key) = (page.clone(), wanted.clone());
        Callback::from(move |p| page.set((key.clone(), p)))
    };
    html! {
        <section class="village-month card" aria-labelledby="vm-h">
            { toolbar }
            if let Some(m) = &*failed { { error_box(m.clone()) } }
            <h2 id="vm-h">{ title }</h2>
            <p>{ Role::ALL.iter().map(|r| format!("{} {} 次", r.label(), counts[*r as usize])).collect::<Vec<_>>().join("，") }
                { format!("；联系群众 {reached} 人次。") }</p>
            <table class="grid" aria-label="该村本月驻村日志">
                { crate::ui::table::head(&["日期", "角色", "驻村干部", "做了什么", "群众反映的问题", "跟进情况"]) }
                <tbody>
                if read.total == 0 { <tr><td colspan="6">{ "本月没有驻村记录。" }</td></tr> }
                { for rows.iter().map(|l| html! {
                    <tr><td>{ l.date.to_string() }</td><td>{ l.role.label() }</td><td>{ &l.writer.name }</td>
                        <td class="pre">{ &l.done }{ for l.corrections.iter().map(|c| html! { <p class="history no-print">{ c.line() }</p> }) }</td><td class="pre">{ &l.problems }</td>
                        <td class="pre">{ if l.settled { format!("{}（已解决）", l.follow_up) } else { l.follow_up.clone() } }</td></tr>
                }) }
                </tbody>
            </table>
            if read.total > PER_PAGE && printing.is_none() {
                <div class="no-print">{ pager(read.page, read.total, "条记录", &on_page) }</div>
            }
        </section>
    }
}
