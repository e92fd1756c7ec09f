//! The line under a long list: how many there are, which page this is, and the way to the
//! next and previous pages.

use yew::prelude::*;

use crate::paging::Page;

#[derive(Properties, PartialEq)]
pub struct PagerProps {
    pub page: Page,
    pub total: usize,
    /// What is counted, with its measure word: "道试题", "人".
    pub unit: AttrValue,
    pub on_page: Callback<usize>,
}

#[function_component(Pager)]
pub fn pager(props: &PagerProps) -> Html {
    let page = props.page;
    let go = |to: usize| {
        let on_page = props.on_page.clone();
        Callback::from(move |_| on_page.emit(to))
    };
    html! {
        <div class="toolbar pager">
            <p role="status" class="count">{ format!(
                "共 {} {}，当前第 {} / {} 页", props.total, props.unit, page.index + 1, page.count
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
