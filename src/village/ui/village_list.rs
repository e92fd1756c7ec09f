//! 村（社区）名单: the office keeps the township's villages and communities (with the 两委
//! contact) and sends them, with the postings and the cadres posted, as the 驻村安排 file, so
//! that every cadre's log names villages as the office does.

use crate::ui::prelude::*;

use super::DataProps;
use crate::exchange::envelope::FileKind;
use crate::record::Meta;
use crate::session::{reporter, use_session};
use crate::store::schema::StoreName;
use crate::ui::export::{export_file, export_notice, one_store};
use crate::ui::form::{confirmed, on_input};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time;
use crate::village::place::Village;

#[function_component(VillageList)]
pub fn village_list(props: &DataProps) -> Html {
    let session = use_session();
    let notice = use_state(|| None::<Notice>);
    let blank = || Village {
        meta: Meta::unsaved(time::now()),
        name: String::new(),
        contact: String::new(),
        phone: String::new(),
        deleted: false,
    };
    let draft = use_state(blank);
    let data = &props.data;
    let onsubmit = {
        let (session, notice, draft, list, fresh) = (
            session.clone(),
            notice.clone(),
            draft.clone(),
            data.places.clone(),
            blank(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let v = (*draft).clone().cleaned();
            match v.check_new(&list) {
                Ok(()) => {
                    let done = format!("已加入名单：{}", v.name);
                    session.save(vec![v], reporter(&notice), done);
                    draft.set(fresh.clone());
                }
                Err(m) => notice.set(Some(Notice::Error(m))),
            }
        })
    };
    let remove = |v: &Village| {
        let (session, notice, v) = (session.clone(), notice.clone(), v.clone());
        Callback::from(move |_| {
            let question = format!("从名单中删去“{}”？已写的驻村日志不受影响。", v.name);
            if !confirmed(&question) {
                return;
            }
            let gone = Village {
                deleted: true,
                ..v.clone()
            };
            session.save(
                vec![gone],
                reporter(&notice),
                format!("已从名单删去：{}", v.name),
            );
        })
    };
    let send = {
        let (session, notice, data) = (session.clone(), notice.clone(), data.clone());
        Callback::from(move |_| {
            let postings: Vec<_> = data.postings.iter().filter(|p| !p.deleted).collect();
            let posted: Vec<_> = data
                .cadres
                .iter()
                .filter(|c| postings.iter().any(|p| p.cadre == c.meta.id))
                .collect();
            let mut records = one_store(
                StoreName::Villages,
                data.places.iter().filter(|v| !v.deleted),
            );
            records.extend(one_store(
                StoreName::ResidentCadres,
                postings.iter().copied(),
            ));
            records.extend(one_store(StoreName::Cadres, posted));
            notice.set(Some(export_notice(
                export_file(
                    &session,
                    FileKind::VillagePlan,
                    &session.profile.unit,
                    records,
                ),
                |f| {
                    format!(
                        "已导出驻村安排（{} 条记录）到“{}”，请发给各驻村干部。",
                        f.records, f.name
                    )
                },
            )));
        })
    };
    let mut list: Vec<&Village> = data.places.iter().filter(|v| !v.deleted).collect();
    crate::ui::collate::sort_in_pinyin(&mut list, |v| [v.name.as_str(), ""]);
    html! {
        <section class="card no-print" aria-labelledby="places-h">
            <h2 id="places-h">{ format!("村（社区）名单（{} 个）", list.len()) }</h2>
            { notice_box(notice.as_ref()) }
            <form class="form" {onsubmit} aria-label="加入村（社区）">
                <label>{ "村（社区）名称" }<input value={draft.name.clone()} oninput={on_input(&draft, |v, x| v.name = x)} /></label>
                <label>{ "两委联系人（可空）" }<input value={draft.contact.clone()} placeholder="如：王支书" oninput={on_input(&draft, |v, x| v.contact = x)} /></label>
                <label>{ "联系电话（可空）" }<input type="tel" value={draft.phone.clone()} oninput={on_input(&draft, |v, x| v.phone = x)} /></label>
                <div class="actions"><button type="submit" class="primary">{ "加入名单" }</button></div>
            </form>
            if !list.is_empty() {
                <table class="grid" aria-label="村（社区）名单">
                    { crate::ui::table::head(&["村（社区）", "两委联系人", "电话", "操作"]) }
                    <tbody>{ for list.iter().map(|v| html! {
                        <tr><td>{ &v.name }</td><td>{ &v.contact }</td><td>{ &v.phone }</td>
                            <td><button type="button" onclick={remove(v)}>{ "删去" }</button></td></tr>
                    }) }</tbody>
                </table>
            }
            <p>{ "名单和驻村安排一起发给驻村干部：他们导入后，写日志时从名单中选村。" }</p>
            <button type="button" onclick={send}>{ "导出驻村安排（发给驻村干部）" }</button>
        </section>
    }
}
