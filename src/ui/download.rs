//! Saving text as a file through the browser's download.

use wasm_bindgen::JsValue;

/// Offers `contents` for download as `file_name`.
pub fn download_text(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    download(file_name, mime, &JsValue::from_str(contents))
}

/// Offers binary `contents` (a .docx or .xlsx) for download as `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, contents: &[u8]) -> Result<(), String> {
    download(file_name, mime, &js_sys::Uint8Array::from(contents))
}

fn download(file_name: &str, mime: &str, part: &JsValue) -> Result<(), String> {
    let err = |e: JsValue| format!("浏览器未能生成下载文件（{e:?}）");
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let document = gloo::utils::document();
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(err)?
        .dyn_into()
        .map_err(|_| "浏览器未能生成下载链接".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document.body().ok_or("页面尚未加载完成")?;
    body.append_child(&anchor).map_err(err)?;
    anchor.click();
    let _ = body.remove_child(&anchor);
    // Revoked later: Chromium may still be reading the blob right after the click.
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

use wasm_bindgen::JsCast;
