use std::collections::HashMap;

use chrono::{DateTime, NaiveDate};

use super::*;
use crate::record::DeviceId;
use crate::workline::model::{ProgressEntry, Recurrence};
use crate::workline::standup::Problem;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap_or_default()
}

fn meta() -> Meta {
    Meta::new(
        &DeviceId("d".into()),
        DateTime::from_timestamp(0, 0).unwrap_or_default(),
    )
}

fn line(name: &str, lead: Option<Id>) -> WorkLine {
    WorkLine {
        meta: meta(),
        name: name.into(),
        goal: format!("{name}目标"),
        lead,
        unit: "城建办".into(),
        members: vec![],
        measures: String::new(),
        start: d(11, 1),
        deadline: d(12, 31),
        status: LineStatus::Active,
        deleted: false,
    }
}

fn task(line: &WorkLine, title: &str, owner: Id, due: NaiveDate) -> Task {
    Task {
        meta: meta(),
        line_id: line.meta.id,
        title: title.into(),
        owners: vec![owner],
        due,
        progress: 0,
        status: TaskStatus::NotStarted,
        notes: String::new(),
        progress_note: String::new(),
        recurrence: Recurrence::None,
        order: 0,
        finished_on: None,
        history: vec![],
        deleted: false,
    }
}

struct Fixture {
    lines: Vec<WorkLine>,
    tasks: Vec<Task>,
    stand_ups: Vec<StandUp>,
    names: HashMap<Id, String>,
}

fn fixture() -> Fixture {
    let zhang = uuid::Uuid::new_v4();
    let li = uuid::Uuid::new_v4();
    let names: HashMap<Id, String> = [(zhang, "张三".to_string()), (li, "李四".to_string())].into();
    let road = line("道路建设", Some(zhang));
    let mut done = task(&road, "路基平整", zhang, d(11, 25));
    done.status = TaskStatus::Done;
    done.progress = 100;
    done.finished_on = Some(d(11, 24));
    done.history = vec![
        ProgressEntry {
            on: d(11, 18),
            progress: 50,
            status: TaskStatus::InProgress,
            note: "已检查6家，发现隐患4处".into(),
        },
        ProgressEntry {
            on: d(11, 24),
            progress: 100,
            status: TaskStatus::Done,
            note: String::new(),
        },
    ];
    let mut late = task(&road, "排水沟", li, d(11, 20));
    late.progress = 30;
    late.status = TaskStatus::InProgress;
    late.progress_note = "已挖200米".into();
    late.notes = "雨天顺延".into();
    let going = task(&road, "路灯安装", li, d(12, 10));
    let mut gone = task(&road, "已删除的任务", li, d(11, 20));
    gone.deleted = true;
    let mut finished_late = task(&road, "征地协调", zhang, d(11, 5));
    finished_late.status = TaskStatus::Done;
    finished_late.finished_on = Some(d(11, 12));
    let mut removed = line("已删除的线", None);
    removed.deleted = true;
    let stand_ups = vec![StandUp {
        meta: meta(),
        line_id: road.meta.id,
        date: d(11, 24),
        done: String::new(),
        planned: String::new(),
        problems: vec![Problem {
            id: uuid::Uuid::new_v4(),
            text: "水泥供应不足".into(),
            raised_on: d(11, 24),
            solved_on: None,
            solution: "联系第二家供应商".into(),
        }],
    }];
    Fixture {
        tasks: vec![done, late, going, gone, finished_late],
        lines: vec![road, removed],
        stand_ups,
        names,
    }
}

fn data(f: &Fixture) -> PlanData<'_> {
    PlanData {
        lines: &f.lines,
        tasks: &f.tasks,
        stand_ups: &f.stand_ups,
        names: &f.names,
    }
}

