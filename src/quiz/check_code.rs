//! 答题码: a six-digit code per person and exam, printed by the office and typed by the cadre
//! when starting. The submitted sheet carries a check over its content keyed by that code, which
//! the office recomputes when the sheet comes in.
//!
//! What it does: a sheet edited by hand after submission, or a sheet made under another
//! person's name (whose code one does not have), no longer matches and is flagged. What it does
//! not do: a cadre holds their own code, so someone who rebuilds the app's computation can
//! still sign an edited sheet of their own. The screens say "核对", never "防伪".

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::attempt::{Attempt, AttemptState, Response};
use super::paper::Quiz;
use crate::record::Id;
use crate::sorted::SortedMap;

/// Whether a quiz uses codes, and (only in the browser that made it) the key they come from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", try_from = "CodesFields")]
pub enum AnswerCodes {
    /// No codes: sheets are taken in as before.
    #[default]
    None,
    /// The package sent to cadres: a code is asked for, the key stays with the office.
    Asked,
    /// The office's own quiz.
    Keyed { key: String },
}

/// How [`AnswerCodes`] are read: `kind`, and the key if there is one (as `AttemptState`, not
/// through serde's buffering reader for enums tagged inside).
#[derive(Deserialize)]
struct CodesFields {
    kind: CodesKind,
    #[serde(default)]
    key: Option<String>,
}

crate::read_by_name! {
    #[derive(Clone, Copy)]
    enum CodesKind {
        None,
        Asked,
        Keyed,
    }
}

impl TryFrom<CodesFields> for AnswerCodes {
    type Error = &'static str;

    fn try_from(f: CodesFields) -> Result<Self, Self::Error> {
        Ok(match f.kind {
            CodesKind::None => AnswerCodes::None,
            CodesKind::Asked => AnswerCodes::Asked,
            CodesKind::Keyed => AnswerCodes::Keyed {
                key: f.key.ok_or("missing field `key`")?,
            },
        })
    }
}

impl AnswerCodes {
    pub fn asked(&self) -> bool {
        !matches!(self, AnswerCodes::None)
    }

    /// What goes out in a package.
    pub fn for_package(&self) -> AnswerCodes {
        match self {
            AnswerCodes::Keyed { .. } => AnswerCodes::Asked,
            other => other.clone(),
        }
    }
}

/// Damm's table: a check digit that catches every single wrong digit and every swap of two
/// neighbours.
const DAMM: [[u8; 10]; 10] = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/// The Damm check digit of the digits in `digits` (others are skipped); 0 for a string that
/// ends in its own right check digit.
pub fn damm(digits: &str) -> u8 {
    digits
        .bytes()
        .filter(u8::is_ascii_digit)
        .fold(0, |at, d| DAMM[usize::from(at)][usize::from(d - b'0')])
}

/// A name as the code is made from it: without any spaces.
fn name_key(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The person's code for the quiz keyed `key`: five digits from the key and the name, and a
/// check digit.
pub fn code_for(key: &str, name: &str) -> String {
    let digest = Sha256::new()
        .chain_update(b"zuofeng-code\n")
        .chain_update(key.as_bytes())
        .chain_update(b"\n")
        .chain_update(name_key(name).as_bytes())
        .finalize();
    let n = u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]]) % 100_000;
    let body = format!("{n:05}");
    let check = damm(&body);
    format!("{body}{check}")
}

/// The code as typed (spaces and dashes allowed), if it is six digits whose check digit holds.
pub fn read_code(typed: &str) -> Option<String> {
    let digits: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    (digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()) && damm(&digits) == 0)
        .then_some(digits)
}

/// What the check covers: everything that decides the score and who it is for.
#[derive(Serialize)]
struct Content<'a> {
    quiz: &'a Id,
    name: &'a str,
    unit: &'a str,
    started_at: &'a DateTime<Utc>,
    answers: &'a SortedMap<usize, Response>,
    answered_at: &'a SortedMap<usize, DateTime<Utc>>,
    state: &'a AttemptState,
}

/// The check over a sheet's content keyed by `code` (hex SHA-256).
pub fn sheet_check(code: &str, attempt: &Attempt) -> String {
    let content = Content {
        quiz: &attempt.quiz_id,
        name: &attempt.respondent.name,
        unit: &attempt.respondent.unit,
        started_at: &attempt.started_at,
        answers: &attempt.answers,
        answered_at: &attempt.answered_at,
        state: &attempt.state,
    };
    let text = serde_json::to_string(&content).unwrap_or_default();
    Sha256::new()
        .chain_update(b"zuofeng-sheet-v1\n")
        .chain_update(code.as_bytes())
        .chain_update(b"\n")
        .chain_update(text.as_bytes())
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What the office finds when it recomputes a sheet's check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFinding {
    Matches,
    /// The quiz asks for codes but the sheet carries no check.
    Missing,
    /// Edited after submission, or answered with another person's code.
    Mismatch,
}

/// The finding for `attempt` against the office's own quiz; `None` where the quiz has no key
/// here (no codes, or a package received from elsewhere).
pub fn verify(quiz: &Quiz, attempt: &Attempt) -> Option<CheckFinding> {
    let AnswerCodes::Keyed { key } = &quiz.codes else {
        return None;
    };
    Some(match &attempt.check {
        None => CheckFinding::Missing,
        Some(check) if *check == sheet_check(&code_for(key, &attempt.respondent.name), attempt) => {
            CheckFinding::Matches
        }
        Some(_) => CheckFinding::Mismatch,
    })
}

#[cfg(test)]
mod tests;
