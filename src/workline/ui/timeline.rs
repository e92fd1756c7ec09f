//! 时间线: lines and (for expanded lines) tasks as bars against today, with planned dates and
//! actual finishes, drawn as SVG.

use crate::ui::prelude::*;

use super::lines::PlanProps;
use super::today;
use crate::paging::Page;
use crate::ui::pager::pager;
use crate::workline::model::Task;
use crate::workline::timeline::{layout_in, Window};

const LINES_PER_PAGE: usize = 25;

const LABEL_W: f64 = 200.0;
const CHART_W: f64 = 760.0;
const ROW_H: f64 = 24.0;
const TOP: f64 = 28.0;

#[function_component(TimelineTab)]
pub fn timeline_tab(props: &PlanProps) -> Html {
    let expanded = use_state(Vec::<uuid::Uuid>::new);
    let window = use_state(Window::default);
    let page = use_state(|| 0usize);
    let plan = &props.plan;
    let all_lines = plan.live_lines();
    // 25 lines a page: 200 lines (and their 10,000 tasks) draw at once, a page at a time.
    let shown = Page::of(all_lines.len(), *page, LINES_PER_PAGE);
    let lines = shown.slice(&all_lines).to_vec();
    let tasks: Vec<&Task> = plan.tasks.iter().filter(|t| !t.deleted).collect();
    let t = layout_in(&lines, &tasks, &expanded, today(), *window);
    let pager = (shown.count > 1).then(|| {
        html! {
            <div class="no-print">
                { pager(shown, all_lines.len(), "条工作线", &{ let p = page.clone(); Callback::from(move |i| p.set(i)) }) }
            </div>
        }
    });
    let day_of = |x: f64| t.start + chrono::Days::new(x.max(0.0) as u64);
    let on_window = {
        let window = window.clone();
        Callback::from(move |e: Event| {
            let v = crate::ui::form::field_value(&e);
            if let Some(w) = Window::ALL.into_iter().find(|w| w.label() == v) {
                window.set(w);
            }
        })
    };
    let scale = CHART_W / t.days().max(1.0);
    let x = |day: f64| LABEL_W + day * scale;
    let height = TOP + ROW_H * t.rows.len() as f64 + 8.0;
    let all_ids: Vec<uuid::Uuid> = lines.iter().map(|l| l.meta.id).collect();
    let toggle_all = {
        let expanded = expanded.clone();
        let all = all_ids.clone();
        Callback::from(move |_| {
            expanded.set(if expanded.is_empty() {
                all.clone()
            } else {
                Vec::new()
            })
        })
    };
    // Which line each line-row belongs to, in order, for the click that expands it.
    let mut line_rows = all_ids.iter();
    html! {
        <>
            <div class="toolbar no-print">
                <button onclick={toggle_all}>{ if expanded.is_empty() { "展开全部任务" } else { "收起全部任务" } }</button>
                <label class="inline">{ "显示范围" }
                    <select onchange={on_window}>
                        { for Window::ALL.iter().map(|w| html! { <option selected={*w == *window}>{ w.label() }</option> }) }
                    </select>
                </label>
                <span class="legend">
                    <span class="key bar"></span>{ "计划起止" }
                    <span class="key due"></span>{ "完成时限" }
                    <span class="key done"></span>{ "按时完成" }
                    <span class="key late"></span>{ "逾期" }
                    <span class="key today"></span>{ "今天" }
                </span>
            </div>
            if lines.is_empty() { <p>{ "还没有工作线。" }</p> }
            { pager.unwrap_or_default() }
            <svg class="timeline" role="img" aria-label="工作线时间线" viewBox={format!("0 0 {} {height}", LABEL_W + CHART_W + 10.0)}
                width="100%" xmlns="http://www.w3.org/2000/svg">
                <text x={x(0.0).to_string()} y="16" class="axis">{ t.start.to_string() }</text>
                <text x={x(t.days()).to_string()} y="16" class="axis" text-anchor="end">{ t.end.to_string() }</text>
                { for t.rows.iter().enumerate().map(|(i, row)| {
                    let y = TOP + ROW_H * i as f64;
                    let line_id = if row.is_task { None } else { line_rows.next().copied() };
                    let onclick = line_id.map(|id| {
                        let expanded = expanded.clone();
                        Callback::from(move |_: MouseEvent| {
                            let mut next = (*expanded).clone();
                            if next.contains(&id) { next.retain(|e| *e != id) } else { next.push(id) }
                            expanded.set(next);
                        })
                    });
                    // A name too long for the column is cut with "…"; the whole name is its tooltip.
                    let label: String = if row.label.chars().count() > 14 {
                        row.label.chars().take(13).chain(['…']).collect()
                    } else {
                        row.label.clone()
                    };
                    let span = format!(
                        "{}：{} 至 {}",
                        row.label,
                        day_of(row.bar.0),
                        day_of((row.bar.1 - 1.0).max(row.bar.0))
                    );
                    let bar_class = classes!("bar", row.is_task.then_some("task"), row.done.then_some("done"), row.late.then_some("late"));
                    html! {
                        <g class="row">
                            <text x={if row.is_task { "16" } else { "4" }} y={(y + 16.0).to_string()} class={classes!("label", row.is_task.then_some("task"))} {onclick}>
                                <title>{ &row.label }</title>{ label }
                            </text>
                            <rect class={bar_class} x={x(row.bar.0).to_string()} y={(y + 5.0).to_string()}
                                width={((row.bar.1 - row.bar.0) * scale).max(1.0).to_string()} height={(ROW_H - 10.0).to_string()}>
                                <title>{ span }</title>
                            </rect>
                            { for row.due_marks.iter().map(|d| html! {
                                <rect class="due" x={(x(*d + 1.0) - 1.5).to_string()} y={(y + 3.0).to_string()} width="3" height={(ROW_H - 6.0).to_string()} />
                            }) }
                            { row.finish.map(|f| html! {
                                <circle class={classes!("finish", row.late.then_some("late"))} cx={x(f + 0.5).to_string()} cy={(y + ROW_H / 2.0).to_string()} r="4" />
                            }).unwrap_or_default() }
                        </g>
                    }
                }) }
                <line class="today" x1={x(t.today + 0.5).to_string()} x2={x(t.today + 0.5).to_string()} y1={(TOP - 6.0).to_string()} y2={height.to_string()} />
            </svg>
        </>
    }
}
