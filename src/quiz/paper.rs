//! A quiz (测验) and its paper: the questions frozen when the quiz is made, their points, the
//! rules, and the per-person order that comes from a seed.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::model::{Answer, Difficulty, Question, QuestionKind};
use crate::order::Collect;
use crate::record::{DeviceId, Entity, Id, Meta};
use crate::sorted::SortedSet;
use crate::store::schema::StoreName;

crate::read_by_name! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
    #[serde(rename_all = "snake_case")]
    pub enum QuizMode {
        /// A test: the package carries no answer key.
        #[default]
        Exam,
        /// Practice: answers and 解析 travel with it.
        Practice,
    }
}

crate::read_by_name! {
    /// What a cadre sees after submitting.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
    #[serde(rename_all = "snake_case")]
    pub enum Reveal {
        #[default]
        ScoreOnly,
        AnswersAndExplanations,
    }
}

/// One question as it stands on the paper. `answer` and `explanation` are `None` in an exam
/// package, so the file cannot give the answers away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperQuestion {
    pub question_id: Id,
    pub kind: QuestionKind,
    pub stem: String,
    #[serde(default)]
    pub options: Vec<String>,
    /// Points in hundredths (so 2.5 points is 250): sums stay exact.
    pub points: u32,
    #[serde(default)]
    pub answer: Option<Answer>,
    #[serde(default)]
    pub explanation: Option<String>,
    /// How many blanks a 填空 question has (known without the answer).
    #[serde(default)]
    pub blanks: usize,
}

/// Draw N questions matching a kind, category and difficulty (any where `None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawRule {
    pub count: usize,
    #[serde(default)]
    pub kind: Option<QuestionKind>,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub difficulty: Option<Difficulty>,
    /// Points for each drawn question, in hundredths.
    pub points: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quiz {
    pub meta: Meta,
    pub title: String,
    #[serde(default)]
    pub mode: QuizMode,
    pub paper: Vec<PaperQuestion>,
    /// Pass mark in hundredths of a point.
    pub pass_mark: u32,
    #[serde(default)]
    pub time_limit_minutes: Option<u32>,
    #[serde(default)]
    pub opens: Option<DateTime<Utc>>,
    #[serde(default)]
    pub closes: Option<DateTime<Utc>>,
    #[serde(default)]
    pub shuffle_questions: bool,
    #[serde(default)]
    pub shuffle_options: bool,
    pub seed: u64,
    #[serde(default)]
    pub reveal: Reveal,
    #[serde(default)]
    pub deleted: bool,
    /// The browser that made the quiz: only there may its paper and answer key change.
    #[serde(default)]
    pub author: Option<DeviceId>,
    /// When its package was first exported: from then on cadres may hold it, so its paper and
    /// settings no longer change (a copy can).
    #[serde(default)]
    pub sent_at: Option<DateTime<Utc>>,
    /// Whether cadres answer with a 答题码, and the key of the codes where the quiz was made.
    #[serde(default)]
    pub codes: super::check_code::AnswerCodes,
}

