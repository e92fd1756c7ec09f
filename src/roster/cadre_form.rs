//! 添加干部 / 编辑干部: one person's name, unit, post and telephone, cleaned and checked before
//! the roster page saves them.

use crate::ui::prelude::*;

use super::model::{Cadre, CadreFields};
use crate::ui::form::form_footer;

#[derive(Properties, PartialEq)]
pub struct CadreFormProps {
    pub existing: Option<Cadre>,
    pub on_save: Callback<(Option<Cadre>, CadreFields)>,
    pub on_cancel: Callback<()>,
}

#[function_component(CadreForm)]
pub fn cadre_form(props: &CadreFormProps) -> Html {
    let draft = use_state(|| {
        props
            .existing
            .as_ref()
            .map(Cadre::fields)
            .unwrap_or_default()
    });
    let error = use_state(|| None::<String>);
    let field = |set: fn(&mut CadreFields, String)| crate::ui::form::on_input(&draft, set);
    let onsubmit = {
        let (draft, error, existing, on_save) = (
            draft.clone(),
            error.clone(),
            props.existing.clone(),
            props.on_save.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match draft.cleaned() {
                Ok(fields) => on_save.emit((existing.clone(), fields)),
                Err(e) => error.set(Some(e.user_message())),
            }
        })
    };
    let title = if props.existing.is_some() {
        "编辑干部"
    } else {
        "添加干部"
    };
    html! {
        <form class="form card" {onsubmit} aria-label={title}>
            <h2>{ title }</h2>
            <label>{ "姓名" }<input value={draft.name.clone()} oninput={field(|f, v| f.name = v)} required=true /></label>
            <label>{ "单位" }<input value={draft.unit.clone()} oninput={field(|f, v| f.unit = v)} required=true /></label>
            <label>{ "职务" }<input value={draft.post.clone()} oninput={field(|f, v| f.post = v)} /></label>
            <label>{ "电话" }<input value={draft.phone.clone()} oninput={field(|f, v| f.phone = v)} inputmode="tel" /></label>
            { form_footer(error.as_deref(), "保存", &props.on_cancel) }
        </form>
    }
}
