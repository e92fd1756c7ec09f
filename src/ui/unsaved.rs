//! Typed text is never thrown away silently: while a screen holds unsaved edits, following a
//! link inside the app asks first, and so does closing or reloading the page.

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// While `dirty`, asks `question` before the page is left by a link, a reload or closing it.
#[hook]
pub fn use_leave_guard(dirty: bool, question: &'static str) {
    use_effect_with(dirty, move |&dirty| {
        let listeners = dirty.then(|| {
            let document = gloo::utils::document();
            // In the capture phase, so the answer is known before the router follows the link.
            // Download links (an export made while editing) leave nothing.
            let options = EventListenerOptions {
                phase: EventListenerPhase::Capture,
                passive: false,
            };
            let click = EventListener::new_with_options(&document, "click", options, move |e| {
                let on_link = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|el| el.closest("a[href]:not([download])").ok().flatten())
                    .is_some();
                if on_link
                    && !gloo::utils::window()
                        .confirm_with_message(question)
                        .unwrap_or(true)
                {
                    e.prevent_default();
                    e.stop_immediate_propagation();
                }
            });
            let unload = EventListener::new_with_options(
                &gloo::utils::window(),
                "beforeunload",
                EventListenerOptions::enable_prevent_default(),
                |e| {
                    e.prevent_default();
                    if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                        e.set_return_value(question);
                    }
                },
            );
            (click, unload)
        });
        move || drop(listeners)
    });
}