impl Entity for Quiz {
    const STORE: StoreName = StoreName::Quizzes;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

/// Points in hundredths shown as people write them: 2, 2.5, 0.25.
pub fn points_text(hundredths: u32) -> String {
    let (whole, frac) = (hundredths / 100, hundredths % 100);
    match frac {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

/// "2.5" → 250; up to two decimals.
pub fn parse_points(text: &str) -> Option<u32> {
    let t = text.trim();
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    if frac.len() > 2 || (whole.is_empty() && frac.is_empty()) {
        return None;
    }
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let frac: u32 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<2}").parse().ok()?
    };
    whole.checked_mul(100)?.checked_add(frac)
}

/// SplitMix64: a tiny generator whose sequence is fixed by its seed on every machine, so a
/// person's question order is the same wherever it is computed.
pub struct SeededRng(u64);

impl SeededRng {
    pub fn new(seed: u64) -> Self {
        SeededRng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Fisher–Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// A seed for one person on one quiz: their order differs from their neighbour's but is the
/// same every time they open it.
pub fn person_seed(quiz_seed: u64, person: &str) -> u64 {
    person
        .bytes()
        .fold(quiz_seed ^ 0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
}

/// The order a person sees: question positions, and for each its option order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub questions: Vec<usize>,
    pub options: Vec<Vec<usize>>,
}

impl Layout {
    /// The numbers the person's paper shows (第 1 题 …) for the questions `picked` chooses by
    /// their position in the quiz, in the order the paper shows them.
    pub fn numbers_of(&self, picked: impl Fn(usize) -> bool) -> Vec<usize> {
        self.questions
            .iter()
            .enumerate()
            .filter(|(_, &pos)| picked(pos))
            .map(|(shown, _)| shown + 1)
            .collect()
    }
}

/// What the check before handing in says: what is still unanswered (by the numbers the paper
/// shows), then, if any, what the person marked to look at again.
pub fn review_text(
    layout: &Layout,
    unanswered: &[usize],
    marked: &SortedSet<usize>,
) -> (String, Option<String>) {
    let list = |numbers: Vec<usize>| {
        numbers
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join("、")
    };
    let open = if unanswered.is_empty() {
        "所有题目都已作答。".to_string()
    } else {
        format!(
            "还有 {} 题未作答：第 {} 题。",
            unanswered.len(),
            list(layout.numbers_of(|p| unanswered.contains(&p)))
        )
    };
    let marked = (!marked.is_empty()).then(|| {
        format!(
            "标记待查：第 {} 题。",
            list(layout.numbers_of(|p| marked.contains(&p)))
        )
    });
    (open, marked)
}

pub fn layout_for(quiz: &Quiz, person: &str) -> Layout {
    let mut rng = SeededRng::new(person_seed(quiz.seed, person));
    let mut questions: Vec<usize> = (0..quiz.paper.len()).collect();
    if quiz.shuffle_questions {
        rng.shuffle(&mut questions);
    }
    let options = quiz
        .paper
        .iter()
        .map(|q| {
            let mut order: Vec<usize> = (0..q.options.len()).collect();
            if quiz.shuffle_options && q.kind.has_options() {
                rng.shuffle(&mut order);
            }
            order
        })
        .collect();
    Layout { questions, options }
}

fn blanks_of(answer: &Answer) -> usize {
    match answer {
        Answer::Blanks(b) => b.len(),
        _ => 0,
    }
}

pub fn paper_question(q: &Question, points: u32) -> PaperQuestion {
    PaperQuestion {
        question_id: q.meta.id,
        kind: q.kind,
        stem: q.stem.clone(),
        options: q.options.clone(),
        points,
        answer: Some(q.answer.clone()),
        explanation: Some(q.explanation.clone()),
        blanks: blanks_of(&q.answer),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawShortfall {
    pub rule: usize,
    pub wanted: usize,
    pub found: usize,
}

/// The paper: hand-picked questions first, then each rule's draw from the rest of the bank
/// (reproducible from `seed`). Reports rules the bank cannot fill.
pub fn build_paper(
    bank: &[Question],
    picked: &[(Id, u32)],
    rules: &[DrawRule],
    seed: u64,
) -> (Vec<PaperQuestion>, Vec<DrawShortfall>) {
    let live: Vec<&Question> = bank.iter().filter(|q| !q.deleted).collect();
    let mut used: HashSet<Id> = HashSet::new();
    let mut paper = Vec::new();
    for (id, points) in picked {
        if let Some(q) = live.iter().find(|q| q.meta.id == *id) {
            if used.insert(*id) {
                paper.push(paper_question(q, *points));
            }
        }
    }
    let mut rng = SeededRng::new(seed);
    let mut shortfalls = Vec::new();
    for (i, rule) in rules.iter().enumerate() {
        let mut pool: Vec<&&Question> = live
            .iter()
            .filter(|q| !used.contains(&q.meta.id))
            .filter(|q| rule.kind.is_none_or(|k| q.kind == k))
            .filter(|q| rule.difficulty.is_none_or(|d| q.difficulty == d))
            .filter(|q| {
                rule.category
                    .as_ref()
                    .is_none_or(|c| c.is_empty() || &q.category == c)
            })
            .collect();
        // A stable start (by id) before shuffling keeps the draw reproducible.
        crate::order::sort_by(&mut pool, |q| {
            let (hi, lo) = q.meta.id.as_u64_pair();
            // Unsigned halves as signed numbers that sort the same way.
            let signed = |n: u64| (n ^ (1 << 63)) as i64;
            crate::order::Key::ints(signed(hi), signed(lo), 0)
        });
        rng.shuffle(&mut pool);
        if pool.len() < rule.count {
            shortfalls.push(DrawShortfall {
                rule: i,
                wanted: rule.count,
                found: pool.len(),
            });
        }
        for q in pool.into_iter().take(rule.count) {
            used.insert(q.meta.id);
            paper.push(paper_question(q, rule.points));
        }
    }
    (paper, shortfalls)
}

/// The most one question may be worth (1000 points, in hundredths), and the most questions a
/// paper may hold: together they keep every total and score far inside `u32`.
pub const MAX_QUESTION_POINTS: u32 = 1000 * 100;
pub const MAX_PAPER_QUESTIONS: usize = 1000;

/// What can be wrong with a quiz's points, whoever made it: the builder or a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuizError {
    TooManyQuestions(usize),
    QuestionPoints { position: usize, points: u32 },
    PassMarkAboveTotal { pass_mark: u32, total: u32 },
}

impl QuizError {
    pub fn user_message(&self) -> String {
        match self {
            QuizError::TooManyQuestions(n) => {
                format!("试卷有 {n} 道题，最多 {MAX_PAPER_QUESTIONS} 道。请减少题数。")
            }
            QuizError::QuestionPoints { position, points } => format!(
                "第 {position} 题的分值 {} 不对：应大于 0，最多 {} 分。",
                points_text(*points),
                points_text(MAX_QUESTION_POINTS)
            ),
            QuizError::PassMarkAboveTotal { pass_mark, total } => format!(
                "及格分 {} 高于总分 {}。",
                points_text(*pass_mark),
                points_text(*total)
            ),
        }
    }
}

impl Quiz {
    /// The sum of the paper's points. With `check` passed it cannot overflow; saturating keeps
    /// an unchecked quiz from wrapping round to a small total.
    pub fn total_points(&self) -> u32 {
        self.paper
            .iter()
            .fold(0u32, |sum, q| sum.saturating_add(q.points))
    }

    /// Limits every quiz keeps, checked when it is built and when it arrives in a file.
    pub fn check(&self) -> Result<(), QuizError> {
        if self.paper.len() > MAX_PAPER_QUESTIONS {
            return Err(QuizError::TooManyQuestions(self.paper.len()));
        }
        if let Some((i, q)) = self
            .paper
            .iter()
            .enumerate()
            .find(|(_, q)| q.points == 0 || q.points > MAX_QUESTION_POINTS)
        {
            return Err(QuizError::QuestionPoints {
                position: i + 1,
                points: q.points,
            });
        }
        let total = self.total_points();
        if self.pass_mark > total {
            return Err(QuizError::PassMarkAboveTotal {
                pass_mark: self.pass_mark,
                total,
            });
        }
        Ok(())
    }

    /// The quiz as sent to cadres: an exam keeps no answers or explanations.
    pub fn for_package(&self) -> Quiz {
        let mut q = self.clone();
        q.codes = q.codes.for_package();
        if q.mode == QuizMode::Exam {
            for p in &mut q.paper {
                p.answer = None;
                p.explanation = None;
            }
        }
        q
    }

    /// The quiz marked as sent by its package's first export (cadres may hold its paper from
    /// then on, so it no longer changes); `None` when it was sent before.
    pub fn first_sent(&self, now: DateTime<Utc>) -> Option<Quiz> {
        self.sent_at.is_none().then(|| Quiz {
            sent_at: Some(now),
            ..self.clone()
        })
    }

    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        self.opens.is_none_or(|o| now >= o) && self.closes.is_none_or(|c| now <= c)
    }

    /// Whether the quiz was made in the browser `device` (quizzes from before authors were
    /// recorded count as made where they carry edits).
    pub fn made_by(&self, device: &DeviceId) -> bool {
        match &self.author {
            Some(author) => author == device,
            None => self.meta.versions.0.contains_key(device),
        }
    }

    pub fn categories(bank: &[Question]) -> SortedSet<String> {
        bank.iter()
            .filter(|q| !q.deleted && !q.category.is_empty())
            .map(|q| q.category.clone())
            .to_set()
    }

    pub fn has_answer_key(&self) -> bool {
        self.paper.iter().all(|q| q.answer.is_some())
    }

    /// Whether this browser may still change the quiz, given how many sheets it has taken in.
    pub fn editable(&self, device: &DeviceId, sheets: usize) -> Result<(), NotEditable> {
        if !self.made_by(device) || !self.has_answer_key() {
            Err(NotEditable::Received)
        } else if self.sent_at.is_some() {
            Err(NotEditable::Sent)
        } else if sheets > 0 {
            Err(NotEditable::HasSheets)
        } else {
            Ok(())
        }
    }
}

/// Why a quiz can no longer be changed (it can always be previewed and copied).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotEditable {
    /// A package from another browser: its paper is the sender's.
    Received,
    /// Its package has been exported: cadres may already hold this paper.
    Sent,
    /// Sheets were taken in against this paper.
    HasSheets,
}

impl NotEditable {
    pub fn user_message(self) -> &'static str {
        match self {
            NotEditable::Received => "这是收到的试卷包，只能由出卷的党政办修改。",
            NotEditable::Sent => "试卷包已经导出发出，干部手中的试卷不会随之改变，因此不能再修改。需要改动请点“复制”，改好后重新发出。",
            NotEditable::HasSheets => "已经收到这份测验的答卷，不能再修改试卷。需要改动请点“复制”。",
        }
    }
}

#[cfg(test)]
mod tests;
