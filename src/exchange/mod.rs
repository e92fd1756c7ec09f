//! Files in and out: the envelope, the checks every import passes, and the merge plan that
//! decides what an import does before one transaction writes it. Pure (no browser APIs) but for
//! `webcrypto.rs`, the browser's cipher that sealed files are encrypted with.

pub mod ballots;
pub mod calendars;
pub mod de_error;
pub mod envelope;
pub mod error;
pub mod fields;
pub mod ids;
pub mod labels;
pub mod merge;
pub mod parts;
pub mod records;
pub mod sealed;
pub mod table;
pub mod text;
pub mod times;
pub mod validate;
#[cfg(target_arch = "wasm32")]
pub mod webcrypto;

#[cfg(test)]
mod tests;
