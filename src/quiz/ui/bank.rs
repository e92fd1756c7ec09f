//! 题库: filter, page through, add, edit, duplicate and delete questions; import them from
//! CSV, GIFT, Aiken or Word text; export the bank as JSON, CSV or Excel.

use std::rc::Rc;

use crate::choice::Choice;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::paging::Page;
use crate::ui::pager::Pager;

use crate::store::schema::StoreName;
use crate::ui::export::{export_file, one_store};

use super::question_form::QuestionForm;
use super::DataProps;
use crate::data_admin::import_panel::ImportPanel;
use crate::exchange::envelope::FileKind;
use crate::exchange::table::csv_text;
use crate::office::xlsx;
use crate::quiz::answer::format_answer;
use crate::quiz::bank::{
    duplicates, export_rows, filter, import_writes, BankFilter, DuplicateAction, ImportCounts,
};
use crate::quiz::import::table::template_csv;
use crate::quiz::import::{
    parse_file, parse_sheet_rows, QuestionFileError, QuestionFormat, QuestionImport,
};
use crate::quiz::model::{Answer, Difficulty, Question, QuestionDraft, QuestionKind};
use crate::quiz::paper::Quiz;
use crate::record::Meta;
use crate::session::use_session;
use crate::session::{reporter, Batch};
use crate::ui::download::{save_office, save_text, XLSX};
use crate::ui::file_drop::{FileDrop, PickedFile};
use crate::ui::notice::{Notice, NoticeBox};
use crate::ui::time;

const PAGE: usize = 50;
const MAX_QUESTION_FILE: u64 = 20 * 1024 * 1024;

enum Editing {
    Nothing,
    New,
    Edit(Box<Question>),
    Copy(Box<QuestionDraft>),
}

/// What the bank is exported as.
#[derive(Clone, Copy)]
enum BankExport {
    /// A bank file this app (on another computer) imports.
    File,
    Csv,
    Excel,
}

