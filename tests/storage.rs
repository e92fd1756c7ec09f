//! The storage module against real IndexedDB in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde_json::{json, Value};
use wasm_bindgen_test::*;
use zuofeng::exchange::envelope::{Envelope, Exporter, FileKind};
use zuofeng::exchange::merge::plan;
use zuofeng::exchange::validate::read_file;
use zuofeng::record::{DeviceId, Meta};
use zuofeng::roster::model::{Cadre, CadreFields};
use zuofeng::sorted::SortedMap;
use zuofeng::store::schema::{
    indexes_at, KeyRange, StoreName, DB_VERSION, LOGS_BY_DATE, LOGS_BY_PROBLEMS, LOGS_BY_TALLY,
    LOGS_BY_VILLAGE, LOGS_BY_WRITER, LOGS_OPEN, LOG_TALLIES,
};
use zuofeng::store::settings::{Profile, PROFILE};
use zuofeng::store::{Store, StoreError};
use zuofeng::village::log_tally::{tallies_of, TallyEntry, VillageTally};
use zuofeng::village::resident::{VillageLog, Writer};

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default()
}

fn device() -> DeviceId {
    DeviceId("test-device".into())
}

fn cadre(name: &str) -> Cadre {
    Cadre::new(
        Meta::new(&device(), now()),
        CadreFields {
            name: name.into(),
            unit: "党政办".into(),
            post: String::new(),
            phone: String::new(),
        },
    )
}

fn exporter() -> Exporter {
    Exporter {
        name: "张三".into(),
        unit: "党政办".into(),
        post: String::new(),
        device_id: device(),
    }
}

async fn fresh(name: &str, version: u32) -> Store {
    Store::delete(name).await.expect("delete test database");
    Store::open_version(name, version, || {})
        .await
        .expect("open test database")
}

async fn snapshot(store: &Store) -> SortedMap<StoreName, Vec<Value>> {
    store.read_all().await.expect("read all")
}

#[wasm_bindgen_test]
async fn records_are_written_and_read_back() {
    let store = fresh("zf-test-rw", DB_VERSION).await;
    let (a, b) = (cadre("张三"), cadre("李四"));
    store.put_many(&[a.clone(), b.clone()]).await.expect("put");
    let mut back = store.all::<Cadre>().await.expect("all");
    back.sort_by_key(|c| c.meta.id);
    let mut expected = vec![a.clone(), b.clone()];
    expected.sort_by_key(|c| c.meta.id);
    assert_eq!(back, expected);
    assert_eq!(store.get::<Cadre>(a.meta.id).await.expect("get"), Some(a));
    let counts = store.counts().await.expect("counts");
    assert_eq!(counts.get(&StoreName::Cadres), Some(&2));
    assert_eq!(counts.len(), StoreName::ALL.len());
    store.close();
}

#[wasm_bindgen_test]
async fn settings_are_kept() {
    let store = fresh("zf-test-settings", DB_VERSION).await;
    assert_eq!(store.setting::<Profile>(PROFILE).await.expect("read"), None);
    let p = Profile {
        name: "张三".into(),
        unit: "党政办".into(),
        post: "秘书".into(),
        ..Profile::default()
    };
    store.set_setting(PROFILE, &p).await.expect("write");
    assert_eq!(
        store.setting::<Profile>(PROFILE).await.expect("read"),
        Some(p)
    );
    store.close();
}

#[wasm_bindgen_test]
async fn a_failed_import_leaves_every_store_unchanged() {
    let store = fresh("zf-test-atomic", DB_VERSION).await;
    store.put(&cadre("张三")).await.expect("put");
    let line = json!({"meta": Meta::new(&device(), now()), "name": "道路建设"});
    store
        .write_all(&[(StoreName::WorkLines, line)])
        .await
        .expect("write line");
    let before = snapshot(&store).await;

    // Good records into three stores, then one IndexedDB cannot key: the whole write must fail.
    let writes = vec![
        (
            StoreName::Cadres,
            serde_json::to_value(cadre("李四")).expect("json"),
        ),
        (
            StoreName::Questions,
            json!({"meta": Meta::new(&device(), now()), "stem": "题"}),
        ),
        (
            StoreName::WorkLines,
            json!({"meta": Meta::new(&device(), now()), "name": "新线"}),
        ),
        (StoreName::Tasks, json!({"title": "no meta, no key"})),
    ];
    let result = store.write_all(&writes).await;
    assert!(result.is_err(), "the write should have failed");
    assert_eq!(snapshot(&store).await, before);
    store.close();
}

