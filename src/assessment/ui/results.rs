//! 测评结果汇总表: each group's return, each person's votes, shares, composite score, rank,
//! suggested and final grade with the reasons, and bonus coefficient; a bar chart; CSV, Excel
//! and print.

use crate::ui::prelude::*;

use super::RoundProps;
use crate::assessment::model::{coefficient_text, Grade, Vote};
use crate::assessment::report::{explanation, group_rows, notes, percent, result_rows, Reasons};
use crate::assessment::tally::{tally, GroupState, Tally};
use crate::exchange::table::csv_text;
use crate::office::xlsx;
use crate::ui::download::{save_office, save_text, XLSX};
use crate::ui::notice::{notice_box, Notice};

const COLOURS: [&str; 4] = ["#1a7f37", "#0969da", "#bf8700", "#cf222e"];
/// The legend's colours are classes (styles/main.css, the same colours): the page's CSP allows
/// no inline style.
const SWATCHES: [&str; 4] = ["g0", "g1", "g2", "g3"];

#[function_component(Results)]
pub fn results(props: &RoundProps) -> Html {
    let notice = use_state(|| None::<Notice>);
    let round = &props.round;
    let data = &props.data;
    let ballots: Vec<_> = data
        .ballots_of(round.meta.id)
        .into_iter()
        .cloned()
        .collect();
    let admonished = data.admonished(round.year);
    let t: Tally = tally(round, &ballots, &admonished);
    // Why someone cannot be 优秀 is written on the sheet only where the office ticks it.
    let shown = use_state(|| false);
    let reasons = if *shown {
        Reasons::Shown
    } else {
        Reasons::Withheld
    };
    let people_rows = result_rows(
        round,
        &t,
        &|id| data.person(id),
        &|id| data.self_grade(id, round.year),
        reasons,
    );
    // The exports carry the groups' table and the explanation under the people.
    let mut rows = people_rows.clone();
    rows.push(Vec::new());
    rows.extend(group_rows(&t));
    rows.push(Vec::new());
    rows.push(vec![explanation(round)]);
    let sheet = xlsx::Sheet::new(
        "测评结果",
        &format!("{}测评结果汇总表", round.title),
        people_rows,
    )
    .table(group_rows(&t))
    .note(explanation(round));
    let export = |excel: bool| {
        let (rows, sheet, notice, title) = (
            rows.clone(),
            sheet.clone(),
            notice.clone(),
            round.title.clone(),
        );
        Callback::from(move |_| {
            let result = if excel {
                save_office(
                    &format!("{title}-测评结果.xlsx"),
                    XLSX,
                    xlsx::workbook(&sheet),
                )
            } else {
                save_text(
                    &format!("{title}-测评结果.csv"),
                    "text/csv",
                    &csv_text(&rows),
                )
            };
            if let Err(m) = result {
                notice.set(Some(Notice::Error(m)));
            }
        })
    };
    let mut people: Vec<_> = t.people.iter().collect();
    crate::order::sort_by(&mut people, |p| crate::order::Key::int(p.rank as i64));
    let excellent = t
        .people
        .iter()
        .filter(|p| p.grade == Some(Grade::Excellent))
        .count();
    html! {
        <section class="results" aria-labelledby="results-h">
            <h3 id="results-h">{ format!("{}测评结果汇总表", round.title) }</h3>
            { notice_box(notice.as_ref()) }
            <div class="toolbar no-print">
                <button onclick={export(true)}>{ "导出 Excel" }</button>
                <button onclick={export(false)}>{ "导出 CSV" }</button>
                { crate::ui::form::print_button("打印") }
                <label class="choice"><input type="checkbox" checked={*shown}
                    onchange={{ let s = shown.clone(); Callback::from(move |_| s.set(!*s)) }} />{ "表中写明不能评优秀的原因（诫勉，属个人信息）" }</label>
            </div>
            <table class="grid" aria-label="各评议组收票情况">
                { crate::ui::table::head(&["评议组", "权重", "发出", "收回", "计票"]) }
                <tbody>
                { for t.groups.iter().map(|g| html! {
                    <tr class={classes!((g.state != GroupState::Counted).then_some("late"))}>
                        <th scope="row">{ &g.name }</th><td>{ g.weight.label() }</td><td>{ g.issued }</td><td>{ g.returned }</td><td>{ g.state.label() }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            <p>{ format!("优秀名额 {} 名（{}），现评定优秀 {} 名。空白和“不了解”按弃权，不计入得票率。", t.quota, round.rules.quota.label(), excellent) }</p>
            <div class="sheet-scroll" tabindex="0" role="region" aria-label="测评结果表（可左右滚动）">
            <table class="grid result-sheet" aria-label="测评结果">
                <thead><tr>
                    <th scope="col">{ "名次" }</th><th scope="col">{ "姓名" }</th>
                    { for round.groups.iter().map(|g| html! { <th scope="col">{ format!("{}（优/称/基/不/弃）", g.name) }</th> }) }
                    <th scope="col">{ "优秀率" }</th><th scope="col">{ "综合得分" }</th><th scope="col">{ "建议等次" }</th>
                    <th scope="col">{ "本人自评" }</th><th scope="col">{ "评定等次" }</th><th scope="col">{ "说明" }</th><th scope="col">{ "奖金系数" }</th>
                </tr></thead>
                <tbody>
                { for people.iter().map(|p| html! {
                    <tr>
                        <td>{ p.rank }</td>
                        <th scope="row">{ data.person(p.cadre).0 }</th>
                        { for p.per_group.iter().map(|c| html! { <td>{ Vote::ALL.iter().map(|v| c.of(*v).to_string()).collect::<Vec<_>>().join("/") }</td> }) }
                        <td>{ percent(p.shares[0]) }</td>
                        <td>{ p.composite.map(|c| format!("{c:.2}")).unwrap_or_else(|| "—".into()) }</td>
                        <td>{ p.suggested.map(Grade::label).unwrap_or("—") }</td>
                        <td>{ data.self_grade(p.cadre, round.year).unwrap_or_else(|| "未交".into()) }</td>
                        <td><strong>{ p.grade.map(Grade::label).unwrap_or("—") }</strong></td>
                        <td>{ notes(p, reasons) }</td>
                        <td>{ p.coefficient.map(coefficient_text).unwrap_or_default() }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            </div>
            <p class="explanation">{ explanation(round) }</p>
            <super::decision::DecisionForm data={props.data.clone()} round={props.round.clone()} tally={t.clone()} />
            { chart(&people.iter().map(|p| (data.person(p.cadre).0, p.shares)).collect::<Vec<_>>()) }
        </section>
    }
}

/// Each person's weighted shares as one stacked bar.
fn chart(people: &[(String, [f64; 4])]) -> Html {
    const ROW: f64 = 26.0;
    const LEFT: f64 = 90.0;
    const WIDTH: f64 = 520.0;
    let height = ROW * people.len() as f64 + 30.0;
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {} {height}", LEFT + WIDTH + 10.0)} role="img" aria-label="各人得票率（加权）条形图" width="100%">
                { for people.iter().enumerate().map(|(i, (name, shares))| {
                    let y = i as f64 * ROW;
                    let mut x = LEFT;
                    html! {
                        <g>
                            <text x={(LEFT - 6.0).to_string()} y={(y + 17.0).to_string()} text-anchor="end" font-size="13">{ name }</text>
                            { for shares.iter().enumerate().map(|(g, s)| {
                                let w = s * WIDTH;
                                let rect = html! { <rect x={x.to_string()} y={(y + 4.0).to_string()} width={w.max(0.0).to_string()} height="18" fill={COLOURS[g]}>
                                    <title>{ format!("{} {}：{}", name, Grade::ALL[g].label(), percent(*s)) }</title></rect> };
                                x += w;
                                rect
                            }) }
                        </g>
                    }
                }) }
            </svg>
            <figcaption>
                { for Grade::ALL.iter().enumerate().map(|(g, grade)| html! {
                    <span class="legend-item"><span class={classes!("swatch", SWATCHES[g])}></span>{ grade.label() }</span>
                }) }
            </figcaption>
        </figure>
    }
}
