//! 自学: practice with instant feedback, the 错题本 (mistake book) that keeps every wrong answer
//! until it has been answered right twice in a row, and the practice log that counts weekly
//! self-study.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::attempt::{Respondent, Response};
use super::grading::{mark, Verdict};
use super::model::{Answer, Question, QuestionKind};
use super::paper::{PaperQuestion, Quiz, QuizMode, SeededRng};
use crate::record::{DeviceId, Entity, Id, Meta};
use crate::sorted::SortedSet;
use crate::store::schema::StoreName;

/// Right answers in a row that take a question out of the book.
pub const RIGHT_IN_A_ROW_TO_LEAVE: u32 = 2;

/// A question someone got wrong.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mistake {
    pub meta: Meta,
    pub person: Respondent,
    pub question_id: Id,
    /// The question as it was, so the book works even if the bank changes.
    pub question: PaperQuestion,
    pub wrong_count: u32,
    /// Right answers since the last wrong one.
    pub right_streak: u32,
    pub last_seen: DateTime<Utc>,
}

impl Mistake {
    pub fn is_open(&self) -> bool {
        self.right_streak < RIGHT_IN_A_ROW_TO_LEAVE
    }
}

impl Entity for Mistake {
    const STORE: StoreName = StoreName::MistakeBook;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

/// One practice session, for the weekly self-study count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeSession {
    pub meta: Meta,
    pub person: Respondent,
    pub on: NaiveDate,
    pub answered: u32,
    pub correct: u32,
}

impl Entity for PracticeSession {
    const STORE: StoreName = StoreName::Practice;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

/// Every question with a known answer that can be practised: the bank here, and the papers of
/// practice packages received.
pub fn practice_pool(bank: &[Question], quizzes: &[Quiz]) -> Vec<PaperQuestion> {
    let mut seen = SortedSet::new();
    let mut pool: Vec<PaperQuestion> = Vec::new();
    for q in bank.iter().filter(|q| !q.deleted) {
        if seen.insert(q.meta.id) {
            pool.push(super::paper::paper_question(q, 100));
        }
    }
    for quiz in quizzes
        .iter()
        .filter(|z| !z.deleted && z.mode == QuizMode::Practice)
    {
        for p in quiz.paper.iter().filter(|p| p.answer.is_some()) {
            if seen.insert(p.question_id) {
                pool.push(p.clone());
            }
        }
    }
    pool
}

/// A random draw of `count` questions, optionally from one category (by the bank's category or,
/// for package questions, any).
pub fn draw(
    pool: &[PaperQuestion],
    categories: &[(Id, String)],
    category: Option<&str>,
    count: usize,
    seed: u64,
) -> Vec<PaperQuestion> {
    let mut candidates: Vec<&PaperQuestion> = pool
        .iter()
        .filter(|p| p.kind != QuestionKind::ShortAnswer)
        .filter(|p| {
            category.is_none_or(|c| {
                categories
                    .iter()
                    .any(|(id, cat)| *id == p.question_id && cat == c)
            })
        })
        .collect();
    SeededRng::new(seed).shuffle(&mut candidates);
    candidates.into_iter().take(count).cloned().collect()
}

/// One practice round: the questions drawn, where the person is in them, and the answer being
/// given. Answering, checking and moving on are its only steps, each allowed only when it makes
/// sense (no second check of one answer, no moving on before checking).
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    items: Vec<PaperQuestion>,
    index: usize,
    correct: u32,
    response: Option<Response>,
    /// Whether the answer just checked was right; `None` while answering.
    feedback: Option<bool>,
}

/// What checking an answer found, for the 错题本 and, after the last question, the day's log.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub question: PaperQuestion,
    pub right: bool,
    /// The round's last question: `(answered, correct)` for its log.
    pub finished: Option<(u32, u32)>,
}

impl Round {
    /// A round of the questions drawn; none drawn, no round.
    pub fn new(items: Vec<PaperQuestion>) -> Option<Round> {
        (!items.is_empty()).then_some(Round {
            items,
            index: 0,
            correct: 0,
            response: None,
            feedback: None,
        })
    }

    /// The question being answered (or just checked); `None` once the round is over.
    pub fn current(&self) -> Option<&PaperQuestion> {
        self.items.get(self.index)
    }

    /// "第 3 / 10 题".
    pub fn place(&self) -> (usize, usize) {
        (self.index + 1, self.items.len())
    }

    pub fn is_last(&self) -> bool {
        self.index + 1 >= self.items.len()
    }

    pub fn score(&self) -> (usize, u32) {
        (self.items.len(), self.correct)
    }

    pub fn response(&self) -> Option<&Response> {
        self.response.as_ref()
    }

    pub fn feedback(&self) -> Option<bool> {
        self.feedback
    }

    /// The answer as given so far; a checked answer no longer changes.
    pub fn answer(&mut self, response: Response) {
        if self.feedback.is_none() && self.current().is_some() {
            self.response = Some(response);
        }
    }

    /// Checks the answer given: nothing to check without one, or twice.
    pub fn check(&mut self) -> Option<Checked> {
        if self.feedback.is_some() {
            return None;
        }
        let question = self.current()?.clone();
        let right = is_right(&question, self.response.as_ref()?);
        self.feedback = Some(right);
        if right {
            self.correct += 1;
        }
        let finished = self
            .is_last()
            .then_some((self.items.len() as u32, self.correct));
        Some(Checked {
            question,
            right,
            finished,
        })
    }

    /// On to the next question, once this one is checked.
    pub fn next(&mut self) {
        if self.feedback.is_some() {
            self.index += 1;
            self.response = None;
            self.feedback = None;
        }
    }
}

