//! Reading a file: bytes → JSON → envelope checks → every record checked. Nothing is written
//! here; a file either comes out whole and valid or is refused with every problem listed.

use std::collections::HashSet;

use serde_json::Value;

use super::envelope::{
    read_envelope, AppVersion, Exporter, FileKind, FORMAT_NAME, FORMAT_VERSION, MAX_FILE_BYTES,
    MAX_RECORDS,
};
use super::error::{FileError, RecordProblem};
use super::records::{normalise, read_meta, referenced_ids, REFERENCES};
use crate::record::{Id, Meta};
use crate::sorted::SortedMap;
use crate::store::schema::StoreName;

/// One record from a file, with its bookkeeping already read.
#[derive(Debug, Clone, PartialEq)]
pub struct IncomingRecord {
    pub store: StoreName,
    pub meta: Meta,
    pub value: Value,
}

/// A file that passed every check.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidFile {
    pub kind: FileKind,
    pub exported_by: Exporter,
    pub exported_at: chrono::DateTime<chrono::Utc>,
    pub app_version: String,
    pub records: Vec<IncomingRecord>,
}

impl ValidFile {
    pub fn count_by_store(&self) -> SortedMap<StoreName, usize> {
        let mut counts = SortedMap::new();
        for r in &self.records {
            *counts.entry(r.store).or_insert(0) += 1;
        }
        counts
    }
}

/// Refuses a file by its size before its bytes are read.
pub fn check_size(bytes: u64) -> Result<(), FileError> {
    match bytes {
        0 => Err(FileError::Empty),
        b if b > MAX_FILE_BYTES => Err(FileError::TooLarge { bytes: b }),
        _ => Ok(()),
    }
}

/// Parses and checks a whole file of the expected kind.
pub fn read_file(bytes: &[u8], expected: FileKind) -> Result<ValidFile, FileError> {
    check_size(bytes.len() as u64)?;
    let text = std::str::from_utf8(bytes).map_err(|_| FileError::NotText)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    let mut json: Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            FileError::Truncated
        } else {
            FileError::NotJson {
                line: e.line(),
                column: e.column(),
            }
        }
    })?;
    check_header(&json, expected)?;
    let envelope = read_envelope(&mut json).map_err(FileError::BadHeader)?;
    if envelope.sealed.is_some() {
        return Err(FileError::Sealed(super::sealed::SealError::NeedsPassword));
    }
    let records = check_records(envelope.kind, envelope.records)?;
    Ok(ValidFile {
        kind: envelope.kind,
        exported_by: envelope.exported_by,
        exported_at: envelope.exported_at,
        app_version: envelope.app_version,
        records,
    })
}

/// Format, version and kind come first, so that a file from a newer app is told apart from a
/// damaged one whatever else it holds.
fn check_header(json: &Value, expected: FileKind) -> Result<(), FileError> {
    let obj = json.as_object().ok_or(FileError::NotZuofeng)?;
    if obj.get("format").and_then(Value::as_str) != Some(FORMAT_NAME) {
        return Err(FileError::NotZuofeng);
    }
    let version = obj
        .get("format_version")
        .and_then(Value::as_u64)
        .ok_or_else(|| FileError::BadHeader("缺少文件格式版本".into()))?;
    if version == 0 {
        return Err(FileError::BadHeader("文件格式版本为 0，无法识别".into()));
    }
    if version > u64::from(FORMAT_VERSION) {
        return Err(FileError::NewerFormat { found: version });
    }
    let min_app = obj
        .get("min_app_version")
        .and_then(Value::as_str)
        .ok_or_else(|| FileError::BadHeader("缺少最低应用版本".into()))?;
    match AppVersion::parse(min_app) {
        Some(v) if v > AppVersion::current() => {
            return Err(FileError::NeedsNewerApp {
                required: min_app.to_string(),
            })
        }
        Some(_) => {}
        None => {
            return Err(FileError::BadHeader(format!(
                "最低应用版本“{min_app}”无法识别"
            )))
        }
    }
    let kind_name = obj
        .get("kind")
        .and_then(Value::as_str)
        .ok_or_else(|| FileError::BadHeader("缺少文件类型".into()))?;
    let kind =
        FileKind::parse(kind_name).ok_or_else(|| FileError::UnknownKind(kind_name.into()))?;
    if kind != expected {
        return Err(FileError::WrongKind {
            expected,
            found: kind,
        });
    }
    Ok(())
}

fn check_records(
    kind: FileKind,
    by_store: SortedMap<String, Vec<Value>>,
) -> Result<Vec<IncomingRecord>, FileError> {
    let total: usize = by_store.values().map(Vec::len).sum();
    if total > MAX_RECORDS {
        return Err(FileError::TooManyRecords(total));
    }
    let mut problems = Vec::new();
    let mut records = Vec::with_capacity(total);
    for (name, values) in by_store {
        let store = match StoreName::parse(&name) {
            Some(s) if kind.allows(s) => s,
            Some(s) => return Err(FileError::StoreNotAllowed { kind, store: s }),
            None => return Err(FileError::UnknownStore(name)),
        };
        let mut seen: HashSet<Id> = HashSet::with_capacity(values.len());
        for (i, value) in values.into_iter().enumerate() {
            let known = super::merge::known_name(store, &value);
            let problem = |reason: String| RecordProblem {
                store: name.clone(),
                position: i + 1,
                name: known.clone(),
                reason,
            };
            let meta = match read_meta(&value) {
                Ok(meta) => meta,
                Err(reason) => {
                    problems.push(problem(reason));
                    continue;
                }
            };
            if !seen.insert(meta.id) {
                problems.push(problem(
                    "在文件中重复出现（编号相同），文件可能被手工改过".into(),
                ));
                continue;
            }
            match normalise(store, &value) {
                Ok(value) => records.push(IncomingRecord { store, meta, value }),
                Err(reason) => problems.push(problem(reason)),
            }
        }
    }
    if problems.is_empty() {
        Ok(records)
    } else {
        let total = problems.len();
        Err(FileError::InvalidRecords { problems, total })
    }
}

/// Every reference in the file must point at a record in the file or already in this browser.
pub fn check_references(
    file: &ValidFile,
    exists_locally: impl Fn(StoreName, &Id) -> bool,
) -> Result<(), FileError> {
    let in_file: HashSet<(StoreName, Id)> =
        file.records.iter().map(|r| (r.store, r.meta.id)).collect();
    let mut problems = Vec::new();
    let mut positions: SortedMap<StoreName, usize> = SortedMap::new();
    for record in &file.records {
        let position = positions.entry(record.store).or_insert(0);
        *position += 1;
        // A deleted record (a case's tombstone) points at nobody.
        if record.value.get("deleted") == Some(&serde_json::Value::Bool(true)) {
            continue;
        }
        for reference in REFERENCES.iter().filter(|r| r.from == record.store) {
            let problem = |reason: String| RecordProblem {
                store: record.store.as_str().to_string(),
                position: *position,
                name: super::merge::known_name(record.store, &record.value),
                reason,
            };
            match referenced_ids(&record.value, reference.field) {
                Err(reason) => problems.push(problem(reason)),
                Ok(ids) => {
                    for id in ids {
                        if !in_file.contains(&(reference.to, id))
                            && !exists_locally(reference.to, &id)
                        {
                            problems.push(problem(format!(
                                "引用的{}（编号 {id}）既不在文件中，也不在本机",
                                reference.to.label()
                            )));
                        }
                    }
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        let total = problems.len();
        Err(FileError::InvalidRecords { problems, total })
    }
}
