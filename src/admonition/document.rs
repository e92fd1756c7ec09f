//! A case's document as an office issues it: 版头 (when the office has one), number, title,
//! addressee, paragraphs, and the 落款 — the office's 署名 over an Arabic 成文日期 as GB/T
//! 9704-2012 writes it (7.3.5.1), or the cadre's own for a 整改措施报告 — ready for the A4
//! print and the .docx.

use chrono::{Datelike, NaiveDate};

use super::identity::OfficeIdentity;
use super::model::Admonition;
use super::template::{fill, DocKind, DocumentTemplate, Field, Part, TemplateError};
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
    pub kind: DocKind,
    /// 发文机关标志 of the 版头.
    pub mark: Option<String>,
    pub number: Option<String>,
    pub title: String,
    pub paragraphs: Vec<Paragraph>,
    pub issuer: String,
    pub date: String,
}

/// 2026年11月28日: dates in the text and the 成文日期 alike (GB/T 9704-2012 writes Arabic
/// digits; the Chinese numerals of the 1999 edition are not used).
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

/// The document `template` makes for `case`, dated `on`, with what the template leaves empty
/// (代字, 署名) and the 版头 taken from the office.
pub fn compose(
    template: &DocumentTemplate,
    identity: &OfficeIdentity,
    case: &Admonition,
    cadre: Option<&Cadre>,
    on: NaiveDate,
) -> Result<OfficialDocument, TemplateError> {
    let template = &identity.applied(template);
    let value = |f: Field| match f {
        Field::Date => Some(text_date(on)),
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
    // The 落款: the office signs what it issues; a 整改措施报告 is the cadre's own, signed and
    // dated by them; a 谈话记录 is signed on its lines, dated the day of the talk.
    let (issuer, date) = match template.kind {
        DocKind::RectificationReport => (
            cadre
                .map(|c| format!("报告人：{}", c.name))
                .unwrap_or_default(),
            text_date(case.stage.rectification().map_or(on, |r| r.submitted)),
        ),
        DocKind::TalkRecord => (String::new(), text_date(case.talk.date)),
        _ => (template.issuer.clone(), text_date(on)),
    };
    let numbered = template.kind.numbered();
    Ok(OfficialDocument {
        kind: template.kind,
        mark: Some(identity.mark.trim().to_string()).filter(|m| numbered && !m.is_empty()),
        number: numbered
            .then(|| case.numbers.get(&template.kind))
            .flatten()
            .map(|n| n.format(&template.prefix)),
        title,
        paragraphs,
        issuer,
        date,
    })
}

#[cfg(test)]
mod tests;
