//! The 学习测验 screens: the question bank, making and sending quizzes, taking a quiz, and
//! grading the answer sheets that come back.

mod answer_cards;
mod answer_codes;
mod answer_input;
mod bank;
mod bank_import;
mod card_review;
mod card_scan;
mod draw_rules;
mod histogram;
mod identity;
mod marking;
mod my_study;
mod practice;
mod question_form;
mod quiz_form;
mod quiz_preview;
mod quizzes;
mod results;
mod runner;
mod sheet_intake;
mod study_log;
mod submitted;
mod take;

use std::rc::Rc;

use crate::ui::prelude::*;

use super::attempt::Attempt;
use super::model::Question;
use super::paper::Quiz;
use super::practice::{Mistake, PracticeSession};
use super::study_log::StudyEvent;
use crate::app::Route;
use crate::roster::model::Cadre;
use crate::ui::tabs::{tabs, TabNav, TabRoute};

crate::page_data! {
    /// Everything the quiz screens show. Each store is loaded on its own and shared, so saving a
    /// practice answer reloads the practice log, not a 10,000-question bank.
    pub struct QuizData / use_quiz_data {
        questions: Question,
        quizzes: Quiz,
        attempts: Attempt,
        cadres: Cadre,
        mistakes: Mistake,
        practice: PracticeSession,
        study_events: StudyEvent,
    }
}

impl QuizData {
    pub fn live_quizzes(&self) -> Vec<&Quiz> {
        let mut list: Vec<&Quiz> = self.quizzes.iter().filter(|q| !q.deleted).collect();
        crate::order::sort_by(&mut list, |q| {
            crate::order::Key::int(-crate::order::moment(q.meta.created_at))
        });
        list
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizTab {
    Bank,
    Quizzes,
    Take,
    Results,
    Practice,
    StudyLog,
}

impl TabRoute for QuizTab {
    const ALL: &'static [QuizTab] = &[
        QuizTab::Bank,
        QuizTab::Quizzes,
        QuizTab::Take,
        QuizTab::Results,
        QuizTab::Practice,
        QuizTab::StudyLog,
    ];
    const FIRST: QuizTab = QuizTab::Bank;

    fn slug(self) -> &'static str {
        match self {
            QuizTab::Bank => "bank",
            QuizTab::Quizzes => "quizzes",
            QuizTab::Take => "take",
            QuizTab::Results => "results",
            QuizTab::Practice => "practice",
            QuizTab::StudyLog => "log",
        }
    }

    fn label(self) -> &'static str {
        match self {
            QuizTab::Bank => "题库",
            QuizTab::Quizzes => "组卷与发放",
            QuizTab::Take => "参加测验",
            QuizTab::Results => "阅卷与分析",
            QuizTab::Practice => "自学与错题本",
            QuizTab::StudyLog => "学习记录",
        }
    }

    /// Tabs of the office only (setting up and collecting).
    fn for_cadre(self) -> bool {
        !matches!(self, QuizTab::Bank | QuizTab::Quizzes | QuizTab::Results)
    }

    fn at(tab: String) -> Route {
        Route::QuizTab { tab }
    }
}

#[derive(Properties, PartialEq)]
pub struct QuizPageProps {
    pub tab: QuizTab,
}

#[derive(Properties, PartialEq)]
pub struct DataProps {
    pub data: Rc<QuizData>,
}

#[function_component(QuizPage)]
pub fn quiz_page(props: &QuizPageProps) -> Html {
    let tab = props
        .tab
        .shown_to(crate::session::use_session().profile.role);
    let data = use_quiz_data();
    let body = data.view(|d| match tab {
        QuizTab::Bank => html! { <bank::BankTab data={d.clone()} /> },
        QuizTab::Quizzes => html! { <quizzes::QuizzesTab data={d.clone()} /> },
        QuizTab::Take => html! { <take::TakeTab data={d.clone()} /> },
        QuizTab::Results => html! { <results::ResultsTab data={d.clone()} /> },
        QuizTab::Practice => html! { <practice::PracticeTab data={d.clone()} /> },
        QuizTab::StudyLog => html! { <study_log::StudyLogTab data={d.clone()} /> },
    });
    html! {
        <section class="quiz">
            <h1 class="no-print">{ "学习测验" }</h1>
            <TabNav label="学习测验" tabs={tabs(tab)} />
            { body }
        </section>
    }
}
