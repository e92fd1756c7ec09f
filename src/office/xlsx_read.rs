//! Reading the first sheet of an .xlsx file into rows of text. The ZIP directory and the sheet
//! XML are read here (pure); deflated entries are inflated by the caller — in the browser by its
//! own DecompressionStream, which costs the download nothing (a Rust inflater and XML parser
//! would add ~50 KB gzip to an app that has to stay under 600 KB).

use crate::office::xlsx::Shown;
use crate::office::OfficeError;

/// One file inside the archive, still compressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    /// 0 = stored, 8 = deflated.
    pub method: u16,
    pub data: Vec<u8>,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*b.get(at)?, *b.get(at + 1)?]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        *b.get(at + 3)?,
    ]))
}

const NOT_XLSX: OfficeError = OfficeError::NotXlsx;

/// The entries of a ZIP archive, from its central directory.
pub fn entries(bytes: &[u8]) -> Result<Vec<Entry>, OfficeError> {
    let start = bytes.len().saturating_sub(65_557);
    let eocd = (start..bytes.len().saturating_sub(21))
        .rev()
        .find(|&i| u32_at(bytes, i) == Some(0x0605_4b50))
        .ok_or(NOT_XLSX)?;
    let count = u16_at(bytes, eocd + 10).ok_or(NOT_XLSX)? as usize;
    let mut at = u32_at(bytes, eocd + 16).ok_or(NOT_XLSX)? as usize;
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        if u32_at(bytes, at) != Some(0x0201_4b50) {
            return Err(NOT_XLSX);
        }
        let method = u16_at(bytes, at + 10).ok_or(NOT_XLSX)?;
        let size = u32_at(bytes, at + 20).ok_or(NOT_XLSX)? as usize;
        let name_len = u16_at(bytes, at + 28).ok_or(NOT_XLSX)? as usize;
        let extra_len = u16_at(bytes, at + 30).ok_or(NOT_XLSX)? as usize;
        let comment_len = u16_at(bytes, at + 32).ok_or(NOT_XLSX)? as usize;
        let local = u32_at(bytes, at + 42).ok_or(NOT_XLSX)? as usize;
        let name = String::from_utf8_lossy(bytes.get(at + 46..at + 46 + name_len).ok_or(NOT_XLSX)?)
            .into_owned();
        let local_name = u16_at(bytes, local + 26).ok_or(NOT_XLSX)? as usize;
        let local_extra = u16_at(bytes, local + 28).ok_or(NOT_XLSX)? as usize;
        let begin = local + 30 + local_name + local_extra;
        let data = bytes
            .get(begin..begin.checked_add(size).ok_or(NOT_XLSX)?)
            .ok_or(NOT_XLSX)?
            .to_vec();
        out.push(Entry { name, method, data });
        at += 46 + name_len + extra_len + comment_len;
    }
    Ok(out)
}

/// The sheet to read: the first worksheet by number.
pub fn first_sheet(entries: &[Entry]) -> Option<&Entry> {
    entries
        .iter()
        .filter(|e| e.name.starts_with("xl/worksheets/sheet") && e.name.ends_with(".xml"))
        .min_by_key(|e| {
            e.name
                .trim_start_matches("xl/worksheets/sheet")
                .trim_end_matches(".xml")
                .parse::<u32>()
                .unwrap_or(u32::MAX)
        })
}

/// XML character data with entities resolved.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(end) = tail.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let entity = &tail[1..end];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse::<u32>().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every `<t>` text inside `xml`, joined (rich-text runs become one string; phonetic runs are
/// left out).
fn texts(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<t") {
        let after = &rest[i + 2..];
        // `<t>` or `<t xml:space="preserve">`, not `<tx…>`.
        if !(after.starts_with('>') || after.starts_with(' ')) {
            rest = after;
            continue;
        }
        let Some(open_end) = after.find('>') else {
            break;
        };
        if after[..open_end].ends_with('/') {
            rest = &after[open_end + 1..];
            continue;
        }
        let body = &after[open_end + 1..];
        let Some(close) = body.find("</t>") else {
            break;
        };
        let before = &rest[..i];
        let in_phonetic = before
            .rfind("<rPh")
            .is_some_and(|p| before[p..].find("</rPh>").is_none());
        if !in_phonetic {
            out.push_str(&unescape(&body[..close]));
        }
        rest = &body[close + 4..];
    }
    out
}