#[test]
fn the_weekly_dispatch_sorts_each_lines_tasks() {
    let f = fixture();
    let doc = weekly_dispatch(&data(&f), d(11, 27), d(11, 27));
    assert_eq!(doc.period, "2026年11月23日至2026年11月29日");
    assert_eq!(doc.sections.len(), 1, "deleted lines are left out");
    let s = &doc.sections[0];
    assert_eq!(s.heading, "道路建设");
    assert!(s.fields[0].contains("责任领导：张三"), "{}", s.fields[0]);
    assert_eq!(s.fields[1], "1. 路基平整（张三）");
    assert!(
        s.fields[2].contains("路灯安装（李四），进度 0%"),
        "{}",
        s.fields[2]
    );
    assert_eq!(
        s.fields[3],
        "1. 排水沟（李四），应于11月20日完成，已逾期 7 天，进度 30%；进展：已挖200米"
    );
    assert_eq!(s.fields[6], "1. 排水沟（李四），抓紧完成（原定11月20日）");
    assert_eq!(doc.columns.last().map(String::as_str), Some("下周计划"));
    assert_eq!(s.fields[4], "1. 路基平整：50% → 100%");
    assert!(
        s.fields[5].contains("水泥供应不足（11月24日提出，尚未解决：联系第二家供应商）"),
        "{}",
        s.fields[5]
    );
    assert!(!s.fields.iter().any(|f| f.contains("已删除")));
}

#[test]
fn a_report_opens_with_each_lines_figures_and_a_total() {
    let f = fixture();
    let doc = weekly_dispatch(&data(&f), d(11, 27), d(11, 27));
    // Due or finished by 11-29: 路基平整 (on time), 征地协调 (late), 排水沟 (open, overdue).
    let row = &doc.summary[0];
    assert_eq!(
        (row.tasks, row.done, row.on_time, row.overdue),
        (3, 2, 1, 1)
    );
    assert_eq!(row.rate_text(), "67%");
    let rows = summary_rows(&doc);
    assert_eq!(rows[0][0], "工作线");
    assert_eq!(rows.last().map(|r| r[0].as_str()), Some("合计"));
    assert_eq!(rows.last().map(|r| r[5].as_str()), Some("67%"));
    let empty = SummaryRow::total(&[]);
    assert_eq!(empty.rate_text(), "—");
}

#[test]
fn a_progress_note_reaches_the_reports() {
    let f = fixture();
    let week = weekly_dispatch(&data(&f), d(11, 20), d(11, 20));
    // The week of 11-18: 路基平整 went to 50 % with what was said.
    assert!(
        week.sections[0].fields[4].contains("路基平整：0% → 50%（已检查6家，发现隐患4处）"),
        "{}",
        week.sections[0].fields[4]
    );
    let month = monthly_summary(&data(&f), d(11, 15), d(11, 30));
    assert!(month.sections[0].fields[2].ends_with("；进展：已挖200米"));
}

#[test]
fn the_monthly_summary_separates_on_time_late_and_open() {
    let f = fixture();
    let doc = monthly_summary(&data(&f), d(11, 15), d(11, 30));
    assert_eq!(doc.period, "2026年11月");
    let s = &doc.sections[0];
    assert_eq!(s.fields[0], "1. 路基平整（张三）");
    assert_eq!(s.fields[1], "1. 征地协调（张三），逾期 7 天完成");
    assert_eq!(
        s.fields[2],
        "1. 排水沟（李四），进度 30%，已逾期 10 天；进展：已挖200米"
    );
    assert_eq!(s.fields[4], "1. 路灯安装（李四），12月10日前完成");
}

#[test]
fn the_weekly_plan_is_the_usual_table_one_row_per_task() {
    let f = fixture();
    let doc = weekly_plan(&data(&f), d(12, 7));
    let sheet = as_sheet(&doc);
    assert_eq!(sheet.title, "每周工作安排");
    assert_eq!(
        sheet.lines,
        vec!["2026年12月7日至2026年12月13日".to_string()]
    );
    assert_eq!(sheet.tables.len(), 1, "no summary in a plan");
    assert_eq!(
        sheet.tables[0],
        vec![
            ["时间", "工作内容", "责任领导", "责任单位/责任人", "备注"]
                .map(String::from)
                .to_vec(),
            [
                "已逾期（原定11月20日）",
                "道路建设：排水沟",
                "张三",
                "城建办／李四",
                "雨天顺延"
            ]
            .map(String::from)
            .to_vec(),
            [
                "12月10日前",
                "道路建设：路灯安装",
                "张三",
                "城建办／李四",
                ""
            ]
            .map(String::from)
            .to_vec(),
        ]
    );
    assert!(is_table(&doc));
    use crate::office::docx::Block;
    assert!(matches!(as_blocks(&doc).last(), Some(Block::Table(t)) if t.len() == 3));
}

#[test]
fn an_empty_plan_gives_an_empty_report() {
    let names = HashMap::new();
    let empty = PlanData {
        lines: &[],
        tasks: &[],
        stand_ups: &[],
        names: &names,
    };
    assert!(weekly_dispatch(&empty, d(11, 27), d(11, 27))
        .sections
        .is_empty());
    assert!(weekly_plan(&empty, d(11, 27)).sections.is_empty());
}