#[wasm_bindgen_test]
async fn a_backup_restores_exactly_into_an_empty_browser() {
    let source = fresh("zf-test-backup-a", DB_VERSION).await;
    source
        .put_many(&[cadre("张三"), cadre("李四")])
        .await
        .expect("put");
    let line = json!({"meta": Meta::new(&device(), now()), "name": "道路硬化", "goal": "",
        "lead": null, "unit": "", "members": [], "measures": "", "start": "2026-11-01",
        "deadline": "2026-12-31", "status": "active", "deleted": false});
    let task = json!({"meta": Meta::new(&device(), now()), "line_id": line["meta"]["id"],
        "title": "路基", "owners": [], "due": "2026-12-01", "progress": 0, "status": "not_started",
        "notes": "", "progress_note": "", "recurrence": "none", "order": 0,
        "finished_on": null, "history": [],
        "deleted": false});
    source
        .write_all(&[(StoreName::WorkLines, line), (StoreName::Tasks, task)])
        .await
        .expect("write");
    let exported = snapshot(&source).await;
    let records = exported
        .iter()
        .map(|(s, v)| (s.as_str().to_string(), v.clone()))
        .collect();
    let exporter = exporter();
    let json = Envelope::new(FileKind::Backup, exporter, now(), records).to_json();
    source.close();

    let target = fresh("zf-test-backup-b", DB_VERSION).await;
    let file = read_file(json.as_bytes(), FileKind::Backup).expect("valid file");
    let writes = plan(file.records, &HashMap::new())
        .writes(&HashMap::new(), &device(), now(), uuid::Uuid::new_v4)
        .expect("no conflicts");
    target.write_all(&writes).await.expect("restore");
    let mut restored = snapshot(&target).await;
    let mut expected = exported;
    for list in restored.values_mut().chain(expected.values_mut()) {
        list.sort_by_key(|v| v["meta"]["id"].as_str().unwrap_or_default().to_string());
    }
    assert_eq!(restored, expected);
    target.close();
}

#[wasm_bindgen_test]
async fn an_upgrade_from_version_1_keeps_the_data() {
    let name = "zf-test-upgrade";
    let v1 = fresh(name, 1).await;
    let c = cadre("张三");
    v1.put(&c).await.expect("put");
    v1.set_setting(
        PROFILE,
        Profile {
            name: "王秘书".into(),
            unit: "党政办".into(),
            post: String::new(),
            ..Profile::default()
        },
    )
    .await
    .expect("setting");
    v1.close();

    let v2 = Store::open_version(name, DB_VERSION, || {})
        .await
        .expect("upgrade");
    assert_eq!(v2.all::<Cadre>().await.expect("read"), vec![c]);
    assert_eq!(
        v2.setting::<Profile>(PROFILE)
            .await
            .expect("setting")
            .map(|p| p.name),
        Some("王秘书".into())
    );
    // The stores added in version 2 are there and usable.
    let counts = v2.counts().await.expect("counts");
    assert_eq!(counts.len(), StoreName::ALL.len());
    v2.write_all(&[(
        StoreName::Tasks,
        json!({"meta": Meta::new(&device(), now()), "title": "t"}),
    )])
    .await
    .expect("write to a new store");
    v2.close();
}

#[wasm_bindgen_test]
async fn a_database_from_a_newer_app_is_refused() {
    let name = "zf-test-newer";
    let newer = fresh(name, DB_VERSION + 1).await;
    newer.close();
    let result = Store::open_version(name, DB_VERSION, || {}).await;
    assert_eq!(result.err(), Some(StoreError::DatabaseIsNewer));
}

#[wasm_bindgen_test]
async fn an_attempt_in_progress_keeps_its_answers() {
    use zuofeng::quiz::attempt::{Attempt, Respondent, Response};
    let store = fresh("zf-test-attempt", DB_VERSION).await;
    let who = Respondent {
        name: "李四".into(),
        unit: "城建办".into(),
    };
    let mut a = Attempt::start(
        Meta::new(&device(), now()),
        uuid::Uuid::new_v4(),
        who,
        now(),
        Some(30),
        None,
    );
    a.answer(0, Response::Choice([2].into()), now())
        .expect("answer");
    a.answer(3, Response::Blanks(vec!["月总结".into()]), now())
        .expect("answer");
    a.toggle_mark(1).expect("mark");
    store.put(&a).await.expect("put");
    let back = store.all::<Attempt>().await.expect("read");
    assert_eq!(back, vec![a]);
    store.close();
}

