//! A machine-read sheet as printed: an A4 SVG with the four corner markers and the sheet code
//! where `paper::layout` says, and its boxes; what else a sheet says is its screen's. Drawn as
//! SVG so that every mark lands where the reader looks, whatever the printer.

use crate::ui::prelude::*;

use crate::paper::code::SheetCode;
use crate::paper::layout::{self, Cell, MARKER, PAGE_HEIGHT, PAGE_WIDTH};

/// One printed sheet: white page, markers, code, the boxes, and `content` (its text).
pub fn sheet(label: String, code: SheetCode, boxes: &[Cell], content: Html) -> Html {
    let markers = layout::marker_centres().map(|c| {
        rect(
            &Cell::square(c.x - MARKER / 2.0, c.y - MARKER / 2.0, MARKER),
            "#000",
        )
    });
    let code_squares = layout::code_cells()
        .into_iter()
        .zip(code.bits())
        .filter(|(_, on)| *on)
        .map(|(c, _)| rect(&c, "#000"));
    html! {
        <svg class="omr-sheet" viewBox={format!("0 0 {PAGE_WIDTH} {PAGE_HEIGHT}")} width="210mm" height="297mm" role="img" aria-label={label}>
            <rect x="0" y="0" width={PAGE_WIDTH.to_string()} height={PAGE_HEIGHT.to_string()} fill="#fff" />
            { for markers }
            { content }
            { for boxes.iter().map(|b| html! {
                <rect x={b.x.to_string()} y={b.y.to_string()} width={b.w.to_string()} height={b.h.to_string()} fill="none" stroke="#000" stroke-width="0.3" />
            }) }
            { for code_squares }
        </svg>
    }
}

fn rect(c: &Cell, fill: &'static str) -> Html {
    html! { <rect x={c.x.to_string()} y={c.y.to_string()} width={c.w.to_string()} height={c.h.to_string()} {fill} /> }
}

/// Text at (x, y) mm in `size` mm type; `anchor` "start", "middle" or "end".
pub fn text(x: f64, y: f64, size: f64, anchor: &'static str, what: impl Into<String>) -> Html {
    html! { <text x={format!("{x:.2}")} y={format!("{y:.2}")} font-size={size.to_string()} text-anchor={anchor}>{ what.into() }</text> }
}
