//! Maps and sets kept as sorted vectors, used in place of the standard B-trees.
//!
//! Why: every `BTreeMap<K, V>` compiles its own copy of the tree's code (inserts that split
//! nodes, removals that rebalance, iterators, clone and drop) for each key and value type, about
//! 3 KB of WebAssembly a pair, some forty pairs in the app. Here a map is a vector of keys beside
//! a vector of values: a lookup is one binary search per key type, and the rest is the vectors'
//! own code, shared with every other vector of the same type. The app's maps are small (the
//! fields of a record, the cadres of a round, the days of a year); a map made from many items is
//! collected (`FromIterator`, `Extend`, `order::Collect`), which sorts once rather than
//! inserting one at a time.
//!
//! Each method means what its namesake on `BTreeMap`/`BTreeSet` means: iteration in key order,
//! an insert over a present key replaces the value, a later value for an equal key wins when
//! collecting, a set keeps the element it has.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::order::permute;

pub type Iter<'a, K, V> = std::iter::Zip<std::slice::Iter<'a, K>, std::slice::Iter<'a, V>>;
pub type IterMut<'a, K, V> = std::iter::Zip<std::slice::Iter<'a, K>, std::slice::IterMut<'a, V>>;
pub type IntoIter<K, V> = std::iter::Zip<std::vec::IntoIter<K>, std::vec::IntoIter<V>>;

/// A map in key order. `keys[i]` belongs to `values[i]`; the keys are strictly increasing.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct SortedMap<K, V> {
    keys: Vec<K>,
    values: Vec<V>,
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K, V> SortedMap<K, V> {
    pub const fn new() -> Self {
        SortedMap {
            keys: Vec::new(),
            values: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn clear(&mut self) {
        self.keys.clear();
        self.values.clear();
    }

    pub fn iter(&self) -> Iter<'_, K, V> {
        self.keys.iter().zip(self.values.iter())
    }

    pub fn iter_mut(&mut self) -> IterMut<'_, K, V> {
        self.keys.iter().zip(self.values.iter_mut())
    }

    pub fn keys(&self) -> std::slice::Iter<'_, K> {
        self.keys.iter()
    }

    pub fn values(&self) -> std::slice::Iter<'_, V> {
        self.values.iter()
    }

    pub fn values_mut(&mut self) -> std::slice::IterMut<'_, V> {
        self.values.iter_mut()
    }

    pub fn into_values(self) -> std::vec::IntoIter<V> {
        self.values.into_iter()
    }

    pub fn first_key_value(&self) -> Option<(&K, &V)> {
        self.keys.first().zip(self.values.first())
    }

    pub fn last_key_value(&self) -> Option<(&K, &V)> {
        self.keys.last().zip(self.values.last())
    }

    /// Keeps the entries `keep` says yes to, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        let flags: Vec<bool> = self.iter_mut().map(|(k, v)| keep(k, v)).collect();
        keep_flagged(&mut self.keys, &flags);
        keep_flagged(&mut self.values, &flags);
    }
}

/// Keeps the items whose flag is set (`flags` is as long as `items`).
fn keep_flagged<T>(items: &mut Vec<T>, flags: &[bool]) {
    let mut flag = flags.iter();
    items.retain(|_| flag.next().copied().unwrap_or(true));
}

/// The order that sorts `len` items by `cmp` of their positions, ties kept in order. One sort
/// for every map and set: the comparison is the only part that knows the key type.
fn sorted_order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|a, b| cmp(*a, *b));
    order
}

