//! The answer controls for one question, the same in a test and in practice: options (in the
//! order this person sees them), true/false, blanks, or a written answer.

use crate::ui::prelude::*;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};

use crate::quiz::attempt::Response;
use crate::quiz::model::{option_letter, QuestionKind};
use crate::quiz::paper::PaperQuestion;
use crate::sorted::SortedSet;

/// `order`: the paper's option positions in the order shown (a shuffled test), or `None` for
/// paper order. `group` names the question's radio buttons (unique on the page).
pub fn answer_input(
    q: &PaperQuestion,
    order: Option<&[usize]>,
    given: Option<&Response>,
    group: &str,
    locked: bool,
    on_change: Callback<Response>,
) -> Html {
    match q.kind {
        QuestionKind::Single | QuestionKind::Multiple => {
            let chosen: SortedSet<usize> = match given {
                Some(Response::Choice(c)) => c.clone(),
                _ => SortedSet::new(),
            };
            let single = q.kind == QuestionKind::Single;
            let paper_order: Vec<usize> = (0..q.options.len()).collect();
            let order = order.unwrap_or(&paper_order);
            html! { <div>{ for order.iter().enumerate().map(|(shown, &o)| {
                let checked = chosen.contains(&o);
                let (chosen, on_change) = (chosen.clone(), on_change.clone());
                let onchange = Callback::from(move |_| on_change.emit(Response::toggled(&chosen, o, single)));
                let text = format!("{}. {}", option_letter(shown), q.options.get(o).map(String::as_str).unwrap_or(""));
                if single {
                    html! { <label class="choice block"><input type="radio" name={group.to_string()} {checked} disabled={locked} {onchange} />{ text }</label> }
                } else {
                    html! { <label class="choice block"><input type="checkbox" {checked} disabled={locked} {onchange} />{ text }</label> }
                }
            }) }</div> }
        }
        QuestionKind::TrueFalse => {
            html! { <div>{ for [(true, "正确"), (false, "错误")].into_iter().map(|(v, label)| {
                let on_change = on_change.clone();
                let checked = given == Some(&Response::TrueFalse(v));
                html! { <label class="choice"><input type="radio" name={group.to_string()} {checked} disabled={locked} onchange={Callback::from(move |_| on_change.emit(Response::TrueFalse(v)))} />{ label }</label> }
            }) }</div> }
        }
        QuestionKind::FillBlank => {
            let values: Vec<String> = match given {
                Some(Response::Blanks(b)) => b.clone(),
                _ => vec![],
            };
            let n = q.blanks.max(1);
            html! { <div>{ for (0..n).map(|b| {
                let current = values.get(b).cloned().unwrap_or_default();
                let (values, on_change) = (values.clone(), on_change.clone());
                let oninput = Callback::from(move |e: InputEvent| {
                    let mut next = values.clone();
                    next.resize(n, String::new());
                    next[b] = e.target_unchecked_into::<HtmlInputElement>().value();
                    on_change.emit(Response::Blanks(next));
                });
                html! { <label class="inline">{ format!("第 {} 空", b + 1) }<input value={current} disabled={locked} {oninput} /></label> }
            }) }</div> }
        }
        QuestionKind::ShortAnswer => {
            let value = match given {
                Some(Response::Text(t)) => t.clone(),
                _ => String::new(),
            };
            let oninput = Callback::from(move |e: InputEvent| {
                on_change.emit(Response::Text(
                    e.target_unchecked_into::<HtmlTextAreaElement>().value(),
                ))
            });
            html! { <label>{ "作答" }<textarea rows="4" {value} disabled={locked} {oninput} /></label> }
        }
    }
}
