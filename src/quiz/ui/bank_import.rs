//! Importing questions from the files offices have (Excel, CSV, GIFT, Aiken, Word text): the
//! file read and checked, a preview with every problem by line, what to do with repeats, and
//! a message saying what the import did.

use std::rc::Rc;

use crate::ui::prelude::*;

use super::DataProps;
use crate::quiz::answer::format_answer;
use crate::quiz::bank::{duplicates, plan_import, DuplicateAction};
use crate::quiz::import::table::template_csv;
use crate::quiz::import::{
    parse_file, parse_sheet_rows, QuestionFileError, QuestionFormat, QuestionImport,
};
use crate::session::{reporter, use_session, Batch};
use crate::store::schema::StoreName;
use crate::ui::download::save_text;
use crate::ui::file_drop::{FileDrop, PickedFile};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

/// Why a question file was not taken, named.
fn refused(file_name: &str, e: &QuestionFileError) -> Notice {
    Notice::Error(format!("“{file_name}”无法导入：{}", e.user_message()))
}

/// The largest question file read (a 10,000-question workbook is a few MB).
const MAX_QUESTION_FILE: u64 = 20 * 1024 * 1024;

#[function_component(QuestionImporter)]
pub fn question_importer(props: &DataProps) -> Html {
    let session = use_session();
    let parsed = use_state(|| None::<(String, QuestionFormat, Rc<QuestionImport>)>);
    let action = use_state(DuplicateAction::default);
    let copies_ok = use_state(|| false);
    let notice = use_state(|| None::<Notice>);
    let on_files = {
        let (parsed, notice) = (parsed.clone(), notice.clone());
        Callback::from(move |files: Vec<PickedFile>| {
            let Some(file) = files.into_iter().next() else {
                return;
            };
            if file.name.to_ascii_lowercase().ends_with(".xlsx") {
                let (parsed, notice) = (parsed.clone(), notice.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let result = crate::ui::inflate::xlsx_rows(&file.bytes)
                        .await
                        .map_err(QuestionFileError::Workbook)
                        .and_then(|(rows, sheets)| Ok((parse_sheet_rows(rows)?, sheets)));
                    match result {
                        Ok((import, sheets)) => {
                            notice.set((sheets > 1).then(|| Notice::Success(format!(
                                "只读取了第一个工作表（这个文件共有 {sheets} 个工作表）。其他工作表中的题，请分别另存为单独的文件再导入。"
                            ))));
                            parsed.set(Some((file.name, QuestionFormat::Xlsx, Rc::new(import))));
                        }
                        Err(e) => {
                            parsed.set(None);
                            notice.set(Some(refused(&file.name, &e)));
                        }
                    }
                });
                return;
            }
            match parse_file(&file.name, &file.bytes) {
                Ok((format, import)) => {
                    notice.set(None);
                    parsed.set(Some((file.name, format, Rc::new(import))));
                }
                Err(e) => {
                    parsed.set(None);
                    notice.set(Some(refused(&file.name, &e)));
                }
            }
        })
    };
    let on_too_large = {
        let notice = notice.clone();
        Callback::from(move |(name, _): (String, u64)| {
            notice.set(Some(Notice::Error(format!(
                "“{name}”太大或无法读取（试题文件应小于 20 MB）。"
            ))))
        })
    };
    let on_template = {
        let notice = notice.clone();
        Callback::from(move |_| {
            if let Err(m) = save_text("试题导入模板.csv", "text/csv", &template_csv()) {
                notice.set(Some(Notice::Error(m)));
            }
        })
    };
    let on_confirm = {
        let copies_ok = copies_ok.clone();
        let (session, parsed, action, notice, bank) = (
            session.clone(),
            parsed.clone(),
            action.clone(),
            notice.clone(),
            props.data.questions.clone(),
        );
        Callback::from(move |_| {
            let Some((_, _, import)) = &*parsed else {
                return;
            };
            let (writes, counts) = plan_import(
                &bank,
                &import.questions,
                *action,
                &session.device,
                time::now(),
            );
            let done = counts.done_text();
            parsed.set(None);
            // The next file's copies are confirmed afresh.
            copies_ok.set(false);
            // New questions are written as made (nothing stored to compare with: no read per
            // record in a 10,000-question import); updated ones record their changed fields.
            let known: std::collections::HashSet<uuid::Uuid> =
                bank.iter().map(|b| b.meta.id).collect();
            let (updated, new): (Vec<_>, Vec<_>) =
                writes.iter().partition(|q| known.contains(&q.meta.id));
            let mut batch = Batch::default();
            for q in updated {
                batch.put_stamped(q);
            }
            batch.put_all_as_received(StoreName::Questions, &new);
            if writes.is_empty() {
                notice.set(Some(Notice::Success(done)));
                return;
            }
            session.commit_in_background(batch, reporter(&notice), done);
        })
    };
    // Counted once per file and bank, not on every redraw of the preview.
    let dups = {
        let (parsed, bank) = (parsed.clone(), props.data.clone());
        let key = (
            parsed.as_ref().map(|p| Rc::as_ptr(&p.2) as usize),
            Rc::as_ptr(&props.data) as usize,
        );
        *use_memo(key, move |_| {
            parsed.as_ref().map_or(0, |(_, _, import)| {
                duplicates(&bank.questions, &import.questions)
                    .iter()
                    .filter(|d| d.is_some())
                    .count()
            })
        })
    };
    let preview = match &*parsed {
        None => html! {},
        Some((name, format, import)) => {
            html! {
                <div class="preview" aria-label="试题导入预览">
                    <h3>{ format!("导入预览：{name}（{}）", format.label()) }</h3>
                    <p>{ format!("可导入 {} 道，其中与题库重复 {dups} 道；有问题 {} 处（不会导入）。", import.questions.len(), import.problems.len()) }</p>
                    if !import.problems.is_empty() {
                        <div class="notice warn" role="alert">
                            <ul>{ for import.problems.iter().take(200).map(|p| html! { <li>{ p.describe() }</li> }) }</ul>
                            if import.problems.len() > 200 { <p>{ format!("……另有 {} 处问题未列出。", import.problems.len() - 200) }</p> }
                        </div>
                    }
                    if !import.notes.is_empty() {
                        <div class="notice warn" role="status">
                            <p>{ format!("以下 {} 道题已导入，但有内容没能照原样保留：", import.notes.len()) }</p>
                            <ul>{ for import.notes.iter().take(200).map(|p| html! { <li>{ p.describe() }</li> }) }</ul>
                        </div>
                    }
                    if dups > 0 {
                        <fieldset><legend>{ "重复题的处理" }</legend>
                        { for DuplicateAction::ALL.iter().map(|a| {
                            let (action, copies_ok) = (action.clone(), copies_ok.clone());
                            let a = *a;
                            html! { <label class="choice"><input type="radio" name="dup" checked={*action == a} onchange={Callback::from(move |_| { action.set(a); copies_ok.set(false); })} />{ a.label() }</label> }
                        }) }
                        if *action == DuplicateAction::KeepBoth {
                            <label class="choice warn"><input type="checkbox" checked={*copies_ok}
                                onchange={{ let c = copies_ok.clone(); Callback::from(move |_| c.set(!*c)) }} />
                                { format!("确认另存 {dups} 道重复题的副本（题库中会有内容相同的题，练习时可能抽到两次）") }</label>
                        }
                        </fieldset>
                    }
                    <table class="grid">{ crate::ui::table::head(&["行", "题型", "题干", "答案"]) }
                        <tbody>{ for import.questions.iter().take(100).map(|p| html! {
                            <tr><td>{ p.line }</td><td>{ p.draft.kind.label() }</td><td>{ p.draft.stem.chars().take(50).collect::<String>() }</td><td>{ format_answer(&p.draft.answer) }</td></tr>
                        }) }</tbody>
                    </table>
                    if import.questions.len() > 100 { <p>{ format!("（只显示前 100 道，共 {} 道）", import.questions.len()) }</p> }
                    <button class="primary" onclick={on_confirm}
                        disabled={import.questions.is_empty() || (dups > 0 && *action == DuplicateAction::KeepBoth && !*copies_ok)}>{ "确认导入" }</button>
                    <button onclick={{ let p = parsed.clone(); Callback::from(move |_| p.set(None)) }}>{ "取消" }</button>
                </div>
            }
        }
    };
    html! {
        <section class="card no-print" aria-labelledby="q-import-h">
            <h2 id="q-import-h">{ "从文件导入试题" }</h2>
            <p>{ "支持 Excel（.xlsx）和 CSV 表格（Excel/WPS 另存为，含 GBK 编码；表头如 题型、题干、选项A…选项H、答案、解析、难度、分类，顺序不限）、GIFT、Aiken，以及从 Word 复制的文本（编号题干，A. 选项，答案：…，解析：…）。" }</p>
            <button onclick={on_template}>{ "下载 CSV 模板" }</button>
            <FileDrop label="选择试题文件（.xlsx / .csv / .txt / .gift）" accept=".xlsx,.csv,.txt,.gift,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" max_bytes={MAX_QUESTION_FILE} on_files={on_files} on_too_large={on_too_large} />
            { notice_box(notice.as_ref()) }
            { preview }
        </section>
    }
}
