//! One way for a page to load what it shows: busy, failed or ready, drawn one way, and loaded
//! again only when one of the stores it reads has changed (or its own key has).

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use crate::ui::prelude::*;

use crate::erased::Erased;
use crate::record::Entity;
use crate::session::{use_session, Session};
use crate::store::schema::StoreName;
use crate::store::StoreError;
use crate::ui::effect::Deps;
use crate::ui::notice::error_box;

#[derive(Debug)]
pub enum Load<T: ?Sized> {
    Busy,
    Failed(String),
    Ready(Rc<T>),
}

// Derived Clone/PartialEq would ask the same of T; the data is shared, compared by pointer.
impl<T: ?Sized> Clone for Load<T> {
    fn clone(&self) -> Self {
        match self {
            Load::Busy => Load::Busy,
            Load::Failed(m) => Load::Failed(m.clone()),
            Load::Ready(d) => Load::Ready(d.clone()),
        }
    }
}

impl<T: ?Sized> PartialEq for Load<T> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Load::Busy, Load::Busy) => true,
            (Load::Failed(a), Load::Failed(b)) => a == b,
            (Load::Ready(a), Load::Ready(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl<T> Load<T> {
    pub fn ready(&self) -> Option<&Rc<T>> {
        match self {
            Load::Ready(d) => Some(d),
            _ => None,
        }
    }

    pub fn failure(&self) -> Option<&str> {
        match self {
            Load::Failed(m) => Some(m),
            _ => None,
        }
    }

    /// Busy and failed look the same on every page; `ready` draws the data.
    pub fn view(&self, ready: impl FnOnce(&Rc<T>) -> Html) -> Html {
        match self {
            Load::Busy => html! { <p aria-busy="true">{ "正在读取……" }</p> },
            Load::Failed(m) => html! { { error_box(m.clone()) } },
            Load::Ready(d) => ready(d),
        }
    }
}

/// Several loads shown as one: the first failure, else busy until `ready` can be made.
pub fn combined<T>(failures: &[Option<&str>], ready: Option<T>) -> Load<T> {
    match (failures.iter().flatten().next(), ready) {
        (Some(message), _) => Load::Failed(message.to_string()),
        (None, Some(data)) => Load::Ready(Rc::new(data)),
        (None, None) => Load::Busy,
    }
}

type Started = Pin<Box<dyn Future<Output = Result<Erased, StoreError>>>>;

/// What becomes of a load's result once it is in (`Ok` for most; records are parsed).
type Finish = fn(Erased) -> Result<Erased, StoreError>;

/// The one copy of the loading machinery (state, effect, ordering of answers). It is not
/// generic: written per loaded type it cost the download a copy for each of some thirty pages.
#[hook]
fn use_load_any(
    stores: &[StoreName],
    key: Deps,
    start: Box<dyn FnOnce(Session) -> Started>,
    finish: Finish,
) -> Load<Erased> {
    let session = use_session();
    let state = use_state(|| Load::<Erased>::Busy);
    let latest = use_mut_ref(|| Rc::new(Cell::new(0u32)));
    let stamp = session.changes.stamp(stores);
    {
        let (state, latest) = (state.clone(), latest.borrow().clone());
        use_effect_with((stamp, key), move |_| {
            let this = latest.get().wrapping_add(1);
            latest.set(this);
            let future = start(session);
            wasm_bindgen_futures::spawn_local(async move {
                let result = future.await.and_then(finish);
                if latest.get() == this {
                    state.set(match result {
                        Ok(data) => Load::Ready(Rc::new(data)),
                        Err(e) => Load::Failed(e.user_message()),
                    });
                }
            });
        });
    }
    (*state).clone()
}

/// Loads with `load` when the page first shows, and again when one of `stores` changes or
/// `key` does. The previous data stays on screen while a reload runs; a reload that finishes
/// after a newer one started is dropped, so an older answer never overwrites a newer one.
#[hook]
pub fn use_load_keyed<T, K, F, Fut>(stores: &[StoreName], key: K, load: F) -> Load<T>
where
    T: 'static,
    K: PartialEq + Clone + 'static,
    F: FnOnce(Session, K) -> Fut + 'static,
    Fut: Future<Output = Result<T, StoreError>> + 'static,
{
    let deps = Deps::new(key.clone());
    let start: Box<dyn FnOnce(Session) -> Started> = Box::new(move |session| {
        Box::pin(async move { Ok(Erased::new(load(session, key).await?)) })
    });
    typed(use_load_any(stores, deps, start, Ok))
}

fn typed<T: 'static>(load: Load<Erased>) -> Load<T> {
    match load {
        Load::Busy => Load::Busy,
        Load::Failed(m) => Load::Failed(m),
        Load::Ready(any) => any.rc::<T>().map_or(Load::Busy, Load::Ready),
    }
}

#[hook]
pub fn use_load<T, F, Fut>(stores: &[StoreName], load: F) -> Load<T>
where
    T: 'static,
    F: FnOnce(Session) -> Fut + 'static,
    Fut: Future<Output = Result<T, StoreError>> + 'static,
{
    use_load_keyed(stores, (), move |session, ()| load(session))
}

/// Every record of one type, reloaded when its store changes. Only the parsing is per type:
/// the database is waited on by one future for every store (`records_text`).
#[hook]
pub fn use_records<E: Entity>() -> Load<Vec<E>> {
    typed(use_load_any(
        &[E::STORE],
        Deps::new(()),
        records_text(E::STORE),
        parse_records::<E>,
    ))
}

fn records_text(store: StoreName) -> Box<dyn FnOnce(Session) -> Started> {
    Box::new(move |session| {
        Box::pin(async move { Ok(Erased::new(session.store.all_text(store).await?)) })
    })
}

fn parse_records<E: Entity>(text: Erased) -> Result<Erased, StoreError> {
    let text = text.get::<String>().map_or("[]", String::as_str);
    Ok(Erased::new(crate::store::db::parse_all::<Vec<E>>(text)?))
}

/// A page's data: one `Rc<Vec<_>>` per store it shows, and the hook that loads each store on its
/// own (so a save reloads only its store) and hands them over together once all are in.
/// `page_data!(pub struct QuizData / use_quiz_data { questions: Question, … })`.
#[macro_export]
macro_rules! page_data {
    ($(#[$doc:meta])* $vis:vis struct $name:ident / $hook:ident { $($field:ident: $ty:ty),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        $vis struct $name {
            $(pub $field: std::rc::Rc<Vec<$ty>>),+
        }

        // Compared by pointer: a store that changed is loaded into a new vector, so the same
        // pointers mean the same records, and a screen handed the data does not compare
        // thousands of records field by field each time its parent draws.
        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                true $(&& std::rc::Rc::ptr_eq(&self.$field, &other.$field))+
            }
        }

        #[yew::hook]
        $vis fn $hook() -> std::rc::Rc<$crate::ui::load::Load<$name>> {
            #[derive(PartialEq)]
            struct Loads {
                $($field: $crate::ui::load::Load<Vec<$ty>>),+
            }
            let loads = Loads {
                $($field: $crate::ui::load::use_records::<$ty>()),+
            };
            yew::use_memo(loads, |l| {
                let ready = || Some($name { $($field: l.$field.ready()?.clone()),+ });
                $crate::ui::load::combined(&[$(l.$field.failure()),+], ready())
            })
        }
    };
}
