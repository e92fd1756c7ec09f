//! A decimal number as people and spreadsheets write it, read by serde_json's number reader.
//!
//! Rust's own `str::parse::<f64>` brings a 10 KB table of powers of five into the download;
//! serde_json's reader, which every file already goes through, needs none. It reads JSON's
//! form only, so the forms people also write (`+5`, `.5`, `5.`, `007`) are put in that form
//! first. Up to 15 significant digits (all a spreadsheet keeps) and a power of ten up to 22 either
//! way it gives exactly Rust's result; beyond, it may differ in the last binary digit.

/// `text` as a number, or `None` if it is not one (words, `inf`, `NaN`, two points).
pub fn parse(text: &str) -> Option<f64> {
    let t = text.trim();
    let (negative, unsigned) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => unsigned.split_at(at),
        None => (unsigned, ""),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    // No leading zeros (JSON has none). The reader is exact while the digits, as one whole
    // number, stay under 2^53 and the power of ten that scales them stays within ±22, so
    // trailing zeros after the point go only while that power is below zero.
    let int = int.trim_start_matches('0');
    let power = exponent
        .get(1..)
        .and_then(|e| e.parse::<i32>().ok())
        .unwrap_or(0);
    let mut frac = frac;
    while frac.ends_with('0') && power < i32::try_from(frac.len()).unwrap_or(i32::MAX) {
        frac = &frac[..frac.len() - 1];
    }
    let json = format!(
        "{}{}{}{frac}{exponent}",
        if negative { "-" } else { "" },
        if int.is_empty() { "0" } else { int },
        if frac.is_empty() { "" } else { "." },
    );
    serde_json::from_str::<f64>(&json)
        .ok()
        .filter(|n| n.is_finite())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::parse;
    use proptest::prelude::*;

    #[test]
    fn the_forms_people_write_are_read() {
        let cases = [
            ("12", 12.0),
            (" -0.5 ", -0.5),
            (".5", 0.5),
            ("5.", 5.0),
            ("+2", 2.0),
            ("007", 7.0),
            ("1.5E-3", 0.0015),
            ("4.4999999999999998E-2", 0.045),
            ("2e+3", 2000.0),
            ("-0", 0.0),
        ];
        for (text, n) in cases {
            assert_eq!(parse(text), Some(n), "{text}");
        }
        for bad in [
            "", ".", "-", "abc", "1.2.3", "1,5", "inf", "NaN", "1e", "1e999", "--1", "0x10", "١٢",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    proptest! {
        /// Up to 15 significant digits and 10 to the ±22, exactly what Rust's own reader gives.
        #[test]
        fn fifteen_digits_read_as_rust_reads_them(m in -999_999_999_999_999i64..=999_999_999_999_999, scale in 0usize..16, power in -22i32..=22) {
            let digits = m.unsigned_abs().to_string();
            // The number is m × 10^power, its point moved `scale` places into its digits.
            let text = if scale == 0 || scale >= digits.len() {
                format!("{m}e{power}")
            } else {
                let (a, b) = digits.split_at(digits.len() - scale);
                let exp = power + i32::try_from(scale).unwrap_or(0);
                format!("{}{a}.{b}e{exp}", if m < 0 { "-" } else { "" })
            };
            prop_assert_eq!(parse(&text), text.parse::<f64>().ok());
        }
    }
}
