//! 答题码: each person's code for an exam, printed by the office and handed to each cadre alone
//! (a slip per person), and the code of someone not on the roster.

use std::rc::Rc;

use crate::ui::prelude::*;

use super::QuizData;
use crate::quiz::check_code::{code_for, AnswerCodes};
use crate::quiz::paper::Quiz;

#[derive(Properties, PartialEq)]
pub struct AnswerCodesProps {
    pub quiz: Quiz,
    pub data: Rc<QuizData>,
    pub on_close: Callback<()>,
}

#[function_component(AnswerCodesView)]
pub fn answer_codes(props: &AnswerCodesProps) -> Html {
    let other = use_state(String::new);
    let AnswerCodes::Keyed { key } = &props.quiz.codes else {
        return html! { <p>{ "这份测验不使用答题码。" }</p> };
    };
    let mut people: Vec<_> = props.data.cadres.iter().filter(|c| !c.retired).collect();
    crate::ui::collate::sort_in_pinyin(&mut people, |c| [&c.unit, &c.name]);
    let print = Callback::from(|_| {
        let _ = gloo::utils::window().print();
    });
    let on_other = {
        let other = other.clone();
        Callback::from(move |e: InputEvent| other.set(crate::ui::form::field_value(&e)))
    };
    let title = &props.quiz.title;
    html! {
        <article class="card answer-codes" aria-label={format!("答题码 {title}")}>
            <div class="toolbar no-print">
                <button onclick={print}>{ "打印（每人一条，剪开分发）" }</button>
                <button onclick={props.on_close.reform(|_| ())}>{ "关闭" }</button>
            </div>
            <p class="hint no-print">{ "答题码用于收卷时核对答卷是否本人作答、交卷后是否被改过。请只把本人的答题码交给本人；它不能防止有意伪造，只能让改动露出来。" }</p>
            if people.is_empty() {
                <p>{ "名册中还没有人。可在下面为任何人生成答题码。" }</p>
            }
            <ul class="code-slips">
                { for people.iter().map(|c| html! {
                    <li class="slip">
                        <span class="slip-title">{ title }</span>
                        <span>{ format!("{}（{}）", c.name, c.unit) }</span>
                        <span>{ "答题码：" }<strong class="code">{ code_for(key, &c.name) }</strong></span>
                    </li>
                }) }
            </ul>
            <div class="no-print">
                <label class="inline">{ "名册外的人，姓名" }<input value={(*other).clone()} oninput={on_other} /></label>
                if !other.trim().is_empty() {
                    <span role="status">{ format!("{} 的答题码：", other.trim()) }<strong class="code">{ code_for(key, &other) }</strong></span>
                }
            </div>
        </article>
    }
}
