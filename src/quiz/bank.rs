//! The bank as a whole: filtering on every keystroke, duplicates on import, and the rows of a
//! CSV or Excel export.

use std::collections::{HashMap, HashSet};

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
    let needle = f.text.trim().to_ascii_lowercase();
    questions
        .iter()
        .filter(|q| !q.deleted)
        .filter(|q| f.kind.is_none_or(|k| q.kind == k))
        .filter(|q| f.difficulty.is_none_or(|d| q.difficulty == d))
        .filter(|q| f.category.as_ref().is_none_or(|c| &q.category == c))
        .filter(|q| {
            needle.is_empty()
                || q.stem.to_ascii_lowercase().contains(&needle)
                || q.options
                    .iter()
                    .any(|o| o.to_ascii_lowercase().contains(&needle))
                || q.explanation.to_ascii_lowercase().contains(&needle)
                || q.category.to_ascii_lowercase().contains(&needle)
                || q.tags
                    .iter()
                    .any(|t| t.to_ascii_lowercase().contains(&needle))
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

/// What an import does with one question of the file.
enum Fate<'a> {
    Add,
    /// A repeat kept as a copy ("两者都保留").
    Copy,
    /// A repeat left out (or a repeat of an earlier row of the same file, which is the one
    /// taken).
    Skip,
    /// A repeat whose imported content differs from the bank's question, which it updates.
    Update(&'a Question),
    /// A repeat whose imported content is what the bank already has.
    Unchanged,
}

/// The fate of each imported question: the repeats found once, the bank's questions looked up
/// by id (a 10,000-question file repeating a 10,000-question bank is 10,000 lookups, not 10⁸
/// comparisons).
fn fates<'a>(
    bank: &'a [Question],
    parsed: &[ParsedQuestion],
    action: DuplicateAction,
) -> Vec<Fate<'a>> {
    let by_id: HashMap<Id, &Question> = match action {
        DuplicateAction::Update => bank.iter().map(|q| (q.meta.id, q)).collect(),
        _ => HashMap::new(),
    };
    // A bank question the file holds twice is updated by the first of the two rows only.
    let mut taken = HashSet::new();
    parsed
        .iter()
        .zip(duplicates(bank, parsed))
        .map(|(p, dup)| match (dup, action) {
            (None, _) => Fate::Add,
            (Some(_), DuplicateAction::KeepBoth) => Fate::Copy,
            (Some(_), DuplicateAction::Skip) => Fate::Skip,
            (Some(id), DuplicateAction::Update) => match by_id.get(&id) {
                Some(_) if !taken.insert(id) => Fate::Skip,
                Some(q) if p.draft != q.draft() => Fate::Update(q),
                Some(_) => Fate::Unchanged,
                None => Fate::Skip,
            },
        })
        .collect()
}

/// What an import writes and what it will say it did, from one look at the bank.
pub fn plan_import(
    bank: &[Question],
    parsed: &[ParsedQuestion],
    action: DuplicateAction,
    device: &DeviceId,
    now: chrono::DateTime<chrono::Utc>,
) -> (Vec<Question>, ImportCounts) {
    let mut counts = ImportCounts::default();
    let mut out = Vec::new();
    let fresh = |p: &ParsedQuestion| p.draft.clone().into_question(Meta::new(device, now));
    for (p, fate) in parsed.iter().zip(fates(bank, parsed, action)) {
        match fate {
            Fate::Add => {
                counts.added += 1;
                out.push(fresh(p));
            }
            Fate::Copy => {
                counts.copies += 1;
                out.push(fresh(p));
            }
            Fate::Skip => counts.skipped += 1,
            Fate::Unchanged => counts.unchanged += 1,
            Fate::Update(existing) => {
                counts.updated += 1;
                let mut updated = p.draft.clone().into_question(existing.meta.clone());
                updated.meta.touch(device, now);
                out.push(updated);
            }
        }
    }
    (out, counts)
}

/// The records an import writes: new questions, and updated ones for `Update`.
pub fn import_writes(
    bank: &[Question],
    parsed: &[ParsedQuestion],
    action: DuplicateAction,
    device: &DeviceId,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<Question> {
    plan_import(bank, parsed, action, device, now).0
}

/// What an import did, counted for the message after it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub added: usize,
    /// Repeats kept as copies ("两者都保留").
    pub copies: usize,
    pub updated: usize,
    /// Repeats whose imported content is what the bank already has.
    pub unchanged: usize,
    pub skipped: usize,
}

impl ImportCounts {
    pub fn of(bank: &[Question], parsed: &[ParsedQuestion], action: DuplicateAction) -> Self {
        let mut c = ImportCounts::default();
        for fate in fates(bank, parsed, action) {
            match fate {
                Fate::Add => c.added += 1,
                Fate::Copy => c.copies += 1,
                Fate::Skip => c.skipped += 1,
                Fate::Update(_) => c.updated += 1,
                Fate::Unchanged => c.unchanged += 1,
            }
        }
        c
    }

