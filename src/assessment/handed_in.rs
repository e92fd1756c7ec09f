//! Who has handed in which form: the one rule the 收表 list, 未交 and the result sheet's 本人自评
//! read. A form belongs to the roster person `roster::matching` finds for its author (a unit
//! typed another way is the same person); a person with several submitted forms of a family
//! is counted once, by the one submitted last.

use super::form::{FilledForm, FormTemplate};
use super::model::Evaluation;
use crate::record::Id;
use crate::roster::matching::find_person;
use crate::roster::model::Cadre;

/// Whose forms a year expects: the people rated in that year's rounds, or — before any round
/// of the year exists — everyone active on the roster.
pub fn expected<'a>(year: i32, rounds: &[&Evaluation], roster: &'a [Cadre]) -> Expected<'a> {
    let rated: Vec<Id> = rounds
        .iter()
        .filter(|r| r.year == year && !r.deleted)
        .flat_map(|r| r.rated.iter().copied())
        .collect();
    if rated.is_empty() {
        return Expected::Roster(roster.iter().filter(|c| !c.retired).collect());
    }
    Expected::Rated(
        roster
            .iter()
            .filter(|c| rated.contains(&c.meta.id))
            .collect(),
    )
}

/// The people a year expects forms from, and why those.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected<'a> {
    /// Rated in the year's rounds.
    Rated(Vec<&'a Cadre>),
    /// No round yet: the active roster.
    Roster(Vec<&'a Cadre>),
}

impl<'a> Expected<'a> {
    pub fn people(&self) -> &[&'a Cadre] {
        match self {
            Expected::Rated(p) | Expected::Roster(p) => p,
        }
    }

    pub fn basis(&self) -> &'static str {
        match self {
            Expected::Rated(_) => "本年度被评议人",
            Expected::Roster(_) => "名册",
        }
    }
}

/// A person's submitted forms of `family` in `year`, latest first.
pub fn submitted_by<'f>(
    person: &Cadre,
    family: Id,
    year: i32,
    forms: &[&'f FilledForm],
    templates: &[FormTemplate],
    roster: &[Cadre],
) -> Vec<&'f FilledForm> {
    let mut found: Vec<&FilledForm> = forms
        .iter()
        .copied()
        .filter(|f| f.year == year && f.is_submitted() && !f.deleted)
        .filter(|f| {
            templates
                .iter()
                .any(|t| t.meta.id == f.template_id && t.family == family)
        })
        .filter(|f| {
            find_person(roster, &f.author.name, &f.author.unit)
                .cadre()
                .is_some_and(|c| c.meta.id == person.meta.id)
        })
        .collect();
    latest_first(&mut found);
    found
}

/// Those expected who have not handed in a form of `family`.
pub fn missing<'a>(
    expected: &Expected<'a>,
    family: Id,
    year: i32,
    forms: &[&FilledForm],
    templates: &[FormTemplate],
    roster: &[Cadre],
) -> Vec<&'a Cadre> {
    expected
        .people()
        .iter()
        .copied()
        .filter(|c| submitted_by(c, family, year, forms, templates, roster).is_empty())
        .collect()
}

/// The 自评等次 a person gave themself in a year: from the self-assessment submitted last, and
/// the sheet says so when there were several.
pub fn self_grade(
    person: &Cadre,
    year: i32,
    self_assessments: &[&FilledForm],
    templates: &[FormTemplate],
    roster: &[Cadre],
) -> Option<String> {
    let mut families: Vec<Id> = templates
        .iter()
        .filter(|t| t.items().any(|i| i.label == "自评等次"))
        .map(|t| t.family)
        .collect();
    families.dedup();
    let mut found: Vec<&FilledForm> = families
        .iter()
        .flat_map(|family| submitted_by(person, *family, year, self_assessments, templates, roster))
        .collect();
    latest_first(&mut found);
    let latest = found.first()?;
    let template = templates.iter().find(|t| t.meta.id == latest.template_id)?;
    let item = template.items().find(|i| i.label == "自评等次")?;
    let grade = match latest.answers.get(&item.key) {
        Some(super::form::Answer::Choice(c)) => c.clone(),
        _ => return None,
    };
    Some(match found.len() {
        1 => grade,
        n => format!("{grade}（交了 {n} 份，按最后提交的）"),
    })
}

/// Latest submission first; forms never submitted last (the order of
/// `Reverse(submitted_at)`, through the app's one sort).
fn latest_first(forms: &mut [&FilledForm]) {
    crate::order::sort_by(forms, |f| {
        crate::order::Key::int(
            f.submitted_at
                .map_or(i64::MAX, |t| -crate::order::moment(t)),
        )
    });
}

#[cfg(test)]
mod tests;
