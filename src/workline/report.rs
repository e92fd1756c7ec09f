//! 周调度, 月总结 and 每周工作安排, generated from the plan as editable documents: a title, the
//! period, and one section per line (or person) with a text field per column.

use crate::order::{day, sort_by, Key};
use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::model::{LineStatus, Task, TaskStatus, WorkLine};
use super::schedule::{as_at, days_late, days_overdue, month_bounds, week_start};
use super::standup::{problems_in, StandUp};
use crate::record::{Entity, Id, Meta};
use crate::store::schema::StoreName;

crate::read_by_name! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ReportKind {
        WeeklyDispatch,
        MonthlySummary,
        WeeklyPlan,
    }
}

impl ReportKind {
    pub fn label(self) -> &'static str {
        match self {
            ReportKind::WeeklyDispatch => "周调度",
            ReportKind::MonthlySummary => "月总结",
            ReportKind::WeeklyPlan => "每周工作安排",
        }
    }
}

/// One line's (or person's) part of a report: a heading and one text per column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportSection {
    pub heading: String,
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportDoc {
    pub kind: ReportKind,
    pub title: String,
    pub period: String,
    /// What the first column (the section headings) holds: 工作线 or 责任人.
    pub heading_label: String,
    pub columns: Vec<String>,
    pub sections: Vec<ReportSection>,
    /// The overview the report opens with, one row per line (reports saved before it existed
    /// have none).
    #[serde(default)]
    pub summary: Vec<SummaryRow>,
}

/// One line's figures for the report's period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryRow {
    pub line: String,
    /// Tasks due by the end of the period, or finished by then.
    pub tasks: u32,
    pub done: u32,
    pub on_time: u32,
    /// Not finished and past due on the report's day.
    pub overdue: u32,
}

impl SummaryRow {
    /// 完成率 in whole percent, rounded half up; "—" with no task.
    pub fn rate_text(&self) -> String {
        match self.tasks {
            0 => "—".into(),
            n => format!("{}%", (self.done * 200 + n) / (2 * n)),
        }
    }

    /// The 合计 row of `rows`.
    pub fn total(rows: &[SummaryRow]) -> SummaryRow {
        rows.iter().fold(
            SummaryRow {
                line: "合计".into(),
                tasks: 0,
                done: 0,
                on_time: 0,
                overdue: 0,
            },
            |t, r| SummaryRow {
                tasks: t.tasks + r.tasks,
                done: t.done + r.done,
                on_time: t.on_time + r.on_time,
                overdue: t.overdue + r.overdue,
                ..t
            },
        )
    }
}

/// The summary table's column heads, in the order of [`summary_cells`].
pub const SUMMARY_COLUMNS: [&str; 6] = [
    "工作线",
    "任务数",
    "已完成",
    "按时完成",
    "逾期未完成",
    "完成率",
];

pub fn summary_cells(row: &SummaryRow) -> [String; 6] {
    [
        row.line.clone(),
        row.tasks.to_string(),
        row.done.to_string(),
        row.on_time.to_string(),
        row.overdue.to_string(),
        row.rate_text(),
    ]
}

/// A report as edited and saved, so that edits survive and travel in backups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkReport {
    pub meta: Meta,
    pub kind: ReportKind,
    pub period_start: NaiveDate,
    pub doc: ReportDoc,
}

impl ReportKind {
    /// The first day of the period a report of this kind covers for `day`: its month for the
    /// 月总结, its week (from Monday) otherwise.
    pub fn period_start(self, day: NaiveDate) -> NaiveDate {
        match self {
            ReportKind::MonthlySummary => month_bounds(day).0,
            _ => week_start(day),
        }
    }
}

impl WorkReport {
    /// `doc` as the report to store: the saved one edited (keeping its identity), or a new one
    /// for `kind` and the period starting `start`.
    pub fn with_doc(
        saved: Option<WorkReport>,
        kind: ReportKind,
        start: NaiveDate,
        doc: ReportDoc,
        now: chrono::DateTime<chrono::Utc>,
    ) -> WorkReport {
        match saved {
            Some(r) => WorkReport { doc, ..r },
            None => WorkReport {
                meta: Meta::unsaved(now),
                kind,
                period_start: start,
                doc,
            },
        }
    }
}

