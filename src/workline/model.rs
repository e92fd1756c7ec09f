//! Work lines (工作线) and their tasks (任务), as stored and exchanged.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::draft::typed_or_theirs;
use crate::record::{Entity, Id, Meta};
use crate::store::schema::StoreName;

crate::read_by_name! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
    #[serde(rename_all = "snake_case")]
    pub enum LineStatus {
        #[default]
        Active,
        Done,
        Suspended,
    }
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

crate::read_by_name! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
    #[serde(rename_all = "snake_case")]
    pub enum TaskStatus {
        #[default]
        NotStarted,
        InProgress,
        Done,
        Blocked,
    }
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

crate::read_by_name! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
    #[serde(rename_all = "snake_case")]
    pub enum Recurrence {
        #[default]
        None,
        Weekly,
        Monthly,
    }
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

    /// "保留我的修改" after another window saved this line: each field the form changed since it
    /// opened from `opened`, every other field as `theirs` has it.
    pub fn with_typed(&self, opened: &WorkLine, theirs: &WorkLine) -> WorkLine {
        let (t, o, th) = (self, opened, theirs);
        WorkLine {
            meta: th.meta.clone(),
            name: typed_or_theirs(&t.name, &o.name, &th.name),
            goal: typed_or_theirs(&t.goal, &o.goal, &th.goal),
            lead: typed_or_theirs(&t.lead, &o.lead, &th.lead),
            unit: typed_or_theirs(&t.unit, &o.unit, &th.unit),
            members: typed_or_theirs(&t.members, &o.members, &th.members),
            measures: typed_or_theirs(&t.measures, &o.measures, &th.measures),
            start: typed_or_theirs(&t.start, &o.start, &th.start),
            deadline: typed_or_theirs(&t.deadline, &o.deadline, &th.deadline),
            status: typed_or_theirs(&t.status, &o.status, &th.status),
            deleted: th.deleted,
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

    /// "保留我的修改" after another window saved this task: the fields of the task's form
    /// (name, owners, due, repeat, note) as typed where they changed since `opened`; progress,
    /// status and history — the owners' report, which this form does not show — as `theirs`.
    pub fn with_typed(&self, opened: &Task, theirs: &Task) -> Task {
        let (t, o) = (self, opened);
        Task {
            title: typed_or_theirs(&t.title, &o.title, &theirs.title),
            owners: typed_or_theirs(&t.owners, &o.owners, &theirs.owners),
            due: typed_or_theirs(&t.due, &o.due, &theirs.due),
            recurrence: typed_or_theirs(&t.recurrence, &o.recurrence, &theirs.recurrence),
            notes: typed_or_theirs(&t.notes, &o.notes, &theirs.notes),
            ..theirs.clone()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap_or_default()
    }

    #[test]
    fn keeping_a_line_form_keeps_what_was_typed_and_takes_the_rest_from_the_other_window() {
        let opened = WorkLine::blank("党政办", day(1), DateTime::default());
        let typed = WorkLine {
            measures: "每周三现场调度".into(),
            ..opened.clone()
        };
        let mut theirs = WorkLine {
            goal: "年底前完成".into(),
            deadline: day(31),
            ..opened.clone()
        };
        theirs.meta.rev += 1;
        let kept = typed.with_typed(&opened, &theirs);
        assert_eq!(kept.measures, "每周三现场调度");
        assert_eq!(kept.goal, "年底前完成");
        assert_eq!(kept.deadline, day(31));
        assert_eq!(kept.meta, theirs.meta, "saving follows the stored version");
    }

    #[test]
    fn keeping_a_task_form_never_takes_back_the_owners_progress() {
        let line = WorkLine::blank("党政办", day(1), DateTime::default());
        let opened = Task::blank(&line, &[], DateTime::default());
        let typed = Task {
            notes: "先查资料".into(),
            ..opened.clone()
        };
        let theirs = Task {
            progress: 60,
            status: TaskStatus::InProgress,
            progress_note: "已完成两段".into(),
            title: "道路硬化".into(),
            ..opened.clone()
        };
        let kept = typed.with_typed(&opened, &theirs);
        assert_eq!(kept.notes, "先查资料");
        assert_eq!(kept.title, "道路硬化");
        assert_eq!((kept.progress, kept.status), (60, TaskStatus::InProgress));
        assert_eq!(kept.progress_note, "已完成两段");
    }
}
