//! 会议研究确定: where the meeting sets a final grade other than the suggested one (a tie at
//! the quota, or any other change), the office records it with its reason; the sheet, its
//! exports and the coefficient follow it.

use std::rc::Rc;

use crate::ui::prelude::*;

use super::RatingData;
use crate::assessment::model::{Evaluation, Grade, MeetingDecision};
use crate::assessment::tally::{Flag, Tally};
use crate::record::Id;
use crate::session::{reporter, use_session};
use crate::ui::form::field_value;
use crate::ui::notice::{notice_box, Notice};

#[derive(Properties, PartialEq)]
pub struct DecisionProps {
    pub data: Rc<RatingData>,
    pub round: Rc<Evaluation>,
    pub tally: Tally,
}

#[function_component(DecisionForm)]
pub fn decision_form(props: &DecisionProps) -> Html {
    let session = use_session();
    let round = &props.round;
    // Those the sheet asks about first: ties at the quota.
    let tied: Vec<Id> = props
        .tally
        .people
        .iter()
        .filter(|p| p.flags.contains(&Flag::TiedAtQuota))
        .map(|p| p.cadre)
        .collect();
    let person = use_state(|| tied.first().or(round.rated.first()).copied());
    let grade = use_state(|| None::<Grade>);
    let reason = use_state(String::new);
    let notice = use_state(|| None::<Notice>);
    let save = {
        let (session, round, person, grade, reason, notice, data) = (
            session.clone(),
            round.clone(),
            person.clone(),
            grade.clone(),
            reason.clone(),
            notice.clone(),
            props.data.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(id) = *person else { return };
            let mut next = (*round).clone();
            let name = data.person(id).0;
            let done = match *grade {
                None => {
                    next.decisions.remove(&id);
                    format!("已撤销对{name}的会议决定，按建议等次。")
                }
                Some(g) => {
                    match MeetingDecision::new(g, &reason, data.admonished(round.year)(id)) {
                        Ok(d) => {
                            next.decisions.insert(id, d);
                            format!("已记录：{name}评定为{}。", g.label())
                        }
                        Err(m) => return notice.set(Some(Notice::Error(m))),
                    }
                }
            };
            reason.set(String::new());
            session.save(vec![next], reporter(&notice), done);
        })
    };
    html! {
        <form class="form decision no-print" onsubmit={save} aria-label="会议研究确定">
            <h4>{ "会议研究确定" }</h4>
            if !tied.is_empty() {
                <p>{ format!("并列超出优秀名额：{}。请按会议研究的结果记录评定等次和理由。",
                    tied.iter().map(|id| props.data.person(*id).0).collect::<Vec<_>>().join("、")) }</p>
            }
            <label>{ "被评议人" }
                <select onchange={{ let p = person.clone(); Callback::from(move |e: Event| p.set(uuid::Uuid::parse_str(&field_value(&e)).ok())) }}>
                    { for round.rated.iter().map(|id| html! { <option value={id.to_string()} selected={*person == Some(*id)}>{ props.data.person(*id).0 }</option> }) }
                </select>
            </label>
            <label>{ "评定等次" }
                <select onchange={{ let g = grade.clone(); Callback::from(move |e: Event| {
                    let v = field_value(&e);
                    g.set(Grade::ALL.into_iter().find(|x| x.label() == v));
                }) }}>
                    <option value="" selected={grade.is_none()}>{ "按建议等次（撤销会议决定）" }</option>
                    { for Grade::ALL.iter().map(|g| html! { <option value={g.label()} selected={*grade == Some(*g)}>{ g.label() }</option> }) }
                </select>
            </label>
            <label>{ "理由" }
                <input value={(*reason).clone()} placeholder="如：经党政联席会议研究确定"
                    oninput={{ let r = reason.clone(); Callback::from(move |e: InputEvent| r.set(field_value(&e))) }} />
            </label>
            { notice_box(notice.as_ref()) }
            <button type="submit">{ "记录会议决定" }</button>
        </form>
    }
}
