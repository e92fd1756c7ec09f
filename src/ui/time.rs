//! The browser's clock and time zone, for the pure code that takes times as arguments
//! (conversions and text forms: `crate::local_time`, tested natively).

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::local_time;

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// The browser's offset at `at` (summer time differs from winter time where there is any).
fn offset_at(at: DateTime<Utc>) -> i32 {
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ))
    .get_timezone_offset() as i32
}

/// The local wall-clock time, for file names and dates shown to people.
pub fn local_now() -> NaiveDateTime {
    to_local(now())
}

/// Today's date where the user is.
pub fn today() -> chrono::NaiveDate {
    local_now().date()
}

pub fn to_local(at: DateTime<Utc>) -> NaiveDateTime {
    local_time::to_local(at, offset_at(at))
}

/// The instant a local time names (a `datetime-local` field), with the offset of that day.
pub fn from_local(local: NaiveDateTime) -> DateTime<Utc> {
    let guess = local_time::from_local(local, offset_at(local.and_utc()));
    local_time::from_local(local, offset_at(guess))
}

/// What a `datetime-local` field shows for a moment (empty for none), in the browser's zone.
pub fn datetime_field(at: Option<DateTime<Utc>>) -> String {
    at.map(|at| local_time::datetime_input(to_local(at)))
        .unwrap_or_default()
}

/// A `datetime-local` field's value as the moment it names; empty or half-typed is `None`.
pub fn from_datetime_field(value: &str) -> Option<DateTime<Utc>> {
    local_time::parse_datetime_input(value).map(from_local)
}

pub fn format_local(at: DateTime<Utc>) -> String {
    local_time::minute_text(to_local(at))
}
