//! Reading the quiz's two enums written as `{"type": …, "value": …}` (an answer key, a
//! person's answer). serde's own reader for that form buffers a `value` that comes before its
//! `type` in a general form first, and that machinery, used nowhere else, cost the download more
//! than this. Every text the app reads has `type` first: a file's records are read into a
//! `serde_json::Value`, whose keys are sorted, and the app writes `type` first; a `value` before
//! any `type` is refused like any other fault in a record.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Error, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// The keys of the form, and any other (skipped, as serde skips unknown fields).
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum Key {
    Type,
    Value,
    #[serde(other)]
    Other,
}

/// An enum read from `{"type": K, "value": …}`: `value` reads the value for the kind named.
pub trait Tagged: Sized {
    type Kind: for<'de> Deserialize<'de>;
    const NAME: &'static str;
    fn value<'de, A: MapAccess<'de>>(kind: Self::Kind, map: &mut A) -> Result<Self, A::Error>;
}

/// `Deserialize` for an enum written `{"type": …, "value": …}` whose every variant holds one
/// value, and the enum of its kinds: `read_tagged! { Answer / AnswerKind { Choice, TrueFalse } }`.
#[macro_export]
macro_rules! read_tagged {
    ($ty:ident / $kind:ident { $($variant:ident),+ $(,)? }) => {
        $crate::read_by_name! {
            #[doc = concat!("The kinds of [`", stringify!($ty), "`], as its `type` names them.")]
            #[derive(Clone, Copy)]
            pub enum $kind {
                $($variant),+
            }
        }

        impl $crate::quiz::tagged::Tagged for $ty {
            type Kind = $kind;
            const NAME: &'static str = stringify!($ty);

            fn value<'de, A: serde::de::MapAccess<'de>>(
                kind: $kind,
                map: &mut A,
            ) -> Result<Self, A::Error> {
                Ok(match kind {
                    $($kind::$variant => $ty::$variant(map.next_value()?)),+
                })
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::quiz::tagged::read(deserializer)
            }
        }
    };
}

pub fn read<'de, T: Tagged, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_struct(T::NAME, &["type", "value"], TaggedVisitor(PhantomData))
}

struct TaggedVisitor<T>(PhantomData<T>);

impl<'de, T: Tagged> Visitor<'de> for TaggedVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "adjacently tagged enum {}", T::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut kind = None;
        let mut read = None;
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Type if read.is_some() => {
                    return Err(A::Error::custom("type after its value"))
                }
                Key::Type => kind = Some(map.next_value::<T::Kind>()?),
                Key::Value => match kind.take() {
                    Some(k) => read = Some(T::value(k, &mut map)?),
                    None => return Err(A::Error::custom("value before its type")),
                },
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        match (read, kind) {
            (Some(value), _) => Ok(value),
            (None, Some(_)) => Err(A::Error::missing_field("value")),
            (None, None) => Err(A::Error::missing_field("type")),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::quiz::attempt::Response;
    use crate::quiz::model::Answer;
    use crate::sorted::SortedSet;
    use serde_json::json;

    fn set(items: &[usize]) -> SortedSet<usize> {
        items.iter().copied().collect()
    }

    /// Every kind is written and read back as before, in the form older files have.
    #[test]
    fn each_kind_reads_back_as_written() {
        let answers = [
            Answer::Choice(set(&[0, 2])),
            Answer::TrueFalse(false),
            Answer::Blanks(vec![vec!["甲".into(), "乙".into()], vec![]]),
            Answer::Reference("参考答案".into()),
        ];
        for a in answers {
            let text = serde_json::to_string(&a).unwrap_or_default();
            assert!(text.starts_with("{\"type\":"), "{text}");
            assert_eq!(serde_json::from_str::<Answer>(&text).ok(), Some(a));
        }
        let responses = [
            Response::Choice(set(&[1])),
            Response::TrueFalse(true),
            Response::Blanks(vec!["一".into(), String::new()]),
            Response::Text("答".into()),
        ];
        for r in responses {
            let text = serde_json::to_string(&r).unwrap_or_default();
            assert_eq!(serde_json::from_str::<Response>(&text).ok(), Some(r));
        }
        let old = r#"{"type":"choice","value":[1,0]}"#;
        assert_eq!(
            serde_json::from_str::<Answer>(old).ok(),
            Some(Answer::Choice(set(&[0, 1])))
        );
    }

    /// A file's record is read into a `Value` first, whose keys are sorted: a `value` written
    /// before its `type` in a file is read as well.
    #[test]
    fn a_file_may_give_the_value_first() {
        let file = json!({"value": true, "type": "true_false", "note": "多余的键"});
        let text = file.to_string();
        assert!(text.find("\"type\"") < text.find("\"value\""), "{text}");
        assert_eq!(
            serde_json::from_str::<Answer>(&text).ok(),
            Some(Answer::TrueFalse(true))
        );
    }

    #[test]
    fn faults_are_refused() {
        for bad in [
            r#"{"value":true,"type":"true_false"}"#,
            r#"{"type":"true_false"}"#,
            r#"{"value":true}"#,
            r#"{"type":"choice","value":"A"}"#,
            r#"{"type":"lottery","value":1}"#,
            r#"{"type":"choice","value":[0],"type":"text"}"#,
            "[\"choice\", [0]]",
        ] {
            assert!(serde_json::from_str::<Answer>(bad).is_err(), "{bad}");
        }
    }
}
