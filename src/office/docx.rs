//! Word documents in the style of official documents (GB/T 9704): A4 with the standard's
//! margins (the 156 × 225 mm 版心), the title in 小标宋 二号, headings 一、 in 黑体 and （一） in
//! 楷体, body text in 仿宋 三号 on a fixed 22-line pitch, page numbers “— 1 —” at the foot, the
//! issuing unit and date at the end. Fonts a computer lacks are replaced by Word or WPS.

use super::{archive, numerals, xml_text};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Title(String),
    Subtitle(String),
    /// A first-level heading: numbered 一、二、… in order.
    Heading(String),
    /// A second-level heading numbered （一）（二）… under its heading, then the text's lines
    /// as paragraphs.
    Labelled {
        label: String,
        text: String,
    },
    Paragraph(String),
    /// A ruled table the width of the 版心: the first row is the header (bold, repeated on
    /// every page); cells in 仿宋 四号 so that five columns fit.
    Table(Vec<Vec<String>>),
}

/// Who issues the document and when, written at its end.
pub struct Signature<'a> {
    pub issuer: &'a str,
    pub date: &'a str,
}

/// An official document (公文): number, title, paragraphs (an addressee line at the margin,
/// the others indented two characters), the issuer and the date at the right.
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
const HEITI: &str = "黑体";
const KAITI: &str = "楷体_GB2312";
/// 三号 (16 pt) and 二号 (22 pt), in half points.
const SIZE_3: u32 = 32;
const SIZE_2: u32 = 44;
/// The fixed line pitch: 22 lines in the 225 mm 版心, in twentieths of a point.
const LINE: u32 = 579;
const CENTER: &str = "<w:jc w:val=\"center\"/>";
const INDENT: &str = "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:jc w:val=\"both\"/>";
const BOTH: &str = "<w:jc w:val=\"both\"/>";
const RIGHT: &str = "<w:ind w:rightChars=\"400\" w:right=\"1280\"/><w:jc w:val=\"right\"/>";

fn para(text: &str, font: &str, size: u32, layout: &str) -> String {
    format!(
        "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{LINE}\" w:lineRule=\"exact\"/>{layout}</w:pPr><w:r><w:rPr><w:rFonts w:ascii=\"{font}\" w:eastAsia=\"{font}\" w:hAnsi=\"{font}\"/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        xml_text(text)
    )
}

fn blank() -> String {
    para("", FANGSONG, SIZE_3, "")
}

fn signature(body: &mut String, issuer: &str, date: &str) {
    body.push_str(&blank());
    body.push_str(&blank());
    if !issuer.trim().is_empty() {
        body.push_str(&para(issuer, FANGSONG, SIZE_3, RIGHT));
    }
    body.push_str(&para(date, FANGSONG, SIZE_3, RIGHT));
}

/// The .docx bytes of an official document.
pub fn official(doc: &Official) -> Result<Vec<u8>, super::OfficeError> {
    let mut body = String::new();
    if let Some(number) = doc.number {
        body.push_str(&para(number, FANGSONG, SIZE_3, CENTER));
        body.push_str(&blank());
    }
    body.push_str(&para(doc.title, XIAOBIAOSONG, SIZE_2, CENTER));
    body.push_str(&blank());
    for (text, indent) in &doc.paragraphs {
        body.push_str(&para(
            text,
            FANGSONG,
            SIZE_3,
            if *indent { INDENT } else { BOTH },
        ));
    }
    signature(&mut body, doc.issuer, doc.date);
    package(&body)
}

/// The .docx bytes for `blocks`, signed at the end.
pub fn document(blocks: &[Block], signed: &Signature) -> Result<Vec<u8>, super::OfficeError> {
    let mut body = String::new();
    let (mut heading, mut sub) = (0u32, 0u32);
    for block in blocks {
        match block {
            Block::Title(t) => body.push_str(&para(t, XIAOBIAOSONG, SIZE_2, CENTER)),
            Block::Subtitle(t) => {
                body.push_str(&para(t, KAITI, SIZE_3, CENTER));
                body.push_str(&blank());
            }
            Block::Heading(t) => {
                heading += 1;
                sub = 0;
                let text = format!("{}、{t}", numerals::number(heading));
                body.push_str(&para(&text, HEITI, SIZE_3, INDENT));
            }
            Block::Labelled { label, text } => {
                sub += 1;
                let label = format!("（{}）{label}", numerals::number(sub));
                body.push_str(&para(&label, KAITI, SIZE_3, INDENT));
                for line in text.lines() {
                    body.push_str(&para(line, FANGSONG, SIZE_3, INDENT));
                }
            }
            Block::Paragraph(t) => {
                for line in t.lines() {
                    body.push_str(&para(line, FANGSONG, SIZE_3, INDENT));
                }
            }
            Block::Table(rows) => {
                body.push_str(&table(rows));
                body.push_str(&blank());
            }
        }
    }
    signature(&mut body, signed.issuer, signed.date);
    package(&body)
}

