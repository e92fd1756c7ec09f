//! Form fields bound to a draft held in state: one place that reads what was typed (input,
//! textarea or select) and writes it into the draft; the fields every form has (a choice shown
//! by its label, a date) and its footer.

use crate::ui::kept_input::KeptInput;
use crate::ui::prelude::*;
use chrono::NaiveDate;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use crate::choice::Choice;
use crate::local_time;

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
    on_pick(draft, set).reform(|e: InputEvent| field_value(&e))
}

/// Updates the draft when a field is changed (selects, dates).
pub fn on_change<T: Clone + 'static>(
    draft: &UseStateHandle<T>,
    set: fn(&mut T, String),
) -> Callback<Event> {
    on_pick(draft, set).reform(|e: Event| field_value(&e))
}

/// Sets one part of the draft to a value a field picked (a choice, a date).
pub fn on_pick<T: Clone + 'static, V: 'static>(
    draft: &UseStateHandle<T>,
    set: fn(&mut T, V),
) -> Callback<V> {
    let draft = draft.clone();
    Callback::from(move |value: V| {
        let mut next = (*draft).clone();
        set(&mut next, value);
        draft.set(next);
    })
}

/// Replaces a whole state with a value a field picked (a year, a day shown on a page).
pub fn set_to<T: 'static>(state: &UseStateHandle<T>) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |value: T| state.set(value))
}

/// A select listing every value of `T` by its label, `current` selected.
pub fn choice_select<T: Choice>(current: T, on_pick: Callback<T>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        if let Some(value) = T::from_label(&field_value(&e)) {
            on_pick.emit(value);
        }
    });
    html! {
        <select {onchange}>
            { for T::all().iter().map(|c| html! { <option selected={*c == current}>{ c.label() }</option> }) }
        </select>
    }
}

/// A select of every value of `T` with a first entry `any` (a filter's "全部"): `None` for it.
pub fn optional_choice_select<T: Choice>(
    current: Option<T>,
    any: &'static str,
    on_pick: Callback<Option<T>>,
) -> Html {
    let onchange = Callback::from(move |e: Event| on_pick.emit(T::from_label(&field_value(&e))));
    html! {
        <select {onchange}>
            <option selected={current.is_none()}>{ any }</option>
            { for T::all().iter().map(|c| html! { <option selected={Some(*c) == current}>{ c.label() }</option> }) }
        </select>
    }
}

/// A date field; a value the browser could not complete (a half-typed date) changes nothing.
pub fn date_input(current: NaiveDate, on_pick: Callback<NaiveDate>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        if let Some(date) = local_time::parse_date(&field_value(&e)) {
            on_pick.emit(date);
        }
    });
    html! { <KeptInput kind="date" value={current.to_string()} {onchange} /> }
}

/// A year field; a number outside the years it allows (2000–2100) picks nothing.
pub fn year_input(current: i32, on_pick: Callback<i32>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let year = field_value(&e).trim().parse::<i32>().ok();
        if let Some(year) = year.filter(|y| (2000..=2100).contains(y)) {
            on_pick.emit(year);
        }
    });
    html! { <KeptInput kind="number" min="2000" max="2100" step="1" value={current.to_string()} {onchange} /> }
}

/// A month field; `on_pick` gets the month's first day (a cleared field picks nothing).
pub fn month_input(current: NaiveDate, on_pick: Callback<NaiveDate>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        if let Some(first) = local_time::parse_month(&field_value(&e)) {
            on_pick.emit(first);
        }
    });
    html! { <KeptInput kind="month" value={local_time::month_value(current)} {onchange} /> }
}

/// The end of an edit form: what is wrong with it, if anything, then save and cancel.
pub fn form_footer(error: Option<&str>, save: &'static str, on_cancel: &Callback<()>) -> Html {
    let on_cancel = on_cancel.clone();
    html! {
        <div class="form-footer">
            if let Some(m) = error { <div class="notice error" role="alert"><p>{ m }</p></div> }
            <button type="submit" class="primary">{ save }</button>
            <button type="button" onclick={Callback::from(move |_| on_cancel.emit(()))}>{ "取消" }</button>
        </div>
    }
}

/// A date field that may be left empty (an end date not yet known): empty is `None`.
pub fn optional_date_input(
    current: Option<NaiveDate>,
    on_pick: Callback<Option<NaiveDate>>,
) -> Html {
    let onchange =
        Callback::from(move |e: Event| on_pick.emit(local_time::parse_date(&field_value(&e))));
    let value = current.map(|d| d.to_string()).unwrap_or_default();
    html! { <KeptInput kind="date" {value} {onchange} /> }
}

/// Checkboxes of people (`(id, name)`), those in `chosen` ticked; `on_pick` gets the list as
/// it is after a tick, in the order ticked.
pub fn people_checks(
    legend: &'static str,
    people: &[(uuid::Uuid, &str)],
    chosen: &[uuid::Uuid],
    on_pick: Callback<Vec<uuid::Uuid>>,
) -> Html {
    html! {
        <fieldset class="members">
            <legend>{ legend }</legend>
            if people.is_empty() { <p>{ "名册中还没有人，请先到“干部名册”添加。" }</p> }
            { for people.iter().map(|(id, name)| {
                let (id, checked) = (*id, chosen.contains(id));
                let (chosen, on_pick) = (chosen.to_vec(), on_pick.clone());
                let onchange = Callback::from(move |_| {
                    let mut next = chosen.clone();
                    if checked { next.retain(|m| *m != id) } else { next.push(id) }
                    on_pick.emit(next);
                });
                html! { <label class="choice"><input type="checkbox" {checked} {onchange} />{ *name }</label> }
            }) }
        </fieldset>
    }
}

/// A select of people (`(id, shown as)`) with a first entry `none` for nobody.
pub fn person_select(
    people: &[(uuid::Uuid, String)],
    current: Option<uuid::Uuid>,
    none: &'static str,
    on_pick: Callback<Option<uuid::Uuid>>,
) -> Html {
    let onchange =
        Callback::from(move |e: Event| on_pick.emit(uuid::Uuid::parse_str(&field_value(&e)).ok()));
    html! {
        <select {onchange}>
            <option value="" selected={current.is_none()}>{ none }</option>
            { for people.iter().map(|(id, shown)| html! {
                <option value={id.to_string()} selected={current == Some(*id)}>{ shown.as_str() }</option>
            }) }
        </select>
    }
}

/// A button that prints the page (what is marked `no-print` stays off the paper).
pub fn print_button(label: &'static str) -> Html {
    let onclick = Callback::from(|_| {
        let _ = gloo::utils::window().print();
    });
    html! { <button type="button" {onclick}>{ label }</button> }
}

/// Asks `question` (OK / Cancel) before a step that removes something; true when agreed.
pub fn confirmed(question: &str) -> bool {
    gloo::utils::window()
        .confirm_with_message(question)
        .unwrap_or(false)
}

/// The digit a key press types (top row or keypad), for choices made with one key.
pub fn key_digit(e: &KeyboardEvent) -> Option<usize> {
    let key = e.key();
    let mut chars = key.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.to_digit(10).map(|d| d as usize),
        _ => None,
    }
}
