//! The row of tabs under a module's heading: one link per tab, the current one marked; and the
//! one way a module's tabs map to and from their addresses.

use crate::ui::prelude::*;
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

/// One tab as the row draws it.
#[derive(Clone, PartialEq)]
pub struct Tab {
    pub to: Route,
    pub label: &'static str,
    pub for_cadre: bool,
    pub current: bool,
}

/// A module's tabs as the row draws them, `current` marked. Only this is generic: the row
/// itself is one component for every module (one copy in the download, not one per module).
pub fn tabs<T: TabRoute>(current: T) -> Vec<Tab> {
    T::ALL
        .iter()
        .map(|t| Tab {
            to: t.route(),
            label: t.label(),
            for_cadre: t.for_cadre(),
            current: *t == current,
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct TabNavProps {
    /// The navigation's accessible name: the module's name.
    pub label: &'static str,
    /// From [`tabs`].
    pub tabs: Vec<Tab>,
}

#[function_component(TabNav)]
pub fn tab_nav(props: &TabNavProps) -> Html {
    let role = use_session().profile.role;
    html! {
        <nav class="tabs no-print" aria-label={props.label}>
            { for props.tabs.iter().filter(|t| role == Role::Office || t.for_cadre).map(|t| html! {
                <Link<Route> to={t.to.clone()} classes={classes!(t.current.then_some("active"))}>
                    { t.label }
                </Link<Route>>
            }) }
        </nav>
    }
}
