//! Sealed files: personal data (诫勉案卷, backups that hold cases) leaves encrypted with a
//! password. The envelope stays readable — kind, who exported it, when, how many records of
//! each store — so the preview can say what the file is before the password is typed; the
//! records are one JSON object encrypted with AES-256-GCM under a key derived from the password
//! with PBKDF2-SHA-256 (salt and nonce random per file). `docs/file-format.md` describes it for
//! any other tool; the cipher itself is the browser's (`webcrypto.rs`).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::envelope::{Envelope, FileKind};
use super::error::FileError;
use crate::sorted::SortedMap;

pub const CIPHER: &str = "AES-256-GCM";
pub const KDF: &str = "PBKDF2-SHA-256";
/// OWASP's current figure for PBKDF2-HMAC-SHA256; well above the 210,000 asked for. A second
/// or less in the browser's own code on an old office PC.
pub const ITERATIONS: u32 = 600_000;
pub const SALT_BYTES: usize = 16;
pub const NONCE_BYTES: usize = 12;
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Sealed files carry this format version, so an app that cannot open them says it is too old
/// instead of importing an empty file.
pub const SEALED_FORMAT_VERSION: u32 = 2;

/// The encrypted part of a sealed file. Binary fields are standard base64.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seal {
    pub cipher: String,
    pub kdf: String,
    pub iterations: u32,
    pub salt: String,
    pub nonce: String,
    /// The ciphertext with GCM's 16-byte tag at its end (as WebCrypto gives it).
    pub data: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SealError {
    TooShort,
    Differ,
    /// A wrong password, or a file changed after it was sealed: GCM cannot tell which.
    WrongPassword,
    Unsupported(String),
    Damaged,
    /// The browser offers no cipher (a page opened over plain http from another computer).
    NoCipher,
    /// A sealed file handed to a reader that does not ask for passwords.
    NeedsPassword,
}

impl SealError {
    pub fn user_message(&self) -> String {
        match self {
            SealError::TooShort => format!("密码至少要 {MIN_PASSWORD_CHARS} 个字符。"),
            SealError::Differ => "两次输入的密码不一样，请重新输入。".into(),
            SealError::WrongPassword => "密码不对，或文件在加密后被改动过，文件没有导入，本机数据没有任何改变。请核对密码后再试。".into(),
            SealError::Unsupported(what) => format!("这个文件用了本版本不认识的加密方式（{what}），请用更新版本的作风建设工作台打开。"),
            SealError::Damaged => "文件的加密部分已损坏，无法打开。请让对方重新导出。".into(),
            SealError::NeedsPassword => "这个文件加了密码，请到“谈话诫勉”的文件交换或“数据管理”导入，按提示输入密码。".into(),
            SealError::NoCipher => "这个浏览器页面不能加密：请用本机文件（单文件版）或 https 网址打开作风建设工作台后再导出。".into(),
        }
    }
}

/// The password typed twice for a new sealed file.
pub fn check_new_password(first: &str, again: &str) -> Result<(), SealError> {
    if first.chars().count() < MIN_PASSWORD_CHARS {
        return Err(SealError::TooShort);
    }
    if first != again {
        return Err(SealError::Differ);
    }
    Ok(())
}

/// Data authenticated with the ciphertext: the file's kind, so a sealed case file cannot be
/// passed off as another kind.
pub fn additional_data(kind: FileKind) -> Vec<u8> {
    format!("zuofeng:{}", kind.as_str()).into_bytes()
}

/// What is encrypted: the records by store, as JSON.
pub fn plaintext(records: &SortedMap<String, Vec<Value>>) -> Vec<u8> {
    serde_json::to_vec(records).unwrap_or_default()
}

/// The sealed file: the envelope with its records replaced by their counts and the seal.
pub fn sealed_envelope(mut envelope: Envelope, seal: Seal) -> Envelope {
    envelope.record_counts = counts_of(&envelope.records);
    envelope.records = SortedMap::new();
    envelope.format_version = SEALED_FORMAT_VERSION;
    envelope.sealed = Some(seal);
    envelope
}

