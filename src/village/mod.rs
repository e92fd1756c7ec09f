//! 驻村与便民: the source's remaining systems — resident village cadres and their logs
//! (`resident.rs`, 驻村员), the one-visit service ledger (`service.rs`, 便民服务) and the public
//! notice sheets (`notice.rs`, 公开栏). Everything here but `ui/` is pure.

pub mod correction;
pub mod log_book;
pub mod log_tally;
pub mod notice;
pub mod place;
pub mod resident;
pub mod service;

#[cfg(target_arch = "wasm32")]
pub mod ui;
