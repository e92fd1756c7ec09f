//! 文号登记: every number of a year, in use or withdrawn, and whose it was; prints on A4.

use crate::ui::prelude::*;
use chrono::Datelike;

use super::{use_office_identity, DataProps};
use crate::admonition::register::{register, NumberState};
use crate::ui::form::{set_to, year_input};
use crate::ui::time;

#[function_component(RegisterTab)]
pub fn register_tab(props: &DataProps) -> Html {
    let year = use_state(|| time::local_now().date().year());
    let identity = use_office_identity();
    let data = &props.data;
    let rows = register(&data.cases, *year, &|k| identity.prefix(k).to_string());
    html! {
        <section class="card" aria-labelledby="register-h">
            <h2 id="register-h">{ format!("{} 年文号登记", *year) }</h2>
            <div class="toolbar no-print">
                <label>{ "年份" }{ year_input(*year, set_to(&year)) }</label>
                { crate::ui::form::print_button("打印文号登记") }
            </div>
            <table class="grid" aria-label={format!("{} 年文号登记", *year)}>
                { crate::ui::table::head(&["文号", "文书", "案件", "成文日期", "状态"]) }
                <tbody>
                if rows.is_empty() {
                    <tr><td colspan="5">{ format!("{} 年还没有编过文号。", *year) }</td></tr>
                }
                { for rows.iter().map(|r| {
                    let case = if r.state == NumberState::CaseDeleted {
                        "（案件已删除）".to_string()
                    } else {
                        format!("{}：{}", data.name_of(r.case.cadre), r.case.matter)
                    };
                    html! {
                        <tr class={classes!(matches!(r.state, NumberState::Voided { .. }).then_some("voided"))}>
                            <td>{ r.text() }</td>
                            <td>{ r.kind.label() }</td>
                            <td>{ case }</td>
                            <td>{ r.number.date.map(|d| d.to_string()).unwrap_or_default() }</td>
                            <td>{ r.state.label() }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </section>
    }
}
