//! 组卷与发放: make a quiz (questions picked by hand and drawn by rules, points, pass mark,
//! time limit, dates, shuffling, what cadres see) and export its package for cadres.

use std::collections::HashSet;

use crate::choice::Choice;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::store::schema::StoreName;
use crate::ui::export::{export_file, one_store};

use super::DataProps;
use crate::exchange::envelope::FileKind;
use crate::quiz::bank::{filter, BankFilter};
use crate::quiz::builder::{build, QuizDraft, RuleDraft};
use crate::quiz::model::{Difficulty, QuestionKind};
use crate::quiz::paper::{points_text, Quiz, QuizMode, Reveal};
use crate::record::Meta;
use crate::session::reporter;
use crate::session::use_session;
use crate::ui::notice::{Notice, NoticeBox};
use crate::ui::time;

#[derive(Clone, PartialEq)]
struct Draft {
    title: String,
    mode: QuizMode,
    points_each: String,
    pass_mark: String,
    time_limit: String,
    opens: String,
    closes: String,
    shuffle_questions: bool,
    shuffle_options: bool,
    reveal: Reveal,
    /// Hand-picked questions with their own points ("" = the default 每题分值).
    picked: Vec<(uuid::Uuid, String)>,
    rules: Vec<RuleDraft>,
    search: String,
}

/// A `datetime-local` value in the browser's time zone, as UTC.
fn local_input(value: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    crate::local_time::parse_datetime_input(value).map(time::from_local)
}

