//! A form opened from stored data keeps what was typed when that data changes underneath it
//! (a save in another window, a file imported, the form's own save coming back): `draft.rs`
//! decides, and when text was typed and something else arrived the person chooses.

use std::rc::Rc;

use crate::ui::prelude::*;

use crate::draft::{incoming_by, Incoming};
use crate::record::Entity;

/// What a form edits.
pub trait Draft: Clone + PartialEq + 'static {
    /// Whether two versions say the same (bookkeeping such as a record's version aside).
    fn same(a: &Self, b: &Self) -> bool {
        a == b
    }
    /// This text on top of `base`'s bookkeeping, so that saving it follows `base`.
    fn rebased(&self, base: &Self) -> Self {
        let _ = base;
        self.clone()
    }
    /// "保留我的修改": what this form typed since `opened`, on top of `theirs`. By default the
    /// whole text; a form of several parts keeps theirs where nothing was typed.
    fn kept(&self, opened: &Self, theirs: &Self) -> Self {
        let _ = opened;
        self.rebased(theirs)
    }
}

/// [`Draft::same`] for a stored record: the same whatever its bookkeeping (version, stamps), so
/// that a save coming back is the same record.
pub fn same_record<E: Entity + PartialEq>(a: &E, b: &E) -> bool {
    let mut a = a.clone();
    *a.meta_mut() = b.meta().clone();
    a == *b
}

/// [`Draft::rebased`] for a stored record: the text typed on `base`'s bookkeeping, so that
/// saving after "保留我的修改" follows the stored version.
pub fn rebased_record<E: Entity>(typed: &E, base: &E) -> E {
    let mut e = typed.clone();
    *e.meta_mut() = base.meta().clone();
    e
}

pub struct KeptDraft<T> {
    pub doc: UseStateHandle<T>,
    /// Whether what is shown differs from what was opened.
    pub dirty: bool,
    /// How many of this form's own saves have come back.
    pub landed: u32,
    /// The question when another window saved something else, to show above the form.
    pub choice: Option<Html>,
}

/// `fresh`: what is stored now (memoised by the caller on its version).
#[hook]
pub fn use_kept_draft<T: Draft>(fresh: Rc<T>) -> KeptDraft<T> {
    let opened = {
        let fresh = fresh.clone();
        use_state(move || (*fresh).clone())
    };
    let doc = {
        let fresh = fresh.clone();
        use_state(move || (*fresh).clone())
    };
    let waiting = use_state(|| None::<T>);
    let landed = use_state(|| 0u32);
    {
        let (opened, doc, waiting, landed) =
            (opened.clone(), doc.clone(), waiting.clone(), landed.clone());
        use_effect_with(fresh, move |fresh| {
            match incoming_by(&*opened, &*doc, &**fresh, T::same) {
                Incoming::Same => {}
                Incoming::Take => {
                    if T::same(&doc, &opened) {
                        doc.set((**fresh).clone());
                    } else {
                        // This form's own save: the text stays, on the stored bookkeeping.
                        doc.set(doc.rebased(fresh));
                        landed.set(*landed + 1);
                    }
                    opened.set((**fresh).clone());
                    waiting.set(None);
                }
                Incoming::Ask => waiting.set(Some((**fresh).clone())),
            }
        });
    }
    let choice = (*waiting).clone().map(|theirs| {
        let take = {
            let (opened, doc, waiting, theirs) =
                (opened.clone(), doc.clone(), waiting.clone(), theirs.clone());
            Callback::from(move |_| {
                doc.set(theirs.clone());
                opened.set(theirs.clone());
                waiting.set(None);
            })
        };
        let keep = {
            let (opened, doc, waiting) = (opened.clone(), doc.clone(), waiting.clone());
            Callback::from(move |_| {
                doc.set(doc.kept(&opened, &theirs));
                opened.set(theirs.clone());
                waiting.set(None);
            })
        };
        question(keep, take)
    });
    KeptDraft {
        dirty: !T::same(&doc, &opened),
        landed: *landed,
        doc,
        choice,
    }
}

/// The question, once for every kind of form (not per type of draft).
fn question(keep: Callback<MouseEvent>, take: Callback<MouseEvent>) -> Html {
    html! {
        <div class="notice warn no-print" role="alert">
            <p>{ "另一个窗口刚保存了这一项（或数据有了变化）。这里输入的文字还在，没有保存。" }</p>
            <button type="button" onclick={keep}>{ "保留我的修改" }</button>
            <button type="button" onclick={take}>{ "改用新的版本（放弃我的修改）" }</button>
        </div>
    }
}
