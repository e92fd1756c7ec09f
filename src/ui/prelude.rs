//! What every page imports: yew's prelude, with the app's own `use_state` (`ui::state`) and
//! `use_effect_with` (`ui::effect`) in place of yew's.

pub use crate::ui::effect::use_effect_with;
pub use crate::ui::state::{use_state, UseStateHandle};
pub use yew::prelude::*;