impl<K: Ord, V> SortedMap<K, V> {
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.keys.binary_search_by(|k| k.borrow().cmp(key))
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.values.get(self.find(key).ok()?)
    }

    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        let at = self.find(key).ok()?;
        self.values.get_mut(at)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Puts `value` under `key`; the value it replaces, if the key was there.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(at) => self
                .values
                .get_mut(at)
                .map(|slot| std::mem::replace(slot, value)),
            Err(at) => {
                self.keys.insert(at, key);
                self.values.insert(at, value);
                None
            }
        }
    }

    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let at = self.find(key).ok()?;
        self.keys.remove(at);
        Some(self.values.remove(at))
    }

    pub fn entry(&mut self, key: K) -> Entry<'_, K, V> {
        match self.find(&key) {
            Ok(at) => Entry::Occupied(&mut self.values[at]),
            Err(at) => Entry::Vacant(VacantEntry { map: self, at, key }),
        }
    }

    /// Brings pairs pushed in any order into key order; of equal keys the last pushed stays.
    fn settle(&mut self) {
        if self.keys.windows(2).all(|w| w[0] < w[1]) {
            return;
        }
        let keys = &self.keys;
        let order = sorted_order(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
        // In sorted order, an entry followed by an equal key is an earlier push: it goes.
        let mut flags: Vec<bool> = order.windows(2).map(|w| keys[w[0]] != keys[w[1]]).collect();
        flags.push(true);
        permute(&mut self.keys, order.clone());
        permute(&mut self.values, order);
        keep_flagged(&mut self.keys, &flags);
        keep_flagged(&mut self.values, &flags);
    }
}

pub enum Entry<'a, K, V> {
    Occupied(&'a mut V),
    Vacant(VacantEntry<'a, K, V>),
}

pub struct VacantEntry<'a, K, V> {
    map: &'a mut SortedMap<K, V>,
    at: usize,
    key: K,
}

impl<'a, K, V> VacantEntry<'a, K, V> {
    pub fn insert(self, value: V) -> &'a mut V {
        let map = self.map;
        map.keys.insert(self.at, self.key);
        map.values.insert(self.at, value);
        &mut map.values[self.at]
    }
}

impl<'a, K, V> Entry<'a, K, V> {
    pub fn or_insert(self, value: V) -> &'a mut V {
        self.or_insert_with(|| value)
    }

    pub fn or_insert_with(self, make: impl FnOnce() -> V) -> &'a mut V {
        match self {
            Entry::Occupied(value) => value,
            Entry::Vacant(entry) => entry.insert(make()),
        }
    }

    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        self.or_insert_with(V::default)
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(items: I) -> Self {
        let mut map = SortedMap::new();
        map.extend(items);
        map
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for SortedMap<K, V> {
    fn from(items: [(K, V); N]) -> Self {
        items.into_iter().collect()
    }
}

impl<K: Ord, V> Extend<(K, V)> for SortedMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, items: I) {
        for (k, v) in items {
            self.keys.push(k);
            self.values.push(v);
        }
        self.settle();
    }
}

impl<K, V> IntoIterator for SortedMap<K, V> {
    type Item = (K, V);
    type IntoIter = IntoIter<K, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.keys.into_iter().zip(self.values)
    }
}

impl<'a, K, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, K, V> IntoIterator for &'a mut SortedMap<K, V> {
    type Item = (&'a K, &'a mut V);
    type IntoIter = IterMut<'a, K, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

/// `map[&key]`, which panics on a missing key as `BTreeMap`'s does: for tests only, so the app
/// has no such panic (it uses `get`).
#[cfg(test)]
impl<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V> std::ops::Index<&Q> for SortedMap<K, V> {
    type Output = V;
    fn index(&self, key: &Q) -> &V {
        match self.get(key) {
            Some(value) => value,
            None => panic!("no such key in the map"),
        }
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for SortedMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: Serialize, V: Serialize> Serialize for SortedMap<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> Deserialize<'de> for SortedMap<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<K, V>(PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> Visitor<'de> for MapVisitor<K, V> {
            type Value = SortedMap<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut map = SortedMap::new();
                while let Some((k, v)) = access.next_entry()? {
                    map.keys.push(k);
                    map.values.push(v);
                }
                map.settle();
                Ok(map)
            }
        }
        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

/// A set in order: a map whose values are nothing.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SortedSet<T> {
    items: Vec<T>,
}

impl<T> Default for SortedSet<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> SortedSet<T> {
    pub const fn new() -> Self {
        SortedSet { items: Vec::new() }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    pub fn first(&self) -> Option<&T> {
        self.items.first()
    }

    pub fn last(&self) -> Option<&T> {
        self.items.last()
    }

    pub fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        self.items.retain(keep);
    }
}

impl<T: Ord> SortedSet<T> {
    fn find<Q: Ord + ?Sized>(&self, item: &Q) -> Result<usize, usize>
    where
        T: Borrow<Q>,
    {
        self.items.binary_search_by(|x| x.borrow().cmp(item))
    }

    pub fn contains<Q: Ord + ?Sized>(&self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.find(item).is_ok()
    }

