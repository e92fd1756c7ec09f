use chrono::DateTime;
use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;
use crate::sorted::{SortedMap, SortedSet};

fn t(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_000_000 + secs, 0).unwrap_or_default()
}

fn dev(s: &str) -> DeviceId {
    DeviceId(s.into())
}

fn meta(v: &Value) -> Meta {
    meta_of(v).unwrap_or_else(|| panic!("no meta in {v}"))
}

/// A task as the secretary made it and sent it to a member.
fn task() -> Value {
    let m = Meta::new(&dev("secretary"), t(0));
    json!({"meta": m, "title": "李家村路基", "due": "2026-12-10", "progress": 0, "notes": ""})
}

fn edit(record: &Value, device: &str, changes: &[(&str, Value)]) -> Value {
    let mut edited = record.clone();
    for (k, v) in changes {
        edited[*k] = v.clone();
    }
    stamp_edit(Some(record), edited, &dev(device), t(60)).unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn edits_to_different_fields_merge_by_themselves() {
    let base = task();
    let secretary = edit(&base, "secretary", &[("due", json!("2026-12-15"))]);
    let member = edit(
        &base,
        "member",
        &[("progress", json!(40)), ("notes", json!("已检查6家"))],
    );
    let m = merge(&secretary, &meta(&secretary), &member, &meta(&member));
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(
        m.value["due"], "2026-12-15",
        "the secretary's new deadline stays"
    );
    assert_eq!(m.value["progress"], 40, "the member's progress comes in");
    assert_eq!(m.value["notes"], "已检查6家");
    let other_way = merge(&member, &meta(&member), &secretary, &meta(&secretary));
    assert_eq!(other_way, m);
}

#[test]
fn the_same_field_changed_on_both_sides_is_a_conflict_settled_per_field() {
    let base = task();
    let li = edit(
        &base,
        "li",
        &[
            ("progress", json!(40)),
            ("notes", json!("李四：已约验收组")),
        ],
    );
    let zhao = edit(
        &base,
        "zhao",
        &[("progress", json!(50)), ("due", json!("2026-12-20"))],
    );
    let m = merge(&li, &meta(&li), &zhao, &meta(&zhao));
    assert_eq!(m.conflicts, vec!["progress".to_string()]);
    assert_eq!(m.value["due"], "2026-12-20");
    assert_eq!(m.value["notes"], "李四：已约验收组");
    let settled = settle(&m, &zhao, |_| Side::Incoming, &dev("secretary"), t(120));
    assert_eq!(settled["progress"], 50);
    // The settled record is newer than both copies, so neither brings the old value back.
    let body = |v: &Value| {
        let mut v = v.clone();
        v.as_object_mut().map(|o| o.remove("meta"));
        v
    };
    for side in [&li, &zhao] {
        let again = merge(&settled, &meta(&settled), side, &meta(side));
        assert!(again.conflicts.is_empty());
        assert_eq!(body(&again.value), body(&settled));
        assert_eq!(meta(&again.value).versions, meta(&settled).versions);
    }
}

#[test]
fn an_edit_from_a_stale_copy_is_refused() {
    let base = task();
    let first_tab = edit(&base, "me", &[("notes", json!("第一个标签页"))]);
    let mut second_tab = base.clone();
    second_tab["notes"] = json!("第二个标签页");
    assert_eq!(
        stamp_edit(Some(&first_tab), second_tab, &dev("me"), t(90)),
        Err(EditError::Stale)
    );
}

#[test]
fn a_new_record_counts_one_edit_and_no_changed_fields() {
    let mut fresh = task();
    fresh["meta"] = serde_json::to_value(Meta::unsaved(t(0))).unwrap_or(Value::Null);
    let saved = stamp_edit(None, fresh, &dev("me"), t(0)).unwrap_or_default();
    assert_eq!(meta(&saved).rev, 1);
    assert!(meta(&saved).fields.is_empty());
}

#[test]
fn records_from_before_fields_were_tracked_merge_as_before() {
    let base = task();
    let mut newer = base.clone();
    newer["progress"] = json!(60);
    let mut m = meta(&base);
    m.touch(&dev("member"), t(30));
    newer["meta"] = serde_json::to_value(&m).unwrap_or(Value::Null);
    let merged = merge(&base, &meta(&base), &newer, &meta(&newer));
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.value["progress"], 60);
}

