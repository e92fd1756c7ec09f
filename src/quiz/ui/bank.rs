//! 题库: filter, page through, add, edit, duplicate and delete questions; import them from
//! CSV, GIFT, Aiken or Word text; export the bank as JSON, CSV or Excel.

use std::rc::Rc;

use crate::ui::prelude::*;

use crate::paging::Page;
use crate::ui::pager::pager;

use crate::store::schema::StoreName;
use crate::ui::export::{export_file, one_store};

use super::bank_import::QuestionImporter;
use super::question_form::QuestionForm;
use super::DataProps;
use crate::data_admin::import_panel::ImportPanel;
use crate::exchange::envelope::FileKind;
use crate::exchange::table::csv_text;
use crate::office::xlsx;
use crate::quiz::answer::format_answer;
use crate::quiz::bank::{export_rows, filter, BankFilter};
use crate::quiz::model::{Question, QuestionDraft};
use crate::quiz::paper::Quiz;
use crate::record::Meta;
use crate::session::reporter;
use crate::session::use_session;
use crate::ui::download::{save_office, save_text, XLSX};
use crate::ui::form::{field_value, optional_choice_select};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

const PAGE: usize = 50;

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

/// A filter's field: changing it starts the list again at its first page.
fn refilter<V: 'static>(
    filter: &UseStateHandle<BankFilter>,
    page: &UseStateHandle<usize>,
    set: fn(&mut BankFilter, V),
) -> Callback<V> {
    let (filter, page) = (filter.clone(), page.clone());
    Callback::from(move |value: V| {
        let mut next = (*filter).clone();
        set(&mut next, value);
        filter.set(next);
        page.set(0);
    })
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

    let on_text = refilter(&bank_filter, &page, |f, v: String| f.text = v)
        .reform(|e: InputEvent| field_value(&e));
    let on_category = refilter(&bank_filter, &page, |f, v: String| {
        f.category = (!v.is_empty()).then_some(v)
    })
    .reform(|e: Event| field_value(&e));
    let on_kind = refilter(&bank_filter, &page, |f, k| f.kind = k);
    let on_difficulty = refilter(&bank_filter, &page, |f, d| f.difficulty = d);

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
    let blank = QuestionDraft::blank(bank_filter.category.as_deref().unwrap_or_default());
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
                    xlsx::workbook(
                        &xlsx::Sheet::new("题库", "题库", export_rows(&chosen)).line(format!(
                            "共 {} 道试题，{} 导出",
                            chosen.len(),
                            crate::local_time::minute_text(time::local_now())
                        )),
                    ),
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
        { pager(shown_page, matches.len(), "道试题", &{ let p = page.clone(); Callback::from(move |i| p.set(i)) }) }
    };
    html! {
        <>
            { notice_box(notice.as_ref()) }
            <div class="toolbar no-print filters" role="search" aria-label="筛选试题">
                <label class="inline">{ "搜索" }<input type="search" value={bank_filter.text.clone()} oninput={on_text} placeholder="题干、选项、解析" /></label>
                <label class="inline">{ "题型" }{ optional_choice_select(bank_filter.kind, "全部", on_kind) }</label>
                <label class="inline">{ "分类" }
                    <select onchange={on_category}><option value="" selected={bank_filter.category.is_none()}>{ "全部" }</option>
                        { for categories.iter().map(|c| html! { <option selected={bank_filter.category.as_ref() == Some(c)}>{ c }</option> }) }
                    </select>
                </label>
                <label class="inline">{ "难度" }{ optional_choice_select(bank_filter.difficulty, "全部", on_difficulty) }</label>
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
                { crate::ui::table::head_with_actions(&["题干", "题型", "分类", "难度", "答案"], "操作") }
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
