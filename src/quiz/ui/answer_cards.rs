//! 打印答题卡: a paper exam's answer cards, numbered one by one, each an A4 sheet drawn from the
//! reader's own layout (`quiz::answer_card`): the 答题码 grid, a section of boxes per kind of
//! question, the sheet code along the bottom. The office scans them back in 扫描答题卡.

use crate::ui::kept_input::KeptInput;
use crate::ui::prelude::*;

use crate::quiz::answer_card::{self, Card, CODE_DIGITS, CODE_STEP, CODE_TOP_LEFT};
use crate::quiz::paper::Quiz;
use crate::ui::form::{field_value, print_button};
use crate::ui::omr_sheet::{self, text};

/// Cards printed at once: a meeting room's worth, and a page the browser still lays out quickly.
const MAX_SHEETS: u32 = 500;

#[derive(Properties, PartialEq)]
pub struct AnswerCardsProps {
    pub quiz: Quiz,
    /// How many people are on the roster: the cards printed unless the office says otherwise.
    pub people: usize,
    pub on_close: Callback<()>,
}

#[function_component(AnswerCards)]
pub fn answer_cards(props: &AnswerCardsProps) -> Html {
    let count = use_state(|| None::<u32>);
    let default = u32::try_from(props.people).unwrap_or(MAX_SHEETS);
    let sheets = count.unwrap_or(default).clamp(1, MAX_SHEETS);
    let set_count = {
        let count = count.clone();
        Callback::from(move |e: Event| count.set(field_value(&e).trim().parse().ok()))
    };
    let quiz = &props.quiz;
    let body = match answer_card::card(quiz) {
        Err(e) => html! { <p class="late">{ e.message() }</p> },
        Ok(card) => html! {
            <div class="omr-sheets">
                { for (1..=sheets).map(|n| sheet(quiz, &card, n)) }
            </div>
        },
    };
    html! {
        // No card margin: the first sheet must begin the first printed page.
        <section aria-labelledby="cards-h">
            <h3 id="cards-h" class="no-print">{ format!("打印答题卡：{}", quiz.title) }</h3>
            <p class="no-print">{ "纸质考试：先在“预览”里打印不含答案的试卷，再在这里打印答题卡，每人一张。考后把答题卡扫成图片或 PDF，在“扫描答题卡”里一次阅完。请用黑色或蓝色笔在方框内打“√”、打“×”或涂满，不要折叠，不要在四角的方块和下方的编号上写画。" }</p>
            if quiz.codes.asked() {
                <p class="no-print">{ "答题卡上要涂答题码：请同时打印“答题码”发给每人。阅卷时按答题码认人，并核对是否本人。" }</p>
            }
            <div class="toolbar no-print">
                <label>{ "印几张" }<KeptInput kind="number" min="1" max={MAX_SHEETS.to_string()} value={sheets.to_string()} onchange={set_count} /></label>
                { print_button("打印答题卡") }
                <button onclick={props.on_close.reform(|_| ())}>{ "关闭" }</button>
            </div>
            { body }
        </section>
    }
}

/// Card `number`, as the reader expects it.
fn sheet(quiz: &Quiz, card: &Card, number: u32) -> Html {
    let Ok(code) = answer_card::code(quiz, number) else {
        return html! {};
    };
    let sections = card.sections.iter().enumerate().map(|(i, s)| {
        let heading = format!("{}、{}题", ["一", "二", "三"][i.min(2)], s.kind.label());
        html! {
            <>
                { text(22.0, s.heading_y, 3.6, "start", heading) }
                { for s.letters.iter().map(|(at, l)| text(at.x, at.y, 2.8, "middle", l.clone())) }
            </>
        }
    });
    let numbers = card.rows.iter().map(|r| {
        text(
            r.number_at.x,
            r.number_at.y,
            3.0,
            "end",
            (r.position + 1).to_string(),
        )
    });
    let written = (!card.written.is_empty()).then(|| {
        format!(
            "简答题（第 {} 题）请答在试卷上。",
            answer_card::numbers(&card.written)
        )
    });
    let content = html! {
        <>
            { text(105.0, 27.0, 6.0, "middle", format!("{} 答题卡", quiz.title)) }
            { text(22.0, 37.0, 3.6, "start", "姓名：________________    单位：________________________") }
            { text(188.0, 37.0, 3.6, "end", format!("卡号：{number}")) }
            { text(22.0, 43.0, 2.6, "start", "在选中的方框内打“√”、打“×”或涂满；单选、判断每题只选一项，多选可选几项。请勿折叠，不要在四角方块和下方编号上写画。") }
            if let Some(w) = written { { text(22.0, 46.5, 2.6, "start", w) } }
            if card.codes { { code_grid() } }
            { for sections }
            { for numbers }
        </>
    };
    omr_sheet::sheet(
        format!("答题卡 第 {number} 张"),
        code,
        &card.layout.boxes,
        content,
    )
}

/// The 答题码 block's print: its heading, a box per digit to write it in, the digits 0–9 down
/// the left of the grid (whose boxes the layout holds).
fn code_grid() -> Html {
    let (x0, y0) = (CODE_TOP_LEFT.x, CODE_TOP_LEFT.y);
    let write_in = (0..CODE_DIGITS).map(|c| {
        let x = x0 + c as f64 * CODE_STEP.x - 1.0;
        html! { <rect x={x.to_string()} y={(y0 - 9.0).to_string()} width="6" height="7" fill="none" stroke="#000" stroke-width="0.2" /> }
    });
    html! {
        <>
            { text(22.0, y0 - 10.5, 3.4, "start", "答题码（先在上面的格子里写，再在下面对应的数字方框里打记号）") }
            { for write_in }
            { for (0..10).map(|d| text(x0 - 2.5, y0 + d as f64 * CODE_STEP.y + 3.2, 3.0, "end", d.to_string())) }
        </>
    }
}
