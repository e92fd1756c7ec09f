//! Importing exchange files of one kind: choose or drop one or more files; each is read,
//! checked and previewed, conflicts are settled, and confirming writes it in one transaction.
//! Several files are taken one after another, each against the data as the previous one left it.

use std::cell::RefCell;
use std::collections::{HashSet, VecDeque};
use std::rc::Rc;

use crate::ui::prelude::*;

use super::backup::before_import;
use super::conflicts::ConflictList;
use super::import_flow::{
    backup_first, file_note, live_cases, package_lines, preview_rows, village_log_notes, CheckStep,
    FileSummary, ImportAction, ImportFlow, ImportState,
};
use crate::exchange::envelope::{FileKind, MAX_FILE_BYTES};
use crate::exchange::error::FileError;
use crate::exchange::merge::{self, Decision};
use crate::exchange::validate::{check_references, check_size, read_file};
use crate::session::{use_session, Session};
use crate::store::schema::StoreName;
use crate::store::write_mark;
use crate::ui::file_drop::{FileDrop, PickedFile};
use crate::ui::time;

const DECISIONS: [Decision; 5] = [
    Decision::New,
    Decision::Newer,
    Decision::Older,
    Decision::Identical,
    Decision::Conflict,
];

#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    pub kind: FileKind,
    /// The file chooser's label.
    pub label: AttrValue,
    #[prop_or_default]
    pub multiple: bool,
}

type Queue = Rc<RefCell<VecDeque<PickedFile>>>;

/// Takes the next queued file through read → check → plan, unless one is already in hand.
fn start_next(
    session: &Session,
    flow: &UseReducerHandle<ImportFlow>,
    queue: &Queue,
    kind: FileKind,
) {
    let Some(file) = queue.borrow_mut().pop_front() else {
        return;
    };
    let (session, flow) = (session.clone(), flow.clone());
    flow.dispatch(ImportAction::Start(file.name.clone()));
    wasm_bindgen_futures::spawn_local(async move {
        // Let the page show "checking" before the parse takes the main thread.
        gloo::timers::future::TimeoutFuture::new(0).await;
        check_file(&session, &flow, file, kind).await;
    });
}

/// Reads, checks and plans a file (an opened sealed file comes back here with its records).
async fn check_file(
    session: &Session,
    flow: &UseReducerHandle<ImportFlow>,
    file: PickedFile,
    kind: FileKind,
) {
    match crate::exchange::sealed::peek(&file.bytes) {
        // A sealed file for another page is named before any password is asked.
        Ok(Some(locked)) if locked.envelope.kind != kind => {
            let wrong = FileError::WrongKind {
                expected: kind,
                found: locked.envelope.kind,
            };
            return flow.dispatch(ImportAction::Failed(wrong.user_message()));
        }
        Ok(Some(locked)) => return flow.dispatch(ImportAction::Locked(Rc::new(locked))),
        Ok(None) => {}
        Err(e) => return flow.dispatch(ImportAction::Failed(e.user_message())),
    }
    match prepare_import(session, flow, file, kind).await {
        Ok((summary, plan)) => flow.dispatch(ImportAction::Planned(summary, plan)),
        Err(message) => flow.dispatch(ImportAction::Failed(message)),
    }
}

