//! Where values are in the user's own file: a cell [`Location`], and the [`SourceMap`] that gives
//! every value of an imported catalogue its cell. At the bottom of the core: errors, issues and
//! reports all carry locations.

use crate::json::pointer_order;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a value was in the user's own file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Location {
    /// Sheet name (XLSX), table number (HTML, e.g. `表1`), or absent for CSV.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// 1-based row number as the spreadsheet shows it (the line of a CSV file).
    pub row: u32,
    /// Column letter as the spreadsheet shows it (`A`, `B`, … `AA`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// The header text of that column, as written in the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
}

impl Location {
    /// Column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA.
    pub fn column_letter(index: usize) -> String {
        let mut n = index + 1;
        let mut out = Vec::new();
        while n > 0 {
            let rem = (n - 1) % 26;
            out.push(b'A' + rem as u8);
            n = (n - 1) / 26;
        }
        out.reverse();
        String::from_utf8(out).unwrap_or_default()
    }
}

/// Maps JSON Pointers of an imported catalogue to the cells they came from.
///
/// An issue's location is the entry of its path, or of the nearest ancestor that has one
/// (`/items/3/time_limit/days` falls back to `/items/3/time_limit`, then `/items/3`).
///
/// Compact: an import of 10,000 rows records some 130,000 entries, so an entry holds no heap
/// data of its own. Entries under `/items/N/rest` are kept per item N, keyed by `rest`; other
/// pointers (and items numbered beyond [`SourceMap::DENSE_ITEMS`]) by their text; sheet names,
/// headers and column letters are interned. It serialises and iterates in pointer order.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    /// Per item number: (interned tail, cell).
    items: Vec<Vec<(u32, Cell)>>,
    /// Other pointers: (interned pointer, cell).
    other: Vec<(u32, Cell)>,
    len: usize,
    strings: Vec<Box<str>>,
    ids: std::collections::HashMap<Box<str>, u32, foldhash::fast::RandomState>,
    /// Interned column letters by column index.
    columns: Vec<u32>,
}

/// A location with its strings interned (`NONE` for an absent one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cell {
    sheet: u32,
    row: u32,
    column: u32,
    header: u32,
}

const NONE: u32 = u32::MAX;

/// `/items/N` or `/items/N/rest` → (N, "rest" or ""); any other pointer → None.
fn split_item(pointer: &str) -> Option<(u32, &str)> {
    let rest = pointer.strip_prefix("/items/")?;
    let (n, tail) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, ""),
    };
    if n.is_empty() || (n.len() > 1 && n.starts_with('0')) || !n.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let n: u32 = n.parse().ok()?;
    ((n as usize) < SourceMap::DENSE_ITEMS).then_some((n, tail))
}

/// Where an entry lives: under an item (number, tail) or among the other pointers.
#[derive(Clone, Copy)]
enum Key {
    Item(usize, u32),
    Other(u32),
}

