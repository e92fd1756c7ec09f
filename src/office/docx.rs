//! A Word document of headings, labelled paragraphs and plain paragraphs, on A4.

use super::{archive, xml_text};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Title(String),
    Subtitle(String),
    Heading(String),
    /// A bold label on its own line, then the text's lines as paragraphs.
    Labelled {
        label: String,
        text: String,
    },
    Paragraph(String),
}

fn run(text: &str, bold: bool, size_half_points: u32) -> String {
    let b = if bold { "<w:b/>" } else { "" };
    format!(
        "<w:r><w:rPr><w:rFonts w:ascii=\"宋体\" w:eastAsia=\"宋体\" w:hAnsi=\"宋体\"/>{b}<w:sz w:val=\"{size_half_points}\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
        xml_text(text)
    )
}

fn paragraph(text: &str, bold: bool, size: u32, centered: bool) -> String {
    let jc = if centered {
        "<w:jc w:val=\"center\"/>"
    } else {
        ""
    };
    format!(
        "<w:p><w:pPr>{jc}<w:spacing w:after=\"60\"/></w:pPr>{}</w:p>",
        run(text, bold, size)
    )
}

/// An official document (公文) laid out after GB/T 9704: the number, the title in 小标宋, the
/// body in 仿宋 三号 on a fixed line pitch (22 lines to the 版心), addressee lines at the margin and
/// other paragraphs indented two characters, the issuer and the date at the right.
pub struct Official<'a> {
    pub number: Option<&'a str>,
    pub title: &'a str,
    /// Each paragraph with whether its first line is indented.
    pub paragraphs: Vec<(&'a str, bool)>,
    pub issuer: &'a str,
    pub date: &'a str,
}

const FANGSONG: &str = "仿宋_GB2312";
const XIAOBIAOSONG: &str = "方正小标宋简体";
/// 三号 (16 pt) and 二号 (22 pt), in half points.
const SIZE_3: u32 = 32;
const SIZE_2: u32 = 44;
/// The fixed line pitch: 22 lines in the 225 mm 版心, in twentieths of a point.
const LINE: u32 = 579;

fn official_paragraph(text: &str, font: &str, size: u32, layout: &str) -> String {
    format!(
        "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{LINE}\" w:lineRule=\"exact\"/>{layout}</w:pPr><w:r><w:rPr><w:rFonts w:ascii=\"{font}\" w:eastAsia=\"{font}\" w:hAnsi=\"{font}\"/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        xml_text(text)
    )
}

/// The .docx bytes of an official document.
pub fn official(doc: &Official) -> Result<Vec<u8>, String> {
    let center = "<w:jc w:val=\"center\"/>";
    let blank = || official_paragraph("", FANGSONG, SIZE_3, "");
    let mut body = String::new();
    if let Some(number) = doc.number {
        body.push_str(&official_paragraph(number, FANGSONG, SIZE_3, center));
        body.push_str(&blank());
    }
    body.push_str(&official_paragraph(doc.title, XIAOBIAOSONG, SIZE_2, center));
    body.push_str(&blank());
    for (text, indent) in &doc.paragraphs {
        let layout = if *indent {
            "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:jc w:val=\"both\"/>"
        } else {
            "<w:jc w:val=\"both\"/>"
        };
        body.push_str(&official_paragraph(text, FANGSONG, SIZE_3, layout));
    }
    body.push_str(&blank());
    body.push_str(&blank());
    let right = "<w:ind w:rightChars=\"400\" w:right=\"1280\"/><w:jc w:val=\"right\"/>";
    if !doc.issuer.trim().is_empty() {
        body.push_str(&official_paragraph(doc.issuer, FANGSONG, SIZE_3, right));
    }
    body.push_str(&official_paragraph(doc.date, FANGSONG, SIZE_3, right));
    // A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm: the 156 × 225 mm 版心.
    package(&body, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>")
}

/// The .docx bytes for `blocks`.
pub fn document(blocks: &[Block]) -> Result<Vec<u8>, String> {
    let mut body = String::new();
    for block in blocks {
        match block {
            Block::Title(t) => body.push_str(&paragraph(t, true, 36, true)),
            Block::Subtitle(t) => body.push_str(&paragraph(t, false, 24, true)),
            Block::Heading(t) => body.push_str(&paragraph(t, true, 30, false)),
            Block::Labelled { label, text } => {
                body.push_str(&paragraph(label, true, 24, false));
                for line in text.lines() {
                    body.push_str(&paragraph(line, false, 24, false));
                }
            }
            Block::Paragraph(t) => {
                for line in t.lines() {
                    body.push_str(&paragraph(line, false, 24, false));
                }
            }
        }
    }
    // A4 portrait with 2.5 cm margins (sizes in twentieths of a point).
    package(
        &body,
        r#"<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="851" w:footer="992" w:gutter="0"/>"#,
    )
}

fn package(body: &str, section: &str) -> Result<Vec<u8>, String> {
    let document_xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr>{section}</w:sectPr></w:body></w:document>"#
    );
    archive(&[
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.into()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.into()),
        ("word/document.xml", document_xml),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document_xml(bytes: Vec<u8>) -> String {
        let mut zip =
            zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut zip
                .by_name("word/document.xml")
                .unwrap_or_else(|e| panic!("{e}")),
            &mut xml,
        )
        .unwrap_or_default();
        xml
    }

    #[test]
    fn an_official_document_has_its_parts_in_order_and_the_standards_page() {
        let xml = document_xml(
            official(&Official {
                number: Some("某镇诫〔2026〕1号"),
                title: "诫勉谈话通知书",
                paragraphs: vec![("张三同志：", false), ("经查，<迟到>。", true)],
                issuer: "某镇党委",
                date: "二〇二六年十一月二十八日",
            })
            .unwrap_or_default(),
        );
        let order: Vec<usize> = [
            "某镇诫〔2026〕1号",
            "诫勉谈话通知书",
            "张三同志：",
            "经查，&lt;迟到&gt;。",
            "某镇党委",
            "二〇二六年十一月二十八日",
        ]
        .iter()
        .map(|s| xml.find(s).unwrap_or(usize::MAX))
        .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
        assert!(xml.contains("w:top=\"2098\"") && xml.contains("w:left=\"1587\""));
        assert!(xml.contains(XIAOBIAOSONG) && xml.contains(FANGSONG));
        assert_eq!(xml.matches("w:firstLineChars=\"200\"").count(), 1);
    }

    #[test]
    fn a_document_holds_every_block_in_order() {
        let bytes = document(&[
            Block::Title("月总结".into()),
            Block::Heading("道路建设".into()),
            Block::Labelled {
                label: "完成情况".into(),
                text: "1. 路基\n2. 排水 & 绿化".into(),
            },
        ])
        .unwrap_or_default();
        let mut zip =
            zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut zip
                .by_name("word/document.xml")
                .unwrap_or_else(|e| panic!("{e}")),
            &mut xml,
        )
        .unwrap_or_default();
        let order: Vec<usize> = [
            "月总结",
            "道路建设",
            "完成情况",
            "1. 路基",
            "2. 排水 &amp; 绿化",
        ]
        .iter()
        .map(|s| xml.find(s).unwrap_or(usize::MAX))
        .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    }
}
