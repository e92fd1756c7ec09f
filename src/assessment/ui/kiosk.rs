//! The shared computer at the rating meeting. The secretary locks it to a round and group with
//! a password; raters then vote one after another, each ballot anonymous and the screen cleared
//! between them; nothing else of the app shows until the password is given again.

use crate::ui::prelude::*;

use super::RoundProps;
use crate::assessment::kiosk::{KioskLock, KIOSK_LOCK};
use crate::assessment::model::{Ballot, Evaluation};
use crate::record::Id;
use crate::roster::model::Cadre;
use crate::session::{use_session, Session};
use crate::store::schema::StoreName;
use crate::store::StoreError;
use crate::ui::form::{field_value, on_input};
use crate::ui::load::use_load;
use crate::ui::notice::{notice_box, Notice};

async fn set_lock(session: &Session, lock: Option<KioskLock>) -> Result<(), String> {
    session.set_setting(KIOSK_LOCK, lock).await
}

/// The lock, if this browser is a kiosk now (read by the shell before anything else shows).
#[hook]
pub fn use_kiosk_lock() -> Option<Option<KioskLock>> {
    let lock = use_load(&[StoreName::Settings], |session| async move {
        Ok::<_, StoreError>(
            session
                .store
                .setting::<Option<KioskLock>>(KIOSK_LOCK)
                .await?
                .flatten(),
        )
    });
    lock.ready().map(|l| (**l).clone())
}

#[derive(Clone, PartialEq, Default)]
struct StartDraft {
    group: u32,
    password: String,
    again: String,
}

