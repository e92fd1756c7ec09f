//! Saving an exchange file: the envelope, its file name and the download, in one place.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use super::download::save_text;
use super::time;
use crate::exchange::envelope::{file_name, Envelope, FileKind};
use crate::session::Session;
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

/// The records of a file that carries one store.
pub fn one_store<'a, T: Serialize + 'a>(
    store: StoreName,
    items: impl IntoIterator<Item = &'a T>,
) -> BTreeMap<String, Vec<Value>> {
    let values = items
        .into_iter()
        .filter_map(|i| serde_json::to_value(i).ok())
        .collect();
    [(store.as_str().to_string(), values)].into()
}

/// Offers `records` for download as a file of `kind` made by this browser's user, named for
/// `person` (the exporter, or the respondent of an answer sheet).
pub fn export_file(
    session: &Session,
    kind: FileKind,
    person: &str,
    records: BTreeMap<String, Vec<Value>>,
) -> Result<Exported, String> {
    let at = time::now();
    let file = Envelope::new(kind, session.profile.exporter(&session.device), at, records);
    let name = file_name(kind, person, time::to_local(at));
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
    records: BTreeMap<String, Vec<Value>>,
    password: &str,
) -> Result<Exported, String> {
    let at = time::now();
    let plain = Envelope::new(kind, session.profile.exporter(&session.device), at, records);
    let file = crate::exchange::webcrypto::seal(plain, password)
        .await
        .map_err(|e| e.user_message())?;
    let name = file_name(kind, person, time::to_local(at)).replace(".json", "-加密.json");
    save_text(&name, "application/json", &file.to_json())?;
    Ok(Exported {
        name,
        at,
        records: file.record_count(),
    })
}

/// Offers `records` as a file that says nothing of who made it (an electronic ballot): no name,
/// and a one-off device id instead of this browser's.
pub fn export_anonymous(
    kind: FileKind,
    records: BTreeMap<String, Vec<Value>>,
) -> Result<Exported, String> {
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
