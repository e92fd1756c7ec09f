//! 未交卷: who on the roster has no sheet for a quiz. A sheet is someone's as the intake
//! decides it (`roster::matching`): a unit written another way is still that person. Pure.

use std::collections::HashSet;

use super::attempt::Attempt;
use crate::roster::matching::find_person;
use crate::roster::model::Cadre;

/// The roster's current people without a sheet among `sheets`, in roster order.
pub fn not_handed_in<'a>(roster: &'a [Cadre], sheets: &[&Attempt]) -> Vec<&'a Cadre> {
    let answered: HashSet<uuid::Uuid> = sheets
        .iter()
        .filter_map(|a| {
            find_person(roster, &a.respondent.name, &a.respondent.unit)
                .cadre()
                .map(|c| c.meta.id)
        })
        .collect();
    roster
        .iter()
        .filter(|c| !c.retired && !answered.contains(&c.meta.id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::attempt::Respondent;
    use crate::record::{DeviceId, Meta};

    fn cadre(name: &str, unit: &str, retired: bool) -> Cadre {
        Cadre {
            retired,
            ..Cadre::sample(name, unit)
        }
    }

    fn sheet(name: &str, unit: &str) -> Attempt {
        Attempt::start(
            Meta::new(&DeviceId("c".into()), chrono::DateTime::default()),
            uuid::Uuid::from_u128(1),
            Respondent {
                name: name.into(),
                unit: unit.into(),
            },
            chrono::DateTime::default(),
            None,
            None,
        )
    }

    #[test]
    fn a_unit_written_another_way_has_handed_in_and_retired_people_are_not_asked() {
        let roster = [
            cadre("王五", "综治办公室", false),
            cadre("李四", "城建办", false),
            cadre("赵六", "财政所", true),
            cadre("孙七", "农业站", false),
        ];
        let sheets = [
            sheet("王五", "综治办"),
            sheet("孙七", "农业站"),
            sheet("路人", "外单位"),
        ];
        let refs: Vec<&Attempt> = sheets.iter().collect();
        let missing: Vec<&str> = not_handed_in(&roster, &refs)
            .into_iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(missing, ["李四"]);
    }
}
