//! 登记办事: a request registered at the desk, or one already registered corrected (the
//! history keeps what it said before). After a registration the desk's place, date, taker,
//! village and matter stay for the next person in the queue.

use crate::ui::form::{date_input, on_change, on_input, on_pick, optional_date_input};
use crate::ui::prelude::*;

use crate::record::Meta;
use crate::session::{reporter, use_session};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;
use crate::village::correction::corrected;
use crate::village::service::ServiceRequest;

#[derive(Properties, PartialEq)]
pub struct ServiceFormProps {
    pub matters: Vec<String>,
    /// The request as stored, when the form corrects one.
    #[prop_or_default]
    pub before: Option<ServiceRequest>,
    /// Told when a correction is saved or given up.
    pub on_close: Callback<()>,
}

#[function_component(ServiceForm)]
pub fn service_form(props: &ServiceFormProps) -> Html {
    let session = use_session();
    let today = time::local_now().date();
    // A new request starts blank; a correction starts from what was saved.
    let draft = use_state(|| {
        props.before.clone().unwrap_or_else(|| {
            let by = session.profile.name.clone();
            ServiceRequest::blank(Meta::unsaved(time::now()), by, today)
        })
    });
    // What the form's own button did is said beside it.
    let notice = use_state(|| None::<Notice>);
    let onsubmit = {
        let (session, notice, draft) = (session.clone(), notice.clone(), draft.clone());
        let (before, close) = (props.before.clone(), props.on_close.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let r = (*draft).clone().cleaned();
            let r = r.check_form().and_then(|()| match &before {
                Some(b) => corrected(b, r, &session.profile.name, today)
                    .map_err(|e| e.message().to_string()),
                None => Ok(r),
            });
            match r {
                Ok(r) => {
                    let done = format!("已保存：{}，{}", r.person, r.matter);
                    session.save(vec![r.clone()], reporter(&notice), done);
                    if before.is_some() {
                        close.emit(());
                    } else {
                        draft.set(r.next_form(Meta::unsaved(time::now())));
                    }
                }
                Err(m) => notice.set(Some(Notice::Error(m))),
            }
        })
    };
    let toggle = |set: fn(&mut ServiceRequest)| {
        let d = draft.clone();
        Callback::from(move |_| {
            let mut n = (*d).clone();
            set(&mut n);
            d.set(n);
        })
    };
    let correcting = props.before.is_some();
    let title = if correcting {
        "修改办事登记"
    } else {
        "登记办事"
    };
    let close = props.on_close.clone();
    html! {
        <form class="form card columns no-print" {onsubmit} aria-label={title}>
            <h2>{ title }</h2>
            <label>{ "受理地点" }<input value={draft.point.clone()} oninput={on_input(&draft, |r, v| r.point = v)} /></label>
            <label>{ "办事群众" }<input value={draft.person.clone()} oninput={on_input(&draft, |r, v| r.person = v)} /></label>
            <label>{ "村（社区）" }<input value={draft.village.clone()} oninput={on_input(&draft, |r, v| r.village = v)} /></label>
            <label>{ "电话" }<input type="tel" value={draft.phone.clone()} oninput={on_input(&draft, |r, v| r.phone = v)} /></label>
            <label>{ "事项" }
                <select onchange={on_change(&draft, |r, v| r.matter = v)}>
                    <option value="" selected={draft.matter.is_empty()}>{ "（请选择）" }</option>
                    // A corrected request keeps a matter since taken off the list.
                    if !draft.matter.is_empty() && !props.matters.contains(&draft.matter) { <option selected=true>{ draft.matter.clone() }</option> }
                    { for props.matters.iter().map(|x| html! { <option selected={*x == draft.matter}>{ x }</option> }) }
                </select>
            </label>
            <label>{ "受理人" }<input value={draft.taken_by.clone()} oninput={on_input(&draft, |r, v| r.taken_by = v)} /></label>
            <label>{ "受理日期" }{ date_input(draft.received, on_pick(&draft, |r, d| r.received = d)) }</label>
            <label>{ "承诺办结日期（可空）" }{ optional_date_input(draft.promised, on_pick(&draft, |r, d| r.promised = d)) }</label>
            <label>{ "办结日期（可空）" }{ optional_date_input(draft.done, on_pick(&draft, |r, d| r.done = d)) }</label>
            <label class="choice"><input type="checkbox" checked={draft.one_visit} onchange={toggle(|r| r.one_visit = !r.one_visit)} />{ "一次办好" }</label>
            <label class="choice"><input type="checkbox" checked={draft.on_behalf} onchange={toggle(|r| r.on_behalf = !r.on_behalf)} />{ "干部代办" }</label>
            <label>{ "办理结果" }<input value={draft.outcome.clone()} oninput={on_input(&draft, |r, v| r.outcome = v)} /></label>
            // The button and what it reports, where the eye is.
            <div class="actions">
                <button type="submit" class="primary">{ if correcting { "保存修改" } else { "登记" } }</button>
                if correcting { <button type="button" onclick={Callback::from(move |_| close.emit(()))}>{ "取消修改" }</button> }
                { notice_box(notice.as_ref()) }
            </div>
        </form>
    }
}
