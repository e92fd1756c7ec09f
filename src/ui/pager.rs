//! The line under a long list: how many there are, which page this is, and the way to the
//! next and previous pages.

use crate::ui::prelude::*;

use crate::paging::Page;

/// The pager for `total` things (`unit`: what is counted, with its measure word: "道试题", "人")
/// shown `page` at a time; `on_page` gets the index of the page asked for. A function, not a
/// component: it holds no state, and every component type costs the download its own copy of
/// yew's lifecycle code.
pub fn pager(page: Page, total: usize, unit: &str, on_page: &Callback<usize>) -> Html {
    let go = |to: usize| {
        let on_page = on_page.clone();
        Callback::from(move |_| on_page.emit(to))
    };
    html! {
        <div class="toolbar pager">
            <p role="status" class="count">{ format!(
                "共 {} {}，当前第 {} / {} 页", total, unit, page.index + 1, page.count
            ) }</p>
            if page.count > 1 {
                <span class="no-print">
                    <button disabled={page.is_first()} onclick={go(page.index.saturating_sub(1))}>{ "上一页" }</button>
                    <button disabled={page.is_last()} onclick={go(page.index + 1)}>{ "下一页" }</button>
                </span>
            }
        </div>
    }
}
