//! 文书模板: the built-in and the office's own templates, and the editor with its field list and
//! a live preview filled from a chosen case.

use crate::ui::form::{choice_select, field_value, form_footer, on_input, on_pick};
use crate::ui::prelude::*;

use super::document::official_sheet;
use super::{builtin, DataProps};
use crate::admonition::document::compose;
use crate::admonition::template::{DocKind, DocumentTemplate, Field};
use crate::record::{Id, Meta};
use crate::session::{reporter, use_session};
use crate::ui::kept_draft::{use_kept_draft, Draft, KeptDraft};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

#[function_component(TemplatesTab)]
pub fn templates_tab(props: &DataProps) -> Html {
    let session = use_session();
    let editing = use_state(|| None::<Editing>);
    let notice = use_state(|| None::<Notice>);
    let data = &props.data;
    let edit = |what: Editing| {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(Some(what.clone())))
    };
    let copy_of = |t: &DocumentTemplate| DocumentTemplate {
        meta: Meta::unsaved(time::now()),
        name: t.name.replace("（内置）", "") + "（本单位）",
        ..t.clone()
    };
    let on_save = {
        let (session, editing, notice) = (session.clone(), editing.clone(), notice.clone());
        Callback::from(move |t: DocumentTemplate| {
            let done = format!("已保存模板：{}", t.name);
            session.save(vec![t], reporter(&notice), done);
            editing.set(None);
        })
    };
    let on_delete = |t: DocumentTemplate| {
        let (session, notice) = (session.clone(), notice.clone());
        Callback::from(move |_| {
            let mut gone = t.clone();
            gone.deleted = true;
            session.save(vec![gone], reporter(&notice), "模板已删除。");
        })
    };
    html! {
        <>
            { notice_box(notice.as_ref()) }
            if let Some(t) = editing.as_ref().and_then(|e| e.template(data)) {
                <TemplateEditor key={t.meta.id.to_string()} data={data.clone()} template={t.clone()} on_save={on_save}
                    on_cancel={{ let e = editing.clone(); Callback::from(move |_| e.set(None)) }} />
            }
            <table class="grid" aria-label="文书模板">
                { crate::ui::table::head(&["文书种类", "模板", "修改时间", "操作"]) }
                <tbody>
                { for DocKind::ALL.iter().flat_map(|k| data.templates_of(*k)).map(|t| {
                    let own = t.meta.rev > 0;
                    html! {
                        <tr>
                            <td>{ t.kind.label() }</td>
                            <td>{ &t.name }</td>
                            <td>{ if own { time::format_local(t.meta.updated_at) } else { "随应用提供".into() } }</td>
                            <td>
                                <button onclick={edit(Editing::New(Box::new(copy_of(&t))))}>{ "复制为新模板" }</button>
                                if own {
                                    <button onclick={edit(Editing::Stored(t.meta.id))}>{ "修改" }</button>
                                    <button class="danger" onclick={on_delete(t.clone())}>{ "删除" }</button>
                                }
                            </td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </>
    }
}

/// What the editor is open on: a template as stored now (by its id), or a new copy not yet
/// saved.
#[derive(Clone, PartialEq)]
enum Editing {
    Stored(Id),
    New(Box<DocumentTemplate>),
}

impl Editing {
    fn template(&self, data: &super::CaseData) -> Option<DocumentTemplate> {
        match self {
            Editing::Stored(id) => data.template(*id).cloned(),
            Editing::New(t) => Some((**t).clone()),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub data: std::rc::Rc<super::CaseData>,
    pub template: DocumentTemplate,
    pub on_save: Callback<DocumentTemplate>,
    pub on_cancel: Callback<()>,
}

#[function_component(TemplateEditor)]
pub fn template_editor(props: &EditorProps) -> Html {
    // Kept when another window saves this template meanwhile: the person chooses.
    let fresh = use_memo(props.template.clone(), |t| t.clone());
    let KeptDraft {
        doc: draft, choice, ..
    } = use_kept_draft(fresh);
    let error = use_state(|| None::<String>);
    let sample = use_state(|| props.data.live_cases().first().map(|c| c.meta.id));
    let body_ref = use_node_ref();
    let insert = |f: Field| {
        let (draft, body_ref) = (draft.clone(), body_ref.clone());
        Callback::from(move |_| {
            let mut next = (*draft).clone();
            let token = format!("{{{{{}}}}}", f.name());
            // At the cursor when the body had it, else at the end.
            let at = body_ref
                .cast::<web_sys::HtmlTextAreaElement>()
                .and_then(|a| a.selection_start().ok().flatten())
                .map(|utf16| utf16_to_byte(&next.body, utf16 as usize))
                .unwrap_or(next.body.len());
            next.body.insert_str(at, &token);
            draft.set(next);
        })
    };
    let onsubmit = {
        let (draft, error, on_save) = (draft.clone(), error.clone(), props.on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match draft.check() {
                Ok(()) => on_save.emit((*draft).clone()),
                Err(e) => error.set(Some(e.user_message())),
            }
        })
    };
    let case = (*sample).and_then(|id| props.data.case(id));
    let identity = super::use_office_identity();
    let preview = case.map(|c| {
        compose(
            &draft,
            &identity,
            c,
            props.data.cadre(c.cadre),
            time::local_now().date(),
        )
    });
    let live_error = match &preview {
        Some(Err(e)) => Some(e.user_message()),
        _ => draft.check().err().map(|e| e.user_message()),
    };
    let fallback = builtin(draft.kind);
    html! {
        <form class="form card template-editor" {onsubmit} aria-label="编辑模板">
            <h2>{ "编辑模板" }</h2>
            { for choice }
            <label>{ "模板名称" }<input value={draft.name.clone()} oninput={on_input(&draft, |t, v| t.name = v)} /></label>
            <label>{ "文书种类" }
                { choice_select(draft.kind, on_pick(&draft, |t, k| t.kind = k)) }
            </label>
            <label>{ "标题" }<input value={draft.title.clone()} placeholder={fallback.title} oninput={on_input(&draft, |t, v| t.title = v)} /></label>
            <label>{ "发文机关代字（文号前的字，如“某镇诫”）" }<input value={draft.prefix.clone()} oninput={on_input(&draft, |t, v| t.prefix = v)} /></label>
            <label>{ "发文机关署名" }<input value={draft.issuer.clone()} oninput={on_input(&draft, |t, v| t.issuer = v)} /></label>
            <div class="editor-columns">
                <label class="grow">{ "正文（用 {{字段名}} 插入案件信息）" }
                    <textarea ref={body_ref.clone()} rows="14" value={draft.body.clone()} oninput={on_input(&draft, |t, v| t.body = v)} />
                </label>
                <fieldset class="field-list">
                    <legend>{ "插入字段" }</legend>
                    { for Field::ALL.iter().map(|f| html! { <button type="button" onclick={insert(*f)}>{ f.name() }</button> }) }
                </fieldset>
            </div>
            if let Some(m) = live_error.or_else(|| (*error).clone()) {
                <div class="notice error" role="alert"><p>{ m }</p></div>
            }
            { form_footer(None, "保存模板", &props.on_cancel) }
            <h3>{ "预览" }</h3>
            <label>{ "用哪个案件预览" }
                <select onchange={{ let sample = sample.clone(); Callback::from(move |e: Event| sample.set(uuid::Uuid::parse_str(&field_value(&e)).ok())) }}>
                    <option value="">{ "（不用案件，字段留空）" }</option>
                    { for props.data.live_cases().iter().map(|c| html! {
                        <option value={c.meta.id.to_string()} selected={*sample == Some(c.meta.id)}>{ format!("{}：{}", props.data.name_of(c.cadre), c.matter) }</option>
                    }) }
                </select>
            </label>
            { match preview {
                Some(Ok(doc)) => official_sheet(&doc),
                None => html! { <pre class="template-text">{ &draft.body }</pre> },
                Some(Err(_)) => html! {},
            } }
        </form>
    }
}

/// The byte offset in `text` of a cursor the browser gives in UTF-16 units.
fn utf16_to_byte(text: &str, units: usize) -> usize {
    let mut seen = 0;
    for (at, c) in text.char_indices() {
        if seen >= units {
            return at;
        }
        seen += c.len_utf16();
    }
    text.len()
}

/// A template as the editor edits it: its record's bookkeeping aside, so that a save coming
/// back is the same template and saving after "保留我的修改" follows the stored version.
impl Draft for DocumentTemplate {
    fn same(a: &Self, b: &Self) -> bool {
        crate::ui::kept_draft::same_record(a, b)
    }

    fn rebased(&self, base: &Self) -> Self {
        crate::ui::kept_draft::rebased_record(self, base)
    }
}
