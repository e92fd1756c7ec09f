//! What every stored record carries so that copies in other browsers can be merged: a stable id,
//! timestamps, a revision counter and a version vector that tells "newer" from "changed on both sides".

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::sorted::{SortedMap, SortedSet};

/// A record's stable id. Ids are UUIDs so that records made in different browsers never collide.
pub type Id = Uuid;

/// The browser installation that made a change (a UUID chosen on first use, kept in settings).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DeviceId(pub String);

impl DeviceId {
    pub fn new_random() -> Self {
        DeviceId(Uuid::new_v4().simple().to_string())
    }
}

/// How the edits of two copies of one record relate to each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lineage {
    /// Both copies saw exactly the same edits.
    Same,
    /// The first copy includes every edit of the second and more.
    Descends,
    /// The second copy includes every edit of the first and more.
    Precedes,
    /// Each copy has edits the other lacks: both sides changed the record.
    Diverged,
}

/// Edits per device. `rev` is their sum; comparing vectors detects edits made on both sides,
/// which a single counter cannot.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Versions(pub SortedMap<DeviceId, u32>);

impl Versions {
    pub fn total(&self) -> u32 {
        self.0.values().fold(0u32, |sum, n| sum.saturating_add(*n))
    }

    pub fn bump(&mut self, device: &DeviceId) {
        let n = self.0.entry(device.clone()).or_insert(0);
        *n = n.saturating_add(1);
    }

    /// Pointwise maximum: a version that has seen both inputs.
    pub fn joined(&self, other: &Versions) -> Versions {
        let mut out = self.clone();
        for (device, n) in &other.0 {
            let mine = out.0.entry(device.clone()).or_insert(0);
            *mine = (*mine).max(*n);
        }
        out
    }

    pub fn compare(&self, other: &Versions) -> Lineage {
        let get = |v: &Versions, d: &DeviceId| v.0.get(d).copied().unwrap_or(0);
        let (mut ahead, mut behind) = (false, false);
        for device in self.0.keys().chain(other.0.keys()) {
            let (a, b) = (get(self, device), get(other, device));
            ahead |= a > b;
            behind |= a < b;
        }
        match (ahead, behind) {
            (false, false) => Lineage::Same,
            (true, false) => Lineage::Descends,
            (false, true) => Lineage::Precedes,
            (true, true) => Lineage::Diverged,
        }
    }
}

/// The edit that last changed a field: the browser that made it, and that browser's edit count
/// once it was made. Another copy has seen this change exactly when its `versions` count for that
/// browser is at least as high.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Dot(pub DeviceId, pub u32);

impl Dot {
    pub fn seen_by(&self, versions: &Versions) -> bool {
        versions.0.get(&self.0).copied().unwrap_or(0) >= self.1
    }
}

/// The bookkeeping part of every record, stored under the key `meta` (the object stores' key path
/// is `meta.id`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub id: Id,
    #[serde(with = "crate::instant_text")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::instant_text")]
    pub updated_at: DateTime<Utc>,
    /// Number of edits ever made: always the sum of `versions`.
    pub rev: u32,
    pub versions: Versions,
    /// For each field changed since the record was made, the edit that last changed it (or the
    /// edits, when two computers set the same value), so that edits to different fields on two
    /// computers merge by themselves. A field without one still has the value it was made with
    /// (or comes from before fields were tracked).
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub fields: SortedMap<String, SortedSet<Dot>>,
}

impl Meta {
    pub fn new(device: &DeviceId, now: DateTime<Utc>) -> Self {
        let mut versions = Versions::default();
        versions.bump(device);
        Meta {
            id: Uuid::new_v4(),
            created_at: now,
            updated_at: now,
            rev: 1,
            versions,
            fields: SortedMap::new(),
        }
    }

    /// A new record not yet saved: it counts no edit until the session's save path touches
    /// it, so that a record made and saved here has exactly one edit, like one made by `new`.
    pub fn unsaved(now: DateTime<Utc>) -> Self {
        Meta {
            id: Uuid::new_v4(),
            created_at: now,
            updated_at: now,
            rev: 0,
            versions: Versions::default(),
            fields: SortedMap::new(),
        }
    }

    /// Records one more local edit.
    pub fn touch(&mut self, device: &DeviceId, now: DateTime<Utc>) {
        self.versions.bump(device);
        self.rev = self.versions.total();
        self.updated_at = now.max(self.updated_at);
    }

    /// Records that `device`'s latest edit changed these fields.
    pub fn mark_changed<'a>(
        &mut self,
        device: &DeviceId,
        fields: impl IntoIterator<Item = &'a str>,
    ) {
        let n = self.versions.0.get(device).copied().unwrap_or(0);
        for field in fields {
            self.fields
                .insert(field.to_string(), SortedSet::from([Dot(device.clone(), n)]));
        }
    }

    /// A revision counter that disagrees with its version vector means the record was edited by
    /// hand or damaged on the way.
    pub fn is_consistent(&self) -> bool {
        self.rev == self.versions.total() && self.rev > 0 && self.updated_at >= self.created_at
    }
}

/// A kind of record that lives in one object store.
pub trait Entity: Serialize + for<'de> Deserialize<'de> + Clone + 'static {
    const STORE: crate::store::schema::StoreName;
    fn meta(&self) -> &Meta;
    fn meta_mut(&mut self) -> &mut Meta;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dev(s: &str) -> DeviceId {
        DeviceId(s.to_string())
    }

    fn versions(pairs: &[(&str, u32)]) -> Versions {
        Versions(pairs.iter().map(|(d, n)| (dev(d), *n)).collect())
    }

    #[test]
    fn compare_tells_newer_older_same_and_diverged() {
        let base = versions(&[("a", 2)]);
        assert_eq!(base.compare(&base), Lineage::Same);
        assert_eq!(versions(&[("a", 3)]).compare(&base), Lineage::Descends);
        assert_eq!(
            base.compare(&versions(&[("a", 2), ("b", 1)])),
            Lineage::Precedes
        );
        assert_eq!(
            versions(&[("a", 3)]).compare(&versions(&[("a", 2), ("b", 1)])),
            Lineage::Diverged
        );
    }

    #[test]
    fn joined_dominates_both_sides() {
        let a = versions(&[("a", 3), ("b", 1)]);
        let b = versions(&[("a", 2), ("b", 4), ("c", 1)]);
        let j = a.joined(&b);
        assert_eq!(j.compare(&a), Lineage::Descends);
        assert_eq!(j.compare(&b), Lineage::Descends);
        assert_eq!(j.total(), 8);
    }

    #[test]
    fn an_unsaved_record_counts_one_edit_once_saved() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let mut meta = Meta::unsaved(now);
        assert!(!meta.is_consistent(), "never stored untouched");
        meta.touch(&dev("a"), now);
        let made = Meta::new(&dev("a"), now);
        assert_eq!((meta.rev, &meta.versions), (made.rev, &made.versions));
        assert!(meta.is_consistent());
    }

    #[test]
    fn touch_keeps_rev_equal_to_edit_count() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let mut meta = Meta::new(&dev("a"), now);
        meta.touch(&dev("b"), now);
        meta.touch(&dev("a"), now);
        assert_eq!(meta.rev, 3);
        assert!(meta.is_consistent());
    }
}
