//! A cadre's own "四个一" for the year: what is done, what is missing, and the practice record
//! to send to the office (a small file of its own, not a whole backup).

use crate::ui::prelude::*;
use chrono::Datelike;

use super::DataProps;
use crate::exchange::envelope::FileKind;
use crate::quiz::attempt::Respondent;
use crate::quiz::practice::PracticeSession;
use crate::quiz::study_log::{missing, year_record};
use crate::record::Meta;
use crate::roster::model::{Cadre, CadreFields};
use crate::session::use_session;
use crate::store::schema::StoreName;
use crate::ui::export::{export_file, export_notice, one_store};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;

#[function_component(MyStudy)]
pub fn my_study(props: &DataProps) -> Html {
    let session = use_session();
    let notice = use_state(|| None::<Notice>);
    let data = &props.data;
    let today = time::today();
    let year = today.year();
    let me = Respondent {
        name: session.profile.name.clone(),
        unit: session.profile.unit.clone(),
    };
    // The record is counted for the person this browser belongs to, as the office counts it.
    let person = Cadre::new(
        Meta::unsaved(time::now()),
        CadreFields {
            name: me.name.clone(),
            unit: me.unit.clone(),
            post: String::new(),
            phone: String::new(),
        },
    );
    let r = year_record(
        year,
        &person,
        &data.practice,
        &data.study_events,
        &data.attempts,
        &data.quizzes,
    );
    let gaps = missing(year, &r, today);
    let mine: Vec<&PracticeSession> = data.practice.iter().filter(|p| p.person == me).collect();
    let on_export = {
        let (session, notice, mine) = (
            session.clone(),
            notice.clone(),
            mine.iter().map(|p| (*p).clone()).collect::<Vec<_>>(),
        );
        Callback::from(move |_| {
            let records = one_store(StoreName::Practice, mine.iter());
            notice.set(Some(export_notice(
                export_file(
                    &session,
                    FileKind::PracticeLog,
                    &session.profile.name,
                    records,
                ),
                |file| {
                    format!(
                        "已导出自学记录“{}”（{} 次练习）。请把它发给党政办。",
                        file.name,
                        mine.len()
                    )
                },
            )));
        })
    };
    let mark = |b: bool| if b { "已完成" } else { "未完成" };
    html! {
        <section class="card" aria-labelledby="my-study-h">
            <h2 id="my-study-h">{ format!("我的 {year} 年“四个一”学习记录") }</h2>
            <dl class="facts">
                <dt>{ "每周自学" }</dt><dd>{ format!("{} 周有练习记录", r.self_study_weeks.len()) }</dd>
                <dt>{ "每月集中学习" }</dt><dd>{ format!("{} 个月（由党政办登记）", r.group_months.len()) }</dd>
                <dt>{ "上半年测验" }</dt><dd>{ mark(r.tests[0]) }</dd>
                <dt>{ "下半年测验" }</dt><dd>{ mark(r.tests[1]) }</dd>
                <dt>{ "封闭培训" }</dt><dd>{ mark(r.closed_training) }</dd>
            </dl>
            <p class={classes!((!gaps.is_empty()).then_some("late"))}>
                { if gaps.is_empty() { "到目前为止没有缺少的项目。".to_string() } else { format!("缺少：{}", gaps.join("；")) } }
            </p>
            <p>{ format!("本机共有您的练习记录 {} 次。导出后发给党政办，每周自学才会计入单位的学习记录。", mine.len()) }</p>
            <button class="primary" onclick={on_export} disabled={mine.is_empty()}>{ "导出我的自学记录" }</button>
            { notice_box(notice.as_ref()) }
        </section>
    }
}
