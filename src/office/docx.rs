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
    let document_xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>"#
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
