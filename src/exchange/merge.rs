//! Deciding what an import does to each record, before anything is written: new, newer than
//! ours, older than ours, identical, changed on both sides in different fields (merged field by
//! field), or the same field changed on both sides (a conflict the user settles per field).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::fields::{self, FieldMerge, Side};
use super::validate::IncomingRecord;
use crate::record::{DeviceId, Id, Lineage, Meta};
use crate::sorted::SortedMap;
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
    /// Both sides changed different fields since they last agreed: both changes are kept.
    Merged,
    /// Both sides changed the same field to different values: the user picks.
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
            Decision::Merged => "两边的修改已合并",
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
    /// Ours and theirs merged field by field, where both sides changed the record.
    pub merged: Option<FieldMerge>,
    /// A change to a record this browser's user owns, from someone else's file: not written
    /// unless the user takes it (`Resolution::TakeIncoming` for the record).
    pub held: bool,
}

/// What an import will do, record by record.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergePlan {
    pub items: Vec<PlanItem>,
}

/// Conflicting fields settled one by one: for a record, the side each chosen field takes.
pub type FieldChoices = HashMap<(StoreName, Id), SortedMap<String, Side>>;

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

pub fn decide(
    incoming: &IncomingRecord,
    local: Option<&LocalRecord>,
) -> (Decision, Option<FieldMerge>) {
    let Some(local) = local else {
        return (Decision::New, None);
    };
    let same_body = || fields::same_body(&incoming.value, &local.value);
    match incoming.meta.versions.compare(&local.meta.versions) {
        Lineage::Same if same_body() => (Decision::Identical, None),
        Lineage::Descends => (Decision::Newer, None),
        Lineage::Precedes => (Decision::Older, None),
        // Both changed (or the same edits with different content, damaged on one side): field
        // by field, only a field changed on both sides to different values is a conflict.
        Lineage::Same | Lineage::Diverged => {
            let merged = fields::merge(&local.value, &local.meta, &incoming.value, &incoming.meta);
            let decision = if !merged.conflicts.is_empty() {
                Decision::Conflict
            } else if same_body() {
                Decision::Identical
            } else {
                Decision::Merged
            };
            (decision, Some(merged))
        }
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
            let (decision, merged) = decide(&rec, ours.as_ref());
            PlanItem {
                store: rec.store,
                decision,
                incoming: rec,
                local: ours,
                merged,
                held: false,
            }
        })
        .collect();
    MergePlan { items }
}