#[wasm_bindgen_test]
async fn an_upgrade_from_version_2_adds_the_stores_of_version_3() {
    let name = "zf-test-upgrade-2";
    let v2 = fresh(name, 2).await;
    let c = cadre("李四");
    v2.put(&c).await.expect("put");
    v2.close();

    let v3 = Store::open_version(name, DB_VERSION, || {})
        .await
        .expect("upgrade");
    assert_eq!(v3.all::<Cadre>().await.expect("read"), vec![c]);
    let calendar = zuofeng::admonition::deadline::HolidayCalendar {
        meta: Meta::new(&device(), now()),
        year: 2026,
        holidays: Default::default(),
        makeup_workdays: Default::default(),
        note: "国办发明电".into(),
    };
    v3.put(&calendar).await.expect("a calendar is stored");
    let templates = zuofeng::assessment::form::builtin_templates(now(), &device());
    v3.put_many(&templates).await.expect("templates are stored");
    let counts = v3.counts().await.expect("counts");
    assert_eq!(counts.get(&StoreName::HolidayCalendars), Some(&1));
    assert_eq!(counts.get(&StoreName::FormTemplates), Some(&2));
    // …and the 驻村与便民 stores, empty and usable.
    assert_eq!(counts.len(), StoreName::ALL.len());
    assert_eq!(counts.get(&StoreName::ServiceLedger), Some(&0));
    assert_eq!(counts.get(&StoreName::PublicNotices), Some(&0));
    v3.close();
}

#[wasm_bindgen_test]
async fn a_record_stored_under_an_upper_case_id_is_repaired_once_and_the_backup_restores() {
    let store = fresh("zf-test-ids", DB_VERSION).await;
    let old = cadre("张三");
    let mut newer = old.clone();
    newer.phone = "13900000000".into();
    newer.meta.touch(&DeviceId("other".into()), now());
    // As an earlier version stored it: the same person a second time, under another spelling.
    let mut odd = serde_json::to_value(&newer).expect("json");
    odd["meta"]["id"] = json!(newer.meta.id.to_string().to_ascii_uppercase());
    store
        .write_all(&[
            (StoreName::Cadres, serde_json::to_value(&old).expect("json")),
            (StoreName::Cadres, odd),
        ])
        .await
        .expect("write");
    assert_eq!(
        snapshot(&store).await.get(&StoreName::Cadres).map(Vec::len),
        Some(2)
    );

    assert_eq!(store.repair_ids(&device(), now()).await.expect("repair"), 1);
    let cadres = store.all::<Cadre>().await.expect("all");
    assert_eq!(cadres.len(), 1);
    assert_eq!(cadres[0].meta.id, old.meta.id);
    assert_eq!(cadres[0].phone, "13900000000");
    // Done once: the next start finds nothing to do.
    assert_eq!(store.repair_ids(&device(), now()).await.expect("again"), 0);

    // This browser's own backup now restores whole.
    let records = snapshot(&store)
        .await
        .iter()
        .map(|(s, v)| (s.as_str().to_string(), v.clone()))
        .collect();
    let exporter = exporter();
    let json = Envelope::new(FileKind::Backup, exporter, now(), records).to_json();
    let file = read_file(json.as_bytes(), FileKind::Backup).expect("its own backup is valid");
    assert_eq!(file.records.len(), 1);
    store.close();
}

fn log_entry(writer: &str, village: &str, day: u32, problems: &str) -> VillageLog {
    let writer = Writer {
        name: writer.into(),
        unit: "镇政府".into(),
    };
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, day).unwrap_or_default();
    VillageLog {
        village: village.into(),
        done: "走访".into(),
        problems: problems.into(),
        ..VillageLog::blank(Meta::new(&device(), now()), writer, date)
    }
}

