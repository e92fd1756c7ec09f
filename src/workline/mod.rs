//! 工作分线: work lines with goals, leaders, units and deadlines; tasks to persons; the daily
//! stand-up, weekly plan, weekly dispatch and monthly summary; sharing lines by file.

pub mod model;
pub mod report;
pub mod schedule;
pub mod share;
pub mod standup;
pub mod timeline;
#[cfg(target_arch = "wasm32")]
pub mod ui;
