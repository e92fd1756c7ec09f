//! A record on its way to the database, as JSON: a value for one the write's transaction stamps
//! against the stored copy, its text for one written as it is. Ten thousand imported questions
//! then go to the browser as one text, with no value built and dropped for each.

use serde_json::Value;

use super::schema::StoreName;

pub enum Body {
    Value(Value),
    Text(String),
}

impl Body {
    pub fn into_value(self) -> Result<Value, String> {
        match self {
            Body::Value(v) => Ok(v),
            Body::Text(t) => serde_json::from_str(&t).map_err(|e| e.to_string()),
        }
    }

    pub fn into_text(self) -> String {
        match self {
            Body::Value(v) => v.to_string(),
            Body::Text(t) => t,
        }
    }
}

/// Records (store, JSON text) as one JSON array text per store, stores in the order first met,
/// records in the order given.
pub fn array_texts(
    records: impl IntoIterator<Item = (StoreName, String)>,
) -> Vec<(StoreName, String)> {
    let mut texts: Vec<(StoreName, String)> = Vec::new();
    for (store, text) in records {
        match texts.iter_mut().find(|(s, _)| *s == store) {
            Some((_, all)) => {
                all.push(',');
                all.push_str(&text);
            }
            None => texts.push((store, format!("[{text}"))),
        }
    }
    for (_, all) in &mut texts {
        all.push(']');
    }
    texts
}

/// Records given as values, as [`array_texts`] makes them.
pub fn value_texts(writes: &[(StoreName, Value)]) -> Vec<(StoreName, String)> {
    array_texts(writes.iter().map(|(s, v)| (*s, v.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn records_become_one_array_per_store_in_the_order_given() {
        let texts = array_texts(
            [
                (
                    StoreName::Questions,
                    Body::Text(json!({"n": 1}).to_string()),
                ),
                (StoreName::Cadres, Body::Value(json!({"n": "二"}))),
                (
                    StoreName::Questions,
                    Body::Text(json!({"n": 3}).to_string()),
                ),
            ]
            .map(|(s, b)| (s, b.into_text())),
        );
        assert_eq!(
            texts,
            vec![
                (StoreName::Questions, r#"[{"n":1},{"n":3}]"#.to_string()),
                (StoreName::Cadres, r#"[{"n":"二"}]"#.to_string()),
            ]
        );
        for (_, text) in &texts {
            assert!(serde_json::from_str::<Vec<Value>>(text).is_ok(), "{text}");
        }
        assert!(array_texts(Vec::new()).is_empty());
        // What `Store::write_all` writes: the same texts as serde_json writes the values.
        let values = [json!({"a": [1, "二"]}), json!(null)];
        let writes = values.map(|v| (StoreName::Tasks, v));
        assert_eq!(
            value_texts(&writes)[0].1,
            serde_json::to_string(&writes.map(|(_, v)| v)).unwrap_or_default()
        );
    }

    #[test]
    fn a_record_kept_as_text_reads_back_as_the_value_it_was() {
        let record = json!({"meta": {"id": "x"}, "stem": "第1题"});
        assert_eq!(
            Body::Text(record.to_string()).into_value(),
            Ok(record.clone())
        );
        assert_eq!(Body::Value(record.clone()).into_text(), record.to_string());
        assert!(Body::Text("{".into()).into_value().is_err());
    }
}
