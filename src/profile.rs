//! 个人信息: who uses this browser (姓名, 单位, 职务), asked on first use and written into every
//! exported file.

use yew::prelude::*;

use crate::session::use_session;
use crate::store::settings::{Profile, Role, PROFILE};
use crate::store::Store;
use crate::ui::notice::{Notice, NoticeBox};

#[derive(Properties, PartialEq)]
pub struct ProfileFormProps {
    pub store: Store,
    pub initial: Profile,
    pub on_saved: Callback<Profile>,
}

#[function_component(ProfileForm)]
pub fn profile_form(props: &ProfileFormProps) -> Html {
    let draft = use_state(|| props.initial.clone());
    // First use: nothing chosen, so that typing a name and unit does not make anyone the office.
    let chosen = use_state(|| (!props.initial.name.is_empty()).then_some(props.initial.role));
    let notice = use_state(|| None::<Notice>);
    let field = |set: fn(&mut Profile, String)| crate::ui::form::on_input(&draft, set);
    let onsubmit = {
        let (draft, chosen, notice, store, on_saved) = (
            draft.clone(),
            chosen.clone(),
            notice.clone(),
            props.store.clone(),
            props.on_saved.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let profile = match draft.with_role(*chosen) {
                Ok(p) => p,
                Err(message) => {
                    notice.set(Some(Notice::Error(message.into())));
                    return;
                }
            };
            let (notice, store, on_saved) = (notice.clone(), store.clone(), on_saved.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match store.set_setting(PROFILE, &profile).await {
                    Ok(()) => {
                        notice.set(Some(Notice::Success("已保存。".into())));
                        on_saved.emit(profile);
                    }
                    Err(e) => notice.set(Some(Notice::Error(e.user_message()))),
                }
            });
        })
    };
    html! {
        <form class="form profile" {onsubmit}>
            <label>{ "姓名" }<input value={draft.name.clone()} oninput={field(|p, v| p.name = v)} required=true autocomplete="name" /></label>
            <label>{ "单位" }<input value={draft.unit.clone()} oninput={field(|p, v| p.unit = v)} required=true placeholder="例如：党政办、财政所、李家村" /></label>
            <label>{ "职务" }<input value={draft.post.clone()} oninput={field(|p, v| p.post = v)} placeholder="例如：秘书（可不填）" /></label>
            <fieldset>
                <legend>{ "我在这台电脑上主要是" }</legend>
                { for Role::ALL.iter().map(|r| {
                    let (chosen, r) = (chosen.clone(), *r);
                    html! { <label class="choice"><input type="radio" name="role" checked={*chosen == Some(r)}
                        onchange={Callback::from(move |_| chosen.set(Some(r)))} />{ r.label() }</label> }
                }) }
                <p class="hint">{ "以后可以在“个人信息”里改。" }</p>
            </fieldset>
            <button type="submit" class="primary">{ "保存" }</button>
            <NoticeBox notice={(*notice).clone()} />
        </form>
    }
}

#[function_component(ProfilePage)]
pub fn profile_page() -> Html {
    let session = use_session();
    let identity = crate::admonition::ui::use_identity();
    // The office's 单位信息 (署名, 代字) beside its own, once what is stored has loaded.
    let office = match identity.ready() {
        Some(stored) if session.profile.role == Role::Office => html! {
            <crate::admonition::ui::IdentityForm initial={stored.as_ref().clone().unwrap_or_default()} />
        },
        _ => html! {},
    };
    html! {
        <section>
            <h1>{ "个人信息" }</h1>
            <p>{ "导出的文件会写明导出人的姓名和单位。" }</p>
            <ProfileForm store={session.store.clone()} initial={session.profile.clone()} on_saved={session.profile_changed.clone()} />
            { office }
        </section>
    }
}
