//! Will a write fit? When the disk or the browser's quota runs out in the middle of a write,
//! Chromium may give up the whole database, so a large write is checked against the space left
//! before it starts, and refused with what to do if it would not fit.

/// IndexedDB keeps a record in more room than its JSON text (keys, structured clone, journal
/// during the transaction): the check asks for this many times the text's size.
pub const OVERHEAD: u64 = 3;
/// Writes smaller than this are not checked: asking the browser can take longer than such a
/// write, and a transaction that runs out of room still fails whole.
pub const CHECK_FROM_BYTES: u64 = 256 * 1024;

/// Room always left free for the app's other writes and the browser's own bookkeeping.
pub const MARGIN_BYTES: u64 = 4 * 1024 * 1024;

/// The room a write needs and the room there is, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoSpace {
    pub needed: u64,
    pub free: u64,
}

impl NoSpace {
    pub fn user_message(&self) -> String {
        format!(
            "这次写入需要约 {} MB 空间，本应用在这台电脑上还能用的只有约 {} MB，放不下。为免损坏已有数据，什么都没有写入。请先清理电脑磁盘（或在浏览器设置中删除其他网站的数据），再重新导入。",
            mb(self.needed),
            mb(self.free)
        )
    }
}

fn mb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

/// Checks a write of `text_bytes` of JSON against the browser's estimate of `usage` and `quota`.
/// An estimate the browser did not give (`None`) lets the write go ahead: the transaction still
/// fails whole if space runs out.
pub fn check(text_bytes: u64, estimate: Option<(f64, f64)>) -> Result<(), NoSpace> {
    let Some((usage, quota)) = estimate.filter(|(u, q)| u.is_finite() && q.is_finite() && *q > 0.0)
    else {
        return Ok(());
    };
    let free = (quota - usage).max(0.0) as u64;
    let needed = text_bytes
        .saturating_mul(OVERHEAD)
        .saturating_add(MARGIN_BYTES);
    if needed > free {
        Err(NoSpace { needed, free })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MB: f64 = 1024.0 * 1024.0;

    #[test]
    fn a_write_that_fits_goes_ahead() {
        assert_eq!(check(1_000_000, Some((10.0 * MB, 500.0 * MB))), Ok(()));
    }

    #[test]
    fn a_write_that_would_fill_the_disk_is_refused_before_it_starts() {
        // 40 MB of JSON with 60 MB left: three times the text plus the margin does not fit.
        let refused = check(40 * 1024 * 1024, Some((440.0 * MB, 500.0 * MB)));
        assert_eq!(
            refused,
            Err(NoSpace {
                needed: 124 * 1024 * 1024,
                free: 60 * 1024 * 1024
            })
        );
        let message = refused.err().map(|e| e.user_message()).unwrap_or_default();
        assert!(
            message.contains("约 124.0 MB") && message.contains("约 60.0 MB"),
            "{message}"
        );
        assert!(message.contains("什么都没有写入"));
    }

    #[test]
    fn a_full_quota_refuses_even_a_small_write() {
        assert!(check(10, Some((500.0 * MB, 500.0 * MB))).is_err());
        assert!(
            check(10, Some((600.0 * MB, 500.0 * MB))).is_err(),
            "usage above quota counts as none free"
        );
    }

    #[test]
    fn without_an_estimate_the_transaction_itself_guards() {
        assert_eq!(check(u64::MAX, None), Ok(()));
        assert_eq!(check(10, Some((f64::NAN, 500.0 * MB))), Ok(()));
        assert_eq!(check(10, Some((0.0, 0.0))), Ok(()));
    }
}
