//! Log entries for villages not on the office's list, in the preview of a log file: for each
//! village, add it to the list (then its entries count as any other), or leave its entries out
//! of this import (the cadre keeps them and can correct the village and send them again).

use yew::prelude::*;

use super::import_flow::{ImportAction, ImportFlow, ImportState};
use crate::exchange::merge::Resolution;
use crate::record::{Id, Meta};
use crate::session::{reporter, use_session};
use crate::store::schema::StoreName;
use crate::ui::notice::{Notice, NoticeBox};
use crate::ui::time;
use crate::village::place::Village;

#[derive(Properties, PartialEq)]
pub struct UnknownVillagesProps {
    pub flow: UseReducerHandle<ImportFlow>,
    pub villages: Vec<(String, Vec<Id>)>,
}

#[function_component(UnknownVillages)]
pub fn unknown_villages(props: &UnknownVillagesProps) -> Html {
    let session = use_session();
    let notice = use_state(|| None::<Notice>);
    let added = use_state(Vec::<String>::new);
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
            <NoticeBox notice={(*notice).clone()} />
            { for props.villages.iter().map(|(name, ids)| {
                let out = ids.iter().all(|id| resolutions.get(&(StoreName::VillageLogs, *id)) == Some(&Resolution::KeepLocal));
                html! {
                    <p>
                        { format!("“{name}”（{} 条日志）：", ids.len()) }
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
