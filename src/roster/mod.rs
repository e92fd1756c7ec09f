//! 干部名册: the people every module refers to.

pub mod csv_import;
pub mod export;
#[cfg(target_arch = "wasm32")]
pub mod export_ui;
pub mod matching;
pub mod model;
pub mod names;
#[cfg(target_arch = "wasm32")]
pub mod ui;
