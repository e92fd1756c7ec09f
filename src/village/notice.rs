//! 公开栏: what the office publishes — 工程招投标 results, 代管 finance summaries, the 办事公开
//! list — with the period it covers, its text or table, and when it was posted and taken down.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::record::{Entity, Meta};
use crate::store::schema::StoreName;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    Tender,
    Finance,
    Service,
    Other,
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
}

/// A table typed or pasted as lines, cells split by tabs (as copied from Excel or WPS) or by
/// commas.
pub fn table_from_text(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cells: Vec<&str> = if l.contains('\t') {
                l.split('\t').collect()
            } else {
                l.split([',', '，']).collect()
            };
            cells.iter().map(|c| c.trim().to_string()).collect()
        })
        .collect()
}

pub fn table_text(table: &[Vec<String>]) -> String {
    table
        .iter()
        .map(|r| r.join("\t"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
