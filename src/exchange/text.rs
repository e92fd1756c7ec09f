//! Turning the bytes of a text file into a string, whatever Excel, WPS or Notepad saved it as:
//! UTF-8 with or without a BOM, UTF-16 with a BOM, or GBK/GB18030 (the default in China).

/// Which encoding a text was found to be in, for the preview ("编码：GBK").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf16,
    Gb18030,
}

impl TextEncoding {
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16 => "UTF-16",
            TextEncoding::Gb18030 => "GBK/GB18030",
        }
    }
}

fn utf16(bytes: &[u8], little_endian: bool) -> String {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|p| {
            if little_endian {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        })
        .collect();
    String::from_utf16_lossy(&units)
}

/// Decodes text, choosing by BOM first, then UTF-8 if the bytes are valid UTF-8, else GB18030
/// (a superset of GBK and GB2312, so it reads what Chinese Excel and WPS write).
pub fn decode(bytes: &[u8]) -> (String, TextEncoding) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return (
            String::from_utf8_lossy(rest).into_owned(),
            TextEncoding::Utf8,
        );
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return (utf16(rest, true), TextEncoding::Utf16);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return (utf16(rest, false), TextEncoding::Utf16);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), TextEncoding::Utf8),
        Err(_) => (gb18030(bytes), TextEncoding::Gb18030),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn gb18030(bytes: &[u8]) -> String {
    encoding_rs::GB18030
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

/// The browser's own decoder (the WHATWG one encoding_rs implements); if it is missing, the
/// text is read as UTF-8 with replacement characters rather than failing.
#[cfg(target_arch = "wasm32")]
fn gb18030(bytes: &[u8]) -> String {
    web_sys::TextDecoder::new_with_label("gb18030")
        .and_then(|d| d.decode_with_u8_array(bytes))
        .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf8_with_and_without_bom() {
        assert_eq!(
            decode("姓名".as_bytes()),
            ("姓名".into(), TextEncoding::Utf8)
        );
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice("姓名".as_bytes());
        assert_eq!(decode(&with_bom), ("姓名".into(), TextEncoding::Utf8));
    }

    // encoding_rs is a native-only dependency; in the browser tests/text_in_browser.rs covers GBK.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn reads_gbk_as_excel_saves_it() {
        let (gbk, _, _) = encoding_rs::GB18030.encode("姓名,单位\n张三,党政办");
        assert_eq!(
            decode(&gbk),
            ("姓名,单位\n张三,党政办".into(), TextEncoding::Gb18030)
        );
    }

    #[test]
    fn reads_utf16_with_either_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in "张三".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(&le), ("张三".into(), TextEncoding::Utf16));
        assert_eq!(decode(&be), ("张三".into(), TextEncoding::Utf16));
    }
}
