//! What needs attention today: rectifications due soon or overdue, observation periods ending
//! this month; and the one rule 述职评议 reads: who may not be graded 优秀 in a year.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::deadline::{counted_days, Counting, HolidayCalendar};
use super::model::{Admonition, Event, Stage, Step};
use crate::record::Id;

/// Rectifications due within this many days (in the case's rule) are shown as due soon.
pub const DUE_SOON_DAYS: i64 = 2;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attention {
    /// Measures due in this many days of the case's rule (0 = today).
    DueIn(i64, Counting),
    /// Measures not handed in, this many days (of the case's rule) past the deadline.
    Overdue(i64, Counting),
    /// Observation ends on this day, this month.
    ObservationEnds(NaiveDate),
}

impl Attention {
    pub fn describe(&self) -> String {
        match self {
            Attention::DueIn(0, _) => "整改措施今天到期".into(),
            Attention::DueIn(n, c) => format!("整改措施 {n} {}后到期", c.unit()),
            Attention::Overdue(n, c) => format!("整改措施已逾期 {n} {}", c.unit()),
            Attention::ObservationEnds(d) => format!("考察期 {d} 届满，请及时考察"),
        }
    }

    pub fn is_late(&self) -> bool {
        matches!(self, Attention::Overdue(..))
    }
}

/// What a case needs on `today`, if anything.
pub fn attention(
    case: &Admonition,
    today: NaiveDate,
    calendars: &[HolidayCalendar],
) -> Option<Attention> {
    if case.deleted {
        return None;
    }
    match &case.stage {
        Stage::Talked => {
            let unit = case.rule.counting;
            let left = counted_days(today, case.deadline, unit, calendars);
            if case.deadline < today {
                Some(Attention::Overdue(-left, unit))
            } else if left <= DUE_SOON_DAYS {
                Some(Attention::DueIn(left, unit))
            } else {
                None
            }
        }
        Stage::Observing { until, .. }
            if (until.year(), until.month()) == (today.year(), today.month()) || *until < today =>
        {
            Some(Attention::ObservationEnds(*until))
        }
        _ => None,
    }
}

/// Every case that needs attention, the most urgent first.
pub fn attention_list<'a>(
    cases: &'a [Admonition],
    today: NaiveDate,
    calendars: &[HolidayCalendar],
) -> Vec<(&'a Admonition, Attention)> {
    let mut list: Vec<(&Admonition, Attention)> = cases
        .iter()
        .filter_map(|c| attention(c, today, calendars).map(|a| (c, a)))
        .collect();
    crate::order::sort_by(&mut list, |(c, a)| match a {
        Attention::Overdue(..) => crate::order::Key::ints(0, crate::order::day(c.deadline), 0),
        Attention::DueIn(..) => crate::order::Key::ints(1, crate::order::day(c.deadline), 0),
        Attention::ObservationEnds(d) => crate::order::Key::ints(2, crate::order::day(*d), 0),
    });
    list
}

/// Whether `cadre` had an admonition case in `year` (by the talk's date), which rules out the
/// grade 优秀 in that year's rating. 述职评议 and 谈话诫勉 both ask this one function.
pub fn excluded_from_excellent(cadre: Id, year: i32, cases: &[Admonition]) -> bool {
    cases
        .iter()
        .any(|c| !c.deleted && c.cadre == cadre && c.year() == year)
}

/// Deadlines counted again after a holiday calendar arrived, entered after `seen` (all when
/// never seen), newest first: 首页 shows them until the office has read them.
pub fn recounted_since(
    cases: &[Admonition],
    seen: Option<DateTime<Utc>>,
) -> Vec<(&Admonition, &Step)> {
    let mut list: Vec<(&Admonition, &Step)> = cases
        .iter()
        .filter(|c| !c.deleted)
        .flat_map(|c| c.history.iter().map(move |s| (c, s)))
        .filter(|(_, s)| matches!(s.event, Event::DeadlineRecounted { .. }))
        .filter(|(_, s)| seen.is_none_or(|seen| s.at > seen))
        .collect();
    crate::order::sort_by(&mut list, |(_, s)| {
        crate::order::Key::int(-crate::order::moment(s.at))
    });
    list
}
