//! One report being edited: generated from the plan (or as saved), typed into, saved, printed,
//! exported as .docx or .xlsx. What was typed survives a save in another window.

use std::rc::Rc;

use crate::ui::prelude::*;
use chrono::NaiveDate;

use super::report_view::ReportBody;
use super::{today, WorkLineData};
use crate::office::{docx, xlsx};
use crate::session::{reporter, use_session};
use crate::store::schema::StoreName;
use crate::ui::download::{save_office, DOCX, XLSX};
use crate::ui::kept_draft::{use_kept_draft, Draft, KeptDraft};
use crate::ui::notice::Notice;
use crate::ui::time;
use crate::ui::unsaved::use_leave_guard;
use crate::workline::report::{
    as_blocks, as_sheet, monthly_summary, weekly_dispatch, weekly_plan, PlanData, ReportDoc,
    ReportKind, WorkReport,
};

/// Asked when a link would leave typed report text unsaved.
const LEAVE_QUESTION: &str =
    "报告有未保存的修改，离开后这些修改会丢失。确定要离开吗？（要保留请点“取消”，再点“保存修改”）";

/// What a generated report is made from: it is made again when one of these changes.
const WORK_LINE_STORES: [StoreName; 4] = [
    StoreName::WorkLines,
    StoreName::Tasks,
    StoreName::StandUps,
    StoreName::Cadres,
];

fn generate(plan: &WorkLineData, kind: ReportKind, start: NaiveDate) -> ReportDoc {
    let names = plan.names();
    let data = PlanData {
        lines: &plan.lines,
        tasks: &plan.tasks,
        stand_ups: &plan.stand_ups,
        names: &names,
    };
    match kind {
        ReportKind::WeeklyDispatch => weekly_dispatch(&data, start, today()),
        ReportKind::MonthlySummary => monthly_summary(&data, start, today()),
        ReportKind::WeeklyPlan => weekly_plan(&data, start),
    }
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub plan: Rc<WorkLineData>,
    pub kind: ReportKind,
    pub start: NaiveDate,
    pub saved: Option<WorkReport>,
    pub notice: UseStateHandle<Option<Notice>>,
}

#[function_component(ReportEditor)]
pub fn report_editor(props: &EditorProps) -> Html {
    let session = use_session();
    // What is stored now: the saved version (by its revision), or, unsaved, one generated from
    // the plan as it is (by the stores' change stamp).
    let fresh = {
        let (plan, kind, start, saved) = (
            props.plan.clone(),
            props.kind,
            props.start,
            props.saved.clone(),
        );
        let version = match &saved {
            Some(s) => (Some(s.meta.rev), 0),
            None => (None, session.changes.stamp(&WORK_LINE_STORES)),
        };
        use_memo(version, move |_| {
            saved
                .map(|s| s.doc)
                .unwrap_or_else(|| generate(&plan, kind, start))
        })
    };
    // What was typed survives a save elsewhere: the person chooses (`ui/kept_draft.rs`).
    let KeptDraft {
        doc,
        dirty,
        landed,
        choice,
    } = use_kept_draft(fresh);
    // Printing draws every section first, then opens the browser's print dialog.
    let printing = use_state(|| false);
    {
        let printing = printing.clone();
        use_effect_with(*printing, move |now| {
            if *now {
                let _ = gloo::utils::window().print();
                printing.set(false);
            }
        });
    }
    use_leave_guard(dirty, LEAVE_QUESTION);
    let notice = props.notice.clone();
    let on_field = {
        let doc = doc.clone();
        Callback::from(move |(section, field, text): (usize, usize, String)| {
            let mut next = (*doc).clone();
            if let Some(f) = next
                .sections
                .get_mut(section)
                .and_then(|s| s.fields.get_mut(field))
            {
                *f = text;
            }
            doc.set(next);
        })
    };
    let on_save = {
        let (session, doc, notice, saved, kind, start) = (
            session.clone(),
            doc.clone(),
            notice.clone(),
            props.saved.clone(),
            props.kind,
            props.start,
        );
        Callback::from(move |_| {
            let record =
                WorkReport::with_doc(saved.clone(), kind, start, (*doc).clone(), time::now());
            session.save(
                vec![record],
                reporter(&notice),
                format!("{}已保存。", kind.label()),
            );
        })
    };
    let on_regenerate = {
        let (doc, plan, kind, start, notice) = (
            doc.clone(),
            props.plan.clone(),
            props.kind,
            props.start,
            notice.clone(),
        );
        let saved = props.saved.is_some();
        Callback::from(move |_| {
            if dirty
                && !gloo::utils::window()
                    .confirm_with_message("重新生成会丢掉刚才的修改。确定要重新生成吗？")
                    .unwrap_or(false)
            {
                return;
            }
            doc.set(generate(&plan, kind, start));
            notice.set(Some(Notice::Success(if saved {
                "已按最新数据重新生成。保存过的版本仍在，点“保存修改”才会被替换。".into()
            } else {
                "已按最新数据重新生成。".into()
            })));
        })
    };
    // Signed by the office as it names itself: the township before the unit ("某某镇党政办").
    let issuer = crate::admonition::ui::use_office_identity().unit_signature(&session.profile.unit);
    let export = |word: bool| {
        let (doc, notice, issuer) = (doc.clone(), notice.clone(), issuer.clone());
        Callback::from(move |_| {
            let name = format!("{}-{}", doc.title, doc.period);
            let result = if word {
                // Signed by the exporting office on the day, as filed reports are.
                let today = crate::ui::time::local_now().date();
                let date =
                    crate::exchange::labels::date_text(&today.to_string()).unwrap_or_default();
                let signed = docx::Signature {
                    issuer: &issuer,
                    date: &date,
                };
                save_office(
                    &format!("{name}.docx"),
                    DOCX,
                    docx::document(&as_blocks(&doc), &signed),
                )
            } else {
                save_office(
                    &format!("{name}.xlsx"),
                    XLSX,
                    xlsx::workbook(&as_sheet(&doc)),
                )
            };
            if let Err(m) = result {
                notice.set(Some(Notice::Error(m)));
            }
        })
    };
    let d = &*doc;
    html! {
        <article class="report" aria-label={props.kind.label()}>
            <div class="toolbar no-print">
                <button class="primary" onclick={on_save}>{ "保存修改" }</button>
                <button onclick={on_regenerate}>{ "按最新数据重新生成" }</button>
                <button onclick={{ let p = printing.clone(); Callback::from(move |_| p.set(true)) }}>{ "打印" }</button>
                <button onclick={export(true)}>{ "导出 Word" }</button>
                <button onclick={export(false)}>{ "导出 Excel" }</button>
                if dirty { <span class="hint unsaved" role="status">{ "有未保存的修改。" }</span> }
                else if props.saved.is_some() { <span class="hint">{ "显示的是保存过的版本。" }</span> }
            </div>
            { for choice }
            <h2 class="report-title">{ &d.title }</h2>
            <p class="report-period">{ &d.period }</p>
            <ReportBody key={landed} doc={d.clone()} {on_field} all={*printing} />
        </article>
    }
}

impl Draft for ReportDoc {}
