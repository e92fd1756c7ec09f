use chrono::DateTime;

use super::*;
use crate::record::DeviceId;

fn dev() -> DeviceId {
    DeviceId("a".into())
}

fn templates() -> Vec<FormTemplate> {
    builtin_templates(DateTime::default(), &dev())
}

fn form(template: &FormTemplate, name: &str, year: i32) -> FilledForm {
    FilledForm {
        meta: Meta::new(&dev(), DateTime::default()),
        template_id: template.meta.id,
        year,
        author: Author {
            name: name.into(),
            unit: "农业站".into(),
            post: String::new(),
        },
        answers: SortedMap::new(),
        submitted_at: Some(DateTime::default()),
        deleted: false,
    }
}

#[test]
fn the_builtin_templates_are_valid_and_name_the_sources_parts() {
    let t = templates();
    assert!(t.iter().all(|t| t.check().is_ok()));
    let report: Vec<&str> = t[0].sections.iter().map(|s| s.title.as_str()).collect();
    assert!(report.starts_with(&["部门工作情况", "个人履行职责情况", "廉洁勤政情况"]));
    let labels: Vec<&str> = t[1].items().map(|i| i.label.as_str()).collect();
    assert!(labels.iter().any(|l| l.contains("四多四少")));
    assert!(labels.iter().any(|l| l.starts_with("廉")));
}

#[test]
fn the_total_weighs_scores_against_their_maximum() {
    let t = &templates()[1];
    let mut answers = SortedMap::new();
    for key in 1..=5 {
        answers.insert(key, Answer::Score(if key == 1 { 10 } else { 20 }));
    }
    // Four at full marks and one at half, equal weights: 90 %.
    assert_eq!(t.total(&answers).map(|x| x.round()), Some(90.0));
    assert_eq!(
        templates()[0].total(&answers),
        None,
        "a report has no scores"
    );
}

#[test]
fn answers_are_checked_against_the_template() {
    let t = &templates()[1];
    let mut f = form(t, "张三", 2026);
    f.answers.insert(1, Answer::Score(21));
    assert!(f.check_against(t).is_err(), "above the maximum");
    f.answers.insert(1, Answer::Score(20));
    f.answers.insert(7, Answer::Choice("也许".into()));
    assert!(f.check_against(t).is_err(), "not an option");
    f.answers.insert(7, Answer::Choice("有所存在".into()));
    assert!(f.check_against(t).is_ok());
    f.answers.insert(999, Answer::Text("?".into()));
    assert!(f.check_against(t).is_err(), "unknown item");
}

#[test]
fn editing_a_used_template_makes_a_new_version() {
    let t = templates()[0].clone();
    let mut edit = t.clone();
    edit.name = "年度述职报告（修订）".into();
    let fresh = Meta::new(&dev(), DateTime::default());
    let same = t.edited(edit.clone(), false, fresh.clone());
    assert_eq!((same.meta.id, same.version), (t.meta.id, 1));
    let next = t.edited(edit, true, fresh.clone());
    assert_eq!(
        (next.meta.id, next.family, next.version),
        (fresh.id, t.family, 2)
    );
    assert_eq!(next.name, "年度述职报告（修订）");
}

#[test]
fn received_forms_are_flagged_for_template_year_repeats_and_drafts() {
    let t = templates();
    let a = form(&t[0], "张三", 2026);
    let b = form(&t[0], "张三", 2026);
    let c = form(&t[1], "张三", 2026);
    let mut d = form(&t[0], "李四", 2025);
    d.submitted_at = None;
    let mut unknown = form(&t[0], "王五", 2026);
    unknown.template_id = uuid::Uuid::from_u128(1);
    let all = [&a, &b, &c, &d, &unknown];
    assert_eq!(flags(&a, &all, &t, 2026), vec![FormFlag::Repeated]);
    assert_eq!(
        flags(&c, &all, &t, 2026),
        vec![],
        "another template is not a repeat"
    );
    assert_eq!(
        flags(&d, &all, &t, 2026),
        vec![FormFlag::OtherYear, FormFlag::NotSubmitted]
    );
    assert_eq!(
        flags(&unknown, &all, &t, 2026),
        vec![FormFlag::UnknownTemplate]
    );
}

#[test]
fn words_are_counted_as_characters_without_spaces() {
    assert_eq!(word_count("一、 认真学习\n二、Work 2"), 13);
}

#[test]
fn a_form_is_stored_as_the_plain_form() {
    let t = &templates()[0];
    let f = SelfAssessment(form(t, "张三", 2026));
    let json = serde_json::to_value(&f).unwrap_or_default();
    assert!(
        json.get("meta").is_some(),
        "transparent: the store's key path is meta.id"
    );
}
