//! 干部名册: the people every module refers to.

#[cfg(target_arch = "wasm32")]
mod cadre_form;
pub mod csv_import;
pub mod export;
#[cfg(target_arch = "wasm32")]
pub mod export_ui;
#[cfg(target_arch = "wasm32")]
mod import_preview;
pub mod matching;
pub mod model;
pub mod names;
#[cfg(target_arch = "wasm32")]
pub mod ui;
