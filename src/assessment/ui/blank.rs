//! Blank A4 ballots for one rater group: each rated person with a box per grade and 不了解, and
//! a place for the ballot's number.

use crate::ui::prelude::*;

use super::RoundProps;
use crate::assessment::model::Vote;

#[function_component(BlankBallots)]
pub fn blank_ballots(props: &RoundProps) -> Html {
    let round = &props.round;
    let group = use_state(|| round.groups.first().map(|g| g.key).unwrap_or(0));
    let name = round
        .group(*group)
        .map(|g| g.name.clone())
        .unwrap_or_default();
    let post = |id: &uuid::Uuid| {
        props
            .data
            .cadres
            .iter()
            .find(|c| c.meta.id == *id)
            .map(|c| format!("{}{}", c.unit, c.post))
            .unwrap_or_default()
    };
    html! {
        <section>
            <div class="toolbar no-print">
                { super::group_select(round, &group) }
                { crate::ui::form::print_button("打印") }
            </div>
            <div class="ballot-sheet" aria-label="空白评议票">
                <h2>{ format!("{}测评票", round.title) }</h2>
                <p class="ballot-head"><span>{ format!("评议组：{name}") }</span><span>{ "票号：________" }</span></p>
                <table class="grid ballot">
                    <thead><tr>
                        <th scope="col">{ "序号" }</th><th scope="col">{ "姓名" }</th><th scope="col">{ "单位及职务" }</th>
                        { for Vote::ALL.iter().map(|v| html! { <th scope="col">{ v.label() }</th> }) }
                    </tr></thead>
                    <tbody>
                    { for round.rated.iter().enumerate().map(|(i, id)| html! {
                        <tr>
                            <td>{ i + 1 }</td><td>{ props.data.person(*id).0 }</td><td>{ post(id) }</td>
                            { for Vote::ALL.iter().map(|_| html! { <td class="box">{ "□" }</td> }) }
                        </tr>
                    }) }
                    </tbody>
                </table>
                <p>{ "说明：请在每位被评议人相应等次下的“□”内打“√”，每人只选一项；不了解的选“不了解”。本票不记名，请勿在票上写姓名。" }</p>
            </div>
        </section>
    }
}