impl MergePlan {
    pub fn counts(&self) -> SortedMap<Decision, usize> {
        let mut counts = SortedMap::new();
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

    /// Records the file says were edited on `device` (this browser) more often than this
    /// browser ever edited them: a file that claims edits made here which were not made here
    /// was altered by hand, so that its copy would win. Named as people know them.
    pub fn forged(&self, device: &DeviceId) -> Vec<String> {
        let edits = |m: &Meta| m.versions.0.get(device).copied().unwrap_or(0);
        self.items
            .iter()
            .filter(|i| {
                i.local
                    .as_ref()
                    .is_some_and(|l| edits(&i.incoming.meta) > edits(&l.meta))
            })
            .map(|i| {
                format!(
                    "{}“{}”",
                    i.store.label(),
                    display_name(i.store, &i.incoming.value)
                )
            })
            .collect()
    }

    /// Holds back what a file would change in records the office owns here (`records::owned`)
    /// and this browser made or edited: a colleague's or a cadre's file shows such changes in
    /// the preview, and they are written only for the records the office takes by name. A cadre's
    /// browser, and the single-file build (`keeps_cases` false), keep no admonition case from
    /// any file. A task's progress (`TASK_PROGRESS`) belongs to its 责任人: a file from anyone
    /// else (`sender` is who sent it, as roster ids) that would change it is held on either
    /// side; its other fields are the office's.
    pub fn hold_owned(
        &mut self,
        device: &DeviceId,
        office: bool,
        keeps_cases: bool,
        sender: &[Id],
    ) {
        for item in &mut self.items {
            if item.store == StoreName::Admonitions && !keeps_cases {
                item.held = matches!(
                    item.decision,
                    Decision::New | Decision::Newer | Decision::Merged | Decision::Conflict
                );
                continue;
            }
            let changes = matches!(item.decision, Decision::Newer | Decision::Merged)
                || (item.decision == Decision::New && !office);
            let ours = item
                .local
                .as_ref()
                .is_some_and(|l| l.meta.versions.0.get(device).is_some_and(|n| *n > 0));
            item.held = changes
                && match item.store {
                    StoreName::Tasks => ours && task_change_held(item, office, sender),
                    _ if office => ours && super::records::owned(item.store),
                    _ => false,
                };
        }
    }

    /// Sets `field` of the file's new records `ids` of `store` to `value`, as this browser's
    /// own edit of them (the office maps a village it does not know to one on its list): the
    /// change is counted here, so the writer's later copy and this one merge field by field.
    /// Returns how many records changed; records already here are left as they are.
    pub fn set_field(
        &mut self,
        store: StoreName,
        ids: &[Id],
        field: &str,
        value: &Value,
        device: &DeviceId,
        now: DateTime<Utc>,
    ) -> usize {
        let mut changed = 0;
        for item in &mut self.items {
            let wanted = item.store == store
                && item.decision == Decision::New
                && ids.contains(&item.incoming.meta.id);
            if !wanted || item.incoming.value.get(field) == Some(value) {
                continue;
            }
            let before = item.incoming.value.clone();
            let mut after = before.clone();
            after[field] = value.clone();
            let Ok(stamped) = fields::stamp_edit(Some(&before), after, device, now) else {
                continue;
            };
            let Some(meta) = stamped
                .get("meta")
                .and_then(|m| super::records::typed(m).ok())
            else {
                continue;
            };
            item.incoming.meta = meta;
            item.incoming.value = stamped;
            changed += 1;
        }
        changed
    }

    /// The changes held back by [`MergePlan::hold_owned`].
    pub fn held(&self) -> impl Iterator<Item = &PlanItem> {
        self.items.iter().filter(|i| i.held)
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
        new_id: impl FnMut() -> Id,
    ) -> Result<Vec<(StoreName, Value)>, MergeError> {
        self.writes_choosing(resolutions, &FieldChoices::new(), device, now, new_id)
    }

    /// [`MergePlan::writes`] where some conflicting fields were settled one by one: a field's
    /// own choice wins over its record's.
    pub fn writes_choosing(
        &self,
        resolutions: &HashMap<(StoreName, Id), Resolution>,
        by_field: &FieldChoices,
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
            let chosen = resolutions.get(&(item.store, incoming.meta.id));
            // Held back unless taken; any other record left out where the user said so.
            let left_out = match (item.held, item.decision) {
                (true, _) => chosen != Some(&Resolution::TakeIncoming),
                (false, Decision::Conflict) => false,
                (false, _) => chosen == Some(&Resolution::KeepLocal),
            };
            if left_out {
                continue;
            }
            match (item.decision, item.local.as_ref()) {
                (Decision::New, _) | (Decision::Newer, _) => {
                    out.push((item.store, incoming.value.clone()));
                }
                (Decision::Older, _) | (Decision::Protected, _) => {}
                // Both sides' changes, field by field (for identical content: the versions of
                // both, so that we remember having seen them).
                (Decision::Merged, _) | (Decision::Identical, _) => {
                    if let Some(merged) = &item.merged {
                        let unchanged =
                            item.local.as_ref().is_some_and(|l| l.value == merged.value);
                        if !unchanged {
                            out.push((item.store, merged.value.clone()));
                        }
                    }
                }
                (Decision::Conflict, _) => {
                    let Some(merged) = &item.merged else {
                        out.push((item.store, incoming.value.clone()));
                        continue;
                    };
                    let key = (item.store, incoming.meta.id);
                    let side = match resolutions.get(&key) {
                        Some(Resolution::KeepLocal) | Some(Resolution::KeepBoth) => Side::Local,
                        Some(Resolution::TakeIncoming) => Side::Incoming,
                        None => return Err(MergeError::Unresolved(1)),
                    };
                    let own = by_field.get(&key);
                    let choose =
                        |field: &str| own.and_then(|f| f.get(field)).copied().unwrap_or(side);
                    out.push((
                        item.store,
                        fields::settle(merged, &incoming.value, choose, device, now),
                    ));
                    if resolutions.get(&key) == Some(&Resolution::KeepBoth) {
                        let mut copy = Meta::new(device, now);
                        copy.id = new_id();
                        out.push((item.store, marked_copy(&incoming.value, &copy)));
                    }
                }
            }
        }
        Ok(out
            .into_iter()
            .map(|(store, value)| (store, super::records::settled(store, value)))
            .collect())
    }
}

/// The copy kept by "两者都保留": a record of its own, its name marked so that nobody takes it
/// for the original.
fn marked_copy(value: &Value, meta: &Meta) -> Value {
    let mut copy = with_meta(value, meta);
    if let Some(field) = ["name", "title", "stem"]
        .into_iter()
        .find(|k| copy.get(*k).is_some_and(Value::is_string))
    {
        let text = copy[field].as_str().unwrap_or_default().to_string();
        copy[field] = Value::String(format!("{text}（副本）"));
    }
    copy
}

