//! A report's body as edited on screen and printed: the summary table, then either one section
//! per line with a text per column, or (每周工作安排) one table row per task.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::paging::Page;
use crate::ui::pager::Pager;
use crate::workline::report::{is_table, summary_rows, ReportDoc};

/// Sections drawn at a time: a township's few lines show whole; 200 lines page, so that the
/// tab draws at once (Word and Excel exports and "打印全部" take every section).
pub const SECTIONS_PER_PAGE: usize = 25;

#[derive(Properties, PartialEq)]
pub struct ReportBodyProps {
    pub doc: ReportDoc,
    /// (section, field, new text)
    pub on_field: Callback<(usize, usize, String)>,
    /// Draw every section (for printing the whole report).
    #[prop_or_default]
    pub all: bool,
}

/// A text the user may edit, with the same text shown plainly when printed.
fn editable(text: &str, label: String, on: Callback<InputEvent>) -> Html {
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
    let shown = if props.all {
        Page::of(d.sections.len(), 0, d.sections.len().max(1))
    } else {
        Page::of(d.sections.len(), *page, SECTIONS_PER_PAGE)
    };
    let pager = (shown.count > 1).then(|| html! {
        <div class="no-print">
            <Pager page={shown} total={d.sections.len()} unit={if is_table(d) { "项工作" } else { "条工作线" }}
                on_page={{ let p = page.clone(); Callback::from(move |i| p.set(i)) }} />
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
    html! {
        <>
            if !summary.is_empty() {
                <table class="grid report-summary" aria-label="总体情况">
                    <caption>{ "总体情况" }</caption>
                    <thead><tr>{ for summary[0].iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                    <tbody>
                    { for summary[1..].iter().map(|row| html! {
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
                    </tr></thead>
                    <tbody>
                    { for sections().map(|(si, s)| html! {
                        <tr>
                            <th scope="row" class="when">{ &s.heading }</th>
                            { for d.columns.iter().zip(&s.fields).enumerate().map(|(fi, (label, text))| html! {
                                <td>{ editable(text, format!("第 {} 行 {label}", si + 1), on(si, fi)) }</td>
                            }) }
                        </tr>
                    }) }
                    </tbody>
                </table>
            } else {
                { for sections().map(|(si, s)| html! {
                    <section class="report-section">
                        <h3>{ &s.heading }</h3>
                        { for d.columns.iter().zip(&s.fields).enumerate().map(|(fi, (label, text))| html! {
                            <label class="report-field">
                                <span>{ label }</span>
                                { editable(text, format!("{} {label}", s.heading), on(si, fi)) }
                            </label>
                        }) }
                    </section>
                }) }
            }
            { pager.unwrap_or_default() }
        </>
    }
}
