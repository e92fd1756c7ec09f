//! The row of tabs under a module's heading: one link per tab, the current one marked; and the
//! one way a module's tabs map to and from their addresses.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::session::use_session;
use crate::store::settings::Role;

/// A module's tabs: each has a label and an address of its own (`#/module/slug`).
pub trait TabRoute: Copy + PartialEq + 'static {
    /// Every tab, in the order shown.
    const ALL: &'static [Self];
    /// The tab an address without one (or with one that no longer exists) opens.
    const FIRST: Self;
    fn slug(self) -> &'static str;
    fn label(self) -> &'static str;
    /// The module's route for a tab's slug.
    fn at(slug: String) -> Route;

    /// Whether a cadre (not only the office) uses this tab.
    fn for_cadre(self) -> bool {
        true
    }

    fn route(self) -> Route {
        Self::at(self.slug().to_string())
    }

    /// The tab to show `role` for this address: a cadre who follows a link to an office tab
    /// sees the module's first tab of their own.
    fn shown_to(self, role: Role) -> Self {
        if role == Role::Office || self.for_cadre() {
            return self;
        }
        Self::ALL
            .iter()
            .copied()
            .find(|t| t.for_cadre())
            .unwrap_or(self)
    }

    fn parse(slug: &str) -> Self {
        Self::ALL
            .iter()
            .copied()
            .find(|t| t.slug() == slug)
            .unwrap_or(Self::FIRST)
    }
}

#[derive(Properties, PartialEq)]
pub struct TabNavProps<T: TabRoute> {
    /// The navigation's accessible name: the module's name.
    pub label: &'static str,
    pub current: T,
}

#[function_component(TabNav)]
pub fn tab_nav<T: TabRoute>(props: &TabNavProps<T>) -> Html {
    let role = use_session().profile.role;
    html! {
        <nav class="tabs no-print" aria-label={props.label}>
            { for T::ALL.iter().filter(|t| role == Role::Office || t.for_cadre()).map(|t| html! {
                <Link<Route>
                    to={t.route()}
                    classes={classes!((*t == props.current).then_some("active"))}
                >
                    { t.label() }
                </Link<Route>>
            }) }
        </nav>
    }
}
