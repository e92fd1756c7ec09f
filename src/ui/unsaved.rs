//! Typed text is never thrown away silently: while a screen holds unsaved edits, following a
//! link inside the app asks first, and so does closing or reloading the page.

use std::rc::Rc;

use crate::ui::prelude::*;
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;

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

/// Typing saved after a pause (`flush` writes what waits; `waiting` says whether anything
/// does): written at once when the page is hidden or closed (`pagehide`, `visibilitychange` —
/// the IndexedDB write starts before the page goes), and the browser asks before closing while
/// a save still waits.
#[hook]
pub fn use_save_on_leave(flush: Rc<dyn Fn()>, waiting: Rc<dyn Fn() -> bool>) {
    use_effect_with((), move |_| {
        let window = gloo::utils::window();
        let hide = {
            let flush = flush.clone();
            EventListener::new(&window, "pagehide", move |_| flush())
        };
        let hidden = {
            let flush = flush.clone();
            EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                if gloo::utils::document().hidden() {
                    flush();
                }
            })
        };
        let unload = EventListener::new_with_options(
            &window,
            "beforeunload",
            EventListenerOptions::enable_prevent_default(),
            move |e| {
                if waiting() {
                    flush();
                    e.prevent_default();
                    if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                        e.set_return_value("刚输入的内容正在保存，请稍候再关闭。");
                    }
                }
            },
        );
        move || drop((hide, hidden, unload))
    });
}
