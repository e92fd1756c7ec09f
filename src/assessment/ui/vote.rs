//! 网上评议: a rater takes the office's rating-round file in their own browser, fills one
//! anonymous ballot and sends it back as a file. The ballot is kept only in this browser's
//! settings (never in a backup), so the same one can be saved again but not cast twice.

use std::collections::BTreeMap;

use yew::prelude::*;

use super::DataProps;
use crate::assessment::model::{Ballot, Evaluation, Source, Vote};
use crate::data_admin::import_panel::ImportPanel;
use crate::exchange::envelope::FileKind;
use crate::record::{DeviceId, Id, Meta};
use crate::session::use_session;
use crate::store::schema::StoreName;
use crate::ui::export::{export_anonymous, one_store};
use crate::ui::form::field_value;
use crate::ui::load::use_load_keyed;
use crate::ui::notice::{Notice, NoticeBox};
use crate::ui::time;

fn key(round: Id) -> String {
    format!("my_ballot:{round}")
}

fn send(ballot: &Ballot) -> Notice {
    match export_anonymous(FileKind::Ballot, one_store(StoreName::Ballots, [ballot])) {
        Ok(f) => Notice::Success(format!(
            "已生成评议票文件“{}”，请发回党政办。文件不含您的姓名。",
            f.name
        )),
        Err(m) => Notice::Error(m),
    }
}

#[function_component(VoteTab)]
pub fn vote_tab(props: &DataProps) -> Html {
    let rounds = props.data.live_rounds();
    let chosen = use_state(|| None::<Id>);
    let round = (*chosen)
        .and_then(|id| props.data.round(id))
        .or(rounds.first().copied())
        .cloned();
    html! {
        <>
            <section class="card" aria-labelledby="round-in-h">
                <h2 id="round-in-h">{ "导入评议表" }</h2>
                <p>{ "党政办发来的评议表文件（.json），导入后即可在下面填写评议票。" }</p>
                <ImportPanel kind={FileKind::RatingRound} label="选择评议表文件（.json）" />
            </section>
            if rounds.len() > 1 {
                <label>{ "评议" }
                    <select onchange={{ let c = chosen.clone(); Callback::from(move |e: Event| c.set(uuid::Uuid::parse_str(&field_value(&e)).ok())) }}>
                        { for rounds.iter().map(|r| html! { <option value={r.meta.id.to_string()} selected={round.as_ref().map(|x| x.meta.id) == Some(r.meta.id)}>{ &r.title }</option> }) }
                    </select>
                </label>
            }
            if let Some(r) = round {
                <OnlineBallot key={r.meta.id.to_string()} data={props.data.clone()} round={r.clone()} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct OnlineProps {
    data: std::rc::Rc<super::RatingData>,
    round: Evaluation,
}

#[function_component(OnlineBallot)]
fn online_ballot(props: &OnlineProps) -> Html {
    let session = use_session();
    let round = &props.round;
    let mine = use_load_keyed(
        &[StoreName::Settings],
        round.meta.id,
        |session, id| async move { session.store.setting::<Ballot>(&key(id)).await },
    );
    let group = use_state(|| round.groups.first().map(|g| g.key).unwrap_or(0));
    let votes = use_state(BTreeMap::<Id, Vote>::new);
    let notice = use_state(|| None::<Notice>);
    let onsubmit = {
        let (session, group, votes, notice, id) = (
            session.clone(),
            group.clone(),
            votes.clone(),
            notice.clone(),
            round.meta.id,
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let ballot = Ballot {
                meta: Meta::new(&DeviceId::new_random(), time::now()),
                evaluation_id: id,
                group: *group,
                number: 0,
                source: Source::File,
                votes: (*votes).clone(),
                void: false,
            };
            let (session, notice) = (session.clone(), notice.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match session.store.set_setting(&key(id), &ballot).await {
                    Ok(()) => {
                        notice.set(Some(send(&ballot)));
                        session.announce.emit(vec![StoreName::Settings]);
                    }
                    Err(e) => notice.set(Some(Notice::Error(e.user_message()))),
                }
            });
        })
    };
    let cast = mine.ready().and_then(|b| (**b).clone());
    html! {
        <section class="card" aria-labelledby="online-h">
            <h2 id="online-h">{ format!("{}：网上评议", round.title) }</h2>
            <NoticeBox notice={(*notice).clone()} />
            if let Some(ballot) = cast {
                <p>{ "您已经填过这次评议的评议票。如果文件丢了，可以再保存一次同一张票（党政办只会计一次）。" }</p>
                <button onclick={Callback::from(move |_| notice.set(Some(send(&ballot))))}>{ "再次保存评议票文件" }</button>
            } else {
                <form class="form" {onsubmit} aria-label="网上评议票">
                    <label>{ "我所在的评议组" }
                        <select onchange={{ let g = group.clone(); Callback::from(move |e: Event| g.set(field_value(&e).parse().unwrap_or(0))) }}>
                            { for round.groups.iter().map(|g| html! { <option value={g.key.to_string()} selected={g.key == *group}>{ &g.name }</option> }) }
                        </select>
                    </label>
                    <p>{ "请对每位被评议人选择一项；不了解的可以选“不了解”或不选。评议票不记名。" }</p>
                    { for round.rated.iter().map(|id| {
                        let (name, unit) = props.data.person(*id);
                        let id = *id;
                        html! {
                            <fieldset>
                                <legend>{ format!("{name}（{unit}）") }</legend>
                                { for Vote::ALL.iter().map(|v| {
                                    let (votes, v) = (votes.clone(), *v);
                                    html! { <label class="choice"><input type="radio" name={id.to_string()} checked={votes.get(&id) == Some(&v)}
                                        onchange={Callback::from(move |_| { let mut n = (*votes).clone(); n.insert(id, v); votes.set(n); })} />{ v.label() }</label> }
                                }) }
                            </fieldset>
                        }
                    }) }
                    <button type="submit" class="primary">{ "提交并保存评议票文件" }</button>
                </form>
            }
        </section>
    }
}
