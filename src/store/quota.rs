//! What the browser says about this site's storage: whether it is persistent, and how much is
//! used of how much it allows. (IndexedDB itself is `db.rs`.)

use wasm_bindgen_futures::JsFuture;

/// Whether the browser has agreed not to evict this site's data, if it says.
pub async fn persisted() -> Option<bool> {
    let storage = gloo::utils::window().navigator().storage();
    JsFuture::from(storage.persisted().ok()?)
        .await
        .ok()?
        .as_bool()
}

/// Bytes used and bytes allowed, as the browser estimates them. The browser starts counting
/// when this is called (it can take a moment on a full profile), so a caller can do other work
/// before awaiting the answer.
pub fn estimate() -> impl std::future::Future<Output = Option<(f64, f64)>> {
    let storage = gloo::utils::window().navigator().storage();
    let asked = storage.estimate().ok().map(JsFuture::from);
    async move {
        let value = asked?.await.ok()?;
        let get = |k: &str| {
            js_sys::Reflect::get(&value, &k.into())
                .ok()
                .and_then(|x| x.as_f64())
        };
        Some((get("usage")?, get("quota")?))
    }
}
