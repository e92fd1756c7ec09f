//! Deciding what an import does to each record, before anything is written: new, newer than
//! ours, older than ours, identical, or changed on both sides (a conflict the user settles).

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::validate::IncomingRecord;
use crate::record::{DeviceId, Id, Lineage, Meta};
use crate::store::schema::StoreName;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Decision {
    /// Not in this browser yet: added.
    New,
    /// The file has every edit we have and more: ours is replaced.
    Newer,
    /// We have every edit the file has and more: ours is kept.
    Older,
    /// Same edits and same content: nothing to do.
    Identical,
    /// Both sides changed the record since they last agreed: the user picks.
    Conflict,
    /// Ours, and no file may change it (a quiz made here, an answer key): kept as it is.
    Protected,
}

impl Decision {
    pub fn label(self) -> &'static str {
        match self {
            Decision::New => "新增",
            Decision::Newer => "比本机新",
            Decision::Older => "比本机旧",
            Decision::Identical => "相同",
            Decision::Conflict => "冲突",
            Decision::Protected => "本机所建，不改",
        }
    }
}

/// A record as it is in this browser.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalRecord {
    pub meta: Meta,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanItem {
    pub store: StoreName,
    pub decision: Decision,
    pub incoming: IncomingRecord,
    pub local: Option<LocalRecord>,
}

/// What an import will do, record by record.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergePlan {
    pub items: Vec<PlanItem>,
}

/// How the user settled one conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    KeepLocal,
    TakeIncoming,
    KeepBoth,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeError {
    /// Some conflicts have no resolution yet.
    Unresolved(usize),
}

impl MergeError {
    pub fn user_message(&self) -> String {
        match self {
            MergeError::Unresolved(n) => {
                format!("还有 {n} 条冲突没有选择处理方式，请逐条选择后再确认导入。")
            }
        }
    }
}

/// A record body without its bookkeeping, for comparing content.
fn body(value: &Value) -> Value {
    let mut v = value.clone();
    if let Some(obj) = v.as_object_mut() {
        obj.remove("meta");
    }
    v
}

fn with_meta(value: &Value, meta: &Meta) -> Value {
    let mut v = value.clone();
    if let Some(obj) = v.as_object_mut() {
        obj.insert(
            "meta".into(),
            serde_json::to_value(meta).unwrap_or(Value::Null),
        );
    }
    v
}

pub fn decide(incoming: &IncomingRecord, local: Option<&LocalRecord>) -> Decision {
    let Some(local) = local else {
        return Decision::New;
    };
    let same_body = || body(&incoming.value) == body(&local.value);
    match incoming.meta.versions.compare(&local.meta.versions) {
        Lineage::Same if same_body() => Decision::Identical,
        // Same edits but different content: damaged on one side; never guess.
        Lineage::Same => Decision::Conflict,
        Lineage::Descends => Decision::Newer,
        Lineage::Precedes => Decision::Older,
        // Both changed, to the same content: nothing to choose between.
        Lineage::Diverged if same_body() => Decision::Identical,
        Lineage::Diverged => Decision::Conflict,
    }
}

/// Compares every incoming record with ours.
pub fn plan(
    incoming: Vec<IncomingRecord>,
    local: &HashMap<(StoreName, Id), LocalRecord>,
) -> MergePlan {
    let items = incoming
        .into_iter()
        .map(|rec| {
            let ours = local.get(&(rec.store, rec.meta.id)).cloned();
            PlanItem {
                store: rec.store,
                decision: decide(&rec, ours.as_ref()),
                incoming: rec,
                local: ours,
            }
        })
        .collect();
    MergePlan { items }
}

impl MergePlan {
    pub fn counts(&self) -> BTreeMap<Decision, usize> {
        let mut counts = BTreeMap::new();
        for item in &self.items {
            *counts.entry(item.decision).or_insert(0) += 1;
        }
        counts
    }

    /// Marks the records that no file may change in this browser (see `records::protected`):
    /// whatever their versions say, ours are kept.
    pub fn protect(&mut self, device: &DeviceId) {
        for item in &mut self.items {
            if let Some(local) = &item.local {
                if item.decision != Decision::Identical
                    && super::records::protected(
                        item.store,
                        &local.value,
                        &item.incoming.value,
                        device,
                    )
                {
                    item.decision = Decision::Protected;
                }
            }
        }
    }

    pub fn count(&self, decision: Decision) -> usize {
        self.items.iter().filter(|i| i.decision == decision).count()
    }

    pub fn conflicts(&self) -> impl Iterator<Item = &PlanItem> {
        self.items
            .iter()
            .filter(|i| i.decision == Decision::Conflict)
    }

