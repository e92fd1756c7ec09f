//! Work lines (工作线) and their tasks (任务), as stored and exchanged.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::record::{Entity, Id, Meta};
use crate::store::schema::StoreName;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum LineStatus {
    #[default]
    Active,
    Done,
    Suspended,
}

impl LineStatus {
    pub const ALL: [LineStatus; 3] = [LineStatus::Active, LineStatus::Done, LineStatus::Suspended];
    pub fn label(self) -> &'static str {
        match self {
            LineStatus::Active => "推进中",
            LineStatus::Done => "已完成",
            LineStatus::Suspended => "暂停",
        }
    }
}

/// A line of work: a goal with its responsible leader and unit, measures and deadline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkLine {
    pub meta: Meta,
    pub name: String,
    #[serde(default)]
    pub goal: String,
    /// 责任领导: a cadre on the roster.
    #[serde(default)]
    pub lead: Option<Id>,
    /// 责任单位.
    #[serde(default)]
    pub unit: String,
    /// Cadres on the line; owners of its tasks are members too.
    #[serde(default)]
    pub members: Vec<Id>,
    /// 推进措施.
    #[serde(default)]
    pub measures: String,
    pub start: NaiveDate,
    pub deadline: NaiveDate,
    #[serde(default)]
    pub status: LineStatus,
    /// A deleted line stays as a marker so that the deletion travels in files like any edit.
    #[serde(default)]
    pub deleted: bool,
}

impl Entity for WorkLine {
    const STORE: StoreName = StoreName::WorkLines;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Blocked,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 4] = [
        TaskStatus::NotStarted,
        TaskStatus::InProgress,
        TaskStatus::Done,
        TaskStatus::Blocked,
    ];
    pub fn label(self) -> &'static str {
        match self {
            TaskStatus::NotStarted => "未开始",
            TaskStatus::InProgress => "进行中",
            TaskStatus::Done => "已完成",
            TaskStatus::Blocked => "受阻",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Recurrence {
    #[default]
    None,
    Weekly,
    Monthly,
}

impl Recurrence {
    pub const ALL: [Recurrence; 3] = [Recurrence::None, Recurrence::Weekly, Recurrence::Monthly];
    pub fn label(self) -> &'static str {
        match self {
            Recurrence::None => "不重复",
            Recurrence::Weekly => "每周",
            Recurrence::Monthly => "每月",
        }
    }
}

/// One recorded change of progress, for the weekly dispatch's "progress changes".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressEntry {
    pub on: NaiveDate,
    pub progress: u8,
    pub status: TaskStatus,
    /// What the person said with it (进展说明), for the reports.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A target broken down to persons: due date, progress, status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub meta: Meta,
    pub line_id: Id,
    pub title: String,
    /// 责任人: one or more cadres.
    #[serde(default)]
    pub owners: Vec<Id>,
    pub due: NaiveDate,
    #[serde(default)]
    pub progress: u8,
    #[serde(default)]
    pub status: TaskStatus,
    /// The office's 备注 (set in the task form).
    #[serde(default)]
    pub notes: String,
    /// The responsible person's latest 进展说明 (set with a progress update): a field apart
    /// from 备注, so that neither overwrites the other and a merge keeps both.
    #[serde(default)]
    pub progress_note: String,
    #[serde(default)]
    pub recurrence: Recurrence,
    /// Position within its line; tasks are listed by it.
    #[serde(default)]
    pub order: i64,
    /// The day it was marked done (the "actual finish" on the timeline).
    #[serde(default)]
    pub finished_on: Option<NaiveDate>,
    #[serde(default)]
    pub history: Vec<ProgressEntry>,
    #[serde(default)]
    pub deleted: bool,
}

impl Entity for Task {
    const STORE: StoreName = StoreName::Tasks;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkLineError {
    NameMissing,
    TitleMissing,
    DeadlineBeforeStart,
    ProgressOutOfRange,
    TooLong(&'static str),
}

impl WorkLineError {
    pub fn user_message(&self) -> String {
        match self {
            WorkLineError::NameMissing => "请填写工作线名称。".into(),
            WorkLineError::TitleMissing => "请填写任务名称。".into(),
            WorkLineError::DeadlineBeforeStart => "完成时限不能早于开始日期。".into(),
            WorkLineError::ProgressOutOfRange => "进度应在 0 到 100 之间。".into(),
            WorkLineError::TooLong(what) => format!("{what}太长，请精简到 2000 字以内。"),
        }
    }
}

const MAX_TEXT: usize = 2000;

fn check_len(text: &str, what: &'static str) -> Result<(), WorkLineError> {
    if text.chars().count() > MAX_TEXT {
        Err(WorkLineError::TooLong(what))
    } else {
        Ok(())
    }
}

impl WorkLine {
    /// The form for a new line: the office's unit, from today to today (to be set).
    pub fn blank(unit: &str, today: NaiveDate, now: DateTime<Utc>) -> WorkLine {
        WorkLine {
            meta: Meta::unsaved(now),
            name: String::new(),
            goal: String::new(),
            lead: None,
            unit: unit.to_string(),
            members: vec![],
            measures: String::new(),
            start: today,
            deadline: today,
            status: LineStatus::Active,
            deleted: false,
        }
    }

    pub fn check(&self) -> Result<(), WorkLineError> {
        if self.name.trim().is_empty() {
            return Err(WorkLineError::NameMissing);
        }
        if self.deadline < self.start {
            return Err(WorkLineError::DeadlineBeforeStart);
        }
        check_len(&self.name, "名称")?;
        check_len(&self.goal, "目标")?;
        check_len(&self.measures, "推进措施")?;
        check_len(&self.unit, "责任单位")
    }
}

impl Task {
    /// The form for a new task of `line`: due when the line is, after its tasks (`after`).
    pub fn blank(line: &WorkLine, after: &[Task], now: DateTime<Utc>) -> Task {
        Task {
            meta: Meta::unsaved(now),
            line_id: line.meta.id,
            title: String::new(),
            owners: vec![],
            due: line.deadline,
            progress: 0,
            status: TaskStatus::NotStarted,
            notes: String::new(),
            progress_note: String::new(),
            recurrence: Recurrence::None,
            order: after.iter().map(|t| t.order + 1).max().unwrap_or(0),
            finished_on: None,
            history: vec![],
            deleted: false,
        }
    }

    pub fn check(&self) -> Result<(), WorkLineError> {
        if self.title.trim().is_empty() {
            return Err(WorkLineError::TitleMissing);
        }
        if self.progress > 100 {
            return Err(WorkLineError::ProgressOutOfRange);
        }
        check_len(&self.title, "任务名称")?;
        check_len(&self.notes, "备注")?;
        check_len(&self.progress_note, "进展说明")
    }
}
