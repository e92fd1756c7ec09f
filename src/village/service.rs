//! 便民服务: the ledger of requests taken at the service centre and the village service points,
//! the month's figures, and the public list that hides phone numbers (办事公开).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::correction::{Corrected, Correction, Diff};
use crate::record::{Entity, Meta};
use crate::roster::names::masked;
use crate::store::schema::StoreName;

/// Matters offered until the office sets its own list.
pub const DEFAULT_MATTERS: [&str; 8] = [
    "低保、救助申请",
    "医保、社保参保",
    "建房审批",
    "户籍、身份证明",
    "惠农补贴",
    "民事调解",
    "证明开具",
    "其他",
];

/// One request (服务台账).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceRequest {
    pub meta: Meta,
    /// 服务中心, or the village service point's name.
    pub point: String,
    pub person: String,
    #[serde(default)]
    pub village: String,
    #[serde(default)]
    pub phone: String,
    pub matter: String,
    /// The cadre who took it.
    pub taken_by: String,
    pub received: NaiveDate,
    #[serde(default)]
    pub promised: Option<NaiveDate>,
    #[serde(default)]
    pub done: Option<NaiveDate>,
    /// Settled in one visit (一次办).
    #[serde(default)]
    pub one_visit: bool,
    /// Handled by a cadre on the person's behalf (代办).
    #[serde(default)]
    pub on_behalf: bool,
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub deleted: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
}

impl Entity for ServiceRequest {
    const STORE: StoreName = StoreName::ServiceLedger;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

impl ServiceRequest {
    /// A new request at 服务中心, taken by `taken_by` on `received`, nothing else filled in.
    pub fn blank(meta: Meta, taken_by: String, received: NaiveDate) -> ServiceRequest {
        ServiceRequest {
            meta,
            point: "服务中心".into(),
            person: String::new(),
            village: String::new(),
            phone: String::new(),
            matter: String::new(),
            taken_by,
            received,
            promised: None,
            done: None,
            one_visit: false,
            on_behalf: false,
            outcome: String::new(),
            deleted: false,
            corrections: Vec::new(),
        }
    }

    pub fn check(&self) -> Result<(), String> {
        if self.person.trim().is_empty() {
            return Err("请填写办事群众姓名。".into());
        }
        if self.matter.trim().is_empty() {
            return Err("请选择或填写所办事项。".into());
        }
        if self.taken_by.trim().is_empty() {
            return Err("请填写受理人。".into());
        }
        if self.done.is_some_and(|d| d < self.received) {
            return Err("办结日期不能早于受理日期。".into());
        }
        if self.promised.is_some_and(|d| d < self.received) {
            return Err("承诺办结日期不能早于受理日期。".into());
        }
        if !phone_ok(&self.phone) {
            return Err("电话号码应为 7 到 12 位数字。".into());
        }
        Ok(())
    }

    /// The desk's rules for a request registered or corrected now, beyond what every stored
    /// request keeps (older records and files may hold 一次办好 without a date; they still
    /// import, so nothing entered is lost).
    pub fn check_form(&self) -> Result<(), String> {
        self.check()?;
        if self.one_visit && self.done.is_none() {
            return Err(
                "勾选了“一次办好”，请填写办结日期（一次办好的，一般就是受理当天）。".into(),
            );
        }
        Ok(())
    }

    /// The form after this request is registered: where, when, by whom, the village and the
    /// matter stay (the next person in the queue is often the same); everything about the
    /// person and their case — including the promised date — starts empty.
    pub fn next_form(&self, meta: Meta) -> ServiceRequest {
        ServiceRequest {
            meta,
            person: String::new(),
            phone: String::new(),
            outcome: String::new(),
            promised: None,
            done: None,
            one_visit: false,
            on_behalf: false,
            ..self.clone()
        }
    }

