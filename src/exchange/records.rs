//! What each store's records must look like in a file, and which fields point at other records.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::admonition::deadline::HolidayCalendar;
use crate::admonition::model::Admonition;
use crate::admonition::template::DocumentTemplate;
use crate::assessment::form::{DutyReport, FormTemplate, SelfAssessment};
use crate::assessment::model::{Ballot, Evaluation};
use crate::quiz::attempt::Attempt;
use crate::quiz::model::Question;
use crate::quiz::paper::Quiz;
use crate::record::Meta;
use crate::roster::model::Cadre;
use crate::store::schema::StoreName;
use crate::village::notice::PublicNotice;
use crate::village::resident::{ResidentCadre, VillageLog};
use crate::village::service::ServiceRequest;
use crate::workline::model::{Task, WorkLine};
use crate::workline::report::WorkReport;
use crate::workline::standup::StandUp;

/// Just the bookkeeping part of a record; the rest is checked by the store's own type.
#[derive(Deserialize)]
struct MetaOnly {
    meta: Meta,
}

/// A record as its type. Goes through the JSON text rather than the `Value`, so each type has
/// one deserializer in the app (the one that reads the database) instead of two: this keeps
/// the download smaller, and a file is read once.
pub fn typed<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, serde_json::Error> {
    serde_json::from_str(&value.to_string())
}

/// Reads and checks the `meta` of any record.
pub fn read_meta(value: &Value) -> Result<Meta, String> {
    if !value.is_object() {
        return Err("不是一条记录（应为 JSON 对象）".into());
    }
    let MetaOnly { meta } = typed::<MetaOnly>(value)
        .map_err(|_| "缺少或无法识别编号、时间或版本信息，不像是本应用导出的记录".to_string())?;
    if meta.id.is_nil() {
        return Err("编号是空编号（全为 0），不是本应用生成的".into());
    }
    if !meta.is_consistent() {
        return Err("版本信息前后矛盾，记录可能被手工修改过".into());
    }
    Ok(meta)
}

/// A record read through its store's type, checked, and written back out: ids in their one
/// canonical spelling, fields the type does not know dropped, so nothing unchecked is stored.
/// Only reading the text as `T`, checking and writing it back are per type; the steps around
/// them are written once (`through_text`, `through_written`), not once for each of the stores.
fn through<T: Serialize + DeserializeOwned>(
    store: StoreName,
    value: &Value,
    check: impl FnOnce(&T) -> Result<(), String>,
) -> Result<Value, String> {
    let text = through_text(store, value)?;
    let record = match serde_json::from_str::<T>(&text) {
        Ok(record) => record,
        Err(e) => return Err(super::de_error::explain(store, value, &e)),
    };
    check(&record)?;
    through_written(store, serde_json::to_value(&record))
}

fn through_text(store: StoreName, value: &Value) -> Result<String, String> {
    too_long(store, value)?;
    Ok(value.to_string())
}

fn through_written(
    store: StoreName,
    written: Result<Value, serde_json::Error>,
) -> Result<Value, String> {
    written.map_err(|_| format!("{}无法保存，请把这个文件交给维护人员查看。", store.label()))
}

/// The most characters any one text of a record may hold, whatever its store: the longest the
/// app itself accepts (a notice's body, a form's answer) is 20,000. Stores whose type checks
/// its own fields keep their tighter limits; this one holds for every store, so no file puts a
/// text of megabytes into a list or a document.
pub const MAX_FIELD_CHARS: usize = 20_000;

/// Refuses a record with a text longer than [`MAX_FIELD_CHARS`], naming the field as people
/// know it.
fn too_long(store: StoreName, value: &Value) -> Result<(), String> {
    fn longest(value: &Value) -> usize {
        match value {
            Value::String(s) => s.chars().count(),
            Value::Array(items) => items.iter().map(longest).max().unwrap_or(0),
            Value::Object(fields) => fields.values().map(longest).max().unwrap_or(0),
            _ => 0,
        }
    }
    let Some(fields) = value.as_object() else {
        return Ok(());
    };
    match fields
        .iter()
        .map(|(k, v)| (k, longest(v)))
        .find(|(_, n)| *n > MAX_FIELD_CHARS)
    {
        Some((field, n)) => Err(format!(
            "“{}”太长（{n} 字，一项最多 {MAX_FIELD_CHARS} 字）",
            super::labels::field_label(store, field)
        )),
        None => Ok(()),
    }
}