#[wasm_bindgen_test]
async fn the_village_log_is_read_by_writer_open_problem_and_latest_per_village() {
    let name = "zf-test-log-indexes";
    // Entries written before version 5 are in its indexes after the upgrade (and those open in
    // version 6's).
    let v4 = fresh(name, 4).await;
    let east_3 = log_entry("刘驻村", "东村", 3, "");
    let east_20 = log_entry("刘驻村", "东村", 20, "路灯坏了");
    let west_10 = log_entry("王驻村", "西村", 10, "");
    let mut west_25 = log_entry("王驻村", "西村", 25, "水渠堵了");
    west_25.deleted = true;
    v4.put_many(&[
        east_3.clone(),
        east_20.clone(),
        west_10.clone(),
        west_25.clone(),
    ])
    .await
    .expect("put");
    v4.close();
    // Version 5 made indexes by date and by problem; version 8 deletes them (nothing reads them).
    Store::open_version(name, 7, || {})
        .await
        .expect("upgrade to v7")
        .close();
    let at_7 = index_names(name, StoreName::VillageLogs.as_str()).await;
    assert!(at_7.contains(&LOGS_BY_DATE.name.to_string()), "{at_7:?}");
    let store = Store::open_version(name, DB_VERSION, || {})
        .await
        .expect("upgrade");
    let mut now = index_names(name, StoreName::VillageLogs.as_str()).await;
    now.sort();
    let mut expected: Vec<String> = indexes_at(DB_VERSION)
        .iter()
        .filter(|i| i.store == StoreName::VillageLogs)
        .map(|i| i.name.to_string())
        .collect();
    expected.sort();
    assert_eq!(now, expected);
    assert!(!now.contains(&LOGS_BY_PROBLEMS.name.to_string()));
    let later = log_entry("王驻村", "南村", 28, "");
    store.put(&later).await.expect("put after the upgrade");

    let ids = |logs: Vec<VillageLog>| logs.into_iter().map(|l| l.meta.id).collect::<Vec<_>>();
    let open = store
        .all_in::<VillageLog>(&LOGS_OPEN, &KeyRange::Above(String::new()))
        .await
        .expect("open problems");
    assert_eq!(
        ids(open),
        vec![east_20.meta.id],
        "the deleted one is not an open problem"
    );
    let wang = store
        .all_in::<VillageLog>(&LOGS_BY_WRITER, &KeyRange::Only("王驻村".into()))
        .await
        .expect("writer");
    assert_eq!(wang.len(), 3);
    // A village whose name begins with another's is a group of its own, on either side.
    let east_group = log_entry("刘驻村", "东村二组", 2, "");
    store.put(&east_group).await.expect("put 东村二组");
    // Each village's latest live entry: 西村's deleted one on the 25th is passed over.
    let mut latest = ids(store
        .last_per_group(&LOGS_BY_VILLAGE, |l: &VillageLog| !l.deleted)
        .await
        .expect("latest"));
    latest.sort();
    let mut expected = vec![
        east_20.meta.id,
        east_group.meta.id,
        west_10.meta.id,
        later.meta.id,
    ];
    expected.sort();
    assert_eq!(latest, expected);
    let none = store
        .last_per_group(&LOGS_BY_VILLAGE, |_: &VillageLog| false)
        .await
        .expect("nothing kept");
    assert!(none.is_empty());
    // Settled through an edit: out of the open ones; the mark never shows in what is read.
    let mut settled = east_20.clone();
    settled.settled = true;
    store.put(&settled).await.expect("settle");
    let open = store
        .all_in::<VillageLog>(&LOGS_OPEN, &KeyRange::Above(String::new()))
        .await
        .expect("open problems after settling");
    assert!(open.is_empty());
    let raised = log_entry("刘驻村", "东村", 29, "井盖丢了");
    import_log(&store, &raised).await.expect("import one");
    let open = store
        .all_in::<VillageLog>(&LOGS_OPEN, &KeyRange::Above(String::new()))
        .await
        .expect("open problems after an import");
    assert_eq!(ids(open), vec![raised.meta.id]);
    let stored = store.read_all().await.expect("raw");
    assert!(
        stored
            .get(&StoreName::VillageLogs)
            .expect("the logs' store")
            .iter()
            .all(|v| v.get(zuofeng::store::schema::OPEN_MARK).is_none()),
        "the database's own mark is not part of any record"
    );
    store.close();
}

