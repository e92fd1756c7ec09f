//! The anonymous ballot a rater fills (kiosk and online alike): a choice per person, and a cast
//! that is always a deliberate click — Enter never casts, and people left unmarked are named
//! and asked about first.

use crate::ui::prelude::*;

use crate::assessment::model::{Ballot, Vote};
use crate::record::Id;
use crate::sorted::SortedMap;

#[derive(Properties, PartialEq)]
pub struct BallotFormProps {
    /// Each rated person with the name shown.
    pub people: Vec<(Id, String)>,
    pub on_cast: Callback<SortedMap<Id, Vote>>,
    #[prop_or_default]
    pub big: bool,
    /// Cast is under way: the button waits.
    #[prop_or_default]
    pub busy: bool,
}

#[function_component(BallotForm)]
pub fn ballot_form(props: &BallotFormProps) -> Html {
    let votes = use_state(SortedMap::<Id, Vote>::new);
    // People left unmarked when 提交 was pressed: the question before casting.
    let asking = use_state(|| None::<Vec<Id>>);
    let rated: Vec<Id> = props.people.iter().map(|(id, _)| *id).collect();
    let name_of = |id: &Id| {
        props
            .people
            .iter()
            .find(|(p, _)| p == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    let submit = {
        let (votes, asking, on_cast, rated) = (
            votes.clone(),
            asking.clone(),
            props.on_cast.clone(),
            rated.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let blank = Ballot::unmarked(&rated, &votes);
            if blank.is_empty() {
                on_cast.emit((*votes).clone());
            } else {
                asking.set(Some(blank));
            }
        })
    };
    let cast_anyway = {
        let (votes, on_cast) = (votes.clone(), props.on_cast.clone());
        Callback::from(move |_: MouseEvent| on_cast.emit((*votes).clone()))
    };
    let back = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(None))
    };
    let big = props.big.then_some("big");
    html! {
        <div class="ballot-form" role="group" aria-label="评议票">
            <p>{ "请对每位被评议人选择一项；不了解的请选“不了解”。本票不记名。" }</p>
            { for props.people.iter().map(|(id, name)| {
                let id = *id;
                html! {
                    <fieldset>
                        <legend>{ name }</legend>
                        { for Vote::ALL.iter().map(|v| {
                            let (votes, asking, v) = (votes.clone(), asking.clone(), *v);
                            html! { <label class="choice"><input type="radio" name={id.to_string()} checked={votes.get(&id) == Some(&v)}
                                onchange={Callback::from(move |_| { let mut n = (*votes).clone(); n.insert(id, v); votes.set(n); asking.set(None); })} />{ v.label() }</label> }
                        }) }
                    </fieldset>
                }
            }) }
            if let Some(blank) = &*asking {
                <div class="notice warn" role="alert">
                    <p>{ format!("还有 {} 人没有选择：{}。没有选择的按“不了解”计。", blank.len(),
                        blank.iter().map(name_of).collect::<Vec<_>>().join("、")) }</p>
                    <button type="button" onclick={back}>{ "返回填写" }</button>
                    <button type="button" class={classes!("primary", big)} onclick={cast_anyway} disabled={props.busy}>{ "按“不了解”计，确认提交" }</button>
                </div>
            } else {
                <button type="button" class={classes!("primary", big)} onclick={submit} disabled={props.busy}>{ "提交评议票" }</button>
            }
        </div>
    }
}
