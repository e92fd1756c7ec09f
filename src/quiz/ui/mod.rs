//! The 学习测验 screens: the question bank, making and sending quizzes, taking a quiz, and
//! grading the answer sheets that come back.

mod bank;
mod practice;
mod question_form;
mod quizzes;
mod results;
mod study_log;
mod take;

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use super::attempt::Attempt;
use super::model::Question;
use super::paper::Quiz;
use super::practice::{Mistake, PracticeSession};
use super::study_log::StudyEvent;
use crate::app::{use_session, Route, Session};
use crate::roster::model::Cadre;
use crate::store::StoreError;
use crate::ui::notice::{Notice, NoticeBox};

/// Everything the quiz screens show, loaded together.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizData {
    pub questions: Vec<Question>,
    pub quizzes: Vec<Quiz>,
    pub attempts: Vec<Attempt>,
    pub cadres: Vec<Cadre>,
    pub mistakes: Vec<Mistake>,
    pub practice: Vec<PracticeSession>,
    pub study_events: Vec<StudyEvent>,
}

impl QuizData {
    pub fn live_quizzes(&self) -> Vec<&Quiz> {
        let mut list: Vec<&Quiz> = self.quizzes.iter().filter(|q| !q.deleted).collect();
        list.sort_by_key(|q| std::cmp::Reverse(q.meta.created_at));
        list
    }
}

async fn load(session: &Session) -> Result<QuizData, StoreError> {
    Ok(QuizData {
        questions: session.store.all().await?,
        quizzes: session.store.all().await?,
        attempts: session.store.all().await?,
        cadres: session.store.all().await?,
        mistakes: session.store.all().await?,
        practice: session.store.all().await?,
        study_events: session.store.all().await?,
    })
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

impl QuizTab {
    const ALL: [QuizTab; 6] = [
        QuizTab::Bank,
        QuizTab::Quizzes,
        QuizTab::Take,
        QuizTab::Results,
        QuizTab::Practice,
        QuizTab::StudyLog,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            QuizTab::Bank => "bank",
            QuizTab::Quizzes => "quizzes",
            QuizTab::Take => "take",
            QuizTab::Results => "results",
            QuizTab::Practice => "practice",
            QuizTab::StudyLog => "log",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            QuizTab::Bank => "题库",
            QuizTab::Quizzes => "组卷与发放",
            QuizTab::Take => "参加测验",
            QuizTab::Results => "阅卷与分析",
            QuizTab::Practice => "自学与错题本",
            QuizTab::StudyLog => "学习记录",
        }
    }

    pub fn parse(slug: &str) -> QuizTab {
        Self::ALL
            .into_iter()
            .find(|t| t.slug() == slug)
            .unwrap_or(QuizTab::Bank)
    }

    pub fn route(self) -> Route {
        Route::QuizTab {
            tab: self.slug().to_string(),
        }
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
    let session = use_session();
    let data = use_state(|| None::<Result<Rc<QuizData>, String>>);
    {
        let (data, session) = (data.clone(), session.clone());
        use_effect_with(session.data_version, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                data.set(Some(
                    load(&session)
                        .await
                        .map(Rc::new)
                        .map_err(|e| e.user_message()),
                ));
            });
        });
    }
    let body = match &*data {
        None => html! { <p aria-busy="true">{ "正在读取……" }</p> },
        Some(Err(m)) => html! { <NoticeBox notice={Some(Notice::Error(m.clone()))} /> },
        Some(Ok(d)) => match props.tab {
            QuizTab::Bank => html! { <bank::BankTab data={d.clone()} /> },
            QuizTab::Quizzes => html! { <quizzes::QuizzesTab data={d.clone()} /> },
            QuizTab::Take => html! { <take::TakeTab data={d.clone()} /> },
            QuizTab::Results => html! { <results::ResultsTab data={d.clone()} /> },
            QuizTab::Practice => html! { <practice::PracticeTab data={d.clone()} /> },
            QuizTab::StudyLog => html! { <study_log::StudyLogTab data={d.clone()} /> },
        },
    };
    html! {
        <section class="quiz">
            <h1>{ "学习测验" }</h1>
            <nav class="tabs no-print" aria-label="学习测验">
                { for QuizTab::ALL.iter().map(|t| html! {
                    <Link<Route> to={t.route()} classes={classes!((*t == props.tab).then_some("active"))}>{ t.label() }</Link<Route>>
                }) }
            </nav>
            { body }
        </section>
    }
}
