//! The IndexedDB schema as plain data: which object stores exist, in which version each appeared,
//! and the upgrade steps between versions. Pure, so the upgrade path is tested natively.

use serde::Serialize;

/// The database name. Every page opened from `file://` shares one storage area in Chromium,
/// so the name is specific enough not to meet another app's.
pub const DB_NAME: &str = "zuofeng-work-style-workbench";

/// The schema version this build creates and expects.
pub const DB_VERSION: u32 = 8;

crate::read_by_name! {
    /// Every object store. The string names are used in IndexedDB and in exchange files.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum StoreName {
        Settings,
        Cadres,
        Questions,
        Quizzes,
        Attempts,
        Practice,
        MistakeBook,
        StudyEvents,
        SelfAssessments,
        DutyReports,
        Evaluations,
        Ballots,
        Awards,
        FormTemplates,
        Admonitions,
        DocumentTemplates,
        HolidayCalendars,
        WorkLines,
        Tasks,
        StandUps,
        WorkReports,
        ResidentCadres,
        VillageLogs,
        ServiceLedger,
        PublicNotices,
        Villages,
    }
}

/// The four modules plus the shared roster, for grouping counts on the home page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Module {
    Roster,
    Quiz,
    Assessment,
    Admonition,
    WorkLine,
    Village,
    System,
}

impl Module {
    pub fn label(self) -> &'static str {
        match self {
            Module::Roster => "干部名册",
            Module::Quiz => "学习测验",
            Module::Assessment => "述职评议",
            Module::Admonition => "谈话诫勉",
            Module::WorkLine => "工作分线",
            Module::Village => "驻村与便民",
            Module::System => "系统设置",
        }
    }
}

impl StoreName {
    pub const ALL: [StoreName; 26] = [
        StoreName::Settings,
        StoreName::Cadres,
        StoreName::Questions,
        StoreName::Quizzes,
        StoreName::Attempts,
        StoreName::Practice,
        StoreName::MistakeBook,
        StoreName::StudyEvents,
        StoreName::SelfAssessments,
        StoreName::DutyReports,
        StoreName::Evaluations,
        StoreName::Ballots,
        StoreName::Awards,
        StoreName::FormTemplates,
        StoreName::Admonitions,
        StoreName::DocumentTemplates,
        StoreName::HolidayCalendars,
        StoreName::WorkLines,
        StoreName::Tasks,
        StoreName::StandUps,
        StoreName::WorkReports,
        StoreName::ResidentCadres,
        StoreName::VillageLogs,
        StoreName::ServiceLedger,
        StoreName::PublicNotices,
        StoreName::Villages,
    ];