    /// The message after the import, in plain words.
    pub fn done_text(&self) -> String {
        let written = self.added + self.copies + self.updated;
        if written == 0 {
            let repeats = self.unchanged + self.skipped;
            return if self.unchanged > 0 && self.skipped == 0 {
                format!("{repeats} 道都与题库中的题相同，没有需要更新的内容。")
            } else {
                format!("{repeats} 道都与题库重复，已跳过，题库没有变化。")
            };
        }
        let mut parts = Vec::new();
        if self.added > 0 {
            parts.push(format!("新增 {} 道", self.added));
        }
        if self.updated > 0 {
            parts.push(format!("更新 {} 道", self.updated));
        }
        if self.copies > 0 {
            parts.push(format!("另存重复题副本 {} 道", self.copies));
        }
        if self.unchanged > 0 {
            parts.push(format!("{} 道与题库相同无需更新", self.unchanged));
        }
        if self.skipped > 0 {
            parts.push(format!("{} 道重复已跳过", self.skipped));
        }
        format!("试题导入完成：{}。", parts.join("，"))
    }
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
    fn the_plan_writes_and_counts_what_each_action_does() {
        let existing = bank();
        let csv = "题型,题干,选项A,选项B,选项C,选项D,答案,解析\n单选,“四个一”制度中每半年一次的是什么？,自我学习,集中学习,测验考试,封闭培训,C,新解析\n单选,新题,甲,乙,,,A,\n单选,新题,甲,乙,,,A,\n单选,“四个一”制度中每半年一次的是什么？,自我学习,集中学习,测验考试,封闭培训,C,新解析\n";
        let parsed = parse_csv(csv.as_bytes()).unwrap_or_default().questions;
        let dev = DeviceId("s".into());
        for action in DuplicateAction::ALL {
            let (writes, counts) = plan_import(&existing, &parsed, action, &dev, now());
            // New questions get new ids: compared by content and edit count.
            let content = |w: &[Question]| {
                w.iter()
                    .map(|q| (q.draft(), q.meta.rev))
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                content(&writes),
                content(&import_writes(&existing, &parsed, action, &dev, now()))
            );
            assert_eq!(counts, ImportCounts::of(&existing, &parsed, action));
            assert_eq!(
                writes.len(),
                counts.added + counts.copies + counts.updated,
                "{action:?}"
            );
        }
        // Updating, the bank's question is found by its id; the file's second copy of it is a
        // repeat of the file's own earlier row: the question is updated once, and the message
        // says 更新 1 道, not 2.
        let (writes, counts) =
            plan_import(&existing, &parsed, DuplicateAction::Update, &dev, now());
        assert_eq!(
            counts,
            ImportCounts {
                added: 1,
                updated: 1,
                skipped: 2,
                ..Default::default()
            }
        );
        assert_eq!(writes[0].meta.id, existing[0].meta.id);
    }

    #[test]
    fn the_message_after_an_import_says_what_happened_to_each_question() {
        let existing = bank();
        let csv = "题型,题干,选项A,选项B,选项C,选项D,答案,解析\n单选,“四个一”制度中每半年一次的是什么？,自我学习,集中学习,测验考试,封闭培训,C,新解析\n单选,新题,甲,乙,,,A,\n单选,新题,甲,乙,,,A,\n";
        let parsed = parse_csv(csv.as_bytes()).unwrap_or_default().questions;
        let counts = |a| ImportCounts::of(&existing, &parsed, a);
        assert_eq!(
            counts(DuplicateAction::Update).done_text(),
            "试题导入完成：新增 1 道，更新 1 道，1 道重复已跳过。"
        );
        assert_eq!(
            counts(DuplicateAction::KeepBoth).done_text(),
            "试题导入完成：新增 1 道，另存重复题副本 2 道。"
        );
        // The same file again, nothing changed: the message says so instead of "写入 0 道".
        let again: Vec<Question> = existing
            .iter()
            .cloned()
            .chain(import_writes(
                &existing,
                &parsed,
                DuplicateAction::Update,
                &DeviceId("s".into()),
                now(),
            ))
            .collect();
        let repeat = parse_csv(
            "题型,题干,选项A,选项B,选项C,选项D,答案,解析\n单选,新题,甲,乙,,,A,\n".as_bytes(),
        )
        .unwrap_or_default()
        .questions;
        assert_eq!(
            ImportCounts::of(&again, &repeat, DuplicateAction::Skip).done_text(),
            "1 道都与题库重复，已跳过，题库没有变化。"
        );
        assert_eq!(
            ImportCounts::of(&again, &repeat, DuplicateAction::Update).done_text(),
            "1 道都与题库中的题相同，没有需要更新的内容。"
        );
    }

    /// Round trips through Excel files (read natively, inflating as the browser would).
    #[cfg(not(target_arch = "wasm32"))]
    mod excel {
        use super::*;

