//! 村（社区）名单: the office's list of the township's villages and communities, with their 两委
//! contact. It goes to the resident cadres with their postings (the 驻村安排 file), so that every
//! log names a village the way the office does; a log for a village not on it, or from someone
//! not on the roster, is pointed out when the office takes the file in.

use serde::{Deserialize, Serialize};

use super::resident::{clean_place, VillageLog};
use crate::record::{Entity, Meta};
use crate::roster::matching::{find_person, PersonMatch};
use crate::roster::model::Cadre;
use crate::store::schema::StoreName;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Village {
    pub meta: Meta,
    pub name: String,
    /// 村两委 contact (name and post), optional.
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub deleted: bool,
}

impl Entity for Village {
    const STORE: StoreName = StoreName::Villages;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

impl Village {
    /// A village's own checks (the ones a file's record must pass too).
    pub fn check(&self) -> Result<(), String> {
        let name = clean_place(&self.name);
        if name.is_empty() {
            return Err("请填写村（社区）名称。".into());
        }
        if name.chars().count() > 30 || self.contact.chars().count() > 50 {
            return Err("村（社区）名称不超过 30 字，联系人不超过 50 字。".into());
        }
        if !super::service::phone_ok(&self.phone) {
            return Err("电话号码应为 7 到 12 位数字。".into());
        }
        Ok(())
    }

    /// A village added on the office's list: its own checks, and no second one of the name.
    pub fn check_new(&self, list: &[Village]) -> Result<(), String> {
        self.check()?;
        let name = clean_place(&self.name);
        match list
            .iter()
            .find(|v| !v.deleted && v.meta.id != self.meta.id && clean_place(&v.name) == name)
        {
            Some(_) => Err(format!("名单里已经有“{name}”。")),
            None => Ok(()),
        }
    }

