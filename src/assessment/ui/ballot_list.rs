//! 逐张查看: a group's ballots, newest paper first, each voidable or restorable by number (or,
//! for an electronic or kiosk ballot, by its 选票码).

use crate::ui::prelude::*;

use crate::assessment::model::{Ballot, Vote};
use crate::assessment::paper_count::{ballot_label, paper_of};
use crate::record::Id;

#[derive(Properties, PartialEq)]
pub struct BallotListProps {
    pub ballots: Vec<Ballot>,
    pub rated: Vec<Id>,
    /// A ballot to void (`true`) or restore (`false`).
    pub on_void: Callback<(Ballot, bool)>,
}

#[function_component(BallotList)]
pub fn ballot_list(props: &BallotListProps) -> Html {
    let mut list = props.ballots.clone();
    crate::order::sort_by(&mut list, |b| crate::order::Key::int(-i64::from(b.number)));
    html! {
        <details>
            <summary>{ "逐张查看（按票号找回计错的票）" }</summary>
            <table class="grid" aria-label="本组评议票">
                { crate::ui::table::head(&["票号", "内容", "状态", "操作"]) }
                <tbody>
                { for list.into_iter().map(|b| {
                    let votes = paper_of(&b, &props.rated).votes;
                    let on_void = props.on_void.clone();
                    let (label, void) = (ballot_label(&b), b.void);
                    let state = if void { "已作废" } else { b.source.label() };
                    html! {
                        <tr>
                            <td>{ label }</td><td>{ votes_text(&votes) }</td><td>{ state }</td>
                            <td><button onclick={Callback::from(move |_| on_void.emit((b.clone(), !void)))}>{ if void { "恢复" } else { "作废" } }</button></td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </details>
    }
}

/// Votes as a line: 优秀 · 称职 · 不了解.
pub fn votes_text(votes: &[Vote]) -> String {
    votes
        .iter()
        .map(|v| v.label())
        .collect::<Vec<_>>()
        .join(" · ")
}
