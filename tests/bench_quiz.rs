//! Benchmark, not a test: times CSV parsing of 10,000 questions, filtering them, and grading
//! 300 answer sheets of 100 questions, in headless Chromium. Run by ./scripts/bench.sh.
#![cfg(target_arch = "wasm32")]

use chrono::DateTime;
use wasm_bindgen_test::*;
use zuofeng::quiz::attempt::{Attempt, AttemptState, Respondent, Response};
use zuofeng::quiz::bank::{filter, import_writes, BankFilter, DuplicateAction};
use zuofeng::quiz::grading::{grade, question_stats, Graded};
use zuofeng::quiz::import::table::parse_csv;
use zuofeng::quiz::paper::{build_paper, DrawRule, Quiz, QuizMode, Reveal};
use zuofeng::record::{DeviceId, Meta};
use zuofeng::sorted::SortedSet;
use zuofeng::store::schema::DB_VERSION;
use zuofeng::store::Store;

mod common;
use common::{median, now_ms};

wasm_bindgen_test_configure!(run_in_browser);

fn csv_of(n: usize) -> String {
    let mut s = String::from("题型,题干,选项A,选项B,选项C,选项D,答案,解析,难度,分类\n");
    for i in 0..n {
        s.push_str(&format!("单选,第{i}题：关于作风建设的说法哪项正确,说法甲{i},说法乙,说法丙,说法丁,{},解析{i},中等,分类{}\n", ["A", "B", "C", "D"][i % 4], i % 12));
    }
    s
}

