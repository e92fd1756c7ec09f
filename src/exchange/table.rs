//! Spreadsheet-like text files (CSV as Excel and WPS save them): decoded, split into rows with
//! their line numbers, and columns found by their Chinese header names in any order.

use super::text::{decode, TextEncoding};

/// A decoded table: the header row and every data row with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub encoding: TextEncoding,
    pub headers: Vec<String>,
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// 1-based line number in the file, as a spreadsheet shows it.
    pub line: usize,
    pub cells: Vec<String>,
}

impl TableRow {
    /// A cell's text, trimmed, without the guard `csv_text` puts before formula-like text.
    pub fn cell(&self, column: Option<usize>) -> &str {
        column
            .and_then(|c| self.cells.get(c))
            .map(|s| unguard(s).trim())
            .unwrap_or("")
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    Empty,
    Malformed { line: usize },
}

impl TableError {
    pub fn user_message(&self) -> String {
        match self {
            TableError::Empty => "文件是空的，没有表头和数据。请确认选择了正确的文件。".into(),
            TableError::Malformed { line } => format!(
                "第 {line} 行无法读取（引号不配对或格式损坏）。请在 Excel/WPS 中打开后重新“另存为 CSV”。"
            ),
        }
    }
}

/// Reads a CSV file. Rows may have fewer or more cells than the header.
pub fn read_csv(bytes: &[u8]) -> Result<Table, TableError> {
    let (text, encoding) = decode(bytes);
    let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                // The reader's position is where it started reading, before any blank lines it
                // skipped, and its line count misses those: count from the first real byte.
                let line = record
                    .position()
                    .map(|p| {
                        let start = p.byte() as usize;
                        let skipped = text
                            .get(start..)
                            .map(|rest| rest.len() - rest.trim_start_matches(['\r', '\n']).len())
                            .unwrap_or(0);
                        line_of(&newlines, start + skipped)
                    })
                    .unwrap_or(line);
                let cells: Vec<String> = record.iter().map(str::to_string).collect();
                match headers {
                    None if cells.iter().all(|c| c.trim().is_empty()) => {}
                    None => headers = Some(cells),
                    Some(_) => rows.push(TableRow { line, cells }),
                }
            }
            Err(e) => {
                let line = e
                    .position()
                    .map(|p| line_of(&newlines, p.byte() as usize))
                    .unwrap_or(line);
                return Err(TableError::Malformed { line });
            }
        }
    }
    let headers = headers.ok_or(TableError::Empty)?;
    Ok(Table {
        encoding,
        headers,
        rows,
    })
}

/// Excel and WPS run a cell that starts with one of these as a formula (`=HYPERLINK(…)`,
/// `+cmd|' /C calc'!A0`, `@SUM(…)`), whoever typed it.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Digits a spreadsheet would turn into a number and so change: a telephone number or id of 7
/// digits or more (13800000000 shown 1.38E+10, its last digits lost when saved) or one with a
/// leading zero (0371… loses its 0).
fn digits_kept_as_text(cell: &str) -> bool {
    !cell.is_empty()
        && cell.bytes().all(|b| b.is_ascii_digit())
        && (cell.len() >= 7 || (cell.len() > 1 && cell.starts_with('0')))
}

/// A cell as text that spreadsheets show and never run or reformat: a leading `'` is the
/// convention both Excel and WPS read as "this is text".
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    // Text that already starts with the guard gets one more, so that reading strips only ours.
    if cell.starts_with(FORMULA_STARTS) || digits_kept_as_text(cell) || unguard(cell) != cell {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The reverse of `neutralise`, so that an exported file imports back unchanged.
fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest)
            if rest.starts_with(FORMULA_STARTS)
                || rest.starts_with('\'')
                || digits_kept_as_text(rest) =>
        {
            rest
        }
        _ => cell,
    }
}

/// CSV text of `rows` for Excel and WPS: UTF-8 with a byte-order mark, every cell neutralised.
/// Written here as the csv crate writes it (a cell with a comma, quote or line break quoted,
/// its quotes doubled; a row of one empty cell as `""`; `\n` after each row): the crate's
/// writer can also quote every cell that is not a number, and that choice, made at run time,
/// kept Rust's number reader and its 10 KB table in the download. Reading stays the crate's.
pub fn csv_text(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        if row.iter().all(|c| c.is_empty()) && row.len() <= 1 {
            out.push_str("\"\"");
        }
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let cell = neutralise(cell);
            if cell.contains([',', '"', '\r', '\n']) {
                out.push('"');
                out.push_str(&cell.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(&cell);
            }
        }
        out.push('\n');
    }
    out
}

