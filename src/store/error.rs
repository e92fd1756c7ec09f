//! What can go wrong with the browser's storage, in words a user can act on.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// No IndexedDB at all (very old browser, or storage switched off).
    Unavailable,
    /// The browser refuses storage for this page (private mode, or site data blocked).
    Denied,
    /// Another tab keeps the old database open, so the upgrade waits.
    Blocked,
    /// The database was made by a newer version of the app.
    DatabaseIsNewer,
    /// The disk or the browser's quota is full.
    QuotaExceeded,
    /// Another tab upgraded the database; this tab must reload.
    ClosedByUpgrade,
    /// The browser closed the database by force: a full disk, or site data cleared meanwhile.
    ClosedByBrowser,
    /// The write would not fit in the space the browser has left.
    NoSpace(super::space::NoSpace),
    /// A record was saved elsewhere (another tab or window) after this screen read it.
    Stale(String),
    /// A record in the database could not be read back.
    Corrupt(String),
    /// The browser broke off a read or write: most often the disk is full.
    Interrupted,
    /// A write was cut off earlier and the disk is still too full to open the database safely.
    NoRoomToOpen,
    /// Anything else the browser reported (kept for the console, not shown).
    Other(String),
}

impl StoreError {
    pub fn user_message(&self) -> String {
        match self {
            StoreError::Unavailable => "这个浏览器不支持本地数据库（IndexedDB），无法保存数据。请使用新版 Chrome、Edge、360 或 QQ 浏览器打开。".into(),
            StoreError::Denied => "浏览器禁止本应用保存数据，可能正处于无痕（隐私）模式，或在设置中禁止了网站数据。请用普通窗口打开，并允许本网站保存数据。".into(),
            StoreError::Blocked => "本应用在另一个标签页或窗口中还开着旧版本，数据库升级被挡住了。请关闭其他打开本应用的标签页，本页会自动继续。".into(),
            StoreError::DatabaseIsNewer => "本机数据由更新版本的作风建设工作台保存，当前版本无法打开。请使用最新版本的本应用。".into(),
            StoreError::QuotaExceeded => "存储空间已满，数据没有保存。请清理电脑磁盘或浏览器中其他网站的数据，然后再试；也可以先导出备份。".into(),
            StoreError::ClosedByUpgrade => "本应用已在另一个标签页中升级，请刷新本页后继续。".into(),
            StoreError::ClosedByBrowser => "浏览器关闭了本机数据库，本页无法继续保存。常见原因是电脑磁盘空间已满，或浏览器数据刚被清除。请先腾出磁盘空间，再刷新本页；刷新后如果数据还在，请立即在“数据管理”中导出备份。".into(),
            StoreError::NoSpace(e) => e.user_message(),
            StoreError::Stale(what) => format!("“{what}”刚在另一个标签页或窗口中被修改过，为免覆盖那边的修改，这次没有保存。页面已换成最新的内容，请看过后再修改。"),
            StoreError::Corrupt(what) => format!("本机数据库中有一条记录无法读取（{what}）。请先导出备份，并联系技术人员。"),
            StoreError::Interrupted => "浏览器中断了本机数据库的读写，常见原因是电脑磁盘已满。没写完的部分不会留下半截。请先腾出磁盘空间（例如清空回收站、删除不用的大文件），再刷新本页。".into(),
            StoreError::NoRoomToOpen => "上次写入数据时磁盘已满，现在磁盘空间仍然不够。磁盘满时打开本机数据库，浏览器可能清掉全部数据，所以本应用这次没有打开它。请先腾出磁盘空间（至少几百 MB，例如清空回收站、删除不用的大文件），再刷新本页。".into(),
            StoreError::Other(_) => "保存或读取数据时出错。请刷新页面后重试；如果反复出现，请先在“数据管理”中导出备份。".into(),
        }
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.user_message())
    }
}

impl std::error::Error for StoreError {}

/// Sorts a DOMException by its name, as browsers report it.
pub fn from_dom_name(name: &str, message: &str) -> StoreError {
    match name {
        "QuotaExceededError" => StoreError::QuotaExceeded,
        "VersionError" => StoreError::DatabaseIsNewer,
        "SecurityError" => StoreError::Denied,
        // Firefox and Safari in private mode refuse with InvalidStateError on open.
        "InvalidStateError" if message.contains("database") || message.is_empty() => {
            StoreError::Denied
        }
        "DataCloneError" | "DataError" => StoreError::Corrupt(message.to_string()),
        "AbortError" | "UnknownError" => StoreError::Interrupted,
        _ => StoreError::Other(format!("{name}: {message}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dom_errors_become_messages_a_user_can_act_on() {
        assert_eq!(
            from_dom_name("QuotaExceededError", ""),
            StoreError::QuotaExceeded
        );
        assert_eq!(
            from_dom_name("VersionError", "x"),
            StoreError::DatabaseIsNewer
        );
        assert!(from_dom_name("QuotaExceededError", "")
            .user_message()
            .contains("存储空间已满"));
        assert_eq!(
            from_dom_name("AbortError", "The transaction was aborted"),
            StoreError::Interrupted
        );
        assert!(matches!(
            from_dom_name("NotFoundError", "boom"),
            StoreError::Other(_)
        ));
        // What the browser said stays out of the message: no English on screen.
        let shown = from_dom_name("NotFoundError", "boom").user_message();
        assert!(
            !shown.contains("boom") && !shown.contains("NotFound"),
            "{shown}"
        );
    }
}
