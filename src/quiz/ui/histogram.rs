//! The score distribution as bars, one per tenth of the total: how a test went at a glance,
//! on screen and on paper.

use crate::ui::prelude::*;

/// `bands[i]`: how many sheets scored from i × 10 % up to (i + 1) × 10 % of the total.
pub fn histogram(bands: &[usize; 10]) -> Html {
    let max = bands.iter().copied().max().unwrap_or(0).max(1) as f64;
    let (w, h, bar) = (520.0, 180.0, 46.0);
    html! {
        <svg class="histogram" role="img" aria-label="成绩分布图" viewBox={format!("0 0 {w} {}", h + 50.0)} width="100%" xmlns="http://www.w3.org/2000/svg">
            { for bands.iter().enumerate().map(|(i, n)| {
                let bh = (*n as f64 / max) * h;
                let x = 10.0 + i as f64 * (bar + 4.0);
                html! {
                    <g>
                        <rect x={x.to_string()} y={(h - bh + 20.0).to_string()} width={bar.to_string()} height={bh.to_string()} class="band" />
                        <text x={(x + bar / 2.0).to_string()} y={(h - bh + 14.0).to_string()} text-anchor="middle">{ n }</text>
                        <text x={(x + bar / 2.0).to_string()} y={(h + 38.0).to_string()} text-anchor="middle" class="axis">{ format!("{}%", i * 10) }</text>
                    </g>
                }
            }) }
        </svg>
    }
}
