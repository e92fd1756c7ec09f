//! 组卷与发放: the office's quizzes — made, previewed, changed until sent, copied, deleted —
//! and the package exported for cadres.

use crate::ui::prelude::*;

use super::answer_cards::AnswerCards;
use super::answer_codes::AnswerCodesView;
use super::card_scan::CardScan;
use super::quiz_form::{new_draft, QuizForm};
use super::quiz_preview::QuizPreview;
use super::DataProps;
use crate::exchange::envelope::FileKind;
use crate::quiz::builder::QuizDraft;
use crate::quiz::check_code::AnswerCodes;
use crate::quiz::paper::{points_text, NotEditable, Quiz, QuizMode};
use crate::session::{reporter, use_session};
use crate::store::schema::StoreName;
use crate::ui::export::{export_file, one_store};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

/// What is open above the list.
#[derive(Clone, PartialEq)]
enum Open {
    Nothing,
    /// The form, with what it starts from and the quiz it changes (if any).
    Form(QuizDraft, Option<Quiz>),
    Preview(Quiz),
    Codes(Quiz),
    /// A paper exam's answer cards: printing them, and reading them back.
    Cards(Quiz),
    Scan(Quiz),
}

#[function_component(QuizzesTab)]
pub fn quizzes_tab(props: &DataProps) -> Html {
    let session = use_session();
    let data = &props.data;
    let notice = use_state(|| None::<Notice>);
    let open = use_state(|| Open::Nothing);
    let confirm_delete = use_state(|| None::<uuid::Uuid>);
    let show = |what: Open| {
        let open = open.clone();
        Callback::from(move |_| open.set(what.clone()))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_| open.set(Open::Nothing))
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
    // The first export marks the quiz as sent: cadres may hold its paper from then on.
    let export_package = |quiz: Quiz| {
        let (session, notice) = (session.clone(), notice.clone());
        Callback::from(move |_| {
            let package = quiz.for_package();
            let records = one_store(StoreName::Quizzes, [&package]);
            match export_file(
                &session,
                FileKind::QuizPackage,
                &session.profile.name,
                records,
            ) {
                Ok(file) => {
                    let done = format!(
                        "已导出试卷包“{}”{}。请通过U盘或电子邮件发给参加测验的干部。",
                        file.name,
                        if quiz.mode == QuizMode::Exam {
                            "（考试卷，不含答案）"
                        } else {
                            "（练习卷，含答案和解析）"
                        }
                    );
                    match quiz.first_sent(time::now()) {
                        Some(sent) => session.save(vec![sent], reporter(&notice), done),
                        None => notice.set(Some(Notice::Success(done))),
                    }
                }
                Err(m) => notice.set(Some(Notice::Error(m))),
            }
        })
    };

    let opened = match &*open {
        Open::Nothing => Html::default(),
        Open::Form(start, editing) => html! {
            // Keyed, so that each opening starts from its own values.
            <QuizForm key={format!("{}{}", editing.as_ref().map(|q| q.meta.id.to_string()).unwrap_or_default(), start.title)} data={data.clone()} start={start.clone()}
                editing={editing.clone()} on_notice={reporter(&notice)} on_close={close.clone()} />
        },
        Open::Preview(quiz) => {
            html! { <QuizPreview quiz={quiz.clone()} on_close={close.clone()} /> }
        }
        Open::Codes(quiz) => html! {
            <AnswerCodesView quiz={quiz.clone()} data={data.clone()} on_close={close.clone()} />
        },
        Open::Cards(quiz) => {
            let people = data.cadres.iter().filter(|c| !c.retired).count();
            html! { <AnswerCards quiz={quiz.clone()} {people} on_close={close.clone()} /> }
        }
        Open::Scan(quiz) => html! {
            <CardScan quiz={quiz.clone()} data={data.clone()} on_close={close.clone()} />
        },
    };
    let row = |q: &Quiz| {
        let sheets = data
            .attempts
            .iter()
            .filter(|a| a.quiz_id == q.meta.id && a.is_submitted())
            .count();
        let editable = q.editable(&session.device, sheets);
        let mine = editable != Err(NotEditable::Received);
        let status = match (editable, q.sent_at) {
            (Err(NotEditable::Sent), Some(at)) => format!(
                "{} 生成，{} 导出试卷包",
                time::format_local(q.meta.created_at),
                time::format_local(at)
            ),
            _ => format!("{} 生成", time::format_local(q.meta.created_at)),
        };
        html! {
            <tr>
                <td>{ &q.title }<div class="note">{ status }</div></td>
                <td>{ if q.mode == QuizMode::Exam { "考试" } else { "练习" } }</td>
                <td>{ q.paper.len() }</td>
                <td>{ format!("{} / {}", points_text(q.total_points()), points_text(q.pass_mark)) }</td>
                <td>{ q.time_limit_minutes.map(|m| format!("{m} 分钟")).unwrap_or_else(|| "不限".into()) }</td>
                <td>{ q.closes.map(time::format_local).unwrap_or_else(|| "不限".into()) }</td>
                <td>{ sheets }</td>
                <td class="no-print actions">
                    <button onclick={show(Open::Preview(q.clone()))} aria-label={format!("预览 {}", q.title)}>{ "预览" }</button>
                    if mine {
                        if editable.is_ok() {
                            <button onclick={show(Open::Form(QuizDraft::of(q), Some(q.clone())))} aria-label={format!("修改 {}", q.title)}>{ "修改" }</button>
                        }
                        <button onclick={show(Open::Form(QuizDraft::copy_of(q), None))} aria-label={format!("复制 {}", q.title)}>{ "复制" }</button>
                        <button onclick={export_package(q.clone())} aria-label={format!("导出试卷包 {}", q.title)}>{ "导出试卷包" }</button>
                        if matches!(q.codes, AnswerCodes::Keyed { .. }) {
                            <button onclick={show(Open::Codes(q.clone()))} aria-label={format!("答题码 {}", q.title)}>{ "答题码" }</button>
                        }
                        if q.has_answer_key() {
                            <button onclick={show(Open::Cards(q.clone()))} aria-label={format!("打印答题卡 {}", q.title)}>{ "答题卡" }</button>
                            <button onclick={show(Open::Scan(q.clone()))} aria-label={format!("扫描答题卡 {}", q.title)}>{ "扫描答题卡" }</button>
                        }
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
                    if let Err(why @ (NotEditable::Sent | NotEditable::HasSheets)) = editable {
                        <div class="note">{ if why == NotEditable::Sent { "已发出，不能再修改（可复制后修改）" } else { "已收到答卷，不能再修改（可复制后修改）" } }</div>
                    }
                </td>
            </tr>
        }
    };
    let quizzes = data.live_quizzes();
    html! {
        <>
            { notice_box(notice.as_ref()) }
            <div class="toolbar no-print">
                <button class="primary" onclick={show(Open::Form(new_draft(), None))}>{ "新建测验" }</button>
            </div>
            { opened }
            // Printing a preview prints the paper alone.
            <table class={classes!("grid", matches!(*open, Open::Preview(_) | Open::Codes(_) | Open::Cards(_)).then_some("no-print"))} aria-label="测验列表">
                { crate::ui::table::head_with_actions(&["测验", "类型", "题数", "总分/及格", "时限", "截止", "已收答卷"], "操作") }
                <tbody>
                if quizzes.is_empty() { <tr><td colspan="8">{ "还没有测验。" }</td></tr> }
                { for quizzes.into_iter().map(row) }
                </tbody>
            </table>
        </>
    }
}