impl Entity for WorkReport {
    const STORE: StoreName = StoreName::WorkReports;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

/// The plan as the generators read it.
pub struct PlanData<'a> {
    pub lines: &'a [WorkLine],
    pub tasks: &'a [Task],
    pub stand_ups: &'a [StandUp],
    /// Cadre names by id.
    pub names: &'a HashMap<Id, String>,
}

/// Dates as reports write them: 12月6日, 2026年12月6日 (no leading zeros).
fn md(day: NaiveDate) -> String {
    format!("{}月{}日", day.month(), day.day())
}

fn ymd(day: NaiveDate) -> String {
    format!("{}年{}月{}日", day.year(), day.month(), day.day())
}

/// "；进展：…" after a task, when its person said something with the last update.
fn note_of(task: &Task) -> String {
    match task.progress_note.trim() {
        "" => String::new(),
        note => format!("；进展：{note}"),
    }
}

impl PlanData<'_> {
    fn owners(&self, task: &Task) -> String {
        let names: Vec<&str> = task
            .owners
            .iter()
            .map(|id| {
                self.names
                    .get(id)
                    .map(String::as_str)
                    .unwrap_or("（已不在名册）")
            })
            .collect();
        if names.is_empty() {
            "未指定责任人".into()
        } else {
            names.join("、")
        }
    }

    fn live_lines(&self) -> Vec<&WorkLine> {
        let mut lines: Vec<&WorkLine> = self.lines.iter().filter(|l| !l.deleted).collect();
        sort_by(&mut lines, |l| Key::int(day(l.deadline)).then(&l.name));
        lines
    }

    /// Each line's figures for a period ending on `to`, as things stood on `as_of`.
    fn summary(&self, lines: &[&WorkLine], to: NaiveDate, as_of: NaiveDate) -> Vec<SummaryRow> {
        let by_line = self.tasks_by_line();
        lines
            .iter()
            .map(|line| {
                let counted: Vec<&&Task> = by_line
                    .get(&line.meta.id)
                    .map(|tasks| {
                        tasks
                            .iter()
                            .filter(|t| t.due <= to || t.finished_on.is_some_and(|d| d <= to))
                            .collect()
                    })
                    .unwrap_or_default();
                let done: Vec<&&&Task> = counted
                    .iter()
                    .filter(|t| t.finished_on.is_some_and(|d| d <= to))
                    .collect();
                let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
                SummaryRow {
                    line: line.name.clone(),
                    tasks: count(counted.len()),
                    done: count(done.len()),
                    on_time: count(done.iter().filter(|t| days_late(t).is_none()).count()),
                    overdue: count(
                        counted
                            .iter()
                            .filter(|t| days_overdue(t, as_of).is_some())
                            .count(),
                    ),
                }
            })
            .collect()
    }

    /// Every task as it stood at the end of `day`: a report tells its period as it was then,
    /// whichever day it is made.
    fn tasks_at(&self, day: NaiveDate) -> Vec<Task> {
        self.tasks.iter().map(|t| as_at(t, day)).collect()
    }

    fn tasks_by_line(&self) -> HashMap<Id, Vec<&Task>> {
        let mut by_line: HashMap<Id, Vec<&Task>> = HashMap::new();
        for t in self.tasks.iter().filter(|t| !t.deleted) {
            by_line.entry(t.line_id).or_default().push(t);
        }
        for list in by_line.values_mut() {
            sort_by(list, |t| Key::ints(t.order, day(t.due), 0));
        }
        by_line
    }
}

fn numbered(items: impl IntoIterator<Item = String>) -> String {
    let lines: Vec<String> = items
        .into_iter()
        .enumerate()
        .map(|(i, s)| format!("{}. {s}", i + 1))
        .collect();
    if lines.is_empty() {
        "无".into()
    } else {
        lines.join("\n")
    }
}

fn progress_at(task: &Task, before: NaiveDate) -> u8 {
    task.history
        .iter()
        .filter(|h| h.on < before)
        .max_by_key(|h| h.on)
        .map(|h| h.progress)
        .unwrap_or(0)
}

