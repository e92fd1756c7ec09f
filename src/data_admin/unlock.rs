//! A sealed file's password: what the file is (readable without it), the password box, and
//! the file opened in memory for the usual checks. A wrong password writes nothing.

use std::rc::Rc;

use crate::ui::prelude::*;

use crate::exchange::sealed::{opened, Locked};
use crate::ui::file_drop::PickedFile;
use crate::ui::form::field_value;
use crate::ui::time;

#[derive(Properties, PartialEq)]
pub struct UnlockProps {
    pub file_name: String,
    pub locked: Rc<Locked>,
    pub on_opened: Callback<PickedFile>,
    pub on_cancel: Callback<()>,
}

#[function_component(UnlockForm)]
pub fn unlock_form(props: &UnlockProps) -> Html {
    let password = use_state(String::new);
    let busy = use_state(|| false);
    let problem = use_state(|| None::<String>);
    let envelope = &props.locked.envelope;
    let counts: Vec<String> = envelope
        .record_counts
        .iter()
        .map(|(store, n)| {
            let label =
                crate::store::schema::StoreName::parse(store).map_or("其他记录", |s| s.label());
            format!("{label} {n} 条")
        })
        .collect();
    let onsubmit = {
        let (password, busy, problem) = (password.clone(), busy.clone(), problem.clone());
        let (locked, name, on_opened) = (
            props.locked.clone(),
            props.file_name.clone(),
            props.on_opened.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            busy.set(true);
            problem.set(None);
            let (password, busy, problem) = ((*password).clone(), busy.clone(), problem.clone());
            let (locked, name, on_opened) = (locked.clone(), name.clone(), on_opened.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = match crate::exchange::webcrypto::open(&locked, &password).await {
                    Ok(plain) => opened(&locked, &plain).map_err(|e| e.user_message()),
                    Err(e) => Err(e.user_message()),
                };
                busy.set(false);
                match result {
                    Ok(bytes) => on_opened.emit(PickedFile { name, bytes }),
                    Err(m) => problem.set(Some(m)),
                }
            });
        })
    };
    let exporter = &envelope.exported_by;
    html! {
        <form class="unlock card form" {onsubmit} aria-labelledby="unlock-h">
            <h3 id="unlock-h">{ "这个文件加了密码" }</h3>
            <p>{ format!(
                "文件“{}”：{}，由 {}{} 于 {} 导出，共 {} 条记录（{}）。",
                props.file_name, envelope.kind.label(), exporter.name,
                if exporter.unit.is_empty() { String::new() } else { format!("（{}）", exporter.unit) },
                time::format_local(envelope.exported_at), props.locked.records(), counts.join("，")
            ) }</p>
            <label>{ "导出时设置的密码" }
                <input type="password" autocomplete="off" value={(*password).clone()}
                    oninput={{ let p = password.clone(); Callback::from(move |e: InputEvent| p.set(field_value(&e))) }} /></label>
            if let Some(m) = &*problem { <div class="notice error" role="alert"><p>{ m }</p></div> }
            <div class="toolbar">
                <button type="submit" class="primary" disabled={*busy || password.is_empty()}>
                    { if *busy { "正在解密……" } else { "打开文件" } }</button>
                <button type="button" onclick={props.on_cancel.reform(|_| ())}>{ "取消" }</button>
            </div>
        </form>
    }
}
