//! 文号登记: one sequence per 代字 and year, shared by every kind of document issued under that
//! 代字; the year is the 成文日期's. A number once given is never given again: withdrawn (作废)
//! it stays listed with its reason, and a deleted case keeps its numbers (they say nothing
//! about the person) so the register still shows them.

use chrono::{Datelike, NaiveDate};

use super::model::{Admonition, By, CaseError, DocumentNumber, VoidedNumber};
use super::template::DocKind;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    /// No 代字 for this kind yet.
    NoPrefix(DocKind),
    NotNumbered(DocKind),
    Already(DocKind),
    Case(CaseError),
}

impl NumberError {
    pub fn user_message(&self) -> String {
        match self {
            NumberError::NoPrefix(k) => format!(
                "{}还没有发文机关代字，请先在“个人信息”的单位信息里填写，再编文号。",
                k.label()
            ),
            NumberError::NotNumbered(k) => format!("{}不编文号。", k.label()),
            NumberError::Already(k) => format!("这个案件的{}已经有文号了。", k.label()),
            NumberError::Case(e) => e.user_message(),
        }
    }
}

/// Where a number stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberState {
    InUse,
    Voided { reason: String, on: NaiveDate },
    CaseDeleted,
}

impl NumberState {
    pub fn label(&self) -> String {
        match self {
            NumberState::InUse => "在用".into(),
            NumberState::Voided { reason, on } => format!("{on} 作废：{reason}"),
            NumberState::CaseDeleted => "案件已删除".into(),
        }
    }
}

/// One line of the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    pub prefix: String,
    pub number: &'a DocumentNumber,
    pub kind: DocKind,
    pub case: &'a Admonition,
    pub state: NumberState,
}

impl Entry<'_> {
    pub fn text(&self) -> String {
        self.number.format(&self.prefix)
    }
}

/// Every number given, in use or withdrawn, with the 代字 it counts under (`prefix_of` for
/// numbers given before the 代字 was kept with them).
pub fn entries<'a>(
    cases: &'a [Admonition],
    prefix_of: &dyn Fn(DocKind) -> String,
) -> Vec<Entry<'a>> {
    let mut out = Vec::new();
    for case in cases {
        let prefix = |n: &DocumentNumber, k: DocKind| {
            if n.prefix.is_empty() {
                prefix_of(k)
            } else {
                n.prefix.clone()
            }
        };
        for (kind, number) in &case.numbers {
            out.push(Entry {
                prefix: prefix(number, *kind),
                number,
                kind: *kind,
                case,
                state: if case.deleted {
                    NumberState::CaseDeleted
                } else {
                    NumberState::InUse
                },
            });
        }
        for v in &case.voided {
            out.push(Entry {
                prefix: prefix(&v.number, v.kind),
                number: &v.number,
                kind: v.kind,
                case,
                state: NumberState::Voided {
                    reason: v.reason.clone(),
                    on: v.on,
                },
            });
        }
    }
    out
}

/// The register of `year`, by 代字 and number.
pub fn register<'a>(
    cases: &'a [Admonition],
    year: i32,
    prefix_of: &dyn Fn(DocKind) -> String,
) -> Vec<Entry<'a>> {
    let mut list: Vec<Entry> = entries(cases, prefix_of)
        .into_iter()
        .filter(|e| e.number.year == year)
        .collect();
    // By 代字, then number (zero-padded so that 10 follows 9).
    crate::order::sort_by(&mut list, |e| {
        crate::order::Key::text(&e.prefix).then(&format!("{:010}", e.number.seq))
    });
    list
}

/// Gives the case's document of `kind`, dated `date`, the next number of `prefix` in the
/// date's year, over every number ever given (withdrawn and deleted cases' included).
pub fn give_number(
    case: &Admonition,
    kind: DocKind,
    prefix: &str,
    date: NaiveDate,
    all: &[Admonition],
    prefix_of: &dyn Fn(DocKind) -> String,
) -> Result<Admonition, NumberError> {
    if !kind.numbered() {
        return Err(NumberError::NotNumbered(kind));
    }
    if case.numbers.contains_key(&kind) {
        return Err(NumberError::Already(kind));
    }
    let prefix = prefix.trim();
    if prefix.is_empty() {
        return Err(NumberError::NoPrefix(kind));
    }
    let year = date.year();
    // This case as it is now, and every other case as stored.
    let others = all.iter().filter(|c| c.meta.id != case.meta.id);
    let cases: Vec<Admonition> = std::iter::once(case.clone())
        .chain(others.cloned())
        .collect();
    let last = entries(&cases, prefix_of)
        .iter()
        .filter(|e| e.prefix == prefix && e.number.year == year)
        .map(|e| e.number.seq)
        .max()
        .unwrap_or(0);
    let mut next = case.clone();
    next.numbers.insert(
        kind,
        DocumentNumber {
            year,
            seq: last + 1,
            prefix: prefix.to_string(),
            date: Some(date),
        },
    );
    Ok(next)
}

/// Withdraws the number of the case's document of `kind`, with a reason: it stays used.
pub fn void_number(
    case: &Admonition,
    kind: DocKind,
    reason: &str,
    by: &By,
) -> Result<Admonition, NumberError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(NumberError::Case(CaseError::Missing("作废原因")));
    }
    if reason.chars().count() > super::model::MAX_LINE_CHARS {
        return Err(NumberError::Case(CaseError::TooLong(
            "作废原因",
            super::model::MAX_LINE_CHARS,
        )));
    }
    let mut next = case.clone();
    let Some(number) = next.numbers.remove(&kind) else {
        return Err(NumberError::NotNumbered(kind));
    };
    next.voided.push(VoidedNumber {
        kind,
        number,
        reason: reason.to_string(),
        on: by.today,
        by: by.name.to_string(),
    });
    Ok(next)
}

/// When the 成文日期 is in another year than the document's number: the year the number has.
pub fn year_differs(case: &Admonition, kind: DocKind, date: NaiveDate) -> Option<i32> {
    case.numbers
        .get(&kind)
        .map(|n| n.year)
        .filter(|y| *y != date.year())
}

/// Renumbers for a 成文日期 in another year: the old number withdrawn (saying why), a new one
/// given in the date's year.
pub fn renumber(
    case: &Admonition,
    kind: DocKind,
    prefix: &str,
    date: NaiveDate,
    all: &[Admonition],
    prefix_of: &dyn Fn(DocKind) -> String,
    by: &By,
) -> Result<Admonition, NumberError> {
    let reason = format!("成文日期改为 {} 年，重新编号", date.year());
    let voided = void_number(case, kind, &reason, by)?;
    give_number(&voided, kind, prefix, date, all, prefix_of)
}

#[cfg(test)]
mod tests;
