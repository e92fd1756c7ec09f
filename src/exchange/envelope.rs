//! The exchange file: one JSON envelope for every kind of file people pass around, saying what
//! it is, which app can read it, who made it and when, and carrying the records by store.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::record::DeviceId;
use crate::sorted::SortedMap;
use crate::store::schema::StoreName;

/// The `format` field of every zuofeng file.
pub const FORMAT_NAME: &str = "zuofeng";
/// The newest format this build reads: bumped when the envelope or a record layout changes in
/// a way older apps cannot read. Sealed files are version 2 (`sealed.rs`); plain ones stay 1.
pub const FORMAT_VERSION: u32 = 2;
/// The version plain files are written with.
pub const FORMAT_VERSION_PLAIN: u32 = 1;
/// The version of this build, written into every file.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
/// The oldest app that reads the files this build writes.
pub const MIN_READER_VERSION: &str = "0.1.0";
/// Files above this size are refused before they are read. Every backup the app writes must
/// be below it: 200,000 village log entries are an 82 MB backup, restored in the tests (a
/// 127 MB one was measured to restore too; a 230 MB one did not finish).
pub const MAX_FILE_BYTES: u64 = 128 * 1024 * 1024;
/// A file with more records than this is refused as damaged or not meant for this app.
pub const MAX_RECORDS: usize = 500_000;

crate::read_by_name! {
    /// What a file is for. Each kind is imported on the page that deals with it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum FileKind {
        Backup,
        QuizPackage,
        AnswerSheet,
        Ballot,
        CaseFile,
        WorkLineUpdate,
        QuestionBank,
        DocumentTemplates,
        HolidayCalendar,
        RatingRound,
        Forms,
        VillageLog,
        ServiceLedger,
        /// A cadre's own practice sessions, sent for the 四个一 record (not a whole backup).
        PracticeLog,
        /// The office's village list and postings, with the cadres posted (驻村安排).
        VillagePlan,
    }
}

impl FileKind {
    pub const ALL: [FileKind; 15] = [
        FileKind::Backup,
        FileKind::QuizPackage,
        FileKind::AnswerSheet,
        FileKind::Ballot,
        FileKind::CaseFile,
        FileKind::WorkLineUpdate,
        FileKind::QuestionBank,
        FileKind::DocumentTemplates,
        FileKind::HolidayCalendar,
        FileKind::RatingRound,
        FileKind::Forms,
        FileKind::VillageLog,
        FileKind::ServiceLedger,
        FileKind::PracticeLog,
        FileKind::VillagePlan,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Backup => "backup",
            FileKind::QuizPackage => "quiz_package",
            FileKind::AnswerSheet => "answer_sheet",
            FileKind::Ballot => "ballot",
            FileKind::CaseFile => "case_file",
            FileKind::WorkLineUpdate => "work_line_update",
            FileKind::QuestionBank => "question_bank",
            FileKind::DocumentTemplates => "document_templates",
            FileKind::HolidayCalendar => "holiday_calendar",
            FileKind::RatingRound => "rating_round",
            FileKind::Forms => "forms",
            FileKind::VillageLog => "village_log",
            FileKind::ServiceLedger => "service_ledger",
            FileKind::PracticeLog => "practice_log",
            FileKind::VillagePlan => "village_plan",
        }
    }

    pub fn parse(s: &str) -> Option<FileKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The Chinese name used on screen and in file names.
    pub fn label(self) -> &'static str {
        match self {
            FileKind::Backup => "备份",
            FileKind::QuizPackage => "试卷包",
            FileKind::AnswerSheet => "答卷",
            FileKind::Ballot => "评议票",
            FileKind::CaseFile => "诫勉案卷",
            FileKind::WorkLineUpdate => "工作线更新",
            FileKind::QuestionBank => "题库",
            FileKind::DocumentTemplates => "诫勉模板",
            FileKind::HolidayCalendar => "节假日安排",
            FileKind::RatingRound => "评议表",
            FileKind::Forms => "自评述职表",
            FileKind::VillageLog => "驻村日志",
            FileKind::ServiceLedger => "便民服务台账",
            FileKind::PracticeLog => "自学记录",
            FileKind::VillagePlan => "驻村安排",
        }
    }

    /// The stores a file of this kind may carry.
    pub fn allows(self, store: StoreName) -> bool {
        match self {
            FileKind::Backup => store != StoreName::Settings,
            FileKind::WorkLineUpdate => crate::workline::share::LINE_FILE_STORES.contains(&store),
            FileKind::QuestionBank => store == StoreName::Questions,
            FileKind::QuizPackage => store == StoreName::Quizzes,
            FileKind::AnswerSheet => store == StoreName::Attempts,
            // A case file carries the cases and the cadres they name.
            FileKind::CaseFile => matches!(store, StoreName::Admonitions | StoreName::Cadres),
            FileKind::DocumentTemplates => store == StoreName::DocumentTemplates,
            FileKind::HolidayCalendar => store == StoreName::HolidayCalendars,
            // A rating round goes out with the people it rates; a ballot comes back alone.
            FileKind::RatingRound => matches!(store, StoreName::Evaluations | StoreName::Cadres),
            FileKind::Ballot => store == StoreName::Ballots,
            FileKind::VillageLog => store == StoreName::VillageLogs,
            FileKind::ServiceLedger => store == StoreName::ServiceLedger,
            FileKind::PracticeLog => store == StoreName::Practice,
            FileKind::VillagePlan => matches!(
                store,
                StoreName::Villages | StoreName::ResidentCadres | StoreName::Cadres
            ),
            // Templates sent out, and filled forms handed in.
            FileKind::Forms => matches!(
                store,
                StoreName::FormTemplates | StoreName::SelfAssessments | StoreName::DutyReports
            ),
        }
    }

    /// Where in the app a file of this kind is imported.
    pub fn import_page(self) -> &'static str {
        match self {
            FileKind::Backup => "数据管理",
            FileKind::QuizPackage
            | FileKind::AnswerSheet
            | FileKind::QuestionBank
            | FileKind::PracticeLog => "学习测验",
            FileKind::Ballot | FileKind::RatingRound | FileKind::Forms => "述职评议",
            FileKind::CaseFile | FileKind::DocumentTemplates | FileKind::HolidayCalendar => {
                "谈话诫勉"
            }
            FileKind::WorkLineUpdate => "工作分线",
            FileKind::VillageLog | FileKind::ServiceLedger | FileKind::VillagePlan => "驻村与便民",
        }
    }
}

