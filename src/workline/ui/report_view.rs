//! A report's body as edited on screen and printed: the summary table, then either one section
//! per line with a text per column, or (每周工作安排) one table row per task.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::workline::report::{is_table, summary_rows, ReportDoc};

#[derive(Properties, PartialEq)]
pub struct ReportBodyProps {
    pub doc: ReportDoc,
    /// (section, field, new text)
    pub on_field: Callback<(usize, usize, String)>,
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
            else if is_table(d) {
                <table class="grid report-table" aria-label={d.title.clone()}>
                    <thead><tr>
                        <th scope="col">{ &d.heading_label }</th>
                        { for d.columns.iter().map(|c| html! { <th scope="col">{ c }</th> }) }
                    </tr></thead>
                    <tbody>
                    { for d.sections.iter().enumerate().map(|(si, s)| html! {
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
                { for d.sections.iter().enumerate().map(|(si, s)| html! {
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
        </>
    }
}
