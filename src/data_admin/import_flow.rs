//! The steps of importing a file, as one state and the actions that move it: the page's effects
//! (reading, checking, writing) dispatch these, and every change has a name a test can apply.

use std::collections::HashMap;
use std::rc::Rc;

use chrono::{DateTime, Utc};

use crate::exchange::envelope::{Exporter, FileKind};
use crate::exchange::fields::Side;
use crate::exchange::merge::{Decision, FieldChoices, MergePlan, Resolution};
use crate::record::Id;
use crate::sorted::SortedMap;
use crate::store::schema::StoreName;

/// What the preview shows about the file itself.
#[derive(Debug, Clone, PartialEq)]
pub struct FileSummary {
    pub file_name: String,
    pub kind: FileKind,
    pub exported_by: Exporter,
    pub exported_at: DateTime<Utc>,
    pub app_version: String,
    /// How many records this browser held before the import (for [`backup_first`]).
    pub records_here: usize,
    /// What the office should check before confirming (e.g. a village not on its list).
    pub notes: Vec<String>,
    /// Villages a log file names that are not on the office's list, with their entries.
    pub unknown_villages: Vec<(String, Vec<Id>)>,
}

// One per import panel, never in a collection: boxing the preview would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum ImportState {
    Idle,
    Checking {
        file_name: String,
        step: CheckStep,
    },
    Preview {
        summary: FileSummary,
        plan: Rc<MergePlan>,
        resolutions: HashMap<(StoreName, Id), Resolution>,
        /// Conflicting fields settled one by one (they win over their record's choice).
        field_choices: FieldChoices,
        /// A message about the last attempt to confirm (e.g. unsettled conflicts).
        problem: Option<String>,
    },
    Writing {
        file_name: String,
        records: usize,
        /// Records the write puts (new, newer, merged, settled).
        to_write: usize,
        /// Records written so far (reported every few thousand).
        done: usize,
    },
    Done {
        file_name: String,
        written: usize,
        skipped: usize,
    },
    Failed {
        file_name: String,
        message: String,
    },
    /// A sealed file waiting for its password (`unlock.rs`).
    Locked {
        file_name: String,
        locked: Rc<crate::exchange::sealed::Locked>,
    },
}

/// Where the check of a file has got to: long files take seconds at each step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckStep {
    Reading,
    /// The file is read and checked; its records are being compared with ours.
    Comparing {
        records: usize,
    },
}

impl CheckStep {
    pub fn text(self, file_name: &str) -> String {
        match self {
            CheckStep::Reading => format!("正在读取并检查文件“{file_name}”……"),
            CheckStep::Comparing { records } => {
                format!("“{file_name}”共 {records} 条记录，检查无误，正在与本机数据比较……")
            }
        }
    }
}

#[derive(Debug, Clone)]
pub enum ImportAction {
    Start(String),
    Step(CheckStep),
    Progress(usize),
    Planned(FileSummary, MergePlan),
    Resolve(StoreName, Id, Resolution),
    /// One conflicting field of a record takes one side.
    ResolveField(StoreName, Id, String, Side),
    ResolveAll(Resolution),
    /// New records of a store take a value for a field, as this browser's edit (a village the
    /// office does not know mapped to one on its list).
    SetField {
        store: StoreName,
        ids: Vec<Id>,
        field: String,
        value: serde_json::Value,
        device: crate::record::DeviceId,
        now: DateTime<Utc>,
    },
    Problem(String),
    /// The file's records, and how many of them are written.
    Writing(usize, usize),
    Written {
        written: usize,
    },
    Failed(String),
    Locked(Rc<crate::exchange::sealed::Locked>),
    Reset,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportFlow {
    pub state: ImportState,
}

impl Default for ImportFlow {
    fn default() -> Self {
        ImportFlow {
            state: ImportState::Idle,
        }
    }
}

impl ImportState {
    fn file_name(&self) -> String {
        match self {
            ImportState::Idle => String::new(),
            ImportState::Checking { file_name, .. }
            | ImportState::Writing { file_name, .. }
            | ImportState::Done { file_name, .. }
            | ImportState::Failed { file_name, .. }
            | ImportState::Locked { file_name, .. } => file_name.clone(),
            ImportState::Preview { summary, .. } => summary.file_name.clone(),
        }
    }

