//! 导入答卷: many answer sheets at once, each checked (late, repeated, changed since imported,
//! over time, clock, who exported it, marks in the file) before anything is written. A changed
//! sheet is shown beside the copy already here, with both scores, for the secretary to choose.

use std::rc::Rc;

use crate::ui::prelude::*;

use super::QuizData;
use crate::quiz::attempt::Attempt;
use crate::quiz::grading::grade;
use crate::quiz::intake::files::{read_sheets, SheetRow, MAX_SHEET_BYTES};
use crate::quiz::intake::{Intake, SheetFlag};
use crate::quiz::paper::points_text;
use crate::record::Id;
use crate::session::{use_session, Batch};
use crate::sorted::SortedSet;
use crate::store::schema::StoreName;
use crate::ui::file_drop::{FileDrop, PickedFile};
use crate::ui::notice::Notice;

#[derive(Properties, PartialEq)]
pub struct SheetIntakeProps {
    pub data: Rc<QuizData>,
    pub report: Callback<Notice>,
    /// The quiz the sheets just taken in belong to, so the results show it.
    pub on_taken: Callback<Id>,
}

fn score_of(data: &QuizData, attempt: &Attempt) -> String {
    data.quizzes
        .iter()
        .find(|q| q.meta.id == attempt.quiz_id)
        .map(|q| format!("{} 分", points_text(grade(q, attempt).score)))
        .unwrap_or_default()
}

#[function_component(SheetIntake)]
pub fn sheet_intake(props: &SheetIntakeProps) -> Html {
    let session = use_session();
    let rows = use_state(|| None::<Rc<Vec<SheetRow>>>);
    // Changed sheets the secretary chose to take in place of the copy here, by row.
    let chosen = use_state(SortedSet::<usize>::new);

    let on_files = {
        let (rows, chosen, data) = (rows.clone(), chosen.clone(), props.data.clone());
        Callback::from(move |files: Vec<PickedFile>| {
            chosen.set(SortedSet::new());
            let files = files.into_iter().map(|f| (f.name, f.bytes)).collect();
            let read = read_sheets(files, &data.quizzes, &data.attempts, &data.cadres);
            rows.set(Some(Rc::new(read)));
        })
    };
    let on_too_large = {
        let report = props.report.clone();
        Callback::from(move |(name, _): (String, u64)| {
            report.emit(Notice::Error(format!(
                "“{name}”太大或无法读取，不像是答卷文件。"
            )))
        })
    };
    let taken: Vec<(usize, &Intake)> = rows
        .as_ref()
        .map(|rows| {
            rows.iter()
                .enumerate()
                .filter_map(|(i, r)| r.sheet.as_ref().ok().map(|s| (i, s)))
                .filter(|(i, s)| s.taken_by_default() || chosen.contains(i))
                .collect()
        })
        .unwrap_or_default();
    let on_confirm = {
        let sheets: Rc<Vec<Attempt>> = Rc::new(taken.iter().map(|(_, s)| s.to_store()).collect());
        let quiz = taken.last().map(|(_, s)| s.attempt.quiz_id);
        let (session, rows, report, on_taken) = (
            session.clone(),
            rows.clone(),
            props.report.clone(),
            props.on_taken.clone(),
        );
        Callback::from(move |_| {
            // The cadres' sheets, stored as they sent them (without marks, never touched as
            // this browser's edit); a sheet that cannot be written fails the whole intake.
            let mut batch = Batch::default();
            for sheet in sheets.iter() {
                batch.put_as_received(StoreName::Attempts, sheet);
            }
            let n = sheets.len();
            let (session, rows, report, on_taken) = (
                session.clone(),
                rows.clone(),
                report.clone(),
                on_taken.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match session.commit(batch).await {
                    Ok(()) => {
                        rows.set(None);
                        if let Some(quiz) = quiz {
                            on_taken.emit(quiz);
                        }
                        report.emit(Notice::Success(format!(
                            "已导入 {n} 份答卷，成绩已按本机试卷重新计算。"
                        )));
                    }
                    Err(message) => report.emit(Notice::Error(format!(
                        "答卷没有导入，本机数据没有改变。{message}"
                    ))),
                }
            });
        })
    };
    let preview = rows.as_ref().map(|list| {
        let row_view = |(i, r): (usize, &SheetRow)| {
            let (name, unit, state, odd) = match &r.sheet {
                Err(problem) => (String::new(), String::new(), html! { { problem } }, true),
                Ok(s) => {
                    let text = if s.flags.is_empty() {
                        "正常".to_string()
                    } else {
                        s.flags
                            .iter()
                            .map(|f| format!("{}{}", f.label(), if f.keeps() { "（仍导入）" } else { "（不导入）" }))
                            .collect::<Vec<_>>()
                            .join("；")
                    };
                    let choice = s.earlier.as_ref().filter(|_| s.flags.contains(&SheetFlag::ChangedSinceImport)).map(|earlier| {
                        let toggle = {
                            let chosen = chosen.clone();
                            Callback::from(move |_| {
                                let mut next = (*chosen).clone();
                                if !next.remove(&i) {
                                    next.insert(i);
                                }
                                chosen.set(next);
                            })
                        };
                        html! {
                            <div class="choice-pair">
                                <p>{ format!("已导入的：{}，{} 题作答；这份：{}，{} 题作答。",
                                    score_of(&props.data, earlier), earlier.answers.len(),
                                    score_of(&props.data, &s.attempt), s.attempt.answers.len()) }</p>
                                <label class="inline">
                                    <input type="checkbox" checked={chosen.contains(&i)} onchange={toggle} />
                                    { "用这份替换已导入的" }
                                </label>
                            </div>
                        }
                    });
                    let odd = !s.taken_by_default() || !s.flags.is_empty();
                    (
                        s.attempt.respondent.name.clone(),
                        s.attempt.respondent.unit.clone(),
                        html! { <>{ text }{ choice.unwrap_or_default() }</> },
                        odd,
                    )
                }
            };
            html! {
                <tr>
                    <td>{ &r.file }</td>
                    <td>{ name }</td>
                    <td>{ unit }</td>
                    <td class={classes!(odd.then_some("late"))}>{ state }</td>
                </tr>
            }
        };
        html! {
            <div class="preview" aria-label="答卷导入预览">
                <table class="grid">
                    <thead>
                        <tr>
                            <th scope="col">{ "文件" }</th>
                            <th scope="col">{ "姓名" }</th>
                            <th scope="col">{ "单位" }</th>
                            <th scope="col">{ "情况" }</th>
                        </tr>
                    </thead>
                    <tbody>{ for list.iter().enumerate().map(row_view) }</tbody>
                </table>
                <button class="primary" onclick={on_confirm} disabled={taken.is_empty()}>
                    { format!("确认导入 {} 份答卷", taken.len()) }
                </button>
                <button onclick={{ let rows = rows.clone(); Callback::from(move |_| rows.set(None)) }}>
                    { "取消" }
                </button>
            </div>
        }
    });
    html! {
        <section class="card no-print" aria-labelledby="sheets-h">
            <h2 id="sheets-h">{ "导入答卷" }</h2>
            <p>{ "可以一次选择多份答卷。成绩不取自文件，而是按本机试卷重新计算；文件中的给分不会采用。逾期、重复、超时、时间矛盾、不是本人导出或与已导入的不同的答卷会标出。" }</p>
            <FileDrop label="选择答卷文件（.json，可多选）" accept=".json,application/json" multiple=true
                max_bytes={MAX_SHEET_BYTES} {on_files} {on_too_large} />
            { preview.unwrap_or_default() }
        </section>
    }
}
