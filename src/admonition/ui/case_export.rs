//! 导出诫勉案卷: the secretary chooses the cases (listed with the cadres' names), types a
//! password twice, and the file leaves sealed. Deleted cases' tombstones go with it (they
//! carry nothing personal) so that the other browser deletes them too.

use crate::ui::prelude::*;

use super::DataProps;
use crate::exchange::envelope::FileKind;
use crate::record::Id;
use crate::session::use_session;
use crate::store::schema::StoreName;
use crate::ui::export::{export_sealed, one_store};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::password::{password_fields, PasswordPair};

#[function_component(CaseExport)]
pub fn case_export(props: &DataProps) -> Html {
    let session = use_session();
    let chosen = use_state(Vec::<Id>::new);
    let pair = use_state(PasswordPair::default);
    let busy = use_state(|| false);
    let notice = use_state(|| None::<Notice>);
    let data = &props.data;
    let live = data.live_cases();
    let on_export = {
        let (session, chosen, pair, busy, notice, data) = (
            session.clone(),
            chosen.clone(),
            pair.clone(),
            busy.clone(),
            notice.clone(),
            data.clone(),
        );
        Callback::from(move |_| {
            let password = match pair.password() {
                Ok(p) => p,
                Err(m) => return notice.set(Some(Notice::Error(m))),
            };
            let cases: Vec<_> = data
                .cases
                .iter()
                .filter(|c| c.deleted || chosen.contains(&c.meta.id))
                .collect();
            let mut records = one_store(StoreName::Admonitions, cases.iter().copied());
            // The cadres the cases name travel with them, so the file imports anywhere.
            let cadres: Vec<_> = data
                .cadres
                .iter()
                .filter(|p| cases.iter().any(|c| !c.deleted && c.cadre == p.meta.id))
                .collect();
            records.extend(one_store(StoreName::Cadres, cadres.iter().copied()));
            let n = cases.iter().filter(|c| !c.deleted).count();
            let (session, busy, notice, pair) =
                (session.clone(), busy.clone(), notice.clone(), pair.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let name = session.profile.name.clone();
                let result = export_sealed(
                    &session,
                    FileKind::CaseFile,
                    &name,
                    None,
                    records,
                    &password,
                )
                .await;
                busy.set(false);
                notice.set(Some(match result {
                    Ok(f) => {
                        pair.set(PasswordPair::default());
                        Notice::Success(format!(
                            "已把 {n} 个案件加密导出到“{}”。打开时要输入刚才设置的密码。",
                            f.name
                        ))
                    }
                    Err(m) => Notice::Error(m),
                }));
            });
        })
    };
    let toggle = |id: Id| {
        let chosen = chosen.clone();
        Callback::from(move |_| {
            let mut next = (*chosen).clone();
            if next.contains(&id) {
                next.retain(|c| *c != id);
            } else {
                next.push(id);
            }
            chosen.set(next);
        })
    };
    let all: Vec<Id> = live.iter().map(|c| c.meta.id).collect();
    let everything = all.iter().all(|id| chosen.contains(id));
    html! {
        <section class="card" aria-labelledby="cases-out-h">
            <h2 id="cases-out-h">{ "导出诫勉案卷" }</h2>
            <div class="notice warn">
                <p>{ "诫勉案卷是干部的个人信息。只在确有需要时（如报送上级、换电脑）导出所需的案件；文件加密保存，用后请从U盘和邮箱中删除。" }</p>
            </div>
            if live.is_empty() {
                <p>{ "还没有诫勉案件。" }</p>
            } else {
                <fieldset class="case-choice">
                    <legend>{ format!("选择要导出的案件（已选 {} / {} 个）", chosen.len(), live.len()) }</legend>
                    <button type="button" onclick={{ let c = chosen.clone(); Callback::from(move |_| c.set(if everything { Vec::new() } else { all.clone() })) }}>
                        { if everything { "全不选" } else { "全选" } }</button>
                    { for live.iter().map(|c| html! {
                        <label class="choice"><input type="checkbox" checked={chosen.contains(&c.meta.id)} onchange={toggle(c.meta.id)} />
                            { format!("{}：{}（{} 谈话）", data.name_of(c.cadre), c.matter, c.talk.date) }</label>
                    }) }
                </fieldset>
                { password_fields(&pair) }
                <button class="primary" disabled={chosen.is_empty() || *busy} onclick={on_export}>
                    { if *busy { "正在加密……".to_string() } else { format!("加密导出 {} 个案件", chosen.len()) } }
                </button>
            }
            { notice_box(notice.as_ref()) }
        </section>
    }
}
