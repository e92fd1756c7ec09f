//! Times a file cannot truly hold. A record changed after the file was exported, or a file
//! whose maker's clock ran more than a day ahead of this computer's, carries moments that are
//! not true; such a moment would sort above everything made since (a template "from 2099"
//! would stay the first choice for good). They are set back to the latest true moment, and
//! the preview says how many.

use super::validate::IncomingRecord;
use chrono::{DateTime, Duration, Utc};

/// Sets back every `created_at`/`updated_at` later than the file's export (or, for a file from
/// the future, later than `now` plus a day) to that moment; returns how many records changed.
pub fn settle_times(
    records: &mut [IncomingRecord],
    exported_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> usize {
    let latest = exported_at.min(now + Duration::days(1));
    let mut changed = 0;
    for record in records.iter_mut() {
        let meta = &mut record.meta;
        if meta.updated_at <= latest && meta.created_at <= latest {
            continue;
        }
        meta.updated_at = meta.updated_at.min(latest);
        meta.created_at = meta.created_at.min(latest);
        if let (Some(obj), Ok(m)) = (record.value.as_object_mut(), serde_json::to_value(&*meta)) {
            obj.insert("meta".into(), m);
        }
        changed += 1;
    }
    changed
}

/// What the preview says about them.
pub fn note(changed: usize) -> Option<String> {
    (changed > 0).then(|| {
        format!(
            "文件中有 {changed} 条记录的修改时间晚于文件的导出时间或这台电脑的时间，不可信，已按导出时间记录（制作文件的电脑时间可能不准）。"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{DeviceId, Meta};
    use crate::store::schema::StoreName;

    fn at(y: i32) -> DateTime<Utc> {
        chrono::NaiveDate::from_ymd_opt(y, 6, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|t| t.and_utc())
            .unwrap_or_default()
    }

    fn record(updated: DateTime<Utc>) -> IncomingRecord {
        let mut meta = Meta::new(&DeviceId("d".into()), at(2026));
        meta.updated_at = updated;
        IncomingRecord {
            store: StoreName::DocumentTemplates,
            value: serde_json::json!({ "meta": meta }),
            meta,
        }
    }

    #[test]
    fn moments_after_the_export_or_far_ahead_of_this_clock_are_set_back() {
        let mut records = vec![record(at(2026)), record(at(2099))];
        assert_eq!(settle_times(&mut records, at(2026), at(2026)), 1);
        assert_eq!(records[1].meta.updated_at, at(2026));
        assert_eq!(
            records[1].value["meta"]["updated_at"],
            serde_json::json!(at(2026))
        );
        assert_eq!(records[0].meta.updated_at, at(2026));
        // A file "exported in 2099": its moments are this computer's day after tomorrow at most.
        let mut records = vec![record(at(2099))];
        assert_eq!(settle_times(&mut records, at(2099), at(2026)), 1);
        assert_eq!(records[0].meta.updated_at, at(2026) + Duration::days(1));
        assert!(note(0).is_none());
        assert!(note(2).unwrap_or_default().contains("2 条记录"));
    }
}
