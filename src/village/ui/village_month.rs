//! One village's month (月度驻村工作汇总): entries by role and each entry, printable on A4 alone.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::ui::form::field_value;
use crate::village::log_book::LogMonth;
use crate::village::resident::{by_role, clean_place, Role, VillageLog};

#[derive(Properties, PartialEq)]
pub struct VillageMonthProps {
    /// The month's entries (`from`..=`to`).
    pub month: Rc<LogMonth>,
    pub villages: Vec<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[function_component(VillageMonth)]
pub fn village_month(props: &VillageMonthProps) -> Html {
    // Only the person's choice is kept here; until they choose (and when the village list
    // arrives or changes), the first village is shown.
    let village = use_state(|| None::<String>);
    let chosen = (*village).clone().filter(|v| props.villages.contains(v));
    let Some(v) = chosen.or_else(|| props.villages.first().cloned()) else {
        return html! {};
    };
    let mut entries: Vec<&VillageLog> = props
        .month
        .entries
        .iter()
        .filter(|l| {
            !l.deleted && clean_place(&l.village) == v && props.from <= l.date && l.date <= props.to
        })
        .collect();
    crate::order::sort_by(&mut entries, |l| {
        crate::order::Key::int(crate::order::day(l.date))
    });
    let counts = by_role(entries.iter().copied(), props.from, props.to);
    // Printed alone: the rest of the page steps aside while the print dialog is open.
    let print = Callback::from(|_| {
        let body = gloo::utils::body();
        let before = body.class_name();
        body.set_class_name(&format!("{before} printing-one"));
        let _ = gloo::utils::window().print();
        body.set_class_name(&before);
    });
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
            <h2 id="vm-h">{ format!("{v} {} 驻村工作汇总", props.from.format("%Y年%m月")) }</h2>
            <p>{ Role::ALL.iter().map(|r| format!("{} {} 次", r.label(), counts[*r as usize])).collect::<Vec<_>>().join("，") }
                { format!("；联系群众 {} 人次。", entries.iter().map(|l| l.reached).sum::<u32>()) }</p>
            <table class="grid" aria-label="该村本月驻村日志">
                { crate::ui::table::head(&["日期", "角色", "驻村干部", "做了什么", "群众反映的问题", "跟进情况"]) }
                <tbody>
                if entries.is_empty() { <tr><td colspan="6">{ "本月没有驻村记录。" }</td></tr> }
                { for entries.iter().map(|l| html! {
                    <tr><td>{ l.date.to_string() }</td><td>{ l.role.label() }</td><td>{ &l.writer.name }</td>
                        <td class="pre">{ &l.done }{ for l.corrections.iter().map(|c| html! { <p class="history no-print">{ c.line() }</p> }) }</td><td class="pre">{ &l.problems }</td>
                        <td class="pre">{ if l.settled { format!("{}（已解决）", l.follow_up) } else { l.follow_up.clone() } }</td></tr>
                }) }
                </tbody>
            </table>
        </section>
    }
}
