//! 每日碰头会: the township's morning meeting across all lines (each problem tagged to its
//! line), or one line's — done yesterday, planned today, problems carried until solved.

use std::rc::Rc;

use crate::ui::form::{date_input, set_to};
use crate::ui::prelude::*;
use chrono::NaiveDate;
use web_sys::HtmlSelectElement;

use crate::ui::kept_draft::{use_kept_draft, Draft, KeptDraft};

use super::lines::PlanProps;
use super::standup_all::TownshipStandUp;
use super::standup_entry::{EntryFields, NewProblem};
use super::{today, WorkLineData};
use crate::record::Id;
use crate::session::reporter;
use crate::session::use_session;
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;
use crate::workline::standup::{entry_for, StandUp};

/// The value of the scope select that means every line.
const ALL_LINES: &str = "all";

#[function_component(StandUpTab)]
pub fn stand_up_tab(props: &PlanProps) -> Html {
    let plan = &props.plan;
    let lines = plan.live_lines();
    // None: the whole township's meeting (the usual morning 碰头会).
    let line = use_state(|| None::<Id>);
    let day = use_state(today);
    // Kept here, not in the form: a save remounts the form with what was stored.
    let notice = use_state(|| None::<Notice>);
    let on_line = {
        let line = line.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            line.set(uuid::Uuid::parse_str(&v).ok())
        })
    };
    html! {
        <>
            <div class="toolbar">
                <label class="inline">{ "范围" }
                    <select onchange={on_line}>
                        <option value={ALL_LINES} selected={line.is_none()}>{ "全部工作线（全镇碰头会）" }</option>
                        { for lines.iter().map(|l| html! { <option value={l.meta.id.to_string()} selected={*line == Some(l.meta.id)}>{ &l.name }</option> }) }
                    </select>
                </label>
                <label class="inline">{ "日期" }{ date_input(*day, set_to(&day)) }</label>
            </div>
            if lines.is_empty() { <p>{ "还没有工作线。" }</p> }
            else {
                { notice_box(notice.as_ref()) }
                // One form per line (or the township) and day: a save, here or in another
                // window, reaches it as new data, never as a new form that drops what was typed.
                if let Some(id) = *line {
                    <StandUpForm key={format!("{id}-{}", *day)} plan={plan.clone()} line_id={id} day={*day} report={reporter(&notice)} />
                    <History plan={plan.clone()} line_id={id} />
                } else {
                    <TownshipStandUp key={format!("all-{}", *day)} plan={plan.clone()} day={*day} report={reporter(&notice)} />
                }
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    plan: Rc<WorkLineData>,
    line_id: Id,
    day: NaiveDate,
    report: Callback<Notice>,
}

/// One line's meeting.
#[function_component(StandUpForm)]
fn stand_up_form(props: &FormProps) -> Html {
    let session = use_session();
    // What is stored for the line and day, by its version (a new entry until the first save).
    let fresh = {
        let (plan, line_id, day) = (props.plan.clone(), props.line_id, props.day);
        let rev = saved_revs(&plan, &[line_id], day);
        use_memo(rev, move |_| {
            entry_for(&plan.stand_ups, line_id, day, time::now())
        })
    };
    let KeptDraft {
        doc: draft, choice, ..
    } = use_kept_draft(fresh);
    let on_entry = {
        let draft = draft.clone();
        Callback::from(move |entry: StandUp| draft.set(entry))
    };
    let on_problem = {
        let draft = draft.clone();
        Callback::from(move |(_, problem)| {
            let mut next = (*draft).clone();
            next.problems.push(problem);
            draft.set(next);
        })
    };
    let onsubmit = {
        let (session, draft, report) = (session.clone(), draft.clone(), props.report.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            session.save(vec![(*draft).clone()], report.clone(), "碰头会记录已保存。");
        })
    };
    html! {
        <form class="form card" {onsubmit} aria-label="碰头会记录">
            <h2>{ format!("{} 碰头会", props.day) }</h2>
            { for choice }
            <EntryFields entry={(*draft).clone()} name={AttrValue::default()} on_change={on_entry} />
            <NewProblem lines={Vec::new()} day={props.day} line_id={props.line_id} on_add={on_problem} />
            <button type="submit" class="primary">{ "保存碰头会记录" }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct HistoryProps {
    plan: Rc<WorkLineData>,
    line_id: Id,
}

#[function_component(History)]
fn history(props: &HistoryProps) -> Html {
    let mut entries: Vec<&StandUp> = props
        .plan
        .stand_ups
        .iter()
        .filter(|s| s.line_id == props.line_id)
        .collect();
    crate::order::sort_by(&mut entries, |s| {
        crate::order::Key::int(-crate::order::day(s.date))
    });
    html! {
        <table class="grid" aria-label="碰头会记录">
            { crate::ui::table::head(&["日期", "昨日完成", "今日计划", "问题"]) }
            <tbody>
            { for entries.iter().take(30).map(|s| html! {
                <tr>
                    <td class="nowrap">{ s.date.to_string() }</td><td class="pre">{ &s.done }</td><td class="pre">{ &s.planned }</td>
                    <td>{ for s.problems.iter().map(|p| html! {
                        <div>{ format!("{}{}", p.text, if p.solved_on.is_some() { "（已解决）" } else { "" }) }</div>
                    }) }</td>
                </tr>
            }) }
            </tbody>
        </table>
    }
}

/// The stored versions of the lines' stand-ups on a day, summed (0 if there are none yet).
pub fn saved_revs(plan: &WorkLineData, lines: &[Id], day: NaiveDate) -> u32 {
    plan.stand_ups
        .iter()
        .filter(|s| s.date == day && lines.contains(&s.line_id))
        .map(|s| s.meta.rev)
        .sum()
}

/// A meeting's entry is the same whatever its bookkeeping; saved on the stored one.
impl Draft for StandUp {
    fn same(a: &Self, b: &Self) -> bool {
        crate::ui::kept_draft::same_record(a, b)
    }

    fn rebased(&self, base: &Self) -> Self {
        crate::ui::kept_draft::rebased_record(self, base)
    }
}

/// The township's meeting: every line's entry, as above.
impl Draft for Vec<StandUp> {
    fn same(a: &Self, b: &Self) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| StandUp::same(x, y))
    }

    fn rebased(&self, base: &Self) -> Self {
        self.iter()
            .map(|e| match base.iter().find(|b| b.line_id == e.line_id) {
                Some(b) => e.rebased(b),
                None => e.clone(),
            })
            .collect()
    }

    /// Each line on its own: a line typed here keeps its text, the others take theirs.
    fn kept(&self, opened: &Self, theirs: &Self) -> Self {
        self.iter()
            .map(|e| {
                let was = opened.iter().find(|o| o.line_id == e.line_id);
                match theirs.iter().find(|t| t.line_id == e.line_id) {
                    Some(t) if was.is_some_and(|o| StandUp::same(e, o)) => t.clone(),
                    Some(t) => e.rebased(t),
                    None => e.clone(),
                }
            })
            .collect()
    }
}
