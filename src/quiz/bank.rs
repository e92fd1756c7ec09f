//! The bank as a whole: filtering on every keystroke, duplicates on import, and the rows of a
//! CSV or Excel export.

use std::collections::HashMap;

use super::answer::format_answer;
use super::import::ParsedQuestion;
use super::model::{duplicate_key, Difficulty, Question, QuestionKind, MAX_OPTIONS};
use crate::record::{DeviceId, Id, Meta};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BankFilter {
    pub text: String,
    pub kind: Option<QuestionKind>,
    pub category: Option<String>,
    pub difficulty: Option<Difficulty>,
}

/// The live questions that match, in bank order.
pub fn filter<'a>(questions: &'a [Question], f: &BankFilter) -> Vec<&'a Question> {
    let needle = f.text.trim().to_lowercase();
    questions
        .iter()
        .filter(|q| !q.deleted)
        .filter(|q| f.kind.is_none_or(|k| q.kind == k))
        .filter(|q| f.difficulty.is_none_or(|d| q.difficulty == d))
        .filter(|q| f.category.as_ref().is_none_or(|c| &q.category == c))
        .filter(|q| {
            needle.is_empty()
                || q.stem.to_lowercase().contains(&needle)
                || q.options.iter().any(|o| o.to_lowercase().contains(&needle))
                || q.explanation.to_lowercase().contains(&needle)
                || q.category.to_lowercase().contains(&needle)
                || q.tags.iter().any(|t| t.to_lowercase().contains(&needle))
        })
        .collect()
}

/// What to do with an imported question that is already in the bank (same stem and options).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DuplicateAction {
    #[default]
    Skip,
    Update,
    KeepBoth,
}

impl DuplicateAction {
    pub const ALL: [DuplicateAction; 3] = [
        DuplicateAction::Skip,
        DuplicateAction::Update,
        DuplicateAction::KeepBoth,
    ];
    pub fn label(self) -> &'static str {
        match self {
            DuplicateAction::Skip => "跳过重复题",
            DuplicateAction::Update => "用导入的内容更新重复题",
            DuplicateAction::KeepBoth => "两者都保留",
        }
    }
}

/// Which imported questions repeat one in the bank (or an earlier one in the same file).
pub fn duplicates(bank: &[Question], parsed: &[ParsedQuestion]) -> Vec<Option<Id>> {
    let mut seen: HashMap<String, Option<Id>> = bank
        .iter()
        .filter(|q| !q.deleted)
        .map(|q| (duplicate_key(&q.stem, &q.options), Some(q.meta.id)))
        .collect();
    parsed
        .iter()
        .map(|p| {
            let key = duplicate_key(&p.draft.stem, &p.draft.options);
            match seen.get(&key) {
                Some(found) => Some(found.unwrap_or(Id::nil())),
                None => {
                    seen.insert(key, None);
                    None
                }
            }
        })
        .collect()
}

