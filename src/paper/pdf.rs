//! The page images of a scanner's PDF ("scan to PDF"): each page is a JPEG image stored as it
//! is (`/Filter /DCTDecode`), so its bytes are taken out and the browser decodes them like a
//! JPEG file. No PDF is drawn; a PDF whose pages are not JPEG scans is said to be so.

/// What a PDF held: where its JPEG images lie in the file, in the file's order (a scanner
/// writes page after page), and how many other images it had (pages that cannot be read this
/// way). Ranges rather than copies: a scan of a few hundred pages is held once, and a page is
/// copied out only while it is read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PdfImages {
    pub jpegs: Vec<std::ops::Range<usize>>,
    pub other: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    NotPdf,
    /// No image at all: a PDF made from a document, not from a scanner.
    NoImages,
    /// Images, but none stored as JPEG (black-and-white scans are often CCITT or JBIG2).
    NoJpeg {
        other: usize,
    },
}

impl PdfError {
    pub fn message(&self) -> String {
        match self {
            PdfError::NotPdf => "这个文件不是 PDF，请选择扫描仪生成的 PDF 或图片（JPG、PNG）。".into(),
            PdfError::NoImages => "这个 PDF 里没有扫描的图片（像是由文档直接生成的），请选择扫描仪扫出的 PDF。".into(),
            PdfError::NoJpeg { other } => format!(
                "这个 PDF 里的 {other} 张扫描图片不是照片格式（JPEG），读不出来。请在扫描仪上选择“灰度”或“彩色”扫描后再试，或扫描成 JPG 图片。"
            ),
        }
    }
}