    /// Stores whose records travel in exchange files (settings stay in this browser).
    pub fn exchanged() -> impl Iterator<Item = StoreName> {
        Self::ALL.into_iter().filter(|s| *s != StoreName::Settings)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            StoreName::Settings => "settings",
            StoreName::Cadres => "cadres",
            StoreName::Questions => "questions",
            StoreName::Quizzes => "quizzes",
            StoreName::Attempts => "attempts",
            StoreName::Practice => "practice",
            StoreName::MistakeBook => "mistake_book",
            StoreName::StudyEvents => "study_events",
            StoreName::SelfAssessments => "self_assessments",
            StoreName::DutyReports => "duty_reports",
            StoreName::Evaluations => "evaluations",
            StoreName::Ballots => "ballots",
            StoreName::Awards => "awards",
            StoreName::FormTemplates => "form_templates",
            StoreName::Admonitions => "admonitions",
            StoreName::DocumentTemplates => "document_templates",
            StoreName::HolidayCalendars => "holiday_calendars",
            StoreName::WorkLines => "work_lines",
            StoreName::Tasks => "tasks",
            StoreName::StandUps => "stand_ups",
            StoreName::WorkReports => "work_reports",
            StoreName::ResidentCadres => "resident_cadres",
            StoreName::VillageLogs => "village_logs",
            StoreName::ServiceLedger => "service_ledger",
            StoreName::PublicNotices => "public_notices",
            StoreName::Villages => "villages",
        }
    }

    pub fn parse(name: &str) -> Option<StoreName> {
        Self::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// What users call these records.
    pub fn label(self) -> &'static str {
        match self {
            StoreName::Settings => "设置",
            StoreName::Cadres => "干部",
            StoreName::Questions => "试题",
            StoreName::Quizzes => "测验",
            StoreName::Attempts => "答卷",
            StoreName::Practice => "练习记录",
            StoreName::MistakeBook => "错题本",
            StoreName::StudyEvents => "学习记录",
            StoreName::SelfAssessments => "自评表",
            StoreName::DutyReports => "述职报告",
            StoreName::Evaluations => "评议",
            StoreName::Ballots => "评议票",
            StoreName::Awards => "评优与奖金",
            StoreName::FormTemplates => "自评和述职模板",
            StoreName::Admonitions => "诫勉案件",
            StoreName::DocumentTemplates => "诫勉模板",
            StoreName::HolidayCalendars => "节假日安排",
            StoreName::WorkLines => "工作线",
            StoreName::Tasks => "任务",
            StoreName::StandUps => "碰头会记录",
            StoreName::WorkReports => "调度与总结",
            StoreName::ResidentCadres => "驻村安排",
            StoreName::VillageLogs => "驻村日志",
            StoreName::ServiceLedger => "便民服务台账",
            StoreName::PublicNotices => "公开栏",
            StoreName::Villages => "村（社区）名单",
        }
    }

    pub fn module(self) -> Module {
        use StoreName::*;
        match self {
            Settings => Module::System,
            Cadres => Module::Roster,
            Questions | Quizzes | Attempts | Practice | MistakeBook | StudyEvents => Module::Quiz,
            SelfAssessments | DutyReports | Evaluations | Ballots | Awards | FormTemplates => {
                Module::Assessment
            }
            Admonitions | DocumentTemplates | HolidayCalendars => Module::Admonition,
            WorkLines | Tasks | StandUps | WorkReports => Module::WorkLine,
            ResidentCadres | VillageLogs | ServiceLedger | PublicNotices | Villages => {
                Module::Village
            }
        }
    }

    /// The key path of the store: settings are keyed by name, records by their meta id.
    pub fn key_path(self) -> &'static str {
        match self {
            StoreName::Settings => "key",
            _ => "meta.id",
        }
    }
}

/// One upgrade step: what version it leads to, which stores it creates and which indexes it
/// adds (to stores that exist by then) or deletes.
#[derive(Debug, PartialEq, Eq)]
pub struct Migration {
    pub to_version: u32,
    pub creates: &'static [StoreName],
    pub indexes: &'static [Index],
    /// Stores whose records get their storage-only fields (`OPEN_MARK`, `TALLY_MARK`) written
    /// anew, for an index added on them in this step.
    pub marks: &'static [StoreName],
    /// Stores only the database keeps, worked out from records and never exchanged (keyed by
    /// their `key` field), created in this step.
    pub derived: &'static [&'static str],
    /// Indexes of an earlier step that nothing reads any more, deleted in this step: every
    /// write kept them up to date for nothing.
    pub drops: &'static [Index],
}

/// An index of a store: the record fields it orders by, one or (a compound key) several. A
/// record whose field is missing or not a valid key is left out of the index.
#[derive(Debug, PartialEq, Eq)]
pub struct Index {
    pub store: StoreName,
    pub name: &'static str,
    pub fields: &'static [&'static str],
}