    /// Adds `item`; false if an equal one was there (which stays).
    pub fn insert(&mut self, item: T) -> bool {
        match self.find(&item) {
            Ok(_) => false,
            Err(at) => {
                self.items.insert(at, item);
                true
            }
        }
    }

    pub fn remove<Q: Ord + ?Sized>(&mut self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        match self.find(item) {
            Ok(at) => {
                self.items.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    /// The items of this set that `other` lacks, in order.
    pub fn difference<'a>(&'a self, other: &'a SortedSet<T>) -> impl Iterator<Item = &'a T> + 'a {
        self.items.iter().filter(move |x| !other.contains(*x))
    }

    /// The items both sets hold, in order.
    pub fn intersection<'a>(&'a self, other: &'a SortedSet<T>) -> impl Iterator<Item = &'a T> + 'a {
        self.items.iter().filter(move |x| other.contains(*x))
    }

    pub fn is_disjoint(&self, other: &SortedSet<T>) -> bool {
        self.intersection(other).next().is_none()
    }

    /// Brings items pushed in any order into order; of equal items the first pushed stays.
    fn settle(&mut self) {
        if self.items.windows(2).all(|w| w[0] < w[1]) {
            return;
        }
        let items = &self.items;
        let order = sorted_order(items.len(), &|a, b| items[a].cmp(&items[b]));
        let mut flags = vec![true];
        flags.extend(order.windows(2).map(|w| items[w[0]] != items[w[1]]));
        permute(&mut self.items, order);
        keep_flagged(&mut self.items, &flags);
    }
}

impl<T: Ord> FromIterator<T> for SortedSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut set = SortedSet::new();
        set.extend(items);
        set
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for SortedSet<T> {
    fn from(items: [T; N]) -> Self {
        items.into_iter().collect()
    }
}

impl<T: Ord> Extend<T> for SortedSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        let before = self.items.len();
        self.items.extend(items);
        if self.items.len() > before {
            self.settle();
        }
    }
}

/// `&a | &b`: the items of either set.
impl<T: Ord + Clone> std::ops::BitOr for &SortedSet<T> {
    type Output = SortedSet<T>;
    fn bitor(self, other: &SortedSet<T>) -> SortedSet<T> {
        self.iter().chain(other).cloned().collect()
    }
}