fn problem_lines(data: &PlanData, line: &WorkLine, from: NaiveDate, to: NaiveDate) -> String {
    numbered(
        problems_in(data.stand_ups, line.meta.id, from, to)
            .into_iter()
            .map(|p| {
                let state = match p.solved_on {
                    Some(day) => format!("已于{}解决", md(day)),
                    None => "尚未解决".into(),
                };
                let how = if p.solution.trim().is_empty() {
                    String::new()
                } else {
                    format!("：{}", p.solution.trim())
                };
                format!("{}（{}提出，{state}{how}）", p.text, md(p.raised_on))
            }),
    )
}

/// 周调度 for the week holding `day`, as things stood on `as_of`.
pub fn weekly_dispatch(data: &PlanData, day: NaiveDate, as_of: NaiveDate) -> ReportDoc {
    let mon = week_start(day);
    let sun = mon + Days::new(6);
    let (next_mon, next_sun) = (mon + Days::new(7), sun + Days::new(7));
    let as_of = as_of.min(sun);
    let then = data.tasks_at(as_of);
    let data = &PlanData {
        tasks: &then,
        ..*data
    };
    let by_line = data.tasks_by_line();
    let lines: Vec<&WorkLine> = data
        .live_lines()
        .into_iter()
        .filter(|l| l.start <= sun)
        .collect();
    let summary = data.summary(&lines, sun, as_of);
    let sections = lines
        .into_iter()
        .map(|line| {
            let tasks = by_line.get(&line.meta.id).map(Vec::as_slice).unwrap_or(&[]);
            let in_week = |d: Option<NaiveDate>| d.is_some_and(|d| d >= mon && d <= sun);
            let done = tasks
                .iter()
                .filter(|t| in_week(t.finished_on))
                .map(|t| format!("{}（{}）{}", t.title, data.owners(t), note_of(t)));
            let going = tasks
                .iter()
                .filter(|t| t.status != TaskStatus::Done && days_overdue(t, as_of).is_none())
                .map(|t| {
                    format!(
                        "{}（{}），进度 {}%，{}，{}前完成{}",
                        t.title,
                        data.owners(t),
                        t.progress,
                        t.status.label(),
                        md(t.due),
                        note_of(t)
                    )
                });
            let late = tasks.iter().filter_map(|t| {
                days_overdue(t, as_of).map(|n| {
                    format!(
                        "{}（{}），应于{}完成，已逾期 {n} 天，进度 {}%{}",
                        t.title,
                        data.owners(t),
                        md(t.due),
                        t.progress,
                        note_of(t)
                    )
                })
            });
            let changes = tasks.iter().filter_map(|t| {
                let week: Vec<_> = t
                    .history
                    .iter()
                    .filter(|h| h.on >= mon && h.on <= sun)
                    .collect();
                let last = week.iter().max_by_key(|h| h.on)?;
                let before = progress_at(t, mon);
                let said: Vec<&str> = week
                    .iter()
                    .map(|h| h.note.trim())
                    .filter(|n| !n.is_empty())
                    .collect();
                let said = match said.last() {
                    Some(note) => format!("（{note}）"),
                    None => String::new(),
                };
                (last.progress != before || !said.is_empty())
                    .then(|| format!("{}：{}% → {}%{said}", t.title, before, last.progress))
            });
            // 下周计划: what falls due next week, and what is overdue and must be caught up.
            let next = tasks
                .iter()
                .filter(|t| t.status != TaskStatus::Done && t.due <= next_sun)
                .map(|t| {
                    let when = if t.due < next_mon {
                        format!("抓紧完成（原定{}）", md(t.due))
                    } else {
                        format!("{}前完成", md(t.due))
                    };
                    format!("{}（{}），{when}", t.title, data.owners(t))
                });
            let lead = line
                .lead
                .and_then(|id| data.names.get(&id))
                .map(String::as_str)
                .unwrap_or("未指定");
            ReportSection {
                heading: line.name.clone(),
                fields: vec![
                    format!(
                        "{}\n责任领导：{lead}；责任单位：{}；完成时限：{}",
                        line.goal,
                        line.unit,
                        ymd(line.deadline)
                    ),
                    numbered(done),
                    numbered(going),
                    numbered(late),
                    numbered(changes),
                    problem_lines(data, line, mon, sun),
                    numbered(next),
                ],
            }
        })
        .collect();
    ReportDoc {
        kind: ReportKind::WeeklyDispatch,
        title: "工作分线周调度".into(),
        period: format!("{}至{}", ymd(mon), ymd(sun)),
        heading_label: "工作线".into(),
        columns: [
            "目标任务",
            "本周完成",
            "正在推进",
            "逾期未完成",
            "进度变化",
            "困难和问题及解决情况",
            "下周计划",
        ]
        .map(String::from)
        .to_vec(),
        sections,
        summary,
    }
}

