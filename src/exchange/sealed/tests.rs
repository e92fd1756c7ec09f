//! The sealed format as another tool reads it: PBKDF2-SHA-256 and AES-256-GCM from RustCrypto,
//! following docs/file-format.md (the browser uses WebCrypto; the e2e test decrypts its file
//! with Node's).

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};

use super::*;
use crate::exchange::envelope::Exporter;
use crate::record::DeviceId;

const TEST_ITERATIONS: u32 = 100_000;

fn key(password: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password.as_bytes(), salt, iterations, &mut key);
    key
}

fn seal(envelope: &Envelope, password: &str) -> Envelope {
    let (salt, nonce) = ([7u8; SALT_BYTES], [9u8; NONCE_BYTES]);
    let cipher = Aes256Gcm::new_from_slice(&key(password, &salt, TEST_ITERATIONS))
        .unwrap_or_else(|_| unreachable!());
    let aad = additional_data(envelope.kind);
    let plain = plaintext(&envelope.records);
    let data = cipher
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: &plain,
                aad: &aad,
            },
        )
        .unwrap_or_default();
    sealed_envelope(
        envelope.clone(),
        Seal {
            cipher: CIPHER.into(),
            kdf: KDF.into(),
            iterations: TEST_ITERATIONS,
            salt: encode(&salt),
            nonce: encode(&nonce),
            data: encode(&data),
        },
    )
}

fn open(locked: &Locked, password: &str) -> Result<Vec<u8>, FileError> {
    let cipher = Aes256Gcm::new_from_slice(&key(password, &locked.salt, locked.seal.iterations))
        .unwrap_or_else(|_| unreachable!());
    let aad = additional_data(locked.envelope.kind);
    let plain = cipher
        .decrypt(
            Nonce::from_slice(&locked.nonce),
            Payload {
                msg: &locked.data,
                aad: &aad,
            },
        )
        .map_err(|_| FileError::Sealed(SealError::WrongPassword))?;
    opened(locked, &plain)
}

fn case_file() -> Envelope {
    let case =
        serde_json::to_value(crate::admonition::testing::case("2026-11-20")).unwrap_or_default();
    Envelope::new(
        FileKind::CaseFile,
        Exporter {
            name: "党政办".into(),
            unit: "某某镇".into(),
            post: String::new(),
            device_id: DeviceId("office".into()),
        },
        chrono::DateTime::default(),
        [("admonitions".to_string(), vec![case])].into(),
    )
}

#[test]
fn a_sealed_case_file_says_what_it_is_and_opens_only_with_its_password() {
    let plain = case_file();
    let sealed = seal(&plain, "诫勉2026abc");
    let bytes = sealed.to_json().into_bytes();
    let text = String::from_utf8_lossy(&bytes).to_string();
    // Nothing personal in the clear; who exported it, when and how many, readable.
    assert!(
        !text.contains("群众反映办事推诿") && !text.contains("李书记"),
        "{text}"
    );
    assert!(
        text.contains("\"record_counts\":{\"admonitions\":1}")
            && text.contains("\"format_version\":2"),
        "{text}"
    );
    let locked = peek(&bytes)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("a sealed file is seen as sealed"));
    assert_eq!(
        (locked.records(), locked.envelope.exported_by.name.as_str()),
        (1, "党政办")
    );
    // The right password gives back a plain file that the usual checks read.
    let opened = open(&locked, "诫勉2026abc").unwrap_or_else(|e| panic!("{}", e.user_message()));
    let valid = crate::exchange::validate::read_file(&opened, FileKind::CaseFile)
        .unwrap_or_else(|e| panic!("{}", e.user_message()));
    assert_eq!(valid.records.len(), 1);
    // A wrong password, or one changed byte of the sealed data, opens nothing.
    assert_eq!(
        open(&locked, "诫勉2026abd").err(),
        Some(FileError::Sealed(SealError::WrongPassword))
    );
    let mut changed = locked.clone();
    changed.data[3] ^= 1;
    assert_eq!(
        open(&changed, "诫勉2026abc").err(),
        Some(FileError::Sealed(SealError::WrongPassword))
    );
    // A sealed file passed off as another kind fails its authentication.
    let mut other = locked.clone();
    other.envelope.kind = FileKind::Backup;
    assert!(open(&other, "诫勉2026abc").is_err());
    // Counts that lie about the records are refused after opening.
    let mut lying = locked;
    lying.envelope.record_counts.insert("admonitions".into(), 2);
    assert_eq!(
        open(&lying, "诫勉2026abc").err(),
        Some(FileError::Sealed(SealError::Damaged))
    );
    // A plain file is not sealed, and a reader without passwords refuses a sealed one.
    assert_eq!(
        peek(plain.to_json().as_bytes())
            .ok()
            .flatten()
            .map(|l| l.records()),
        None
    );
    assert_eq!(
        crate::exchange::validate::read_file(&bytes, FileKind::CaseFile).err(),
        Some(FileError::Sealed(SealError::NeedsPassword))
    );
}

#[test]
fn passwords_are_typed_twice_and_long_enough() {
    assert_eq!(
        check_new_password("1234567", "1234567"),
        Err(SealError::TooShort)
    );
    assert_eq!(
        check_new_password("12345678", "12345679"),
        Err(SealError::Differ)
    );
    assert_eq!(
        check_new_password("诫勉谈话八个字符", "诫勉谈话八个字符"),
        Ok(())
    );
}

#[test]
fn base64_round_trips_and_refuses_other_text() {
    for n in 0..40u8 {
        let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37)).collect();
        assert_eq!(decode(&encode(&bytes)), Some(bytes));
    }
    assert_eq!(encode(b"zuofeng"), "enVvZmVuZw==");
    assert_eq!(decode("enVvZmVuZw"), Some(b"zuofeng".to_vec()));
    assert_eq!(decode("en*v"), None);
}

#[test]
fn unknown_ciphers_and_absurd_iteration_counts_are_refused_before_any_work() {
    let mut sealed = seal(&case_file(), "诫勉2026abc");
    if let Some(s) = sealed.sealed.as_mut() {
        s.iterations = 2_000_000_000;
    }
    assert!(matches!(
        peek(sealed.to_json().as_bytes()),
        Err(FileError::Sealed(SealError::Unsupported(_)))
    ));
    if let Some(s) = sealed.sealed.as_mut() {
        s.iterations = TEST_ITERATIONS;
        s.cipher = "ROT13".into();
    }
    assert!(matches!(
        peek(sealed.to_json().as_bytes()),
        Err(FileError::Sealed(SealError::Unsupported(_)))
    ));
}
