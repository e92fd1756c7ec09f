//! 阅卷与分析: take in many answer sheets at once (each flagged if late, repeated or for another
//! quiz), recompute every score from this browser's own paper, mark 简答 answers, and show
//! results, who has not submitted, per-question statistics and the score distribution.

use crate::ui::prelude::*;
use web_sys::HtmlSelectElement;

use crate::quiz::handed_in::not_handed_in;
use crate::ui::collate::pinyin_ranks;

use super::histogram::histogram;
use super::marking::MarkRow;
use super::sheet_intake::SheetIntake;
use super::DataProps;
use crate::exchange::table::csv_text;
use crate::office::xlsx;
use crate::quiz::attempt::Attempt;
use crate::quiz::grading::{
    distribution, grade, question_stats, score_table, Graded, MIN_SHEETS_FOR_DISCRIMINATION,
};
use crate::quiz::model::QuestionKind;
use crate::quiz::paper::{points_text, Quiz};
use crate::session::reporter;
use crate::session::use_session;
use crate::ui::download::{save_office, save_text, XLSX};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

#[derive(Clone, Copy, PartialEq)]
enum SortBy {
    Name,
    Unit,
    Score,
    Submitted,
}

#[function_component(ResultsTab)]
pub fn results_tab(props: &DataProps) -> Html {
    let session = use_session();
    let data = &props.data;
    let own: Vec<&Quiz> = data
        .live_quizzes()
        .into_iter()
        .filter(|q| q.has_answer_key())
        .collect();
    let selected = use_state(|| own.first().map(|q| q.meta.id));
    let notice = use_state(|| None::<Notice>);
    let sort = use_state(|| (SortBy::Score, true));
    let on_taken = {
        let selected = selected.clone();
        Callback::from(move |quiz: uuid::Uuid| selected.set(Some(quiz)))
    };

    let quiz = selected.and_then(|id| own.iter().find(|q| q.meta.id == id).copied());
    let results = match quiz {
        None => html! { <p>{ "还没有本机组卷的测验。" }</p> },
        Some(quiz) => results_view(quiz, data, &sort, &session, &notice),
    };
    html! {
        <>
            { notice_box(notice.as_ref()) }
            <SheetIntake data={data.clone()} report={reporter(&notice)} {on_taken} />
            <label class="inline no-print">{ "测验" }
                <select onchange={{ let s = selected.clone(); Callback::from(move |e: Event| s.set(uuid::Uuid::parse_str(&e.target_unchecked_into::<HtmlSelectElement>().value()).ok())) }}>
                    { for own.iter().map(|q| html! { <option value={q.meta.id.to_string()} selected={*selected == Some(q.meta.id)}>{ &q.title }</option> }) }
                </select>
            </label>
            { results }
        </>
    }
}

