//! Office files people open in WPS or Microsoft Office: .xlsx tables and .docx reports, written
//! as the minimal Office Open XML parts inside a ZIP archive. Pure: bytes out, no browser.

pub mod docx;
pub mod error;
pub mod numerals;
pub mod xlsx;
pub mod xlsx_read;

use std::io::{Cursor, Write};

pub use error::OfficeError;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// Text made safe for XML: markup characters escaped, characters XML forbids dropped.
pub fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Packs named parts into a ZIP archive.
fn archive(parts: &[(&str, String)]) -> Result<Vec<u8>, OfficeError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for (name, body) in parts {
        zip.start_file(*name, options)
            .map_err(|_| OfficeError::Pack)?;
        zip.write_all(body.as_bytes())
            .map_err(|_| OfficeError::Pack)?;
    }
    zip.finish()
        .map(Cursor::into_inner)
        .map_err(|_| OfficeError::Pack)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            xml_text("<b>&\"x\"\u{1}\n"),
            "&lt;b&gt;&amp;&quot;x&quot;\n"
        );
    }
}