pub fn shared_strings(xml: &str) -> Vec<String> {
    xml.split("<si>")
        .skip(1)
        .map(|si| texts(si.split("</si>").next().unwrap_or("")))
        .collect()
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    let end = tag[i..].find('"')?;
    Some(&tag[i..i + end])
}

/// 0-based column of a cell reference like "B12" or "AA3".
fn column(reference: &str) -> Option<usize> {
    let letters: String = reference
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    if letters.is_empty() {
        return None;
    }
    Some(
        letters.bytes().fold(0usize, |n, b| {
            n * 26 + (b.to_ascii_uppercase() - b'A' + 1) as usize
        }) - 1,
    )
}

/// How Excel's built-in number formats show a number (ids 27–36 and 50–58 are the Chinese,
/// Japanese and Korean date formats).
fn builtin(id: u32) -> Shown {
    match id {
        1 => Shown::Fixed {
            decimals: 0,
            grouped: false,
        },
        2 => Shown::Fixed {
            decimals: 2,
            grouped: false,
        },
        3 => Shown::Fixed {
            decimals: 0,
            grouped: true,
        },
        4 => Shown::Fixed {
            decimals: 2,
            grouped: true,
        },
        9 => Shown::Percent { decimals: 0 },
        10 => Shown::Percent { decimals: 2 },
        14..=17 | 27..=31 | 34..=36 | 50..=58 => Shown::Date,
        18..=22 | 32 | 33 | 45..=47 => Shown::DateTime,
        _ => Shown::General,
    }
}

/// How a custom number format shows a number, from its first section: a date or time if it
/// has y, m, d, h or s outside quoted text and [colour]/[$locale] parts; a share if it has %;
/// fixed decimals (with thousands separators when it has a comma) if it has digit places.
fn custom(code: &str) -> Shown {
    let mut plain = String::new();
    let (mut quoted, mut bracket, mut escaped) = (false, false, false);
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            ';' if !quoted && !bracket => break,
            c if !quoted && !bracket => plain.push(c.to_ascii_lowercase()),
            _ => {}
        }
    }
    if plain == "general" {
        return Shown::General;
    }
    if plain.chars().any(|c| matches!(c, 'y' | 'd' | 'm')) {
        return if plain.contains('h') {
            Shown::DateTime
        } else {
            Shown::Date
        };
    }
    if plain.chars().any(|c| matches!(c, 'h' | 's')) {
        return Shown::DateTime;
    }
    let decimals = plain
        .split_once('.')
        .map(|(_, f)| f.chars().take_while(|c| matches!(c, '0' | '#')).count())
        .unwrap_or(0);
    let decimals = u8::try_from(decimals).unwrap_or(0);
    if plain.contains('%') {
        Shown::Percent { decimals }
    } else if plain.contains('0') || plain.contains('#') {
        Shown::Fixed {
            decimals,
            grouped: plain.contains(','),
        }
    } else {
        Shown::General
    }
}

/// The start tags named `name` in `xml` (`<xf>`, `<xf …>` and `<xf/>` alike, not `<xfs…>`),
/// each as its attribute text with a leading space.
fn tags(xml: &str, name: &str) -> Vec<String> {
    let open = format!("<{name}");
    xml.match_indices(open.as_str())
        .map(|(i, _)| &xml[i + open.len()..])
        .filter(|rest| rest.starts_with([' ', '/', '>', '\n', '\t', '\r']))
        .map(|rest| format!(" {}", &rest[..rest.find('>').unwrap_or(rest.len())]))
        .collect()
}

