//! The shared computer at the rating meeting: locked to one round and group until the
//! secretary's password is given again, so a rater can neither leave the ballot nor see totals.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::record::Id;

/// Where the lock is kept (browser settings: it never travels in a file).
pub const KIOSK_LOCK: &str = "kiosk_lock";
pub const MIN_PASSWORD_CHARS: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskLock {
    pub evaluation_id: Id,
    pub group: u32,
    pub salt: String,
    /// SHA-256 of salt and password, in hex.
    pub hash: String,
    /// Ballots cast since the kiosk opened, shown to the next rater as a plain count.
    #[serde(default)]
    pub cast: u32,
}

fn digest(salt: &str, password: &str) -> String {
    let mut h = Sha256::new();
    h.update(salt.as_bytes());
    h.update([0u8]);
    h.update(password.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

impl KioskLock {
    /// Locks the kiosk with `password` (typed twice).
    pub fn new(
        evaluation_id: Id,
        group: u32,
        password: &str,
        again: &str,
        salt: String,
    ) -> Result<KioskLock, String> {
        if password.chars().count() < MIN_PASSWORD_CHARS {
            return Err(format!("退出密码至少 {MIN_PASSWORD_CHARS} 个字符。"));
        }
        if password != again {
            return Err("两次输入的退出密码不一致。".into());
        }
        Ok(KioskLock {
            evaluation_id,
            group,
            hash: digest(&salt, password),
            salt,
            cast: 0,
        })
    }

    pub fn opens_with(&self, password: &str) -> bool {
        digest(&self.salt, password) == self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_password_opens_the_lock() {
        let lock = KioskLock::new(uuid::Uuid::nil(), 1, "mima2026", "mima2026", "salt".into());
        let lock = lock.unwrap_or_else(|e| panic!("{e}"));
        assert!(lock.opens_with("mima2026"));
        assert!(!lock.opens_with("mima2025"));
        assert!(!lock.hash.contains("mima"), "the password is not kept");
        let other = KioskLock::new(uuid::Uuid::nil(), 1, "mima2026", "mima2026", "other".into());
        assert_ne!(
            other.map(|l| l.hash).unwrap_or_default(),
            lock.hash,
            "salted"
        );
    }

    #[test]
    fn a_short_or_mistyped_password_is_refused() {
        assert!(KioskLock::new(uuid::Uuid::nil(), 1, "abc", "abc", "s".into()).is_err());
        assert!(KioskLock::new(uuid::Uuid::nil(), 1, "abcd", "abce", "s".into()).is_err());
    }
}
