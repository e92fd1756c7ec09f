//! A page read as a ballot of the chosen group, its scan kept only when a row is unclear.

use super::scan_review::Sheet;
use crate::assessment::ballot_sheet::{self, Reading};
use crate::assessment::model::Evaluation;
use crate::paper::layout::Layout;
use crate::ui::scan_pages::ReadPage;

pub fn ballot_of(
    (source, read): ReadPage,
    layout: &Layout,
    round: &Evaluation,
    group: u32,
) -> Sheet {
    let (read, view) = match read {
        Err(m) => (Err(m), None),
        Ok((page, scan)) => {
            let reading = ballot_sheet::reading(&page, round.rated.len(), round.meta.id, group);
            let view = matches!(reading, Reading::Decide { .. }).then(|| scan.view(layout, &page));
            (Ok(reading), view)
        }
    };
    Sheet { source, read, view }
}