/// A case marked deleted is stored as its tombstone, whatever else a file or a merge put in
/// it: a deleted case's personal data never comes back.
fn settled_case(value: &Value) -> Result<Value, String> {
    if value.get("deleted") != Some(&Value::Bool(true)) {
        return Ok(value.clone());
    }
    let case = typed::<Admonition>(value)
        .map_err(|e| super::de_error::explain(StoreName::Admonitions, value, &e))?;
    serde_json::to_value(case.tombstone())
        .map_err(|_| "诫勉案件无法保存，请把这个文件交给维护人员查看。".to_string())
}

/// A record as it is stored after a merge: [`settled_case`] for cases, anything else as is.
pub fn settled(store: StoreName, value: Value) -> Value {
    match store {
        StoreName::Admonitions => settled_case(&value).unwrap_or(value),
        _ => value,
    }
}

fn unchecked<T>(_: &T) -> Result<(), String> {
    Ok(())
}

/// Checks a record against its store's type and returns it as it will be stored. Records of
/// stores whose module is not built yet are refused: nothing this app writes holds them, and
/// nothing unchecked goes into the database.
pub fn normalise(store: StoreName, value: &Value) -> Result<Value, String> {
    use crate::quiz::practice::{Mistake, PracticeSession};
    use crate::quiz::study_log::StudyEvent;
    match store {
        StoreName::Cadres => through(store, value, |c: &Cadre| {
            c.check().map_err(|e| e.user_message())
        }),
        StoreName::Questions => through(store, value, |q: &Question| {
            q.check().map_err(|e| e.user_message())
        }),
        StoreName::Quizzes => through(store, value, |q: &Quiz| {
            q.check().map_err(|e| e.user_message())
        }),
        StoreName::Attempts => through(store, value, unchecked::<Attempt>),
        StoreName::MistakeBook => through(store, value, unchecked::<Mistake>),
        StoreName::Practice => through(store, value, unchecked::<PracticeSession>),
        StoreName::StudyEvents => through(store, value, unchecked::<StudyEvent>),
        StoreName::WorkLines => through(store, value, |l: &WorkLine| {
            l.check().map_err(|e| e.user_message())
        }),
        StoreName::Tasks => through(store, value, |t: &Task| {
            t.check().map_err(|e| e.user_message())
        }),
        StoreName::StandUps => through(store, value, unchecked::<StandUp>),
        StoreName::WorkReports => through(store, value, unchecked::<WorkReport>),
        StoreName::Evaluations => through(store, value, |e: &Evaluation| {
            e.check().map_err(|e| e.user_message())
        }),
        StoreName::Ballots => through(store, value, unchecked::<Ballot>),
        StoreName::FormTemplates => through(store, value, |t: &FormTemplate| t.check()),
        StoreName::SelfAssessments => through(store, value, unchecked::<SelfAssessment>),
        StoreName::DutyReports => through(store, value, unchecked::<DutyReport>),
        StoreName::ResidentCadres => through(store, value, |r: &ResidentCadre| r.check(&[])),
        StoreName::VillageLogs => through(store, value, |l: &VillageLog| l.check()),
        StoreName::ServiceLedger => through(store, value, |r: &ServiceRequest| r.check()),
        StoreName::PublicNotices => through(store, value, |n: &PublicNotice| n.check()),
        StoreName::Villages => {
            through(store, value, |v: &crate::village::place::Village| v.check())
        }
        StoreName::Admonitions => settled_case(value).and_then(|v| {
            through(store, &v, |c: &Admonition| {
                c.check().map_err(|e| e.user_message())
            })
        }),
        StoreName::DocumentTemplates => through(store, value, |t: &DocumentTemplate| {
            t.check().map_err(|e| e.user_message())
        }),
        StoreName::HolidayCalendars => through(store, value, |c: &HolidayCalendar| c.check()),
        other => Err(format!(
            "本版本还不能导入“{}”记录，请用更新版本的作风建设工作台导入",
            other.label()
        )),
    }
}