    pub fn cleaned(self) -> Village {
        Village {
            name: clean_place(&self.name),
            contact: self.contact.trim().to_string(),
            phone: self.phone.trim().to_string(),
            ..self
        }
    }
}

/// The names on the list, as written there, in order.
pub fn names(list: &[Village]) -> Vec<String> {
    let mut names: Vec<String> = list
        .iter()
        .filter(|v| !v.deleted)
        .map(|v| clean_place(&v.name))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Whether `village` is on the list (an empty list knows every village: nothing to compare).
pub fn on_list(list: &[Village], village: &str) -> bool {
    let name = clean_place(village);
    list.iter().all(|v| v.deleted)
        || list
            .iter()
            .any(|v| !v.deleted && clean_place(&v.name) == name)
}

/// The villages of `logs` not on the list, each with the entries that name it, in the order
/// first met: the office adds a village to its list, or leaves its entries out.
pub fn unknown_villages(
    logs: &[&VillageLog],
    list: &[Village],
) -> Vec<(String, Vec<crate::record::Id>)> {
    let mut out: Vec<(String, Vec<crate::record::Id>)> = Vec::new();
    for log in logs
        .iter()
        .filter(|l| !l.deleted && !on_list(list, &l.village))
    {
        let name = clean_place(&log.village);
        match out.iter_mut().find(|(v, _)| *v == name) {
            Some((_, ids)) => ids.push(log.meta.id),
            None => out.push((name, vec![log.meta.id])),
        }
    }
    out
}

/// What the office should know before taking in log entries: villages not on its list and
/// writers not on its roster, each with how many entries name them.
pub fn log_notes(logs: &[&VillageLog], list: &[Village], roster: &[Cadre]) -> Vec<String> {
    let mut unknown: Vec<(String, usize)> = Vec::new();
    let mut strangers: Vec<(String, usize)> = Vec::new();
    let count = |into: &mut Vec<(String, usize)>, key: String| match into
        .iter_mut()
        .find(|(k, _)| *k == key)
    {
        Some((_, n)) => *n += 1,
        None => into.push((key, 1)),
    };
    for log in logs.iter().filter(|l| !l.deleted) {
        if !on_list(list, &log.village) {
            count(&mut unknown, clean_place(&log.village));
        }
        if !roster.is_empty()
            && matches!(
                find_person(roster, &log.writer.name, &log.writer.unit),
                PersonMatch::NotInRoster | PersonMatch::Ambiguous
            )
        {
            count(
                &mut strangers,
                format!("{}（{}）", log.writer.name.trim(), log.writer.unit.trim()),
            );
        }
    }
    let listed = |items: &[(String, usize)]| {
        items
            .iter()
            .map(|(k, n)| format!("{k}（{n} 条）"))
            .collect::<Vec<_>>()
            .join("、")
    };
    let mut notes = Vec::new();
    if !unknown.is_empty() {
        notes.push(format!(
            "这些日志写的村（社区）不在本单位的名单里：{}。请核实是写错了还是名单漏了：漏了就在“驻村安排”里加上；写错了请驻村干部改正后重新发来。",
            listed(&unknown)
        ));
    }
    if !strangers.is_empty() {
        notes.push(format!(
            "写日志的人不在干部名册里：{}。请核实是否为本单位驻村干部。",
            listed(&strangers)
        ));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::DeviceId;
    use crate::roster::model::CadreFields;
    use crate::village::resident::{Role, Writer};

    fn meta() -> Meta {
        Meta::new(&DeviceId("a".into()), chrono::DateTime::default())
    }

    fn village(name: &str) -> Village {
        Village {
            meta: meta(),
            name: name.into(),
            contact: String::new(),
            phone: String::new(),
            deleted: false,
        }
    }

    fn log(village: &str, writer: &str) -> VillageLog {
        let writer = Writer {
            name: writer.into(),
            unit: "镇政府".into(),
        };
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap_or_default();
        VillageLog {
            village: village.into(),
            role: Role::Guide,
            done: "走访".into(),
            ..VillageLog::blank(meta(), writer, date)
        }
    }

    #[test]
    fn the_list_refuses_a_second_village_of_one_name_written_another_way() {
        let list = [village("南坪社区")];
        assert!(village("南坪 社区 ").check_new(&list).is_err());
        assert!(village("东村").check_new(&list).is_ok());
        assert!(village("  ").check_new(&list).is_err());
        assert_eq!(village(" 东 村").cleaned().name, "东村");
        assert_eq!(names(&[village("西村"), village("东村")]), ["东村", "西村"]);
    }

    #[test]
    fn the_office_is_told_of_unknown_villages_and_people() {
        let list = [village("东村"), village("南坪社区")];
        let roster = [Cadre::new(
            meta(),
            CadreFields {
                name: "刘驻村".into(),
                unit: "镇政府".into(),
                ..CadreFields::default()
            },
        )];
        let logs = [
            log("东村", "刘驻村"),
            log("南坪社区 ", "刘驻村"),
            log("桃花源村", "刘驻村"),
            log("桃花源村", "赵某"),
        ];
        let refs: Vec<&VillageLog> = logs.iter().collect();
        let notes = log_notes(&refs, &list, &roster);
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].contains("桃花源村（2 条）"), "{}", notes[0]);
        assert!(!notes[0].contains("南坪"), "{}", notes[0]);
        assert!(notes[1].contains("赵某（镇政府）（1 条）"), "{}", notes[1]);
        assert!(log_notes(&refs[..2], &list, &roster).is_empty());
        let unknown = unknown_villages(&refs, &list);
        assert_eq!(unknown.len(), 1);
        assert_eq!(
            (unknown[0].0.as_str(), unknown[0].1.as_slice()),
            ("桃花源村", [logs[2].meta.id, logs[3].meta.id].as_slice())
        );
        // Without a list or a roster there is nothing to compare with.
        assert!(log_notes(&refs, &[], &[]).is_empty());
        assert!(on_list(&[], "任何村"));
    }
}
