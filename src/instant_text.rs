//! A record's times (`meta.created_at`, `meta.updated_at`) as the text every record carries:
//! exactly chrono's serde text ("2026-12-04T21:17:03.869Z"), written and read by a few lines
//! of our own for the one form the app writes. chrono formats through `fmt` and parses
//! through its general pattern reader: for 10,000 questions that was 40 ms of an import and
//! of the reload after it. Any other form a file may hold (an offset, a leap second, a year
//! past 9999) goes to chrono as before, so what was accepted is accepted still, read the same.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use serde::{de, Deserializer, Serializer};

/// Appends `n` as exactly `width` digits.
fn push_digits(out: &mut String, n: u32, width: u32) {
    for place in (0..width).rev() {
        let digit = n / 10u32.pow(place) % 10;
        out.push(char::from(b'0' + digit as u8));
    }
}

/// `at` as chrono's serde writes it (RFC 3339 with "Z", the fraction as long as it needs to be:
/// none, milliseconds, microseconds or nanoseconds), for a year from 0 to 9999 and no leap
/// second; `None` for the others, which chrono writes.
fn fast_text(at: &DateTime<Utc>) -> Option<String> {
    use chrono::{Datelike, Timelike};
    let (date, time) = (at.date_naive(), at.time());
    let nano = time.nanosecond();
    if !(0..=9999).contains(&date.year()) || nano >= 1_000_000_000 {
        return None;
    }
    let mut out = String::with_capacity(30);
    push_digits(&mut out, date.year() as u32, 4);
    for (sep, n) in [
        ('-', date.month()),
        ('-', date.day()),
        ('T', time.hour()),
        (':', time.minute()),
        (':', time.second()),
    ] {
        out.push(sep);
        push_digits(&mut out, n, 2);
    }
    let (fraction, width) = if nano == 0 {
        (0, 0)
    } else if nano % 1_000_000 == 0 {
        (nano / 1_000_000, 3)
    } else if nano % 1_000 == 0 {
        (nano / 1_000, 6)
    } else {
        (nano, 9)
    };
    if width > 0 {
        out.push('.');
        push_digits(&mut out, fraction, width);
    }
    out.push('Z');
    Some(out)
}

