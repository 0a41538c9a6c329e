//! `VecMap` and `VecSet`: a map and a set kept as a sorted `Vec`, with the API of the standard
//! library's B-tree collections that this code uses, and the same JSON (a map is an object whose
//! keys come in order).
//!
//! Why not `BTreeMap`: each distinct `BTreeMap<K, V>` compiles its own B-tree, about 24 KB of
//! the editor's WASM for the draft's three maps alone, where a draft holds a few dozen entries
//! and a binary search over a sorted vector is as fast (measured in BENCHMARKS.md).

use crate::core::json::{FromJson, FromKey, JsonError, Reader, What};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::borrow::Borrow;
use std::fmt;

/// A map kept sorted by key.
#[derive(Clone, PartialEq, Eq)]
pub struct VecMap<K, V> {
    items: Vec<(K, V)>,
}

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        VecMap { items: Vec::new() }
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for VecMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.items.iter().map(|(k, v)| (k, v)))
            .finish()
    }
}

impl<K: Ord, V> VecMap<K, V> {
    pub fn new() -> Self {
        VecMap { items: Vec::new() }
    }

    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.items.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &self.items[i].1)
    }

    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(move |i| &mut self.items[i].1)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Inserts or replaces; returns the value replaced.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.items[i].1, value)),
            Err(i) => {
                self.items.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| self.items.remove(i).1)
    }

    /// The value under `key`, inserted first if absent: `map.entry(k).or_default()`.
    pub fn entry(&mut self, key: K) -> Slot<'_, K, V> {
        Slot { map: self, key }
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.items.retain_mut(|(k, v)| keep(k, v));
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn clear(&mut self) {
        self.items.clear();
    }

    /// In key order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.items.iter().map(|(k, v)| (k, v))
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&K, &mut V)> {
        self.items.iter_mut().map(|(k, v)| (&*k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.items.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.items.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.items.iter_mut().map(|(_, v)| v)
    }
}

/// A place in a map for one key, as `BTreeMap::entry` gives.
pub struct Slot<'a, K, V> {
    map: &'a mut VecMap<K, V>,
    key: K,
}

impl<'a, K: Ord, V> Slot<'a, K, V> {
    pub fn or_insert_with(self, make: impl FnOnce() -> V) -> &'a mut V {
        let i = match self.map.find(&self.key) {
            Ok(i) => i,
            Err(i) => {
                self.map.items.insert(i, (self.key, make()));
                i
            }
        };
        &mut self.map.items[i].1
    }

    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        self.or_insert_with(V::default)
    }
}

impl<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V> std::ops::Index<&Q> for VecMap<K, V> {
    type Output = V;

    fn index(&self, key: &Q) -> &V {
        match self.get(key) {
            Some(v) => v,
            None => panic!("no such key in VecMap"),
        }
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for VecMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = VecMap::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for VecMap<K, V> {
    fn from(items: [(K, V); N]) -> Self {
        items.into_iter().collect()
    }
}

impl<'a, K, V> IntoIterator for &'a VecMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter().map(|(k, v)| (k, v))
    }
}

impl<K, V> IntoIterator for VecMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<K: Serialize, V: Serialize> Serialize for VecMap<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.items.len()))?;
        for (k, v) in &self.items {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<K: crate::core::json::ToKey, V: crate::core::json::ToJson> crate::core::json::ToJson
    for VecMap<K, V>
{
    fn write_json(&self, w: &mut crate::core::json::Writer) {
        w.begin_object();
        for (k, v) in &self.items {
            k.write_key(w);
            v.write_json(w);
        }
        w.end_object();
    }
}

impl<K: FromKey + Ord, V: FromJson> FromJson for VecMap<K, V> {
    fn read(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        let mut object = r.begin_object()?;
        let mut map = VecMap::new();
        while let Some((at, key)) = r.key(&mut object)? {
            let key = K::from_key(&key).ok_or_else(|| r.error(at, What::Invalid))?;
            // A key written twice keeps its last value, as a B-tree map read it.
            map.insert(key, V::read(r)?);
        }
        Ok(map)
    }
}

/// A set kept as a sorted `Vec`: what set validation needs (a few dozen criteria numbers, one
/// indicator's thresholds), without compiling a B-tree per element type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VecSet<T> {
    items: Vec<T>,
}

