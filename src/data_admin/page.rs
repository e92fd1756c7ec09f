//! The 数据管理 page: back up, restore or merge a file, see storage status, clear data.

use std::collections::HashSet;
use std::rc::Rc;

use yew::prelude::*;

use super::import_flow::{preview_rows, FileSummary, ImportAction, ImportFlow, ImportState};
use crate::app::use_session;
use crate::exchange::envelope::{self, Envelope, FileKind, MAX_FILE_BYTES};
use crate::exchange::error::FileError;
use crate::exchange::merge::{self, differences, display_name, Decision, Resolution};
use crate::exchange::validate::{check_references, check_size, read_file};
use crate::store::schema::{StoreName, DB_VERSION};
use crate::store::settings::LAST_BACKUP_AT;
use crate::ui::download::download_text;
use crate::ui::file_drop::{FileDrop, PickedFile};
use crate::ui::notice::{Notice, NoticeBox};
use crate::ui::time;

const DECISIONS: [Decision; 5] = [
    Decision::New,
    Decision::Newer,
    Decision::Older,
    Decision::Identical,
    Decision::Conflict,
];

#[function_component(DataPage)]
pub fn data_page() -> Html {
    let session = use_session();
    let flow = use_reducer(ImportFlow::default);
    let export_notice = use_state(|| None::<Notice>);
    let exporting = use_state(|| false);
    let confirm_clear = use_state(|| false);

    let on_export = {
        let (session, export_notice, exporting) =
            (session.clone(), export_notice.clone(), exporting.clone());
        Callback::from(move |_| {
            let (session, export_notice, exporting) =
                (session.clone(), export_notice.clone(), exporting.clone());
            exporting.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = export_backup(&session).await;
                exporting.set(false);
                export_notice.set(Some(match result {
                    Ok((name, n)) => Notice::Success(format!(
                        "已导出 {n} 条记录到文件“{name}”。请把它保存到U盘或其他电脑上。"
                    )),
                    Err(message) => Notice::Error(message),
                }));
                session.data_changed.emit(());
            });
        })
    };

    let on_files = {
        let (session, flow) = (session.clone(), flow.clone());
        Callback::from(move |files: Vec<PickedFile>| {
            let Some(file) = files.into_iter().next() else {
                return;
            };
            let (session, flow) = (session.clone(), flow.clone());
            flow.dispatch(ImportAction::Start(file.name.clone()));
            wasm_bindgen_futures::spawn_local(async move {
                // Let the page show "checking" before the parse takes the main thread.
                gloo::timers::future::TimeoutFuture::new(0).await;
                match prepare_import(&session, file).await {
                    Ok((summary, plan)) => flow.dispatch(ImportAction::Planned(summary, plan)),
                    Err(message) => flow.dispatch(ImportAction::Failed(message)),
                }
            });
        })
    };
    let on_too_large = {
        let flow = flow.clone();
        Callback::from(move |(name, bytes): (String, u64)| {
            flow.dispatch(ImportAction::Start(name));
            let message = match check_size(bytes) {
                Err(e) => e.user_message(),
                Ok(()) => {
                    "无法读取这个文件，可能已被移走或没有读取权限。请把文件复制到桌面后再试。"
                        .into()
                }
            };
            flow.dispatch(ImportAction::Failed(message));
        })
    };

    let on_confirm = {
        let (session, flow) = (session.clone(), flow.clone());
        Callback::from(move |_| {
            let ImportState::Preview {
                plan, resolutions, ..
            } = &flow.state
            else {
                return;
            };
            let writes = match plan.writes(
                resolutions,
                &session.device,
                time::now(),
                uuid::Uuid::new_v4,
            ) {
                Ok(w) => w,
                Err(e) => {
                    flow.dispatch(ImportAction::Problem(e.user_message()));
                    return;
                }
            };
            flow.dispatch(ImportAction::Writing(plan.items.len()));
            let (session, flow) = (session.clone(), flow.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match session.store.write_all(&writes).await {
                    Ok(()) => flow.dispatch(ImportAction::Written {
                        written: writes.len(),
                    }),
                    Err(e) => flow.dispatch(ImportAction::Failed(format!(
                        "导入没有完成，本机数据没有任何改变。{}",
                        e.user_message()
                    ))),
                }
                session.data_changed.emit(());
            });
        })
    };
    let on_reset = {
        let flow = flow.clone();
        Callback::from(move |_| flow.dispatch(ImportAction::Reset))
    };

    let on_clear = {
        let (session, confirm_clear, export_notice) = (
            session.clone(),
            confirm_clear.clone(),
            export_notice.clone(),
        );
        Callback::from(move |_| {
            let (session, confirm_clear, export_notice) = (
                session.clone(),
                confirm_clear.clone(),
                export_notice.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let result = session.store.clear_records().await;
                confirm_clear.set(false);
                export_notice.set(Some(match result {
                    Ok(()) => Notice::Success(
                        "本机的业务数据已清空（个人信息保留）。可以从备份文件恢复。".into(),
                    ),
                    Err(e) => Notice::Error(e.user_message()),
                }));
                session.data_changed.emit(());
            });
        })
    };

    html! {
        <section class="data-page">
            <h1>{ "数据管理" }</h1>
            <p class="lead">{ "所有数据只保存在这台电脑的这个浏览器里。请定期导出备份，保存到U盘或其他电脑。" }</p>

            <section class="card" aria-labelledby="backup-h">
                <h2 id="backup-h">{ "导出备份" }</h2>
                <p>{ "把本机的全部数据（干部名册和四个模块）导出为一个文件。" }</p>
                <button class="primary" onclick={on_export} disabled={*exporting}>
                    { if *exporting { "正在导出……" } else { "导出全部数据" } }
                </button>
                <NoticeBox notice={(*export_notice).clone()} />
            </section>

            <section class="card" aria-labelledby="import-h">
                <h2 id="import-h">{ "导入备份或合并文件" }</h2>
                <p>{ "导入前会先检查文件并列出将要发生的变化，确认后才写入；出错时本机数据不会有任何改变。" }</p>
                <FileDrop label="选择备份文件（.json）" accept=".json,application/json" max_bytes={MAX_FILE_BYTES}
                    on_files={on_files} on_too_large={on_too_large} disabled={flow.state.is_busy()} />
                { import_view(&flow, on_confirm, on_reset) }
            </section>

            <StorageStatus />

            <section class="card" aria-labelledby="clear-h">
                <h2 id="clear-h">{ "清空本机数据" }</h2>
                if *confirm_clear {
                    <div class="danger-confirm" role="alertdialog" aria-labelledby="clear-q">
                        <p id="clear-q">{ "确定要删除本机的全部业务数据吗？此操作不能撤销。建议先导出备份。" }</p>
                        <button class="danger" onclick={on_clear}>{ "确认清空" }</button>
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

async fn export_backup(session: &crate::app::Session) -> Result<(String, usize), String> {
    let records = session
        .store
        .read_all()
        .await
        .map_err(|e| e.user_message())?;
    let records = records
        .into_iter()
        .map(|(store, values)| (store.as_str().to_string(), values))
        .collect();
    let now = time::now();
    let envelope = Envelope::new(
        FileKind::Backup,
        session.profile.exporter(&session.device),
        now,
        records,
    );
    let name = envelope::file_name(FileKind::Backup, &session.profile.name, time::to_local(now));
    download_text(&name, "application/json", &envelope.to_json())?;
    session
        .store
        .set_setting(LAST_BACKUP_AT, now)
        .await
        .map_err(|e| e.user_message())?;
    Ok((name, envelope.record_count()))
}

/// Read → parse → check → compare with ours. Nothing is written.
async fn prepare_import(
    session: &crate::app::Session,
    file: PickedFile,
) -> Result<(FileSummary, merge::MergePlan), String> {
    let valid =
        read_file(&file.bytes, FileKind::Backup).map_err(|e: FileError| e.user_message())?;
    let mut stores: HashSet<StoreName> = valid.records.iter().map(|r| r.store).collect();
    stores.extend(crate::exchange::records::REFERENCES.iter().map(|r| r.to));
    let stores: Vec<StoreName> = stores.into_iter().collect();
    let local = session
        .store
        .local_records(&stores)
        .await
        .map_err(|e| e.user_message())?;
    check_references(&valid, |store, id| local.contains_key(&(store, *id)))
        .map_err(|e| e.user_message())?;
    let summary = FileSummary {
        file_name: file.name,
        kind: valid.kind,
        exported_by: valid.exported_by.clone(),
        exported_at: valid.exported_at,
        app_version: valid.app_version.clone(),
    };
    Ok((summary, merge::plan(valid.records, &local)))
}

fn import_view(
    flow: &UseReducerHandle<ImportFlow>,
    on_confirm: Callback<MouseEvent>,
    on_reset: Callback<MouseEvent>,
) -> Html {
    match &flow.state {
        ImportState::Idle => html! {},
        ImportState::Checking { file_name } => html! {
            <p class="progress" role="status" aria-busy="true">{ format!("正在检查文件“{file_name}”……") }</p>
        },
        ImportState::Writing { records, .. } => html! {
            <p class="progress" role="status" aria-busy="true">{ format!("正在写入（共 {records} 条记录），请不要关闭页面……") }</p>
        },
        ImportState::Done {
            file_name,
            written,
            skipped,
        } => html! {
            <div class="notice success" role="status">
                <p>{ format!("“{file_name}”导入完成：写入 {written} 条记录，{skipped} 条无需改变。") }</p>
                <button onclick={on_reset}>{ "完成" }</button>
            </div>
        },
        ImportState::Failed { file_name, message } => html! {
            <div class="notice error" role="alert">
                <p><strong>{ format!("“{file_name}”没有导入。") }</strong></p>
                { for message.lines().map(|l| html! { <p>{ l }</p> }) }
                <button onclick={on_reset}>{ "知道了" }</button>
            </div>
        },
        ImportState::Preview {
            summary,
            plan,
            resolutions,
            problem,
        } => {
            let rows = preview_rows(plan);
            let conflicts: Vec<_> = plan.conflicts().collect();
            let to_write = plan.count(Decision::New)
                + plan.count(Decision::Newer)
                + plan.count(Decision::Conflict);
            html! {
                <div class="preview" aria-label="导入预览">
                    <h3>{ "导入预览" }</h3>
                    <p>{ format!(
                        "文件“{}”：{}，由 {}（{}）于 {} 导出，应用版本 {}。",
                        summary.file_name, summary.kind.label(), summary.exported_by.name, summary.exported_by.unit,
                        time::format_local(summary.exported_at), summary.app_version
                    ) }</p>
                    <table class="grid">
                        <thead><tr><th scope="col">{ "类别" }</th>
                            { for DECISIONS.iter().map(|d| html! { <th scope="col">{ d.label() }</th> }) }
                        </tr></thead>
                        <tbody>
                        { for rows.iter().map(|(store, counts)| html! {
                            <tr><th scope="row">{ store.label() }</th>
                                { for DECISIONS.iter().map(|d| html! { <td>{ counts.get(d).copied().unwrap_or(0) }</td> }) }
                            </tr>
                        }) }
                        <tr class="total"><th scope="row">{ "合计" }</th>
                            { for DECISIONS.iter().map(|d| html! { <td>{ plan.count(*d) }</td> }) }
                        </tr>
                        </tbody>
                    </table>
                    if plan.items.is_empty() {
                        <p>{ "文件中没有记录。" }</p>
                    }
                    if !conflicts.is_empty() {
                        <ConflictList flow={flow.clone()} />
                    }
                    if let Some(p) = problem { <div class="notice error" role="alert"><p>{ p }</p></div> }
                    <p>{ format!("“比本机旧”和“相同”的记录不会改动本机数据。确认后将写入约 {to_write} 条记录。") }</p>
                    <button class="primary" onclick={on_confirm}
                        disabled={conflicts.len() > resolutions.len()}>{ "确认导入" }</button>
                    <button onclick={on_reset}>{ "取消" }</button>
                </div>
            }
        }
    }
}

#[derive(Properties, PartialEq)]
struct ConflictListProps {
    flow: UseReducerHandle<ImportFlow>,
}

#[function_component(ConflictList)]
fn conflict_list(props: &ConflictListProps) -> Html {
    let flow = &props.flow;
    let ImportState::Preview {
        plan, resolutions, ..
    } = &flow.state
    else {
        return html! {};
    };
    let plan = Rc::clone(plan);
    let all = |r: Resolution| {
        let flow = flow.clone();
        Callback::from(move |_| flow.dispatch(ImportAction::ResolveAll(r)))
    };
    let choices = [
        (Resolution::KeepLocal, "保留本机"),
        (Resolution::TakeIncoming, "采用文件"),
        (Resolution::KeepBoth, "两者都保留"),
    ];
    html! {
        <div class="conflicts">
            <h4>{ format!("冲突：{} 条记录在本机和文件中都被修改过，请逐条选择", plan.count(Decision::Conflict)) }</h4>
            <p>
                <button onclick={all(Resolution::KeepLocal)}>{ "全部保留本机" }</button>
                <button onclick={all(Resolution::TakeIncoming)}>{ "全部采用文件" }</button>
                <button onclick={all(Resolution::KeepBoth)}>{ "全部两者都保留" }</button>
            </p>
            { for plan.conflicts().map(|item| {
                let local = item.local.as_ref().map(|l| l.value.clone()).unwrap_or_default();
                let key = (item.store, item.incoming.meta.id);
                let chosen = resolutions.get(&key).copied();
                let group = format!("c-{}", item.incoming.meta.id);
                let title = format!("{}：{}", item.store.label(), display_name(&item.incoming.value));
                html! {
                    <fieldset class="conflict">
                        <legend>{ title }</legend>
                        <table class="grid">
                            <thead><tr><th scope="col">{ "字段" }</th><th scope="col">{ "本机" }</th><th scope="col">{ "文件" }</th></tr></thead>
                            <tbody>
                            { for differences(&local, &item.incoming.value).into_iter().map(|(field, ours, theirs)| html! {
                                <tr><th scope="row">{ field }</th><td>{ ours }</td><td>{ theirs }</td></tr>
                            }) }
                            </tbody>
                        </table>
                        { for choices.iter().map(|(r, label)| {
                            let flow = flow.clone();
                            let r = *r;
                            let onchange = Callback::from(move |_| flow.dispatch(ImportAction::Resolve(key.0, key.1, r)));
                            html! {
                                <label class="choice">
                                    <input type="radio" name={group.clone()} checked={chosen == Some(r)} {onchange} />
                                    { *label }
                                </label>
                            }
                        }) }
                    </fieldset>
                }
            }) }
        </div>
    }
}

/// What the browser says about our storage: granted persistence and space used.
#[function_component(StorageStatus)]
fn storage_status() -> Html {
    let session = use_session();
    let status = use_state(|| None::<(Option<bool>, Option<(f64, f64)>)>);
    {
        let status = status.clone();
        use_effect_with((session.persisted, session.data_version), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                status.set(Some(read_storage_status().await));
            });
        });
    }
    let (persisted, estimate) = match &*status {
        None => {
            return html! { <section class="card"><h2>{ "存储状态" }</h2><p>{ "正在读取……" }</p></section> }
        }
        Some(s) => *s,
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
    use wasm_bindgen_futures::JsFuture;
    let storage = gloo::utils::window().navigator().storage();
    let persisted = match storage.persisted() {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_bool()),
        Err(_) => None,
    };
    let estimate = match storage.estimate() {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|v| {
            let get = |k: &str| {
                js_sys::Reflect::get(&v, &k.into())
                    .ok()
                    .and_then(|x| x.as_f64())
            };
            Some((get("usage")?, get("quota")?))
        }),
        Err(_) => None,
    };
    (persisted, estimate)
}
