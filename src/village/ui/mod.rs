//! The 驻村与便民 screens: resident postings, the village log, the service ledger and the public
//! notices.

mod log_form;
mod logs;
mod matters;
mod notices;
mod open_problems;
mod residents;
mod service;
mod service_form;
mod village_list;
mod village_month;

use std::rc::Rc;

use crate::ui::prelude::*;

use super::notice::PublicNotice;
use super::place::Village;
use super::resident::{clean_place, ResidentCadre};
use super::service::ServiceRequest;
use crate::app::Route;
use crate::record::Id;
use crate::roster::model::Cadre;
use crate::ui::tabs::{tabs, TabNav, TabRoute};

crate::page_data! {
    /// What the tabs show. The log entries (200,000 in a large office after some years) are not
    /// among them: the 驻村日志 tab reads what it shows through the log's indexes (`LogBook`).
    pub struct VillageData / use_village_data {
        postings: ResidentCadre,
        ledger: ServiceRequest,
        notices: PublicNotice,
        cadres: Cadre,
        places: Village,
    }
}

impl VillageData {
    pub fn name_of(&self, id: Id) -> String {
        self.cadres
            .iter()
            .find(|c| c.meta.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| "（已不在名册）".into())
    }

    /// The villages a log may name: the office's list, or while there is none, every village
    /// named in a posting or in one of the entries `logged` (the log tab reads them).
    pub fn log_villages(&self, logged: &[String]) -> Vec<String> {
        match super::place::names(&self.places) {
            list if list.is_empty() => self.villages(logged),
            list => list,
        }
    }

    /// The posting of the person `name` of `unit` on `day`, found through the roster.
    pub fn my_posting(
        &self,
        name: &str,
        unit: &str,
        day: chrono::NaiveDate,
    ) -> Option<&ResidentCadre> {
        let me = crate::roster::matching::find_person(&self.cadres, name, unit).cadre()?;
        self.postings
            .iter()
            .find(|p| !p.deleted && p.cadre == me.meta.id && p.covers(day))
    }

    /// Every village on the list or named in a posting or in `logged` (as `clean_place` writes
    /// it), in order: the office's tables show entries for a village not on the list too.
    pub fn villages(&self, logged: &[String]) -> Vec<String> {
        let mut all: Vec<String> = super::place::names(&self.places)
            .into_iter()
            .chain(
                self.postings
                    .iter()
                    .filter(|p| !p.deleted)
                    .map(|p| clean_place(&p.village)),
            )
            .chain(logged.iter().cloned())
            .collect();
        crate::ui::collate::sort_in_pinyin(&mut all, |v| [v.as_str(), ""]);
        all.dedup();
        all
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VillageTab {
    Residents,
    Logs,
    Service,
    Notices,
}

impl TabRoute for VillageTab {
    const ALL: &'static [VillageTab] = &[
        VillageTab::Residents,
        VillageTab::Logs,
        VillageTab::Service,
        VillageTab::Notices,
    ];
    const FIRST: VillageTab = VillageTab::Residents;

    fn slug(self) -> &'static str {
        match self {
            VillageTab::Residents => "residents",
            VillageTab::Logs => "logs",
            VillageTab::Service => "service",
            VillageTab::Notices => "notices",
        }
    }

    fn label(self) -> &'static str {
        match self {
            VillageTab::Residents => "驻村安排",
            VillageTab::Logs => "驻村日志",
            VillageTab::Service => "便民服务台账",
            VillageTab::Notices => "公开栏",
        }
    }

    /// Tabs of the office only (setting up and collecting).
    fn for_cadre(self) -> bool {
        !matches!(self, VillageTab::Residents | VillageTab::Notices)
    }

    fn at(tab: String) -> Route {
        Route::VillageTab { tab }
    }
}

#[derive(Properties, PartialEq)]
pub struct VillagePageProps {
    pub tab: VillageTab,
}

#[function_component(VillagePage)]
pub fn village_page(props: &VillagePageProps) -> Html {
    let tab = props
        .tab
        .shown_to(crate::session::use_session().profile.role);
    let data = use_village_data();
    let body = data.view(|data| {
        let data = data.clone();
        match tab {
            VillageTab::Residents => html! { <residents::Residents {data} /> },
            VillageTab::Logs => html! { <logs::Logs {data} /> },
            VillageTab::Service => html! { <service::Service {data} /> },
            VillageTab::Notices => html! { <notices::Notices {data} /> },
        }
    });
    html! {
        <section class="village">
            <h1 class="no-print">{ "驻村与便民" }</h1>
            <TabNav label="驻村与便民" tabs={tabs(tab)} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct DataProps {
    pub data: Rc<VillageData>,
}

/// A 删除 button: asks "删除{what}？", then saves `record` marked deleted by `mark` (it stays in
/// the store as deleted, so a file that still holds it does not bring it back).
pub fn remove_button<E: crate::record::Entity + Clone + 'static>(
    session: &crate::session::Session,
    report: Callback<crate::ui::notice::Notice>,
    record: &E,
    what: String,
    mark: fn(&mut E),
) -> Html {
    let (session, mut record) = (session.clone(), record.clone());
    mark(&mut record);
    let onclick = Callback::from(move |_| {
        if crate::ui::form::confirmed(&format!("删除{what}？删除后不能恢复。")) {
            session.save(
                vec![record.clone()],
                report.clone(),
                format!("已删除{what}。"),
            );
        }
    });
    html! { <button type="button" class="danger" {onclick}>{ "删除" }</button> }
}

/// Entries shown on one page of a list of 驻村日志.
const PER_PAGE: usize = 100;

/// Page `asked` of the entries `index` holds in `range` (the last page when there are fewer
/// now): only that page is read.
async fn log_page(
    session: crate::session::Session,
    index: &'static crate::store::schema::Index,
    range: crate::store::schema::KeyRange,
    asked: usize,
) -> Result<super::log_book::LogPage, crate::store::StoreError> {
    use crate::paging::Page;
    let read = |page: Page| {
        let (store, range) = (session.store.clone(), range.clone());
        async move {
            let (skip, take) = (page.start as u32, PER_PAGE as u32);
            store
                .page_in::<super::resident::VillageLog>(index, &range, skip, take)
                .await
        }
    };
    let (total, mut entries) = read(Page::of(usize::MAX, asked, PER_PAGE)).await?;
    let page = Page::of(total as usize, asked, PER_PAGE);
    if entries.is_empty() && total > 0 {
        entries = read(page).await?.1;
    }
    Ok(super::log_book::LogPage {
        total: total as usize,
        page,
        entries,
    })
}
