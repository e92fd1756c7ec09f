//! Questions of the bank (题库) as stored and exchanged.

use serde::{Deserialize, Serialize};

use crate::record::{Entity, Meta};
use crate::sorted::SortedSet;
use crate::store::schema::StoreName;

crate::read_by_name! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum QuestionKind {
        Single,
        Multiple,
        TrueFalse,
        FillBlank,
        ShortAnswer,
    }
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 5] = [
        QuestionKind::Single,
        QuestionKind::Multiple,
        QuestionKind::TrueFalse,
        QuestionKind::FillBlank,
        QuestionKind::ShortAnswer,
    ];

    pub fn label(self) -> &'static str {
        match self {
            QuestionKind::Single => "单选",
            QuestionKind::Multiple => "多选",
            QuestionKind::TrueFalse => "判断",
            QuestionKind::FillBlank => "填空",
            QuestionKind::ShortAnswer => "简答",
        }
    }

    /// Reads the names offices write in a 题型 column.
    pub fn parse(s: &str) -> Option<QuestionKind> {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        Some(match s.trim_end_matches('题') {
            "单选" | "单项选择" | "单选择" | "single" => QuestionKind::Single,
            "多选" | "多项选择" | "多选择" | "不定项选择" | "multiple" => {
                QuestionKind::Multiple
            }
            "判断" | "是非" | "对错" | "truefalse" => QuestionKind::TrueFalse,
            "填空" | "fillblank" => QuestionKind::FillBlank,
            "简答" | "问答" | "论述" | "shortanswer" => QuestionKind::ShortAnswer,
            _ => return None,
        })
    }

    pub fn has_options(self) -> bool {
        matches!(self, QuestionKind::Single | QuestionKind::Multiple)
    }
}

crate::read_by_name! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
    #[serde(rename_all = "snake_case")]
    pub enum Difficulty {
        Easy,
        #[default]
        Medium,
        Hard,
    }
}

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];

    pub fn label(self) -> &'static str {
        match self {
            Difficulty::Easy => "简单",
            Difficulty::Medium => "中等",
            Difficulty::Hard => "困难",
        }
    }

    pub fn parse(s: &str) -> Option<Difficulty> {
        match s.trim() {
            "简单" | "易" | "容易" | "低" | "1" => Some(Difficulty::Easy),
            "中等" | "中" | "一般" | "2" | "" => Some(Difficulty::Medium),
            "困难" | "难" | "较难" | "高" | "3" => Some(Difficulty::Hard),
            _ => None,
        }
    }
}

/// The right answer, in the shape of its question kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum Answer {
    /// Indices of the right options (0 = A).
    Choice(SortedSet<usize>),
    TrueFalse(bool),
    /// For each blank, the accepted answers.
    Blanks(Vec<Vec<String>>),
    /// A reference answer for the person who marks it.
    Reference(String),
}

crate::read_tagged! { Answer / AnswerKind { Choice, TrueFalse, Blanks, Reference } }

pub const MIN_OPTIONS: usize = 2;
pub const MAX_OPTIONS: usize = 8;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub meta: Meta,
    pub kind: QuestionKind,
    pub stem: String,
    #[serde(default)]
    pub options: Vec<String>,
    pub answer: Answer,
    // Fields left empty are not written: without them 10,000 imported questions go into the
    // database in about a fifth less time (IndexedDB copies every property of every record). A
    // missing field reads as empty, in this version as in earlier ones.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub explanation: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub category: String,
    #[serde(default)]
    pub difficulty: Difficulty,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

