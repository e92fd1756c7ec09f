//! What the 驻村日志 tab shows, read through the log's indexes (`store::schema`, version 5)
//! instead of every entry: after some years an office holds 200,000 entries, and the tab needs
//! one month of them, a page of the problems still open, the reader's own entries and each
//! village's latest.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::resident::{by_writer, clean_place, VillageLog};
use crate::paging::Page;

/// One month's entries (deleted ones too: the tables leave them out), with its figures worked
/// out once when it is read (a month can hold thousands of entries; a click must not count
/// them again).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LogMonth {
    /// The month read: its first and last day.
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub entries: Vec<VillageLog>,
    /// Each village named by a live entry of the month (as `clean_place` writes it).
    pub villages: BTreeMap<String, VillageFigures>,
    /// Entries of each role per writer, one row per person (`by_writer`).
    pub writers: Vec<(String, [u32; 5])>,
}

/// One village's month.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct VillageFigures {
    /// Entries of each role.
    pub roles: [u32; 5],
    /// People reached, all entries together.
    pub reached: u32,
    /// Its live entries, oldest first: positions in the month's `entries`.
    pub entries: Vec<usize>,
}

impl LogMonth {
    /// The live entries of `from..=to` among `entries`, and their figures.
    pub fn new(from: NaiveDate, to: NaiveDate, entries: Vec<VillageLog>) -> LogMonth {
        let in_month = |l: &VillageLog| !l.deleted && from <= l.date && l.date <= to;
        let mut order: Vec<usize> = (0..entries.len())
            .filter(|i| in_month(&entries[*i]))
            .collect();
        crate::order::sort_by(&mut order, |i| {
            crate::order::Key::int(crate::order::day(entries[*i].date))
        });
        // Each way a village is written is cleaned once, not once per entry.
        let mut clean: BTreeMap<&str, String> = BTreeMap::new();
        let mut villages: BTreeMap<String, VillageFigures> = BTreeMap::new();
        for i in order {
            let l = &entries[i];
            let name = clean
                .entry(l.village.as_str())
                .or_insert_with(|| clean_place(&l.village))
                .clone();
            let figures = villages.entry(name).or_default();
            figures.roles[l.role as usize] += 1;
            figures.reached += l.reached;
            figures.entries.push(i);
        }
        let writers = by_writer(entries.iter().filter(|l| in_month(l)), from, to);
        LogMonth {
            from,
            to,
            entries,
            villages,
            writers,
        }
    }

    /// Entries of each role in `village` (none when it has no entry this month).
    pub fn roles_of(&self, village: &str) -> [u32; 5] {
        self.villages.get(village).map_or([0; 5], |v| v.roles)
    }

    /// `village`'s live entries of the month, oldest first.
    pub fn entries_of(&self, village: &str) -> Vec<&VillageLog> {
        self.villages.get(village).map_or(Vec::new(), |v| {
            v.entries
                .iter()
                .filter_map(|i| self.entries.get(*i))
                .collect()
        })
    }
}

/// One page of the problems not yet settled, and how many there are in all (read a page at a
/// time: an office can hold thousands).
#[derive(Debug, Clone, PartialEq)]
pub struct OpenPage {
    pub total: usize,
    /// Which page this is (the one asked for, or the last when there are fewer now).
    pub page: Page,
    /// The page read: entries the open index holds (`open` decides what shows).
    pub entries: Vec<VillageLog>,
}

impl OpenPage {
    /// The page's problems not yet settled, oldest first.
    pub fn open(&self) -> Vec<&VillageLog> {
        let mut open: Vec<&VillageLog> = self.entries.iter().filter(|l| l.is_open()).collect();
        crate::order::sort_by(&mut open, |l| {
            crate::order::Key::int(crate::order::day(l.date))
        });
        open
    }
}

/// What does not change with the month shown: read once, and again when the log changes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LogBook {
    /// The entries of the person using this browser, deleted ones too (their file carries the
    /// deletions to the office).
    pub mine: Vec<VillageLog>,
    /// For each village as written, its latest live entry up to today.
    pub latest: Vec<VillageLog>,
}

impl LogBook {
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
        let page = OpenPage {
            total: 5,
            page: Page::of(5, 0, 100),
            entries: vec![
                settled,
                deleted,
                late.clone(),
                entry("刘", "东村", 6, "  "),
                early.clone(),
            ],
        };
        let open: Vec<NaiveDate> = page.open().iter().map(|l| l.date).collect();
        assert_eq!(open, vec![early.date, late.date]);
    }

    #[test]
    fn a_month_is_counted_once_per_village_as_cleaned_oldest_entry_first() {
        let mut gone = entry("刘", "东村", 4, "");
        gone.deleted = true;
        let mut october = entry("刘", "东村", 4, "");
        october.date = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap_or_default();
        let mut reached = entry("王", " 东 村 ", 3, "");
        reached.reached = 7;
        let month = LogMonth::new(
            NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default(),
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default(),
            vec![
                entry("刘", "东村", 20, ""),
                gone,
                reached,
                october,
                entry("刘", "西村", 2, ""),
            ],
        );
        let east = month.entries_of("东村");
        assert_eq!(
            east.iter()
                .map(|l| l.date.format("%d").to_string())
                .collect::<Vec<_>>(),
            vec!["03", "20"]
        );
        assert_eq!(month.roles_of("东村"), [2, 0, 0, 0, 0]);
        assert_eq!(month.villages["东村"].reached, 7);
        assert_eq!(month.roles_of("南村"), [0; 5]);
        assert!(month.entries_of("南村").is_empty());
        assert_eq!(
            month.writers,
            vec![
                ("刘（镇政府）".to_string(), [2, 0, 0, 0, 0]),
                ("王（镇政府）".to_string(), [1, 0, 0, 0, 0])
            ]
        );
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
