//! The steps an open case offers at its stage, and one step applied from what its form holds:
//! 整改措施 after the talk, the 考察期 after the measures, 通报 once, and a 考察 at any open
//! stage that lifts, extends or escalates. Pure; the case screen shows the steps and the form.

use chrono::NaiveDate;

use super::deadline::HolidayCalendar;
use super::model::{Admonition, By, CaseError, Outcome, Rectification, Review, Stage};

/// A step a case may take next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Rectify,
    Observe,
    Circulate,
    Review,
}

impl Step {
    pub fn label(self) -> &'static str {
        match self {
            Step::Rectify => "登记整改措施",
            Step::Observe => "进入考察期",
            Step::Circulate => "登记通报",
            Step::Review => "考察",
        }
    }

    /// What the step's date is the date of.
    pub fn date_label(self) -> &'static str {
        match self {
            Step::Rectify => "提交日期",
            Step::Observe => "考察期开始日期",
            Step::Circulate => "通报日期",
            Step::Review => "考察日期",
        }
    }
}

/// What a 考察 decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Lift,
    Extend,
    Escalate,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [Verdict::Lift, Verdict::Extend, Verdict::Escalate];

    pub fn label(self) -> &'static str {
        match self {
            Verdict::Lift => "考察合格，解除诫勉",
            Verdict::Extend => "延长考察",
            Verdict::Escalate => "升级处理",
        }
    }
}

/// What the step form holds while it is filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct StepDraft {
    pub date: NaiveDate,
    /// The measures (整改措施) or the review's conclusion (考察结论).
    pub text: String,
    pub reviewer: String,
    pub verdict: Verdict,
    /// Months to extend by, as typed.
    pub months: String,
}

impl StepDraft {
    pub fn new(today: NaiveDate) -> StepDraft {
        StepDraft {
            date: today,
            text: String::new(),
            reviewer: String::new(),
            verdict: Verdict::Lift,
            months: "3".into(),
        }
    }
}

impl Admonition {
    /// The steps the case's stage allows, in the order they are usually taken.
    pub fn steps(&self) -> Vec<Step> {
        let mut steps = Vec::new();
        match &self.stage {
            Stage::Talked => steps.push(Step::Rectify),
            Stage::Rectified { .. } => steps.push(Step::Observe),
            _ => {}
        }
        if self.circulated.is_none() && !self.stage.is_closed() {
            steps.push(Step::Circulate);
        }
        if !self.stage.is_closed() {
            steps.push(Step::Review);
        }
        steps
    }
}

/// The case after `step`, as the form says; the case's own rules refuse what may not be done.
pub fn apply(
    case: Admonition,
    step: Step,
    d: &StepDraft,
    calendars: &[HolidayCalendar],
    by: By,
) -> Result<Admonition, CaseError> {
    match step {
        Step::Rectify => case.submit_rectification(
            calendars,
            Rectification {
                submitted: d.date,
                measures: d.text.trim().to_string(),
            },
            by,
        ),
        Step::Observe => case.start_observation(d.date, by),
        Step::Circulate => case.circulate(d.date, by),
        Step::Review => {
            let outcome = match d.verdict {
                Verdict::Lift => Outcome::Lift,
                // A number that is not one is refused by the case as out of range.
                Verdict::Extend => Outcome::Extend {
                    months: d.months.trim().parse().unwrap_or(0),
                },
                Verdict::Escalate => Outcome::Escalate,
            };
            let review = Review {
                reviewer: d.reviewer.trim().to_string(),
                date: d.date,
                conclusion: d.text.trim().to_string(),
            };
            case.review(review, outcome, by)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admonition::testing::{by, case, d};

    fn draft(date: &str) -> StepDraft {
        StepDraft {
            text: "立即整改，建立台账。".into(),
            reviewer: "李书记".into(),
            ..StepDraft::new(d(date))
        }
    }

    #[test]
    fn each_stage_offers_its_next_steps_and_a_closed_case_none() {
        let talked = case("2026-03-02");
        assert_eq!(
            talked.steps(),
            [Step::Rectify, Step::Circulate, Step::Review]
        );
        let rectified = apply(talked, Step::Rectify, &draft("2026-03-05"), &[], by())
            .expect("measures within 5 days");
        assert_eq!(
            rectified.steps(),
            [Step::Observe, Step::Circulate, Step::Review]
        );
        let circulated =
            apply(rectified, Step::Circulate, &draft("2026-03-06"), &[], by()).expect("circulated");
        assert_eq!(circulated.steps(), [Step::Observe, Step::Review]);
        let observing = apply(circulated, Step::Observe, &draft("2026-03-06"), &[], by())
            .expect("observation starts");
        assert_eq!(observing.steps(), [Step::Review]);
        let escalated = apply(
            observing,
            Step::Review,
            &StepDraft {
                verdict: Verdict::Escalate,
                ..draft("2026-04-01")
            },
            &[],
            by(),
        )
        .expect("escalated");
        assert!(escalated.stage.is_closed());
        assert_eq!(escalated.steps(), []);
    }

    #[test]
    fn an_extension_of_no_months_is_refused_by_the_case() {
        let talked = case("2026-03-02");
        let rectified =
            apply(talked, Step::Rectify, &draft("2026-03-05"), &[], by()).expect("measures");
        let observing =
            apply(rectified, Step::Observe, &draft("2026-03-06"), &[], by()).expect("observing");
        for months in ["", "零", "0", "25"] {
            let extend = StepDraft {
                verdict: Verdict::Extend,
                months: months.into(),
                ..draft("2026-06-01")
            };
            assert!(
                apply(observing.clone(), Step::Review, &extend, &[], by()).is_err(),
                "{months:?}"
            );
        }
        let extend = StepDraft {
            verdict: Verdict::Extend,
            months: " 2 ".into(),
            ..draft("2026-06-01")
        };
        assert!(apply(observing, Step::Review, &extend, &[], by()).is_ok());
    }
}
