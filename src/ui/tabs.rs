//! The row of tabs under a module's heading: one link per tab, the current one marked.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;

/// A module's tabs: each has a label and a route of its own.
pub trait TabRoute: Copy + PartialEq + 'static {
    fn label(self) -> &'static str;
    fn route(self) -> Route;
}

#[derive(Properties, PartialEq)]
pub struct TabNavProps<T: TabRoute> {
    /// The navigation's accessible name: the module's name.
    pub label: &'static str,
    pub tabs: &'static [T],
    pub current: T,
}

#[function_component(TabNav)]
pub fn tab_nav<T: TabRoute>(props: &TabNavProps<T>) -> Html {
    html! {
        <nav class="tabs no-print" aria-label={props.label}>
            { for props.tabs.iter().map(|t| html! {
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
