//! 驻村员: cadres posted to villages, and the log they keep in the five roles the source names.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::correction::{Corrected, Correction, Diff};
use crate::record::{Entity, Id, Meta};
use crate::sorted::SortedMap;
use crate::store::schema::StoreName;

/// A village or community name as stored and compared: "南坪社区 " and "南坪 社区" are
/// 南坪社区 (place names have no spaces; invisible characters from pasted text go too).
pub fn clean_place(name: &str) -> String {
    crate::roster::names::clean_name(name).replace(' ', "")
}

/// A cadre's posting to a village, from `start` until `end` (open while none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResidentCadre {
    pub meta: Meta,
    pub cadre: Id,
    pub village: String,
    pub start: NaiveDate,
    #[serde(default)]
    pub end: Option<NaiveDate>,
    #[serde(default)]
    pub deleted: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
}

impl Entity for ResidentCadre {
    const STORE: StoreName = StoreName::ResidentCadres;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

impl ResidentCadre {
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.start <= day && self.end.is_none_or(|e| day <= e)
    }

    /// Both postings hold a day other than a handover day (one ends the day the other starts:
    /// the cadre leaves one village and arrives at the next on the same day).
    fn overlaps(&self, other: &ResidentCadre) -> bool {
        let end = |r: &ResidentCadre| r.end.unwrap_or(NaiveDate::MAX);
        let handover =
            |a: &ResidentCadre, b: &ResidentCadre| a.end == Some(b.start) && a.start < b.start;
        self.start <= end(other)
            && other.start <= end(self)
            && !handover(self, other)
            && !handover(other, self)
    }

    /// The posting ended on `day` (the last day in the village), which may be any day from its
    /// start.
    pub fn ended(&self, day: NaiveDate) -> Result<ResidentCadre, String> {
        if day < self.start {
            return Err(format!("结束日期不能早于驻村开始日期（{}）。", self.start));
        }
        Ok(ResidentCadre {
            end: Some(day),
            ..self.clone()
        })
    }

    pub fn cleaned(self) -> ResidentCadre {
        ResidentCadre {
            village: clean_place(&self.village),
            ..self
        }
    }

    /// A posting's own checks, and the rule that one cadre holds one village at a time.
    pub fn check(&self, others: &[ResidentCadre]) -> Result<(), String> {
        if self.village.trim().is_empty() {
            return Err("请填写村（社区）名称。".into());
        }
        if self.end.is_some_and(|e| e < self.start) {
            return Err("驻村结束日期不能早于开始日期。".into());
        }
        let clash = others.iter().find(|o| {
            !o.deleted && o.meta.id != self.meta.id && o.cadre == self.cadre && o.overlaps(self)
        });
        match clash {
            Some(ResidentCadre {
                start,
                end: Some(end),
                village,
                ..
            }) => Err(format!(
                "这名干部 {start} 至 {end} 驻{village}，与这次的日期重叠，同一时间只能驻一个村。请改这次的开始日期（可以是 {end}，当天交接），或改那次的结束日期。"
            )),
            Some(o) => Err(format!(
                "这名干部在 {} 起已驻{}，同一时间只能驻一个村。请先在驻村安排里给那次驻村填上结束日期。",
                o.start, o.village
            )),
            None => Ok(()),
        }
    }
}

crate::read_by_name! {
    /// The five roles of a resident cadre.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Role {
        Messenger,
        Guide,
        Clerk,
        Inspector,
        Reporter,
    }
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Messenger,
        Role::Guide,
        Role::Clerk,
        Role::Inspector,
        Role::Reporter,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Role::Messenger => "传达员",
            Role::Guide => "指导员",
            Role::Clerk => "办事员",
            Role::Inspector => "督查员",
            Role::Reporter => "报告员",
        }
    }

    /// What the role is, as the source puts it.
    pub fn describe(self) -> &'static str {
        match self {
            Role::Messenger => "向村两委、党员和群众传达政策和决定",
            Role::Guide => "指导村里制定发展规划和决策",
            Role::Clerk => "为群众办理手续和证件",
            Role::Inspector => "督促检查法律法规和决定的落实",
            Role::Reporter => "听取群众意见，向镇里反映",
        }
    }
}

/// Who wrote a log entry, as their own browser knows them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Writer {
    pub name: String,
    pub unit: String,
}

