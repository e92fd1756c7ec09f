//! 组卷: the form a quiz is made or changed in (questions picked by hand and drawn by rules,
//! points, pass mark, time limit, dates, shuffling, what cadres see).

use std::collections::HashSet;
use std::rc::Rc;

use crate::ui::kept_input::KeptInput;
use crate::ui::prelude::*;

use super::draw_rules::DrawRules;
use super::QuizData;
use crate::quiz::bank::{filter, BankFilter};
use crate::quiz::builder::{build, Making, QuizDraft};
use crate::quiz::paper::{points_text, Quiz, QuizMode, Reveal};
use crate::record::Meta;
use crate::session::use_session;
use crate::ui::notice::Notice;
use crate::ui::time;

/// The form as typed: the builder's draft with its dates as the date fields hold them, and the
/// search over the bank.
#[derive(Clone, PartialEq)]
struct Form {
    draft: QuizDraft,
    opens: String,
    closes: String,
    search: String,
}

/// A fresh key for a quiz's 答题码: 122 random bits from the browser.
fn new_key() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// A new quiz's form, named for this year.
pub fn new_draft() -> QuizDraft {
    QuizDraft::new_for(chrono::Datelike::year(&time::local_now()))
}

#[derive(Properties, PartialEq)]
pub struct QuizFormProps {
    pub data: Rc<QuizData>,
    /// What the form opens with.
    pub start: QuizDraft,
    /// The quiz being changed; `None` makes a new one.
    #[prop_or_default]
    pub editing: Option<Quiz>,
    pub on_notice: Callback<Notice>,
    pub on_close: Callback<()>,
}

