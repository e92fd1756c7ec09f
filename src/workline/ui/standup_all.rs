//! The township's morning 碰头会: one meeting for the day across every line, each problem
//! raised tagged to its line; only the lines spoken about are saved, in one transaction.

use std::rc::Rc;

use crate::ui::prelude::*;
use chrono::NaiveDate;

use crate::ui::kept_draft::{use_kept_draft, KeptDraft};

use super::standup_entry::{EntryFields, NewProblem};
use super::WorkLineData;
use crate::session::use_session;
use crate::ui::notice::Notice;
use crate::ui::time;
use crate::workline::standup::{day_across_lines, to_save, StandUp};

#[derive(Properties, PartialEq)]
pub struct TownshipProps {
    pub plan: Rc<WorkLineData>,
    pub day: NaiveDate,
    pub report: Callback<Notice>,
}

#[function_component(TownshipStandUp)]
pub fn township_stand_up(props: &TownshipProps) -> Html {
    let session = use_session();
    let lines = props.plan.live_lines();
    let names: Vec<(uuid::Uuid, String)> =
        lines.iter().map(|l| (l.meta.id, l.name.clone())).collect();
    // What is stored for the day across the lines, by its versions.
    let fresh = {
        let (plan, day) = (props.plan.clone(), props.day);
        let ids: Vec<uuid::Uuid> = names.iter().map(|(id, _)| *id).collect();
        let revs = (super::standup::saved_revs(&plan, &ids, day), ids.clone());
        use_memo(revs, move |_| {
            day_across_lines(&plan.stand_ups, &ids, day, time::now())
        })
    };
    let KeptDraft {
        doc: drafts,
        choice,
        ..
    } = use_kept_draft(fresh);
    let on_entry = |i: usize| {
        let drafts = drafts.clone();
        Callback::from(move |entry: StandUp| {
            let mut next = (*drafts).clone();
            if let Some(slot) = next.get_mut(i) {
                *slot = entry;
            }
            drafts.set(next);
        })
    };
    let on_problem = {
        let drafts = drafts.clone();
        Callback::from(move |(line, problem)| {
            let mut next = (*drafts).clone();
            if let Some(entry) = next.iter_mut().find(|e| e.line_id == line) {
                entry.problems.push(problem);
            }
            drafts.set(next);
        })
    };
    let onsubmit = {
        let (session, drafts, plan, report) = (
            session.clone(),
            drafts.clone(),
            props.plan.clone(),
            props.report.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let changed = to_save(&plan.stand_ups, &drafts);
            if changed.is_empty() {
                report.emit(Notice::Error(
                    "还没有填写任何内容。请在相关工作线下填写，或添加问题后再保存。".into(),
                ));
                return;
            }
            let done = format!("碰头会记录已保存。（{} 条工作线）", changed.len());
            session.save(changed, report.clone(), done);
        })
    };
    let first = names.first().map(|(id, _)| *id).unwrap_or_default();
    html! {
        <form class="form card" {onsubmit} aria-label="碰头会记录">
            <h2>{ format!("{} 全镇碰头会", props.day) }</h2>
            { for choice }
            <p class="hint">{ "各工作线依次汇报；只保存填写了内容或问题有变化的工作线。" }</p>
            <NewProblem lines={names.clone()} day={props.day} line_id={first} on_add={on_problem} />
            { for drafts.iter().enumerate().map(|(i, entry)| {
                let name = names
                    .iter()
                    .find(|(id, _)| *id == entry.line_id)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default();
                html! {
                    <section class="standup-line" aria-label={name.clone()}>
                        <h3>{ name.clone() }</h3>
                        <EntryFields entry={entry.clone()} name={AttrValue::from(name)} on_change={on_entry(i)} />
                    </section>
                }
            }) }
            <button type="submit" class="primary">{ "保存碰头会记录" }</button>
        </form>
    }
}
