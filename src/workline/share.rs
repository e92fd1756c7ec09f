//! Work lines as files: what a line file holds (the lines, their tasks and stand-ups, and the
//! roster entries they name), so that a member in a fresh browser has everything it needs.

use std::collections::HashSet;

use serde::Serialize;
use serde_json::Value;

use super::model::{Task, WorkLine};
use super::standup::StandUp;
use crate::record::Id;
use crate::roster::model::Cadre;
use crate::sorted::SortedMap;
use crate::store::schema::StoreName;

/// Every record as JSON, or what stopped one: a file never goes out missing a record.
fn values<T: Serialize>(items: &[&T], store: StoreName) -> Result<Vec<Value>, String> {
    items
        .iter()
        .map(serde_json::to_value)
        .collect::<Result<Vec<Value>, _>>()
        .map_err(|e| {
            format!(
                "有一条{}无法写进文件（{e}），文件没有导出。请把这个情况告诉维护人员。",
                store.label()
            )
        })
}

/// The records of a work-line file for the chosen lines.
pub fn line_file_records(
    chosen: &HashSet<Id>,
    lines: &[WorkLine],
    tasks: &[Task],
    stand_ups: &[StandUp],
    cadres: &[Cadre],
) -> Result<SortedMap<String, Vec<Value>>, String> {
    let lines: Vec<&WorkLine> = lines
        .iter()
        .filter(|l| chosen.contains(&l.meta.id))
        .collect();
    let tasks: Vec<&Task> = tasks
        .iter()
        .filter(|t| chosen.contains(&t.line_id))
        .collect();
    let stand_ups: Vec<&StandUp> = stand_ups
        .iter()
        .filter(|s| chosen.contains(&s.line_id))
        .collect();
    let people: HashSet<Id> = lines
        .iter()
        .flat_map(|l| l.lead.iter().chain(l.members.iter()))
        .chain(tasks.iter().flat_map(|t| t.owners.iter()))
        .copied()
        .collect();
    let cadres: Vec<&Cadre> = cadres
        .iter()
        .filter(|c| people.contains(&c.meta.id))
        .collect();
    let mut out = SortedMap::new();
    let mut put = |store: StoreName, list: Result<Vec<Value>, String>| -> Result<(), String> {
        out.insert(store.as_str().to_string(), list?);
        Ok(())
    };
    put(StoreName::WorkLines, values(&lines, StoreName::WorkLines))?;
    put(StoreName::Tasks, values(&tasks, StoreName::Tasks))?;
    put(StoreName::StandUps, values(&stand_ups, StoreName::StandUps))?;
    put(StoreName::Cadres, values(&cadres, StoreName::Cadres))?;
    Ok(out)
}

