//! 网上评议: a rater takes the office's rating-round file in their own browser, types the
//! 选票码 from the slip handed out at the door (it says the group), fills one anonymous ballot and
//! sends it back as a file. This browser keeps only which codes it has used — never the votes —
//! so nobody using it later can get the ballot again.

use crate::ui::prelude::*;

use super::ballot_form::BallotForm;
use super::slip_entry::SlipEntry;
use super::DataProps;
use crate::assessment::model::{Ballot, Evaluation, Source, Vote};
use crate::data_admin::import_panel::ImportPanel;
use crate::exchange::envelope::FileKind;
use crate::record::Id;
use crate::session::use_session;
use crate::sorted::SortedMap;
use crate::store::schema::StoreName;
use crate::ui::export::{export_anonymous, one_store};
use crate::ui::form::field_value;
use crate::ui::load::use_load_keyed;
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

/// The codes used in this browser for a round ("" for a round without codes).
fn key(round: Id) -> String {
    format!("cast_slips:{round}")
}

fn send(ballot: &Ballot) -> Notice {
    match export_anonymous(FileKind::Ballot, one_store(StoreName::Ballots, [ballot])) {
        Ok(f) => Notice::Success(format!(
            "已生成评议票文件“{}”，请发回党政办。文件不含您的姓名；本机不保留票的内容。",
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
    let used = use_load_keyed(
        &[StoreName::Settings],
        round.meta.id,
        |session, id| async move {
            // Earlier versions kept the rater's whole ballot here; nobody using this browser
            // later should be able to read it.
            let old = format!("my_ballot:{id}");
            if session
                .store
                .setting::<serde_json::Value>(&old)
                .await?
                .is_some_and(|v| !v.is_null())
            {
                session
                    .store
                    .set_setting(&old, serde_json::Value::Null)
                    .await?;
            }
            session.store.setting::<Vec<String>>(&key(id)).await
        },
    );
    // The slip typed (digits) and the group it names; for a round without codes, the group
    // the rater picked (no group is preselected).
    let slip = use_state(|| None::<(Option<String>, u32)>);
    let notice = use_state(|| None::<Notice>);
    let used: Vec<String> = used.ready().and_then(|u| (**u).clone()).unwrap_or_default();
    let on_cast = {
        let (session, slip, notice, round, used) = (
            session.clone(),
            slip.clone(),
            notice.clone(),
            round.clone(),
            used.clone(),
        );
        Callback::from(move |votes: SortedMap<Id, Vote>| {
            let Some((code, group)) = (*slip).clone() else {
                return;
            };
            let ballot = Ballot::anonymous(
                &round,
                group,
                Source::File,
                votes,
                code.clone(),
                time::now(),
            );
            let mut used = used.clone();
            used.push(code.unwrap_or_default());
            let (session, notice, slip, id) =
                (session.clone(), notice.clone(), slip.clone(), round.meta.id);
            wasm_bindgen_futures::spawn_local(async move {
                match session.set_setting(&key(id), &used).await {
                    Ok(()) => {
                        notice.set(Some(send(&ballot)));
                        slip.set(None);
                    }
                    Err(m) => notice.set(Some(Notice::Error(m))),
                }
            });
        })
    };
    let people: Vec<(Id, String)> = round
        .rated
        .iter()
        .map(|id| {
            let (name, unit) = props.data.person(*id);
            (*id, format!("{name}（{unit}）"))
        })
        .collect();
    let legacy_cast = !round.slips.asked() && !used.is_empty();
    let group_name = |key: u32| round.group(key).map(|g| g.name.clone()).unwrap_or_default();
    html! {
        <section class="card" aria-labelledby="online-h">
            <h2 id="online-h">{ format!("{}：网上评议", round.title) }</h2>
            { notice_box(notice.as_ref()) }
            if legacy_cast {
                <p>{ "您已经在本机填过这次评议的评议票。为保护不记名，本机不保留票的内容；如果文件丢失，请向党政办说明。" }</p>
            } else if let Some((code, group)) = (*slip).clone() {
                <p>{ match code {
                    Some(c) => format!("选票码 {}：{}评议票。", crate::assessment::slips::printed(&c), group_name(group)),
                    None => format!("{}评议票。", group_name(group)),
                } }</p>
                <BallotForm {people} {on_cast} />
            } else if round.slips.asked() {
                if !used.is_empty() {
                    <p>{ format!("本机已提交过 {} 张评议票。每张选票码只能投一次；如果代别人投票，请输入他的选票码。", used.len()) }</p>
                }
                <SlipEntry round={round.clone()} on_ok={{ let (slip, notice, used) = (slip.clone(), notice.clone(), used.clone()); Callback::from(move |(code, group): (String, u32)| {
                    if used.contains(&code) {
                        notice.set(Some(Notice::Error("这个选票码已在本机投过票，同一个选票码只计一次。".into())));
                    } else {
                        notice.set(None);
                        slip.set(Some((Some(code), group)));
                    }
                }) }} />
            } else {
                <label>{ "我所在的评议组" }
                    <select onchange={{ let s = slip.clone(); Callback::from(move |e: Event| s.set(field_value(&e).parse().ok().map(|g| (None, g)))) }}>
                        <option value="" selected=true>{ "请选择评议组" }</option>
                        { for round.groups.iter().map(|g| html! { <option value={g.key.to_string()}>{ &g.name }</option> }) }
                    </select>
                </label>
            }
        </section>
    }
}
