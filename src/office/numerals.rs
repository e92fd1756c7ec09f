//! Chinese numerals as official documents write them: 一、二、… for headings, 十一, 二十 for days.

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// A digit, 0–9.
pub fn digit(d: u32) -> char {
    DIGITS[(d % 10) as usize]
}

/// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五, 110 → 一百一十, up to 9999.
pub fn number(n: u32) -> String {
    match n {
        0..=9 => digit(n).to_string(),
        10..=19 => format!(
            "十{}",
            if n == 10 {
                String::new()
            } else {
                digit(n % 10).to_string()
            }
        ),
        20..=99 => {
            let ones = if n % 10 == 0 {
                String::new()
            } else {
                digit(n % 10).to_string()
            };
            format!("{}十{ones}", digit(n / 10))
        }
        100..=9999 => {
            let (big, unit, rest) = if n >= 1000 {
                (n / 1000, '千', n % 1000)
            } else {
                (n / 100, '百', n % 100)
            };
            let rest_text = match rest {
                0 => String::new(),
                // 一百零五, 一千零五十
                r if (n >= 1000 && r < 100) || (n < 1000 && r < 10) => format!("零{}", number(r)),
                // 一百一十: the 十 keeps its 一 after a hundred
                r if r < 20 => format!("一{}", number(r)),
                r => number(r),
            };
            format!("{}{unit}{rest_text}", digit(big))
        }
        _ => n.to_string(),
    }
}

/// 二〇二六年十一月二十八日.
pub fn date(year: i32, month: u32, day: u32) -> String {
    let year: String = year
        .to_string()
        .chars()
        .filter_map(|c| c.to_digit(10).map(digit))
        .collect();
    format!("{year}年{}月{}日", number(month), number(day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_written() {
        let cases = [
            (1, "一"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (28, "二十八"),
            (31, "三十一"),
            (100, "一百"),
            (105, "一百零五"),
            (110, "一百一十"),
            (115, "一百一十五"),
            (200, "二百"),
            (1000, "一千"),
            (1050, "一千零五十"),
            (1234, "一千二百三十四"),
        ];
        for (n, text) in cases {
            assert_eq!(number(n), text, "{n}");
        }
    }

    #[test]
    fn dates_in_chinese_numerals() {
        assert_eq!(date(2026, 11, 28), "二〇二六年十一月二十八日");
        assert_eq!(date(2030, 1, 10), "二〇三〇年一月十日");
    }
}
