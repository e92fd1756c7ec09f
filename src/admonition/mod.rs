//! 谈话诫勉: admonition cases with the rectification deadline and the review that lifts them,
//! the official documents filled from a case, and the holiday calendar that working-day
//! deadlines count on. Everything here but `ui/` is pure and tested natively.

pub mod deadline;
pub mod document;
pub mod due;
pub mod identity;
pub mod model;
pub mod notice;
pub mod register;
pub mod steps;
pub mod template;
#[cfg(test)]
pub mod testing;

#[cfg(target_arch = "wasm32")]
pub mod ui;
