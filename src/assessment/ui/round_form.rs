//! Setting up a round: who is rated, the rater groups with their weights and ballots issued, and
//! the rules from votes to grades and bonuses.

use std::rc::Rc;

use crate::ui::form::{field_value, form_footer, on_input};
use crate::ui::prelude::*;

use super::RatingData;
use crate::assessment::model::{Evaluation, Grade};
use crate::assessment::round_draft::{matches_search, RoundDraft};

#[derive(Properties, PartialEq)]
pub struct RoundFormProps {
    pub data: Rc<RatingData>,
    pub round: Evaluation,
    /// Ballots are in: who is rated and which groups exist can no longer change.
    pub locked: bool,
    pub on_save: Callback<Evaluation>,
    pub on_cancel: Callback<()>,
}

/// A callback that edits the draft with a text typed into the field.
fn set_text(
    draft: &UseStateHandle<RoundDraft>,
    set: impl Fn(&mut RoundDraft, String) + 'static,
) -> Callback<InputEvent> {
    let draft = draft.clone();
    Callback::from(move |e: InputEvent| {
        let mut next = (*draft).clone();
        set(&mut next, field_value(&e));
        draft.set(next);
    })
}

/// A whole number typed into a field (0 when it is not one: the round's check says why).
fn number(v: &str) -> u32 {
    v.trim().parse().unwrap_or(0)
}

