//! The 工作分线 screens: lines and their tasks, my tasks, overdue, timeline, stand-up, weekly
//! plan, weekly dispatch, monthly summary, and exchanging lines by file.

mod line_detail;
mod lines;
mod my_tasks;
mod reports;
mod share;
mod standup;
mod timeline;

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use super::model::{Task, WorkLine};
use super::report::{ReportKind, WorkReport};
use super::standup::StandUp;
use crate::app::{use_session, Route, Session};
use crate::record::{Entity, Id};
use crate::roster::model::Cadre;
use crate::store::StoreError;
use crate::ui::notice::{Notice, NoticeBox};

/// Everything the work-line screens show, loaded together.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub lines: Vec<WorkLine>,
    pub tasks: Vec<Task>,
    pub stand_ups: Vec<StandUp>,
    pub cadres: Vec<Cadre>,
    pub reports: Vec<WorkReport>,
}

impl Plan {
    pub fn live_lines(&self) -> Vec<&WorkLine> {
        let mut lines: Vec<&WorkLine> = self.lines.iter().filter(|l| !l.deleted).collect();
        lines.sort_by(|a, b| (a.deadline, &a.name).cmp(&(b.deadline, &b.name)));
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
        tasks.sort_by_key(|t| (t.order, t.due));
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
        list.sort_by(|a, b| (&a.unit, &a.name).cmp(&(&b.unit, &b.name)));
        list
    }
}

async fn load(session: &Session) -> Result<Plan, StoreError> {
    Ok(Plan {
        lines: session.store.all().await?,
        tasks: session.store.all().await?,
        stand_ups: session.store.all().await?,
        cadres: session.store.all().await?,
        reports: session.store.all().await?,
    })
}

/// Saves records of one type and tells every page to reload; `done` (if not empty) is shown.
pub fn save_all<E: Entity>(
    session: &Session,
    records: Vec<E>,
    notice: UseStateHandle<Option<Notice>>,
    done: String,
) {
    let session = session.clone();
    wasm_bindgen_futures::spawn_local(async move {
        match session.store.put_many(&records).await {
            Ok(()) => {
                if !done.is_empty() {
                    notice.set(Some(Notice::Success(done)));
                }
                session.data_changed.emit(());
            }
            Err(e) => notice.set(Some(Notice::Error(e.user_message()))),
        }
    });
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Lines,
    Mine,
    Overdue,
    Timeline,
    StandUp,
    Plan,
    Dispatch,
    Summary,
    Share,
}

impl Tab {
    const ALL: [Tab; 9] = [
        Tab::Lines,
        Tab::Mine,
        Tab::Overdue,
        Tab::Timeline,
        Tab::StandUp,
        Tab::Plan,
        Tab::Dispatch,
        Tab::Summary,
        Tab::Share,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Tab::Lines => "lines",
            Tab::Mine => "mine",
            Tab::Overdue => "overdue",
            Tab::Timeline => "timeline",
            Tab::StandUp => "standup",
            Tab::Plan => "plan",
            Tab::Dispatch => "dispatch",
            Tab::Summary => "summary",
            Tab::Share => "share",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tab::Lines => "工作线",
            Tab::Mine => "我的任务",
            Tab::Overdue => "逾期任务",
            Tab::Timeline => "时间线",
            Tab::StandUp => "每日碰头会",
            Tab::Plan => "每周工作安排",
            Tab::Dispatch => "周调度",
            Tab::Summary => "月总结",
            Tab::Share => "文件交换",
        }
    }

    pub fn parse(slug: &str) -> Tab {
        Self::ALL
            .into_iter()
            .find(|t| t.slug() == slug)
            .unwrap_or(Tab::Lines)
    }

    pub fn route(self) -> Route {
        Route::WorkLineTab {
            tab: self.slug().to_string(),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct WorkLinePageProps {
    pub tab: Tab,
    /// A line to show in detail (under the 工作线 tab).
    #[prop_or_default]
    pub line: Option<Id>,
}

#[function_component(WorkLinePage)]
pub fn work_line_page(props: &WorkLinePageProps) -> Html {
    let session = use_session();
    let plan = use_state(|| None::<Result<Rc<Plan>, String>>);
    {
        let (plan, session) = (plan.clone(), session.clone());
        use_effect_with(session.data_version, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                plan.set(Some(
                    load(&session)
                        .await
                        .map(Rc::new)
                        .map_err(|e| e.user_message()),
                ));
            });
        });
    }
    let body = match &*plan {
        None => html! { <p aria-busy="true">{ "正在读取……" }</p> },
        Some(Err(m)) => html! { <NoticeBox notice={Some(Notice::Error(m.clone()))} /> },
        Some(Ok(plan)) => match (props.tab, props.line) {
            (Tab::Lines, Some(id)) => {
                html! { <line_detail::LineDetail plan={plan.clone()} line_id={id} /> }
            }
            (Tab::Lines, None) => html! { <lines::LinesTab plan={plan.clone()} /> },
            (Tab::Mine, _) => html! { <my_tasks::MyTasks plan={plan.clone()} /> },
            (Tab::Overdue, _) => html! { <my_tasks::Overdue plan={plan.clone()} /> },
            (Tab::Timeline, _) => html! { <timeline::TimelineTab plan={plan.clone()} /> },
            (Tab::StandUp, _) => html! { <standup::StandUpTab plan={plan.clone()} /> },
            (Tab::Plan, _) => {
                html! { <reports::ReportTab plan={plan.clone()} kind={ReportKind::WeeklyPlan} /> }
            }
            (Tab::Dispatch, _) => {
                html! { <reports::ReportTab plan={plan.clone()} kind={ReportKind::WeeklyDispatch} /> }
            }
            (Tab::Summary, _) => {
                html! { <reports::ReportTab plan={plan.clone()} kind={ReportKind::MonthlySummary} /> }
            }
            (Tab::Share, _) => html! { <share::ShareTab plan={plan.clone()} /> },
        },
    };
    html! {
        <section class="workline">
            <h1>{ "工作分线" }</h1>
            <nav class="tabs no-print" aria-label="工作分线">
                { for Tab::ALL.iter().map(|t| html! {
                    <Link<Route> to={t.route()} classes={classes!((*t == props.tab).then_some("active"))}>{ t.label() }</Link<Route>>
                }) }
            </nav>
            { body }
        </section>
    }
}

/// Parses an `<input type="date">` value.
pub fn parse_date(value: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

pub fn today() -> chrono::NaiveDate {
    crate::ui::time::local_now().date()
}