/// The stores a work-line file may carry; anything else in such a file is refused.
pub const LINE_FILE_STORES: [StoreName; 4] = [
    StoreName::WorkLines,
    StoreName::Tasks,
    StoreName::StandUps,
    StoreName::Cadres,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::envelope::{Envelope, Exporter, FileKind};
    use crate::exchange::merge::{plan, Decision, LocalRecord};
    use crate::exchange::validate::read_file;
    use crate::record::{DeviceId, Meta};
    use crate::roster::model::CadreFields;
    use crate::workline::model::{LineStatus, Recurrence, TaskStatus};
    use crate::workline::schedule::{apply_update, ProgressUpdate};
    use chrono::{DateTime, NaiveDate};
    use std::collections::HashMap;

    fn now() -> DateTime<chrono::Utc> {
        DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default()
    }
    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default()
    }
    fn secretary() -> DeviceId {
        DeviceId("secretary".into())
    }

    struct Plan {
        cadres: Vec<Cadre>,
        lines: Vec<WorkLine>,
        tasks: Vec<Task>,
    }

    fn plan_with_two_tasks() -> Plan {
        let person = |name: &str| {
            Cadre::new(
                Meta::new(&secretary(), now()),
                CadreFields {
                    name: name.into(),
                    unit: "城建办".into(),
                    post: String::new(),
                    phone: String::new(),
                },
            )
        };
        let cadres = vec![person("张三"), person("李四"), person("不相干")];
        let line = WorkLine {
            meta: Meta::new(&secretary(), now()),
            name: "道路建设".into(),
            goal: "年底通车".into(),
            lead: Some(cadres[0].meta.id),
            unit: "城建办".into(),
            members: vec![cadres[1].meta.id],
            measures: String::new(),
            start: day(),
            deadline: day(),
            status: LineStatus::Active,
            deleted: false,
        };
        let task = |title: &str, owner: &Cadre| Task {
            meta: Meta::new(&secretary(), now()),
            line_id: line.meta.id,
            title: title.into(),
            owners: vec![owner.meta.id],
            due: day(),
            progress: 0,
            status: TaskStatus::NotStarted,
            notes: String::new(),
            progress_note: String::new(),
            recurrence: Recurrence::None,
            order: 0,
            finished_on: None,
            history: vec![],
            deleted: false,
        };
        let tasks = vec![task("路基", &cadres[0]), task("排水", &cadres[1])];
        Plan {
            cadres,
            lines: vec![line],
            tasks,
        }
    }

    fn file_of(p: &Plan) -> String {
        let chosen: HashSet<Id> = p.lines.iter().map(|l| l.meta.id).collect();
        let records = line_file_records(&chosen, &p.lines, &p.tasks, &[], &p.cadres)
            .unwrap_or_else(|m| panic!("{m}"));
        let who = Exporter {
            name: "王秘书".into(),
            unit: "党政办".into(),
            post: String::new(),
            device_id: secretary(),
        };
        Envelope::new(FileKind::WorkLineUpdate, who, now(), records).to_json()
    }

    fn local(p: &Plan) -> HashMap<(StoreName, Id), LocalRecord> {
        let mut out = HashMap::new();
        let mut add = |store, value: Value| {
            if let Ok(meta) = crate::exchange::records::read_meta(&value) {
                out.insert((store, meta.id), LocalRecord { meta, value });
            }
        };
        p.cadres.iter().for_each(|c| {
            add(
                StoreName::Cadres,
                serde_json::to_value(c).unwrap_or_default(),
            )
        });
        p.lines.iter().for_each(|l| {
            add(
                StoreName::WorkLines,
                serde_json::to_value(l).unwrap_or_default(),
            )
        });
        p.tasks.iter().for_each(|t| {
            add(
                StoreName::Tasks,
                serde_json::to_value(t).unwrap_or_default(),
            )
        });
        out
    }

    fn update(task: &mut Task, device: &str, progress: u8) {
        let u = ProgressUpdate {
            progress,
            status: TaskStatus::InProgress,
            note: format!("{device} 更新"),
        };
        apply_update(task, &u, day(), &DeviceId(device.into()), now());
    }

    fn decisions(file: &str, ours: &Plan) -> Vec<(StoreName, String, Decision)> {
        let file =
            read_file(file.as_bytes(), FileKind::WorkLineUpdate).unwrap_or_else(|e| panic!("{e}"));
        plan(file.records, &local(ours))
            .items
            .into_iter()
            .map(|i| {
                (
                    i.store,
                    crate::exchange::merge::display_name(i.store, &i.incoming.value),
                    i.decision,
                )
            })
            .collect()
    }

    #[test]
    fn a_line_file_carries_its_tasks_and_the_people_they_name() {
        let p = plan_with_two_tasks();
        let file = read_file(file_of(&p).as_bytes(), FileKind::WorkLineUpdate)
            .unwrap_or_else(|e| panic!("{e}"));
        let counts = file.count_by_store();
        assert_eq!(
            counts.get(&StoreName::Cadres),
            Some(&2),
            "only the people the line names"
        );
        assert_eq!(counts.get(&StoreName::Tasks), Some(&2));
        assert!(crate::exchange::validate::check_references(&file, |_, _| false).is_ok());
        // As a backup it would be the wrong kind.
        assert!(read_file(file_of(&p).as_bytes(), FileKind::Backup).is_err());
    }

    #[test]
    fn each_members_update_is_newer_for_their_own_task() {
        let secretary_plan = plan_with_two_tasks();
        let mut member = plan_with_two_tasks();
        member.cadres = secretary_plan.cadres.clone();
        member.lines = secretary_plan.lines.clone();
        member.tasks = secretary_plan.tasks.clone();
        update(&mut member.tasks[1], "li", 60);
        let got = decisions(&file_of(&member), &secretary_plan);
        let tasks: Vec<(String, Decision)> = got
            .into_iter()
            .filter(|(s, _, _)| *s == StoreName::Tasks)
            .map(|(_, n, d)| (n, d))
            .collect();
        assert_eq!(
            tasks,
            vec![
                ("路基".into(), Decision::Identical),
                ("排水".into(), Decision::Newer)
            ]
        );
    }

    #[test]
    fn the_same_task_changed_by_two_people_is_a_conflict() {
        let base = plan_with_two_tasks();
        let mut a = Plan {
            cadres: base.cadres.clone(),
            lines: base.lines.clone(),
            tasks: base.tasks.clone(),
        };
        let mut b = Plan {
            cadres: base.cadres.clone(),
            lines: base.lines.clone(),
            tasks: base.tasks.clone(),
        };
        update(&mut a.tasks[0], "zhang", 30);
        update(&mut b.tasks[0], "li", 50);
        let got = decisions(&file_of(&b), &a);
        assert!(
            got.contains(&(StoreName::Tasks, "路基".into(), Decision::Conflict)),
            "{got:?}"
        );
    }

    #[test]
    fn a_task_deleted_on_one_side_and_changed_on_the_other_is_a_conflict() {
        let base = plan_with_two_tasks();
        let mut ours = Plan {
            cadres: base.cadres.clone(),
            lines: base.lines.clone(),
            tasks: base.tasks.clone(),
        };
        let mut theirs = Plan {
            cadres: base.cadres.clone(),
            lines: base.lines.clone(),
            tasks: base.tasks.clone(),
        };
        ours.tasks[1].deleted = true;
        ours.tasks[1].meta.touch(&secretary(), now());
        update(&mut theirs.tasks[1], "li", 80);
        let got = decisions(&file_of(&theirs), &ours);
        assert!(
            got.contains(&(StoreName::Tasks, "排水".into(), Decision::Conflict)),
            "{got:?}"
        );
        // A deletion that the other side has not touched simply travels as newer.
        let got = decisions(&file_of(&ours), &base);
        assert!(
            got.contains(&(StoreName::Tasks, "排水".into(), Decision::Newer)),
            "{got:?}"
        );
    }
}
