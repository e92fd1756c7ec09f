//! Saving this browser's data as a backup file: from the backup card, and as the first half of
//! every step that could cost data (a large import, clearing), so that step can be undone.

use crate::exchange::envelope::FileKind;
use crate::session::Session;
use crate::store::schema::StoreName;
use crate::store::settings::LAST_BACKUP_AT;
use crate::ui::export::{export_file, Exported};

/// Offers every record for download as a backup; admonition cases (personal data) only when
/// `with_cases`. Records the date of the last backup.
pub async fn export_backup(session: &Session, with_cases: bool) -> Result<Exported, String> {
    let records = session
        .store
        .read_all()
        .await
        .map_err(|e| e.user_message())?;
    let records = records
        .into_iter()
        .filter(|(store, _)| with_cases || *store != StoreName::Admonitions)
        .map(|(store, values)| (store.as_str().to_string(), values))
        .collect();
    let file = export_file(session, FileKind::Backup, &session.profile.name, records)?;
    session
        .store
        .set_setting(LAST_BACKUP_AT, file.at)
        .await
        .map_err(|e| e.user_message())?;
    session.announce.emit(vec![StoreName::Settings]);
    Ok(file)
}

/// The safety copy kept before a step that could cost data: everything, cases included, since
/// the step may touch them too.
pub async fn backup_before(session: &Session, what: &str) -> Result<Exported, String> {
    export_backup(session, true).await.map_err(|message| {
        format!("没有{what}：先要导出的备份没有成功，本机数据没有任何改变。{message}")
    })
}
