use chrono::DateTime;

use super::*;
use crate::admonition::deadline::DeadlineRule;
use crate::admonition::identity::OfficeIdentity;
use crate::admonition::model::{By, Rectification};
use crate::record::{DeviceId, Meta};
use crate::roster::model::CadreFields;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

fn meta() -> Meta {
    Meta::new(&DeviceId("a".into()), DateTime::default())
}

fn zhang() -> Cadre {
    Cadre::new(
        meta(),
        CadreFields {
            name: "张三".into(),
            unit: "农业站".into(),
            post: "站长".into(),
            phone: String::new(),
        },
    )
}

fn case(cadre: &Cadre) -> Admonition {
    let mut opening = crate::admonition::testing::opening("2026-05-11");
    opening.cadre = Some(cadre.meta.id);
    opening.matter = "办事推诿".into();
    opening.facts = String::new();
    let opened = Admonition::open(
        meta(),
        opening,
        DeadlineRule::default(),
        &[],
        crate::admonition::testing::by(),
    )
    .unwrap_or_else(|e| panic!("{}", e.user_message()));
    crate::admonition::register::give_number(
        &opened,
        DocKind::Notice,
        "某镇诫",
        d("2026-05-08"),
        &[],
        &|_| String::new(),
    )
    .unwrap_or_else(|e| panic!("{}", e.user_message()))
}

fn office() -> OfficeIdentity {
    OfficeIdentity {
        township: "某某镇".into(),
        issuer: "中共某某镇委员会".into(),
        mark: "中共某某镇委员会文件".into(),
        prefixes: [(DocKind::Notice, "某镇诫".to_string())].into(),
    }
}

fn builtin(kind: DocKind) -> DocumentTemplate {
    DocumentTemplate::builtin(kind, meta())
}

#[test]
fn a_notice_goes_out_numbered_signed_and_dated_in_arabic_digits() {
    let zhang = zhang();
    let doc = compose(
        &builtin(DocKind::Notice),
        &office(),
        &case(&zhang),
        Some(&zhang),
        d("2026-05-18"),
    )
    .unwrap_or_else(|e| panic!("{}", e.user_message()));
    assert_eq!(doc.number.as_deref(), Some("某镇诫〔2026〕1号"));
    assert_eq!(doc.mark.as_deref(), Some("中共某某镇委员会文件"));
    assert_eq!(doc.issuer, "中共某某镇委员会");
    assert_eq!(doc.date, "2026年5月18日");
    assert_eq!(doc.paragraphs[0].text, "张三同志：");
    assert!(!doc.paragraphs[0].indent);
    assert!(
        doc.paragraphs.iter().all(|p| !p.text.contains("＿")),
        "{doc:?}"
    );
}

#[test]
fn the_cadres_own_report_is_addressed_to_the_office_and_signed_once_by_them() {
    let zhang = zhang();
    let by = By {
        name: "党政办",
        at: DateTime::default(),
        today: d("2027-12-31"),
    };
    let rectified = case(&zhang)
        .submit_rectification(
            &[],
            Rectification {
                submitted: d("2026-05-15"),
                measures: "一、每周下村两次。".into(),
            },
            by,
        )
        .unwrap_or_else(|e| panic!("{}", e.user_message()));
    let doc = compose(
        &builtin(DocKind::RectificationReport),
        &office(),
        &rectified,
        Some(&zhang),
        d("2026-05-18"),
    )
    .unwrap_or_else(|e| panic!("{}", e.user_message()));
    assert_eq!(doc.paragraphs[0].text, "中共某某镇委员会：");
    assert_eq!(
        (doc.issuer.as_str(), doc.date.as_str()),
        ("报告人：张三", "2026年5月15日")
    );
    let dates = doc
        .paragraphs
        .iter()
        .filter(|p| p.text.contains("2026年5月15日"))
        .count();
    assert_eq!(dates, 0, "dated once, in the 落款");
    assert_eq!(doc.mark, None, "no 版头 on a personal report");
}

#[test]
fn the_talk_record_is_signed_on_three_lines_of_its_own() {
    let zhang = zhang();
    let doc = compose(
        &builtin(DocKind::TalkRecord),
        &office(),
        &case(&zhang),
        Some(&zhang),
        d("2026-05-18"),
    )
    .unwrap_or_else(|e| panic!("{}", e.user_message()));
    let last: Vec<&str> = doc
        .paragraphs
        .iter()
        .rev()
        .take(3)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(last, vec!["记录人签字：", "谈话人签字：", "被诫勉人签字："]);
    assert!(doc.paragraphs.iter().rev().take(3).all(|p| !p.indent));
    assert_eq!(
        (doc.issuer.as_str(), doc.date.as_str()),
        ("", "2026年5月11日")
    );
}

#[test]
fn dates_are_written_in_arabic_digits() {
    assert_eq!(text_date(d("2026-11-28")), "2026年11月28日");
    assert_eq!(text_date(d("2030-01-05")), "2030年1月5日");
}