#[wasm_bindgen_test]
async fn open_problems_are_read_a_page_at_a_time_with_their_count() {
    let name = "zf-test-log-pages";
    let store = fresh(name, DB_VERSION).await;
    // 250 open problems over days 1–25, and settled ones between them that no page shows.
    let mut entries = Vec::new();
    for i in 0..250u32 {
        entries.push(log_entry("刘驻村", "东村", 1 + i / 10, &format!("问题{i}")));
        let mut settled = log_entry("王驻村", "西村", 1 + i / 10, "已解决的问题");
        settled.settled = true;
        entries.push(settled);
    }
    store.put_many(&entries).await.expect("put");
    let open = KeyRange::Above(String::new());
    let mut seen = Vec::new();
    for skip in [0, 100, 200] {
        let (total, page) = store
            .page_in::<VillageLog>(&LOGS_OPEN, &open, skip, 100)
            .await
            .expect("page");
        assert_eq!(total, 250);
        assert_eq!(page.len(), if skip == 200 { 50 } else { 100 });
        assert!(page.iter().all(|l| l.is_open()));
        assert!(
            page.windows(2).all(|w| w[0].date <= w[1].date),
            "oldest first"
        );
        if let (Some(last), Some(first)) = (seen.last(), page.first()) {
            let last: &VillageLog = last;
            assert!(last.date <= first.date, "each page after the one before");
        }
        seen.extend(page);
    }
    let mut ids: Vec<_> = seen.iter().map(|l| l.meta.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 250, "every open problem on exactly one page");
    // Past the end: the count, and nothing.
    let (total, none) = store
        .page_in::<VillageLog>(&LOGS_OPEN, &open, 250, 100)
        .await
        .expect("past the end");
    assert_eq!((total, none.len()), (250, 0));
    store.close();
}

/// Takes one 驻村日志 entry in as a file's records are (`Store::write_all`), not as an edit.
async fn import_log(store: &Store, log: &VillageLog) -> Result<(), StoreError> {
    let value = serde_json::to_value(log).expect("json");
    store.write_all(&[(StoreName::VillageLogs, value)]).await
}

/// The names of a store's indexes, read past the app.
async fn index_names(name: &str, store: &str) -> Vec<String> {
    use indexed_db_futures::prelude::*;
    let db = indexed_db_futures::database::Database::open(name)
        .await
        .expect("open");
    let tx = db.transaction(store).build().expect("transaction");
    let names: Vec<String> = tx
        .object_store(store)
        .expect("store")
        .index_names()
        .collect();
    drop(tx);
    db.close();
    names
}

/// The tallies the database holds now, read past the app (`schema::LOG_TALLIES`).
async fn kept_tallies(name: &str) -> Vec<VillageTally> {
    use indexed_db_futures::prelude::*;
    let db = indexed_db_futures::database::Database::open(name)
        .await
        .expect("open");
    let tx = db.transaction(LOG_TALLIES).build().expect("transaction");
    let store = tx.object_store(LOG_TALLIES).expect("store");
    let mut kept = Vec::new();
    for value in store
        .get_all::<wasm_bindgen::JsValue>()
        .primitive()
        .expect("get all")
        .await
        .expect("read")
    {
        let text: String = js_sys::JSON::stringify(&value.expect("value"))
            .expect("text")
            .into();
        kept.push(serde_json::from_str(&text).expect("a tally"));
    }
    drop(tx);
    db.close();
    kept
}

/// Each village's month counted from every entry stored, as the tallies must say.
async fn counted(store: &Store, month: &str) -> Vec<VillageTally> {
    let all = store.all::<VillageLog>().await.expect("every entry");
    let all: Vec<TallyEntry> = all.iter().map(Into::into).collect();
    tallies_of(&all)
        .into_iter()
        .filter(|t| t.key[0] == month)
        .collect()
}

