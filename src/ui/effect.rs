//! `use_effect_with` as yew's, with one copy of yew's effect machinery for the whole app.
//!
//! Yew's hook is generic over the dependencies, the effect and its clean-up: each of the app's
//! twenty effects brought its own copy of the hook, its state's drop and type code, written out
//! where the page called it. Here yew runs one effect type; only packing the page's values is
//! generic. A page calls it exactly as yew's: the effect runs after the page is drawn, and again
//! when the dependencies changed; what it returns runs before the next one and when the page
//! goes. `ui::prelude` puts it in place of yew's.

use yew::functional::{Hook, HookContext, TearDown};

use crate::erased::Erased;

/// The dependencies, their type erased, compared by their own `==` (the loader's keys too).
pub struct Deps {
    value: Erased,
    same: fn(&Erased, &Erased) -> bool,
}

impl Deps {
    pub fn new<T: PartialEq + 'static>(value: T) -> Self {
        Deps {
            value: Erased::new(value),
            same: same::<T>,
        }
    }
}

impl PartialEq for Deps {
    fn eq(&self, other: &Self) -> bool {
        (self.same)(&self.value, &other.value)
    }
}

fn same<T: PartialEq + 'static>(a: &Erased, b: &Erased) -> bool {
    matches!((a.get::<T>(), b.get::<T>()), (Some(a), Some(b)) if a == b)
}

type Effect = Box<dyn FnOnce(&Erased) -> Box<dyn FnOnce()>>;

/// The one instance of yew's effect hook.
#[inline(never)]
fn use_erased(ctx: &mut HookContext, deps: Deps, effect: Effect) {
    yew::functional::use_effect_with(deps, move |deps| {
        let clean_up = effect(&deps.value);
        move || clean_up()
    })
    .run(ctx)
}

/// Runs `effect` after the page is drawn, and again whenever `deps` changed.
pub fn use_effect_with<T, F, D>(deps: T, effect: F) -> impl Hook<Output = ()>
where
    T: PartialEq + 'static,
    F: FnOnce(&T) -> D + 'static,
    D: TearDown,
{
    struct EffectHook<T, F>(T, F);

    impl<T, F, D> Hook for EffectHook<T, F>
    where
        T: PartialEq + 'static,
        F: FnOnce(&T) -> D + 'static,
        D: TearDown,
    {
        type Output = ();

        fn run(self, ctx: &mut HookContext) {
            let EffectHook(deps, effect) = self;
            let deps = Deps::new(deps);
            use_erased(
                ctx,
                deps,
                Box::new(move |deps: &Erased| -> Box<dyn FnOnce()> {
                    // Always a `T`: it is the value packed above.
                    match deps.get::<T>() {
                        Some(deps) => {
                            let clean_up = effect(deps);
                            Box::new(move || clean_up.tear_down())
                        }
                        None => Box::new(|| ()),
                    }
                }),
            )
        }
    }

    EffectHook(deps, effect)
}
