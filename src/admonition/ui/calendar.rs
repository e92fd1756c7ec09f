//! 期限与节假日: the deadline rule new cases get, and each year's holidays and make-up working
//! days, entered from the State Council's notice.

use crate::choice::Choice;
use crate::ui::kept_input::KeptInput;
use crate::ui::prelude::*;
use chrono::Datelike;

use super::case_form::use_rule;
use super::DataProps;
use std::rc::Rc;

use super::CaseData;
use crate::admonition::deadline::{days_text, Counting, DeadlineRule, HolidayCalendar};
use crate::admonition::model::{recount_all, By};
use crate::admonition::notice::{days_in_words, month_day, read_calendar, Reading};
use crate::record::Meta;
use crate::session::{reporter, use_session, Batch};
use crate::store::schema::StoreName;
use crate::store::settings::ADMONITION_RULE;
use crate::ui::form::{field_value, on_input, set_to, year_input};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

/// The calendar form's text fields.
#[derive(Clone, PartialEq)]
struct CalendarDraft {
    holidays: String,
    makeup: String,
    note: String,
}

#[function_component(CalendarTab)]
pub fn calendar_tab(props: &DataProps) -> Html {
    let session = use_session();
    let rule = use_rule();
    let notice = use_state(|| None::<Notice>);
    let year = use_state(|| time::local_now().date().year());
    let stored = props
        .data
        .calendars
        .iter()
        .find(|c| c.year == *year)
        .cloned();
    let on_rule = {
        let (session, notice) = (session.clone(), notice.clone());
        move |next: DeadlineRule| {
            let (session, notice) = (session.clone(), notice.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = match next.check() {
                    Err(m) => Err(m),
                    Ok(()) => session.set_setting(ADMONITION_RULE, next).await,
                };
                notice.set(Some(match result {
                    Ok(()) => Notice::Success(format!(
                        "新案件的整改期限：{}；考察期 {} 个月。已立案的案件不变。",
                        next.describe(),
                        next.observation_months
                    )),
                    Err(m) => {
                        // A refused value: the boxes show the stored rule again.
                        session.announce.emit(vec![StoreName::Settings]);
                        Notice::Error(m)
                    }
                }));
            });
        }
    };
    let set = |f: fn(&mut DeadlineRule, &str)| {
        let on_rule = on_rule.clone();
        Callback::from(move |e: Event| {
            let mut next = rule;
            f(&mut next, &field_value(&e));
            on_rule(next);
        })
    };
    html! {
        <>
            { notice_box(notice.as_ref()) }
            <section class="card" aria-labelledby="rule-h">
                <h2 id="rule-h">{ "整改期限和考察期" }</h2>
                <div class="form">
                    <label>{ "谈话后几天内提交整改措施" }
                        <KeptInput kind="number" min="1" max="60" step="1" value={rule.days.to_string()} onchange={set(|r, v| r.days = v.trim().parse().unwrap_or(0))} /></label>
                    <label>{ "按" }
                        <select onchange={set(|r, v| r.counting = Counting::from_label(v).unwrap_or_default())}>
                            { for Counting::ALL.iter().map(|c| html! { <option selected={*c == rule.counting}>{ c.label() }</option> }) }
                        </select>
                    </label>
                    <label>{ "考察期（月）" }
                        <KeptInput kind="number" min="1" max="24" step="1" value={rule.observation_months.to_string()} onchange={set(|r, v| r.observation_months = v.trim().parse().unwrap_or(0))} /></label>
                </div>
            </section>
            <section class="card" aria-labelledby="holiday-h">
                <h2 id="holiday-h">{ "节假日安排" }</h2>
                <p>{ "按工作日计算期限时使用。请按国务院办公厅当年的放假通知录入放假日期和调休上班日期；没有录入的年份只把周六、周日算作休息日。" }</p>
                <label>{ "年份" }
                    { year_input(*year, set_to(&year)) }
                </label>
                <CalendarForm key={*year} year={*year} stored={stored} data={props.data.clone()} report={reporter(&notice)} />
            </section>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct CalendarFormProps {
    year: i32,
    stored: Option<HolidayCalendar>,
    data: Rc<CaseData>,
    report: Callback<Notice>,
}

#[function_component(CalendarForm)]
fn calendar_form(props: &CalendarFormProps) -> Html {
    let session = use_session();
    let draft = use_state(|| {
        let stored = props.stored.as_ref();
        CalendarDraft {
            holidays: stored.map(|c| days_text(&c.holidays)).unwrap_or_default(),
            makeup: stored
                .map(|c| days_text(&c.makeup_workdays))
                .unwrap_or_default(),
            note: stored.map(|c| c.note.clone()).unwrap_or_default(),
        }
    });
    let error = use_state(|| None::<String>);
    let reading = read_calendar(props.year, &draft.holidays, &draft.makeup);
    let onsubmit = {
        let (draft, error, stored, year, report, data) = (
            draft.clone(),
            error.clone(),
            props.stored.clone(),
            props.year,
            props.report.clone(),
            props.data.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let calendar = read_calendar(year, &draft.holidays, &draft.makeup)
                .map_err(|e| e.user_message())
                .and_then(|read| {
                    let c = HolidayCalendar {
                        meta: stored
                            .as_ref()
                            .map(|s| s.meta.clone())
                            .unwrap_or_else(|| Meta::unsaved(time::now())),
                        year,
                        holidays: read.holidays,
                        makeup_workdays: read.makeup_workdays,
                        note: draft.note.trim().to_string(),
                    };
                    c.check().map(|()| c)
                });
            let calendar = match calendar {
                Ok(c) => c,
                Err(m) => return error.set(Some(m)),
            };
            error.set(None);
            // Cases whose deadline waited for this year are counted again in the same write.
            let mut calendars: Vec<HolidayCalendar> = data
                .calendars
                .iter()
                .filter(|c| c.year != year)
                .cloned()
                .collect();
            calendars.push(calendar.clone());
            let by = By {
                name: &session.profile.name,
                at: time::now(),
                today: time::local_now().date(),
            };
            let recounted = recount_all(&data.cases, &calendars, &by);
            let mut done = format!(
                "已保存 {year} 年节假日安排：放假 {} 天，调休上班 {} 天。",
                calendar.holidays.len(),
                calendar.makeup_workdays.len()
            );
            if !recounted.is_empty() {
                done.push_str(&format!(
                    "{} 个案件的整改期限已重新核算，见各案件的经过。",
                    recounted.len()
                ));
            }
            let mut batch = Batch::default();
            batch.put(calendar);
            for case in recounted {
                batch.put(case);
            }
            session.commit_in_background(batch, report.clone(), done);
        })
    };
    html! {
        <form class="form" {onsubmit} aria-label={format!("{} 年节假日安排", props.year)}>
            <label>{ "放假安排（可直接粘贴国务院办公厅的放假通知原文；也可每行写一段，如“10月1日至7日放假”“2026-10-01”）" }
                <textarea rows="8" value={draft.holidays.clone()} oninput={on_input(&draft, |d, v| d.holidays = v)} /></label>
            <label>{ "调休上班日期（周末上班的日子，如“2月14日（周六）上班”）" }
                <textarea rows="4" value={draft.makeup.clone()} oninput={on_input(&draft, |d, v| d.makeup = v)} /></label>
            <label>{ "说明（如通知文号）" }<input value={draft.note.clone()} oninput={on_input(&draft, |d, v| d.note = v)} /></label>
            { preview(&reading.map_err(|e| e.user_message())) }
            if let Some(m) = &*error { <div class="notice error" role="alert"><p>{ m }</p></div> }
            <button type="submit" class="primary">{ format!("保存 {} 年安排", props.year) }</button>
        </form>
    }
}

