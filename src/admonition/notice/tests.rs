use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

fn read(holidays: &str, workdays: &str) -> Result<Reading, NoticeError> {
    read_calendar(2026, holidays, workdays)
}

#[test]
fn the_state_councils_2026_notice_reads_as_its_33_days_off_and_6_working_weekend_days() {
    let notice = include_str!("../../../tests/fixtures/admonition/holidays-2026.txt");
    let reading = read(notice, "").unwrap_or_else(|e| panic!("{}", e.user_message()));
    assert_eq!(reading.holidays.len(), 33);
    let worked: Vec<String> = reading
        .makeup_workdays
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert_eq!(
        worked,
        [
            "2026-01-04",
            "2026-02-14",
            "2026-02-28",
            "2026-05-09",
            "2026-09-20",
            "2026-10-10"
        ]
    );
    for day in [
        "2026-01-01",
        "2026-01-03",
        "2026-02-15",
        "2026-02-23",
        "2026-04-06",
        "2026-05-05",
        "2026-06-19",
        "2026-09-27",
        "2026-10-07",
    ] {
        assert!(reading.holidays.contains(&d(day)), "{day}");
    }
    assert!(!reading.holidays.contains(&d("2026-02-24")));
    assert!(reading.repeats.is_empty());
    // The heading line and the blank line give no days; the seven holiday lines do.
    assert_eq!(reading.lines.len(), 7);
    assert_eq!(reading.lines[1].place.line, 4);
    assert_eq!(
        days_in_words(&reading.lines[0].off),
        "1月1日至1月3日（3天）"
    );
    assert_eq!(days_in_words(&reading.lines[0].work), "1月4日");
}

#[test]
fn lines_in_the_notices_style_and_plain_dates_read_alike() {
    let reading = read(
        "2026年1月1日至3日放假\n10月1日（周四）至7日（周三）放假调休，共7天\n2026-05-01 至 2026-05-03\n2026/6/19",
        "2月14日（周六）上班\n2026-09-20",
    );
    let reading = reading.unwrap_or_else(|e| panic!("{}", e.user_message()));
    assert_eq!(reading.holidays.len(), 3 + 7 + 3 + 1);
    assert_eq!(
        reading.makeup_workdays.iter().copied().collect::<Vec<_>>(),
        [d("2026-02-14"), d("2026-09-20")]
    );
    // What the form writes back is read again as the same days.
    let again = read(
        &super::super::deadline::days_text(&reading.holidays),
        &super::super::deadline::days_text(&reading.makeup_workdays),
    );
    assert_eq!(
        again.map(|r| (r.holidays, r.makeup_workdays)),
        Ok((reading.holidays, reading.makeup_workdays))
    );
}

#[test]
fn a_day_typed_twice_is_shown_not_merged_silently() {
    let reading = read("10月1日至5日放假\n10月4日至7日放假", "").unwrap_or_default();
    assert_eq!(reading.holidays.len(), 7);
    let twice: Vec<(NaiveDate, usize, usize)> = reading
        .repeats
        .iter()
        .map(|r| (r.day, r.first.line, r.again.line))
        .collect();
    assert_eq!(twice, [(d("2026-10-04"), 1, 2), (d("2026-10-05"), 1, 2)]);
}

#[test]
fn every_refusal_names_the_box_and_the_line() {
    let both = read("10月1日至7日放假", "\n2026-10-07").err();
    let message = both.map(|e| e.user_message()).unwrap_or_default();
    assert!(
        message.contains("10月7日")
            && message.contains("“放假安排”第 1 行")
            && message.contains("“调休上班日期”第 2 行"),
        "{message}"
    );
    let weekday = read("\n\n10月1日（周五）至7日放假", "").err();
    assert!(
        matches!(
            weekday,
            Some(NoticeError::WrongWeekday {
                at: Place { line: 3, .. },
                ..
            })
        ),
        "{weekday:?}"
    );
    let total = read("10月1日至6日放假调休，共7天", "").err();
    assert!(
        matches!(
            total,
            Some(NoticeError::Total {
                stated: 7,
                read: 6,
                ..
            })
        ),
        "{total:?}"
    );
    let unread = read("国庆 10-01", "").err();
    assert!(
        matches!(
            unread,
            Some(NoticeError::NotADate {
                at: Place {
                    field: Field::Holidays,
                    line: 1
                },
                ..
            })
        ),
        "{unread:?}"
    );
    let backwards = read("10月7日至1日", "").err();
    assert!(
        matches!(backwards, Some(NoticeError::BadRange { .. })),
        "{backwards:?}"
    );
    let other_year = read("2027年1月1日放假", "").err();
    assert!(
        matches!(other_year, Some(NoticeError::OtherYear { year: 2026, .. })),
        "{other_year:?}"
    );
    let no_day = read("2月30日放假", "").err();
    assert!(
        matches!(no_day, Some(NoticeError::NotADate { .. })),
        "{no_day:?}"
    );
}

#[test]
fn the_2026_notice_pasted_into_the_2027_form_is_refused_by_its_weekdays() {
    let notice = include_str!("../../../tests/fixtures/admonition/holidays-2026.txt");
    let e = read_calendar(2027, notice, "").err();
    // Its title names 2026 but carries no date; the first dated line is caught by its weekday.
    assert!(
        matches!(
            e,
            Some(NoticeError::WrongWeekday {
                at: Place { line: 3, .. },
                ..
            })
        ),
        "{e:?}"
    );
}

#[test]
fn headings_and_remarks_without_dates_are_skipped() {
    let reading = read("一、元旦：\n（以上为通知节选）\n2026年\n1月1日放假", "");
    assert_eq!(reading.map(|r| r.holidays.len()), Ok(1));
}