    /// The records to put, given the user's choices. A settled record gets a version that has
    /// seen both sides plus one local edit, so the next exchange sees it as newer than either.
    pub fn writes(
        &self,
        resolutions: &HashMap<(StoreName, Id), Resolution>,
        device: &DeviceId,
        now: DateTime<Utc>,
        mut new_id: impl FnMut() -> Id,
    ) -> Result<Vec<(StoreName, Value)>, MergeError> {
        let unresolved = self
            .conflicts()
            .filter(|i| !resolutions.contains_key(&(i.store, i.incoming.meta.id)))
            .count();
        if unresolved > 0 {
            return Err(MergeError::Unresolved(unresolved));
        }
        let mut out = Vec::new();
        for item in &self.items {
            let incoming = &item.incoming;
            match (item.decision, item.local.as_ref()) {
                (Decision::New, _) | (Decision::Newer, _) => {
                    out.push((item.store, incoming.value.clone()));
                }
                (Decision::Older, _) | (Decision::Protected, _) => {}
                (Decision::Identical, Some(local)) => {
                    // Same content reached on both sides: remember that we have seen both.
                    if local.meta.versions != incoming.meta.versions {
                        out.push((
                            item.store,
                            settled(&local.value, &local.meta, &incoming.meta, device, now),
                        ));
                    }
                }
                (Decision::Identical, None) => {}
                (Decision::Conflict, Some(local)) => {
                    let key = (item.store, incoming.meta.id);
                    match resolutions.get(&key) {
                        Some(Resolution::KeepLocal) => {
                            out.push((
                                item.store,
                                settled(&local.value, &local.meta, &incoming.meta, device, now),
                            ));
                        }
                        Some(Resolution::TakeIncoming) => {
                            out.push((
                                item.store,
                                settled(&incoming.value, &local.meta, &incoming.meta, device, now),
                            ));
                        }
                        Some(Resolution::KeepBoth) => {
                            out.push((
                                item.store,
                                settled(&local.value, &local.meta, &incoming.meta, device, now),
                            ));
                            let mut copy = Meta::new(device, now);
                            copy.id = new_id();
                            out.push((item.store, with_meta(&incoming.value, &copy)));
                        }
                        None => return Err(MergeError::Unresolved(1)),
                    }
                }
                (Decision::Conflict, None) => out.push((item.store, incoming.value.clone())),
            }
        }
        Ok(out)
    }
}

fn settled(
    value: &Value,
    local: &Meta,
    incoming: &Meta,
    device: &DeviceId,
    now: DateTime<Utc>,
) -> Value {
    let mut meta = local.clone();
    meta.versions = local.versions.joined(&incoming.versions);
    meta.created_at = local.created_at.min(incoming.created_at);
    meta.updated_at = local.updated_at.max(incoming.updated_at);
    meta.touch(device, now);
    with_meta(value, &meta)
}

/// A short name for a record in lists: its name, title or stem, else its id.
pub fn display_name(value: &Value) -> String {
    ["name", "title", "stem"]
        .iter()
        .find_map(|k| value.get(*k).and_then(Value::as_str))
        .map(|s| s.chars().take(40).collect())
        .or_else(|| {
            value
                .pointer("/meta/id")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .unwrap_or_default()
}

fn field_text(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(true)) => "是".into(),
        Some(Value::Bool(false)) => "否".into(),
        Some(other) => other.to_string(),
    }
}

/// The fields two versions of a record disagree on, as (field, ours, theirs) text, for showing
/// a conflict side by side.
pub fn differences(local: &Value, incoming: &Value) -> Vec<(String, String, String)> {
    let mut keys: Vec<&String> = local
        .as_object()
        .into_iter()
        .chain(incoming.as_object())
        .flat_map(|o| o.keys())
        .filter(|k| k.as_str() != "meta")
        .collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| local.get(k.as_str()) != incoming.get(k.as_str()))
        .map(|k| {
            (
                k.clone(),
                field_text(local.get(k.as_str())),
                field_text(incoming.get(k.as_str())),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn differences_list_only_changed_fields() {
        let a = json!({"meta": {"rev": 1}, "name": "张三", "post": "主任", "retired": false});
        let b = json!({"meta": {"rev": 2}, "name": "张三", "post": "副主任", "phone": "138"});
        assert_eq!(
            differences(&a, &b),
            vec![
                ("phone".into(), "".into(), "138".into()),
                ("post".into(), "主任".into(), "副主任".into()),
                ("retired".into(), "否".into(), "".into()),
            ]
        );
        assert_eq!(display_name(&a), "张三");
    }
}
