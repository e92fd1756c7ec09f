//! The 数据管理 page: back up, restore or merge a file, see storage status, clear data.

use crate::ui::prelude::*;

use super::backup::{backup_before, export_backup};
use super::import_panel::ImportPanel;
use crate::exchange::envelope::{self, FileKind};
use crate::session::use_session;
use crate::store::schema::StoreName;
use crate::store::schema::DB_VERSION;
use crate::store::{quota, StoreError};
use crate::ui::load::{use_load, use_load_keyed};
use crate::ui::notice::{notice_box, Notice};
use crate::ui::password::{password_fields, PasswordPair};

#[function_component(DataPage)]
pub fn data_page() -> Html {
    let session = use_session();
    let export_notice = use_state(|| None::<Notice>);
    let exporting = use_state(|| false);
    let confirm_clear = use_state(|| false);
    let with_cases = use_state(|| false);
    let pair = use_state(PasswordPair::default);
    let clear_pair = use_state(PasswordPair::default);
    let live_cases = use_load(&[StoreName::Admonitions], |session| async move {
        crate::admonition::ui::live_case_count(&session).await
    });
    let live_cases = live_cases.ready().map_or(0, |n| **n);

    let on_export = {
        let (session, export_notice, exporting, pair) = (
            session.clone(),
            export_notice.clone(),
            exporting.clone(),
            pair.clone(),
        );
        let with_cases = *with_cases;
        Callback::from(move |_| {
            let password = match with_cases.then(|| pair.password()).transpose() {
                Ok(p) => p,
                Err(m) => return export_notice.set(Some(Notice::Error(m))),
            };
            let (session, export_notice, exporting) =
                (session.clone(), export_notice.clone(), exporting.clone());
            exporting.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = export_backup(&session, password.as_deref()).await;
                exporting.set(false);
                let cases = if with_cases {
                    "含诫勉案件，已加密，打开时要输入密码"
                } else {
                    "不含诫勉案件"
                };
                export_notice.set(Some(match result {
                    Ok(file) => Notice::Success(format!(
                        "已导出 {} 条记录到文件“{}”（{cases}）。请把它保存到U盘或其他电脑上。",
                        file.records, file.name
                    )),
                    Err(message) => Notice::Error(message),
                }));
            });
        })
    };

    let on_clear = {
        let (session, confirm_clear, export_notice, clear_pair) = (
            session.clone(),
            confirm_clear.clone(),
            export_notice.clone(),
            clear_pair.clone(),
        );
        Callback::from(move |_| {
            // The cases go into the safety copy sealed, so a password is needed when there are any.
            let password = match (live_cases > 0).then(|| clear_pair.password()).transpose() {
                Ok(p) => p,
                Err(m) => return export_notice.set(Some(Notice::Error(m))),
            };
            let (session, confirm_clear, export_notice) = (
                session.clone(),
                confirm_clear.clone(),
                export_notice.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                // Clearing cannot be undone, so it starts by saving what it will delete.
                let result = match backup_before(&session, "清空", password.as_deref()).await {
                    Ok(file) => session
                        .store
                        .clear_records()
                        .await
                        .map(|()| file)
                        .map_err(|e| e.user_message()),
                    Err(message) => Err(message),
                };
                confirm_clear.set(false);
                export_notice.set(Some(match result {
                    Ok(file) => Notice::Success(format!(
                        "本机的业务数据已清空（个人信息保留）。清空前的全部数据已导出到“{}”，需要时可从它恢复。",
                        file.name
                    )),
                    Err(message) => Notice::Error(message),
                }));
                session.announce.emit(StoreName::exchanged().collect());
            });
        })
    };

    html! {
        <section class="data-page">
            <h1>{ "数据管理" }</h1>
            <p class="lead">{ "所有数据只保存在这台电脑的这个浏览器里。请定期导出备份，保存到U盘或其他电脑。" }</p>

            <section class="card" aria-labelledby="backup-h">
                <h2 id="backup-h">{ "导出备份" }</h2>
                <p>{ "把本机的全部数据（干部名册和各模块）导出为一个文件。" }</p>
                <label class="choice"><input type="checkbox" checked={*with_cases}
                    onchange={{ let w = with_cases.clone(); Callback::from(move |_| w.set(!*w)) }} />
                    { "同时导出诫勉案件（干部个人信息，备份文件将加密）" }</label>
                if *with_cases { { password_fields(&pair) } }
                <button class="primary" onclick={on_export} disabled={*exporting}>
                    { if *exporting { "正在导出……" } else { "导出全部数据" } }
                </button>
                { notice_box(export_notice.as_ref()) }
            </section>

            <section class="card" aria-labelledby="import-h">
                <h2 id="import-h">{ "导入备份或合并文件" }</h2>
                <p>{ "导入前会先检查文件并列出将要发生的变化，确认后才写入；出错时本机数据不会有任何改变。" }</p>
                <ImportPanel kind={FileKind::Backup} label="选择备份文件（.json）" />
            </section>

            <StorageStatus />

            <section class="card" aria-labelledby="clear-h">
                <h2 id="clear-h">{ "清空本机数据" }</h2>
                if *confirm_clear {
                    <div class="danger-confirm" role="alertdialog" aria-labelledby="clear-q">
                        <p id="clear-q">{ "确定要删除本机的全部业务数据吗？清空前会先把全部数据导出为一个备份文件，请把它保存好。" }</p>
                        if live_cases > 0 {
                            <p>{ format!("本机有 {live_cases} 个诫勉案件，它们将加密保存在备份中：") }</p>
                            { password_fields(&clear_pair) }
                        }
                        <button class="danger" onclick={on_clear}>{ "导出备份并清空" }</button>
                        <button onclick={{ let c = confirm_clear.clone(); Callback::from(move |_| c.set(false)) }}>{ "取消" }</button>
                    </div>
                } else {
                    <button class="danger" onclick={{ let c = confirm_clear.clone(); Callback::from(move |_| c.set(true)) }}>
                        { "清空本机数据……" }
                    </button>
                }
            </section>

            <p class="version">{ format!("作风建设工作台 版本 {}，文件格式第 {} 版，数据库第 {} 版", envelope::APP_VERSION, envelope::FORMAT_VERSION, DB_VERSION) }</p>
        </section>
    }
}

