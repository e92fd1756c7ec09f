//! Adding or editing one question. Answers are typed the way importers read them ("AB",
//! "正确", "月总结|每月总结；周调度"), so there is one notation to learn.

use crate::choice::Choice;
use crate::ui::form::form_footer;
use crate::ui::prelude::*;
use web_sys::{HtmlInputElement, HtmlSelectElement};

use crate::quiz::answer::{format_answer, parse_answer};
use crate::quiz::model::{
    option_letter, Answer, Difficulty, QuestionDraft, QuestionKind, MAX_OPTIONS,
};

#[derive(Properties, PartialEq)]
pub struct QuestionFormProps {
    pub title: AttrValue,
    pub draft: QuestionDraft,
    pub on_save: Callback<QuestionDraft>,
    pub on_cancel: Callback<()>,
}

#[derive(Clone, PartialEq)]
struct Form {
    kind: QuestionKind,
    stem: String,
    options: Vec<String>,
    answer: String,
    explanation: String,
    category: String,
    difficulty: Difficulty,
    tags: String,
}

fn answer_hint(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single => "填写一个选项字母，如 C",
        QuestionKind::Multiple => "填写全部正确选项，如 ABD 或 A,B,D",
        QuestionKind::TrueFalse => "填写 正确 或 错误（也可用 对/错、√/×）",
        QuestionKind::FillBlank => {
            "多个空用“；”分隔，同一空的多种答案用“|”分隔，如：周调度；月总结|每月总结"
        }
        QuestionKind::ShortAnswer => "参考答案，供阅卷时对照",
    }
}

#[function_component(QuestionForm)]
pub fn question_form(props: &QuestionFormProps) -> Html {
    let form = use_state(|| {
        let d = &props.draft;
        let mut options = d.options.clone();
        while options.len() < 4 && d.kind.has_options() {
            options.push(String::new());
        }
        Form {
            kind: d.kind,
            stem: d.stem.clone(),
            options,
            answer: if matches!(&d.answer, Answer::Reference(r) if r.is_empty()) {
                String::new()
            } else {
                format_answer(&d.answer)
            },
            explanation: d.explanation.clone(),
            category: d.category.clone(),
            difficulty: d.difficulty,
            tags: d.tags.join("，"),
        }
    });
    let error = use_state(|| None::<String>);
    let text = |set: fn(&mut Form, String)| crate::ui::form::on_input(&form, set);
    let on_kind = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = (*form).clone();
            next.kind = QuestionKind::from_label(&v).unwrap_or(QuestionKind::Single);
            if next.kind.has_options() && next.options.len() < 2 {
                next.options.resize(4, String::new());
            }
            form.set(next);
        })
    };
    let on_difficulty = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = (*form).clone();
            next.difficulty = Difficulty::parse(&v).unwrap_or_default();
            form.set(next);
        })
    };
    let onsubmit = {
        let (form, error, on_save) = (form.clone(), error.clone(), props.on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let f = (*form).clone();
            let Some(answer) = parse_answer(f.kind, &f.answer) else {
                error.set(Some(format!("答案无法识别：{}。", answer_hint(f.kind))));
                return;
            };
            let draft = QuestionDraft {
                kind: f.kind,
                stem: f.stem,
                options: if f.kind.has_options() {
                    f.options
                } else {
                    Vec::new()
                },
                answer,
                explanation: f.explanation,
                category: f.category,
                difficulty: f.difficulty,
                tags: f
                    .tags
                    .split([',', '，', '、'])
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
                    .collect(),
                source: String::new(),
            };
            match draft.cleaned() {
                Ok(d) => on_save.emit(d),
                Err(e) => error.set(Some(format!("{}。", e.user_message()))),
            }
        })
    };
    let f = &*form;
    html! {
        <form class="form card" {onsubmit} aria-label={props.title.clone()}>
            <h2>{ &props.title }</h2>
            <label>{ "题型" }
                <select onchange={on_kind}>
                    { for QuestionKind::ALL.iter().map(|k| html! { <option selected={*k == f.kind}>{ k.label() }</option> }) }
                </select>
            </label>
            <label>{ "题干" }<textarea rows="3" value={f.stem.clone()} oninput={text(|f, v| f.stem = v)} /></label>
            if f.kind.has_options() {
                <fieldset>
                    <legend>{ "选项" }</legend>
                    { for f.options.iter().enumerate().map(|(i, o)| {
                        let form = form.clone();
                        let oninput = Callback::from(move |e: InputEvent| {
                            let mut next = (*form).clone();
                            if let Some(slot) = next.options.get_mut(i) {
                                *slot = e.target_unchecked_into::<HtmlInputElement>().value();
                            }
                            form.set(next);
                        });
                        html! { <label class="option">{ format!("选项{}", option_letter(i)) }<input value={o.clone()} {oninput} /></label> }
                    }) }
                    if f.options.len() < MAX_OPTIONS {
                        <button type="button" onclick={{ let form = form.clone(); Callback::from(move |_| { let mut n = (*form).clone(); n.options.push(String::new()); form.set(n); }) }}>{ "增加选项" }</button>
                    }
                    if f.options.len() > 2 {
                        <button type="button" onclick={{ let form = form.clone(); Callback::from(move |_| { let mut n = (*form).clone(); n.options.pop(); form.set(n); }) }}>{ "删除最后一个选项" }</button>
                    }
                </fieldset>
            }
            <label>{ "答案" }<input value={f.answer.clone()} oninput={text(|f, v| f.answer = v)} aria-describedby="answer-hint" /></label>
            <p id="answer-hint" class="hint">{ answer_hint(f.kind) }</p>
            <label>{ "解析" }<textarea rows="2" value={f.explanation.clone()} oninput={text(|f, v| f.explanation = v)} /></label>
            <label>{ "分类" }<input value={f.category.clone()} oninput={text(|f, v| f.category = v)} placeholder="知识点，如：谈话诫勉" /></label>
            <label>{ "难度" }
                <select onchange={on_difficulty}>
                    { for Difficulty::ALL.iter().map(|d| html! { <option selected={*d == f.difficulty}>{ d.label() }</option> }) }
                </select>
            </label>
            <label>{ "标签" }<input value={f.tags.clone()} oninput={text(|f, v| f.tags = v)} placeholder="用逗号分隔" /></label>
            { form_footer(error.as_deref(), "保存", &props.on_cancel) }
        </form>
    }
}
