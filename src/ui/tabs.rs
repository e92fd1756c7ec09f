//! The row of tabs under a module's heading: one link per tab, the current one marked; and the
//! one way a module's tabs map to and from their addresses.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;

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

    fn route(self) -> Route {
        Self::at(self.slug().to_string())
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
    html! {
        <nav class="tabs no-print" aria-label={props.label}>
            { for T::ALL.iter().map(|t| html! {
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
