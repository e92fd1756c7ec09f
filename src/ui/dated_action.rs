//! An action that happened on a day the user says, not only today: 结束驻村, 办结, 问题已解决.
//! The button opens a small form in place (a date, and a note where one is asked for); 确定
//! hands both to the page, which checks them against its rules and reports.

use crate::ui::prelude::*;
use chrono::NaiveDate;

use crate::ui::form::{date_input, field_value};

#[derive(Properties, PartialEq)]
pub struct DatedActionProps {
    /// The button, and the form's name for screen readers.
    pub label: AttrValue,
    /// The date's label ("结束日期").
    pub date_label: AttrValue,
    /// Asks for a note too, labelled so.
    #[prop_or_default]
    pub note_label: Option<AttrValue>,
    pub today: NaiveDate,
    pub on_done: Callback<(NaiveDate, String)>,
}

#[function_component(DatedAction)]
pub fn dated_action(props: &DatedActionProps) -> Html {
    let open = use_state(|| false);
    // The day picked, if any: until then the day is the page's today (derived, never copied).
    let picked = use_state(|| None::<NaiveDate>);
    let day = picked.unwrap_or(props.today);
    let note = use_state(String::new);
    if !*open {
        let open = open.clone();
        return html! {
            <button type="button" onclick={Callback::from(move |_| open.set(true))}>{ props.label.clone() }</button>
        };
    }
    let onsubmit = {
        let (open, note, done) = (open.clone(), note.clone(), props.on_done.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            done.emit((day, (*note).clone()));
            open.set(false);
        })
    };
    let cancel = {
        let open = open.clone();
        Callback::from(move |_| open.set(false))
    };
    html! {
        <form class="dated-action" {onsubmit} aria-label={props.label.clone()}>
            <label>{ props.date_label.clone() }{ date_input(day, { let p = picked.clone(); Callback::from(move |x| p.set(Some(x))) }) }</label>
            if let Some(l) = &props.note_label {
                <label>{ l.clone() }<input value={(*note).clone()} oninput={{ let n = note.clone(); Callback::from(move |e: InputEvent| n.set(field_value(&e))) }} /></label>
            }
            <button type="submit" class="primary">{ "确定" }</button>
            <button type="button" onclick={cancel}>{ "取消" }</button>
        </form>
    }
}
