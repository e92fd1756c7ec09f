//! File-format round trips, one test per kind of bad file, and every merge decision.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::envelope::*;
use super::error::FileError;
use super::merge::{plan, Decision, LocalRecord, MergeError, Resolution};
use super::validate::{check_references, read_file, IncomingRecord};
use crate::record::{DeviceId, Meta};
use crate::roster::model::{Cadre, CadreFields};
use crate::sorted::SortedMap;
use crate::store::schema::StoreName;

fn t(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_000_000 + secs, 0).unwrap_or_default()
}

fn me() -> DeviceId {
    DeviceId("aaaa".into())
}

fn them() -> DeviceId {
    DeviceId("bbbb".into())
}

fn exporter() -> Exporter {
    Exporter {
        name: "张三".into(),
        unit: "党政办".into(),
        post: "秘书".into(),
        device_id: me(),
    }
}

fn cadre(name: &str) -> Cadre {
    Cadre::new(
        Meta::new(&me(), t(0)),
        CadreFields {
            name: name.into(),
            unit: "党政办".into(),
            post: String::new(),
            phone: String::new(),
        },
    )
}

fn to_value(c: &Cadre) -> Value {
    serde_json::to_value(c).unwrap_or(Value::Null)
}

fn backup(records: SortedMap<String, Vec<Value>>) -> Envelope {
    Envelope::new(FileKind::Backup, exporter(), t(0), records)
}

fn backup_of(cadres: &[Cadre]) -> Envelope {
    let mut records = SortedMap::new();
    records.insert("cadres".to_string(), cadres.iter().map(to_value).collect());
    backup(records)
}

fn read(envelope_json: &str) -> Result<super::validate::ValidFile, FileError> {
    read_file(envelope_json.as_bytes(), FileKind::Backup)
}

/// The file with one header field replaced.
fn with_field(field: &str, value: Value) -> String {
    let mut v = serde_json::to_value(backup_of(&[cadre("张三")])).unwrap_or(Value::Null);
    v[field] = value;
    v.to_string()
}

