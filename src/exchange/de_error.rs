//! Why a record in a file could not be read, in the users' words: the parser's English ("unknown
//! variant `superb`", "missing field `review`", "input is out of range at line 1 column 1756")
//! becomes the field as the form labels it, what was found and what would be right. The field
//! is found from where the parser stopped in the record's own text.

use serde_json::{Error, Value};

use super::labels::field_label;
use crate::store::schema::StoreName;

/// One step into a record: a field, or an item of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Field(String),
    Item(usize),
}

/// The path to the value that ends at byte `end` of `value`'s compact text (the parser's
/// column), from `start`, the byte where `value` begins.
fn path_to(value: &Value, start: usize, end: usize) -> Vec<Step> {
    let mut at = start + 1; // past '{' or '['
    let inside = |step: Step, child: &Value, child_start: usize| {
        let child_end = child_start + child.to_string().len();
        (child_start < end && end <= child_end).then(|| {
            let mut path = vec![step];
            path.extend(path_to(child, child_start, end));
            path
        })
    };
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let child_start = at + Value::String(key.clone()).to_string().len() + 1;
                if let Some(path) = inside(Step::Field(key.clone()), child, child_start) {
                    return path;
                }
                at = child_start + child.to_string().len() + 1;
            }
            Vec::new()
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                if let Some(path) = inside(Step::Item(i), child, at) {
                    return path;
                }
                at += child.to_string().len() + 1;
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// "`a`" → a: the parts of a message quoted in backticks.
fn quoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// A choice the app knows, by the label its screens show.
fn choice_label(variant: &str) -> Option<&'static str> {
    use super::records::typed;
    let v = Value::String(variant.to_string());
    None.or_else(|| {
        typed::<crate::assessment::model::Vote>(&v)
            .ok()
            .map(|x| x.label())
    })
    .or_else(|| {
        typed::<crate::assessment::model::Grade>(&v)
            .ok()
            .map(|x| x.label())
    })
    .or_else(|| {
        typed::<crate::assessment::model::Source>(&v)
            .ok()
            .map(|x| x.label())
    })
    .or_else(|| {
        typed::<crate::village::resident::Role>(&v)
            .ok()
            .map(|x| x.label())
    })
    .or_else(|| {
        typed::<crate::village::notice::NoticeKind>(&v)
            .ok()
            .map(|x| x.label())
    })
    .or_else(|| {
        typed::<crate::workline::model::TaskStatus>(&v)
            .ok()
            .map(|x| x.label())
    })
    .or_else(|| {
        typed::<crate::workline::model::LineStatus>(&v)
            .ok()
            .map(|x| x.label())
    })
    .or_else(|| {
        typed::<crate::quiz::model::QuestionKind>(&v)
            .ok()
            .map(|x| x.label())
    })
    .or_else(|| {
        typed::<crate::quiz::model::Difficulty>(&v)
            .ok()
            .map(|x| x.label())
    })
    .or_else(|| {
        typed::<crate::admonition::model::Reason>(&v)
            .ok()
            .map(|x| x.label())
    })
    .or_else(|| {
        typed::<crate::admonition::template::DocKind>(&v)
            .ok()
            .map(|x| x.label())
    })
}

/// What a type the parser expected is called by people.
fn kind_of(expected: &str) -> &'static str {
    let e = expected.trim();
    if e.contains("date") {
        "日期（如 2026-11-28）"
    } else if e.starts_with('u') || e.starts_with('i') || e.starts_with('f') || e.contains("number")
    {
        "数字"
    } else if e.contains("bool") {
        "“是”或“否”"
    } else if e.contains("string") || e.contains("char") {
        "文字"
    } else if e.contains("sequence") || e.contains("tuple") {
        "一组内容（列表）"
    } else if e.contains("map") || e.contains("struct") {
        "一组信息"
    } else if e.contains("UUID") || e.contains("uuid") {
        "编号"
    } else {
        "规定的格式"
    }
}

