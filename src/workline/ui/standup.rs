//! 每日碰头会: per line and day — done yesterday, planned today, problems (carried forward
//! until solved).

use std::rc::Rc;

use chrono::NaiveDate;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::lines::PlanProps;
use super::{parse_date, today, WorkLineData};
use crate::record::{Id, Meta};
use crate::session::reporter;
use crate::session::use_session;
use crate::ui::notice::{Notice, NoticeBox};
use crate::ui::time;
use crate::workline::standup::{carried_problems, Problem, StandUp};

#[function_component(StandUpTab)]
pub fn stand_up_tab(props: &PlanProps) -> Html {
    let plan = &props.plan;
    let lines = plan.live_lines();
    let line = use_state(|| lines.first().map(|l| l.meta.id));
    let day = use_state(today);
    // Kept here, not in the form: a save remounts the form with what was stored.
    let notice = use_state(|| None::<Notice>);
    let on_line = {
        let line = line.clone();
        Callback::from(move |e: Event| {
            line.set(
                uuid::Uuid::parse_str(&e.target_unchecked_into::<HtmlSelectElement>().value()).ok(),
            )
        })
    };
    let on_day = {
        let day = day.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = parse_date(&e.target_unchecked_into::<HtmlInputElement>().value()) {
                day.set(d);
            }
        })
    };
    html! {
        <>
            <div class="toolbar">
                <label class="inline">{ "工作线" }
                    <select onchange={on_line}>
                        { for lines.iter().map(|l| html! { <option value={l.meta.id.to_string()} selected={*line == Some(l.meta.id)}>{ &l.name }</option> }) }
                    </select>
                </label>
                <label class="inline">{ "日期" }<input type="date" value={day.to_string()} onchange={on_day} /></label>
            </div>
            if lines.is_empty() { <p>{ "还没有工作线。" }</p> }
            if let Some(id) = *line {
                // Keyed by the stored record's version too: after a save the form starts again
                // from what was stored, so the next save is based on it.
                    <NoticeBox notice={(*notice).clone()} />
                    <StandUpForm key={format!("{id}-{}-{}", *day, saved_rev(plan, id, *day))} plan={plan.clone()} line_id={id} day={*day} report={reporter(&notice)} />
                <History plan={plan.clone()} line_id={id} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    plan: Rc<WorkLineData>,
    line_id: Id,
    day: NaiveDate,
    report: Callback<Notice>,
}

#[function_component(StandUpForm)]
fn stand_up_form(props: &FormProps) -> Html {
    let session = use_session();
    let existing = props
        .plan
        .stand_ups
        .iter()
        .find(|s| s.line_id == props.line_id && s.date == props.day)
        .cloned();
    let draft = {
        let (plan, line_id, day) = (props.plan.clone(), props.line_id, props.day);
        use_state(move || {
            existing.unwrap_or_else(|| StandUp {
                meta: Meta::unsaved(time::now()),
                line_id,
                date: day,
                done: String::new(),
                planned: String::new(),
                problems: carried_problems(&plan.stand_ups, line_id, day),
            })
        })
    };
    let new_problem = use_state(String::new);
    let area = |set: fn(&mut StandUp, String)| {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*draft).clone();
            set(
                &mut next,
                e.target_unchecked_into::<HtmlTextAreaElement>().value(),
            );
            draft.set(next);
        })
    };
    let add_problem = {
        let (draft, new_problem, day) = (draft.clone(), new_problem.clone(), props.day);
        Callback::from(move |_| {
            let text = new_problem.trim().to_string();
            if text.is_empty() {
                return;
            }
            let mut next = (*draft).clone();
            next.problems.push(Problem {
                id: uuid::Uuid::new_v4(),
                text,
                raised_on: day,
                solved_on: None,
                solution: String::new(),
            });
            draft.set(next);
            new_problem.set(String::new());
        })
    };
    let onsubmit = {
        let (session, draft, report) = (session.clone(), draft.clone(), props.report.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let record = (*draft).clone();
            session.save(vec![record], report.clone(), "碰头会记录已保存。");
        })
    };
    html! {
        <form class="form card" {onsubmit} aria-label="碰头会记录">
            <h2>{ format!("{} 碰头会", props.day) }</h2>
            <label>{ "昨日完成" }<textarea rows="2" value={draft.done.clone()} oninput={area(|s, v| s.done = v)} /></label>
            <label>{ "今日计划" }<textarea rows="2" value={draft.planned.clone()} oninput={area(|s, v| s.planned = v)} /></label>
            <fieldset>
                <legend>{ "困难和问题" }</legend>
                if draft.problems.is_empty() { <p>{ "没有待解决的问题。" }</p> }
                { for draft.problems.iter().enumerate().map(|(i, p)| {
                    let solved = p.solved_on.is_some();
                    let toggle = {
                        let (draft, day) = (draft.clone(), props.day);
                        Callback::from(move |_| {
                            let mut next = (*draft).clone();
                            if let Some(p) = next.problems.get_mut(i) {
                                p.solved_on = if p.solved_on.is_some() { None } else { Some(day) };
                            }
                            draft.set(next);
                        })
                    };
                    let on_solution = {
                        let draft = draft.clone();
                        Callback::from(move |e: InputEvent| {
                            let mut next = (*draft).clone();
                            if let Some(p) = next.problems.get_mut(i) {
                                p.solution = e.target_unchecked_into::<HtmlInputElement>().value();
                            }
                            draft.set(next);
                        })
                    };
                    html! {
                        <div class="problem">
                            <p><strong>{ &p.text }</strong>{ format!("（{} 提出）", p.raised_on) }</p>
                            <label class="inline"><input type="checkbox" checked={solved} onchange={toggle} />{ "已解决" }</label>
                            <label class="inline">{ "解决办法" }<input value={p.solution.clone()} oninput={on_solution} /></label>
                        </div>
                    }
                }) }
                <label class="inline">{ "新问题" }
                    <input value={(*new_problem).clone()} oninput={{ let n = new_problem.clone(); Callback::from(move |e: InputEvent| n.set(e.target_unchecked_into::<HtmlInputElement>().value())) }} />
                </label>
                <button type="button" onclick={add_problem}>{ "添加问题" }</button>
            </fieldset>
            <button type="submit" class="primary">{ "保存碰头会记录" }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct HistoryProps {
    plan: Rc<WorkLineData>,
    line_id: Id,
}

#[function_component(History)]
fn history(props: &HistoryProps) -> Html {
    let mut entries: Vec<&StandUp> = props
        .plan
        .stand_ups
        .iter()
        .filter(|s| s.line_id == props.line_id)
        .collect();
    crate::order::sort_by(&mut entries, |s| {
        crate::order::Key::int(-crate::order::day(s.date))
    });
    html! {
        <table class="grid" aria-label="碰头会记录">
            <thead><tr><th scope="col">{ "日期" }</th><th scope="col">{ "昨日完成" }</th><th scope="col">{ "今日计划" }</th><th scope="col">{ "问题" }</th></tr></thead>
            <tbody>
            { for entries.iter().take(30).map(|s| html! {
                <tr>
                    <td class="nowrap">{ s.date.to_string() }</td><td class="pre">{ &s.done }</td><td class="pre">{ &s.planned }</td>
                    <td>{ for s.problems.iter().map(|p| html! {
                        <div>{ format!("{}{}", p.text, if p.solved_on.is_some() { "（已解决）" } else { "" }) }</div>
                    }) }</td>
                </tr>
            }) }
            </tbody>
        </table>
    }
}

/// The stored version of a line's stand-up on a day (0 if there is none yet).
fn saved_rev(plan: &WorkLineData, line: uuid::Uuid, day: chrono::NaiveDate) -> u32 {
    plan.stand_ups
        .iter()
        .find(|s| s.line_id == line && s.date == day)
        .map(|s| s.meta.rev)
        .unwrap_or(0)
}