impl Entity for Question {
    const STORE: StoreName = StoreName::Questions;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

/// A question's content without its bookkeeping: what importers produce and forms edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionDraft {
    pub kind: QuestionKind,
    pub stem: String,
    pub options: Vec<String>,
    pub answer: Answer,
    pub explanation: String,
    pub category: String,
    pub difficulty: Difficulty,
    pub tags: Vec<String>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionError {
    StemMissing,
    TooFewOptions,
    TooManyOptions,
    EmptyOption(usize),
    AnswerMissing,
    AnswerOutOfRange,
    SingleNeedsOneAnswer,
    AnswerDoesNotFitKind,
    TooLong,
}

impl QuestionError {
    pub fn user_message(&self) -> String {
        match self {
            QuestionError::StemMissing => "题干为空".into(),
            QuestionError::TooFewOptions => format!("选择题至少需要 {MIN_OPTIONS} 个选项"),
            QuestionError::TooManyOptions => format!("选择题最多 {MAX_OPTIONS} 个选项（A 到 H）"),
            QuestionError::EmptyOption(i) => {
                format!("选项{}为空，但后面还有选项", option_letter(*i))
            }
            QuestionError::AnswerMissing => "没有答案".into(),
            QuestionError::AnswerOutOfRange => "答案中的选项不存在".into(),
            QuestionError::SingleNeedsOneAnswer => "单选题只能有一个答案".into(),
            QuestionError::AnswerDoesNotFitKind => "答案与题型不符".into(),
            QuestionError::TooLong => "题干、选项或解析太长（每项不超过 5000 字）".into(),
        }
    }
}

pub fn option_letter(i: usize) -> char {
    (b'A' + (i as u8).min(25)) as char
}

impl QuestionDraft {
    /// The form for a new question: 单选, of medium difficulty, in `category` (the one the bank
    /// is filtered by, so a question added there stays in view).
    pub fn blank(category: &str) -> QuestionDraft {
        QuestionDraft {
            kind: QuestionKind::Single,
            stem: String::new(),
            options: vec![],
            answer: Answer::Reference(String::new()),
            explanation: String::new(),
            category: category.to_string(),
            difficulty: Difficulty::Medium,
            tags: vec![],
            source: String::new(),
        }
    }

    /// Checks the draft and trims its texts.
    pub fn cleaned(mut self) -> Result<QuestionDraft, QuestionError> {
        self.stem = self.stem.trim().to_string();
        self.explanation = self.explanation.trim().to_string();
        self.category = self.category.trim().to_string();
        for o in &mut self.options {
            *o = o.trim().to_string();
        }
        // Trailing empty options (an unused 选项H column) are not options.
        while self.options.last().is_some_and(|o| o.is_empty()) {
            self.options.pop();
        }
        if self.stem.is_empty() {
            return Err(QuestionError::StemMissing);
        }
        let too_long = |s: &str| s.chars().count() > 5000;
        if too_long(&self.stem)
            || too_long(&self.explanation)
            || self.options.iter().any(|o| too_long(o))
        {
            return Err(QuestionError::TooLong);
        }
        match (&self.kind, &self.answer) {
            (QuestionKind::Single | QuestionKind::Multiple, Answer::Choice(picked)) => {
                if self.options.len() < MIN_OPTIONS {
                    return Err(QuestionError::TooFewOptions);
                }
                if self.options.len() > MAX_OPTIONS {
                    return Err(QuestionError::TooManyOptions);
                }
                if let Some(i) = self.options.iter().position(String::is_empty) {
                    return Err(QuestionError::EmptyOption(i));
                }
                if picked.is_empty() {
                    return Err(QuestionError::AnswerMissing);
                }
                if picked.iter().any(|i| *i >= self.options.len()) {
                    return Err(QuestionError::AnswerOutOfRange);
                }
                if self.kind == QuestionKind::Single && picked.len() != 1 {
                    return Err(QuestionError::SingleNeedsOneAnswer);
                }
            }
            (QuestionKind::TrueFalse, Answer::TrueFalse(_)) => self.options.clear(),
            (QuestionKind::FillBlank, Answer::Blanks(blanks)) => {
                self.options.clear();
                if blanks.is_empty() || blanks.iter().any(|b| b.iter().all(|a| a.trim().is_empty()))
                {
                    return Err(QuestionError::AnswerMissing);
                }
            }
            (QuestionKind::ShortAnswer, Answer::Reference(_)) => self.options.clear(),
            _ => return Err(QuestionError::AnswerDoesNotFitKind),
        }
        Ok(self)
    }

    pub fn into_question(self, meta: Meta) -> Question {
        Question {
            meta,
            kind: self.kind,
            stem: self.stem,
            options: self.options,
            answer: self.answer,
            explanation: self.explanation,
            category: self.category,
            difficulty: self.difficulty,
            tags: self.tags,
            source: self.source,
            deleted: false,
        }
    }
}

impl Question {
    pub fn draft(&self) -> QuestionDraft {
        QuestionDraft {
            kind: self.kind,
            stem: self.stem.clone(),
            options: self.options.clone(),
            answer: self.answer.clone(),
            explanation: self.explanation.clone(),
            category: self.category.clone(),
            difficulty: self.difficulty,
            tags: self.tags.clone(),
            source: self.source.clone(),
        }
    }

    pub fn check(&self) -> Result<(), QuestionError> {
        self.draft().cleaned().map(|_| ())
    }
}

/// The key that tells duplicates apart: stem and options with all white space removed.
pub fn duplicate_key(stem: &str, options: &[String]) -> String {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let mut key = squeeze(stem);
    for o in options {
        key.push('\u{1f}');
        key.push_str(&squeeze(o));
    }
    key
}
