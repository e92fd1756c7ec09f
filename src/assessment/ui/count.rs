//! Counting paper ballots by keyboard: one key per person, Enter to count the paper (or
//! auto-advance), Backspace to correct — on an empty paper it reopens the last one. The desk is
//! the pure reducer in `counting.rs`; this screen stores what it says to store.

use std::collections::HashMap;

use yew::prelude::*;

use super::RoundProps;
use crate::assessment::counting::{Desk, DeskKey, Effect, Paper};
use crate::assessment::model::{Ballot, Source, Vote};
use crate::record::Meta;
use crate::session::{reporter, use_session};
use crate::ui::form::field_value;
use crate::ui::notice::{Notice, NoticeBox};
use crate::ui::time;

/// What the counter keeps between keys, outside the render cycle, so no key is lost however
/// fast they come.
#[derive(Default)]
struct Counting {
    desk: Desk,
    /// Each paper's ballot as last written from here, by number, so a reopened paper is
    /// written again under its own id.
    ballots: HashMap<u32, Ballot>,
    /// The last paper counted, shown until the next one is.
    last: Option<Paper>,
}

fn votes_text(votes: &[Vote]) -> String {
    votes
        .iter()
        .map(|v| v.label())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A paper ballot as stored: votes in the round's order.
fn paper_of(ballot: &Ballot, rated: &[crate::record::Id]) -> Paper {
    Paper {
        number: ballot.number,
        votes: rated
            .iter()
            .map(|id| ballot.votes.get(id).copied().unwrap_or(Vote::Abstain))
            .collect(),
        void: ballot.void,
    }
}

#[function_component(Count)]
pub fn count(props: &RoundProps) -> Html {
    let session = use_session();
    let round = &props.round;
    let group = use_state(|| round.groups.first().map(|g| g.key).unwrap_or(0));
    let counting = use_mut_ref(Counting::default);
    let redraw = use_force_update();
    let notice = use_state(|| None::<Notice>);
    let ballots: Vec<&Ballot> = props
        .data
        .ballots_of(round.meta.id)
        .into_iter()
        .filter(|b| b.group == *group)
        .collect();
    let persons = round.rated.len();
    {
        // Papers stored by another tab or voided from the list join the desk.
        let mut c = counting.borrow_mut();
        c.desk.persons = persons;
        let stored: Vec<Paper> = ballots
            .iter()
            .filter(|b| b.source == Source::Paper)
            .map(|b| paper_of(b, &round.rated))
            .collect();
        c.desk.take_stored(stored);
        for b in ballots.iter().filter(|b| b.source == Source::Paper) {
            let newer = c
                .ballots
                .get(&b.number)
                .is_none_or(|mine| mine.meta.rev <= b.meta.rev);
            if newer {
                c.ballots.insert(b.number, (*b).clone());
            }
        }
    }
    let issued = round.group(*group).map(|g| g.issued).unwrap_or(0);
    let onkeydown = {
        let (counting, redraw, session, notice, round, group) = (
            counting.clone(),
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
            let Some(key) = DeskKey::from_key(&e.key()) else {
                return;
            };
            let mut c = counting.borrow_mut();
            match c.desk.key(key) {
                Effect::None => notice.set(None),
                Effect::Refused(why) => notice.set(Some(Notice::Error(why.user_message()))),
                Effect::Save(paper) => {
                    let now = time::now();
                    let ballot = match c.ballots.get(&paper.number).cloned() {
                        Some(mut again) => {
                            again.meta.touch(&session.device, now);
                            again.votes = round
                                .rated
                                .iter()
                                .copied()
                                .zip(paper.votes.clone())
                                .collect();
                            again
                        }
                        None => Ballot {
                            meta: Meta::new(&session.device, now),
                            evaluation_id: round.meta.id,
                            group,
                            number: paper.number,
                            source: Source::Paper,
                            votes: round
                                .rated
                                .iter()
                                .copied()
                                .zip(paper.votes.clone())
                                .collect(),
                            void: false,
                            slip: None,
                            round_version: None,
                        },
                    };
                    let live = c.desk.live();
                    let over = if live as u32 > issued {
                        format!("注意：本组已计 {live} 张，多于发出的 {issued} 张，本组将作废；请核对是否重复计票。")
                    } else {
                        String::new()
                    };
                    let done = format!("第 {} 号票已计入。{over}", paper.number);
                    c.ballots.insert(paper.number, ballot.clone());
                    c.last = Some(paper);
                    session.save_stamped(vec![ballot], reporter(&notice), done);
                }
            }
            drop(c);
            redraw.force_update();
        })
    };
    let set_void = |b: Ballot, void: bool| {
        let (session, notice, counting) = (session.clone(), notice.clone(), counting.clone());
        Callback::from(move |_| {
            let mut next = b.clone();
            next.void = void;
            if b.source == Source::Paper {
                counting.borrow_mut().desk.set_void(b.number, void);
            }
            let what = if b.source == Source::Paper {
                format!("第 {} 号票", b.number)
            } else {
                format!("这张{}", b.source.label())
            };
            let done = format!(
                "{what}已{}。",
                if void {
                    "作废，不再计入"
                } else {
                    "恢复计入"
                }
            );
            session.save(vec![next], reporter(&notice), done);
        })
    };
    let c = counting.borrow();
    let typed = c.desk.current.clone();
    let next_person = round
        .rated
        .get(typed.len())
        .map(|id| props.data.person(*id).0)
        .unwrap_or_default();
    let number = c.desk.current_number();
    let reopened = c.desk.reopened;
    let auto = c.desk.auto_advance;
    let last = c.last.clone();
    let undo_last = c
        .desk
        .papers
        .iter()
        .rev()
        .find(|p| !p.void)
        .and_then(|p| c.ballots.get(&p.number).cloned());
    drop(c);
    let live: Vec<&&Ballot> = ballots.iter().filter(|b| !b.void).collect();
    let prompt = if typed.len() < persons {
        format!("第 {number} 号票，请输入（下一位：{next_person}）")
    } else {
        format!("第 {number} 号票已按完，请按回车键确认计入")
    };
    html! {
        <section class="counting" aria-labelledby="count-h">
            <h3 id="count-h">{ "纸质票计票" }</h3>
            <label>{ "评议组" }
                <select onchange={{ let group = group.clone(); let counting = counting.clone(); Callback::from(move |e: Event| {
                    *counting.borrow_mut() = Counting::default();
                    group.set(field_value(&e).parse().unwrap_or(0));
                }) }}>
                    { for round.groups.iter().map(|g| html! { <option value={g.key.to_string()} selected={g.key == *group}>{ &g.name }</option> }) }
                </select>
            </label>
            <label class="choice"><input type="checkbox" checked={auto} onchange={{ let (counting, redraw) = (counting.clone(), redraw.clone()); Callback::from(move |_| {
                let mut c = counting.borrow_mut();
                c.desk.auto_advance = !c.desk.auto_advance;
                drop(c);
                redraw.force_update();
            }) }} />{ "按完最后一人自动计入（不必按回车）" }</label>
            <p>{ "按键：1 或 A 优秀，2 或 B 称职，3 或 C 基本称职，4 或 D 不称职，5、E、0 或空格 不了解（空白）。每张票按被评议人顺序逐人按一个键，按完后按回车键计入。退格键改正本张票上一个；本张还没有按键时，退格键重新打开上一张票改正。" }</p>
            <label>{ prompt }
                <input class="count-keys" aria-describedby="count-current" {onkeydown} value="" autocomplete="off" />
            </label>
            <p id="count-current" aria-live="polite">
                if let Some(n) = reopened { <strong>{ format!("正在改正第 {n} 号票。") }</strong> }
                { format!("本张已输入 {}/{}：{}", typed.len(), persons, votes_text(&typed)) }
            </p>
            if let Some(p) = last {
                <p class="last-paper" role="status">{ format!("刚计入：第 {} 号票　{}", p.number, votes_text(&p.votes)) }</p>
            }
            <NoticeBox notice={(*notice).clone()} />
            if let Some(b) = undo_last.clone() {
                <button onclick={set_void(b.clone(), true)}>{ format!("撤销上一张（第 {} 号）", b.number) }</button>
            }
            <h4>{ format!("本组已计 {} 张，发出 {issued} 张", live.len()) }</h4>
            if live.len() as u32 > issued {
                <p class="notice error" role="alert">{ format!("本组收回 {} 张，多于发出的 {issued} 张：按规则本组计票无效。请在“逐张查看”中找出重复计入的票作废。", live.len()) }</p>
            }
            <table class="grid" aria-label="本组计票合计">
                <thead><tr><th scope="col">{ "被评议人" }</th>{ for Vote::ALL.iter().map(|v| html! { <th scope="col">{ v.label() }</th> }) }</tr></thead>
                <tbody>
                { for round.rated.iter().map(|id| html! {
                    <tr><th scope="row">{ props.data.person(*id).0 }</th>
                        { for Vote::ALL.iter().map(|v| html! { <td>{ live.iter().filter(|b| b.votes.get(id).copied().unwrap_or(Vote::Abstain) == *v).count() }</td> }) }
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
                        let paper = paper_of(&b, &round.rated);
                        html! {
                            <tr>
                                <td>{ ballot_label(&b) }</td><td>{ votes_text(&paper.votes) }</td>
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

/// How a ballot is named in the list: a paper by its number, others by how they came and the
/// slip they carry (copies of one electronic ballot are told apart by it).
fn ballot_label(b: &Ballot) -> String {
    match b.source {
        Source::Paper => b.number.to_string(),
        _ => b
            .slip
            .as_deref()
            .map(|s| format!("选票码 {s}"))
            .unwrap_or_else(|| "（无选票码）".into()),
    }
}

fn sorted(ballots: &[&Ballot]) -> Vec<Ballot> {
    let mut list: Vec<Ballot> = ballots.iter().map(|b| (*b).clone()).collect();
    crate::order::sort_by(&mut list, |b| crate::order::Key::int(-i64::from(b.number)));
    list
}