/// Who made a file: the person set on first use, and their browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exporter {
    pub name: String,
    pub unit: String,
    #[serde(default)]
    pub post: String,
    pub device_id: DeviceId,
}

/// The whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub format: String,
    pub format_version: u32,
    pub min_app_version: String,
    pub app_version: String,
    pub kind: FileKind,
    pub exported_by: Exporter,
    pub exported_at: DateTime<Utc>,
    /// Records by store name (`cadres`, `questions` …), each a JSON object with a `meta` field.
    /// Empty in a sealed file. Read by `read_envelope`, taken as they are from the file's `Value`.
    #[serde(default, skip_deserializing)]
    pub records: SortedMap<String, Vec<Value>>,
    /// A sealed file's record counts by store, readable without the password.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub record_counts: SortedMap<String, usize>,
    /// A sealed file's encrypted records (`sealed.rs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed: Option<super::sealed::Seal>,
}

/// The envelope of a file read into `json`: its records taken out as they are, not copied, and
/// the rest read from its own text (so the app reads records from text only, with one reader
/// per type). A fault is told as `de_error::explain_header` tells it.
pub fn read_envelope(json: &mut Value) -> Result<Envelope, String> {
    let records = json.as_object_mut().and_then(|o| o.remove("records"));
    let explain = |json: &Value, e| super::de_error::explain_header(json, &e);
    let mut envelope: Envelope =
        serde_json::from_str(&json.to_string()).map_err(|e| explain(json, e))?;
    if let Some(records) = records {
        envelope.records = records_of(records).map_err(|e| explain(json, e))?;
    }
    Ok(envelope)
}

/// Records by store name, moved out of their `Value`: an object of lists, else the error
/// serde gives for a map or a list of another type.
pub fn records_of(value: Value) -> Result<SortedMap<String, Vec<Value>>, serde_json::Error> {
    use serde::de::Error;
    let wrong =
        |v: &Value, expected: &str| serde_json::Error::invalid_type(unexpected(v), &expected);
    match value {
        Value::Object(stores) => stores
            .into_iter()
            .map(|(store, records)| match records {
                Value::Array(items) => Ok((store, items)),
                other => Err(wrong(&other, "a sequence")),
            })
            .collect(),
        other => Err(wrong(&other, "a map")),
    }
}

fn unexpected(value: &Value) -> serde::de::Unexpected<'_> {
    use serde::de::Unexpected;
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

