use chrono::DateTime;

use super::*;
use crate::quiz::attempt::Respondent;
use crate::record::{DeviceId, Meta};
use crate::sorted::SortedSet;

fn at(minutes: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_000_000 + minutes * 60, 0).unwrap_or_default()
}

fn quiz(codes: AnswerCodes) -> Quiz {
    let mut q: Quiz = serde_json::from_value(serde_json::json!({
        "meta": Meta::new(&DeviceId("secretary".into()), at(0)),
        "title": "上半年测验", "paper": [], "pass_mark": 0, "seed": 1
    }))
    .unwrap_or_else(|e| panic!("{e}"));
    q.codes = codes;
    q
}

fn sheet(quiz: &Quiz, name: &str, code: Option<String>) -> Attempt {
    let mut a = Attempt::start(
        Meta::new(&DeviceId(name.into()), at(1)),
        quiz.meta.id,
        Respondent {
            name: name.into(),
            unit: "城建办".into(),
        },
        at(1),
        Some(30),
        code,
    );
    let _ = a.answer(0, Response::Choice(SortedSet::from([1])), at(2));
    let _ = a.submit(at(10), false);
    a
}

#[test]
fn a_code_is_six_digits_whose_check_digit_catches_typing_slips() {
    let code = code_for("k", "李四");
    assert_eq!(code.len(), 6);
    assert_eq!(read_code(&code), Some(code.clone()));
    assert_eq!(
        read_code(&format!(" {}-{} ", &code[..3], &code[3..])),
        Some(code.clone())
    );
    assert_eq!(
        code_for("k", " 李 四"),
        code,
        "spaces in the name do not matter"
    );
    assert_ne!(code_for("k", "张三"), code);
    assert_ne!(code_for("other key", "李四"), code);
    // Every single wrong digit and every swap of two different neighbours is refused.
    let digits: Vec<u8> = code.bytes().collect();
    for i in 0..6 {
        for d in b'0'..=b'9' {
            if d != digits[i] {
                let mut typo = digits.clone();
                typo[i] = d;
                assert_eq!(read_code(&String::from_utf8_lossy(&typo)), None);
            }
        }
        if i < 5 && digits[i] != digits[i + 1] {
            let mut swapped = digits.clone();
            swapped.swap(i, i + 1);
            assert_eq!(read_code(&String::from_utf8_lossy(&swapped)), None);
        }
    }
    assert_eq!(read_code("12345"), None);
    assert_eq!(read_code("一二三四五六"), None);
}

#[test]
fn a_sheet_answered_with_its_code_matches_and_keeps_no_code() {
    let q = quiz(AnswerCodes::Keyed { key: "k".into() });
    let a = sheet(&q, "李四", Some(code_for("k", "李四")));
    assert!(a.check.is_some());
    assert!(!serde_json::to_string(&a)
        .unwrap_or_default()
        .contains(&code_for("k", "李四")));
    assert_eq!(verify(&q, &a), Some(CheckFinding::Matches));
    // Read back from its file, it still matches.
    let back: Attempt = serde_json::from_str(&serde_json::to_string(&a).unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(verify(&q, &back), Some(CheckFinding::Matches));
}

#[test]
fn an_edited_sheet_another_persons_name_or_no_check_is_found() {
    let q = quiz(AnswerCodes::Keyed { key: "k".into() });
    let a = sheet(&q, "李四", Some(code_for("k", "李四")));
    let mut edited = a.clone();
    edited
        .answers
        .insert(0, Response::Choice(SortedSet::from([2])));
    assert_eq!(verify(&q, &edited), Some(CheckFinding::Mismatch));
    let mut renamed = a.clone();
    renamed.respondent.name = "张三".into();
    assert_eq!(verify(&q, &renamed), Some(CheckFinding::Mismatch));
    // Signed with 张三's code but sent as 李四's.
    let borrowed = sheet(&q, "李四", Some(code_for("k", "张三")));
    assert_eq!(verify(&q, &borrowed), Some(CheckFinding::Mismatch));
    let unsigned = sheet(&q, "李四", None);
    assert_eq!(verify(&q, &unsigned), Some(CheckFinding::Missing));
}

#[test]
fn only_the_office_quiz_verifies_and_the_package_keeps_no_key() {
    let keyed = quiz(AnswerCodes::Keyed { key: "k".into() });
    let package = keyed.for_package();
    assert_eq!(package.codes, AnswerCodes::Asked);
    assert!(!serde_json::to_string(&package)
        .unwrap_or_default()
        .contains("\"key\""));
    let a = sheet(&keyed, "李四", Some(code_for("k", "李四")));
    assert_eq!(verify(&package, &a), None);
    assert_eq!(verify(&quiz(AnswerCodes::None), &a), None);
}

/// The codes are read from `kind` and the key (`CodesFields`) as they were written; a keyed
/// quiz without its key is refused.
#[test]
fn the_codes_read_back_as_written() {
    for codes in [
        AnswerCodes::None,
        AnswerCodes::Asked,
        AnswerCodes::Keyed { key: "k".into() },
    ] {
        let text = serde_json::to_string(&codes).unwrap_or_default();
        assert_eq!(serde_json::from_str::<AnswerCodes>(&text).ok(), Some(codes));
    }
    assert_eq!(
        serde_json::from_str::<AnswerCodes>(r#"{"key":"k","kind":"keyed"}"#).ok(),
        Some(AnswerCodes::Keyed { key: "k".into() })
    );
    for bad in [r#"{"kind":"keyed"}"#, r#"{"kind":"open"}"#, r#"{}"#] {
        assert!(serde_json::from_str::<AnswerCodes>(bad).is_err(), "{bad}");
    }
}