/// Whether a record in this browser is one that no incoming file may change: a quiz made here
/// (its paper and answer key change only where it was made, whatever a file's version says),
/// and any quiz's answer key, which a copy without one never replaces.
pub fn protected(
    store: StoreName,
    local: &Value,
    incoming: &Value,
    device: &crate::record::DeviceId,
) -> bool {
    match store {
        StoreName::Quizzes => {
            let (Ok(ours), Ok(theirs)) = (typed::<Quiz>(local), typed::<Quiz>(incoming)) else {
                return false;
            };
            ours.made_by(device) || (ours.has_answer_key() && !theirs.has_answer_key())
        }
        // A round whose 选票码 key is here changes only here: the copy raters got (without the
        // key) or any file without the same key never replaces its rules, people or decisions.
        StoreName::Evaluations => {
            let (Ok(ours), Ok(theirs)) =
                (typed::<Evaluation>(local), typed::<Evaluation>(incoming))
            else {
                return false;
            };
            ours.slips.key().is_some() && ours.slips.key() != theirs.slips.key()
        }
        _ => false,
    }
}

/// Stores whose records the office owns: the roster, rounds and their rules, counted ballots
/// (whose content `assessment::intake::check_unaltered` already keeps; whether one is void is
/// the office's decision), cases, document and form templates, holiday calendars, postings,
/// the village list and public notices. On the office's computer a file from anyone else
/// changes them only where the office says so.
pub fn owned(store: StoreName) -> bool {
    matches!(
        store,
        StoreName::Cadres
            | StoreName::Evaluations
            | StoreName::Ballots
            | StoreName::Admonitions
            | StoreName::DocumentTemplates
            | StoreName::FormTemplates
            | StoreName::HolidayCalendars
            | StoreName::ResidentCadres
            | StoreName::Villages
            | StoreName::PublicNotices
    )
}

/// A field of one store that holds the id (or a list of ids) of records in another store.
pub struct Reference {
    pub from: StoreName,
    pub field: &'static str,
    pub to: StoreName,
}

/// Every reference between records that files must keep intact.
pub const REFERENCES: &[Reference] = &[
    Reference {
        from: StoreName::Attempts,
        field: "quiz_id",
        to: StoreName::Quizzes,
    },
    Reference {
        from: StoreName::Ballots,
        field: "evaluation_id",
        to: StoreName::Evaluations,
    },
    Reference {
        from: StoreName::Tasks,
        field: "line_id",
        to: StoreName::WorkLines,
    },
    Reference {
        from: StoreName::StandUps,
        field: "line_id",
        to: StoreName::WorkLines,
    },
    Reference {
        from: StoreName::WorkLines,
        field: "lead",
        to: StoreName::Cadres,
    },
    Reference {
        from: StoreName::WorkLines,
        field: "members",
        to: StoreName::Cadres,
    },
    Reference {
        from: StoreName::Tasks,
        field: "owners",
        to: StoreName::Cadres,
    },
    Reference {
        from: StoreName::Evaluations,
        field: "rated",
        to: StoreName::Cadres,
    },
    Reference {
        from: StoreName::ResidentCadres,
        field: "cadre",
        to: StoreName::Cadres,
    },
    Reference {
        from: StoreName::Admonitions,
        field: "cadre",
        to: StoreName::Cadres,
    },
    Reference {
        from: StoreName::StudyEvents,
        field: "attendees",
        to: StoreName::Cadres,
    },
];

/// The ids a record's reference field holds (a single id or a list; absent or null means none).
pub fn referenced_ids(value: &Value, field: &str) -> Result<Vec<uuid::Uuid>, String> {
    let parse = |v: &Value| -> Result<uuid::Uuid, String> {
        v.as_str()
            .and_then(|s| uuid::Uuid::parse_str(s).ok())
            .ok_or_else(|| format!("“{field}”不是有效的编号"))
    };
    match value.get(field) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items.iter().map(parse).collect(),
        Some(v) => parse(v).map(|id| vec![id]),
    }
}
