//! 数据管理: backup, restore and merge of whole-browser files, storage status, clearing data.

#[cfg(target_arch = "wasm32")]
pub mod backup;
#[cfg(target_arch = "wasm32")]
mod conflicts;
#[cfg(target_arch = "wasm32")]
mod held;
pub mod import_flow;
#[cfg(target_arch = "wasm32")]
pub mod import_panel;
#[cfg(target_arch = "wasm32")]
pub mod page;
#[cfg(target_arch = "wasm32")]
pub mod recovery;
#[cfg(target_arch = "wasm32")]
mod unknown_villages;
#[cfg(target_arch = "wasm32")]
mod unlock;
