//! The 工作分线 screens: lines and their tasks, my tasks, overdue, timeline, stand-up, weekly
//! plan, weekly dispatch, monthly summary, and exchanging lines by file.

mod line_detail;
mod lines;
mod my_tasks;
mod report_editor;
mod report_view;
mod reports;
mod share;
mod standup;
mod standup_all;
mod standup_entry;
mod task_form;
mod timeline;

use crate::order::{day, sort_by, Key};
use std::collections::HashMap;

use crate::ui::prelude::*;

use super::model::{Task, WorkLine};
use super::report::{ReportKind, WorkReport};
use super::standup::StandUp;
use crate::app::Route;
use crate::record::Id;
use crate::roster::model::Cadre;
use crate::ui::tabs::{tabs, TabNav, TabRoute};

crate::page_data! {
    /// Everything the work-line screens show. Each store is loaded on its own and shared, so a
    /// saved stand-up reloads the stand-ups, not 10,000 tasks.
    pub struct WorkLineData / use_work_line_data {
        lines: WorkLine,
        tasks: Task,
        stand_ups: StandUp,
        cadres: Cadre,
        reports: WorkReport,
    }
}

impl WorkLineData {
    pub fn live_lines(&self) -> Vec<&WorkLine> {
        let mut lines: Vec<&WorkLine> = self.lines.iter().filter(|l| !l.deleted).collect();
        // By deadline, the office's own order; lines due the same day in pinyin order.
        let ranks = crate::ui::collate::pinyin_ranks(lines.iter().map(|l| l.name.as_str()));
        sort_by(&mut lines, |l| {
            Key::ints(
                day(l.deadline),
                ranks.get(&l.name).copied().unwrap_or(i64::MAX),
                0,
            )
        });
        lines
    }

    pub fn line(&self, id: Id) -> Option<&WorkLine> {
        self.lines.iter().find(|l| l.meta.id == id && !l.deleted)
    }

    pub fn tasks_of(&self, line: Id) -> Vec<&Task> {
        let mut tasks: Vec<&Task> = self
            .tasks
            .iter()
            .filter(|t| t.line_id == line && !t.deleted)
            .collect();
        sort_by(&mut tasks, |t| Key::ints(t.order, day(t.due), 0));
        tasks
    }

    pub fn names(&self) -> HashMap<Id, String> {
        self.cadres
            .iter()
            .map(|c| (c.meta.id, c.name.clone()))
            .collect()
    }

    pub fn name_of(&self, id: &Id) -> String {
        self.cadres
            .iter()
            .find(|c| c.meta.id == *id)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| "（已不在名册）".into())
    }

    pub fn owners_text(&self, task: &Task) -> String {
        if task.owners.is_empty() {
            return "未指定".into();
        }
        task.owners
            .iter()
            .map(|id| self.name_of(id))
            .collect::<Vec<_>>()
            .join("、")
    }

    /// Cadres that can be picked: on the roster and not retired.
    pub fn active_cadres(&self) -> Vec<&Cadre> {
        let mut list: Vec<&Cadre> = self.cadres.iter().filter(|c| !c.retired).collect();
        crate::ui::collate::sort_in_pinyin(&mut list, |c| [&c.unit, &c.name]);
        list
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkLineTab {
    Lines,
    Mine,
    Overdue,
    Timeline,
    StandUp,
    WeeklyPlan,
    Dispatch,
    Summary,
    Share,
}

impl TabRoute for WorkLineTab {
    const ALL: &'static [WorkLineTab] = &[
        WorkLineTab::Lines,
        WorkLineTab::Mine,
        WorkLineTab::Overdue,
        WorkLineTab::Timeline,
        WorkLineTab::StandUp,
        WorkLineTab::WeeklyPlan,
        WorkLineTab::Dispatch,
        WorkLineTab::Summary,
        WorkLineTab::Share,
    ];
    const FIRST: WorkLineTab = WorkLineTab::Lines;

    fn slug(self) -> &'static str {
        match self {
            WorkLineTab::Lines => "lines",
            WorkLineTab::Mine => "mine",
            WorkLineTab::Overdue => "overdue",
            WorkLineTab::Timeline => "timeline",
            WorkLineTab::StandUp => "standup",
            WorkLineTab::WeeklyPlan => "plan",
            WorkLineTab::Dispatch => "dispatch",
            WorkLineTab::Summary => "summary",
            WorkLineTab::Share => "share",
        }
    }

    fn label(self) -> &'static str {
        match self {
            WorkLineTab::Lines => "工作线",
            WorkLineTab::Mine => "我的任务",
            WorkLineTab::Overdue => "逾期任务",
            WorkLineTab::Timeline => "时间线",
            WorkLineTab::StandUp => "每日碰头会",
            WorkLineTab::WeeklyPlan => "每周工作安排",
            WorkLineTab::Dispatch => "周调度",
            WorkLineTab::Summary => "月总结",
            WorkLineTab::Share => "文件交换",
        }
    }

    /// Tabs of the office only (setting up and collecting).
    fn for_cadre(self) -> bool {
        !matches!(self, WorkLineTab::Dispatch | WorkLineTab::Summary)
    }

    fn at(tab: String) -> Route {
        Route::WorkLineTab { tab }
    }
}

#[derive(Properties, PartialEq)]
pub struct WorkLinePageProps {
    pub tab: WorkLineTab,
    /// A line to show in detail (under the 工作线 tab).
    #[prop_or_default]
    pub line: Option<Id>,
}

#[function_component(WorkLinePage)]
pub fn work_line_page(props: &WorkLinePageProps) -> Html {
    let tab = props
        .tab
        .shown_to(crate::session::use_session().profile.role);
    let plan = use_work_line_data();
    let body = plan.view(|plan| match (tab, props.line) {
        (WorkLineTab::Lines, Some(id)) => {
            html! { <line_detail::LineDetail plan={plan.clone()} line_id={id} /> }
        }
        (WorkLineTab::Lines, None) => html! { <lines::LinesTab plan={plan.clone()} /> },
        (WorkLineTab::Mine, _) => html! { <my_tasks::MyTasks plan={plan.clone()} /> },
        (WorkLineTab::Overdue, _) => my_tasks::overdue(plan),
        (WorkLineTab::Timeline, _) => html! { <timeline::TimelineTab plan={plan.clone()} /> },
        (WorkLineTab::StandUp, _) => html! { <standup::StandUpTab plan={plan.clone()} /> },
        // Each report is its own component (keyed by kind), so each keeps its own period:
        // 每周工作安排 opens on the coming week, 周调度 on this week, 月总结 on this month.
        (WorkLineTab::WeeklyPlan, _) => {
            html! { <reports::ReportTab key="WeeklyPlan" plan={plan.clone()} kind={ReportKind::WeeklyPlan} /> }
        }
        (WorkLineTab::Dispatch, _) => {
            html! { <reports::ReportTab key="WeeklyDispatch" plan={plan.clone()} kind={ReportKind::WeeklyDispatch} /> }
        }
        (WorkLineTab::Summary, _) => {
            html! { <reports::ReportTab key="MonthlySummary" plan={plan.clone()} kind={ReportKind::MonthlySummary} /> }
        }
        (WorkLineTab::Share, _) => html! { <share::ShareTab plan={plan.clone()} /> },
    });
    html! {
        <section class="workline">
            <h1>{ "工作分线" }</h1>
            <TabNav label="工作分线" tabs={tabs(tab)} />
            { body }
        </section>
    }
}

pub use crate::local_time::parse_date;
pub use crate::ui::time::today;
