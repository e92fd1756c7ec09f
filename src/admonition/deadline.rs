//! The rectification deadline: so many calendar days or working days after the talk, working
//! days counted on each year's official holidays and make-up working days (调休).

use chrono::{Datelike, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::record::{Entity, Meta};
use crate::sorted::SortedSet;
use crate::store::schema::StoreName;

crate::read_by_name! {
    /// How the days of a deadline are counted.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Counting {
        /// 自然日: every day counts.
        #[default]
        Calendar,
        /// 工作日: weekdays that are not public holidays, plus make-up working days.
        Working,
    }
}

impl Counting {
    pub const ALL: [Counting; 2] = [Counting::Calendar, Counting::Working];
    pub fn label(self) -> &'static str {
        match self {
            Counting::Calendar => "自然日",
            Counting::Working => "工作日",
        }
    }

    /// The unit a number of such days is said in: "3 天", "3 个工作日".
    pub fn unit(self) -> &'static str {
        match self {
            Counting::Calendar => "天",
            Counting::Working => "个工作日",
        }
    }
}

/// How long the admonished cadre has to hand in rectification measures, and how long the
/// observation period after them lasts. Each case keeps the rule it was opened with, so a later
/// change of the setting never moves a deadline already told to someone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineRule {
    pub days: u32,
    #[serde(default)]
    pub counting: Counting,
    /// 考察期, in months.
    pub observation_months: u32,
}

impl Default for DeadlineRule {
    fn default() -> Self {
        DeadlineRule {
            days: 5,
            counting: Counting::Calendar,
            observation_months: 6,
        }
    }
}

pub const MAX_DEADLINE_DAYS: u32 = 60;
pub const MAX_OBSERVATION_MONTHS: u32 = 24;

impl DeadlineRule {
    pub fn check(&self) -> Result<(), String> {
        if !(1..=MAX_DEADLINE_DAYS).contains(&self.days) {
            return Err(format!("整改期限应为 1 到 {MAX_DEADLINE_DAYS} 天。"));
        }
        if !(1..=MAX_OBSERVATION_MONTHS).contains(&self.observation_months) {
            return Err(format!("考察期应为 1 到 {MAX_OBSERVATION_MONTHS} 个月。"));
        }
        Ok(())
    }

    pub fn describe(&self) -> String {
        format!("{} 个{}", self.days, self.counting.label())
    }

    /// The convention in words, beside the computed date on the form and the case.
    pub fn convention(&self) -> String {
        match self.counting {
            Counting::Calendar => format!(
                "谈话当天不计，从次日起算第 {} 天为期限（节假日照常计算）",
                self.days
            ),
            Counting::Working => format!(
                "谈话当天不计，从次日起算第 {} 个工作日为期限（遇法定节假日和周末顺延，调休上班日计入）",
                self.days
            ),
        }
    }
}

/// One year's official days off and make-up working days, as the State Council's notice gives
/// them. It travels as a file, because each office enters it once a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HolidayCalendar {
    pub meta: Meta,
    pub year: i32,
    #[serde(default)]
    pub holidays: SortedSet<NaiveDate>,
    #[serde(default)]
    pub makeup_workdays: SortedSet<NaiveDate>,
    #[serde(default)]
    pub note: String,
}

