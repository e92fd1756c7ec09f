//! 公开栏: what the office publishes — 工程招投标 results, 代管 finance summaries, the 办事公开
//! list — with the period it covers, its text or table, and when it was posted and taken down.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::correction::{Corrected, Correction, Diff};
use crate::record::{Entity, Meta};
use crate::store::schema::StoreName;

crate::read_by_name! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum NoticeKind {
        Tender,
        Finance,
        Service,
        Other,
    }
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 4] = [
        NoticeKind::Tender,
        NoticeKind::Finance,
        NoticeKind::Service,
        NoticeKind::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            NoticeKind::Tender => "工程招投标结果",
            NoticeKind::Finance => "代管资金收支",
            NoticeKind::Service => "办事公开",
            NoticeKind::Other => "其他公开事项",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicNotice {
    pub meta: Meta,
    pub kind: NoticeKind,
    pub title: String,
    /// 公开期间, as written: "2026年11月".
    #[serde(default)]
    pub period: String,
    #[serde(default)]
    pub body: String,
    /// A table, first row the header (may be empty).
    #[serde(default)]
    pub table: Vec<Vec<String>>,
    pub posted: NaiveDate,
    #[serde(default)]
    pub taken_down: Option<NaiveDate>,
    #[serde(default)]
    pub deleted: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
}

impl Entity for PublicNotice {
    const STORE: StoreName = StoreName::PublicNotices;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

impl PublicNotice {
    pub fn check(&self) -> Result<(), String> {
        if self.title.trim().is_empty() {
            return Err("请填写公开事项的标题。".into());
        }
        if self.title.chars().count() > 100 || self.period.chars().count() > 50 {
            return Err("标题不超过 100 字，公开期间不超过 50 字。".into());
        }
        if self.body.chars().count() > 20_000 {
            return Err("正文不超过 20000 字。".into());
        }
        if self.taken_down.is_some_and(|d| d < self.posted) {
            return Err("撤下日期不能早于张贴日期。".into());
        }
        if self.table.len() > 2_000 || self.table.iter().any(|r| r.len() > 30) {
            return Err("表格太大（不超过 2000 行、30 列）。".into());
        }
        Ok(())
    }

    /// On the board on `day`.
    pub fn is_posted(&self, day: NaiveDate) -> bool {
        !self.deleted && self.posted <= day && self.taken_down.is_none_or(|d| day <= d)
    }

    /// The 办事公开 notices this one replaces: a month has one. Posting it takes down each
    /// of them the day it goes up.
    pub fn replaces<'a>(&self, all: &'a [PublicNotice]) -> Vec<&'a PublicNotice> {
        if self.kind != NoticeKind::Service {
            return Vec::new();
        }
        all.iter()
            .filter(|n| {
                n.kind == NoticeKind::Service
                    && !n.deleted
                    && n.meta.id != self.meta.id
                    && n.taken_down.is_none_or(|d| d >= self.posted)
                    && same_period(&n.period, &self.period)
            })
            .collect()
    }

    /// The sheet as filed: title, unit and period first, then the text and the table.
    pub fn sheet(&self, unit: &str) -> crate::office::xlsx::Sheet {
        let mut head = Vec::new();
        if !unit.trim().is_empty() {
            head.push(format!("公开单位：{}", unit.trim()));
        }
        if !self.period.trim().is_empty() {
            head.push(format!("公开期间：{}", self.period.trim()));
        }
        head.push(format!("张贴日期：{}", self.posted));
        let mut sheet =
            crate::office::xlsx::Sheet::new(&self.title, &self.title, self.table.clone())
                .line(head.join("　"));
        for line in self.body.lines().filter(|l| !l.trim().is_empty()) {
            sheet = sheet.line(line.trim().to_string());
        }
        sheet
    }
}

impl Corrected for PublicNotice {
    fn diff(&self, before: &Self) -> Diff {
        Diff::default()
            .field("类别", before.kind.label(), self.kind.label())
            .field("标题", &before.title, &self.title)
            .field("公开期间", &before.period, &self.period)
            .field("正文", &before.body, &self.body)
            .field("表格", table_text(&before.table), table_text(&self.table))
            .field("张贴日期", before.posted, self.posted)
            .day("撤下日期", before.taken_down, self.taken_down)
    }
    fn corrections_mut(&mut self) -> &mut Vec<Correction> {
        &mut self.corrections
    }
}