/// For each cell style (the `s` attribute) of the workbook, how it shows a number: read from
/// `xl/styles.xml` as Excel, WPS and LibreOffice write it.
pub fn cell_styles(styles_xml: &str) -> Vec<Shown> {
    let custom_formats: Vec<(u32, Shown)> = tags(styles_xml, "numFmt")
        .into_iter()
        .filter_map(|tag| {
            let id = attr(&tag, "numFmtId")?.parse().ok()?;
            Some((id, custom(&unescape(attr(&tag, "formatCode")?))))
        })
        .collect();
    let xfs = styles_xml
        .split("<cellXfs")
        .nth(1)
        .and_then(|x| x.split("</cellXfs>").next())
        .unwrap_or("");
    tags(xfs, "xf")
        .into_iter()
        .map(|tag| {
            let id: u32 = attr(&tag, "numFmtId")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            custom_formats
                .iter()
                .find(|(c, _)| *c == id)
                .map_or(builtin(id), |(_, shown)| *shown)
        })
        .collect()
}

/// A number as its format shows it: 20%, 50,000.00, 2026-03-01 09:30; General as written.
pub fn shown(value: &str, how: Shown) -> String {
    let Some(n) = crate::decimal::parse(value) else {
        return value.to_string();
    };
    let fixed = |n: f64, decimals: u8| format!("{n:.prec$}", prec = usize::from(decimals));
    match how {
        Shown::General => {
            if n.is_finite() {
                // Excel keeps 15 significant digits: 0.1+0.2 is shown 0.3.
                let rounded = crate::decimal::parse(&format!("{n:.14e}")).unwrap_or(n);
                rounded.to_string()
            } else {
                value.to_string()
            }
        }
        Shown::Fixed { decimals, grouped } => {
            let text = fixed(n, decimals);
            if grouped {
                group_thousands(&text)
            } else {
                text
            }
        }
        Shown::Percent { decimals } => format!("{}%", fixed(n * 100.0, decimals)),
        Shown::Yuan {
            decimals,
            grouped,
            sign,
        } => {
            let text = fixed(n, decimals);
            let text = if grouped {
                group_thousands(&text)
            } else {
                text
            };
            if sign {
                format!("¥{text}")
            } else {
                format!("{text}元")
            }
        }
        Shown::Date | Shown::DateTime => serial_date(n).unwrap_or_else(|| value.to_string()),
    }
}

/// 1250000.50 → 1,250,000.50.
fn group_thousands(text: &str) -> String {
    let (sign, rest) = match text.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", text),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, format!(".{f}")),
        None => (rest, String::new()),
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}{frac}")
}

/// An Excel date serial (days since 1899-12-30, the fraction the time of day) as people write
/// it: 2026-03-01, with the time when there is one; a pure time as 08:30.
pub fn serial_date(serial: f64) -> Option<String> {
    if !serial.is_finite() || !(0.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor();
    let minutes = ((serial - days) * 1440.0).round() as u32;
    let (hour, minute) = (minutes / 60 % 24, minutes % 60);
    let time = format!("{hour:02}:{minute:02}");
    if days < 1.0 {
        return Some(time);
    }
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let date = base.checked_add_days(chrono::Days::new(days as u64))?;
    Some(if minutes == 0 {
        date.to_string()
    } else {
        format!("{date} {time}")
    })
}

/// The sheet's rows as (row number, cells), cells placed in their columns. A number reads as
/// its cell's style shows it (`styles`, from [`cell_styles`]): a date as that date, a share
/// as 20%, an amount as 50,000.00.
pub fn rows(sheet_xml: &str, shared: &[String], styles: &[Shown]) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    for (n, chunk) in sheet_xml.split("<row").skip(1).enumerate() {
        let row_xml = chunk.split("</row>").next().unwrap_or("");
        let head = &row_xml[..row_xml.find('>').unwrap_or(row_xml.len())];
        let number = attr(head, "r")
            .and_then(|r| r.parse().ok())
            .unwrap_or(n + 1);
        let mut cells: Vec<String> = Vec::new();
        for cell in row_xml.split("<c ").skip(1) {
            let tag_end = cell.find('>').unwrap_or(cell.len());
            let tag = format!(" {}", &cell[..tag_end]);
            let col = attr(&tag, "r").and_then(column).unwrap_or(cells.len());
            if col > 16_384 {
                continue;
            }
            let body = if tag.ends_with('/') {
                ""
            } else {
                cell[tag_end..].split("</c>").next().unwrap_or("")
            };
            let value = || {
                body.split("<v>")
                    .nth(1)
                    .and_then(|v| v.split("</v>").next())
                    .map(unescape)
                    .unwrap_or_default()
            };
            let text = match attr(&tag, "t") {
                Some("s") => value()
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| shared.get(i).cloned())
                    .unwrap_or_default(),
                Some("inlineStr") => texts(body),
                Some("b") => {
                    if value() == "1" {
                        "TRUE".into()
                    } else {
                        "FALSE".into()
                    }
                }
                Some("str") | Some("e") => value(),
                _ => {
                    let how = attr(&tag, "s")
                        .and_then(|s| s.parse::<usize>().ok())
                        .and_then(|s| styles.get(s).copied())
                        .unwrap_or(Shown::General);
                    shown(&value(), how)
                }
            };
            if cells.len() <= col {
                cells.resize(col + 1, String::new());
            }
            cells[col] = text;
        }
        out.push((number, cells));
    }
    out
}