#[test]
fn a_report_becomes_a_document_in_order() {
    use crate::office::docx::Block;
    let f = fixture();
    let doc = monthly_summary(&data(&f), d(11, 15), d(11, 30));
    let blocks = as_blocks(&doc);
    assert_eq!(blocks[0], Block::Title("工作分线月总结".into()));
    assert_eq!(blocks[2], Block::Heading("总体情况".into()));
    assert!(matches!(&blocks[3], Block::Table(rows) if rows.len() == 3));
    assert_eq!(blocks[4], Block::Heading("道路建设".into()));
    assert_eq!(blocks.len(), 5 + doc.columns.len());
}

#[test]
fn a_past_month_reads_the_same_whichever_day_it_is_made() {
    let mut f = fixture();
    // 验收资料: due 11-26, nothing done in November, 60 % on 12-1, finished on 12-2.
    let road = f.lines[0].clone();
    let owner = f.tasks[0].owners[0];
    let mut t = task(&road, "验收资料", owner, d(11, 26));
    let dev = DeviceId("d".into());
    let now = DateTime::from_timestamp(0, 0).unwrap_or_default();
    let update = |progress, status| crate::workline::schedule::ProgressUpdate {
        progress,
        status,
        note: String::new(),
    };
    crate::workline::schedule::apply_update(
        &mut t,
        &update(60, TaskStatus::InProgress),
        d(12, 1),
        &dev,
        now,
    );
    crate::workline::schedule::apply_update(
        &mut t,
        &update(100, TaskStatus::Done),
        d(12, 2),
        &dev,
        now,
    );
    f.tasks.push(t);
    let on_the_day = monthly_summary(&data(&f), d(11, 15), d(11, 30));
    let later = monthly_summary(&data(&f), d(11, 15), d(12, 2));
    assert_eq!(on_the_day, later);
    let s = &later.sections[0];
    assert!(
        s.fields[2].contains("验收资料（张三），进度 0%，已逾期 4 天"),
        "{}",
        s.fields[2]
    );
    assert!(!s.fields.iter().any(|f| f.contains("60%")));
    // 排水沟 and 验收资料 were overdue at the month's end.
    assert_eq!(later.summary[0].overdue, 2);
    // The week of 11-23, made on 12-2: the same as made on its Sunday.
    assert_eq!(
        weekly_dispatch(&data(&f), d(11, 27), d(12, 2)),
        weekly_dispatch(&data(&f), d(11, 27), d(11, 29))
    );
    // December's report has it finished, six days after it was due.
    let dec = monthly_summary(&data(&f), d(12, 15), d(12, 31));
    assert!(dec.sections[0].fields[1].contains("验收资料（张三），逾期 6 天完成"));
}

#[test]
fn an_edited_report_keeps_its_identity_and_a_new_one_its_period() {
    let now = DateTime::from_timestamp(0, 0).unwrap_or_default();
    let doc = |title: &str| ReportDoc {
        kind: ReportKind::WeeklyDispatch,
        title: title.into(),
        period: String::new(),
        heading_label: String::new(),
        columns: vec![],
        sections: vec![],
        summary: vec![],
    };
    let first = WorkReport::with_doc(None, ReportKind::WeeklyDispatch, d(11, 23), doc("甲"), now);
    assert_eq!(
        (first.kind, first.period_start),
        (ReportKind::WeeklyDispatch, d(11, 23))
    );
    let again = WorkReport::with_doc(
        Some(first.clone()),
        ReportKind::MonthlySummary,
        d(12, 1),
        doc("乙"),
        now,
    );
    assert_eq!(again.meta.id, first.meta.id);
    assert_eq!(
        (again.kind, again.period_start),
        (first.kind, first.period_start)
    );
    assert_eq!(again.doc.title, "乙");
}

#[test]
fn a_report_covers_the_week_or_the_month_of_the_day_picked() {
    // 2026-11-27 is a Friday.
    assert_eq!(
        ReportKind::WeeklyDispatch.period_start(d(11, 27)),
        d(11, 23)
    );
    assert_eq!(ReportKind::WeeklyPlan.period_start(d(11, 23)), d(11, 23));
    assert_eq!(ReportKind::MonthlySummary.period_start(d(11, 27)), d(11, 1));
}
