//! The timeline (Gantt-style) as plain geometry: where each line's bar, each task's due mark and
//! actual finish fall on a day axis. The page draws it as SVG.

use chrono::{Months, NaiveDate};

use super::model::{Task, TaskStatus, WorkLine};
use super::schedule::days_overdue;

/// One drawn row: a line, or a task under an expanded line.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: String,
    pub is_task: bool,
    /// Bar from start to planned end, in days from the axis start.
    pub bar: (f64, f64),
    /// Day marks of tasks due (for line rows: every task's due date).
    pub due_marks: Vec<f64>,
    /// Actual finish, when finished.
    pub finish: Option<f64>,
    pub late: bool,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub today: f64,
    pub rows: Vec<Row>,
}

impl Timeline {
    pub fn days(&self) -> f64 {
        ((self.end - self.start).num_days() + 1) as f64
    }
}

fn at(start: NaiveDate, day: NaiveDate) -> f64 {
    (day - start).num_days() as f64
}

/// Which days the timeline shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Window {
    /// From a month before today to two months after: what a weekly meeting looks at.
    #[default]
    Near,
    /// From the earliest start to the latest deadline.
    All,
}

impl Window {
    pub const ALL: [Window; 2] = [Window::Near, Window::All];

    pub fn label(self) -> &'static str {
        match self {
            Window::Near => "一个月前至两个月后",
            Window::All => "全部时间",
        }
    }

    fn bounds(self, today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            Window::Near => Some((
                today.checked_sub_months(Months::new(1)).unwrap_or(today),
                today.checked_add_months(Months::new(2)).unwrap_or(today),
            )),
            Window::All => None,
        }
    }
}

/// The day a task's bar starts: the day it was made (tasks have no start of their own), or its
/// due day if that is earlier.
fn task_start(task: &Task) -> NaiveDate {
    task.meta.created_at.date_naive().min(task.due)
}

/// Lays out `lines` (not deleted) with their tasks over every day they span; tasks are rows
/// only under `expanded` lines.
pub fn layout(
    lines: &[&WorkLine],
    tasks: &[&Task],
    expanded: &[uuid::Uuid],
    today: NaiveDate,
) -> Timeline {
    layout_in(lines, tasks, expanded, today, Window::All)
}