/// The first sheet of a workbook as the app reads it, inflating natively: for tests of files
/// written here and saved by office suites.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn read_natively(bytes: &[u8]) -> Vec<(usize, Vec<String>)> {
    let entries = entries(bytes).unwrap_or_else(|e| panic!("{e:?}"));
    let text = |e: &Entry| {
        let data = match e.method {
            8 => {
                miniz_oxide::inflate::decompress_to_vec(&e.data).unwrap_or_else(|e| panic!("{e:?}"))
            }
            _ => e.data.clone(),
        };
        String::from_utf8_lossy(&data).into_owned()
    };
    let part = |name: &str| entries.iter().find(|e| e.name == name).map(text);
    let sheet = first_sheet(&entries).unwrap_or_else(|| panic!("a sheet"));
    let shared = shared_strings(&part("xl/sharedStrings.xml").unwrap_or_default());
    let styles = cell_styles(&part("xl/styles.xml").unwrap_or_default());
    rows(&text(sheet), &shared, &styles)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the app's reader makes of a workbook's first sheet (stored entries only).
    fn read_back(bytes: &[u8]) -> Vec<Vec<String>> {
        let entries = entries(bytes).unwrap_or_else(|e| panic!("{e:?}"));
        let text = |name: &str| {
            entries
                .iter()
                .find(|e| e.name == name)
                .map(|e| String::from_utf8_lossy(&e.data).into_owned())
                .unwrap_or_default()
        };
        let sheet = first_sheet(&entries).unwrap_or_else(|| panic!("a sheet"));
        assert_eq!(sheet.method, 0);
        let shared = shared_strings(&text("xl/sharedStrings.xml"));
        let styles = cell_styles(&text("xl/styles.xml"));
        rows(&String::from_utf8_lossy(&sheet.data), &shared, &styles)
            .into_iter()
            .map(|(_, cells)| cells)
            .collect()
    }

    #[test]
    fn reads_back_the_workbooks_this_app_writes_as_they_were_written() {
        let rows_in = vec![
            vec![
                "题型".to_string(),
                "题干".into(),
                "A".into(),
                "B".into(),
                "答案".into(),
            ],
            vec![
                "单选".into(),
                "A & <B> \"引号\"\n第二行".into(),
                "20%".into(),
                "12.5%".into(),
                "A".into(),
            ],
            vec![
                "判断".into(),
                "=1+1".into(),
                "50,000.00".into(),
                "2026-05-18".into(),
                "对".into(),
            ],
            vec![
                "填空".into(),
                "0.50".into(),
                "13812345678".into(),
                "2026-05-18 09:30".into(),
                "007".into(),
            ],
        ];
        let sheet = super::super::xlsx::Sheet::new("题库", "题库", rows_in.clone());
        let bytes = super::super::xlsx::workbook(&sheet).unwrap_or_default();
        let got = read_back(&bytes);
        assert_eq!(got[0], vec!["题库".to_string()]);
        assert_eq!(&got[1..], &rows_in[..]);
    }

    #[test]
    fn shared_strings_rich_text_gaps_and_entities() {
        let shared = shared_strings(
            r#"<sst><si><t>题干</t></si><si><r><t>四个</t></r><r><t xml:space="preserve">一 </t></r><rPh><t>よん</t></rPh></si><si><t>&#x5F20;&amp;三</t></si></sst>"#,
        );
        assert_eq!(shared, vec!["题干", "四个一 ", "张&三"]);
        let xml = r#"<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row><row r="3"><c r="B3"><v>13800000000</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="s"/></row></sheetData>"#;
        assert_eq!(
            rows(xml, &shared, &[]),
            vec![
                (1, vec!["题干".to_string(), String::new(), "四个一 ".into()]),
                (
                    3,
                    vec![
                        String::new(),
                        "13800000000".into(),
                        String::new(),
                        "TRUE".into(),
                        String::new()
                    ]
                ),
            ]
        );
    }

    #[test]
    fn damaged_files_are_refused_not_panicked_on() {
        assert!(entries(b"PK\x03\x04 not really").is_err());
        assert!(entries(&[]).is_err());
        let sheet = super::super::xlsx::Sheet::new("x", "x", vec![vec!["a".into()]]);
        let mut bytes = super::super::xlsx::workbook(&sheet).unwrap_or_default();
        let len = bytes.len();
        bytes.truncate(len - 30);
        assert!(entries(&bytes).is_err());
    }

    #[test]
    fn numbers_read_as_their_cells_style_shows_them() {
        // The first <xf/> has no attributes (as this app and LibreOffice write it): every
        // index after it must still line up.
        let styles = r##"<styleSheet><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00_);[Red]\(0.00\)"/><numFmt numFmtId="166" formatCode="#,##0.00;[Red]\-#,##0.00"/></numFmts><cellXfs count="7"><xf/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="9"/><xf numFmtId="166"/><xf numFmtId="20"/></cellXfs></styleSheet>"##;
        let fixed = |decimals, grouped| Shown::Fixed { decimals, grouped };
        assert_eq!(
            cell_styles(styles),
            vec![
                Shown::General,
                Shown::Date,
                Shown::Date,
                fixed(2, false),
                Shown::Percent { decimals: 0 },
                fixed(2, true),
                Shown::DateTime,
            ]
        );
        let sheet = r#"<row r="1"><c r="A1" s="1"><v>46082</v></c><c r="B1" s="2"><v>46096.5</v></c><c r="C1" s="3"><v>46082</v></c><c r="D1"><v>7</v></c><c r="E1" s="4"><v>0.2</v></c><c r="F1" s="5"><v>1250000.5</v></c><c r="G1"><v>0.30000000000000004</v></c><c r="H1" t="str"><f>A1&amp;""</f><v>x</v></c></row>"#;
        assert_eq!(
            rows(sheet, &[], &cell_styles(styles)),
            vec![(
                1,
                [
                    "2026-03-01",
                    "2026-03-15 12:00",
                    "46082.00",
                    "7",
                    "20%",
                    "1,250,000.50",
                    "0.3",
                    "x"
                ]
                .map(String::from)
                .to_vec()
            )]
        );
        assert_eq!(serial_date(0.3541666), Some("08:30".into()));
        assert_eq!(serial_date(-1.0), None);
        assert_eq!(custom("General"), Shown::General);
        assert_eq!(custom("\"y\"0"), fixed(0, false));
        assert_eq!(custom("@"), Shown::General);
        assert_eq!(custom("[$-F800]dddd, mmmm dd, yyyy"), Shown::Date);
        assert_eq!(custom("h:mm"), Shown::DateTime);
        assert_eq!(custom("0.0%"), Shown::Percent { decimals: 1 });
    }
}
