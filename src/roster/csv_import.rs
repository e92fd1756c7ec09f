//! Reading a roster from a CSV file: columns found by their Chinese names, every bad row reported
//! with its line, and each good row sorted into new, changed or already on the roster.

use std::collections::HashSet;

use super::model::{Cadre, CadreFields};
use crate::exchange::table::{find_column, read_csv, TableError};
use crate::exchange::text::TextEncoding;

pub const NAME_HEADERS: &[&str] = &["姓名", "名字", "干部姓名"];
pub const UNIT_HEADERS: &[&str] = &["单位", "部门", "所在单位", "工作单位", "单位/部门"];
pub const POST_HEADERS: &[&str] = &["职务", "岗位", "职位"];
pub const PHONE_HEADERS: &[&str] = &["电话", "手机", "联系电话", "手机号", "手机号码"];

/// What importing one good row will do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowAction {
    Add,
    /// Same person (name and unit) with other post or phone: the roster entry is updated.
    Update {
        id: crate::record::Id,
    },
    /// Already on the roster exactly like this.
    Unchanged,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterRow {
    pub line: usize,
    pub fields: CadreFields,
    pub action: RowAction,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub line: usize,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterImport {
    pub encoding: TextEncoding,
    pub rows: Vec<RosterRow>,
    pub problems: Vec<RowProblem>,
}

impl RosterImport {
    pub fn count(&self, pred: impl Fn(&RowAction) -> bool) -> usize {
        self.rows.iter().filter(|r| pred(&r.action)).count()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterCsvError {
    Table(TableError),
    MissingColumn(&'static str),
}

impl RosterCsvError {
    pub fn user_message(&self) -> String {
        match self {
            RosterCsvError::Table(e) => e.user_message(),
            RosterCsvError::MissingColumn(col) => format!(
                "表头中找不到“{col}”列。第一行应为表头，例如：姓名,单位,职务,电话。请下载模板对照修改。"
            ),
        }
    }
}

/// The records a confirmed import writes: new people, and known people with their new post or
/// phone, each stamped as this browser's edit.
pub fn import_writes(
    existing: &[Cadre],
    import: &RosterImport,
    device: &crate::record::DeviceId,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<Cadre> {
    let mut records = Vec::new();
    for row in &import.rows {
        match &row.action {
            RowAction::Add => records.push(Cadre::new(
                crate::record::Meta::new(device, now),
                row.fields.clone(),
            )),
            &RowAction::Update { id } => {
                if let Some(mut c) = existing.iter().find(|c| c.meta.id == id).cloned() {
                    c.set_fields(row.fields.clone());
                    c.meta.touch(device, now);
                    records.push(c);
                }
            }
            RowAction::Unchanged => {}
        }
    }
    records
}

/// The template offered for download, UTF-8 with a BOM so that Excel opens it correctly.
pub fn template_csv() -> String {
    "\u{feff}姓名,单位,职务,电话\n张三,党政办,主任,13800000000\n李四,李家村,驻村员,\n".to_string()
}

pub fn parse(bytes: &[u8], roster: &[Cadre]) -> Result<RosterImport, RosterCsvError> {
    let table = read_csv(bytes).map_err(RosterCsvError::Table)?;
    let name_col =
        find_column(&table.headers, NAME_HEADERS).ok_or(RosterCsvError::MissingColumn("姓名"))?;
    let unit_col =
        find_column(&table.headers, UNIT_HEADERS).ok_or(RosterCsvError::MissingColumn("单位"))?;
    let post_col = find_column(&table.headers, POST_HEADERS);
    let phone_col = find_column(&table.headers, PHONE_HEADERS);

    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for row in table.rows.iter().filter(|r| !r.is_blank()) {
        let raw = CadreFields {
            name: row.cell(Some(name_col)).to_string(),
            unit: row.cell(Some(unit_col)).to_string(),
            post: row.cell(post_col).to_string(),
            phone: row.cell(phone_col).to_string(),
        };
        let fields = match raw.cleaned() {
            Ok(f) => f,
            Err(e) => {
                problems.push(RowProblem {
                    line: row.line,
                    reason: e.user_message(),
                });
                continue;
            }
        };
        if !seen.insert((fields.name.clone(), fields.unit.clone())) {
            problems.push(RowProblem {
                line: row.line,
                reason: format!(
                    "{}（{}）在文件中重复出现，已忽略此行。",
                    fields.name, fields.unit
                ),
            });
            continue;
        }
        let action = match roster.iter().find(|c| c.same_person(&fields)) {
            None => RowAction::Add,
            Some(c) if c.fields() == fields => RowAction::Unchanged,
            Some(c) => RowAction::Update { id: c.meta.id },
        };
        rows.push(RosterRow {
            line: row.line,
            fields,
            action,
        });
    }
    Ok(RosterImport {
        encoding: table.encoding,
        rows,
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{DeviceId, Meta};
    use chrono::DateTime;

    fn existing(name: &str, unit: &str, post: &str) -> Cadre {
        let meta = Meta::new(
            &DeviceId("d".into()),
            DateTime::from_timestamp(0, 0).unwrap_or_default(),
        );
        Cadre::new(
            meta,
            CadreFields {
                name: name.into(),
                unit: unit.into(),
                post: post.into(),
                phone: String::new(),
            },
        )
    }

    // encoding_rs is a native-only dependency; in the browser tests/text_in_browser.rs covers GBK.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn reads_a_gbk_file_with_columns_in_any_order() {
        let (bytes, _, _) =
            encoding_rs::GB18030.encode("职务,姓名,部门\n主任,张三,党政办\n,李四,李家村\n");
        let import = parse(&bytes, &[]).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(import.encoding, TextEncoding::Gb18030);
        assert_eq!(import.rows.len(), 2);
        assert_eq!(import.rows[0].fields.name, "张三");
        assert_eq!(import.rows[0].fields.post, "主任");
        assert_eq!(import.rows[1].fields.unit, "李家村");
    }

    #[test]
    fn reports_bad_rows_with_their_line_and_keeps_the_good_ones() {
        let csv = "\u{feff}姓名,单位,电话\n张三,党政办,138\n,党政办,\n王五,,\n张三,党政办,139\n赵六,财政所,abc\n";
        let import = parse(csv.as_bytes(), &[]).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(import.rows.len(), 1);
        let lines: Vec<usize> = import.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![3, 4, 5, 6]);
        assert!(import.problems[0].reason.contains("姓名"));
    }

    #[test]
    fn sorts_rows_into_add_update_and_unchanged() {
        let roster = vec![
            existing("张三", "党政办", "主任"),
            existing("李四", "李家村", ""),
        ];
        let import = parse(
            "姓名,单位,职务\n张三,党政办,主任\n李四,李家村,驻村员\n王五,财政所,\n".as_bytes(),
            &roster,
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        let actions: Vec<RowAction> = import.rows.iter().map(|r| r.action.clone()).collect();
        assert_eq!(
            actions,
            vec![
                RowAction::Unchanged,
                RowAction::Update {
                    id: roster[1].meta.id
                },
                RowAction::Add
            ]
        );
    }

    #[test]
    fn a_file_without_a_name_column_is_refused() {
        assert_eq!(
            parse("单位,职务\n党政办,主任\n".as_bytes(), &[]),
            Err(RosterCsvError::MissingColumn("姓名"))
        );
    }

    #[test]
    fn the_template_reads_back_cleanly() {
        let import = parse(template_csv().as_bytes(), &[]).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(import.rows.len(), 2);
        assert!(import.problems.is_empty());
    }

    #[test]
    fn a_confirmed_import_adds_new_people_and_updates_known_ones_once() {
        let device = crate::record::DeviceId("d".into());
        let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let known = Cadre::new(
            crate::record::Meta::new(&device, now),
            CadreFields {
                name: "张三".into(),
                unit: "党政办".into(),
                post: "科员".into(),
                phone: String::new(),
            },
        );
        let csv = "姓名,单位,职务\n张三,党政办,主任\n李四,城建办,\n";
        let import =
            parse(csv.as_bytes(), std::slice::from_ref(&known)).unwrap_or_else(|e| panic!("{e:?}"));
        let writes = import_writes(std::slice::from_ref(&known), &import, &device, now);
        assert_eq!(writes.len(), 2);
        let updated = writes.iter().find(|c| c.name == "张三");
        assert_eq!(
            updated.map(|c| (c.meta.id, c.post.as_str(), c.meta.rev)),
            Some((known.meta.id, "主任", 2))
        );
        let added = writes.iter().find(|c| c.name == "李四");
        assert_eq!(added.map(|c| c.meta.rev), Some(1));
    }
}
