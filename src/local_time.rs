//! Local wall-clock time from a UTC instant and the browser's offset, and the two text forms a
//! form field uses. Pure: the browser's clock and offset are read in `ui::time`.

use chrono::{
    DateTime, Datelike, Duration, Months, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc,
};

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

// Dates and times are read and written here by hand, not by chrono's `format`/`parse_from_str`:
// those interpret a pattern at run time, and their pattern reader cost the download 11 KB.

/// One to `most` ASCII digits.
fn digits(text: &str, most: usize) -> Option<u32> {
    let ok = !text.is_empty() && text.len() <= most && text.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| text.parse().ok()).flatten()
}

/// "2026-11-28" (the month and day may have one digit), as an `<input type="date">` gives it
/// and files write it; empty or anything else is `None`.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let mut parts = value.trim().split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(
        i32::try_from(digits(year, 4)?).ok()?,
        digits(month, 2)?,
        digits(day, 2)?,
    )
}

/// "09:05" or "09:05:30".
fn parse_time(text: &str) -> Option<NaiveTime> {
    let mut parts = text.split(':');
    let (hour, minute) = (digits(parts.next()?, 2)?, digits(parts.next()?, 2)?);
    let second = parts.next().map_or(Some(0), |s| digits(s, 2))?;
    if parts.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_opt(hour, minute, second)
}

/// A day and a time joined by `between`.
fn parse_moment(value: &str, between: char) -> Option<NaiveDateTime> {
    let (day, time) = value.trim().split_once(between)?;
    Some(parse_date(day)?.and_time(parse_time(time)?))
}

/// "2026-11-28 09:05", as `minute_text` writes it (and a spreadsheet cell may hold it).
pub fn parse_minute_text(value: &str) -> Option<NaiveDateTime> {
    parse_moment(value, ' ')
}

/// "2026年11月", as a month's report is titled.
pub fn month_title(day: NaiveDate) -> String {
    format!("{}年{:02}月", day.year(), day.month())
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
    parse_moment(value, 'T')
}

/// The value an `<input type="datetime-local">` shows for a local time.
pub fn datetime_input(local: NaiveDateTime) -> String {
    format!("{}T{:02}:{:02}", local.date(), local.hour(), local.minute())
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
    fn days_and_moments_are_read_only_in_the_forms_the_app_writes() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(
            parse_date("2026-1-5"),
            day(2026, 1, 5),
            "as typed into a cell"
        );
        for bad in [
            "26-01-05",
            "2026-11-28x",
            "+2026-01-01",
            "2026-011-01",
            "2026--01",
            "2026-11-28-1",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        let moment = parse_minute_text("2026-03-04 07:05");
        assert_eq!(moment.map(minute_text).as_deref(), Some("2026-03-04 07:05"));
        for bad in [
            "2026-03-04 7",
            "2026-03-04 07:05:00:00",
            "2026-03-04 24:00",
            "2026-03-04T07:05",
        ] {
            assert_eq!(parse_minute_text(bad), None, "{bad}");
        }
        assert_eq!(
            month_title(NaiveDate::from_ymd_opt(2026, 3, 31).unwrap_or_default()),
            "2026年03月"
        );
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
