//! Each village's month of 驻村日志 counted once and kept by the database (`store::db`, schema
//! version 7): a change of month then reads a few dozen tallies, not the month's thousands of
//! entries. The database counts a (month, village) again whenever an entry in it is written,
//! and a read that finds a tally whose entry count no longer matches its index counts again
//! (`Store::month_tallies`), so a tally is never trusted past the entries it was made from.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::resident::{clean_place, Role, VillageLog, Writer};
use crate::sorted::SortedMap;

/// What a tally needs of an entry: read from the database without the entry's texts (a
/// (month, village) can hold thousands).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TallyEntry {
    pub writer: Writer,
    pub date: NaiveDate,
    pub village: String,
    pub role: Role,
    #[serde(default)]
    pub reached: u32,
    #[serde(default)]
    pub deleted: bool,
}

impl From<&VillageLog> for TallyEntry {
    fn from(l: &VillageLog) -> TallyEntry {
        TallyEntry {
            writer: l.writer.clone(),
            date: l.date,
            village: l.village.clone(),
            role: l.role,
            reached: l.reached,
            deleted: l.deleted,
        }
    }
}

/// The month ("YYYY-MM") and the village (as `clean_place` writes it) a tally counts.
pub type TallyKey = [String; 2];

/// One village's month: what the month's tables need of it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct VillageTally {
    pub key: TallyKey,
    /// Live entries of each role (their sum is what the index holds under the key: how a read
    /// sees that a tally is stale).
    pub roles: [u32; 5],
    /// People reached, live entries together.
    pub reached: u32,
    /// Live entries of each role per writer, as each wrote their name and unit (the person
    /// rule is asked when the month is shown: `resident::group_writers`).
    pub writers: Vec<(Writer, [u32; 5])>,
}

/// The (month, village) of an entry as stored: its date ("YYYY-MM-DD") and village as written.
pub fn tally_key(date: &str, village: &str) -> Option<TallyKey> {
    let month = date
        .get(..7)
        .filter(|m| m.as_bytes().get(4) == Some(&b'-'))?;
    Some([month.to_string(), clean_place(village)])
}

impl VillageTally {
    /// The tally of the live ones of `entries`, every entry stored under `key`.
    pub fn of(key: TallyKey, entries: &[TallyEntry]) -> VillageTally {
        let mut tally = VillageTally {
            key,
            ..VillageTally::default()
        };
        let mut at: SortedMap<(&str, &str), usize> = SortedMap::new();
        for l in entries.iter().filter(|l| !l.deleted) {
            let role = l.role as usize;
            tally.roles[role] += 1;
            tally.reached += l.reached;
            let row = *at
                .entry((l.writer.name.as_str(), l.writer.unit.as_str()))
                .or_insert_with(|| {
                    tally.writers.push((l.writer.clone(), [0; 5]));
                    tally.writers.len() - 1
                });
            tally.writers[row].1[role] += 1;
        }
        // In one order whatever order the entries came in: a tally is compared with a recount.
        tally
            .writers
            .sort_unstable_by(|(a, _), (b, _)| (&a.name, &a.unit).cmp(&(&b.name, &b.unit)));
        tally
    }

    /// Live entries counted.
    pub fn count(&self) -> u32 {
        self.roles.iter().sum()
    }
}

/// `entries` by the (month, village) each counts in.
pub fn by_key(
    entries: impl IntoIterator<Item = TallyEntry>,
) -> SortedMap<TallyKey, Vec<TallyEntry>> {
    let mut groups: SortedMap<TallyKey, Vec<TallyEntry>> = SortedMap::new();
    // Each way a village is written is cleaned once, not once per entry.
    let mut clean: SortedMap<String, String> = SortedMap::new();
    for l in entries {
        let village = match clean.get(&l.village) {
            Some(v) => v.clone(),
            None => {
                let v = clean_place(&l.village);
                clean.insert(l.village.clone(), v.clone());
                v
            }
        };
        let key = [crate::local_time::month_value(l.date), village];
        groups.entry(key).or_default().push(l);
    }
    groups
}

/// The tallies of the live ones of `entries`, one per (month, village) they fall in.
pub fn tallies_of(entries: &[TallyEntry]) -> Vec<VillageTally> {
    by_key(entries.iter().filter(|l| !l.deleted).cloned())
        .into_iter()
        .map(|(key, entries)| VillageTally::of(key, &entries))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{DeviceId, Meta};

    fn entry(name: &str, village: &str, date: &str, role: Role, reached: u32) -> TallyEntry {
        let writer = Writer {
            name: name.into(),
            unit: "镇政府".into(),
        };
        let meta = Meta::new(&DeviceId("d".into()), chrono::DateTime::default());
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap_or_default();
        let log = VillageLog {
            village: village.into(),
            role,
            reached,
            ..VillageLog::blank(meta, writer, date)
        };
        TallyEntry::from(&log)
    }

    #[test]
    fn an_entry_is_kept_under_its_month_and_its_village_as_cleaned() {
        assert_eq!(
            tally_key("2026-11-03", " 东 村 "),
            Some(["2026-11".to_string(), "东村".to_string()])
        );
        assert_eq!(tally_key("", "东村"), None);
        assert_eq!(tally_key("20261103", "东村"), None);
    }

    #[test]
    fn a_tally_counts_live_entries_by_role_and_writer() {
        let mut gone = entry("刘", "东村", "2026-11-04", Role::ALL[1], 9);
        gone.deleted = true;
        let key = ["2026-11".to_string(), "东村".to_string()];
        let tally = VillageTally::of(
            key.clone(),
            &[
                entry("刘", "东村", "2026-11-02", Role::ALL[0], 3),
                gone,
                entry("王", "东村", "2026-11-05", Role::ALL[1], 4),
                entry("刘", "东村", "2026-11-09", Role::ALL[1], 0),
            ],
        );
        assert_eq!(tally.key, key);
        assert_eq!(tally.count(), 3);
        assert_eq!(tally.roles, [1, 2, 0, 0, 0]);
        assert_eq!(tally.reached, 7);
        let writers: Vec<(&str, [u32; 5])> = tally
            .writers
            .iter()
            .map(|(w, n)| (w.name.as_str(), *n))
            .collect();
        assert_eq!(
            writers,
            vec![("刘", [1, 1, 0, 0, 0]), ("王", [0, 1, 0, 0, 0])]
        );
        assert_eq!(VillageTally::of(key, &[]).count(), 0);
    }

    #[test]
    fn live_entries_fall_into_one_tally_per_month_and_village() {
        let mut gone = entry("刘", "北村", "2026-11-02", Role::ALL[0], 1);
        gone.deleted = true;
        let tallies = tallies_of(&[
            gone,
            entry("刘", "东村", "2026-11-02", Role::ALL[0], 1),
            entry("刘", " 东村", "2026-11-30", Role::ALL[0], 1),
            entry("刘", "东村", "2026-12-01", Role::ALL[0], 1),
            entry("刘", "西村", "2026-11-02", Role::ALL[0], 1),
        ]);
        let keys: Vec<(String, String, u32)> = tallies
            .iter()
            .map(|t| (t.key[0].clone(), t.key[1].clone(), t.count()))
            .collect();
        assert_eq!(
            keys,
            vec![
                ("2026-11".into(), "东村".into(), 2),
                ("2026-11".into(), "西村".into(), 1),
                ("2026-12".into(), "东村".into(), 1),
            ]
        );
    }
}
