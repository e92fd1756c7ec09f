//! The sheet code printed along the bottom: which form (a round's group, a quiz) and which
//! sheet, as 24 squares, then 8 of CRC-8. A page fed twice reads the same number and counts
//! once; a blank or smudged row, or one read upside down, fails the check and is never taken
//! for another sheet.

pub const BITS: usize = 32;
const MAX: u16 = 0x0fff;

/// Form and sheet, each 1 to 4095.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SheetCode {
    form: u16,
    sheet: u16,
}

impl SheetCode {
    pub fn new(form: u16, sheet: u16) -> Option<SheetCode> {
        ((1..=MAX).contains(&form) && (1..=MAX).contains(&sheet))
            .then_some(SheetCode { form, sheet })
    }

    pub fn form(self) -> u16 {
        self.form
    }

    pub fn sheet(self) -> u16 {
        self.sheet
    }

    /// The squares to print, left to right (`true`: filled).
    pub fn bits(self) -> [bool; BITS] {
        let data = (u32::from(self.form) << 12) | u32::from(self.sheet);
        let word = (data << 8) | u32::from(crc8(data));
        std::array::from_fn(|i| word >> (BITS - 1 - i) & 1 == 1)
    }

    pub fn from_bits(bits: &[bool; BITS]) -> Option<SheetCode> {
        let word = bits.iter().fold(0u32, |w, &b| (w << 1) | u32::from(b));
        let data = word >> 8;
        if crc8(data) != (word & 0xff) as u8 {
            return None;
        }
        SheetCode::new((data >> 12) as u16, (data & 0xfff) as u16)
    }
}

/// CRC-8 (polynomial x⁸+x²+x+1) of the 24 data bits, started from 0xA5 so that an empty row
/// (all zeros) does not check.
fn crc8(data: u32) -> u8 {
    let mut crc: u8 = 0xa5;
    for byte in [(data >> 16) as u8, (data >> 8) as u8, data as u8] {
        crc ^= byte;
        for _ in 0..8 {
            crc = if crc & 0x80 != 0 {
                (crc << 1) ^ 0x07
            } else {
                crc << 1
            };
        }
    }
    crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips() {
        for (form, sheet) in [(1, 1), (4095, 4095), (17, 400), (2048, 1)] {
            let code = SheetCode::new(form, sheet).expect("in range");
            assert_eq!(SheetCode::from_bits(&code.bits()), Some(code));
        }
        assert_eq!(SheetCode::new(0, 1), None);
        assert_eq!(SheetCode::new(1, 4096), None);
    }

    #[test]
    fn a_blank_row_a_full_row_one_wrong_square_and_a_reversed_row_do_not_check() {
        assert_eq!(SheetCode::from_bits(&[false; BITS]), None);
        assert_eq!(SheetCode::from_bits(&[true; BITS]), None);
        let code = SheetCode::new(17, 400).expect("in range");
        for i in 0..BITS {
            let mut bits = code.bits();
            bits[i] = !bits[i];
            assert_eq!(SheetCode::from_bits(&bits), None, "square {i}");
        }
        let mut reversed = code.bits();
        reversed.reverse();
        assert_ne!(SheetCode::from_bits(&reversed), Some(code));
    }
}
