//! Saving this browser's data as a backup file: from the backup card, and as the first half of
//! every step that could cost data (a large import, clearing), so that step can be undone.
//! Admonition cases are personal data: a backup holds them only sealed with a password.

use crate::exchange::envelope::FileKind;
use crate::exchange::parts::{part_label, split, PART_BYTES};
use crate::order::Collect;
use crate::session::Session;
use crate::store::schema::StoreName;
use crate::store::settings::LAST_BACKUP_AT;
use crate::ui::export::{export_part, export_sealed, Exported};

/// Offers every record for download as a backup. With a password the whole file is sealed and
/// holds the admonition cases; without one it holds everything but the cases. Records the date
/// of the last backup.
pub async fn export_backup(session: &Session, password: Option<&str>) -> Result<Exported, String> {
    let records = session
        .store
        .read_all()
        .await
        .map_err(|e| e.user_message())?;
    let records: crate::sorted::SortedMap<String, Vec<serde_json::Value>> = records
        .into_iter()
        .filter(|(store, _)| password.is_some() || *store != StoreName::Admonitions)
        .map(|(store, values)| (store.as_str().to_string(), values))
        .to_map();
    let person = session.profile.name.clone();
    // A backup bigger than a file the app reads goes out in parts, each restored on its own.
    let parts = split(records, PART_BYTES);
    let count = parts.len();
    let mut written: Vec<Exported> = Vec::with_capacity(count);
    for (i, part) in parts.into_iter().enumerate() {
        let label = (count > 1).then(|| part_label(i, count));
        let label = label.as_deref();
        written.push(match password {
            Some(p) => export_sealed(session, FileKind::Backup, &person, label, part, p).await?,
            None => export_part(session, FileKind::Backup, &person, label, part)?,
        });
    }
    let records: usize = written.iter().map(|f| f.records).sum();
    let mut file = written
        .into_iter()
        .next()
        .ok_or_else(|| "备份没有写出文件。".to_string())?;
    if count > 1 {
        file.records = records;
        file.name = format!("{} 等 {count} 个文件（从第1部分起逐个导入）", file.name);
    }
    session.set_setting(LAST_BACKUP_AT, file.at).await?;
    Ok(file)
}

/// The safety copy kept before a step that could cost data: sealed with the cases when the
/// user gave a password for it, else everything but the cases.
pub async fn backup_before(
    session: &Session,
    what: &str,
    password: Option<&str>,
) -> Result<Exported, String> {
    export_backup(session, password).await.map_err(|message| {
        format!("没有{what}：先要导出的备份没有成功，本机数据没有任何改变。{message}")
    })
}

/// Before an import writes: the safety copy when `safety_copy` (see `import_flow::backup_first`),
/// then the mark that lets the next start find a database the browser emptied meanwhile
/// (`store::write_mark`), naming that copy. The settings the mark carries are read first.
pub async fn before_import(
    session: &Session,
    file_name: &str,
    safety_copy: bool,
    records_before: usize,
) -> Result<(), String> {
    use crate::store::write_mark::{self, Why, WriteMark, CARRIED_SETTINGS};
    let last_backup_at = session
        .store
        .setting::<chrono::DateTime<chrono::Utc>>(LAST_BACKUP_AT)
        .await
        .ok()
        .flatten();
    let mut settings = Vec::new();
    for key in CARRIED_SETTINGS {
        if let Ok(Some(value)) = session.store.setting::<serde_json::Value>(key).await {
            settings.push((key.to_string(), value));
        }
    }
    let backup = match safety_copy {
        true => Some(backup_before(session, "导入", None).await?.name),
        false => None,
    };
    write_mark::save(&WriteMark {
        why: Why::Importing {
            file_name: file_name.to_string(),
        },
        at: crate::ui::time::now(),
        records_before,
        backup,
        last_backup_at,
        profile: session.profile.clone(),
        device: session.device.clone(),
        settings,
    });
    Ok(())
}
