//! What the 驻村日志 tab shows, read through the log's indexes (`store::schema`, version 5)
//! instead of every entry: after some years an office holds 200,000 entries, and the tab needs
//! one month of them, the problems raised, the reader's own entries and each village's latest.

use chrono::NaiveDate;

use super::resident::{clean_place, VillageLog};

/// One month's entries (deleted ones too: the tables leave them out).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LogMonth {
    /// The month read: its first and last day.
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub entries: Vec<VillageLog>,
}

impl LogMonth {
    /// The month's live entries.
    pub fn live(&self) -> impl Iterator<Item = &VillageLog> + Clone {
        self.entries.iter().filter(|l| !l.deleted)
    }
}

/// What does not change with the month shown: read once, and again when the log changes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LogBook {
    /// Entries that raised a problem not settled (those read may still include settled or
    /// deleted ones: `open_problems` decides).
    pub raised: Vec<VillageLog>,
    /// The entries of the person using this browser, deleted ones too (their file carries the
    /// deletions to the office).
    pub mine: Vec<VillageLog>,
    /// For each village as written, its latest live entry up to today.
    pub latest: Vec<VillageLog>,
}

impl LogBook {
    /// The problems not yet settled, oldest first.
    pub fn open_problems(&self) -> Vec<&VillageLog> {
        let mut open: Vec<&VillageLog> = self.raised.iter().filter(|l| l.is_open()).collect();
        crate::order::sort_by(&mut open, |l| {
            crate::order::Key::int(crate::order::day(l.date))
        });
        open
    }

    /// Every village a live entry names, as `clean_place` writes it.
    pub fn villages(&self) -> Vec<String> {
        let mut all: Vec<String> = self
            .latest
            .iter()
            .map(|l| clean_place(&l.village))
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// Of the entries read for the reader (`mine`), theirs by the one person rule: the index
    /// finds them by the name as written, `written_by` decides.
    pub fn mine_of(logs: Vec<VillageLog>, name: &str, unit: &str) -> Vec<VillageLog> {
        let mut mine: Vec<VillageLog> = logs
            .into_iter()
            .filter(|l| l.written_by(name, unit))
            .collect();
        // Only equal ids need to meet; any order that brings them together will do.
        crate::order::sort_by(&mut mine, |l| {
            crate::order::Key::text(&l.meta.id.to_string())
        });
        mine.dedup_by(|a, b| a.meta.id == b.meta.id);
        mine
    }

    /// The names under which the reader's entries may be stored: as typed, and cleaned.
    pub fn names_of(name: &str) -> Vec<String> {
        let mut names = vec![name.to_string(), crate::roster::names::clean_name(name)];
        names.retain(|n| !n.is_empty());
        names.dedup();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{DeviceId, Meta};
    use crate::village::resident::Writer;

    fn entry(name: &str, village: &str, day: u32, problems: &str) -> VillageLog {
        let writer = Writer {
            name: name.into(),
            unit: "镇政府".into(),
        };
        let meta = Meta::new(&DeviceId("d".into()), chrono::DateTime::default());
        VillageLog {
            village: village.into(),
            done: "走访".into(),
            problems: problems.into(),
            ..VillageLog::blank(
                meta,
                writer,
                NaiveDate::from_ymd_opt(2026, 11, day).unwrap_or_default(),
            )
        }
    }

    #[test]
    fn open_problems_leave_out_settled_deleted_and_blank_ones_oldest_first() {
        let mut settled = entry("刘", "东村", 2, "路灯");
        settled.settled = true;
        let mut deleted = entry("刘", "东村", 3, "水渠");
        deleted.deleted = true;
        let late = entry("刘", "东村", 20, "道路");
        let early = entry("刘", "西村", 5, "低保");
        let book = LogBook {
            raised: vec![
                settled,
                deleted,
                late.clone(),
                entry("刘", "东村", 6, "  "),
                early.clone(),
            ],
            ..LogBook::default()
        };
        let open: Vec<NaiveDate> = book.open_problems().iter().map(|l| l.date).collect();
        assert_eq!(open, vec![early.date, late.date]);
    }

    #[test]
    fn villages_are_named_once_as_cleaned() {
        let book = LogBook {
            latest: vec![
                entry("刘", "东村", 2, ""),
                entry("王", " 东 村 ", 3, ""),
                entry("王", "西村", 3, ""),
            ],
            ..LogBook::default()
        };
        assert_eq!(
            book.villages(),
            vec!["东村".to_string(), "西村".to_string()]
        );
    }

    #[test]
    fn mine_is_decided_by_the_one_person_rule_and_read_once() {
        let a = entry("张　三", "东村", 2, "");
        let b = entry("张三", "东村", 3, "");
        let other = entry("张三丰", "东村", 3, "");
        let mine = LogBook::mine_of(
            vec![a.clone(), b.clone(), other, b.clone()],
            "张三",
            "镇政府",
        );
        assert_eq!(mine.len(), 2);
        assert_eq!(
            LogBook::names_of("张　三"),
            vec!["张　三".to_string(), "张三".to_string()]
        );
        assert_eq!(LogBook::names_of("张三"), vec!["张三".to_string()]);
    }
}
