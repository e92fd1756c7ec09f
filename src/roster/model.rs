//! A cadre on the roster, and the checks a cadre's fields must pass wherever they come from.

use serde::{Deserialize, Serialize};

use crate::record::{Entity, Meta};
use crate::store::schema::StoreName;

pub const MAX_NAME_CHARS: usize = 30;
pub const MAX_TEXT_CHARS: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cadre {
    pub meta: Meta,
    pub name: String,
    pub unit: String,
    #[serde(default)]
    pub post: String,
    #[serde(default)]
    pub phone: String,
    /// Retired cadres stay in the roster because records point at them; they are hidden from
    /// pickers.
    #[serde(default)]
    pub retired: bool,
}

impl Entity for Cadre {
    const STORE: StoreName = StoreName::Cadres;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

/// The editable fields of a cadre, as typed in a form or read from a CSV row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CadreFields {
    pub name: String,
    pub unit: String,
    pub post: String,
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CadreError {
    NameMissing,
    NameTooLong,
    UnitMissing,
    TooLong(&'static str),
    PhoneInvalid,
}

impl CadreError {
    pub fn user_message(&self) -> String {
        match self {
            CadreError::NameMissing => "请填写姓名。".into(),
            CadreError::NameTooLong => format!("姓名不能超过 {MAX_NAME_CHARS} 个字。"),
            CadreError::UnitMissing => "请填写单位。".into(),
            CadreError::TooLong(field) => format!("{field}不能超过 {MAX_TEXT_CHARS} 个字。"),
            CadreError::PhoneInvalid => "电话只能包含数字、空格、“-”和“+”，最多 20 位。".into(),
        }
    }
}

impl CadreFields {
    /// Trims every field and checks it; the returned fields are what gets stored.
    pub fn cleaned(&self) -> Result<CadreFields, CadreError> {
        let f = CadreFields {
            // A name copied from a chat or aligned with a full-width space is the same name.
            name: super::names::clean_name(&self.name),
            unit: self.unit.trim().to_string(),
            post: self.post.trim().to_string(),
            phone: self.phone.trim().to_string(),
        };
        f.check()?;
        Ok(f)
    }

    fn check(&self) -> Result<(), CadreError> {
        if self.name.is_empty() {
            return Err(CadreError::NameMissing);
        }
        if self.name.chars().count() > MAX_NAME_CHARS {
            return Err(CadreError::NameTooLong);
        }
        if self.unit.is_empty() {
            return Err(CadreError::UnitMissing);
        }
        if self.unit.chars().count() > MAX_TEXT_CHARS {
            return Err(CadreError::TooLong("单位"));
        }
        if self.post.chars().count() > MAX_TEXT_CHARS {
            return Err(CadreError::TooLong("职务"));
        }
        let phone_ok = self.phone.chars().count() <= 20
            && self
                .phone
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+'));
        if !phone_ok {
            return Err(CadreError::PhoneInvalid);
        }
        Ok(())
    }
}

/// A roster entry for tests across the modules (one builder, not one per test module).
#[cfg(test)]
impl Cadre {
    pub fn sample(name: &str, unit: &str) -> Cadre {
        Cadre::new(
            Meta::new(
                &crate::record::DeviceId("d".into()),
                chrono::DateTime::default(),
            ),
            CadreFields {
                name: name.into(),
                unit: unit.into(),
                post: String::new(),
                phone: String::new(),
            },
        )
    }
}

impl Cadre {
    pub fn new(meta: Meta, fields: CadreFields) -> Cadre {
        Cadre {
            meta,
            name: fields.name,
            unit: fields.unit,
            post: fields.post,
            phone: fields.phone,
            retired: false,
        }
    }

    pub fn fields(&self) -> CadreFields {
        CadreFields {
            name: self.name.clone(),
            unit: self.unit.clone(),
            post: self.post.clone(),
            phone: self.phone.clone(),
        }
    }

    pub fn set_fields(&mut self, fields: CadreFields) {
        self.name = fields.name;
        self.unit = fields.unit;
        self.post = fields.post;
        self.phone = fields.phone;
    }

    /// The same checks as a form, for records read from files.
    pub fn check(&self) -> Result<(), CadreError> {
        self.fields().check()
    }

    /// Two entries are the same person when name and unit match (the name cleaned as
    /// `names::clean_name` does, so a look-alike with an invisible character is the same).
    pub fn same_person(&self, fields: &CadreFields) -> bool {
        super::names::clean_name(&self.name) == super::names::clean_name(&fields.name)
            && self.unit.trim() == fields.unit.trim()
    }
}

/// The roster entry that `fields` would duplicate (other than `except`, the entry being
/// edited), if any.
pub fn duplicate_of<'a>(
    roster: &'a [Cadre],
    fields: &CadreFields,
    except: Option<crate::record::Id>,
) -> Option<&'a Cadre> {
    roster
        .iter()
        .find(|c| Some(c.meta.id) != except && c.same_person(fields))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(name: &str, unit: &str, phone: &str) -> CadreFields {
        CadreFields {
            name: name.into(),
            unit: unit.into(),
            post: String::new(),
            phone: phone.into(),
        }
    }

    #[test]
    fn a_look_alike_name_is_the_same_person() {
        let sun = Cadre::new(
            Meta::new(
                &crate::record::DeviceId("d".into()),
                chrono::DateTime::default(),
            ),
            fields("孙三", "城建办", ""),
        );
        let roster = [sun.clone()];
        let twin = fields("孙\u{200b}三", "城建办 ", "")
            .cleaned()
            .unwrap_or_default();
        assert_eq!(twin.name, "孙三");
        assert!(duplicate_of(&roster, &fields("孙　三", "城建办", ""), None).is_some());
        assert!(
            duplicate_of(&roster, &twin, Some(sun.meta.id)).is_none(),
            "itself"
        );
        assert!(duplicate_of(&roster, &fields("孙三", "财政所", ""), None).is_none());
    }

    #[test]
    fn cleaning_trims_and_checks() {
        let f = fields(" 张三 ", " 党政办", "138 0000 0000").cleaned();
        assert_eq!(f.map(|f| f.name), Ok("张三".to_string()));
        assert_eq!(
            fields("", "党政办", "").cleaned(),
            Err(CadreError::NameMissing)
        );
        assert_eq!(
            fields("张三", " ", "").cleaned(),
            Err(CadreError::UnitMissing)
        );
        assert_eq!(
            fields("张三", "党政办", "电话").cleaned(),
            Err(CadreError::PhoneInvalid)
        );
        let long = "张".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(
            fields(&long, "党政办", "").cleaned(),
            Err(CadreError::NameTooLong)
        );
    }
}
