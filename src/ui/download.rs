//! Saving text as a file through the browser's download.

use wasm_bindgen::JsValue;

use crate::office::OfficeError;

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Why a download could not be offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DownloadError {
    /// The browser refused to make the file or its link (memory, a locked-down browser).
    Refused,
    /// The page is not fully there (it is being closed or reloaded).
    NotReady,
}

impl DownloadError {
    pub fn user_message(self) -> String {
        match self {
            DownloadError::Refused => {
                "浏览器未能生成下载文件。请关闭其他标签页后再试；如仍不成，请换用新版浏览器。"
            }
            DownloadError::NotReady => "页面尚未加载完成，请稍候再试。",
        }
        .into()
    }
}

/// Offers `contents` for download as `file_name`.
pub fn download_text(file_name: &str, mime: &str, contents: &str) -> Result<(), DownloadError> {
    download(file_name, mime, &JsValue::from_str(contents))
}

/// Offers binary `contents` (a .docx or .xlsx) for download as `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, contents: &[u8]) -> Result<(), DownloadError> {
    download(file_name, mime, &js_sys::Uint8Array::from(contents))
}

/// Offers an office file just written, or says in words why there is none.
pub fn save_office(
    file_name: &str,
    mime: &str,
    written: Result<Vec<u8>, OfficeError>,
) -> Result<(), String> {
    let bytes = written.map_err(OfficeError::user_message)?;
    download_bytes(file_name, mime, &bytes).map_err(DownloadError::user_message)
}

/// Offers text, or says in words why it could not be.
pub fn save_text(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    download_text(file_name, mime, contents).map_err(DownloadError::user_message)
}

fn download(file_name: &str, mime: &str, part: &JsValue) -> Result<(), DownloadError> {
    let err = |_: JsValue| DownloadError::Refused;
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
        .map_err(|_| DownloadError::Refused)?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document.body().ok_or(DownloadError::NotReady)?;
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