#[function_component(ImportPanel)]
pub fn import_panel(props: &ImportPanelProps) -> Html {
    let session = use_session();
    let flow = use_reducer(ImportFlow::default);
    let queue: Queue = use_mut_ref(VecDeque::new);
    let kind = props.kind;

    let on_files = {
        let (session, flow, queue) = (session.clone(), flow.clone(), queue.clone());
        Callback::from(move |files: Vec<PickedFile>| {
            queue.borrow_mut().extend(files);
            if !flow.state.is_busy() && !matches!(flow.state, ImportState::Preview { .. }) {
                start_next(&session, &flow, &queue, kind);
            }
        })
    };
    // Files refused before reading are listed apart, so that the others chosen with them are
    // still imported one after another.
    let refused = use_reducer(Refused::default);
    let on_too_large = {
        let refused = refused.dispatcher();
        Callback::from(move |(name, bytes): (String, u64)| {
            let reason = match check_size(bytes) {
                Err(e) => e.user_message(),
                Ok(()) => {
                    "无法读取这个文件，可能已被移走或没有读取权限。请把文件复制到桌面后再试。"
                        .into()
                }
            };
            refused.dispatch(Some(format!("“{name}”没有导入：{reason}")));
        })
    };
    let on_confirm = {
        let (session, flow) = (session.clone(), flow.clone());
        Callback::from(move |_| {
            let ImportState::Preview {
                summary,
                plan,
                resolutions,
                field_choices,
                ..
            } = &flow.state
            else {
                return;
            };
            let safety_copy = backup_first(plan, summary.records_here).is_some();
            let total = plan.items.len();
            let writes = match plan.writes_choosing(
                resolutions,
                field_choices,
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
            let (session, flow) = (session.clone(), flow.clone());
            let (file_name, records_before) = (summary.file_name.clone(), summary.records_here);
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(message) =
                    before_import(&session, &file_name, safety_copy, records_before).await
                {
                    flow.dispatch(ImportAction::Problem(message));
                    return;
                }
                flow.dispatch(ImportAction::Writing(total, writes.len()));
                let report = {
                    let flow = flow.clone();
                    move |done: usize| flow.dispatch(ImportAction::Progress(done))
                };
                let written = session.write_values_reporting(&writes, &report).await;
                // The mark stays only while the database may be lost: written whole, or rolled
                // back with the database still answering, nothing was.
                if written.is_ok() || session.store.record_count().await.is_ok() {
                    write_mark::clear();
                }
                match written {
                    Ok(()) => {
                        // Holidays or cases that arrived may settle provisional deadlines; if
                        // this fails the cases stay provisional and are counted next time.
                        if writes.iter().any(|(s, _)| {
                            matches!(s, StoreName::HolidayCalendars | StoreName::Admonitions)
                        }) {
                            let _ = crate::admonition::ui::recount_stored(&session).await;
                        }
                        flow.dispatch(ImportAction::Written {
                            written: writes.len(),
                        })
                    }
                    Err(message) => flow.dispatch(ImportAction::Failed(format!(
                        "导入没有完成，本机数据没有任何改变。{message}"
                    ))),
                }
            });
        })
    };
    // Done, failed or cancelled: on to the next queued file, if any.
    let on_next = {
        let (session, flow, queue) = (session.clone(), flow.clone(), queue.clone());
        Callback::from(move |()| {
            flow.dispatch(ImportAction::Reset);
            start_next(&session, &flow, &queue, kind);
        })
    };
    let on_opened = {
        let (session, flow) = (session.clone(), flow.clone());
        Callback::from(move |file: PickedFile| {
            let (session, flow) = (session.clone(), flow.clone());
            flow.dispatch(ImportAction::Start(file.name.clone()));
            wasm_bindgen_futures::spawn_local(async move {
                check_file(&session, &flow, file, kind).await;
            });
        })
    };
    let waiting = queue.borrow().len();
    if let ImportState::Locked { file_name, locked } = &flow.state {
        return html! {
            <div class="import-panel">
                <super::unlock::UnlockForm file_name={file_name.clone()} locked={locked.clone()}
                    on_opened={on_opened} on_cancel={on_next} />
            </div>
        };
    }
    html! {
        <div class="import-panel">
            <FileDrop label={props.label.clone()} accept=".json,application/json" max_bytes={MAX_FILE_BYTES}
                multiple={props.multiple} on_files={on_files} on_too_large={on_too_large} disabled={flow.state.is_busy()} />
            if !refused.0.is_empty() {
                <div class="notice error" role="alert">
                    { for refused.0.iter().map(|m| html! { <p>{ m }</p> }) }
                    <button onclick={{ let r = refused.dispatcher(); Callback::from(move |_| r.dispatch(None)) }}>{ "知道了" }</button>
                </div>
            }
            if waiting > 0 {
                <p class="queue" role="status">{ format!("还有 {waiting} 个文件等待导入。") }</p>
            }
            { import_view(&flow, on_confirm, on_next.reform(|_: MouseEvent| ()), waiting, keeps_cases(&session)) }
        </div>
    }
}

/// Messages for files refused before reading. A reducer, because several arrive at once.
#[derive(Default, PartialEq)]
struct Refused(Vec<String>);

impl Reducible for Refused {
    /// A message to add, or `None` to clear them all.
    type Action = Option<String>;

    fn reduce(self: Rc<Self>, action: Option<String>) -> Rc<Self> {
        Rc::new(match action {
            Some(m) => Refused(self.0.iter().cloned().chain([m]).collect()),
            None => Refused::default(),
        })
    }
}

