//! Answering one quiz: confirm who you are, answer (every answer is saved as it is given, so a
//! closed or crashed browser resumes where it was), mark questions for review, see what is
//! unanswered, submit (or let the timer submit); then the submitted sheet.

use std::rc::Rc;

use crate::ui::prelude::*;

use super::answer_input::answer_input;
use super::identity::Identity;
use super::submitted::Submitted;
use crate::quiz::attempt::{Attempt, Respondent, Response};
use crate::quiz::paper::{layout_for, points_text, review_text, Quiz};
use crate::quiz::received::newer_than;
use crate::record::Meta;
use crate::session::{use_session, Session};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

#[derive(Properties, PartialEq)]
pub struct RunnerProps {
    pub quiz: Rc<Quiz>,
    pub attempt: Option<Attempt>,
}

/// The one way an attempt is saved while it is taken: touched as this browser's edit (the
/// automatic submission too, so it wins a merge like a manual one), shown, and written. Errors
/// are shown, never swallowed.
fn persist(
    session: &Session,
    mut attempt: Attempt,
    shown: &UseStateHandle<Option<Attempt>>,
    notice: &UseStateHandle<Option<Notice>>,
) {
    session.touch(&mut attempt);
    shown.set(Some(attempt.clone()));
    let notice = notice.clone();
    let report = Callback::from(move |n: Notice| {
        if let Notice::Error(m) = n {
            notice.set(Some(Notice::Error(format!("答案没有保存：{m}"))));
        }
    });
    session.save_stamped(vec![attempt], report, "");
}

/// When the timer starts warning that the test is nearly over.
const WARN_SECONDS: i64 = 5 * 60;

