//! Benchmark, not a test: times reading 400 scanned A4 ballots of 40 people at 200 dpi (the
//! markers, the code and 200 boxes each) in headless Chromium, one page at a time, and prints
//! it. Decoding the JPEG is the browser's and not included. Run by ./scripts/bench.sh; asserts
//! nothing about time.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use zuofeng::assessment::ballot_sheet;
use zuofeng::paper::geometry::Pt;
use zuofeng::paper::read::read_page;
use zuofeng::paper::synth::{draw, Pen, Scan};

mod common;
use common::now_ms;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn bench_read_400_ballots_at_200_dpi() {
    let layout = ballot_sheet::layout(40).expect("40 fit");
    let marks: Vec<(usize, Pen)> = (0..40).map(|i| (i * 5 + i % 5, Pen::Tick)).collect();
    let code = ballot_sheet::code(uuid::Uuid::from_u128(7), 1, 1).expect("code");
    let scan = Scan {
        dpi: 200.0,
        turn_degrees: 1.0,
        shift: Pt::new(1.0, -1.0),
        noise: 8,
        ..Scan::default()
    };
    let page = draw(&layout, code, &marks, scan);
    let start = now_ms();
    let mut read = 0;
    for _ in 0..400 {
        if read_page(&page, &layout).is_ok() {
            read += 1;
        }
    }
    let total = now_ms() - start;
    web_sys::console::log_1(
        &format!(
            "paper reader: 400 pages of {}×{} px read in {:.1} s ({:.0} ms a page, {read} read)",
            page.width,
            page.height,
            total / 1000.0,
            total / 400.0
        )
        .into(),
    );
}