/// Read → parse → check → compare with ours. Nothing is written.
async fn prepare_import(
    session: &Session,
    flow: &UseReducerHandle<ImportFlow>,
    file: PickedFile,
    kind: FileKind,
) -> Result<(FileSummary, merge::MergePlan), String> {
    let mut valid = read_file(&file.bytes, kind).map_err(|e: FileError| e.user_message())?;
    let set_back =
        crate::exchange::times::settle_times(&mut valid.records, valid.exported_at, time::now());
    flow.dispatch(ImportAction::Step(CheckStep::Comparing {
        records: valid.records.len(),
    }));
    // Let the page say so before the comparison takes the main thread.
    gloo::timers::future::TimeoutFuture::new(0).await;
    let mut stores: HashSet<StoreName> = valid.records.iter().map(|r| r.store).collect();
    stores.extend(crate::exchange::records::REFERENCES.iter().map(|r| r.to));
    if valid.kind == FileKind::VillageLog {
        stores.extend([StoreName::Villages, StoreName::Cadres]);
    }
    // One calendar a year: a file's calendar is compared with ours of its year (already read
    // when the file carries one, since its own store is).
    let stores: Vec<StoreName> = stores.into_iter().collect();
    let local = session
        .store
        .local_records(&stores)
        .await
        .map_err(|e| e.user_message())?;
    check_references(&valid, |store, id| local.contains_key(&(store, *id)))
        .map_err(|e| e.user_message())?;
    crate::exchange::ballots::check(&valid, &local).map_err(|e| e.user_message())?;
    let records_here = session
        .store
        .counts()
        .await
        .map_err(|e| e.user_message())?
        .into_iter()
        .filter(|(store, _)| *store != StoreName::Settings)
        .map(|(_, n)| n as usize)
        .sum();
    let (village_notes, unknown_villages) = match valid.kind {
        FileKind::VillageLog => village_log_notes(&valid.records, &local),
        _ => (Vec::new(), Vec::new()),
    };
    let (kind, exported_by, exported_at, app_version) = (
        valid.kind,
        valid.exported_by,
        valid.exported_at,
        valid.app_version,
    );
    let mut plan = merge::plan(valid.records, &local);
    let forged = plan.forged(&session.device);
    if !forged.is_empty() {
        let shown: Vec<&str> = forged.iter().take(5).map(String::as_str).collect();
        return Err(format!(
            "这个文件声称在这台电脑上改过{}，而这台电脑并没有这样改过：文件被手工改动过，整个文件都没有导入。请让对方用本应用重新导出。",
            shown.join("、")
        ));
    }
    plan.protect(&session.device);
    plan.hold_owned(
        &session.device,
        session.profile.role == crate::store::settings::Role::Office,
        keeps_cases(session),
        &sender_ids(&local, &exported_by),
    );
    let mut notes = crate::exchange::calendars::one_a_year(&mut plan, &local)?;
    notes.extend(crate::exchange::times::note(set_back));
    notes.extend(village_notes);
    let summary = FileSummary {
        file_name: file.name,
        kind,
        exported_by,
        exported_at,
        app_version,
        records_here,
        notes,
        unknown_villages,
    };
    Ok((summary, plan))
}

/// Whether this browser keeps admonition cases from files: the office's, served from a web
/// server (the single file shares its storage with every local page, `ui/origin.rs`).
fn keeps_cases(session: &Session) -> bool {
    session.profile.role == crate::store::settings::Role::Office
        && !crate::ui::origin::single_file()
}

/// Who sent the file, as people on this browser's roster (none when the roster does not know
/// them): a task's progress is theirs to change only if they are among its 责任人.
fn sender_ids(
    local: &std::collections::HashMap<(StoreName, crate::record::Id), merge::LocalRecord>,
    sender: &crate::exchange::envelope::Exporter,
) -> Vec<crate::record::Id> {
    let roster: Vec<crate::roster::model::Cadre> = local
        .iter()
        .filter(|((store, _), _)| *store == StoreName::Cadres)
        .filter_map(|(_, r)| crate::exchange::records::typed(&r.value).ok())
        .collect();
    crate::roster::matching::find_person(&roster, &sender.name, &sender.unit)
        .cadre()
        .map(|c| vec![c.meta.id])
        .unwrap_or_default()
}

