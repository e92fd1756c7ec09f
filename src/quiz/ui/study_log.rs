//! 学习记录: the secretary records group study and closed training with who attended; every
//! cadre's "四个一" for the year is shown with what is missing, ready to print.

use std::collections::HashSet;

use crate::ui::form::{choice_select, date_input, set_to, year_input};
use crate::ui::prelude::*;
use chrono::Datelike;
use web_sys::HtmlInputElement;

use super::my_study::MyStudy;
use super::DataProps;
use crate::data_admin::import_panel::ImportPanel;
use crate::exchange::envelope::FileKind;
use crate::quiz::study_log::{missing, year_record, StudyEvent, StudyKind};
use crate::record::Meta;
use crate::session::reporter;
use crate::session::use_session;
use crate::store::settings::Role;
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

#[function_component(StudyLogTab)]
pub fn study_log_tab(props: &DataProps) -> Html {
    let session = use_session();
    let data = &props.data;
    let today = time::local_now().date();
    // Every hook before any return: Yew keeps hooks by their order in each render.
    let year = use_state(|| today.year());
    let kind = use_state(|| StudyKind::GroupStudy);
    let date = use_state(|| today);
    let topic = use_state(String::new);
    let attendees = use_state(HashSet::<uuid::Uuid>::new);
    let notice = use_state(|| None::<Notice>);
    if session.profile.role == Role::Cadre {
        return html! { <MyStudy data={props.data.clone()} /> };
    }

    let cadres: Vec<_> = {
        let mut list: Vec<_> = data.cadres.iter().filter(|c| !c.retired).collect();
        crate::ui::collate::sort_in_pinyin(&mut list, |c| [&c.unit, &c.name]);
        list
    };
    let on_save = {
        let (session, kind, date, topic, attendees, notice) = (
            session.clone(),
            kind.clone(),
            date.clone(),
            topic.clone(),
            attendees.clone(),
            notice.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if topic.trim().is_empty() {
                notice.set(Some(Notice::Error("请填写学习主题。".into())));
                return;
            }
            let event = StudyEvent {
                meta: Meta::unsaved(time::now()),
                kind: *kind,
                date: *date,
                topic: topic.trim().to_string(),
                attendees: attendees.iter().copied().collect(),
                deleted: false,
            };
            let done = format!(
                "已记录{}：{}（{} 人参加）",
                kind.label(),
                event.topic,
                event.attendees.len()
            );
            topic.set(String::new());
            attendees.set(HashSet::new());
            session.save(vec![event], reporter(&notice), done);
        })
    };
    let events: Vec<&StudyEvent> = {
        let mut list: Vec<_> = data
            .study_events
            .iter()
            .filter(|e| !e.deleted && e.date.year() == *year)
            .collect();
        crate::order::sort_by(&mut list, |e| {
            crate::order::Key::int(crate::order::day(e.date))
        });
        list
    };
    html! {
        <>
            { notice_box(notice.as_ref()) }
            <form class="form card no-print" onsubmit={on_save} aria-label="记录集中学习或封闭培训">
                <h2>{ "记录集中学习或封闭培训" }</h2>
                <label class="inline">{ "类型" }
                    { choice_select(*kind, { let k = kind.clone(); Callback::from(move |s| k.set(s)) }) }
                </label>
                <label class="inline">{ "日期" }{ date_input(*date, set_to(&date)) }</label>
                <label>{ "主题" }<input value={(*topic).clone()} oninput={{ let t = topic.clone(); Callback::from(move |e: InputEvent| t.set(e.target_unchecked_into::<HtmlInputElement>().value())) }} /></label>
                <fieldset class="members"><legend>{ "参加人员" }</legend>
                    { for cadres.iter().map(|c| {
                        let id = c.meta.id;
                        let checked = attendees.contains(&id);
                        let attendees = attendees.clone();
                        let onchange = Callback::from(move |_| {
                            let mut next = (*attendees).clone();
                            if !next.remove(&id) { next.insert(id); }
                            attendees.set(next);
                        });
                        html! { <label class="choice"><input type="checkbox" {checked} {onchange} />{ &c.name }</label> }
                    }) }
                </fieldset>
                <button type="submit" class="primary">{ "保存记录" }</button>
            </form>
            <div class="toolbar no-print">
                <label class="inline">{ "年度" }{ year_input(*year, set_to(&year)) }</label>
                { crate::ui::form::print_button("打印") }
            </div>
            <h2>{ format!("{} 年“四个一”学习记录", *year) }</h2>
            <table class="grid" aria-label="四个一学习记录">
                { crate::ui::table::head(&["姓名", "单位", "每周自学（周数）", "每月集中学习（月数）", "上半年测验", "下半年测验", "封闭培训", "缺少"]) }
                <tbody>
                if cadres.is_empty() { <tr><td colspan="8">{ "名册中还没有人。" }</td></tr> }
                { for cadres.iter().map(|c| {
                    let r = year_record(*year, c, &data.practice, &data.study_events, &data.attempts, &data.quizzes);
                    let gaps = missing(*year, &r, today);
                    let mark = |b: bool| if b { "✓" } else { "—" };
                    html! {
                        <tr>
                            <td>{ &c.name }</td><td>{ &c.unit }</td>
                            <td>{ r.self_study_weeks.len() }</td><td>{ r.group_months.len() }</td>
                            <td>{ mark(r.tests[0]) }</td><td>{ mark(r.tests[1]) }</td><td>{ mark(r.closed_training) }</td>
                            <td class={classes!((!gaps.is_empty()).then_some("late"))}>{ if gaps.is_empty() { "无".to_string() } else { gaps.join("；") } }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            <h3>{ "本年度集中学习和封闭培训" }</h3>
            <ul>{ for events.iter().map(|e| html! { <li>{ format!("{} {}：{}（{} 人）", e.date, e.kind.label(), e.topic, e.attendees.len()) }</li> }) }</ul>
            <p class="hint">{ "每周自学按本机的练习记录统计。干部在自己电脑上的练习，导入其发来的自学记录文件后计入。" }</p>
            <section class="card no-print" aria-labelledby="practice-in-h">
                <h2 id="practice-in-h">{ "导入干部发来的自学记录" }</h2>
                <ImportPanel kind={FileKind::PracticeLog} label="选择自学记录文件（.json，可多选）" multiple=true />
            </section>
        </>
    }
}
