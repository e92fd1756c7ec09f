//! The form for one task of a line: its name, who answers for it, when it is due, whether it
//! repeats, a note.

use std::rc::Rc;

use crate::ui::prelude::*;

use super::WorkLineData;
use crate::ui::form::{choice_select, date_input, form_footer, on_input, on_pick, people_checks};
use crate::ui::kept_draft::{use_kept_draft, Draft, KeptDraft};
use crate::workline::model::Task;

#[derive(Properties, PartialEq)]
pub struct TaskFormProps {
    pub plan: Rc<WorkLineData>,
    pub task: Task,
    pub title: AttrValue,
    pub on_save: Callback<Task>,
    pub on_cancel: Callback<()>,
}

#[function_component(TaskForm)]
pub fn task_form(props: &TaskFormProps) -> Html {
    // Started from the task as stored, and kept when it changes underneath (a save in another
    // window): the person chooses, nothing typed is dropped.
    let fresh = use_memo(props.task.clone(), |t| t.clone());
    let KeptDraft {
        doc: draft, choice, ..
    } = use_kept_draft(fresh);
    let error = use_state(|| None::<String>);
    let text = |set: fn(&mut Task, String)| on_input(&draft, set);
    let onsubmit = {
        let (draft, error, on_save) = (draft.clone(), error.clone(), props.on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut task = (*draft).clone();
            task.title = task.title.trim().to_string();
            if let Err(e) = task.check() {
                error.set(Some(e.user_message()));
                return;
            }
            on_save.emit(task);
        })
    };
    let cadres = props.plan.active_cadres();
    let people: Vec<_> = cadres
        .iter()
        .map(|c| (c.meta.id, c.name.as_str()))
        .collect();
    html! {
        <form class="form card" {onsubmit} aria-label={props.title.clone()}>
            <h2>{ &props.title }</h2>
            { for choice }
            <label>{ "任务名称" }<input value={draft.title.clone()} oninput={text(|t, v| t.title = v)} required=true /></label>
            { people_checks("责任人", &people, &draft.owners, on_pick(&draft, |t, v| t.owners = v)) }
            <label>{ "完成时间" }{ date_input(draft.due, on_pick(&draft, |t, d| t.due = d)) }</label>
            <label>{ "重复" }{ choice_select(draft.recurrence, on_pick(&draft, |t, r| t.recurrence = r)) }</label>
            <label>{ "备注" }<textarea value={draft.notes.clone()} oninput={text(|t, v| t.notes = v)} rows="2" /></label>
            { form_footer(error.as_deref(), "保存", &props.on_cancel) }
        </form>
    }
}

/// A task as the form edits it: its record's bookkeeping aside, so that a save coming back is
/// the same task and saving after "保留我的修改" follows the stored version.
impl Draft for Task {
    fn same(a: &Self, b: &Self) -> bool {
        crate::ui::kept_draft::same_record(a, b)
    }

    fn rebased(&self, base: &Self) -> Self {
        crate::ui::kept_draft::rebased_record(self, base)
    }

    fn kept(&self, opened: &Self, theirs: &Self) -> Self {
        self.with_typed(opened, theirs)
    }
}
