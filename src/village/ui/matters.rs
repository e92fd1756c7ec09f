//! 设置事项清单: the office's list of matters a service desk offers, one a line.

use crate::ui::prelude::*;

use crate::session::use_session;
use crate::ui::form::field_value;
use crate::ui::notice::Notice;

/// The office's list of matters (settings), or the defaults.
pub const MATTERS: &str = "service_matters";

#[derive(Properties, PartialEq)]
pub struct MattersProps {
    pub matters: Vec<String>,
    pub report: Callback<Notice>,
}

/// The office's list of matters, one a line.
#[function_component(MattersEditor)]
pub fn matters_editor(props: &MattersProps) -> Html {
    let session = use_session();
    // What was typed, if anything: until then the box shows the list as stored, whenever it
    // arrives (never a copy taken on the first render).
    let typed = use_state(|| None::<String>);
    let text = (*typed).clone().unwrap_or_else(|| props.matters.join("\n"));
    let save = {
        let (session, text, report) = (session.clone(), text.clone(), props.report.clone());
        Callback::from(move |_| {
            let list: Vec<String> = text
                .lines()
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect();
            let (session, report) = (session.clone(), report.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let n = list.len();
                report.emit(match session.set_setting(MATTERS, list).await {
                    Ok(()) => Notice::Success(format!("事项清单已保存，共 {n} 项。")),
                    Err(m) => Notice::Error(m),
                });
            });
        })
    };
    html! {
        <details class="card no-print">
            <summary>{ "设置事项清单" }</summary>
            <label>{ "可办事项（每行一项）" }<textarea rows="8" value={text} oninput={{ let t = typed.clone(); Callback::from(move |e: InputEvent| t.set(Some(field_value(&e)))) }} /></label>
            <button onclick={save}>{ "保存事项清单" }</button>
        </details>
    }
}