impl Entity for HolidayCalendar {
    const STORE: StoreName = StoreName::HolidayCalendars;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

impl HolidayCalendar {
    pub fn check(&self) -> Result<(), String> {
        if !(2000..=2100).contains(&self.year) {
            return Err(format!("年份 {} 不在 2000 到 2100 之间。", self.year));
        }
        let stray = self
            .holidays
            .iter()
            .chain(&self.makeup_workdays)
            .find(|d| d.year() != self.year);
        if let Some(d) = stray {
            return Err(format!("{d} 不是 {} 年的日期。", self.year));
        }
        if let Some(d) = self.holidays.intersection(&self.makeup_workdays).next() {
            return Err(format!("{d} 不能既是放假日又是调休上班日。"));
        }
        Ok(())
    }
}

/// Whether `day` is a working day, by the calendars entered (a year without one counts only
/// weekends as days off).
pub fn is_working_day(day: NaiveDate, calendars: &[HolidayCalendar]) -> bool {
    let year = calendars.iter().find(|c| c.year == day.year());
    if let Some(c) = year {
        if c.makeup_workdays.contains(&day) {
            return true;
        }
        if c.holidays.contains(&day) {
            return false;
        }
    }
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The last day for the rectification measures of a talk held on `talk`: the `days`-th
/// calendar day after it, or the `days`-th working day after it.
pub fn deadline(talk: NaiveDate, rule: &DeadlineRule, calendars: &[HolidayCalendar]) -> NaiveDate {
    match rule.counting {
        Counting::Calendar => talk + chrono::Days::new(u64::from(rule.days)),
        Counting::Working => {
            let mut day = talk;
            let mut left = rule.days;
            while left > 0 {
                day = day.succ_opt().unwrap_or(day);
                if is_working_day(day, calendars) {
                    left -= 1;
                }
            }
            day
        }
    }
}

/// The years a working-day deadline counted now crosses whose holidays are not entered: until
/// they are, the deadline is provisional (weekends only counted as days off).
pub fn missing_years(
    talk: NaiveDate,
    rule: &DeadlineRule,
    calendars: &[HolidayCalendar],
) -> Vec<i32> {
    if rule.counting == Counting::Calendar {
        return Vec::new();
    }
    let end = deadline(talk, rule, calendars);
    (talk.year()..=end.year())
        .filter(|y| !calendars.iter().any(|c| c.year == *y))
        .collect()
}

/// Why a deadline is provisional and what will happen.
pub fn provisional_note(years: &[i32]) -> String {
    let years: Vec<String> = years.iter().map(|y| format!("{y} 年")).collect();
    format!(
        "暂定：还没有录入{}的节假日安排，工作日暂按周一至周五计算；录入后自动重新核算，并记入案件经过。",
        years.join("、")
    )
}

/// Days counted from `from` to `to` in the rule's unit: the days after `from` up to and
/// including `to` (working days only under a working-day rule); negative when `to` is earlier.
pub fn counted_days(
    from: NaiveDate,
    to: NaiveDate,
    counting: Counting,
    calendars: &[HolidayCalendar],
) -> i64 {
    match counting {
        Counting::Calendar => (to - from).num_days(),
        Counting::Working => {
            let (a, b, sign) = if to >= from {
                (from, to, 1)
            } else {
                (to, from, -1)
            };
            let n = a
                .iter_days()
                .skip(1)
                .take_while(|d| *d <= b)
                .filter(|d| is_working_day(*d, calendars))
                .count();
            sign * i64::try_from(n).unwrap_or(i64::MAX)
        }
    }
}

/// The day an observation of `months` starting on `from` ends (the same day of the month, or
/// the month's last day when it has no such day).
pub fn observation_end(from: NaiveDate, months: u32) -> NaiveDate {
    from.checked_add_months(Months::new(months)).unwrap_or(from)
}

/// Days written back one a line, runs of consecutive days as a range.
pub fn days_text(days: &SortedSet<NaiveDate>) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut run: Option<(NaiveDate, NaiveDate)> = None;
    let flush = |run: Option<(NaiveDate, NaiveDate)>, lines: &mut Vec<String>| match run {
        Some((a, b)) if a == b => lines.push(a.to_string()),
        Some((a, b)) => lines.push(format!("{a} 至 {b}")),
        None => {}
    };
    for d in days {
        run = match run {
            Some((a, b)) if b.succ_opt() == Some(*d) => Some((a, *d)),
            other => {
                flush(other, &mut lines);
                Some((*d, *d))
            }
        };
    }
    flush(run, &mut lines);
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::DeviceId;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn calendar(year: i32, holidays: &[&str], makeup: &[&str]) -> HolidayCalendar {
        HolidayCalendar {
            meta: Meta::new(&DeviceId("a".into()), chrono::DateTime::default()),
            year,
            holidays: holidays.iter().map(|s| d(s)).collect(),
            makeup_workdays: makeup.iter().map(|s| d(s)).collect(),
            note: String::new(),
        }
    }

    fn rule(days: u32, counting: Counting) -> DeadlineRule {
        DeadlineRule {
            days,
            counting,
            observation_months: 6,
        }
    }

    #[test]
    fn calendar_days_cross_month_and_year_ends() {
        let r = rule(5, Counting::Calendar);
        assert_eq!(deadline(d("2026-11-27"), &r, &[]), d("2026-12-02"));
        assert_eq!(deadline(d("2026-12-29"), &r, &[]), d("2027-01-03"));
        assert_eq!(deadline(d("2028-02-26"), &r, &[]), d("2028-03-02"));
    }

    #[test]
    fn working_days_skip_weekends() {
        // Friday 2026-11-27: Mon 30, Tue 1, Wed 2, Thu 3, Fri 4.
        let r = rule(5, Counting::Working);
        assert_eq!(deadline(d("2026-11-27"), &r, &[]), d("2026-12-04"));
    }

    #[test]
    fn working_days_skip_holidays_and_count_makeup_days() {
        // 国庆 2026 as entered: 1–7 October off, Sunday 27 September and Saturday 10 October worked.
        let cal = calendar(
            2026,
            &[
                "2026-10-01",
                "2026-10-02",
                "2026-10-03",
                "2026-10-04",
                "2026-10-05",
                "2026-10-06",
                "2026-10-07",
            ],
            &["2026-09-27", "2026-10-10"],
        );
        let r = rule(5, Counting::Working);
        // Talk on Friday 25 September: Sun 27 (make-up), Mon 28, Tue 29, Wed 30, then Thu 8 Oct.
        assert_eq!(
            deadline(d("2026-09-25"), &r, std::slice::from_ref(&cal)),
            d("2026-10-08")
        );
        // Talk on 30 September: 8, 9, 10 (Saturday, make-up), 12, 13.
        assert_eq!(deadline(d("2026-09-30"), &r, &[cal]), d("2026-10-13"));
    }

    #[test]
    fn working_days_cross_the_year_end_with_the_next_years_calendar() {
        let next = calendar(2027, &["2027-01-01"], &[]);
        let r = rule(5, Counting::Working);
        // Wed 30 Dec 2026: Thu 31, (Fri 1 Jan off), Mon 4, Tue 5, Wed 6, Thu 7.
        assert_eq!(deadline(d("2026-12-30"), &r, &[next]), d("2027-01-07"));
        assert_eq!(
            missing_years(d("2026-12-30"), &r, &[]),
            vec![2026, 2027],
            "working days across years with no calendar are flagged"
        );
    }

    #[test]
    fn observation_ends_on_the_same_day_or_the_months_last() {
        assert_eq!(observation_end(d("2026-05-15"), 6), d("2026-11-15"));
        assert_eq!(observation_end(d("2026-08-31"), 6), d("2027-02-28"));
    }

    #[test]
    fn a_calendar_refuses_other_years_and_days_both_off_and_worked() {
        assert!(calendar(2026, &["2027-01-01"], &[]).check().is_err());
        assert!(calendar(2026, &["2026-10-10"], &["2026-10-10"])
            .check()
            .is_err());
        assert!(calendar(2026, &["2026-10-01"], &["2026-10-10"])
            .check()
            .is_ok());
    }

    #[test]
    fn days_are_written_back_as_ranges() {
        let days: SortedSet<NaiveDate> = [
            "2026-09-27",
            "2026-10-01",
            "2026-10-02",
            "2026-10-03",
            "2026-10-10",
        ]
        .iter()
        .map(|s| d(s))
        .collect();
        assert_eq!(
            days_text(&days),
            "2026-09-27\n2026-10-01 至 2026-10-03\n2026-10-10"
        );
    }

    #[test]
    fn a_provisional_deadline_says_which_years_it_waits_for() {
        let note = provisional_note(&[2027]);
        assert!(
            note.starts_with("暂定：还没有录入2027 年的节假日安排"),
            "{note}"
        );
    }

    #[test]
    fn lateness_is_counted_in_the_rules_unit() {
        let cal = calendar(2027, &["2027-01-01"], &[]);
        // Deadline Wed 6 Jan 2027 as counted without 2027; today Mon 11 Jan.
        let (deadline, today) = (d("2027-01-06"), d("2027-01-11"));
        assert_eq!(counted_days(deadline, today, Counting::Calendar, &[]), 5);
        assert_eq!(counted_days(deadline, today, Counting::Working, &[]), 3);
        // Thu 31 Dec 2026 to Mon 4 Jan 2027 across New Year's Day: one working day.
        assert_eq!(
            counted_days(d("2026-12-31"), d("2027-01-04"), Counting::Working, &[cal]),
            1
        );
        assert_eq!(counted_days(today, deadline, Counting::Working, &[]), -3);
    }

    #[test]
    fn a_rule_outside_its_limits_is_refused() {
        assert!(rule(0, Counting::Calendar).check().is_err());
        assert!(rule(5, Counting::Working).check().is_ok());
    }
}