/// One entry of a resident cadre's log (驻村日志).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VillageLog {
    pub meta: Meta,
    pub writer: Writer,
    pub date: NaiveDate,
    pub village: String,
    pub role: Role,
    /// What was done.
    pub done: String,
    /// People reached.
    #[serde(default)]
    pub reached: u32,
    /// Problems raised.
    #[serde(default)]
    pub problems: String,
    #[serde(default)]
    pub follow_up: String,
    /// The problems raised are settled.
    #[serde(default)]
    pub settled: bool,
    /// When, by whom and how they were settled (older entries have only `settled`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settlement: Option<Settlement>,
    #[serde(default)]
    pub deleted: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
}

/// How the problems an entry raised were settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settlement {
    pub on: NaiveDate,
    pub by: String,
    #[serde(default)]
    pub note: String,
}

impl Entity for VillageLog {
    const STORE: StoreName = StoreName::VillageLogs;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

pub const MAX_TEXT: usize = 5_000;

impl VillageLog {
    /// An entry not written yet: by `writer` on `date`, as a 传达员, nothing said.
    pub fn blank(meta: Meta, writer: Writer, date: NaiveDate) -> VillageLog {
        VillageLog {
            meta,
            writer,
            date,
            village: String::new(),
            role: Role::Messenger,
            done: String::new(),
            reached: 0,
            problems: String::new(),
            follow_up: String::new(),
            settled: false,
            settlement: None,
            deleted: false,
            corrections: Vec::new(),
        }
    }

    pub fn check(&self) -> Result<(), String> {
        if self.village.trim().is_empty() {
            return Err("请填写村（社区）。".into());
        }
        if self.done.trim().is_empty() {
            return Err("请填写做了什么。".into());
        }
        if [&self.done, &self.problems, &self.follow_up]
            .iter()
            .any(|t| t.chars().count() > MAX_TEXT)
        {
            return Err(format!("每一栏不超过 {MAX_TEXT} 字。"));
        }
        Ok(())
    }

    /// Raised a problem that is not settled yet.
    pub fn is_open(&self) -> bool {
        !self.deleted && !self.problems.trim().is_empty() && !self.settled
    }

    /// The problems settled on `on` (not before the entry, not after `today`).
    pub fn settle(
        &self,
        on: NaiveDate,
        by: &str,
        note: &str,
        today: NaiveDate,
    ) -> Result<VillageLog, String> {
        if on < self.date || on > today {
            return Err(format!(
                "解决日期应在 {} 到今天（{today}）之间。",
                self.date
            ));
        }
        if note.chars().count() > MAX_TEXT {
            return Err(format!("说明不超过 {MAX_TEXT} 字。"));
        }
        Ok(VillageLog {
            settled: true,
            settlement: Some(Settlement {
                on,
                by: by.trim().to_string(),
                note: note.trim().to_string(),
            }),
            ..self.clone()
        })
    }

    pub fn cleaned(self) -> VillageLog {
        VillageLog {
            village: clean_place(&self.village),
            ..self
        }
    }

    /// Written by this person (the name and unit compared as `roster::matching` does).
    pub fn written_by(&self, name: &str, unit: &str) -> bool {
        crate::roster::matching::same_person(&self.writer.name, &self.writer.unit, name, unit)
    }
}

impl Corrected for VillageLog {
    fn diff(&self, before: &Self) -> Diff {
        Diff::default()
            .field("日期", before.date, self.date)
            .field("村（社区）", &before.village, &self.village)
            .field("角色", before.role.label(), self.role.label())
            .field("做了什么", &before.done, &self.done)
            .field("联系群众人数", before.reached, self.reached)
            .field("群众反映的问题", &before.problems, &self.problems)
            .field("跟进情况", &before.follow_up, &self.follow_up)
    }
    fn corrections_mut(&mut self) -> &mut Vec<Correction> {
        &mut self.corrections
    }
}

impl Corrected for ResidentCadre {
    fn diff(&self, before: &Self) -> Diff {
        Diff::default()
            .field("村（社区）", &before.village, &self.village)
            .field("开始日期", before.start, self.start)
            .day("结束日期", before.end, self.end)
    }
    fn corrections_mut(&mut self) -> &mut Vec<Correction> {
        &mut self.corrections
    }
}

/// The villages with a cadre posted on `day`: the ones the office expects entries from.
pub fn current_villages(postings: &[ResidentCadre], day: NaiveDate) -> Vec<String> {
    let mut list: Vec<String> = postings
        .iter()
        .filter(|p| !p.deleted && p.covers(day))
        .map(|p| clean_place(&p.village))
        .collect();
    list.sort_unstable();
    list.dedup();
    list
}

/// Entries in `[from, to]` of each role, for one village or writer (or all).
pub fn by_role<'a>(
    logs: impl IntoIterator<Item = &'a VillageLog>,
    from: NaiveDate,
    to: NaiveDate,
) -> [u32; 5] {
    let mut counts = [0u32; 5];
    for log in logs {
        if !log.deleted && from <= log.date && log.date <= to {
            counts[log.role as usize] += 1;
        }
    }
    counts
}