impl<T> Default for VecSet<T> {
    fn default() -> Self {
        VecSet { items: Vec::new() }
    }
}

impl<T: Ord> VecSet<T> {
    pub fn new() -> Self {
        VecSet { items: Vec::new() }
    }

    /// Adds `item`; false when it was there already.
    pub fn insert(&mut self, item: T) -> bool {
        match self.items.binary_search(&item) {
            Ok(_) => false,
            Err(i) => {
                self.items.insert(i, item);
                true
            }
        }
    }

    pub fn contains<Q: Ord + ?Sized>(&self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.items
            .binary_search_by(|x| x.borrow().cmp(item))
            .is_ok()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::from_str;
    use proptest::prelude::*;
    use std::collections::{BTreeMap, BTreeSet};

    proptest! {
        /// Any sequence of inserts, removes and retains leaves the same content, in the same
        /// order, as a B-tree map; and both write the same JSON.
        #[test]
        fn behaves_as_a_btree_map(ops in proptest::collection::vec((0u8..4, "[a-c]{0,2}", 0u16..50), 0..80)) {
            let (mut v, mut b) = (VecMap::new(), BTreeMap::new());
            for (op, k, x) in ops {
                match op {
                    0 => prop_assert_eq!(v.insert(k.clone(), x), b.insert(k, x)),
                    1 => prop_assert_eq!(v.remove(k.as_str()), b.remove(k.as_str())),
                    2 => { *v.entry(k.clone()).or_default() += x; *b.entry(k).or_default() += x; }
                    _ => { v.retain(|_, y| *y % 3 != 0); b.retain(|_, y| *y % 3 != 0); }
                }
                prop_assert_eq!(v.iter().collect::<Vec<_>>(), b.iter().collect::<Vec<_>>());
            }
            prop_assert_eq!(serde_json::to_string(&v).unwrap(), serde_json::to_string(&b).unwrap());
            let back: VecMap<String, u16> = from_str(&serde_json::to_string(&b).unwrap()).unwrap();
            prop_assert_eq!(back, v);
        }

        #[test]
        fn behaves_as_a_btree_set(items in proptest::collection::vec(0u8..20, 0..40)) {
            let (mut v, mut b) = (VecSet::new(), BTreeSet::new());
            for i in items {
                prop_assert_eq!(v.insert(i), b.insert(i));
                prop_assert_eq!(v.len(), b.len());
                prop_assert!(v.contains(&i));
            }
        }
    }

    #[test]
    fn json_keys_of_numbers_read_back() {
        let m: VecMap<u8, String> = from_str(r#"{"17": "b", "3": "a"}"#).unwrap();
        assert_eq!(m.keys().copied().collect::<Vec<_>>(), [3, 17]);
        assert_eq!(serde_json::to_string(&m).unwrap(), r#"{"3":"a","17":"b"}"#);
        assert_eq!(crate::core::json::to_string(&m), r#"{"3":"a","17":"b"}"#);
        assert_eq!(m[&17], "b");
        let twice: VecMap<String, u8> = from_str(r#"{"a": 1, "a": 2}"#).unwrap();
        assert_eq!(twice["a"], 2, "the last value, as a B-tree map read it");
        for bad in [
            r#"{"x": "a"}"#,
            r#"{"017": "a"}"#,
            r#"{"256": "a"}"#,
            r#"{"": "a"}"#,
        ] {
            let e = from_str::<VecMap<u8, String>>(bad).unwrap_err();
            assert_eq!(
                e.message_vi(),
                "giá trị không hợp lệ (dòng 1, cột 2)",
                "{bad}"
            );
        }
    }
}
