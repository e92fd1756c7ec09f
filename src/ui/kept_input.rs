//! A field whose value is taken when it changes (on leaving it, Enter, a picked date), not at
//! each keystroke. Yew puts a field's `value` back into the page at every redraw of its
//! component, so a redraw while someone types — another window saving, a list loading — would
//! wipe a half-typed year, count or date. This one leaves a field in focus as it is.

use web_sys::HtmlInputElement;

use crate::ui::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KeptInputProps {
    /// The stored value, as the field shows it.
    pub value: AttrValue,
    /// Called when the field changes (`ui::form::field_value` reads it).
    pub onchange: Callback<Event>,
    /// The input's type: text, number, date, month, datetime-local.
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub min: Option<AttrValue>,
    #[prop_or_default]
    pub max: Option<AttrValue>,
    #[prop_or_default]
    pub step: Option<AttrValue>,
    #[prop_or_default]
    pub size: Option<AttrValue>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// The field's name when no `<label>` holds it (`aria-label`).
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

#[function_component(KeptInput)]
pub fn kept_input(props: &KeptInputProps) -> Html {
    let node = use_node_ref();
    let focused = use_state(|| false);
    // While the field has focus it shows what is in it (also a date half typed, which the
    // browser reports as empty), so a redraw changes nothing there. Focus is state, not read
    // from the page, so that leaving the field redraws it with the stored value: an entry the
    // screen refused or left unfinished goes back.
    let value = focused
        .then(|| node.cast::<HtmlInputElement>())
        .flatten()
        .map_or_else(|| props.value.clone(), |el| AttrValue::from(el.value()));
    let focus = |on: bool| {
        let focused = focused.clone();
        Callback::from(move |_: FocusEvent| focused.set(on))
    };
    html! {
        <input ref={node} type={props.kind.clone()} {value} onchange={props.onchange.clone()}
            onfocus={focus(true)} onblur={focus(false)}
            min={props.min.clone()} max={props.max.clone()} step={props.step.clone()}
            size={props.size.clone()} placeholder={props.placeholder.clone()}
            aria-label={props.label.clone()} />
    }
}
