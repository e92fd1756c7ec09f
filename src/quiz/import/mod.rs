//! Reading questions from the files offices already have: CSV and Excel tables, Moodle's GIFT
//! and Aiken, and text pasted from Word. Every importer returns the good questions and every
//! bad one with its line (or row) and the reason; nothing is written here.

pub mod aiken;
pub mod error;
pub mod gift;
pub mod table;
pub mod text;

use super::model::QuestionDraft;
pub use error::QuestionFileError;

/// One question read from a file, with the line (or spreadsheet row) it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedQuestion {
    pub line: usize,
    pub draft: QuestionDraft,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    pub line: usize,
    pub reason: String,
}

impl ImportProblem {
    pub fn new(line: usize, reason: impl Into<String>) -> Self {
        ImportProblem {
            line,
            reason: reason.into(),
        }
    }

    pub fn describe(&self) -> String {
        format!("第 {} 行：{}", self.line, self.reason)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuestionImport {
    pub questions: Vec<ParsedQuestion>,
    pub problems: Vec<ImportProblem>,
    /// Questions taken in with something left out (e.g. GIFT partial credit), by line.
    pub notes: Vec<ImportProblem>,
}

impl QuestionImport {
    /// Adds a question if it passes the checks, or the reason it does not.
    pub fn push(&mut self, line: usize, draft: QuestionDraft) {
        match draft.cleaned() {
            Ok(draft) => self.questions.push(ParsedQuestion { line, draft }),
            Err(e) => self
                .problems
                .push(ImportProblem::new(line, e.user_message())),
        }
    }
}

/// Why an answer cell was not taken, in the words of someone filling in a sheet: a missing
/// answer is "缺少答案", not an unreadable empty one.
pub fn answer_problem(kind: super::model::QuestionKind, answer: &str) -> String {
    if answer.trim().is_empty() {
        format!("缺少答案（{}题需要填写答案）", kind.label())
    } else {
        format!("{}题的答案“{}”无法识别", kind.label(), answer.trim())
    }
}

/// The formats a question file can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionFormat {
    Csv,
    Xlsx,
    Gift,
    Aiken,
    Text,
}

impl QuestionFormat {
    pub fn label(self) -> &'static str {
        match self {
            QuestionFormat::Csv => "CSV 表格",
            QuestionFormat::Xlsx => "Excel 表格",
            QuestionFormat::Gift => "GIFT（Moodle）",
            QuestionFormat::Aiken => "Aiken",
            QuestionFormat::Text => "Word 文本",
        }
    }

    /// Guesses the format from the file name and, for text, its content.
    pub fn detect(file_name: &str, text: &str) -> QuestionFormat {
        let lower = file_name.to_ascii_lowercase();
        if lower.ends_with(".csv") {
            return QuestionFormat::Csv;
        }
        if lower.ends_with(".gift") || gift::looks_like_gift(text) {
            return QuestionFormat::Gift;
        }
        if aiken::looks_like_aiken(text) {
            return QuestionFormat::Aiken;
        }
        QuestionFormat::Text
    }
}

/// Questions from the rows of a spreadsheet: the headers are the first row with a 题干 column
/// (a title and a date may stand above it, as in this app's own export), else the first row
/// with anything in it.
pub fn parse_sheet_rows(
    rows: Vec<(usize, Vec<String>)>,
) -> Result<QuestionImport, QuestionFileError> {
    let filled = |cells: &[String]| cells.iter().any(|c| !c.trim().is_empty());
    let start = rows
        .iter()
        .take(10)
        .position(|(_, cells)| table::has_stem_column(cells))
        .or_else(|| rows.iter().position(|(_, cells)| filled(cells)))
        .ok_or(QuestionFileError::Empty)?;
    let mut rows = rows.into_iter().skip(start);
    let (_, headers) = rows.next().ok_or(QuestionFileError::Empty)?;
    let rest: Vec<(usize, Vec<String>)> = rows.collect();
    table::parse_rows(&headers, &rest)
}

/// Reads a question file of any supported text format.
pub fn parse_file(
    file_name: &str,
    bytes: &[u8],
) -> Result<(QuestionFormat, QuestionImport), QuestionFileError> {
    let (text, _) = crate::exchange::text::decode(bytes);
    match QuestionFormat::detect(file_name, &text) {
        QuestionFormat::Csv => table::parse_csv(bytes).map(|i| (QuestionFormat::Csv, i)),
        // .xlsx is read by `parse_sheet_rows` once its entries are inflated.
        QuestionFormat::Xlsx => Err(QuestionFileError::Unpacked),
        QuestionFormat::Gift => Ok((QuestionFormat::Gift, gift::parse(&text))),
        QuestionFormat::Aiken => Ok((QuestionFormat::Aiken, aiken::parse(&text))),
        QuestionFormat::Text => Ok((QuestionFormat::Text, text::parse(&text))),
    }
}
