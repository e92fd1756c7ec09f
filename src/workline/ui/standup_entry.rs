//! The parts of a stand-up form: one line's entry (done, planned, its problems) and the field
//! that raises a new problem (tagged to a line at the township's meeting).

use crate::ui::prelude::*;
use chrono::NaiveDate;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use crate::record::Id;
use crate::workline::standup::{Problem, StandUp};

#[derive(Properties, PartialEq)]
pub struct EntryProps {
    pub entry: StandUp,
    /// The line's name where several lines share a form (it names the fields), else empty.
    pub name: AttrValue,
    pub on_change: Callback<StandUp>,
}

#[function_component(EntryFields)]
pub fn entry_fields(props: &EntryProps) -> Html {
    let edit = |change: fn(&mut StandUp, String)| {
        let (entry, on_change) = (props.entry.clone(), props.on_change.clone());
        move |value: String| {
            let mut next = entry.clone();
            change(&mut next, value);
            on_change.emit(next);
        }
    };
    let area = |change: fn(&mut StandUp, String)| {
        let set = edit(change);
        Callback::from(move |e: InputEvent| {
            set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let named = |label: &str| match props.name.as_str() {
        "" => label.to_string(),
        name => format!("{name} {label}"),
    };
    let e = &props.entry;
    html! {
        <>
            <label>{ "昨日完成" }<textarea aria-label={named("昨日完成")} rows="2" value={e.done.clone()} oninput={area(|s, v| s.done = v)} /></label>
            <label>{ "今日计划" }<textarea aria-label={named("今日计划")} rows="2" value={e.planned.clone()} oninput={area(|s, v| s.planned = v)} /></label>
            <fieldset>
                <legend>{ named("困难和问题") }</legend>
                if e.problems.is_empty() { <p>{ "没有待解决的问题。" }</p> }
                { for e.problems.iter().enumerate().map(|(i, p)| {
                    let problem = |change: fn(&mut Problem, String, NaiveDate)| {
                        let (entry, on_change) = (props.entry.clone(), props.on_change.clone());
                        move |value: String| {
                            let mut next = entry.clone();
                            let day = next.date;
                            if let Some(p) = next.problems.get_mut(i) {
                                change(p, value, day);
                            }
                            on_change.emit(next);
                        }
                    };
                    let toggle = {
                        let set = problem(|p, _, day| p.solved_on = if p.solved_on.is_some() { None } else { Some(day) });
                        Callback::from(move |_| set(String::new()))
                    };
                    let on_solution = {
                        let set = problem(|p, v, _| p.solution = v);
                        Callback::from(move |e: InputEvent| set(e.target_unchecked_into::<HtmlInputElement>().value()))
                    };
                    html! {
                        <div class="problem">
                            <p><strong>{ &p.text }</strong>{ format!("（{} 提出）", p.raised_on) }</p>
                            <label class="inline"><input type="checkbox" checked={p.solved_on.is_some()} onchange={toggle} />{ "已解决" }</label>
                            <label class="inline">{ "解决办法" }<input value={p.solution.clone()} oninput={on_solution} /></label>
                        </div>
                    }
                }) }
            </fieldset>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct NewProblemProps {
    /// The lines a problem may be tagged to (empty: only `line_id`).
    pub lines: Vec<(Id, String)>,
    pub line_id: Id,
    pub day: NaiveDate,
    /// The line and the problem raised.
    pub on_add: Callback<(Id, Problem)>,
}

#[function_component(NewProblem)]
pub fn new_problem(props: &NewProblemProps) -> Html {
    let text = use_state(String::new);
    let line = use_state(|| props.line_id);
    let add = {
        let (text, line, day, on_add) =
            (text.clone(), line.clone(), props.day, props.on_add.clone());
        Callback::from(move |_| {
            let said = text.trim().to_string();
            if said.is_empty() {
                return;
            }
            on_add.emit((
                *line,
                Problem {
                    id: uuid::Uuid::new_v4(),
                    text: said,
                    raised_on: day,
                    solved_on: None,
                    solution: String::new(),
                },
            ));
            text.set(String::new());
        })
    };
    html! {
        <div class="new-problem">
            <label class="inline">{ "新问题" }
                <input value={(*text).clone()} oninput={{ let t = text.clone(); Callback::from(move |e: InputEvent| t.set(e.target_unchecked_into::<HtmlInputElement>().value())) }} />
            </label>
            if !props.lines.is_empty() {
                <label class="inline">{ "所属工作线" }
                    <select onchange={{ let l = line.clone(); Callback::from(move |e: Event| {
                        if let Ok(id) = uuid::Uuid::parse_str(&e.target_unchecked_into::<HtmlSelectElement>().value()) { l.set(id) }
                    }) }}>
                        { for props.lines.iter().map(|(id, name)| html! { <option value={id.to_string()} selected={*line == *id}>{ name }</option> }) }
                    </select>
                </label>
            }
            <button type="button" onclick={add}>{ "添加问题" }</button>
        </div>
    }
}
