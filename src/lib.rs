//! 作风建设工作台: the study test bank, duty reports and ratings, admonition cases and the
//! work-line planner of a township office, kept in the browser and exchanged as files.
//!
//! Pure modules (models, file formats, checks, merge decisions) build and test natively; the
//! screens and the IndexedDB store exist only in the wasm build.

pub mod access;
pub mod address;
pub mod admonition;
pub mod assessment;
pub mod choice;
pub mod data_admin;
pub mod decimal;
pub mod draft;
pub mod erased;
pub mod exchange;
pub mod instant_text;
pub mod local_time;
pub mod named;
pub mod office;
pub mod order;
pub mod paging;
pub mod paper;
pub mod quiz;
pub mod record;
pub mod release;
pub mod roster;
pub mod sorted;
pub mod store;
pub mod village;
pub mod workline;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod boot;
#[cfg(target_arch = "wasm32")]
pub mod broadcast;
#[cfg(target_arch = "wasm32")]
pub mod home;
#[cfg(target_arch = "wasm32")]
pub mod profile;
#[cfg(target_arch = "wasm32")]
pub mod routes;
#[cfg(target_arch = "wasm32")]
pub mod session;
#[cfg(target_arch = "wasm32")]
pub mod shell;
#[cfg(target_arch = "wasm32")]
pub mod ui;
