//! What a large write is doing, remembered outside IndexedDB (in `localStorage`), so that the
//! next start can tell when the browser has lost the database and offer the backup saved first.
//!
//! Chromium keeps all of a site's databases in one LevelDB folder. When the disk fills during a
//! write it closes the database by force; opened again while the disk is still full, the folder
//! is taken as corrupt and the whole database is deleted at the next open (seen on a real small
//! disk, `tests/e2e/full_disk.test.mjs`; docs/architecture.md). Neither the quota the browser
//! reports nor a second database can warn of that, so the mark is what survives it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::settings::{Profile, DEVICE_ID, PROFILE};
use crate::record::DeviceId;

/// The `localStorage` key of the mark.
pub const KEY: &str = "zuofeng.write_mark";

/// Settings carried in the mark besides the profile and the device, so that a recovered
/// browser keeps its township, its document codes and its admonition rule (backups hold records,
/// not settings).
pub const CARRIED_SETTINGS: [&str; 2] = [
    super::settings::OFFICE_IDENTITY,
    super::settings::ADMONITION_RULE,
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Why {
    /// An import of this file was being written.
    Importing { file_name: String },
    /// The browser closed the database while the app was open.
    ClosedByBrowser,
}

/// A write under way, or a loss seen, with what the next start needs to put things back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WriteMark {
    pub why: Why,
    pub at: DateTime<Utc>,
    /// Records this browser held just before.
    pub records_before: usize,
    /// The backup file saved just before, by name (it is in the browser's download folder).
    pub backup: Option<String>,
    /// The last backup the user saved before that, if any.
    pub last_backup_at: Option<DateTime<Utc>>,
    pub profile: Profile,
    pub device: DeviceId,
    /// Other settings to put back, by key.
    #[serde(default)]
    pub settings: Vec<(String, Value)>,
}

impl WriteMark {
    /// The settings a recovered browser is given back: who uses it, its device id (so its
    /// records' edit counts stay its own), and the carried settings.
    pub fn settings_to_restore(&self) -> Vec<(String, Value)> {
        let mut out = vec![
            (
                PROFILE.to_string(),
                serde_json::to_value(&self.profile).unwrap_or(Value::Null),
            ),
            (DEVICE_ID.to_string(), Value::String(self.device.0.clone())),
        ];
        out.extend(self.settings.iter().cloned());
        out.retain(|(_, v)| !v.is_null());
        out
    }

    /// What happened, in the words of the recovery screen.
    pub fn what_happened(&self, when: &str) -> String {
        match &self.why {
            Why::Importing { file_name } => format!(
                "{when} 导入“{file_name}”时，浏览器关闭了本机数据库（多半是电脑磁盘已满），之后再打开时，浏览器清掉了本应用的全部数据。"
            ),
            Why::ClosedByBrowser => format!(
                "{when} 浏览器关闭了本机数据库（多半是电脑磁盘已满），之后再打开时，浏览器清掉了本应用的全部数据。"
            ),
        }
    }

    /// Which file to choose to put things back.
    pub fn where_to_restore_from(&self, last_backup: &str) -> String {
        match (&self.backup, &self.last_backup_at) {
            (Some(name), _) => format!(
                "导入前本应用自动保存了备份文件“{name}”，一般在浏览器的“下载”文件夹里。选择这个文件，就能恢复到导入前的样子。"
            ),
            (None, Some(_)) => format!(
                "这次没有另存备份。您上次导出备份是在{last_backup}：选择那个备份文件，可以恢复到那时的样子。"
            ),
            (None, None) => "这台电脑上从没有导出过备份。如果同事或党政办有您发出的文件，可以逐个重新导入。".into(),
        }
    }
}

/// What the start does with a mark, once the database is open.
#[derive(Debug, Clone, PartialEq)]
pub enum AtStart {
    /// No mark: start as usual.
    Normal,
    /// The write finished or rolled back whole; nothing was lost. The mark is removed.
    Clear,
    /// The database is empty but nothing else was held: the person and settings are put back.
    RestoreSettings,
    /// The database was emptied by the browser: the recovery screen.
    Recover,
}

