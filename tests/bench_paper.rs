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

/// Turns a drawn page into a JPEG as a scanner would write it, with the browser's own encoder.
fn jpeg_of(page: &zuofeng::paper::image::Gray) -> Option<Vec<u8>> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()?.document()?;
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(page.width as u32);
    canvas.set_height(page.height as u32);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let rgba: Vec<u8> = page.pixels.iter().flat_map(|v| [*v, *v, *v, 255]).collect();
    let data = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
        wasm_bindgen::Clamped(&rgba),
        page.width as u32,
        page.height as u32,
    )
    .ok()?;
    context.put_image_data(&data, 0.0, 0.0).ok()?;
    let url = canvas
        .to_data_url_with_type_and_encoder_options(
            "image/jpeg",
            &wasm_bindgen::JsValue::from_f64(0.75),
        )
        .ok()?;
    let binary = web_sys::window()?.atob(url.split_once(',')?.1).ok()?;
    Some(binary.chars().map(|c| c as u8).collect())
}

/// With the browser's decoding: each page's JPEG turned into pixels (as 扫描计票 does, a canvas
/// at most 1240 px wide) and read, 100 pages; the figure for 400 is four times it.
#[wasm_bindgen_test]
async fn bench_decode_and_read_100_ballots_at_200_dpi() {
    let layout = ballot_sheet::layout(40).expect("40 fit");
    let marks: Vec<(usize, Pen)> = (0..40).map(|i| (i * 5 + i % 5, Pen::Cross)).collect();
    let code = ballot_sheet::code(uuid::Uuid::from_u128(7), 1, 2).expect("code");
    let scan = Scan {
        dpi: 200.0,
        turn_degrees: -1.0,
        noise: 8,
        ..Scan::default()
    };
    let Some(jpeg) = jpeg_of(&draw(&layout, code, &marks, scan)) else {
        web_sys::console::log_1(&"paper reader: the browser would not encode a JPEG".into());
        return;
    };
    let start = now_ms();
    let mut read = 0;
    for _ in 0..100 {
        if let Ok(img) = zuofeng::ui::scan_image::decode(&jpeg, "image/jpeg").await {
            if read_page(&img, &layout).is_ok() {
                read += 1;
            }
        }
    }
    let total = now_ms() - start;
    web_sys::console::log_1(
        &format!(
            "paper reader: 100 JPEG pages ({} KB each) decoded and read in {:.1} s ({:.0} ms a page, {read} read; 400 pages ≈ {:.0} s)",
            jpeg.len() / 1024,
            total / 1000.0,
            total / 100.0,
            total * 4.0 / 1000.0
        )
        .into(),
    );
}
