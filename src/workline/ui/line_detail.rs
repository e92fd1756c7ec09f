//! One line: its particulars, and its tasks — add, edit, reorder, move to another line, delete.

use std::rc::Rc;

use crate::ui::prelude::*;
use web_sys::HtmlSelectElement;
use yew_router::prelude::*;

use super::lines::LineForm;
use super::task_form::TaskForm;
use super::{today, WorkLineData, WorkLineTab};
use crate::app::Route;
use crate::record::Id;
use crate::session::{reporter, use_session, Batch};
use crate::ui::form::print_button;
use crate::ui::notice::{notice_box, Notice};
use crate::ui::tabs::TabRoute;
use crate::ui::time;
use crate::workline::model::{Task, WorkLine};
use crate::workline::schedule::{days_overdue, delete_line, move_to_line, reorder};

#[derive(Properties, PartialEq)]
pub struct LineDetailProps {
    pub plan: Rc<WorkLineData>,
    pub line_id: Id,
}

enum Editing {
    Nothing,
    Line,
    /// The new task's form, made once when 添加任务 is clicked.
    NewTask(Box<Task>),
    /// A stored task, by id: the form gets it as it is stored now.
    Task(Id),
}

#[function_component(LineDetail)]
pub fn line_detail(props: &LineDetailProps) -> Html {
    let session = use_session();
    let notice = use_state(|| None::<Notice>);
    let editing = use_state(|| Rc::new(Editing::Nothing));
    let confirm_delete = use_state(|| false);
    let navigator = use_navigator();
    let plan = &props.plan;
    let Some(line) = plan.line(props.line_id).cloned() else {
        return html! {
            <div class="notice error" role="alert"><p>{ "找不到这条工作线，可能已被删除。" }</p>
                <Link<Route> to={WorkLineTab::Lines.route()}>{ "返回工作线列表" }</Link<Route>></div>
        };
    };
    let tasks: Vec<Task> = plan.tasks_of(line.meta.id).into_iter().cloned().collect();
    let stop_editing = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(Rc::new(Editing::Nothing)))
    };
    let edit = |what: Editing| {
        let editing = editing.clone();
        let what = Rc::new(what);
        Callback::from(move |_| editing.set(what.clone()))
    };

    let save_line = {
        let (session, notice, editing) = (session.clone(), notice.clone(), editing.clone());
        Callback::from(move |l: WorkLine| {
            editing.set(Rc::new(Editing::Nothing));
            let done = format!("已保存工作线：{}", l.name);
            session.save(vec![l], reporter(&notice), done);
        })
    };
    let save_task = {
        let (session, notice, editing) = (session.clone(), notice.clone(), editing.clone());
        Callback::from(move |t: Task| {
            editing.set(Rc::new(Editing::Nothing));
            let done = format!("已保存任务：{}", t.title);
            session.save(vec![t], reporter(&notice), done);
        })
    };
    let delete_line = {
        let (session, notice, line, tasks) =
            (session.clone(), notice.clone(), line.clone(), tasks.clone());
        Callback::from(move |_| {
            // The line and its tasks go in one transaction: all deleted, or none.
            let (line, tasks) = delete_line(&line, &tasks);
            let mut batch = Batch::default();
            for t in tasks {
                batch.put(t);
            }
            batch.put(line);
            let (session, notice, navigator) = (session.clone(), notice.clone(), navigator.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match session.commit(batch).await {
                    Ok(()) => {
                        if let Some(navigator) = navigator {
                            navigator.push(&WorkLineTab::Lines.route());
                        }
                    }
                    Err(message) => notice.set(Some(Notice::Error(message))),
                }
            });
        })
    };
    let task_action = {
        let (session, notice) = (session.clone(), notice.clone());
        move |f: Rc<dyn Fn() -> Vec<Task>>, done: String| {
            let (session, notice) = (session.clone(), notice.clone());
            Callback::from(move |_: MouseEvent| {
                session.save(f(), reporter(&notice), done.clone());
            })
        }
    };

    let today = today();
    let lead = line
        .lead
        .map(|id| plan.name_of(&id))
        .unwrap_or_else(|| "未指定".into());
    let members: Vec<String> = line.members.iter().map(|id| plan.name_of(id)).collect();
    let other_lines: Vec<(Id, String)> = plan
        .live_lines()
        .into_iter()
        .filter(|l| l.meta.id != line.meta.id)
        .map(|l| (l.meta.id, l.name.clone()))
        .collect();
    let blank_task = Task::blank(&line, &tasks, time::now());

    html! {
        <>
            <p class="no-print"><Link<Route> to={WorkLineTab::Lines.route()}>{ "← 全部工作线" }</Link<Route>></p>
            <h2>{ &line.name }</h2>
            { notice_box(notice.as_ref()) }
            <dl class="facts">
                <dt>{ "工作目标" }</dt><dd class="pre">{ &line.goal }</dd>
                <dt>{ "责任领导" }</dt><dd>{ lead }</dd>
                <dt>{ "责任单位" }</dt><dd>{ &line.unit }</dd>
                <dt>{ "成员" }</dt><dd>{ members.join("、") }</dd>
                <dt>{ "推进措施" }</dt><dd class="pre">{ &line.measures }</dd>
                <dt>{ "起止" }</dt><dd>{ format!("{} 至 {}", line.start, line.deadline) }</dd>
                <dt>{ "状态" }</dt><dd>{ line.status.label() }</dd>
            </dl>
            <div class="toolbar no-print">
                <button onclick={edit(Editing::Line)}>{ "编辑工作线" }</button>
                <button class="primary" onclick={edit(Editing::NewTask(Box::new(blank_task)))}>{ "添加任务" }</button>
                { print_button("打印") }
                if *confirm_delete {
                    <span role="alertdialog" aria-label="确认删除工作线">
                        { "删除后这条工作线和它的任务都不再显示（删除会随文件同步给其他人）。确定删除？" }
                        <button class="danger" onclick={delete_line}>{ "确认删除" }</button>
                        <button onclick={{ let c = confirm_delete.clone(); Callback::from(move |_| c.set(false)) }}>{ "取消" }</button>
                    </span>
                } else {
                    <button class="danger" onclick={{ let c = confirm_delete.clone(); Callback::from(move |_| c.set(true)) }}>{ "删除工作线……" }</button>
                }
            </div>
            { match &**editing {
                Editing::Line => html! {
                    <LineForm plan={plan.clone()} line={line.clone()} title="编辑工作线" on_save={save_line.clone()} on_cancel={stop_editing.clone()} />
                },
                Editing::NewTask(t) => html! {
                    <TaskForm plan={plan.clone()} task={(**t).clone()} title="添加任务" on_save={save_task.clone()} on_cancel={stop_editing.clone()} />
                },
                Editing::Task(id) => match tasks.iter().find(|t| t.meta.id == *id) {
                    Some(t) => html! {
                        <TaskForm plan={plan.clone()} task={t.clone()} title="编辑任务" on_save={save_task.clone()} on_cancel={stop_editing.clone()} />
                    },
                    // Deleted meanwhile (here or in a file): nothing left to edit.
                    None => html! {},
                },
                Editing::Nothing => html! {},
            } }
            <table class="grid" aria-label="任务列表">
                { crate::ui::table::head_with_actions(&["任务", "责任人", "完成时间", "进度", "状态", "重复"], "操作") }
                <tbody>
                if tasks.is_empty() { <tr><td colspan="7">{ "还没有任务。" }</td></tr> }
                { for tasks.iter().enumerate().map(|(i, t)| {
                    let overdue = days_overdue(t, today);
                    let up = { let list = tasks.clone(); task_action(Rc::new(move || reorder(&list, i, i.saturating_sub(1))), format!("已上移：{}", t.title)) };
                    let down = { let list = tasks.clone(); task_action(Rc::new(move || reorder(&list, i, i + 1)), format!("已下移：{}", t.title)) };
                    let remove = { let done = format!("已删除任务：{}", t.title); let t = t.clone(); task_action(Rc::new(move || { let mut t = t.clone(); t.deleted = true; vec![t] }), done) };
                    let on_move = {
                        let (session, notice, t, plan) = (session.clone(), notice.clone(), t.clone(), plan.clone());
                        Callback::from(move |e: Event| {
                            let Ok(target) = uuid::Uuid::parse_str(&e.target_unchecked_into::<HtmlSelectElement>().value()) else { return };
                            let moved = move_to_line(&t, target, &plan.tasks_of(target));
                            session.save(vec![moved], reporter(&notice), format!("已移到其他工作线：{}", t.title));
                        })
                    };
                    html! {
                        <tr>
                            <td>{ &t.title }
                                if !t.notes.is_empty() { <div class="note">{ format!("备注：{}", t.notes) }</div> }
                                if !t.progress_note.is_empty() { <div class="note">{ format!("进展：{}", t.progress_note) }</div> }
                            </td>
                            <td class="nowrap">{ plan.owners_text(t) }</td>
                            <td class={classes!("nowrap", overdue.is_some().then_some("late"))}>
                                { t.due.to_string() }
                                { overdue.map(|n| html! { <div>{ format!("逾期 {n} 天") }</div> }).unwrap_or_default() }
                            </td>
                            <td class="num">{ format!("{}%", t.progress) }</td>
                            <td class="nowrap">{ t.status.label() }</td>
                            <td class="nowrap">{ t.recurrence.label() }</td>
                            <td class="no-print actions">
                                <button onclick={edit(Editing::Task(t.meta.id))} aria-label={format!("编辑任务 {}", t.title)}>{ "编辑" }</button>
                                <button onclick={up} disabled={i == 0} aria-label={format!("上移 {}", t.title)}>{ "↑" }</button>
                                <button onclick={down} disabled={i + 1 == tasks.len()} aria-label={format!("下移 {}", t.title)}>{ "↓" }</button>
                                if !other_lines.is_empty() {
                                    <select onchange={on_move} aria-label={format!("把 {} 移到", t.title)}>
                                        <option value="" selected=true>{ "移到……" }</option>
                                        { for other_lines.iter().map(|(id, name)| html! { <option value={id.to_string()}>{ name }</option> }) }
                                    </select>
                                }
                                <button class="danger" onclick={remove} aria-label={format!("删除任务 {}", t.title)}>{ "删除" }</button>
                            </td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </>
    }
}