#[test]
fn a_field_left_out_is_the_same_as_one_written_empty() {
    // A question saved by an earlier version writes its empty fields; this one leaves them out.
    let m = Meta::new(&dev("secretary"), t(0));
    let written = json!({"meta": m, "stem": "问", "tags": [], "source": "", "deleted": false,
        "explanation": "", "finished_on": null, "extra": {}});
    let left_out = json!({"meta": m, "stem": "问"});
    assert!(same_body(&written, &left_out));
    assert!(changed_fields(&written, &left_out).is_empty());
    let merged = merge(&written, &meta(&written), &left_out, &meta(&left_out));
    assert!(merged.conflicts.is_empty());
    // An edit on each side still comes through, and a real value is never "empty".
    let tagged = edit(&left_out, "member", &[("tags", json!(["作风"]))]);
    let restemmed = edit(&written, "secretary", &[("stem", json!("新问"))]);
    let merged = merge(&restemmed, &meta(&restemmed), &tagged, &meta(&tagged));
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(merged.value["tags"], json!(["作风"]));
    assert_eq!(merged.value["stem"], "新问");
    for filled in [
        json!(0),
        json!(true),
        json!("x"),
        json!([0]),
        json!({"a": 1}),
    ] {
        let mut with = left_out.clone();
        with["extra"] = filled.clone();
        assert!(!same_body(&with, &left_out), "{filled}");
        assert_eq!(changed_fields(&left_out, &with), vec!["extra".to_string()]);
    }
}

// ---- any two edit histories ----

const FIELDS: [&str; 3] = ["a", "b", "c"];

#[derive(Debug, Clone)]
enum Op {
    Edit {
        replica: usize,
        field: usize,
        value: u8,
    },
    Sync {
        into: usize,
    },
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    prop::collection::vec(
        prop_oneof![
            (0..2usize, 0..3usize, 0..4u8).prop_map(|(replica, field, value)| Op::Edit {
                replica,
                field,
                value
            }),
            (0..2usize).prop_map(|into| Op::Sync { into }),
        ],
        0..24,
    )
}

/// An independent model: every edit has an id; a replica knows the set of edits it has seen and,
/// per field, its value and the edits that gave it that value (two edits that set the same value
/// on two computers both do).
#[derive(Clone, Default)]
struct Model {
    seen: SortedSet<u32>,
    field: SortedMap<usize, (SortedSet<u32>, u8)>,
}

/// Whether `y` has seen the edit behind `x`'s value of field `f`.
fn has_seen(y: &Model, x: &Model, f: usize) -> bool {
    !y.seen.is_disjoint(&x.field[&f].0)
}

fn model_conflicts(x: &Model, y: &Model) -> Vec<String> {
    (0..3)
        .filter(|&f| x.field[&f].1 != y.field[&f].1 && !has_seen(x, y, f) && !has_seen(y, x, f))
        .map(|f| FIELDS[f].to_string())
        .collect()
}

