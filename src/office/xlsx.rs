//! Workbooks a clerk prints as they come: a merged title with the period under it, a bold
//! ruled header repeated on every page, thin borders, wrapped text in rows tall enough to show
//! it, widths from what the columns hold, A4 with page numbers, and numbers, shares and dates as
//! Excel's own types shown the way they were written.

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

/// What a cell holds, so that Excel can sum, sort and format it — and show it as it was
/// written: numbers keep their decimals and thousands separators, shares their decimals,
/// dates and times their form; everything else is text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell {
    Number {
        value: f64,
        shown: Shown,
    },
    /// A day written "2026-11-28" or a moment "2026-11-28 09:30": Excel's day number (the
    /// fraction the time of day).
    Date {
        serial: f64,
        shown: Shown,
    },
    Text,
}

/// How a number is shown: the number format a cell carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    General,
    Fixed {
        decimals: u8,
        grouped: bool,
    },
    Percent {
        decimals: u8,
    },
    /// An amount of money as written: "¥1,250.00" (`sign`) or "1,250.00元".
    Yuan {
        decimals: u8,
        grouped: bool,
        sign: bool,
    },
    Date,
    DateTime,
}

impl Shown {
    /// The format code Excel stores for it (None: General, the built-in 0).
    fn code(self) -> Option<String> {
        let zeros = |d: u8| {
            if d == 0 {
                String::new()
            } else {
                format!(".{}", "0".repeat(usize::from(d)))
            }
        };
        match self {
            Shown::General => None,
            Shown::Fixed { decimals, grouped } => Some(format!(
                "{}{}",
                if grouped { "#,##0" } else { "0" },
                zeros(decimals)
            )),
            Shown::Percent { decimals } => Some(format!("0{}%", zeros(decimals))),
            Shown::Yuan {
                decimals,
                grouped,
                sign,
            } => {
                let digits = format!("{}{}", if grouped { "#,##0" } else { "0" }, zeros(decimals));
                Some(if sign {
                    format!("\"¥\"{digits}")
                } else {
                    format!("{digits}\"元\"")
                })
            }
            Shown::Date => Some("yyyy\\-mm\\-dd".into()),
            Shown::DateTime => Some("yyyy\\-mm\\-dd\\ hh:mm".into()),
        }
    }
}

fn day_number(day: chrono::NaiveDate) -> Option<f64> {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?;
    Some((day - epoch).num_days() as f64)
}

/// The type of a cell as written. Long digit strings (phone numbers, ids) and numbers with a
/// leading zero stay text, as people mean them; "50,000.00" is a number.
pub fn cell_type(text: &str) -> Cell {
    let t = text.trim();
    if let Some(day) = crate::local_time::parse_date(t) {
        if let Some(serial) = day_number(day) {
            return Cell::Date {
                serial,
                shown: Shown::Date,
            };
        }
    }
    if let Some(at) = crate::local_time::parse_minute_text(t) {
        if let Some(days) = day_number(at.date()) {
            let minutes = f64::from(chrono::Timelike::num_seconds_from_midnight(&at.time()) / 60);
            return Cell::Date {
                serial: days + minutes / 1440.0,
                shown: Shown::DateTime,
            };
        }
    }
    // Amounts as offices write them: ¥1,250.00, ￥1250, 1,250.00元.
    let (t, money) = match (t.strip_prefix(['¥', '￥']), t.strip_suffix('元')) {
        (Some(rest), _) => (rest.trim_start(), Some(true)),
        (None, Some(rest)) => (rest.trim_end(), Some(false)),
        (None, None) => (t, None),
    };
    let (body, percent) = match t.strip_suffix('%') {
        Some(b) => (b, true),
        None => (t, false),
    };
    let digits = body.strip_prefix('-').unwrap_or(body);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    // Thousands separators only in groups of three: 1,250,000 and 50,000.00.
    let groups: Vec<&str> = int.split(',').collect();
    let grouped = groups.len() > 1;
    let grouping_right = !grouped
        || (groups[0].len() <= 3
            && !groups[0].is_empty()
            && groups[1..].iter().all(|g| g.len() == 3)
            && !percent);
    let int_digits: String = groups.concat();
    let plain = !int_digits.is_empty()
        && grouping_right
        && !(percent && money.is_some())
        && (int_digits.len() <= 9 || (grouped && int_digits.len() <= 15))
        && int_digits.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && frac.len() <= 6
        && !(digits.contains('.') && frac.is_empty())
        && !(int_digits.len() > 1 && int_digits.starts_with('0'));
    if !plain {
        return Cell::Text;
    }
    let sign = if body.starts_with('-') { "-" } else { "" };
    let decimals = u8::try_from(frac.len()).unwrap_or(0);
    match crate::decimal::parse(&format!("{sign}{int_digits}.{frac}")) {
        Some(n) => Cell::Number {
            value: if percent { n / 100.0 } else { n },
            shown: match (percent, decimals, grouped) {
                _ if money.is_some() => Shown::Yuan {
                    decimals,
                    grouped,
                    sign: money == Some(true),
                },
                (true, d, _) => Shown::Percent { decimals: d },
                (false, 0, false) => Shown::General,
                (false, d, g) => Shown::Fixed {
                    decimals: d,
                    grouped: g,
                },
            },
        },
        _ => Cell::Text,
    }
}

