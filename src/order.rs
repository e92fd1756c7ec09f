//! One sort for the whole app. Each call of the standard library's `sort_by_key` with its own
//! closure compiles to its own copy of the sort (about 4 KB of WebAssembly each, some thirty of
//! them); here every list is sorted through one key type, so the download holds one.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::sorted::{SortedMap, SortedSet};

/// A sort key: up to three numbers, then text. Text parts are joined by `\0`, which sorts
/// before every other character, so ("甲", "乙") orders exactly as the tuple would.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    ints: [i64; 3],
    text: String,
}

impl Key {
    pub fn int(a: i64) -> Key {
        Key::ints(a, 0, 0)
    }

    pub fn ints(a: i64, b: i64, c: i64) -> Key {
        Key {
            ints: [a, b, c],
            text: String::new(),
        }
    }

    pub fn text(s: &str) -> Key {
        Key::default().then(s)
    }

    /// This key, then `s` for what it leaves tied.
    pub fn then(mut self, s: &str) -> Key {
        if !self.text.is_empty() {
            self.text.push('\0');
        }
        self.text.push_str(s);
        self
    }
}

/// A day as a number that sorts like the day.
pub fn day(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

/// A moment as a number that sorts like the moment.
pub fn moment(t: DateTime<Utc>) -> i64 {
    t.timestamp_micros()
}

/// Sorts `items` by `key`, keeping the order of items with equal keys.
pub fn sort_by<T>(items: &mut [T], key: impl Fn(&T) -> Key) {
    let mut keyed: Vec<(Key, usize)> = items.iter().map(key).zip(0..).collect();
    // The position makes every key unique, so the unstable sort is stable here.
    keyed.sort_unstable();
    let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    permute(items, order);
}

/// Rearranges `items` so that position `k` holds what was at `order[k]`.
pub fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut current = start;
        loop {
            let next = order[current];
            order[current] = current;
            if next == start {
                break;
            }
            items.swap(current, next);
            current = next;
        }
    }
}

/// Collecting into a `SortedMap` or `SortedSet`, named for the reader. (These once stood for
/// `BTreeMap`'s `collect()`, which held a copy of the sort for each element and iterator type;
/// the sorted vectors of `sorted.rs` sort through one shared function, so both are `collect()`.)
pub trait Collect: Iterator + Sized {
    fn to_map<K: Ord, V>(self) -> SortedMap<K, V>
    where
        Self: Iterator<Item = (K, V)>,
    {
        self.collect()
    }

    fn to_set(self) -> SortedSet<Self::Item>
    where
        Self::Item: Ord,
    {
        self.collect()
    }
}

impl<I: Iterator> Collect for I {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_sort_and_keeps_ties_in_order() {
        let mut seed = 7u64;
        for len in 0..60 {
            let items: Vec<(i64, String, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    (
                        (seed >> 60) as i64 - 4,
                        ["乙", "甲", "", "甲乙"][(seed >> 40) as usize % 4].to_string(),
                        i,
                    )
                })
                .collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |(n, s, _)| Key::int(*n).then(s));
            let mut theirs = items.clone();
            theirs.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
            assert_eq!(ours, theirs, "length {len}");
        }
    }

    #[test]
    fn collects_trees_as_collect_does() {
        let pairs = [(3, "c"), (1, "a"), (3, "d"), (2, "b")];
        let ours = pairs.iter().copied().to_map();
        let theirs: std::collections::BTreeMap<i32, &str> = pairs.iter().copied().collect();
        assert!(ours.iter().eq(theirs.iter()));
        assert_eq!(ours.get(&3), Some(&"d"));
        let set = [5, 1, 5, 3].into_iter().to_set();
        assert_eq!(set.into_iter().collect::<Vec<_>>(), vec![1, 3, 5]);
    }

    #[test]
    fn text_parts_order_like_a_tuple() {
        let mut v = vec![("ab", "a"), ("a", "z"), ("a", "b")];
        sort_by(&mut v, |(x, y)| Key::text(x).then(y));
        assert_eq!(v, vec![("a", "b"), ("a", "z"), ("ab", "a")]);
    }
}
