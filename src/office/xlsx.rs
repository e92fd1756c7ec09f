//! A workbook with one sheet of text cells, the header row bold, long text wrapped.

use super::{archive, xml_text};

/// Column letters for a 0-based column index: A … Z, AA …
fn column_name(mut index: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    if clean.is_empty() {
        "Sheet1".into()
    } else {
        clean
    }
}

/// What a cell holds, so that Excel can sum, sort and format it: numbers, shares and dates in
/// their own types, everything else as text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell {
    Number(f64),
    /// A share written "85.0%": stored as 0.85, shown as a percentage.
    Percent(f64),
    /// A day written "2026-11-28": stored as Excel's day number, shown as a date.
    Date(i64),
    Text,
}

/// The type of a cell as written. Long digit strings (phone numbers, ids) and numbers with a
/// leading zero stay text, as people mean them.
pub fn cell_type(text: &str) -> Cell {
    let t = text.trim();
    if let Ok(day) = chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or(day);
        return Cell::Date((day - epoch).num_days());
    }
    let (body, percent) = match t.strip_suffix('%') {
        Some(b) => (b, true),
        None => (t, false),
    };
    let digits = body.strip_prefix('-').unwrap_or(body);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let plain = !int.is_empty()
        && int.len() <= 9
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && !(digits.contains('.') && frac.is_empty())
        && !(int.len() > 1 && int.starts_with('0'));
    match body.parse::<f64>() {
        Ok(n) if plain && n.is_finite() => {
            if percent {
                Cell::Percent(n / 100.0)
            } else {
                Cell::Number(n)
            }
        }
        _ => Cell::Text,
    }
}

fn cell_xml(reference: &str, text: &str, header: bool) -> String {
    match (header, cell_type(text)) {
        (false, Cell::Number(n)) => format!("<c r=\"{reference}\" s=\"3\"><v>{n}</v></c>"),
        (false, Cell::Percent(n)) => format!("<c r=\"{reference}\" s=\"4\"><v>{n}</v></c>"),
        (false, Cell::Date(d)) => format!("<c r=\"{reference}\" s=\"5\"><v>{d}</v></c>"),
        (header, _) => format!(
            "<c r=\"{reference}\" t=\"inlineStr\" s=\"{}\"><is><t xml:space=\"preserve\">{}</t></is></c>",
            if header { 1 } else { 2 },
            xml_text(text)
        ),
    }
}

/// The .xlsx bytes for `rows` (the first row is the header).
pub fn workbook(sheet: &str, rows: &[Vec<String>]) -> Result<Vec<u8>, super::OfficeError> {
    titled(sheet, &[], rows)
}

/// The .xlsx bytes for `rows` under `heading` lines (a title, a period): the table's header is
/// the first of `rows`, kept in view while scrolling; printed on A4 landscape, one page wide.
pub fn titled(
    sheet: &str,
    heading: &[String],
    rows: &[Vec<String>],
) -> Result<Vec<u8>, super::OfficeError> {
    let mut data = String::new();
    for (r, line) in heading.iter().enumerate() {
        data.push_str(&format!(
            "<row r=\"{}\">{}</row>",
            r + 1,
            cell_xml(&format!("A{}", r + 1), line, true)
        ));
    }
    let top = heading.len();
    for (r, row) in rows.iter().enumerate() {
        let number = top + r + 1;
        data.push_str(&format!("<row r=\"{number}\">"));
        for (c, cell) in row.iter().enumerate() {
            data.push_str(&cell_xml(
                &format!("{}{number}", column_name(c)),
                cell,
                r == 0,
            ));
        }
        data.push_str("</row>");
    }
    let widths: String = (1..=rows.first().map(Vec::len).unwrap_or(1))
        .map(|c| {
            format!(
                "<col min=\"{c}\" max=\"{c}\" width=\"{}\" customWidth=\"1\"/>",
                if c == 1 { 18 } else { 40 }
            )
        })
        .collect();
    let frozen = top + 1;
    let sheet_xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0"><pane ySplit="{frozen}" topLeftCell="A{}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>{widths}</cols><sheetData>{data}</sheetData><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>"#,
        frozen + 1
    );
    let workbook_xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        xml_text(&sheet_name(sheet))
    );
    let styles = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="176" formatCode="0.0%"/><numFmt numFmtId="177" formatCode="yyyy\-mm\-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="6"><xf/><xf fontId="1" applyFont="1"><alignment wrapText="1" vertical="top"/></xf><xf applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf><xf applyAlignment="1"><alignment vertical="top"/></xf><xf numFmtId="176" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf><xf numFmtId="177" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;
    archive(&[
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#.into()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into()),
        ("xl/workbook.xml", workbook_xml),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.into()),
        ("xl/worksheets/sheet1.xml", sheet_xml),
        ("xl/styles.xml", styles.into()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_shares_and_dates_get_their_types_and_phones_stay_text() {
        assert_eq!(cell_type("95.50"), Cell::Number(95.5));
        assert_eq!(cell_type("-3"), Cell::Number(-3.0));
        assert_eq!(cell_type("85.0%"), Cell::Percent(0.85));
        assert_eq!(cell_type("2026-11-28"), Cell::Date(46354));
        for text in [
            "13812345678",
            "007",
            "1.",
            ".5",
            "1e5",
            "一",
            "",
            "1 000",
            "NaN",
            "inf",
            "2026-02-30",
        ] {
            assert_eq!(cell_type(text), Cell::Text, "{text}");
        }
    }

    #[test]
    fn column_names_run_past_z() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }

    #[test]
    fn a_workbook_is_a_zip_with_the_cells_inside() {
        let rows = vec![
            vec!["工作线".to_string(), "完成情况".to_string()],
            vec!["道路<建设>".to_string(), "1. 路基".to_string()],
        ];
        let bytes = workbook("月总结", &rows).unwrap_or_default();
        assert_eq!(&bytes[..2], b"PK");
        let mut zip =
            zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
        let mut sheet = String::new();
        std::io::Read::read_to_string(
            &mut zip
                .by_name("xl/worksheets/sheet1.xml")
                .unwrap_or_else(|e| panic!("{e}")),
            &mut sheet,
        )
        .unwrap_or_default();
        assert!(
            sheet.contains(
                r#"<c r="B2" t="inlineStr" s="2"><is><t xml:space="preserve">1. 路基</t>"#
            ),
            "{sheet}"
        );
        assert!(sheet.contains("道路&lt;建设&gt;"));
        assert!(sheet.contains(r#"fitToWidth="1""#));
        assert_eq!(sheet_name("a/b[c]"), "abc");
    }
}
