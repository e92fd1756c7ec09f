//! The office's form templates: copy a built-in one, edit sections and items, send the set to
//! every township as a file. Editing a template a submitted form used makes a new version.

use crate::ui::form::{field_value, form_footer, on_input};
use crate::ui::kept_input::KeptInput;
use crate::ui::prelude::*;

use super::forms::current_templates;
use super::DataProps;
use crate::assessment::form::{FormTemplate, Item, ItemKind, Section};
use crate::exchange::envelope::FileKind;
use crate::record::{Id, Meta};
use crate::session::{reporter, use_session};
use crate::store::schema::StoreName;
use crate::ui::export::{export_file, export_notice, one_store};
use crate::ui::kept_draft::{use_kept_draft, Draft, KeptDraft};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

const KINDS: [&str; 4] = ["打分", "选择", "简短填写", "详细填写"];

fn kind_of(label: &str, old: &ItemKind) -> ItemKind {
    match label {
        "打分" => ItemKind::Score {
            max: 10,
            weight: 10,
        },
        "选择" => ItemKind::Choice {
            options: vec!["是".into(), "否".into()],
        },
        "简短填写" => ItemKind::ShortText,
        "详细填写" => ItemKind::LongText,
        _ => old.clone(),
    }
}

#[function_component(FormTemplates)]
pub fn form_templates(props: &DataProps) -> Html {
    let session = use_session();
    let editing = use_state(|| None::<Editing>);
    let notice = use_state(|| None::<Notice>);
    let all = props.data.templates();
    let forms = props.data.forms();
    let on_save = {
        let (session, notice, editing, data, forms) = (
            session.clone(),
            notice.clone(),
            editing.clone(),
            props.data.clone(),
            forms
                .iter()
                .map(|f| (f.template_id, f.is_submitted()))
                .collect::<Vec<_>>(),
        );
        Callback::from(move |draft: FormTemplate| {
            let Some(what) = (*editing).clone() else {
                return;
            };
            // An edit follows the template as stored now (another window may have saved it).
            let original = match what {
                Editing::Stored(id) => own_template(&data, id).cloned(),
                Editing::New(_) => None,
            };
            if let Err(m) = draft.check() {
                notice.set(Some(Notice::Error(m)));
                return;
            }
            let saved = match original {
                Some(o) => o.edited(
                    draft,
                    forms.iter().any(|(id, s)| *id == o.meta.id && *s),
                    Meta::unsaved(time::now()),
                ),
                None => draft,
            };
            let done = format!("已保存：{}（第 {} 版）", saved.name, saved.version);
            session.save(vec![saved], reporter(&notice), done);
            editing.set(None);
        })
    };
    let copy = |t: &FormTemplate| {
        let editing = editing.clone();
        let mut c = t.clone();
        c.meta = Meta::unsaved(time::now());
        c.family = c.meta.id;
        c.version = 1;
        c.name = format!("{}（本单位）", t.name);
        Callback::from(move |_| editing.set(Some(Editing::New(Box::new(c.clone())))))
    };
    let edit = |t: &FormTemplate| {
        let (editing, id) = (editing.clone(), t.meta.id);
        Callback::from(move |_| editing.set(Some(Editing::Stored(id))))
    };
    let export = {
        let (session, notice, own) = (
            session.clone(),
            notice.clone(),
            props.data.form_templates.clone(),
        );
        Callback::from(move |_| {
            let records = one_store(StoreName::FormTemplates, own.iter().filter(|t| !t.deleted));
            notice.set(Some(export_notice(
                export_file(&session, FileKind::Forms, &session.profile.unit, records),
                |f| format!("已导出模板文件“{}”。", f.name),
            )));
        })
    };
    html! {
        <section class="card no-print" aria-labelledby="ft-h">
            <h2 id="ft-h">{ "自评表和述职报告模板" }</h2>
            { notice_box(notice.as_ref()) }
            <table class="grid" aria-label="模板">
                { crate::ui::table::head(&["模板", "种类", "版本", "操作"]) }
                <tbody>
                { for current_templates(&all).into_iter().map(|t| {
                    let own = props.data.form_templates.iter().any(|o| o.meta.id == t.meta.id);
                    html! {
                        <tr><td>{ &t.name }</td><td>{ t.kind.label() }</td><td>{ t.version }</td>
                            <td><button onclick={copy(t)}>{ "复制为新模板" }</button>
                                if own { <button onclick={edit(t)}>{ "修改" }</button> }</td></tr>
                    }
                }) }
                </tbody>
            </table>
            <button onclick={export} disabled={props.data.form_templates.is_empty()}>{ "导出本单位模板" }</button>
            if let Some(draft) = editing.as_ref().and_then(|e| e.template(&props.data)) {
                <TemplateEditor key={draft.meta.id.to_string()} template={draft.clone()} on_save={on_save}
                    on_cancel={{ let e = editing.clone(); Callback::from(move |_| e.set(None)) }} />
            }
        </section>
    }
}

/// What the editor is open on: one of the office's templates as stored now (by its id), or a
/// new copy not yet saved.
#[derive(Clone, PartialEq)]
enum Editing {
    Stored(Id),
    New(Box<FormTemplate>),
}

impl Editing {
    fn template(&self, data: &super::RatingData) -> Option<FormTemplate> {
        match self {
            Editing::Stored(id) => own_template(data, *id).cloned(),
            Editing::New(t) => Some((**t).clone()),
        }
    }
}

fn own_template(data: &super::RatingData, id: Id) -> Option<&FormTemplate> {
    data.form_templates
        .iter()
        .find(|t| t.meta.id == id && !t.deleted)
}

