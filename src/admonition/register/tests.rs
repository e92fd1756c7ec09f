use super::*;
use crate::admonition::testing::{by, case, d};

const PREFIX: &str = "某镇诫";

fn prefix_of(_: DocKind) -> String {
    PREFIX.into()
}

fn give(c: &Admonition, kind: DocKind, prefix: &str, date: &str, all: &[Admonition]) -> Admonition {
    give_number(c, kind, prefix, d(date), all, &prefix_of)
        .unwrap_or_else(|e| panic!("{}", e.user_message()))
}

fn text(c: &Admonition, kind: DocKind) -> Option<String> {
    c.numbers.get(&kind).map(|n| n.format(""))
}

#[test]
fn one_sequence_per_prefix_and_year_shared_by_every_kind() {
    let a = give(
        &case("2026-01-05"),
        DocKind::Notice,
        PREFIX,
        "2026-01-05",
        &[],
    );
    let b = give(
        &case("2026-02-05"),
        DocKind::Notice,
        PREFIX,
        "2026-02-05",
        std::slice::from_ref(&a),
    );
    // A 通报 under the same 代字 takes the next number, not a second 1号.
    let c = give(
        &b,
        DocKind::Circular,
        PREFIX,
        "2026-03-01",
        &[a.clone(), b.clone()],
    );
    assert_eq!(
        text(&a, DocKind::Notice).as_deref(),
        Some("某镇诫〔2026〕1号")
    );
    assert_eq!(
        text(&b, DocKind::Notice).as_deref(),
        Some("某镇诫〔2026〕2号")
    );
    assert_eq!(
        text(&c, DocKind::Circular).as_deref(),
        Some("某镇诫〔2026〕3号")
    );
    // Another 代字 has its own sequence; another year starts again.
    let e = give(
        &case("2026-03-05"),
        DocKind::LiftDecision,
        "某镇解",
        "2026-09-05",
        &[a.clone(), c.clone()],
    );
    assert_eq!(
        text(&e, DocKind::LiftDecision).as_deref(),
        Some("某镇解〔2026〕1号")
    );
    let f = give(
        &case("2026-12-28"),
        DocKind::Notice,
        PREFIX,
        "2027-01-04",
        &[a.clone(), c.clone()],
    );
    assert_eq!(
        text(&f, DocKind::Notice).as_deref(),
        Some("某镇诫〔2027〕1号")
    );
    // A number is given once; a kind without a 代字 or not numbered is refused.
    assert_eq!(
        give_number(
            &a,
            DocKind::Notice,
            PREFIX,
            d("2026-01-06"),
            &[],
            &prefix_of
        )
        .err(),
        Some(NumberError::Already(DocKind::Notice))
    );
    assert_eq!(
        give_number(&a, DocKind::Circular, " ", d("2026-01-06"), &[], &prefix_of).err(),
        Some(NumberError::NoPrefix(DocKind::Circular))
    );
    assert!(give_number(
        &a,
        DocKind::TalkRecord,
        PREFIX,
        d("2026-01-06"),
        &[],
        &prefix_of
    )
    .is_err());
    // The register of 2026 lists them by 代字 and number.
    let all = [c, e, f];
    let rows: Vec<String> = register(&all, 2026, &prefix_of)
        .iter()
        .map(|r| format!("{} {}", r.text(), r.kind.label()))
        .collect();
    assert_eq!(
        rows,
        [
            "某镇解〔2026〕1号 解除诫勉决定书",
            "某镇诫〔2026〕2号 诫勉谈话通知书",
            "某镇诫〔2026〕3号 诫勉情况通报"
        ]
    );
}

#[test]
fn a_withdrawn_number_stays_used_and_listed() {
    let a = give(
        &case("2026-01-05"),
        DocKind::Notice,
        PREFIX,
        "2026-01-05",
        &[],
    );
    assert!(
        void_number(&a, DocKind::Notice, "  ", &by()).is_err(),
        "a reason is required"
    );
    let voided = void_number(&a, DocKind::Notice, "误编", &by())
        .unwrap_or_else(|e| panic!("{}", e.user_message()));
    assert!(voided.numbers.is_empty());
    // Numbered again: 2号, never 1号 twice.
    let again = give(
        &voided,
        DocKind::Notice,
        PREFIX,
        "2026-01-06",
        std::slice::from_ref(&voided),
    );
    assert_eq!(
        text(&again, DocKind::Notice).as_deref(),
        Some("某镇诫〔2026〕2号")
    );
    let all = [again];
    let states: Vec<(u32, String)> = register(&all, 2026, &prefix_of)
        .iter()
        .map(|r| (r.number.seq, r.state.label()))
        .collect();
    assert_eq!(
        states,
        [
            (1, "2027-12-31 作废：误编".to_string()),
            (2, "在用".to_string())
        ]
    );
}

#[test]
fn a_date_moved_into_another_year_asks_to_renumber() {
    let a = give(
        &case("2026-12-28"),
        DocKind::Notice,
        PREFIX,
        "2027-01-04",
        &[],
    );
    assert_eq!(
        year_differs(&a, DocKind::Notice, d("2026-12-30")),
        Some(2027)
    );
    assert_eq!(year_differs(&a, DocKind::Notice, d("2027-01-05")), None);
    let fixed = renumber(
        &a,
        DocKind::Notice,
        PREFIX,
        d("2026-12-30"),
        std::slice::from_ref(&a),
        &prefix_of,
        &by(),
    )
    .unwrap_or_else(|e| panic!("{}", e.user_message()));
    assert_eq!(
        text(&fixed, DocKind::Notice).as_deref(),
        Some("某镇诫〔2026〕1号")
    );
    assert_eq!(
        fixed.voided.first().map(|v| v.reason.as_str()),
        Some("成文日期改为 2026 年，重新编号")
    );
}

#[test]
fn a_deleted_cases_numbers_are_kept_and_never_given_again() {
    let mut gone = give(
        &case("2026-01-05"),
        DocKind::Notice,
        PREFIX,
        "2026-01-05",
        &[],
    );
    gone.deleted = true;
    let next = give(
        &case("2026-02-05"),
        DocKind::Notice,
        PREFIX,
        "2026-02-05",
        std::slice::from_ref(&gone),
    );
    assert_eq!(
        text(&next, DocKind::Notice).as_deref(),
        Some("某镇诫〔2026〕2号")
    );
    let all = [gone, next];
    let rows = register(&all, 2026, &prefix_of);
    assert_eq!(
        rows.first().map(|r| r.state.clone()),
        Some(NumberState::CaseDeleted)
    );
    // Numbers given before the 代字 was kept with them count under the kind's 代字 now.
    let mut old = case("2026-03-05");
    old.numbers.insert(
        DocKind::Notice,
        DocumentNumber {
            year: 2026,
            seq: 7,
            prefix: String::new(),
            date: None,
        },
    );
    let later = give(
        &case("2026-04-05"),
        DocKind::Circular,
        PREFIX,
        "2026-04-05",
        &[old],
    );
    assert_eq!(
        text(&later, DocKind::Circular).as_deref(),
        Some("某镇诫〔2026〕8号")
    );
}
