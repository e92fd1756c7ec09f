//! Marking one 简答 answer by hand: the answer as written, the points given (0 to the
//! question's points), saved as the secretary's edit in this browser.

use crate::ui::prelude::*;
use web_sys::HtmlInputElement;

use crate::quiz::attempt::{Attempt, Response};
use crate::quiz::paper::{parse_points, points_text};
use crate::session::{reporter, use_session};
use crate::ui::notice::Notice;

#[derive(Properties, PartialEq)]
pub struct MarkRowProps {
    pub attempt: Attempt,
    pub position: usize,
    pub max: u32,
    pub notice: UseStateHandle<Option<Notice>>,
    pub session_key: String,
}

#[function_component(MarkRow)]
pub fn mark_row(props: &MarkRowProps) -> Html {
    let session = use_session();
    let value = use_state(|| {
        props
            .attempt
            .manual_points
            .get(&props.position)
            .map(|p| points_text(*p))
            .unwrap_or_default()
    });
    let text = match props.attempt.answers.get(&props.position) {
        Some(Response::Text(t)) => t.clone(),
        _ => "（未作答）".into(),
    };
    let on_save = {
        let (value, attempt, pos, max, notice) = (
            value.clone(),
            props.attempt.clone(),
            props.position,
            props.max,
            props.notice.clone(),
        );
        Callback::from(move |_| {
            let Some(points) = parse_points(&value).filter(|p| *p <= max) else {
                notice.set(Some(Notice::Error(format!(
                    "给分应在 0 到 {} 之间。",
                    points_text(max)
                ))));
                return;
            };
            let mut a = attempt.clone();
            a.manual_points.insert(pos, points);
            session.save(
                vec![a],
                reporter(&notice),
                format!("已给 {} 打分。", attempt.respondent.name),
            );
        })
    };
    html! {
        <div class="mark-row">
            <p><strong>{ format!("{}（{}）：", props.attempt.respondent.name, props.attempt.respondent.unit) }</strong>{ text }</p>
            <label class="inline">{ "得分" }<input size="5" value={(*value).clone()} oninput={{ let v = value.clone(); Callback::from(move |e: InputEvent| v.set(e.target_unchecked_into::<HtmlInputElement>().value())) }} /></label>
            <button onclick={on_save}>{ "保存得分" }</button>
        </div>
    }
}