    pub fn is_busy(&self) -> bool {
        matches!(
            self,
            ImportState::Checking { .. } | ImportState::Writing { .. }
        )
    }
}

impl ImportFlow {
    pub fn apply(&self, action: ImportAction) -> ImportFlow {
        use ImportAction as A;
        use ImportState as S;
        let state = match (self.state.clone(), action) {
            // A new file may be started whenever nothing is being written.
            (S::Writing { .. }, A::Start(_)) => self.state.clone(),
            (_, A::Start(file_name)) => S::Checking {
                file_name,
                step: CheckStep::Reading,
            },
            (S::Checking { file_name, .. }, A::Step(step)) => S::Checking { file_name, step },
            (
                S::Writing {
                    file_name,
                    records,
                    to_write,
                    ..
                },
                A::Progress(done),
            ) => S::Writing {
                file_name,
                records,
                to_write,
                done,
            },
            (S::Checking { .. }, A::Planned(summary, plan)) => S::Preview {
                summary,
                plan: Rc::new(plan),
                resolutions: HashMap::new(),
                field_choices: FieldChoices::new(),
                problem: None,
            },
            // A choice for the whole record replaces the fields chosen one by one.
            (
                S::Preview {
                    summary,
                    plan,
                    mut resolutions,
                    mut field_choices,
                    ..
                },
                A::Resolve(store, id, r),
            ) => {
                resolutions.insert((store, id), r);
                field_choices.remove(&(store, id));
                S::Preview {
                    summary,
                    plan,
                    resolutions,
                    field_choices,
                    problem: None,
                }
            }
            // Once every conflicting field of a record is chosen, the record is settled.
            (
                S::Preview {
                    summary,
                    plan,
                    mut resolutions,
                    mut field_choices,
                    ..
                },
                A::ResolveField(store, id, field, side),
            ) => {
                let chosen = field_choices.entry((store, id)).or_default();
                chosen.insert(field, side);
                let all_chosen = plan
                    .conflicts()
                    .find(|i| i.store == store && i.incoming.meta.id == id)
                    .and_then(|i| i.merged.as_ref())
                    .is_some_and(|m| m.conflicts.iter().all(|f| chosen.contains_key(f)));
                if all_chosen {
                    resolutions
                        .entry((store, id))
                        .or_insert(Resolution::KeepLocal);
                }
                S::Preview {
                    summary,
                    plan,
                    resolutions,
                    field_choices,
                    problem: None,
                }
            }
            (
                S::Preview {
                    summary,
                    plan,
                    resolutions: before,
                    ..
                },
                A::ResolveAll(r),
            ) => {
                // Every conflict takes the choice; the other choices (changes held back, records
                // left out) stay.
                let mut resolutions: HashMap<(StoreName, Id), Resolution> = before
                    .into_iter()
                    .filter(|(key, _)| {
                        !plan
                            .conflicts()
                            .any(|i| (i.store, i.incoming.meta.id) == *key)
                    })
                    .collect();
                resolutions.extend(plan.conflicts().map(|i| ((i.store, i.incoming.meta.id), r)));
                S::Preview {
                    summary,
                    plan,
                    resolutions,
                    field_choices: FieldChoices::new(),
                    problem: None,
                }
            }
            (
                S::Preview {
                    summary,
                    plan,
                    resolutions,
                    field_choices,
                    problem,
                },
                A::SetField {
                    store,
                    ids,
                    field,
                    value,
                    device,
                    now,
                },
            ) => {
                let mut changed = (*plan).clone();
                changed.set_field(store, &ids, &field, &value, &device, now);
                S::Preview {
                    summary,
                    plan: Rc::new(changed),
                    resolutions,
                    field_choices,
                    problem,
                }
            }
            (
                S::Preview {
                    summary,
                    plan,
                    resolutions,
                    field_choices,
                    ..
                },
                A::Problem(message),
            ) => S::Preview {
                summary,
                plan,
                resolutions,
                field_choices,
                problem: Some(message),
            },
            (S::Preview { summary, .. }, A::Writing(records, to_write)) => S::Writing {
                file_name: summary.file_name,
                records,
                to_write,
                done: 0,
            },
            (
                S::Writing {
                    file_name, records, ..
                },
                A::Written { written },
            ) => S::Done {
                file_name,
                written,
                skipped: records.saturating_sub(written),
            },
            (state, A::Failed(message)) => S::Failed {
                file_name: state.file_name(),
                message,
            },
            (S::Checking { file_name, .. }, A::Locked(locked)) => S::Locked { file_name, locked },
            (S::Writing { .. }, A::Reset) => self.state.clone(),
            (_, A::Reset) => S::Idle,
            // Anything else arrives out of order (e.g. a late result after a reset): ignored.
            (state, _) => state,
        };
        ImportFlow { state }
    }
}

impl yew::Reducible for ImportFlow {
    type Action = ImportAction;
    fn reduce(self: Rc<Self>, action: ImportAction) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

/// Rows of the preview table: per store, how many records get each decision.
pub fn preview_rows(plan: &MergePlan) -> SortedMap<StoreName, SortedMap<Decision, usize>> {
    let mut rows: SortedMap<StoreName, SortedMap<Decision, usize>> = SortedMap::new();
    for item in &plan.items {
        *rows
            .entry(item.store)
            .or_default()
            .entry(item.decision)
            .or_insert(0) += 1;
    }
    rows
}

/// What the preview says beyond the counts: how many admonition cases (personal data) a backup
/// or case file carries, or that a backup carries none, so nobody passes them on unawares; and
/// that a ballot file was imported before, so nobody thinks it counted twice.
pub fn file_note(
    kind: FileKind,
    rows: &SortedMap<StoreName, SortedMap<Decision, usize>>,
    live_cases: usize,
) -> Option<String> {
    let cases: usize = rows
        .get(&StoreName::Admonitions)
        .map(|r| r.values().sum())
        .unwrap_or(0);
    match (kind, cases) {
        (FileKind::Backup, 0) => Some("这个备份不含诫勉案件。".into()),
        // A deleted case travels as its tombstone: an id, its versions and its numbers.
        (FileKind::Backup | FileKind::CaseFile, n) if n > 0 && live_cases == 0 => Some(format!(
            "这个文件只有 {n} 个已删除诫勉案件的编号记录，不含任何案件内容。"
        )),
        (FileKind::Backup | FileKind::CaseFile, n) if n > 0 => Some(format!(
            "这个文件含诫勉案件 {live_cases} 个，属于干部个人信息：导入后请把文件从U盘和邮箱中删除。"
        )),
        (FileKind::Ballot, _)
            if rows
                .get(&StoreName::Ballots)
                .is_some_and(|r| r.keys().all(|d| *d == Decision::Identical)) =>
        {
            Some("这张评议票已经导入过，不会重复计票。".into())
        }
        _ => None,
    }
}

/// The cases in a file that are not deleted (a deleted case is only its tombstone).
pub fn live_cases(plan: &MergePlan) -> usize {
    plan.items
        .iter()
        .filter(|i| {
            i.store == StoreName::Admonitions
                && i.incoming.value.get("deleted") != Some(&serde_json::Value::Bool(true))
        })
        .count()
}

/// What to point out in a file of village logs: villages not on the office's list, writers not
/// on the roster (`village::place::log_notes`), read from the file's records and ours.
pub fn village_log_notes(
    incoming: &[crate::exchange::validate::IncomingRecord],
    local: &HashMap<(StoreName, Id), crate::exchange::merge::LocalRecord>,
) -> (Vec<String>, Vec<(String, Vec<Id>)>) {
    use crate::exchange::records::typed;
    let logs: Vec<crate::village::resident::VillageLog> = incoming
        .iter()
        .filter(|r| r.store == StoreName::VillageLogs)
        .filter_map(|r| typed(&r.value).ok())
        .collect();
    let ours = |store: StoreName| local.iter().filter(move |((s, _), _)| *s == store);
    let list: Vec<crate::village::place::Village> = ours(StoreName::Villages)
        .filter_map(|(_, r)| typed(&r.value).ok())
        .collect();
    let roster: Vec<crate::roster::model::Cadre> = ours(StoreName::Cadres)
        .filter_map(|(_, r)| typed(&r.value).ok())
        .collect();
    let refs: Vec<&crate::village::resident::VillageLog> = logs.iter().collect();
    (
        crate::village::place::log_notes(&refs, &list, &roster),
        crate::village::place::unknown_villages(&refs, &list),
    )
}

/// From how many records written an import counts as large.
pub const LARGE_IMPORT: usize = 1_000;
/// From how many records of ours changed an import counts as large, whatever its size.
pub const MANY_CHANGED: usize = 50;

/// Why an import must first save this browser's data as a backup file, if it must: it is large
/// and there is data here to lose, or it changes many records already here. `None` for the
/// everyday file (a few answer sheets, a line update).
pub fn backup_first(plan: &MergePlan, records_here: usize) -> Option<String> {
    let writes = plan.count(Decision::New)
        + plan.count(Decision::Newer)
        + plan.count(Decision::Merged)
        + plan.count(Decision::Conflict);
    let changed = writes - plan.count(Decision::New);
    if changed >= MANY_CHANGED || (writes >= LARGE_IMPORT && records_here > 0) {
        Some(format!(
            "这次导入较大（写入约 {writes} 条记录，其中改动本机已有的 {changed} 条）。\
             确认后会先把本机现有数据（诫勉案件除外，它们只加密导出）导出为一个备份文件，再写入；请保存好这个备份，导入结果不对时可以用它恢复。"
        ))
    } else {
        None
    }
}

/// What a quiz package holds, as a cadre reads it before taking it in: each test's title, how
/// many questions and the time limit — not merge words.
pub fn package_lines(kind: FileKind, plan: &MergePlan) -> Vec<String> {
    if kind == FileKind::WorkLineUpdate {
        return work_lines(plan);
    }
    if kind != FileKind::QuizPackage {
        return Vec::new();
    }
    plan.items
        .iter()
        .filter(|i| i.store == StoreName::Quizzes)
        .filter_map(|i| {
            crate::exchange::records::typed::<crate::quiz::paper::Quiz>(&i.incoming.value).ok()
        })
        .map(|q| {
            let limit = match q.time_limit_minutes {
                Some(m) => format!("限时 {m} 分钟"),
                None => "不限时".into(),
            };
            format!("测验“{}”：{} 道题，{limit}。", q.title, q.paper.len())
        })
        .collect()
}

/// Which work lines a line file carries, and how many tasks of each.
fn work_lines(plan: &MergePlan) -> Vec<String> {
    use crate::workline::model::{Task, WorkLine};
    let tasks: Vec<Task> = plan
        .items
        .iter()
        .filter(|i| i.store == StoreName::Tasks)
        .filter_map(|i| crate::exchange::records::typed::<Task>(&i.incoming.value).ok())
        .filter(|t| !t.deleted)
        .collect();
    plan.items
        .iter()
        .filter(|i| i.store == StoreName::WorkLines)
        .filter_map(|i| crate::exchange::records::typed::<WorkLine>(&i.incoming.value).ok())
        .filter(|l| !l.deleted)
        .map(|l| {
            let n = tasks.iter().filter(|t| t.line_id == l.meta.id).count();
            format!("工作线“{}”：任务 {n} 项。", l.name)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::merge::{LocalRecord, PlanItem};
    use crate::exchange::validate::IncomingRecord;
    use crate::record::{DeviceId, Meta};

    fn summary() -> FileSummary {
        FileSummary {
            file_name: "b.json".into(),
            kind: FileKind::Backup,
            exported_by: Exporter {
                name: "张三".into(),
                unit: "党政办".into(),
                post: String::new(),
                device_id: DeviceId("d".into()),
            },
            exported_at: DateTime::from_timestamp(0, 0).unwrap_or_default(),
            app_version: "0.1.0".into(),
            records_here: 0,
            notes: Vec::new(),
            unknown_villages: Vec::new(),
        }
    }

    fn conflict_plan() -> MergePlan {
        let meta = Meta::new(
            &DeviceId("d".into()),
            DateTime::from_timestamp(0, 0).unwrap_or_default(),
        );
        let value = serde_json::json!({"meta": meta});
        MergePlan {
            items: vec![PlanItem {
                store: StoreName::Cadres,
                decision: Decision::Conflict,
                incoming: IncomingRecord {
                    store: StoreName::Cadres,
                    meta: meta.clone(),
                    value: value.clone(),
                },
                local: Some(LocalRecord { meta, value }),
                merged: None,
                held: false,
            }],
        }
    }

    #[test]
    fn a_package_preview_names_its_tests_questions_and_time_limit() {
        let meta = crate::record::Meta::new(
            &crate::record::DeviceId("a".into()),
            chrono::DateTime::default(),
        );
        let value = serde_json::json!({
            "meta": meta, "title": "上半年测验", "paper": [], "pass_mark": 6000,
            "time_limit_minutes": 30, "seed": 1
        });
        let plan = MergePlan {
            items: vec![crate::exchange::merge::PlanItem {
                store: StoreName::Quizzes,
                decision: Decision::New,
                incoming: crate::exchange::validate::IncomingRecord {
                    store: StoreName::Quizzes,
                    meta,
                    value,
                },
                local: None,
                merged: None,
                held: false,
            }],
        };
        assert_eq!(
            package_lines(FileKind::QuizPackage, &plan),
            vec!["测验“上半年测验”：0 道题，限时 30 分钟。".to_string()]
        );
        assert!(package_lines(FileKind::Backup, &plan).is_empty());
    }

    #[test]
    fn a_line_file_preview_names_each_line_and_its_tasks() {
        let meta = || crate::record::Meta::new(&DeviceId("a".into()), DateTime::default());
        let line = serde_json::json!({"meta": meta(), "name": "道路硬化", "goal": "",
            "lead": null, "unit": "", "members": [], "measures": "", "start": "2026-11-01",
            "deadline": "2026-12-31", "status": "active", "deleted": false});
        let task = |deleted: bool| {
            serde_json::json!({"meta": meta(),
            "line_id": line["meta"]["id"], "title": "路基", "owners": [], "due": "2026-12-01",
            "progress": 0, "status": "not_started", "notes": "", "recurrence": "none",
            "order": 0, "finished_on": null, "history": [], "deleted": deleted})
        };
        let item = |store: StoreName, value: serde_json::Value| PlanItem {
            store,
            decision: Decision::New,
            incoming: IncomingRecord {
                store,
                meta: crate::exchange::records::read_meta(&value).unwrap_or_else(|e| panic!("{e}")),
                value,
            },
            local: None,
            merged: None,
            held: false,
        };
        let plan = MergePlan {
            items: vec![
                item(StoreName::WorkLines, line.clone()),
                item(StoreName::Tasks, task(false)),
                item(StoreName::Tasks, task(false)),
                item(StoreName::Tasks, task(true)),
            ],
        };
        assert_eq!(
            package_lines(FileKind::WorkLineUpdate, &plan),
            vec!["工作线“道路硬化”：任务 2 项。".to_string()]
        );
    }

    #[test]
    fn the_preview_says_whether_personal_data_comes_with_a_file() {
        let mut rows = SortedMap::new();
        assert_eq!(
            file_note(FileKind::Backup, &rows, 0).as_deref(),
            Some("这个备份不含诫勉案件。")
        );
        assert_eq!(file_note(FileKind::WorkLineUpdate, &rows, 0), None);
        rows.insert(
            StoreName::Admonitions,
            SortedMap::from([(Decision::New, 2), (Decision::Identical, 1)]),
        );
        let note = file_note(FileKind::Backup, &rows, 3).unwrap_or_default();
        assert!(note.contains("诫勉案件 3 个"), "{note}");
        // Tombstones are counted apart: they hold nothing personal.
        let note = file_note(FileKind::Backup, &rows, 2).unwrap_or_default();
        assert!(note.contains("诫勉案件 2 个"), "{note}");
        let note = file_note(FileKind::CaseFile, &rows, 0).unwrap_or_default();
        assert!(note.contains("只有 3 个已删除诫勉案件的编号记录"), "{note}");
        let again = SortedMap::from([(
            StoreName::Ballots,
            SortedMap::from([(Decision::Identical, 1)]),
        )]);
        assert!(file_note(FileKind::Ballot, &again, 0)
            .unwrap_or_default()
            .contains("已经导入过"));
    }

    #[test]
    fn a_large_import_or_one_that_changes_much_here_saves_a_backup_first() {
        let item = |decision: Decision| {
            let mut plan = conflict_plan();
            plan.items[0].decision = decision;
            plan.items[0].clone()
        };
        let plan = |new: usize, newer: usize| MergePlan {
            items: std::iter::repeat_with(|| item(Decision::New))
                .take(new)
                .chain(std::iter::repeat_with(|| item(Decision::Newer)).take(newer))
                .chain([item(Decision::Identical), item(Decision::Older)])
                .collect(),
        };
        assert_eq!(backup_first(&plan(20, 3), 500), None, "an everyday file");
        assert_eq!(
            backup_first(&plan(LARGE_IMPORT, 0), 0),
            None,
            "nothing here to lose"
        );
        let large = backup_first(&plan(LARGE_IMPORT, 0), 1).unwrap_or_default();
        assert!(large.contains("写入约 1000 条记录"), "{large}");
        let changing = backup_first(&plan(0, MANY_CHANGED), 0).unwrap_or_default();
        assert!(changing.contains("改动本机已有的 50 条"), "{changing}");
        assert_eq!(backup_first(&plan(0, MANY_CHANGED - 1), 10), None);
    }

    #[test]
    fn a_file_goes_from_checking_to_preview_to_writing_to_done() {
        let flow = ImportFlow::default()
            .apply(ImportAction::Start("b.json".into()))
            .apply(ImportAction::Planned(summary(), conflict_plan()))
            .apply(ImportAction::ResolveAll(Resolution::KeepBoth));
        match &flow.state {
            ImportState::Preview { resolutions, .. } => assert_eq!(resolutions.len(), 1),
            other => panic!("{other:?}"),
        }
        let flow = flow
            .apply(ImportAction::Writing(3, 2))
            .apply(ImportAction::Progress(2));
        assert!(matches!(flow.state, ImportState::Writing { done: 2, .. }));
        let flow = flow.apply(ImportAction::Written { written: 2 });
        assert_eq!(
            flow.state,
            ImportState::Done {
                file_name: "b.json".into(),
                written: 2,
                skipped: 1
            }
        );
    }

    #[test]
    fn choosing_every_conflicting_field_settles_the_record_and_a_record_choice_replaces_them() {
        let mut plan = conflict_plan();
        let value = plan.items[0].incoming.value.clone();
        plan.items[0].merged = Some(crate::exchange::fields::FieldMerge {
            value,
            conflicts: vec!["phone".into(), "post".into()],
        });
        let id = plan.items[0].incoming.meta.id;
        let key = (StoreName::Cadres, id);
        let field =
            |f: &str, side| ImportAction::ResolveField(StoreName::Cadres, id, f.into(), side);
        let flow = ImportFlow::default()
            .apply(ImportAction::Start("b.json".into()))
            .apply(ImportAction::Planned(summary(), plan))
            .apply(field("phone", Side::Incoming));
        let settled = |f: &ImportFlow| match &f.state {
            ImportState::Preview {
                resolutions,
                field_choices,
                ..
            } => (
                resolutions.contains_key(&key),
                field_choices.get(&key).map(|c| c.len()),
            ),
            other => panic!("{other:?}"),
        };
        assert_eq!(settled(&flow), (false, Some(1)), "one of two fields chosen");
        let flow = flow.apply(field("post", Side::Local));
        assert_eq!(settled(&flow), (true, Some(2)));
        let flow = flow.apply(ImportAction::Resolve(
            StoreName::Cadres,
            id,
            Resolution::TakeIncoming,
        ));
        assert_eq!(settled(&flow), (true, None));
    }

    #[test]
    fn the_check_says_which_step_it_is_at() {
        let flow = ImportFlow::default()
            .apply(ImportAction::Start("大.json".into()))
            .apply(ImportAction::Step(CheckStep::Comparing {
                records: 200_000,
            }));
        let ImportState::Checking { file_name, step } = &flow.state else {
            panic!("{:?}", flow.state);
        };
        assert_eq!(
            step.text(file_name),
            "“大.json”共 200000 条记录，检查无误，正在与本机数据比较……"
        );
        // A step arriving after the check was given up changes nothing.
        let idle = ImportFlow::default().apply(ImportAction::Step(CheckStep::Reading));
        assert_eq!(idle.state, ImportState::Idle);
    }

    #[test]
    fn nothing_interrupts_a_write() {
        let writing = ImportFlow {
            state: ImportState::Writing {
                file_name: "b.json".into(),
                records: 3,
                to_write: 2,
                done: 0,
            },
        };
        assert_eq!(writing.apply(ImportAction::Start("c.json".into())), writing);
        assert_eq!(writing.apply(ImportAction::Reset), writing);
    }

    #[test]
    fn a_failure_keeps_the_file_name_and_a_late_result_is_ignored() {
        let failed = ImportFlow::default()
            .apply(ImportAction::Start("b.json".into()))
            .apply(ImportAction::Failed("坏了".into()));
        assert_eq!(
            failed.state,
            ImportState::Failed {
                file_name: "b.json".into(),
                message: "坏了".into()
            }
        );
        let reset = failed.apply(ImportAction::Reset);
        assert_eq!(
            reset
                .apply(ImportAction::Planned(summary(), conflict_plan()))
                .state,
            ImportState::Idle
        );
    }
}
