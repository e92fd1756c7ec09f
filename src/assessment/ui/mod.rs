//! The 述职评议 screens: rating rounds (set up, count paper ballots, the shared-computer kiosk,
//! blank ballots, results), rating online from one's own browser, and exchanging files.

mod ballot_form;
mod ballot_list;
mod blank;
mod count;
mod decision;
mod form_fill;
mod form_store;
mod form_templates;
mod forms;
pub mod kiosk;
mod kiosk_ballot;
mod machine_blank;
mod results;
mod round_detail;
mod round_form;
mod rounds;
mod scan_count;
mod scan_read;
mod scan_review;
mod slip_entry;
mod slip_sheet;
mod vote;

use std::rc::Rc;

use crate::ui::prelude::*;

use super::form::{builtin_templates, DutyReport, FilledForm, FormTemplate, SelfAssessment};
use super::model::{Ballot, Evaluation};
use crate::admonition::model::Admonition;
use crate::app::Route;
use crate::record::Id;
use crate::roster::model::Cadre;
use crate::ui::tabs::{tabs, TabNav, TabRoute};

crate::page_data! {
    /// Everything the 述职评议 screens show, each store loaded on its own and shared.
    pub struct RatingData / use_rating_data {
        rounds: Evaluation,
        ballots: Ballot,
        cadres: Cadre,
        cases: Admonition,
        form_templates: FormTemplate,
        self_assessments: SelfAssessment,
        duty_reports: DutyReport,
    }
}

impl RatingData {
    pub fn live_rounds(&self) -> Vec<&Evaluation> {
        let mut list: Vec<&Evaluation> = self.rounds.iter().filter(|r| !r.deleted).collect();
        crate::order::sort_by(&mut list, |r| {
            crate::order::Key::ints(
                -i64::from(r.year),
                -crate::order::moment(r.meta.created_at),
                0,
            )
        });
        list
    }

    pub fn round(&self, id: Id) -> Option<&Evaluation> {
        self.rounds.iter().find(|r| r.meta.id == id && !r.deleted)
    }

    pub fn ballots_of(&self, round: Id) -> Vec<&Ballot> {
        self.ballots
            .iter()
            .filter(|b| b.evaluation_id == round)
            .collect()
    }

    pub fn person(&self, id: Id) -> (String, String) {
        self.cadres
            .iter()
            .find(|c| c.meta.id == id)
            .map(|c| (c.name.clone(), c.unit.clone()))
            .unwrap_or_else(|| ("（已不在名册）".into(), String::new()))
    }

    /// Every form template: the office's own and the built-in ones.
    pub fn templates(&self) -> Vec<FormTemplate> {
        let device = crate::record::DeviceId("builtin".into());
        let mut all: Vec<FormTemplate> = self
            .form_templates
            .iter()
            .filter(|t| !t.deleted)
            .cloned()
            .collect();
        for b in builtin_templates(chrono::DateTime::default(), &device) {
            if !all.iter().any(|t| t.meta.id == b.meta.id) {
                all.push(b);
            }
        }
        all
    }

    /// Every filled form, whichever store it is in, with its kind.
    pub fn forms(&self) -> Vec<&FilledForm> {
        let own = self.self_assessments.iter().map(|f| &f.0);
        own.chain(self.duty_reports.iter().map(|f| &f.0))
            .filter(|f| !f.deleted)
            .collect()
    }

    /// The 自评等次 a person gave themself in `year` (the self-assessment submitted last).
    pub fn self_grade(&self, person: Id, year: i32) -> Option<String> {
        let cadre = self.cadres.iter().find(|c| c.meta.id == person)?;
        let forms: Vec<&FilledForm> = self.self_assessments.iter().map(|f| &f.0).collect();
        crate::assessment::handed_in::self_grade(
            cadre,
            year,
            &forms,
            &self.templates(),
            &self.cadres,
        )
    }

