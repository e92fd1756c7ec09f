//! 驻村日志: a resident cadre logs entries by role and sends them as a file; the office takes
//! many in and sees, for a month, entries by role per village and per cadre, villages not
//! visited lately, and open problems; the month's summary per village prints on A4.

use crate::ui::form::{choice_select, date_input, field_value, on_input, on_pick};
use chrono::NaiveDate;
use yew::prelude::*;

use super::village_month::VillageMonth;
use super::{month_of, DataProps};
use crate::data_admin::import_panel::ImportPanel;
use crate::exchange::envelope::FileKind;
use crate::record::Meta;
use crate::session::{reporter, use_session};
use crate::store::schema::StoreName;
use crate::ui::export::{export_file, export_notice, one_store};
use crate::ui::notice::{Notice, NoticeBox};
use crate::ui::time;
use crate::village::resident::{by_role, not_visited, Role, VillageLog, Writer};

#[function_component(Logs)]
pub fn logs(props: &DataProps) -> Html {
    let session = use_session();
    let notice = use_state(|| None::<Notice>);
    let today = time::local_now().date();
    let month = use_state(|| month_of(today));
    let days = use_state(|| 30i64);
    let blank = || VillageLog {
        meta: Meta::unsaved(time::now()),
        writer: Writer {
            name: session.profile.name.clone(),
            unit: session.profile.unit.clone(),
        },
        date: today,
        village: String::new(),
        role: Role::Messenger,
        done: String::new(),
        reached: 0,
        problems: String::new(),
        follow_up: String::new(),
        settled: false,
        deleted: false,
    };
    let draft = use_state(blank);
    let data = &props.data;
    // What the form's own buttons did is said beside them; other actions report at the top.
    let form_notice = use_state(|| None::<Notice>);
    let onsubmit = {
        let (session, notice, draft, fresh) =
            (session.clone(), form_notice.clone(), draft.clone(), blank());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let entry = (*draft).clone();
            match entry.check() {
                Ok(()) => {
                    let done = format!("已记下 {} {}的日志。", entry.date, entry.role.label());
                    session.save(vec![entry.clone()], reporter(&notice), done);
                    draft.set(VillageLog {
                        village: entry.village,
                        ..fresh.clone()
                    });
                }
                Err(m) => notice.set(Some(Notice::Error(m))),
            }
        })
    };
    let me = &session.profile;
    let mine: Vec<&VillageLog> = data
        .logs
        .iter()
        .filter(|l| !l.deleted && l.writer.name == me.name && l.writer.unit == me.unit)
        .collect();
    let export = {
        let (session, notice, mine) = (
            session.clone(),
            form_notice.clone(),
            mine.iter().map(|l| (*l).clone()).collect::<Vec<_>>(),
        );
        Callback::from(move |_| {
            notice.set(Some(export_notice(
                export_file(
                    &session,
                    FileKind::VillageLog,
                    &session.profile.name,
                    one_store(StoreName::VillageLogs, &mine),
                ),
                |f| format!("已导出 {} 条日志到“{}”，请发给党政办。", f.records, f.name),
            )));
        })
    };
    let settle = |l: &VillageLog| {
        let (session, notice, mut l) = (session.clone(), notice.clone(), l.clone());
        l.settled = true;
        Callback::from(move |_| {
            session.save(vec![l.clone()], reporter(&notice), "已标记为解决。");
        })
    };
    let (from, to) = *month;
    let live: Vec<&VillageLog> = data.logs.iter().filter(|l| !l.deleted).collect();
    let mut writers: Vec<String> = live
        .iter()
        .map(|l| format!("{}（{}）", l.writer.name, l.writer.unit))
        .collect();
    writers.sort_unstable();
    writers.dedup();
    let villages = data.villages();
    let role_row = |label: String, counts: [u32; 5]| {
        html! {
            <tr><th scope="row">{ label }</th>{ for counts.iter().map(|n| html! { <td>{ n }</td> }) }<td>{ counts.iter().sum::<u32>() }</td></tr>
        }
    };
    let head = html! { <tr><th scope="col">{ "" }</th>{ for Role::ALL.iter().map(|r| html! { <th scope="col">{ r.label() }</th> }) }<th scope="col">{ "合计" }</th></tr> };
    html! {
        <>
            <NoticeBox notice={(*notice).clone()} />
            <form class="form card no-print" {onsubmit} aria-label="写驻村日志">
                <h2>{ "写驻村日志" }</h2>
                <label>{ "日期" }{ date_input(draft.date, on_pick(&draft, |l, d| l.date = d)) }</label>
                <label>{ "村（社区）" }<input list="villages" value={draft.village.clone()} oninput={on_input(&draft, |l, v| l.village = v)} /></label>
                <datalist id="villages">{ for villages.iter().map(|v| html! { <option value={v.clone()} /> }) }</datalist>
                <label>{ "角色" }
                    { choice_select(draft.role, on_pick(&draft, |l, r| l.role = r)) }
                </label>
                <label>{ "做了什么" }<textarea rows="3" value={draft.done.clone()} oninput={on_input(&draft, |l, v| l.done = v)} /></label>
                <label>{ "联系群众人数" }<input type="number" min="0" value={draft.reached.to_string()} oninput={on_input(&draft, |l, v| l.reached = v.trim().parse().unwrap_or(0))} /></label>
                <label>{ "群众反映的问题" }<textarea rows="2" value={draft.problems.clone()} oninput={on_input(&draft, |l, v| l.problems = v)} /></label>
                <label>{ "跟进情况" }<textarea rows="2" value={draft.follow_up.clone()} oninput={on_input(&draft, |l, v| l.follow_up = v)} /></label>
                // The buttons and what they report, where the eye is.
                <div class="actions">
                    <button type="submit" class="primary">{ "保存日志" }</button>
                    <button type="button" onclick={export} disabled={mine.is_empty()}>{ format!("导出我的日志（{} 条）发给党政办", mine.len()) }</button>
                    <NoticeBox notice={(*form_notice).clone()} />
                </div>
            </form>
            if session.profile.role == crate::store::settings::Role::Office {
                <section class="card no-print" aria-labelledby="logs-in-h">
                    <h2 id="logs-in-h">{ "收驻村日志（党政办）" }</h2>
                    <ImportPanel kind={FileKind::VillageLog} label="选择驻村日志文件（.json，可多选）" multiple=true />
                </section>
            }
            <div class="toolbar no-print">
                <label>{ "月份" }<input type="month" value={from.format("%Y-%m").to_string()}
                    onchange={{ let m = month.clone(); Callback::from(move |e: Event| if let Ok(d) = NaiveDate::parse_from_str(&format!("{}-01", field_value(&e)), "%Y-%m-%d") { m.set(month_of(d)) }) }} /></label>
                <button onclick={Callback::from(|_| { let _ = gloo::utils::window().print(); })}>{ "打印本月驻村工作汇总" }</button>
            </div>
            <VillageMonth logs={data.logs.clone()} villages={villages.clone()} {from} {to} />
            <h2 class="print-title">{ format!("{} 驻村工作汇总", from.format("%Y年%m月")) }</h2>
            <table class="grid" aria-label="各村驻村日志（按角色）">
                <caption>{ "各村（按角色统计条数）" }</caption>
                <thead>{ head.clone() }</thead>
                <tbody>{ for villages.iter().map(|v| role_row(v.clone(), by_role(live.iter().copied().filter(|l| &l.village == v), from, to))) }</tbody>
            </table>
            <table class="grid" aria-label="各驻村干部日志（按角色）">
                <caption>{ "各驻村干部（按角色统计条数）" }</caption>
                <thead>{ head }</thead>
                <tbody>{ for writers.iter().map(|w| role_row(w.clone(), by_role(live.iter().copied().filter(|l| &format!("{}（{}）", l.writer.name, l.writer.unit) == w), from, to))) }</tbody>
            </table>
            <h3>
                <label>{ "超过几天没有驻村记录" }<input type="number" min="1" value={days.to_string()} class="no-print"
                    onchange={{ let d = days.clone(); Callback::from(move |e: Event| if let Ok(n) = field_value(&e).trim().parse() { d.set(n) }) }} /></label>
            </h3>
            <ul aria-label="长时间没有驻村记录的村">
                { for not_visited(&villages, &data.logs, today, *days).iter().map(|(v, last)| html! {
                    <li class="late">{ format!("{v}：{}", last.map(|d| format!("最近一次 {d}")).unwrap_or_else(|| "还没有记录".into())) }</li>
                }) }
            </ul>
            <h3>{ "群众反映、尚未解决的问题" }</h3>
            <table class="grid" aria-label="未解决的问题">
                <thead><tr><th scope="col">{ "日期" }</th><th scope="col">{ "村" }</th><th scope="col">{ "驻村干部" }</th><th scope="col">{ "问题" }</th><th scope="col">{ "跟进" }</th><th scope="col" class="no-print">{ "操作" }</th></tr></thead>
                <tbody>
                { for live.iter().filter(|l| l.is_open()).map(|l| html! {
                    <tr><td>{ l.date.to_string() }</td><td>{ &l.village }</td><td>{ &l.writer.name }</td><td class="pre">{ &l.problems }</td><td class="pre">{ &l.follow_up }</td>
                        <td class="no-print"><button onclick={settle(l)}>{ "已解决" }</button></td></tr>
                }) }
                </tbody>
            </table>
        </>
    }
}
