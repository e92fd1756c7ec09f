//! 写驻村日志: a resident cadre writes an entry, corrects or deletes their recent entries (the
//! history keeps what they said before), and sends their entries to the office as a file.

use crate::ui::form::{choice_select, date_input, on_input, on_pick};
use crate::ui::prelude::*;

use std::rc::Rc;

use super::VillageData;
use crate::exchange::envelope::FileKind;
use crate::record::Meta;
use crate::session::{reporter, use_session};
use crate::store::schema::StoreName;
use crate::ui::export::{export_file, export_notice, one_store};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;
use crate::village::correction::corrected;
use crate::village::log_book::LogBook;
use crate::village::resident::{VillageLog, Writer};

#[derive(Properties, PartialEq)]
pub struct LogFormProps {
    pub data: Rc<VillageData>,
    /// The reader's own entries and the villages logged (empty until read: the form is usable
    /// at once).
    pub book: Rc<LogBook>,
}

#[function_component(LogForm)]
pub fn log_form(props: &LogFormProps) -> Html {
    let session = use_session();
    let today = time::local_now().date();
    let blank = || {
        let me = Writer {
            name: session.profile.name.clone(),
            unit: session.profile.unit.clone(),
        };
        VillageLog::blank(Meta::unsaved(time::now()), me, today)
    };
    // A cadre's own posting (from the office's 驻村安排 file) names the village to start with.
    let posted = props
        .data
        .my_posting(&session.profile.name, &session.profile.unit, today)
        .map(|p| crate::village::resident::clean_place(&p.village))
        .unwrap_or_default();
    let blank = || VillageLog {
        village: posted.clone(),
        ..blank()
    };
    let draft = use_state(blank);
    // The entry as stored, while the form corrects it.
    let editing = use_state(|| None::<VillageLog>);
    // The posting may arrive after the form is drawn (the 驻村安排 file just imported): it
    // fills an empty village, never one typed.
    {
        let (draft, editing) = (draft.clone(), editing.clone());
        use_effect_with(posted.clone(), move |posted| {
            if !posted.is_empty() && draft.village.trim().is_empty() && editing.is_none() {
                draft.set(VillageLog {
                    village: posted.clone(),
                    ..(*draft).clone()
                });
            }
        });
    }
    // What the form's own buttons did is said beside them.
    let notice = use_state(|| None::<Notice>);
    let onsubmit = {
        let (session, notice, draft, editing, fresh) = (
            session.clone(),
            notice.clone(),
            draft.clone(),
            editing.clone(),
            blank(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let entry = (*draft).clone().cleaned();
            let entry = entry.check().and_then(|()| match &*editing {
                Some(before) => corrected(before, entry, &session.profile.name, today)
                    .map_err(|e| e.message().to_string()),
                None => Ok(entry),
            });
            match entry {
                Ok(entry) => {
                    let done = format!("已记下 {} {}的日志。", entry.date, entry.role.label());
                    session.save(vec![entry.clone()], reporter(&notice), done);
                    editing.set(None);
                    draft.set(VillageLog {
                        village: entry.village,
                        ..fresh.clone()
                    });
                }
                Err(m) => notice.set(Some(Notice::Error(m))),
            }
        })
    };
    let mut mine: Vec<&VillageLog> = props.book.mine.iter().filter(|l| !l.deleted).collect();
    crate::order::sort_by(&mut mine, |l| {
        crate::order::Key::int(-crate::order::day(l.date))
    });
    let export = {
        let (session, notice) = (session.clone(), notice.clone());
        // Deleted entries go too (marked deleted), so that the office's copies are deleted.
        let mine = props.book.mine.clone();
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
    let edit = |l: &VillageLog| {
        let (draft, editing, l) = (draft.clone(), editing.clone(), l.clone());
        Callback::from(move |_| {
            draft.set(l.clone());
            editing.set(Some(l.clone()));
        })
    };
    let cancel = {
        let (draft, editing, fresh) = (draft.clone(), editing.clone(), blank());
        Callback::from(move |_| {
            editing.set(None);
            draft.set(fresh.clone());
        })
    };
    let villages = props.data.log_villages(&props.book.villages());
    let off_list = !draft.village.trim().is_empty()
        && !crate::village::place::on_list(&props.data.places, &draft.village);
    let recent: Vec<&&VillageLog> = mine.iter().take(20).collect();
    html! {
        <>
            <form class="form card no-print" {onsubmit} aria-label={if editing.is_some() { "修改驻村日志" } else { "写驻村日志" }}>
                <h2>{ if editing.is_some() { "修改驻村日志" } else { "写驻村日志" } }</h2>
                <label>{ "日期" }{ date_input(draft.date, on_pick(&draft, |l, d| l.date = d)) }</label>
                <label>{ "村（社区）" }<input list="villages" value={draft.village.clone()} oninput={on_input(&draft, |l, v| l.village = v)} /></label>
                <datalist id="villages">{ for villages.iter().map(|v| html! { <option value={v.clone()} /> }) }</datalist>
                if off_list {
                    <p class="hint late">{ format!("“{}”不在党政办的村（社区）名单里。请从列表中选择；名单里确实没有的，请告诉党政办。", draft.village.trim()) }</p>
                }
                <label>{ "角色" }
                    { choice_select(draft.role, on_pick(&draft, |l, r| l.role = r)) }
                </label>
                <label>{ "做了什么" }<textarea rows="3" value={draft.done.clone()} oninput={on_input(&draft, |l, v| l.done = v)} /></label>
                <label>{ "联系群众人数" }<input type="number" min="0" value={draft.reached.to_string()} oninput={on_input(&draft, |l, v| l.reached = v.trim().parse().unwrap_or(0))} /></label>
                <label>{ "群众反映的问题" }<textarea rows="2" value={draft.problems.clone()} oninput={on_input(&draft, |l, v| l.problems = v)} /></label>
                <label>{ "跟进情况" }<textarea rows="2" value={draft.follow_up.clone()} oninput={on_input(&draft, |l, v| l.follow_up = v)} /></label>
                // The buttons and what they report, where the eye is.
                <div class="actions">
                    <button type="submit" class="primary">{ if editing.is_some() { "保存修改" } else { "保存日志" } }</button>
                    if editing.is_some() { <button type="button" onclick={cancel}>{ "取消修改" }</button> }
                    <button type="button" onclick={export} disabled={mine.is_empty()}>{ format!("导出我的日志（{} 条）发给党政办", mine.len()) }</button>
                    { notice_box(notice.as_ref()) }
                </div>
            </form>
            if !recent.is_empty() {
                <details class="card no-print">
                    <summary>{ format!("我最近写的日志（{} 条，可修改）", recent.len()) }</summary>
                    <table class="grid" aria-label="我最近写的日志">
                        { crate::ui::table::head(&["日期", "村（社区）", "角色", "做了什么", "操作"]) }
                        <tbody>{ for recent.iter().map(|l| html! {
                            <tr><td>{ l.date.to_string() }</td><td>{ &l.village }</td><td>{ l.role.label() }</td>
                                <td class="pre">{ &l.done }{ for l.corrections.iter().map(|c| html! { <p class="history">{ c.line() }</p> }) }</td>
                                <td><button type="button" onclick={edit(l)}>{ "修改" }</button>
                                    { super::remove_button(&session, reporter(&notice), **l, format!(" {} {}的日志", l.date, l.village), |l| l.deleted = true) }</td></tr>
                        }) }</tbody>
                    </table>
                </details>
            }
        </>
    }
}
