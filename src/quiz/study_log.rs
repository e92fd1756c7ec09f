//! 学习记录 for the "四个一": weekly self-study (from practice), monthly group study and the
//! annual closed training (entered by the secretary), and the half-yearly test (from submitted
//! exam sheets) — each cadre's year, and what is missing.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::attempt::Attempt;
use super::paper::{Quiz, QuizMode};
use super::practice::PracticeSession;
use crate::order::Collect;
use crate::record::{Entity, Id, Meta};
use crate::roster::model::Cadre;
use crate::sorted::SortedSet;
use crate::store::schema::StoreName;

crate::read_by_name! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum StudyKind {
        GroupStudy,
        ClosedTraining,
    }
}

impl StudyKind {
    pub const ALL: [StudyKind; 2] = [StudyKind::GroupStudy, StudyKind::ClosedTraining];
    pub fn label(self) -> &'static str {
        match self {
            StudyKind::GroupStudy => "集中学习",
            StudyKind::ClosedTraining => "封闭培训",
        }
    }
}

/// A group study or closed training, with who attended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudyEvent {
    pub meta: Meta,
    pub kind: StudyKind,
    pub date: NaiveDate,
    pub topic: String,
    #[serde(default)]
    pub attendees: Vec<Id>,
    #[serde(default)]
    pub deleted: bool,
}

impl Entity for StudyEvent {
    const STORE: StoreName = StoreName::StudyEvents;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

/// One cadre's year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearRecord {
    /// ISO weeks with at least one practice session.
    pub self_study_weeks: SortedSet<u32>,
    /// Months with a group study attended.
    pub group_months: SortedSet<u32>,
    /// A submitted exam in the first and the second half of the year.
    pub tests: [bool; 2],
    pub closed_training: bool,
}

fn same_person(cadre: &Cadre, name: &str, unit: &str) -> bool {
    crate::roster::matching::same_person(&cadre.name, &cadre.unit, name, unit)
}

pub fn year_record(
    year: i32,
    cadre: &Cadre,
    practice: &[PracticeSession],
    events: &[StudyEvent],
    attempts: &[Attempt],
    quizzes: &[Quiz],
) -> YearRecord {
    let self_study_weeks = practice
        .iter()
        .filter(|p| p.on.year() == year && same_person(cadre, &p.person.name, &p.person.unit))
        .filter(|p| p.on.iso_week().year() == year)
        .map(|p| p.on.iso_week().week())
        .to_set();
    let attended = |kind: StudyKind| {
        events.iter().filter(move |e| {
            !e.deleted
                && e.kind == kind
                && e.date.year() == year
                && e.attendees.contains(&cadre.meta.id)
        })
    };
    let group_months = attended(StudyKind::GroupStudy)
        .map(|e| e.date.month())
        .to_set();
    let closed_training = attended(StudyKind::ClosedTraining).next().is_some();
    let exams: SortedSet<Id> = quizzes
        .iter()
        .filter(|q| q.mode == QuizMode::Exam)
        .map(|q| q.meta.id)
        .to_set();
    let mut tests = [false; 2];
    for a in attempts.iter().filter(|a| {
        exams.contains(&a.quiz_id) && same_person(cadre, &a.respondent.name, &a.respondent.unit)
    }) {
        if let Some(at) = a.submitted_at() {
            let d = at.date_naive();
            if d.year() == year {
                tests[usize::from(d.month() > 6)] = true;
            }
        }
    }
    YearRecord {
        self_study_weeks,
        group_months,
        tests,
        closed_training,
    }
}

