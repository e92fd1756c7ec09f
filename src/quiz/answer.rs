//! Reading answers as offices write them: "A,B" or "AB" for 多选; 正确/错误, 对/错, √/× for
//! 判断; blanks separated by "；" with alternatives by "|" for 填空.

use super::model::{Answer, QuestionKind, MAX_OPTIONS};
use crate::sorted::SortedSet;

/// Option letters in an answer ("A,B", "AB", "a、c", "Ｂ") as 0-based indices.
pub fn parse_choice(text: &str) -> Option<SortedSet<usize>> {
    let mut picked = SortedSet::new();
    for c in text.chars() {
        let c = match c {
            // Full-width letters, as Chinese input methods type them.
            'Ａ'..='Ｚ' => char::from_u32(c as u32 - 'Ａ' as u32 + 'A' as u32)?,
            'ａ'..='ｚ' => char::from_u32(c as u32 - 'ａ' as u32 + 'A' as u32)?,
            c => c.to_ascii_uppercase(),
        };
        match c {
            'A'..='Z' => {
                let i = (c as u8 - b'A') as usize;
                if i >= MAX_OPTIONS {
                    return None;
                }
                picked.insert(i);
            }
            ',' | '，' | '、' | ';' | '；' | ' ' | '　' | '/' => {}
            _ => return None,
        }
    }
    (!picked.is_empty()).then_some(picked)
}

pub fn parse_true_false(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "正确" | "对" | "√" | "✓" | "✔" | "是" | "t" | "true" | "y" | "yes" | "a" | "1" => {
            Some(true)
        }
        "错误" | "错" | "×" | "✗" | "✘" | "x" | "否" | "f" | "false" | "n" | "no" | "b" | "0" => {
            Some(false)
        }
        _ => None,
    }
}

/// Blanks separated by "；" or ";", alternatives within a blank by "|" or "｜".
pub fn parse_blanks(text: &str) -> Option<Vec<Vec<String>>> {
    let blanks: Vec<Vec<String>> = text
        .split([';', '；'])
        .map(|blank| {
            blank
                .split(['|', '｜'])
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|b| !b.is_empty())
        .collect();
    (!blanks.is_empty()).then_some(blanks)
}

/// An answer of the given kind from its written form.
pub fn parse_answer(kind: QuestionKind, text: &str) -> Option<Answer> {
    match kind {
        QuestionKind::Single | QuestionKind::Multiple => parse_choice(text).map(Answer::Choice),
        QuestionKind::TrueFalse => parse_true_false(text).map(Answer::TrueFalse),
        QuestionKind::FillBlank => parse_blanks(text).map(Answer::Blanks),
        QuestionKind::ShortAnswer => Some(Answer::Reference(text.trim().to_string())),
    }
}

/// The answer written back the way it is read (for CSV export and the question list).
pub fn format_answer(answer: &Answer) -> String {
    match answer {
        Answer::Choice(picked) => picked
            .iter()
            .map(|i| super::model::option_letter(*i))
            .collect(),
        Answer::TrueFalse(true) => "正确".into(),
        Answer::TrueFalse(false) => "错误".into(),
        Answer::Blanks(blanks) => blanks
            .iter()
            .map(|b| b.join("|"))
            .collect::<Vec<_>>()
            .join("；"),
        Answer::Reference(text) => text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(xs: &[usize]) -> Option<SortedSet<usize>> {
        Some(xs.iter().copied().collect())
    }

    #[test]
    fn every_choice_notation() {
        assert_eq!(parse_choice("A,B"), set(&[0, 1]));
        assert_eq!(parse_choice("AB"), set(&[0, 1]));
        assert_eq!(parse_choice("a、c"), set(&[0, 2]));
        assert_eq!(parse_choice("Ｂ，Ｄ"), set(&[1, 3]));
        assert_eq!(parse_choice(" C "), set(&[2]));
        assert_eq!(parse_choice("I"), None, "only A to H");
        assert_eq!(parse_choice("对"), None);
        assert_eq!(parse_choice(""), None);
    }

    #[test]
    fn every_true_false_notation() {
        for t in ["正确", "对", "√", "T", "true", "是"] {
            assert_eq!(parse_true_false(t), Some(true), "{t}");
        }
        for f in ["错误", "错", "×", "F", "False", "否", "x"] {
            assert_eq!(parse_true_false(f), Some(false), "{f}");
        }
        assert_eq!(parse_true_false("也许"), None);
    }

    #[test]
    fn blanks_and_alternatives() {
        assert_eq!(
            parse_blanks("四个一｜4个1；封闭培训"),
            Some(vec![
                vec!["四个一".into(), "4个1".into()],
                vec!["封闭培训".into()]
            ])
        );
        assert_eq!(parse_blanks(" ； "), None);
    }

    #[test]
    fn answers_read_back_what_is_written() {
        for (kind, text) in [
            (QuestionKind::Multiple, "ACD"),
            (QuestionKind::TrueFalse, "错误"),
            (QuestionKind::FillBlank, "每周|每星期；半年"),
        ] {
            let a = parse_answer(kind, text).unwrap_or(Answer::Reference(String::new()));
            assert_eq!(format_answer(&a), text);
        }
    }
}
