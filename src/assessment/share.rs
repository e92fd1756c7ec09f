//! Shares as people write rules: a percentage with up to two decimals (60 %, 12.5 %) or a
//! fraction (三分之一, 1/3). A fraction is kept exact, so "超过三分之一" means more than 3 of 9,
//! never "33 %" rounded either way. In files a percentage stays a number (old files' `60` reads
//! as 60 %) and a fraction is a string such as "1/3".

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Two shares this close are equal (weighted shares are sums of quotients).
const EPSILON: f64 = 1e-9;

/// A percentage in hundredths of a percent: 12.5 % is 1250.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(pub u32);

impl Percent {
    pub const fn whole(percent: u32) -> Percent {
        Percent(percent * 100)
    }

    /// 0–1.
    pub fn value(self) -> f64 {
        f64::from(self.0) / 10_000.0
    }

    /// "60%", "12.5%".
    pub fn label(self) -> String {
        let (whole, part) = (self.0 / 100, self.0 % 100);
        match part {
            0 => format!("{whole}%"),
            p if p % 10 == 0 => format!("{whole}.{}%", p / 10),
            p => format!("{whole}.{p:02}%"),
        }
    }

    /// A percentage as typed: "12.5", "12.5%", "12.5％", up to two decimals.
    pub fn parse(text: &str) -> Result<Percent, ShareError> {
        let t = text.trim().trim_end_matches(['%', '％']).trim();
        let (whole, part) = t.split_once('.').unwrap_or((t, ""));
        if whole.is_empty() && part.is_empty()
            || !whole.chars().all(|c| c.is_ascii_digit())
            || !part.chars().all(|c| c.is_ascii_digit())
        {
            return Err(ShareError::NotAShare);
        }
        if part.len() > 2 {
            return Err(ShareError::TooManyDecimals);
        }
        let whole: u32 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| ShareError::OverHundred)?
        };
        let part: u32 = format!("{part:0<2}").parse().unwrap_or(0);
        let hundredths = whole
            .checked_mul(100)
            .and_then(|w| w.checked_add(part))
            .ok_or(ShareError::OverHundred)?;
        if hundredths > 10_000 {
            return Err(ShareError::OverHundred);
        }
        Ok(Percent(hundredths))
    }
}

/// A threshold: a percentage or an exact fraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Share {
    Percent(Percent),
    Fraction { num: u32, den: u32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareError {
    NotAShare,
    TooManyDecimals,
    OverHundred,
    ZeroDenominator,
}

impl ShareError {
    pub fn user_message(self, field: &str) -> String {
        match self {
            ShareError::NotAShare => {
                format!("“{field}”请写百分数或分数，如 60%、12.5%、三分之一、1/3。")
            }
            ShareError::TooManyDecimals => format!("“{field}”的百分数最多两位小数。"),
            ShareError::OverHundred => format!("“{field}”不能超过 100%。"),
            ShareError::ZeroDenominator => format!("“{field}”的分母不能为 0。"),
        }
    }
}

const DIGITS: [char; 11] = [
    '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十',
];

/// 一 … 十 (and 两) as a number; Arabic digits too.
fn small_number(text: &str) -> Option<u32> {
    if let Ok(n) = text.parse() {
        return Some(n);
    }
    let mut chars = text.chars();
    let (first, rest) = (chars.next()?, chars.as_str());
    if !rest.is_empty() {
        return None;
    }
    if first == '两' {
        return Some(2);
    }
    DIGITS.iter().position(|d| *d == first).map(|n| n as u32)
}

impl Share {
    pub const fn percent(whole: u32) -> Share {
        Share::Percent(Percent::whole(whole))
    }

    /// 0–1.
    pub fn value(self) -> f64 {
        match self {
            Share::Percent(p) => p.value(),
            Share::Fraction { num, den } => f64::from(num) / f64::from(den.max(1)),
        }
    }

    /// Whether `share` is more than this.
    pub fn exceeded_by(self, share: f64) -> bool {
        share > self.value() + EPSILON
    }

    /// Whether `share` is at least this.
    pub fn reached_by(self, share: f64) -> bool {
        share >= self.value() - EPSILON
    }

    /// As the sheet states it: "60%", "三分之一", "2/7".
    pub fn label(self) -> String {
        match self {
            Share::Percent(p) => p.label(),
            Share::Fraction { num, den } if num <= 10 && (2..=10).contains(&den) => {
                format!("{}分之{}", DIGITS[den as usize], DIGITS[num as usize])
            }
            Share::Fraction { num, den } => format!("{num}/{den}"),
        }
    }

    /// A threshold as typed: "60", "12.5%", "1/3", "三分之一", "超过三分之一".
    pub fn parse(text: &str) -> Result<Share, ShareError> {
        let t = text.trim();
        let t = ["超过", "达到", "不少于", "不低于"]
            .iter()
            .fold(t, |t, word| t.strip_prefix(word).unwrap_or(t))
            .trim();
        let fraction = if let Some((num, den)) = t.split_once('/') {
            Some((num.trim().parse().ok(), den.trim().parse().ok()))
        } else {
            t.split_once("分之")
                .map(|(den, num)| (small_number(num), small_number(den)))
        };
        match fraction {
            None => Percent::parse(t).map(Share::Percent),
            Some((Some(_), Some(0))) => Err(ShareError::ZeroDenominator),
            Some((Some(num), Some(den))) if num > den => Err(ShareError::OverHundred),
            Some((Some(num), Some(den))) => Ok(Share::Fraction { num, den }),
            Some(_) => Err(ShareError::NotAShare),
        }
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % 100 == 0 {
            s.serialize_u32(self.0 / 100)
        } else {
            s.serialize_f64(f64::from(self.0) / 100.0)
        }
    }
}

/// Reads a percentage number, or (for a threshold) a fraction written as text, without
/// serde's buffering of untagged enums (which costs the download more than this).
struct ShareVisitor {
    text_allowed: bool,
}

impl ShareVisitor {
    fn number<E: serde::de::Error>(n: f64) -> Result<Share, E> {
        if !(0.0..=100_000.0).contains(&n) {
            return Err(E::custom("百分数应在 0 到 100 之间"));
        }
        Ok(Share::Percent(Percent((n * 100.0).round() as u32)))
    }
}

impl serde::de::Visitor<'_> for ShareVisitor {
    type Value = Share;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("百分数或分数")
    }

    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Share, E> {
        Self::number(n as f64)
    }

    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Share, E> {
        Self::number(n as f64)
    }

    fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Share, E> {
        Self::number(n)
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Share, E> {
        if !self.text_allowed {
            return Err(E::custom("百分数应为数字"));
        }
        Share::parse(text).map_err(|_| E::custom("比例应为百分数或分数"))
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Percent, D::Error> {
        match d.deserialize_any(ShareVisitor {
            text_allowed: false,
        })? {
            Share::Percent(p) => Ok(p),
            Share::Fraction { .. } => Err(serde::de::Error::custom("百分数应为数字")),
        }
    }
}

impl Serialize for Share {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Share::Percent(p) => p.serialize(s),
            Share::Fraction { num, den } => s.serialize_str(&format!("{num}/{den}")),
        }
    }
}

