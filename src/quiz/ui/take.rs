//! 参加测验: import a quiz package, confirm who you are, answer (every answer is saved as it is
//! given, so a closed or crashed browser resumes where it was), mark questions for review, see
//! what is unanswered, submit (or let the timer submit), and export the answer sheet.

use std::collections::BTreeSet;
use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::store::schema::StoreName;
use crate::ui::export::{export_file, one_store};

use super::DataProps;
use crate::data_admin::import_panel::ImportPanel;
use crate::exchange::envelope::FileKind;
use crate::quiz::answer::format_answer;
use crate::quiz::attempt::{Attempt, Respondent, Response};
use crate::quiz::grading::{grade, Verdict};
use crate::quiz::model::{option_letter, QuestionKind};
use crate::quiz::paper::{layout_for, points_text, Quiz, Reveal};
use crate::quiz::received::{my_attempt, state};
use crate::record::Meta;
use crate::session::{use_session, Session};
use crate::ui::notice::{Notice, NoticeBox};
use crate::ui::time;

#[function_component(TakeTab)]
pub fn take_tab(props: &DataProps) -> Html {
    let session = use_session();
    let data = &props.data;
    let open = use_state(|| None::<uuid::Uuid>);
    let me = Respondent {
        name: session.profile.name.clone(),
        unit: session.profile.unit.clone(),
    };
    let mine = |q: &Quiz| my_attempt(q, &data.attempts, &me).cloned();
    if let Some(id) = *open {
        if let Some(quiz) = data.quizzes.iter().find(|q| q.meta.id == id) {
            return html! {
                <>
                    <p class="no-print"><button onclick={{ let o = open.clone(); Callback::from(move |_| o.set(None)) }}>{ "← 返回测验列表" }</button></p>
                    <QuizRunner quiz={Rc::new(quiz.clone())} attempt={mine(quiz)} />
                </>
            };
        }
    }
    let quizzes = data.live_quizzes();
    html! {
        <>
            <section class="card no-print" aria-labelledby="pkg-h">
                <h2 id="pkg-h">{ "导入试卷包" }</h2>
                <p>{ "把秘书发来的试卷包文件（.json）导入后，就可以在下面的列表中开始答题。" }</p>
                <ImportPanel kind={FileKind::QuizPackage} label="选择试卷包（.json）" />
            </section>
            <table class="grid" aria-label="可参加的测验">
                <thead><tr><th scope="col">{ "测验" }</th><th scope="col">{ "题数" }</th><th scope="col">{ "时限" }</th><th scope="col">{ "截止" }</th><th scope="col">{ "我的状态" }</th><th scope="col">{ "操作" }</th></tr></thead>
                <tbody>
                if quizzes.is_empty() { <tr><td colspan="6">{ "还没有测验。请先导入试卷包。" }</td></tr> }
                { for quizzes.into_iter().map(|q| {
                    let attempt = mine(q);
                    let status = state(q, attempt.as_ref(), time::now()).label();
                    let id = q.meta.id;
                    let label = match &attempt { None => "开始答题", Some(a) if a.is_submitted() => "查看", Some(_) => "继续答题" };
                    html! {
                        <tr>
                            <td>{ &q.title }</td><td>{ q.paper.len() }</td>
                            <td>{ q.time_limit_minutes.map(|m| format!("{m} 分钟")).unwrap_or_else(|| "不限".into()) }</td>
                            <td>{ q.closes.map(time::format_local).unwrap_or_else(|| "不限".into()) }</td>
                            <td>{ status }</td>
                            <td><button onclick={{ let o = open.clone(); Callback::from(move |_| o.set(Some(id))) }} aria-label={format!("{label} {}", q.title)}>{ label }</button></td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct RunnerProps {
    quiz: Rc<Quiz>,
    attempt: Option<Attempt>,
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

#[function_component(QuizRunner)]
fn quiz_runner(props: &RunnerProps) -> Html {
    let session = use_session();
    let quiz = props.quiz.clone();
    let attempt = use_state(|| props.attempt.clone());
    let notice = use_state(|| None::<Notice>);
    let reviewing = use_state(|| false);
    let now = use_state(time::now);
    let name = use_state(|| session.profile.name.clone());
    let unit = use_state(|| session.profile.unit.clone());

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
            let (attempt, session, quiz, name, unit, notice) = (
                attempt.clone(),
                session.clone(),
                quiz.clone(),
                name.clone(),
                unit.clone(),
                notice.clone(),
            );
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let who = Respondent {
                    name: name.trim().to_string(),
                    unit: unit.trim().to_string(),
                };
                if who.name.is_empty() || who.unit.is_empty() {
                    notice.set(Some(Notice::Error("请填写姓名和单位。".into())));
                    return;
                }
                if !quiz.is_open(time::now()) {
                    notice.set(Some(Notice::Error(
                        "测验不在开放时间内，不能开始答题。".into(),
                    )));
                    return;
                }
                let a = Attempt::start(
                    Meta::unsaved(time::now()),
                    quiz.meta.id,
                    who,
                    time::now(),
                    quiz.time_limit_minutes,
                );
                persist(&session, a, &attempt, &notice);
            })
        };
        return html! {
            <form key="identity" class="form card" onsubmit={on_start} aria-label="确认身份">
                <h2>{ &quiz.title }</h2>
                <p>{ format!("共 {} 道题，总分 {}，及格 {}。{}", quiz.paper.len(), points_text(quiz.total_points()), points_text(quiz.pass_mark),
                    quiz.time_limit_minutes.map(|m| format!("限时 {m} 分钟，到时自动交卷。")).unwrap_or_default()) }</p>
                <p>{ "请确认您的身份，答卷上会写明：" }</p>
                <label>{ "姓名" }<input value={(*name).clone()} oninput={{ let n = name.clone(); Callback::from(move |e: InputEvent| n.set(e.target_unchecked_into::<HtmlInputElement>().value())) }} /></label>
                <label>{ "单位" }<input value={(*unit).clone()} oninput={{ let u = unit.clone(); Callback::from(move |e: InputEvent| u.set(e.target_unchecked_into::<HtmlInputElement>().value())) }} /></label>
                <NoticeBox notice={(*notice).clone()} />
                <button type="submit" class="primary">{ "确认并开始答题" }</button>
            </form>
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
        let export = {
            let (session, current, notice) = (session.clone(), current.clone(), notice.clone());
            Callback::from(move |_| {
                let records = one_store(StoreName::Attempts, [&current]);
                let who = current.respondent.name.clone();
                notice.set(Some(
                    match export_file(&session, FileKind::AnswerSheet, &who, records) {
                        Ok(file) => Notice::Success(format!(
                            "已导出答卷“{}”。请把它交给秘书（U盘或电子邮件）。",
                            file.name
                        )),
                        Err(m) => Notice::Error(m),
                    },
                ));
            })
        };
        let graded = quiz.has_answer_key().then(|| grade(&quiz, &current));
        return html! {
            <section key="submitted" class="card" aria-label="已交卷">
                <h2>{ format!("{}：已交卷", quiz.title) }</h2>
                <p>{ format!("交卷时间：{}。共答 {answered} / {total} 题。", current.submitted_at().map(time::format_local).unwrap_or_default()) }</p>
                <NoticeBox notice={(*notice).clone()} />
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
        };
    }

    let left = current.seconds_left(*now);
    let marked = current.marked();
    let unanswered = current.unanswered(total);
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
                { left.map(|s| html! { <strong class={classes!("timer", (s < 60).then_some("late"))}>{ format!(" 剩余 {:02}:{:02}", s / 60, s % 60) }</strong> }).unwrap_or_default() }
            </div>
            <NoticeBox notice={(*notice).clone()} />
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
                let body = match q.kind {
                    QuestionKind::Single | QuestionKind::Multiple => {
                        let chosen: BTreeSet<usize> = match &given { Some(Response::Choice(c)) => c.clone(), _ => BTreeSet::new() };
                        html! { <div>{ for layout.options[pos].iter().enumerate().map(|(k, &o)| {
                            let update = update.clone();
                            let single = q.kind == QuestionKind::Single;
                            let checked = chosen.contains(&o);
                            let chosen = chosen.clone();
                            let onchange = Callback::from(move |_| update(pos, Response::toggled(&chosen, o, single)));
                            let text = format!("{}. {}", option_letter(k), q.options[o]);
                            if single {
                                html! { <label class="choice block"><input type="radio" name={group.clone()} {checked} {onchange} />{ text }</label> }
                            } else {
                                html! { <label class="choice block"><input type="checkbox" {checked} {onchange} />{ text }</label> }
                            }
                        }) }</div> }
                    }
                    QuestionKind::TrueFalse => html! { <div>{ for [(true, "正确"), (false, "错误")].into_iter().map(|(v, label)| {
                        let update = update.clone();
                        let checked = given == Some(Response::TrueFalse(v));
                        html! { <label class="choice"><input type="radio" name={group.clone()} {checked} onchange={Callback::from(move |_| update(pos, Response::TrueFalse(v)))} />{ label }</label> }
                    }) }</div> },
                    QuestionKind::FillBlank => {
                        let values: Vec<String> = match &given { Some(Response::Blanks(b)) => b.clone(), _ => vec![] };
                        html! { <div>{ for (0..q.blanks.max(1)).map(|b| {
                            let update = update.clone();
                            let current = values.get(b).cloned().unwrap_or_default();
                            let values = values.clone();
                            let n = q.blanks.max(1);
                            let oninput = Callback::from(move |e: InputEvent| {
                                let mut next = values.clone();
                                next.resize(n, String::new());
                                next[b] = e.target_unchecked_into::<HtmlInputElement>().value();
                                update(pos, Response::Blanks(next));
                            });
                            html! { <label class="inline">{ format!("第 {} 空", b + 1) }<input value={current} {oninput} /></label> }
                        }) }</div> }
                    }
                    QuestionKind::ShortAnswer => {
                        let value = match &given { Some(Response::Text(t)) => t.clone(), _ => String::new() };
                        let update = update.clone();
                        html! { <label>{ "作答" }<textarea rows="4" {value} oninput={Callback::from(move |e: InputEvent| update(pos, Response::Text(e.target_unchecked_into::<HtmlTextAreaElement>().value())))} /></label> }
                    }
                };
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
                <div class="card review-list" role="alertdialog" aria-label="交卷前检查">
                    <p>{ if unanswered.is_empty() { "所有题目都已作答。".to_string() } else {
                        format!("还有 {} 题未作答：第 {} 题。", unanswered.len(),
                            layout.questions.iter().enumerate().filter(|(_, p)| unanswered.contains(p)).map(|(i, _)| (i + 1).to_string()).collect::<Vec<_>>().join("、"))
                    } }</p>
                    if !marked.is_empty() {
                        <p>{ format!("标记待查：第 {} 题。", layout.questions.iter().enumerate().filter(|(_, p)| marked.contains(p)).map(|(i, _)| (i + 1).to_string()).collect::<Vec<_>>().join("、")) }</p>
                    }
                    <button class="primary" onclick={on_submit}>{ "确认交卷" }</button>
                    <button onclick={{ let r = reviewing.clone(); Callback::from(move |_| r.set(false)) }}>{ "继续答题" }</button>
                </div>
            } else {
                <button class="primary" onclick={{ let r = reviewing.clone(); Callback::from(move |_| r.set(true)) }}>{ "交卷" }</button>
            }
        </section>
    }
}