/// The plain-JavaScript baseline: the same CSV parsed (quotes handled), the same header lookup
/// and answer check, and every record written in one IndexedDB transaction.
const BASELINE: &str = r#"
return (async () => {
  const t0 = performance.now();
  const rows = []; let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) { if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c; }
    else if (c === '"') quoted = true; else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else if (c !== '\r') cell += c;
  }
  const header = rows.shift(); const col = (n) => header.indexOf(n);
  const [k, s, a, ans, ex, d, cat] = ['题型', '题干', '选项A', '答案', '解析', '难度', '分类'].map(col);
  const records = [];
  for (const r of rows) {
    const options = r.slice(a, a + 4).filter((o) => o);
    const answer = [...r[ans]].map((ch) => ch.charCodeAt(0) - 65);
    if (!r[s] || answer.some((x) => x < 0 || x >= options.length)) continue;
    records.push({ meta: { id: crypto.randomUUID(), rev: 1 }, kind: r[k], stem: r[s], options, answer, explanation: r[ex], difficulty: r[d], category: r[cat] });
  }
  await new Promise((ok) => { const del = indexedDB.deleteDatabase('bench-baseline'); del.onsuccess = ok; del.onerror = ok; });
  const db = await new Promise((ok, fail) => { const req = indexedDB.open('bench-baseline', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('questions', { keyPath: 'meta.id' });
    req.onsuccess = () => ok(req.result); req.onerror = () => fail(req.error); });
  await new Promise((ok, fail) => { const tx = db.transaction('questions', 'readwrite'); const st = tx.objectStore('questions');
    for (const rec of records) st.put(rec); tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
  db.close();
  return performance.now() - t0;
})();
"#;

async fn js_baseline(text: &str) -> f64 {
    let f = js_sys::Function::new_with_args("text", BASELINE);
    use wasm_bindgen::JsCast;
    let Some(promise) = f
        .call1(&wasm_bindgen::JsValue::NULL, &text.into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Promise>().ok())
    else {
        return f64::NAN;
    };
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(f64::NAN)
}

/// The app's own path without the screen: parse, check, make records, one transaction.
async fn app_path(text: &str, run: usize) -> f64 {
    let device = DeviceId("bench".into());
    let name = format!("zf-bench-import-{run}");
    let _ = Store::delete(&name).await;
    let store = match Store::open_version(&name, DB_VERSION, || {}).await {
        Ok(s) => s,
        Err(_) => return f64::NAN,
    };
    let t0 = now_ms();
    let parsed = parse_csv(text.as_bytes()).unwrap_or_default();
    let at = DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
    let records = import_writes(&[], &parsed.questions, DuplicateAction::Skip, &device, at);
    let ok = store.put_many(&records).await.is_ok();
    let ms = now_ms() - t0;
    store.close();
    if ok {
        ms
    } else {
        f64::NAN
    }
}

#[wasm_bindgen_test]
async fn bench_import_against_a_javascript_baseline() {
    let csv = csv_of(10_000);
    let mut app = Vec::new();
    let mut js = Vec::new();
    for run in 0..3 {
        app.push(app_path(&csv, run).await);
        js.push(js_baseline(&csv).await);
    }
    let (a, b) = (median(app.clone()), median(js.clone()));
    console_log!("10,000-question CSV, parse + check + one IndexedDB transaction: app {a:.0} ms {app:.0?}, plain JavaScript {b:.0} ms {js:.0?}, ratio {:.2}×", a / b);
}

#[wasm_bindgen_test]
fn bench_question_bank_and_grading() {
    let device = DeviceId("bench".into());
    let at = DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default();
    let csv = csv_of(10_000);
    let times: Vec<f64> = (0..3)
        .map(|_| {
            let t0 = now_ms();
            let parsed = parse_csv(csv.as_bytes()).unwrap_or_default();
            assert_eq!(parsed.questions.len(), 10_000);
            now_ms() - t0
        })
        .collect();
    console_log!(
        "10,000-question CSV parsed and checked in {:.0} ms (median of 3)",
        median(times)
    );
    let parsed = parse_csv(csv.as_bytes()).unwrap_or_default();
    let t0 = now_ms();
    let bank = import_writes(&[], &parsed.questions, DuplicateAction::Skip, &device, at);
    console_log!(
        "10,000 parsed questions checked for duplicates and made records in {:.0} ms",
        now_ms() - t0
    );
    let t0 = now_ms();
    let again = zuofeng::quiz::bank::duplicates(&bank, &parsed.questions).len();
    console_log!(
        "10,000 questions checked for duplicates against a bank of 10,000 in {:.0} ms ({again})",
        now_ms() - t0
    );

    let keystrokes = [
        "作",
        "作风",
        "作风建",
        "作风建设",
        "第12",
        "第123",
        "说法甲99",
    ];
    let per_key: Vec<f64> = keystrokes
        .iter()
        .map(|text| {
            let t0 = now_ms();
            let n = filter(
                &bank,
                &BankFilter {
                    text: text.to_string(),
                    ..Default::default()
                },
            )
            .len();
            let ms = now_ms() - t0;
            console_log!("  filter “{text}”: {n} matches in {ms:.1} ms");
            ms
        })
        .collect();
    console_log!(
        "filtering 10,000 questions per keystroke: median {:.1} ms, worst {:.1} ms",
        median(per_key.clone()),
        per_key.iter().cloned().fold(0.0, f64::max)
    );

    let rule = DrawRule {
        count: 100,
        kind: None,
        category: None,
        difficulty: None,
        points: 100,
    };
    let (paper, _) = build_paper(&bank, &[], &[rule], 9);
    let quiz = Quiz {
        meta: Meta::new(&device, at),
        title: "基准".into(),
        mode: QuizMode::Exam,
        paper,
        pass_mark: 6000,
        time_limit_minutes: None,
        opens: None,
        closes: None,
        shuffle_questions: true,
        shuffle_options: true,
        seed: 1,
        reveal: Reveal::ScoreOnly,
        deleted: false,
        author: None,
        sent_at: None,
        codes: Default::default(),
    };
    let sheets: Vec<Attempt> = (0..300)
        .map(|p| Attempt {
            meta: Meta::new(&device, at),
            quiz_id: quiz.meta.id,
            respondent: Respondent {
                name: format!("干部{p}"),
                unit: "城建办".into(),
            },
            started_at: at,
            answers: (0..100)
                .map(|i| (i, Response::Choice(SortedSet::from([(i + p) % 4]))))
                .collect(),
            state: AttemptState::Submitted {
                submitted_at: at,
                automatic: false,
            },
            manual_points: Default::default(),
            answered_at: Default::default(),
            check: None,
            paper_card: None,
        })
        .collect();
    let times: Vec<f64> = (0..3)
        .map(|_| {
            let t0 = now_ms();
            let graded: Vec<Graded> = sheets.iter().map(|a| grade(&quiz, a)).collect();
            let refs: Vec<&Attempt> = sheets.iter().collect();
            let stats = question_stats(&quiz, &refs, &graded);
            assert_eq!(stats.len(), 100);
            now_ms() - t0
        })
        .collect();
    console_log!("grading 300 answer sheets of 100 questions (scores and statistics): {:.0} ms (median of 3)", median(times));
}
