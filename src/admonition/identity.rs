//! 单位信息: the township's name, the 发文机关署名, the 发文机关标志 of a 版头 and each numbered
//! document's 代字 — set once by the office and used by every built-in template, so that a
//! notice goes out as "某镇诫〔2026〕1号" signed "中共某某镇委员会", not as "〔2026〕1号" unsigned.

use serde::{Deserialize, Serialize};

use super::template::{DocKind, DocumentTemplate};
use crate::order::Collect;
use crate::sorted::SortedMap;

/// The office's identity as its documents carry it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeIdentity {
    /// 乡镇（街道）名称, e.g. "某某镇".
    #[serde(default)]
    pub township: String,
    /// 发文机关署名, e.g. "中共某某镇委员会".
    #[serde(default)]
    pub issuer: String,
    /// 发文机关标志 for a 版头, e.g. "中共某某镇委员会文件"; empty: no 版头.
    #[serde(default)]
    pub mark: String,
    /// 发文机关代字 of each numbered document, e.g. "某镇诫".
    #[serde(default)]
    pub prefixes: SortedMap<DocKind, String>,
}

/// What a document would lack if it went out now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Prefix,
    Issuer,
}

impl Missing {
    pub fn label(self) -> &'static str {
        match self {
            Missing::Prefix => "发文机关代字",
            Missing::Issuer => "发文机关署名",
        }
    }
}

impl OfficeIdentity {
    /// How a unit of the office signs a report: the township before the unit ("某某镇党政办"),
    /// unless the unit's name already starts with it.
    pub fn unit_signature(&self, unit: &str) -> String {
        let township = self.township.trim();
        if unit.starts_with(township) {
            unit.to_string()
        } else {
            format!("{township}{unit}")
        }
    }

    /// Whether the office has set it up (the township's name is asked first).
    pub fn is_set(&self) -> bool {
        !self.township.trim().is_empty()
    }

    /// Trimmed, and refused with what to fill in when the township or issuer is missing.
    pub fn cleaned(&self) -> Result<OfficeIdentity, String> {
        let t = |s: &str| s.trim().to_string();
        let out = OfficeIdentity {
            township: t(&self.township),
            issuer: t(&self.issuer),
            mark: t(&self.mark),
            prefixes: self
                .prefixes
                .iter()
                .map(|(k, v)| (*k, t(v)))
                .filter(|(_, v)| !v.is_empty())
                .to_map(),
        };
        if out.township.is_empty() {
            return Err("请填写乡镇（街道）名称，例如“某某镇”。".into());
        }
        if out.issuer.is_empty() {
            return Err("请填写发文机关署名，例如“中共某某镇委员会”。".into());
        }
        let long = [&out.township, &out.issuer, &out.mark]
            .iter()
            .any(|s| s.chars().count() > 40)
            || out.prefixes.values().any(|p| p.chars().count() > 20);
        if long {
            return Err("名称太长：署名和标志不超过 40 个字，代字不超过 20 个字。".into());
        }
        Ok(out)
    }

    /// The 代字 of `kind`: the office's own, else none.
    pub fn prefix(&self, kind: DocKind) -> &str {
        self.prefixes.get(&kind).map(String::as_str).unwrap_or("")
    }

    /// A 代字 to offer: the township's first character and 诫 ("某某镇" → "某诫"), as offices
    /// abbreviate.
    pub fn suggested_prefix(&self) -> String {
        match self.township.trim().chars().next() {
            Some(c) => format!("{c}诫"),
            None => String::new(),
        }
    }

    /// `template` with what it leaves empty taken from the office: its 代字 and 署名.
    pub fn applied(&self, template: &DocumentTemplate) -> DocumentTemplate {
        let mut t = template.clone();
        if t.prefix.trim().is_empty() {
            t.prefix = self.prefix(t.kind).to_string();
        }
        if t.issuer.trim().is_empty() {
            t.issuer = self.issuer.clone();
        }
        t
    }

    /// What a document from `template` (already [`applied`](Self::applied)) would go out
    /// without.
    pub fn missing(template: &DocumentTemplate) -> Vec<Missing> {
        let mut out = Vec::new();
        if template.kind.numbered() && template.prefix.trim().is_empty() {
            out.push(Missing::Prefix);
        }
        if template.kind.signed_by_office() && template.issuer.trim().is_empty() {
            out.push(Missing::Issuer);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Meta;

    fn builtin(kind: DocKind) -> DocumentTemplate {
        DocumentTemplate::builtin(kind, Meta::unsaved(chrono::DateTime::default()))
    }

    fn office() -> OfficeIdentity {
        OfficeIdentity {
            township: " 某某镇 ".into(),
            issuer: "中共某某镇委员会".into(),
            mark: String::new(),
            prefixes: [
                (DocKind::Notice, "某镇诫".to_string()),
                (DocKind::Circular, " ".into()),
            ]
            .into(),
        }
    }

    #[test]
    fn built_in_templates_take_the_offices_prefix_and_issuer() {
        let o = office().cleaned().unwrap_or_default();
        assert_eq!(o.township, "某某镇");
        assert!(
            !o.prefixes.contains_key(&DocKind::Circular),
            "a blank 代字 is none"
        );
        let notice = o.applied(&builtin(DocKind::Notice));
        assert_eq!(
            (notice.prefix.as_str(), notice.issuer.as_str()),
            ("某镇诫", "中共某某镇委员会")
        );
        assert!(OfficeIdentity::missing(&notice).is_empty());
        // A template's own 代字 wins over the office's.
        let mut own = builtin(DocKind::Notice);
        own.prefix = "某纪诫".into();
        assert_eq!(o.applied(&own).prefix, "某纪诫");
        // No 代字 for 通报 yet: it says so; the talk record is numbered by nobody.
        let circular = o.applied(&builtin(DocKind::Circular));
        assert_eq!(OfficeIdentity::missing(&circular), vec![Missing::Prefix]);
        assert!(OfficeIdentity::missing(&o.applied(&builtin(DocKind::TalkRecord))).is_empty());
        // Nothing set: a notice lacks both.
        let bare = OfficeIdentity::default().applied(&builtin(DocKind::Notice));
        assert_eq!(
            OfficeIdentity::missing(&bare),
            vec![Missing::Prefix, Missing::Issuer]
        );
        assert_eq!(o.suggested_prefix(), "某诫");
    }

    #[test]
    fn the_township_and_issuer_are_asked_for() {
        assert!(OfficeIdentity::default().cleaned().is_err());
        let no_issuer = OfficeIdentity {
            issuer: " ".into(),
            ..office()
        };
        assert!(no_issuer
            .cleaned()
            .is_err_and(|m| m.contains("发文机关署名")));
        assert!(!OfficeIdentity::default().is_set() && office().is_set());
    }

    #[test]
    fn a_unit_signs_after_its_township_once() {
        let o = office();
        assert_eq!(o.unit_signature("党政办"), "某某镇党政办");
        assert_eq!(o.unit_signature("某某镇城建办"), "某某镇城建办");
        assert_eq!(OfficeIdentity::default().unit_signature("党政办"), "党政办");
    }
}