/// 驻村日志 by date ("YYYY-MM-DD" orders as the dates do): a month is read without the rest.
/// Made in v5, deleted in v8 (a month is read by its tallies).
pub const LOGS_BY_DATE: Index = Index {
    store: StoreName::VillageLogs,
    name: "by_date",
    fields: &["date"],
};
/// 驻村日志 by the problems raised: entries that raised none sort first (an empty text) and are
/// skipped by reading above "". Made in v5, deleted in v8 (the open ones have their own index).
pub const LOGS_BY_PROBLEMS: Index = Index {
    store: StoreName::VillageLogs,
    name: "by_problems",
    fields: &["problems"],
};
/// 驻村日志 by the writer's name: a cadre's own entries among the office's thousands.
pub const LOGS_BY_WRITER: Index = Index {
    store: StoreName::VillageLogs,
    name: "by_writer",
    fields: &["writer.name"],
};
/// 驻村日志 by village, then date: each village's latest entry without reading the others.
pub const LOGS_BY_VILLAGE: Index = Index {
    store: StoreName::VillageLogs,
    name: "by_village_date",
    fields: &["village", "date"],
};

/// A field only the browser's database keeps on a 驻村日志 entry, never in a record the app
/// reads or a file it writes (`db.rs` sets it on every write and takes it off every read): the
/// entry's date while it raised a problem not yet settled. Only those entries have it, so its
/// index holds them and nothing else.
pub const OPEN_MARK: &str = "_open";

/// 驻村日志 whose problems are still open, by date (see `OPEN_MARK`).
pub const LOGS_OPEN: Index = Index {
    store: StoreName::VillageLogs,
    name: "open_problems",
    fields: &[OPEN_MARK],
};

/// The `OPEN_MARK` of an entry as stored (its JSON fields), as `VillageLog::is_open` decides:
/// raised a problem, not settled, not deleted.
pub fn open_mark<'a>(
    problems: &str,
    settled: bool,
    deleted: bool,
    date: &'a str,
) -> Option<&'a str> {
    (!problems.trim().is_empty() && !settled && !deleted && !date.is_empty()).then_some(date)
}

/// A field only the database keeps on a 驻村日志 entry not deleted (as `OPEN_MARK`): the entry's
/// month, village as `clean_place` writes it, and date (`village::log_tally::tally_key`). Its
/// index reads one village's month a page at a time, and counts what each tally was made from.
pub const TALLY_MARK: &str = "_tally";

/// 驻村日志 by month, village and date (see `TALLY_MARK`).
pub const LOGS_BY_TALLY: Index = Index {
    store: StoreName::VillageLogs,
    name: "by_month_village",
    fields: &[TALLY_MARK],
};

/// The tallies of each village's month (`village::log_tally::VillageTally`), keyed by
/// [month, village]: kept by `db.rs` on every write of the log, never in a file.
pub const LOG_TALLIES: &str = "log_tallies";

/// Which part of an index to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyRange {
    /// From the first key to the second, both included.
    Between(String, String),
    /// Every key above this one (not included).
    Above(String),
    /// Exactly this key.
    Only(String),
    /// Every compound key whose first parts are these.
    Starting(Vec<String>),
}