/// The year and month a period names ("2026年11月", "2026年 11 月", "2026-11", "2026.11").
fn period_month(period: &str) -> Option<(u32, u32)> {
    if !period
        .chars()
        .all(|c| c.is_ascii_digit() || "年月-./ ".contains(c))
    {
        return None;
    }
    let numbers: Vec<u32> = period
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().ok())
        .collect::<Option<Vec<u32>>>()?;
    match numbers.as_slice() {
        [y, m] if (1900..=2999).contains(y) && (1..=12).contains(m) => Some((*y, *m)),
        _ => None,
    }
}

/// Two periods name the same month (or read the same, spaces aside).
pub fn same_period(a: &str, b: &str) -> bool {
    let narrow = |p: &str| crate::roster::names::clean_name(p).replace(' ', "");
    match (period_month(&narrow(a)), period_month(&narrow(b))) {
        (Some(x), Some(y)) => x == y,
        _ => narrow(a) == narrow(b),
    }
}

/// A table pasted from Excel or WPS, or typed. A spreadsheet puts cells on the clipboard
/// separated by tabs, and a cell holding a line break, a tab or a quote mark in quotes with its
/// quotes doubled; that text is read by a real parser. Text without a tab is typed: cells
/// split at commas (，or ,), except a comma between digits in groups of three (1,250,000.00),
/// which is a thousands separator. Blank rows are left out, cells trimmed, empty cells at the
/// end of a row dropped, and every row made as wide as the widest.
pub fn table_from_text(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows: Vec<Vec<String>> = if text.contains('\t') {
        spreadsheet_rows(text)
    } else {
        text.lines().map(typed_row).collect()
    };
    for row in &mut rows {
        while row.last().is_some_and(|c| c.is_empty()) {
            row.pop();
        }
    }
    rows.retain(|r| !r.is_empty());
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut rows {
        row.resize(width, String::new());
    }
    rows
}

fn spreadsheet_rows(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // The text is valid UTF-8 and a tab-separated reader does not fail on shapes; a record it
    // cannot read ends the table rather than inventing cells.
    while let Ok(true) = reader.read_record(&mut record) {
        rows.push(record.iter().map(cell_text).collect());
    }
    rows
}

/// A cell as shown: line breaks inside it kept (as \n), spaces around it trimmed.
fn cell_text(cell: &str) -> String {
    cell.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .to_string()
}

fn typed_row(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut cells = vec![String::new()];
    for (i, &c) in chars.iter().enumerate() {
        let thousands = c == ','
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.len() >= i + 4
            && chars[i + 1..i + 4].iter().all(char::is_ascii_digit)
            && chars.get(i + 4).is_none_or(|n| !n.is_ascii_digit());
        match c {
            ',' | '，' if !thousands => cells.push(String::new()),
            _ => {
                if let Some(cell) = cells.last_mut() {
                    cell.push(c);
                }
            }
        }
    }
    cells.iter().map(|c| c.trim().to_string()).collect()
}

