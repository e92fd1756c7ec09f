//! The two texts serde reads dates from, read by hand (zuofeng's vendor/README.md): a date
//! (`NaiveDate`'s `FromStr`) and a relaxed RFC 3339 moment (`DateTime<FixedOffset>`'s). The
//! same steps as `parse` with those items, with the same scanners and the same checks of
//! `Parsed`, so the same texts are accepted and give the same values; what is left out is the
//! interpreter of every other kind of item, which the download no longer carries.
//! `__date_by_items` and `__rfc3339_relaxed_by_items` keep the upstream readers, for tests
//! that compare the two.

use super::{scan, ParseResult, Parsed, IMPOSSIBLE, INVALID, OUT_OF_RANGE, TOO_LONG, TOO_SHORT};
use crate::offset::{FixedOffset, MappedLocalTime, TimeZone};
use crate::{DateTime, NaiveDate, NaiveTime};

/// `Item::Numeric(Year, Pad::Zero)`: four digits at most, unless signed.
fn year(s: &str) -> ParseResult<(&str, i64)> {
    let s = s.trim_start();
    if let Some(rest) = s.strip_prefix('-') {
        let (s, v) = scan::number(rest, 1, usize::MAX)?;
        Ok((s, 0i64.checked_sub(v).ok_or(OUT_OF_RANGE)?))
    } else if let Some(rest) = s.strip_prefix('+') {
        scan::number(rest, 1, usize::MAX)
    } else {
        scan::number(s, 1, 4)
    }
}

/// `Item::Numeric` of a two-digit field.
fn two(s: &str) -> ParseResult<(&str, i64)> {
    scan::number(s.trim_start(), 1, 2)
}

/// `Item::Space("")` then `Item::Literal`.
fn literal(s: &str, c: char) -> ParseResult<&str> {
    let s = s.trim_start();
    match s.strip_prefix(c) {
        Some(rest) => Ok(rest),
        None if s.is_empty() => Err(TOO_SHORT),
        None => Err(INVALID),
    }
}

/// Year, month and day as `Parsed` checks them.
fn ymd(s: &str) -> ParseResult<(&str, NaiveDate)> {
    let (s, y) = year(s)?;
    let (s, m) = two(literal(s, '-')?)?;
    let (s, d) = two(literal(s, '-')?)?;
    let y = i32::try_from(y).map_err(|_| OUT_OF_RANGE)?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(OUT_OF_RANGE);
    }
    Ok((
        s,
        NaiveDate::from_ymd_opt(y, m as u32, d as u32).ok_or(OUT_OF_RANGE)?,
    ))
}

/// `NaiveDate::from_str`: "2026-12-05", spaces allowed around each part.
pub(crate) fn date(s: &str) -> ParseResult<NaiveDate> {
    let (s, date) = ymd(s)?;
    if !s.trim_start().is_empty() {
        return Err(TOO_LONG);
    }
    Ok(date)
}

/// `DateTime<FixedOffset>::from_str`: "2026-12-05T02:48:36.5Z", with `t` or a space before the
/// time, and `Z`, `UTC` or an offset after it.
pub(crate) fn rfc3339_relaxed(s: &str) -> ParseResult<DateTime<FixedOffset>> {
    let (s, date) = ymd(s)?;
    let s = match s.as_bytes().first() {
        Some(b't' | b'T' | b' ') => &s[1..],
        Some(_) => return Err(INVALID),
        None => return Err(TOO_SHORT),
    };
    let (s, hour) = two(s)?;
    let (s, minute) = two(literal(s, ':')?)?;
    let (s, second) = two(literal(s, ':')?)?;
    let (s, nano) = match s.strip_prefix('.') {
        Some(rest) => scan::nanosecond(rest)?,
        None => (s, 0),
    };
    let s = s.trim_start();
    let (s, offset) = if s.len() >= 3 && b"UTC".eq_ignore_ascii_case(&s.as_bytes()[..3]) {
        (&s[3..], 0)
    } else {
        scan::timezone_offset(s, scan::colon_or_space, true, false, true)?
    };
    if !s.trim_start().is_empty() {
        return Err(TOO_LONG);
    }
    if !(0..=23).contains(&hour) || !(0..=59).contains(&minute) {
        return Err(OUT_OF_RANGE);
    }
    // A leap second is written as second 60.
    let (second, leap) = match second {
        0..=59 => (second, 0),
        60 => (59, 1_000_000_000),
        _ => return Err(OUT_OF_RANGE),
    };
    let time = NaiveTime::from_hms_nano_opt(hour as u32, minute as u32, second as u32, leap + nano)
        .ok_or(OUT_OF_RANGE)?;
    let offset = FixedOffset::east_opt(offset).ok_or(OUT_OF_RANGE)?;
    match offset.from_local_datetime(&date.and_time(time)) {
        MappedLocalTime::Single(t) => Ok(t),
        _ => Err(IMPOSSIBLE),
    }
}

/// Upstream's `NaiveDate::from_str`.
#[doc(hidden)]
pub fn __date_by_items(s: &str) -> ParseResult<NaiveDate> {
    use super::{Item, Numeric, Pad};
    const ITEMS: &[Item<'static>] = &[
        Item::Numeric(Numeric::Year, Pad::Zero),
        Item::Space(""),
        Item::Literal("-"),
        Item::Numeric(Numeric::Month, Pad::Zero),
        Item::Space(""),
        Item::Literal("-"),
        Item::Numeric(Numeric::Day, Pad::Zero),
        Item::Space(""),
    ];
    let mut parsed = Parsed::new();
    super::parse(&mut parsed, s, ITEMS.iter())?;
    parsed.to_naive_date()
}

/// Upstream's `DateTime<FixedOffset>::from_str`.
#[doc(hidden)]
pub fn __rfc3339_relaxed_by_items(s: &str) -> ParseResult<DateTime<FixedOffset>> {
    let mut parsed = Parsed::new();
    let (s, _) = super::parse::parse_rfc3339_relaxed(&mut parsed, s)?;
    if !s.trim_start().is_empty() {
        return Err(TOO_LONG);
    }
    parsed.to_datetime()
}