impl<T> IntoIterator for SortedSet<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a SortedSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<T: fmt::Debug> fmt::Debug for SortedSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<T: Serialize> Serialize for SortedSet<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de, T: Deserialize<'de> + Ord> Deserialize<'de> for SortedSet<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SetVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de> + Ord> Visitor<'de> for SetVisitor<T> {
            type Value = SortedSet<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut set = SortedSet::new();
                while let Some(item) = access.next_element()? {
                    set.items.push(item);
                }
                set.settle();
                Ok(set)
            }
        }
        deserializer.deserialize_seq(SetVisitor(PhantomData))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use proptest::prelude::*;

    use super::{SortedMap, SortedSet};

    /// One step applied to a sorted map and to the standard B-tree alike.
    #[derive(Debug, Clone)]
    enum Step {
        Insert(u8, u16),
        Remove(u8),
        Entry(u8, u16),
        Retain(u8),
        Extend(Vec<(u8, u16)>),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (any::<u8>(), any::<u16>()).prop_map(|(k, v)| Step::Insert(k % 40, v)),
            any::<u8>().prop_map(|k| Step::Remove(k % 40)),
            (any::<u8>(), any::<u16>()).prop_map(|(k, v)| Step::Entry(k % 40, v)),
            any::<u8>().prop_map(|m| Step::Retain(m % 5 + 2)),
            prop::collection::vec((any::<u8>(), any::<u16>()), 0..12)
                .prop_map(|kv| Step::Extend(kv.into_iter().map(|(k, v)| (k % 40, v)).collect())),
        ]
    }

    proptest! {
        #[test]
        fn a_map_answers_as_the_standard_tree_does(steps in prop::collection::vec(step(), 0..60)) {
            let mut ours = SortedMap::new();
            let mut theirs = BTreeMap::new();
            for s in steps {
                match s {
                    Step::Insert(k, v) => prop_assert_eq!(ours.insert(k, v), theirs.insert(k, v)),
                    Step::Remove(k) => prop_assert_eq!(ours.remove(&k), theirs.remove(&k)),
                    Step::Entry(k, v) => {
                        *ours.entry(k).or_insert(v) ^= 1;
                        *theirs.entry(k).or_insert(v) ^= 1;
                    }
                    Step::Retain(m) => {
                        ours.retain(|k, v| (u32::from(*k) + u32::from(*v)) % u32::from(m) != 0);
                        theirs.retain(|k, v| (u32::from(*k) + u32::from(*v)) % u32::from(m) != 0);
                    }
                    Step::Extend(kv) => {
                        ours.extend(kv.clone());
                        theirs.extend(kv);
                    }
                }
                prop_assert!(ours.iter().eq(theirs.iter()));
                prop_assert_eq!(ours.len(), theirs.len());
                for k in 0..40u8 {
                    prop_assert_eq!(ours.get(&k), theirs.get(&k));
                }
                prop_assert_eq!(ours.first_key_value(), theirs.first_key_value());
                prop_assert_eq!(ours.last_key_value(), theirs.last_key_value());
            }
        }

        #[test]
        fn a_set_answers_as_the_standard_tree_does(
            a in prop::collection::vec(0u8..30, 0..40),
            b in prop::collection::vec(0u8..30, 0..40),
            removed in prop::collection::vec(0u8..30, 0..10),
        ) {
            let mut ours: SortedSet<u8> = a.iter().copied().collect();
            let mut theirs: BTreeSet<u8> = a.iter().copied().collect();
            for x in &b {
                prop_assert_eq!(ours.insert(*x), theirs.insert(*x));
            }
            for x in &removed {
                prop_assert_eq!(ours.remove(x), theirs.remove(x));
            }
            prop_assert!(ours.iter().eq(theirs.iter()));
            let other: SortedSet<u8> = b.iter().copied().collect();
            let other_tree: BTreeSet<u8> = b.iter().copied().collect();
            prop_assert!(ours.difference(&other).eq(theirs.difference(&other_tree)));
            prop_assert!(ours.intersection(&other).eq(theirs.intersection(&other_tree)));
            prop_assert!((&ours | &other).iter().eq((&theirs | &other_tree).iter()));
            prop_assert_eq!(ours.is_disjoint(&other), theirs.is_disjoint(&other_tree));
            prop_assert_eq!(ours.first(), theirs.first());
            prop_assert_eq!(ours.last(), theirs.last());
        }
    }

    #[test]
    fn collecting_keeps_the_later_value_of_a_repeated_key() {
        let pairs = [(3, "c"), (1, "a"), (3, "d"), (2, "b"), (1, "e")];
        let ours: SortedMap<i32, &str> = pairs.into_iter().collect();
        let theirs: BTreeMap<i32, &str> = pairs.into_iter().collect();
        assert!(ours.iter().eq(theirs.iter()));
    }

    #[test]
    fn files_read_and_write_as_the_standard_trees_do() {
        // A repeated key in a file: the later value, as serde's reader for the B-tree gives.
        let text = r#"{"b":1,"a":2,"b":3}"#;
        let ours: SortedMap<String, u32> = serde_json::from_str(text).unwrap_or_default();
        let theirs: BTreeMap<String, u32> = serde_json::from_str(text).unwrap_or_default();
        assert_eq!(ours.len(), 2);
        assert!(ours.iter().eq(theirs.iter()));
        assert_eq!(
            serde_json::to_string(&ours).ok(),
            serde_json::to_string(&theirs).ok()
        );
        // Number keys, as the app's maps of question positions are written.
        let numbers: SortedMap<usize, bool> =
            serde_json::from_str(r#"{"10":true,"2":false}"#).unwrap_or_default();
        assert_eq!(
            serde_json::to_string(&numbers).ok().as_deref(),
            Some(r#"{"2":false,"10":true}"#)
        );
        let set: SortedSet<u32> = serde_json::from_str("[5,1,5,3]").unwrap_or_default();
        let tree: BTreeSet<u32> = serde_json::from_str("[5,1,5,3]").unwrap_or_default();
        assert_eq!(
            serde_json::to_string(&set).ok(),
            serde_json::to_string(&tree).ok()
        );
        assert!(serde_json::from_str::<SortedMap<String, u32>>("[1]").is_err());
    }
}