/// What was read, line by line, before it is saved.
fn preview(reading: &Result<Reading, String>) -> Html {
    let reading = match reading {
        Err(m) => return html! { <p class="notice error">{ m }</p> },
        Ok(r) if r.lines.is_empty() => return html! {},
        Ok(r) => r,
    };
    html! {
        <section class="calendar-preview" aria-label="读出的日期">
            <p>{ format!("读出：放假 {} 天，调休上班 {} 天。", reading.holidays.len(), reading.makeup_workdays.len()) }</p>
            <table class="grid">
                { crate::ui::table::head(&["位置", "原文", "放假", "上班"]) }
                <tbody>
                { for reading.lines.iter().map(|l| html! {
                    <tr>
                        <td>{ l.place.describe() }</td>
                        <td>{ &l.text }</td>
                        <td>{ days_in_words(&l.off) }</td>
                        <td>{ days_in_words(&l.work) }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            if !reading.repeats.is_empty() {
                <div class="notice warn"><p>{ "以下日期写了不止一次，只算一天，请核对：" }</p><ul>
                { for reading.repeats.iter().map(|r| html! {
                    <li>{ format!("{}：{}，又在{}", month_day(r.day), r.first.describe(), r.again.describe()) }</li>
                }) }
                </ul></div>
            }
        </section>
    }
}
