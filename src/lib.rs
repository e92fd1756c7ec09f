//! 作风建设工作台: the study test bank, duty reports and ratings, admonition cases and the
//! work-line planner of a township office, kept in the browser and exchanged as files.

pub mod exchange;
pub mod record;
pub mod roster;
pub mod store;
