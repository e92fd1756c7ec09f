//! Widgets every page uses.

pub mod collate;
pub mod dated_action;
pub mod download;
pub mod effect;
pub mod export;
pub mod file_drop;
pub mod form;
pub mod inflate;
pub mod kept_draft;
pub mod kept_input;
pub mod load;
pub mod notice;
pub mod omr_sheet;
pub mod origin;
pub mod pager;
pub mod password;
pub mod prelude;
pub mod scan_image;
pub mod scan_pages;
pub mod state;
pub mod table;
pub mod tabs;
pub mod time;
pub mod unsaved;
