//! Enums of plain values read from their names (`"in_progress"` for `InProgress`), as serde's
//! derive reads them with `rename_all = "snake_case"`, through one reader for all of them
//! (`read_name`; `read_by_name!` is written around the enum's definition). The derive wrote a
//! reader for each enum, which also took the value in a form no file of ours has
//! (`{"in_progress": null}`): some 900 bytes of code each, for two dozen enums.

use std::fmt;

use serde::de::{Error, Visitor};
use serde::Deserializer;

/// An enum of plain values and its `Deserialize`, from the one definition written inside:
/// `read_by_name! { #[derive(Serialize)] #[serde(rename_all = "snake_case")] pub enum Role { … } }`.
/// Its `Serialize` stays serde's derive (written as `rename_all = "snake_case"` names them).
#[macro_export]
macro_rules! read_by_name {
    (
        $(#[$meta:meta])*
        $vis:vis enum $ty:ident {
            $($(#[$vmeta:meta])* $variant:ident),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $ty {
            $($(#[$vmeta])* $variant),+
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                const ALL: &[$ty] = &[$($ty::$variant),+];
                const NAMES: &[&str] = &[$(stringify!($variant)),+];
                let at = $crate::named::read_name(deserializer, NAMES)?;
                ALL.get(at)
                    .cloned()
                    .ok_or_else(|| <D::Error as serde::de::Error>::custom("unknown variant"))
            }
        }
    };
}

/// The place in `variants` (Rust names) of the variant whose snake_case name is read.
pub fn read_name<'de, D: Deserializer<'de>>(
    deserializer: D,
    variants: &'static [&'static str],
) -> Result<usize, D::Error> {
    deserializer.deserialize_str(NameVisitor(variants))
}

struct NameVisitor(&'static [&'static str]);

impl<'de> Visitor<'de> for NameVisitor {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("variant identifier")
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<usize, E> {
        self.0
            .iter()
            .position(|variant| is_snake_of(text, variant))
            .ok_or_else(|| E::custom(unknown(text, self.0)))
    }
}

/// Whether `text` is `variant`'s name in snake_case, as serde's `rename_all` makes it.
fn is_snake_of(text: &str, variant: &str) -> bool {
    let mut text = text.bytes();
    for (i, c) in variant.bytes().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 && text.next() != Some(b'_') {
                return false;
            }
            if text.next() != Some(c.to_ascii_lowercase()) {
                return false;
            }
        } else if text.next() != Some(c) {
            return false;
        }
    }
    text.next().is_none()
}

fn snake(variant: &str) -> String {
    let mut name = String::new();
    for (i, c) in variant.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            name.push('_');
        }
        name.push(c.to_ascii_lowercase());
    }
    name
}

/// serde's words for a name that is none of the variants', which `exchange::de_error` reads.
fn unknown(text: &str, variants: &[&str]) -> String {
    let names: Vec<String> = variants.iter().map(|v| format!("`{}`", snake(v))).collect();
    let expected = match names.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a} or {b}"),
        all => format!("one of {}", all.join(", ")),
    };
    format!("unknown variant `{text}`, expected {expected}")
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    crate::read_by_name! {
        /// Read as serde's derive reads it, names and refusals alike.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
        #[serde(rename_all = "snake_case")]
        enum Mine {
            InProgress,
            Done,
            BasicallyCompetent2,
        }
    }

    #[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Theirs {
        InProgress,
        Done,
        BasicallyCompetent2,
    }

    #[test]
    fn names_and_refusals_are_serdes() {
        for (mine, theirs) in [
            (Mine::InProgress, Theirs::InProgress),
            (Mine::Done, Theirs::Done),
            (Mine::BasicallyCompetent2, Theirs::BasicallyCompetent2),
        ] {
            let text = serde_json::to_string(&theirs).unwrap_or_default();
            assert_eq!(serde_json::to_string(&mine).unwrap_or_default(), text);
            assert_eq!(serde_json::from_str::<Mine>(&text).ok(), Some(mine));
        }
        for bad in [
            "\"in progress\"",
            "\"InProgress\"",
            "\"done_\"",
            "\"don\"",
            "\"\"",
        ] {
            let mine = serde_json::from_str::<Mine>(bad).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<Theirs>(bad).map_err(|e| e.to_string());
            assert_eq!(mine.err(), theirs.err(), "{bad}");
        }
        let keyed: crate::sorted::SortedMap<Mine, u32> =
            serde_json::from_str(r#"{"done":1,"in_progress":2}"#).unwrap_or_default();
        assert_eq!(keyed.get(&Mine::Done), Some(&1));
        assert!(serde_json::from_str::<Mine>("3").is_err());
    }
}