/// The fields of a task its 责任人 keep up to date; the others are the office's.
pub const TASK_PROGRESS: [&str; 5] = [
    "progress",
    "status",
    "progress_note",
    "finished_on",
    "history",
];

/// Whether a file's change to a task here steps outside what its sender owns: progress by
/// someone not among the task's 责任人, or (on the office's computer) the office's fields.
fn task_change_held(item: &PlanItem, office: bool, sender: &[Id]) -> bool {
    let Some(local) = &item.local else {
        return false;
    };
    let after = match (&item.merged, item.decision) {
        (Some(m), Decision::Merged) => &m.value,
        _ => &item.incoming.value,
    };
    let changed = fields::changed_fields(&local.value, after);
    let progress = changed.iter().any(|f| TASK_PROGRESS.contains(&f.as_str()));
    let other = changed.iter().any(|f| !TASK_PROGRESS.contains(&f.as_str()));
    let owners = |v: &Value| -> Vec<Id> {
        v.get("owners")
            .and_then(|o| super::records::typed::<Vec<Id>>(o).ok())
            .unwrap_or_default()
    };
    let sender_owns = owners(&local.value)
        .iter()
        .chain(owners(&item.incoming.value).iter())
        .any(|o| sender.contains(o));
    (progress && !sender_owns) || (office && other)
}

/// A short name for a record in lists, as people know it: a log entry by its day, village,
/// role and writer; a request by its person, matter and day; a posting by its village and
/// start; anything else by its name, title or stem; the id's first characters only when a
/// record has none of these.
pub fn display_name(store: StoreName, value: &Value) -> String {
    known_name(store, value)
        .or_else(|| {
            value
                .pointer("/meta/id")
                .and_then(Value::as_str)
                .map(|id| format!("编号 {}", id.chars().take(8).collect::<String>()))
        })
        .unwrap_or_else(|| "（无名称的记录）".into())
}

