//! A scan's file (JPEG or PNG bytes) as grey pixels for the paper reader: the browser decodes
//! it (`createImageBitmap`) and a canvas draws it at most `MAX_WIDTH` wide, since 150 dpi reads
//! as well as 600 and a quarter of the pixels is a quarter of the time.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::paper::image::Gray;

/// An A4 page at 150 dpi.
const MAX_WIDTH: u32 = 1240;

/// Why a scan could not be turned into pixels, in the clerk's words.
pub const NOT_AN_IMAGE: &str =
    "这个文件打不开，不像是扫描得到的图片（JPG、PNG）。请重新扫描后再选。";

pub async fn decode(bytes: &[u8], mime: &str) -> Result<Gray, String> {
    pixels(bytes, mime)
        .await
        .map_err(|_| NOT_AN_IMAGE.to_string())
}

async fn pixels(bytes: &[u8], mime: &str) -> Result<Gray, JsValue> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let window = gloo::utils::window();
    let bitmap: web_sys::ImageBitmap = JsFuture::from(window.create_image_bitmap_with_blob(&blob)?)
        .await?
        .dyn_into()?;
    let (w, h) = (bitmap.width(), bitmap.height());
    let scale = (f64::from(MAX_WIDTH) / f64::from(w.max(1))).min(1.0);
    let (cw, ch) = (
        ((f64::from(w) * scale) as u32).max(1),
        ((f64::from(h) * scale) as u32).max(1),
    );
    let canvas: web_sys::HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")?
        .dyn_into()?;
    canvas.set_width(cw);
    canvas.set_height(ch);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d"))?
        .dyn_into()?;
    context.draw_image_with_image_bitmap_and_dw_and_dh(
        &bitmap,
        0.0,
        0.0,
        f64::from(cw),
        f64::from(ch),
    )?;
    bitmap.close();
    let data = context.get_image_data(0.0, 0.0, f64::from(cw), f64::from(ch))?;
    Gray::from_rgba(cw as usize, ch as usize, &data.data()).map_err(|_| JsValue::from_str("size"))
}