fn results_view(
    quiz: &Quiz,
    data: &super::QuizData,
    sort: &UseStateHandle<(SortBy, bool)>,
    session: &crate::session::Session,
    notice: &UseStateHandle<Option<Notice>>,
) -> Html {
    let attempts: Vec<&Attempt> = data
        .attempts
        .iter()
        .filter(|a| a.quiz_id == quiz.meta.id && a.is_submitted())
        .collect();
    let graded: Vec<Graded> = attempts.iter().map(|a| grade(quiz, a)).collect();
    let mut order: Vec<usize> = (0..attempts.len()).collect();
    let (by, desc) = **sort;
    // Names and units in pinyin order, as the browser's collator has it.
    let ranks = match by {
        SortBy::Name => pinyin_ranks(attempts.iter().map(|a| a.respondent.name.as_str())),
        SortBy::Unit => pinyin_ranks(attempts.iter().map(|a| a.respondent.unit.as_str())),
        _ => Default::default(),
    };
    let rank = |text: &str| ranks.get(text).copied().unwrap_or(0);
    crate::order::sort_by(&mut order, |&i| {
        use crate::order::Key;
        let a = attempts[i];
        match by {
            SortBy::Name => Key::int(rank(&a.respondent.name)),
            SortBy::Unit => Key::int(rank(&a.respondent.unit)),
            SortBy::Score => Key::int(i64::from(graded[i].score)),
            SortBy::Submitted => Key::int(a.submitted_at().map_or(i64::MIN, crate::order::moment)),
        }
    });
    if desc {
        order.reverse();
    }
    let header = |label: &str, key: SortBy| {
        let sort = sort.clone();
        let arrow = if by == key {
            if desc {
                " ▼"
            } else {
                " ▲"
            }
        } else {
            ""
        };
        html! { <th scope="col"><button class="link" onclick={Callback::from(move |_| sort.set((key, if sort.0 == key { !sort.1 } else { true })))}>{ format!("{label}{arrow}") }</button></th> }
    };
    let missing: Vec<String> = not_handed_in(&data.cadres, &attempts)
        .into_iter()
        .map(|c| format!("{}（{}）", c.name, c.unit))
        .collect();
    let stats = question_stats(quiz, &attempts, &graded);
    let bands = distribution(&graded);
    let passed = graded.iter().filter(|g| g.passed).count();
    let rows = score_table::rows(&attempts, &graded, &order, time::format_local);
    // The sheet names its quiz, the marks it is scored against, and the day it was made.
    let sheet =
        xlsx::Sheet::new("成绩", &format!("{}成绩表", quiz.title), rows.clone()).line(format!(
            "总分 {}，及格分 {}；已收答卷 {} 份，及格 {passed} 人",
            points_text(quiz.total_points()),
            points_text(quiz.pass_mark),
            attempts.len()
        ));
    let export = |excel: bool| {
        let (rows, sheet, notice, title) = (
            rows.clone(),
            sheet.clone(),
            notice.clone(),
            quiz.title.clone(),
        );
        Callback::from(move |_| {
            let result = if excel {
                save_office(&format!("{title}-成绩.xlsx"), XLSX, xlsx::workbook(&sheet))
            } else {
                save_text(&format!("{title}-成绩.csv"), "text/csv", &csv_text(&rows))
            };
            notice.set(Some(match result {
                Ok(()) => Notice::Success(format!(
                    "已导出成绩表（{} 人），文件在浏览器的下载文件夹中。",
                    rows.len().saturating_sub(1)
                )),
                Err(m) => Notice::Error(m),
            }));
        })
    };
    let short: Vec<usize> = quiz
        .paper
        .iter()
        .enumerate()
        .filter(|(_, q)| q.kind == QuestionKind::ShortAnswer)
        .map(|(i, _)| i)
        .collect();
    html! {
        <article class="results" aria-label="成绩">
            <h2>{ format!("{}：成绩", quiz.title) }</h2>
            <p>{ format!("已收答卷 {} 份，及格 {passed} 人；总分 {}，及格分 {}。", attempts.len(), points_text(quiz.total_points()), points_text(quiz.pass_mark)) }</p>
            <div class="toolbar no-print">
                <button onclick={export(false)}>{ "导出成绩 CSV" }</button>
                <button onclick={export(true)}>{ "导出成绩 Excel" }</button>
                { crate::ui::form::print_button("打印") }
            </div>
            <table class="grid" aria-label="成绩表">
                <thead><tr>{ header("姓名", SortBy::Name) }{ header("单位", SortBy::Unit) }{ header("得分", SortBy::Score) }<th scope="col">{ "结果" }</th><th scope="col">{ "待阅" }</th>{ header("交卷时间", SortBy::Submitted) }</tr></thead>
                <tbody>
                if attempts.is_empty() { <tr><td colspan="6">{ "还没有收到答卷。" }</td></tr> }
                { for order.iter().map(|&i| html! {
                    <tr>
                        <td>{ &attempts[i].respondent.name }</td><td>{ &attempts[i].respondent.unit }</td>
                        <td>{ points_text(graded[i].score) }</td>
                        <td class={classes!((!graded[i].passed).then_some("late"))}>{ score_table::passed_text(&graded[i]) }</td>
                        <td>{ if graded[i].pending > 0 { graded[i].pending.to_string() } else { String::new() } }</td>
                        <td class="nowrap">{ score_table::submitted_text(attempts[i], time::format_local) }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            <h3>{ format!("名册中未交卷：{} 人", missing.len()) }</h3>
            <p class="pre">{ if missing.is_empty() { "无".to_string() } else { missing.join("、") } }</p>
            <h3>{ "成绩分布" }</h3>
            { histogram(&bands) }
            <h3>{ "逐题分析" }</h3>
            <p>{ format!("正确率按作答的人计算。区分度是总分前 27% 的人与后 27% 的人在这道题上的正确率之差：越接近 1，越能把掌握好的和没掌握的分开；接近 0 或为负，说明这道题可能有歧义。至少 {MIN_SHEETS_FOR_DISCRIMINATION} 份答卷才计算。") }</p>
            <table class="grid" aria-label="逐题分析">
                { crate::ui::table::head(&["题号", "题干", "作答人数", "正确率", "区分度", "最多人选的错误选项"]) }
                <tbody>{ for stats.iter().map(|s| html! {
                    <tr>
                        <td>{ s.position + 1 }</td>
                        <td>{ quiz.paper[s.position].stem.chars().take(30).collect::<String>() }</td>
                        <td>{ s.answered }</td>
                        <td>{ s.correct_rate.map(|r| format!("{:.0}%", r * 100.0)).unwrap_or_else(|| "无人作答".into()) }</td>
                        <td>{ s.discrimination.map(|d| format!("{d:.2}")).unwrap_or_else(|| "份数太少".into()) }</td>
                        <td>{ s.top_wrong.as_ref().map(|(w, n)| format!("{}（{n} 人）", score_table::wrong_text(&quiz.paper[s.position], w))).unwrap_or_default() }</td>
                    </tr>
                }) }</tbody>
            </table>
            if !short.is_empty() && !attempts.is_empty() {
                <h3 class="no-print">{ "简答题阅卷" }</h3>
                { for short.iter().map(|&pos| html! {
                    <section class="card no-print marking" aria-label={format!("阅卷 第 {} 题", pos + 1)}>
                        <p><strong>{ format!("第 {} 题（{} 分）：", pos + 1, points_text(quiz.paper[pos].points)) }</strong>{ &quiz.paper[pos].stem }</p>
                        { for attempts.iter().map(|a| html! { <MarkRow attempt={(*a).clone()} position={pos} max={quiz.paper[pos].points} notice={notice.clone()} session_key={session.device.0.clone()} /> }) }
                    </section>
                }) }
            }
        </article>
    }
}
