//! The 谈话诫勉 screens: cases and what needs attention, one case with its steps and documents,
//! document templates, holidays and deadline settings, and exchanging files.

mod calendar;
mod case_detail;
mod case_export;
mod case_form;
mod cases;
mod document;
mod identity;
mod number;
mod recounted;
mod register;
mod share;
mod single_file;
mod templates;

pub use cases::AttentionList;
pub use identity::{use_identity, use_office_identity, IdentityForm};
pub use recounted::{live_case_count, recount_stored};
pub use single_file::SingleFileNotice;

use std::rc::Rc;

use crate::ui::prelude::*;

use super::deadline::HolidayCalendar;
use super::model::Admonition;
use super::template::{DocKind, DocumentTemplate};
use crate::app::Route;
use crate::record::{Id, Meta};
use crate::roster::model::Cadre;
use crate::ui::tabs::{tabs, TabNav, TabRoute};

crate::page_data! {
    /// Everything the 谈话诫勉 screens show, each store loaded on its own and shared.
    pub struct CaseData / use_case_data {
        cases: Admonition,
        cadres: Cadre,
        templates: DocumentTemplate,
        calendars: HolidayCalendar,
    }
}

impl CaseData {
    pub fn live_cases(&self) -> Vec<&Admonition> {
        let mut list: Vec<&Admonition> = self.cases.iter().filter(|c| !c.deleted).collect();
        crate::order::sort_by(&mut list, |c| {
            crate::order::Key::int(-crate::order::day(c.talk.date))
        });
        list
    }

    pub fn case(&self, id: Id) -> Option<&Admonition> {
        self.cases.iter().find(|c| c.meta.id == id && !c.deleted)
    }

    pub fn cadre(&self, id: Id) -> Option<&Cadre> {
        self.cadres.iter().find(|c| c.meta.id == id)
    }

    pub fn name_of(&self, id: Id) -> String {
        self.cadre(id)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| "（已不在名册）".into())
    }

    /// One of the office's own templates, as stored now.
    pub fn template(&self, id: Id) -> Option<&DocumentTemplate> {
        self.templates
            .iter()
            .find(|t| t.meta.id == id && !t.deleted)
    }

    /// The templates of `kind` to choose from: the office's own, newest first, then the
    /// built-in one.
    pub fn templates_of(&self, kind: DocKind) -> Vec<DocumentTemplate> {
        let mut own: Vec<DocumentTemplate> = self
            .templates
            .iter()
            .filter(|t| t.kind == kind && !t.deleted)
            .cloned()
            .collect();
        crate::order::sort_by(&mut own, |t| {
            crate::order::Key::int(-crate::order::moment(t.meta.updated_at))
        });
        own.push(builtin(kind));
        own
    }
}

/// A built-in template: its id is fixed per kind, so choosing it survives a reload.
pub fn builtin(kind: DocKind) -> DocumentTemplate {
    let mut meta = Meta::unsaved(chrono::DateTime::default());
    meta.id = uuid::Uuid::from_u128(0xd0c0_0000 + kind as u128);
    DocumentTemplate::builtin(kind, meta)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdmonitionTab {
    Cases,
    Templates,
    Calendar,
    Register,
    Share,
}

impl TabRoute for AdmonitionTab {
    const ALL: &'static [AdmonitionTab] = &[
        AdmonitionTab::Cases,
        AdmonitionTab::Templates,
        AdmonitionTab::Calendar,
        AdmonitionTab::Register,
        AdmonitionTab::Share,
    ];
    const FIRST: AdmonitionTab = AdmonitionTab::Cases;

    fn slug(self) -> &'static str {
        match self {
            AdmonitionTab::Cases => "cases",
            AdmonitionTab::Templates => "templates",
            AdmonitionTab::Calendar => "calendar",
            AdmonitionTab::Register => "register",
            AdmonitionTab::Share => "share",
        }
    }

    fn label(self) -> &'static str {
        match self {
            AdmonitionTab::Cases => "诫勉案件",
            AdmonitionTab::Templates => "文书模板",
            AdmonitionTab::Calendar => "期限与节假日",
            AdmonitionTab::Register => "文号登记",
            AdmonitionTab::Share => "文件交换",
        }
    }

    // Kept by the office only: cases are personal data.
    fn for_cadre(self) -> bool {
        false
    }

    fn at(tab: String) -> Route {
        Route::AdmonitionTab { tab }
    }
}

#[derive(Properties, PartialEq)]
pub struct AdmonitionPageProps {
    pub tab: AdmonitionTab,
    #[prop_or_default]
    pub case: Option<Id>,
}

#[function_component(AdmonitionPage)]
pub fn admonition_page(props: &AdmonitionPageProps) -> Html {
    let tab = props
        .tab
        .shown_to(crate::session::use_session().profile.role);
    let data = use_case_data();
    let body = data.view(|data| {
        let data = data.clone();
        match (tab, props.case) {
            (_, Some(id)) => html! { <case_detail::CaseDetail {data} case_id={id} /> },
            (AdmonitionTab::Cases, None) => html! { <cases::CasesTab {data} /> },
            (AdmonitionTab::Templates, None) => html! { <templates::TemplatesTab {data} /> },
            (AdmonitionTab::Calendar, None) => html! { <calendar::CalendarTab {data} /> },
            (AdmonitionTab::Register, None) => html! { <register::RegisterTab {data} /> },
            (AdmonitionTab::Share, None) => html! { <share::ShareTab {data} /> },
        }
    });
    // First use: the office's name, 署名 and 代字 before any document goes out.
    let identity = use_identity();
    let saved = use_state(|| false);
    let ask = match identity.ready() {
        Some(stored) if !stored.as_ref().as_ref().is_some_and(|i| i.is_set()) => html! {
            <IdentityForm initial={stored.as_ref().clone().unwrap_or_default()}
                on_saved={{ let s = saved.clone(); Callback::from(move |()| s.set(true)) }}
                intro="第一次使用谈话诫勉：请先填写单位信息，通知书、通报和决定书将按此编号和署名。以后可在“个人信息”中修改。" />
        },
        _ if *saved => html! {
            { crate::ui::notice::notice_box(Some(&crate::ui::notice::Notice::Success(identity::SAVED.into()))) }
        },
        _ => html! {},
    };
    html! {
        <section class="admonition">
            <h1 class="no-print">{ "谈话诫勉" }</h1>
            <TabNav label="谈话诫勉" tabs={tabs(tab)} />
            { ask }
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct DataProps {
    pub data: Rc<CaseData>,
}