/// The 1-based line that holds byte `offset`, given the offsets of every newline.
fn line_of(newlines: &[usize], offset: usize) -> usize {
    newlines.partition_point(|&n| n < offset) + 1
}

/// Header text as people type it: no spaces, no "*" for required, no full-width colon.
fn normalise_header(h: &str) -> String {
    h.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '＊' | ':' | '：' | '\u{feff}'))
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The first column whose header is one of `aliases`.
pub fn find_column(headers: &[String], aliases: &[&str]) -> Option<usize> {
    let normalised: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
    aliases.iter().find_map(|alias| {
        normalised
            .iter()
            .position(|h| *h == normalise_header(alias))
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn finds_columns_by_alias_in_any_order() {
        let headers: Vec<String> = ["电话", " 单位 ", "*姓名"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(find_column(&headers, &["姓名"]), Some(2));
        assert_eq!(find_column(&headers, &["部门", "单位"]), Some(1));
        assert_eq!(find_column(&headers, &["职务"]), None);
    }

    #[test]
    fn keeps_line_numbers_across_quoted_newlines_and_blank_lines() {
        let table = read_csv("姓名,备注\n张三,\"两行\n备注\"\n\n李四,x\n".as_bytes());
        let table = table.unwrap_or_else(|e| panic!("{e:?}"));
        let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 5]);
        assert_eq!(table.rows[0].cells[1], "两行\n备注");
    }

    #[test]
    fn formulas_are_written_as_text_and_read_back_as_typed() {
        let typed = [
            "=HYPERLINK(\"http://x\",\"点我\")",
            "+cmd|' /C calc'!A0",
            "@SUM(A1:A9)",
            "-2+3+cmd|' /C calc'!A0",
            "\tTAB",
            "\r=1",
            "'=已加引号",
            "''两个引号",
            "'一个引号",
            "张三",
            "",
            "13800000000",
            "'13800000000",
            "0371",
            "123456",
        ];
        let rows = vec![
            vec!["内容".to_string()],
            typed.iter().map(|s| s.to_string()).collect(),
        ];
        let text = csv_text(&[rows[0].clone()])
            + &typed
                .iter()
                .map(|c| csv_text(&[vec![c.to_string()]]))
                .collect::<String>();
        for line in text.lines().skip(1) {
            let line = line.trim_start_matches('\u{feff}').trim_start_matches('"');
            assert!(!line.starts_with(['=', '+', '-', '@']), "{line}");
        }
        // Long digit strings and leading zeros are marked as text; short numbers stay numbers.
        assert_eq!(neutralise("13800000000"), "'13800000000");
        assert_eq!(neutralise("0371"), "'0371");
        assert_eq!(neutralise("123456"), "123456");
        // Every cell in one row: each reads back exactly as typed (cells are trimmed on reading,
        // so tab and carriage return are checked through `unguard`).
        let one_row = csv_text(&rows);
        let table = read_csv(one_row.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
        for (i, typed) in typed.iter().enumerate() {
            assert_eq!(table.rows[0].cell(Some(i)), typed.trim(), "cell {i}");
            assert_eq!(unguard(&neutralise(typed)), *typed);
        }
    }

    proptest::proptest! {
        /// The text is byte for byte what the csv crate's writer makes of the same cells.
        #[test]
        fn csv_text_is_what_the_csv_crate_writes(rows in proptest::collection::vec(proptest::collection::vec("[a,\"\r\n'= 张0-9]{0,4}", 3), 0..5), single in proptest::collection::vec("[a,\"\n]{0,2}", 0..4)) {
            for rows in [rows, single.into_iter().map(|c| vec![c]).collect()] {
                let mut w = csv::Writer::from_writer(Vec::new());
                for r in &rows {
                    let _ = w.write_record(r.iter().map(|c| neutralise(c).into_owned()));
                }
                let bytes = w.into_inner().unwrap_or_default();
                let crate_text = format!("\u{feff}{}", String::from_utf8_lossy(&bytes));
                proptest::prop_assert_eq!(csv_text(&rows), crate_text);
            }
        }
    }

    #[test]
    fn an_empty_file_has_no_header() {
        assert_eq!(read_csv(b""), Err(TableError::Empty));
        assert_eq!(read_csv(b"\n,,\n"), Err(TableError::Empty));
    }
}
