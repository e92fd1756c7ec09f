//! Turning the bytes of a text file into a string, whatever Excel, WPS or Notepad saved it as:
//! UTF-8 with or without a BOM, UTF-16 with a BOM, or GBK/GB18030 (the default in China).

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

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

/// Decodes text, choosing by BOM first, then UTF-8 if the bytes are valid UTF-8, else GB18030
/// (a superset of GBK and GB2312, so it reads what Chinese Excel and WPS write).
pub fn decode(bytes: &[u8]) -> (String, TextEncoding) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let kind = if encoding == UTF_8 {
            TextEncoding::Utf8
        } else if encoding == UTF_16LE || encoding == UTF_16BE {
            TextEncoding::Utf16
        } else {
            TextEncoding::Gb18030
        };
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), kind);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), TextEncoding::Utf8),
        Err(_) => {
            let (text, _) = GB18030.decode_without_bom_handling(bytes);
            (text.into_owned(), TextEncoding::Gb18030)
        }
    }
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

    #[test]
    fn reads_gbk_as_excel_saves_it() {
        let (gbk, _, _) = GB18030.encode("姓名,单位\n张三,党政办");
        assert_eq!(
            decode(&gbk),
            ("姓名,单位\n张三,党政办".into(), TextEncoding::Gb18030)
        );
    }

    #[test]
    fn reads_utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "张三".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes), ("张三".into(), TextEncoding::Utf16));
    }
}