/// What the file holds where the parser stopped, in words.
fn found(what: &str) -> String {
    let what = what.trim();
    let shown = |q: &str| q.chars().take(20).collect::<String>();
    if let Some(rest) = what.strip_prefix("string ") {
        format!("文字{}", shown(rest))
    } else if what.starts_with("integer") || what.starts_with("floating point") {
        format!("数字 {}", quoted(what).first().copied().unwrap_or(""))
    } else if what.starts_with("boolean") {
        "“是/否”".into()
    } else if what == "null" {
        "空值".into()
    } else if what.starts_with("sequence") {
        "列表".into()
    } else if what.starts_with("map") {
        "一组信息".into()
    } else {
        "其他内容".into()
    }
}

/// The parser's complaint about one record, in Chinese, naming the field as the form does.
pub fn explain(store: StoreName, value: &Value, error: &Error) -> String {
    explain_with(&|field| field_label(store, field), value, error)
}

/// A file's header fields as people would name them.
fn header_label(field: &str) -> &'static str {
    match field {
        "format" => "文件格式标记",
        "format_version" => "文件格式版本",
        "min_app_version" => "最低应用版本",
        "app_version" => "应用版本",
        "kind" => "文件类型",
        "exported_by" => "导出人",
        "exported_at" => "导出时间",
        "records" => "记录",
        "record_counts" => "记录条数",
        "name" => "姓名",
        "unit" => "单位",
        "device_id" => "电脑标识",
        _ => "其他信息",
    }
}

/// [`explain`] for a file's header (who exported it, when, what kind).
pub fn explain_header(value: &Value, error: &Error) -> String {
    explain_with(&header_label, value, error)
}