/// [`display_name`] without the id: `None` for a record that names nothing people know.
pub fn known_name(store: StoreName, value: &Value) -> Option<String> {
    let text = |k: &str| {
        value
            .get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.chars().take(40).collect::<String>())
    };
    let day = |k: &str| text(k).map(|d| super::labels::date_text(&d).unwrap_or(d));
    let known = match store {
        StoreName::VillageLogs => day("date").map(|date| {
            let role = super::labels::value_text(store, "role", value.get("role"));
            let writer = value
                .pointer("/writer/name")
                .and_then(Value::as_str)
                .unwrap_or_default();
            format!(
                "{date} {} {role}（{writer}）",
                text("village").unwrap_or_default()
            )
        }),
        StoreName::ServiceLedger => text("person").map(|p| {
            format!(
                "{p}：{}（{} 受理）",
                text("matter").unwrap_or_default(),
                day("received").unwrap_or_default()
            )
        }),
        StoreName::ResidentCadres => {
            text("village").map(|v| format!("{v} 驻村（{} 起）", day("start").unwrap_or_default()))
        }
        _ => None,
    };
    known.or_else(|| ["name", "title", "stem"].iter().find_map(|k| text(k)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_file_claiming_edits_made_here_that_were_not_is_found() {
        let here = DeviceId("here".into());
        let there = DeviceId("there".into());
        let mut meta = Meta::new(&here, DateTime::default());
        let local = LocalRecord {
            meta: meta.clone(),
            value: json!({"meta": {}, "name": "张三"}),
        };
        let incoming = |meta: &Meta| IncomingRecord {
            store: StoreName::Cadres,
            meta: meta.clone(),
            value: json!({"meta": {}, "name": "张三"}),
        };
        let plan_of = |meta: &Meta| MergePlan {
            items: vec![PlanItem {
                store: StoreName::Cadres,
                decision: Decision::Newer,
                incoming: incoming(meta),
                local: Some(local.clone()),
                merged: None,
                held: false,
            }],
        };
        // Edited elsewhere after it came from here: fine.
        meta.touch(&there, DateTime::default());
        assert!(plan_of(&meta).forged(&here).is_empty());
        // A second edit "here" that this browser never made: forged.
        meta.touch(&here, DateTime::default());
        assert_eq!(plan_of(&meta).forged(&here), vec!["干部“张三”".to_string()]);
    }

    /// The office's task owned by 张三 (`owner`), edited on `edit_on` with `change`, as a plan
    /// on a computer that made (or edited) it on `here`.
    fn task_plan(here: &DeviceId, edit_on: &DeviceId, owner: Id, change: Value) -> MergePlan {
        let mut made = Meta::new(&DeviceId("office".into()), DateTime::default());
        if here.0 != "office" {
            made.touch(here, DateTime::default());
        }
        let task = json!({"meta": made, "title": "修路", "owners": [owner], "progress": 0, "status": "open"});
        let local = HashMap::from([(
            (StoreName::Tasks, made.id),
            LocalRecord {
                meta: made.clone(),
                value: task.clone(),
            },
        )]);
        let mut edited = made.clone();
        edited.touch(edit_on, DateTime::default());
        let mut value = task;
        for (k, v) in change.as_object().into_iter().flatten() {
            value[k] = v.clone();
        }
        value["meta"] = json!(edited);
        plan(
            vec![IncomingRecord {
                store: StoreName::Tasks,
                meta: edited,
                value,
            }],
            &local,
        )
    }

    #[test]
    fn a_ballot_counted_here_is_not_voided_or_restored_by_a_file() {
        let office = DeviceId("office".into());
        let made = Meta::new(&office, DateTime::default());
        let ballot = json!({"meta": made, "number": 7, "void": false});
        let local = HashMap::from([(
            (StoreName::Ballots, made.id),
            LocalRecord {
                meta: made.clone(),
                value: ballot.clone(),
            },
        )]);
        let mut edited = made.clone();
        edited.touch(&DeviceId("colleague".into()), DateTime::default());
        let mut voided = ballot;
        voided["void"] = json!(true);
        voided["meta"] = json!(edited);
        let mut p = plan(
            vec![IncomingRecord {
                store: StoreName::Ballots,
                meta: edited,
                value: voided,
            }],
            &local,
        );
        p.hold_owned(&office, true, true, &[]);
        assert_eq!(p.held().count(), 1);
    }

    #[test]
    fn a_tasks_progress_is_its_owners_and_the_rest_the_offices() {
        let (office, cadre) = (DeviceId("office".into()), DeviceId("cadre".into()));
        let (zhang, li) = (Id::new_v4(), Id::new_v4());
        let held = |mut p: MergePlan, here: &DeviceId, is_office: bool, sender: Id| {
            p.hold_owned(here, is_office, is_office, &[sender]);
            p.held().count() == 1
        };
        let progress = json!({"progress": 60, "progress_note": "已完成路基"});
        // On the office's computer: the owner's progress comes in; anyone else's is held.
        assert!(!held(
            task_plan(&office, &cadre, zhang, progress.clone()),
            &office,
            true,
            zhang
        ));
        assert!(held(
            task_plan(&office, &cadre, zhang, progress.clone()),
            &office,
            true,
            li
        ));
        // The office's own fields are held whoever sends them.
        assert!(held(
            task_plan(&office, &cadre, zhang, json!({"title": "不修了"})),
            &office,
            true,
            zhang
        ));
        // On the owner's computer, where they reported progress: the office's file may rename
        // the task, not rewrite the progress.
        assert!(!held(
            task_plan(&cadre, &office, zhang, json!({"title": "修村道"})),
            &cadre,
            false,
            li
        ));
        assert!(held(
            task_plan(&cadre, &office, zhang, json!({"progress": 10})),
            &cadre,
            false,
            li
        ));
    }

    #[test]
    fn a_file_changes_the_offices_own_records_only_where_the_office_takes_it() {
        let office = DeviceId("office".into());
        let cadre = DeviceId("cadre".into());
        let made = Meta::new(&office, DateTime::default());
        let local = HashMap::from([(
            (StoreName::Cadres, made.id),
            LocalRecord {
                meta: made.clone(),
                value: json!({"meta": made, "name": "张三", "unit": "党政办"}),
            },
        )]);
        let mut edited = made.clone();
        edited.touch(&cadre, DateTime::default());
        let incoming = IncomingRecord {
            store: StoreName::Cadres,
            meta: edited.clone(),
            value: json!({"meta": edited, "name": "张三改", "unit": "党政办"}),
        };
        let mut p = plan(vec![incoming], &local);
        assert_eq!(p.items[0].decision, Decision::Newer);
        p.hold_owned(&office, true, true, &[]);
        assert_eq!(p.held().count(), 1);
        let none = HashMap::new();
        let writes = p.writes(&none, &office, DateTime::default(), uuid::Uuid::new_v4);
        assert_eq!(writes.map(|w| w.len()), Ok(0), "held back unless taken");
        let taken = HashMap::from([((StoreName::Cadres, made.id), Resolution::TakeIncoming)]);
        let writes = p.writes(&taken, &office, DateTime::default(), uuid::Uuid::new_v4);
        assert_eq!(writes.map(|w| w.len()), Ok(1), "taken by name");
        // Records of stores nobody owns, or not touched here, come in as before.
        p.hold_owned(&DeviceId("elsewhere".into()), true, true, &[]);
        assert_eq!(p.held().count(), 0);
    }

    #[test]
    fn a_record_the_user_leaves_out_is_not_written() {
        let meta = Meta::new(&DeviceId("cadre".into()), DateTime::default());
        let incoming = IncomingRecord {
            store: StoreName::VillageLogs,
            meta: meta.clone(),
            value: json!({"meta": meta}),
        };
        let p = plan(vec![incoming], &HashMap::new());
        let here = DeviceId("office".into());
        let out = HashMap::from([((StoreName::VillageLogs, meta.id), Resolution::KeepLocal)]);
        assert_eq!(
            p.writes(&out, &here, DateTime::default(), uuid::Uuid::new_v4)
                .map(|w| w.len()),
            Ok(0)
        );
        let back = HashMap::from([((StoreName::VillageLogs, meta.id), Resolution::TakeIncoming)]);
        assert_eq!(
            p.writes(&back, &here, DateTime::default(), uuid::Uuid::new_v4)
                .map(|w| w.len()),
            Ok(1)
        );
    }

    #[test]
    fn a_village_mapped_by_the_office_is_its_own_counted_edit() {
        let cadre = DeviceId("cadre".into());
        let office = DeviceId("office".into());
        let meta = Meta::new(&cadre, DateTime::default());
        let incoming = IncomingRecord {
            store: StoreName::VillageLogs,
            meta: meta.clone(),
            value: json!({"meta": meta, "village": "桃花园村", "done": "走访"}),
        };
        let mut p = plan(vec![incoming], &HashMap::new());
        let n = p.set_field(
            StoreName::VillageLogs,
            &[meta.id],
            "village",
            &json!("桃花源村"),
            &office,
            DateTime::default(),
        );
        assert_eq!(n, 1);
        let item = &p.items[0];
        assert_eq!(item.incoming.value["village"], json!("桃花源村"));
        assert_eq!(item.incoming.meta.versions.0.get(&office), Some(&1));
        assert!(item.incoming.meta.fields.contains_key("village"));
        assert_eq!(item.incoming.value["meta"]["rev"], json!(2));
    }

    #[test]
    fn a_cadres_browser_keeps_no_case_from_a_file() {
        let meta = Meta::new(&DeviceId("office".into()), DateTime::default());
        let incoming = IncomingRecord {
            store: StoreName::Admonitions,
            meta: meta.clone(),
            value: json!({"meta": meta}),
        };
        let mut p = plan(vec![incoming], &HashMap::new());
        p.hold_owned(&DeviceId("cadre".into()), false, false, &[]);
        assert_eq!(p.held().count(), 1);
        let writes = p.writes(
            &HashMap::new(),
            &DeviceId("cadre".into()),
            DateTime::default(),
            uuid::Uuid::new_v4,
        );
        assert_eq!(writes.map(|w| w.len()), Ok(0));
    }

    #[test]
    fn a_record_is_named_by_its_name_title_or_stem() {
        let a = json!({"meta": {"rev": 1}, "name": "张三", "post": "主任"});
        assert_eq!(display_name(StoreName::Cadres, &a), "张三");
        assert_eq!(
            display_name(StoreName::Questions, &json!({"stem": "题"})),
            "题"
        );
        assert_eq!(
            display_name(
                StoreName::Attempts,
                &json!({"meta": {"id": "84fd0959-1111-2222-3333-444455556666"}})
            ),
            "编号 84fd0959"
        );
    }

    #[test]
    fn village_records_are_named_as_people_know_them() {
        let log = json!({"meta": {"id": "84fd0959-1111"}, "date": "2026-11-02", "village": "东村",
            "role": "reporter", "writer": {"name": "王五", "unit": "综治办"}, "done": "走访"});
        assert_eq!(
            display_name(StoreName::VillageLogs, &log),
            "2026年11月2日 东村 报告员（王五）"
        );
        let request = json!({"person": "张小明", "matter": "证明开具", "received": "2026-11-03"});
        assert_eq!(
            display_name(StoreName::ServiceLedger, &request),
            "张小明：证明开具（2026年11月3日 受理）"
        );
        let posting = json!({"village": "西村", "start": "2026-01-01"});
        assert_eq!(
            display_name(StoreName::ResidentCadres, &posting),
            "西村 驻村（2026年1月1日 起）"
        );
    }
}
