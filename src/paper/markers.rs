//! Finding the four corner markers on a scan: in each corner's part of the image, the solid
//! dark blob of about a marker's size nearest the corner. Text, box lines and specks are not
//! solid or not the size.

use super::geometry::Pt;
use super::image::Gray;
use super::layout::{MARKER, PAGE_HEIGHT, PAGE_WIDTH};
use super::{Corner, PaperError};

/// Below this the boxes are a few pixels wide: not a scan to read.
const MIN_PX_PER_MM: f64 = 2.5;
/// How much of the width and height, from each corner, is searched.
const SEARCH_X: f64 = 0.25;
const SEARCH_Y: f64 = 0.18;

/// The markers' centres in the image, in the order of `Corner::ALL` as the image lies (the
/// page may be upside down: `read` tries both ways).
pub fn find(img: &Gray) -> Result<[Pt; 4], PaperError> {
    let px_per_mm = (img.width as f64 / PAGE_WIDTH + img.height as f64 / PAGE_HEIGHT) / 2.0;
    if px_per_mm < MIN_PX_PER_MM {
        return Err(PaperError::TooSmall {
            width: img.width,
            height: img.height,
        });
    }
    let side = MARKER * px_per_mm;
    let level = img.ink_level().min(160);
    let (w, h) = (img.width, img.height);
    let (sx, sy) = (
        (w as f64 * SEARCH_X) as usize,
        (h as f64 * SEARCH_Y) as usize,
    );
    let mut found = [Pt::new(0.0, 0.0); 4];
    for (i, corner) in Corner::ALL.into_iter().enumerate() {
        let (x0, y0, tip) = match corner {
            Corner::TopLeft => (0, 0, Pt::new(0.0, 0.0)),
            Corner::TopRight => (w - sx, 0, Pt::new(w as f64, 0.0)),
            Corner::BottomRight => (w - sx, h - sy, Pt::new(w as f64, h as f64)),
            Corner::BottomLeft => (0, h - sy, Pt::new(0.0, h as f64)),
        };
        found[i] = blobs(img, level, (x0, y0, sx, sy))
            .into_iter()
            .filter(|b| b.is_marker(side))
            .map(|b| b.centre())
            .min_by(|a, b| a.distance(tip).total_cmp(&b.distance(tip)))
            .ok_or(PaperError::MarkerMissing(corner))?;
    }
    let [tl, tr, br, bl] = found;
    // The frame's sides as printed (182 × 269 mm between centres), allowing for a scan's scale.
    let across = (tl.distance(tr) + bl.distance(br)) / 2.0;
    let down = (tl.distance(bl) + tr.distance(br)) / 2.0;
    let printed = (PAGE_WIDTH - 2.0 * (super::layout::MARKER_INSET + MARKER / 2.0))
        / (PAGE_HEIGHT - 2.0 * (super::layout::MARKER_INSET + MARKER / 2.0));
    if down == 0.0 || ((across / down) / printed - 1.0).abs() > 0.08 {
        return Err(PaperError::NotASheet);
    }
    Ok(found)
}

#[derive(Debug, Default)]
struct Blob {
    count: usize,
    sum_x: f64,
    sum_y: f64,
    min: (usize, usize),
    max: (usize, usize),
}

impl Blob {
    fn is_marker(&self, side: f64) -> bool {
        let (bw, bh) = (
            (self.max.0 - self.min.0 + 1) as f64,
            (self.max.1 - self.min.1 + 1) as f64,
        );
        let size_ok = |s: f64| s >= 0.7 * side && s <= 1.45 * side;
        size_ok(bw) && size_ok(bh) && self.count as f64 >= 0.75 * bw * bh
    }

    fn centre(&self) -> Pt {
        Pt::new(
            self.sum_x / self.count as f64,
            self.sum_y / self.count as f64,
        )
    }
}

/// The 4-connected dark blobs of a part of the image.
fn blobs(img: &Gray, level: u8, (x0, y0, w, h): (usize, usize, usize, usize)) -> Vec<Blob> {
    let dark = |x: usize, y: usize| img.at(x0 + x, y0 + y) < level;
    let mut seen = vec![false; w * h];
    let mut out = Vec::new();
    let mut stack = Vec::new();
    for start in 0..w * h {
        if seen[start] || !dark(start % w, start / w) {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        let mut blob = Blob {
            min: (usize::MAX, usize::MAX),
            ..Blob::default()
        };
        while let Some(i) = stack.pop() {
            let (x, y) = (i % w, i / w);
            blob.count += 1;
            blob.sum_x += (x0 + x) as f64 + 0.5;
            blob.sum_y += (y0 + y) as f64 + 0.5;
            blob.min = (blob.min.0.min(x), blob.min.1.min(y));
            blob.max = (blob.max.0.max(x), blob.max.1.max(y));
            let mut visit = |j: usize| {
                if !seen[j] && dark(j % w, j / w) {
                    seen[j] = true;
                    stack.push(j);
                }
            };
            if x > 0 {
                visit(i - 1);
            }
            if x + 1 < w {
                visit(i + 1);
            }
            if y > 0 {
                visit(i - w);
            }
            if y + 1 < h {
                visit(i + w);
            }
        }
        out.push(blob);
    }
    out
}
