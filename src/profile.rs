//! 个人信息: who uses this browser (姓名, 单位, 职务), asked on first use and written into every
//! exported file.

use crate::ui::prelude::*;

use crate::session::use_session;
use crate::store::settings::{Profile, Role, PROFILE};
use crate::store::Store;
use crate::ui::form::on_pick;
use crate::ui::kept_draft::{use_kept_draft, Draft, KeptDraft};
use crate::ui::notice::{notice_box, Notice};

#[derive(Properties, PartialEq)]
pub struct ProfileFormProps {
    pub store: Store,
    pub initial: Profile,
    pub on_saved: Callback<Profile>,
}

#[function_component(ProfileForm)]
pub fn profile_form(props: &ProfileFormProps) -> Html {
    // Started from the profile as stored, and kept when another window saves it meanwhile.
    let fresh = use_memo(props.initial.clone(), ProfileDraft::of);
    let KeptDraft {
        doc: draft, choice, ..
    } = use_kept_draft(fresh);
    let notice = use_state(|| None::<Notice>);
    let field = |set: fn(&mut ProfileDraft, String)| crate::ui::form::on_input(&draft, set);
    let onsubmit = {
        let (draft, notice, store, on_saved) = (
            draft.clone(),
            notice.clone(),
            props.store.clone(),
            props.on_saved.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let profile = match draft.profile.with_role(draft.role) {
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
            { for choice }
            <label>{ "姓名" }<input value={draft.profile.name.clone()} oninput={field(|p, v| p.profile.name = v)} required=true autocomplete="name" /></label>
            <label>{ "单位" }<input value={draft.profile.unit.clone()} oninput={field(|p, v| p.profile.unit = v)} required=true placeholder="例如：党政办、财政所、李家村" /></label>
            <label>{ "职务" }<input value={draft.profile.post.clone()} oninput={field(|p, v| p.profile.post = v)} placeholder="例如：秘书（可不填）" /></label>
            <fieldset>
                <legend>{ "我在这台电脑上主要是" }</legend>
                { for Role::ALL.iter().map(|r| {
                    let r = *r;
                    html! { <label class="choice"><input type="radio" name="role" checked={draft.role == Some(r)}
                        onchange={on_pick(&draft, |p: &mut ProfileDraft, r| p.role = Some(r)).reform(move |_: Event| r)} />{ r.label() }</label> }
                }) }
                <p class="hint">{ "以后可以在“个人信息”里改。" }</p>
            </fieldset>
            <button type="submit" class="primary">{ "保存" }</button>
            { notice_box(notice.as_ref()) }
        </form>
    }
}

/// The profile as the form edits it, with the role not yet chosen on first use (so that typing a
/// name and unit does not make anyone the office).
#[derive(Clone, PartialEq)]
struct ProfileDraft {
    profile: Profile,
    role: Option<Role>,
}

impl ProfileDraft {
    fn of(stored: &Profile) -> Self {
        ProfileDraft {
            role: (!stored.name.is_empty()).then_some(stored.role),
            profile: stored.clone(),
        }
    }
}

/// Spaces around a field are not a change: the profile is stored trimmed, so its own save
/// coming back is the same.
impl Draft for ProfileDraft {
    fn same(a: &Self, b: &Self) -> bool {
        let trimmed = |d: &ProfileDraft| {
            let p = &d.profile;
            (
                d.role,
                [
                    p.name.trim().to_string(),
                    p.unit.trim().to_string(),
                    p.post.trim().to_string(),
                ],
            )
        };
        trimmed(a) == trimmed(b)
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
