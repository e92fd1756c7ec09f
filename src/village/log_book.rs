//! What the 驻村日志 tab shows, read through the log's indexes and tallies (`store::schema`,
//! versions 5–7) instead of every entry: after some years an office holds 200,000 entries, and
//! the tab needs one month's figures, a page of one village's month, a page of the problems
//! still open, the reader's own entries and each village's latest.

use chrono::NaiveDate;

use super::log_tally::VillageTally;
use super::resident::{clean_place, group_writers, VillageLog};
use crate::paging::Page;
use crate::sorted::SortedMap;

/// One month's figures, from the tallies the database keeps of each village's month
/// (`log_tally`): a month can hold thousands of entries, and a change of month reads none of them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LogMonth {
    /// The month read: its first and last day.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Each village named by a live entry of the month (as `clean_place` writes it).
    pub villages: SortedMap<String, VillageFigures>,
    /// Entries of each role per writer, one row per person (`group_writers`).
    pub writers: Vec<(String, [u32; 5])>,
}

/// One village's month.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct VillageFigures {
    /// Entries of each role.
    pub roles: [u32; 5],
    /// People reached, all entries together.
    pub reached: u32,
}

impl VillageFigures {
    pub fn of(tally: &VillageTally) -> VillageFigures {
        VillageFigures {
            roles: tally.roles,
            reached: tally.reached,
        }
    }
}

impl LogMonth {
    /// The month `from..=to` from the tallies of its villages.
    pub fn new(from: NaiveDate, to: NaiveDate, tallies: &[VillageTally]) -> LogMonth {
        let live = || tallies.iter().filter(|t| t.count() > 0);
        let villages = live()
            .map(|t| (t.key[1].clone(), VillageFigures::of(t)))
            .collect();
        let writers = group_writers(live().flat_map(|t| t.writers.iter().map(|(w, n)| (w, *n))));
        LogMonth {
            from,
            to,
            villages,
            writers,
        }
    }

    /// Entries of each role in `village` (none when it has no entry this month).
    pub fn roles_of(&self, village: &str) -> [u32; 5] {
        self.villages.get(village).map_or([0; 5], |v| v.roles)
    }
}

/// One page of entries read through an index (the problems not yet settled, a village's
/// month), and how many the index holds in all: read a page at a time, as an office holds
/// thousands.
#[derive(Debug, Clone, PartialEq)]
pub struct LogPage {
    pub total: usize,
    /// Which page this is (the one asked for, or the last when there are fewer now).
    pub page: Page,
    /// The page read, in the index's order.
    pub entries: Vec<VillageLog>,
}

impl LogPage {
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
        let page = LogPage {
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
    fn a_month_is_counted_per_village_as_cleaned_and_per_person_from_its_tallies() {
        let mut gone = entry("刘", "东村", 4, "");
        gone.deleted = true;
        let mut only_deleted = entry("刘", "北村", 4, "");
        only_deleted.deleted = true;
        let mut reached = entry("王", " 东 村 ", 3, "");
        reached.reached = 7;
        let entries = [
            entry("刘", "东村", 20, ""),
            gone,
            reached,
            only_deleted,
            entry("刘 ", "西村", 2, ""),
        ];
        let entries: Vec<_> = entries.iter().map(Into::into).collect();
        let tallies = crate::village::log_tally::tallies_of(&entries);
        let month = LogMonth::new(
            NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default(),
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default(),
            &tallies,
        );
        assert_eq!(
            month.villages.keys().collect::<Vec<_>>(),
            vec!["东村", "西村"]
        );
        assert_eq!(month.roles_of("东村"), [2, 0, 0, 0, 0]);
        assert_eq!(month.villages["东村"].reached, 7);
        assert_eq!(month.roles_of("南村"), [0; 5]);
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
