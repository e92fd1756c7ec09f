//! The 文号 of the document on screen: give it, withdraw it with a reason, or renumber it when
//! the 成文日期 has moved into another year. The rules are in `register.rs`.

use std::rc::Rc;

use crate::ui::prelude::*;
use chrono::{Datelike, NaiveDate};

use super::CaseData;
use crate::admonition::identity::OfficeIdentity;
use crate::admonition::model::{Admonition, By};
use crate::admonition::register::{give_number, renumber, void_number, year_differs, NumberError};
use crate::admonition::template::DocKind;
use crate::session::Session;
use crate::ui::form::on_input;
use crate::ui::notice::Notice;
use crate::ui::time;

/// A change of the case's numbers, by a rule of `register.rs`.
type Change = Rc<dyn Fn(&Admonition, &By) -> Result<Admonition, NumberError>>;

/// What the number controls work on; the withdrawal reason being typed lives in `voiding`
/// (a state of the documents screen: these controls are a function, not a component).
pub struct NumberArgs<'a> {
    pub session: &'a Session,
    pub voiding: &'a UseStateHandle<Option<String>>,
    pub data: &'a Rc<CaseData>,
    pub case: &'a Rc<Admonition>,
    pub kind: DocKind,
    /// 成文日期.
    pub on: NaiveDate,
    /// The 代字 the document goes out under (the template's, else the office's).
    pub prefix: String,
    pub identity: Rc<OfficeIdentity>,
    pub report: Callback<Notice>,
}

pub fn number_controls(a: NumberArgs) -> Html {
    if !a.kind.numbered() {
        return html! {};
    }
    let change = |f: Change, done: &'static str| {
        let (session, report, case, voiding) = (
            a.session.clone(),
            a.report.clone(),
            a.case.clone(),
            a.voiding.clone(),
        );
        Callback::from(move |_| {
            let by = By {
                name: &session.profile.name,
                at: time::now(),
                today: time::local_now().date(),
            };
            match f(&case, &by) {
                Ok(next) => {
                    voiding.set(None);
                    session.save(vec![next], report.clone(), done);
                }
                Err(e) => report.emit(Notice::Error(e.user_message())),
            }
        })
    };
    let (kind, on, prefix) = (a.kind, a.on, a.prefix.clone());
    let (all, identity) = (a.data.cases.clone(), a.identity.clone());
    let give = {
        let (all, identity, prefix) = (all.clone(), identity.clone(), prefix.clone());
        change(
            Rc::new(move |c, _| {
                give_number(c, kind, &prefix, on, &all, &|k| {
                    identity.prefix(k).to_string()
                })
            }),
            "已编文号。",
        )
    };
    let Some(number) = a.case.numbers.get(&kind) else {
        return html! { <button onclick={give}>{ "编文号" }</button> };
    };
    let text = number.format(&prefix);
    let renumber_button = year_differs(a.case, kind, on).map(|year| {
        let (all, identity, prefix) = (all.clone(), identity.clone(), prefix.clone());
        let on_renumber = change(
            Rc::new(move |c, by| {
                renumber(
                    c,
                    kind,
                    &prefix,
                    on,
                    &all,
                    &|k| identity.prefix(k).to_string(),
                    by,
                )
            }),
            "原文号已作废，已按成文日期重新编号。",
        );
        html! {
            <p class="notice warn" role="note">
                { format!("文号 {text} 是 {year} 年的，成文日期在 {} 年。", on.year()) }
                <button onclick={on_renumber}>{ "作废原文号并重新编号" }</button>
            </p>
        }
    });
    let voiding = a.voiding;
    html! {
        <div class="doc-number-tools">
            <span>{ format!("文号：{text}") }</span>
            if let Some(reason) = (**voiding).clone() {
                <label>{ "作废原因" }
                    <input value={reason.clone()} oninput={on_input(voiding, |v, s| *v = Some(s))} /></label>
                <button class="danger" onclick={
                    change(Rc::new(move |c, by| void_number(c, kind, &reason, by)), "文号已作废，仍保留在文号登记中。")
                }>{ "确认作废" }</button>
                <button onclick={{ let v = voiding.clone(); Callback::from(move |_| v.set(None)) }}>{ "取消" }</button>
            } else {
                <button onclick={{ let v = voiding.clone(); Callback::from(move |_| v.set(Some(String::new()))) }}>{ "作废文号" }</button>
            }
            { for renumber_button }
        </div>
    }
}