#[function_component(QuizzesTab)]
pub fn quizzes_tab(props: &DataProps) -> Html {
    let session = use_session();
    let data = &props.data;
    let notice = use_state(|| None::<Notice>);
    let building = use_state(|| false);
    // What is wrong with the draft, shown beside the button that found it.
    let build_error = use_state(|| None::<String>);
    let confirm_delete = use_state(|| None::<uuid::Uuid>);
    let draft = use_state(|| Draft {
        title: format!(
            "{}年作风建设测验",
            chrono::Datelike::year(&time::local_now())
        ),
        mode: QuizMode::Exam,
        points_each: "5".into(),
        pass_mark: String::new(),
        time_limit: "30".into(),
        opens: String::new(),
        closes: String::new(),
        shuffle_questions: true,
        shuffle_options: true,
        reveal: Reveal::ScoreOnly,
        picked: vec![],
        rules: vec![],
        search: String::new(),
    });
    let text = |set: fn(&mut Draft, String)| crate::ui::form::on_input(&draft, set);
    let changed = |set: fn(&mut Draft, String)| crate::ui::form::on_change(&draft, set);
    let toggle = |set: fn(&mut Draft)| {
        let draft = draft.clone();
        Callback::from(move |_| {
            let mut next = (*draft).clone();
            set(&mut next);
            draft.set(next);
        })
    };

    let on_build = {
        let build_error = build_error.clone();
        let (session, draft, notice, building, bank) = (
            session.clone(),
            draft.clone(),
            notice.clone(),
            building.clone(),
            data.questions.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let d = (*draft).clone();
            let wanted = QuizDraft {
                title: d.title,
                mode: d.mode,
                points_each: d.points_each,
                pass_mark: d.pass_mark,
                time_limit: d.time_limit,
                opens: local_input(&d.opens),
                closes: local_input(&d.closes),
                shuffle_questions: d.shuffle_questions,
                shuffle_options: d.shuffle_options,
                reveal: d.reveal,
                picked: d.picked,
                rules: d.rules,
            };
            // Below 2^53, so the seed survives JSON in every browser unchanged.
            let seed = (js_sys::Date::now() as u64 ^ 0x5eed) & ((1 << 53) - 1);
            let meta = Meta::unsaved(time::now());
            let quiz = match build(&wanted, &bank, meta, &session.device, seed) {
                Ok(quiz) => quiz,
                Err(e) => return build_error.set(Some(e.user_message())),
            };
            build_error.set(None);
            let done = format!(
                "已生成测验“{}”：{} 道题，总分 {}。",
                quiz.title,
                quiz.paper.len(),
                points_text(quiz.total_points())
            );
            building.set(false);
            session.save(vec![quiz], reporter(&notice), done);
        })
    };

    // Deleting is an edit like any other (the quiz is marked, not erased): it travels in
    // backups, and the sheets already taken in stay stored.
    let remove = |quiz: Quiz| {
        let (session, notice, confirm_delete) =
            (session.clone(), notice.clone(), confirm_delete.clone());
        Callback::from(move |_| {
            let mut gone = quiz.clone();
            gone.deleted = true;
            confirm_delete.set(None);
            session.save(
                vec![gone],
                reporter(&notice),
                format!("已删除测验“{}”。", quiz.title),
            );
        })
    };
    let export_package = |quiz: Quiz| {
        let (session, notice) = (session.clone(), notice.clone());
        Callback::from(move |_| {
            let package = quiz.for_package();
            let records = one_store(StoreName::Quizzes, [&package]);
            notice.set(Some(
                match export_file(
                    &session,
                    FileKind::QuizPackage,
                    &session.profile.name,
                    records,
                ) {
                    Ok(file) => Notice::Success(format!(
                        "已导出试卷包“{}”{}。请通过U盘或电子邮件发给参加测验的干部。",
                        file.name,
                        if quiz.mode == QuizMode::Exam {
                            "（考试卷，不含答案）"
                        } else {
                            "（练习卷，含答案和解析）"
                        }
                    )),
                    Err(m) => Notice::Error(m),
                },
            ));
        })
    };

    let d = &*draft;
    let search = BankFilter {
        text: d.search.clone(),
        ..Default::default()
    };
    let candidates: Vec<_> = filter(&data.questions, &search)
        .into_iter()
        .take(200)
        .collect();
    let picked: HashSet<uuid::Uuid> = d.picked.iter().map(|(id, _)| *id).collect();
    let categories = Quiz::categories(&data.questions);
    let builder = html! {
        <form class="form card" onsubmit={on_build} aria-label="组卷">
            <h2>{ "组卷" }</h2>
            <label>{ "测验名称" }<input value={d.title.clone()} oninput={text(|d, v| d.title = v)} /></label>
            <fieldset><legend>{ "类型" }</legend>
                <label class="choice"><input type="radio" name="mode" checked={d.mode == QuizMode::Exam} onchange={toggle(|d| d.mode = QuizMode::Exam)} />{ "考试（试卷包不含答案）" }</label>
                <label class="choice"><input type="radio" name="mode" checked={d.mode == QuizMode::Practice} onchange={toggle(|d| d.mode = QuizMode::Practice)} />{ "练习（含答案和解析）" }</label>
            </fieldset>
            <label class="inline">{ "每题分值" }<input value={d.points_each.clone()} oninput={text(|d, v| d.points_each = v)} size="5" /></label>
            <label class="inline">{ "及格分" }<input value={d.pass_mark.clone()} oninput={text(|d, v| d.pass_mark = v)} size="8" placeholder="总分的60%" /></label>
            <label class="inline">{ "时间限制（分钟）" }<input value={d.time_limit.clone()} oninput={text(|d, v| d.time_limit = v)} size="5" /></label>
            <label class="inline">{ "开放时间" }<input type="datetime-local" value={d.opens.clone()} onchange={changed(|d, v| d.opens = v)} /></label>
            <label class="inline">{ "截止时间" }<input type="datetime-local" value={d.closes.clone()} onchange={changed(|d, v| d.closes = v)} /></label>
            <div>
                <label class="choice"><input type="checkbox" checked={d.shuffle_questions} onchange={toggle(|d| d.shuffle_questions = !d.shuffle_questions)} />{ "每人题目顺序不同" }</label>
                <label class="choice"><input type="checkbox" checked={d.shuffle_options} onchange={toggle(|d| d.shuffle_options = !d.shuffle_options)} />{ "每人选项顺序不同" }</label>
                <label class="choice"><input type="checkbox" checked={d.reveal == Reveal::AnswersAndExplanations}
                    onchange={toggle(|d| d.reveal = if d.reveal == Reveal::ScoreOnly { Reveal::AnswersAndExplanations } else { Reveal::ScoreOnly })} />{ "交卷后可看正确答案和解析（练习卷）" }</label>
            </div>
            <fieldset><legend>{ format!("手工选题（已选 {} 道）", d.picked.len()) }</legend>
                <label class="inline">{ "搜索试题" }<input type="search" value={d.search.clone()} oninput={text(|d, v| d.search = v)} /></label>
                <div class="pick-list">
                { for candidates.iter().map(|q| {
                    let id = q.meta.id;
                    let checked = picked.contains(&id);
                    let short: String = q.stem.chars().take(40).collect();
                    let onchange = {
                        let draft = draft.clone();
                        Callback::from(move |_| {
                            let mut next = (*draft).clone();
                            if checked { next.picked.retain(|(p, _)| *p != id) } else { next.picked.push((id, String::new())) }
                            draft.set(next);
                        })
                    };
                    let own = d.picked.iter().find(|(p, _)| *p == id).map(|(_, v)| v.clone()).unwrap_or_default();
                    let on_points = {
                        let draft = draft.clone();
                        Callback::from(move |e: Event| {
                            let mut next = (*draft).clone();
                            if let Some(slot) = next.picked.iter_mut().find(|(p, _)| *p == id) {
                                slot.1 = crate::ui::form::field_value(&e);
                            }
                            draft.set(next);
                        })
                    };
                    html! {
                        <div class="pick">
                            <label class="choice block"><input type="checkbox" {checked} {onchange} />{ format!("【{}】{short}", q.kind.label()) }</label>
                            if checked {
                                <label class="inline">{ "分值" }<input size="4" value={own} placeholder={d.points_each.clone()} onchange={on_points} aria-label={format!("分值 {short}")} /></label>
                            }
                        </div>
                    }
                }) }
                </div>
            </fieldset>
            <fieldset><legend>{ "随机抽题规则" }</legend>
                { for d.rules.iter().enumerate().map(|(i, RuleDraft { count, kind, category, difficulty, points })| {
                    let set = |f: fn(&mut RuleDraft, String)| {
                        let draft = draft.clone();
                        Callback::from(move |e: Event| {
                            let value = match e.target_dyn_into::<HtmlSelectElement>() { Some(s) => s.value(), None => e.target_unchecked_into::<HtmlInputElement>().value() };
                            let mut next = (*draft).clone();
                            if let Some(r) = next.rules.get_mut(i) { f(r, value) }
                            draft.set(next);
                        })
                    };
                    html! {
                        <div class="rule" role="group" aria-label={format!("抽题规则 {}", i + 1)}>
                            <label class="inline">{ "题数" }<input value={count.clone()} onchange={set(|r, v| r.count = v)} size="4" /></label>
                            <label class="inline">{ "题型" }<select onchange={set(|r, v| r.kind = QuestionKind::from_label(&v))}>
                                <option selected={kind.is_none()}>{ "不限" }</option>
                                { for QuestionKind::ALL.iter().map(|k| html! { <option selected={*kind == Some(*k)}>{ k.label() }</option> }) }
                            </select></label>
                            <label class="inline">{ "分类" }<select onchange={set(|r, v| r.category = v)}>
                                <option value="" selected={category.is_empty()}>{ "不限" }</option>
                                { for categories.iter().map(|c| html! { <option selected={c == category}>{ c }</option> }) }
                            </select></label>
                            <label class="inline">{ "难度" }<select onchange={set(|r, v| r.difficulty = Difficulty::from_label(&v))}>
                                <option selected={difficulty.is_none()}>{ "不限" }</option>
                                { for Difficulty::ALL.iter().map(|d| html! { <option selected={*difficulty == Some(*d)}>{ d.label() }</option> }) }
                            </select></label>
                            <label class="inline">{ "每题分值" }<input value={points.clone()} onchange={set(|r, v| r.points = v)} size="4" /></label>
                            <button type="button" onclick={{ let draft = draft.clone(); Callback::from(move |_| { let mut n = (*draft).clone(); n.rules.remove(i); draft.set(n); }) }}>{ "删除规则" }</button>
                        </div>
                    }
                }) }
                <button type="button" onclick={{ let draft = draft.clone(); Callback::from(move |_: MouseEvent| {
                    let mut next = (*draft).clone();
                    let points = next.points_each.clone();
                    next.rules.push(RuleDraft { count: "10".into(), kind: None, category: String::new(), difficulty: None, points });
                    draft.set(next);
                }) }}>{ "添加抽题规则" }</button>
            </fieldset>
            if let Some(m) = &*build_error { <div class="notice error" role="alert"><p>{ m }</p></div> }
            <button type="submit" class="primary">{ "生成测验" }</button>
            <button type="button" onclick={{ let b = building.clone(); Callback::from(move |_| b.set(false)) }}>{ "取消" }</button>
        </form>
    };
    html! {
        <>
            <NoticeBox notice={(*notice).clone()} />
            <div class="toolbar no-print">
                <button class="primary" onclick={{ let b = building.clone(); Callback::from(move |_| b.set(true)) }}>{ "新建测验" }</button>
            </div>
            if *building { { builder } }
            <table class="grid" aria-label="测验列表">
                <thead><tr><th scope="col">{ "测验" }</th><th scope="col">{ "类型" }</th><th scope="col">{ "题数" }</th><th scope="col">{ "总分/及格" }</th>
                    <th scope="col">{ "时限" }</th><th scope="col">{ "截止" }</th><th scope="col">{ "已收答卷" }</th><th scope="col" class="no-print">{ "操作" }</th></tr></thead>
                <tbody>
                if data.live_quizzes().is_empty() { <tr><td colspan="8">{ "还没有测验。" }</td></tr> }
                { for data.live_quizzes().into_iter().map(|q| {
                    let sheets = data.attempts.iter().filter(|a| a.quiz_id == q.meta.id && a.is_submitted()).count();
                    let mine = q.has_answer_key();
                    html! {
                        <tr>
                            <td>{ &q.title }<div class="note">{ format!("{} 生成", time::format_local(q.meta.created_at)) }</div></td>
                            <td>{ if q.mode == QuizMode::Exam { "考试" } else { "练习" } }</td>
                            <td>{ q.paper.len() }</td>
                            <td>{ format!("{} / {}", points_text(q.total_points()), points_text(q.pass_mark)) }</td>
                            <td>{ q.time_limit_minutes.map(|m| format!("{m} 分钟")).unwrap_or_else(|| "不限".into()) }</td>
                            <td>{ q.closes.map(time::format_local).unwrap_or_else(|| "不限".into()) }</td>
                            <td>{ sheets }</td>
                            <td class="no-print">
                                if mine {
                                    <button onclick={export_package(q.clone())} aria-label={format!("导出试卷包 {}", q.title)}>{ "导出试卷包" }</button>
                                } else {
                                    <span class="hint">{ "收到的试卷包" }</span>
                                }
                                if *confirm_delete == Some(q.meta.id) {
                                    <button class="danger" onclick={remove(q.clone())}>{ if sheets > 0 { format!("确认删除（连同 {sheets} 份答卷的成绩不再显示）") } else { "确认删除".to_string() } }</button>
                                    <button onclick={{ let c = confirm_delete.clone(); Callback::from(move |_| c.set(None)) }}>{ "取消" }</button>
                                } else {
                                    <button class="danger" aria-label={format!("删除 {}", q.title)}
                                        onclick={{ let (c, id) = (confirm_delete.clone(), q.meta.id); Callback::from(move |_| c.set(Some(id))) }}>{ "删除" }</button>
                                }
                            </td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </>
    }
}
