//! The year's holidays read as the office receives them: the State Council notice pasted as it
//! is ("1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。"), lines typed in its
//! style, or plain dates. Every day read is shown with the box and line it came from; a day both
//! off and worked, a weekday that does not match, or a "共N天" that disagrees is refused by
//! box and line, and a day typed twice is shown rather than merged silently.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::sorted::SortedSet;

/// The two boxes of the calendar form. A line's own words (放假, 上班) decide what its days are;
/// the box decides for a line that says neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Holidays,
    Workdays,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Holidays => "放假安排",
            Field::Workdays => "调休上班日期",
        }
    }
}

/// Whether a day is off or worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    Off,
    Work,
}

impl DayKind {
    pub fn label(self) -> &'static str {
        match self {
            DayKind::Off => "放假",
            DayKind::Work => "上班",
        }
    }
}

/// Where something was written: a box and a line (from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub field: Field,
    pub line: usize,
}

impl Place {
    pub fn describe(self) -> String {
        format!("“{}”第 {} 行", self.field.label(), self.line)
    }
}

/// What one line gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineReading {
    pub place: Place,
    pub text: String,
    pub off: Vec<NaiveDate>,
    pub work: Vec<NaiveDate>,
}

/// A day written again with the same meaning: kept once, and shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    pub day: NaiveDate,
    pub first: Place,
    pub again: Place,
}

/// Everything read from both boxes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reading {
    pub lines: Vec<LineReading>,
    pub holidays: SortedSet<NaiveDate>,
    pub makeup_workdays: SortedSet<NaiveDate>,
    pub repeats: Vec<Repeat>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeError {
    /// Something date-like that could not be read.
    NotADate { at: Place, text: String },
    /// A range that ends before it starts, or is longer than a month.
    BadRange { at: Place, text: String },
    /// "（周四）" beside a day that is not a Thursday in this year.
    WrongWeekday {
        at: Place,
        day: NaiveDate,
        written: String,
    },
    OtherYear {
        at: Place,
        day: NaiveDate,
        year: i32,
    },
    /// "共N天" that does not match the days of its range.
    Total { at: Place, stated: u32, read: usize },
    BothKinds {
        day: NaiveDate,
        off: Place,
        work: Place,
    },
}

impl NoticeError {
    pub fn user_message(&self) -> String {
        match self {
            NoticeError::NotADate { at, text } => format!(
                "{}的“{text}”读不出日期。请写成“10月1日至7日放假”“2026-10-01”或“2月14日上班”。",
                at.describe()
            ),
            NoticeError::BadRange { at, text } => format!(
                "{}的“{text}”不是一段日期：结束应在开始之后，且不超过一个月。",
                at.describe()
            ),
            NoticeError::WrongWeekday { at, day, written } => format!(
                "{}写着 {} 是{written}，但这一天是{}。请检查年份或日期。",
                at.describe(),
                month_day(*day),
                weekday_label(day.weekday())
            ),
            NoticeError::OtherYear { at, day, year } => format!(
                "{}的 {day} 不是 {year} 年的日期：每年的安排分开录入。",
                at.describe()
            ),
            NoticeError::Total { at, stated, read } => format!(
                "{}写着共 {stated} 天，读出的放假日是 {read} 天。请核对日期。",
                at.describe()
            ),
            NoticeError::BothKinds { day, off, work } => format!(
                "{} 在{}是放假，在{}又是上班；一天只能是其中一种。",
                month_day(*day),
                off.describe(),
                work.describe()
            ),
        }
    }
}

pub fn month_day(day: NaiveDate) -> String {
    format!("{}月{}日", day.month(), day.day())
}

pub fn weekday_label(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "周一",
        Weekday::Tue => "周二",
        Weekday::Wed => "周三",
        Weekday::Thu => "周四",
        Weekday::Fri => "周五",
        Weekday::Sat => "周六",
        Weekday::Sun => "周日",
    }
}

