//! 驻村安排: which cadre is posted to which village, from when to when; printable on A4. A
//! posting can be corrected (kept in its history) and ended on any day since it began.

use crate::ui::dated_action::DatedAction;
use crate::ui::form::{
    date_input, field_value, on_input, on_pick, optional_date_input, print_button,
};
use crate::ui::prelude::*;

use super::DataProps;
use crate::record::Meta;
use crate::session::{reporter, use_session};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;
use crate::village::correction::corrected;
use crate::village::resident::{ResidentCadre, Role};

#[function_component(Residents)]
pub fn residents(props: &DataProps) -> Html {
    let session = use_session();
    let notice = use_state(|| None::<Notice>);
    let today = time::local_now().date();
    let draft = use_state(|| ResidentCadre {
        meta: Meta::unsaved(time::now()),
        cadre: uuid::Uuid::nil(),
        village: String::new(),
        start: today,
        end: None,
        deleted: false,
        corrections: Vec::new(),
    });
    // The posting as stored, while the form corrects it.
    let editing = use_state(|| None::<ResidentCadre>);
    let data = &props.data;
    let onsubmit = {
        let (session, notice, draft, postings, editing) = (
            session.clone(),
            notice.clone(),
            draft.clone(),
            data.postings.clone(),
            editing.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let p = (*draft).clone().cleaned();
            if p.cadre.is_nil() {
                notice.set(Some(Notice::Error("请选择驻村干部。".into())));
                return;
            }
            let p = match (&*editing, p.check(&postings)) {
                (_, Err(m)) => Err(m),
                (Some(before), Ok(())) => corrected(before, p, &session.profile.name, today)
                    .map_err(|e| e.message().to_string()),
                (None, Ok(())) => Ok(p),
            };
            match p {
                Ok(p) => {
                    let done = format!("已保存驻村安排：{}", p.village);
                    session.save(vec![p], reporter(&notice), done);
                    editing.set(None);
                    draft.set(ResidentCadre {
                        meta: Meta::unsaved(time::now()),
                        village: String::new(),
                        end: None,
                        corrections: Vec::new(),
                        ..(*draft).clone()
                    });
                }
                Err(m) => notice.set(Some(Notice::Error(m))),
            }
        })
    };
    let end_on = |p: &ResidentCadre| {
        let (session, notice, p) = (session.clone(), notice.clone(), p.clone());
        Callback::from(move |(day, _): (chrono::NaiveDate, String)| {
            match p.ended(day).and_then(|e| {
                corrected(&p, e, &session.profile.name, today).map_err(|e| e.message().into())
            }) {
                Ok(e) => session.save(vec![e], reporter(&notice), format!("已结束驻村（{day}）。")),
                Err(m) => notice.set(Some(Notice::Error(m))),
            }
        })
    };
    let edit = |p: &ResidentCadre| {
        let (draft, editing, p) = (draft.clone(), editing.clone(), p.clone());
        Callback::from(move |_| {
            draft.set(p.clone());
            editing.set(Some(p.clone()));
        })
    };
    let cancel = {
        let (draft, editing) = (draft.clone(), editing.clone());
        Callback::from(move |_| {
            if let Some(before) = &*editing {
                draft.set(ResidentCadre {
                    meta: Meta::unsaved(time::now()),
                    village: String::new(),
                    end: None,
                    corrections: Vec::new(),
                    ..before.clone()
                });
            }
            editing.set(None);
        })
    };
    let mut postings: Vec<&ResidentCadre> = data.postings.iter().filter(|p| !p.deleted).collect();
    crate::order::sort_by(&mut postings, |p| {
        crate::order::Key::text(&p.village).then(&p.start.to_string())
    });
    let mut cadres: Vec<_> = data.cadres.iter().filter(|c| !c.retired).collect();
    crate::ui::collate::sort_in_pinyin(&mut cadres, |c| [&c.unit, &c.name]);
    html! {
        <>
            { notice_box(notice.as_ref()) }
            <p class="lead no-print">{ "驻村干部五员：" }{ Role::ALL.iter().map(|r| format!("{}（{}）", r.label(), r.describe())).collect::<Vec<_>>().join("；") }</p>
            <form class="form card no-print" {onsubmit} aria-label={if editing.is_some() { "修改驻村安排" } else { "安排驻村" }}>
                <label>{ "驻村干部" }
                    <select onchange={{ let d = draft.clone(); Callback::from(move |e: Event| { let mut n = (*d).clone(); n.cadre = uuid::Uuid::parse_str(&field_value(&e)).unwrap_or_default(); d.set(n); }) }}>
                        <option value="" selected={draft.cadre.is_nil()}>{ "（请选择）" }</option>
                        { for cadres.iter().map(|c| html! { <option value={c.meta.id.to_string()} selected={draft.cadre == c.meta.id}>{ format!("{}（{}）", c.name, c.unit) }</option> }) }
                    </select>
                </label>
                <label>{ "村（社区）" }<input list="plan-villages" value={draft.village.clone()} oninput={on_input(&draft, |p, v| p.village = v)} /></label>
                <datalist id="plan-villages">{ for data.log_villages(&[]).iter().map(|v| html! { <option value={v.clone()} /> }) }</datalist>
                <label>{ "开始日期" }{ date_input(draft.start, on_pick(&draft, |p, d| p.start = d)) }</label>
                <label>{ "结束日期（可空）" }{ optional_date_input(draft.end, on_pick(&draft, |p, d| p.end = d)) }</label>
                <div class="actions">
                    <button type="submit" class="primary">{ if editing.is_some() { "保存修改" } else { "保存驻村安排" } }</button>
                    if editing.is_some() { <button type="button" onclick={cancel}>{ "取消修改" }</button> }
                </div>
            </form>
            <super::village_list::VillageList data={data.clone()} />
            <div class="toolbar no-print">{ print_button("打印驻村安排表") }</div>
            <h2 class="print-title">{ "驻村干部安排表" }</h2>
            <table class="grid" aria-label="驻村安排">
                { crate::ui::table::head_with_actions(&["村（社区）", "驻村干部", "开始", "结束"], "操作") }
                <tbody>
                if postings.is_empty() { <tr><td colspan="5">{ "还没有驻村安排。" }</td></tr> }
                { for postings.iter().map(|p| html! {
                    <tr>
                        <td>{ &p.village }
                            { for p.corrections.iter().map(|c| html! { <p class="history no-print">{ c.line() }</p> }) }</td>
                        <td>{ data.name_of(p.cadre) }</td><td>{ p.start.to_string() }</td>
                        <td>{ p.end.map(|d| d.to_string()).unwrap_or_else(|| "至今".into()) }</td>
                        <td class="no-print">
                            <button type="button" onclick={edit(p)}>{ "修改" }</button>
                            { super::remove_button(&session, reporter(&notice), *p, format!("{}的驻村安排", p.village), |p| p.deleted = true) }
                            if p.end.is_none() { <DatedAction label="结束驻村" date_label="最后一天" {today} on_done={end_on(p)} /> }
                        </td>
                    </tr>
                }) }
                </tbody>
            </table>
        </>
    }
}
