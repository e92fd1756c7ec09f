//! Messages to the user: what happened, or what went wrong and what to do.

use yew::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Success(String),
    Error(String),
}

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub notice: Option<Notice>,
}

/// Shows a message; the text is always rendered as text, never as markup.
#[function_component(NoticeBox)]
pub fn notice_box(props: &NoticeProps) -> Html {
    match &props.notice {
        None => html! {},
        Some(Notice::Success(text)) => html! {
            <div class="notice success" role="status">{ for text.lines().map(|l| html!{ <p>{ l }</p> }) }</div>
        },
        Some(Notice::Error(text)) => html! {
            <div class="notice error" role="alert">{ for text.lines().map(|l| html!{ <p>{ l }</p> }) }</div>
        },
    }
}