/// The merged value of field `f` with no conflict, and the edits behind it.
fn model_merge(x: &Model, y: &Model, f: usize) -> (SortedSet<u32>, u8) {
    let ((ex, vx), (ey, vy)) = (&x.field[&f], &y.field[&f]);
    if vx == vy {
        // The value rests on each computer's latest edit that set it (a computer's later edit
        // has seen its earlier ones); the value the record was made with (edit 0) only stands
        // alone. Edit ids are 2k + 2 for computer 0 and 2k + 3 for computer 1.
        let both: SortedSet<u32> = ex | ey;
        let latest: SortedSet<u32> = (0..2)
            .filter_map(|r| {
                both.iter()
                    .filter(|&&e| e != 0 && e % 2 == r)
                    .max()
                    .copied()
            })
            .collect();
        (if latest.is_empty() { both } else { latest }, *vx)
    } else if has_seen(y, x, f) {
        (ey.clone(), *vy)
    } else {
        (ex.clone(), *vx)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    #[test]
    fn merges_commute_are_idempotent_and_lose_no_edit(ops in ops()) {
        let devices = [dev("a"), dev("b")];
        let base = json!({"meta": Meta::new(&dev("o"), t(0)), "a": 0, "b": 0, "c": 0});
        let mut replicas = [base.clone(), base];
        let start = Model { seen: SortedSet::from([0]), field: (0..3).map(|f| (f, (SortedSet::from([0]), 0))).collect() };
        let mut models = [start.clone(), start];
        let mut counters = [0u32, 0u32];
        let mut new_edit = |replica: usize| {
            counters[replica] += 1;
            counters[replica] * 2 + replica as u32
        };
        for (step, op) in ops.into_iter().enumerate() {
            let now = t(step as i64);
            match op {
                Op::Edit { replica, field, value } => {
                    let mut edited = replicas[replica].clone();
                    edited[FIELDS[field]] = json!(value);
                    replicas[replica] = stamp_edit(Some(&replicas[replica]), edited, &devices[replica], now)
                        .unwrap_or_else(|e| panic!("{e:?}"));
                    let m = &mut models[replica];
                    if m.field[&field].1 != value {
                        let e = new_edit(replica);
                        m.seen.insert(e);
                        m.field.insert(field, (SortedSet::from([e]), value));
                    }
                }
                Op::Sync { into } => {
                    let from = 1 - into;
                    let (x, y) = (&replicas[into], &replicas[from]);
                    let merged = merge(x, &meta(x), y, &meta(y));
                    prop_assert_eq!(&merged.conflicts, &model_conflicts(&models[into], &models[from]));
                    for (f, name) in FIELDS.iter().enumerate() {
                        if !merged.conflicts.contains(&name.to_string()) {
                            prop_assert_eq!(&merged.value[*name], &json!(model_merge(&models[into], &models[from], f).1));
                        }
                    }
                    // The user keeps this side's value for each conflicting field.
                    let result = settle(&merged, y, |_| Side::Local, &devices[into], now);
                    let (mx, my) = (models[into].clone(), models[from].clone());
                    let mut m = Model { seen: &mx.seen | &my.seen, field: SortedMap::new() };
                    for (f, name) in FIELDS.iter().enumerate() {
                        if merged.conflicts.contains(&name.to_string()) {
                            let e = new_edit(into);
                            m.seen.insert(e);
                            m.field.insert(f, (SortedSet::from([e]), mx.field[&f].1));
                        } else {
                            m.field.insert(f, model_merge(&mx, &my, f));
                        }
                    }
                    models[into] = m;
                    replicas[into] = result;
                }
            }
        }
        let (a, b) = (&replicas[0], &replicas[1]);
        let ab = merge(a, &meta(a), b, &meta(b));
        let ba = merge(b, &meta(b), a, &meta(a));
        prop_assert_eq!(&ab.conflicts, &ba.conflicts);
        if ab.conflicts.is_empty() {
            prop_assert_eq!(&ab.value, &ba.value, "commutative");
            let again = merge(&ab.value, &meta(&ab.value), a, &meta(a));
            prop_assert!(again.conflicts.is_empty());
            prop_assert_eq!(&again.value, &ab.value, "merging what it already has changes nothing");
            let twice = merge(&ab.value, &meta(&ab.value), &ab.value, &meta(&ab.value));
            prop_assert_eq!(&twice.value, &ab.value, "idempotent");
        }
    }
}
