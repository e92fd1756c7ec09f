//! Inflating ZIP entries with the browser's own DecompressionStream (no inflater in the wasm).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::office::xlsx_read::{self, Entry};
use crate::office::OfficeError;

// web-sys has DecompressionStream only behind its unstable-API flag; these three members are
// all that is needed, and Chromium has had them since version 80.
#[wasm_bindgen]
extern "C" {
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> web_sys::WritableStream;
}

async fn inflate_raw(data: &[u8]) -> Result<Vec<u8>, OfficeError> {
    let fail = |_| OfficeError::NoInflater;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(data));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(fail)?;
    let inflater = DecompressionStream::new("deflate-raw").map_err(fail)?;
    let pair = web_sys::ReadableWritablePair::new(&inflater.readable(), &inflater.writable());
    let stream = blob.stream().pipe_through(&pair);
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&stream)).map_err(fail)?;
    let buffer = JsFuture::from(response.array_buffer().map_err(fail)?)
        .await
        .map_err(|_| OfficeError::Damaged)?;
    Ok(js_sys::Uint8Array::new(&buffer.unchecked_into()).to_vec())
}

async fn contents(entry: &Entry) -> Result<String, OfficeError> {
    let bytes = match entry.method {
        0 => entry.data.clone(),
        8 => inflate_raw(&entry.data).await?,
        _ => return Err(OfficeError::Compression),
    };
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The first sheet of an .xlsx file as rows of text, and how many sheets the file has.
pub async fn xlsx_rows(bytes: &[u8]) -> Result<(Vec<(usize, Vec<String>)>, usize), OfficeError> {
    let entries = xlsx_read::entries(bytes)?;
    let sheets = entries
        .iter()
        .filter(|e| e.name.starts_with("xl/worksheets/sheet") && e.name.ends_with(".xml"))
        .count();
    let sheet = xlsx_read::first_sheet(&entries).ok_or(OfficeError::NoSheet)?;
    let shared = match entries.iter().find(|e| e.name == "xl/sharedStrings.xml") {
        Some(e) => xlsx_read::shared_strings(&contents(e).await?),
        None => Vec::new(),
    };
    // How each cell style shows a number, so that a date reads as a date and 20% as 20%.
    let styles = match entries.iter().find(|e| e.name == "xl/styles.xml") {
        Some(e) => xlsx_read::cell_styles(&contents(e).await?),
        None => Vec::new(),
    };
    Ok((
        xlsx_read::rows(&contents(sheet).await?, &shared, &styles),
        sheets,
    ))
}