/// The whole history of the schema. Append a step for every new version; never edit an old one,
/// because browsers in the field are at every earlier version.
pub const MIGRATIONS: &[Migration] = &[
    // Version 1: the settings and the shared roster.
    Migration {
        to_version: 1,
        creates: &[StoreName::Settings, StoreName::Cadres],
        indexes: &[],
        marks: &[],
        derived: &[],
        drops: &[],
    },
    // Version 2: the stores of the four modules.
    Migration {
        to_version: 2,
        creates: &[
            StoreName::Questions,
            StoreName::Quizzes,
            StoreName::Attempts,
            StoreName::Practice,
            StoreName::MistakeBook,
            StoreName::StudyEvents,
            StoreName::SelfAssessments,
            StoreName::DutyReports,
            StoreName::Evaluations,
            StoreName::Ballots,
            StoreName::Awards,
            StoreName::Admonitions,
            StoreName::DocumentTemplates,
            StoreName::WorkLines,
            StoreName::Tasks,
            StoreName::StandUps,
            StoreName::WorkReports,
        ],
        indexes: &[],
        marks: &[],
        derived: &[],
        drops: &[],
    },
    // Version 3: each year's holidays and make-up working days, for working-day deadlines;
    // the templates of self-assessments and duty reports; resident cadres and their logs, the
    // service ledger and the public notices.
    Migration {
        to_version: 3,
        creates: &[
            StoreName::HolidayCalendars,
            StoreName::FormTemplates,
            StoreName::ResidentCadres,
            StoreName::VillageLogs,
            StoreName::ServiceLedger,
            StoreName::PublicNotices,
        ],
        indexes: &[],
        marks: &[],
        derived: &[],
        drops: &[],
    },
    // Version 4: the office's list of villages and communities.
    Migration {
        to_version: 4,
        creates: &[StoreName::Villages],
        indexes: &[],
        marks: &[],
        derived: &[],
        drops: &[],
    },
    // Version 5: indexes of the village log, so that a month, the open problems, a writer's
    // entries and each village's latest entry are read without reading 200,000 entries.
    Migration {
        to_version: 5,
        creates: &[],
        indexes: &[
            LOGS_BY_DATE,
            LOGS_BY_PROBLEMS,
            LOGS_BY_WRITER,
            LOGS_BY_VILLAGE,
        ],
        marks: &[],
        derived: &[],
        drops: &[],
    },
    // Version 6: the open problems of the village log as an index of their own, so the few
    // still open are read without the many settled over the years.
    Migration {
        to_version: 6,
        creates: &[],
        indexes: &[LOGS_OPEN],
        marks: &[StoreName::VillageLogs],
        derived: &[],
        drops: &[],
    },
    // Version 7: each village's month of the village log counted once and kept, so a change of
    // month reads a few dozen tallies instead of thousands of entries, and a village's month is
    // read without the rest of the month.
    Migration {
        to_version: 7,
        creates: &[],
        indexes: &[LOGS_BY_TALLY],
        marks: &[StoreName::VillageLogs],
        derived: &[LOG_TALLIES],
        drops: &[],
    },
    // Version 8: the village log's indexes by date and by problem, which no screen reads since
    // the month is read by its tallies (v7) and the open problems by their own index (v6).
    Migration {
        to_version: 8,
        creates: &[],
        indexes: &[],
        marks: &[],
        derived: &[],
        drops: &[LOGS_BY_DATE, LOGS_BY_PROBLEMS],
    },
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaError {
    /// The browser holds a database made by a newer version of the app.
    DatabaseIsNewer { found: u32, supported: u32 },
}

/// The steps that take a database from `from` (0 when it does not exist yet) to `to`.
pub fn upgrade_steps(from: u32, to: u32) -> Result<Vec<&'static Migration>, SchemaError> {
    if from > to {
        return Err(SchemaError::DatabaseIsNewer {
            found: from,
            supported: to,
        });
    }
    Ok(MIGRATIONS
        .iter()
        .filter(|m| m.to_version > from && m.to_version <= to)
        .collect())
}

/// The stores a database of this version has.
pub fn stores_at(version: u32) -> Vec<StoreName> {
    MIGRATIONS
        .iter()
        .filter(|m| m.to_version <= version)
        .flat_map(|m| m.creates.iter().copied())
        .collect()
}

