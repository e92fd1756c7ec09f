//! A form's text when what it was opened from changes underneath it (a save in another window,
//! a file imported, the form's own save coming back): what was typed is never thrown away.

/// What to do with a newer version of what a form was opened from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Incoming {
    /// Nothing new.
    Same,
    /// Take it: nothing was typed, or what was typed is what arrived (the form's own save).
    Take,
    /// Text was typed and something else arrived: keep the text, and ask.
    Ask,
}

/// `opened`: what the form started from; `typed`: what it holds now; `fresh`: what is stored.
pub fn incoming<T: PartialEq>(opened: &T, typed: &T, fresh: &T) -> Incoming {
    incoming_by(opened, typed, fresh, T::eq)
}

/// [`incoming`] where `same` says whether two versions say the same (a record's bookkeeping,
/// such as its version, set aside).
pub fn incoming_by<T>(opened: &T, typed: &T, fresh: &T, same: fn(&T, &T) -> bool) -> Incoming {
    if same(fresh, opened) {
        Incoming::Same
    } else if same(typed, opened) || same(typed, fresh) {
        Incoming::Take
    } else {
        Incoming::Ask
    }
}

/// One field after "保留我的修改": what was typed if it changed since the form opened, else what
/// another window saved meanwhile.
pub fn typed_or_theirs<T: PartialEq + Clone>(typed: &T, opened: &T, theirs: &T) -> T {
    if typed == opened { theirs } else { typed }.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_is_kept_and_asked_about_only_when_something_else_arrives() {
        // Nothing typed: the newer version simply shows.
        assert_eq!(incoming(&"a", &"a", &"b"), Incoming::Take);
        // Typed, and the same thing was saved (this form's own save): no question.
        assert_eq!(incoming(&"a", &"mine", &"mine"), Incoming::Take);
        // Typed, and another window saved something else: keep the text, ask.
        assert_eq!(incoming(&"a", &"mine", &"theirs"), Incoming::Ask);
        // Nothing new.
        assert_eq!(incoming(&"a", &"mine", &"a"), Incoming::Same);
    }

    #[test]
    fn a_kept_field_is_the_typed_one_only_where_something_was_typed() {
        assert_eq!(typed_or_theirs(&"mine", &"a", &"theirs"), "mine");
        assert_eq!(typed_or_theirs(&"a", &"a", &"theirs"), "theirs");
    }

    #[test]
    fn bookkeeping_alone_is_nothing_new() {
        // (text, version): a save that only moved the version is the form's own save landing.
        let same = |a: &(&str, u32), b: &(&str, u32)| a.0 == b.0;
        assert_eq!(
            incoming_by(&("a", 1), &("mine", 1), &("mine", 2), same),
            Incoming::Take
        );
        assert_eq!(
            incoming_by(&("a", 1), &("a", 1), &("a", 2), same),
            Incoming::Same
        );
        assert_eq!(
            incoming_by(&("a", 1), &("mine", 1), &("theirs", 2), same),
            Incoming::Ask
        );
    }
}