fn explain_with(label: &dyn Fn(&str) -> &'static str, value: &Value, error: &Error) -> String {
    let text = error.to_string();
    let message = text.split(" at line ").next().unwrap_or(&text);
    let path = if error.line() == 1 {
        path_to(value, 0, error.column())
    } else {
        Vec::new()
    };
    let top = match path.first() {
        Some(Step::Field(f)) => Some(f.as_str()),
        _ => None,
    };
    let item = path.iter().find_map(|s| match s {
        Step::Item(i) => Some(*i),
        Step::Field(_) => None,
    });
    let field = |name: Option<&str>| -> String {
        let mut label = match name.map(label) {
            Some("其他信息") | None => "其中一项".to_string(),
            Some(l) => format!("“{l}”"),
        };
        if let Some(i) = item {
            label.push_str(&format!("的第 {} 项", i + 1));
        }
        label
    };
    if let Some(rest) = message.strip_prefix("missing field ") {
        let missing = quoted(rest).first().copied().unwrap_or("");
        return match label(missing) {
            "其他信息" => "缺少必填的内容。".into(),
            label => format!("缺少“{label}”。"),
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let names = quoted(rest);
        let given = names.first().copied().unwrap_or("");
        let choices: Option<Vec<&str>> = names.iter().skip(1).map(|n| choice_label(n)).collect();
        let right = match choices {
            Some(c) if !c.is_empty() => format!("应为 {} 之一", c.join("/")),
            _ => "应为本应用列出的选项之一".into(),
        };
        let given: String = given.chars().take(20).collect();
        return format!("{}是本应用不认识的选项“{given}”，{right}。", field(top));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (what, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "{}应为{}，文件里是{}。",
            field(top),
            kind_of(expected),
            found(what)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (what, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return match kind_of(expected) {
            "数字" => format!(
                "{}的值 {} 超出了允许的范围。",
                field(top),
                quoted(what).first().copied().unwrap_or("")
            ),
            kind => format!("{}应为{kind}，文件里的值不合要求。", field(top)),
        };
    }
    if message.starts_with("invalid length") {
        return format!("{}的项数不对。", field(top));
    }
    if message == "input is out of range" {
        return format!("{}是不存在的日期或时间（如 2 月 30 日）。", field(top));
    }
    if matches!(
        message,
        "input contains invalid characters"
            | "premature end of input"
            | "trailing input"
            | "bad or unsupported format string"
            | "input is not enough for unique date and time"
            | "no possible date and time matching input"
            | "impossible"
    ) {
        return format!(
            "{}不是有效的日期或时间，应写成 2026-11-28 这样。",
            field(top)
        );
    }
    if message.contains("UUID") {
        return format!("{}的编号无效，不是本应用生成的。", field(top));
    }
    format!("{}的内容无法识别。", field(top))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{DeviceId, Meta};
    use crate::village::resident::{Role, VillageLog, Writer};
    use serde_json::json;

    fn log() -> Value {
        let writer = Writer {
            name: "刘驻村".into(),
            unit: "镇政府".into(),
        };
        let meta = Meta::new(&DeviceId("d".into()), chrono::DateTime::default());
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap_or_default();
        let entry = VillageLog {
            village: "东村".into(),
            role: Role::Guide,
            done: "走访".into(),
            reached: 3,
            ..VillageLog::blank(meta, writer, date)
        };
        serde_json::to_value(entry).unwrap_or_default()
    }

    fn explained(
        store: StoreName,
        value: &Value,
        read: impl Fn(&str) -> Result<(), Error>,
    ) -> String {
        match read(&value.to_string()) {
            Err(e) => explain(store, value, &e),
            Ok(()) => String::new(),
        }
    }

    fn as_log(text: &str) -> Result<(), Error> {
        serde_json::from_str::<VillageLog>(text).map(|_| ())
    }

    #[test]
    fn each_kind_of_fault_is_told_with_the_fields_label() {
        let cases = [
            ("role", json!("superb"), "“角色”是本应用不认识的选项“superb”，应为 传达员/指导员/办事员/督查员/报告员 之一。"),
            ("reached", json!("很多"), "“联系群众人数”应为数字，文件里是文字\"很多\"。"),
            ("reached", json!(-3), "“联系群众人数”的值 -3 超出了允许的范围。"),
            ("date", json!("2026-02-30"), "“日期”是不存在的日期或时间（如 2 月 30 日）。"),
            ("date", json!("下周一"), "“日期”不是有效的日期或时间，应写成 2026-11-28 这样。"),
            ("date", json!(null), "“日期”应为日期（如 2026-11-28），文件里是空值。"),
            ("done", json!(5), "“做了什么”应为文字，文件里是数字 5。"),
        ];
        for (field, bad, said) in cases {
            let mut value = log();
            value[field] = bad;
            assert_eq!(
                explained(StoreName::VillageLogs, &value, as_log),
                said,
                "{field}"
            );
        }
        let mut value = log();
        if let Some(o) = value.as_object_mut() {
            o.remove("done");
        }
        assert_eq!(
            explained(StoreName::VillageLogs, &value, as_log),
            "缺少“做了什么”。"
        );
    }

    #[test]
    fn a_fault_deep_in_a_record_names_its_field_and_item() {
        let mut value = log();
        value["corrections"] = json!([{"on": "2026-11-03", "by": "甲", "changes": []}, {"on": "昨天", "by": "乙", "changes": []}]);
        let said = explained(StoreName::VillageLogs, &value, as_log);
        assert_eq!(
            said,
            "“修改记录”的第 2 项不是有效的日期或时间，应写成 2026-11-28 这样。"
        );
    }

    /// serde_json is vendored to read a record from an object only (vendor/README.md): a
    /// record or a part of one written as an array of its values is refused, in Chinese.
    #[test]
    fn a_record_is_read_from_an_object_only() {
        let mut value = log();
        value["corrections"] = json!([["2026-11-03", "甲", []]]);
        assert_eq!(
            explained(StoreName::VillageLogs, &value, as_log),
            "“修改记录”应为一组信息，文件里是列表。"
        );
        let fields: Vec<Value> = log()
            .as_object()
            .map(|o| o.values().cloned().collect())
            .unwrap_or_default();
        assert!(as_log(&Value::Array(fields).to_string()).is_err());
        assert!(as_log(&log().to_string()).is_ok());
    }

    /// serde_derive is vendored without its check for a field given twice (vendor/README.md):
    /// a record read from text keeps the last, as a file's records, which are read into a
    /// `Value` first, always did.
    #[test]
    fn a_field_given_twice_keeps_the_last() {
        let text = log().to_string();
        let twice = text.replacen("\"reached\":3", "\"reached\":3,\"reached\":7", 1);
        assert_ne!(twice, text, "the record has the field to give twice");
        let direct = serde_json::from_str::<VillageLog>(&twice).map(|l| l.reached);
        assert_eq!(direct.ok(), Some(7));
        let through_value = serde_json::from_str::<Value>(&twice)
            .and_then(|v| serde_json::from_str::<VillageLog>(&v.to_string()))
            .map(|l| l.reached);
        assert_eq!(through_value.ok(), Some(7));
    }

    type Reader = fn(&str) -> Result<(), Error>;

    fn reads<T: serde::de::DeserializeOwned>(text: &str) -> Result<(), Error> {
        serde_json::from_str::<T>(text).map(|_| ())
    }

    /// Every field of a record broken in each way: no message has an English word in it.
    #[test]
    fn no_message_has_a_word_of_english() {
        let breaks = [
            json!("superb"),
            json!(-1),
            json!(1e40),
            json!(true),
            json!(null),
            json!([1, 2]),
            json!({"x": 1}),
            json!("2026-02-30"),
            json!(""),
        ];
        let meta = || Meta::new(&DeviceId("d".into()), chrono::DateTime::default());
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap_or_default();
        let cadre = crate::roster::model::Cadre::new(
            meta(),
            crate::roster::model::CadreFields {
                name: "张三".into(),
                unit: "党政办".into(),
                ..Default::default()
            },
        );
        let request = crate::village::service::ServiceRequest {
            person: "张小明".into(),
            village: "东村".into(),
            matter: "证明开具".into(),
            promised: Some(day),
            ..crate::village::service::ServiceRequest::blank(meta(), "王干事".into(), day)
        };
        let posting = crate::village::resident::ResidentCadre {
            meta: meta(),
            cadre: cadre.meta.id,
            village: "东村".into(),
            start: day,
            end: Some(day),
            deleted: false,
            corrections: Vec::new(),
        };
        let calendar = crate::admonition::deadline::HolidayCalendar {
            meta: meta(),
            year: 2026,
            holidays: [day].into_iter().collect(),
            makeup_workdays: [day].into_iter().collect(),
            note: "国务院办公厅通知".into(),
        };
        let ballot = crate::assessment::model::Ballot {
            meta: meta(),
            evaluation_id: cadre.meta.id,
            group: 1,
            number: 3,
            source: crate::assessment::model::Source::Paper,
            votes: [(cadre.meta.id, crate::assessment::model::Vote::Excellent)]
                .into_iter()
                .collect(),
            void: false,
            slip: Some("ABCD".into()),
            round_version: None,
        };
        let json = |v: Result<Value, serde_json::Error>| v.unwrap_or_default();
        let records: Vec<(StoreName, Value, Reader)> = vec![
            (StoreName::VillageLogs, log(), as_log),
            (
                StoreName::Admonitions,
                json(serde_json::to_value(crate::admonition::testing::case(
                    "谈话",
                ))),
                reads::<crate::admonition::model::Admonition>,
            ),
            (
                StoreName::Cadres,
                json(serde_json::to_value(&cadre)),
                reads::<crate::roster::model::Cadre>,
            ),
            (
                StoreName::ServiceLedger,
                json(serde_json::to_value(&request)),
                reads::<crate::village::service::ServiceRequest>,
            ),
            (
                StoreName::ResidentCadres,
                json(serde_json::to_value(&posting)),
                reads::<crate::village::resident::ResidentCadre>,
            ),
            (
                StoreName::HolidayCalendars,
                json(serde_json::to_value(&calendar)),
                reads::<crate::admonition::deadline::HolidayCalendar>,
            ),
            (
                StoreName::Ballots,
                json(serde_json::to_value(&ballot)),
                reads::<crate::assessment::model::Ballot>,
            ),
        ];
        for (store, record, read) in records {
            let fields: Vec<String> = record
                .as_object()
                .map(|o| o.keys().cloned().collect())
                .unwrap_or_default();
            for field in fields.iter().filter(|f| *f != "meta") {
                for bad in &breaks {
                    let mut value = record.clone();
                    value[field.as_str()] = bad.clone();
                    let said = explained(store, &value, read);
                    let english = said
                        .split(|c: char| !c.is_ascii_alphabetic())
                        .find(|w| w.len() > 1 && *w != "superb");
                    assert!(english.is_none(), "{store:?}.{field} = {bad}: {said}");
                }
                let mut value = record.clone();
                if let Some(o) = value.as_object_mut() {
                    o.remove(field.as_str());
                }
                let said = explained(store, &value, read);
                assert!(
                    said.is_ascii() == said.is_empty(),
                    "{store:?} without {field}: {said}"
                );
            }
        }
    }
}