impl Envelope {
    pub fn new(
        kind: FileKind,
        exported_by: Exporter,
        exported_at: DateTime<Utc>,
        records: SortedMap<String, Vec<Value>>,
    ) -> Self {
        Envelope {
            format: FORMAT_NAME.to_string(),
            format_version: FORMAT_VERSION_PLAIN,
            min_app_version: MIN_READER_VERSION.to_string(),
            app_version: APP_VERSION.to_string(),
            kind,
            exported_by,
            exported_at,
            records,
            record_counts: SortedMap::new(),
            sealed: None,
        }
    }

    pub fn record_count(&self) -> usize {
        self.records.values().map(Vec::len).sum::<usize>()
            + self.record_counts.values().sum::<usize>()
    }

    /// The file's bytes: compact JSON, UTF-8.
    pub fn to_json(&self) -> String {
        // Serialising plain structs, strings and JSON values cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// A dotted app version such as `0.1.0`, compared part by part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct AppVersion(pub u32, pub u32, pub u32);

impl AppVersion {
    pub fn parse(s: &str) -> Option<AppVersion> {
        let mut parts = s.trim().split('.').map(|p| p.parse::<u32>().ok());
        let v = AppVersion(
            parts.next()??,
            parts.next().unwrap_or(Some(0))?,
            parts.next().unwrap_or(Some(0))?,
        );
        parts.next().is_none().then_some(v)
    }

    pub fn current() -> AppVersion {
        AppVersion::parse(APP_VERSION).unwrap_or(AppVersion(0, 0, 0))
    }
}

/// `zuofeng-备份-张三-20261127-1530.json`: kind, person and local time, safe on every file system.
pub fn file_name(kind: FileKind, person: &str, local_time: NaiveDateTime) -> String {
    let person: String = person
        .chars()
        .filter(|c| {
            !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control()
        })
        .collect::<String>()
        .trim()
        .chars()
        .take(20)
        .collect();
    let person = if person.is_empty() {
        "未署名".to_string()
    } else {
        person
    };
    format!(
        "zuofeng-{}-{}-{}.json",
        kind.label(),
        person,
        stamp(local_time)
    )
}

/// The name of a file that must not say who made it or when in the day (an electronic ballot):
/// the day and a short random part, so files made in the same minute never overwrite each
/// other in one folder.
pub fn anonymous_file_name(kind: FileKind, local_day: chrono::NaiveDate, random: u32) -> String {
    use chrono::Datelike;
    format!(
        "zuofeng-{}-匿名-{:04}{:02}{:02}-{:06x}.json",
        kind.label(),
        local_day.year(),
        local_day.month(),
        local_day.day(),
        random & 0xff_ffff
    )
}

/// `20261127-1530`: a local time for file names.
pub fn stamp(t: NaiveDateTime) -> String {
    use chrono::{Datelike, Timelike};
    format!(
        "{:04}{:02}{:02}-{:02}{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn anonymous_file_names_carry_the_day_and_a_random_part_only() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default();
        assert_eq!(
            anonymous_file_name(FileKind::Ballot, day, 0x12ab34),
            "zuofeng-评议票-匿名-20261127-12ab34.json"
        );
        assert_ne!(
            anonymous_file_name(FileKind::Ballot, day, 1),
            anonymous_file_name(FileKind::Ballot, day, 2)
        );
    }

    #[test]
    fn file_names_carry_kind_person_and_time() {
        let t = NaiveDate::from_ymd_opt(2026, 11, 27)
            .and_then(|d| d.and_hms_opt(15, 30, 0))
            .unwrap_or_default();
        assert_eq!(
            file_name(FileKind::Backup, "张三", t),
            "zuofeng-备份-张三-20261127-1530.json"
        );
        assert_eq!(
            file_name(FileKind::AnswerSheet, "李/四:", t),
            "zuofeng-答卷-李四-20261127-1530.json"
        );
        assert_eq!(
            file_name(FileKind::Backup, "  ", t),
            "zuofeng-备份-未署名-20261127-1530.json"
        );
    }

    #[test]
    fn versions_compare_numerically() {
        assert!(AppVersion::parse("0.10.0") > AppVersion::parse("0.9.9"));
        assert_eq!(AppVersion::parse("1"), Some(AppVersion(1, 0, 0)));
        assert_eq!(AppVersion::parse("1.2.x"), None);
        assert_eq!(AppVersion::parse("1.2.3.4"), None);
        assert!(AppVersion::parse(MIN_READER_VERSION) <= Some(AppVersion::current()));
    }

    #[test]
    fn kinds_round_trip_through_their_names() {
        for k in FileKind::ALL {
            assert_eq!(FileKind::parse(k.as_str()), Some(k));
            assert_eq!(
                serde_json::to_value(k).ok(),
                Some(Value::String(k.as_str().into()))
            );
        }
    }
}
