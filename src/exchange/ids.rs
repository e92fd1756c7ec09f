//! Records stored by earlier versions with an id in another spelling (upper case, no hyphens,
//! braces, `urn:uuid:`) — before every id was made canonical on import. Such a record sits
//! beside the real one under a second key and breaks the next restore. The repair rewrites
//! every record in the spelling this version writes and merges a record stored twice, the way
//! an import would: the newer copy wins, edits to different fields are both kept, and where
//! both copies changed one field, both are kept and the second is marked "（副本）".

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::merge::{plan, LocalRecord, Resolution};
use super::records::{normalise, read_meta};
use super::validate::IncomingRecord;
use crate::record::{DeviceId, Id};
use crate::sorted::SortedMap;
use crate::store::schema::StoreName;

/// What the repair writes, in one transaction: keys to delete (as stored), records to put.
#[derive(Debug, Default, PartialEq)]
pub struct IdRepair {
    pub deletes: Vec<(StoreName, String)>,
    pub puts: Vec<(StoreName, Value)>,
}

impl IdRepair {
    pub fn is_empty(&self) -> bool {
        self.deletes.is_empty() && self.puts.is_empty()
    }
}

/// The key a record is stored under: its id exactly as written.
fn stored_key(value: &Value) -> Option<&str> {
    value.get("meta")?.get("id")?.as_str()
}

/// The repair of every stored record of `stored`. Records this version cannot read are left
/// exactly as they are (nothing is deleted that is not written again).
pub fn repair(
    stored: &SortedMap<StoreName, Vec<Value>>,
    device: &DeviceId,
    now: DateTime<Utc>,
    mut new_id: impl FnMut() -> Id,
) -> IdRepair {
    let mut out = IdRepair::default();
    for (&store, values) in stored {
        let mut settled: HashMap<(StoreName, Id), LocalRecord> = HashMap::new();
        let mut odd = Vec::new();
        for value in values {
            let (Some(key), Ok(meta)) = (stored_key(value), read_meta(value)) else {
                continue;
            };
            // Stored as this version writes it (references too), or rewritten so.
            let Ok(canonical) = normalise(store, value) else {
                continue;
            };
            if key == meta.id.to_string() {
                if canonical != *value {
                    out.puts.push((store, canonical.clone()));
                }
                settled.insert(
                    (store, meta.id),
                    LocalRecord {
                        meta,
                        value: canonical,
                    },
                );
            } else {
                out.deletes.push((store, key.to_string()));
                odd.push(IncomingRecord {
                    store,
                    meta,
                    value: canonical,
                });
            }
        }
        for record in odd {
            let merge = plan(vec![record], &settled);
            let keep_both: HashMap<_, _> = merge
                .conflicts()
                .map(|i| ((i.store, i.incoming.meta.id), Resolution::KeepBoth))
                .collect();
            let Ok(writes) = merge.writes(&keep_both, device, now, &mut new_id) else {
                continue;
            };
            for (store, value) in writes {
                if let Ok(meta) = read_meta(&value) {
                    settled.insert(
                        (store, meta.id),
                        LocalRecord {
                            meta,
                            value: value.clone(),
                        },
                    );
                }
                out.puts
                    .retain(|(s, v)| !(*s == store && stored_key(v) == stored_key(&value)));
                out.puts.push((store, value));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Meta;
    use crate::roster::model::{Cadre, CadreFields};

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_795_000_000 + secs, 0).unwrap_or_default()
    }

    fn cadre(name: &str, phone: &str) -> Cadre {
        Cadre::new(
            Meta::new(&DeviceId("a".into()), at(0)),
            CadreFields {
                name: name.into(),
                unit: "党政办".into(),
                post: String::new(),
                phone: phone.into(),
            },
        )
    }

    fn value(c: &Cadre) -> Value {
        serde_json::to_value(c).unwrap_or(Value::Null)
    }

    /// `value` with its id spelled in upper case and without hyphens.
    fn respelled(mut v: Value) -> Value {
        let id = stored_key(&v)
            .unwrap_or_default()
            .replace('-', "")
            .to_ascii_uppercase();
        v["meta"]["id"] = Value::String(id);
        v
    }

    fn run(values: Vec<Value>) -> IdRepair {
        let stored = SortedMap::from([(StoreName::Cadres, values)]);
        repair(&stored, &DeviceId("me".into()), at(99), uuid::Uuid::new_v4)
    }

    #[test]
    fn records_stored_as_this_version_writes_them_are_left_alone() {
        assert!(run(vec![value(&cadre("张三", "")), value(&cadre("李四", ""))]).is_empty());
    }

    #[test]
    fn a_record_under_another_spelling_is_stored_again_under_its_canonical_id() {
        let c = cadre("张三", "");
        let odd = respelled(value(&c));
        let fixed = run(vec![odd.clone()]);
        assert_eq!(
            fixed.deletes,
            vec![(
                StoreName::Cadres,
                stored_key(&odd).unwrap_or_default().to_string()
            )]
        );
        assert_eq!(fixed.puts, vec![(StoreName::Cadres, value(&c))]);
    }

    #[test]
    fn a_record_stored_twice_becomes_one_with_the_newer_copy() {
        let old = cadre("张三", "");
        let mut newer = old.clone();
        newer.phone = "13900000000".into();
        newer.meta.touch(&DeviceId("b".into()), at(5));
        let fixed = run(vec![value(&old), respelled(value(&newer))]);
        assert_eq!(fixed.deletes.len(), 1);
        let [(_, kept)] = fixed.puts.as_slice() else {
            panic!("{:?}", fixed.puts);
        };
        assert_eq!(stored_key(kept), Some(old.meta.id.to_string().as_str()));
        assert_eq!(kept["phone"], "13900000000");
    }

    #[test]
    fn two_copies_that_changed_one_field_apart_are_both_kept() {
        let base = cadre("张三", "");
        let mut ours = base.clone();
        ours.phone = "111".into();
        ours.meta.touch(&DeviceId("a".into()), at(3));
        ours.meta.mark_changed(&DeviceId("a".into()), ["phone"]);
        let mut theirs = base.clone();
        theirs.phone = "222".into();
        theirs.meta.touch(&DeviceId("b".into()), at(4));
        theirs.meta.mark_changed(&DeviceId("b".into()), ["phone"]);
        let fixed = run(vec![value(&ours), respelled(value(&theirs))]);
        let phones: Vec<&str> = fixed
            .puts
            .iter()
            .filter_map(|(_, v)| v["phone"].as_str())
            .collect();
        assert!(
            phones.contains(&"222"),
            "the other copy is kept: {:?}",
            fixed.puts
        );
        assert!(
            fixed.puts.iter().any(|(_, v)| v["name"] == "张三（副本）"),
            "and marked: {:?}",
            fixed.puts
        );
        let ids: std::collections::HashSet<_> = fixed
            .puts
            .iter()
            .filter_map(|(_, v)| stored_key(v))
            .collect();
        assert_eq!(ids.len(), fixed.puts.len(), "one record per id");
    }
}
