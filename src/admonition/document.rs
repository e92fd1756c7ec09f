//! A case's document as an office issues it: number, title, addressee, paragraphs, issuer and a
//! date in Chinese numerals, ready for the A4 print and the .docx.

use chrono::{Datelike, NaiveDate};

use super::model::Admonition;
use super::template::{fill, DocumentTemplate, Field, Part, TemplateError};
use crate::roster::model::Cadre;

/// One paragraph of the body. An addressee line ("张三同志：") starts at the margin; the others
/// are indented by two characters, as official documents are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    pub indent: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialDocument {
    pub number: Option<String>,
    pub title: String,
    pub paragraphs: Vec<Paragraph>,
    pub issuer: String,
    pub date: String,
}

/// 二〇二六年十一月二十八日.
pub fn chinese_date(day: NaiveDate) -> String {
    crate::office::numerals::date(day.year(), day.month(), day.day())
}

/// 2026年11月28日, for dates inside the text.
pub fn text_date(day: NaiveDate) -> String {
    format!("{}年{}月{}日", day.year(), day.month(), day.day())
}

/// The value of each field for one case.
pub fn field_value(
    case: &Admonition,
    cadre: Option<&Cadre>,
    template: &DocumentTemplate,
    field: Field,
) -> Option<String> {
    let rect = case.stage.rectification();
    let review = case.stage.review();
    let date = |d: NaiveDate| Some(text_date(d));
    match field {
        Field::Name => cadre.map(|c| c.name.clone()),
        Field::Unit => cadre.map(|c| c.unit.clone()),
        Field::Post => Some(case.post.clone()),
        Field::Reason => Some(case.reason.label().to_string()),
        Field::Matter => Some(case.matter.clone()),
        Field::Facts => Some(case.facts.clone()),
        Field::TalkDate => date(case.talk.date),
        Field::TalkTime => Some(case.talk.time.clone()),
        Field::Place => Some(case.talk.place.clone()),
        Field::Talker => Some(case.talk.talker.clone()),
        Field::Recorder => Some(case.talk.recorder.clone()),
        Field::Content => Some(case.talk.content.clone()),
        Field::Explanation => Some(case.talk.explanation.clone()),
        Field::Deadline => date(case.deadline),
        Field::Measures => rect.map(|r| r.measures.clone()),
        Field::Submitted => rect.and_then(|r| date(r.submitted)),
        Field::ObservationEnd => match &case.stage {
            super::model::Stage::Observing { until, .. } => date(*until),
            _ => case.history.iter().rev().find_map(|s| match s.event {
                super::model::Event::ObservationStarted { until }
                | super::model::Event::Extended { until } => date(until),
                _ => None,
            }),
        },
        Field::Reviewer => review.map(|r| r.reviewer.clone()),
        Field::ReviewDate => review.and_then(|r| date(r.date)),
        Field::Conclusion => review.map(|r| r.conclusion.clone()),
        Field::Issuer => Some(template.issuer.clone()),
        Field::Number => case
            .numbers
            .get(&template.kind)
            .map(|n| n.format(&template.prefix)),
        Field::Date => None,
    }
}

/// The document `template` makes for `case`, dated `on`.
pub fn compose(
    template: &DocumentTemplate,
    case: &Admonition,
    cadre: Option<&Cadre>,
    on: NaiveDate,
) -> Result<OfficialDocument, TemplateError> {
    let value = |f: Field| match f {
        Field::Date => Some(chinese_date(on)),
        f => field_value(case, cadre, template, f),
    };
    let title = fill(&template.title, Part::Title, &value)?.join("");
    // A multi-line value (measures, what was said) becomes paragraphs of its own.
    let paragraphs = fill(&template.body, Part::Body, &value)?
        .iter()
        .flat_map(|line| line.lines().map(str::to_string).collect::<Vec<_>>())
        .filter(|line| !line.trim().is_empty())
        .map(|text| {
            let indent = !(text.ends_with('：') && text.chars().count() <= 30);
            Paragraph { text, indent }
        })
        .collect();
    Ok(OfficialDocument {
        number: template
            .kind
            .numbered()
            .then(|| case.numbers.get(&template.kind))
            .flatten()
            .map(|n| n.format(&template.prefix)),
        title,
        paragraphs,
        issuer: template.issuer.clone(),
        date: chinese_date(on),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn dates_are_written_in_chinese_numerals() {
        assert_eq!(chinese_date(d("2026-11-28")), "二〇二六年十一月二十八日");
        assert_eq!(chinese_date(d("2030-01-10")), "二〇三〇年一月十日");
        assert_eq!(chinese_date(d("2027-10-31")), "二〇二七年十月三十一日");
        assert_eq!(chinese_date(d("2027-02-19")), "二〇二七年二月十九日");
        assert_eq!(chinese_date(d("2027-12-20")), "二〇二七年十二月二十日");
    }
}
