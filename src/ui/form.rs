//! Form fields bound to a draft held in state: one place that reads what was typed (input,
//! textarea or select) and writes it into the draft.

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The current value of the field that fired `event`.
pub fn field_value(event: &Event) -> String {
    if let Some(area) = event.target_dyn_into::<HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
        select.value()
    } else {
        event.target_unchecked_into::<HtmlInputElement>().value()
    }
}

/// Updates the draft on every keystroke.
pub fn on_input<T: Clone + 'static>(
    draft: &UseStateHandle<T>,
    set: fn(&mut T, String),
) -> Callback<InputEvent> {
    let draft = draft.clone();
    Callback::from(move |e: InputEvent| {
        let mut next = (*draft).clone();
        set(&mut next, field_value(&e));
        draft.set(next);
    })
}

/// Updates the draft when a field is changed (selects, dates).
pub fn on_change<T: Clone + 'static>(
    draft: &UseStateHandle<T>,
    set: fn(&mut T, String),
) -> Callback<Event> {
    let draft = draft.clone();
    Callback::from(move |e: Event| {
        let mut next = (*draft).clone();
        set(&mut next, field_value(&e));
        draft.set(next);
    })
}
