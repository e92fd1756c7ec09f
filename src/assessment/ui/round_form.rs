//! Setting up a round: who is rated, the rater groups with their weights and ballots issued, and
//! the rules from votes to grades and bonuses.

use std::rc::Rc;

use crate::ui::form::{field_value, form_footer, on_input};
use yew::prelude::*;

use super::RatingData;
use crate::assessment::model::{Evaluation, Grade, RaterGroup};

#[derive(Properties, PartialEq)]
pub struct RoundFormProps {
    pub data: Rc<RatingData>,
    pub round: Evaluation,
    /// Ballots are in: who is rated and which groups exist can no longer change.
    pub locked: bool,
    pub on_save: Callback<Evaluation>,
    pub on_cancel: Callback<()>,
}

fn number(v: &str) -> u32 {
    v.trim().parse().unwrap_or(0)
}

/// A callback that edits the draft with a number typed into the field.
fn set_number(
    draft: &UseStateHandle<Evaluation>,
    set: impl Fn(&mut Evaluation, u32) + 'static,
) -> Callback<InputEvent> {
    let draft = draft.clone();
    Callback::from(move |e: InputEvent| {
        let mut next = (*draft).clone();
        set(&mut next, number(&field_value(&e)));
        draft.set(next);
    })
}

#[function_component(RoundForm)]
pub fn round_form(props: &RoundFormProps) -> Html {
    let draft = use_state(|| props.round.clone());
    let error = use_state(|| None::<String>);
    let onsubmit = {
        let (draft, error, on_save) = (draft.clone(), error.clone(), props.on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut round = (*draft).clone();
            round.title = round.title.trim().to_string();
            round
                .groups
                .iter_mut()
                .for_each(|g| g.name = g.name.trim().to_string());
            match round.check() {
                Ok(()) => on_save.emit(round),
                Err(e) => error.set(Some(e.user_message())),
            }
        })
    };
    let add_group = {
        let draft = draft.clone();
        Callback::from(move |_| {
            let mut next = (*draft).clone();
            let key = next.groups.iter().map(|g| g.key).max().unwrap_or(0) + 1;
            next.groups.push(RaterGroup {
                key,
                name: String::new(),
                weight: 0,
                issued: 10,
            });
            draft.set(next);
        })
    };
    let mut cadres: Vec<_> = props
        .data
        .cadres
        .iter()
        .filter(|c| !c.retired || draft.rated.contains(&c.meta.id))
        .collect();
    crate::order::sort_by(&mut cadres, |c| {
        crate::order::Key::text(&c.unit).then(&c.name)
    });
    let weights: u32 = draft.groups.iter().map(|g| g.weight).sum();
    html! {
        <form class="form card" {onsubmit} aria-label="评议设置">
            <h2>{ "评议设置" }</h2>
            <label>{ "评议名称" }<input value={draft.title.clone()} oninput={on_input(&draft, |r, v| r.title = v)} /></label>
            <label>{ "年度" }<input type="number" min="2000" max="2100" value={draft.year.to_string()}
                oninput={set_number(&draft, |r, n| r.year = n as i32)} /></label>
            <fieldset class="members">
                <legend>{ format!("被评议人（已选 {} 人，按选择的先后排在评议票上）", draft.rated.len()) }</legend>
                if props.locked { <p>{ "评议表已发出或已有评议票：被评议人和评议组不能再改（发出去的票按原来的名单填写）。要改请在上方“复制为新评议”。" }</p> }
                if cadres.is_empty() { <p>{ "名册中还没有人，请先到“干部名册”添加。" }</p> }
                { for cadres.iter().map(|c| {
                    let id = c.meta.id;
                    let checked = draft.rated.contains(&id);
                    let draft = draft.clone();
                    let onchange = Callback::from(move |_| {
                        let mut next = (*draft).clone();
                        if checked { next.rated.retain(|m| *m != id) } else { next.rated.push(id) }
                        draft.set(next);
                    });
                    html! { <label class="choice"><input type="checkbox" {checked} {onchange} disabled={props.locked} />{ format!("{}（{}）", c.name, c.unit) }</label> }
                }) }
            </fieldset>
            <fieldset>
                <legend>{ format!("评议组（权重合计 {weights}%）") }</legend>
                <table class="grid">
                    <thead><tr><th scope="col">{ "评议组" }</th><th scope="col">{ "权重（%）" }</th><th scope="col">{ "发票数" }</th><th scope="col">{ "操作" }</th></tr></thead>
                    <tbody>
                    { for draft.groups.iter().enumerate().map(|(i, g)| {
                        let remove = { let draft = draft.clone(); Callback::from(move |_| { let mut n = (*draft).clone(); n.groups.remove(i); draft.set(n); }) };
                        let rename = { let draft = draft.clone(); Callback::from(move |e: InputEvent| { let mut n = (*draft).clone(); if let Some(g) = n.groups.get_mut(i) { g.name = field_value(&e) } draft.set(n); }) };
                        html! {
                            <tr>
                                <td><input aria-label={format!("第 {} 组名称", i + 1)} value={g.name.clone()} oninput={rename} disabled={props.locked} /></td>
                                <td><input type="number" min="0" max="100" aria-label={format!("{}权重", g.name)} value={g.weight.to_string()}
                                    oninput={set_number(&draft, move |r, n| if let Some(g) = r.groups.get_mut(i) { g.weight = n })} /></td>
                                <td><input type="number" min="1" aria-label={format!("{}发票数", g.name)} value={g.issued.to_string()}
                                    oninput={set_number(&draft, move |r, n| if let Some(g) = r.groups.get_mut(i) { g.issued = n })} /></td>
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
                <label>{ "优秀票达到（%）才建议评为优秀" }<input type="number" min="0" max="100" value={draft.rules.excellent_min.to_string()} oninput={set_number(&draft, |r, n| r.rules.excellent_min = n)} /></label>
                <label>{ "不称职票超过（%）建议评为不称职" }<input type="number" min="0" max="100" value={draft.rules.incompetent_over.to_string()} oninput={set_number(&draft, |r, n| r.rules.incompetent_over = n)} /></label>
                <label>{ "基本称职和不称职票合计超过（%）建议评为基本称职" }<input type="number" min="0" max="100" value={draft.rules.basic_over.to_string()} oninput={set_number(&draft, |r, n| r.rules.basic_over = n)} /></label>
                <label>{ "优秀名额（占被评议人数的 %，四舍五入）" }<input type="number" min="0" max="100" value={draft.rules.quota.to_string()} oninput={set_number(&draft, |r, n| r.rules.quota = n)} /></label>
                <p>{ "奖金系数（如 1.2 填 120）：" }</p>
                { for Grade::ALL.iter().map(|g| {
                    let i = g.index();
                    html! { <label class="inline">{ g.label() }<input type="number" min="0" max="1000" value={draft.rules.coefficients[i].to_string()}
                        oninput={set_number(&draft, move |r, n| r.rules.coefficients[i] = n)} /></label> }
                }) }
            </fieldset>
            { form_footer(error.as_deref(), "保存评议", &props.on_cancel) }
        </form>
    }
}
