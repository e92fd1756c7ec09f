//! The tests a cadre has been sent, and where each stands for them: what the home page and the
//! 参加测验 list show, and what is still to be sent back.

use chrono::{DateTime, Utc};

use super::attempt::{Attempt, Respondent};
use super::paper::{Quiz, QuizMode};
use crate::order::{sort_by, Key};

/// Where one test stands for one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestState {
    /// Opens later.
    NotOpenYet,
    /// Open, not started.
    ToDo,
    InProgress {
        answered: usize,
        total: usize,
    },
    /// Handed in: the answer sheet is to be exported and sent back.
    Submitted {
        automatic: bool,
    },
    /// Closed without a sheet from this person.
    Missed,
}

impl TestState {
    pub fn label(self) -> String {
        match self {
            TestState::NotOpenYet => "尚未开始开放".into(),
            TestState::ToDo => "未开始答题".into(),
            TestState::InProgress { answered, total } => {
                format!("答题中（已答 {answered} / {total} 题）")
            }
            TestState::Submitted { automatic: false } => "已交卷，请导出答卷发回".into(),
            TestState::Submitted { automatic: true } => "时间到已自动交卷，请导出答卷发回".into(),
            TestState::Missed => "已截止，未参加".into(),
        }
    }

    /// Whether the person has something to do about it now.
    pub fn needs_action(self) -> bool {
        matches!(
            self,
            TestState::ToDo | TestState::InProgress { .. } | TestState::Submitted { .. }
        )
    }
}

/// This person's latest sheet for a quiz.
pub fn my_attempt<'a>(
    quiz: &Quiz,
    attempts: &'a [Attempt],
    me: &Respondent,
) -> Option<&'a Attempt> {
    attempts
        .iter()
        .filter(|a| a.quiz_id == quiz.meta.id && a.respondent == *me)
        .max_by_key(|a| a.started_at)
}

/// Whether the stored sheet replaces the one a tab answering it holds: the tab holds none yet
/// (it was started in another window), or the same sheet at a later version (answered in
/// another window). Another sheet never replaces the one being answered.
pub fn newer_than(stored: &Attempt, held: Option<&Attempt>) -> bool {
    held.is_none_or(|h| h.meta.id == stored.meta.id && stored.meta.rev > h.meta.rev)
}

pub fn state(quiz: &Quiz, mine: Option<&Attempt>, now: DateTime<Utc>) -> TestState {
    match mine {
        Some(a) => match a.state {
            super::attempt::AttemptState::Submitted { automatic, .. } => {
                TestState::Submitted { automatic }
            }
            super::attempt::AttemptState::InProgress { .. } => TestState::InProgress {
                answered: a.answers.len(),
                total: quiz.paper.len(),
            },
        },
        None if quiz.opens.is_some_and(|o| now < o) => TestState::NotOpenYet,
        None if quiz.closes.is_some_and(|c| now > c) => TestState::Missed,
        None => TestState::ToDo,
    }
}

/// The tests (not practice sets) in this browser with their state for `me`: those needing
/// something first, then by closing time.
pub fn received<'a>(
    quizzes: &'a [Quiz],
    attempts: &[Attempt],
    me: &Respondent,
    now: DateTime<Utc>,
) -> Vec<(&'a Quiz, TestState)> {
    let mut out: Vec<(&Quiz, TestState)> = quizzes
        .iter()
        .filter(|q| !q.deleted && q.mode == QuizMode::Exam)
        .map(|q| (q, state(q, my_attempt(q, attempts, me), now)))
        .collect();
    sort_by(&mut out, |(q, s)| {
        Key::ints(
            i64::from(!s.needs_action()),
            q.closes.map_or(i64::MAX, |c| c.timestamp()),
            0,
        )
        .then(&q.title)
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::attempt::AttemptState;
    use crate::record::{DeviceId, Meta};

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_795_000_000 + minutes * 60, 0).unwrap_or_default()
    }

    fn quiz(title: &str, mode: QuizMode, closes: Option<i64>) -> Quiz {
        let value = serde_json::json!({
            "meta": Meta::new(&DeviceId("s".into()), at(0)), "title": title, "paper": [],
            "pass_mark": 6000, "seed": 1, "mode": mode,
            "closes": closes.map(at),
        });
        serde_json::from_value(value).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn each_test_says_where_it_stands_and_what_is_left_to_send() {
        let me = Respondent {
            name: "李四".into(),
            unit: "城建办".into(),
        };
        let quizzes = vec![
            quiz("上半年测验", QuizMode::Exam, Some(600)),
            quiz("练习卷", QuizMode::Practice, None),
            quiz("已截止的测验", QuizMode::Exam, Some(10)),
            quiz("下半年测验", QuizMode::Exam, None),
        ];
        let mut sheet = Attempt::start(
            Meta::new(&DeviceId("c".into()), at(20)),
            quizzes[0].meta.id,
            me.clone(),
            at(20),
            Some(30),
            None,
        );
        let list = received(&quizzes, std::slice::from_ref(&sheet), &me, at(30));
        let titles: Vec<&str> = list.iter().map(|(q, _)| q.title.as_str()).collect();
        assert_eq!(titles, vec!["上半年测验", "下半年测验", "已截止的测验"]);
        assert_eq!(
            list[0].1,
            TestState::InProgress {
                answered: 0,
                total: 0
            }
        );
        assert_eq!(list[1].1, TestState::ToDo);
        assert_eq!(list[2].1.label(), "已截止，未参加");
        sheet.state = AttemptState::Submitted {
            submitted_at: at(45),
            automatic: true,
        };
        let list = received(&quizzes, &[sheet], &me, at(50));
        assert_eq!(list[0].1.label(), "时间到已自动交卷，请导出答卷发回");
        // Someone else's sheet is not mine.
        let other = Respondent {
            name: "王五".into(),
            unit: "城建办".into(),
        };
        assert_eq!(
            received(&quizzes, &[], &other, at(50))[0].1,
            TestState::ToDo
        );
    }

    #[test]
    fn a_tab_takes_a_later_version_of_its_own_sheet_only() {
        let me = Respondent {
            name: "李四".into(),
            unit: "城建办".into(),
        };
        let q = quiz("上半年测验", QuizMode::Exam, None);
        let start = |device: &str| {
            Attempt::start(
                Meta::new(&DeviceId(device.into()), at(20)),
                q.meta.id,
                me.clone(),
                at(20),
                None,
                None,
            )
        };
        let held = start("c");
        assert!(newer_than(&held, None), "started in another window");
        assert!(
            !newer_than(&held, Some(&held)),
            "this tab's own save coming back"
        );
        let mut later = held.clone();
        later.meta.touch(&DeviceId("c".into()), at(21));
        assert!(newer_than(&later, Some(&held)));
        assert!(
            !newer_than(&held, Some(&later)),
            "an older copy never goes back over"
        );
        assert!(!newer_than(&start("d"), Some(&held)), "another sheet");
    }
}
