//! Saving an exchange file: the envelope, its file name and the download, in one place.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use super::download::save_text;
use super::time;
use crate::exchange::envelope::{file_name, Envelope, FileKind};
use crate::session::Session;
use crate::sorted::SortedMap;
use crate::store::schema::StoreName;
use crate::ui::notice::Notice;

/// What was saved.
pub struct Exported {
    pub name: String,
    pub at: DateTime<Utc>,
    pub records: usize,
}

/// The notice an export leaves: `done` with the file written, or what went wrong.
pub fn export_notice(
    result: Result<Exported, String>,
    done: impl FnOnce(&Exported) -> String,
) -> Notice {
    match result {
        Ok(file) => Notice::Success(done(&file)),
        Err(message) => Notice::Error(message),
    }
}

/// The records of a file, by store. A record that could not be written makes the export
/// refuse, saying so: a file never goes out missing one.
#[derive(Debug, Default)]
pub struct Records {
    by_store: SortedMap<String, Vec<Value>>,
    failed: Option<String>,
}

impl Records {
    /// Adds another store's records (and its failure, if any).
    pub fn extend(&mut self, other: Records) {
        self.by_store.extend(other.by_store);
        if self.failed.is_none() {
            self.failed = other.failed;
        }
    }

    fn checked(self) -> Result<SortedMap<String, Vec<Value>>, String> {
        match self.failed {
            Some(message) => Err(message),
            None => Ok(self.by_store),
        }
    }
}

impl From<SortedMap<String, Vec<Value>>> for Records {
    fn from(by_store: SortedMap<String, Vec<Value>>) -> Records {
        Records {
            by_store,
            failed: None,
        }
    }
}

/// The records of a file that carries one store.
pub fn one_store<'a, T: Serialize + 'a>(
    store: StoreName,
    items: impl IntoIterator<Item = &'a T>,
) -> Records {
    let mut records = Records::default();
    let mut values = Vec::new();
    for item in items {
        match serde_json::to_value(item) {
            Ok(v) => values.push(v),
            Err(e) => {
                records.failed.get_or_insert(format!(
                    "有一条{}无法写进文件（{e}），文件没有导出。请把这个情况告诉维护人员。",
                    store.label()
                ));
            }
        }
    }
    records.by_store.insert(store.as_str().to_string(), values);
    records
}

/// Offers `records` for download as a file of `kind` made by this browser's user, named for
/// `person` (the exporter, or the respondent of an answer sheet).
pub fn export_file(
    session: &Session,
    kind: FileKind,
    person: &str,
    records: impl Into<Records>,
) -> Result<Exported, String> {
    export_part(session, kind, person, None, records)
}

/// [`export_file`] for one part of a file too big for one (`exchange::parts`): the part's label
/// ("第1部分（共3部分）") ends its name.
pub fn export_part(
    session: &Session,
    kind: FileKind,
    person: &str,
    part: Option<&str>,
    records: impl Into<Records>,
) -> Result<Exported, String> {
    let records = records.into().checked()?;
    let at = time::now();
    let file = Envelope::new(kind, session.profile.exporter(&session.device), at, records);
    let name = part_name(file_name(kind, person, time::to_local(at)), part);
    save_text(&name, "application/json", &file.to_json())?;
    Ok(Exported {
        name,
        at,
        records: file.record_count(),
    })
}

/// [`export_file`], sealed with `password` (`exchange/sealed.rs`): personal data leaves only so.
pub async fn export_sealed(
    session: &Session,
    kind: FileKind,
    person: &str,
    part: Option<&str>,
    records: impl Into<Records>,
    password: &str,
) -> Result<Exported, String> {
    let records = records.into().checked()?;
    let at = time::now();
    let plain = Envelope::new(kind, session.profile.exporter(&session.device), at, records);
    let file = crate::exchange::webcrypto::seal(plain, password)
        .await
        .map_err(|e| e.user_message())?;
    let name = part_name(
        file_name(kind, person, time::to_local(at)).replace(".json", "-加密.json"),
        part,
    );
    save_text(&name, "application/json", &file.to_json())?;
    Ok(Exported {
        name,
        at,
        records: file.record_count(),
    })
}

fn part_name(name: String, part: Option<&str>) -> String {
    match part {
        Some(part) => name.replace(".json", &format!("-{part}.json")),
        None => name,
    }
}

/// Offers `records` as a file that says nothing of who made it (an electronic ballot): no name,
/// and a one-off device id instead of this browser's.
pub fn export_anonymous(kind: FileKind, records: impl Into<Records>) -> Result<Exported, String> {
    let records = records.into().checked()?;
    // The day only: the file's time says nothing of the order raters voted in.
    let at = crate::assessment::model::Ballot::day_of(time::now());
    let nobody = crate::exchange::envelope::Exporter {
        name: "匿名".into(),
        unit: String::new(),
        post: String::new(),
        device_id: crate::record::DeviceId::new_random(),
    };
    let file = Envelope::new(kind, nobody, at, records);
    let random = uuid::Uuid::new_v4().as_u128() as u32;
    let name =
        crate::exchange::envelope::anonymous_file_name(kind, time::local_now().date(), random);
    save_text(&name, "application/json", &file.to_json())?;
    Ok(Exported {
        name,
        at,
        records: file.record_count(),
    })
}
