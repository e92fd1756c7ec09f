//! The app shell: opening the database, first-use profile, header and navigation (the routes
//! are `routes.rs`).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::assessment::ui::kiosk::{use_kiosk_lock, KioskScreen};
use crate::boot::{boot, request_persistence};
use crate::record::DeviceId;
use crate::routes::switch;
pub use crate::routes::{for_role, Route};
use crate::session::{use_session, Changes, Session};
use crate::store::schema::StoreName;
use crate::store::settings::Profile;
use crate::store::write_mark::{self, WriteMark};
use crate::store::{Store, StoreError};
use crate::ui::notice::error_box;
use crate::{access, data_admin, profile};

/// The channel on which tabs of the app tell each other which stores they wrote.
const CHANGES_CHANNEL: &str = "zuofeng-changes";

/// After this long without a database, the start screen says what may be wrong.
const SLOW_OPEN_MS: u32 = 5_000;

enum Boot {
    Opening,
    Blocked,
    Failed(StoreError),
    Ready {
        store: Store,
        device: DeviceId,
        profile: Option<Profile>,
    },
    /// The browser emptied the database after a cut-off write.
    Recover {
        store: Store,
        mark: Rc<WriteMark>,
    },
}

#[function_component(App)]
pub fn app() -> Html {
    let boot_state = use_state(|| Rc::new(Boot::Opening));
    let changes = use_reducer(Changes::default);
    // Other tabs of the app in this browser hear of every write, so none keeps showing (and then
    // saving over) what another tab has changed.
    let channel = use_state(|| web_sys::BroadcastChannel::new(CHANGES_CHANNEL).ok());
    {
        let (channel, changes) = (channel.clone(), changes.dispatcher());
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
    let persisted = use_state(|| None::<bool>);
    // First use by someone who only comes to vote: no profile is made.
    let rater_only = use_state(|| false);
    // Opening normally takes well under a second; if it has not after a few, say what may be wrong.
    let slow = use_state(|| false);
    {
        let slow = slow.clone();
        use_effect_with((), move |_| {
            let timer = gloo::timers::callback::Timeout::new(SLOW_OPEN_MS, move || slow.set(true));
            move || drop(timer)
        });
    }

    {
        let boot_state = boot_state.clone();
        use_effect_with((), move |_| {
            let blocked = {
                let boot_state = boot_state.clone();
                Callback::from(move |_| boot_state.set(Rc::new(Boot::Blocked)))
            };
            wasm_bindgen_futures::spawn_local(async move {
                let next = match boot(move || blocked.emit(())).await {
                    Ok(booted) => {
                        let watcher = booted.store.clone();
                        let on_upgrade = boot_state.clone();
                        let (profile, device) = (booted.profile.clone(), booted.device.clone());
                        wasm_bindgen_futures::spawn_local(async move {
                            let lost = watcher.wait_for_loss().await;
                            if lost == StoreError::ClosedByBrowser {
                                crate::boot::mark_loss(profile.as_ref(), &device);
                            }
                            on_upgrade.set(Rc::new(Boot::Failed(lost)));
                        });
                        match booted.recover {
                            Some(mark) => Boot::Recover {
                                store: booted.store,
                                mark: Rc::new(mark),
                            },
                            None => Boot::Ready {
                                store: booted.store,
                                device: booted.device,
                                profile: booted.profile,
                            },
                        }
                    }
                    Err(e) => Boot::Failed(e),
                };
                boot_state.set(Rc::new(next));
            });
        });
    }

    // Persistent storage is asked for after the first user action, as browsers expect.
    {
        let persisted = persisted.clone();
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::once(&gloo::utils::document(), "click", move |_| {
                    wasm_bindgen_futures::spawn_local(async move {
                        persisted.set(request_persistence().await);
                    });
                });
            move || drop(listener)
        });
    }

    match &**boot_state {
        Boot::Opening => html! {
            <main class="boot" aria-busy="true">
                <p>{ "正在打开本机数据库……" }</p>
                if *slow {
                    <div class="notice error" role="alert">
                        <p>{ "本机数据库迟迟打不开。请试试：关闭其他打开本应用的标签页或窗口；检查电脑磁盘是否已满；或换一个浏览器（Chrome、Edge、360 极速模式）打开。" }</p>
                    </div>
                }
            </main>
        },
        Boot::Blocked => html! {
            <main class="boot">{ error_box(StoreError::Blocked.user_message()) }</main>
        },
        Boot::Failed(e) => html! {
            <main class="boot"><h1>{ "作风建设工作台" }</h1>{ error_box(e.user_message()) }
                if let Some(backup) = write_mark::read().and_then(|m| m.backup) {
                    <p class="backup-kept">{ format!("导入前保存的备份文件是“{backup}”（一般在浏览器的“下载”文件夹里），请保存好它：万一数据丢失，可以用它恢复。") }</p>
                }
            </main>
        },
        Boot::Recover { store, mark } => {
            let on_done = {
                let (boot_state, store, mark) = (boot_state.clone(), store.clone(), mark.clone());
                Callback::from(move |()| {
                    boot_state.set(Rc::new(Boot::Ready {
                        store: store.clone(),
                        device: mark.device.clone(),
                        profile: Some(mark.profile.clone()),
                    }))
                })
            };
            let session = Session {
                store: store.clone(),
                device: mark.device.clone(),
                profile: mark.profile.clone(),
                changes: (*changes).clone(),
                announce: {
                    let changes = changes.dispatcher();
                    Callback::from(move |stores: Vec<StoreName>| changes.dispatch(stores))
                },
                profile_changed: Callback::noop(),
                persisted: *persisted,
            };
            html! {
                <ContextProvider<Session> context={session}>
                    <data_admin::recovery::RecoveryPage mark={mark.clone()} {on_done} />
                </ContextProvider<Session>>
            }
        }
        Boot::Ready {
            store,
            device,
            profile,
        } => {
            let on_profile = {
                let boot_state = boot_state.clone();
                let (store, device) = (store.clone(), device.clone());
                Callback::from(move |p: Profile| {
                    boot_state.set(Rc::new(Boot::Ready {
                        store: store.clone(),
                        device: device.clone(),
                        profile: Some(p),
                    }))
                })
            };
            let voter = (*rater_only && profile.is_none()).then(Profile::rater);
            match profile.as_ref().or(voter.as_ref()) {
                None => html! {
                    <main class="boot">
                        <h1>{ "欢迎使用作风建设工作台" }</h1>
                        <p>{ "第一次使用，请先填写您的姓名和单位。导出的文件会写明是谁导出的。" }</p>
                        <profile::ProfileForm store={store.clone()} initial={Profile::default()} on_saved={on_profile} />
                        <p class="rater-link">{ "只是来参加述职评议投票？" }
                            <button onclick={{ let r = rater_only.clone(); Callback::from(move |_| r.set(true)) }}>{ "不填姓名，直接评议" }</button></p>
                    </main>
                },
                Some(profile) => {
                    let session = Session {
                        store: store.clone(),
                        device: device.clone(),
                        profile: profile.clone(),
                        changes: (*changes).clone(),
                        announce: {
                            let (changes, channel) = (changes.dispatcher(), channel.clone());
                            Callback::from(move |stores: Vec<StoreName>| {
                                if let Some(c) = channel.as_ref() {
                                    let names: Vec<&str> =
                                        stores.iter().map(|s| s.as_str()).collect();
                                    let _ = c.post_message(&names.join(",").into());
                                }
                                changes.dispatch(stores)
                            })
                        },
                        profile_changed: on_profile,
                        persisted: *persisted,
                    };
                    let voting = voter.is_some();
                    html! {
                        <ContextProvider<Session> context={session}>
                            if voting {
                                <HashRouter><crate::assessment::ui::RaterOnly on_back={{ let r = rater_only.clone(); Callback::from(move |()| r.set(false)) }} /></HashRouter>
                            } else {
                                <HashRouter><Shell /></HashRouter>
                            }
                        </ContextProvider<Session>>
                    }
                }
            }
        }
    }
}

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
fn shell() -> Html {
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
