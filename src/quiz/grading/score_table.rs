//! The results table as it is exported (CSV, Excel) and how its cells read: one row a sheet, in
//! the order the screen shows them.

use chrono::{DateTime, Utc};

use super::{Graded, WrongAnswer};
use crate::quiz::attempt::Attempt;
use crate::quiz::model::option_letter;
use crate::quiz::paper::{points_text, PaperQuestion};

pub const HEAD: [&str; 8] = [
    "姓名",
    "单位",
    "得分",
    "总分",
    "是否及格",
    "待阅题数",
    "交卷时间",
    "交卷方式",
];

/// The head row, then a row for each sheet in `order` (positions in `attempts`, whose marks are
/// `graded`); `when` writes a time as the office reads it (its own time zone).
pub fn rows(
    attempts: &[&Attempt],
    graded: &[Graded],
    order: &[usize],
    when: impl Fn(DateTime<Utc>) -> String,
) -> Vec<Vec<String>> {
    let head = HEAD.map(String::from).to_vec();
    let body = order.iter().filter_map(|&i| {
        let (a, g) = (attempts.get(i)?, graded.get(i)?);
        Some(vec![
            a.respondent.name.clone(),
            a.respondent.unit.clone(),
            points_text(g.score),
            points_text(g.max),
            passed_text(g).into(),
            g.pending.to_string(),
            a.submitted_at().map(&when).unwrap_or_default(),
            if a.submitted_automatically() {
                "时间到自动交卷"
            } else {
                "本人交卷"
            }
            .into(),
        ])
    });
    std::iter::once(head).chain(body).collect()
}

pub fn passed_text(g: &Graded) -> &'static str {
    if g.passed {
        "及格"
    } else {
        "不及格"
    }
}

/// When a sheet was handed in, and whether the timer did it.
pub fn submitted_text(a: &Attempt, when: impl Fn(DateTime<Utc>) -> String) -> String {
    let at = a.submitted_at().map(when).unwrap_or_default();
    if a.submitted_automatically() {
        format!("{at}（时间到自动交卷）")
    } else {
        at
    }
}

/// A wrong answer as the secretary sees the question in the bank: "D. 外地游客", or 对/错.
pub fn wrong_text(q: &PaperQuestion, wrong: &WrongAnswer) -> String {
    match wrong {
        WrongAnswer::Option(o) => format!(
            "{}. {}",
            option_letter(*o),
            q.options.get(*o).map(String::as_str).unwrap_or_default()
        ),
        WrongAnswer::TrueFalse(true) => "对".into(),
        WrongAnswer::TrueFalse(false) => "错".into(),
    }
}
