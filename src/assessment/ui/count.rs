//! Counting paper ballots by keyboard: one key per person, a ballot saved as soon as it is
//! complete, its number kept; the last ballot can be undone and any ballot voided by number.

use yew::prelude::*;

use super::RoundProps;
use crate::assessment::counting::{Counter, Keyed};
use crate::assessment::model::{Ballot, Source, Vote};
use crate::record::Meta;
use crate::session::{reporter, use_session};
use crate::ui::form::field_value;
use crate::ui::notice::{Notice, NoticeBox};
use crate::ui::time;

/// What the counter keeps between keys, outside the render cycle, so no key is lost however
/// fast they come.
#[derive(Default)]
struct Desk {
    counter: Counter,
    next_number: u32,
    /// Ballots saved from this desk, newest last, for 撤销上一张.
    saved: Vec<Ballot>,
}

fn votes_text(votes: &[Vote]) -> String {
    votes
        .iter()
        .map(|v| v.label())
        .collect::<Vec<_>>()
        .join(" · ")
}

#[function_component(Count)]
pub fn count(props: &RoundProps) -> Html {
    let session = use_session();
    let round = &props.round;
    let group = use_state(|| round.groups.first().map(|g| g.key).unwrap_or(0));
    let desk = use_mut_ref(Desk::default);
    let redraw = use_force_update();
    let notice = use_state(|| None::<Notice>);
    let ballots: Vec<&Ballot> = props
        .data
        .ballots_of(round.meta.id)
        .into_iter()
        .filter(|b| b.group == *group)
        .collect();
    let highest = ballots.iter().map(|b| b.number).max().unwrap_or(0);
    {
        let mut d = desk.borrow_mut();
        d.next_number = d.next_number.max(highest + 1);
    }
    let persons = round.rated.len();
    let onkeydown = {
        let (desk, redraw, session, notice, round, group) = (
            desk.clone(),
            redraw.clone(),
            session.clone(),
            notice.clone(),
            round.clone(),
            *group,
        );
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.alt_key() || e.meta_key() || e.key() == "Tab" {
                return;
            }
            e.prevent_default();
            let mut d = desk.borrow_mut();
            if let Keyed::Completed(votes) = d.counter.key(&e.key(), persons) {
                let ballot = Ballot {
                    meta: Meta::unsaved(time::now()),
                    evaluation_id: round.meta.id,
                    group,
                    number: d.next_number,
                    source: Source::Paper,
                    votes: round.rated.iter().copied().zip(votes).collect(),
                    void: false,
                };
                d.next_number += 1;
                let done = format!("第 {} 号票已计入。", ballot.number);
                d.saved.push(ballot.clone());
                session.save(vec![ballot], reporter(&notice), done);
            }
            drop(d);
            redraw.force_update();
        })
    };
    let set_void = |b: Ballot, void: bool| {
        let (session, notice) = (session.clone(), notice.clone());
        Callback::from(move |_| {
            let mut next = b.clone();
            next.void = void;
            let done = format!(
                "第 {} 号票已{}。",
                next.number,
                if void {
                    "作废，不再计入"
                } else {
                    "恢复计入"
                }
            );
            session.save(vec![next], reporter(&notice), done);
        })
    };
    let undo_last = ballots
        .iter()
        .filter(|b| !b.void)
        .max_by_key(|b| (b.number, b.meta.created_at))
        .map(|b| (*b).clone());
    let d = desk.borrow();
    let typed = d.counter.current.clone();
    let next_person = round
        .rated
        .get(typed.len())
        .map(|id| props.data.person(*id).0)
        .unwrap_or_default();
    let next_number = d.next_number;
    drop(d);
    let live: Vec<&&Ballot> = ballots.iter().filter(|b| !b.void).collect();
    html! {
        <section class="counting" aria-labelledby="count-h">
            <h3 id="count-h">{ "纸质票计票" }</h3>
            <NoticeBox notice={(*notice).clone()} />
            <label>{ "评议组" }
                <select onchange={{ let group = group.clone(); let desk = desk.clone(); Callback::from(move |e: Event| {
                    desk.borrow_mut().counter = Counter::default();
                    desk.borrow_mut().next_number = 0;
                    group.set(field_value(&e).parse().unwrap_or(0));
                }) }}>
                    { for round.groups.iter().map(|g| html! { <option value={g.key.to_string()} selected={g.key == *group}>{ &g.name }</option> }) }
                </select>
            </label>
            <p>{ "按键：1 或 A 优秀，2 或 B 称职，3 或 C 基本称职，4 或 D 不称职，5、E、0 或空格 不了解（空白）；退格键改正本张票上一个。每张票按被评议人顺序逐人按一个键，按完自动计入。" }</p>
            <label>{ format!("第 {next_number} 号票，请输入（下一位：{next_person}）") }
                <input class="count-keys" aria-describedby="count-current" {onkeydown} value="" autocomplete="off" />
            </label>
            <p id="count-current" aria-live="polite">{ format!("本张已输入 {}/{}：{}", typed.len(), persons, votes_text(&typed)) }</p>
            if let Some(b) = undo_last.clone() {
                <button onclick={set_void(b.clone(), true)}>{ format!("撤销上一张（第 {} 号）", b.number) }</button>
            }
            <h4>{ format!("本组已计 {} 张", live.len()) }</h4>
            <table class="grid" aria-label="本组计票合计">
                <thead><tr><th scope="col">{ "被评议人" }</th>{ for Vote::ALL.iter().map(|v| html! { <th scope="col">{ v.label() }</th> }) }</tr></thead>
                <tbody>
                { for round.rated.iter().map(|id| html! {
                    <tr><th scope="row">{ props.data.person(*id).0 }</th>
                        { for Vote::ALL.iter().map(|v| html! { <td>{ live.iter().filter(|b| b.votes.get(id) == Some(v)).count() }</td> }) }
                    </tr>
                }) }
                </tbody>
            </table>
            <details>
                <summary>{ "逐张查看（按票号找回计错的票）" }</summary>
                <table class="grid" aria-label="本组评议票">
                    <thead><tr><th scope="col">{ "票号" }</th><th scope="col">{ "内容" }</th><th scope="col">{ "状态" }</th><th scope="col">{ "操作" }</th></tr></thead>
                    <tbody>
                    { for sorted(&ballots).into_iter().map(|b| {
                        let votes: Vec<Vote> = round.rated.iter().map(|id| b.votes.get(id).copied().unwrap_or(Vote::Abstain)).collect();
                        html! {
                            <tr>
                                <td>{ b.number }</td><td>{ votes_text(&votes) }</td>
                                <td>{ if b.void { "已作废" } else { b.source.label() } }</td>
                                <td><button onclick={set_void(b.clone(), !b.void)}>{ if b.void { "恢复" } else { "作废" } }</button></td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
            </details>
        </section>
    }
}

fn sorted(ballots: &[&Ballot]) -> Vec<Ballot> {
    let mut list: Vec<Ballot> = ballots.iter().map(|b| (*b).clone()).collect();
    crate::order::sort_by(&mut list, |b| crate::order::Key::int(-i64::from(b.number)));
    list
}
