//! Finding the roster person a file names: people type their unit in more than one way
//! (综治办公室 for 综治办, with spaces or brackets), and one person must not count as two.

use super::model::Cadre;
use super::names::clean_name;

/// How a name and unit from a file match the roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonMatch<'a> {
    /// Same name, same unit.
    Exact(&'a Cadre),
    /// Same name; the unit was written another way (the roster's is the one to use).
    UnitWrittenDifferently(&'a Cadre),
    /// Same name and a close unit for more than one person: the file cannot say which.
    Ambiguous,
    NotInRoster,
}

impl<'a> PersonMatch<'a> {
    pub fn cadre(self) -> Option<&'a Cadre> {
        match self {
            PersonMatch::Exact(c) | PersonMatch::UnitWrittenDifferently(c) => Some(c),
            PersonMatch::Ambiguous | PersonMatch::NotInRoster => None,
        }
    }
}

/// A unit reduced to what tells units apart: no spaces or brackets, "办公室" read as "办".
fn unit_key(unit: &str) -> String {
    unit.chars()
        .filter(|c| !c.is_whitespace() && !"()（）[]【】“”\"'·-—".contains(*c))
        .collect::<String>()
        .replace("办公室", "办")
        .replace("委员会", "委")
        .to_ascii_lowercase()
}

/// Whether two ways of writing a unit name one unit: equal once reduced, or one the other's
/// short form (党政办 / 镇党政办; 综治办 / 综治办公室).
pub fn same_unit(a: &str, b: &str) -> bool {
    let (a, b) = (unit_key(a), unit_key(b));
    if a.is_empty() || b.is_empty() {
        return a == b;
    }
    a == b
        || (a.chars().count() >= 2 && b.contains(&a))
        || (b.chars().count() >= 2 && a.contains(&b))
}

/// Whether two name-and-unit pairs written by people name one person (the same name, the unit
/// written either way). Where a roster is at hand, `find_person` also tells apart two people
/// of one name in close units; this is for comparing two files' authors with each other.
pub fn same_person(name: &str, unit: &str, other_name: &str, other_unit: &str) -> bool {
    clean_name(name) == clean_name(other_name) && same_unit(unit, other_unit)
}

pub fn find_person<'a>(roster: &'a [Cadre], name: &str, unit: &str) -> PersonMatch<'a> {
    let name = clean_name(name);
    let named: Vec<&Cadre> = roster
        .iter()
        .filter(|c| clean_name(&c.name) == name)
        .collect();
    if let Some(c) = named.iter().find(|c| c.unit.trim() == unit.trim()) {
        return PersonMatch::Exact(c);
    }
    let close: Vec<&&Cadre> = named.iter().filter(|c| same_unit(&c.unit, unit)).collect();
    match close.as_slice() {
        [] => PersonMatch::NotInRoster,
        [one] => PersonMatch::UnitWrittenDifferently(one),
        _ => PersonMatch::Ambiguous,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cadre(name: &str, unit: &str) -> Cadre {
        Cadre::sample(name, unit)
    }

    #[test]
    fn a_unit_written_another_way_is_the_same_person() {
        let roster = [
            cadre("张三", "综治办"),
            cadre("李四", "党政办"),
            cadre("王五", "财政所"),
        ];
        assert_eq!(
            find_person(&roster, "张三", "综治办").cadre(),
            Some(&roster[0])
        );
        assert!(matches!(
            find_person(&roster, " 张三 ", "综治办公室"),
            PersonMatch::UnitWrittenDifferently(c) if c.name == "张三"
        ));
        assert!(matches!(
            find_person(&roster, "李四", "镇党政办"),
            PersonMatch::UnitWrittenDifferently(_)
        ));
        assert!(matches!(
            find_person(&roster, "李四", "（党政办）"),
            PersonMatch::UnitWrittenDifferently(_)
        ));
        assert_eq!(
            find_person(&roster, "王五", "城建办"),
            PersonMatch::NotInRoster,
            "another unit"
        );
        assert_eq!(
            find_person(&roster, "赵六", "综治办"),
            PersonMatch::NotInRoster
        );
    }

    #[test]
    fn two_people_of_one_name_in_close_units_are_not_guessed() {
        let roster = [cadre("张三", "综治办"), cadre("张三", "综治中心综治办")];
        assert_eq!(
            find_person(&roster, "张三", "综治办公室"),
            PersonMatch::Ambiguous
        );
        assert!(!same_unit("办", "党政办"), "one character is no short form");
        assert!(same_unit("", "") && !same_unit("", "党政办"));
    }

    #[test]
    fn one_person_is_one_person_however_the_unit_was_typed() {
        assert!(same_person("王五", "综治办公室", " 王五", "综治办"));
        assert!(same_person("王五", "镇党政办", "王五", "党政办"));
        assert!(!same_person("王五", "综治办", "王五", "财政所"));
        assert!(!same_person("王五", "综治办", "王六", "综治办"));
    }
}
