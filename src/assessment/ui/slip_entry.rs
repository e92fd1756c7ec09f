//! Typing the 选票码 from one's slip before a ballot opens. The code says the rater's group;
//! on the office's own computer (the kiosk) it must also be one printed and not yet used.

use crate::ui::prelude::*;

use crate::assessment::intake::check_cast;
use crate::assessment::model::{Ballot, Evaluation, Source};
use crate::assessment::slips;
use crate::ui::form::field_value;
use crate::ui::time;

#[derive(Properties, PartialEq)]
pub struct SlipEntryProps {
    pub round: Evaluation,
    /// The kiosk's group: a code of another group is refused.
    #[prop_or_default]
    pub group: Option<u32>,
    /// Ballots already counted here (the kiosk), so a used code is refused at the door.
    #[prop_or_default]
    pub counted: Vec<Ballot>,
    /// The code (digits only) and its group.
    pub on_ok: Callback<(String, u32)>,
}

#[function_component(SlipEntry)]
pub fn slip_entry(props: &SlipEntryProps) -> Html {
    let typed = use_state(String::new);
    let error = use_state(|| None::<String>);
    let onsubmit = {
        let (typed, error, round, group, counted, on_ok) = (
            typed.clone(),
            error.clone(),
            props.round.clone(),
            props.group,
            props.counted.clone(),
            props.on_ok.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (code, slip_group) = match slips::group_of(typed.trim()) {
                Ok(found) => found,
                Err(why) => return error.set(Some(why.user_message())),
            };
            let trial = Ballot::anonymous(
                &round,
                group.unwrap_or(slip_group),
                Source::Kiosk,
                Default::default(),
                Some(code.clone()),
                time::now(),
            );
            match check_cast(&trial, Some(&round), &counted) {
                Ok(()) => {
                    error.set(None);
                    typed.set(String::new());
                    on_ok.emit((code, trial.group));
                }
                Err(why) => error.set(Some(why.user_message())),
            }
        })
    };
    html! {
        <form class="form slip-entry" {onsubmit} aria-label="输入选票码">
            <label>{ "选票码（会场发给您的选票码条上的 9 位数字）" }
                <input inputmode="numeric" autocomplete="off" value={(*typed).clone()}
                    oninput={{ let t = typed.clone(); Callback::from(move |e: InputEvent| t.set(field_value(&e))) }} />
            </label>
            if let Some(m) = &*error { <p class="notice error" role="alert">{ m }</p> }
            <button type="submit" class="primary">{ "下一步：填写评议票" }</button>
        </form>
    }
}
