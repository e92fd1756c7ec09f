//! The list of cases with what needs attention today, and opening a new case.

use std::rc::Rc;

use crate::ui::prelude::*;
use yew_router::prelude::*;

use super::{case_form::CaseForm, DataProps};
use crate::admonition::deadline::HolidayCalendar;
use crate::admonition::due::{attention, attention_list};
use crate::admonition::model::Admonition;
use crate::app::Route;
use crate::roster::model::Cadre;
use crate::session::{reporter, use_session};
use crate::ui::load::use_records;
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

fn case_link(id: uuid::Uuid) -> Route {
    Route::AdmonitionCase { id: id.to_string() }
}

#[derive(Properties, PartialEq)]
pub struct AttentionProps {
    pub cases: Rc<Vec<Admonition>>,
    pub cadres: Rc<Vec<Cadre>>,
    pub calendars: Rc<Vec<HolidayCalendar>>,
}

/// Rectifications due in the next days or overdue, and observations ending this month.
#[function_component(AttentionItems)]
pub fn attention_items(props: &AttentionProps) -> Html {
    let today = time::local_now().date();
    let list = attention_list(&props.cases, today, &props.calendars);
    if list.is_empty() {
        return html! {};
    }
    let name = |c: &Admonition| {
        props
            .cadres
            .iter()
            .find(|p| p.meta.id == c.cadre)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| "（已不在名册）".into())
    };
    html! {
        <section class="card attention" aria-labelledby="attention-h">
            <h2 id="attention-h">{ "谈话诫勉：需要办理" }</h2>
            <ul>
            { for list.iter().map(|(c, a)| html! {
                <li class={classes!(a.is_late().then_some("late"))}>
                    <Link<Route> to={case_link(c.meta.id)}>{ format!("{}（{}）", name(c), c.matter) }</Link<Route>>
                    { "：" }{ a.describe() }
                </li>
            }) }
            </ul>
        </section>
    }
}

/// The attention list on 首页, with its own loads.
#[function_component(AttentionList)]
pub fn attention_list_home() -> Html {
    let cases = use_records::<Admonition>();
    let cadres = use_records::<Cadre>();
    let calendars = use_records::<HolidayCalendar>();
    let seen = super::recounted::use_recounted_seen();
    let session = use_session();
    match (cases.ready(), cadres.ready(), calendars.ready()) {
        (Some(cases), Some(cadres), Some(calendars)) => html! {
            <>
                if let Some(seen) = seen { { super::recounted::recounted(&session, cases, cadres, seen) } }
                <AttentionItems cases={cases.clone()} cadres={cadres.clone()} calendars={calendars.clone()} />
            </>
        },
        _ => html! {},
    }
}

#[function_component(CasesTab)]
pub fn cases_tab(props: &DataProps) -> Html {
    let session = use_session();
    let adding = use_state(|| false);
    let notice = use_state(|| None::<Notice>);
    let data = &props.data;
    let today = time::local_now().date();
    let on_save = {
        let (session, adding, notice) = (session.clone(), adding.clone(), notice.clone());
        Callback::from(move |case: Admonition| {
            adding.set(false);
            let done = format!("已立案，整改期限 {}。", case.deadline);
            session.save(vec![case], reporter(&notice), done);
        })
    };
    let cases = data.live_cases();
    html! {
        <>
            <AttentionItems cases={data.cases.clone()} cadres={data.cadres.clone()} calendars={data.calendars.clone()} />
            { notice_box(notice.as_ref()) }
            <div class="toolbar no-print">
                <button class="primary" onclick={{ let a = adding.clone(); Callback::from(move |_| a.set(true)) }}>{ "新建诫勉案件" }</button>
                { crate::ui::form::print_button("打印") }
            </div>
            if *adding {
                <CaseForm data={data.clone()} on_save={on_save} on_cancel={{ let a = adding.clone(); Callback::from(move |_| a.set(false)) }} />
            }
            <table class="grid" aria-label="诫勉案件">
                { crate::ui::table::head(&["被诫勉人", "事由", "谈话日期", "整改期限", "办理阶段", "提示"]) }
                <tbody>
                if cases.is_empty() {
                    <tr><td colspan="6">{ "还没有诫勉案件。" }</td></tr>
                }
                { for cases.iter().map(|c| {
                    let hint = attention(c, today, &data.calendars).map(|a| a.describe())
                        .or_else(|| c.late_by(&data.calendars).map(|n| format!("整改措施逾期 {n} {}提交", c.rule.counting.unit())));
                    html! {
                        <tr>
                            <td><Link<Route> to={case_link(c.meta.id)}>{ data.name_of(c.cadre) }</Link<Route>></td>
                            <td>{ format!("{}：{}", c.reason.label(), c.matter) }</td>
                            <td>{ c.talk.date.to_string() }</td>
                            <td>{ c.deadline.to_string() }if !c.provisional.is_empty() { { "（暂定）" } }</td>
                            <td>{ c.stage.label() }</td>
                            <td>{ hint.unwrap_or_default() }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </>
    }
}
