//! Benchmark, not a test: times report generation and timeline layout for 200 lines × 50 tasks
//! in headless Chromium and prints the figures. Run by ./scripts/bench.sh; asserts nothing
//! about time.
#![cfg(target_arch = "wasm32")]

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveDate};
use wasm_bindgen_test::*;
use zuofeng::record::{DeviceId, Meta};
use zuofeng::workline::model::{LineStatus, ProgressEntry, Recurrence, Task, TaskStatus, WorkLine};
use zuofeng::workline::report::{monthly_summary, weekly_dispatch, weekly_plan, PlanData};
use zuofeng::workline::timeline::layout;

mod common;
use common::{median, now_ms};

wasm_bindgen_test_configure!(run_in_browser);

fn time(runs: usize, mut f: impl FnMut() -> usize) -> (f64, usize) {
    let mut out = 0;
    let times = (0..runs)
        .map(|_| {
            let t0 = now_ms();
            out = f();
            now_ms() - t0
        })
        .collect();
    (median(times), out)
}

#[wasm_bindgen_test]
fn bench_200_lines_of_50_tasks() {
    let device = DeviceId("bench".into());
    let at = DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default();
    let day0 = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap_or_default();
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default();
    let people: Vec<uuid::Uuid> = (0..300).map(|_| uuid::Uuid::new_v4()).collect();
    let names: HashMap<uuid::Uuid, String> = people
        .iter()
        .enumerate()
        .map(|(i, id)| (*id, format!("干部{i}")))
        .collect();
    let mut lines = Vec::new();
    let mut tasks = Vec::new();
    for l in 0..200u64 {
        let line = WorkLine {
            meta: Meta::new(&device, at),
            name: format!("工作线{l}"),
            goal: "目标".into(),
            lead: Some(people[l as usize % people.len()]),
            unit: "城建办".into(),
            members: vec![],
            measures: String::new(),
            start: day0 + Days::new(l % 30),
            deadline: day0 + Days::new(100 + l % 60),
            status: LineStatus::Active,
            deleted: false,
        };
        for t in 0..50u64 {
            let due = day0 + Days::new((l * 7 + t * 3) % 120);
            let done = t % 3 == 0;
            tasks.push(Task {
                meta: Meta::new(&device, at),
                line_id: line.meta.id,
                title: format!("任务{l}-{t}"),
                owners: vec![people[((l * 50 + t) % 300) as usize]],
                due,
                progress: if done { 100 } else { (t * 7 % 100) as u8 },
                status: if done {
                    TaskStatus::Done
                } else {
                    TaskStatus::InProgress
                },
                notes: String::new(),
                progress_note: if t % 2 == 0 {
                    format!("已完成第{t}项检查")
                } else {
                    String::new()
                },
                recurrence: Recurrence::None,
                order: t as i64,
                finished_on: done.then(|| due + Days::new(t % 4)),
                history: vec![ProgressEntry {
                    on: today - Days::new(t % 10),
                    progress: 50,
                    status: TaskStatus::InProgress,
                    note: String::new(),
                }],
                deleted: false,
            });
        }
        lines.push(line);
    }
    let data = PlanData {
        lines: &lines,
        tasks: &tasks,
        stand_ups: &[],
        names: &names,
    };
    let (dispatch, n) = time(5, || weekly_dispatch(&data, today, today).sections.len());
    console_log!(
        "200 lines × 50 tasks: 周调度 generated in {dispatch:.1} ms (median of 5, {n} sections)"
    );
    let (summary, n) = time(5, || monthly_summary(&data, today, today).sections.len());
    console_log!(
        "200 lines × 50 tasks: 月总结 generated in {summary:.1} ms (median of 5, {n} sections)"
    );
    let (plan, n) = time(5, || weekly_plan(&data, today).sections.len());
    console_log!(
        "200 lines × 50 tasks: 每周工作安排 generated in {plan:.1} ms (median of 5, {n} people)"
    );
    let line_refs: Vec<&WorkLine> = lines.iter().collect();
    let task_refs: Vec<&Task> = tasks.iter().collect();
    let all: Vec<uuid::Uuid> = lines.iter().map(|l| l.meta.id).collect();
    let (collapsed, rows) = time(5, || layout(&line_refs, &task_refs, &[], today).rows.len());
    console_log!(
        "200 lines × 50 tasks: timeline layout, lines only, {collapsed:.1} ms ({rows} rows)"
    );
    let (expanded, rows) = time(5, || layout(&line_refs, &task_refs, &all, today).rows.len());
    console_log!(
        "200 lines × 50 tasks: timeline layout, all tasks, {expanded:.1} ms ({rows} rows)"
    );
}
