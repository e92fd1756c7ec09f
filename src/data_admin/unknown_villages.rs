//! Log entries for villages not on the office's list, in the preview of a log file: for each
//! village, map it to one on the list (a misspelling: the change is the office's own edit of
//! those entries), add it to the list, or leave its entries out of this import (the cadre
//! keeps them and can correct the village and send them again).

use crate::ui::prelude::*;

use super::import_flow::{ImportAction, ImportFlow, ImportState};
use crate::exchange::merge::Resolution;
use crate::record::{Id, Meta};
use crate::session::{reporter, use_session};
use crate::store::schema::StoreName;
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;
use crate::village::place::Village;

#[derive(Properties)]
pub struct UnknownVillagesProps {
    pub flow: UseReducerHandle<ImportFlow>,
    pub villages: Vec<(String, Vec<Id>)>,
}

// The flow by pointer, as `ConflictListProps` compares it.
impl PartialEq for UnknownVillagesProps {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(&*self.flow, &*other.flow) && self.villages == other.villages
    }
}

#[function_component(UnknownVillages)]
pub fn unknown_villages(props: &UnknownVillagesProps) -> Html {
    let session = use_session();
    let notice = use_state(|| None::<Notice>);
    let added = use_state(Vec::<String>::new);
    let mapped = use_state(Vec::<(String, String)>::new);
    let list = crate::ui::load::use_records::<Village>();
    let known = list
        .ready()
        .map(|l| crate::village::place::names(l))
        .unwrap_or_default();
    if props.villages.is_empty() {
        return html! {};
    }
    let ImportState::Preview { resolutions, .. } = &props.flow.state else {
        return html! {};
    };
    let add = |name: &str| {
        let (session, notice, added, name) = (
            session.clone(),
            notice.clone(),
            added.clone(),
            name.to_string(),
        );
        Callback::from(move |_| {
            let village = Village {
                meta: Meta::unsaved(time::now()),
                name: name.clone(),
                contact: String::new(),
                phone: String::new(),
                deleted: false,
            };
            session.save(
                vec![village],
                reporter(&notice),
                format!("已把“{name}”加入村（社区）名单。"),
            );
            let mut now = (*added).clone();
            now.push(name.clone());
            added.set(now);
        })
    };
    let map = |from: &str, ids: &[Id]| {
        let (flow, ids, from, mapped) = (
            props.flow.clone(),
            ids.to_vec(),
            from.to_string(),
            mapped.clone(),
        );
        let device = session.device.clone();
        Callback::from(move |e: Event| {
            let to = crate::ui::form::field_value(&e);
            if to.is_empty() {
                return;
            }
            flow.dispatch(ImportAction::SetField {
                store: StoreName::VillageLogs,
                ids: ids.clone(),
                field: "village".into(),
                value: serde_json::Value::String(to.clone()),
                device: device.clone(),
                now: time::now(),
            });
            let mut now = (*mapped).clone();
            now.retain(|(f, _)| *f != from);
            now.push((from.clone(), to));
            mapped.set(now);
        })
    };
    let leave_out = |ids: &[Id], out: bool| {
        let (flow, ids) = (props.flow.clone(), ids.to_vec());
        let r = if out {
            Resolution::TakeIncoming
        } else {
            Resolution::KeepLocal
        };
        Callback::from(move |_| {
            for id in &ids {
                flow.dispatch(ImportAction::Resolve(StoreName::VillageLogs, *id, r));
            }
        })
    };
    html! {
        <fieldset class="unknown-villages">
            <legend>{ "名单外的村（社区）" }</legend>
            { notice_box(notice.as_ref()) }
            { for props.villages.iter().map(|(name, ids)| {
                let out = ids.iter().all(|id| resolutions.get(&(StoreName::VillageLogs, *id)) == Some(&Resolution::KeepLocal));
                let to = mapped.iter().find(|(f, _)| f == name).map(|(_, t)| t.clone());
                html! {
                    <p>
                        { format!("“{name}”（{} 条日志）：", ids.len()) }
                        if let Some(to) = &to { { format!("已改为“{to}”。") } }
                        <label>{ "是名单中的" }
                            <select onchange={map(name, ids)}>
                                <option value="" selected={to.is_none()}>{ "（请选择）" }</option>
                                { for known.iter().map(|k| html! { <option selected={to.as_ref() == Some(k)}>{ k.clone() }</option> }) }
                            </select>
                        </label>
                        if added.contains(name) { { "已加入名单。" } } else {
                            <button type="button" onclick={add(name)}>{ format!("把“{name}”加入名单") }</button>
                        }
                        <label class="choice"><input type="checkbox" checked={out} onchange={leave_out(ids, out)} />{ "这些日志不导入（请驻村干部改正村名后重发）" }</label>
                    </p>
                }
            }) }
        </fieldset>
    }
}
