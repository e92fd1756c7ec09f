//! 随机抽题规则: the builder's rules, each drawing N questions of a kind, category and difficulty
//! from the bank at the points given.

use std::rc::Rc;

use crate::choice::Choice;
use crate::ui::kept_input::KeptInput;
use crate::ui::prelude::*;
use web_sys::{HtmlInputElement, HtmlSelectElement};

use super::QuizData;
use crate::quiz::builder::RuleDraft;
use crate::quiz::model::{Difficulty, QuestionKind};
use crate::quiz::paper::Quiz;

#[derive(Properties, PartialEq)]
pub struct DrawRulesProps {
    pub rules: Vec<RuleDraft>,
    /// What a new rule's 每题分值 starts at.
    pub points_each: String,
    pub bank: Rc<QuizData>,
    pub on_change: Callback<Vec<RuleDraft>>,
}

#[function_component(DrawRules)]
pub fn draw_rules(props: &DrawRulesProps) -> Html {
    let categories = Quiz::categories(&props.bank.questions);
    let rule_row = |(
        i,
        RuleDraft {
            count,
            kind,
            category,
            difficulty,
            points,
        },
    ): (usize, &RuleDraft)| {
        let set = |f: fn(&mut RuleDraft, String)| {
            let (rules, on_change) = (props.rules.clone(), props.on_change.clone());
            Callback::from(move |e: Event| {
                let value = match e.target_dyn_into::<HtmlSelectElement>() {
                    Some(s) => s.value(),
                    None => e.target_unchecked_into::<HtmlInputElement>().value(),
                };
                let mut next = rules.clone();
                if let Some(r) = next.get_mut(i) {
                    f(r, value)
                }
                on_change.emit(next);
            })
        };
        let remove = {
            let (rules, on_change) = (props.rules.clone(), props.on_change.clone());
            Callback::from(move |_| {
                let mut next = rules.clone();
                next.remove(i);
                on_change.emit(next);
            })
        };
        html! {
            <div class="rule" role="group" aria-label={format!("抽题规则 {}", i + 1)}>
                <label class="inline">{ "题数" }<KeptInput value={count.clone()} onchange={set(|r, v| r.count = v)} size="4" /></label>
                <label class="inline">{ "题型" }<select onchange={set(|r, v| r.kind = QuestionKind::from_label(&v))}>
                    <option selected={kind.is_none()}>{ "不限" }</option>
                    { for QuestionKind::ALL.iter().map(|k| html! { <option selected={*kind == Some(*k)}>{ k.label() }</option> }) }
                </select></label>
                <label class="inline">{ "分类" }<select onchange={set(|r, v| r.category = v)}>
                    <option value="" selected={category.is_empty()}>{ "不限" }</option>
                    { for categories.iter().map(|c| html! { <option selected={c == category}>{ c }</option> }) }
                </select></label>
                <label class="inline">{ "难度" }<select onchange={set(|r, v| r.difficulty = Difficulty::from_label(&v))}>
                    <option selected={difficulty.is_none()}>{ "不限" }</option>
                    { for Difficulty::ALL.iter().map(|d| html! { <option selected={*difficulty == Some(*d)}>{ d.label() }</option> }) }
                </select></label>
                <label class="inline">{ "每题分值" }<KeptInput value={points.clone()} onchange={set(|r, v| r.points = v)} size="4" /></label>
                <button type="button" onclick={remove}>{ "删除规则" }</button>
            </div>
        }
    };
    let add_rule = {
        let (rules, on_change, points) = (
            props.rules.clone(),
            props.on_change.clone(),
            props.points_each.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let mut next = rules.clone();
            next.push(RuleDraft {
                count: "10".into(),
                kind: None,
                category: String::new(),
                difficulty: None,
                points: points.clone(),
            });
            on_change.emit(next);
        })
    };
    html! {
        <fieldset><legend>{ "随机抽题规则" }</legend>
            { for props.rules.iter().enumerate().map(rule_row) }
            <button type="button" onclick={add_rule}>{ "添加抽题规则" }</button>
        </fieldset>
    }
}