/// 四号 (14 pt), in half points: table cells.
const SIZE_4: u32 = 28;

/// A ruled table; the first row is the header. Each cell's lines are paragraphs.
fn table(rows: &[Vec<String>]) -> String {
    let border = |side: &str| {
        format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>")
    };
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|s| border(s))
        .collect();
    let mut out = format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>{borders}</w:tblBorders><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
    );
    for (i, row) in rows.iter().enumerate() {
        out.push_str("<w:tr>");
        if i == 0 {
            out.push_str("<w:trPr><w:tblHeader/></w:trPr>");
        }
        for cell in row {
            out.push_str("<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>");
            let font = if i == 0 { HEITI } else { FANGSONG };
            let layout = if i == 0 { CENTER } else { BOTH };
            let lines: Vec<&str> = cell.lines().collect();
            if lines.is_empty() {
                out.push_str(&cell_para("", font, layout));
            }
            for line in lines {
                out.push_str(&cell_para(line, font, layout));
            }
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    out
}

/// A paragraph in a table cell: single spacing (the fixed pitch is for body text).
fn cell_para(text: &str, font: &str, layout: &str) -> String {
    format!(
        "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/>{layout}</w:pPr><w:r><w:rPr><w:rFonts w:ascii=\"{font}\" w:eastAsia=\"{font}\" w:hAnsi=\"{font}\"/><w:sz w:val=\"{SIZE_4}\"/><w:szCs w:val=\"{SIZE_4}\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        xml_text(text)
    )
}

/// The page number at the foot: “— 1 —”, 宋体 四号, as the standard writes it.
const FOOTER: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="宋体" w:eastAsia="宋体" w:hAnsi="宋体"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">— </w:t></w:r><w:r><w:rPr><w:rFonts w:ascii="宋体" w:eastAsia="宋体" w:hAnsi="宋体"/><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:rFonts w:ascii="宋体" w:eastAsia="宋体" w:hAnsi="宋体"/><w:sz w:val="28"/></w:rPr><w:t>1</w:t></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r><w:r><w:rPr><w:rFonts w:ascii="宋体" w:eastAsia="宋体" w:hAnsi="宋体"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>"#;

fn package(body: &str) -> Result<Vec<u8>, super::OfficeError> {
    // A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm: the 156 × 225 mm 版心.
    let document_xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    );
    archive(&[
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>"#.into()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.into()),
        ("word/_rels/document.xml.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#.into()),
        ("word/document.xml", document_xml),
        ("word/footer1.xml", FOOTER.into()),
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
        let bytes = document(
            &[
                Block::Title("月总结".into()),
                Block::Heading("道路建设".into()),
                Block::Labelled {
                    label: "完成情况".into(),
                    text: "1. 路基\n2. 排水 & 绿化".into(),
                },
                Block::Heading("村容整治".into()),
                Block::Labelled {
                    label: "完成情况".into(),
                    text: "清运垃圾".into(),
                },
            ],
            &Signature {
                issuer: "某镇党政办",
                date: "2026年11月28日",
            },
        )
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
            "一、道路建设",
            "（一）完成情况",
            "1. 路基",
            "2. 排水 &amp; 绿化",
            "二、村容整治",
            "（一）完成情况",
            "某镇党政办",
            "2026年11月28日",
        ]
        .iter()
        .scan(0, |from, s| {
            let at = xml[*from..].find(s).map(|i| i + *from);
            *from = at.map_or(xml.len(), |i| i + s.len());
            Some(at.unwrap_or(usize::MAX))
        })
        .collect();
        assert!(order.iter().all(|at| *at != usize::MAX), "{order:?}");
        assert!(xml.contains("footerReference"), "page numbers");
    }

    #[test]
    fn a_table_is_ruled_with_its_header_repeated_and_its_text_escaped() {
        let rows = vec![
            vec!["时间".to_string(), "工作内容".to_string()],
            vec![
                "12月3日前".to_string(),
                "验收 <第一段>\n资料归档".to_string(),
            ],
        ];
        let xml = document_xml(
            document(
                &[Block::Table(rows)],
                &Signature {
                    issuer: "党政办",
                    date: "2026年11月28日",
                },
            )
            .unwrap_or_default(),
        );
        assert_eq!(xml.matches("<w:tr>").count(), 2);
        assert_eq!(xml.matches("<w:tblHeader/>").count(), 1);
        assert!(xml.contains("w:insideV w:val=\"single\""));
        assert!(xml.contains("验收 &lt;第一段&gt;</w:t>"));
        assert!(
            xml.contains(">资料归档</w:t>"),
            "each line its own paragraph"
        );
    }
}
