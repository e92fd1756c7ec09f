//! 试卷预览: a quiz's paper as the office checks it before sending — every question in the order
//! made, with its points, options, answer and 解析 — printable on A4.

use crate::ui::prelude::*;

use crate::quiz::model::option_letter;
use crate::quiz::paper::{points_text, Quiz, QuizMode};
use crate::quiz::practice::answer_text;
use crate::ui::time;

#[derive(Properties, PartialEq)]
pub struct QuizPreviewProps {
    pub quiz: Quiz,
    pub on_close: Callback<()>,
}

#[function_component(QuizPreview)]
pub fn quiz_preview(props: &QuizPreviewProps) -> Html {
    let q = &props.quiz;
    let facts = format!(
        "{}；{} 道题，总分 {}，及格 {}；时间限制 {}；截止 {}",
        if q.mode == QuizMode::Exam {
            "考试"
        } else {
            "练习"
        },
        q.paper.len(),
        points_text(q.total_points()),
        points_text(q.pass_mark),
        q.time_limit_minutes
            .map(|m| format!("{m} 分钟"))
            .unwrap_or_else(|| "不限".into()),
        q.closes
            .map(time::format_local)
            .unwrap_or_else(|| "不限".into()),
    );
    // A paper exam prints the questions alone; the office's check copy keeps the answers.
    let answers = use_state(|| true);
    let toggle = {
        let answers = answers.clone();
        Callback::from(move |_| answers.set(!*answers))
    };
    html! {
        <article class="card quiz-preview" aria-label={format!("试卷预览 {}", q.title)}>
            <div class="toolbar no-print">
                { crate::ui::form::print_button("打印") }
                <label><input type="checkbox" checked={*answers} onchange={toggle} />{ "显示答案和解析（纸质考试发的试卷请取消）" }</label>
                <button onclick={props.on_close.reform(|_| ())}>{ "关闭预览" }</button>
            </div>
            <h2 class="report-title">{ &q.title }</h2>
            <p class="report-period">{ facts }</p>
            if q.shuffle_questions || q.shuffle_options {
                <p class="hint no-print">{ "下面是出卷时的顺序；干部答题时题目和选项按设置为每人打乱。" }</p>
            }
            <ol class="paper">
                { for q.paper.iter().map(|p| html! {
                    <li>
                        <p><span class="tag">{ format!("【{}】{} 分", p.kind.label(), points_text(p.points)) }</span>{ " " }{ &p.stem }</p>
                        if !p.options.is_empty() {
                            <ul class="options">
                                { for p.options.iter().enumerate().map(|(i, o)| html! { <li>{ format!("{}. {o}", option_letter(i)) }</li> }) }
                            </ul>
                        }
                        if *answers {
                            <p class="answer">{ "答案：" }{ match p.answer { Some(_) => answer_text(p), None => "（试卷包不含答案）".into() } }</p>
                            if let Some(e) = p.explanation.as_ref().filter(|e| !e.trim().is_empty()) {
                                <p class="note pre">{ "解析：" }{ e }</p>
                            }
                        }
                    </li>
                }) }
            </ol>
        </article>
    }
}
