//! Files in and out: the envelope, the checks every import passes, and the merge plan that
//! decides what an import does before one transaction writes it. Pure: no browser APIs.

pub mod ballots;
pub mod envelope;
pub mod error;
pub mod fields;
pub mod ids;
pub mod labels;
pub mod merge;
pub mod records;
pub mod table;
pub mod text;
pub mod validate;

#[cfg(test)]
mod tests;