/// How wide text is in Excel's units (the width of a digit): Chinese characters and
/// full-width forms count two.
pub fn text_width(s: &str) -> usize {
    s.chars().map(|c| if c >= '\u{2E80}' { 2 } else { 1 }).sum()
}

/// A sheet as an office files it: a title over the table (merged and centred), lines under
/// the title (the period, who made it), the table with its header row repeated on every
/// printed page, further tables under it, and notes at the end.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub title: String,
    pub lines: Vec<String>,
    /// Each table's header row first. The first table's header repeats on every page.
    pub tables: Vec<Vec<Vec<String>>>,
    pub notes: Vec<String>,
    /// Columns written as text whatever they hold (telephone numbers, ids).
    pub text_columns: Vec<usize>,
}

impl Sheet {
    pub fn new(name: &str, title: &str, rows: Vec<Vec<String>>) -> Sheet {
        Sheet {
            name: name.into(),
            title: title.into(),
            tables: vec![rows],
            ..Sheet::default()
        }
    }

    /// A line under the title (the period, 制表单位, 制表日期).
    pub fn line(mut self, text: impl Into<String>) -> Sheet {
        self.lines.push(text.into());
        self
    }

    pub fn table(mut self, rows: Vec<Vec<String>>) -> Sheet {
        if !rows.is_empty() {
            self.tables.push(rows);
        }
        self
    }

    /// Column `c` stays text: "6123456" is a telephone number, not a quantity.
    pub fn text_column(mut self, c: usize) -> Sheet {
        self.text_columns.push(c);
        self
    }

    pub fn note(mut self, text: impl Into<String>) -> Sheet {
        self.notes.push(text.into());
        self
    }

    fn columns(&self) -> usize {
        self.tables
            .iter()
            .flatten()
            .map(Vec::len)
            .max()
            .unwrap_or(1)
            .max(1)
    }
}

/// The printable width of A4 in column units, with the margins below (0.5 inch left and
/// right). A unit is the width of a digit of the sheet's font: about 1.9 mm in 宋体 under Excel
/// or WPS, up to 2.45 mm where another CJK font stands in (LibreOffice on Linux). Widths are
/// planned for the wider unit, so the table fits at 100 % everywhere.
const LANDSCAPE: usize = 106;
const PORTRAIT: usize = 72;
/// Wider tables are fitted to the page while even the wider unit keeps 11 pt text at 9 pt or
/// more; wider still, they run over more pages at their own size.
const FITTED_AT_MOST: usize = 129;
const NARROWEST: usize = 10;
const WIDEST: usize = 60;
/// Points per line of 11 pt text, and the cell's padding.
const LINE_PT: f64 = 14.4;
const PAD_PT: f64 = 4.0;

/// How the sheet goes onto paper: column widths, landscape or not, and whether the print is
/// fitted to the page's width.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub widths: Vec<usize>,
    pub landscape: bool,
    pub fit_to_width: bool,
}

/// Widths from what the columns hold (a header may wrap over three lines; long text wraps),
/// upright when that fits, else on its side and narrowed to the page: the widest columns give
/// way first, down to ten characters.
/// Fitted to the page's width only when the text stays at 9 pt or more; otherwise the table
/// runs over more pages at its own size.
pub fn layout(sheet: &Sheet) -> Layout {
    let n = sheet.columns();
    let mut natural = vec![4usize; n];
    for table in &sheet.tables {
        for (r, row) in table.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let longest = cell.lines().map(text_width).max().unwrap_or(0);
                let need = if r == 0 { longest.div_ceil(3) } else { longest };
                // A character of room beside the text (the column's own padding is in its width).
                natural[c] = natural[c].max((need + 1).min(WIDEST));
            }
        }
    }
    let fits = |budget: usize| {
        let total: usize = natural.iter().sum();
        if total <= budget {
            return natural.clone();
        }
        // The cap c with Σ min(w, c) = budget, if one at NARROWEST or above exists.
        let mut cap = natural.iter().copied().max().unwrap_or(NARROWEST);
        while cap > NARROWEST && natural.iter().map(|&w| w.min(cap)).sum::<usize>() > budget {
            cap -= 1;
        }
        natural.iter().map(|&w| w.min(cap)).collect()
    };
    // Upright when the table fits as it is; on its side when text would have to wrap more.
    if natural.iter().sum::<usize>() <= PORTRAIT {
        return Layout {
            widths: natural,
            landscape: false,
            fit_to_width: false,
        };
    }
    let widths = fits(LANDSCAPE);
    Layout {
        fit_to_width: widths.iter().sum::<usize>() <= FITTED_AT_MOST,
        widths,
        landscape: true,
    }
}

