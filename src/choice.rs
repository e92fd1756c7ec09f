//! A fixed set of choices shown by their Chinese labels (a select on a form, a filter): the one
//! way a label the user picked is read back as the value it names.

/// An enum whose every value has a label a person picks from a list.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every value, in the order the list shows them.
    fn all() -> &'static [Self];
    fn label(self) -> &'static str;

    /// The value shown as `text`, if any is.
    fn from_label(text: &str) -> Option<Self> {
        Self::all().iter().copied().find(|c| c.label() == text)
    }
}

/// Makes enums that already have `ALL` and `label(self)` into [`Choice`]s.
macro_rules! choices {
    ($($ty:ty),* $(,)?) => {$(
        impl $crate::choice::Choice for $ty {
            fn all() -> &'static [Self] {
                &<$ty>::ALL
            }
            fn label(self) -> &'static str {
                <$ty>::label(self)
            }
        }
    )*};
}

choices!(
    crate::admonition::model::Reason,
    crate::admonition::template::DocKind,
    crate::admonition::deadline::Counting,
    crate::village::notice::NoticeKind,
    crate::village::resident::Role,
    crate::quiz::model::QuestionKind,
    crate::quiz::model::Difficulty,
    crate::quiz::study_log::StudyKind,
    crate::workline::model::LineStatus,
    crate::workline::model::TaskStatus,
    crate::workline::model::Recurrence,
);

#[cfg(test)]
mod tests {
    use super::Choice;
    use crate::quiz::model::Difficulty;
    use crate::workline::model::TaskStatus;

    /// Every label reads back as its own value: no two values of one set share a label.
    fn round_trip<T: Choice + std::fmt::Debug>() {
        for value in T::all() {
            assert_eq!(T::from_label(value.label()), Some(*value), "{value:?}");
        }
    }

    #[test]
    fn every_label_names_one_value() {
        round_trip::<crate::admonition::model::Reason>();
        round_trip::<crate::admonition::template::DocKind>();
        round_trip::<crate::admonition::deadline::Counting>();
        round_trip::<crate::village::notice::NoticeKind>();
        round_trip::<crate::village::resident::Role>();
        round_trip::<crate::quiz::model::QuestionKind>();
        round_trip::<Difficulty>();
        round_trip::<crate::quiz::study_log::StudyKind>();
        round_trip::<crate::workline::model::LineStatus>();
        round_trip::<TaskStatus>();
        round_trip::<crate::workline::model::Recurrence>();
    }

    #[test]
    fn a_label_no_value_has_is_none() {
        assert_eq!(Difficulty::from_label("in_progress"), None);
        assert_eq!(TaskStatus::from_label(""), None);
    }
}