#[test]
fn a_backup_round_trips_exactly() {
    let cadres = vec![cadre("张三"), cadre("李四")];
    let envelope = backup_of(&cadres);
    let file = read(&envelope.to_json()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(file.kind, FileKind::Backup);
    assert_eq!(file.exported_by, exporter());
    let back: Vec<Cadre> = file
        .records
        .iter()
        .filter_map(|r| serde_json::from_value(r.value.clone()).ok())
        .collect();
    assert_eq!(back, cadres);
}

#[test]
fn records_of_stores_without_a_module_yet_are_refused() {
    let huge = json!({"meta": Meta::new(&me(), t(0)), "note": "x".repeat(10_000)});
    let mut records = SortedMap::new();
    records.insert("awards".to_string(), vec![huge]);
    match read(&backup(records).to_json()) {
        Err(FileError::InvalidRecords { problems, .. }) => {
            assert!(
                problems[0].reason.contains("本版本还不能导入"),
                "{:?}",
                problems[0]
            );
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn unknown_fields_are_dropped_not_stored() {
    let mut value = to_value(&cadre("张三"));
    value["smuggled"] = json!("<script>alert(1)</script>");
    let mut records = SortedMap::new();
    records.insert("cadres".to_string(), vec![value]);
    let file = read(&backup(records).to_json()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(file.records[0].value.get("smuggled"), None);
    assert_eq!(file.records[0].value["name"], "张三");
}

#[test]
fn ids_in_any_spelling_are_stored_in_one_canonical_form() {
    let original = cadre("张三");
    let canonical = original.meta.id.to_string();
    let spellings = [
        canonical.to_ascii_uppercase(),
        original.meta.id.simple().to_string(),
        format!("{{{canonical}}}"),
        format!("urn:uuid:{canonical}"),
    ];
    for spelling in spellings {
        let mut value = to_value(&original);
        value["meta"]["id"] = json!(spelling);
        let mut records = SortedMap::new();
        records.insert("cadres".to_string(), vec![value]);
        let file = read(&backup(records).to_json()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.records[0].meta.id, original.meta.id, "{spelling}");
        assert_eq!(
            file.records[0].value["meta"]["id"],
            json!(canonical),
            "{spelling}"
        );
    }
    // Two spellings of one id in one file are the same record twice.
    let mut upper = to_value(&original);
    upper["meta"]["id"] = json!(canonical.to_ascii_uppercase());
    let mut records = SortedMap::new();
    records.insert("cadres".to_string(), vec![to_value(&original), upper]);
    match read(&backup(records).to_json()) {
        Err(FileError::InvalidRecords { problems, .. }) => {
            assert!(problems[0].reason.contains("重复"), "{:?}", problems[0]);
        }
        other => panic!("expected a duplicate, got {other:?}"),
    }
}

#[test]
fn the_nil_id_is_refused() {
    let mut value = to_value(&cadre("张三"));
    value["meta"]["id"] = json!(uuid::Uuid::nil().to_string());
    let mut records = SortedMap::new();
    records.insert("cadres".to_string(), vec![value]);
    assert!(matches!(
        read(&backup(records).to_json()),
        Err(FileError::InvalidRecords { .. })
    ));
}

#[test]
fn format_version_zero_is_refused() {
    assert!(matches!(
        read(&with_field("format_version", json!(0))),
        Err(FileError::BadHeader(_))
    ));
}

#[test]
fn a_refusal_quotes_no_more_than_the_start_of_an_oversized_field() {
    let mut value = to_value(&cadre("张三"));
    value["name"] = json!(["x".repeat(1_000_000)]);
    let mut records = SortedMap::new();
    records.insert("cadres".to_string(), vec![value; 60]);
    let message = read(&backup(records).to_json())
        .err()
        .map(|e| e.user_message())
        .unwrap_or_default();
    assert!(message.len() < 20_000, "{} bytes", message.len());
    assert!(message.contains("另有 10 条问题未列出"), "{message}");
}

#[test]
fn an_empty_file_is_refused() {
    assert_eq!(read(""), Err(FileError::Empty));
    assert_eq!(read("  \n"), Err(FileError::Empty));
}

#[test]
fn a_file_too_large_is_refused_before_parsing() {
    assert_eq!(
        super::validate::check_size(MAX_FILE_BYTES + 1),
        Err(FileError::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        })
    );
}

#[test]
fn a_truncated_file_is_refused() {
    let json = backup_of(&[cadre("张三")]).to_json();
    assert_eq!(read(&json[..json.len() / 2]), Err(FileError::Truncated));
}

#[test]
fn a_binary_file_is_refused() {
    assert_eq!(
        read_file(&[0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe], FileKind::Backup),
        Err(FileError::NotText)
    );
}

#[test]
fn broken_json_reports_where() {
    assert_eq!(
        read("{\"format\": zuofeng}"),
        Err(FileError::NotJson {
            line: 1,
            column: 12
        })
    );
}

#[test]
fn json_from_another_program_is_refused() {
    assert_eq!(read("[1,2,3]"), Err(FileError::NotZuofeng));
    assert_eq!(read("{\"name\":\"x\"}"), Err(FileError::NotZuofeng));
}

#[test]
fn a_file_from_a_newer_format_is_refused() {
    assert_eq!(
        read(&with_field("format_version", json!(FORMAT_VERSION + 1))),
        Err(FileError::NewerFormat {
            found: u64::from(FORMAT_VERSION) + 1
        })
    );
}

#[test]
fn a_file_that_needs_a_newer_app_is_refused_even_if_its_records_changed_shape() {
    let mut v: Value = serde_json::from_str(&with_field("min_app_version", json!("99.0.0")))
        .unwrap_or(Value::Null);
    v["records"] = json!("a layout this version does not know");
    assert_eq!(
        read(&v.to_string()),
        Err(FileError::NeedsNewerApp {
            required: "99.0.0".into()
        })
    );
}

#[test]
fn a_file_of_another_kind_says_where_it_belongs() {
    let err = read(&with_field("kind", json!("answer_sheet")));
    assert_eq!(
        err,
        Err(FileError::WrongKind {
            expected: FileKind::Backup,
            found: FileKind::AnswerSheet
        })
    );
    let msg = err.err().map(|e| e.user_message()).unwrap_or_default();
    assert!(msg.contains("学习测验"), "{msg}");
}

#[test]
fn an_unknown_kind_is_refused() {
    assert_eq!(
        read(&with_field("kind", json!("hologram"))),
        Err(FileError::UnknownKind("hologram".into()))
    );
}

#[test]
fn a_missing_header_field_is_refused() {
    let mut v: Value = serde_json::from_str(&backup_of(&[]).to_json()).unwrap_or(Value::Null);
    if let Some(o) = v.as_object_mut() {
        o.remove("exported_by");
    }
    let refused = read(&v.to_string());
    assert!(matches!(refused, Err(FileError::BadHeader(_))));
    assert_eq!(
        refused.map(|_| ()).map_err(|e| e.user_message()),
        Err("文件头信息有误：缺少“导出人”，文件可能被修改过。请让对方重新导出。".into())
    );
}

#[test]
fn an_unknown_store_is_refused() {
    let mut records = SortedMap::new();
    records.insert("spaceships".to_string(), vec![]);
    assert_eq!(
        read(&backup(records).to_json()),
        Err(FileError::UnknownStore("spaceships".into()))
    );
    let mut records = SortedMap::new();
    records.insert("settings".to_string(), vec![]);
    assert_eq!(
        read(&backup(records).to_json()),
        Err(FileError::StoreNotAllowed {
            kind: FileKind::Backup,
            store: StoreName::Settings
        })
    );
}

#[test]
fn every_bad_record_is_listed_with_its_position() {
    let good = to_value(&cadre("张三"));
    let mut nameless = to_value(&cadre("李四"));
    nameless["name"] = json!("");
    let mut no_meta = to_value(&cadre("王五"));
    if let Some(o) = no_meta.as_object_mut() {
        o.remove("meta");
    }
    let mut tampered = to_value(&cadre("赵六"));
    tampered["meta"]["rev"] = json!(7);
    let mut records = SortedMap::new();
    records.insert(
        "cadres".to_string(),
        vec![
            good.clone(),
            nameless,
            no_meta,
            json!("text"),
            good,
            tampered,
        ],
    );
    match read(&backup(records).to_json()) {
        Err(FileError::InvalidRecords { problems, total }) => {
            assert_eq!(total, 5);
            let positions: Vec<usize> = problems.iter().map(|p| p.position).collect();
            assert_eq!(positions, vec![2, 3, 4, 5, 6]);
            assert!(
                problems[0].reason.contains("姓名"),
                "{}",
                problems[0].reason
            );
            assert!(
                problems[3].reason.contains("重复"),
                "{}",
                problems[3].reason
            );
            // Named as people know them; by position only when a record names nobody.
            assert!(
                problems[0].describe().starts_with("干部第 2 条："),
                "{}",
                problems[0].describe()
            );
            assert!(
                problems[1].describe().starts_with("干部“王五”："),
                "{}",
                problems[1].describe()
            );
            assert!(
                problems[2].describe().starts_with("干部第 4 条："),
                "{}",
                problems[2].describe()
            );
        }
        other => panic!("expected InvalidRecords, got {other:?}"),
    }
}

fn line_and_task(lead: &Cadre, owner: uuid::Uuid) -> (Value, Value) {
    let line = json!({"meta": Meta::new(&me(), t(0)), "name": "道路硬化", "lead": lead.meta.id,
        "members": [lead.meta.id], "start": "2026-11-01", "deadline": "2026-12-31"});
    let task = json!({"meta": Meta::new(&me(), t(0)), "line_id": line["meta"]["id"].clone(),
        "title": "路基", "owners": [owner], "due": "2026-12-01"});
    (line, task)
}

#[test]
fn references_must_point_at_the_file_or_this_browser() {
    let lead = cadre("张镇长");
    let elsewhere = uuid::Uuid::new_v4();
    let (line, task) = line_and_task(&lead, elsewhere);
    let mut records = SortedMap::new();
    records.insert("cadres".to_string(), vec![to_value(&lead)]);
    records.insert("work_lines".to_string(), vec![line]);
    records.insert("tasks".to_string(), vec![task]);
    let file = read(&backup(records).to_json()).unwrap_or_else(|e| panic!("{e}"));
    // The owner is a person already on this browser's roster.
    let local = |s: StoreName, id: &uuid::Uuid| s == StoreName::Cadres && *id == elsewhere;
    assert!(check_references(&file, local).is_ok());
    // The owner is nobody: the task is refused, naming what it points at.
    match check_references(&file, |_, _| false) {
        Err(FileError::InvalidRecords { problems, .. }) => {
            assert_eq!(problems.len(), 1);
            assert_eq!(problems[0].store, "tasks");
            assert!(problems[0].reason.contains("干部"), "{:?}", problems[0]);
        }
        other => panic!("expected a broken reference, got {other:?}"),
    }
}

#[test]
fn a_line_whose_lead_is_nobody_is_refused() {
    let lead = cadre("张镇长");
    let (line, _) = line_and_task(&lead, lead.meta.id);
    let mut records = SortedMap::new();
    records.insert("work_lines".to_string(), vec![line]);
    let file = read(&backup(records).to_json()).unwrap_or_else(|e| panic!("{e}"));
    match check_references(&file, |_, _| false) {
        // Once as the lead, once as a member.
        Err(FileError::InvalidRecords { problems, .. }) => assert_eq!(problems.len(), 2),
        other => panic!("expected broken references, got {other:?}"),
    }
}

// ---- merge decisions ----

fn incoming(c: &Cadre) -> IncomingRecord {
    IncomingRecord {
        store: StoreName::Cadres,
        meta: c.meta.clone(),
        value: to_value(c),
    }
}

fn local_map(cadres: &[&Cadre]) -> HashMap<(StoreName, uuid::Uuid), LocalRecord> {
    cadres
        .iter()
        .map(|c| {
            (
                (StoreName::Cadres, c.meta.id),
                LocalRecord {
                    meta: c.meta.clone(),
                    value: to_value(c),
                },
            )
        })
        .collect()
}

fn edited(c: &Cadre, device: &DeviceId, post: &str) -> Cadre {
    let mut c = c.clone();
    c.post = post.into();
    c.meta.touch(device, t(60));
    c
}

#[test]
fn merge_decides_new_newer_older_identical_and_conflict() {
    let base = cadre("张三");
    let ours_newer = edited(&base, &me(), "主任");
    let theirs_newer = edited(&base, &them(), "副主任");
    let brand_new = cadre("李四");

    let decide = |inc: &Cadre, ours: &Cadre| {
        plan(vec![incoming(inc)], &local_map(&[ours])).items[0].decision
    };
    assert_eq!(
        plan(vec![incoming(&brand_new)], &local_map(&[&base])).items[0].decision,
        Decision::New
    );
    assert_eq!(decide(&theirs_newer, &base), Decision::Newer);
    assert_eq!(decide(&base, &ours_newer), Decision::Older);
    assert_eq!(decide(&base, &base), Decision::Identical);
    assert_eq!(decide(&theirs_newer, &ours_newer), Decision::Conflict);
    // Both sides made the same change: nothing to choose.
    assert_eq!(
        decide(&edited(&base, &them(), "主任"), &ours_newer),
        Decision::Identical
    );
    // Same version, different content: damaged somewhere, never guessed.
    let mut forged = base.clone();
    forged.post = "局长".into();
    assert_eq!(decide(&forged, &base), Decision::Conflict);
}

#[test]
fn a_newer_record_is_written_and_an_older_one_is_not() {
    let base = cadre("张三");
    let theirs = edited(&base, &them(), "副主任");
    let p = plan(vec![incoming(&theirs)], &local_map(&[&base]));
    let writes = p
        .writes(&HashMap::new(), &me(), t(120), uuid::Uuid::new_v4)
        .unwrap_or_default();
    assert_eq!(writes, vec![(StoreName::Cadres, to_value(&theirs))]);

    let p = plan(vec![incoming(&base)], &local_map(&[&theirs]));
    assert_eq!(
        p.writes(&HashMap::new(), &me(), t(120), uuid::Uuid::new_v4),
        Ok(vec![])
    );
}

#[test]
fn conflicts_must_be_settled_before_writing() {
    let base = cadre("张三");
    let ours = edited(&base, &me(), "主任");
    let theirs = edited(&base, &them(), "副主任");
    let p = plan(vec![incoming(&theirs)], &local_map(&[&ours]));
    assert_eq!(p.count(Decision::Conflict), 1);
    assert_eq!(
        p.writes(&HashMap::new(), &me(), t(120), uuid::Uuid::new_v4),
        Err(MergeError::Unresolved(1))
    );
}

#[test]
fn a_settled_conflict_is_newer_than_both_sides() {
    let base = cadre("张三");
    let ours = edited(&base, &me(), "主任");
    let theirs = edited(&base, &them(), "副主任");
    let p = plan(vec![incoming(&theirs)], &local_map(&[&ours]));
    for (resolution, expected_post) in [
        (Resolution::TakeIncoming, "副主任"),
        (Resolution::KeepLocal, "主任"),
    ] {
        let choice: HashMap<_, _> = [((StoreName::Cadres, base.meta.id), resolution)].into();
        let writes = p
            .writes(&choice, &me(), t(120), uuid::Uuid::new_v4)
            .unwrap_or_default();
        assert_eq!(writes.len(), 1);
        let settled: Cadre =
            serde_json::from_value(writes[0].1.clone()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(settled.post, expected_post);
        assert_eq!(settled.meta.id, base.meta.id);
        assert!(settled.meta.is_consistent());
        // Sent back to the other side, the settled record is simply newer there.
        let back = plan(vec![incoming(&settled)], &local_map(&[&theirs]));
        assert_eq!(back.items[0].decision, Decision::Newer);
        let back = plan(vec![incoming(&settled)], &local_map(&[&ours]));
        assert_eq!(back.items[0].decision, Decision::Newer);
    }
}

#[test]
fn each_conflicting_field_can_be_settled_on_its_own() {
    let base = cadre("张三");
    let both = |device: &DeviceId, post: &str, phone: &str| {
        let mut c = base.clone();
        c.post = post.into();
        c.phone = phone.into();
        c.meta.touch(device, t(60));
        c.meta.mark_changed(device, ["post", "phone"]);
        c
    };
    let ours = both(&me(), "主任", "111");
    let theirs = both(&them(), "副主任", "222");
    let p = plan(vec![incoming(&theirs)], &local_map(&[&ours]));
    let key = (StoreName::Cadres, base.meta.id);
    let conflicts = p.items[0]
        .merged
        .as_ref()
        .map(|m| m.conflicts.clone())
        .unwrap_or_default();
    assert_eq!(conflicts, vec!["phone".to_string(), "post".to_string()]);
    // 电话 from the file, 职务 kept as here: the record's choice fills what was not chosen.
    let records: HashMap<_, _> = [(key, Resolution::KeepLocal)].into();
    let fields: super::merge::FieldChoices = [(
        key,
        [("phone".to_string(), super::fields::Side::Incoming)].into(),
    )]
    .into();
    let writes = p
        .writes_choosing(&records, &fields, &me(), t(120), uuid::Uuid::new_v4)
        .unwrap_or_default();
    let settled: Cadre =
        serde_json::from_value(writes[0].1.clone()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (settled.post.as_str(), settled.phone.as_str()),
        ("主任", "222")
    );
    let back = plan(vec![incoming(&settled)], &local_map(&[&theirs]));
    assert_eq!(back.items[0].decision, Decision::Newer);
}

#[test]
fn keeping_both_loses_neither_version() {
    let base = cadre("张三");
    let ours = edited(&base, &me(), "主任");
    let theirs = edited(&base, &them(), "副主任");
    let p = plan(vec![incoming(&theirs)], &local_map(&[&ours]));
    let choice: HashMap<_, _> = [((StoreName::Cadres, base.meta.id), Resolution::KeepBoth)].into();
    let copy_id = uuid::Uuid::new_v4();
    let writes = p
        .writes(&choice, &me(), t(120), || copy_id)
        .unwrap_or_default();
    let cadres: Vec<Cadre> = writes
        .iter()
        .filter_map(|(_, v)| serde_json::from_value(v.clone()).ok())
        .collect();
    assert_eq!(cadres.len(), 2);
    assert_eq!(
        (cadres[0].meta.id, cadres[0].post.as_str()),
        (base.meta.id, "主任")
    );
    assert_eq!(
        (cadres[1].meta.id, cadres[1].post.as_str()),
        (copy_id, "副主任")
    );
}

#[test]
fn restoring_into_an_empty_browser_writes_every_record_unchanged() {
    let cadres = vec![cadre("张三"), cadre("李四")];
    let file = read(&backup_of(&cadres).to_json()).unwrap_or_else(|e| panic!("{e}"));
    let p = plan(file.records, &HashMap::new());
    assert_eq!(p.count(Decision::New), 2);
    let writes = p
        .writes(&HashMap::new(), &me(), t(120), uuid::Uuid::new_v4)
        .unwrap_or_default();
    let values: Vec<Value> = writes.into_iter().map(|(_, v)| v).collect();
    assert_eq!(values, cadres.iter().map(to_value).collect::<Vec<_>>());
}

// ---- records no file may change ----

fn quiz_made_by(device: &DeviceId) -> crate::quiz::paper::Quiz {
    use crate::quiz::model::{Answer, QuestionKind};
    use crate::quiz::paper::{PaperQuestion, Quiz, QuizMode, Reveal};
    Quiz {
        meta: Meta::new(device, t(0)),
        title: "上半年测验".into(),
        mode: QuizMode::Exam,
        paper: vec![PaperQuestion {
            question_id: uuid::Uuid::new_v4(),
            kind: QuestionKind::TrueFalse,
            stem: "诫勉对象应在5日内写出整改措施".into(),
            options: vec![],
            points: 2000,
            answer: Some(Answer::TrueFalse(true)),
            explanation: None,
            blanks: 0,
        }],
        pass_mark: 1200,
        time_limit_minutes: Some(30),
        opens: None,
        closes: None,
        shuffle_questions: false,
        shuffle_options: false,
        seed: 1,
        reveal: Reveal::ScoreOnly,
        deleted: false,
        author: Some(device.clone()),
        sent_at: None,
        codes: Default::default(),
    }
}

fn quiz_record(q: &crate::quiz::paper::Quiz) -> IncomingRecord {
    IncomingRecord {
        store: StoreName::Quizzes,
        meta: q.meta.clone(),
        value: serde_json::to_value(q).unwrap_or(Value::Null),
    }
}

fn quiz_plan(
    ours: &crate::quiz::paper::Quiz,
    theirs: &crate::quiz::paper::Quiz,
    here: &DeviceId,
) -> super::merge::MergePlan {
    let local = HashMap::from([(
        (StoreName::Quizzes, ours.meta.id),
        LocalRecord {
            meta: ours.meta.clone(),
            value: serde_json::to_value(ours).unwrap_or(Value::Null),
        },
    )]);
    let mut p = plan(vec![quiz_record(theirs)], &local);
    p.protect(here);
    p
}

#[test]
fn a_forged_newer_package_cannot_replace_the_answer_key_where_the_quiz_was_made() {
    let ours = quiz_made_by(&me());
    let mut forged = ours.clone();
    forged.paper[0].answer = Some(crate::quiz::model::Answer::TrueFalse(false));
    forged.meta.touch(&me(), t(60)); // the secretary's own device id, copied into the file
    forged.meta.touch(&them(), t(60));
    let p = quiz_plan(&ours, &forged, &me());
    assert_eq!(p.items[0].decision, Decision::Protected);
    let writes = p
        .writes(&HashMap::new(), &me(), t(120), uuid::Uuid::new_v4)
        .unwrap_or_default();
    assert!(writes.is_empty(), "nothing is written over the quiz");
}

#[test]
fn a_copy_without_the_key_never_replaces_one_with_it() {
    // A cadre's backup holds the exam package: the same quiz without its answers.
    let ours = quiz_made_by(&them());
    let mut copy = ours.for_package();
    copy.meta.touch(&them(), t(60));
    assert!(!copy.has_answer_key());
    let p = quiz_plan(&ours, &copy, &me());
    assert_eq!(p.items[0].decision, Decision::Protected);
}

#[test]
fn a_received_quiz_still_takes_its_authors_updates() {
    // On a cadre's computer: a practice quiz from the secretary, updated by the secretary.
    let received = quiz_made_by(&them());
    let mut update = received.clone();
    update.title = "上半年测验（修订）".into();
    update.meta.touch(&them(), t(60));
    let p = quiz_plan(&received, &update, &me());
    assert_eq!(p.items[0].decision, Decision::Newer);
}

/// A backup with a round and its paper ballots, as the office's own browser writes it.
fn round_backup(numbers: &[u32]) -> (Value, Vec<Value>) {
    use crate::assessment::model::{Ballot, Evaluation, Source, Vote};
    let who = cadre("赵一");
    let round = Evaluation::new(
        Meta::new(&me(), t(0)),
        2026,
        "2026年度评议",
        vec![who.meta.id],
        Evaluation::default_groups(),
    );
    let ballots = numbers
        .iter()
        .map(|n| Ballot {
            meta: Meta::new(&me(), t(1)),
            evaluation_id: round.meta.id,
            group: 1,
            number: *n,
            source: Source::Paper,
            votes: [(who.meta.id, Vote::Excellent)].into(),
            void: false,
            slip: None,
            round_version: None,
        })
        .map(|b| serde_json::to_value(b).unwrap_or(Value::Null))
        .collect();
    let mut records = SortedMap::new();
    records.insert("cadres".to_string(), vec![to_value(&who)]);
    records.insert(
        "evaluations".to_string(),
        vec![serde_json::to_value(round).unwrap_or(Value::Null)],
    );
    (
        serde_json::to_value(backup(records)).unwrap_or(Value::Null),
        ballots,
    )
}

fn with_ballots(mut envelope: Value, ballots: Vec<Value>) -> String {
    envelope["records"]["ballots"] = Value::Array(ballots);
    envelope.to_string()
}

#[test]
fn a_whole_backup_restores_into_an_empty_browser_with_its_rounds_and_papers() {
    let (envelope, ballots) = round_backup(&[1, 2, 3]);
    let file = read(&with_ballots(envelope, ballots));
    let file = file.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(super::ballots::check(&file, &HashMap::new()), Ok(()));
}

#[test]
fn a_backup_with_a_forged_or_repeated_paper_number_is_refused_whole() {
    for numbers in [&[1, 4_294_967_295][..], &[2, 2]] {
        let (envelope, ballots) = round_backup(numbers);
        let file = read(&with_ballots(envelope, ballots)).unwrap_or_else(|e| panic!("{e}"));
        let refused = super::ballots::check(&file, &HashMap::new());
        assert!(
            refused
                .as_ref()
                .is_err_and(|e| e.user_message().contains("纸质票")),
            "{numbers:?}: {refused:?}"
        );
    }
}

#[test]
fn a_case_marked_deleted_in_a_file_or_a_merge_is_stored_as_its_tombstone() {
    use crate::admonition::model::Admonition;
    let mut case = crate::admonition::testing::case("2026-11-20");
    case.deleted = true;
    let value = serde_json::to_value(&case).unwrap_or_default();
    let stored = crate::exchange::records::settled(StoreName::Admonitions, value);
    let back: Option<Admonition> = serde_json::from_value(stored).ok();
    assert_eq!(
        back.map(|c| (c.deleted, c.matter, c.cadre)),
        Some((true, String::new(), uuid::Uuid::nil()))
    );
}

#[test]
fn no_text_of_any_store_is_longer_than_the_app_takes() {
    use crate::workline::standup::StandUp;
    let stand_up = |done: String| StandUp {
        meta: Meta::new(&them(), t(10)),
        line_id: uuid::Uuid::new_v4(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default(),
        done,
        planned: String::new(),
        problems: vec![],
    };
    let file = |s: &StandUp| {
        let mut records = SortedMap::new();
        records.insert(
            "stand_ups".to_string(),
            vec![serde_json::to_value(s).unwrap_or_default()],
        );
        backup(records).to_json()
    };
    let longest = stand_up("说".repeat(super::records::MAX_FIELD_CHARS));
    assert!(
        read(&file(&longest)).is_ok(),
        "the longest the app takes is taken"
    );
    let message = read(&file(&stand_up(
        "说".repeat(super::records::MAX_FIELD_CHARS + 1),
    )))
    .err()
    .map(|e| e.user_message())
    .unwrap_or_default();
    assert!(message.contains("“已完成”太长（20001 字"), "{message}");
}

#[test]
fn a_question_saved_by_an_earlier_version_matches_the_same_question_from_a_new_file() {
    // Earlier versions wrote a question's empty fields; this one leaves them out.
    let m = Meta::new(&me(), t(0));
    let earlier = json!({"meta": m, "kind": "single", "stem": "哪项正确", "options": ["甲", "乙"],
        "answer": {"type": "choice", "value": [1]}, "explanation": "", "category": "",
        "difficulty": "medium", "tags": [], "source": "", "deleted": false});
    let mut records = SortedMap::new();
    records.insert("questions".to_string(), vec![earlier.clone()]);
    let file = read(&backup(records).to_json()).unwrap_or_else(|e| panic!("{e}"));
    let now = &file.records[0].value;
    for gone in ["explanation", "category", "tags", "source", "deleted"] {
        assert_eq!(now.get(gone), None, "{gone} is left out while empty");
    }
    assert_eq!(now["difficulty"], "medium");
    let question: crate::quiz::model::Question =
        serde_json::from_value(now.clone()).unwrap_or_else(|e| panic!("{e}"));
    let before: crate::quiz::model::Question =
        serde_json::from_value(earlier.clone()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(question, before);
    let local = HashMap::from([(
        (StoreName::Questions, m.id),
        LocalRecord {
            meta: m.clone(),
            value: earlier,
        },
    )]);
    let plan = plan(file.records, &local);
    assert_eq!(plan.items[0].decision, Decision::Identical);
}

/// A file's records are taken out of it as they are (`read_envelope`), not read through a
/// reader per type: records of the wrong shape are still refused in words.
#[test]
fn records_of_the_wrong_shape_are_refused_in_words() {
    let told = |records: Value| {
        read(&with_field("records", records))
            .map(|_| ())
            .map_err(|e| e.user_message())
    };
    assert_eq!(
        told(json!([])),
        Err("文件头信息有误：其中一项应为一组信息，文件里是列表，文件可能被修改过。请让对方重新导出。".into())
    );
    assert_eq!(
        told(json!({"cadres": {}})),
        Err("文件头信息有误：其中一项应为一组内容（列表），文件里是一组信息，文件可能被修改过。请让对方重新导出。".into())
    );
    assert_eq!(told(json!({"cadres": []})), Ok(()));
}
