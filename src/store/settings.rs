//! Settings kept in this browser only: who uses it, its device id, when it was last backed up.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::exchange::envelope::Exporter;
use crate::record::DeviceId;

pub const PROFILE: &str = "profile";
pub const DEVICE_ID: &str = "device_id";
pub const LAST_BACKUP_AT: &str = "last_backup_at";
/// Set once every stored id has been checked to be in the spelling this version writes.
pub const IDS_CANONICAL: &str = "ids_canonical";
/// The rectification deadline and observation period new admonition cases get.
pub const ADMONITION_RULE: &str = "admonition_rule";
/// When 首页 last showed the deadlines counted again after a holiday calendar arrived.
pub const DEADLINES_RECOUNTED_SEEN: &str = "deadlines_recounted_seen";
/// 单位信息: the township, the 署名, the 版头 and the 代字 documents carry.
pub const OFFICE_IDENTITY: &str = "office_identity";

crate::read_by_name! {
    /// How this browser is used: by the office that organises and collects, or by a cadre who
    /// answers, reports and sends back. Each sees the screens made for them.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Role {
        #[default]
        Office,
        Cadre,
    }
}

impl Role {
    pub const ALL: [Role; 2] = [Role::Office, Role::Cadre];
    pub fn label(self) -> &'static str {
        match self {
            Role::Office => "党政办（组织评议测验、收集文件）",
            Role::Cadre => "干部（答题、填表、上报）",
        }
    }
}

/// The person using this browser, set on first use and written into every exported file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub name: String,
    pub unit: String,
    #[serde(default)]
    pub post: String,
    /// Older profiles have none: they keep the office's view they had.
    #[serde(default)]
    pub role: Role,
}

impl Profile {
    /// Whoever only comes to vote in a rating round: no name, no unit (ballots are anonymous),
    /// never stored — the next start asks again.
    pub fn rater() -> Profile {
        Profile {
            name: String::new(),
            unit: String::new(),
            post: String::new(),
            role: Role::Cadre,
        }
    }

    /// The profile with the role the person chose; none chosen is refused, so that nobody
    /// becomes the office by only typing a name.
    pub fn with_role(&self, chosen: Option<Role>) -> Result<Profile, &'static str> {
        let role = chosen.ok_or("请选择您在这台电脑上主要是党政办还是干部。")?;
        Profile {
            role,
            ..self.clone()
        }
        .cleaned()
    }

    pub fn cleaned(&self) -> Result<Profile, &'static str> {
        let p = Profile {
            name: self.name.trim().to_string(),
            unit: self.unit.trim().to_string(),
            post: self.post.trim().to_string(),
            role: self.role,
        };
        if p.name.is_empty() {
            return Err("请填写姓名。");
        }
        if p.unit.is_empty() {
            return Err("请填写单位。");
        }
        if p.name.chars().count() > 30 || p.unit.chars().count() > 60 || p.post.chars().count() > 60
        {
            return Err("姓名不超过 30 个字，单位和职务不超过 60 个字。");
        }
        Ok(p)
    }

    pub fn exporter(&self, device_id: &DeviceId) -> Exporter {
        Exporter {
            name: self.name.clone(),
            unit: self.unit.clone(),
            post: self.post.clone(),
            device_id: device_id.clone(),
        }
    }
}

/// One settings record: the settings store is keyed by `key`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Setting<T> {
    pub key: String,
    pub value: T,
}

/// How long without a backup before the home page reminds.
pub const BACKUP_REMINDER_DAYS: i64 = 7;

/// Whether to remind about backing up: never backed up while holding data, or too long ago.
pub fn backup_overdue(last: Option<DateTime<Utc>>, now: DateTime<Utc>, has_data: bool) -> bool {
    match last {
        None => has_data,
        Some(at) => (now - at).num_days() >= BACKUP_REMINDER_DAYS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reminds_after_seven_days_or_when_never_backed_up() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let days = |d: i64| Some(now - chrono::Duration::days(d));
        assert!(!backup_overdue(days(6), now, true));
        assert!(backup_overdue(days(7), now, true));
        assert!(backup_overdue(None, now, true));
        assert!(!backup_overdue(None, now, false));
    }

    #[test]
    fn a_profile_needs_name_and_unit() {
        let p = Profile {
            name: " 张三 ".into(),
            unit: "党政办".into(),
            post: String::new(),
            role: Role::Cadre,
        };
        assert_eq!(
            p.cleaned().map(|p| (p.name, p.role)),
            Ok(("张三".to_string(), Role::Cadre))
        );
        assert!(Profile {
            unit: String::new(),
            ..p.clone()
        }
        .cleaned()
        .is_err());
        // The role is the person's choice: none chosen is refused, not taken as the office.
        assert!(p
            .with_role(None)
            .is_err_and(|m| m.contains("党政办还是干部")));
        assert_eq!(
            p.with_role(Some(Role::Office)).map(|p| p.role),
            Ok(Role::Office)
        );
    }
}
