//! Records field by field: which fields an edit changed, and how two copies of one record merge.
//! Edits to different fields on two computers both survive; only a field that both sides changed,
//! to different values, is a conflict for the user to settle.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use crate::order::Collect;
use crate::record::{DeviceId, Dot, Lineage, Meta};
use crate::sorted::{SortedMap, SortedSet};

/// The fields of a record body: every top-level key except the bookkeeping.
fn field_names<'a>(a: &'a Value, b: &'a Value) -> SortedSet<&'a str> {
    a.as_object()
        .into_iter()
        .chain(b.as_object())
        .flat_map(|o| o.keys())
        .map(String::as_str)
        .filter(|k| *k != "meta")
        .to_set()
}

/// Whether a field holds nothing: every field that may be missing reads as its empty value, and
/// a record may leave such a field out (a question without tags has no `tags`), so a field left
/// out and one written empty are the same content (a record saved by an earlier version).
fn empty(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) | Some(Value::Bool(false)) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(Value::Object(o)) => o.is_empty(),
        Some(Value::Number(_) | Value::Bool(true)) => false,
    }
}

/// Whether two copies of a field hold the same content.
fn same(a: Option<&Value>, b: Option<&Value>) -> bool {
    a == b || (empty(a) && empty(b))
}

/// Whether two versions of a record hold the same content, bookkeeping aside.
pub fn same_body(a: &Value, b: &Value) -> bool {
    if !(a.is_object() && b.is_object()) {
        return a == b;
    }
    field_names(a, b)
        .into_iter()
        .all(|k| same(a.get(k), b.get(k)))
}

/// The fields whose values differ between two versions of a record.
pub fn changed_fields(before: &Value, after: &Value) -> Vec<String> {
    field_names(before, after)
        .into_iter()
        .filter(|k| !same(before.get(*k), after.get(*k)))
        .map(str::to_string)
        .collect()
}

fn meta_of(value: &Value) -> Option<Meta> {
    super::records::typed(value.get("meta")?).ok()
}

fn with_meta(mut value: Value, meta: &Meta) -> Value {
    if let (Some(obj), Ok(m)) = (value.as_object_mut(), serde_json::to_value(meta)) {
        obj.insert("meta".into(), m);
    }
    value
}

/// Why an edit was not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The record was saved elsewhere (another tab or window) after this screen read it.
    Stale,
    /// The record could not be read as a record.
    Unreadable,
}

/// Stamps an edit made on a screen as this browser's: `edited` carries the meta the screen read
/// (`current` is the record as stored now, read in the same transaction as the write). An edit
/// based on an older copy than the stored one is refused rather than written over it.
pub fn stamp_edit(
    current: Option<&Value>,
    edited: Value,
    device: &DeviceId,
    now: DateTime<Utc>,
) -> Result<Value, EditError> {
    let mut meta = meta_of(&edited).ok_or(EditError::Unreadable)?;
    let changed = match current {
        Some(stored) => {
            let stored_meta = meta_of(stored).ok_or(EditError::Unreadable)?;
            if stored_meta.versions != meta.versions {
                return Err(EditError::Stale);
            }
            changed_fields(stored, &edited)
        }
        // A new record: every field is as it was made.
        None => Vec::new(),
    };
    meta.touch(device, now);
    meta.mark_changed(device, changed.iter().map(String::as_str));
    Ok(with_meta(edited, &meta))
}

/// Records the fields a pure rule's edit changed (the rule already counted the edit).
pub fn mark_stamped(current: Option<&Value>, stamped: Value, device: &DeviceId) -> Value {
    let (Some(stored), Some(mut meta)) = (current, meta_of(&stamped)) else {
        return stamped;
    };
    let changed = changed_fields(stored, &stamped);
    meta.mark_changed(device, changed.iter().map(String::as_str));
    with_meta(stamped, &meta)
}

/// Which copy a field's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Local,
    Incoming,
}

/// Two copies merged field by field.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldMerge {
    /// The merged record: each field from the side that has the other's change of it, versions
    /// joined. Conflicting fields hold this browser's value until the user settles them.
    pub value: Value,
    /// Fields both sides changed to different values.
    pub conflicts: Vec<String>,
}

/// The edits behind a field's value, as a set: empty for a value the record was made with.
type Support = SortedSet<Dot>;

