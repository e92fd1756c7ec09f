//! Word documents as GB/T 9704-2012 sets official documents: A4 with the 156 × 225 mm 版心
//! (28 characters × 22 lines of 仿宋 三号), the title in 小标宋 二号,
//! headings 一、 in 黑体 and （一） in 楷体, the 署名 centred over an Arabic 成文日期 set four
//! characters from the right, page numbers "— 1 —" in 宋体 四号 7 mm under the 版心 (odd pages at
//! the right, even pages at the left, one character in), and, when the office has one, the 版头
//! (发文机关标志 in red over a red rule). Headings and table heads stay with what follows them and
//! the 落款 with the last paragraph, so no page holds only a heading or only a signature. Table
//! columns are as wide as what they hold. Fonts a computer lacks fall back to ones Windows has.

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
    /// every page); cells in 仿宋 四号, each column as wide as what it holds.
    Table(Vec<Vec<String>>),
}

/// Who issues the document and when, written at its end.
pub struct Signature<'a> {
    pub issuer: &'a str,
    pub date: &'a str,
}

/// How a document sits on the page: one value per kind of document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Page numbers at the outer side of odd and even pages (公文) or centred (a record).
    pub outer_page_numbers: bool,
}

impl Layout {
    /// GB/T 9704-2012: 公文 and the reports an office files.
    pub const OFFICIAL: Layout = Layout {
        outer_page_numbers: true,
    };
    /// A record form (谈话记录): the same page, its page numbers centred.
    pub const RECORD: Layout = Layout {
        outer_page_numbers: false,
    };
}

/// An official document (公文): 版头 when the office has one, number, title, paragraphs (an
/// addressee line at the margin, the others indented two characters), the issuer and the date.
pub struct Official<'a> {
    /// 发文机关标志, e.g. "中共某某镇委员会文件": printed in red over a red rule.
    pub mark: Option<&'a str>,
    pub number: Option<&'a str>,
    pub title: &'a str,
    /// Each paragraph with whether its first line is indented.
    pub paragraphs: Vec<(&'a str, bool)>,
    pub issuer: &'a str,
    pub date: &'a str,
    pub layout: Layout,
}

const FANGSONG: &str = "仿宋_GB2312";
const XIAOBIAOSONG: &str = "方正小标宋简体";
const HEITI: &str = "黑体";
const KAITI: &str = "楷体_GB2312";
const SONGTI: &str = "宋体";
/// 三号 (16 pt), 二号 (22 pt) and 四号 (14 pt), in half points.
const SIZE_3: u32 = 32;
const SIZE_2: u32 = 44;
const SIZE_4: u32 = 28;
/// The fixed line pitch: 22 lines in the 225 mm 版心, in twentieths of a point.
const LINE: u32 = 579;
/// The 版心's width in twips (156 mm: the page less the margins below).
const TEXT_WIDTH: u32 = 11906 - 1587 - 1474;
/// One character of 三号, in twips.
const CHAR: u32 = 320;

/// A paragraph's properties beyond the fixed line pitch.
#[derive(Clone, Copy, Default)]
struct Para {
    center: bool,
    indent: bool,
    keep_next: bool,
    /// Right indent in hundredths of a character of 三号 (the 成文日期 and 署名).
    right: Option<u32>,
    red_rule: bool,
}

fn ppr(p: Para) -> String {
    let mut out = format!(
        "<w:pPr>{}{}<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{LINE}\" w:lineRule=\"exact\"/>",
        if p.keep_next { "<w:keepNext/>" } else { "" },
        if p.red_rule {
            "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"8\" w:color=\"FF0000\"/></w:pBdr>"
        } else {
            ""
        }
    );
    if p.indent {
        out.push_str("<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>");
    } else if let Some(right) = p.right {
        out.push_str(&format!(
            "<w:ind w:rightChars=\"{right}\" w:right=\"{}\"/>",
            right * CHAR / 100
        ));
    }
    out.push_str(match (p.center, p.right) {
        (true, _) => "<w:jc w:val=\"center\"/>",
        (false, Some(_)) => "<w:jc w:val=\"right\"/>",
        (false, None) => "<w:jc w:val=\"both\"/>",
    });
    out.push_str("</w:pPr>");
    out
}

