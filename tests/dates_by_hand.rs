//! The vendored chrono reads the dates in records by hand (vendor/README.md). These tests hold
//! it to upstream's readers, which it keeps beside them: every text gives the same date or
//! moment, or is refused by both.
#![cfg(not(target_arch = "wasm32"))]

use chrono::format::{__date_by_items, __rfc3339_relaxed_by_items};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use proptest::prelude::*;

fn same_date(text: &str) {
    assert_eq!(
        text.parse::<NaiveDate>().ok(),
        __date_by_items(text).ok(),
        "date {text:?}"
    );
}

fn same_moment(text: &str) {
    assert_eq!(
        text.parse::<DateTime<FixedOffset>>().ok(),
        __rfc3339_relaxed_by_items(text).ok(),
        "moment {text:?}"
    );
}

#[test]
fn texts_read_as_upstream_reads_them() {
    let dates = [
        "2026-12-05",
        " 2026-1-5 ",
        "2026 - 12 - 05",
        "+12026-01-01",
        "-0044-03-15",
        "26-02-28",
        "2026-02-29",
        "2024-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-12-32",
        "20261-01-01",
        "2026-123-01",
        "2026-12-05x",
        "2026-12",
        "",
        "-",
        "+99999999999999999999-01-01",
        "2026－12－05",
    ];
    for d in dates {
        same_date(d);
    }
    let moments = [
        "2026-12-05T02:48:36Z",
        "2026-12-05T02:48:36.123456789Z",
        "2026-12-05T02:48:36.1234567891234z",
        "2026-12-05t02:48:36+08:00",
        "2026-12-05 02:48:36 +0800",
        "2026-12-05 02:48:36 UTC",
        "2026-12-05 02:48:36utc",
        "2026-12-05T02:48:36−05:30",
        "2026-12-05T02:48:36-05 : 30",
        "2026-12-05T02:48:36+08",
        "2026-12-05T02:48:36+08:60",
        "2026-12-05T23:59:60Z",
        "2026-12-05T23:58:60Z",
        "2026-12-05T24:00:00Z",
        "2026-12-05T1:2:3Z",
        "2026-12-05T02:48Z",
        "2026-12-05T02:48:36",
        "2026-12-05T02:48:36.Z",
        "2026-12-05T02:48:36Z ",
        "2026-12-05T02:48:36Zx",
        "2026-12-05X02:48:36Z",
        "2026-12-05",
        "+262143-12-31T23:59:59-23:59",
        "-262143-01-01T00:00:00+23:59",
        "2026-12-05T02:48:36+99:00",
    ];
    for m in moments {
        same_moment(m);
    }
}

#[test]
fn a_record_moment_still_round_trips() {
    let at: DateTime<Utc> = "2026-11-27T07:30:00.250Z".parse().expect("moment");
    let text = serde_json::to_string(&at).expect("write");
    assert_eq!(
        serde_json::from_str::<DateTime<Utc>>(&text).expect("read"),
        at
    );
    let day: NaiveDate = serde_json::from_str("\"2026-12-05\"").expect("read");
    assert_eq!(day, NaiveDate::from_ymd_opt(2026, 12, 5).expect("day"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn any_text_of_date_characters(text in "[0-9 +\\-]{0,16}") {
        same_date(&text);
    }

    #[test]
    fn any_text_of_moment_characters(text in "[0-9 +\\-:.TtZzUTCutc−]{0,36}") {
        same_moment(&text);
    }

    #[test]
    fn moments_near_the_written_form(
        y in -300000i64..300000, mo in 0u32..14, d in 0u32..33, h in 0u32..26, mi in 0u32..62,
        s in 0u32..62, frac in "(\\.[0-9]{0,12})?", zone in "(Z|z|UTC| ?[+\\-−][0-9]{2}:?[0-9]{0,2})",
        sep in "[Tt x]",
    ) {
        same_moment(&format!("{y:04}-{mo:02}-{d:02}{sep}{h:02}:{mi:02}:{s:02}{frac}{zone}"));
        same_date(&format!("{y:04}-{mo}-{d}"));
    }
}