/// What is missing as of `today` (only periods already over, or under way, count).
pub fn missing(year: i32, record: &YearRecord, today: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    let weeks_so_far = if today.year() > year {
        NaiveDate::from_ymd_opt(year, 12, 28)
            .map(|d| d.iso_week().week())
            .unwrap_or(52)
    } else if today.year() == year && today.iso_week().year() == year {
        today.iso_week().week()
    } else {
        0
    };
    let missed_weeks = (1..=weeks_so_far)
        .filter(|w| !record.self_study_weeks.contains(w))
        .count();
    if missed_weeks > 0 {
        out.push(format!("自学缺 {missed_weeks} 周"));
    }
    let months_so_far = if today.year() > year {
        12
    } else if today.year() == year {
        today.month()
    } else {
        0
    };
    let missed_months: Vec<String> = (1..=months_so_far)
        .filter(|m| !record.group_months.contains(m))
        .map(|m| format!("{m}月"))
        .collect();
    if !missed_months.is_empty() {
        out.push(format!("集中学习缺 {}", missed_months.join("、")));
    }
    let halves_over = if today.year() > year {
        2
    } else if today.year() == year {
        usize::from(today.month() > 6) + 1
    } else {
        0
    };
    for (half, label) in ["上半年测验", "下半年测验"]
        .iter()
        .enumerate()
        .take(halves_over)
    {
        if !record.tests[half] {
            out.push(format!("未参加{label}"));
        }
    }
    if today.year() >= year && !record.closed_training {
        out.push("未参加封闭培训".into());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::attempt::{AttemptState, Respondent};
    use crate::quiz::paper::Reveal;
    use crate::record::DeviceId;
    use crate::roster::model::CadreFields;
    use chrono::DateTime;

    fn meta() -> Meta {
        Meta::new(
            &DeviceId("d".into()),
            DateTime::from_timestamp(0, 0).unwrap_or_default(),
        )
    }

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap_or_default()
    }

    #[test]
    fn a_year_counts_each_of_the_four() {
        let li = Cadre::new(
            meta(),
            CadreFields {
                name: "李四".into(),
                unit: "城建办".into(),
                post: String::new(),
                phone: String::new(),
            },
        );
        // Practice and the exam sheet say the unit the long way: still 李四 of 城建办.
        let who = Respondent {
            name: "李四".into(),
            unit: "城建办公室".into(),
        };
        let practice: Vec<PracticeSession> = [d(1, 5), d(1, 7), d(1, 14)]
            .into_iter()
            .map(|on| PracticeSession {
                meta: meta(),
                person: who.clone(),
                on,
                answered: 10,
                correct: 8,
            })
            .collect();
        let event = |kind, date| StudyEvent {
            meta: meta(),
            kind,
            date,
            topic: "学习".into(),
            attendees: vec![li.meta.id],
            deleted: false,
        };
        let events = vec![
            event(StudyKind::GroupStudy, d(1, 20)),
            event(StudyKind::GroupStudy, d(3, 2)),
        ];
        let exam = Quiz {
            meta: meta(),
            title: "上半年".into(),
            mode: QuizMode::Exam,
            paper: vec![],
            pass_mark: 0,
            time_limit_minutes: None,
            opens: None,
            closes: None,
            shuffle_questions: false,
            shuffle_options: false,
            seed: 0,
            reveal: Reveal::ScoreOnly,
            deleted: false,
            author: None,
            sent_at: None,
            codes: Default::default(),
        };
        let sheet = Attempt {
            meta: meta(),
            quiz_id: exam.meta.id,
            respondent: who.clone(),
            started_at: DateTime::from_timestamp(0, 0).unwrap_or_default(),
            answers: Default::default(),
            state: AttemptState::Submitted {
                submitted_at: d(6, 20).and_hms_opt(9, 0, 0).unwrap_or_default().and_utc(),
                automatic: false,
            },
            manual_points: Default::default(),
            answered_at: Default::default(),
            check: None,
            paper_card: None,
        };
        let r = year_record(2026, &li, &practice, &events, &[sheet], &[exam]);
        assert_eq!(r.self_study_weeks, SortedSet::from([2, 3]));
        assert_eq!(r.group_months, SortedSet::from([1, 3]));
        assert_eq!(r.tests, [true, false]);
        assert!(!r.closed_training);
        let gaps = missing(2026, &r, d(3, 31));
        assert_eq!(
            gaps,
            vec![
                "自学缺 12 周".to_string(),
                "集中学习缺 2月".into(),
                "未参加封闭培训".into()
            ]
        );
        let gaps = missing(2026, &r, d(8, 1));
        assert!(gaps.contains(&"未参加下半年测验".to_string()), "{gaps:?}");
    }
}
