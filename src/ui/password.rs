//! The password a sealed file is made with, typed twice (it cannot be recovered: the file is
//! opened with it or not at all).

use crate::ui::prelude::*;

use crate::exchange::sealed::{check_new_password, MIN_PASSWORD_CHARS};
use crate::ui::form::field_value;

/// The two boxes' text.
#[derive(Clone, PartialEq, Default)]
pub struct PasswordPair {
    pub first: String,
    pub again: String,
}

impl PasswordPair {
    /// The password once both boxes agree and it is long enough.
    pub fn password(&self) -> Result<String, String> {
        check_new_password(&self.first, &self.again)
            .map(|()| self.first.clone())
            .map_err(|e| e.user_message())
    }
}

/// The two boxes (a plain function, not a component: one less copy of Yew's machinery).
pub fn password_fields(pair: &UseStateHandle<PasswordPair>) -> Html {
    let set = |f: fn(&mut PasswordPair, String)| {
        let pair = pair.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*pair).clone();
            f(&mut next, field_value(&e));
            pair.set(next);
        })
    };
    html! {
        <fieldset class="password-pair form">
            <legend>{ "文件密码" }</legend>
            <p class="hint">{ format!("文件将加密保存，打开时要输入这个密码（至少 {MIN_PASSWORD_CHARS} 个字符）。密码忘了文件就打不开，请另行告知收件人，不要和文件放在一起。") }</p>
            <label>{ "设置密码" }<input type="password" autocomplete="new-password" value={pair.first.clone()} oninput={set(|p, v| p.first = v)} /></label>
            <label>{ "再输一次" }<input type="password" autocomplete="new-password" value={pair.again.clone()} oninput={set(|p, v| p.again = v)} /></label>
        </fieldset>
    }
}
