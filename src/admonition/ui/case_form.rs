//! Opening a case: the person, the matter and the talk; the deadline shown as it will be counted.

use std::rc::Rc;

use crate::ui::form::{choice_select, date_input, field_value, form_footer, on_input, on_pick};
use crate::ui::prelude::*;

use super::CaseData;
use crate::admonition::deadline::{deadline, missing_years, DeadlineRule};
use crate::admonition::model::{Admonition, By, Opening, Reason, Talk};
use crate::record::Meta;
use crate::session::use_session;
use crate::store::schema::StoreName;
use crate::store::settings::ADMONITION_RULE;
use crate::ui::load::use_load;
use crate::ui::time;

#[derive(Properties, PartialEq)]
pub struct CaseFormProps {
    pub data: Rc<CaseData>,
    pub on_save: Callback<Admonition>,
    pub on_cancel: Callback<()>,
}

/// The rule new cases get: the office's setting, or 5 calendar days and 6 months.
#[hook]
pub fn use_rule() -> DeadlineRule {
    let rule = use_load(&[StoreName::Settings], |session| async move {
        session.store.setting::<DeadlineRule>(ADMONITION_RULE).await
    });
    rule.ready().and_then(|r| **r).unwrap_or_default()
}

#[function_component(CaseForm)]
pub fn case_form(props: &CaseFormProps) -> Html {
    let session = use_session();
    let rule = use_rule();
    let draft = use_state(|| Opening {
        cadre: None,
        post: String::new(),
        reason: Reason::NegativeAttitude,
        matter: String::new(),
        facts: String::new(),
        talk: Talk {
            date: time::local_now().date(),
            time: String::new(),
            place: String::new(),
            talker: session.profile.name.clone(),
            recorder: String::new(),
            content: String::new(),
            explanation: String::new(),
        },
    });
    let error = use_state(|| None::<String>);
    let data = &props.data;
    let text = |set: fn(&mut Opening, String)| on_input(&draft, set);
    let on_cadre = {
        let (draft, cadres) = (draft.clone(), data.cadres.clone());
        Callback::from(move |e: Event| {
            let id = uuid::Uuid::parse_str(&field_value(&e)).ok();
            let mut next = (*draft).clone();
            next.cadre = id;
            if let Some(c) = id.and_then(|id| cadres.iter().find(|c| c.meta.id == id)) {
                next.post = c.post.clone();
            }
            draft.set(next);
        })
    };
    let onsubmit = {
        let (draft, error, on_save, session) = (
            draft.clone(),
            error.clone(),
            props.on_save.clone(),
            session.clone(),
        );
        let calendars = data.calendars.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let now = time::now();
            let meta = Meta::unsaved(now);
            let by = By {
                name: &session.profile.name,
                at: now,
                today: time::local_now().date(),
            };
            match Admonition::open(meta, (*draft).clone(), rule, &calendars, by) {
                Ok(case) => on_save.emit(case),
                Err(e) => error.set(Some(e.user_message())),
            }
        })
    };
    let due = deadline(draft.talk.date, &rule, &data.calendars);
    let missing = missing_years(draft.talk.date, &rule, &data.calendars);
    let mut cadres: Vec<_> = data.cadres.iter().filter(|c| !c.retired).collect();
    crate::ui::collate::sort_in_pinyin(&mut cadres, |c| [&c.unit, &c.name]);
    html! {
        <form class="form card" {onsubmit} aria-label="新建诫勉案件">
            <h2>{ "新建诫勉案件" }</h2>
            <label>{ "被诫勉人" }
                <select onchange={on_cadre} required=true>
                    <option value="" selected={draft.cadre.is_none()}>{ "（请选择）" }</option>
                    { for cadres.iter().map(|c| html! {
                        <option value={c.meta.id.to_string()} selected={draft.cadre == Some(c.meta.id)}>{ format!("{}（{}）", c.name, c.unit) }</option>
                    }) }
                </select>
            </label>
            <label>{ "职务" }<input value={draft.post.clone()} oninput={text(|o, v| o.post = v)} /></label>
            <label>{ "事由类别" }
                { choice_select(draft.reason, on_pick(&draft, |o, r| o.reason = r)) }
            </label>
            <label>{ "事由（一句话）" }<input value={draft.matter.clone()} oninput={text(|o, v| o.matter = v)} required=true /></label>
            <label>{ "查明的事实" }<textarea value={draft.facts.clone()} oninput={text(|o, v| o.facts = v)} rows="3" /></label>
            <fieldset>
                <legend>{ "诫勉谈话" }</legend>
                <label>{ "谈话日期" }{ date_input(draft.talk.date, on_pick(&draft, |o, d| o.talk.date = d)) }</label>
                <label>{ "谈话时间" }<input value={draft.talk.time.clone()} placeholder="如：上午9时" oninput={text(|o, v| o.talk.time = v)} /></label>
                <label>{ "谈话地点" }<input value={draft.talk.place.clone()} oninput={text(|o, v| o.talk.place = v)} required=true /></label>
                <label>{ "谈话人" }<input value={draft.talk.talker.clone()} oninput={text(|o, v| o.talk.talker = v)} required=true /></label>
                <label>{ "记录人" }<input value={draft.talk.recorder.clone()} oninput={text(|o, v| o.talk.recorder = v)} /></label>
                <label>{ "谈话内容" }<textarea value={draft.talk.content.clone()} oninput={text(|o, v| o.talk.content = v)} rows="4" /></label>
                <label>{ "本人说明" }<textarea value={draft.talk.explanation.clone()} oninput={text(|o, v| o.talk.explanation = v)} rows="3" /></label>
            </fieldset>
            <p class="deadline-preview" role="status">{ format!("整改期限：{}，即{}前提交整改措施。", rule.convention(), due_in_words(due)) }</p>
            if !missing.is_empty() {
                <p class="notice warn">{ crate::admonition::deadline::provisional_note(&missing) }{ "请到“期限与节假日”录入。" }</p>
            }
            { form_footer(error.as_deref(), "立案", &props.on_cancel) }
        </form>
    }
}

/// "2026年12月9日（周三）".
fn due_in_words(due: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!(
        "{}（{}）",
        crate::admonition::document::text_date(due),
        crate::admonition::notice::weekday_label(due.weekday())
    )
}
