//! IndexedDB: the schema (pure), storage errors, and the one module that reads and writes the
//! database.

pub mod body;
pub mod error;
pub mod schema;
pub mod settings;
pub mod space;
pub mod write_mark;

#[cfg(target_arch = "wasm32")]
pub mod db;
#[cfg(target_arch = "wasm32")]
pub mod quota;
#[cfg(target_arch = "wasm32")]
pub use db::Store;
pub use error::StoreError;
