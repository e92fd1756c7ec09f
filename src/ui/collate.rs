//! Chinese names in the order people expect (pinyin), as the browser's own collator orders them:
//! code-point order puts 赵 before 李 for no reason a reader knows.

use std::collections::HashMap;

use wasm_bindgen::JsValue;

/// Each distinct text's place in pinyin order, for sorting with `order::Key::int`.
pub fn pinyin_ranks<'a>(texts: impl IntoIterator<Item = &'a str>) -> HashMap<String, i64> {
    let mut distinct: Vec<String> = texts.into_iter().map(str::to_string).collect();
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