#[function_component(QuizRunner)]
pub fn quiz_runner(props: &RunnerProps) -> Html {
    let session = use_session();
    let quiz = props.quiz.clone();
    // The sheet as this tab holds it: every answer is saved as it is given, so it is the stored
    // one; a newer stored version (answered in another window, or started there while this one
    // showed who-are-you) replaces it when it arrives.
    let attempt = use_state(|| props.attempt.clone());
    {
        let attempt = attempt.clone();
        use_effect_with(props.attempt.clone(), move |stored| {
            if let Some(stored) = stored {
                if newer_than(stored, attempt.as_ref()) {
                    attempt.set(Some(stored.clone()));
                }
            }
        });
    }
    let notice = use_state(|| None::<Notice>);
    let reviewing = use_state(|| false);
    // The check before handing in is brought into view, with 确认交卷 on screen.
    let review = use_node_ref();
    {
        let review = review.clone();
        use_effect_with(*reviewing, move |shown| {
            if *shown {
                if let Some(panel) = review.cast::<web_sys::Element>() {
                    panel.scroll_into_view_with_bool(false);
                }
            }
        });
    }
    let now = use_state(time::now);

    // A one-second clock while an attempt with a time limit is in progress.
    {
        let now = now.clone();
        let running = attempt
            .as_ref()
            .is_some_and(|a| !a.is_submitted() && a.seconds_left(time::now()).is_some());
        use_effect_with(running, move |running| {
            let tick = running
                .then(|| gloo::timers::callback::Interval::new(1000, move || now.set(time::now())));
            move || drop(tick)
        });
    }
    // At zero the timer hands the paper in.
    {
        let (attempt, session, notice) = (attempt.clone(), session.clone(), notice.clone());
        let expired = attempt
            .as_ref()
            .is_some_and(|a| !a.is_submitted() && a.seconds_left(*now) == Some(0));
        use_effect_with(expired, move |expired| {
            if *expired {
                if let Some(mut a) = (*attempt).clone() {
                    if a.submit(time::now(), true).is_ok() {
                        notice.set(Some(Notice::Success("时间到，已自动交卷。".into())));
                        persist(&session, a, &attempt, &notice);
                    }
                }
            }
        });
    }

    let Some(current) = (*attempt).clone() else {
        let on_start = {
            let (attempt, session, quiz, notice) = (
                attempt.clone(),
                session.clone(),
                quiz.clone(),
                notice.clone(),
            );
            Callback::from(move |(who, code): (Respondent, Option<String>)| {
                let a = Attempt::start(
                    Meta::unsaved(time::now()),
                    quiz.meta.id,
                    who,
                    time::now(),
                    quiz.time_limit_minutes,
                    code,
                );
                persist(&session, a, &attempt, &notice);
            })
        };
        return html! {
            <div key="identity">
                <Identity quiz={quiz.clone()} {on_start} />
                { notice_box(notice.as_ref()) }
            </div>
        };
    };

    let layout = layout_for(&quiz, &current.respondent.name);
    let answered = current.answers.len();
    let total = quiz.paper.len();
    let update = {
        let (attempt, session, notice) = (attempt.clone(), session.clone(), notice.clone());
        move |position: usize, response: Response| {
            if let Some(mut a) = (*attempt).clone() {
                if a.answer(position, response, time::now()).is_ok() {
                    persist(&session, a, &attempt, &notice);
                }
            }
        }
    };

    if current.is_submitted() {
        return html! { <Submitted key="submitted" quiz={quiz.clone()} attempt={current} /> };
    }

    let left = current.seconds_left(*now);
    let marked = current.marked();
    let unanswered = current.unanswered(total);
    let (open_text, marked_text) = review_text(&layout, &unanswered, &marked);
    let on_submit = {
        let (attempt, session, notice, reviewing) = (
            attempt.clone(),
            session.clone(),
            notice.clone(),
            reviewing.clone(),
        );
        Callback::from(move |_| {
            if let Some(mut a) = (*attempt).clone() {
                if a.submit(time::now(), false).is_ok() {
                    reviewing.set(false);
                    persist(&session, a, &attempt, &notice);
                }
            }
        })
    };
    html! {
        <section key="answering" class="runner" aria-label="答题">
            <h2>{ &quiz.title }</h2>
            <div class="runner-bar" role="status">
                <progress max={total.to_string()} value={answered.to_string()} aria-label="答题进度"></progress>
                { format!(" 已答 {answered} / {total}") }
                { left.map(|s| html! { <strong class={classes!("timer", (s < WARN_SECONDS).then_some("late"))}>{ format!(" 剩余 {:02}:{:02}", s / 60, s % 60) }</strong> }).unwrap_or_default() }
            </div>
            if left.is_some_and(|s| s < WARN_SECONDS) {
                <p class="notice warn" role="alert">{ "还剩不到 5 分钟。请抓紧检查，到时会自动交卷。" }</p>
            }
            { notice_box(notice.as_ref()) }
            <ol class="questions">
            { for layout.questions.iter().enumerate().map(|(shown, &pos)| {
                let q = &quiz.paper[pos];
                let given = current.answers.get(&pos).cloned();
                let is_marked = marked.contains(&pos);
                let mark = {
                    let (attempt, session, notice) = (attempt.clone(), session.clone(), notice.clone());
                    Callback::from(move |_| {
                        if let Some(mut a) = (*attempt).clone() {
                            if a.toggle_mark(pos).is_ok() {
                                persist(&session, a, &attempt, &notice);
                            }
                        }
                    })
                };
                let group = format!("q{pos}");
                let on_answer = {
                    let update = update.clone();
                    Callback::from(move |response| update(pos, response))
                };
                let body = answer_input(q, Some(&layout.options[pos]), given.as_ref(), &group, false, on_answer);
                html! {
                    <li key={pos} class={classes!("question", is_marked.then_some("marked"))} aria-label={format!("第 {} 题", shown + 1)}>
                        <p class="stem">{ format!("（{}，{} 分）", q.kind.label(), points_text(q.points)) }{ &q.stem }</p>
                        { body }
                        <label class="choice"><input type="checkbox" checked={is_marked} onchange={mark} />{ "标记，稍后检查" }</label>
                    </li>
                }
            }) }
            </ol>
            if *reviewing {
                <div class="card review-list" role="alertdialog" aria-label="交卷前检查" ref={review.clone()}>
                    <p>{ open_text }</p>
                    if let Some(m) = marked_text { <p>{ m }</p> }
                    <button class="primary" onclick={on_submit}>{ "确认交卷" }</button>
                    <button onclick={{ let r = reviewing.clone(); Callback::from(move |_| r.set(false)) }}>{ "继续答题" }</button>
                </div>
            } else {
                <button class="primary" onclick={{ let r = reviewing.clone(); Callback::from(move |_| r.set(true)) }}>{ "交卷" }</button>
            }
        </section>
    }
}
