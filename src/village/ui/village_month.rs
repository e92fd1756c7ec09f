//! One village's month (月度驻村工作汇总): entries by role and each entry, a page at a time on
//! screen and every one on paper, printable on A4 alone.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::paging::Page;
use crate::ui::form::field_value;
use crate::ui::pager::pager;
use crate::village::log_book::LogMonth;
use crate::village::resident::Role;

const PER_PAGE: usize = 100;

#[derive(Properties, PartialEq)]
pub struct VillageMonthProps {
    /// The month's entries and figures.
    pub month: Rc<LogMonth>,
    pub villages: Vec<String>,
}

#[function_component(VillageMonth)]
pub fn village_month(props: &VillageMonthProps) -> Html {
    // Only the person's choice is kept here; until they choose (and when the village list
    // arrives or changes), the first village is shown.
    let village = use_state(|| None::<String>);
    // The page asked for, with the village and month it was asked for: another village or
    // month starts at its first page.
    let page = use_state(|| (String::new(), NaiveDate::default(), 0usize));
    // While printing every entry is drawn; the screen shows a page.
    let printing = use_state(|| false);
    {
        let printing = printing.clone();
        use_effect_with(*printing, move |on| {
            if *on {
                // Printed alone: the rest of the page steps aside while the dialog is open.
                let body = gloo::utils::body();
                let before = body.class_name();
                body.set_class_name(&format!("{before} printing-one"));
                let _ = gloo::utils::window().print();
                body.set_class_name(&before);
                printing.set(false);
            }
        });
    }
    let chosen = (*village).clone().filter(|v| props.villages.contains(v));
    let Some(v) = chosen.or_else(|| props.villages.first().cloned()) else {
        return html! {};
    };
    let month = &props.month;
    let entries = month.entries_of(&v);
    let counts = month.roles_of(&v);
    let reached = month.villages.get(&v).map_or(0, |f| f.reached);
    let asked = match &*page {
        (pv, from, index) if *pv == v && *from == month.from => *index,
        _ => 0,
    };
    let shown = Page::of(entries.len(), asked, PER_PAGE);
    let rows = if *printing {
        &entries[..]
    } else {
        shown.slice(&entries)
    };
    let on_page = {
        let (page, v, from) = (page.clone(), v.clone(), month.from);
        Callback::from(move |p| page.set((v.clone(), from, p)))
    };
    let print = {
        let printing = printing.clone();
        Callback::from(move |_| printing.set(true))
    };
    html! {
        <section class="village-month card" aria-labelledby="vm-h">
            <div class="toolbar no-print">
                <label>{ "村（社区）" }
                    <select onchange={{ let s = village.clone(); Callback::from(move |e: Event| s.set(Some(field_value(&e)))) }}>
                        { for props.villages.iter().map(|x| html! { <option selected={*x == v}>{ x }</option> }) }
                    </select>
                </label>
                <button onclick={print}>{ "打印该村月度汇总" }</button>
            </div>
            <h2 id="vm-h">{ format!("{v} {} 驻村工作汇总", month.from.format("%Y年%m月")) }</h2>
            <p>{ Role::ALL.iter().map(|r| format!("{} {} 次", r.label(), counts[*r as usize])).collect::<Vec<_>>().join("，") }
                { format!("；联系群众 {reached} 人次。") }</p>
            <table class="grid" aria-label="该村本月驻村日志">
                { crate::ui::table::head(&["日期", "角色", "驻村干部", "做了什么", "群众反映的问题", "跟进情况"]) }
                <tbody>
                if entries.is_empty() { <tr><td colspan="6">{ "本月没有驻村记录。" }</td></tr> }
                { for rows.iter().map(|l| html! {
                    <tr><td>{ l.date.to_string() }</td><td>{ l.role.label() }</td><td>{ &l.writer.name }</td>
                        <td class="pre">{ &l.done }{ for l.corrections.iter().map(|c| html! { <p class="history no-print">{ c.line() }</p> }) }</td><td class="pre">{ &l.problems }</td>
                        <td class="pre">{ if l.settled { format!("{}（已解决）", l.follow_up) } else { l.follow_up.clone() } }</td></tr>
                }) }
                </tbody>
            </table>
            if entries.len() > PER_PAGE && !*printing {
                <div class="no-print">{ pager(shown, entries.len(), "条记录", &on_page) }</div>
            }
        </section>
    }
}