pub fn images(pdf: &[u8]) -> Result<PdfImages, PdfError> {
    if !pdf.starts_with(b"%PDF-") {
        return Err(PdfError::NotPdf);
    }
    let mut found = PdfImages::default();
    let mut at = 0;
    while let Some(start) = find(pdf, b"stream", at) {
        at = start + 6;
        // "endstream" contains "stream": only a keyword after a dictionary starts one.
        if pdf[..start].ends_with(b"end") {
            continue;
        }
        let Some(dict) = dictionary_before(pdf, start) else {
            continue;
        };
        if !has_name(dict, b"/Subtype", b"/Image") {
            continue;
        }
        let data_start = match pdf.get(at..at + 2) {
            Some(b"\r\n") => at + 2,
            Some([b'\n', _]) | Some([b'\r', _]) => at + 1,
            _ => continue,
        };
        let end = match direct_length(dict) {
            Some(n) if pdf.get(data_start + n..).is_some_and(starts_endstream) => data_start + n,
            // An indirect or wrong length: the data runs to "endstream".
            _ => match find(pdf, b"endstream", data_start) {
                Some(e) => trim_eol(pdf, data_start, e),
                None => continue,
            },
        };
        if has_name(dict, b"/Filter", b"/DCTDecode") {
            found.jpegs.push(data_start..end);
        } else {
            found.other += 1;
        }
        at = end;
    }
    match (found.jpegs.is_empty(), found.other) {
        (true, 0) => Err(PdfError::NoImages),
        (true, other) => Err(PdfError::NoJpeg { other }),
        _ => Ok(found),
    }
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// The `<< … >>` that ends just before the keyword at `stream` (nested dictionaries counted).
fn dictionary_before(pdf: &[u8], stream: usize) -> Option<&[u8]> {
    let head = pdf[..stream].trim_ascii_end();
    if !head.ends_with(b">>") {
        return None;
    }
    let mut depth = 0usize;
    let mut i = head.len();
    while i >= 2 {
        match &head[i - 2..i] {
            b">>" => {
                depth += 1;
                i -= 2;
            }
            b"<<" => {
                depth -= 1;
                i -= 2;
                if depth == 0 {
                    return Some(&head[i..]);
                }
            }
            _ => i -= 1,
        }
    }
    None
}

/// Whether `key` is followed by `name`, alone or in an array (`/Filter [/DCTDecode]`).
fn has_name(dict: &[u8], key: &[u8], name: &[u8]) -> bool {
    let mut from = 0;
    while let Some(k) = find(dict, key, from) {
        from = k + key.len();
        let rest = dict[from..].trim_ascii_start();
        let rest = rest
            .strip_prefix(b"[")
            .map_or(rest, |r| r.trim_ascii_start());
        if rest.starts_with(name)
            && !rest
                .get(name.len())
                .is_some_and(|c| c.is_ascii_alphanumeric())
        {
            return true;
        }
    }
    false
}

/// `/Length 1234` written as a number (not `/Length 12 0 R`).
fn direct_length(dict: &[u8]) -> Option<usize> {
    let k = find(dict, b"/Length", 0)?;
    let rest = dict[k + 7..].trim_ascii_start();
    let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    let after = rest[digits..].trim_ascii_start();
    if digits == 0 || after.first().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    std::str::from_utf8(&rest[..digits]).ok()?.parse().ok()
}

fn starts_endstream(rest: &[u8]) -> bool {
    rest.trim_ascii_start().starts_with(b"endstream")
}

fn trim_eol(pdf: &[u8], start: usize, mut end: usize) -> usize {
    while end > start && matches!(pdf[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF as scanners write it: one page per image object, in order; `length` writes the
    /// length directly or as a reference.
    fn pdf(images: &[(&[u8], &str, bool)]) -> Vec<u8> {
        let mut out =
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                .to_vec();
        for (i, (data, filter, direct)) in images.iter().enumerate() {
            let n = 10 + i * 2;
            let length = if *direct {
                data.len().to_string()
            } else {
                format!("{} 0 R", n + 1)
            };
            out.extend(format!("{n} 0 obj\n<< /Type /XObject /Subtype /Image /Width 1654 /Height 2339 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter {filter} /Length {length} /DecodeParms << /K -1 >> >>\nstream\r\n").as_bytes());
            out.extend_from_slice(data);
            out.extend(
                format!(
                    "\r\nendstream\nendobj\n{} 0 obj\n{}\nendobj\n",
                    n + 1,
                    data.len()
                )
                .as_bytes(),
            );
        }
        out.extend(b"trailer\n<< /Root 1 0 R >>\n%%EOF\n");
        out
    }

    fn pages<'a>(file: &'a [u8], found: &PdfImages) -> Vec<&'a [u8]> {
        found
            .jpegs
            .iter()
            .filter_map(|r| file.get(r.clone()))
            .collect()
    }

    const JPEG_A: &[u8] = b"\xff\xd8\xff\xe0 first page endstream-like bytes stream \xff\xd9";
    const JPEG_B: &[u8] = b"\xff\xd8\xff\xdb second\r\n page \xff\xd9";

    #[test]
    fn the_jpeg_pages_come_out_whole_and_in_order() {
        let file = pdf(&[
            (JPEG_A, "/DCTDecode", true),
            (JPEG_B, "[ /DCTDecode ]", false),
        ]);
        let got = images(&file).expect("two pages");
        assert_eq!(pages(&file, &got), vec![JPEG_A, JPEG_B]);
        assert_eq!(got.other, 0);
    }

    #[test]
    fn pages_in_other_formats_are_counted_and_named() {
        let file = pdf(&[
            (JPEG_A, "/DCTDecode", true),
            (b"\x00\x01", "/CCITTFaxDecode", true),
        ]);
        assert_eq!(images(&file).map(|i| i.other), Ok(1));
        let bw = pdf(&[(b"\x00\x01", "/JBIG2Decode", false)]);
        assert_eq!(images(&bw), Err(PdfError::NoJpeg { other: 1 }));
        assert_eq!(images(&pdf(&[])), Err(PdfError::NoImages));
        assert_eq!(images(b"PK\x03\x04"), Err(PdfError::NotPdf));
    }

    /// A two-page PDF written by another program (Chromium's PDF writer, which stores a JPEG
    /// unchanged with an ICC colour space, as scanner software does); `make-pdf.mjs` beside it
    /// made it. poppler's `pdfimages -j` takes out byte for byte the two JPEG files beside it,
    /// and so must this.
    #[test]
    fn a_real_pdf_gives_back_its_jpeg_pages_byte_for_byte() {
        let file = include_bytes!("../../tests/fixtures/paper/two-jpeg-pages.pdf");
        let got = images(file).expect("two pages");
        assert_eq!(
            pages(file, &got),
            vec![
                &include_bytes!("../../tests/fixtures/paper/page-1.jpg")[..],
                &include_bytes!("../../tests/fixtures/paper/page-2.jpg")[..],
            ]
        );
    }

    #[test]
    fn a_cut_or_odd_file_gives_what_it_has_and_never_panics() {
        let file = pdf(&[(JPEG_A, "/DCTDecode", true), (JPEG_B, "/DCTDecode", true)]);
        for cut in 0..file.len() {
            if let Ok(found) = images(&file[..cut]) {
                assert!(found.jpegs.iter().all(|r| r.start <= r.end && r.end <= cut));
            }
        }
        let mut odd = b"%PDF-1.7\n<< >>stream\nendstream << /Subtype /Image".to_vec();
        odd.extend(b">> stream");
        assert_eq!(images(&odd), Err(PdfError::NoImages));
    }
}