/// Whether a practice answer is right (short answers are not practised automatically).
pub fn is_right(q: &PaperQuestion, response: &Response) -> bool {
    mark(q, Some(response), None).verdict == Verdict::Correct
}

/// The book after one practice answer: a wrong answer opens (or reopens) an entry; a right one
/// lengthens the streak of an existing entry.
pub fn record(
    existing: Option<&Mistake>,
    person: &Respondent,
    q: &PaperQuestion,
    right: bool,
    device: &DeviceId,
    now: DateTime<Utc>,
) -> Option<Mistake> {
    match (existing, right) {
        (None, true) => None,
        (None, false) => Some(Mistake {
            meta: Meta::new(device, now),
            person: person.clone(),
            question_id: q.question_id,
            question: q.clone(),
            wrong_count: 1,
            right_streak: 0,
            last_seen: now,
        }),
        (Some(m), right) => {
            let mut m = m.clone();
            if right {
                m.right_streak += 1;
            } else {
                m.wrong_count += 1;
                m.right_streak = 0;
            }
            m.last_seen = now;
            m.meta.touch(device, now);
            Some(m)
        }
    }
}

/// The right answer as feedback shows it: for choices each right option's letter with its
/// text ("C. 测验考试"), so a cadre learns the answer, not a letter.
pub fn answer_text(q: &PaperQuestion) -> String {
    match &q.answer {
        Some(Answer::Choice(right)) => right
            .iter()
            .map(|i| {
                let text = q.options.get(*i).map(String::as_str).unwrap_or_default();
                format!("{}. {text}", super::model::option_letter(*i))
            })
            .collect::<Vec<_>>()
            .join("；"),
        Some(a) => super::answer::format_answer(a),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(0, 0).unwrap_or_default()
    }

    fn q() -> PaperQuestion {
        PaperQuestion {
            question_id: uuid::Uuid::new_v4(),
            kind: QuestionKind::TrueFalse,
            stem: "诫勉对象应在5日内写出整改措施".into(),
            options: vec![],
            points: 100,
            answer: Some(Answer::TrueFalse(true)),
            explanation: Some("见谈话诫勉制度".into()),
            blanks: 0,
        }
    }

    #[test]
    fn a_question_leaves_the_book_after_two_right_in_a_row() {
        let dev = DeviceId("d".into());
        let who = Respondent {
            name: "李四".into(),
            unit: "城建办".into(),
        };
        let q = q();
        assert!(is_right(&q, &Response::TrueFalse(true)));
        assert_eq!(
            record(None, &who, &q, true, &dev, now()),
            None,
            "right first time: not in the book"
        );
        let m = record(None, &who, &q, false, &dev, now())
            .unwrap_or_else(|| panic!("wrong: in the book"));
        assert!(m.is_open());
        let m = record(Some(&m), &who, &q, true, &dev, now()).unwrap_or_else(|| panic!());
        assert!(m.is_open(), "one right answer is not enough");
        let m = record(Some(&m), &who, &q, false, &dev, now()).unwrap_or_else(|| panic!());
        assert_eq!(
            (m.wrong_count, m.right_streak),
            (2, 0),
            "a wrong answer resets the streak"
        );
        let m = record(Some(&m), &who, &q, true, &dev, now()).unwrap_or_else(|| panic!());
        let m = record(Some(&m), &who, &q, true, &dev, now()).unwrap_or_else(|| panic!());
        assert!(!m.is_open());
        assert!(m.meta.is_consistent());
    }

    #[test]
    fn draws_leave_out_short_answers_and_respect_the_category() {
        let mut pool = vec![q(), q(), q()];
        pool[2].kind = QuestionKind::ShortAnswer;
        let cats = vec![
            (pool[0].question_id, "纪律".to_string()),
            (pool[1].question_id, "学习".to_string()),
        ];
        assert_eq!(draw(&pool, &cats, None, 10, 1).len(), 2);
        let only = draw(&pool, &cats, Some("纪律"), 10, 1);
        assert_eq!(only.len(), 1);
        assert_eq!(only[0].question_id, pool[0].question_id);
    }

    #[test]
    fn feedback_names_the_right_options_with_their_text() {
        let value = serde_json::json!({
            "question_id": uuid::Uuid::nil(), "kind": "multiple", "stem": "述职评议面向",
            "options": ["农村干部", "外地游客", "人大代表"], "points": 100, "blanks": 0,
            "answer": {"type": "choice", "value": [0, 2]}, "explanation": null
        });
        let q: PaperQuestion = serde_json::from_value(value).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(answer_text(&q), "A. 农村干部；C. 人大代表");
    }

    #[test]
    fn a_round_checks_each_answer_once_and_counts_the_right_ones() {
        assert!(Round::new(vec![]).is_none(), "nothing drawn, no round");
        let Some(mut round) = Round::new(vec![q(), q()]) else {
            panic!("two questions drawn");
        };
        assert!(round.check().is_none(), "no answer yet");
        round.next();
        assert_eq!(round.place(), (1, 2), "no moving on before checking");
        round.answer(Response::TrueFalse(true));
        let first = round
            .check()
            .unwrap_or_else(|| panic!("an answer to check"));
        assert!(first.right && first.finished.is_none());
        assert!(round.check().is_none(), "checked once");
        round.answer(Response::TrueFalse(false));
        assert_eq!(
            round.response(),
            Some(&Response::TrueFalse(true)),
            "a checked answer stays"
        );
        round.next();
        assert_eq!((round.place(), round.response()), ((2, 2), None));
        round.answer(Response::TrueFalse(false));
        let last = round
            .check()
            .unwrap_or_else(|| panic!("an answer to check"));
        assert_eq!((last.right, last.finished), (false, Some((2, 1))));
        round.next();
        assert!(round.current().is_none());
        assert_eq!(round.score(), (2, 1));
    }
}
