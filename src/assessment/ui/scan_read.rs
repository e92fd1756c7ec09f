//! The chosen files as pages (a scanner PDF's JPEG pages, or one image each) and each page
//! read as a ballot of the group, with its scan kept to show when a row is unclear.

use std::rc::Rc;

use super::scan_review::{object_url, ScanView};
use crate::assessment::ballot_sheet::{self, Reading};
use crate::paper::geometry::Pt;
use crate::paper::read::read_page;
use crate::ui::file_drop::PickedFile;

/// An image's bytes and type, or why a page is not one.
pub type PageImage = Result<(Vec<u8>, &'static str), String>;

/// Each page of the chosen files: where it came from, and its image.
pub fn pages(files: Vec<PickedFile>) -> Vec<(String, PageImage)> {
    let mut out = Vec::new();
    for f in files {
        if f.bytes.starts_with(b"%PDF-") {
            match crate::paper::pdf::images(&f.bytes) {
                Ok(found) => {
                    out.extend(found.jpegs.into_iter().enumerate().map(|(i, j)| {
                        (format!("{} 第 {} 页", f.name, i + 1), Ok((j, "image/jpeg")))
                    }))
                }
                Err(e) => out.push((f.name, Err(e.message()))),
            }
        } else {
            let mime = if f.name.to_lowercase().ends_with(".png") {
                "image/png"
            } else {
                "image/jpeg"
            };
            out.push((f.name, Ok((f.bytes, mime))));
        }
    }
    out
}

/// One page's image read as a ballot of `group`, with the scan to show when a row is unclear.
pub async fn read_sheet(
    bytes: &[u8],
    mime: &str,
    layout: &crate::paper::layout::Layout,
    round: &crate::assessment::model::Evaluation,
    group: u32,
) -> (Result<Reading, String>, Option<Rc<ScanView>>) {
    let img = match crate::ui::scan_image::decode(bytes, mime).await {
        Ok(img) => img,
        Err(m) => return (Err(m), None),
    };
    let page = match read_page(&img, layout) {
        Ok(page) => page,
        Err(e) => return (Err(e.message()), None),
    };
    let reading = ballot_sheet::reading(&page, round.rated.len(), round.meta.id, group);
    if !matches!(reading, Reading::Decide { .. }) {
        return (Ok(reading), None);
    }
    let boxes = layout
        .boxes
        .iter()
        .zip(&page.boxes)
        .map(|(c, b)| {
            let corners = [(0.0, 0.0), (c.w, 0.0), (c.w, c.h), (0.0, c.h)]
                .map(|(dx, dy)| page.to_scan.apply(Pt::new(c.x + dx, c.y + dy)));
            (corners, b.mark)
        })
        .collect();
    let view = ScanView {
        url: object_url(bytes, mime),
        size: (img.width, img.height),
        boxes,
    };
    (Ok(reading), Some(Rc::new(view)))
}