/// Counts per writer as each wrote their name and unit (`log_tally::VillageTally::writers`, one
/// list per village), one row per person labelled "姓名（单位）", in order: a unit written two
/// ways is one person, as `roster::matching` decides, and the rule is asked once per way of
/// writing, not per entry. A row is labelled as the person wrote themselves most often (the
/// fuller unit when two ways are as frequent), whatever order the villages came in.
pub fn group_writers<'a>(
    exact: impl IntoIterator<Item = (&'a Writer, [u32; 5])>,
) -> Vec<(String, [u32; 5])> {
    let add = |to: &mut [u32; 5], counts: [u32; 5]| (0..5).for_each(|r| to[r] += counts[r]);
    // The same way of writing from several villages is one first.
    let mut spelled: Vec<(&'a Writer, [u32; 5])> = Vec::new();
    let mut at: SortedMap<(&'a str, &'a str), usize> = SortedMap::new();
    for (writer, counts) in exact {
        let i = *at
            .entry((writer.name.as_str(), writer.unit.as_str()))
            .or_insert_with(|| {
                spelled.push((writer, [0; 5]));
                spelled.len() - 1
            });
        add(&mut spelled[i].1, counts);
    }
    // (the way of writing it was matched by, the one it is labelled by and its entries, counts)
    let mut rows: Vec<(&'a Writer, (&'a Writer, u32), [u32; 5])> = Vec::new();
    for (writer, counts) in spelled {
        let same = |(w, ..): &(&Writer, (&Writer, u32), [u32; 5])| {
            crate::roster::matching::same_person(&writer.name, &writer.unit, &w.name, &w.unit)
        };
        let total = counts.iter().sum::<u32>();
        match rows.iter().position(same) {
            Some(i) => {
                let row = &mut rows[i];
                add(&mut row.2, counts);
                let (label, most) = row.1;
                let fuller = writer.unit.trim().chars().count() > label.unit.trim().chars().count();
                if total > most || (total == most && fuller) {
                    row.1 = (writer, total);
                }
            }
            None => rows.push((writer, (writer, total), counts)),
        }
    }
    let mut out: Vec<(String, [u32; 5])> = rows
        .into_iter()
        .map(|(_, (w, _), c)| (format!("{}（{}）", w.name.trim(), w.unit.trim()), c))
        .collect();
    out.sort_unstable();
    out
}