/// Row height in points for cells of these widths: enough lines for the longest cell.
fn row_height(cells: &[String], widths: &[usize]) -> f64 {
    let lines = cells
        .iter()
        .zip(widths)
        .map(|(cell, &w)| {
            let room = w.saturating_sub(1).max(2);
            cell.lines()
                .map(|l| text_width(l).div_ceil(room).max(1))
                .sum::<usize>()
                .max(1)
        })
        .max()
        .unwrap_or(1);
    lines as f64 * LINE_PT + PAD_PT
}

/// Cell styles (the `s` attribute): the fixed ones, then one per number format in use.
const TITLE: usize = 1;
const LINE: usize = 2;
const HEADER: usize = 3;
const TEXT: usize = 4;
const NOTE: usize = 5;
const FIXED_STYLES: usize = 6;

struct Styles {
    formats: Vec<Shown>,
}

impl Styles {
    fn index(&mut self, shown: Shown) -> usize {
        let i = match self.formats.iter().position(|&f| f == shown) {
            Some(i) => i,
            None => {
                self.formats.push(shown);
                self.formats.len() - 1
            }
        };
        FIXED_STYLES + i
    }

    fn xml(&self) -> String {
        let mut num_fmts = String::new();
        let mut xfs = String::new();
        for (i, shown) in self.formats.iter().enumerate() {
            let id = match shown.code() {
                Some(code) => {
                    let id = 164 + i;
                    num_fmts.push_str(&format!(
                        "<numFmt numFmtId=\"{id}\" formatCode=\"{}\"/>",
                        xml_text(&code)
                    ));
                    id
                }
                None => 0,
            };
            xfs.push_str(&format!("<xf numFmtId=\"{id}\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>"));
        }
        let fmt_count = num_fmts.matches("<numFmt ").count();
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="{fmt_count}">{num_fmts}</numFmts><fonts count="3"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font><font><b/><sz val="16"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="{}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>{xfs}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#,
            FIXED_STYLES + self.formats.len()
        )
    }
}

fn text_cell(reference: &str, text: &str, style: usize) -> String {
    format!(
        "<c r=\"{reference}\" s=\"{style}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
        xml_text(text)
    )
}

fn body_cell(reference: &str, text: &str, styles: &mut Styles) -> String {
    match cell_type(text) {
        Cell::Number { value, shown } => format!(
            "<c r=\"{reference}\" s=\"{}\"><v>{value}</v></c>",
            styles.index(shown)
        ),
        Cell::Date { serial, shown } => format!(
            "<c r=\"{reference}\" s=\"{}\"><v>{serial}</v></c>",
            styles.index(shown)
        ),
        Cell::Text => text_cell(reference, text, TEXT),
    }
}

/// A row: `cells` from column A, a height when it needs more than one line.
fn row_xml(number: usize, cells: &str, height: Option<f64>) -> String {
    match height {
        Some(h) => format!(
            "<row r=\"{number}\" ht=\"{:.1}\" customHeight=\"1\">{cells}</row>",
            h
        ),
        None => format!("<row r=\"{number}\">{cells}</row>"),
    }
}

