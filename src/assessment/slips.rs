//! 选票码: one-time ballot codes. The office prints, per group, as many codes as ballots issued
//! and hands them out unseen at the door; an electronic or kiosk ballot carries its code, its
//! group comes from the code, and each code is counted once. Codes come from a key kept only in
//! the office's browser, so they never travel in the round file.
//!
//! A code is nine digits: the group's key (two digits), six digits from the key, and a Damm
//! check digit that catches every single wrong digit and every swap of neighbours. Printed
//! as `01-234567-8`.

use sha2::{Digest, Sha256};

use crate::quiz::check_code::damm;

/// Groups whose key has more than two digits cannot be coded (a round has at most 20 groups).
pub const MAX_GROUP_KEY: u32 = 99;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlipError {
    /// Not nine digits.
    Length,
    /// The check digit does not match: a digit mistyped or two swapped.
    Check,
}

impl SlipError {
    pub fn user_message(self) -> String {
        match self {
            SlipError::Length => {
                "选票码应为 9 位数字（如 01-234567-8），请照选票码条上的数字输入。".into()
            }
            SlipError::Check => {
                "选票码不对：可能有一位输错或两位颠倒了，请对照选票码条重新输入。".into()
            }
        }
    }
}

/// The digits of a typed code, without spaces or dashes.
pub fn digits(typed: &str) -> String {
    typed.chars().filter(char::is_ascii_digit).collect()
}

/// A code as printed: `01-234567-8`.
pub fn printed(code: &str) -> String {
    let d = digits(code);
    if d.len() != 9 {
        return code.to_string();
    }
    format!("{}-{}-{}", &d[..2], &d[2..8], &d[8..])
}

/// Checks a typed code and says which group it was printed for.
pub fn group_of(typed: &str) -> Result<(String, u32), SlipError> {
    let d = digits(typed);
    if d.len() != 9
        || typed
            .chars()
            .any(|c| !(c.is_ascii_digit() || c == '-' || c == ' '))
    {
        return Err(SlipError::Length);
    }
    if damm(&d) != 0 {
        return Err(SlipError::Check);
    }
    let group = d[..2].parse().map_err(|_| SlipError::Length)?;
    Ok((d, group))
}

/// The `issued` codes of a group, in print order: the same every time for the same key.
pub fn codes(key: &str, group: u32, issued: u32) -> Vec<String> {
    // A hash set: a group may issue thousands of codes, each a random point in the order.
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(issued as usize);
    let mut n: u64 = 0;
    while out.len() < issued as usize && group <= MAX_GROUP_KEY {
        let digest = Sha256::new()
            .chain_update(b"zuofeng-slip\n")
            .chain_update(key.as_bytes())
            .chain_update(group.to_be_bytes())
            .chain_update(n.to_be_bytes())
            .finalize();
        n += 1;
        let mut value = [0u8; 8];
        value.copy_from_slice(&digest[..8]);
        let body = format!("{group:02}{:06}", u64::from_be_bytes(value) % 1_000_000);
        if seen.insert(body.clone()) {
            let check = (0..10u8)
                .find(|c| damm(&format!("{body}{c}")) == 0)
                .unwrap_or(0);
            out.push(format!("{body}{check}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable_distinct_and_carry_their_group() {
        let a = codes("k", 3, 400);
        assert_eq!(a, codes("k", 3, 400));
        assert_eq!(a.len(), 400);
        assert_eq!(a.iter().collect::<crate::sorted::SortedSet<_>>().len(), 400);
        assert_ne!(a, codes("other", 3, 400));
        for c in &a {
            assert_eq!(group_of(c), Ok((c.clone(), 3)));
            assert_eq!(group_of(&printed(c)), Ok((c.clone(), 3)));
        }
    }

    #[test]
    fn every_single_digit_error_and_neighbour_swap_is_caught() {
        for code in codes("key", 12, 50) {
            let d: Vec<u8> = code.bytes().collect();
            for i in 0..d.len() {
                for wrong in b'0'..=b'9' {
                    if wrong == d[i] {
                        continue;
                    }
                    let mut t = d.clone();
                    t[i] = wrong;
                    let typed = String::from_utf8(t).unwrap_or_default();
                    assert_eq!(group_of(&typed), Err(SlipError::Check), "{typed}");
                }
                if i + 1 < d.len() && d[i] != d[i + 1] {
                    let mut t = d.clone();
                    t.swap(i, i + 1);
                    let typed = String::from_utf8(t).unwrap_or_default();
                    assert_eq!(group_of(&typed), Err(SlipError::Check), "{typed}");
                }
            }
        }
    }

    #[test]
    fn short_long_or_lettered_codes_are_refused_by_length() {
        assert_eq!(group_of("12345"), Err(SlipError::Length));
        assert_eq!(group_of("0123456789"), Err(SlipError::Length));
        assert_eq!(group_of("01234567a"), Err(SlipError::Length));
    }
}
