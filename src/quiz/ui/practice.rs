//! 自学练习 and 错题本: draw questions by category or from one's own mistakes, answer, see at
//! once whether it was right and the 解析; wrong answers go into the book until answered right
//! twice in a row.

use crate::ui::prelude::*;
use web_sys::HtmlSelectElement;

use super::answer_input::answer_input;

use super::DataProps;
use crate::quiz::attempt::{Respondent, Response};
use crate::quiz::paper::{PaperQuestion, Quiz};
use crate::quiz::practice::{
    answer_text, draw, practice_pool, record, Checked, Mistake, PracticeSession, Round,
};
use crate::record::Meta;
use crate::session::reporter;
use crate::session::use_session;
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

#[function_component(PracticeTab)]
pub fn practice_tab(props: &DataProps) -> Html {
    let session = use_session();
    let data = &props.data;
    let me = Respondent {
        name: session.profile.name.clone(),
        unit: session.profile.unit.clone(),
    };
    let round = use_state(|| None::<Round>);
    let category = use_state(String::new);
    let notice = use_state(|| None::<Notice>);
    let pool = practice_pool(&data.questions, &data.quizzes);
    let categories: Vec<(uuid::Uuid, String)> = data
        .questions
        .iter()
        .map(|q| (q.meta.id, q.category.clone()))
        .collect();
    let mistakes: Vec<&Mistake> = data
        .mistakes
        .iter()
        .filter(|m| m.person == me && m.is_open())
        .collect();

    let start = |from_book: bool| {
        let (round, category, notice, pool, categories) = (
            round.clone(),
            category.clone(),
            notice.clone(),
            pool.clone(),
            categories.clone(),
        );
        let book: Vec<PaperQuestion> = mistakes.iter().map(|m| m.question.clone()).collect();
        Callback::from(move |_| {
            let seed = js_sys::Date::now() as u64;
            let items = if from_book {
                draw(&book, &[], None, 10, seed)
            } else {
                draw(
                    &pool,
                    &categories,
                    (!category.is_empty()).then_some(category.as_str()),
                    10,
                    seed,
                )
            };
            let Some(new) = Round::new(items) else {
                notice.set(Some(Notice::Error(if from_book {
                    "错题本是空的。".into()
                } else {
                    "没有可练习的题目：请先导入题库或练习卷。".into()
                })));
                return;
            };
            notice.set(None);
            round.set(Some(new));
        })
    };

    let Some(r) = (*round).clone() else {
        let cats = Quiz::categories(&data.questions);
        return html! {
            <>
                { notice_box(notice.as_ref()) }
                <section class="card" aria-labelledby="practice-h">
                    <h2 id="practice-h">{ "自学练习" }</h2>
                    <p>{ format!("可练习的题目 {} 道（本机题库和收到的练习卷）。每次随机抽 10 道，答完立即显示对错和解析。", pool.len()) }</p>
                    <label class="inline">{ "分类" }
                        <select onchange={{ let c = category.clone(); Callback::from(move |e: Event| c.set(e.target_unchecked_into::<HtmlSelectElement>().value())) }}>
                            <option value="" selected={category.is_empty()}>{ "全部（随机）" }</option>
                            { for cats.iter().map(|c| html! { <option selected={*c == *category}>{ c }</option> }) }
                        </select>
                    </label>
                    <button class="primary" onclick={start(false)}>{ "开始练习" }</button>
                </section>
                <section class="card" aria-labelledby="book-h">
                    <h2 id="book-h">{ format!("错题本（{} 道）", mistakes.len()) }</h2>
                    <p>{ "答错的题会记在这里，连续答对两次后移出。" }</p>
                    <button onclick={start(true)} disabled={mistakes.is_empty()}>{ "只练错题" }</button>
                    <ol>{ for mistakes.iter().map(|m| html! {
                        <li>{ format!("{}（答错 {} 次，已连续答对 {} 次）", m.question.stem.chars().take(40).collect::<String>(), m.wrong_count, m.right_streak) }</li>
                    }) }</ol>
                </section>
            </>
        };
    };

    let Some(q) = r.current().cloned() else {
        let (total, correct) = r.score();
        return html! {
            <section key="done" class="card" aria-label="练习完成">
                <h2>{ "本次练习完成" }</h2>
                <p class="score">{ format!("共 {total} 题，答对 {correct} 题。") }</p>
                <button class="primary" onclick={{ let round = round.clone(); Callback::from(move |_| round.set(None)) }}>{ "返回" }</button>
            </section>
        };
    };

    let set_response = {
        let round = round.clone();
        Callback::from(move |resp: Response| {
            if let Some(mut next) = (*round).clone() {
                next.answer(resp);
                round.set(Some(next));
            }
        })
    };
    let on_check = {
        let (round, session, notice, existing, me) = (
            round.clone(),
            session.clone(),
            notice.clone(),
            data.mistakes.clone(),
            me.clone(),
        );
        Callback::from(move |_| {
            let Some(mut next) = (*round).clone() else {
                return;
            };
            let Some(Checked {
                question: q,
                right,
                finished,
            }) = next.check()
            else {
                return;
            };
            let now = time::now();
            let old = existing
                .iter()
                .find(|m| m.person == me && m.question_id == q.question_id);
            if let Some(m) = record(old, &me, &q, right, &session.device, now) {
                session.save_stamped(vec![m], reporter(&notice), "");
            }
            if let Some((answered, correct)) = finished {
                let log = PracticeSession {
                    meta: Meta::unsaved(now),
                    person: me.clone(),
                    on: time::local_now().date(),
                    answered,
                    correct,
                };
                session.save(vec![log], reporter(&notice), "");
            }
            round.set(Some(next));
        })
    };
    let on_next = {
        let round = round.clone();
        Callback::from(move |_| {
            if let Some(mut next) = (*round).clone() {
                next.next();
                round.set(Some(next));
            }
        })
    };
    html! {
        <section key="practice" class="card practice" aria-label="练习">
            <p>{ format!("第 {} / {} 题", r.place().0, r.place().1) }</p>
            <p class="stem">{ format!("（{}）", q.kind.label()) }{ &q.stem }</p>
            { answer_input(&q, None, r.response(), "practice", r.feedback().is_some(), set_response) }
            { match r.feedback() {
                None => html! { <button class="primary" onclick={on_check} disabled={r.response().is_none()}>{ "提交答案" }</button> },
                Some(right) => html! {
                    <div class={classes!("notice", if right { "success" } else { "error" })} role="status">
                        <p><strong>{ if right { "回答正确" } else { "回答错误" } }</strong>{ format!("。正确答案：{}", answer_text(&q)) }</p>
                        if let Some(e) = q.explanation.as_ref().filter(|e| !e.is_empty()) { <p>{ format!("解析：{e}") }</p> }
                        <button class="primary" onclick={on_next}>{ if r.is_last() { "查看结果" } else { "下一题" } }</button>
                    </div>
                },
            } }
        </section>
    }
}
