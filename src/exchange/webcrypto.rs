//! The browser's cipher for sealed files (`sealed.rs`): PBKDF2-SHA-256 and AES-256-GCM from
//! WebCrypto, available since Chromium 37 in secure pages (https, localhost and local files).

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

use super::envelope::Envelope;
use super::sealed::{
    additional_data, encode, plaintext, sealed_envelope, Locked, Seal, SealError, CIPHER,
    ITERATIONS, KDF, NONCE_BYTES, SALT_BYTES,
};

fn subtle() -> Result<SubtleCrypto, SealError> {
    let window = web_sys::window().ok_or(SealError::NoCipher)?;
    let crypto = window.crypto().map_err(|_| SealError::NoCipher)?;
    // `subtle` is undefined outside secure pages.
    let subtle = Reflect::get(&crypto, &"subtle".into()).map_err(|_| SealError::NoCipher)?;
    if subtle.is_undefined() || subtle.is_null() {
        return Err(SealError::NoCipher);
    }
    Ok(subtle.unchecked_into())
}

fn random(n: usize) -> Result<Vec<u8>, SealError> {
    let mut bytes = vec![0u8; n];
    let window = web_sys::window().ok_or(SealError::NoCipher)?;
    let crypto = window.crypto().map_err(|_| SealError::NoCipher)?;
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| SealError::NoCipher)?;
    Ok(bytes)
}

/// A plain JS object from key–value pairs (WebCrypto's parameter dictionaries).
fn object(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

fn bytes(b: &[u8]) -> JsValue {
    Uint8Array::from(b).into()
}

async fn wait(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

/// The AES key for `password` and `salt`.
async fn key(
    subtle: &SubtleCrypto,
    password: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<CryptoKey, SealError> {
    let usages = |list: &[&str]| -> JsValue {
        list.iter()
            .map(|s| JsValue::from_str(s))
            .collect::<Array>()
            .into()
    };
    let raw = Uint8Array::from(password.as_bytes());
    let base = wait(subtle.import_key_with_object(
        "raw",
        &raw,
        &object(&[("name", "PBKDF2".into())]),
        false,
        &usages(&["deriveKey"]),
    ))
    .await
    .map_err(|_| SealError::NoCipher)?;
    let derive = object(&[
        ("name", "PBKDF2".into()),
        ("hash", "SHA-256".into()),
        ("salt", bytes(salt)),
        ("iterations", iterations.into()),
    ]);
    let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let key = wait(subtle.derive_key_with_object_and_object(
        &derive,
        &base.unchecked_into(),
        &aes,
        false,
        &usages(&["encrypt", "decrypt"]),
    ))
    .await
    .map_err(|_| SealError::NoCipher)?;
    Ok(key.unchecked_into())
}

fn gcm(nonce: &[u8], aad: &[u8]) -> Object {
    object(&[
        ("name", "AES-GCM".into()),
        ("iv", bytes(nonce)),
        ("additionalData", bytes(aad)),
        ("tagLength", 128.into()),
    ])
}

/// The envelope sealed with `password` (checked by the caller with `check_new_password`).
pub async fn seal(envelope: Envelope, password: &str) -> Result<Envelope, SealError> {
    let subtle = subtle()?;
    let (salt, nonce) = (random(SALT_BYTES)?, random(NONCE_BYTES)?);
    let key = key(&subtle, password, &salt, ITERATIONS).await?;
    let plain = plaintext(&envelope.records);
    let aad = additional_data(envelope.kind);
    let data = wait(subtle.encrypt_with_object_and_u8_array(&gcm(&nonce, &aad), &key, &plain))
        .await
        .map_err(|_| SealError::NoCipher)?;
    let data = Uint8Array::new(&data).to_vec();
    let seal = Seal {
        cipher: CIPHER.into(),
        kdf: KDF.into(),
        iterations: ITERATIONS,
        salt: encode(&salt),
        nonce: encode(&nonce),
        data: encode(&data),
    };
    Ok(sealed_envelope(envelope, seal))
}

/// The decrypted records of a sealed file; a wrong password (or a changed byte) is refused.
pub async fn open(locked: &Locked, password: &str) -> Result<Vec<u8>, SealError> {
    let subtle = subtle()?;
    let key = key(&subtle, password, &locked.salt, locked.seal.iterations).await?;
    let aad = additional_data(locked.envelope.kind);
    let plain = wait(subtle.decrypt_with_object_and_u8_array(
        &gcm(&locked.nonce, &aad),
        &key,
        &locked.data,
    ))
    .await
    .map_err(|_| SealError::WrongPassword)?;
    Ok(Uint8Array::new(&plain).to_vec())
}
