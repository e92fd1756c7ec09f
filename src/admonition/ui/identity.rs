//! 单位信息: the township's name, the 署名, the 版头's 标志 and each numbered document's 代字,
//! asked on first use of 谈话诫勉 and kept in 个人信息 for the office.

use crate::ui::prelude::*;

use crate::admonition::identity::OfficeIdentity;
use crate::admonition::template::DocKind;
use crate::session::use_session;
use crate::store::schema::StoreName;
use crate::store::settings::OFFICE_IDENTITY;
use crate::ui::form::on_input;
use crate::ui::kept_draft::{use_kept_draft, Draft, KeptDraft};
use crate::ui::load::{use_load, Load};
use crate::ui::notice::{notice_box, Notice};

pub const SAVED: &str = "单位信息已保存，文书将按此署名和编号。";

/// The office's identity as stored (empty until it is set).
#[hook]
pub fn use_identity() -> Load<Option<OfficeIdentity>> {
    use_load(&[StoreName::Settings], |session| async move {
        session
            .store
            .setting::<OfficeIdentity>(OFFICE_IDENTITY)
            .await
    })
}

/// 单位信息 as stored, or empty while it loads or before it is entered: what documents and
/// reports are filled from.
#[hook]
pub fn use_office_identity() -> OfficeIdentity {
    use_identity()
        .ready()
        .and_then(|i| i.as_ref().clone())
        .unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct IdentityFormProps {
    pub initial: OfficeIdentity,
    /// Shown above the form: why it is asked now.
    #[prop_or_default]
    pub intro: Option<AttrValue>,
    /// Told once it is saved (a first-use form goes away then; its page says so instead).
    #[prop_or_default]
    pub on_saved: Callback<()>,
}

/// The form, started from what is stored (its parent shows it once that has loaded).
#[function_component(IdentityForm)]
pub fn identity_form(props: &IdentityFormProps) -> Html {
    let session = use_session();
    // Kept when another window saves the identity meanwhile: the person chooses.
    let fresh = use_memo(props.initial.clone(), |i| i.clone());
    let KeptDraft {
        doc: draft, choice, ..
    } = use_kept_draft(fresh);
    let notice = use_state(|| None::<Notice>);
    let onsubmit = {
        let (draft, notice, session, on_saved) = (
            draft.clone(),
            notice.clone(),
            session.clone(),
            props.on_saved.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let identity = match draft.cleaned() {
                Ok(i) => i,
                Err(m) => return notice.set(Some(Notice::Error(m))),
            };
            let (notice, session, on_saved) = (notice.clone(), session.clone(), on_saved.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match session.set_setting(OFFICE_IDENTITY, &identity).await {
                    Ok(()) => {
                        notice.set(Some(Notice::Success(SAVED.into())));
                        on_saved.emit(());
                    }
                    Err(m) => notice.set(Some(Notice::Error(m))),
                }
            });
        })
    };
    let suggested = draft.suggested_prefix();
    let prefix_input = |kind: DocKind| {
        let value = draft.prefix(kind).to_string();
        let draft = draft.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let mut next = (*draft).clone();
            next.prefixes.insert(kind, crate::ui::form::field_value(&e));
            draft.set(next);
        });
        html! {
            <label>{ format!("{}的发文机关代字", kind.label()) }
                <input {value} placeholder={format!("例如：{suggested}")} {oninput} /></label>
        }
    };
    html! {
        <form class="form card no-print" {onsubmit} aria-labelledby="identity-h">
            <h2 id="identity-h">{ "单位信息" }</h2>
            if let Some(intro) = &props.intro { <p>{ intro }</p> }
            { for choice }
            <label>{ "乡镇（街道）名称" }<input value={draft.township.clone()} required=true placeholder="例如：某某镇" oninput={on_input(&draft, |d, v| d.township = v)} /></label>
            <label>{ "发文机关署名" }<input value={draft.issuer.clone()} required=true placeholder="例如：中共某某镇委员会" oninput={on_input(&draft, |d, v| d.issuer = v)} /></label>
            <label>{ "发文机关标志（版头，可不填）" }<input value={draft.mark.clone()} placeholder="例如：中共某某镇委员会文件" oninput={on_input(&draft, |d, v| d.mark = v)} /></label>
            { for DocKind::ALL.into_iter().filter(|k| k.numbered()).map(prefix_input) }
            <p class="hint">{ "文号写作“代字〔年份〕序号”，例如“某诫〔2026〕1号”。自建模板里填了代字和署名的，以模板为准。" }</p>
            <button type="submit" class="primary">{ "保存单位信息" }</button>
            { notice_box(notice.as_ref()) }
        </form>
    }
}

/// Spaces around a field are not a change: the identity is stored as `cleaned` gives it, so
/// its own save coming back is the same.
impl Draft for OfficeIdentity {
    fn same(a: &Self, b: &Self) -> bool {
        match (a.cleaned(), b.cleaned()) {
            (Ok(a), Ok(b)) => a == b,
            _ => a == b,
        }
    }
}