fn run(text: &str, font: &str, size: u32, colour: Option<&str>) -> String {
    format!(
        "<w:r><w:rPr><w:rFonts w:ascii=\"{font}\" w:eastAsia=\"{font}\" w:hAnsi=\"{font}\"/>{}{}<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
        colour.map(|c| format!("<w:color w:val=\"{c}\"/>")).unwrap_or_default(),
        // 28 characters of 三号 a line: 156 mm holds 27.6 at 16 pt, so each gives up a quarter
        // point (what Word's character grid does, written so every office suite does it).
        if size == SIZE_3 { "<w:spacing w:val=\"-5\"/>" } else { "" },
        xml_text(text)
    )
}

fn para(text: &str, font: &str, size: u32, p: Para) -> String {
    format!("<w:p>{}{}</w:p>", ppr(p), run(text, font, size, None))
}

fn body_para(text: &str, indent: bool, keep_next: bool) -> String {
    para(
        text,
        FANGSONG,
        SIZE_3,
        Para {
            indent,
            keep_next,
            ..Para::default()
        },
    )
}

fn blank(keep_next: bool) -> String {
    body_para("", false, keep_next)
}

fn centred(text: &str, font: &str, size: u32) -> String {
    para(
        text,
        font,
        size,
        Para {
            center: true,
            keep_next: true,
            ..Para::default()
        },
    )
}

/// How wide text is in half characters: Chinese and full-width forms count two.
fn half_chars(s: &str) -> u32 {
    s.chars().map(|c| if c >= '\u{2E80}' { 2 } else { 1 }).sum()
}

/// The 落款: one blank line under the text, the 署名 centred over the 成文日期, the date four
/// characters from the right (GB/T 9704-2012, 7.3.5.1). The paragraph before it already keeps
/// with it.
fn signature(body: &mut String, issuer: &str, date: &str) {
    let keep = |right| Para {
        keep_next: true,
        right: Some(right),
        ..Para::default()
    };
    body.push_str(&blank(true));
    body.push_str(&blank(true));
    // In hundredths of a character: the date ends 4 characters from the right; the issuer's
    // middle over the date's (widths in half characters, a quarter character each half).
    let date_w = half_chars(date);
    let issuer = issuer.trim();
    if !issuer.is_empty() {
        let right = (400 + date_w * 25).saturating_sub(half_chars(issuer) * 25);
        body.push_str(&para(issuer, FANGSONG, SIZE_3, keep(right)));
    }
    body.push_str(&para(
        date,
        FANGSONG,
        SIZE_3,
        Para {
            keep_next: false,
            ..keep(400)
        },
    ));
}

/// The 版头: 发文机关标志 in red 小标宋, two lines down the 发文字号, then the red rule.
fn letterhead(body: &mut String, mark: &str, number: Option<&str>) {
    body.push_str(&format!(
        "<w:p><w:pPr><w:keepNext/><w:spacing w:before=\"{}\" w:after=\"0\" w:line=\"960\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/></w:pPr>{}</w:p>",
        // 35 mm from the top of the 版心 to the mark's top (7.2.2), less the line's own lead.
        1984 - 240,
        run(mark, XIAOBIAOSONG, 72, Some("FF0000"))
    ));
    body.push_str(&blank(true));
    body.push_str(&blank(true));
    body.push_str(&para(
        number.unwrap_or(""),
        FANGSONG,
        SIZE_3,
        Para {
            center: true,
            keep_next: true,
            red_rule: true,
            ..Para::default()
        },
    ));
    body.push_str(&blank(true));
}