impl<'de> Deserialize<'de> for Share {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Share, D::Error> {
        d.deserialize_any(ShareVisitor { text_allowed: true })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_are_read_as_typed_with_up_to_two_decimals() {
        assert_eq!(Percent::parse("60"), Ok(Percent(6000)));
        assert_eq!(Percent::parse("12.5%"), Ok(Percent(1250)));
        assert_eq!(Percent::parse(" 27.5％ "), Ok(Percent(2750)));
        assert_eq!(Percent::parse("0.25"), Ok(Percent(25)));
        assert_eq!(Percent::parse("12.345"), Err(ShareError::TooManyDecimals));
        assert_eq!(Percent::parse("101"), Err(ShareError::OverHundred));
        assert_eq!(Percent::parse("六十"), Err(ShareError::NotAShare));
        assert_eq!(Percent::parse(""), Err(ShareError::NotAShare));
        assert_eq!(Percent(1250).label(), "12.5%");
        assert_eq!(Percent(6000).label(), "60%");
        assert_eq!(Percent(1205).label(), "12.05%");
    }

    #[test]
    fn fractions_are_read_in_words_and_digits_and_kept_exact() {
        let third = Share::Fraction { num: 1, den: 3 };
        assert_eq!(Share::parse("三分之一"), Ok(third));
        assert_eq!(Share::parse("超过三分之一"), Ok(third));
        assert_eq!(Share::parse("1/3"), Ok(third));
        assert_eq!(
            Share::parse("三分之二"),
            Ok(Share::Fraction { num: 2, den: 3 })
        );
        assert_eq!(Share::parse("1/0"), Err(ShareError::ZeroDenominator));
        assert_eq!(Share::parse("4/3"), Err(ShareError::OverHundred));
        assert_eq!(Share::parse("60%"), Ok(Share::percent(60)));
        assert_eq!(third.label(), "三分之一");
        assert_eq!(Share::Fraction { num: 2, den: 17 }.label(), "2/17");
        // 3 of 9 is a third, not more; 4 of 9 is more.
        assert!(!third.exceeded_by(3.0 / 9.0));
        assert!(third.exceeded_by(4.0 / 9.0));
        assert!(third.reached_by(3.0 / 9.0));
        assert!(!Share::percent(33).exceeded_by(0.33));
    }

    #[test]
    fn files_keep_whole_percentages_as_numbers_and_fractions_as_text() {
        let json = |s: &Share| serde_json::to_string(s).unwrap_or_default();
        assert_eq!(json(&Share::percent(60)), "60");
        assert_eq!(json(&Share::Percent(Percent(1250))), "12.5");
        assert_eq!(json(&Share::Fraction { num: 1, den: 3 }), "\"1/3\"");
        for text in ["60", "12.5", "\"1/3\""] {
            let back: Share = serde_json::from_str(text).unwrap_or(Share::percent(0));
            assert_eq!(json(&back), text);
        }
        assert!(serde_json::from_str::<Share>("\"很多\"").is_err());
        assert!(serde_json::from_str::<Percent>("-5").is_err());
    }
}