/// 月总结 for the month holding `day`.
pub fn monthly_summary(data: &PlanData, day: NaiveDate, as_of: NaiveDate) -> ReportDoc {
    let (first, last) = month_bounds(day);
    let next_last = month_bounds(last + Days::new(1)).1;
    let as_of = as_of.min(last);
    let then = data.tasks_at(as_of);
    let data = &PlanData {
        tasks: &then,
        ..*data
    };
    let by_line = data.tasks_by_line();
    let lines: Vec<&WorkLine> = data
        .live_lines()
        .into_iter()
        .filter(|l| l.start <= last)
        .collect();
    let summary = data.summary(&lines, last, as_of);
    let sections = lines
        .into_iter()
        .map(|line| {
            let tasks = by_line.get(&line.meta.id).map(Vec::as_slice).unwrap_or(&[]);
            let finished_in_month: Vec<&&Task> = tasks
                .iter()
                .filter(|t| t.finished_on.is_some_and(|d| d >= first && d <= last))
                .collect();
            let on_time = finished_in_month
                .iter()
                .filter(|t| days_late(t).is_none())
                .map(|t| format!("{}（{}）", t.title, data.owners(t)));
            let late = finished_in_month.iter().filter_map(|t| {
                days_late(t).map(|n| format!("{}（{}），逾期 {n} 天完成", t.title, data.owners(t)))
            });
            let open = tasks
                .iter()
                .filter(|t| t.status != TaskStatus::Done && t.due <= last)
                .map(|t| match days_overdue(t, as_of) {
                    Some(n) => format!(
                        "{}（{}），进度 {}%，已逾期 {n} 天{}",
                        t.title,
                        data.owners(t),
                        t.progress,
                        note_of(t)
                    ),
                    None => format!(
                        "{}（{}），进度 {}%，{}前完成{}",
                        t.title,
                        data.owners(t),
                        t.progress,
                        md(t.due),
                        note_of(t)
                    ),
                });
            let next = tasks
                .iter()
                .filter(|t| t.status != TaskStatus::Done && t.due > last && t.due <= next_last)
                .map(|t| format!("{}（{}），{}前完成", t.title, data.owners(t), md(t.due)));
            ReportSection {
                heading: if line.status == LineStatus::Done {
                    format!("{}（已完成）", line.name)
                } else {
                    line.name.clone()
                },
                fields: vec![
                    numbered(on_time),
                    numbered(late),
                    numbered(open),
                    problem_lines(data, line, first, last),
                    numbered(next),
                ],
            }
        })
        .collect();
    ReportDoc {
        kind: ReportKind::MonthlySummary,
        title: "工作分线月总结".into(),
        period: format!("{}年{}月", first.year(), first.month()),
        heading_label: "工作线".into(),
        columns: ["完成情况", "逾期完成", "尚未完成", "主要问题", "下月计划"]
            .map(String::from)
            .to_vec(),
        sections,
        summary,
    }
}