/// The .docx bytes of an official document.
pub fn official(doc: &Official) -> Result<Vec<u8>, super::OfficeError> {
    let mut body = String::new();
    match (
        doc.mark.map(str::trim).filter(|m| !m.is_empty()),
        doc.number,
    ) {
        (Some(mark), number) => letterhead(&mut body, mark, number),
        (None, Some(number)) => {
            body.push_str(&centred(number, FANGSONG, SIZE_3));
            body.push_str(&blank(true));
        }
        (None, None) => {}
    }
    body.push_str(&centred(doc.title, XIAOBIAOSONG, SIZE_2));
    body.push_str(&blank(true));
    let last = doc.paragraphs.len().saturating_sub(1);
    for (i, (text, indent)) in doc.paragraphs.iter().enumerate() {
        body.push_str(&body_para(text, *indent, i == last));
    }
    signature(&mut body, doc.issuer, doc.date);
    package(&body, doc.layout)
}

/// The .docx bytes for `blocks`, signed at the end, on the 公文 page.
pub fn document(blocks: &[Block], signed: &Signature) -> Result<Vec<u8>, super::OfficeError> {
    let mut body = String::new();
    let (mut heading, mut sub) = (0u32, 0u32);
    let last = blocks.len().saturating_sub(1);
    for (b, block) in blocks.iter().enumerate() {
        // What ends the text keeps with the 落款.
        let ending = b == last;
        match block {
            Block::Title(t) => body.push_str(&centred(t, XIAOBIAOSONG, SIZE_2)),
            Block::Subtitle(t) => {
                body.push_str(&centred(t, KAITI, SIZE_3));
                body.push_str(&blank(true));
            }
            Block::Heading(t) => {
                heading += 1;
                sub = 0;
                let text = format!("{}、{t}", numerals::number(heading));
                body.push_str(&heading_para(&text, HEITI));
            }
            Block::Labelled { label, text } => {
                sub += 1;
                let label = format!("（{}）{label}", numerals::number(sub));
                body.push_str(&heading_para(&label, KAITI));
                lines(&mut body, text, ending);
            }
            Block::Paragraph(t) => lines(&mut body, t, ending),
            Block::Table(rows) => {
                body.push_str(&table(rows, ending));
                body.push_str(&blank(ending));
            }
        }
    }
    signature(&mut body, signed.issuer, signed.date);
    package(&body, Layout::OFFICIAL)
}

/// A heading: indented two characters, kept with the paragraph after it.
fn heading_para(text: &str, font: &str) -> String {
    para(
        text,
        font,
        SIZE_3,
        Para {
            indent: true,
            keep_next: true,
            ..Para::default()
        },
    )
}

/// Each line of `text` as a body paragraph; the last kept with the 落款 when it ends the text.
fn lines(body: &mut String, text: &str, ending: bool) {
    let count = text.lines().count();
    for (i, line) in text.lines().enumerate() {
        body.push_str(&body_para(line, true, ending && i + 1 == count));
    }
}

/// Column widths in twips for `rows`, from what each column holds: every column as wide as
/// its longest line (a header may wrap once) when they fit, else on two lines, the widest
/// giving way first.
pub fn column_widths(rows: &[Vec<String>]) -> Vec<u32> {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    if n == 0 {
        return Vec::new();
    }
    // In half characters of 四号; each cell loses about two to its margins.
    let room = TEXT_WIDTH / (SIZE_4 * 10 / 2);
    // Two characters at least: "备注" on one line.
    let mut natural = vec![6u32; n];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let longest = cell.lines().map(half_chars).max().unwrap_or(0);
            let need = if r == 0 { longest.div_ceil(2) } else { longest };
            natural[c] = natural[c].max(need + 2);
        }
    }
    // Each column first gets room for what it holds on two lines; when even that does not
    // fit, the widest give way first (to four characters at least). Room left over goes to
    // the columns that would take more, in proportion.
    let base: Vec<u32> = natural
        .iter()
        .map(|&w| w.min((w.div_ceil(2) + 2).max(8)))
        .collect();
    let taken: u32 = base.iter().sum();
    let widths: Vec<u32> = if taken >= room {
        let mut cap = base.iter().copied().max().unwrap_or(8);
        while cap > 8 && base.iter().map(|&w| w.min(cap)).sum::<u32>() > room {
            cap -= 1;
        }
        base.iter().map(|&w| w.min(cap)).collect()
    } else {
        let want: u32 = natural.iter().zip(&base).map(|(n, b)| n - b).sum();
        let extra = room - taken;
        natural
            .iter()
            .zip(&base)
            .map(|(&n, &b)| {
                b + if want > extra {
                    (n - b) * extra / want
                } else {
                    n - b
                }
            })
            .collect()
    };
    let sum: u32 = widths.iter().sum::<u32>().max(1);
    widths.iter().map(|w| w * TEXT_WIDTH / sum).collect()
}

