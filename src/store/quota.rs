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

/// The name of the cache the room check writes into and removes.
const PROBE_CACHE: &str = "zuofeng-room-check";

/// Whether the disk still has `bytes` free, found by writing that much into a cache of its own
/// (Cache Storage lives outside IndexedDB's folder, so a failure there cannot harm the
/// database) and removing it. `None` where there is no Cache Storage (a page from `file://` or
/// plain http from another computer). The quota `estimate()` reports is no guide: it follows
/// the size of the disk, not what is left on it.
pub async fn room_for(bytes: u32) -> Option<bool> {
    use wasm_bindgen::JsCast;
    let window = gloo::utils::window();
    let caches = js_sys::Reflect::get(&window, &"caches".into()).ok()?;
    let caches: web_sys::CacheStorage = caches.dyn_into().ok()?;
    let cache: web_sys::Cache = JsFuture::from(caches.open(PROBE_CACHE))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let body = js_sys::Uint8Array::new_with_length(bytes);
    let response = web_sys::Response::new_with_opt_buffer_source(Some(&body)).ok()?;
    let written = JsFuture::from(cache.put_with_str("room", &response)).await;
    let _ = JsFuture::from(caches.delete(PROBE_CACHE)).await;
    Some(written.is_ok())
}