#[wasm_bindgen_test]
async fn each_villages_month_is_tallied_on_every_write_and_counted_again_when_stale() {
    let name = "zf-test-log-tallies";
    // Entries written before version 7 are counted when their month is first read.
    let v6 = fresh(name, 6).await;
    let east_3 = log_entry("刘驻村", "东村", 3, "");
    let mut east_20 = log_entry("刘驻村", " 东 村", 20, "路灯坏了");
    east_20.reached = 5;
    let west_10 = log_entry("王驻村", "西村", 10, "");
    let mut west_25 = log_entry("王驻村", "西村", 25, "");
    west_25.deleted = true;
    v6.put_many(&[east_3.clone(), east_20.clone(), west_10, west_25])
        .await
        .expect("put");
    v6.close();
    let store = Store::open_version(name, DB_VERSION, || {})
        .await
        .expect("upgrade");
    assert!(kept_tallies(name).await.is_empty(), "nothing counted yet");
    let month = store.month_tallies("2026-11").await.expect("first read");
    assert_eq!(month, counted(&store, "2026-11").await);
    assert_eq!(month.len(), 2);
    assert_eq!((month[0].key[1].as_str(), month[0].reached), ("东村", 5));
    assert_eq!(
        month[1].roles.iter().sum::<u32>(),
        1,
        "西村's deleted entry not counted"
    );
    assert_eq!(kept_tallies(name).await, month, "kept once counted");

    // Each way of writing keeps them: one entry, an import, an edit.
    let mut december = log_entry("王驻村", "南村", 1, "");
    december.date = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    store.put(&december).await.expect("put");
    let south = log_entry("王驻村", "南村", 28, "");
    import_log(&store, &south).await.expect("import one");
    let mut moved = east_3.clone();
    moved.role = zuofeng::village::resident::Role::ALL[2];
    store
        .write_edits(
            vec![(
                StoreName::VillageLogs,
                serde_json::to_value(&moved).expect("json"),
                true,
            )],
            |_, edit| Ok(edit),
        )
        .await
        .expect("edit");
    let mut expected = counted(&store, "2026-11").await;
    expected.extend(counted(&store, "2026-12").await);
    expected.sort_by(|a, b| a.key.cmp(&b.key));
    let mut kept = kept_tallies(name).await;
    kept.sort_by(|a, b| a.key.cmp(&b.key));
    assert_eq!(kept, expected, "kept by the writes, none counted by a read");
    assert_eq!(
        store.month_tallies("2026-11").await.expect("read"),
        counted(&store, "2026-11").await
    );

    // An entry moved to another village leaves its old tally stale: the read sees it by the
    // count and counts the month again.
    let mut to_west = east_20.clone();
    to_west.village = "西村".into();
    store.put(&to_west).await.expect("move");
    let november = store.month_tallies("2026-11").await.expect("read");
    assert_eq!(november, counted(&store, "2026-11").await);
    assert_eq!(
        november
            .iter()
            .find(|t| t.key[1] == "西村")
            .map(|t| t.reached),
        Some(5)
    );

    // An import moving an entry into a village that had none: the new tally is what was
    // written; the old one is short of it, and the read counts that month again.
    let mut to_north = moved.clone();
    to_north.village = "北村".into();
    import_log(&store, &to_north).await.expect("import a move");
    let kept = kept_tallies(name).await;
    let north = kept.iter().find(|t| t.key[1] == "北村").map(|t| t.roles);
    assert_eq!(north, Some([0, 0, 1, 0, 0]));
    let november = store.month_tallies("2026-11").await.expect("read");
    assert_eq!(november, counted(&store, "2026-11").await);
    assert!(
        november.iter().all(|t| t.key[1] != "东村"),
        "东村 has no entry left"
    );

    // A village's month is read a page at a time, live entries only, oldest first.
    let west = KeyRange::Starting(vec!["2026-11".into(), "西村".into()]);
    let (total, page) = store
        .page_in::<VillageLog>(&LOGS_BY_TALLY, &west, 0, 1)
        .await
        .expect("page");
    assert_eq!(total, 2, "西村's deleted entry is not in it");
    assert_eq!(
        page.iter().map(|l| l.date.to_string()).collect::<Vec<_>>(),
        vec!["2026-11-10"]
    );

    // A cleared browser holds no tally.
    store.clear_records().await.expect("clear");
    assert!(kept_tallies(name).await.is_empty());
    assert!(store
        .month_tallies("2026-11")
        .await
        .expect("read")
        .is_empty());
    store.close();
}

#[wasm_bindgen_test]
async fn a_long_write_reports_its_progress_and_writes_every_record() {
    use zuofeng::store::body::array_texts;
    use zuofeng::store::db::PROGRESS_STEP;
    let store = fresh("zuofeng-test-progress", DB_VERSION).await;
    // Two stores, the step crossed in the first and again in the second: the write waits for
    // the first record of each step's records, never stops short, and reports each step once.
    let questions = PROGRESS_STEP + 7;
    let lines = PROGRESS_STEP;
    let records = (0..questions)
        .map(|i| {
            (
                StoreName::Questions,
                json!({"meta": Meta::new(&device(), now()), "stem": i}),
            )
        })
        .chain((0..lines).map(|i| {
            (
                StoreName::WorkLines,
                json!({"meta": Meta::new(&device(), now()), "name": i}),
            )
        }))
        .map(|(s, v)| (s, v.to_string()));
    let reported = std::cell::RefCell::new(Vec::new());
    store
        .write_texts_reporting(array_texts(records), &|n| reported.borrow_mut().push(n))
        .await
        .expect("write");
    assert_eq!(*reported.borrow(), vec![PROGRESS_STEP, 2 * PROGRESS_STEP]);
    let counts = store.counts().await.expect("count");
    assert_eq!(counts.get(&StoreName::Questions), Some(&(questions as u32)));
    assert_eq!(counts.get(&StoreName::WorkLines), Some(&(lines as u32)));
    store.close();
}