/// 每周工作安排 for the week holding `day`, in the table offices file: one row per unfinished
/// task due that week or earlier (overdue first), with 时间, 工作内容, 责任领导, 责任单位/责任人
/// and 备注.
pub fn weekly_plan(data: &PlanData, day: NaiveDate) -> ReportDoc {
    let mon = week_start(day);
    let sun = mon + Days::new(6);
    let lines: HashMap<Id, &WorkLine> = data
        .lines
        .iter()
        .filter(|l| !l.deleted)
        .map(|l| (l.meta.id, l))
        .collect();
    let mut tasks: Vec<(&Task, &WorkLine)> = data
        .tasks
        .iter()
        .filter(|t| !t.deleted && t.status != TaskStatus::Done && t.due <= sun)
        .filter_map(|t| Some((t, *lines.get(&t.line_id)?)))
        .collect();
    sort_by(&mut tasks, |(t, l)| {
        Key::int(crate::order::day(t.due))
            .then(&l.name)
            .then(&t.title)
    });
    let sections = tasks
        .into_iter()
        .map(|(t, line)| {
            let when = if t.due < mon {
                format!("已逾期（原定{}）", md(t.due))
            } else {
                format!("{}前", md(t.due))
            };
            let lead = line
                .lead
                .and_then(|id| data.names.get(&id))
                .cloned()
                .unwrap_or_default();
            let who = match line.unit.trim() {
                "" => data.owners(t),
                unit => format!("{unit}／{}", data.owners(t)),
            };
            ReportSection {
                heading: when,
                fields: vec![
                    format!("{}：{}", line.name, t.title),
                    lead,
                    who,
                    t.notes.trim().to_string(),
                ],
            }
        })
        .collect();
    ReportDoc {
        kind: ReportKind::WeeklyPlan,
        title: "每周工作安排".into(),
        period: format!("{}至{}", ymd(mon), ymd(sun)),
        heading_label: "时间".into(),
        columns: ["工作内容", "责任领导", "责任单位/责任人", "备注"]
            .map(String::from)
            .to_vec(),
        sections,
        summary: Vec::new(),
    }
}

/// The summary as table rows: header, one row per line, 合计.
pub fn summary_rows(doc: &ReportDoc) -> Vec<Vec<String>> {
    if doc.summary.is_empty() {
        return Vec::new();
    }
    let mut rows = vec![SUMMARY_COLUMNS.map(String::from).to_vec()];
    rows.extend(doc.summary.iter().map(|r| summary_cells(r).to_vec()));
    rows.push(summary_cells(&SummaryRow::total(&doc.summary)).to_vec());
    rows
}

/// The report's own table: a header row (first column, then the columns), one row per section.
pub fn section_rows(doc: &ReportDoc) -> Vec<Vec<String>> {
    let mut rows = vec![std::iter::once(doc.heading_label.clone())
        .chain(doc.columns.iter().cloned())
        .collect()];
    rows.extend(doc.sections.iter().map(|s| {
        std::iter::once(s.heading.clone())
            .chain(s.fields.iter().cloned())
            .collect()
    }));
    rows
}

/// The report as a spreadsheet: title and period over the report's table (its header repeated
/// on every printed page), each line's figures in a table under it.
pub fn as_sheet(doc: &ReportDoc) -> crate::office::xlsx::Sheet {
    crate::office::xlsx::Sheet::new(&doc.title, &doc.title, section_rows(doc))
        .line(doc.period.clone())
        .table(summary_rows(doc))
}

/// Whether the report is a table by nature (每周工作安排), not sections of text.
pub fn is_table(doc: &ReportDoc) -> bool {
    doc.kind == ReportKind::WeeklyPlan && doc.heading_label == "时间"
}

/// The report as a Word document: title, period, the summary table, then each section's fields
/// under its heading (or, for a table report, the table).
pub fn as_blocks(doc: &ReportDoc) -> Vec<crate::office::docx::Block> {
    use crate::office::docx::Block;
    let mut blocks = vec![
        Block::Title(doc.title.clone()),
        Block::Subtitle(doc.period.clone()),
    ];
    let summary = summary_rows(doc);
    if !summary.is_empty() {
        blocks.push(Block::Heading("总体情况".into()));
        blocks.push(Block::Table(summary));
    }
    if is_table(doc) {
        if doc.sections.is_empty() {
            blocks.push(Block::Paragraph("本周没有需要安排的工作。".into()));
        } else {
            blocks.push(Block::Table(section_rows(doc)));
        }
        return blocks;
    }
    for section in &doc.sections {
        blocks.push(Block::Heading(section.heading.clone()));
        for (label, text) in doc.columns.iter().zip(&section.fields) {
            blocks.push(Block::Labelled {
                label: label.clone(),
                text: text.clone(),
            });
        }
    }
    if doc.sections.is_empty() {
        blocks.push(Block::Paragraph("本期没有工作线。".into()));
    }
    blocks
}

#[cfg(test)]
mod tests;
