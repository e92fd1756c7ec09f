//! 驻村员: cadres posted to villages, and the log they keep in the five roles the source names.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::record::{Entity, Id, Meta};
use crate::store::schema::StoreName;

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

    fn overlaps(&self, other: &ResidentCadre) -> bool {
        let end = |r: &ResidentCadre| r.end.unwrap_or(NaiveDate::MAX);
        self.start <= end(other) && other.start <= end(self)
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
            Some(o) => Err(format!(
                "这名干部在 {} 起已驻{}，同一时间只能驻一个村。请先给那次驻村填上结束日期。",
                o.start, o.village
            )),
            None => Ok(()),
        }
    }
}

/// The five roles of a resident cadre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Messenger,
    Guide,
    Clerk,
    Inspector,
    Reporter,
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
    #[serde(default)]
    pub deleted: bool,
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

/// Villages (with a resident cadre on `today`, or any logged) whose last entry is more than
/// `days` ago, or that have none; the longest unvisited first.
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
                .filter(|l| !l.deleted && &l.village == v && l.date <= today)
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
        }
    }

    fn log(village: &str, date: &str, role: Role, problems: &str) -> VillageLog {
        VillageLog {
            meta: meta(),
            writer: Writer::default(),
            date: d(date),
            village: village.into(),
            role,
            done: "宣讲".into(),
            reached: 10,
            problems: problems.into(),
            follow_up: String::new(),
            settled: false,
            deleted: false,
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
