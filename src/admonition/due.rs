//! What needs attention today: rectifications due soon or overdue, observation periods ending
//! this month; and the one rule 述职评议 reads: who may not be graded 优秀 in a year.

use chrono::{Datelike, NaiveDate};

use super::model::{Admonition, Stage};
use crate::record::Id;

/// Rectifications due within this many days are shown as due soon.
pub const DUE_SOON_DAYS: i64 = 2;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attention {
    /// Measures due in this many days (0 = today).
    DueIn(i64),
    /// Measures not handed in, this many days past the deadline.
    Overdue(i64),
    /// Observation ends on this day, this month.
    ObservationEnds(NaiveDate),
}

impl Attention {
    pub fn describe(&self) -> String {
        match self {
            Attention::DueIn(0) => "整改措施今天到期".into(),
            Attention::DueIn(n) => format!("整改措施 {n} 天后到期"),
            Attention::Overdue(n) => format!("整改措施已逾期 {n} 天"),
            Attention::ObservationEnds(d) => format!("考察期 {d} 届满，请及时考察"),
        }
    }

    pub fn is_late(&self) -> bool {
        matches!(self, Attention::Overdue(_))
    }
}

/// What a case needs on `today`, if anything.
pub fn attention(case: &Admonition, today: NaiveDate) -> Option<Attention> {
    if case.deleted {
        return None;
    }
    match &case.stage {
        Stage::Talked => {
            let left = (case.deadline - today).num_days();
            if left < 0 {
                Some(Attention::Overdue(-left))
            } else if left <= DUE_SOON_DAYS {
                Some(Attention::DueIn(left))
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
pub fn attention_list(cases: &[Admonition], today: NaiveDate) -> Vec<(&Admonition, Attention)> {
    let mut list: Vec<(&Admonition, Attention)> = cases
        .iter()
        .filter_map(|c| attention(c, today).map(|a| (c, a)))
        .collect();
    crate::order::sort_by(&mut list, |(_, a)| match a {
        Attention::Overdue(n) => crate::order::Key::ints(0, -n, 0),
        Attention::DueIn(n) => crate::order::Key::ints(1, *n, 0),
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