/// One change to the template, from what was typed into a field.
type Edit = Box<dyn Fn(&mut FormTemplate, String)>;

/// Edits item `i` of section `s`, if it is still there.
fn at(t: &mut FormTemplate, s: usize, i: usize, f: impl FnOnce(&mut Item)) {
    if let Some(item) = t.sections.get_mut(s).and_then(|x| x.items.get_mut(i)) {
        f(item);
    }
}

#[derive(Properties, PartialEq)]
struct EditorProps {
    template: FormTemplate,
    on_save: Callback<FormTemplate>,
    on_cancel: Callback<()>,
}

#[function_component(TemplateEditor)]
fn template_editor(props: &EditorProps) -> Html {
    // Kept when another window saves this template meanwhile: the person chooses.
    let fresh = use_memo(props.template.clone(), |t| t.clone());
    let KeptDraft {
        doc: draft, choice, ..
    } = use_kept_draft(fresh);
    let change = |f: Edit| {
        let draft = draft.clone();
        let f = std::rc::Rc::new(f);
        Callback::from(move |e: Event| {
            let mut next = (*draft).clone();
            f(&mut next, field_value(&e));
            draft.set(next);
        })
    };
    let next_key = draft.items().map(|i| i.key).max().unwrap_or(0) + 1;
    html! {
        <form class="form card" aria-label="编辑模板" onsubmit={{ let (d, s) = (draft.clone(), props.on_save.clone()); Callback::from(move |e: SubmitEvent| { e.prevent_default(); s.emit((*d).clone()) }) }}>
            { for choice }
            <label>{ "表名" }<input value={draft.name.clone()} oninput={on_input(&draft, |t, v| t.name = v)} /></label>
            { for draft.sections.iter().enumerate().map(|(s, section)| html! {
                <fieldset>
                    <legend>{ format!("第 {} 部分", s + 1) }</legend>
                    <label>{ "标题" }<KeptInput value={section.title.clone()} onchange={change(Box::new(move |t, v| if let Some(x) = t.sections.get_mut(s) { x.title = v }))} /></label>
                    { for section.items.iter().enumerate().map(|(i, item)| {
                        let n = format!("第 {} 部分第 {} 项", s + 1, i + 1);
                        html! {
                            <div class="template-item">
                                <label>{ format!("{n}名称") }<KeptInput value={item.label.clone()} onchange={change(Box::new(move |t, v| at(t, s, i, |it| it.label = v)))} /></label>
                                <label>{ format!("{n}填法") }
                                    <select onchange={change(Box::new(move |t, v| at(t, s, i, |it| it.kind = kind_of(&v, &it.kind))))}>
                                        { for KINDS.iter().map(|k| html! { <option selected={*k == item.kind.label()}>{ *k }</option> }) }
                                    </select>
                                </label>
                                { match &item.kind {
                                    ItemKind::Score { max, weight } => html! { <>
                                        <label>{ format!("{n}满分") }<KeptInput kind="number" min="1" value={max.to_string()} onchange={change(Box::new(move |t, v| at(t, s, i, |it| if let ItemKind::Score { max, .. } = &mut it.kind { *max = v.trim().parse().unwrap_or(0) })))} /></label>
                                        <label>{ format!("{n}权重") }<KeptInput kind="number" min="1" value={weight.to_string()} onchange={change(Box::new(move |t, v| at(t, s, i, |it| if let ItemKind::Score { weight, .. } = &mut it.kind { *weight = v.trim().parse().unwrap_or(1) })))} /></label>
                                    </> },
                                    ItemKind::Choice { options } => html! {
                                        <label>{ format!("{n}选项（用顿号“、”隔开）") }<KeptInput value={options.join("、")} onchange={change(Box::new(move |t, v| at(t, s, i, |it| if let ItemKind::Choice { options } = &mut it.kind {
                                            *options = v.split(['、', ',', '，']).map(|o| o.trim().to_string()).filter(|o| !o.is_empty()).collect() })))} /></label>
                                    },
                                    _ => html! {},
                                } }
                                <button type="button" onclick={{ let d = draft.clone(); Callback::from(move |_| { let mut x = (*d).clone(); if let Some(sec) = x.sections.get_mut(s) { if i < sec.items.len() { sec.items.remove(i); } } d.set(x); }) }}>{ format!("删除{n}") }</button>
                            </div>
                        }
                    }) }
                    <button type="button" onclick={{ let d = draft.clone(); Callback::from(move |_| { let mut x = (*d).clone();
                        if let Some(sec) = x.sections.get_mut(s) { sec.items.push(Item { key: next_key, label: String::new(), kind: ItemKind::LongText }); } d.set(x); }) }}>{ "添加一项" }</button>
                </fieldset>
            }) }
            <button type="button" onclick={{ let d = draft.clone(); Callback::from(move |_| { let mut x = (*d).clone();
                x.sections.push(Section { title: String::new(), items: vec![Item { key: next_key, label: String::new(), kind: ItemKind::LongText }] }); d.set(x); }) }}>{ "添加一部分" }</button>
            { form_footer(None, "保存模板", &props.on_cancel) }
        </form>
    }
}

/// A template as the editor edits it: its record's bookkeeping aside, so that a save coming
/// back is the same template and saving after "保留我的修改" follows the stored version.
impl Draft for FormTemplate {
    fn same(a: &Self, b: &Self) -> bool {
        crate::ui::kept_draft::same_record(a, b)
    }

    fn rebased(&self, base: &Self) -> Self {
        crate::ui::kept_draft::rebased_record(self, base)
    }
}