        /// Questions whose text an office suite would like to turn into numbers, dates or
        /// formulas.
        const TRICKY: &str = "题型,题干,选项A,选项B,选项C,选项D,选项E,选项F,选项G,选项H,答案,解析,难度,分类\n\
    单选,某村集体收入增长了多少？,20%,30%,40%,50%,,,,,B,增长 30%。,简单,乡村振兴\n\
    单选,专项资金是多少元？,\"50,000.00\",\"1,250,000\",0.50,007,,,,,A,,中等,财务\n\
    单选,哪一天放假？,2026-10-01,2026-10-08,2026-10-01 09:30,=1+1,,,,,A,\"第一行\n第二行\",困难,节假日\n\
    判断,联系电话13812345678可以公开。,,,,,,,,,错误,,简单,便民服务\n";

        fn tricky() -> Vec<Question> {
            let parsed = parse_csv(TRICKY.as_bytes()).unwrap_or_default();
            assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
            import_writes(
                &[],
                &parsed.questions,
                DuplicateAction::Skip,
                &DeviceId("s".into()),
                now(),
            )
        }

        fn drafts_of(questions: &[Question]) -> Vec<crate::quiz::model::QuestionDraft> {
            let mut out: Vec<_> = questions.iter().map(Question::draft).collect();
            for d in &mut out {
                d.source.clear();
                d.tags.clear();
            }
            out
        }

        /// The workbook the bank's Excel export writes.
        pub(crate) fn tricky_workbook() -> Vec<u8> {
            let bank = tricky();
            let refs: Vec<&Question> = bank.iter().collect();
            let sheet = crate::office::xlsx::Sheet::new("题库", "题库", export_rows(&refs))
                .line("共 4 道试题，2026-12-02 09:00 导出");
            crate::office::xlsx::workbook(&sheet).unwrap_or_default()
        }

        fn import_workbook(bytes: &[u8]) -> Vec<crate::quiz::model::QuestionDraft> {
            let rows = crate::office::xlsx_read::read_natively(bytes);
            let back = crate::quiz::import::parse_sheet_rows(rows).unwrap_or_default();
            assert!(back.problems.is_empty(), "{:?}", back.problems);
            back.questions.into_iter().map(|p| p.draft).collect()
        }

        #[test]
        fn an_excel_export_imports_back_with_the_same_questions() {
            assert_eq!(import_workbook(&tricky_workbook()), drafts_of(&tricky()));
        }

        /// The same workbook after LibreOffice 7.4 opened and saved it (made by
        /// scripts/office-fixtures.sh): shares, amounts, dates and formula-like text come back as
        /// they were.
        #[test]
        fn an_excel_export_saved_by_libreoffice_imports_back_with_the_same_questions() {
            let saved =
                include_bytes!("../../tests/fixtures/office/bank-saved-by-libreoffice.xlsx");
            assert_eq!(import_workbook(saved), drafts_of(&tricky()));
        }

        /// A bank typed into LibreOffice (its CSV import with number recognition, then saved):
        /// every cell reads as the sheet shows it — shares with the two decimals LibreOffice gave
        /// them, dates as dates, amounts as the plain numbers it made of them.
        #[test]
        fn a_bank_typed_in_libreoffice_reads_as_its_sheet_shows_it() {
            let typed =
                include_bytes!("../../tests/fixtures/office/bank-typed-in-libreoffice.xlsx");
            let got = import_workbook(typed);
            let options: Vec<Vec<String>> = got.iter().map(|d| d.options.clone()).collect();
            assert_eq!(
                options,
                vec![
                    vec!["20.00%", "30.00%", "40.00%", "50.00%"],
                    vec!["50000", "1250000", "0.5", "12.50%"],
                    vec!["2026-10-01", "2026-10-08", "2026-09-30", "2026-10-07"],
                ]
                .into_iter()
                .map(|o| o.into_iter().map(String::from).collect::<Vec<_>>())
                .collect::<Vec<_>>()
            );
            assert_eq!(got[0].explanation, "增长 30%。");
        }

        /// Writes the workbook bank-saved-by-libreoffice.xlsx is made from: `cargo test write_bank_fixture --
        /// --ignored` (scripts/office-fixtures.sh does it and has LibreOffice save it).
        #[test]
        #[ignore]
        fn write_bank_fixture() {
            let out = std::env::var("ZUOFENG_FIXTURE_OUT").unwrap_or_else(|_| "bank.xlsx".into());
            std::fs::write(out, tricky_workbook()).unwrap_or_else(|e| panic!("{e}"));
        }
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

    #[test]
    fn a_new_question_starts_in_the_category_shown_and_needs_its_stem() {
        let blank = crate::quiz::model::QuestionDraft::blank("党纪法规");
        assert_eq!(
            (blank.kind, blank.difficulty),
            (QuestionKind::Single, Difficulty::Medium)
        );
        assert_eq!(blank.category, "党纪法规");
        assert_eq!(
            blank.cleaned(),
            Err(crate::quiz::model::QuestionError::StemMissing)
        );
    }
}