#[function_component(QuizForm)]
pub fn quiz_form(props: &QuizFormProps) -> Html {
    let session = use_session();
    let data = &props.data;
    // What is wrong with the draft, shown beside the button that found it.
    let build_error = use_state(|| None::<String>);
    let form = use_state(|| {
        let start = &props.start;
        Form {
            opens: time::datetime_field(start.opens),
            closes: time::datetime_field(start.closes),
            draft: start.clone(),
            search: String::new(),
        }
    });
    let text = |set: fn(&mut Form, String)| crate::ui::form::on_input(&form, set);
    let changed = |set: fn(&mut Form, String)| crate::ui::form::on_change(&form, set);
    // Choosing 练习 turns the 答题码 off (a practice paper is not checked), 考试 on; either can
    // still be changed after.
    let toggle = |set: fn(&mut QuizDraft)| {
        let form = form.clone();
        Callback::from(move |_| {
            let mut next = (*form).clone();
            set(&mut next.draft);
            form.set(next);
        })
    };

    let on_build = {
        let (session, form, build_error, bank, editing, on_notice, on_close) = (
            session.clone(),
            form.clone(),
            build_error.clone(),
            data.questions.clone(),
            props.editing.clone(),
            props.on_notice.clone(),
            props.on_close.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let wanted = QuizDraft {
                opens: time::from_datetime_field(&form.opens),
                closes: time::from_datetime_field(&form.closes),
                ..form.draft.clone()
            };
            let making = match &editing {
                Some(q) => Making::again(q, &session.device, new_key()),
                None => Making::new(
                    Meta::unsaved(time::now()),
                    &session.device,
                    js_sys::Date::now(),
                    new_key(),
                ),
            };
            let quiz = match build(&wanted, &bank, making) {
                Ok(quiz) => quiz,
                Err(e) => return build_error.set(Some(e.user_message())),
            };
            build_error.set(None);
            let done = format!(
                "已{}测验“{}”：{} 道题，总分 {}。",
                if editing.is_some() {
                    "保存"
                } else {
                    "生成"
                },
                quiz.title,
                quiz.paper.len(),
                points_text(quiz.total_points())
            );
            on_close.emit(());
            session.save(vec![quiz], on_notice.clone(), done);
        })
    };

    let f = &*form;
    let d = &f.draft;
    let search = BankFilter {
        text: f.search.clone(),
        ..Default::default()
    };
    let picked: HashSet<uuid::Uuid> = d.picked.iter().map(|(id, _)| *id).collect();
    // The chosen questions first (a deleted one is named so it can be unticked), then up to 200
    // more from the search.
    // One pass over the bank, not one per picked question: this runs on every keystroke.
    let live_picked: std::collections::HashMap<uuid::Uuid, &crate::quiz::model::Question> = data
        .questions
        .iter()
        .filter(|q| !q.deleted && picked.contains(&q.meta.id))
        .map(|q| (q.meta.id, q))
        .collect();
    let chosen = d
        .picked
        .iter()
        .map(|(id, _)| (*id, live_picked.get(id).copied()));
    let found = filter(&data.questions, &search)
        .into_iter()
        .filter(|q| !picked.contains(&q.meta.id))
        .take(200)
        .map(|q| (q.meta.id, Some(q)));
    let rows: Vec<_> = chosen.chain(found).collect();
    let pick_row = |(id, q): (uuid::Uuid, Option<&crate::quiz::model::Question>)| {
        let checked = picked.contains(&id);
        let (kind, short): (String, String) = match q {
            Some(q) => (
                format!("【{}】", q.kind.label()),
                q.stem.chars().take(40).collect(),
            ),
            None => (String::new(), "（此题已从题库删除）".into()),
        };
        let onchange = {
            let form = form.clone();
            Callback::from(move |_| {
                let mut next = (*form).clone();
                if checked {
                    next.draft.picked.retain(|(p, _)| *p != id)
                } else {
                    next.draft.picked.push((id, String::new()))
                }
                form.set(next);
            })
        };
        let own = d
            .picked
            .iter()
            .find(|(p, _)| *p == id)
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        let on_points = {
            let form = form.clone();
            Callback::from(move |e: Event| {
                let mut next = (*form).clone();
                if let Some(slot) = next.draft.picked.iter_mut().find(|(p, _)| *p == id) {
                    slot.1 = crate::ui::form::field_value(&e);
                }
                form.set(next);
            })
        };
        html! {
            <div class="pick">
                <label class="choice block"><input type="checkbox" {checked} {onchange} />{ format!("{kind}{short}") }</label>
                if checked {
                    <label class="inline">{ "分值" }<KeptInput size="4" value={own} placeholder={d.points_each.clone()} onchange={on_points} label={format!("分值 {short}")} /></label>
                }
            </div>
        }
    };
    let on_rules = {
        let form = form.clone();
        Callback::from(move |rules| {
            let mut next = (*form).clone();
            next.draft.rules = rules;
            form.set(next);
        })
    };
    let heading = if props.editing.is_some() {
        "修改测验"
    } else {
        "组卷"
    };
    html! {
        <form class="form card" onsubmit={on_build} aria-label={heading}>
            <h2>{ heading }</h2>
            <label>{ "测验名称" }<input value={d.title.clone()} oninput={text(|f, v| f.draft.title = v)} /></label>
            <fieldset><legend>{ "类型" }</legend>
                <label class="choice"><input type="radio" name="mode" checked={d.mode == QuizMode::Exam} onchange={toggle(|d| { d.mode = QuizMode::Exam; d.codes = true; })} />{ "考试（试卷包不含答案）" }</label>
                <label class="choice"><input type="radio" name="mode" checked={d.mode == QuizMode::Practice} onchange={toggle(|d| { d.mode = QuizMode::Practice; d.codes = false; })} />{ "练习（含答案和解析）" }</label>
            </fieldset>
            <label class="inline">{ "每题分值" }<input value={d.points_each.clone()} oninput={text(|f, v| f.draft.points_each = v)} size="5" /></label>
            <label class="inline">{ "及格分" }<input value={d.pass_mark.clone()} oninput={text(|f, v| f.draft.pass_mark = v)} size="8" placeholder="总分的60%" /></label>
            <label class="inline">{ "时间限制（分钟）" }<input value={d.time_limit.clone()} oninput={text(|f, v| f.draft.time_limit = v)} size="5" /></label>
            <label class="inline">{ "开放时间" }<KeptInput kind="datetime-local" value={f.opens.clone()} onchange={changed(|f, v| f.opens = v)} /></label>
            <label class="inline">{ "截止时间" }<KeptInput kind="datetime-local" value={f.closes.clone()} onchange={changed(|f, v| f.closes = v)} /></label>
            <div>
                <label class="choice"><input type="checkbox" checked={d.shuffle_questions} onchange={toggle(|d| d.shuffle_questions = !d.shuffle_questions)} />{ "每人题目顺序不同" }</label>
                <label class="choice"><input type="checkbox" checked={d.shuffle_options} onchange={toggle(|d| d.shuffle_options = !d.shuffle_options)} />{ "每人选项顺序不同" }</label>
                <label class="choice"><input type="checkbox" checked={d.reveal == Reveal::AnswersAndExplanations}
                    onchange={toggle(|d| d.reveal = if d.reveal == Reveal::ScoreOnly { Reveal::AnswersAndExplanations } else { Reveal::ScoreOnly })} />{ "交卷后可看正确答案和解析（练习卷）" }</label>
                <label class="choice"><input type="checkbox" checked={d.codes} onchange={toggle(|d| d.codes = !d.codes)} />
                    { "每人凭答题码作答（收卷时可核对是否本人作答、交卷后是否被改过）" }</label>
            </div>
            <fieldset><legend>{ format!("手工选题（已选 {} 道）", d.picked.len()) }</legend>
                <label class="inline">{ "搜索试题" }<input type="search" value={f.search.clone()} oninput={text(|f, v| f.search = v)} /></label>
                <div class="pick-list">{ for rows.into_iter().map(pick_row) }</div>
            </fieldset>
            <DrawRules rules={d.rules.clone()} points_each={d.points_each.clone()} bank={data.clone()} on_change={on_rules} />
            if let Some(m) = &*build_error { <div class="notice error" role="alert"><p>{ m }</p></div> }
            <button type="submit" class="primary">{ if props.editing.is_some() { "保存修改" } else { "生成测验" } }</button>
            <button type="button" onclick={props.on_close.reform(|_| ())}>{ "取消" }</button>
        </form>
    }
}
