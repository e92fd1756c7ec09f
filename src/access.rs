//! What each role may open: the one table the navigation, 首页's tiles and the router read.
//! The roster and admonition cases hold personal data and are the office's; a cadre who
//! follows a link or types an address to them is taken to their 首页 and told why.

use crate::store::settings::Role;

/// The app's sections, as the navigation names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Home,
    Roster,
    Quiz,
    Assessment,
    Admonition,
    WorkLine,
    Village,
    Data,
    Profile,
}

impl Section {
    pub const ALL: [Section; 9] = [
        Section::Home,
        Section::Roster,
        Section::Quiz,
        Section::Assessment,
        Section::Admonition,
        Section::WorkLine,
        Section::Village,
        Section::Data,
        Section::Profile,
    ];
}

/// Whether `role` may open `section`.
pub fn may_open(role: Role, section: Section) -> bool {
    match role {
        Role::Office => true,
        Role::Cadre => !matches!(section, Section::Roster | Section::Admonition),
    }
}

/// Why a cadre is taken back to 首页 from `section`.
pub fn refusal(section: Section) -> &'static str {
    match section {
        Section::Roster => "干部名册由党政办维护，这台电脑设为干部使用，已回到首页。",
        Section::Admonition => "谈话诫勉案件是个人信息，只在党政办的电脑上办理，已回到首页。",
        _ => "这一页不在干部的菜单中，已回到首页。",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_office_opens_everything_and_a_cadre_all_but_the_roster_and_cases() {
        for section in Section::ALL {
            assert!(may_open(Role::Office, section), "{section:?}");
            let cadre = may_open(Role::Cadre, section);
            let personal = matches!(section, Section::Roster | Section::Admonition);
            assert_eq!(cadre, !personal, "{section:?}");
        }
        assert!(refusal(Section::Admonition).contains("首页"));
    }
}