/// Whether a copy with `versions` has seen (one of) the edits behind a value.
fn seen(support: Option<&Support>, versions: &crate::record::Versions) -> bool {
    support.is_none_or(|s| s.is_empty() || s.iter().any(|d| d.seen_by(versions)))
}

/// Which side's value of one field includes the other's change, if either.
fn field_side(local: &Meta, incoming: &Meta, field: &str, lineage: Lineage) -> Option<Side> {
    let (ours, theirs) = (local.fields.get(field), incoming.fields.get(field));
    match (
        seen(theirs, &local.versions),
        seen(ours, &incoming.versions),
    ) {
        (true, false) => Some(Side::Local),
        (false, true) => Some(Side::Incoming),
        // Neither records a change the other lacks (records from before fields were tracked):
        // the record's history decides, as it did then.
        (true, true) => match lineage {
            Lineage::Descends => Some(Side::Incoming),
            Lineage::Precedes => Some(Side::Local),
            Lineage::Same | Lineage::Diverged => None,
        },
        (false, false) => None,
    }
}

/// Both copies hold the same value: it is supported by the edits behind either, keeping for each
/// browser only its latest (a later edit of one browser has seen its earlier ones).
fn joined_support(ours: Option<&Support>, theirs: Option<&Support>) -> Support {
    let mut latest: SortedMap<&DeviceId, u32> = SortedMap::new();
    for Dot(device, n) in ours.into_iter().chain(theirs).flatten() {
        let m = latest.entry(device).or_insert(0);
        *m = (*m).max(*n);
    }
    latest.into_iter().map(|(d, n)| Dot(d.clone(), n)).to_set()
}

/// Merges two copies of one record. The result does not depend on which copy is "local": with no
/// conflict, merging A into B and B into A give the same record, and merging again changes
/// nothing.
pub fn merge(
    local: &Value,
    local_meta: &Meta,
    incoming: &Value,
    incoming_meta: &Meta,
) -> FieldMerge {
    let lineage = incoming_meta.versions.compare(&local_meta.versions);
    let mut body = Map::new();
    let mut meta = local_meta.clone();
    meta.versions = local_meta.versions.joined(&incoming_meta.versions);
    meta.rev = meta.versions.total();
    meta.created_at = local_meta.created_at.min(incoming_meta.created_at);
    meta.updated_at = local_meta.updated_at.max(incoming_meta.updated_at);
    meta.fields.clear();
    let mut conflicts = Vec::new();
    for field in field_names(local, incoming) {
        let (ours, theirs) = (local.get(field), incoming.get(field));
        let (our_support, their_support) = (
            local_meta.fields.get(field),
            incoming_meta.fields.get(field),
        );
        let (value, support) = if same(ours, theirs) {
            (ours, joined_support(our_support, their_support))
        } else {
            match field_side(local_meta, incoming_meta, field, lineage) {
                Some(Side::Incoming) => (theirs, their_support.cloned().unwrap_or_default()),
                Some(Side::Local) => (ours, our_support.cloned().unwrap_or_default()),
                None => {
                    conflicts.push(field.to_string());
                    (ours, our_support.cloned().unwrap_or_default())
                }
            }
        };
        if let Some(v) = value {
            body.insert(field.to_string(), v.clone());
        }
        if !support.is_empty() {
            meta.fields.insert(field.to_string(), support);
        }
    }
    FieldMerge {
        value: with_meta(Value::Object(body), &meta),
        conflicts,
    }
}

/// Settles a merge's conflicting fields: each takes the value from the chosen side, as a new
/// edit of this browser's, so that the settled record is newer than both copies.
pub fn settle(
    merged: &FieldMerge,
    incoming: &Value,
    choose: impl Fn(&str) -> Side,
    device: &DeviceId,
    now: DateTime<Utc>,
) -> Value {
    let Some(mut meta) = meta_of(&merged.value) else {
        return merged.value.clone();
    };
    let mut value = merged.value.clone();
    if let Some(obj) = value.as_object_mut() {
        for field in &merged.conflicts {
            if choose(field) == Side::Incoming {
                match incoming.get(field) {
                    Some(v) => obj.insert(field.clone(), v.clone()),
                    None => obj.remove(field),
                };
            }
        }
    }
    if merged.conflicts.is_empty() {
        return value;
    }
    meta.touch(device, now);
    meta.mark_changed(device, merged.conflicts.iter().map(String::as_str));
    with_meta(value, &meta)
}

// Property tests use proptest, which builds natively only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