/// Reads both boxes for `year`.
pub fn read_calendar(year: i32, holidays: &str, workdays: &str) -> Result<Reading, NoticeError> {
    let mut reading = Reading::default();
    // For each day, the first place it was read as off and as worked (a year has few such
    // days: a list is enough).
    let mut seen: Vec<(NaiveDate, Option<Place>, Option<Place>)> = Vec::new();
    for (field, text) in [(Field::Holidays, holidays), (Field::Workdays, workdays)] {
        for (i, raw) in text.lines().enumerate() {
            let at = Place { field, line: i + 1 };
            let Some(line) = read_line(raw, at, year)? else {
                continue;
            };
            for (day, kind) in line
                .off
                .iter()
                .map(|d| (*d, DayKind::Off))
                .chain(line.work.iter().map(|d| (*d, DayKind::Work)))
            {
                let i = seen.iter().position(|e| e.0 == day).unwrap_or_else(|| {
                    seen.push((day, None, None));
                    seen.len() - 1
                });
                let entry = &mut seen[i];
                let (same, other) = match kind {
                    DayKind::Off => (&mut entry.1, entry.2),
                    DayKind::Work => (&mut entry.2, entry.1),
                };
                if let Some(other) = other {
                    let (off, work) = match kind {
                        DayKind::Off => (at, other),
                        DayKind::Work => (other, at),
                    };
                    return Err(NoticeError::BothKinds { day, off, work });
                }
                match same {
                    Some(first) => reading.repeats.push(Repeat {
                        day,
                        first: *first,
                        again: at,
                    }),
                    None => *same = Some(at),
                }
                match kind {
                    DayKind::Off => reading.holidays.insert(day),
                    DayKind::Work => reading.makeup_workdays.insert(day),
                };
            }
            reading.lines.push(line);
        }
    }
    Ok(reading)
}

/// A date as written: any part may be left out where the notice leaves it out ("至3日").
#[derive(Debug, Clone, Copy)]
struct Written {
    year: Option<i32>,
    month: Option<u32>,
    day: u32,
}

enum Token {
    Day(NaiveDate),
    Range { from: NaiveDate, to: NaiveDate },
    Kind(DayKind),
    Total(u32),
}

/// One line: its days by kind, or `None` for a line with no date (a heading, a blank line).
fn read_line(raw: &str, at: Place, year: i32) -> Result<Option<LineReading>, NoticeError> {
    let text: String = raw
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '／' => '/',
            '－' => '-',
            c => c,
        })
        .collect();
    if text.is_empty() {
        return Ok(None);
    }
    let tokens = tokens(&text, at, year)?;
    if !tokens
        .iter()
        .any(|t| matches!(t, Token::Day(_) | Token::Range { .. }))
    {
        if looks_like_a_date(&text) {
            return Err(NoticeError::NotADate {
                at,
                text: text.clone(),
            });
        }
        return Ok(None);
    }
    let default = match at.field {
        Field::Holidays => DayKind::Off,
        Field::Workdays => DayKind::Work,
    };
    let mut reading = LineReading {
        place: at,
        text: text.clone(),
        off: Vec::new(),
        work: Vec::new(),
    };
    let mut pending: Vec<NaiveDate> = Vec::new();
    let mut last_group: Vec<NaiveDate> = Vec::new();
    let mut last_kind: Option<DayKind> = None;
    let assign = |days: &mut Vec<NaiveDate>, kind: DayKind, reading: &mut LineReading| {
        let target = match kind {
            DayKind::Off => &mut reading.off,
            DayKind::Work => &mut reading.work,
        };
        target.extend(days.iter().copied());
        std::mem::take(days)
    };
    for token in tokens {
        match token {
            Token::Day(day) => pending.push(day),
            Token::Range { from, to } => {
                pending.extend(from.iter_days().take_while(|d| *d <= to));
            }
            Token::Kind(kind) => {
                if !pending.is_empty() {
                    last_group = assign(&mut pending, kind, &mut reading);
                }
                last_kind = Some(kind);
            }
            Token::Total(stated) => {
                let group = if pending.is_empty() {
                    &last_group
                } else {
                    &pending
                };
                if group.len() != stated as usize {
                    return Err(NoticeError::Total {
                        at,
                        stated,
                        read: group.len(),
                    });
                }
            }
        }
    }
    if !pending.is_empty() {
        assign(&mut pending, last_kind.unwrap_or(default), &mut reading);
    }
    Ok(Some(reading))
}

