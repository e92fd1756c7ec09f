//! Telling the user that a new version of the app is now running (after the service worker or
//! a new single file brought it).

use crate::exchange::envelope::{AppVersion, APP_VERSION};

/// Where the browser remembers the version that last ran (localStorage: readable before the
/// database opens, and per origin like the data).
pub const LAST_RUN_VERSION_KEY: &str = "zuofeng.app_version";

/// The message for the first start of a new version; nothing on first use or an unchanged
/// version.
pub fn update_notice(previous: Option<&str>) -> Option<String> {
    let previous = previous?;
    if previous == APP_VERSION {
        return None;
    }
    let newer = match (AppVersion::parse(previous), AppVersion::parse(APP_VERSION)) {
        (Some(p), Some(c)) => c > p,
        _ => true,
    };
    Some(if newer {
        format!("作风建设工作台已更新到 {APP_VERSION} 版（原为 {previous} 版），新版本已经生效。")
    } else {
        format!("当前运行的是 {APP_VERSION} 版，比上次使用的 {previous} 版旧。如非有意，请使用最新版本。")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_about_a_new_version_once() {
        assert_eq!(update_notice(None), None);
        assert_eq!(update_notice(Some(APP_VERSION)), None);
        let msg = update_notice(Some("0.0.1")).unwrap_or_default();
        assert!(msg.contains("已更新到"), "{msg}");
        let msg = update_notice(Some("99.0.0")).unwrap_or_default();
        assert!(msg.contains("比上次使用的 99.0.0 版旧"), "{msg}");
    }
}