/// A ruled table; the first row is the header (repeated on every page, kept with the first
/// row). Each cell's lines are paragraphs. `ending`: the last row keeps with the 落款.
fn table(rows: &[Vec<String>], ending: bool) -> String {
    let widths = column_widths(rows);
    let border = |side: &str| {
        format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>")
    };
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|s| border(s))
        .collect();
    let grid: String = widths
        .iter()
        .map(|w| format!("<w:gridCol w:w=\"{w}\"/>"))
        .collect();
    let mut out = format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{TEXT_WIDTH}\" w:type=\"dxa\"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
    );
    let last = rows.len().saturating_sub(1);
    for (i, row) in rows.iter().enumerate() {
        out.push_str("<w:tr>");
        let keep = i == 0 || (ending && i == last);
        if i == 0 {
            out.push_str("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        } else if row_lines(row, &widths) <= WHOLE_ROW_LINES {
            // A row moves whole to the next page; one longer than a page must split.
            out.push_str("<w:trPr><w:cantSplit/></w:trPr>");
        }
        for (c, w) in widths.iter().enumerate() {
            let cell = row.get(c).map(String::as_str).unwrap_or("");
            out.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/></w:tcPr>"
            ));
            let font = if i == 0 { HEITI } else { FANGSONG };
            let lines: Vec<&str> = cell.lines().collect();
            if lines.is_empty() {
                out.push_str(&cell_para("", font, i == 0, keep));
            }
            for line in lines {
                out.push_str(&cell_para(line, font, i == 0, keep));
            }
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    out
}

/// Rows up to this many lines never split across pages (about a third of a page of 四号).
const WHOLE_ROW_LINES: u32 = 12;

/// About how many lines of 四号 a row takes in columns of `widths` (twips).
fn row_lines(row: &[String], widths: &[u32]) -> u32 {
    row.iter()
        .zip(widths)
        .map(|(cell, &w)| {
            let per_line = (w.saturating_sub(170) / (SIZE_4 * 10 / 2)).max(1);
            cell.lines()
                .map(|l| half_chars(l).div_ceil(per_line).max(1))
                .sum::<u32>()
        })
        .max()
        .unwrap_or(1)
}

/// A paragraph in a table cell: single spacing (the fixed pitch is for body text), not held
/// to the character grid.
fn cell_para(text: &str, font: &str, center: bool, keep_next: bool) -> String {
    format!(
        "<w:p><w:pPr>{}<w:snapToGrid w:val=\"0\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"{}\"/></w:pPr>{}</w:p>",
        if keep_next { "<w:keepNext/>" } else { "" },
        if center { "center" } else { "both" },
        run(text, font, SIZE_4, None)
    )
}

/// A page number "— 1 —" in 宋体 四号 (half-width digits): at the right of odd pages and the
/// left of even pages, one character in (or centred, for a record).
fn footer(align: &str, indent: &str) -> String {
    let r = |inner: &str| {
        format!("<w:r><w:rPr><w:rFonts w:ascii=\"{SONGTI}\" w:eastAsia=\"{SONGTI}\" w:hAnsi=\"{SONGTI}\"/><w:sz w:val=\"{SIZE_4}\"/><w:szCs w:val=\"{SIZE_4}\"/></w:rPr>{inner}</w:r>")
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="280" w:lineRule="exact"/>{indent}<w:jc w:val="{align}"/></w:pPr>{}{}{}{}{}{}</w:p></w:ftr>"#,
        r("<w:t xml:space=\"preserve\">— </w:t>"),
        r("<w:fldChar w:fldCharType=\"begin\"/>"),
        r("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"),
        r("<w:fldChar w:fldCharType=\"separate\"/>"),
        r("<w:t>1</w:t>"),
        r("<w:fldChar w:fldCharType=\"end\"/><w:t xml:space=\"preserve\"> —</w:t>"),
    )
}