/// What the browser says about our storage: granted persistence and space used.
#[function_component(StorageStatus)]
fn storage_status() -> Html {
    let session = use_session();
    let all: Vec<StoreName> = StoreName::exchanged().collect();
    let status = use_load_keyed(&all, session.persisted, |_, _| async {
        Ok::<_, StoreError>(read_storage_status().await)
    });
    let Some(&(persisted, estimate)) = status.ready().map(|s| &**s) else {
        return html! { <section class="card"><h2>{ "存储状态" }</h2><p>{ "正在读取……" }</p></section> };
    };
    let persisted = session.persisted.or(persisted);
    html! {
        <section class="card" aria-labelledby="storage-h">
            <h2 id="storage-h">{ "存储状态" }</h2>
            <dl class="facts">
                <dt>{ "持久存储" }</dt>
                <dd data-testid="persisted">{ match persisted {
                    Some(true) => "已获准：浏览器不会自动清除本应用的数据。",
                    Some(false) => "未获准：磁盘空间紧张时浏览器可能清除数据，请务必定期备份。",
                    None => "尚未询问浏览器。",
                } }</dd>
                <dt>{ "已用空间" }</dt>
                <dd>{ match estimate {
                    Some((usage, quota)) => format!("{:.1} MB（可用上限约 {:.0} MB）", usage / 1_048_576.0, quota / 1_048_576.0),
                    None => "浏览器未提供。".into(),
                } }</dd>
            </dl>
        </section>
    }
}

async fn read_storage_status() -> (Option<bool>, Option<(f64, f64)>) {
    (quota::persisted().await, quota::estimate().await)
}
