//! The app's frame once a profile is open: header, main navigation, the notice of a new
//! version, and the guard that leads an address this role may not open back to 首页.

use crate::ui::prelude::*;
use yew_router::prelude::*;

use crate::access;
use crate::assessment::ui::kiosk::{use_kiosk_lock, KioskScreen};
use crate::routes::{for_role, switch, Route};
use crate::session::use_session;

const NAV: [Route; 8] = [
    Route::Home,
    Route::Roster,
    Route::Quiz,
    Route::Assessment,
    Route::Admonition,
    Route::WorkLine,
    Route::Village,
    Route::Data,
];

/// Reads and updates the version that last ran in this browser; a message if it changed.
fn take_update_notice() -> Option<String> {
    let storage = gloo::utils::window().local_storage().ok().flatten()?;
    let previous = storage
        .get_item(crate::release::LAST_RUN_VERSION_KEY)
        .ok()
        .flatten();
    let _ = storage.set_item(
        crate::release::LAST_RUN_VERSION_KEY,
        crate::exchange::envelope::APP_VERSION,
    );
    crate::release::update_notice(previous.as_deref())
}

#[function_component(Shell)]
pub fn shell() -> Html {
    let session = use_session();
    let current = use_route::<Route>().unwrap_or(Route::Home);
    let update = use_state(take_update_notice);
    // An address this role may not open (typed, bookmarked, followed) leads to 首页, saying why.
    let refused = use_state(|| None::<&'static str>);
    let allowed = for_role(&current, session.profile.role);
    {
        let (refused, navigator) = (refused.clone(), use_navigator());
        use_effect_with((current.clone(), allowed), move |(route, allowed)| {
            if !*allowed {
                refused.set(Some(access::refusal(route.section())));
                if let Some(n) = navigator {
                    n.replace(&Route::Home);
                }
            } else if *route != Route::Home {
                refused.set(None);
            }
        });
    }
    let dismiss = {
        let update = update.clone();
        Callback::from(move |_| update.set(None))
    };
    // A browser locked as the rating meeting's kiosk shows the ballot and nothing else.
    match use_kiosk_lock() {
        None => return html! { <main class="boot" aria-busy="true"><p>{ "正在打开……" }</p></main> },
        Some(Some(lock)) => return html! { <KioskScreen {lock} /> },
        Some(None) => {}
    }
    html! {
        <>
            <header class="app-header">
                <span class="app-name">{ "作风建设工作台" }</span>
                <nav aria-label="主导航">
                    { for NAV.iter().filter(|r| for_role(r, session.profile.role)).map(|r| {
                        let active = r.title() == current.title();
                        html! {
                            <Link<Route> to={r.clone()} classes={classes!(active.then_some("active"))}>
                                { r.title() }
                            </Link<Route>>
                        }
                    }) }
                </nav>
                <Link<Route> to={Route::Profile} classes={classes!("who")}>
                    { format!("{}（{}）", session.profile.name, session.profile.unit) }
                </Link<Route>>
            </header>
            <main class="page">
                if let Some(message) = &*update {
                    <div class="notice success no-print" role="status">
                        <p>{ message }</p>
                        <button onclick={dismiss}>{ "知道了" }</button>
                    </div>
                }
                if let Some(why) = *refused {
                    <div class="notice warn" role="alert"><p>{ why }</p></div>
                }
                if allowed { <Switch<Route> render={switch} /> }
            </main>
        </>
    }
}
