//! The screen after the browser emptied the database (a full disk during a write, see
//! `store::write_mark`): what happened, which backup to choose, and the backup's import. Who uses
//! this browser and its settings come back from the mark when the person goes on.

use std::rc::Rc;

use crate::ui::prelude::*;

use super::import_panel::ImportPanel;
use crate::exchange::envelope::FileKind;
use crate::session::use_session;
use crate::store::write_mark::{self, WriteMark};
use crate::ui::form::confirmed;
use crate::ui::notice::{notice_box, Notice};
use crate::ui::time::format_local;

#[derive(Properties, PartialEq)]
pub struct RecoveryProps {
    pub mark: Rc<WriteMark>,
    /// The person goes on into the app (settings restored, mark removed).
    pub on_done: Callback<()>,
}

#[function_component(RecoveryPage)]
pub fn recovery_page(props: &RecoveryProps) -> Html {
    let session = use_session();
    // Records held now: counted again whenever the backup's import writes.
    let held = use_state(|| 0usize);
    let notice = use_state(|| None::<Notice>);
    {
        let (store, held) = (session.store.clone(), held.clone());
        use_effect_with(session.changes.clone(), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(n) = store.record_count().await {
                    held.set(n);
                }
            });
        });
    }
    let go_on = {
        let (store, mark, notice) = (session.store.clone(), props.mark.clone(), notice.clone());
        let (on_done, held) = (props.on_done.clone(), *held);
        Callback::from(move |_| {
            if held == 0
                && !confirmed("还没有恢复任何数据。确定不恢复，直接进入本应用吗？以后仍可在“数据管理”中导入备份。")
            {
                return;
            }
            let (store, mark, notice, on_done) =
                (store.clone(), mark.clone(), notice.clone(), on_done.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match crate::boot::restore_settings(&store, &mark).await {
                    Ok(()) => {
                        write_mark::clear();
                        on_done.emit(());
                    }
                    Err(e) => notice.set(Some(Notice::Error(e.user_message()))),
                }
            });
        })
    };
    let mark = &props.mark;
    let last_backup = mark.last_backup_at.map(format_local).unwrap_or_default();
    html! {
        <main class="boot recovery">
            <h1>{ "恢复本机数据" }</h1>
            <div class="notice error" role="alert">
                <p>{ mark.what_happened(&format_local(mark.at)) }</p>
            </div>
            <p>{ format!("这台电脑的使用人：{}（{}）。", mark.profile.name, mark.profile.unit) }</p>
            <p><strong>{ mark.where_to_restore_from(&last_backup) }</strong></p>
            <ImportPanel kind={FileKind::Backup} label="选择备份文件恢复（.json）" />
            if *held > 0 {
                <p role="status">{ format!("本机现有 {} 条记录。", *held) }</p>
            }
            { notice_box(notice.as_ref()) }
            <button class={if *held > 0 { "primary" } else { "" }} onclick={go_on}>
                { if *held > 0 { "恢复完成，进入本应用" } else { "不恢复，直接进入本应用" } }
            </button>
        </main>
    }
}
