//! Inflating ZIP entries with the browser's own DecompressionStream (no inflater in the wasm).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::office::xlsx_read::{self, Entry};

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

async fn inflate_raw(data: &[u8]) -> Result<Vec<u8>, String> {
    let fail = |_| {
        "这个浏览器无法解压 Excel 文件，请使用新版浏览器，或把表格另存为 CSV 后导入。".to_string()
    };
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(data));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(fail)?;
    let inflater = DecompressionStream::new("deflate-raw").map_err(fail)?;
    let pair = web_sys::ReadableWritablePair::new(&inflater.readable(), &inflater.writable());
    let stream = blob.stream().pipe_through(&pair);
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&stream)).map_err(fail)?;
    let buffer = JsFuture::from(response.array_buffer().map_err(fail)?)
        .await
        .map_err(|_| {
            "Excel 文件已损坏，无法解压。请在 Excel/WPS 中重新保存后再导入。".to_string()
        })?;
    Ok(js_sys::Uint8Array::new(&buffer.unchecked_into()).to_vec())
}

async fn contents(entry: &Entry) -> Result<String, String> {
    let bytes = match entry.method {
        0 => entry.data.clone(),
        8 => inflate_raw(&entry.data).await?,
        _ => return Err("Excel 文件使用了不支持的压缩方式，请另存为 CSV 后导入。".into()),
    };
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The first sheet of an .xlsx file as rows of text.
pub async fn xlsx_rows(bytes: &[u8]) -> Result<Vec<(usize, Vec<String>)>, String> {
    let entries = xlsx_read::entries(bytes)?;
    let sheet = xlsx_read::first_sheet(&entries).ok_or("Excel 文件中没有工作表。")?;
    let shared = match entries.iter().find(|e| e.name == "xl/sharedStrings.xml") {
        Some(e) => xlsx_read::shared_strings(&contents(e).await?),
        None => Vec::new(),
    };
    Ok(xlsx_read::rows(&contents(sheet).await?, &shared))
}