/// The records an import writes: new questions, and updated ones for `Update`.
pub fn import_writes(
    bank: &[Question],
    parsed: &[ParsedQuestion],
    action: DuplicateAction,
    device: &DeviceId,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<Question> {
    let dups = duplicates(bank, parsed);
    let mut out = Vec::new();
    for (p, dup) in parsed.iter().zip(dups) {
        match (dup, action) {
            (None, _) | (Some(_), DuplicateAction::KeepBoth) => {
                out.push(p.draft.clone().into_question(Meta::new(device, now)))
            }
            (Some(_), DuplicateAction::Skip) => {}
            (Some(id), DuplicateAction::Update) => {
                if let Some(existing) = bank.iter().find(|q| q.meta.id == id) {
                    let mut updated = p.draft.clone().into_question(existing.meta.clone());
                    if updated.draft() != existing.draft() {
                        updated.meta.touch(device, now);
                        out.push(updated);
                    }
                }
            }
        }
    }
    out
}

/// The bank as table rows, headed like the import template (so an export imports back).
pub fn export_rows(questions: &[&Question]) -> Vec<Vec<String>> {
    let mut rows = vec![super::import::table::TEMPLATE_HEADERS
        .iter()
        .map(|h| h.to_string())
        .collect::<Vec<_>>()];
    for q in questions {
        let mut row = vec![q.kind.label().to_string(), q.stem.clone()];
        for i in 0..MAX_OPTIONS {
            row.push(q.options.get(i).cloned().unwrap_or_default());
        }
        row.push(format_answer(&q.answer));
        row.push(q.explanation.clone());
        row.push(q.difficulty.label().to_string());
        row.push(q.category.clone());
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::table::csv_text;
    use crate::quiz::import::table::parse_csv;
    use chrono::DateTime;

    fn now() -> chrono::DateTime<chrono::Utc> {
        DateTime::from_timestamp(0, 0).unwrap_or_default()
    }

    fn bank() -> Vec<Question> {
        let parsed =
            parse_csv(crate::quiz::import::table::template_csv().as_bytes()).unwrap_or_default();
        import_writes(
            &[],
            &parsed.questions,
            DuplicateAction::Skip,
            &DeviceId("s".into()),
            now(),
        )
    }

    #[test]
    fn filters_by_text_kind_category_and_difficulty() {
        let bank = bank();
        let f = |text: &str, kind| {
            filter(
                &bank,
                &BankFilter {
                    text: text.into(),
                    kind,
                    ..Default::default()
                },
            )
            .len()
        };
        assert_eq!(f("", None), 5);
        assert_eq!(f("四个一", None), 1);
        assert_eq!(f("政协", None), 1, "matches options too");
        assert_eq!(f("", Some(QuestionKind::TrueFalse)), 1);
        let hard = filter(
            &bank,
            &BankFilter {
                difficulty: Some(Difficulty::Hard),
                ..Default::default()
            },
        );
        assert_eq!(hard.len(), 1);
        let cat = filter(
            &bank,
            &BankFilter {
                category: Some("工作分线".into()),
                ..Default::default()
            },
        );
        assert_eq!(cat[0].kind, QuestionKind::FillBlank);
    }

    #[test]
    fn duplicates_are_skipped_updated_or_kept() {
        let existing = bank();
        let csv = "题型,题干,选项A,选项B,选项C,选项D,答案,解析\n单选,“四个一”制度中每半年一次的是什么？,自我学习,集中学习,测验考试,封闭培训,C,新解析\n单选,新题,甲,乙,,,A,\n单选,新题,甲,乙,,,A,\n";
        let parsed = parse_csv(csv.as_bytes()).unwrap_or_default().questions;
        let dups = duplicates(&existing, &parsed);
        assert_eq!(dups[0], Some(existing[0].meta.id));
        assert_eq!(dups[1], None);
        assert!(dups[2].is_some(), "repeats an earlier row of the same file");
        let dev = DeviceId("s".into());
        assert_eq!(
            import_writes(&existing, &parsed, DuplicateAction::Skip, &dev, now()).len(),
            1
        );
        let updated = import_writes(&existing, &parsed, DuplicateAction::Update, &dev, now());
        assert_eq!(updated.len(), 2);
        assert_eq!(
            (updated[0].meta.id, updated[0].explanation.as_str()),
            (existing[0].meta.id, "新解析")
        );
        assert_eq!(updated[0].meta.rev, 2);
        assert_eq!(
            import_writes(&existing, &parsed, DuplicateAction::KeepBoth, &dev, now()).len(),
            3
        );
    }

    #[test]
    fn an_export_imports_back_unchanged() {
        let bank = bank();
        let refs: Vec<&Question> = bank.iter().collect();
        let text = csv_text(&export_rows(&refs));
        let back = parse_csv(text.as_bytes()).unwrap_or_default();
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        let drafts: Vec<_> = back.questions.into_iter().map(|p| p.draft).collect();
        let mut expected: Vec<_> = bank.iter().map(Question::draft).collect();
        for d in &mut expected {
            d.source.clear();
            d.tags.clear();
        }
        assert_eq!(drafts, expected);
    }
}
