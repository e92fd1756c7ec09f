//! One holiday calendar a year. A file may carry a year's calendar made on another computer
//! (another record for the same year): the same days are the same calendar and nothing is
//! stored twice; different days are refused, day by day, before anything is written — which
//! one counts must not depend on ids (a deadline would move without anyone seeing why).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::merge::{LocalRecord, MergePlan};
use super::records::typed;
use crate::admonition::deadline::HolidayCalendar;
use crate::order::Collect;
use crate::record::Id;
use crate::sorted::SortedSet;
use crate::store::schema::StoreName;

/// "1月1日、2月14日" (at most ten named).
fn days(list: &SortedSet<NaiveDate>) -> String {
    use chrono::Datelike;
    let shown: Vec<String> = list
        .iter()
        .take(10)
        .map(|d| format!("{}月{}日", d.month(), d.day()))
        .collect();
    match list.len() {
        n if n > 10 => format!("{} 等 {n} 天", shown.join("、")),
        _ => shown.join("、"),
    }
}

/// How a file's calendar for a year differs from ours, in words.
fn differences(file: &HolidayCalendar, ours: &HolidayCalendar) -> Vec<String> {
    let mut out = Vec::new();
    let mut say = |what: &str, a: &SortedSet<NaiveDate>, b: &SortedSet<NaiveDate>| {
        let only: SortedSet<NaiveDate> = a.difference(b).copied().to_set();
        if !only.is_empty() {
            out.push(format!("{what}{}", days(&only)));
        }
    };
    say("文件中放假、本机没有：", &file.holidays, &ours.holidays);
    say("本机放假、文件中没有：", &ours.holidays, &file.holidays);
    say(
        "文件中调休上班、本机没有：",
        &file.makeup_workdays,
        &ours.makeup_workdays,
    );
    say(
        "本机调休上班、文件中没有：",
        &ours.makeup_workdays,
        &file.makeup_workdays,
    );
    out
}

/// Takes out of `plan` each calendar of a year this browser already has under another id with
/// the same days (a note says so); refuses, naming the days, one whose days differ.
pub fn one_a_year(
    plan: &mut MergePlan,
    local: &HashMap<(StoreName, Id), LocalRecord>,
) -> Result<Vec<String>, String> {
    let ours: Vec<HolidayCalendar> = local
        .iter()
        .filter(|((store, _), _)| *store == StoreName::HolidayCalendars)
        .filter_map(|(_, r)| typed(&r.value).ok())
        .collect();
    let mut notes = Vec::new();
    let mut refusals = Vec::new();
    plan.items.retain(|item| {
        if item.store != StoreName::HolidayCalendars {
            return true;
        }
        let Ok(file) = typed::<HolidayCalendar>(&item.incoming.value) else {
            return true;
        };
        let Some(same_year) = ours
            .iter()
            .find(|c| c.year == file.year && c.meta.id != file.meta.id)
        else {
            return true;
        };
        let differ = differences(&file, same_year);
        if differ.is_empty() {
            notes.push(format!(
                "文件中的 {} 年节假日安排与本机已有的相同，不重复保存。",
                file.year
            ));
        } else {
            refusals.push(format!(
                "{} 年的节假日安排本机已有一份，与文件中的不同——{}。",
                file.year,
                differ.join("；")
            ));
        }
        false
    });
    if refusals.is_empty() {
        Ok(notes)
    } else {
        Err(format!(
            "{}一年只能有一份节假日安排，否则整改期限算哪一份说不清。请对照国务院办公厅的通知核实：文件中的对，就先在“谈话诫勉 → 期限与节假日”里把本机这一年改成一样，再导入；本机的对，就不要导入这个文件。整个文件都没有导入。",
            refusals.join("")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::merge::{plan, LocalRecord};
    use crate::exchange::validate::IncomingRecord;
    use crate::record::{DeviceId, Meta};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn calendar(year: i32, off: &[&str], worked: &[&str]) -> HolidayCalendar {
        HolidayCalendar {
            meta: Meta::new(&DeviceId("d".into()), chrono::DateTime::default()),
            year,
            holidays: off.iter().map(|s| d(s)).collect(),
            makeup_workdays: worked.iter().map(|s| d(s)).collect(),
            note: String::new(),
        }
    }

    fn value(c: &HolidayCalendar) -> serde_json::Value {
        serde_json::to_value(c).unwrap_or_default()
    }

    fn local_of(c: &HolidayCalendar) -> HashMap<(StoreName, Id), LocalRecord> {
        HashMap::from([(
            (StoreName::HolidayCalendars, c.meta.id),
            LocalRecord {
                meta: c.meta.clone(),
                value: value(c),
            },
        )])
    }

    fn incoming(c: &HolidayCalendar) -> IncomingRecord {
        IncomingRecord {
            store: StoreName::HolidayCalendars,
            meta: c.meta.clone(),
            value: value(c),
        }
    }

    #[test]
    fn a_second_calendar_for_a_year_is_one_calendar_or_refused_day_by_day() {
        let ours = calendar(2026, &["2026-12-14"], &["2026-12-12"]);
        let local = local_of(&ours);
        // The same days under another id: left out, said so.
        let twin = calendar(2026, &["2026-12-14"], &["2026-12-12"]);
        let mut p = plan(vec![incoming(&twin)], &local);
        let notes = one_a_year(&mut p, &local).unwrap_or_default();
        assert!(p.items.is_empty());
        assert!(
            notes[0].contains("2026 年节假日安排与本机已有的相同"),
            "{notes:?}"
        );
        // Other days: refused, naming them.
        let other = calendar(2026, &["2026-12-08"], &["2026-12-12"]);
        let mut p = plan(vec![incoming(&other)], &local);
        let refused = one_a_year(&mut p, &local).err().unwrap_or_default();
        assert!(
            refused.contains("文件中放假、本机没有：12月8日"),
            "{refused}"
        );
        assert!(
            refused.contains("本机放假、文件中没有：12月14日"),
            "{refused}"
        );
        assert!(!refused.contains("调休"), "{refused}");
        // Another year, or our own calendar coming back: planned as usual.
        let next_year = calendar(2027, &["2027-01-01"], &[]);
        let mut p = plan(vec![incoming(&next_year), incoming(&ours)], &local);
        assert_eq!(one_a_year(&mut p, &local), Ok(Vec::new()));
        assert_eq!(p.items.len(), 2);
    }
}
