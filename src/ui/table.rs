//! A table's head row, drawn by one function: written out in each page, the same `<th>`s cost
//! the download their building code some thirty times over.

use crate::ui::prelude::*;

/// `<thead>` with one column heading (`scope="col"`) for each of `cols`.
pub fn head(cols: &[&'static str]) -> Html {
    head_row(cols, None)
}

/// As `head`, and last a column of buttons, left off the printed page (its cells carry
/// `no-print` too).
pub fn head_with_actions(cols: &[&'static str], actions: &'static str) -> Html {
    head_row(cols, Some(actions))
}

fn head_row(cols: &[&'static str], screen_only: Option<&'static str>) -> Html {
    html! {
        <thead><tr>
            { for cols.iter().map(|c| html! { <th scope="col">{ *c }</th> }) }
            if let Some(a) = screen_only { <th scope="col" class="no-print">{ a }</th> }
        </tr></thead>
    }
}