/// Decides from the mark and what the opened database holds.
pub fn at_start(mark: Option<&WriteMark>, has_profile: bool, records: usize) -> AtStart {
    let Some(mark) = mark else {
        return AtStart::Normal;
    };
    let lost = !has_profile || (records == 0 && mark.records_before > 0);
    match (lost, mark.records_before) {
        (false, _) => AtStart::Clear,
        (true, 0) => AtStart::RestoreSettings,
        (true, _) => AtStart::Recover,
    }
}

/// Reads a stored mark; one that cannot be read is no mark (it was written by this app, so this
/// means a newer or older shape, and guessing would be worse).
pub fn parse(text: Option<&str>) -> Option<WriteMark> {
    serde_json::from_str(text?).ok()
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{parse, WriteMark, KEY};

    fn storage() -> Option<web_sys::Storage> {
        gloo::utils::window().local_storage().ok().flatten()
    }

    /// The mark left by an earlier write, if any.
    pub fn read() -> Option<WriteMark> {
        parse(storage()?.get_item(KEY).ok().flatten().as_deref())
    }

    /// Leaves the mark; `false` when the browser keeps no `localStorage` (then nothing more can
    /// be done than the transaction itself).
    pub fn save(mark: &WriteMark) -> bool {
        let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(mark)) else {
            return false;
        };
        storage.set_item(KEY, &text).is_ok()
    }

    pub fn clear() {
        if let Some(s) = storage() {
            let _ = s.remove_item(KEY);
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{clear, read, save};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::settings::Role;

    fn mark(records_before: usize, backup: Option<&str>) -> WriteMark {
        WriteMark {
            why: Why::Importing {
                file_name: "同事的备份.json".into(),
            },
            at: DateTime::default(),
            records_before,
            backup: backup.map(str::to_string),
            last_backup_at: None,
            profile: Profile {
                name: "刘干事".into(),
                unit: "财政所".into(),
                post: String::new(),
                role: Role::Office,
            },
            device: DeviceId("d1".into()),
            settings: vec![(
                "office_identity".into(),
                serde_json::json!({"township": "城关镇"}),
            )],
        }
    }

    #[test]
    fn without_a_mark_the_start_is_as_usual() {
        assert_eq!(at_start(None, false, 0), AtStart::Normal);
        assert_eq!(at_start(None, true, 10), AtStart::Normal);
    }

    #[test]
    fn a_database_that_kept_its_data_only_loses_the_mark() {
        // Rolled back whole (the same records) or written whole (more): nothing lost.
        assert_eq!(at_start(Some(&mark(5, None)), true, 5), AtStart::Clear);
        assert_eq!(at_start(Some(&mark(5, None)), true, 30_005), AtStart::Clear);
        // A person who held nothing and whose profile is there.
        assert_eq!(at_start(Some(&mark(0, None)), true, 0), AtStart::Clear);
    }

    #[test]
    fn an_emptied_database_opens_the_recovery() {
        assert_eq!(
            at_start(Some(&mark(5, Some("b.json"))), false, 0),
            AtStart::Recover
        );
        assert_eq!(at_start(Some(&mark(5, None)), true, 0), AtStart::Recover);
        // Only the profile was there: it is put back without asking.
        assert_eq!(
            at_start(Some(&mark(0, None)), false, 0),
            AtStart::RestoreSettings
        );
    }

    #[test]
    fn the_mark_reads_back_and_restores_who_uses_the_browser() {
        let m = mark(5, Some("zuofeng-备份.json"));
        let text = serde_json::to_string(&m).unwrap_or_default();
        assert_eq!(parse(Some(&text)), Some(m.clone()));
        assert_eq!(parse(Some("{\"why\":")), None);
        assert_eq!(parse(None), None);
        let keys: Vec<String> = m
            .settings_to_restore()
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(keys, ["profile", "device_id", "office_identity"]);
        assert!(m
            .where_to_restore_from("")
            .contains("“zuofeng-备份.json”，一般在浏览器的“下载”文件夹里"));
        assert!(m
            .what_happened("12月3日 01:08")
            .contains("01:08 导入“同事的备份.json”时"));
    }
}
