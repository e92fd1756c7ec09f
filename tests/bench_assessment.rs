//! Benchmark, not a test: times the tally of a rating round of 50 rated people and 400 ballots
//! (four groups, thresholds, quota) in headless Chromium and prints it. Run by
//! ./scripts/bench.sh; asserts nothing about time.
#![cfg(target_arch = "wasm32")]

use chrono::DateTime;
use wasm_bindgen_test::*;
use zuofeng::assessment::model::{Ballot, Evaluation, RaterGroup, Source, Vote};
use zuofeng::assessment::tally::tally;
use zuofeng::record::{DeviceId, Meta};

mod common;
use common::{median, now_ms};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn bench_tally_50_rated_400_ballots() {
    let device = DeviceId("bench".into());
    let at = DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default();
    let rated: Vec<uuid::Uuid> = (0..50).map(|_| uuid::Uuid::new_v4()).collect();
    let groups = [
        ("村干部", 40, 150),
        ("人大代表", 20, 50),
        ("政协委员", 20, 50),
        ("机关干部", 20, 150),
    ];
    let round = Evaluation::new(
        Meta::new(&device, at),
        2026,
        "基准",
        rated.clone(),
        groups
            .iter()
            .enumerate()
            .map(|(i, (name, weight, issued))| RaterGroup {
                key: i as u32 + 1,
                name: (*name).into(),
                weight: zuofeng::assessment::share::Percent::whole(*weight),
                issued: *issued,
            })
            .collect(),
    );
    let ballots: Vec<Ballot> = (0..400u32)
        .map(|b| Ballot {
            meta: Meta::new(&device, at),
            evaluation_id: round.meta.id,
            group: 1 + b % 4,
            number: b,
            source: Source::Paper,
            votes: rated
                .iter()
                .enumerate()
                .map(|(p, id)| (*id, Vote::ALL[(p + b as usize) % 5]))
                .collect(),
            void: false,
            slip: None,
            round_version: None,
        })
        .collect();
    let times: Vec<f64> = (0..7)
        .map(|_| {
            let t0 = now_ms();
            let t = tally(&round, &ballots, &|_| false);
            assert_eq!(t.people.len(), 50);
            now_ms() - t0
        })
        .collect();
    console_log!(
        "tally 50 rated × 400 ballots: {:.1} ms (median of 7)",
        median(times)
    );
}