/// Digits in a date's shape ("10-01", "10.1", "10月") that were not read as a date.
fn looks_like_a_date(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(2).any(|w| {
        w[0].is_ascii_digit() && (w[1] == '月' || w[1] == '日' || w[1] == '号')
            || (matches!(w[0], '-' | '/' | '.') && w[1].is_ascii_digit())
    })
}

fn tokens(text: &str, at: Place, year: i32) -> Result<Vec<Token>, NoticeError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let starts = |i: usize, word: &str| {
        word.chars()
            .enumerate()
            .all(|(k, c)| chars.get(i + k) == Some(&c))
    };
    while i < chars.len() {
        if let Some((written, next)) = written_date(&chars, i) {
            let (from, mut j) = (resolve(written, None, at, year, &chars[i..next])?, next);
            j = check_weekday(&chars, j, from, at)?;
            let k = skip_spaces(&chars, j);
            if matches!(chars.get(k), Some('至' | '到' | '~' | '～' | '—')) {
                let k = skip_spaces(&chars, k + 1);
                let Some((end, after)) = written_date(&chars, k) else {
                    return Err(NoticeError::NotADate {
                        at,
                        text: chars[i..].iter().collect(),
                    });
                };
                let to = resolve(end, Some(from), at, year, &chars[i..after])?;
                if to < from || (to - from).num_days() > 31 {
                    return Err(NoticeError::BadRange {
                        at,
                        text: chars[i..after].iter().collect(),
                    });
                }
                j = check_weekday(&chars, after, to, at)?;
                out.push(Token::Range { from, to });
            } else {
                out.push(Token::Day(from));
            }
            i = j;
        } else if starts(i, "上班") {
            out.push(Token::Kind(DayKind::Work));
            i += 2;
        } else if starts(i, "放假") || starts(i, "休息") {
            out.push(Token::Kind(DayKind::Off));
            i += 2;
        } else if starts(i, "共") {
            let (n, j) = number(&chars, skip_spaces(&chars, i + 1));
            match (n, chars.get(skip_spaces(&chars, j))) {
                (Some(n), Some('天')) => {
                    out.push(Token::Total(n));
                    i = skip_spaces(&chars, j) + 1;
                }
                _ => i += 1,
            }
        } else if matches!(chars[i], '（' | '(') {
            // A remark in brackets not after a date (after one it is read as its weekday).
            i = closing(&chars, i);
        } else {
            i += 1;
        }
    }
    Ok(out)
}

fn skip_spaces(chars: &[char], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    i
}

fn number(chars: &[char], mut i: usize) -> (Option<u32>, usize) {
    let start = i;
    let mut n: u32 = 0;
    while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
        n = n.saturating_mul(10).saturating_add(d);
        i += 1;
    }
    ((i > start && i - start <= 4).then_some(n), i)
}

/// The index after the bracket that closes the one at `open`.
fn closing(chars: &[char], open: usize) -> usize {
    chars[open..]
        .iter()
        .position(|c| matches!(c, '）' | ')'))
        .map_or(chars.len(), |p| open + p + 1)
}

/// A date starting at `i`: `2026-10-01`, `2026/10/1`, `2026.10.1`, `2026年10月1日`,
/// `10月1日`, or a day alone, `3日` (the end of a range). Returns it and the index after it.
fn written_date(chars: &[char], i: usize) -> Option<(Written, usize)> {
    if i > 0 && chars[i - 1].is_ascii_digit() {
        return None;
    }
    let (a, j) = number(chars, i);
    let a = a?;
    match chars.get(j) {
        Some('-' | '/' | '.') if j - i == 4 => {
            let sep = chars[j];
            let (m, k) = number(chars, j + 1);
            if chars.get(k) != Some(&sep) {
                return None;
            }
            let (d, l) = number(chars, k + 1);
            Some((
                Written {
                    year: i32::try_from(a).ok(),
                    month: m,
                    day: d?,
                },
                l,
            ))
        }
        Some('年') => {
            let (m, k) = number(chars, j + 1);
            let (rest, l) = month_and_day(chars, k, m?)?;
            Some((
                Written {
                    year: i32::try_from(a).ok(),
                    ..rest
                },
                l,
            ))
        }
        Some('月') if j - i <= 2 => month_and_day(chars, j, a),
        Some('日' | '号') if j - i <= 2 => Some((
            Written {
                year: None,
                month: None,
                day: a,
            },
            j + 1,
        )),
        _ => None,
    }
}

