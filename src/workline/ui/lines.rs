//! The list of work lines and the form that creates or edits one.

use std::rc::Rc;

use crate::choice::Choice;
use crate::ui::form::form_footer;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::*;

use super::{parse_date, today, WorkLineData};
use crate::app::Route;
use crate::session::reporter;
use crate::session::use_session;
use crate::ui::notice::{Notice, NoticeBox};
use crate::ui::time;
use crate::workline::model::{LineStatus, TaskStatus, WorkLine};
use crate::workline::schedule::days_overdue;

#[derive(Properties, PartialEq)]
pub struct PlanProps {
    pub plan: Rc<WorkLineData>,
}

#[function_component(LinesTab)]
pub fn lines_tab(props: &PlanProps) -> Html {
    let session = use_session();
    let adding = use_state(|| false);
    let notice = use_state(|| None::<Notice>);
    let plan = &props.plan;
    let today = today();
    let on_save = {
        let (session, adding, notice) = (session.clone(), adding.clone(), notice.clone());
        Callback::from(move |line: WorkLine| {
            adding.set(false);
            let done = format!("已保存工作线：{}", line.name);
            session.save(vec![line], reporter(&notice), done);
        })
    };
    let blank = WorkLine::blank(&session.profile.unit, today, time::now());
    let lines = plan.live_lines();
    let office = crate::session::use_session().profile.role == crate::store::settings::Role::Office;
    html! {
        <>
            <NoticeBox notice={(*notice).clone()} />
            <div class="toolbar no-print">
                // Lines are set up by the office; a cadre reports on the tasks they are given.
                if office {
                    <button class="primary" onclick={{ let a = adding.clone(); Callback::from(move |_| a.set(true)) }}>{ "新建工作线" }</button>
                }
                <button onclick={Callback::from(|_| { let _ = gloo::utils::window().print(); })}>{ "打印" }</button>
            </div>
            if *adding {
                <LineForm plan={plan.clone()} line={blank} title="新建工作线" on_save={on_save}
                    on_cancel={{ let a = adding.clone(); Callback::from(move |_| a.set(false)) }} />
            }
            <table class="grid" aria-label="工作线列表">
                { crate::ui::table::head(&["工作线", "责任领导", "责任单位", "完成时限", "状态", "任务", "平均进度", "逾期"]) }
                <tbody>
                if lines.is_empty() {
                    <tr><td colspan="8">{ "还没有工作线。点“新建工作线”开始，或在“文件交换”中导入别人发来的工作线文件。" }</td></tr>
                }
                { for lines.iter().map(|l| {
                    let tasks = plan.tasks_of(l.meta.id);
                    let done = tasks.iter().filter(|t| t.status == TaskStatus::Done).count();
                    let avg = if tasks.is_empty() { 0 } else { tasks.iter().map(|t| u32::from(t.progress)).sum::<u32>() / tasks.len() as u32 };
                    let overdue = tasks.iter().filter(|t| days_overdue(t, today).is_some()).count();
                    html! {
                        <tr>
                            <td><Link<Route> to={Route::WorkLineDetail { id: l.meta.id.to_string() }}>{ &l.name }</Link<Route>></td>
                            <td class="nowrap">{ l.lead.map(|id| plan.name_of(&id)).unwrap_or_default() }</td>
                            <td>{ &l.unit }</td>
                            <td class="nowrap">{ l.deadline.to_string() }</td>
                            <td class="nowrap">{ l.status.label() }</td>
                            <td class="num">{ format!("{done}/{}", tasks.len()) }</td>
                            <td class="num">{ format!("{avg}%") }</td>
                            <td class={classes!((overdue > 0).then_some("late"))}>{ overdue }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct LineFormProps {
    pub plan: Rc<WorkLineData>,
    pub line: WorkLine,
    pub title: AttrValue,
    pub on_save: Callback<WorkLine>,
    pub on_cancel: Callback<()>,
}

/// Creates or edits a line; the caller stamps the edit.
#[function_component(LineForm)]
pub fn line_form(props: &LineFormProps) -> Html {
    let draft = use_state(|| props.line.clone());
    let error = use_state(|| None::<String>);
    let text = |set: fn(&mut WorkLine, String)| crate::ui::form::on_input(&draft, set);
    let date = |set: fn(&mut WorkLine, chrono::NaiveDate)| {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = parse_date(&e.target_unchecked_into::<HtmlInputElement>().value()) {
                let mut next = (*draft).clone();
                set(&mut next, d);
                draft.set(next);
            }
        })
    };
    let on_lead = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = (*draft).clone();
            next.lead = uuid::Uuid::parse_str(&v).ok();
            draft.set(next);
        })
    };
    let on_status = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = (*draft).clone();
            next.status = LineStatus::from_label(&v).unwrap_or_default();
            draft.set(next);
        })
    };
    let onsubmit = {
        let (draft, error, on_save) = (draft.clone(), error.clone(), props.on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut line = (*draft).clone();
            line.name = line.name.trim().to_string();
            match line.check() {
                Ok(()) => on_save.emit(line),
                Err(e) => error.set(Some(e.user_message())),
            }
        })
    };
    let cadres = props.plan.active_cadres();
    html! {
        <form class="form card" {onsubmit} aria-label={props.title.clone()}>
            <h2>{ &props.title }</h2>
            <label>{ "工作线名称" }<input value={draft.name.clone()} oninput={text(|l, v| l.name = v)} required=true /></label>
            <label>{ "工作目标" }<textarea value={draft.goal.clone()} oninput={text(|l, v| l.goal = v)} rows="2" /></label>
            <label>{ "责任领导" }
                <select onchange={on_lead}>
                    <option value="" selected={draft.lead.is_none()}>{ "（未指定）" }</option>
                    { for cadres.iter().map(|c| html! {
                        <option value={c.meta.id.to_string()} selected={draft.lead == Some(c.meta.id)}>{ format!("{}（{}）", c.name, c.unit) }</option>
                    }) }
                </select>
            </label>
            <label>{ "责任单位" }<input value={draft.unit.clone()} oninput={text(|l, v| l.unit = v)} /></label>
            <fieldset class="members">
                <legend>{ "成员" }</legend>
                if cadres.is_empty() { <p>{ "名册中还没有人，请先到“干部名册”添加。" }</p> }
                { for cadres.iter().map(|c| {
                    let id = c.meta.id;
                    let checked = draft.members.contains(&id);
                    let draft = draft.clone();
                    let onchange = Callback::from(move |_| {
                        let mut next = (*draft).clone();
                        if checked { next.members.retain(|m| *m != id) } else { next.members.push(id) }
                        draft.set(next);
                    });
                    html! { <label class="choice"><input type="checkbox" {checked} {onchange} />{ &c.name }</label> }
                }) }
            </fieldset>
            <label>{ "推进措施" }<textarea value={draft.measures.clone()} oninput={text(|l, v| l.measures = v)} rows="3" /></label>
            <label>{ "开始日期" }<input type="date" value={draft.start.to_string()} onchange={date(|l, d| l.start = d)} /></label>
            <label>{ "完成时限" }<input type="date" value={draft.deadline.to_string()} onchange={date(|l, d| l.deadline = d)} /></label>
            <label>{ "状态" }
                <select onchange={on_status}>
                    { for LineStatus::ALL.iter().map(|s| html! { <option selected={*s == draft.status}>{ s.label() }</option> }) }
                </select>
            </label>
            { form_footer(error.as_deref(), "保存", &props.on_cancel) }
        </form>
    }
}