#[function_component(KioskStart)]
pub fn kiosk_start(props: &RoundProps) -> Html {
    let session = use_session();
    let round = &props.round;
    let draft = use_state(|| StartDraft {
        group: round.groups.first().map(|g| g.key).unwrap_or(0),
        ..Default::default()
    });
    let notice = use_state(|| None::<Notice>);
    let onsubmit = {
        let (session, draft, notice, id) = (
            session.clone(),
            draft.clone(),
            notice.clone(),
            round.meta.id,
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let salt = uuid::Uuid::new_v4().simple().to_string();
            match KioskLock::new(id, draft.group, &draft.password, &draft.again, salt) {
                Err(m) => notice.set(Some(Notice::Error(m))),
                Ok(lock) => {
                    let (session, notice) = (session.clone(), notice.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Err(m) = set_lock(&session, Some(lock)).await {
                            notice.set(Some(Notice::Error(m)));
                        }
                    });
                }
            }
        })
    };
    html! {
        <form class="form card" {onsubmit} aria-label="开始现场投票">
            <h3>{ "现场投票" }</h3>
            <p>{ "在评议会场用一台电脑让评议人逐个投票：每张票不记名，投完屏幕清空，评议人看不到任何统计。开始后，只有输入您设的退出密码才能回到本应用的其他页面。" }</p>
            <label>{ "评议组" }
                <select onchange={{ let d = draft.clone(); Callback::from(move |e: Event| { let mut n = (*d).clone(); n.group = field_value(&e).parse().unwrap_or(0); d.set(n); }) }}>
                    { for round.groups.iter().map(|g| html! { <option value={g.key.to_string()} selected={g.key == draft.group}>{ &g.name }</option> }) }
                </select>
            </label>
            <label>{ "退出密码" }<input type="password" autocomplete="new-password" value={draft.password.clone()} oninput={on_input(&draft, |d, v| d.password = v)} /></label>
            <label>{ "再输一次退出密码" }<input type="password" autocomplete="new-password" value={draft.again.clone()} oninput={on_input(&draft, |d, v| d.again = v)} /></label>
            { notice_box(notice.as_ref()) }
            <button type="submit" class="primary">{ "开始现场投票" }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct KioskProps {
    pub lock: KioskLock,
}

/// The whole screen while the kiosk is locked.
#[function_component(KioskScreen)]
pub fn kiosk_screen(props: &KioskProps) -> Html {
    let id = props.lock.evaluation_id;
    let loaded = use_load(
        &[
            StoreName::Evaluations,
            StoreName::Cadres,
            StoreName::Ballots,
        ],
        move |session| async move {
            let round = session.store.get::<Evaluation>(id).await?;
            let cadres = session.store.all::<Cadre>().await?;
            let ballots: Vec<Ballot> = session
                .store
                .all::<Ballot>()
                .await?
                .into_iter()
                .filter(|b| b.evaluation_id == id)
                .collect();
            Ok::<_, StoreError>((round, cadres, ballots))
        },
    );
    let ballot_no = use_state(|| 0u32);
    let voting = use_state(|| false);
    html! {
        <main class="kiosk">
            { loaded.view(|loaded| {
                let (round, cadres, ballots) = &**loaded;
                let Some(round) = round.clone() else {
                    return html! { <KioskExit lock={props.lock.clone()} note="这次评议已不在本机。" /> };
                };
                let group = round.group(props.lock.group).map(|g| g.name.clone()).unwrap_or_default();
                let people: Vec<(Id, String)> = round.rated.iter().map(|id| {
                    (*id, cadres.iter().find(|c| c.meta.id == *id).map(|c| format!("{}（{}）", c.name, c.unit)).unwrap_or_default())
                }).collect();
                html! {
                    <>
                        <h1>{ format!("{}　{}评议票", round.title, group) }</h1>
                        if *voting {
                            <super::kiosk_ballot::KioskBallot key={*ballot_no} lock={props.lock.clone()} round={round.clone()} counted={ballots.clone()} people={people}
                                on_done={{ let (v, n) = (voting.clone(), ballot_no.clone()); Callback::from(move |_| { v.set(false); n.set(*n + 1); }) }} />
                        } else {
                            <div class="kiosk-wait">
                                if *ballot_no > 0 { <p role="status">{ "您的评议票已提交，谢谢！请下一位评议人投票。" }</p> }
                                // A plain count (kept with the lock, so a reload keeps it): the
                                // staff see the ballots come in, nobody sees any totals.
                                if props.lock.cast > 0 { <p class="hint">{ format!("本机已收到 {} 张评议票。", props.lock.cast) }</p> }
                                <button class="primary big" onclick={{ let v = voting.clone(); Callback::from(move |_| v.set(true)) }}>{ "开始填写评议票" }</button>
                            </div>
                            <KioskExit lock={props.lock.clone()} note="" />
                        }
                    </>
                }
            }) }
        </main>
    }
}

#[derive(Properties, PartialEq)]
struct ExitProps {
    lock: KioskLock,
    note: AttrValue,
}

/// Ends the kiosk with the secretary's password.
#[function_component(KioskExit)]
fn kiosk_exit(props: &ExitProps) -> Html {
    let session = use_session();
    let password = use_state(String::new);
    let error = use_state(|| None::<String>);
    let onsubmit = {
        let (session, password, error, lock) = (
            session.clone(),
            password.clone(),
            error.clone(),
            props.lock.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let now = js_sys::Date::now() as i64;
            if let Some(secs) = lock.wait_secs(now) {
                error.set(Some(format!("退出密码输错次数太多，请 {secs} 秒后再试。")));
                return;
            }
            if !lock.opens_with(&password) {
                let next = lock.after_wrong(now);
                let said = match next.wait_secs(now) {
                    Some(secs) => format!("退出密码不对（已连续输错 {} 次），请 {secs} 秒后再试。评议人请不要操作这里。", next.wrong_tries),
                    None => "退出密码不对。评议人请不要操作这里。".to_string(),
                };
                error.set(Some(said));
                let (session, error) = (session.clone(), error.clone());
                // Kept with the lock, so that reloading the page does not start the count again.
                wasm_bindgen_futures::spawn_local(async move {
                    if let Err(m) = set_lock(&session, Some(next)).await {
                        error.set(Some(m));
                    }
                });
                return;
            }
            let (session, error) = (session.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(m) = set_lock(&session, None).await {
                    error.set(Some(m));
                }
            });
        })
    };
    html! {
        <details class="kiosk-exit">
            <summary>{ "结束现场投票（工作人员）" }</summary>
            <p>{ &props.note }</p>
            <form {onsubmit} aria-label="结束现场投票">
                <label>{ "退出密码" }<input type="password" autocomplete="off" value={(*password).clone()}
                    oninput={{ let p = password.clone(); Callback::from(move |e: InputEvent| p.set(field_value(&e))) }} /></label>
                if let Some(m) = &*error { <p class="notice error" role="alert">{ m }</p> }
                <button type="submit">{ "结束" }</button>
            </form>
        </details>
    }
}
