//! Corrections: a saved posting, log entry, request or notice can be put right by whom it
//! belongs to, and the record keeps what each field was before, when and by whom — a
//! correction never loses what was first written.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One field's change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The field as the form labels it.
    pub field: String,
    pub from: String,
    pub to: String,
}

/// One correction: the day it was made, who made it, and every field it changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub on: NaiveDate,
    pub by: String,
    pub changes: Vec<Change>,
}

/// Texts longer than this are shortened in the history line (the record keeps them whole).
const SHOWN: usize = 24;

fn short(text: &str) -> String {
    let text = if text.is_empty() { "（空）" } else { text };
    if text.chars().count() > SHOWN {
        format!("{}…", text.chars().take(SHOWN).collect::<String>())
    } else {
        text.to_string()
    }
}

impl Correction {
    /// "2026-11-03 王五 改了 日期：2026-11-02 → 2026-11-03；做了什么：宣讲 → 宣讲政策".
    pub fn line(&self) -> String {
        let what: Vec<String> = self
            .changes
            .iter()
            .map(|c| format!("{}：{} → {}", c.field, short(&c.from), short(&c.to)))
            .collect();
        format!("{} {} 改了 {}", self.on, self.by, what.join("；"))
    }
}

/// Collects the fields that differ between two versions, as the form labels them.
#[derive(Default)]
pub struct Diff(Vec<Change>);

impl Diff {
    pub fn field(mut self, label: &str, before: impl ToString, after: impl ToString) -> Diff {
        let (from, to) = (before.to_string(), after.to_string());
        if from != to {
            self.0.push(Change {
                field: label.to_string(),
                from,
                to,
            });
        }
        self
    }

    pub fn day(self, label: &str, before: Option<NaiveDate>, after: Option<NaiveDate>) -> Diff {
        let shown = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        self.field(label, shown(before), shown(after))
    }

    pub fn yes_no(self, label: &str, before: bool, after: bool) -> Diff {
        let shown = |b: bool| if b { "是" } else { "否" };
        self.field(label, shown(before), shown(after))
    }
}

/// A record that keeps its corrections.
pub trait Corrected: Clone {
    /// The fields that differ from `before`.
    fn diff(&self, before: &Self) -> Diff;
    fn corrections_mut(&mut self) -> &mut Vec<Correction>;
}

/// Why a correction was not made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorrectionError {
    Unchanged,
}

impl CorrectionError {
    pub fn message(&self) -> &'static str {
        match self {
            CorrectionError::Unchanged => "没有改动任何内容。",
        }
    }
}

/// `after`, an edit of `before`, with the correction added to its history.
pub fn corrected<T: Corrected>(
    before: &T,
    mut after: T,
    by: &str,
    on: NaiveDate,
) -> Result<T, CorrectionError> {
    let changes = after.diff(before).0;
    if changes.is_empty() {
        return Err(CorrectionError::Unchanged);
    }
    after.corrections_mut().push(Correction {
        on,
        by: by.to_string(),
        changes,
    });
    Ok(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone)]
    struct Note {
        text: String,
        day: Option<NaiveDate>,
        history: Vec<Correction>,
    }

    impl Corrected for Note {
        fn diff(&self, before: &Self) -> Diff {
            Diff::default()
                .field("内容", &before.text, &self.text)
                .day("日期", before.day, self.day)
        }
        fn corrections_mut(&mut self) -> &mut Vec<Correction> {
            &mut self.history
        }
    }

    #[test]
    fn a_correction_keeps_what_each_field_was() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap_or_default();
        let before = Note {
            text: "宣讲".into(),
            day: None,
            history: Vec::new(),
        };
        let mut after = before.clone();
        after.text = "宣讲惠农政策，发放明白纸一百份，群众反映良好".into();
        after.day = Some(day);
        let fixed = corrected(&before, after, "王五", day).unwrap_or_else(|_| before.clone());
        assert_eq!(fixed.history.len(), 1);
        let c = &fixed.history[0];
        assert_eq!(
            (c.changes[0].from.as_str(), c.by.as_str()),
            ("宣讲", "王五")
        );
        assert_eq!(
            c.line(),
            "2026-11-03 王五 改了 内容：宣讲 → 宣讲惠农政策，发放明白纸一百份，群众反映良好；日期：（空） → 2026-11-03"
        );
        assert_eq!(
            corrected(&before, before.clone(), "王五", day).err(),
            Some(CorrectionError::Unchanged)
        );
    }
}