/// The number `text` spells in ASCII digits only.
fn number(text: &[u8]) -> Option<u32> {
    text.iter().try_fold(0u32, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// "YYYY-MM-DDTHH:MM:SS[.fraction]Z", the form `fast_text` makes; `None` for any other.
fn read_written(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    let (head, rest) = (b.get(..19)?, b.get(19..)?);
    let seps = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if seps.iter().any(|(i, c)| head[*i] != *c) {
        return None;
    }
    let field = |from: usize, to: usize| number(&head[from..to]);
    let date = NaiveDate::from_ymd_opt(field(0, 4)? as i32, field(5, 7)?, field(8, 10)?)?;
    let (rest, z) = rest.split_at(rest.len().checked_sub(1)?);
    if z != b"Z" {
        return None;
    }
    let nano = match rest {
        [] => 0,
        [b'.', digits @ ..] if (1..=9).contains(&digits.len()) => {
            number(digits)? * 10u32.pow(9 - digits.len() as u32)
        }
        _ => return None,
    };
    // A leap second (":60") is left to chrono.
    let time = NaiveTime::from_hms_nano_opt(field(11, 13)?, field(14, 16)?, field(17, 19)?, nano)
        .filter(|_| field(17, 19) < Some(60))?;
    Some(date.and_time(time).and_utc())
}

/// `text` as chrono's serde reads a UTC time: the form `fast_text` makes at once, any other RFC
/// 3339 text (with an offset, say) through chrono's own reader.
pub fn read(text: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    match read_written(text) {
        Some(at) => Ok(at),
        None => text
            .parse::<DateTime<FixedOffset>>()
            .map(|at| at.with_timezone(&Utc)),
    }
}

pub fn serialize<S: Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    match fast_text(at) {
        Some(text) => s.serialize_str(&text),
        None => serde::Serialize::serialize(at, s),
    }
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    // Read as an owned text, whose reader every record already has.
    let text = <String as serde::Deserialize>::deserialize(d)?;
    read(&text).map_err(de::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    /// A UTC time from its fields; `None` for a day or time that does not exist.
    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> Option<DateTime<Utc>> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, s).single()
    }

    /// Times of every shape the fraction can take, around the edges of days, months and years.
    fn times() -> Vec<DateTime<Utc>> {
        let starts: Vec<DateTime<Utc>> = [
            utc(2026, 12, 4, 21, 17, 3),
            utc(2024, 2, 29, 23, 59, 59),
            utc(1970, 1, 1, 0, 0, 0),
            utc(0, 1, 1, 0, 0, 0),
            utc(9999, 12, 31, 23, 59, 59),
            utc(10000, 1, 1, 0, 0, 0),
            utc(-1, 6, 15, 12, 0, 0),
        ]
        .into_iter()
        .flatten()
        .collect();
        assert_eq!(starts.len(), 7, "every starting time exists");
        let steps = [0, 1, 10, 999, 1_000, 120_000, 869_000_000, 999_999_999];
        let mut out = Vec::new();
        for start in &starts {
            for nanos in steps {
                out.push(*start + Duration::nanoseconds(nanos));
            }
        }
        // A spread of ordinary times in milliseconds, as the browser's clock gives them.
        let mut at = starts[0];
        for i in 0..2_000i64 {
            at += Duration::milliseconds(i * 7_919_003 % 86_400_000 + 1);
            out.push(at);
        }
        out
    }

    /// A time written and read through this module, as `Meta` does.
    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Stamp(#[serde(with = "super")] DateTime<Utc>);

    #[test]
    fn writes_each_time_as_chrono_does() {
        for at in times() {
            let ours = serde_json::to_string(&Stamp(at)).unwrap_or_default();
            assert_eq!(
                ours,
                serde_json::to_string(&at).unwrap_or_default(),
                "{at:?}"
            );
            // Into a JSON value too (the path a record takes when a screen saves it).
            assert_eq!(
                serde_json::to_value(Stamp(at)).ok(),
                serde_json::to_value(at).ok()
            );
        }
    }

    #[test]
    fn reads_back_each_time_it_wrote_and_what_chrono_reads() {
        for at in times() {
            let text = serde_json::to_string(&Stamp(at)).unwrap_or_default();
            assert_eq!(serde_json::from_str::<Stamp>(&text).ok(), Some(Stamp(at)));
        }
        let other = [
            "2026-12-04T21:17:03.869+08:00",
            "2026-12-04t21:17:03z",
            "2026-12-04 21:17:03Z",
            "2026-12-31T23:59:60Z",
            "2026-12-04T21:17:03.1234567891Z",
            "+10000-01-01T00:00:00Z",
            "2026-12-04T21:17:03.Z",
            "2026-02-30T00:00:00Z",
            "2026-12-04T24:00:00Z",
            "2026-12-04T21:17:3Z",
            "2026-1２-04T21:17:03Z",
            "",
            "Z",
        ];
        for text in other {
            let theirs = serde_json::from_value::<DateTime<Utc>>(serde_json::json!(text))
                .map_err(|e| e.to_string());
            let ours = serde_json::from_value::<Stamp>(serde_json::json!(text))
                .map(|s| s.0)
                .map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{text}");
        }
        // Escaped characters in the text, which a file may hold, read as the characters.
        let escaped = r#""\u0032026-12-04T21:17:03Z""#;
        assert_eq!(
            serde_json::from_str::<Stamp>(escaped).map(|s| s.0).ok(),
            serde_json::from_str::<DateTime<Utc>>(escaped).ok()
        );
    }
}
