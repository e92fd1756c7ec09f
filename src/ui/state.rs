//! `use_state` as yew's, with one copy of yew's state machinery for every type it holds.
//!
//! Yew's hook is generic: each of the app's hundred state types brought its own copy of the
//! reducer, its dispatch closure, its drop and downcast code (about 0.9 KB each before
//! compression). Here yew keeps every state as one type (`crate::erased::Erased`); only the
//! thin typed handle is generic. A page reads and sets its state exactly as with yew's: reading
//! gives the latest value set, setting draws the page again. `ui::prelude` puts these in place
//! of yew's.

use std::ops::Deref;
use std::rc::Rc;

use yew::functional::{Hook, HookContext};

use crate::erased::Erased;

/// The one instance of yew's state hook: every state is one `Erased` value. `init` runs only
/// when the page first draws.
#[inline(never)]
fn use_erased(ctx: &mut HookContext, init: &dyn Fn() -> Erased) -> yew::UseStateHandle<Erased> {
    yew::functional::use_state(init).run(ctx)
}

/// A page's state of type `T`, made by `init` when the page first draws.
pub fn use_state<T: 'static, F: Fn() -> T>(init: F) -> impl Hook<Output = UseStateHandle<T>> {
    struct State<F>(F);

    impl<T: 'static, F: Fn() -> T> Hook for State<F> {
        type Output = UseStateHandle<T>;

        fn run(self, ctx: &mut HookContext) -> UseStateHandle<T> {
            typed(ctx, &self.0)
        }
    }

    State(init)
}

/// The typed half, once per type rather than once per page's call: a page's call only passes
/// its `init`.
#[inline(never)]
fn typed<T: 'static>(ctx: &mut HookContext, init: &dyn Fn() -> T) -> UseStateHandle<T> {
    let inner = use_erased(ctx, &|| Erased::new(init()));
    // The state always holds a `T`: yew gives each call its own slot in call order and
    // refuses a page whose hooks change order. Should it not, the page starts afresh.
    let seen = inner.rc::<T>().unwrap_or_else(|| Rc::new(init()));
    UseStateHandle { inner, seen }
}

/// Reads the state (`*handle`, the latest value set) and sets it (`handle.set(value)`).
pub struct UseStateHandle<T> {
    inner: yew::UseStateHandle<Erased>,
    /// The value when the handle was made (the page drew, or it was cloned). Handles compare
    /// by it, as yew's do, so a child given a handle draws again when the value it was drawn
    /// with changed. Read only if the state no longer held a `T`.
    seen: Rc<T>,
}

impl<T: 'static> UseStateHandle<T> {
    /// Sets the state and draws the page again.
    pub fn set(&self, value: T) {
        self.inner.set(Erased::new(value))
    }
}

impl<T: 'static> Deref for UseStateHandle<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.inner.get::<T>().unwrap_or(&self.seen)
    }
}

impl<T: 'static> Clone for UseStateHandle<T> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
            seen: self.inner.rc::<T>().unwrap_or_else(|| self.seen.clone()),
        }
    }
}

impl<T: PartialEq + 'static> PartialEq for UseStateHandle<T> {
    fn eq(&self, other: &Self) -> bool {
        self.seen == other.seen
    }
}
