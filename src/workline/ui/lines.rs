//! The list of work lines and the form that creates or edits one.

use std::rc::Rc;

use crate::ui::prelude::*;
use yew_router::prelude::*;

use super::{today, WorkLineData};
use crate::app::Route;
use crate::session::reporter;
use crate::session::use_session;
use crate::ui::form::{
    choice_select, date_input, form_footer, on_input, on_pick, people_checks, person_select,
    print_button,
};
use crate::ui::kept_draft::{use_kept_draft, Draft, KeptDraft};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;
use crate::workline::model::{TaskStatus, WorkLine};
use crate::workline::schedule::days_overdue;

#[derive(Properties, PartialEq)]
pub struct PlanProps {
    pub plan: Rc<WorkLineData>,
}

#[function_component(LinesTab)]
pub fn lines_tab(props: &PlanProps) -> Html {
    let session = use_session();
    // A new line's form is made once, on the click: its id and times stay while it is open.
    let adding = use_state(|| None::<WorkLine>);
    let notice = use_state(|| None::<Notice>);
    let plan = &props.plan;
    let today = today();
    let on_save = {
        let (session, adding, notice) = (session.clone(), adding.clone(), notice.clone());
        Callback::from(move |line: WorkLine| {
            adding.set(None);
            let done = format!("已保存工作线：{}", line.name);
            session.save(vec![line], reporter(&notice), done);
        })
    };
    let start_adding = {
        let (adding, unit) = (adding.clone(), session.profile.unit.clone());
        Callback::from(move |_| adding.set(Some(WorkLine::blank(&unit, today, time::now()))))
    };
    let lines = plan.live_lines();
    let office = crate::session::use_session().profile.role == crate::store::settings::Role::Office;
    html! {
        <>
            { notice_box(notice.as_ref()) }
            <div class="toolbar no-print">
                // Lines are set up by the office; a cadre reports on the tasks they are given.
                if office {
                    <button class="primary" onclick={start_adding}>{ "新建工作线" }</button>
                }
                { print_button("打印") }
            </div>
            if let Some(blank) = (*adding).clone() {
                <LineForm plan={plan.clone()} line={blank} title="新建工作线" on_save={on_save}
                    on_cancel={{ let a = adding.clone(); Callback::from(move |_| a.set(None)) }} />
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

/// Creates or edits a line; the caller stamps the edit. Started from the line as stored and
/// kept when it changes underneath (a save in another window): the person chooses.
#[function_component(LineForm)]
pub fn line_form(props: &LineFormProps) -> Html {
    let fresh = use_memo(props.line.clone(), |l| l.clone());
    let KeptDraft {
        doc: draft, choice, ..
    } = use_kept_draft(fresh);
    let error = use_state(|| None::<String>);
    let text = |set: fn(&mut WorkLine, String)| on_input(&draft, set);
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
    let leads: Vec<_> = cadres
        .iter()
        .map(|c| (c.meta.id, format!("{}（{}）", c.name, c.unit)))
        .collect();
    let members: Vec<_> = cadres
        .iter()
        .map(|c| (c.meta.id, c.name.as_str()))
        .collect();
    html! {
        <form class="form card" {onsubmit} aria-label={props.title.clone()}>
            <h2>{ &props.title }</h2>
            { for choice }
            <label>{ "工作线名称" }<input value={draft.name.clone()} oninput={text(|l, v| l.name = v)} required=true /></label>
            <label>{ "工作目标" }<textarea value={draft.goal.clone()} oninput={text(|l, v| l.goal = v)} rows="2" /></label>
            <label>{ "责任领导" }{ person_select(&leads, draft.lead, "（未指定）", on_pick(&draft, |l, v| l.lead = v)) }</label>
            <label>{ "责任单位" }<input value={draft.unit.clone()} oninput={text(|l, v| l.unit = v)} /></label>
            { people_checks("成员", &members, &draft.members, on_pick(&draft, |l, v| l.members = v)) }
            <label>{ "推进措施" }<textarea value={draft.measures.clone()} oninput={text(|l, v| l.measures = v)} rows="3" /></label>
            <label>{ "开始日期" }{ date_input(draft.start, on_pick(&draft, |l, d| l.start = d)) }</label>
            <label>{ "完成时限" }{ date_input(draft.deadline, on_pick(&draft, |l, d| l.deadline = d)) }</label>
            <label>{ "状态" }{ choice_select(draft.status, on_pick(&draft, |l, s| l.status = s)) }</label>
            { form_footer(error.as_deref(), "保存", &props.on_cancel) }
        </form>
    }
}

/// A line as the form edits it: its record's bookkeeping aside, so that a save coming back is
/// the same line and saving after "保留我的修改" follows the stored version.
impl Draft for WorkLine {
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
