//! 驻村安排: which cadre is posted to which village, from when to when; printable on A4.

use crate::ui::form::{date_input, field_value, on_input, on_pick, optional_date_input};
use yew::prelude::*;

use super::DataProps;
use crate::record::Meta;
use crate::session::{reporter, use_session};
use crate::ui::notice::{Notice, NoticeBox};
use crate::ui::time;
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
    });
    let data = &props.data;
    let onsubmit = {
        let (session, notice, draft, postings) = (
            session.clone(),
            notice.clone(),
            draft.clone(),
            data.postings.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut p = (*draft).clone();
            p.village = p.village.trim().to_string();
            if p.cadre.is_nil() {
                notice.set(Some(Notice::Error("请选择驻村干部。".into())));
                return;
            }
            match p.check(&postings) {
                Ok(()) => {
                    let done = format!("已安排驻村：{}", p.village);
                    session.save(vec![p], reporter(&notice), done);
                    draft.set(ResidentCadre {
                        meta: Meta::unsaved(time::now()),
                        village: String::new(),
                        ..(*draft).clone()
                    });
                }
                Err(m) => notice.set(Some(Notice::Error(m))),
            }
        })
    };
    let end_now = |p: &ResidentCadre| {
        let (session, notice, mut p) = (session.clone(), notice.clone(), p.clone());
        p.end = Some(today);
        Callback::from(move |_| {
            session.save(vec![p.clone()], reporter(&notice), "已结束驻村。");
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
            <NoticeBox notice={(*notice).clone()} />
            <p class="lead no-print">{ "驻村干部五员：" }{ Role::ALL.iter().map(|r| format!("{}（{}）", r.label(), r.describe())).collect::<Vec<_>>().join("；") }</p>
            <form class="form card no-print" {onsubmit} aria-label="安排驻村">
                <label>{ "驻村干部" }
                    <select onchange={{ let d = draft.clone(); Callback::from(move |e: Event| { let mut n = (*d).clone(); n.cadre = uuid::Uuid::parse_str(&field_value(&e)).unwrap_or_default(); d.set(n); }) }}>
                        <option value="" selected={draft.cadre.is_nil()}>{ "（请选择）" }</option>
                        { for cadres.iter().map(|c| html! { <option value={c.meta.id.to_string()} selected={draft.cadre == c.meta.id}>{ format!("{}（{}）", c.name, c.unit) }</option> }) }
                    </select>
                </label>
                <label>{ "村（社区）" }<input value={draft.village.clone()} oninput={on_input(&draft, |p, v| p.village = v)} /></label>
                <label>{ "开始日期" }{ date_input(draft.start, on_pick(&draft, |p, d| p.start = d)) }</label>
                <label>{ "结束日期（可空）" }{ optional_date_input(draft.end, on_pick(&draft, |p, d| p.end = d)) }</label>
                <button type="submit" class="primary">{ "保存驻村安排" }</button>
            </form>
            <div class="toolbar no-print"><button onclick={Callback::from(|_| { let _ = gloo::utils::window().print(); })}>{ "打印驻村安排表" }</button></div>
            <h2 class="print-title">{ "驻村干部安排表" }</h2>
            <table class="grid" aria-label="驻村安排">
                <thead><tr><th scope="col">{ "村（社区）" }</th><th scope="col">{ "驻村干部" }</th><th scope="col">{ "开始" }</th><th scope="col">{ "结束" }</th><th scope="col" class="no-print">{ "操作" }</th></tr></thead>
                <tbody>
                if postings.is_empty() { <tr><td colspan="5">{ "还没有驻村安排。" }</td></tr> }
                { for postings.iter().map(|p| html! {
                    <tr>
                        <td>{ &p.village }</td><td>{ data.name_of(p.cadre) }</td><td>{ p.start.to_string() }</td>
                        <td>{ p.end.map(|d| d.to_string()).unwrap_or_else(|| "至今".into()) }</td>
                        <td class="no-print">if p.end.is_none() { <button onclick={end_now(p)}>{ "今天结束" }</button> }</td>
                    </tr>
                }) }
                </tbody>
            </table>
        </>
    }
}
