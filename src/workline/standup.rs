//! 每日碰头会: a short daily entry per line — done yesterday, planned today, problems. A problem
//! not yet solved is carried forward to the next day's entry.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::record::{Entity, Id, Meta};
use crate::store::schema::StoreName;

/// A difficulty or problem (困难和问题) raised at a stand-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Stable across the days it is carried, so it can be followed.
    pub id: Id,
    pub text: String,
    pub raised_on: NaiveDate,
    #[serde(default)]
    pub solved_on: Option<NaiveDate>,
    /// How it is being or was solved.
    #[serde(default)]
    pub solution: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StandUp {
    pub meta: Meta,
    pub line_id: Id,
    pub date: NaiveDate,
    #[serde(default)]
    pub done: String,
    #[serde(default)]
    pub planned: String,
    #[serde(default)]
    pub problems: Vec<Problem>,
}

impl Entity for StandUp {
    const STORE: StoreName = StoreName::StandUps;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

/// The problems a new day's entry starts with: the unsolved ones of the latest earlier entry.
pub fn carried_problems(entries: &[StandUp], line_id: Id, day: NaiveDate) -> Vec<Problem> {
    entries
        .iter()
        .filter(|s| s.line_id == line_id && s.date < day)
        .max_by_key(|s| s.date)
        .map(|s| {
            s.problems
                .iter()
                .filter(|p| p.solved_on.is_none())
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

/// A line's entry for a day as a form starts it: the stored one, or a new one holding the
/// problems still open from the line's latest earlier entry.
pub fn entry_for(
    entries: &[StandUp],
    line_id: Id,
    day: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
) -> StandUp {
    entries
        .iter()
        .find(|s| s.line_id == line_id && s.date == day)
        .cloned()
        .unwrap_or_else(|| StandUp {
            meta: Meta::unsaved(now),
            line_id,
            date: day,
            done: String::new(),
            planned: String::new(),
            problems: carried_problems(entries, line_id, day),
        })
}

/// The day's stand-up across all lines (全镇碰头会): one entry per line, in the lines' order.
pub fn day_across_lines(
    entries: &[StandUp],
    lines: &[Id],
    day: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<StandUp> {
    lines
        .iter()
        .map(|line| entry_for(entries, *line, day, now))
        .collect()
}

/// Which of a day's drafts need saving: changed from what is stored, or (not stored yet) holding
/// anything said at the meeting — a line nobody spoke about gets no empty record.
pub fn to_save(entries: &[StandUp], drafts: &[StandUp]) -> Vec<StandUp> {
    drafts
        .iter()
        .filter(|d| {
            match entries
                .iter()
                .find(|s| s.line_id == d.line_id && s.date == d.date)
            {
                Some(stored) => stored != *d,
                None => {
                    let carried = carried_problems(entries, d.line_id, d.date);
                    !d.done.trim().is_empty()
                        || !d.planned.trim().is_empty()
                        || d.problems != carried
                }
            }
        })
        .cloned()
        .collect()
}

/// Every problem of a line seen in a period, latest state of each (by problem id).
pub fn problems_in(
    entries: &[StandUp],
    line_id: Id,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<Problem> {
    let mut latest: Vec<(NaiveDate, Problem)> = Vec::new();
    for s in entries
        .iter()
        .filter(|s| s.line_id == line_id && s.date >= from && s.date <= to)
    {
        for p in &s.problems {
            match latest.iter_mut().find(|(_, q)| q.id == p.id) {
                Some((seen, q)) if *seen <= s.date => {
                    *seen = s.date;
                    *q = p.clone();
                }
                Some(_) => {}
                None => latest.push((s.date, p.clone())),
            }
        }
    }
    let mut out: Vec<Problem> = latest.into_iter().map(|(_, p)| p).collect();
    crate::order::sort_by(&mut out, |p| {
        crate::order::Key::int(crate::order::day(p.raised_on))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::DeviceId;
    use chrono::DateTime;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap_or_default()
    }

    fn entry(line: Id, day: u32, problems: Vec<Problem>) -> StandUp {
        StandUp {
            meta: Meta::new(
                &DeviceId("d".into()),
                DateTime::from_timestamp(0, 0).unwrap_or_default(),
            ),
            line_id: line,
            date: d(day),
            done: String::new(),
            planned: String::new(),
            problems,
        }
    }

    fn problem(text: &str, raised: u32, solved: Option<u32>) -> Problem {
        Problem {
            id: uuid::Uuid::new_v4(),
            text: text.into(),
            raised_on: d(raised),
            solved_on: solved.map(d),
            solution: String::new(),
        }
    }

    #[test]
    fn unsolved_problems_carry_to_the_next_day() {
        let line = uuid::Uuid::new_v4();
        let other = uuid::Uuid::new_v4();
        let open = problem("资金未到位", 24, None);
        let solved = problem("缺少车辆", 24, Some(25));
        let entries = vec![
            entry(line, 24, vec![problem("旧问题", 20, None)]),
            entry(line, 25, vec![open.clone(), solved]),
            entry(other, 26, vec![problem("别的线", 26, None)]),
        ];
        assert_eq!(carried_problems(&entries, line, d(27)), vec![open]);
        assert!(carried_problems(&entries, line, d(24)).is_empty());
    }

    #[test]
    fn a_period_lists_each_problem_once_in_its_latest_state() {
        let line = uuid::Uuid::new_v4();
        let mut p = problem("资金未到位", 23, None);
        let first = entry(line, 23, vec![p.clone()]);
        p.solved_on = Some(d(25));
        p.solution = "已协调财政所".into();
        let later = entry(line, 25, vec![p.clone()]);
        let listed = problems_in(&[later, first], line, d(23), d(29));
        assert_eq!(listed, vec![p]);
    }

    #[test]
    fn the_townships_stand_up_saves_only_the_lines_spoken_about() {
        let (road, water, school) = (
            uuid::Uuid::new_v4(),
            uuid::Uuid::new_v4(),
            uuid::Uuid::new_v4(),
        );
        let now = DateTime::from_timestamp(0, 0).unwrap_or_default();
        let open = problem("管材未到货", 24, None);
        let entries = vec![entry(water, 24, vec![open.clone()])];
        let mut day = day_across_lines(&entries, &[road, water, school], d(25), now);
        assert_eq!(day.len(), 3);
        assert_eq!(day[1].problems, vec![open], "carried on its own line");
        assert!(to_save(&entries, &day).is_empty(), "nothing said yet");
        day[0].done = "路基完成一半".into();
        day[1].problems[0].solved_on = Some(d(25));
        let saved = to_save(&entries, &day);
        let lines: Vec<Id> = saved.iter().map(|s| s.line_id).collect();
        assert_eq!(lines, vec![road, water]);
        // Once stored, an unchanged entry is not saved again.
        assert!(to_save(&saved, &saved).is_empty());
    }
}