#[function_component(RoundForm)]
pub fn round_form(props: &RoundFormProps) -> Html {
    let draft = use_state(|| RoundDraft::of(&props.round));
    let error = use_state(|| None::<String>);
    // A roster of thousands: a search by name or unit, and everyone it shows chosen at once.
    let search = use_state(String::new);
    let onsubmit = {
        let (draft, error, on_save) = (draft.clone(), error.clone(), props.on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match draft.finish() {
                Ok(round) => on_save.emit(round),
                Err(m) => error.set(Some(m)),
            }
        })
    };
    let add_group = {
        let draft = draft.clone();
        Callback::from(move |_| {
            let mut next = (*draft).clone();
            next.add_group();
            draft.set(next);
        })
    };
    let mut cadres: Vec<_> = props
        .data
        .cadres
        .iter()
        .filter(|c| !c.retired || draft.round.rated.contains(&c.meta.id))
        .filter(|c| matches_search(&c.name, &c.unit, &search))
        .collect();
    crate::ui::collate::sort_in_pinyin(&mut cadres, |c| [&c.unit, &c.name]);
    let shown: Vec<crate::record::Id> = cadres.iter().map(|c| c.meta.id).collect();
    let pick_all = |all: bool| {
        let (draft, shown) = (draft.clone(), shown.clone());
        Callback::from(move |_| {
            let mut next = (*draft).clone();
            if all {
                next.rate_all(&shown);
            } else {
                next.rate_none(&shown);
            }
            draft.set(next);
        })
    };
    let weights = draft.weight_total();
    html! {
        <form class="form card" {onsubmit} aria-label="评议设置">
            <h2>{ "评议设置" }</h2>
            <label>{ "评议名称" }<input value={draft.round.title.clone()} oninput={on_input(&draft, |d, v| d.round.title = v)} /></label>
            <label>{ "年度" }<input type="number" min="2000" max="2100" value={draft.round.year.to_string()}
                oninput={set_text(&draft, |d, v| d.round.year = number(&v) as i32)} /></label>
            <fieldset class="members">
                <legend>{ format!("被评议人（已选 {} 人，按选择的先后排在评议票上）", draft.round.rated.len()) }</legend>
                if props.locked { <p>{ "评议表已发出或已有评议票：被评议人和评议组不能再改（发出去的票按原来的名单填写）。要改请在上方“复制为新评议”。" }</p> }
                if !props.locked {
                    <div class="toolbar">
                        <label>{ "查找（姓名或单位）" }<input type="search" value={(*search).clone()}
                            oninput={{ let q = search.clone(); Callback::from(move |e: InputEvent| q.set(field_value(&e))) }} /></label>
                        <button type="button" onclick={pick_all(true)} disabled={shown.is_empty()}>{ format!("全选（显示的 {} 人）", shown.len()) }</button>
                        <button type="button" onclick={pick_all(false)} disabled={shown.is_empty()}>{ "全不选（显示的）" }</button>
                    </div>
                }
                if cadres.is_empty() && search.trim().is_empty() { <p>{ "名册中还没有人，请先到“干部名册”添加。" }</p> }
                if cadres.is_empty() && !search.trim().is_empty() { <p>{ "没有找到，换个字试试。" }</p> }
                { for cadres.iter().map(|c| {
                    let id = c.meta.id;
                    let checked = draft.round.rated.contains(&id);
                    let draft = draft.clone();
                    let onchange = Callback::from(move |_| {
                        let mut next = (*draft).clone();
                        if checked { next.round.rated.retain(|m| *m != id) } else { next.round.rated.push(id) }
                        draft.set(next);
                    });
                    html! { <label class="choice"><input type="checkbox" {checked} {onchange} disabled={props.locked} />{ format!("{}（{}）", c.name, c.unit) }</label> }
                }) }
            </fieldset>
            <fieldset>
                <legend>{ format!("评议组（权重合计 {weights}）") }</legend>
                <table class="grid">
                    { crate::ui::table::head(&["评议组", "权重（%）", "发票数", "操作"]) }
                    <tbody>
                    { for draft.round.groups.iter().enumerate().map(|(i, g)| {
                        let remove = { let draft = draft.clone(); Callback::from(move |_| { let mut n = (*draft).clone(); n.remove_group(i); draft.set(n); }) };
                        let rename = set_text(&draft, move |d, v| if let Some(g) = d.round.groups.get_mut(i) { g.name = v });
                        html! {
                            <tr>
                                <td><input aria-label={format!("第 {} 组名称", i + 1)} value={g.name.clone()} oninput={rename} disabled={props.locked} /></td>
                                <td><input inputmode="decimal" aria-label={format!("{}权重", g.name)} value={draft.weights.get(i).cloned().unwrap_or_default()}
                                    oninput={set_text(&draft, move |d, v| if let Some(w) = d.weights.get_mut(i) { *w = v })} /></td>
                                <td><input type="number" min="1" aria-label={format!("{}发票数", g.name)} value={g.issued.to_string()}
                                    oninput={set_text(&draft, move |d, v| if let Some(g) = d.round.groups.get_mut(i) { g.issued = number(&v) })} /></td>
                                <td><button type="button" onclick={remove} disabled={props.locked}>{ "删除" }</button></td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
                <button type="button" onclick={add_group} disabled={props.locked}>{ "添加评议组" }</button>
            </fieldset>
            <fieldset>
                <legend>{ "评定规则" }</legend>
                <p>{ "比例可写百分数（60、12.5）或分数（三分之一、1/3）。" }</p>
                <label>{ "优秀票达到（比例）才建议评为优秀" }<input value={draft.excellent_min.clone()} oninput={on_input(&draft, |d, v| d.excellent_min = v)} /></label>
                <label>{ "不称职票超过（比例）建议评为不称职" }<input value={draft.incompetent_over.clone()} oninput={on_input(&draft, |d, v| d.incompetent_over = v)} /></label>
                <label>{ "基本称职和不称职票合计超过（比例）建议评为基本称职" }<input value={draft.basic_over.clone()} oninput={on_input(&draft, |d, v| d.basic_over = v)} /></label>
                <label>{ "优秀名额（占被评议人数的 %，四舍五入）" }<input inputmode="decimal" value={draft.quota.clone()} oninput={on_input(&draft, |d, v| d.quota = v)} /></label>
                <p>{ "奖金系数（如 1.2 填 120）：" }</p>
                { for Grade::ALL.iter().map(|g| {
                    let i = g.index();
                    html! { <label class="inline">{ g.label() }<input type="number" min="0" max="1000" value={draft.round.rules.coefficients[i].to_string()}
                        oninput={set_text(&draft, move |d, v| d.round.rules.coefficients[i] = number(&v))} /></label> }
                }) }
            </fieldset>
            { form_footer(error.as_deref(), "保存评议", &props.on_cancel) }
        </form>
    }
}
