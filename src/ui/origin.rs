//! Where the page was opened from.

/// The single HTML file opened straight from a disk or USB stick (`file://`). Chromium gives
/// every local file one shared storage, so any other local page opened in the same browser can
/// read this app's database: personal data that needs sealing at rest is not kept there.
pub fn single_file() -> bool {
    gloo::utils::window()
        .location()
        .protocol()
        .is_ok_and(|p| p == "file:")
}
