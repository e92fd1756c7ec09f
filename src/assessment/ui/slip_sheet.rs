//! 打印选票码: per group, one slip per ballot issued, to cut apart and hand out face down at
//! the door, so that nobody knows whose code is whose.

use crate::ui::prelude::*;

use super::RoundProps;
use crate::assessment::slips::{codes, printed};

#[function_component(SlipSheet)]
pub fn slip_sheet(props: &RoundProps) -> Html {
    let round = &props.round;
    let group = use_state(|| round.groups.first().map(|g| g.key).unwrap_or(0));
    let Some(key) = round.slips.key() else {
        return html! { <p>{ "这次评议建于选票码之前（或是收到的评议表），网上评议和现场投票不用选票码。" }</p> };
    };
    let Some(g) = round.group(*group) else {
        return html! {};
    };
    let list = codes(key, g.key, g.issued);
    html! {
        <section aria-labelledby="slips-h">
            <h3 id="slips-h" class="no-print">{ "选票码" }</h3>
            <p class="no-print">{ "网上评议和现场投票凭选票码投票：每个评议组按发票数打印，剪开后在会场门口随机发放（背面朝上），谁拿到哪一张无人知道。每个选票码只计一票。" }</p>
            <div class="toolbar no-print">
                { super::group_select(round, &group) }
                { crate::ui::form::print_button("打印") }
            </div>
            <ul class="code-slips" aria-label={format!("{}选票码", g.name)}>
                { for list.iter().map(|c| html! {
                    <li class="slip">
                        <span class="slip-title">{ format!("{}　{}", round.title, g.name) }</span>
                        <span class="code">{ printed(c) }</span>
                        <span class="slip-title">{ "凭此码投票一次，请勿示人" }</span>
                    </li>
                }) }
            </ul>
        </section>
    }
}