    /// The request settled on `day` (any day from when it was taken to `today`).
    pub fn finished(&self, day: NaiveDate, today: NaiveDate) -> Result<ServiceRequest, String> {
        if day < self.received || day > today {
            return Err(format!(
                "办结日期应在受理日期（{}）到今天（{today}）之间。",
                self.received
            ));
        }
        Ok(ServiceRequest {
            done: Some(day),
            ..self.clone()
        })
    }

    pub fn cleaned(self) -> ServiceRequest {
        ServiceRequest {
            person: crate::roster::names::clean_name(&self.person),
            village: super::resident::clean_place(&self.village),
            ..self
        }
    }

    /// Open and past the promised day on `today`.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        !self.deleted && self.done.is_none() && self.promised.is_some_and(|p| p < today)
    }
}

/// A telephone number as a desk writes it (0371-1234567, 138 0000 1111), or none.
pub fn phone_ok(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    phone.trim().is_empty() || (7..=12).contains(&digits)
}

impl Corrected for ServiceRequest {
    fn diff(&self, before: &Self) -> Diff {
        Diff::default()
            .field("受理地点", &before.point, &self.point)
            .field("办事群众", &before.person, &self.person)
            .field("村（社区）", &before.village, &self.village)
            .field("电话", &before.phone, &self.phone)
            .field("事项", &before.matter, &self.matter)
            .field("受理人", &before.taken_by, &self.taken_by)
            .field("受理日期", before.received, self.received)
            .day("承诺办结日期", before.promised, self.promised)
            .day("办结日期", before.done, self.done)
            .yes_no("一次办好", before.one_visit, self.one_visit)
            .yes_no("干部代办", before.on_behalf, self.on_behalf)
            .field("办理结果", &before.outcome, &self.outcome)
    }
    fn corrections_mut(&mut self) -> &mut Vec<Correction> {
        &mut self.corrections
    }
}

/// A month's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthFigures {
    pub requests: usize,
    pub done: usize,
    /// Share of the month's settled requests settled in one visit, 0–1.
    pub one_visit_share: Option<f64>,
    pub on_behalf: usize,
    /// Average days from taking to settling, of those settled.
    pub average_days: Option<f64>,
    /// Of the month's requests, those still open past their promised day on `today`.
    pub overdue: usize,
}

fn in_month(d: NaiveDate, year: i32, month: u32) -> bool {
    d.year() == year && d.month() == month
}

/// The figures of requests taken in `year`/`month`.
pub fn month_figures(
    ledger: &[ServiceRequest],
    year: i32,
    month: u32,
    today: NaiveDate,
) -> MonthFigures {
    let taken: Vec<&ServiceRequest> = ledger
        .iter()
        .filter(|r| !r.deleted && in_month(r.received, year, month))
        .collect();
    let done: Vec<&&ServiceRequest> = taken.iter().filter(|r| r.done.is_some()).collect();
    let share = |n: usize, of: usize| (of > 0).then(|| n as f64 / of as f64);
    let days: i64 = done
        .iter()
        .filter_map(|r| r.done.map(|d| (d - r.received).num_days()))
        .sum();
    MonthFigures {
        requests: taken.len(),
        done: done.len(),
        one_visit_share: share(done.iter().filter(|r| r.one_visit).count(), done.len()),
        on_behalf: taken.iter().filter(|r| r.on_behalf).count(),
        average_days: (!done.is_empty()).then(|| days as f64 / done.len() as f64),
        overdue: taken.iter().filter(|r| r.overdue(today)).count(),
    }
}

/// The month's requests in the order they came in.
fn month_requests(ledger: &[ServiceRequest], year: i32, month: u32) -> Vec<&ServiceRequest> {
    let mut list: Vec<&ServiceRequest> = ledger
        .iter()
        .filter(|r| !r.deleted && in_month(r.received, year, month))
        .collect();
    crate::order::sort_by(&mut list, |r| {
        crate::order::Key::int(crate::order::day(r.received))
    });
    list
}