    /// The one rule both modules use: a case in the year rules out 优秀.
    pub fn admonished(&self, year: i32) -> impl Fn(Id) -> bool + '_ {
        move |id| crate::admonition::due::excluded_from_excellent(id, year, &self.cases)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssessmentTab {
    Rounds,
    Forms,
    Vote,
}

impl TabRoute for AssessmentTab {
    const ALL: &'static [AssessmentTab] = &[
        AssessmentTab::Rounds,
        AssessmentTab::Forms,
        AssessmentTab::Vote,
    ];
    const FIRST: AssessmentTab = AssessmentTab::Rounds;

    fn slug(self) -> &'static str {
        match self {
            AssessmentTab::Rounds => "rounds",
            AssessmentTab::Forms => "forms",
            AssessmentTab::Vote => "vote",
        }
    }

    fn label(self) -> &'static str {
        match self {
            AssessmentTab::Rounds => "评议组织（党政办）",
            AssessmentTab::Forms => "自评与述职",
            AssessmentTab::Vote => "网上评议（评议人）",
        }
    }

    /// Tabs of the office only (setting up and collecting).
    fn for_cadre(self) -> bool {
        !matches!(self, AssessmentTab::Rounds)
    }

    fn at(tab: String) -> Route {
        Route::AssessmentTab { tab }
    }
}

#[derive(Properties, PartialEq)]
pub struct AssessmentPageProps {
    pub tab: AssessmentTab,
    #[prop_or_default]
    pub round: Option<Id>,
}

#[function_component(AssessmentPage)]
pub fn assessment_page(props: &AssessmentPageProps) -> Html {
    let tab = props
        .tab
        .shown_to(crate::session::use_session().profile.role);
    let data = use_rating_data();
    let body = data.view(|data| {
        let data = data.clone();
        match (tab, props.round) {
            (_, Some(id)) => html! { <round_detail::RoundDetail {data} round_id={id} /> },
            (AssessmentTab::Rounds, None) => html! { <rounds::RoundsTab {data} /> },
            (AssessmentTab::Vote, None) => html! { <vote::VoteTab {data} /> },
            (AssessmentTab::Forms, None) => html! { <forms::FormsTab {data} /> },
        }
    });
    html! {
        <section class="assessment">
            <h1 class="no-print">{ "述职评议" }</h1>
            <TabNav label="述职评议" tabs={tabs(tab)} />
            { body }
        </section>
    }
}

/// A rater who only votes: the round file and the ballot, without a profile or the rest of the
/// app (ballots are anonymous by design). `on_back` returns to the first-use form.
#[derive(Properties, PartialEq)]
pub struct RaterOnlyProps {
    pub on_back: Callback<()>,
}

#[function_component(RaterOnly)]
pub fn rater_only(props: &RaterOnlyProps) -> Html {
    let data = use_rating_data();
    let body = data.view(|data| html! { <vote::VoteTab data={data.clone()} /> });
    html! {
        <main class="boot rater-only">
            <h1>{ "网上评议" }</h1>
            <p>{ "不用填写姓名：导入党政办发来的评议表文件，输入选票上的选票码，填好后把评议票文件发回党政办。评议票不含您的姓名。" }</p>
            { body }
            <p><button onclick={props.on_back.reform(|_| ())}>{ "不是来评议的？返回填写个人信息" }</button></p>
        </main>
    }
}

/// The 评议组 picker of a round's sheets (blank ballots, 选票码).
pub fn group_select(round: &Evaluation, group: &UseStateHandle<u32>) -> Html {
    let pick = {
        let group = group.clone();
        Callback::from(move |e: Event| {
            group.set(crate::ui::form::field_value(&e).parse().unwrap_or(0))
        })
    };
    html! {
        <label>{ "评议组" }
            <select onchange={pick}>
                { for round.groups.iter().map(|g| html! { <option value={g.key.to_string()} selected={g.key == **group}>{ &g.name }</option> }) }
            </select>
        </label>
    }
}

#[derive(Properties, PartialEq)]
pub struct DataProps {
    pub data: Rc<RatingData>,
}

#[derive(Properties, PartialEq)]
pub struct RoundProps {
    pub data: Rc<RatingData>,
    pub round: Rc<Evaluation>,
}
