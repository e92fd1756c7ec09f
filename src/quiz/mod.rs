//! 学习测验: the question bank, importers from the formats offices use, and (to come) quizzes,
//! answer sheets, grading, self-study and the study log.

pub mod answer;
pub mod import;
pub mod model;
