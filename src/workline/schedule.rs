//! Dates and progress of tasks: weeks, overdue days, progress updates, recurrence, ordering.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::model::{ProgressEntry, Recurrence, Task, TaskStatus, WorkLine};
use crate::record::{DeviceId, Id, Meta};

/// The Monday of the week that holds `day` (weeks run Monday to Sunday, as offices plan them).
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}

pub use crate::local_time::month_bounds;

/// Whole days past the due date for an unfinished task, or `None` if not overdue.
pub fn days_overdue(task: &Task, today: NaiveDate) -> Option<i64> {
    if task.status == TaskStatus::Done || task.deleted {
        return None;
    }
    let days = (today - task.due).num_days();
    (days > 0).then_some(days)
}

/// Whether a task was finished after its due date, and by how many days.
pub fn days_late(task: &Task) -> Option<i64> {
    let finished = task.finished_on?;
    let days = (finished - task.due).num_days();
    (days > 0).then_some(days)
}

/// The task as it stood at the end of `day`, from its dated progress history: progress, status,
/// note and finish day as then (a report for a past period must not quote today's progress).
/// A task with no history at all (set up that way, or from an old file) has nothing dated to
/// go by, and keeps its state, unless it was finished after `day`.
pub fn as_at(task: &Task, day: NaiveDate) -> Task {
    let mut then = task.clone();
    if task.finished_on.is_some_and(|d| d <= day) {
        return then;
    }
    then.finished_on = None;
    let last = task
        .history
        .iter()
        .enumerate()
        .filter(|(_, h)| h.on <= day)
        .max_by_key(|(i, h)| (h.on, *i))
        .map(|(_, h)| h);
    match last {
        Some(h) => {
            then.progress = h.progress;
            then.status = h.status;
            then.progress_note = h.note.clone();
            if h.status == TaskStatus::Done {
                // Done then, reopened since: finished on the day this run of "done" began.
                // (History is written in the order things happened.)
                then.finished_on = task
                    .history
                    .iter()
                    .filter(|e| e.on <= day)
                    .rev()
                    .take_while(|e| e.status == TaskStatus::Done)
                    .last()
                    .map(|e| e.on);
            }
        }
        None if task.history.is_empty() && task.finished_on.is_none() => {}
        None => {
            then.progress = 0;
            then.status = TaskStatus::NotStarted;
            then.progress_note = String::new();
        }
    }
    then.history.retain(|h| h.on <= day);
    then
}

/// What a person reports about a task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressUpdate {
    pub progress: u8,
    pub status: TaskStatus,
    /// 进展说明, e.g. "已检查6家，发现隐患4处".
    pub note: String,
}

impl ProgressUpdate {
    /// Progress and status agree: 100 % means done, done means 100 %.
    pub fn normalised(&self) -> ProgressUpdate {
        let mut u = self.clone();
        u.progress = u.progress.min(100);
        if u.status == TaskStatus::Done {
            u.progress = 100;
        } else if u.progress == 100 {
            u.status = TaskStatus::Done;
        } else if u.progress > 0 && u.status == TaskStatus::NotStarted {
            u.status = TaskStatus::InProgress;
        }
        u
    }
}

/// Applies an update to a task as an edit by `device` on `today`. Returns the next occurrence
/// of a recurring task that was just finished.
pub fn apply_update(
    task: &mut Task,
    update: &ProgressUpdate,
    today: NaiveDate,
    device: &DeviceId,
    now: chrono::DateTime<chrono::Utc>,
) -> Option<Task> {
    let u = update.normalised();
    let was_done = task.status == TaskStatus::Done;
    let note = u.note.trim().to_string();
    if (u.progress, u.status) != (task.progress, task.status) || note != task.progress_note {
        task.history.push(ProgressEntry {
            on: today,
            progress: u.progress,
            status: u.status,
            note: note.clone(),
        });
    }
    task.progress = u.progress;
    task.status = u.status;
    task.progress_note = note;
    task.finished_on = match (was_done, u.status == TaskStatus::Done) {
        (false, true) => Some(today),
        (_, false) => None,
        (true, true) => task.finished_on.or(Some(today)),
    };
    task.meta.touch(device, now);
    if !was_done && task.status == TaskStatus::Done {
        next_occurrence(task, device, now)
    } else {
        None
    }
}

