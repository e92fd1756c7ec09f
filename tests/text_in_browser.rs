//! In the browser, GBK/GB18030 text is decoded by the browser's own TextDecoder (natively by
//! encoding_rs): both must read what Chinese Excel and WPS save.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use zuofeng::exchange::text::{decode, TextEncoding};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn gbk_bytes_decode_in_the_browser() {
    // "姓名,单位\n张三,党政办" in GBK, as WPS saves it.
    let gbk: &[u8] = &[
        0xD0, 0xD5, 0xC3, 0xFB, b',', 0xB5, 0xA5, 0xCE, 0xBB, b'\n', 0xD5, 0xC5, 0xC8, 0xFD, b',',
        0xB5, 0xB3, 0xD5, 0xFE, 0xB0, 0xEC,
    ];
    assert_eq!(
        decode(gbk),
        ("姓名,单位\n张三,党政办".to_string(), TextEncoding::Gb18030)
    );
}