/// `月D日` after a month number at `i` (which points at 月).
fn month_and_day(chars: &[char], i: usize, month: u32) -> Option<(Written, usize)> {
    if chars.get(i) != Some(&'月') {
        return None;
    }
    let (d, j) = number(chars, i + 1);
    let d = d?;
    // "日" or "号" after the day; a bare "10月1" at the end of a line is read too.
    let end = if matches!(chars.get(j), Some('日' | '号')) {
        j + 1
    } else {
        j
    };
    Some((
        Written {
            year: None,
            month: Some(month),
            day: d,
        },
        end,
    ))
}

/// The day meant: what is left out comes from the start of the range, or the calendar's year.
fn resolve(
    w: Written,
    from: Option<NaiveDate>,
    at: Place,
    year: i32,
    text: &[char],
) -> Result<NaiveDate, NoticeError> {
    let y = w.year.or(from.map(|f| f.year())).unwrap_or(year);
    let m = w.month.or(from.map(|f| f.month()));
    let day = m.and_then(|m| NaiveDate::from_ymd_opt(y, m, w.day));
    let Some(day) = day else {
        return Err(NoticeError::NotADate {
            at,
            text: text.iter().collect(),
        });
    };
    if day.year() != year {
        return Err(NoticeError::OtherYear { at, day, year });
    }
    Ok(day)
}

/// Reads "（周四）" or "（农历腊月二十八、周日）" right after a date and checks it; returns the
/// index after the bracket (or `i` when there is none).
fn check_weekday(
    chars: &[char],
    i: usize,
    day: NaiveDate,
    at: Place,
) -> Result<usize, NoticeError> {
    let k = skip_spaces(chars, i);
    if !matches!(chars.get(k), Some('（' | '(')) {
        return Ok(i);
    }
    let end = closing(chars, k);
    let inner_end = if matches!(chars.get(end - 1), Some('）' | ')')) {
        end - 1
    } else {
        end
    };
    let inside: String = chars[k + 1..inner_end].iter().collect();
    let written = ["周", "星期", "礼拜"].iter().find_map(|w| {
        let at = inside.find(w)?;
        let c = inside[at + w.len()..].chars().next()?;
        let weekday = match c {
            '一' => Weekday::Mon,
            '二' => Weekday::Tue,
            '三' => Weekday::Wed,
            '四' => Weekday::Thu,
            '五' => Weekday::Fri,
            '六' => Weekday::Sat,
            '日' | '天' => Weekday::Sun,
            _ => return None,
        };
        Some((weekday, format!("{w}{c}")))
    });
    if let Some((weekday, written)) = written {
        if weekday != day.weekday() {
            return Err(NoticeError::WrongWeekday { at, day, written });
        }
    }
    Ok(end)
}

/// The line's days for the preview: "1月1日至1月3日（3天）、1月5日".
pub fn days_in_words(days: &[NaiveDate]) -> String {
    let mut runs: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for d in days {
        match runs.last_mut() {
            Some((_, b)) if b.succ_opt() == Some(*d) => *b = *d,
            _ => runs.push((*d, *d)),
        }
    }
    runs.iter()
        .map(|(a, b)| {
            if a == b {
                month_day(*a)
            } else {
                format!(
                    "{}至{}（{}天）",
                    month_day(*a),
                    month_day(*b),
                    (*b - *a).num_days() + 1
                )
            }
        })
        .collect::<Vec<_>>()
        .join("、")
}

#[cfg(test)]
mod tests;
