//! A scanned sheet as the clerk checks it: what was read, or why it was not; for a sheet with
//! unclear rows, the scan with every box drawn as read and a choice per row.

use std::rc::Rc;

use crate::ui::prelude::*;

use super::ballot_list::votes_text;
use crate::assessment::ballot_sheet::Reading;
use crate::assessment::model::Vote;
use crate::paper::read::Choice;
use crate::sorted::SortedMap;
use crate::ui::scan_pages::{overlay, ScanView};

/// One page read: where it came from, and what it says or why it could not be read.
#[derive(Clone, PartialEq)]
pub struct Sheet {
    pub source: String,
    pub read: Result<Reading, String>,
    /// For a sheet to decide: the scan and each box as read, drawn over it.
    pub view: Option<Rc<ScanView>>,
}

pub fn sheet_view(
    i: usize,
    s: &Sheet,
    names: &[String],
    decided: &SortedMap<usize, Vote>,
    decide: &dyn Fn(usize, usize, Vote) -> Callback<Event>,
) -> Html {
    match &s.read {
        Err(m) => html! { <p class="late">{ format!("{}：{m}", s.source) }</p> },
        Ok(Reading::OtherForm(code)) => html! {
            <p class="late">{ format!("{}：这是另一个评议组或另一次评议的票（编号 {}-{}），没有计入。请在上面选对评议组后单独扫描。", s.source, code.form(), code.sheet()) }</p>
        },
        Ok(Reading::Paper(p)) => html! {
            <p>{ format!("第 {} 号票（{}）：{}", p.number, s.source, votes_text(&p.votes)) }</p>
        },
        Ok(Reading::Decide { number, rows, .. }) => html! {
            <div class="card scan-decide">
                <h4>{ format!("第 {number} 号票（{}）有 {} 人需要您确认", s.source, rows.len()) }</h4>
                if let Some(v) = &s.view { { overlay(v, format!("第 {number} 号票的扫描图")) } }
                { for rows.iter().map(|(row, seen)| {
                    let who = names.get(*row).cloned().unwrap_or_default();
                    let what = match seen { Choice::Several(_) => "打了不止一个格", _ => "笔迹看不清（很淡、擦过，或在方框外画了圈）" };
                    // One key sets the row: 1 优秀 … 5 不了解, as at the typing desk.
                    let keys = {
                        let choose: Vec<Callback<Event>> = Vote::ALL.iter().map(|v| decide(i, *row, *v)).collect();
                        Callback::from(move |e: KeyboardEvent| {
                            if let Some(pick) = crate::ui::form::key_digit(&e).and_then(|d| d.checked_sub(1)).and_then(|d| choose.get(d)) {
                                e.prevent_default();
                                pick.emit(AsRef::<Event>::as_ref(&e).clone());
                            }
                        })
                    };
                    html! {
                        <fieldset class="inline" onkeydown={keys}>
                            <legend>{ format!("第 {} 行 {who}：{what}，请看票后选择（可按 1–5）", row + 1) }</legend>
                            { for Vote::ALL.iter().map(|v| html! {
                                <label><input type="radio" name={format!("scan-{i}-{row}")} checked={decided.get(row) == Some(v)} onchange={decide(i, *row, *v)} />{ v.label() }</label>
                            }) }
                        </fieldset>
                    }
                }) }
            </div>
        },
    }
}
