//! 打印机读评议票: a group's ballots numbered one by one, each an A4 sheet drawn from the
//! reader's own layout (`assessment::ballot_sheet`): corner markers, the sheet code along the
//! bottom, a row per person with a box per grade (`ui::omr_sheet`); the office scans them back
//! in 扫描计票.

use crate::ui::kept_input::KeptInput;
use crate::ui::prelude::*;

use super::RoundProps;
use crate::assessment::ballot_sheet;
use crate::assessment::model::Vote;
use crate::paper::layout::Layout;
use crate::ui::form::{field_value, print_button};
use crate::ui::omr_sheet;

/// Sheets printed at once: a meeting's worth, and a page the browser still lays out quickly.
const MAX_SHEETS: u32 = 500;

#[function_component(MachineBlank)]
pub fn machine_blank(props: &RoundProps) -> Html {
    let round = &props.round;
    let group = use_state(|| round.groups.first().map(|g| g.key).unwrap_or(0));
    let issued = round.group(*group).map(|g| g.issued).unwrap_or(0);
    let count = use_state(|| None::<u32>);
    let sheets = count.unwrap_or(issued).clamp(1, MAX_SHEETS);
    let set_count = {
        let count = count.clone();
        Callback::from(move |e: Event| count.set(field_value(&e).trim().parse().ok()))
    };
    let group_name = round
        .group(*group)
        .map(|g| g.name.clone())
        .unwrap_or_default();
    let body = match ballot_sheet::layout(round.rated.len()) {
        Err(e) => html! { <p class="late">{ e.message() }</p> },
        Ok(l) => html! {
            <div class="omr-sheets">
                { for (1..=sheets).map(|n| sheet(props, &l, *group, &group_name, n)) }
            </div>
        },
    };
    html! {
        <section aria-labelledby="machine-h">
            <h3 id="machine-h" class="no-print">{ "打印机读评议票" }</h3>
            <p class="no-print">{ "每张票印有票号和四角的黑色定位方块，收回后用扫描仪扫成图片或 PDF，在“扫描计票”里一次计完。请用黑色或蓝色笔在方框内打“√”、打“×”或涂满，不要折叠，不要在方块和票号上写画。" }</p>
            <div class="toolbar no-print">
                { super::group_select(round, &group) }
                <label>{ "印几张" }<KeptInput kind="number" min="1" max={MAX_SHEETS.to_string()} value={sheets.to_string()} onchange={set_count} /></label>
                { print_button("打印") }
            </div>
            { body }
        </section>
    }
}

/// Ballot `number` of the group, as the reader expects it.
fn sheet(props: &RoundProps, l: &Layout, group: u32, group_name: &str, number: u32) -> Html {
    let round = &props.round;
    let Ok(code) = ballot_sheet::code(round.meta.id, group, number) else {
        return html! {};
    };
    let head_y = l.boxes.first().map_or(50.0, |b| b.y - 3.0);
    let grade_heads = l.boxes.iter().take(Vote::ALL.len()).zip(Vote::ALL).map(|(b, v)| {
        html! { <text x={(b.x + b.w / 2.0).to_string()} y={head_y.to_string()} font-size="3" text-anchor="middle">{ v.label() }</text> }
    });
    let rows = l
        .groups
        .iter()
        .zip(&round.rated)
        .enumerate()
        .map(|(i, (g, id))| {
            let first = l.boxes.get(g.first).copied();
            let y = first.map_or(0.0, |b| b.y + b.h * 0.8);
            let (name, _) = props.data.person(*id);
            let post: String = props
                .data
                .cadres
                .iter()
                .find(|c| c.meta.id == *id)
                .map(|c| format!("{}{}", c.unit, c.post))
                .unwrap_or_default();
            // What the column holds (about 22 characters at this size).
            let post = match post.chars().count() {
                n if n > 22 => format!("{}…", post.chars().take(21).collect::<String>()),
                _ => post,
            };
            html! {
                <g>
                    <text x="22" y={y.to_string()} font-size="3.2">{ (i + 1).to_string() }</text>
                    <text x="32" y={y.to_string()} font-size="3.2">{ name }</text>
                    <text x="58" y={y.to_string()} font-size="2.6">{ post }</text>
                </g>
            }
        });
    let label = format!("机读评议票 第 {number} 张");
    let content = html! {
        <>
            <text x="105" y="27" font-size="6" text-anchor="middle" font-weight="bold">{ format!("{}测评票", round.title) }</text>
            <text x="22" y="37" font-size="3.6">{ format!("评议组：{group_name}") }</text>
            <text x="188" y="37" font-size="3.6" text-anchor="end">{ format!("票号：{number}") }</text>
            <text x="22" y="43" font-size="2.6">{ "请在每人相应等次的方框内打“√”、打“×”或涂满，每人只选一项；不了解的选“不了解”。本票不记名，请勿折叠。" }</text>
            <text x="22" y={head_y.to_string()} font-size="3">{ "序号" }</text>
            <text x="32" y={head_y.to_string()} font-size="3">{ "姓名" }</text>
            <text x="58" y={head_y.to_string()} font-size="3">{ "单位及职务" }</text>
            { for grade_heads }
            { for rows }
        </>
    };
    omr_sheet::sheet(label, code, &l.boxes, content)
}