fn import_view(
    flow: &UseReducerHandle<ImportFlow>,
    on_confirm: Callback<MouseEvent>,
    on_reset: Callback<MouseEvent>,
    waiting: usize,
    keeps_cases: bool,
) -> Html {
    let done_label = if waiting > 0 {
        "导入下一个文件"
    } else {
        "完成"
    };
    match &flow.state {
        ImportState::Idle | ImportState::Locked { .. } => html! {},
        ImportState::Checking { file_name, step } => html! {
            <p class="progress" role="status" aria-busy="true">{ step.text(file_name) }</p>
        },
        ImportState::Writing { to_write, done, .. } => html! {
            <div class="progress" role="status" aria-busy="true">
                <p>{ if *done == 0 {
                    format!("正在写入（共 {to_write} 条记录），请不要关闭页面……")
                } else {
                    format!("正在写入：已写入 {done} / {to_write} 条记录，请不要关闭页面……")
                } }</p>
                <progress max={to_write.to_string()} value={done.to_string()} aria-label="写入进度"></progress>
            </div>
        },
        ImportState::Done {
            file_name,
            written,
            skipped,
        } => html! {
            <div class="notice success" role="status">
                <p>{ format!("“{file_name}”导入完成：写入 {written} 条记录，{skipped} 条无需改变。") }</p>
                <button onclick={on_reset}>{ done_label }</button>
            </div>
        },
        ImportState::Failed { file_name, message } => html! {
            <div class="notice error" role="alert">
                <p><strong>{ format!("“{file_name}”没有导入。") }</strong></p>
                { for message.lines().map(|l| html! { <p>{ l }</p> }) }
                <button onclick={on_reset}>{ if waiting > 0 { "知道了，导入下一个文件" } else { "知道了" } }</button>
            </div>
        },
        ImportState::Preview {
            summary,
            plan,
            resolutions,
            problem,
            ..
        } => {
            let rows = preview_rows(plan);
            // The protected column appears only when a file tried to change something ours.
            let columns: Vec<Decision> = DECISIONS
                .into_iter()
                .chain(
                    [Decision::Merged, Decision::Protected]
                        .into_iter()
                        .filter(|d| plan.count(*d) > 0),
                )
                .collect();
            let conflicts: Vec<_> = plan.conflicts().collect();
            let safety = backup_first(plan, summary.records_here);
            let to_write = plan.count(Decision::New)
                + plan.count(Decision::Newer)
                + plan.count(Decision::Merged)
                + plan.count(Decision::Conflict);
            html! {
                <div class="preview" aria-label="导入预览">
                    <h3>{ "导入预览" }</h3>
                    <p>{ format!(
                        "文件“{}”：{}，由 {}{} 于 {} 导出，应用版本 {}。",
                        summary.file_name, summary.kind.label(), summary.exported_by.name,
                        if summary.exported_by.unit.is_empty() { String::new() } else { format!("（{}）", summary.exported_by.unit) },
                        time::format_local(summary.exported_at), summary.app_version
                    ) }</p>
                    <table class="grid">
                        <thead><tr><th scope="col">{ "类别" }</th>
                            { for columns.iter().map(|d| html! { <th scope="col">{ d.label() }</th> }) }
                        </tr></thead>
                        <tbody>
                        { for rows.iter().map(|(store, counts)| html! {
                            <tr><th scope="row">{ store.label() }</th>
                                { for columns.iter().map(|d| html! { <td>{ counts.get(d).copied().unwrap_or(0) }</td> }) }
                            </tr>
                        }) }
                        <tr class="total"><th scope="row">{ "合计" }</th>
                            { for columns.iter().map(|d| html! { <td>{ plan.count(*d) }</td> }) }
                        </tr>
                        </tbody>
                    </table>
                    if plan.items.is_empty() {
                        <p>{ "文件中没有记录。" }</p>
                    }
                    { for package_lines(summary.kind, plan).into_iter().map(|line| html! { <p class="package">{ line }</p> }) }
                    { for summary.notes.iter().map(|n| html! { <p class="file-note">{ n }</p> }) }
                    if let Some(note) = file_note(summary.kind, &rows, live_cases(plan)) {
                        <p class="personal-data">{ note }</p>
                    }
                    { super::held::held_view(flow, plan, resolutions, keeps_cases) }
                    <super::unknown_villages::UnknownVillages flow={flow.clone()} villages={summary.unknown_villages.clone()} />
                    if !conflicts.is_empty() {
                        <ConflictList flow={flow.clone()} />
                    }
                    if let Some(p) = problem { <div class="notice error" role="alert"><p>{ p }</p></div> }
                    if plan.count(Decision::Merged) > 0 {
                        <p>{ format!("有 {} 条记录在本机和文件中改了不同的内容，两边的修改都已合并，不会丢失。", plan.count(Decision::Merged)) }</p>
                    }
                    if plan.count(Decision::Protected) > 0 {
                        <p>{ format!("文件想修改本机所建的 {} 份测验、答案或评议，这些不会改动：它们只在建立它们的电脑上修改。", plan.count(Decision::Protected)) }</p>
                    }
                    <p>{ format!("“比本机旧”和“相同”的记录不会改动本机数据。确认后将写入约 {to_write} 条记录。") }</p>
                    if let Some(why) = &safety {
                        <p class="backup-first">{ why }</p>
                    }
                    <button class="primary" onclick={on_confirm}
                        disabled={conflicts.len() > resolutions.len()}>
                        { if safety.is_some() { "先导出本机备份，再确认导入" } else { "确认导入" } }
                    </button>
                    <button onclick={on_reset}>{ "取消" }</button>
                </div>
            }
        }
    }
}