/// The .xlsx bytes of one sheet.
pub fn workbook(sheet: &Sheet) -> Result<Vec<u8>, super::OfficeError> {
    let n = sheet.columns();
    let layout = layout(sheet);
    // The title and the lines under it over the table, or, when the table runs over several
    // pages side by side, over the first page's columns, so that the title stays whole.
    let on_first_page = if layout.landscape && !layout.fit_to_width {
        let mut room = LANDSCAPE;
        layout
            .widths
            .iter()
            .take_while(|&&w| match room.checked_sub(w) {
                Some(left) => {
                    room = left;
                    true
                }
                None => false,
            })
            .count()
            .max(1)
    } else {
        n
    };
    let last = column_name(on_first_page - 1);
    let mut styles = Styles {
        formats: Vec::new(),
    };
    let mut data = String::new();
    let mut merges = Vec::new();
    let mut r = 0usize;
    let mut merged_line = |data: &mut String, r: &mut usize, text: &str, style: usize, h: f64| {
        *r += 1;
        data.push_str(&row_xml(
            *r,
            &text_cell(&format!("A{r}"), text, style),
            Some(h),
        ));
        merges.push(format!("A{r}:{last}{r}"));
    };
    merged_line(&mut data, &mut r, &sheet.title, TITLE, 30.0);
    for line in &sheet.lines {
        merged_line(&mut data, &mut r, line, LINE, 20.0);
    }
    let mut header_row = 0;
    for (t, table) in sheet.tables.iter().enumerate() {
        if t > 0 {
            r += 1; // a blank row between tables
        }
        for (i, row) in table.iter().enumerate() {
            r += 1;
            if t == 0 && i == 0 {
                header_row = r;
            }
            let mut cells = String::new();
            // Every cell of the table's width, so that the borders close.
            for c in 0..n {
                let text = row.get(c).map(String::as_str).unwrap_or("");
                let reference = format!("{}{r}", column_name(c));
                cells.push_str(&if i == 0 {
                    text_cell(&reference, text, HEADER)
                } else if t == 0 && sheet.text_columns.contains(&c) {
                    text_cell(&reference, text, TEXT)
                } else {
                    body_cell(&reference, text, &mut styles)
                });
            }
            data.push_str(&row_xml(r, &cells, Some(row_height(row, &layout.widths))));
        }
    }
    let total_width: usize = layout.widths.iter().take(on_first_page).sum();
    for note in &sheet.notes {
        r += 1;
        let lines = note
            .lines()
            .map(|l| text_width(l).div_ceil(total_width.max(2) - 1).max(1))
            .sum::<usize>()
            .max(1);
        data.push_str(&row_xml(
            r,
            &text_cell(&format!("A{r}"), note, NOTE),
            Some(lines as f64 * LINE_PT + PAD_PT),
        ));
        merges.push(format!("A{r}:{last}{r}"));
    }
    let widths: String = layout
        .widths
        .iter()
        .enumerate()
        .map(|(c, w)| {
            format!(
                "<col min=\"{0}\" max=\"{0}\" width=\"{w}\" customWidth=\"1\"/>",
                c + 1
            )
        })
        .collect();
    let merge_xml: String = merges
        .iter()
        .map(|m| format!("<mergeCell ref=\"{m}\"/>"))
        .collect();
    let fit = if layout.fit_to_width {
        "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
    } else {
        ""
    };
    let sheet_xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{fit}<sheetViews><sheetView workbookViewId="0"><pane ySplit="{header_row}" topLeftCell="A{}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>{widths}</cols><sheetData>{data}</sheetData><mergeCells count="{}">{merge_xml}</mergeCells><printOptions horizontalCentered="1"/><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.7" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="{}" fitToWidth="1" fitToHeight="0"/><headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter></worksheet>"#,
        header_row + 1,
        merges.len(),
        if layout.landscape {
            "landscape"
        } else {
            "portrait"
        },
    );
    let name = sheet_name(&sheet.name);
    let workbook_xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'{}'!${header_row}:${header_row}</definedName></definedNames></workbook>"#,
        xml_text(&name),
        xml_text(&name.replace('\'', "''")),
    );
    archive(&[
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#.into()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into()),
        ("xl/workbook.xml", workbook_xml),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.into()),
        ("xl/worksheets/sheet1.xml", sheet_xml),
        ("xl/styles.xml", styles.xml()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(value: f64, shown: Shown) -> Cell {
        Cell::Number { value, shown }
    }

    #[test]
    fn numbers_shares_and_dates_keep_their_form_and_phones_stay_text() {
        assert_eq!(
            cell_type("95.50"),
            number(
                95.5,
                Shown::Fixed {
                    decimals: 2,
                    grouped: false
                }
            )
        );
        assert_eq!(cell_type("-3"), number(-3.0, Shown::General));
        assert_eq!(
            cell_type("85.0%"),
            number(0.85, Shown::Percent { decimals: 1 })
        );
        assert_eq!(
            cell_type("20%"),
            number(0.2, Shown::Percent { decimals: 0 })
        );
        assert_eq!(
            cell_type("50,000.00"),
            number(
                50000.0,
                Shown::Fixed {
                    decimals: 2,
                    grouped: true
                }
            )
        );
        assert_eq!(
            cell_type("1,250,000"),
            number(
                1_250_000.0,
                Shown::Fixed {
                    decimals: 0,
                    grouped: true
                }
            )
        );
        assert_eq!(
            cell_type("2026-11-28"),
            Cell::Date {
                serial: 46354.0,
                shown: Shown::Date
            }
        );
        assert_eq!(
            cell_type("2026-11-28 09:30"),
            Cell::Date {
                serial: 46354.0 + 570.0 / 1440.0,
                shown: Shown::DateTime
            }
        );
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
            "1,2345",
            ",100",
            "12,34,567",
            "1,000%",
            "=1+1",
            "¥",
            "元",
            "¥5%",
            "¥-",
        ] {
            assert_eq!(cell_type(text), Cell::Text, "{text}");
        }
    }

    #[test]
    fn amounts_with_a_currency_sign_or_yuan_are_numbers_shown_as_typed() {
        let yuan = |decimals, grouped, sign| Shown::Yuan {
            decimals,
            grouped,
            sign,
        };
        assert_eq!(
            cell_type("¥1,250,000.00"),
            number(1_250_000.0, yuan(2, true, true))
        );
        assert_eq!(cell_type("￥ 300"), number(300.0, yuan(0, false, true)));
        assert_eq!(cell_type("1,250.5元"), number(1250.5, yuan(1, true, false)));
        assert_eq!(yuan(2, true, true).code().as_deref(), Some("\"¥\"#,##0.00"));
        assert_eq!(
            crate::office::xlsx_read::shown("1250000", yuan(2, true, true)),
            "¥1,250,000.00"
        );
        assert_eq!(
            crate::office::xlsx_read::shown("1250.5", yuan(1, true, false)),
            "1,250.5元"
        );
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

    fn part(bytes: Vec<u8>, name: &str) -> String {
        let mut zip =
            zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
        let mut text = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name(name).unwrap_or_else(|e| panic!("{e}")),
            &mut text,
        )
        .unwrap_or_default();
        text
    }

    #[test]
    fn a_sheet_has_its_title_merged_its_header_repeated_and_borders() {
        let rows = vec![
            vec!["工作线".to_string(), "完成情况".to_string()],
            vec!["道路<建设>".to_string(), "1. 路基\n2. 排水".to_string()],
        ];
        let sheet = Sheet::new("月总结", "工作分线月总结", rows).line("2026年11月");
        let bytes = workbook(&sheet).unwrap_or_default();
        assert_eq!(&bytes[..2], b"PK");
        let xml = part(bytes.clone(), "xl/worksheets/sheet1.xml");
        assert!(
            xml.contains(r#"<mergeCell ref="A1:B1"/><mergeCell ref="A2:B2"/>"#),
            "{xml}"
        );
        assert!(
            xml.contains(r#"<c r="B4" s="4" t="inlineStr"><is><t xml:space="preserve">1. 路基"#),
            "{xml}"
        );
        assert!(xml.contains("道路&lt;建设&gt;"));
        // Two lines of text: a row two lines high.
        assert!(
            xml.contains(r#"<row r="4" ht="32.8" customHeight="1">"#),
            "{xml}"
        );
        assert!(xml.contains("&amp;P"));
        assert!(xml.contains(r#"orientation="portrait""#));
        let book = part(bytes.clone(), "xl/workbook.xml");
        assert!(book.contains("'月总结'!$3:$3"), "{book}");
        let styles = part(bytes, "xl/styles.xml");
        assert!(styles.contains(r#"<left style="thin">"#));
        assert_eq!(sheet_name("a/b[c]"), "abc");
    }

    #[test]
    fn wide_tables_go_landscape_and_shrink_only_to_nine_points() {
        let wide = |columns: usize, text: &str| {
            let header: Vec<String> = (0..columns).map(|c| format!("第{c}列")).collect();
            let body: Vec<String> = (0..columns).map(|_| text.to_string()).collect();
            Sheet::new("表", "表", vec![header, body])
        };
        let narrow = layout(&wide(3, "张三"));
        assert!(!narrow.landscape && !narrow.fit_to_width);
        // Long text columns give way, down to ten characters, and the table fits at 100 %.
        let text = layout(&wide(8, &"很长的说明文字".repeat(10)));
        assert!(text.landscape && text.fit_to_width);
        assert!(text.widths.iter().sum::<usize>() <= LANDSCAPE);
        // 12 columns of ten: 120 wide, fitted at 88 % or more (9.7 pt).
        let fitted = layout(&wide(12, &"说明".repeat(10)));
        assert!(fitted.fit_to_width, "{fitted:?}");
        // 30 columns of ten would print at 5.3 pt: left at its size over more pages.
        let many = layout(&wide(30, &"说明".repeat(10)));
        assert!(many.landscape && !many.fit_to_width);
    }
}
