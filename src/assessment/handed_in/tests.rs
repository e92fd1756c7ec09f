use chrono::DateTime;

use super::*;
use crate::assessment::form::{builtin_templates, Author};
use crate::record::{DeviceId, Meta};
use crate::sorted::SortedMap;

fn dev() -> DeviceId {
    DeviceId("a".into())
}

fn cadre(name: &str, unit: &str) -> Cadre {
    Cadre {
        meta: Meta::new(&dev(), DateTime::default()),
        name: name.into(),
        unit: unit.into(),
        post: String::new(),
        phone: String::new(),
        retired: false,
    }
}

fn form(t: &FormTemplate, name: &str, unit: &str, at: i64) -> FilledForm {
    FilledForm {
        meta: Meta::new(&dev(), DateTime::default()),
        template_id: t.meta.id,
        year: 2026,
        author: Author {
            name: name.into(),
            unit: unit.into(),
            post: String::new(),
        },
        answers: SortedMap::new(),
        submitted_at: DateTime::from_timestamp(at, 0),
        deleted: false,
    }
}

fn round(rated: Vec<Id>) -> Evaluation {
    let meta = Meta::new(&dev(), DateTime::default());
    Evaluation::new(meta, 2026, "评议", rated, Evaluation::default_groups())
}

#[test]
fn a_unit_typed_another_way_is_handed_in_not_missing() {
    let templates = builtin_templates(DateTime::default(), &dev());
    let t = &templates[1];
    let roster = vec![cadre("王五", "综治办"), cadre("赵六", "农业站")];
    let handed = form(t, "王五", "综治办公室", 10);
    let forms = vec![&handed];
    let expected = expected(2026, &[], &roster);
    assert_eq!(expected.basis(), "名册");
    let missing: Vec<&str> = missing(&expected, t.family, 2026, &forms, &templates, &roster)
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(missing, vec!["赵六"]);
}

#[test]
fn only_the_rated_are_expected_once_a_round_exists() {
    let templates = builtin_templates(DateTime::default(), &dev());
    let roster = vec![cadre("王五", "综治办"), cadre("秘书", "党政办")];
    let r = round(vec![roster[0].meta.id]);
    let expected = expected(2026, &[&r], &roster);
    assert_eq!(expected.people().len(), 1);
    assert_eq!(expected.people()[0].name, "王五");
    assert_eq!(
        missing(
            &expected,
            templates[1].family,
            2026,
            &[],
            &templates,
            &roster
        )
        .len(),
        1,
        "the office's staff who are not rated are not 未交"
    );
}

#[test]
fn of_two_submitted_forms_the_later_one_comes_first() {
    let templates = builtin_templates(DateTime::default(), &dev());
    let t = &templates[1];
    let roster = vec![cadre("王五", "综治办")];
    let (early, late) = (form(t, "王五", "综治办", 10), form(t, "王五", "综治办", 20));
    let forms = vec![&early, &late];
    let found = submitted_by(&roster[0], t.family, 2026, &forms, &templates, &roster);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].meta.id, late.meta.id);
}

#[test]
fn the_self_grade_comes_from_the_last_submitted_and_says_there_were_two() {
    use crate::assessment::form::Answer;
    let templates = builtin_templates(DateTime::default(), &dev());
    let Some(t) = templates
        .iter()
        .find(|t| t.items().any(|i| i.label == "自评等次"))
    else {
        panic!("no built-in self-assessment")
    };
    let key = t
        .items()
        .find(|i| i.label == "自评等次")
        .map(|i| i.key)
        .unwrap_or(0);
    let roster = vec![cadre("王五", "综治办")];
    let mut early = form(t, "王五", "综治办", 10);
    early.answers.insert(key, Answer::Choice("优秀".into()));
    let mut late = form(t, "王五", "综治办公室", 20);
    late.answers.insert(key, Answer::Choice("称职".into()));
    let one = self_grade(&roster[0], 2026, &[&early], &templates, &roster);
    assert_eq!(one.as_deref(), Some("优秀"));
    let both = self_grade(&roster[0], 2026, &[&late, &early], &templates, &roster);
    assert_eq!(both.as_deref(), Some("称职（交了 2 份，按最后提交的）"));
    let reversed = self_grade(&roster[0], 2026, &[&early, &late], &templates, &roster);
    assert_eq!(
        reversed, both,
        "the same whatever the order they are stored in"
    );
}
