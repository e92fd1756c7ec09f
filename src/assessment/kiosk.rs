//! The shared computer at the rating meeting: locked to one round and group until the
//! secretary's password is given again, so a rater can neither leave the ballot nor see totals.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::record::Id;

/// Where the lock is kept (browser settings: it never travels in a file).
pub const KIOSK_LOCK: &str = "kiosk_lock";
pub const MIN_PASSWORD_CHARS: usize = 6;
/// Wrong exit passwords allowed before each further try must wait.
pub const FREE_TRIES: u32 = 5;

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
    /// Wrong exit passwords given in a row (kept with the lock, so a reload does not reset it).
    #[serde(default)]
    pub wrong_tries: u32,
    /// No try is taken before this moment (milliseconds since 1970).
    #[serde(default)]
    pub wait_until_ms: i64,
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
            wrong_tries: 0,
            wait_until_ms: 0,
        })
    }

    pub fn opens_with(&self, password: &str) -> bool {
        digest(&self.salt, password) == self.hash
    }

    /// Seconds to wait before the next try at `now_ms`, if any.
    pub fn wait_secs(&self, now_ms: i64) -> Option<i64> {
        let left = self.wait_until_ms - now_ms;
        (left > 0).then(|| (left + 999) / 1000)
    }

    /// The lock after a wrong password at `now_ms`: from the sixth wrong try in a row each
    /// further one waits, 30 seconds doubling up to 15 minutes.
    pub fn after_wrong(&self, now_ms: i64) -> KioskLock {
        let wrong = self.wrong_tries.saturating_add(1);
        let wait_secs = match wrong.checked_sub(FREE_TRIES) {
            None | Some(0) => 0,
            Some(n) => (30i64 << (n - 1).min(5)).min(900),
        };
        KioskLock {
            wrong_tries: wrong,
            wait_until_ms: now_ms + wait_secs * 1000,
            ..self.clone()
        }
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
        assert!(KioskLock::new(uuid::Uuid::nil(), 1, "abcde", "abcde", "s".into()).is_err());
        assert!(KioskLock::new(uuid::Uuid::nil(), 1, "abcdef", "abcdeg", "s".into()).is_err());
        assert!(KioskLock::new(uuid::Uuid::nil(), 1, "abcdef", "abcdef", "s".into()).is_ok());
    }

    #[test]
    fn wrong_passwords_beyond_five_wait_longer_each_time() {
        let lock = KioskLock::new(uuid::Uuid::nil(), 1, "hui2026", "hui2026", "s".into());
        let mut lock = lock.unwrap_or_else(|e| panic!("{e}"));
        let now = 1_000_000;
        for _ in 0..5 {
            lock = lock.after_wrong(now);
            assert_eq!(lock.wait_secs(now), None, "five tries are free");
        }
        let waits: Vec<Option<i64>> = (0..8)
            .map(|_| {
                lock = lock.after_wrong(now);
                lock.wait_secs(now)
            })
            .collect();
        assert_eq!(
            waits,
            [30, 60, 120, 240, 480, 900, 900, 900].map(Some).to_vec()
        );
        assert_eq!(lock.wait_secs(now + 900_000), None);
        assert_eq!(lock.wait_secs(now + 899_500), Some(1));
    }
}