impl SourceMap {
    /// Items numbered below this are kept in a table indexed by number (a hostile pointer
    /// such as `/items/4000000000` costs no more than any other pointer).
    pub const DENSE_ITEMS: usize = 1 << 18;

    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = u32::try_from(self.strings.len()).unwrap_or(NONE - 1);
        self.strings.push(s.into());
        self.ids.insert(s.into(), id);
        id
    }

    fn intern_opt(&mut self, s: Option<&str>) -> u32 {
        s.map_or(NONE, |s| self.intern(s))
    }

    fn intern_column(&mut self, index: usize) -> u32 {
        match self.columns.get(index) {
            Some(&id) if id != NONE => id,
            _ => {
                let id = self.intern(&Location::column_letter(index));
                if index < 16_384 {
                    if self.columns.len() <= index {
                        self.columns.resize(index + 1, NONE);
                    }
                    self.columns[index] = id;
                }
                id
            }
        }
    }

    fn string(&self, id: u32) -> Option<String> {
        (id != NONE)
            .then(|| self.strings.get(id as usize).map(|s| s.to_string()))
            .flatten()
    }

    fn key(&self, pointer: &str) -> Option<Key> {
        match split_item(pointer) {
            Some((n, tail)) => self.ids.get(tail).map(|&t| Key::Item(n as usize, t)),
            None => self.ids.get(pointer).map(|&t| Key::Other(t)),
        }
    }

    fn interned_key(&mut self, pointer: &str) -> Key {
        match split_item(pointer) {
            Some((n, tail)) => self.item_key(n as usize, tail),
            None => Key::Other(self.intern(pointer)),
        }
    }

    /// The key of `/items/{n}/{tail}` (`/items/{n}` for an empty tail).
    fn item_key(&mut self, n: usize, tail: &str) -> Key {
        if n < Self::DENSE_ITEMS {
            Key::Item(n, self.intern(tail))
        } else if tail.is_empty() {
            Key::Other(self.intern(&format!("/items/{n}")))
        } else {
            Key::Other(self.intern(&format!("/items/{n}/{tail}")))
        }
    }

    fn slot(&self, key: Key) -> Option<&Cell> {
        let (list, t) = match key {
            Key::Item(n, t) => (self.items.get(n)?, t),
            Key::Other(t) => (&self.other, t),
        };
        list.iter().find(|(k, _)| *k == t).map(|(_, c)| c)
    }

    /// Records `cell` under `key`, replacing what was there unless `keep` is set.
    fn put(&mut self, key: Key, cell: Cell, keep: bool) {
        let (list, t) = match key {
            Key::Item(n, t) => {
                if self.items.len() <= n {
                    self.items.resize_with(n + 1, Vec::new);
                }
                (&mut self.items[n], t)
            }
            Key::Other(t) => (&mut self.other, t),
        };
        match list.iter_mut().find(|(k, _)| *k == t) {
            Some((_, c)) if !keep => *c = cell,
            Some(_) => {}
            None => {
                list.push((t, cell));
                self.len += 1;
            }
        }
    }

    /// Records where the value at `pointer` came from.
    pub fn insert(&mut self, pointer: impl AsRef<str>, location: Location) {
        let key = self.interned_key(pointer.as_ref());
        let cell = Cell {
            sheet: self.intern_opt(location.sheet.as_deref()),
            row: location.row,
            column: self.intern_opt(location.column.as_deref()),
            header: self.intern_opt(location.header.as_deref()),
        };
        self.put(key, cell, false);
    }

    /// Records where `/items/{item}/{tail}` (`/items/{item}` for an empty tail) came from:
    /// the cell at `row` (1-based) and column index `column` (0-based) of `sheet`, under
    /// `header`; without building a [`Location`]. With `keep`, an existing entry is kept.
    pub(crate) fn insert_cell(&mut self, item: usize, tail: &str, at: CellRef<'_>, keep: bool) {
        let key = self.item_key(item, tail);
        let cell = Cell {
            sheet: self.intern_opt(at.sheet),
            row: at.row,
            column: self.intern_column(at.column),
            header: self.intern_opt(at.header.filter(|h| !h.is_empty())),
        };
        self.put(key, cell, keep);
    }

    fn location(&self, c: Cell) -> Location {
        Location {
            sheet: self.string(c.sheet),
            row: c.row,
            column: self.string(c.column),
            header: self.string(c.header),
        }
    }

    /// The location recorded for exactly this pointer.
    pub fn get(&self, pointer: &str) -> Option<Location> {
        let key = self.key(pointer)?;
        self.slot(key).map(|&c| self.location(c))
    }

    /// Whether a location is recorded for exactly this pointer.
    pub fn contains(&self, pointer: &str) -> bool {
        self.key(pointer).is_some_and(|k| self.slot(k).is_some())
    }

    /// The location of `pointer` or of its nearest ancestor.
    pub fn lookup(&self, pointer: &str) -> Option<Location> {
        let mut p = pointer;
        loop {
            if let Some(l) = self.get(p) {
                return Some(l);
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => return None,
            }
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// All entries in pointer order.
    pub fn iter(&self) -> impl Iterator<Item = (String, Location)> + '_ {
        let text = |t: u32| self.strings.get(t as usize).map_or("", |s| s);
        let mut v: Vec<(String, Cell)> = Vec::with_capacity(self.len);
        for (n, list) in self.items.iter().enumerate() {
            for &(t, c) in list {
                let pointer = match text(t) {
                    "" => format!("/items/{n}"),
                    tail => format!("/items/{n}/{tail}"),
                };
                v.push((pointer, c));
            }
        }
        v.extend(self.other.iter().map(|&(t, c)| (text(t).to_owned(), c)));
        v.sort_unstable_by(|a, b| pointer_order(&a.0, &b.0));
        v.into_iter().map(|(p, c)| (p, self.location(c)))
    }
}

/// A cell given by reference, for [`SourceMap::insert_cell`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct CellRef<'a> {
    pub sheet: Option<&'a str>,
    /// 1-based row number.
    pub row: u32,
    /// 0-based column index.
    pub column: usize,
    pub header: Option<&'a str>,
}

impl PartialEq for SourceMap {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

#[derive(Deserialize)]
struct SourceMapIn {
    entries: BTreeMap<String, Location>,
}

impl Serialize for SourceMap {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct Entries<'a>(&'a SourceMap);
        impl Serialize for Entries<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(self.0.len()))?;
                for (k, v) in self.0.iter() {
                    m.serialize_entry(&k, &v)?;
                }
                m.end()
            }
        }
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry("entries", &Entries(self))?;
        m.end()
    }
}

impl<'de> Deserialize<'de> for SourceMap {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let m = SourceMapIn::deserialize(d)?;
        let mut out = SourceMap::new();
        for (k, v) in m.entries {
            out.insert(k, v);
        }
        Ok(out)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(Location::column_letter(0), "A");
        assert_eq!(Location::column_letter(25), "Z");
        assert_eq!(Location::column_letter(26), "AA");
        assert_eq!(Location::column_letter(701), "ZZ");
        assert_eq!(Location::column_letter(702), "AAA");
    }

    #[test]
    fn source_map_falls_back_to_ancestor() {
        let mut m = SourceMap::new();
        let loc = Location {
            sheet: None,
            row: 3,
            column: Some("F".into()),
            header: Some("公开时限".into()),
        };
        m.insert("/items/0/time_limit", loc.clone());
        assert_eq!(m.lookup("/items/0/time_limit/days"), Some(loc.clone()));
        assert_eq!(m.lookup("/items/1/time_limit"), None);
        // Pointers that are not under /items/N, and odd ones, are kept as they are.
        m.insert("/title", loc.clone());
        m.insert("/items/01/name", loc.clone());
        m.insert("/items", loc.clone());
        assert_eq!(m.get("/title"), Some(loc.clone()));
        assert_eq!(m.get("/items/01/name"), Some(loc.clone()));
        assert_eq!(m.get("/items/1/name"), None);
        let keys: Vec<String> = m.iter().map(|(k, _)| k).collect();
        assert_eq!(
            keys,
            ["/items", "/items/0/time_limit", "/items/01/name", "/title"]
        );
        // Serialised in pointer order, and read back equal.
        let json = serde_json::to_string(&m).unwrap();
        assert!(json.starts_with(r#"{"entries":{"/items":"#), "{json}");
        let back: SourceMap = serde_json::from_str(&json).unwrap();
        assert_eq!(back, m);
    }
}