/// The next task of a recurring series, due one week or month after this one.
pub fn next_occurrence(
    task: &Task,
    device: &DeviceId,
    now: chrono::DateTime<chrono::Utc>,
) -> Option<Task> {
    let due = match task.recurrence {
        Recurrence::None => return None,
        Recurrence::Weekly => task.due.checked_add_days(Days::new(7))?,
        Recurrence::Monthly => task.due.checked_add_months(Months::new(1))?,
    };
    Some(Task {
        meta: Meta::new(device, now),
        due,
        progress: 0,
        status: TaskStatus::NotStarted,
        progress_note: String::new(),
        finished_on: None,
        history: Vec::new(),
        order: task.order + 1,
        ..task.clone()
    })
}

/// The task moved to another line, last among that line's tasks (`there`): it keeps no order
/// from the line it left.
pub fn move_to_line(task: &Task, line: Id, there: &[&Task]) -> Task {
    Task {
        line_id: line,
        order: there.iter().map(|t| t.order + 1).max().unwrap_or(0),
        ..task.clone()
    }
}

/// A line deleted with every task of it (`tasks` may hold others; they are left alone): saved in
/// one transaction, so a line is never gone while its tasks still show in 我的任务.
pub fn delete_line(line: &WorkLine, tasks: &[Task]) -> (WorkLine, Vec<Task>) {
    let gone = tasks
        .iter()
        .filter(|t| t.line_id == line.meta.id)
        .map(|t| Task {
            deleted: true,
            ..t.clone()
        })
        .collect();
    (
        WorkLine {
            deleted: true,
            ..line.clone()
        },
        gone,
    )
}

