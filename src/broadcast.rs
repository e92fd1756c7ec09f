//! Tabs of the app in one browser tell each other which stores they wrote, so none keeps
//! showing (and then saving over) what another tab has changed.

use crate::ui::prelude::*;
use wasm_bindgen::JsCast;

use crate::session::Changes;
use crate::store::schema::StoreName;

/// The channel on which tabs of the app tell each other which stores they wrote.
const CHANGES_CHANNEL: &str = "zuofeng-changes";

/// The channel to post this tab's writes on (none where the browser has no BroadcastChannel);
/// what other tabs post is dispatched to `changes` for as long as the caller is shown.
#[hook]
pub fn use_changes_channel(
    changes: UseReducerDispatcher<Changes>,
) -> UseStateHandle<Option<web_sys::BroadcastChannel>> {
    let channel = use_state(|| web_sys::BroadcastChannel::new(CHANGES_CHANNEL).ok());
    {
        let channel = channel.clone();
        use_effect_with((), move |_| {
            let listener = channel.as_ref().map(|c| {
                gloo::events::EventListener::new(c, "message", move |event| {
                    let text = event
                        .dyn_ref::<web_sys::MessageEvent>()
                        .and_then(|m| m.data().as_string())
                        .unwrap_or_default();
                    let stores: Vec<StoreName> =
                        text.split(',').filter_map(StoreName::parse).collect();
                    if !stores.is_empty() {
                        changes.dispatch(stores);
                    }
                })
            });
            move || drop(listener)
        });
    }
    channel
}

/// Tells other tabs that `stores` were written here.
pub fn post(channel: Option<&web_sys::BroadcastChannel>, stores: &[StoreName]) {
    if let Some(c) = channel {
        let names: Vec<&str> = stores.iter().map(|s| s.as_str()).collect();
        let _ = c.post_message(&names.join(",").into());
    }
}
