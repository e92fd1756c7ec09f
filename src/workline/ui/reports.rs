//! 每周工作安排, 周调度 and 月总结: generated from the plan for a chosen week or month, edited
//! on screen, saved, printed on A4, and exported as .docx or .xlsx.

use std::rc::Rc;

use crate::ui::prelude::*;
use chrono::Days;

use super::report_editor::ReportEditor;
use super::{today, WorkLineData};
use crate::ui::form::{date_input, month_input};
use crate::ui::notice::{notice_box, Notice};
use crate::workline::report::ReportKind;

#[derive(Properties, PartialEq)]
pub struct ReportTabProps {
    pub plan: Rc<WorkLineData>,
    pub kind: ReportKind,
}

#[function_component(ReportTab)]
pub fn report_tab(props: &ReportTabProps) -> Html {
    let kind = props.kind;
    let default_day = match kind {
        // The plan is made for the coming week.
        ReportKind::WeeklyPlan => today() + Days::new(7),
        _ => today(),
    };
    let start = use_state(|| kind.period_start(default_day));
    let on_day = {
        let start = start.clone();
        Callback::from(move |d| start.set(kind.period_start(d)))
    };
    let picker = match kind {
        ReportKind::MonthlySummary => html! {
            <label class="inline">{ "月份" }{ month_input(*start, on_day) }</label>
        },
        _ => html! {
            <label class="inline">{ "周（选其中任一天）" }{ date_input(*start, on_day) }</label>
        },
    };
    // Kept here, not in the editor: saving remounts the editor with the saved version.
    let notice = use_state(|| None::<Notice>);
    let saved = props
        .plan
        .reports
        .iter()
        .find(|r| r.kind == kind && r.period_start == *start)
        .cloned();
    // One editor per report and period: a save or a change elsewhere reaches it as new props,
    // never as a new editor that would drop what was typed.
    let key = format!("{}-{}", kind as u8, *start);
    html! {
        <>
            <div class="toolbar no-print">{ picker }</div>
            { notice_box(notice.as_ref()) }
            <ReportEditor {key}
                plan={props.plan.clone()} kind={kind} start={*start} saved={saved} notice={notice.clone()} />
        </>
    }
}