/// [`layout`] over the days `window` shows: bars are cut at its edges, marks outside it left out.
pub fn layout_in(
    lines: &[&WorkLine],
    tasks: &[&Task],
    expanded: &[uuid::Uuid],
    today: NaiveDate,
    window: Window,
) -> Timeline {
    let days = lines
        .iter()
        .flat_map(|l| [l.start, l.deadline])
        .chain(
            tasks
                .iter()
                .flat_map(|t| std::iter::once(t.due).chain(t.finished_on)),
        )
        .chain(std::iter::once(today));
    let (start, end) = window
        .bounds(today)
        .unwrap_or_else(|| days.fold((today, today), |(lo, hi), d| (lo.min(d), hi.max(d))));
    let last = at(start, end) + 1.0;
    let clip = |(a, b): (f64, f64)| (a.clamp(0.0, last), b.clamp(0.0, last));
    let inside = |x: &f64| (0.0..last).contains(x);
    let mut rows = Vec::new();
    for line in lines {
        let own: Vec<&&Task> = tasks
            .iter()
            .filter(|t| t.line_id == line.meta.id && !t.deleted)
            .collect();
        let all_done = !own.is_empty() && own.iter().all(|t| t.status == TaskStatus::Done);
        let finish = all_done
            .then(|| own.iter().filter_map(|t| t.finished_on).max())
            .flatten();
        rows.push(Row {
            label: line.name.clone(),
            is_task: false,
            bar: clip((at(start, line.start), at(start, line.deadline) + 1.0)),
            due_marks: own
                .iter()
                .map(|t| at(start, t.due))
                .filter(inside)
                .collect(),
            finish: finish.map(|d| at(start, d)).filter(inside),
            late: finish.map_or(today > line.deadline && !all_done, |f| f > line.deadline),
            done: all_done,
        });
        if expanded.contains(&line.meta.id) {
            for t in own {
                rows.push(Row {
                    label: t.title.clone(),
                    is_task: true,
                    bar: clip((at(start, task_start(t)), at(start, t.due) + 1.0)),
                    due_marks: Some(at(start, t.due)).filter(inside).into_iter().collect(),
                    finish: t.finished_on.map(|d| at(start, d)).filter(inside),
                    late: t
                        .finished_on
                        .map_or(days_overdue(t, today).is_some(), |f| f > t.due),
                    done: t.status == TaskStatus::Done,
                });
            }
        }
    }
    Timeline {
        start,
        end,
        today: at(start, today),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{DeviceId, Meta};
    use crate::workline::model::{LineStatus, Recurrence};
    use chrono::DateTime;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap_or_default()
    }

    #[test]
    fn bars_and_marks_fall_on_their_days() {
        let meta = || {
            Meta::new(
                &DeviceId("d".into()),
                DateTime::from_timestamp(0, 0).unwrap_or_default(),
            )
        };
        let line = WorkLine {
            meta: meta(),
            name: "道路".into(),
            goal: String::new(),
            lead: None,
            unit: String::new(),
            members: vec![],
            measures: String::new(),
            start: d(2),
            deadline: d(20),
            status: LineStatus::Active,
            deleted: false,
        };
        let task = Task {
            meta: meta(),
            line_id: line.meta.id,
            title: "路基".into(),
            owners: vec![],
            due: d(10),
            progress: 100,
            status: TaskStatus::Done,
            notes: String::new(),
            progress_note: String::new(),
            recurrence: Recurrence::None,
            order: 0,
            finished_on: Some(d(12)),
            history: vec![],
            deleted: false,
        };
        let t = layout(&[&line], &[&task], &[line.meta.id], d(25));
        assert_eq!((t.start, t.end), (d(2), d(25)));
        assert_eq!(t.today, 23.0);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].bar, (0.0, 19.0));
        assert_eq!(t.rows[0].finish, Some(10.0));
        assert!(!t.rows[0].late, "all tasks done before the deadline");
        assert_eq!(t.rows[1].due_marks, vec![8.0]);
        assert_eq!(t.rows[1].finish, Some(10.0));
        assert!(t.rows[1].late, "finished two days after due");
        let collapsed = layout(&[&line], &[&task], &[], d(25));
        assert_eq!(collapsed.rows.len(), 1);
    }

    #[test]
    fn the_near_window_cuts_bars_at_its_edges_and_a_task_starts_when_it_was_made() {
        let made = DateTime::from_timestamp(0, 0)
            .unwrap_or_default()
            .with_timezone(&chrono::Utc);
        let made = made
            + chrono::Duration::days(
                (NaiveDate::from_ymd_opt(2026, 11, 5).unwrap_or_default()
                    - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default())
                .num_days(),
            );
        let mut meta = Meta::new(&DeviceId("d".into()), made);
        let line = WorkLine {
            meta: meta.clone(),
            name: "全年任务".into(),
            goal: String::new(),
            lead: None,
            unit: String::new(),
            members: vec![],
            measures: String::new(),
            start: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
            deadline: NaiveDate::from_ymd_opt(2027, 6, 30).unwrap_or_default(),
            status: LineStatus::Active,
            deleted: false,
        };
        meta.id = uuid::Uuid::new_v4();
        let task = Task {
            meta,
            line_id: line.meta.id,
            title: "巡查".into(),
            owners: vec![],
            due: d(20),
            progress: 0,
            status: TaskStatus::InProgress,
            notes: String::new(),
            progress_note: String::new(),
            recurrence: Recurrence::None,
            order: 0,
            finished_on: None,
            history: vec![],
            deleted: false,
        };
        let t = layout_in(&[&line], &[&task], &[line.meta.id], d(28), Window::Near);
        assert_eq!(
            (t.start, t.end),
            (
                d(28) - chrono::Days::new(31),
                NaiveDate::from_ymd_opt(2027, 1, 28).unwrap_or_default()
            )
        );
        assert_eq!(
            t.rows[0].bar,
            (0.0, t.days()),
            "the year-long line fills the window"
        );
        // The task's bar runs from the day it was made (11-05) to its due day (11-20).
        let from = (d(5) - t.start).num_days() as f64;
        assert_eq!(t.rows[1].bar, (from, from + 16.0));
        assert_eq!(Window::default(), Window::Near);
    }
}
