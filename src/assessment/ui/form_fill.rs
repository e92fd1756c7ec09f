//! Filling in a self-assessment or duty report: saved as typed, words counted per long answer,
//! the score total shown; once submitted it is read-only, printable and exported as a file.

use std::rc::Rc;

use crate::ui::prelude::*;

use super::form_store::{
    export_form, forget_typing, keep_typing, kept_typing, save_form, typing_key,
};
use crate::assessment::form::{word_count, Answer, FilledForm, FormTemplate, ItemKind};
use crate::session::{reporter, use_session};
use crate::sorted::SortedMap;
use crate::ui::form::field_value;
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

/// How long typing pauses before the form is saved.
const SAVE_AFTER_MS: u32 = 800;

#[derive(Properties, PartialEq)]
pub struct FormFillProps {
    pub template: FormTemplate,
    /// The form as stored now.
    pub form: FilledForm,
    /// Someone else's form, seen at the office: never edited here.
    #[prop_or_default]
    pub readonly: bool,
}

#[function_component(FormFill)]
pub fn form_fill(props: &FormFillProps) -> Html {
    let session = use_session();
    let answers = use_state(|| props.form.answers.clone());
    let notice = use_state(|| None::<Notice>);
    let confirm = use_state(|| false);
    let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    // Answers typed but not saved yet: saved when typing pauses, or at once if the form closes.
    let unsaved = use_mut_ref(|| None::<SortedMap<u32, Answer>>);
    let submitted = props.form.is_submitted() || props.readonly;
    let kind = props.template.kind;
    let stored = props.form.clone();
    // The copy as stored when a waiting save fires: an earlier save may have landed meanwhile.
    let latest = use_mut_ref(|| props.form.clone());
    *latest.borrow_mut() = props.form.clone();
    let flush = {
        let (unsaved, latest, session, notice) = (
            unsaved.clone(),
            latest.clone(),
            session.clone(),
            notice.clone(),
        );
        move || {
            if let Some(answers) = unsaved.borrow_mut().take() {
                let form = FilledForm {
                    answers,
                    ..latest.borrow().clone()
                };
                let (key, shown) = (typing_key(&form), reporter(&notice));
                let report = Callback::from(move |n: Notice| {
                    if matches!(n, Notice::Success(_)) {
                        forget_typing(&key);
                    }
                    shown.emit(n);
                });
                save_form(&session, kind, form, report, "");
            }
        }
    };
    {
        let (flush, pending) = (flush.clone(), pending.clone());
        use_effect_with((), move |_| {
            move || {
                pending.borrow_mut().take();
                flush();
            }
        });
    }
    // Typing a closed tab left behind (kept in local storage): back in the form, and saved.
    {
        let (answers, unsaved, flush) = (answers.clone(), unsaved.clone(), flush.clone());
        let (key, stored) = (typing_key(&props.form), props.form.answers.clone());
        use_effect_with((), move |_| match kept_typing(&key) {
            Some(kept) if !submitted && kept != stored => {
                answers.set(kept.clone());
                *unsaved.borrow_mut() = Some(kept);
                flush();
            }
            Some(_) => forget_typing(&key),
            None => {}
        });
    }
    // Closing the tab straight after typing: written at once, and the browser asks meanwhile.
    {
        let (flush, unsaved) = (flush.clone(), unsaved.clone());
        crate::ui::unsaved::use_save_on_leave(
            Rc::new(flush),
            Rc::new(move || unsaved.borrow().is_some()),
        );
    }
    {
        // A save landing (or a file merged in) while nothing is being typed: show what is stored.
        let (answers, unsaved, stored) =
            (answers.clone(), unsaved.clone(), props.form.answers.clone());
        use_effect_with(props.form.meta.rev, move |_| {
            if unsaved.borrow().is_none() {
                answers.set(stored);
            }
        });
    }
    let set = |field: u32, answer: Option<Answer>| {
        let (answers, pending, unsaved, flush, key) = (
            answers.clone(),
            pending.clone(),
            unsaved.clone(),
            flush.clone(),
            typing_key(&props.form),
        );
        move |value: String| {
            let mut next: SortedMap<u32, Answer> = (*answers).clone();
            match &answer {
                Some(Answer::Score(_)) => match value.trim().parse() {
                    Ok(n) => next.insert(field, Answer::Score(n)),
                    Err(_) => next.remove(&field),
                },
                Some(Answer::Choice(_)) => next.insert(field, Answer::Choice(value)),
                _ => next.insert(field, Answer::Text(value)),
            };
            answers.set(next.clone());
            keep_typing(&key, &next);
            *unsaved.borrow_mut() = Some(next);
            // Saved once typing pauses; each keystroke replaces the waiting save.
            let flush = flush.clone();
            *pending.borrow_mut() =
                Some(gloo::timers::callback::Timeout::new(SAVE_AFTER_MS, flush));
        }
    };
    let on_submit = {
        let (session, notice, answers, latest, template, pending, unsaved) = (
            session.clone(),
            notice.clone(),
            answers.clone(),
            latest.clone(),
            props.template.clone(),
            pending.clone(),
            unsaved.clone(),
        );
        Callback::from(move |_| {
            let form = FilledForm {
                answers: (*answers).clone(),
                submitted_at: Some(time::now()),
                ..latest.borrow().clone()
            };
            match form.check_against(&template) {
                Ok(()) => {
                    // The waiting save is folded into this one.
                    pending.borrow_mut().take();
                    unsaved.borrow_mut().take();
                    save_form(
                        &session,
                        kind,
                        form,
                        reporter(&notice),
                        "已提交。现在可以打印，或导出文件交给党政办。",
                    )
                }
                Err(m) => notice.set(Some(Notice::Error(m))),
            }
        })
    };
    let on_export = {
        let (session, notice, stored) = (session.clone(), notice.clone(), stored.clone());
        Callback::from(move |_| notice.set(Some(export_form(&session, kind, &stored))))
    };
    let total = props.template.total(&answers);
    html! {
        <article class="filled-form">
            <h2>{ format!("{}（{} 年度）", props.template.name, props.form.year) }</h2>
            <p>{ format!("填表人：{}　单位：{}　职务：{}", props.form.author.name, props.form.author.unit, props.form.author.post) }</p>
            { notice_box(notice.as_ref()) }
            { for props.template.sections.iter().map(|section| html! {
                <section class="form-section">
                    <h3>{ &section.title }</h3>
                    { for section.items.iter().map(|item| {
                        let current = answers.get(&item.key).cloned();
                        let text = match &current { Some(Answer::Text(t)) | Some(Answer::Choice(t)) => t.clone(), Some(Answer::Score(n)) => n.to_string(), None => String::new() };
                        let field = match &item.kind {
                            ItemKind::Score { max, .. } => {
                                let on = set(item.key, Some(Answer::Score(0)));
                                html! { <input type="number" min="0" max={max.to_string()} step="1" value={text.clone()} readonly={submitted}
                                    oninput={Callback::from(move |e: InputEvent| on(field_value(&e)))} /> }
                            }
                            ItemKind::Choice { options } => {
                                let on = set(item.key, Some(Answer::Choice(String::new())));
                                html! { <select disabled={submitted} onchange={Callback::from(move |e: Event| on(field_value(&e)))}>
                                    <option value="" selected={text.is_empty()}>{ "（请选择）" }</option>
                                    { for options.iter().map(|o| html! { <option selected={*o == text}>{ o }</option> }) }
                                </select> }
                            }
                            ItemKind::ShortText => {
                                let on = set(item.key, None);
                                html! { <input value={text.clone()} readonly={submitted} oninput={Callback::from(move |e: InputEvent| on(field_value(&e)))} /> }
                            }
                            ItemKind::LongText => {
                                let on = set(item.key, None);
                                html! { <textarea rows="8" value={text.clone()} readonly={submitted} oninput={Callback::from(move |e: InputEvent| on(field_value(&e)))} /> }
                            }
                        };
                        let hint = match &item.kind {
                            ItemKind::Score { max, .. } => format!("（满分 {max}）"),
                            _ => String::new(),
                        };
                        html! {
                            <div class="form-item">
                                <label>{ format!("{}{hint}", item.label) }{ field }</label>
                                if item.kind == ItemKind::LongText { <p class="word-count">{ format!("{} 字", word_count(&text)) }</p> }
                            </div>
                        }
                    }) }
                </section>
            }) }
            if let Some(t) = total { <p class="form-total">{ format!("自评得分：{t:.1}（百分制）") }</p> }
            <div class="toolbar no-print">
                if props.readonly && !props.form.is_submitted() {
                    <p>{ "这是一份尚未提交的草稿。" }</p>
                } else if submitted {
                    <p>{ format!("已于 {} 提交。", props.form.submitted_at.map(time::format_local).unwrap_or_default()) }</p>
                    { crate::ui::form::print_button("打印") }
                    <button class="primary" onclick={on_export}>{ "导出文件交党政办" }</button>
                } else if *confirm {
                    <p>{ "提交后不能再修改。确定提交吗？" }</p>
                    <button class="primary" onclick={on_submit}>{ "确定提交" }</button>
                    <button onclick={{ let c = confirm.clone(); Callback::from(move |_| c.set(false)) }}>{ "再看看" }</button>
                } else {
                    <p>{ "填写的内容会自动保存。" }</p>
                    <button class="primary" onclick={{ let c = confirm.clone(); Callback::from(move |_| c.set(true)) }}>{ "提交" }</button>
                }
            </div>
        </article>
    }
}
