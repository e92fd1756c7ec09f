//! Before a test starts: what it is (questions, points, time limit) and who is answering, as
//! the answer sheet will name them, with their 答题码 where the office gave one.

use std::rc::Rc;

use crate::ui::prelude::*;
use web_sys::HtmlInputElement;

use crate::quiz::attempt::Respondent;
use crate::quiz::check_code::read_code;
use crate::quiz::paper::{points_text, Quiz};
use crate::session::use_session;
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

#[derive(Properties, PartialEq)]
pub struct IdentityProps {
    pub quiz: Rc<Quiz>,
    /// The person confirmed (and their 答题码, if the test asks for one), once it may start.
    pub on_start: Callback<(Respondent, Option<String>)>,
}

#[function_component(Identity)]
pub fn identity(props: &IdentityProps) -> Html {
    let session = use_session();
    let name = use_state(|| session.profile.name.clone());
    let unit = use_state(|| session.profile.unit.clone());
    let code = use_state(String::new);
    let notice = use_state(|| None::<Notice>);
    let quiz = &props.quiz;
    let onsubmit = {
        let (name, unit, code, notice, quiz, on_start) = (
            name.clone(),
            unit.clone(),
            code.clone(),
            notice.clone(),
            quiz.clone(),
            props.on_start.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let who = Respondent {
                name: name.trim().to_string(),
                unit: unit.trim().to_string(),
            };
            let typed = read_code(&code);
            if who.name.is_empty() || who.unit.is_empty() {
                notice.set(Some(Notice::Error("请填写姓名和单位。".into())));
            } else if quiz.codes.asked() && typed.is_none() {
                notice.set(Some(Notice::Error(
                    "答题码不对：应为党政办发给您本人的 6 位数字，请核对后重新输入。".into(),
                )));
            } else if !quiz.is_open(time::now()) {
                notice.set(Some(Notice::Error(
                    "测验不在开放时间内，不能开始答题。".into(),
                )));
            } else {
                on_start.emit((who, typed.filter(|_| quiz.codes.asked())));
            }
        })
    };
    let field = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            state.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    html! {
        <form class="form card" {onsubmit} aria-label="确认身份">
            <h2>{ &quiz.title }</h2>
            <p>{ format!("共 {} 道题，总分 {}，及格 {}。{}", quiz.paper.len(), points_text(quiz.total_points()), points_text(quiz.pass_mark),
                quiz.time_limit_minutes.map(|m| format!("限时 {m} 分钟，到时自动交卷。")).unwrap_or_default()) }</p>
            <p>{ "请确认您的身份，答卷上会写明：" }</p>
            <label>{ "姓名" }<input value={(*name).clone()} oninput={field(&name)} /></label>
            <label>{ "单位" }<input value={(*unit).clone()} oninput={field(&unit)} /></label>
            if quiz.codes.asked() {
                <label>{ "答题码（党政办发给您本人的 6 位数字）" }
                    <input value={(*code).clone()} oninput={field(&code)} inputmode="numeric" autocomplete="off" size="8" /></label>
            }
            { notice_box(notice.as_ref()) }
            <button type="submit" class="primary">{ "确认并开始答题" }</button>
        </form>
    }
}
