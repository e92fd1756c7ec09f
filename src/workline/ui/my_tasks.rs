//! 我的任务 (one person's tasks across all lines, where they report progress) and 逾期任务.

use std::rc::Rc;

use crate::choice::Choice;
use crate::ui::prelude::*;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew_router::prelude::*;

use super::lines::PlanProps;
use super::{today, WorkLineData};
use crate::app::Route;
use crate::record::Id;
use crate::session::reporter;
use crate::session::use_session;
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;
use crate::workline::model::{Task, TaskStatus};
use crate::workline::schedule::{apply_update, days_overdue, ProgressUpdate};

#[function_component(MyTasks)]
pub fn my_tasks(props: &PlanProps) -> Html {
    let session = use_session();
    let plan = &props.plan;
    // The user's own roster entry, found by name and unit, is the default person.
    let me = plan
        .cadres
        .iter()
        .find(|c| {
            crate::roster::matching::same_person(
                &c.name,
                &c.unit,
                &session.profile.name,
                &session.profile.unit,
            )
        })
        .or_else(|| plan.cadres.iter().find(|c| c.name == session.profile.name))
        .map(|c| c.meta.id);
    let person = use_state(|| me);
    let notice = use_state(|| None::<Notice>);
    let on_person = {
        let person = person.clone();
        Callback::from(move |e: Event| {
            person.set(
                uuid::Uuid::parse_str(&e.target_unchecked_into::<HtmlSelectElement>().value()).ok(),
            )
        })
    };
    let mut tasks: Vec<&Task> = match *person {
        Some(id) => plan
            .tasks
            .iter()
            .filter(|t| !t.deleted && t.owners.contains(&id) && plan.line(t.line_id).is_some())
            .collect(),
        None => Vec::new(),
    };
    crate::order::sort_by(&mut tasks, |t| {
        crate::order::Key::ints(
            i64::from(t.status == TaskStatus::Done),
            crate::order::day(t.due),
            0,
        )
    });
    let (finished, open): (Vec<&Task>, Vec<&Task>) = tasks
        .into_iter()
        .partition(|t| t.status == TaskStatus::Done);
    html! {
        <>
            <label class="inline">{ "责任人" }
                <select onchange={on_person}>
                    <option value="" selected={person.is_none()}>{ "（请选择）" }</option>
                    { for plan.active_cadres().iter().map(|c| html! {
                        <option value={c.meta.id.to_string()} selected={*person == Some(c.meta.id)}>{ format!("{}（{}）", c.name, c.unit) }</option>
                    }) }
                </select>
            </label>
            if me.is_none() {
                <p class="hint">{ "名册中没有与您的姓名和单位相同的人，请选择要查看的责任人。" }</p>
            }
            { notice_box(notice.as_ref()) }
            if person.is_some() && open.is_empty() && finished.is_empty() { <p>{ "没有分配给此人的任务。" }</p> }
            if !open.is_empty() {
                <h2>{ format!("进行中的任务（{} 项）", open.len()) }</h2>
                { for open.into_iter().map(|t| html! {
                    <ProgressForm key={t.meta.id.to_string()} plan={plan.clone()} task={t.clone()} notice={notice.clone()} />
                }) }
            }
            if !finished.is_empty() {
                <details class="finished">
                    <summary>{ format!("已完成的任务（{} 项）", finished.len()) }</summary>
                    { for finished.into_iter().map(|t| html! {
                        <ProgressForm key={t.meta.id.to_string()} plan={plan.clone()} task={t.clone()} notice={notice.clone()} />
                    }) }
                </details>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ProgressFormProps {
    plan: Rc<WorkLineData>,
    task: Task,
    notice: UseStateHandle<Option<Notice>>,
}

/// One task's progress report: percent, status, notes.
#[function_component(ProgressForm)]
fn progress_form(props: &ProgressFormProps) -> Html {
    let session = use_session();
    let t = &props.task;
    let update = use_state(|| ProgressUpdate {
        progress: t.progress,
        status: t.status,
        note: t.progress_note.clone(),
    });
    let on_progress = {
        let update = update.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = (*update).clone();
            next.progress = v.trim().parse::<u8>().unwrap_or(0).min(100);
            update.set(next);
        })
    };
    let on_status = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = (*update).clone();
            next.status = TaskStatus::from_label(&v).unwrap_or_default();
            update.set(next);
        })
    };
    let on_notes = {
        let update = update.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*update).clone();
            next.note = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            update.set(next);
        })
    };
    let onsubmit = {
        let (session, update, task, notice) = (
            session.clone(),
            update.clone(),
            t.clone(),
            props.notice.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut task = task.clone();
            let next = apply_update(&mut task, &update, today(), &session.device, time::now());
            let done = format!(
                "已更新：{}（{}%，{}）",
                task.title,
                task.progress,
                task.status.label()
            );
            let mut records = vec![task];
            records.extend(next);
            session.save_stamped(records, reporter(&notice), done);
        })
    };
    let line = props
        .plan
        .line(t.line_id)
        .map(|l| l.name.clone())
        .unwrap_or_default();
    let overdue = days_overdue(t, today());
    html! {
        <form class="card task-progress" {onsubmit} aria-label={format!("更新 {}", t.title)}>
            <h3>{ &t.title }<small>{ format!(" 【{line}】") }</small></h3>
            <p>
                { format!("完成时间 {}", t.due) }
                { overdue.map(|n| html! { <strong class="late">{ format!("，已逾期 {n} 天") }</strong> }).unwrap_or_default() }
                { format!("；责任人：{}", props.plan.owners_text(t)) }
            </p>
            <label class="inline">{ "进度（%）" }
                <input type="number" min="0" max="100" step="1" value={update.progress.to_string()} oninput={on_progress} />
            </label>
            <label class="inline">{ "状态" }
                <select onchange={on_status}>
                    { for TaskStatus::ALL.iter().map(|s| html! { <option selected={*s == update.status}>{ s.label() }</option> }) }
                </select>
            </label>
            <label>{ "进展说明" }<textarea rows="2" value={update.note.clone()} oninput={on_notes} /></label>
            <button type="submit" class="primary">{ "保存进度" }</button>
        </form>
    }
}

/// 逾期任务: every task past its date, the latest first.
pub fn overdue(plan: &WorkLineData) -> Html {
    let today = today();
    let mut rows: Vec<(&Task, i64)> = plan
        .tasks
        .iter()
        .filter(|t| plan.line(t.line_id).is_some())
        .filter_map(|t| days_overdue(t, today).map(|n| (t, n)))
        .collect();
    crate::order::sort_by(&mut rows, |r| crate::order::Key::int(-r.1));
    let line_link = |id: Id| {
        let name = plan.line(id).map(|l| l.name.clone()).unwrap_or_default();
        html! { <Link<Route> to={Route::WorkLineDetail { id: id.to_string() }}>{ name }</Link<Route>> }
    };
    html! {
        <table class="grid" aria-label="逾期任务">
            { crate::ui::table::head(&["任务", "工作线", "责任人", "完成时间", "逾期天数", "进度"]) }
            <tbody>
            if rows.is_empty() { <tr><td colspan="6">{ "没有逾期任务。" }</td></tr> }
            { for rows.iter().map(|(t, n)| html! {
                <tr>
                    <td>{ &t.title }</td><td>{ line_link(t.line_id) }</td><td class="nowrap">{ plan.owners_text(t) }</td>
                    <td class="nowrap">{ t.due.to_string() }</td><td class="late">{ n }</td><td>{ format!("{}%", t.progress) }</td>
                </tr>
            }) }
            </tbody>
        </table>
    }
}
