//! The browser's clock and local time, for the pure code that takes times as arguments.

use chrono::{DateTime, NaiveDateTime, Timelike, Utc};

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// The local wall-clock time, for file names and dates shown to people.
pub fn local_now() -> NaiveDateTime {
    to_local(now())
}

pub fn to_local(at: DateTime<Utc>) -> NaiveDateTime {
    let offset_minutes = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ))
    .get_timezone_offset();
    (at - chrono::Duration::minutes(offset_minutes as i64)).naive_utc()
}

pub fn format_local(at: DateTime<Utc>) -> String {
    let t = to_local(at);
    format!("{} {:02}:{:02}", t.date(), t.hour(), t.minute())
}