/// Fonts by the names GB/T 9704 gives, each with the one Windows and WPS always have to stand
/// in for it (a font's `altName`): 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, 方正小标宋简体 → 宋体.
const FONT_TABLE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font><w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font><w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/><w:charset w:val="86"/><w:family w:val="script"/><w:pitch w:val="variable"/></w:font><w:font w:name="黑体"><w:altName w:val="SimHei"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font><w:font w:name="宋体"><w:altName w:val="SimSun"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font></w:fonts>"#;

/// The default run (仿宋 三号) that the character grid counts in.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:cs="Times New Roman"/><w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#;

fn package(body: &str, layout: Layout) -> Result<Vec<u8>, super::OfficeError> {
    // A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm: the 156 × 225 mm 版心. The
    // footer's foot 25 mm from the paper's edge puts the number's rules 7 mm under the 版心.
    // The grid: 22 lines of 579 twips (the 28 characters come from the runs' spacing).
    let grid = r#"<w:docGrid w:type="lines" w:linePitch="579"/>"#;
    let footers = if layout.outer_page_numbers {
        r#"<w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/>"#
    } else {
        r#"<w:footerReference w:type="default" r:id="rIdFooterOdd"/>"#
    };
    let document_xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}<w:sectPr>{footers}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="1400" w:gutter="0"/>{grid}</w:sectPr></w:body></w:document>"#
    );
    let one_char_in = format!("w:rightChars=\"100\" w:right=\"{SIZE_4}0\"");
    let (odd, even) = if layout.outer_page_numbers {
        (
            footer("right", &format!("<w:ind {one_char_in}/>")),
            footer(
                "left",
                &format!("<w:ind w:leftChars=\"100\" w:left=\"{SIZE_4}0\"/>"),
            ),
        )
    } else {
        (footer("center", ""), String::new())
    };
    let settings = if layout.outer_page_numbers {
        "<w:evenAndOddHeaders/>"
    } else {
        ""
    };
    let mut parts = vec![
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.into()),
        ("word/_rels/document.xml.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rIdFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/></Relationships>"#.into()),
        ("word/document.xml", document_xml),
        ("word/styles.xml", STYLES.into()),
        ("word/settings.xml", format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="420"/>{settings}<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:useFELayout/></w:compat></w:settings>"#)),
        ("word/fontTable.xml", FONT_TABLE.into()),
        ("word/footer1.xml", odd),
    ];
    if !even.is_empty() {
        parts.push(("word/footer2.xml", even));
    } else {
        // The relationship names it; an empty footer keeps the package whole.
        parts.push(("word/footer2.xml", footer("center", "")));
    }
    archive(&parts)
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
                mark: None,
                number: Some("某镇诫〔2026〕1号"),
                title: "诫勉谈话通知书",
                paragraphs: vec![("张三同志：", false), ("经查，<迟到>。", true)],
                issuer: "某镇党委",
                date: "2026年11月28日",
                layout: Layout::OFFICIAL,
            })
            .unwrap_or_default(),
        );
        let order: Vec<usize> = [
            "某镇诫〔2026〕1号",
            "诫勉谈话通知书",
            "张三同志：",
            "经查，&lt;迟到&gt;。",
            "某镇党委",
            "2026年11月28日",
        ]
        .iter()
        .map(|s| xml.find(s).unwrap_or(usize::MAX))
        .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
        assert!(xml.contains("w:top=\"2098\"") && xml.contains("w:left=\"1587\""));
        assert!(xml.contains(XIAOBIAOSONG) && xml.contains(FANGSONG));
        assert_eq!(xml.matches("w:firstLineChars=\"200\"").count(), 1);
        // 28 characters a line on the grid; the date 4 characters from the right and the
        // issuer centred over it: "2026年11月28日" is 7 characters, "某镇党委" 4, so 5.5 in.
        assert!(xml.contains(r#"<w:docGrid w:type="lines" w:linePitch="579"/>"#));
        assert!(xml.contains(r#"<w:spacing w:val="-5"/><w:sz w:val="32"/>"#));
        assert!(xml.contains(r#"<w:ind w:rightChars="550" w:right="1760"/><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:spacing w:val="-5"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr><w:t xml:space="preserve">某镇党委"#), "{xml}");
        assert!(xml.contains(r#"<w:ind w:rightChars="400" w:right="1280"/>"#));
        // The last paragraph keeps with the 落款; the date keeps with nothing.
        let last = xml.find("经查").unwrap_or(0);
        assert!(xml[..last].rfind("<w:keepNext/>") > xml[..last].rfind("张三同志"));
        assert!(!xml[xml.find("2026年11月28日").unwrap_or(0) - 400..].contains("keepNext"));
        assert!(xml.contains("w:evenAndOddHeaders") || xml.contains("rIdFooterEven"));
    }

    #[test]
    fn a_letterhead_when_the_office_has_one() {
        let xml = document_xml(
            official(&Official {
                mark: Some("某某镇人民政府文件"),
                number: Some("某政发〔2026〕3号"),
                title: "通知",
                paragraphs: vec![("正文。", true)],
                issuer: "某某镇人民政府",
                date: "2026年5月18日",
                layout: Layout::OFFICIAL,
            })
            .unwrap_or_default(),
        );
        let mark = xml.find("某某镇人民政府文件").unwrap_or(usize::MAX);
        let number = xml.find("某政发〔2026〕3号").unwrap_or(usize::MAX);
        assert!(mark < number);
        assert!(xml[..mark].contains(r#"<w:color w:val="FF0000"/>"#));
        assert!(
            xml[mark..number].contains(r#"w:color="FF0000""#),
            "the red rule under the number"
        );
    }

    #[test]
    fn columns_are_as_wide_as_what_they_hold() {
        let rows = vec![
            ["时间", "工作内容", "责任领导", "责任单位/责任人", "备注"]
                .map(String::from)
                .to_vec(),
            [
                "已逾期（原定11月20日）",
                "乡村振兴产业线：完成全镇12个村的产业项目申报材料汇总并报县农业农村局审核",
                "张三",
                "农业站／李四",
                "",
            ]
            .map(String::from)
            .to_vec(),
        ];
        let w = column_widths(&rows);
        assert_eq!(w.len(), 5);
        assert!(w.iter().sum::<u32>() <= TEXT_WIDTH);
        assert!(w[1] > w[0] && w[0] > w[2], "{w:?}");
        // 时间 holds "已逾期（原定11月20日）" (11 characters) on two lines: 6 a line and margins.
        assert!(w[0] >= 6 * 280 + 170, "{w:?}");
        // A column of names is not squeezed under its two-character-wide header.
        let names = column_widths(&[vec!["工作线".into()], vec!["乡村振兴产业线".into()]]);
        assert_eq!(names, vec![TEXT_WIDTH]);
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
        // Headings keep with what follows them.
        let heading = xml.find("一、道路建设").unwrap_or(0);
        assert!(xml[..heading].rfind("<w:keepNext/>") > xml[..heading].rfind("<w:p>"));
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
        assert_eq!(xml.matches("<w:gridCol ").count(), 2);
        assert!(xml.contains("<w:tblLayout w:type=\"fixed\"/>"));
        assert_eq!(xml.matches("<w:tblHeader/>").count(), 1);
        assert!(xml.contains("w:insideV w:val=\"single\""));
        assert!(xml.contains("验收 &lt;第一段&gt;</w:t>"));
        assert!(
            xml.contains(">资料归档</w:t>"),
            "each line its own paragraph"
        );
    }
}