/// A table as a spreadsheet would put it on the clipboard (read back by `table_from_text`).
pub fn table_text(table: &[Vec<String>]) -> String {
    let quoted = |c: &String| {
        if c.contains(['\t', '\n', '"']) {
            format!("\"{}\"", c.replace('"', "\"\""))
        } else {
            c.clone()
        }
    };
    table
        .iter()
        .map(|r| r.iter().map(quoted).collect::<Vec<_>>().join("\t"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::DeviceId;

    fn notice(kind: NoticeKind, period: &str, posted: &str) -> PublicNotice {
        PublicNotice {
            meta: Meta::new(&DeviceId("a".into()), chrono::DateTime::default()),
            kind,
            title: format!("{period}便民服务办事公开"),
            period: period.into(),
            body: String::new(),
            table: Vec::new(),
            posted: NaiveDate::parse_from_str(posted, "%Y-%m-%d").unwrap_or_default(),
            taken_down: None,
            deleted: false,
            corrections: Vec::new(),
        }
    }

    #[test]
    fn a_month_has_one_service_list() {
        let old = notice(NoticeKind::Service, "2026年11月", "2026-12-01");
        let mut taken_down = notice(NoticeKind::Service, "2026年11月", "2026-11-20");
        taken_down.taken_down = NaiveDate::from_ymd_opt(2026, 11, 30);
        let other_month = notice(NoticeKind::Service, "2026年10月", "2026-11-01");
        let tender = notice(NoticeKind::Tender, "2026年11月", "2026-12-01");
        let all = [old.clone(), taken_down, other_month, tender];
        let new = notice(NoticeKind::Service, "2026-11", "2026-12-02");
        let replaced = new.replaces(&all);
        assert_eq!(replaced.len(), 1);
        assert_eq!(replaced[0].meta.id, old.meta.id);
        assert!(notice(NoticeKind::Tender, "2026-11", "2026-12-02")
            .replaces(&all)
            .is_empty());
        assert!(same_period("2026年 11 月", "2026.11"));
        assert!(!same_period("2026年11月", "2026年11月上旬公示"));
    }

    #[test]
    fn the_excel_sheet_says_title_unit_and_period_before_the_table() {
        let mut n = notice(NoticeKind::Finance, "2026年11月", "2026-12-01");
        n.title = "代管资金收支公开".into();
        n.body = "说明一\n\n说明二".into();
        let sheet = n.sheet("某镇党政办");
        assert_eq!(sheet.title, "代管资金收支公开");
        assert_eq!(
            sheet.lines,
            vec![
                "公开单位：某镇党政办　公开期间：2026年11月　张贴日期：2026-12-01".to_string(),
                "说明一".into(),
                "说明二".into()
            ]
        );
    }

    #[test]
    fn a_pasted_table_round_trips_and_commas_work_too() {
        let t = table_from_text("项目\t中标单位\n村道硬化\t某建设公司\n\n");
        assert_eq!(
            t,
            vec![vec!["项目", "中标单位"], vec!["村道硬化", "某建设公司"]]
        );
        assert_eq!(table_from_text(&table_text(&t)), t);
        assert_eq!(
            table_from_text("月份，收入\n11月，3000")[1],
            vec!["11月", "3000"]
        );
    }

    #[test]
    fn excel_and_wps_clipboards_keep_cells_with_line_breaks_and_quotes_whole() {
        // As Excel puts it on the clipboard: CRLF rows, a quoted cell with a line break and
        // doubled quotes, a trailing tab where the last cell is empty.
        let excel = "项目\t中标单位\t金额（元）\r\n\"村道硬化\r\n（二期）\"\t\"某\"\"宏达\"\"建设公司\"\t1,250,000.00\t\r\n";
        assert_eq!(
            table_from_text(excel),
            vec![
                vec!["项目", "中标单位", "金额（元）"],
                vec!["村道硬化\n（二期）", "某\"宏达\"建设公司", "1,250,000.00"],
            ]
        );
        // WPS: LF rows and a last row shorter than the header.
        let wps = "月份\t收入\t支出\n11月\t3000\n";
        assert_eq!(
            table_from_text(wps),
            vec![vec!["月份", "收入", "支出"], vec!["11月", "3000", ""]]
        );
        let t = table_from_text(excel);
        assert_eq!(table_from_text(&table_text(&t)), t);
        assert!(matches!(
            crate::office::xlsx::cell_type(&t[1][2]),
            crate::office::xlsx::Cell::Number {
                value: 1_250_000.0,
                shown: crate::office::xlsx::Shown::Fixed {
                    decimals: 2,
                    grouped: true
                }
            }
        ));
    }

    #[test]
    fn typed_commas_split_cells_but_not_thousands() {
        assert_eq!(
            table_from_text("合计,1,250,000.00,备注")[0],
            vec!["合计", "1,250,000.00", "备注"]
        );
        assert_eq!(table_from_text("1,2,3")[0], vec!["1", "2", "3"]);
        assert_eq!(table_from_text("一组，1,500\n")[0], vec!["一组", "1,500"]);
    }
}
