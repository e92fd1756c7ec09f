//! What each store's records must look like in a file, and which fields point at other records.

use serde::Deserialize;
use serde_json::Value;

use crate::quiz::attempt::Attempt;
use crate::quiz::model::Question;
use crate::quiz::paper::Quiz;
use crate::record::Meta;
use crate::roster::model::Cadre;
use crate::store::schema::StoreName;
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
        .map_err(|e| format!("缺少或无法识别编号、时间或版本信息（{e}）"))?;
    if !meta.is_consistent() {
        return Err("版本信息前后矛盾，记录可能被手工修改过".into());
    }
    Ok(meta)
}

/// Checks a record against its store's type. Stores whose module is not built yet are checked
/// for their bookkeeping only, and their records are kept exactly as they came.
pub fn check_body(store: StoreName, value: &Value) -> Result<(), String> {
    match store {
        StoreName::Cadres => {
            let cadre = typed::<Cadre>(value).map_err(|e| format!("干部信息不完整（{e}）"))?;
            cadre.check().map_err(|e| e.user_message())
        }
        StoreName::Questions => {
            let q = typed::<Question>(value).map_err(|e| format!("试题信息不完整（{e}）"))?;
            q.check().map_err(|e| e.user_message())
        }
        StoreName::Quizzes => typed::<Quiz>(value)
            .map(|_| ())
            .map_err(|e| format!("测验信息不完整（{e}）")),
        StoreName::Attempts => typed::<Attempt>(value)
            .map(|_| ())
            .map_err(|e| format!("答卷信息不完整（{e}）")),
        StoreName::MistakeBook => typed::<crate::quiz::practice::Mistake>(value)
            .map(|_| ())
            .map_err(|e| format!("错题记录不完整（{e}）")),
        StoreName::Practice => typed::<crate::quiz::practice::PracticeSession>(value)
            .map(|_| ())
            .map_err(|e| format!("练习记录不完整（{e}）")),
        StoreName::StudyEvents => typed::<crate::quiz::study_log::StudyEvent>(value)
            .map(|_| ())
            .map_err(|e| format!("学习记录不完整（{e}）")),
        StoreName::WorkLines => {
            let line = typed::<WorkLine>(value).map_err(|e| format!("工作线信息不完整（{e}）"))?;
            line.check().map_err(|e| e.user_message())
        }
        StoreName::Tasks => {
            let task = typed::<Task>(value).map_err(|e| format!("任务信息不完整（{e}）"))?;
            task.check().map_err(|e| e.user_message())
        }
        StoreName::StandUps => typed::<StandUp>(value)
            .map(|_| ())
            .map_err(|e| format!("碰头会记录不完整（{e}）")),
        StoreName::WorkReports => typed::<WorkReport>(value)
            .map(|_| ())
            .map_err(|e| format!("调度或总结不完整（{e}）")),
        _ => Ok(()),
    }
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