/// Records per store. (Inserted one by one: collecting into a map would compile in a sort of
/// its own.)
fn counts_of(records: &SortedMap<String, Vec<Value>>) -> SortedMap<String, usize> {
    let mut counts = SortedMap::new();
    for (store, list) in records {
        counts.insert(store.clone(), list.len());
    }
    counts
}

/// A sealed file as read before its password: what the preview says, and the seal.
#[derive(Debug, Clone, PartialEq)]
pub struct Locked {
    pub envelope: Envelope,
    pub seal: Seal,
    pub salt: Vec<u8>,
    pub nonce: Vec<u8>,
    pub data: Vec<u8>,
}

impl Locked {
    pub fn records(&self) -> usize {
        self.envelope.record_counts.values().sum()
    }
}

/// `Some` when the file is sealed (its seal checked for what this app can open).
pub fn peek(bytes: &[u8]) -> Result<Option<Locked>, FileError> {
    let text = std::str::from_utf8(bytes).map_err(|_| FileError::NotText)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A cheap look before parsing a large plain file twice.
    if !text.contains("\"sealed\"") {
        return Ok(None);
    }
    // Through a `Value`, as every file is read: one instance of the parser in the download.
    let Ok(json) = serde_json::from_str::<Value>(text) else {
        return Ok(None);
    };
    let mut json = json;
    let Ok(envelope) = super::envelope::read_envelope(&mut json) else {
        return Ok(None);
    };
    let Some(seal) = envelope.sealed.clone() else {
        return Ok(None);
    };
    Ok(Some(Locked {
        salt: decode(&seal.salt).ok_or(FileError::Sealed(SealError::Damaged))?,
        nonce: decode(&seal.nonce).ok_or(FileError::Sealed(SealError::Damaged))?,
        data: decode(&seal.data).ok_or(FileError::Sealed(SealError::Damaged))?,
        seal: check_seal(seal)?,
        envelope,
    }))
}

fn check_seal(seal: Seal) -> Result<Seal, FileError> {
    if seal.cipher != CIPHER || seal.kdf != KDF {
        return Err(FileError::Sealed(SealError::Unsupported(format!(
            "{} / {}",
            seal.cipher, seal.kdf
        ))));
    }
    // Below the floor a file was not made by this app; far above it, opening would hang.
    if !(100_000..=10_000_000).contains(&seal.iterations) {
        return Err(FileError::Sealed(SealError::Unsupported(format!(
            "{} 次",
            seal.iterations
        ))));
    }
    Ok(seal)
}

/// The opened file, as a plain envelope's bytes for the usual checks, from the decrypted
/// records. Counts that disagree with the records mean the file is not what it says.
pub fn opened(locked: &Locked, plain: &[u8]) -> Result<Vec<u8>, FileError> {
    let damaged = || FileError::Sealed(SealError::Damaged);
    let text = std::str::from_utf8(plain).map_err(|_| damaged())?;
    let json = serde_json::from_str::<Value>(text).map_err(|_| damaged())?;
    let records = super::envelope::records_of(json).map_err(|_| damaged())?;
    if counts_of(&records) != locked.envelope.record_counts {
        return Err(FileError::Sealed(SealError::Damaged));
    }
    let mut envelope = locked.envelope.clone();
    envelope.records = records;
    envelope.record_counts = SortedMap::new();
    envelope.sealed = None;
    envelope.format_version = super::envelope::FORMAT_VERSION_PLAIN;
    Ok(envelope.to_json().into_bytes())
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Standard base64, padding optional; `None` for anything else.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = ALPHABET.iter().position(|a| *a == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // Leftover bits beyond a byte boundary must be zero padding of at most 4 bits.
    (bits < 6 && acc == 0).then_some(out)
}

// Natively only: the reference cipher (RustCrypto) is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
