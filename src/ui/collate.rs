//! Chinese names in the order people expect (pinyin), as the browser's own collator orders them:
//! code-point order puts 赵 before 李 for no reason a reader knows.

use std::collections::HashMap;

use wasm_bindgen::JsValue;

/// Each distinct text's place in pinyin order, for sorting with `order::Key::int`.
pub fn pinyin_ranks<'a>(texts: impl IntoIterator<Item = &'a str>) -> HashMap<String, i64> {
    ranks_of(texts.into_iter().map(str::to_string).collect())
}

// Not generic, so the download holds one copy of its sort (a closure inside a generic function
// is a new type, and so a new sort, for every caller).
fn ranks_of(mut distinct: Vec<String>) -> HashMap<String, i64> {
    distinct.sort_unstable();
    distinct.dedup();
    let locales = js_sys::Array::of1(&JsValue::from_str("zh-CN"));
    let compare = js_sys::Intl::Collator::new(&locales, &js_sys::Object::new()).compare();
    distinct.sort_by(|a, b| {
        compare
            .call2(&JsValue::NULL, &JsValue::from_str(a), &JsValue::from_str(b))
            .ok()
            .and_then(|n| n.as_f64())
            .map_or(a.cmp(b), |n| {
                n.partial_cmp(&0.0).unwrap_or(std::cmp::Ordering::Equal)
            })
    });
    distinct
        .into_iter()
        .enumerate()
        .map(|(i, t)| (t, i as i64))
        .collect()
}

/// Sorts `items` by the texts `by` gives (a unit, then a name), each in pinyin order.
pub fn sort_in_pinyin<T>(items: &mut [T], by: impl Fn(&T) -> [&str; 2]) {
    let ranks = pinyin_ranks(items.iter().flat_map(&by));
    let rank = |s: &str| ranks.get(s).copied().unwrap_or(i64::MAX);
    let keys: Vec<crate::order::Key> = items
        .iter()
        .map(|t| {
            let [a, b] = by(t);
            crate::order::Key::ints(rank(a), rank(b), 0)
        })
        .collect();
    // Keyed by position: the one sort of the app, no second copy for this closure's type.
    let mut order: Vec<usize> = (0..items.len()).collect();
    crate::order::sort_by(&mut order, |&i| keys[i].clone());
    crate::order::permute(items, order);
}