/// Of `villages` (those with a cadre posted today: `current_villages`), the ones whose last
/// entry is more than `days` ago, or that have none; the longest unvisited first.
pub fn not_visited(
    villages: &[String],
    logs: &[VillageLog],
    today: NaiveDate,
    days: i64,
) -> Vec<(String, Option<NaiveDate>)> {
    let mut out: Vec<(String, Option<NaiveDate>)> = villages
        .iter()
        .map(|v| {
            let last = logs
                .iter()
                .filter(|l| {
                    !l.deleted && clean_place(&l.village) == clean_place(v) && l.date <= today
                })
                .map(|l| l.date)
                .max();
            (v.clone(), last)
        })
        .filter(|(_, last)| last.is_none_or(|d| (today - d).num_days() > days))
        .collect();
    crate::order::sort_by(&mut out, |(v, last)| {
        crate::order::Key::int(last.map_or(i64::MIN, crate::order::day)).then(v)
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::DeviceId;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn meta() -> Meta {
        Meta::new(&DeviceId("a".into()), chrono::DateTime::default())
    }

    fn posting(cadre: u128, village: &str, start: &str, end: Option<&str>) -> ResidentCadre {
        ResidentCadre {
            meta: meta(),
            cadre: uuid::Uuid::from_u128(cadre),
            village: village.into(),
            start: d(start),
            end: end.map(d),
            deleted: false,
            corrections: Vec::new(),
        }
    }

    fn log(village: &str, date: &str, role: Role, problems: &str) -> VillageLog {
        VillageLog {
            village: village.into(),
            role,
            done: "宣讲".into(),
            reached: 10,
            problems: problems.into(),
            ..VillageLog::blank(meta(), Writer::default(), d(date))
        }
    }

    #[test]
    fn one_cadre_holds_one_village_at_a_time_and_a_village_may_have_several() {
        let a = posting(1, "东村", "2026-01-01", None);
        assert!(posting(1, "西村", "2026-06-01", None)
            .check(std::slice::from_ref(&a))
            .is_err());
        assert!(posting(2, "东村", "2026-06-01", None)
            .check(std::slice::from_ref(&a))
            .is_ok());
        let ended = posting(1, "东村", "2026-01-01", Some("2026-05-31"));
        assert!(posting(1, "西村", "2026-06-01", None)
            .check(&[ended])
            .is_ok());
        assert!(posting(1, "西村", "2026-06-01", Some("2026-05-01"))
            .check(&[])
            .is_err());
    }

    #[test]
    fn a_cadre_can_hand_over_and_move_on_the_same_day() {
        let old = posting(1, "东村", "2026-01-01", None);
        let ended = old.ended(d("2026-11-15"));
        assert!(old.ended(d("2025-12-31")).is_err());
        let Ok(ended) = ended else {
            panic!("a past day after the start ends a posting")
        };
        assert_eq!(ended.end, Some(d("2026-11-15")));
        let next = posting(1, "西村", "2026-11-15", None);
        assert_eq!(next.check(std::slice::from_ref(&ended)), Ok(()));
        let early = posting(1, "西村", "2026-11-14", None);
        let message = early.check(&[ended]).err().unwrap_or_default();
        assert!(
            message.contains("2026-01-01 至 2026-11-15 驻东村"),
            "{message}"
        );
        assert!(!message.contains("请先"), "{message}");
        let same_day = posting(1, "西村", "2026-11-15", Some("2026-11-15"));
        assert!(same_day
            .check(std::slice::from_ref(&same_day.clone()))
            .is_ok());
        let twice = posting(1, "西村", "2026-11-15", Some("2026-11-15"));
        let mut other = twice.clone();
        other.meta.id = uuid::Uuid::from_u128(9);
        assert!(
            twice.check(&[other]).is_err(),
            "two postings of one day clash"
        );
    }

    #[test]
    fn places_are_compared_without_spaces_and_only_current_postings_are_expected() {
        assert_eq!(clean_place(" 南坪 社区\u{200b} "), "南坪社区");
        let postings = [
            posting(1, "东村 ", "2026-01-01", None),
            posting(2, "西村", "2026-01-01", Some("2026-06-30")),
        ];
        assert_eq!(current_villages(&postings, d("2026-11-28")), vec!["东村"]);
        let logs = [log("东村", "2026-11-20", Role::Guide, "")];
        assert!(not_visited(&["东村 ".into()], &logs, d("2026-11-28"), 30).is_empty());
    }

    #[test]
    fn settling_records_the_day_who_and_a_note() {
        let entry = log("东村", "2026-11-21", Role::Reporter, "路灯坏了");
        let today = d("2026-11-28");
        assert!(entry.settle(d("2026-11-20"), "张三", "", today).is_err());
        assert!(entry.settle(d("2026-11-29"), "张三", "", today).is_err());
        let Ok(done) = entry.settle(d("2026-11-25"), " 张三 ", "已联系供电所修好", today)
        else {
            panic!("a day between the entry and today settles it")
        };
        assert!(!done.is_open());
        assert_eq!(
            done.settlement,
            Some(Settlement {
                on: d("2026-11-25"),
                by: "张三".into(),
                note: "已联系供电所修好".into()
            })
        );
    }

    #[test]
    fn entries_are_counted_by_role_in_the_period() {
        let logs = [
            log("东村", "2026-11-02", Role::Messenger, ""),
            log("东村", "2026-11-20", Role::Messenger, ""),
            log("东村", "2026-11-21", Role::Reporter, "路灯坏了"),
            log("东村", "2026-10-31", Role::Clerk, ""),
        ];
        assert_eq!(
            by_role(&logs, d("2026-11-01"), d("2026-11-30")),
            [2, 0, 0, 0, 1]
        );
        assert_eq!(logs.iter().filter(|l| l.is_open()).count(), 1);
    }

    /// Entries in `[from, to]` of each role per person, as the month's table counts them.
    fn by_writer(logs: &[VillageLog], from: NaiveDate, to: NaiveDate) -> Vec<(String, [u32; 5])> {
        let month: Vec<crate::village::log_tally::TallyEntry> = logs
            .iter()
            .filter(|l| from <= l.date && l.date <= to)
            .map(Into::into)
            .collect();
        let tally = crate::village::log_tally::VillageTally::of(Default::default(), &month);
        group_writers(tally.writers.iter().map(|(w, n)| (w, *n)))
    }

    #[test]
    fn entries_are_counted_per_person_whichever_way_the_unit_is_written() {
        let mut a = log("东村", "2026-11-02", Role::Messenger, "");
        a.writer = Writer {
            name: "王五".into(),
            unit: "综治办公室".into(),
        };
        let mut b = log("东村", "2026-11-03", Role::Clerk, "");
        b.writer = Writer {
            name: " 王五".into(),
            unit: "综治办".into(),
        };
        let mut c = log("西村", "2026-10-03", Role::Clerk, "");
        c.writer = Writer {
            name: "刘六".into(),
            unit: "镇政府".into(),
        };
        let rows = by_writer(&[a, b, c], d("2026-11-01"), d("2026-11-30"));
        assert_eq!(
            rows,
            vec![("王五（综治办公室）".to_string(), [1, 0, 1, 0, 0]),]
        );
    }

    #[test]
    fn ways_of_writing_met_again_later_count_with_the_first_row_they_match() {
        let writer = |name: &str, unit: &str| Writer {
            name: name.into(),
            unit: unit.into(),
        };
        let mut logs = Vec::new();
        for (i, (name, unit)) in [
            ("王五", "综治办公室"),
            ("刘六", "镇政府"),
            (" 王五", "综治办"),
        ]
        .iter()
        .cycle()
        .take(30)
        .enumerate()
        {
            let mut l = log(
                "东村",
                &format!("2026-11-{:02}", 1 + i % 28),
                Role::Guide,
                "",
            );
            l.writer = writer(name, unit);
            l.deleted = i == 29;
            logs.push(l);
        }
        assert_eq!(
            by_writer(&logs, d("2026-11-01"), d("2026-11-30")),
            vec![
                ("刘六（镇政府）".to_string(), [0, 10, 0, 0, 0]),
                ("王五（综治办公室）".to_string(), [0, 19, 0, 0, 0]),
            ]
        );
    }

    #[test]
    fn a_person_is_labelled_as_they_wrote_themselves_most_whatever_the_order_of_villages() {
        let w = |name: &str, unit: &str| Writer {
            name: name.into(),
            unit: unit.into(),
        };
        let (short, full) = (w("王五", "综治办"), w(" 王五", "综治办公室"));
        // 东村's tally, then 西村's: the short unit twice in all, the full one once.
        let east = [(&short, [1, 0, 0, 0, 0]), (&full, [0, 1, 0, 0, 0])];
        let west = [(&short, [0, 0, 1, 0, 0])];
        let expected = vec![("王五（综治办）".to_string(), [1, 1, 1, 0, 0])];
        assert_eq!(group_writers(east.iter().chain(&west).copied()), expected);
        assert_eq!(group_writers(west.iter().chain(&east).copied()), expected);
        // As often each way: the fuller unit.
        let tie = [(&short, [1, 0, 0, 0, 0]), (&full, [1, 0, 0, 0, 0])];
        let rows = group_writers(tie.iter().copied());
        assert_eq!(rows[0].0, "王五（综治办公室）");
        assert_eq!(group_writers(tie.iter().rev().copied()), rows);
    }

    #[test]
    fn villages_not_visited_in_n_days_longest_first() {
        let logs = [
            log("东村", "2026-11-20", Role::Guide, ""),
            log("西村", "2026-10-01", Role::Guide, ""),
        ];
        let villages = ["东村", "西村", "南村"].map(String::from).to_vec();
        let list = not_visited(&villages, &logs, d("2026-11-28"), 30);
        assert_eq!(
            list,
            vec![
                ("南村".to_string(), None),
                ("西村".to_string(), Some(d("2026-10-01")))
            ]
        );
    }
}
