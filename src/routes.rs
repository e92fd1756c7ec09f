//! The app's addresses: each page's route, its title and section (what each role may open),
//! and the page each route draws.

use std::collections::HashMap;

use crate::ui::prelude::*;
use yew_router::prelude::*;

use crate::access::{self, Section};
use crate::admonition::ui::{AdmonitionPage, AdmonitionTab};
use crate::assessment::ui::{AssessmentPage, AssessmentTab};
use crate::quiz::ui::{QuizPage, QuizTab};
use crate::store::settings::Role;
use crate::ui::tabs::TabRoute;
use crate::village::ui::{VillagePage, VillageTab};
use crate::workline::ui::{WorkLinePage, WorkLineTab};
use crate::{data_admin, home, profile, roster};

pub use crate::address::Route;

/// yew-router reads and writes addresses through this; the rules are `address.rs`'s.
impl Routable for Route {
    /// `path` is a shape (`/quiz/:tab`), `params` the values found for it.
    fn from_path(path: &str, params: &HashMap<&str, &str>) -> Option<Self> {
        let mut address = path.to_string();
        for (name, value) in params {
            address = address.replace(&format!(":{name}"), value);
        }
        match Route::at(&address) {
            Route::NotFound if address != "/404" => None,
            page => Some(page),
        }
    }

    fn to_path(&self) -> String {
        self.address()
    }

    fn routes() -> Vec<&'static str> {
        crate::address::SHAPES.to_vec()
    }

    fn not_found_route() -> Option<Self> {
        Some(Route::NotFound)
    }

    fn recognize(pathname: &str) -> Option<Self> {
        Some(Route::at(pathname))
    }
}

impl Route {
    pub fn title(&self) -> &'static str {
        match self {
            Route::Home => "首页",
            Route::Roster => "干部名册",
            Route::Quiz | Route::QuizTab { .. } => "学习测验",
            Route::Assessment | Route::AssessmentRound { .. } | Route::AssessmentTab { .. } => {
                "述职评议"
            }
            Route::Admonition | Route::AdmonitionCase { .. } | Route::AdmonitionTab { .. } => {
                "谈话诫勉"
            }
            Route::WorkLine | Route::WorkLineDetail { .. } | Route::WorkLineTab { .. } => {
                "工作分线"
            }
            Route::Village | Route::VillageTab { .. } => "驻村与便民",
            Route::Data => "数据管理",
            Route::Profile => "个人信息",
            Route::NotFound => "页面不存在",
        }
    }
}

impl Route {
    /// The section a route belongs to, for what each role may open (`access`).
    pub fn section(&self) -> Section {
        match self {
            Route::Home | Route::NotFound => Section::Home,
            Route::Roster => Section::Roster,
            Route::Quiz | Route::QuizTab { .. } => Section::Quiz,
            Route::Assessment | Route::AssessmentRound { .. } | Route::AssessmentTab { .. } => {
                Section::Assessment
            }
            Route::Admonition | Route::AdmonitionCase { .. } | Route::AdmonitionTab { .. } => {
                Section::Admonition
            }
            Route::WorkLine | Route::WorkLineDetail { .. } | Route::WorkLineTab { .. } => {
                Section::WorkLine
            }
            Route::Village | Route::VillageTab { .. } => Section::Village,
            Route::Data => Section::Data,
            Route::Profile => Section::Profile,
        }
    }
}

/// Whether `role` may open `route` (the navigation, the tiles and the router ask the same).
pub fn for_role(route: &Route, role: Role) -> bool {
    access::may_open(role, route.section())
}

pub fn switch(route: Route) -> Html {
    if route.section() == Section::Admonition && crate::ui::origin::single_file() {
        return html! { <crate::admonition::ui::SingleFileNotice /> };
    }
    match route {
        Route::Home => html! { <home::HomePage /> },
        Route::Roster => html! { <roster::ui::RosterPage /> },
        Route::WorkLine => html! { <WorkLinePage tab={WorkLineTab::Lines} /> },
        Route::WorkLineTab { tab } => html! { <WorkLinePage tab={WorkLineTab::parse(&tab)} /> },
        Route::WorkLineDetail { id } => match uuid::Uuid::parse_str(&id) {
            Ok(id) => html! { <WorkLinePage tab={WorkLineTab::Lines} line={Some(id)} /> },
            Err(_) => html! { <WorkLinePage tab={WorkLineTab::Lines} /> },
        },
        Route::Quiz => html! { <QuizPage tab={QuizTab::Bank} /> },
        Route::QuizTab { tab } => html! { <QuizPage tab={QuizTab::parse(&tab)} /> },
        Route::Assessment => html! { <AssessmentPage tab={AssessmentTab::Rounds} /> },
        Route::AssessmentTab { tab } => {
            html! { <AssessmentPage tab={AssessmentTab::parse(&tab)} /> }
        }
        Route::AssessmentRound { id } => {
            let round = uuid::Uuid::parse_str(&id).ok();
            html! { <AssessmentPage tab={AssessmentTab::Rounds} {round} /> }
        }
        Route::Admonition => html! { <AdmonitionPage tab={AdmonitionTab::Cases} /> },
        Route::AdmonitionTab { tab } => {
            html! { <AdmonitionPage tab={AdmonitionTab::parse(&tab)} /> }
        }
        Route::AdmonitionCase { id } => {
            let case = uuid::Uuid::parse_str(&id).ok();
            html! { <AdmonitionPage tab={AdmonitionTab::Cases} {case} /> }
        }
        Route::Village => html! { <VillagePage tab={VillageTab::Residents} /> },
        Route::VillageTab { tab } => html! { <VillagePage tab={VillageTab::parse(&tab)} /> },
        Route::Data => html! { <data_admin::page::DataPage /> },
        Route::Profile => html! { <profile::ProfilePage /> },
        Route::NotFound => html! {
            <section><h1>{ "页面不存在" }</h1><Link<Route> to={Route::Home}>{ "回到首页" }</Link<Route>></section>
        },
    }
}