/// The month's public list (办事公开): no phone numbers, the person's name shown with its given
/// name masked (张*明), as the list is posted for anyone to read.
pub fn public_rows(ledger: &[ServiceRequest], year: i32, month: u32) -> Vec<Vec<String>> {
    let mut rows = vec![[
        "受理日期",
        "办事群众",
        "村（社区）",
        "事项",
        "办理情况",
        "办结日期",
    ]
    .map(String::from)
    .to_vec()];
    for r in month_requests(ledger, year, month) {
        let state = match (r.done, r.one_visit, r.on_behalf) {
            (None, ..) => "办理中".to_string(),
            (Some(_), true, _) => "已办结（一次办好）".to_string(),
            (Some(_), _, true) => "已办结（干部代办）".to_string(),
            (Some(_), ..) => "已办结".to_string(),
        };
        rows.push(vec![
            r.received.to_string(),
            masked(&r.person),
            r.village.clone(),
            r.matter.clone(),
            state,
            r.done.map(|d| d.to_string()).unwrap_or_default(),
        ]);
    }
    rows
}

/// The month's full ledger for the office's own records (服务台账): every field, names and
/// telephone numbers unmasked, in the order requests came in.
pub fn ledger_sheet(
    ledger: &[ServiceRequest],
    year: i32,
    month: u32,
) -> crate::office::xlsx::Sheet {
    let mut rows = vec![[
        "受理日期",
        "受理地点",
        "办事群众",
        "村（社区）",
        "电话",
        "事项",
        "受理人",
        "承诺办结日期",
        "办结日期",
        "一次办好",
        "干部代办",
        "办理结果",
    ]
    .map(String::from)
    .to_vec()];
    let month_list = month_requests(ledger, year, month);
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let yes = |b: bool| if b { "是" } else { "" }.to_string();
    for r in &month_list {
        rows.push(vec![
            r.received.to_string(),
            r.point.clone(),
            r.person.clone(),
            r.village.clone(),
            r.phone.clone(),
            r.matter.clone(),
            r.taken_by.clone(),
            day(r.promised),
            day(r.done),
            yes(r.one_visit),
            yes(r.on_behalf),
            r.outcome.clone(),
        ]);
    }
    let done = month_list.iter().filter(|r| r.done.is_some()).count();
    crate::office::xlsx::Sheet::new("服务台账", &format!("{year}年{month}月便民服务台账"), rows)
        .line(format!(
            "受理 {} 件，已办结 {done} 件（内部存档，含群众姓名和电话，不得张贴）",
            month_list.len()
        ))
        .text_column(4)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::DeviceId;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn req(
        received: &str,
        done: Option<&str>,
        one_visit: bool,
        promised: Option<&str>,
    ) -> ServiceRequest {
        let meta = Meta::new(&DeviceId("a".into()), chrono::DateTime::default());
        ServiceRequest {
            person: "张小明".into(),
            village: "东村".into(),
            phone: "13800001111".into(),
            matter: "证明开具".into(),
            promised: promised.map(d),
            done: done.map(d),
            one_visit,
            on_behalf: !one_visit,
            ..ServiceRequest::blank(meta, "王干事".into(), d(received))
        }
    }

    #[test]
    fn month_figures_count_one_visit_share_days_and_overdue() {
        let ledger = [
            req("2026-11-02", Some("2026-11-02"), true, None),
            req("2026-11-03", Some("2026-11-07"), false, None),
            req("2026-11-10", None, false, Some("2026-11-20")),
            req("2026-10-30", Some("2026-11-01"), true, None),
        ];
        let f = month_figures(&ledger, 2026, 11, d("2026-11-28"));
        assert_eq!((f.requests, f.done, f.on_behalf, f.overdue), (3, 2, 2, 1));
        // October's open request past its day counts in October, not in November.
        let mut late_october = req("2026-10-05", None, false, Some("2026-10-10"));
        late_october.one_visit = false;
        let ledger = [ledger.to_vec(), vec![late_october]].concat();
        assert_eq!(month_figures(&ledger, 2026, 11, d("2026-11-28")).overdue, 1);
        assert_eq!(month_figures(&ledger, 2026, 10, d("2026-11-28")).overdue, 1);
        assert_eq!(f.one_visit_share, Some(0.5));
        assert_eq!(f.average_days, Some(2.0));
        let none = month_figures(&ledger, 2026, 9, d("2026-11-28"));
        assert_eq!((none.one_visit_share, none.average_days), (None, None));
    }

    #[test]
    fn the_next_form_keeps_the_desk_and_forgets_the_person_and_their_dates() {
        let mut r = req("2026-11-03", Some("2026-11-03"), true, Some("2026-11-08"));
        r.outcome = "已开具".into();
        let next = r.next_form(Meta::new(
            &DeviceId("a".into()),
            chrono::DateTime::default(),
        ));
        assert_eq!((next.promised, next.done), (None, None));
        assert!(next.person.is_empty() && next.phone.is_empty() && next.outcome.is_empty());
        assert!(!next.one_visit && !next.on_behalf);
        assert_eq!(
            (
                next.point.as_str(),
                next.village.as_str(),
                next.matter.as_str()
            ),
            ("服务中心", "东村", "证明开具")
        );
        assert_eq!(
            (next.received, next.taken_by.as_str()),
            (r.received, "王干事")
        );
    }

    #[test]
    fn the_offices_ledger_keeps_every_field_of_the_month() {
        let mut short_phone = req("2026-11-03", None, false, Some("2026-11-08"));
        short_phone.phone = "6123456".into();
        let ledger = [
            req("2026-11-02", Some("2026-11-02"), true, None),
            short_phone,
            req("2026-10-30", Some("2026-11-01"), true, None),
        ];
        let sheet = ledger_sheet(&ledger, 2026, 11);
        assert_eq!(sheet.title, "2026年11月便民服务台账");
        let rows = &sheet.tables[0];
        assert_eq!(rows.len(), 3, "header and November's two");
        assert_eq!(rows[1][2], "张小明", "the office's own copy is not masked");
        assert_eq!(
            (rows[1][4].as_str(), rows[1][9].as_str()),
            ("13800001111", "是")
        );
        assert_eq!(
            (rows[2][7].as_str(), rows[2][10].as_str()),
            ("2026-11-08", "是")
        );
        assert_eq!(sheet.text_columns, vec![4]);
        assert!(sheet.lines[0].starts_with("受理 2 件，已办结 1 件"));
    }

    #[test]
    fn the_public_list_hides_phones_and_masks_names() {
        let rows = public_rows(
            &[req("2026-11-02", Some("2026-11-02"), true, None)],
            2026,
            11,
        );
        let text = rows.concat().join("|");
        assert!(!text.contains("13800001111"));
        assert!(!text.contains("张小明"));
        assert_eq!(rows[1][1], "张*明");
        assert_eq!(rows[1][4], "已办结（一次办好）");
    }

    #[test]
    fn a_request_checks_its_dates_and_phone() {
        assert!(req("2026-11-02", Some("2026-11-01"), true, None)
            .check()
            .is_err());
        let mut r = req("2026-11-02", Some("2026-11-02"), true, None);
        r.phone = "12".into();
        assert!(r.check().is_err());
        r.phone = "0371-1234567".into();
        assert!(r.check().is_ok());
        r.done = None;
        assert!(r.check_form().is_err(), "一次办好 needs its 办结日期");
        assert!(
            r.check().is_ok(),
            "an older record without it still imports"
        );
        r.one_visit = false;
        assert!(r.check_form().is_ok());
        assert!(r.finished(d("2026-11-01"), d("2026-11-28")).is_err());
        assert!(r.finished(d("2026-11-29"), d("2026-11-28")).is_err());
        assert_eq!(
            r.finished(d("2026-11-05"), d("2026-11-28")).map(|r| r.done),
            Ok(Some(d("2026-11-05")))
        );
    }
}
