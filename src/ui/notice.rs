//! Messages to the user: what happened, or what went wrong and what to do.

use crate::ui::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Success(String),
    Error(String),
}

/// Shows a message; the text is always rendered as text, never as markup. A function, not a
/// component: it holds no state, and a component type costs the download its own copy of yew's
/// lifecycle code.
pub fn notice_box(notice: Option<&Notice>) -> Html {
    match notice {
        None => html! {},
        Some(Notice::Success(text)) => html! {
            <div class="notice success" role="status">{ for text.lines().map(|l| html!{ <p>{ l }</p> }) }</div>
        },
        Some(Notice::Error(text)) => html! {
            <div class="notice error" role="alert">{ for text.lines().map(|l| html!{ <p>{ l }</p> }) }</div>
        },
    }
}

/// An error message on its own (a failed load, a template that cannot be used).
pub fn error_box(text: String) -> Html {
    notice_box(Some(&Notice::Error(text)))
}
