//! A test handed in: when, how much was answered, the answer sheet to export and send back,
//! and — where the package carries the key and the secretary allows it — the score and answers.

use std::rc::Rc;

use crate::ui::prelude::*;

use crate::exchange::envelope::FileKind;
use crate::quiz::answer::format_answer;
use crate::quiz::attempt::Attempt;
use crate::quiz::grading::{grade, Verdict};
use crate::quiz::paper::{points_text, Quiz, Reveal};
use crate::session::use_session;
use crate::store::schema::StoreName;
use crate::ui::export::{export_file, export_notice, one_store};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

#[derive(Properties, PartialEq)]
pub struct SubmittedProps {
    pub quiz: Rc<Quiz>,
    pub attempt: Attempt,
}

#[function_component(Submitted)]
pub fn submitted(props: &SubmittedProps) -> Html {
    let session = use_session();
    let notice = use_state(|| None::<Notice>);
    let (quiz, current) = (&props.quiz, &props.attempt);
    let export = {
        let (session, current, notice) = (session.clone(), current.clone(), notice.clone());
        Callback::from(move |_| {
            let records = one_store(StoreName::Attempts, [&current]);
            let who = current.respondent.name.clone();
            notice.set(Some(export_notice(
                export_file(&session, FileKind::AnswerSheet, &who, records),
                |file| {
                    format!(
                        "已导出答卷“{}”。请把它交给秘书（U盘或电子邮件）。",
                        file.name
                    )
                },
            )));
        })
    };
    let graded = quiz.has_answer_key().then(|| grade(quiz, current));
    let (answered, total) = (current.answers.len(), quiz.paper.len());
    html! {
        <section class="card" aria-label="已交卷">
            <h2>{ format!("{}：已交卷", quiz.title) }</h2>
            <p>{ format!("交卷时间：{}。共答 {answered} / {total} 题。", current.submitted_at().map(time::format_local).unwrap_or_default()) }</p>
            { notice_box(notice.as_ref()) }
            <button class="primary" onclick={export}>{ "导出答卷文件" }</button>
            { match graded {
                None => html! { <p>{ "成绩由秘书阅卷后公布。" }</p> },
                Some(g) => html! {
                    <>
                        <p class="score">{ format!("得分 {} / {}，{}", points_text(g.score), points_text(g.max), if g.passed { "及格" } else { "不及格" }) }</p>
                        if quiz.reveal == Reveal::AnswersAndExplanations {
                            <ol class="review">
                            { for quiz.paper.iter().enumerate().map(|(i, q)| html! {
                                <li class={classes!(matches!(g.marks[i].verdict, Verdict::Correct).then_some("right"), matches!(g.marks[i].verdict, Verdict::Wrong | Verdict::Unanswered).then_some("wrong"))}>
                                    <p>{ &q.stem }</p>
                                    <p>{ format!("正确答案：{}", q.answer.as_ref().map(format_answer).unwrap_or_default()) }</p>
                                    if let Some(e) = q.explanation.as_ref().filter(|e| !e.is_empty()) { <p class="hint">{ format!("解析：{e}") }</p> }
                                </li>
                            }) }
                            </ol>
                        }
                    </>
                },
            } }
        </section>
    }
}
