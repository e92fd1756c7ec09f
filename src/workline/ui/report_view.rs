//! A report's body as edited on screen and printed: the summary table, then either one section
//! per line with a text per column, or (每周工作安排) one table row per task. Texts show as
//! they print; a section's 修改 turns its texts into fields (a page of 25 sections of 7 fields
//! each laid out as text boxes cost the tab a tenth of a second on its own).

use std::collections::HashSet;

use crate::ui::prelude::*;
use web_sys::HtmlTextAreaElement;

use crate::paging::Page;
use crate::ui::pager::pager;
use crate::workline::report::{is_table, summary_rows, ReportDoc};

/// Sections drawn at a time: a township's few lines show whole; 200 lines page, so that the
/// tab draws at once (Word and Excel exports and 打印 take every section). Laying out the
/// Chinese text is most of the cost: a line of 50 tasks writes a page of it.
pub const SECTIONS_PER_PAGE: usize = 10;

#[derive(Properties, PartialEq)]
pub struct ReportBodyProps {
    pub doc: ReportDoc,
    /// (section, field, new text)
    pub on_field: Callback<(usize, usize, String)>,
    /// Draw every section (for printing the whole report).
    #[prop_or_default]
    pub all: bool,
}

/// A text as it prints, or (while its section is being edited) a field with the same text shown
/// plainly when printed.
fn editable(text: &str, editing: bool, label: String, on: Callback<InputEvent>) -> Html {
    if !editing {
        return html! { <div class="pre report-text">{ text }</div> };
    }
    html! {
        <>
            <textarea aria-label={label} rows={(text.lines().count().clamp(1, 12) + 1).to_string()} value={text.to_string()} oninput={on} />
            <div class="print-only pre">{ text }</div>
        </>
    }
}

#[function_component(ReportBody)]
pub fn report_body(props: &ReportBodyProps) -> Html {
    let d = &props.doc;
    let page = use_state(|| 0usize);
    let editing = use_state(HashSet::<usize>::new);
    let edit = |si: usize, what: String| {
        let editing = editing.clone();
        let onclick = Callback::from(move |_| {
            let mut next = (*editing).clone();
            next.insert(si);
            editing.set(next);
        });
        html! { <button type="button" class="no-print" aria-label={format!("修改 {what}")} {onclick}>{ "修改" }</button> }
    };
    let shown = if props.all {
        Page::of(d.sections.len(), 0, d.sections.len().max(1))
    } else {
        Page::of(d.sections.len(), *page, SECTIONS_PER_PAGE)
    };
    let pager = (shown.count > 1).then(|| html! {
        <div class="no-print">
            { pager(shown, d.sections.len(), if is_table(d) { "项工作" } else { "条工作线" }, &{ let p = page.clone(); Callback::from(move |i| p.set(i)) }) }
        </div>
    });
    let sections = || {
        d.sections
            .iter()
            .enumerate()
            .skip(shown.start)
            .take(shown.end - shown.start)
    };
    let on = |si: usize, fi: usize| {
        let on_field = props.on_field.clone();
        Callback::from(move |e: InputEvent| {
            on_field.emit((
                si,
                fi,
                e.target_unchecked_into::<HtmlTextAreaElement>().value(),
            ))
        })
    };
    let summary = summary_rows(d);
    // The figures go with the page's lines when they are one row per section; 合计 is always
    // over every line.
    let paged_summary = !props.all && shown.count > 1 && d.summary.len() == d.sections.len();
    let summary_body: Vec<&Vec<String>> = match summary.split_last() {
        Some((total, rows)) if paged_summary => rows
            .iter()
            .skip(1 + shown.start)
            .take(shown.end - shown.start)
            .chain(std::iter::once(total))
            .collect(),
        _ => summary.iter().skip(1).collect(),
    };
    html! {
        <>
            if !summary.is_empty() {
                <table class="grid report-summary" aria-label="总体情况">
                    <caption>
                        { "总体情况" }
                        if paged_summary {
                            <span class="note">{ format!("（列出本页的工作线，合计为全部 {} 条）", d.summary.len()) }</span>
                        }
                    </caption>
                    <thead><tr>{ for summary[0].iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                    <tbody>
                    { for summary_body.into_iter().map(|row| html! {
                        <tr class={classes!((row[0] == "合计").then_some("total"))}>
                            <th scope="row">{ &row[0] }</th>
                            { for row[1..].iter().map(|c| html! { <td class="num">{ c }</td> }) }
                        </tr>
                    }) }
                    </tbody>
                </table>
            }
            if d.sections.is_empty() { <p>{ "本期没有内容。" }</p> }
            { pager.clone().unwrap_or_default() }
            if is_table(d) && !d.sections.is_empty() {
                <table class="grid report-table" aria-label={d.title.clone()}>
                    <thead><tr>
                        <th scope="col">{ &d.heading_label }</th>
                        { for d.columns.iter().map(|c| html! { <th scope="col">{ c }</th> }) }
                        <th scope="col" class="no-print">{ "操作" }</th>
                    </tr></thead>
                    <tbody>
                    { for sections().map(|(si, s)| {
                        let open = editing.contains(&si);
                        html! {
                        <tr>
                            <th scope="row" class="when">{ &s.heading }</th>
                            { for d.columns.iter().zip(&s.fields).enumerate().map(|(fi, (label, text))| html! {
                                <td>{ editable(text, open, format!("第 {} 行 {label}", si + 1), on(si, fi)) }</td>
                            }) }
                            <td class="no-print">{ if open { Html::default() } else { edit(si, format!("第 {} 行", si + 1)) } }</td>
                        </tr>
                    }}) }
                    </tbody>
                </table>
            } else {
                { for sections().map(|(si, s)| {
                    let open = editing.contains(&si);
                    html! {
                    <section class="report-section">
                        <div class="section-head">
                            <h3>{ &s.heading }</h3>
                            { if open { Html::default() } else { edit(si, s.heading.clone()) } }
                        </div>
                        { for d.columns.iter().zip(&s.fields).enumerate().map(|(fi, (label, text))| html! {
                            <div class="report-field">
                                <span>{ label }</span>
                                { editable(text, open, format!("{} {label}", s.heading), on(si, fi)) }
                            </div>
                        }) }
                    </section>
                }}) }
            }
            { pager.unwrap_or_default() }
        </>
    }
}