#[function_component(BankTab)]
pub fn bank_tab(props: &DataProps) -> Html {
    let session = use_session();
    let data = &props.data;
    let bank_filter = use_state(BankFilter::default);
    let page = use_state(|| 0usize);
    let editing = use_state(|| Rc::new(Editing::Nothing));
    let notice = use_state(|| None::<Notice>);
    let confirm_delete = use_state(|| None::<uuid::Uuid>);

    let matches = filter(&data.questions, &bank_filter);
    let shown_page = Page::of(matches.len(), *page, PAGE);
    let categories = Quiz::categories(&data.questions);

    let set_filter = |f: fn(&mut BankFilter, String)| {
        let (bank_filter, page) = (bank_filter.clone(), page.clone());
        move |value: String| {
            let mut next = (*bank_filter).clone();
            f(&mut next, value);
            bank_filter.set(next);
            page.set(0);
        }
    };
    let on_text = {
        let set = set_filter(|f, v| f.text = v);
        Callback::from(move |e: InputEvent| {
            set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_kind = {
        let set = set_filter(|f, v| f.kind = QuestionKind::from_label(&v));
        Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_category = {
        let set = set_filter(|f, v| f.category = (!v.is_empty()).then_some(v));
        Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_difficulty = {
        let set = set_filter(|f, v| f.difficulty = Difficulty::from_label(&v));
        Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };

    let on_save = {
        let (session, editing, notice) = (session.clone(), editing.clone(), notice.clone());
        Callback::from(move |draft: QuestionDraft| {
            let record = match &**editing {
                Editing::Edit(q) => draft.into_question(q.meta.clone()),
                _ => draft.into_question(Meta::unsaved(time::now())),
            };
            editing.set(Rc::new(Editing::Nothing));
            session.save(vec![record], reporter(&notice), "试题已保存。");
        })
    };
    let blank = QuestionDraft {
        kind: QuestionKind::Single,
        stem: String::new(),
        options: vec![],
        answer: Answer::Reference(String::new()),
        explanation: String::new(),
        category: bank_filter.category.clone().unwrap_or_default(),
        difficulty: Difficulty::Medium,
        tags: vec![],
        source: String::new(),
    };
    let form = match &**editing {
        Editing::Nothing => html! {},
        Editing::New => {
            html! { <QuestionForm title="添加试题" draft={blank} on_save={on_save.clone()} on_cancel={{ let e = editing.clone(); Callback::from(move |_| e.set(Rc::new(Editing::Nothing))) }} /> }
        }
        Editing::Edit(q) => {
            html! { <QuestionForm title="编辑试题" draft={q.draft()} on_save={on_save.clone()} on_cancel={{ let e = editing.clone(); Callback::from(move |_| e.set(Rc::new(Editing::Nothing))) }} /> }
        }
        Editing::Copy(d) => {
            html! { <QuestionForm title="复制试题" draft={(**d).clone()} on_save={on_save.clone()} on_cancel={{ let e = editing.clone(); Callback::from(move |_| e.set(Rc::new(Editing::Nothing))) }} /> }
        }
    };

    let export = |what: BankExport| {
        let (session, data, bank_filter, notice) = (
            session.clone(),
            data.clone(),
            bank_filter.clone(),
            notice.clone(),
        );
        Callback::from(move |_| {
            let chosen = filter(&data.questions, &bank_filter);
            let stamp = crate::exchange::envelope::stamp(time::local_now());
            let result = match what {
                BankExport::File => export_file(
                    &session,
                    FileKind::QuestionBank,
                    &session.profile.name,
                    one_store(StoreName::Questions, chosen.iter().copied()),
                )
                .map(|_| ()),
                BankExport::Csv => save_text(
                    &format!("题库-{stamp}.csv"),
                    "text/csv",
                    &csv_text(&export_rows(&chosen)),
                ),
                BankExport::Excel => save_office(
                    &format!("题库-{stamp}.xlsx"),
                    XLSX,
                    xlsx::workbook("题库", &export_rows(&chosen)),
                ),
            };
            notice.set(Some(match result {
                Ok(()) => {
                    Notice::Success(format!("已导出 {} 道试题（按当前筛选）。", chosen.len()))
                }
                Err(m) => Notice::Error(m),
            }));
        })
    };

    let shown = shown_page.slice(&matches);
    let pager = html! {
        <Pager page={shown_page} total={matches.len()} unit="道试题"
            on_page={{ let p = page.clone(); Callback::from(move |i| p.set(i)) }} />
    };
    html! {
        <>
            <NoticeBox notice={(*notice).clone()} />
            <div class="toolbar no-print filters" role="search" aria-label="筛选试题">
                <label class="inline">{ "搜索" }<input type="search" value={bank_filter.text.clone()} oninput={on_text} placeholder="题干、选项、解析" /></label>
                <label class="inline">{ "题型" }
                    <select onchange={on_kind}><option selected={bank_filter.kind.is_none()}>{ "全部" }</option>
                        { for QuestionKind::ALL.iter().map(|k| html! { <option selected={bank_filter.kind == Some(*k)}>{ k.label() }</option> }) }
                    </select>
                </label>
                <label class="inline">{ "分类" }
                    <select onchange={on_category}><option value="" selected={bank_filter.category.is_none()}>{ "全部" }</option>
                        { for categories.iter().map(|c| html! { <option selected={bank_filter.category.as_ref() == Some(c)}>{ c }</option> }) }
                    </select>
                </label>
                <label class="inline">{ "难度" }
                    <select onchange={on_difficulty}><option selected={bank_filter.difficulty.is_none()}>{ "全部" }</option>
                        { for Difficulty::ALL.iter().map(|d| html! { <option selected={bank_filter.difficulty == Some(*d)}>{ d.label() }</option> }) }
                    </select>
                </label>
            </div>
            <div class="toolbar no-print">
                <button class="primary" onclick={{ let e = editing.clone(); Callback::from(move |_| e.set(Rc::new(Editing::New))) }}>{ "添加试题" }</button>
                <button onclick={export(BankExport::File)}>{ "导出题库文件" }</button>
                <button onclick={export(BankExport::Csv)}>{ "导出 CSV" }</button>
                <button onclick={export(BankExport::Excel)}>{ "导出 Excel" }</button>
            </div>
            { form }
            <QuestionImporter data={data.clone()} />
            { pager }
            <table class="grid" aria-label="试题列表">
                <thead><tr><th scope="col">{ "题干" }</th><th scope="col">{ "题型" }</th><th scope="col">{ "分类" }</th><th scope="col">{ "难度" }</th><th scope="col">{ "答案" }</th><th scope="col" class="no-print">{ "操作" }</th></tr></thead>
                <tbody>
                if shown.is_empty() { <tr><td colspan="6">{ "没有符合条件的试题。可以添加，或从文件导入。" }</td></tr> }
                { for shown.iter().map(|q| {
                    let stem: String = q.stem.chars().take(60).collect();
                    let id = q.meta.id;
                    let edit = { let e = editing.clone(); let q = (*q).clone(); Callback::from(move |_| e.set(Rc::new(Editing::Edit(Box::new(q.clone()))))) };
                    let copy = { let e = editing.clone(); let d = q.draft(); Callback::from(move |_| e.set(Rc::new(Editing::Copy(Box::new(d.clone()))))) };
                    let ask = { let c = confirm_delete.clone(); Callback::from(move |_| c.set(Some(id))) };
                    let delete = {
                        let (session, notice, q, c) = (session.clone(), notice.clone(), (*q).clone(), confirm_delete.clone());
                        Callback::from(move |_| {
                            let mut gone = q.clone();
                            gone.deleted = true;
                            c.set(None);
                            session.save(vec![gone], reporter(&notice), "试题已删除。");
                        })
                    };
                    html! {
                        <tr key={id.to_string()}>
                            <td title={q.stem.clone()}>{ stem }</td><td>{ q.kind.label() }</td><td>{ &q.category }</td>
                            <td>{ q.difficulty.label() }</td><td>{ format_answer(&q.answer).chars().take(20).collect::<String>() }</td>
                            <td class="no-print">
                                <button onclick={edit} aria-label={format!("编辑 {}", q.stem.chars().take(10).collect::<String>())}>{ "编辑" }</button>
                                <button onclick={copy}>{ "复制" }</button>
                                if *confirm_delete == Some(id) {
                                    <button class="danger" onclick={delete}>{ "确认删除" }</button>
                                    <button onclick={{ let c = confirm_delete.clone(); Callback::from(move |_| c.set(None)) }}>{ "取消" }</button>
                                } else {
                                    <button class="danger" onclick={ask}>{ "删除" }</button>
                                }
                            </td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            <section class="card no-print" aria-labelledby="bank-file-h">
                <h2 id="bank-file-h">{ "导入题库文件" }</h2>
                <p>{ "导入由本应用导出的题库文件（.json），可与本机题库合并。" }</p>
                <ImportPanel kind={FileKind::QuestionBank} label="选择题库文件（.json）" />
            </section>
        </>
    }
}

#[function_component(QuestionImporter)]
fn question_importer(props: &DataProps) -> Html {
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
            if file.name.to_lowercase().ends_with(".xlsx") {
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
                            notice.set(Some(Notice::Error(format!(
                                "“{}”无法导入：{}",
                                file.name,
                                e.user_message()
                            ))));
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
                    notice.set(Some(Notice::Error(format!(
                        "“{}”无法导入：{}",
                        file.name,
                        e.user_message()
                    ))));
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
            let writes = import_writes(
                &bank,
                &import.questions,
                *action,
                &session.device,
                time::now(),
            );
            let done = ImportCounts::of(&bank, &import.questions, *action).done_text();
            parsed.set(None);
            // The next file's copies are confirmed afresh.
            copies_ok.set(false);
            // New questions are written as made (nothing stored to compare with: no read per
            // record in a 10,000-question import); updated ones record their changed fields.
            let known: std::collections::HashSet<uuid::Uuid> =
                bank.iter().map(|b| b.meta.id).collect();
            let mut batch = Batch::default();
            for q in &writes {
                if known.contains(&q.meta.id) {
                    batch.put_stamped(q);
                } else {
                    batch.put_as_received(StoreName::Questions, q);
                }
            }
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
                    <table class="grid"><thead><tr><th scope="col">{ "行" }</th><th scope="col">{ "题型" }</th><th scope="col">{ "题干" }</th><th scope="col">{ "答案" }</th></tr></thead>
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
            <NoticeBox notice={(*notice).clone()} />
            { preview }
        </section>
    }
}
