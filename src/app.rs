//! The app shell: opening the database, first-use profile, header and navigation (the routes
//! are `routes.rs`).

use std::rc::Rc;

use crate::ui::prelude::*;
use yew_router::prelude::*;

use crate::boot::{boot, request_persistence};
use crate::broadcast::use_changes_channel;
use crate::record::DeviceId;
pub use crate::routes::{for_role, Route};
use crate::session::{Changes, Session};
use crate::store::schema::StoreName;
use crate::store::settings::Profile;
use crate::store::write_mark::{self, WriteMark};
use crate::store::{Store, StoreError};
use crate::ui::notice::error_box;
use crate::{data_admin, profile};

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
    let channel = use_changes_channel(changes.dispatcher());
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
                                crate::broadcast::post(channel.as_ref(), &stores);
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
                                <HashRouter><crate::shell::Shell /></HashRouter>
                            }
                        </ContextProvider<Session>>
                    }
                }
            }
        }
    }
}
