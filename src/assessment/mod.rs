//! 述职评议: rating rounds (评议) with their rater groups and ballots — paper ballots counted by
//! keyboard, ballots cast on a shared computer, ballots sent as files — the tally with weights,
//! thresholds, the 优秀 quota and bonus coefficients. Everything here but `ui/` is pure.

pub mod ballot_sheet;
pub mod counting;
pub mod form;
pub mod handed_in;
pub mod intake;
pub mod kiosk;
pub mod model;
pub mod paper_count;
pub mod report;
pub mod round_draft;
pub mod share;
pub mod slips;
pub mod tally;

#[cfg(target_arch = "wasm32")]
pub mod ui;