/// The indexes a database of this version has.
pub fn indexes_at(version: u32) -> Vec<&'static Index> {
    let mut held: Vec<&'static Index> = Vec::new();
    for m in MIGRATIONS.iter().filter(|m| m.to_version <= version) {
        held.extend(m.indexes.iter());
        held.retain(|i| !m.drops.contains(i));
    }
    held
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sorted::SortedSet;

    #[test]
    fn an_index_is_dropped_only_after_it_was_made_and_only_once() {
        for m in MIGRATIONS {
            let before = indexes_at(m.to_version - 1);
            for dropped in m.drops {
                assert!(
                    before.contains(&dropped),
                    "v{}: {} is not there to drop",
                    m.to_version,
                    dropped.name
                );
            }
        }
        let now = indexes_at(DB_VERSION);
        assert!(!now.contains(&&LOGS_BY_DATE) && !now.contains(&&LOGS_BY_PROBLEMS));
        for kept in [LOGS_BY_WRITER, LOGS_BY_VILLAGE, LOGS_OPEN, LOGS_BY_TALLY] {
            assert!(now.contains(&&kept), "{} is read by the app", kept.name);
        }
    }

    #[test]
    fn a_new_database_gets_every_store_exactly_once() {
        let created: Vec<StoreName> = upgrade_steps(0, DB_VERSION)
            .unwrap_or_default()
            .iter()
            .flat_map(|m| m.creates.iter().copied())
            .collect();
        let unique: SortedSet<_> = created.iter().copied().collect();
        assert_eq!(created.len(), unique.len(), "a store is created twice");
        assert_eq!(unique, StoreName::ALL.into_iter().collect());
    }

    #[test]
    fn every_earlier_version_reaches_the_current_schema() {
        for from in 0..DB_VERSION {
            let mut stores: SortedSet<StoreName> = stores_at(from).into_iter().collect();
            for step in upgrade_steps(from, DB_VERSION).unwrap_or_default() {
                for s in step.creates {
                    assert!(stores.insert(*s), "v{from}: {s:?} already exists");
                }
            }
            assert_eq!(stores.len(), StoreName::ALL.len(), "from v{from}");
        }
    }

    #[test]
    fn versions_are_consecutive() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.to_version as usize, i + 1);
        }
        assert_eq!(MIGRATIONS.last().map(|m| m.to_version), Some(DB_VERSION));
    }

    #[test]
    fn a_newer_database_is_refused() {
        assert_eq!(
            upgrade_steps(DB_VERSION + 1, DB_VERSION),
            Err(SchemaError::DatabaseIsNewer {
                found: DB_VERSION + 1,
                supported: DB_VERSION
            })
        );
    }

    #[test]
    fn every_index_is_on_a_store_that_exists_by_its_version() {
        let mut names = SortedSet::new();
        for m in MIGRATIONS {
            for index in m.indexes {
                assert!(
                    stores_at(m.to_version).contains(&index.store),
                    "v{}: {} on a store not there yet",
                    m.to_version,
                    index.name
                );
                assert!(!index.fields.is_empty());
                assert!(
                    names.insert((index.store, index.name)),
                    "{} twice",
                    index.name
                );
            }
        }
    }

    #[test]
    fn a_store_only_the_database_keeps_is_never_a_store_of_a_file() {
        for m in MIGRATIONS {
            for name in m.derived {
                assert_eq!(StoreName::parse(name), None, "{name}");
            }
        }
    }

    #[test]
    fn store_names_round_trip() {
        for s in StoreName::ALL {
            assert_eq!(StoreName::parse(s.as_str()), Some(s));
            let json = serde_json::to_string(&s).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
        }
    }

    #[test]
    fn only_an_open_problem_is_marked_and_as_the_log_decides() {
        use crate::record::{DeviceId, Meta};
        use crate::village::resident::{VillageLog, Writer};
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap_or_default();
        let writer = Writer {
            name: "刘驻村".into(),
            unit: "镇政府".into(),
        };
        let meta = Meta::new(&DeviceId("d".into()), chrono::DateTime::default());
        for (problems, settled, deleted) in [
            ("路灯坏了", false, false),
            ("路灯坏了", true, false),
            ("路灯坏了", false, true),
            ("  ", false, false),
            ("", false, false),
        ] {
            let log = VillageLog {
                problems: problems.into(),
                settled,
                deleted,
                ..VillageLog::blank(meta.clone(), writer.clone(), day)
            };
            let date = log.date.to_string();
            let mark = open_mark(&log.problems, log.settled, log.deleted, &date);
            assert_eq!(
                mark.is_some(),
                log.is_open(),
                "{problems:?} {settled} {deleted}"
            );
            assert!(mark.is_none_or(|m| m == "2026-11-03"));
        }
    }
}
