//! A backup too big for one file, in parts. The app refuses to read a file over
//! `envelope::MAX_FILE_BYTES`, so a backup it writes must never be bigger: the records are
//! split, whole, into parts that each stay well under it (a sealed part grows by a third), in
//! the order of `StoreName::ALL`, where every store comes after the stores it refers to — so
//! parts restored one after another, first to last, always find what they point at.

use serde_json::Value;

use crate::sorted::SortedMap;
use crate::store::schema::StoreName;

/// The most a part's records may take as JSON: with the envelope and a sealed file's base64
/// (4/3) it stays well under the 128 MB the app reads, and a part is quick to take in.
pub const PART_BYTES: usize = 64 * 1024 * 1024;

/// `records` (store name → records) as parts of at most `limit` bytes of JSON each; one part
/// when they fit. A single record bigger than `limit` is a part of its own.
pub fn split(
    mut records: SortedMap<String, Vec<Value>>,
    limit: usize,
) -> Vec<SortedMap<String, Vec<Value>>> {
    let total: usize = records.values().flatten().map(json_len).sum();
    if total <= limit {
        return vec![records];
    }
    let mut parts = Vec::new();
    let mut part: SortedMap<String, Vec<Value>> = SortedMap::new();
    let mut size = 0;
    let order = StoreName::ALL.iter().map(|s| s.as_str().to_string());
    // Stores this version does not know go last, as they came.
    let unknown: Vec<String> = records
        .keys()
        .filter(|k| StoreName::ALL.iter().all(|s| s.as_str() != k.as_str()))
        .cloned()
        .collect();
    for store in order.chain(unknown) {
        let Some(values) = records.remove(&store) else {
            continue;
        };
        for value in values {
            let len = json_len(&value);
            if size + len > limit && size > 0 {
                parts.push(std::mem::take(&mut part));
                size = 0;
            }
            size += len;
            part.entry(store.clone()).or_default().push(value);
        }
    }
    if !part.is_empty() {
        parts.push(part);
    }
    parts
}

/// A record's length as JSON, with the comma that follows it in a list.
fn json_len(value: &Value) -> usize {
    serde_json::to_string(value).map_or(0, |t| t.len()) + 1
}

/// "第 2 部分（共 3 部分）" for a part's file name and the message after export.
pub fn part_label(index: usize, count: usize) -> String {
    format!("第{}部分（共{}部分）", index + 1, count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::records::REFERENCES;
    use serde_json::json;

    fn log(i: usize) -> Value {
        json!({ "meta": { "id": format!("{i}") }, "done": "走访".repeat(10) })
    }

    #[test]
    fn every_store_comes_after_the_stores_it_refers_to() {
        let at = |s: StoreName| StoreName::ALL.iter().position(|x| *x == s);
        for r in REFERENCES {
            assert!(at(r.to) < at(r.from), "{:?} before {:?}", r.from, r.to);
        }
    }

    #[test]
    fn a_backup_that_fits_is_one_file_as_before() {
        let mut records = SortedMap::new();
        records.insert("village_logs".to_string(), (0..10).map(log).collect());
        let parts = split(records.clone(), 1_000_000);
        assert_eq!(parts, vec![records]);
    }

    #[test]
    fn a_big_backup_is_split_whole_records_in_order_each_part_under_the_limit() {
        let mut records = SortedMap::new();
        records.insert(
            "village_logs".to_string(),
            (0..500).map(log).collect::<Vec<_>>(),
        );
        records.insert("cadres".to_string(), (0..3).map(log).collect::<Vec<_>>());
        records.insert(
            "work_lines".to_string(),
            (0..5).map(log).collect::<Vec<_>>(),
        );
        let limit = 10_000;
        let parts = split(records.clone(), limit);
        assert!(parts.len() > 1);
        for part in &parts {
            let len: usize = part.values().flatten().map(json_len).sum();
            assert!(len <= limit, "{len}");
        }
        // Every record once, in the order restored: the roster first, then lines, then logs.
        let restored: Vec<(String, Value)> = parts
            .iter()
            .flat_map(|p| {
                let mut stores: Vec<&String> = p.keys().collect();
                stores
                    .sort_by_key(|s| StoreName::ALL.iter().position(|x| x.as_str() == s.as_str()));
                stores
                    .into_iter()
                    .flat_map(|s| p[s].iter().map(move |v| (s.clone(), v.clone())))
                    .collect::<Vec<_>>()
            })
            .collect();
        let expected: Vec<(String, Value)> = ["cadres", "work_lines", "village_logs"]
            .iter()
            .flat_map(|s| records[*s].iter().map(move |v| (s.to_string(), v.clone())))
            .collect();
        assert_eq!(restored, expected);
        assert_eq!(parts[0].keys().next().map(String::as_str), Some("cadres"));
        assert_eq!(part_label(1, 3), "第2部分（共3部分）");
    }
}
