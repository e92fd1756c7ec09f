//! Local wall-clock time from a UTC instant and the browser's offset, and the two text forms a
//! form field uses. Pure: the browser's clock and offset are read in `ui::time`.

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, NaiveDateTime, Timelike, Utc};

/// `offset_minutes` as JavaScript's `getTimezoneOffset` gives it: UTC minus local time, so
/// −480 in China.
pub fn to_local(at: DateTime<Utc>, offset_minutes: i32) -> NaiveDateTime {
    (at - Duration::minutes(offset_minutes.into())).naive_utc()
}

/// The instant a local wall-clock time names, under the same offset convention.
pub fn from_local(local: NaiveDateTime, offset_minutes: i32) -> DateTime<Utc> {
    (local + Duration::minutes(offset_minutes.into())).and_utc()
}

/// "2026-11-28 09:05": to the minute, as lists and previews show a moment.
pub fn minute_text(local: NaiveDateTime) -> String {
    format!("{} {:02}:{:02}", local.date(), local.hour(), local.minute())
}

/// The value of an `<input type="date">`; empty or anything else is `None`.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
}

/// The first and last day of `day`'s month.
pub fn month_bounds(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = day.with_day(1).unwrap_or(day);
    let last = first
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(day);
    (first, last)
}

/// The value of an `<input type="month">` ("2026-11") as the month's first day.
pub fn parse_month(value: &str) -> Option<NaiveDate> {
    parse_date(&format!("{}-01", value.trim()))
}

/// What an `<input type="month">` shows for the month of `day`.
pub fn month_value(day: NaiveDate) -> String {
    format!("{:04}-{:02}", day.year(), day.month())
}

/// The value of an `<input type="datetime-local">` (browsers add seconds when a step asks).
pub fn parse_datetime_input(value: &str) -> Option<NaiveDateTime> {
    let value = value.trim();
    NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"))
        .ok()
}

/// The value an `<input type="datetime-local">` shows for a local time.
pub fn datetime_input(local: NaiveDateTime) -> String {
    local.format("%Y-%m-%dT%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn beijing_time_is_eight_hours_ahead_and_crosses_midnight() {
        let local = to_local(at("2026-11-27T17:30:00Z"), -480);
        assert_eq!(minute_text(local), "2026-11-28 01:30");
        assert_eq!(from_local(local, -480), at("2026-11-27T17:30:00Z"));
        // West of Greenwich the offset is positive and the day is earlier.
        assert_eq!(
            minute_text(to_local(at("2026-01-01T03:00:00Z"), 300)),
            "2025-12-31 22:00"
        );
    }

    #[test]
    fn form_values_read_back_and_bad_ones_are_none() {
        let local = parse_datetime_input("2026-12-01T08:30").unwrap_or_default();
        assert_eq!(datetime_input(local), "2026-12-01T08:30");
        assert_eq!(
            parse_datetime_input("2026-12-01T08:30:15").map(|t| t.second()),
            Some(15)
        );
        assert_eq!(
            parse_date(" 2026-02-28 "),
            NaiveDate::from_ymd_opt(2026, 2, 28)
        );
        for bad in ["", "2026-02-30", "28/02/2026", "2026-12-01 08:30"] {
            assert_eq!(parse_date(bad), None, "{bad}");
            assert_eq!(parse_datetime_input(bad), None, "{bad}");
        }
    }

    #[test]
    fn minutes_are_padded_and_seconds_dropped() {
        let local = NaiveDate::from_ymd_opt(2026, 3, 4)
            .and_then(|d| d.and_hms_opt(7, 5, 59))
            .unwrap_or_default();
        assert_eq!(minute_text(local), "2026-03-04 07:05");
    }

    #[test]
    fn a_month_field_reads_and_shows_its_month() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
        assert_eq!(parse_month("2026-02"), Some(d(2026, 2, 1)));
        assert_eq!(parse_month(" 2026-11 "), Some(d(2026, 11, 1)));
        assert_eq!(parse_month(""), None, "a cleared field picks nothing");
        assert_eq!(parse_month("2026-13"), None);
        assert_eq!(month_value(d(2026, 3, 31)), "2026-03");
        assert_eq!(month_value(d(987, 12, 1)), "0987-12");
        assert_eq!(
            month_bounds(d(2028, 2, 14)),
            (d(2028, 2, 1), d(2028, 2, 29))
        );
        assert_eq!(
            month_bounds(d(2026, 12, 31)),
            (d(2026, 12, 1), d(2026, 12, 31))
        );
    }
}