/// Moves the task at `from` to `to` within a line's tasks (already sorted by order) and returns
/// the tasks whose order changed, renumbered.
pub fn reorder(tasks: &[Task], from: usize, to: usize) -> Vec<Task> {
    if from >= tasks.len() || to >= tasks.len() || from == to {
        return Vec::new();
    }
    let mut list: Vec<Task> = tasks.to_vec();
    let moved = list.remove(from);
    list.insert(to, moved);
    list.into_iter()
        .enumerate()
        .filter_map(|(i, mut t)| {
            let order = i as i64;
            (t.order != order).then(|| {
                t.order = order;
                t
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Meta;
    use chrono::DateTime;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    pub(crate) fn task(title: &str, due: NaiveDate) -> Task {
        Task {
            meta: Meta::new(
                &DeviceId("d".into()),
                DateTime::from_timestamp(0, 0).unwrap_or_default(),
            ),
            line_id: uuid::Uuid::nil(),
            title: title.into(),
            owners: vec![],
            due,
            progress: 0,
            status: TaskStatus::NotStarted,
            notes: String::new(),
            progress_note: String::new(),
            recurrence: Recurrence::None,
            order: 0,
            finished_on: None,
            history: vec![],
            deleted: false,
        }
    }

    #[test]
    fn weeks_start_on_monday_and_months_have_their_last_day() {
        assert_eq!(week_start(d(2026, 11, 27)), d(2026, 11, 23)); // a Friday
        assert_eq!(week_start(d(2026, 11, 23)), d(2026, 11, 23));
        assert_eq!(week_start(d(2026, 11, 29)), d(2026, 11, 23)); // Sunday
        assert_eq!(
            month_bounds(d(2026, 2, 14)),
            (d(2026, 2, 1), d(2026, 2, 28))
        );
        assert_eq!(month_bounds(d(2028, 2, 14)).1, d(2028, 2, 29));
        assert_eq!(
            month_bounds(d(2026, 12, 31)),
            (d(2026, 12, 1), d(2026, 12, 31))
        );
    }

    #[test]
    fn overdue_counts_whole_days_after_the_due_date() {
        let t = task("修路", d(2026, 11, 20));
        assert_eq!(days_overdue(&t, d(2026, 11, 20)), None);
        assert_eq!(days_overdue(&t, d(2026, 11, 27)), Some(7));
        let done = Task {
            status: TaskStatus::Done,
            ..t.clone()
        };
        assert_eq!(days_overdue(&done, d(2026, 11, 27)), None);
        let gone = Task { deleted: true, ..t };
        assert_eq!(days_overdue(&gone, d(2026, 11, 27)), None);
    }

    #[test]
    fn an_update_records_history_and_the_finish_day() {
        let now = DateTime::from_timestamp(100, 0).unwrap_or_default();
        let dev = DeviceId("m".into());
        let mut t = task("修路", d(2026, 11, 20));
        let upd = |p: u8, s: TaskStatus| ProgressUpdate {
            progress: p,
            status: s,
            note: "说明".into(),
        };
        assert_eq!(
            apply_update(
                &mut t,
                &upd(40, TaskStatus::NotStarted),
                d(2026, 11, 18),
                &dev,
                now
            ),
            None
        );
        assert_eq!((t.progress, t.status), (40, TaskStatus::InProgress));
        assert_eq!(
            apply_update(
                &mut t,
                &upd(100, TaskStatus::InProgress),
                d(2026, 11, 22),
                &dev,
                now
            ),
            None
        );
        assert_eq!(
            (t.status, t.finished_on),
            (TaskStatus::Done, Some(d(2026, 11, 22)))
        );
        assert_eq!(days_late(&t), Some(2));
        assert_eq!(t.history.len(), 2);
        assert_eq!(t.meta.rev, 3);
        assert!(t.meta.is_consistent());
        // Reopened: no finish day any more.
        apply_update(
            &mut t,
            &upd(80, TaskStatus::InProgress),
            d(2026, 11, 23),
            &dev,
            now,
        );
        assert_eq!(t.finished_on, None);
    }

    #[test]
    fn a_task_as_it_stood_on_a_past_day_comes_from_its_history() {
        let now = DateTime::from_timestamp(100, 0).unwrap_or_default();
        let dev = DeviceId("m".into());
        let upd = |progress, status, note: &str| ProgressUpdate {
            progress,
            status,
            note: note.into(),
        };
        let mut t = task("排水沟", d(2026, 11, 26));
        apply_update(
            &mut t,
            &upd(30, TaskStatus::InProgress, "已挖"),
            d(2026, 11, 10),
            &dev,
            now,
        );
        apply_update(
            &mut t,
            &upd(60, TaskStatus::InProgress, "过半"),
            d(2026, 12, 1),
            &dev,
            now,
        );
        apply_update(
            &mut t,
            &upd(100, TaskStatus::Done, ""),
            d(2026, 12, 2),
            &dev,
            now,
        );
        let nov = as_at(&t, d(2026, 11, 30));
        assert_eq!(
            (
                nov.progress,
                nov.status,
                nov.finished_on,
                nov.progress_note.as_str()
            ),
            (30, TaskStatus::InProgress, None, "已挖")
        );
        assert_eq!(days_overdue(&nov, d(2026, 11, 30)), Some(4));
        assert_eq!(nov.history.len(), 1);
        assert_eq!(as_at(&t, d(2026, 11, 9)).progress, 0);
        assert_eq!(as_at(&t, d(2026, 11, 9)).status, TaskStatus::NotStarted);
        assert_eq!(as_at(&t, d(2026, 12, 2)), t);
        // Done on 12-2, reopened on 12-3, done again on 12-5: on 12-4 it was done since 12-2.
        apply_update(
            &mut t,
            &upd(80, TaskStatus::InProgress, ""),
            d(2026, 12, 3),
            &dev,
            now,
        );
        apply_update(
            &mut t,
            &upd(100, TaskStatus::Done, ""),
            d(2026, 12, 5),
            &dev,
            now,
        );
        assert_eq!(t.finished_on, Some(d(2026, 12, 5)));
        let then = as_at(&t, d(2026, 12, 2));
        assert_eq!(
            (then.status, then.finished_on),
            (TaskStatus::Done, Some(d(2026, 12, 2)))
        );
        assert_eq!(as_at(&t, d(2026, 12, 4)).status, TaskStatus::InProgress);
        // No history at all: nothing dated to go by, the state stands.
        let mut plain = task("路灯", d(2026, 11, 20));
        plain.progress = 40;
        plain.status = TaskStatus::InProgress;
        assert_eq!(as_at(&plain, d(2026, 11, 1)), plain);
    }

    #[test]
    fn finishing_a_recurring_task_schedules_the_next_one() {
        let now = DateTime::from_timestamp(100, 0).unwrap_or_default();
        let dev = DeviceId("m".into());
        let mut weekly = Task {
            recurrence: Recurrence::Weekly,
            ..task("周报", d(2026, 11, 27))
        };
        let done = ProgressUpdate {
            progress: 100,
            status: TaskStatus::Done,
            note: String::new(),
        };
        let next = apply_update(&mut weekly, &done, d(2026, 11, 27), &dev, now);
        let next = next.unwrap_or_else(|| panic!("a weekly task recurs"));
        assert_eq!(
            (next.due, next.progress, next.status),
            (d(2026, 12, 4), 0, TaskStatus::NotStarted)
        );
        assert_ne!(next.meta.id, weekly.meta.id);
        assert_eq!(next.line_id, weekly.line_id);
        // Finishing it again does not schedule a second copy.
        assert_eq!(
            apply_update(&mut weekly, &done, d(2026, 11, 28), &dev, now),
            None
        );
        let monthly = Task {
            recurrence: Recurrence::Monthly,
            ..task("月报", d(2026, 1, 31))
        };
        assert_eq!(
            next_occurrence(&monthly, &dev, now).map(|t| t.due),
            Some(d(2026, 2, 28))
        );
        assert_eq!(
            next_occurrence(&task("一次", d(2026, 1, 1)), &dev, now),
            None
        );
    }

    #[test]
    fn a_task_moved_to_another_line_goes_last_there() {
        let mut moving = task("移来", d(2026, 1, 1));
        moving.order = 0;
        let there: Vec<Task> = [3, 7, 5]
            .into_iter()
            .map(|order| Task {
                order,
                ..task("原有", d(2026, 1, 1))
            })
            .collect();
        let line = uuid::Uuid::from_u128(42);
        let moved = move_to_line(&moving, line, &there.iter().collect::<Vec<_>>());
        assert_eq!((moved.line_id, moved.order), (line, 8));
        assert_eq!(move_to_line(&moving, line, &[]).order, 0);
    }

    #[test]
    fn a_new_task_is_due_with_its_line_and_goes_last() {
        let now = DateTime::from_timestamp(0, 0).unwrap_or_default();
        let mut line = WorkLine::blank("城建办", d(2026, 3, 1), now);
        line.deadline = d(2026, 6, 30);
        let mut tasks = vec![task("甲", d(2026, 4, 1)), task("乙", d(2026, 5, 1))];
        tasks[0].order = 4;
        tasks[1].order = 2;
        let new = Task::blank(&line, &tasks, now);
        assert_eq!(
            (new.line_id, new.due, new.order),
            (line.meta.id, d(2026, 6, 30), 5)
        );
        assert_eq!((new.progress, new.status), (0, TaskStatus::NotStarted));
        assert_eq!(Task::blank(&line, &[], now).order, 0);
        assert!(
            new.check().is_err(),
            "a task needs its name before it is saved"
        );
    }

    #[test]
    fn a_deleted_line_takes_its_tasks_and_only_them() {
        let now = DateTime::from_timestamp(0, 0).unwrap_or_default();
        let line = WorkLine::blank("城建办", d(2026, 3, 1), now);
        let mut mine = task("甲", d(2026, 4, 1));
        mine.line_id = line.meta.id;
        let other = task("乙", d(2026, 4, 1));
        let (gone, tasks) = delete_line(&line, &[mine.clone(), other]);
        assert!(gone.deleted && gone.meta.id == line.meta.id);
        assert_eq!(tasks.len(), 1);
        assert!(tasks[0].deleted && tasks[0].meta.id == mine.meta.id);
    }

    #[test]
    fn reordering_renumbers_only_what_moved() {
        let mut list: Vec<Task> = ["甲", "乙", "丙", "丁"]
            .iter()
            .map(|t| task(t, d(2026, 1, 1)))
            .collect();
        for (i, t) in list.iter_mut().enumerate() {
            t.order = i as i64;
        }
        let changed = reorder(&list, 3, 1);
        let titles: Vec<(&str, i64)> = changed
            .iter()
            .map(|t| (t.title.as_str(), t.order))
            .collect();
        assert_eq!(titles, vec![("丁", 1), ("乙", 2), ("丙", 3)]);
        assert!(reorder(&list, 0, 9).is_empty());
    }
}
