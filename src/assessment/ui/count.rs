//! Counting paper ballots by keyboard: one key per person, Enter to count the paper (or
//! auto-advance), Backspace to correct — on an empty paper it reopens the last one. The rules
//! are `counting.rs` and `paper_count.rs`; this screen passes keys in and stores what they say.

use crate::ui::prelude::*;

use super::ballot_list::{votes_text, BallotList};
use super::RoundProps;
use crate::assessment::counting::DeskKey;
use crate::assessment::model::{Ballot, Vote};
use crate::assessment::paper_count::{totals, void_note, Outcome, PaperCount};
use crate::session::{reporter, use_session};
use crate::ui::form::field_value;
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

#[function_component(Count)]
pub fn count(props: &RoundProps) -> Html {
    let session = use_session();
    let round = &props.round;
    let group = use_state(|| round.groups.first().map(|g| g.key).unwrap_or(0));
    // Kept outside the render cycle, so no key is lost however fast they come.
    let counting = use_mut_ref(PaperCount::default);
    let redraw = use_force_update();
    let notice = use_state(|| None::<Notice>);
    let ballots: Vec<&Ballot> = props
        .data
        .ballots_of(round.meta.id)
        .into_iter()
        .filter(|b| b.group == *group)
        .collect();
    counting.borrow_mut().sync(&ballots, round);
    let persons = round.rated.len();
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
            let outcome =
                counting
                    .borrow_mut()
                    .key(key, &round, group, &session.device, time::now());
            match outcome {
                Outcome::Typed => notice.set(None),
                Outcome::Refused(why) => notice.set(Some(Notice::Error(why.user_message()))),
                Outcome::Store { ballot, done } => {
                    session.save_stamped(vec![*ballot], reporter(&notice), done)
                }
            }
            redraw.force_update();
        })
    };
    let on_void = {
        let (session, notice, counting) = (session.clone(), notice.clone(), counting.clone());
        Callback::from(move |(b, void): (Ballot, bool)| {
            counting.borrow_mut().desk.set_void(b.number, void);
            let done = void_note(&b, void);
            session.save(vec![Ballot { void, ..b }], reporter(&notice), done);
        })
    };
    let c = counting.borrow();
    let typed = c.desk.current.clone();
    let number = c.desk.current_number();
    let (reopened, auto, last) = (c.desk.reopened, c.desk.auto_advance, c.last.clone());
    let undo_last = c.last_live();
    drop(c);
    let live = ballots.iter().filter(|b| !b.void).count();
    let prompt = match round.rated.get(typed.len()) {
        Some(id) => format!(
            "第 {number} 号票，请输入（下一位：{}）",
            props.data.person(*id).0
        ),
        None => format!("第 {number} 号票已按完，请按回车键确认计入"),
    };
    let counts = totals(round, &ballots);
    html! {
        <section class="counting" aria-labelledby="count-h">
            <h3 id="count-h">{ "纸质票计票" }</h3>
            <label>{ "评议组" }
                <select onchange={{ let group = group.clone(); let counting = counting.clone(); Callback::from(move |e: Event| {
                    *counting.borrow_mut() = PaperCount::default();
                    group.set(field_value(&e).parse().unwrap_or(0));
                }) }}>
                    { for round.groups.iter().map(|g| html! { <option value={g.key.to_string()} selected={g.key == *group}>{ &g.name }</option> }) }
                </select>
            </label>
            <label class="choice"><input type="checkbox" checked={auto} onchange={{ let (counting, redraw) = (counting.clone(), redraw.clone()); Callback::from(move |_| {
                let auto = &mut counting.borrow_mut().desk.auto_advance;
                *auto = !*auto;
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
            { notice_box(notice.as_ref()) }
            if let Some(b) = undo_last {
                <button onclick={{ let (on_void, b) = (on_void.clone(), b.clone()); Callback::from(move |_: MouseEvent| on_void.emit((b.clone(), true))) }}>{ format!("撤销上一张（第 {} 号）", b.number) }</button>
            }
            <h4>{ format!("本组已计 {live} 张，发出 {issued} 张") }</h4>
            if live as u32 > issued {
                <p class="notice error" role="alert">{ format!("本组收回 {live} 张，多于发出的 {issued} 张：按规则本组计票无效。请在“逐张查看”中找出重复计入的票作废。") }</p>
            }
            <table class="grid" aria-label="本组计票合计">
                <thead><tr><th scope="col">{ "被评议人" }</th>{ for Vote::ALL.iter().map(|v| html! { <th scope="col">{ v.label() }</th> }) }</tr></thead>
                <tbody>
                { for round.rated.iter().zip(&counts).map(|(id, row)| html! {
                    <tr><th scope="row">{ props.data.person(*id).0 }</th>{ for row.iter().map(|n| html! { <td>{ n }</td> }) }</tr>
                }) }
                </tbody>
            </table>
            <BallotList ballots={ballots.iter().map(|b| (*b).clone()).collect::<Vec<_>>()} rated={round.rated.clone()} {on_void} />
        </section>
    }
}
