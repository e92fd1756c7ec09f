//! 学习测验: the question bank, importers from the formats offices use, quizzes and their
//! papers, attempts (答卷), grading and statistics.

pub mod answer;
pub mod answer_card;
pub mod attempt;
pub mod bank;
pub mod builder;
pub mod check_code;
pub mod grading;
pub mod handed_in;
pub mod import;
pub mod intake;
pub mod model;
pub mod paper;
pub mod practice;
pub mod received;
pub mod study_log;
pub mod tagged;
#[cfg(target_arch = "wasm32")]
pub mod ui;
