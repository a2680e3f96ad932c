//! The one finding type of the core, at its bottom: every problem any part of the core finds
//! (validation rules, the importer, diff and consistency, the timeliness audit, deadlines) is a
//! [`Finding`] with a registered [`Code`], rendered once into an [`Issue`] of one shape.
//! ([`Severity`] and [`Lang`] are declared with the codes, in [`crate::codes`].)
//!
//! An [`Issue`] always has `code`, `severity`, `path`, `item_id`, `message`, `location` and
//! `params`. Issues about publication records also carry the record's `row`, `line` and `column`
//! ([`RecordRef`]); diff findings also carry both sides' paths, ids and cells ([`PairRef`]). Those
//! keys appear only on the issues they belong to.

use crate::codes::Code;
pub use crate::codes::{Lang, Severity};
pub use crate::location::{Location, SourceMap};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The values a message template is filled with: name → value, in name order, serialised as a
/// JSON object. A small sorted vector rather than a `BTreeMap`: a finding has one to eight
/// params, and a map's node holds room for eleven, which made the params of a report of 100,000
/// issues cost about 40 MB more than their text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// No params.
    pub fn new() -> Self {
        Params(Vec::new())
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&String> {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    /// Whether `key` has a value.
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets `key` to `value`, returning the value it replaces.
    pub fn insert(&mut self, key: &str, value: String) -> Option<String> {
        match self.find(key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key.to_owned(), value));
                None
            }
        }
    }

    /// The value of `key`, set first from `value` when it has none.
    pub fn get_or_insert_with(&mut self, key: &str, value: impl FnOnce() -> String) -> &mut String {
        let i = match self.find(key) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (key.to_owned(), value()));
                i
            }
        };
        &mut self.0[i].1
    }

    /// Removes `key`, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<String> {
        self.find(key).ok().map(|i| self.0.remove(i).1)
    }

    /// Whether there are no params.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many params.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The params in name order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&String, &String)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The names, in order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    /// The values, in name order.
    pub fn values(&self) -> impl ExactSizeIterator<Item = &String> {
        self.0.iter().map(|(_, v)| v)
    }

    /// The values, in name order, to change them.
    pub fn values_mut(&mut self) -> impl ExactSizeIterator<Item = &mut String> {
        self.0.iter_mut().map(|(_, v)| v)
    }

    /// The params in name order, their values to change.
    pub fn iter_mut(&mut self) -> impl ExactSizeIterator<Item = (&String, &mut String)> {
        self.0.iter_mut().map(|(k, v)| (&*k, v))
    }

    /// The params as a map.
    pub fn to_map(&self) -> BTreeMap<String, String> {
        self.0.iter().cloned().collect()
    }
}

impl std::ops::Index<&str> for Params {
    type Output = String;
    /// The value of `key`; panics when there is none (like a map's index).
    fn index(&self, key: &str) -> &String {
        #[allow(clippy::expect_used)]
        self.get(key).expect("no such param")
    }
}

impl<K: AsRef<str>, V: Into<String>> FromIterator<(K, V)> for Params {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut p = Params::new();
        for (k, v) in iter {
            p.insert(k.as_ref(), v.into());
        }
        p
    }
}

impl From<BTreeMap<String, String>> for Params {
    fn from(m: BTreeMap<String, String>) -> Self {
        Params(m.into_iter().collect())
    }
}

impl IntoIterator for Params {
    type Item = (String, String);
    type IntoIter = std::vec::IntoIter<(String, String)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Params {
    type Item = (&'a String, &'a String);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, String)>,
        fn(&'a (String, String)) -> (&'a String, &'a String),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<'a> IntoIterator for &'a mut Params {
    type Item = (&'a String, &'a mut String);
    type IntoIter = std::iter::Map<
        std::slice::IterMut<'a, (String, String)>,
        fn(&'a mut (String, String)) -> (&'a String, &'a mut String),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter_mut().map(|(k, v)| (&*k, v))
    }
}

impl Serialize for Params {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Params {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        BTreeMap::<String, String>::deserialize(d).map(Params::from)
    }
}

impl JsonSchema for Params {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <BTreeMap<String, String>>::schema_name()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <BTreeMap<String, String>>::json_schema(generator)
    }
}

/// Builds params from pairs.
pub fn params(pairs: &[(&str, String)]) -> Params {
    let mut p = Params(Vec::with_capacity(pairs.len()));
    for (k, v) in pairs {
        p.insert(k, v.clone());
    }
    p
}

/// A problem before rendering: a registered code, where it is, and the values of its message
/// template. Every part of the core reports through it.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The code.
    pub code: Code,
    /// JSON Pointer into the document the finding is about.
    pub path: String,
    /// The item's `id`, when about one item.
    pub item_id: Option<String>,
    /// Template values.
    pub params: Params,
    /// An explicit cell, for findings about a table's structure (a header, a skipped row) that no
    /// value of the catalogue stands for; otherwise the location comes from the source map.
    pub location: Option<Location>,
    /// The record concerned (audit).
    pub record: Option<RecordRef>,
    /// Both sides (diff and consistency).
    pub pair: Option<Box<PairRef>>,
}

impl Finding {
    /// A finding with params given as pairs.
    pub fn new(
        code: Code,
        path: impl Into<String>,
        item_id: Option<&str>,
        pairs: &[(&str, String)],
    ) -> Self {
        Finding {
            code,
            path: path.into(),
            item_id: item_id.map(str::to_owned),
            params: params(pairs),
            location: None,
            record: None,
            pair: None,
        }
    }

    /// Gives the finding an explicit cell location.
    pub fn at(mut self, loc: &Location) -> Self {
        self.location = Some(loc.clone());
        self
    }

    /// Sets one template value.
    pub fn param(mut self, key: &str, value: impl Into<String>) -> Self {
        self.params.insert(key, value.into());
        self
    }

    /// The severity of its code.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// Renders the finding in `lang`: the message from the code's template, the location from
    /// the explicit one or else the source map (the cell of the path or its nearest ancestor).
    pub fn render(self, lang: Lang, sources: Option<&SourceMap>) -> Issue {
        let def = self.code.def();
        let message = render(def.template(lang), &self.params);
        let location = self
            .location
            .or_else(|| sources.and_then(|s| s.lookup(&self.path)));
        Issue {
            code: self.code,
            severity: def.severity,
            path: self.path,
            item_id: self.item_id,
            message,
            location,
            params: self.params,
            record: self.record,
            pair: self.pair,
        }
    }
}

/// Renders a template: `{name}` → the param (escaped for display: control characters dropped,
/// bounded length), unknown names left as they are.
pub fn render(template: &str, params: &Params) -> String {
    // Room for the values too (each quoted at most once in practice), so the text is not moved.
    let values: usize = params.values().map(|v| v.len().min(1_200)).sum();
    let mut out = String::with_capacity(template.len() + values);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end)
                if after[..end]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_') =>
            {
                let name = &after[..end];
                match params.get(name) {
                    Some(v) => crate::error::push_excerpt(&mut out, v, 300),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where an audit issue's record is in the records file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RecordRef {
    /// 1-based data row, when about one record.
    pub row: Option<usize>,
    /// The line of the records file where the record starts (CSV), when known.
    pub line: Option<u64>,
    /// The column (key) concerned.
    pub column: Option<String>,
}

/// Both sides of a diff or consistency finding.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PairRef {
    /// JSON Pointer into the reference (first) catalogue, or null.
    pub reference_path: Option<String>,
    /// JSON Pointer into the local (second) catalogue, or null.
    pub local_path: Option<String>,
    /// `id` of the reference item, or null.
    pub reference_item_id: Option<String>,
    /// `id` of the local item, or null.
    pub local_item_id: Option<String>,
    /// Cell of the reference value, when the reference was imported from a table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_location: Option<Location>,
    /// Cell of the local value, when the local catalogue was imported from a table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_location: Option<Location>,
}

/// One problem, rendered: the same shape for validation, import, diff, audit and deadlines.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// Stable code, e.g. `time.exceeds_statutory_limit` (see `gongkai rules`).
    pub code: Code,
    /// Severity of the code.
    pub severity: Severity,
    /// JSON Pointer (RFC 6901) into the document concerned; `""` is the whole document.
    pub path: String,
    /// The `id` of the item concerned, when the issue is about one item.
    pub item_id: Option<String>,
    /// The rendered message (Chinese by default), naming the column as people know it.
    pub message: String,
    /// Where the offending cell is in the user's file, when it came from a table.
    pub location: Option<Location>,
    /// The values the message template was filled with.
    pub params: Params,
    /// Audit issues: the record's row, line and column.
    pub record: Option<RecordRef>,
    /// Diff and consistency findings: both sides.
    pub pair: Option<Box<PairRef>>,
}

impl Issue {
    /// Renders the message again in `lang` (from the code's template and the params).
    pub fn rerender(&mut self, lang: Lang) {
        self.message = render(self.code.def().template(lang), &self.params);
    }

    /// Audit issues: the record's 1-based data row.
    pub fn row(&self) -> Option<usize> {
        self.record.as_ref().and_then(|r| r.row)
    }

    /// Audit issues: the line of the records file where the record starts.
    pub fn line(&self) -> Option<u64> {
        self.record.as_ref().and_then(|r| r.line)
    }

    /// Audit issues: the column (key) concerned.
    pub fn column(&self) -> Option<&str> {
        self.record.as_ref().and_then(|r| r.column.as_deref())
    }

    /// Diff findings: the path in the reference catalogue.
    pub fn reference_path(&self) -> Option<&str> {
        self.pair
            .as_deref()
            .and_then(|p| p.reference_path.as_deref())
    }

    /// Diff findings: the path in the local catalogue.
    pub fn local_path(&self) -> Option<&str> {
        self.pair.as_deref().and_then(|p| p.local_path.as_deref())
    }

    /// Diff findings: the reference item's id.
    pub fn reference_item_id(&self) -> Option<&str> {
        self.pair
            .as_deref()
            .and_then(|p| p.reference_item_id.as_deref())
    }

    /// Diff findings: the local item's id.
    pub fn local_item_id(&self) -> Option<&str> {
        self.pair
            .as_deref()
            .and_then(|p| p.local_item_id.as_deref())
    }

    /// Diff findings: the cell of the reference value.
    pub fn reference_location(&self) -> Option<&Location> {
        self.pair
            .as_deref()
            .and_then(|p| p.reference_location.as_ref())
    }

    /// Diff findings: the cell of the local value.
    pub fn local_location(&self) -> Option<&Location> {
        self.pair.as_deref().and_then(|p| p.local_location.as_ref())
    }
}

impl Serialize for Issue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("code", &self.code)?;
        m.serialize_entry("severity", &self.severity)?;
        m.serialize_entry("path", &self.path)?;
        if let Some(id) = &self.item_id {
            m.serialize_entry("item_id", id)?;
        }
        m.serialize_entry("message", &self.message)?;
        if let Some(l) = &self.location {
            m.serialize_entry("location", l)?;
        }
        // Audit issues always listed their params, even when empty.
        if !self.params.is_empty() || self.record.is_some() {
            m.serialize_entry("params", &self.params)?;
        }
        if let Some(r) = &self.record {
            m.serialize_entry("row", &r.row)?;
            m.serialize_entry("line", &r.line)?;
            m.serialize_entry("column", &r.column)?;
        }
        if let Some(p) = &self.pair {
            m.serialize_entry("reference_path", &p.reference_path)?;
            m.serialize_entry("local_path", &p.local_path)?;
            m.serialize_entry("reference_item_id", &p.reference_item_id)?;
            m.serialize_entry("local_item_id", &p.local_item_id)?;
            if let Some(l) = &p.reference_location {
                m.serialize_entry("reference_location", l)?;
            }
            if let Some(l) = &p.local_location {
                m.serialize_entry("local_location", l)?;
            }
        }
        m.end()
    }
}

/// Deserialises `Some(value)` when the key is present (even as `null`), for telling an absent key
/// from a null one.
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// What deserialising an [`Issue`] reads (an absent key told from a `null` one).
#[derive(Deserialize)]
struct IssueRepr {
    code: Code,
    severity: Severity,
    #[serde(default)]
    path: String,
    #[serde(default)]
    item_id: Option<String>,
    message: String,
    #[serde(default)]
    location: Option<Location>,
    #[serde(default)]
    params: Params,
    #[serde(default, deserialize_with = "present")]
    row: Option<Option<usize>>,
    #[serde(default, deserialize_with = "present")]
    line: Option<Option<u64>>,
    #[serde(default, deserialize_with = "present")]
    column: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    reference_path: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    local_path: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    reference_item_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    local_item_id: Option<Option<String>>,
    #[serde(default)]
    reference_location: Option<Location>,
    #[serde(default)]
    local_location: Option<Location>,
}

/// The JSON Schema of [`Issue`]: the keys every issue has, and those only some have.
#[allow(dead_code)]
#[derive(JsonSchema)]
#[schemars(
    rename = "Issue",
    description = "One problem: the same shape for validation, import, diff, audit and deadlines."
)]
struct IssueSchema {
    /// Stable code, e.g. `time.exceeds_statutory_limit` (see `gongkai rules`).
    code: Code,
    /// Severity of the code.
    severity: Severity,
    /// JSON Pointer (RFC 6901) into the document concerned; `""` is the whole document.
    path: String,
    /// The `id` of the item concerned, when the issue is about one item.
    #[serde(skip_serializing_if = "Option::is_none")]
    item_id: Option<String>,
    /// The rendered message (Chinese by default), naming the column as people know it.
    message: String,
    /// Where the offending cell is in the user's file, when it came from a table.
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<Location>,
    /// The values the message template was filled with.
    #[serde(skip_serializing_if = "Params::is_empty")]
    params: Params,
    /// Audit issues only: 1-based data row of the record (null for a problem of the whole file).
    #[serde(skip_serializing_if = "Option::is_none")]
    row: Option<Option<usize>>,
    /// Audit issues only: the line of the records file where the record starts, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<Option<u64>>,
    /// Audit issues only: the column (key) concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<Option<String>>,
    /// Diff findings only: JSON Pointer into the reference (first) catalogue, or null.
    #[serde(skip_serializing_if = "Option::is_none")]
    reference_path: Option<Option<String>>,
    /// Diff findings only: JSON Pointer into the local (second) catalogue, or null.
    #[serde(skip_serializing_if = "Option::is_none")]
    local_path: Option<Option<String>>,
    /// Diff findings only: `id` of the reference item, or null.
    #[serde(skip_serializing_if = "Option::is_none")]
    reference_item_id: Option<Option<String>>,
    /// Diff findings only: `id` of the local item, or null.
    #[serde(skip_serializing_if = "Option::is_none")]
    local_item_id: Option<Option<String>>,
    /// Diff findings only: cell of the reference value, when the reference came from a table.
    #[serde(skip_serializing_if = "Option::is_none")]
    reference_location: Option<Location>,
    /// Diff findings only: cell of the local value, when the local catalogue came from a table.
    #[serde(skip_serializing_if = "Option::is_none")]
    local_location: Option<Location>,
}

impl<'de> Deserialize<'de> for Issue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = IssueRepr::deserialize(d)?;
        let record =
            (r.row.is_some() || r.line.is_some() || r.column.is_some()).then(|| RecordRef {
                row: r.row.flatten(),
                line: r.line.flatten(),
                column: r.column.flatten(),
            });
        let pair = (r.reference_path.is_some()
            || r.local_path.is_some()
            || r.reference_item_id.is_some()
            || r.local_item_id.is_some())
        .then(|| {
            Box::new(PairRef {
                reference_path: r.reference_path.flatten(),
                local_path: r.local_path.flatten(),
                reference_item_id: r.reference_item_id.flatten(),
                local_item_id: r.local_item_id.flatten(),
                reference_location: r.reference_location,
                local_location: r.local_location,
            })
        });
        Ok(Issue {
            code: r.code,
            severity: r.severity,
            path: r.path,
            item_id: r.item_id,
            message: r.message,
            location: r.location,
            params: r.params,
            record,
            pair,
        })
    }
}

impl JsonSchema for Issue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Issue".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        IssueSchema::json_schema(generator)
    }
}

/// Issue counts by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Counts {
    /// Issues of severity `error`.
    pub error: usize,
    /// Issues of severity `warning`.
    pub warning: usize,
    /// Issues of severity `info`.
    pub info: usize,
}

impl Counts {
    /// Counts the severities.
    pub fn of(severities: impl IntoIterator<Item = Severity>) -> Counts {
        let mut c = Counts::default();
        for s in severities {
            c.add(s);
        }
        c
    }

    /// Counts one more issue of severity `s`.
    pub fn add(&mut self, s: Severity) {
        match s {
            Severity::Error => self.error += 1,
            Severity::Warning => self.warning += 1,
            Severity::Info => self.info += 1,
        }
    }

    /// The count of severity `s`.
    pub fn get(&self, s: Severity) -> usize {
        match s {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn params_behave_as_a_sorted_map_and_serialise_as_one() {
        let pairs = [
            ("value", "甲".to_owned()),
            ("first", "3".to_owned()),
            ("code_en", "x".to_owned()),
            ("value", "乙".to_owned()),
        ];
        let p = params(&pairs);
        let mut m = BTreeMap::new();
        for (k, v) in &pairs {
            m.insert((*k).to_owned(), v.clone());
        }
        // The later value of a repeated name wins, as in a map; names in order.
        assert_eq!(p.len(), 3);
        assert_eq!(p["value"], "乙");
        assert_eq!(
            p.keys().map(String::as_str).collect::<Vec<_>>(),
            ["code_en", "first", "value"]
        );
        assert_eq!(p.to_map(), m);
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            serde_json::to_string(&m).unwrap()
        );
        let back: Params = serde_json::from_str(r#"{"b": "2", "a": "1"}"#).unwrap();
        assert_eq!(
            back.iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>(),
            ["a=1", "b=2"]
        );
        let mut q = p.clone();
        assert_eq!(q.insert("first", "4".to_owned()).as_deref(), Some("3"));
        assert_eq!(q.remove("code_en").as_deref(), Some("x"));
        assert!(!q.contains_key("code_en") && q.contains_key("first"));
        assert_eq!(q.get_or_insert_with("first", || unreachable!()), "4");
        assert_eq!(q.get_or_insert_with("alpha", || "新".to_owned()), "新");
        assert_eq!(q.keys().next().map(String::as_str), Some("alpha"));
        assert_eq!(
            serde_json::to_value(schemars::schema_for!(Params)).unwrap(),
            serde_json::to_value(schemars::schema_for!(BTreeMap<String, String>)).unwrap()
        );
    }
    use crate::codes;

    #[test]
    fn render_fills_params() {
        let mut p = Params::new();
        p.insert("field", "公开时限".to_owned());
        assert_eq!(render("缺少{field}，{x}", &p), "缺少公开时限，{x}");
        assert_eq!(render("a{b", &p), "a{b");
        // Values are quoted as excerpts: control characters blanked, at most 300 characters.
        p.insert("field", "a\tb\u{85}c\u{a0}d".to_owned());
        assert_eq!(render("{field}", &p), "a b c\u{a0}d");
        p.insert("field", "字".repeat(301));
        assert_eq!(render("{field}", &p), format!("{}…", "字".repeat(300)));
        p.insert("field", "x".repeat(300));
        assert_eq!(render("{field}", &p), "x".repeat(300));
    }

    #[test]
    fn languages_and_severities_parse_with_messages() {
        assert_eq!("zh-CN".parse::<Lang>().unwrap(), Lang::Zh);
        assert_eq!("en_US.UTF-8".parse::<Lang>().unwrap(), Lang::En);
        assert_eq!("EN".parse::<Lang>().unwrap(), Lang::En);
        let e = "fr".parse::<Lang>().unwrap_err();
        assert!(e.to_string().contains("zh（中文）或 en"), "{e}");
        assert_eq!("warning".parse::<Severity>().unwrap(), Severity::Warning);
        assert_eq!("错误".parse::<Severity>().unwrap(), Severity::Error);
        let e = "fatal".parse::<Severity>().unwrap_err();
        assert!(e.to_string().contains("“fatal”"), "{e}");
    }

    #[test]
    fn issues_of_each_kind_round_trip_with_their_own_keys() {
        let plain = Finding::new(codes::time::UNPARSED, "/items/0/time_limit", Some("1"), &[])
            .param("item", "x")
            .param("text", "y")
            .render(Lang::Zh, None);
        let json = serde_json::to_value(&plain).unwrap();
        assert!(json.get("row").is_none() && json.get("local_path").is_none());
        let back: Issue = serde_json::from_value(json).unwrap();
        assert_eq!(back, plain);

        let mut audit = Finding::new(codes::records::EMPTY, "", None, &[]);
        audit.record = Some(RecordRef::default());
        let audit = audit.render(Lang::En, None);
        let json = serde_json::to_value(&audit).unwrap();
        assert_eq!(json["row"], serde_json::Value::Null);
        assert_eq!(json["params"], serde_json::json!({}));
        let back: Issue = serde_json::from_value(json).unwrap();
        assert_eq!(back, audit);

        let mut diff = Finding::new(codes::diff::LOCAL_ADDITION, "/items/2", None, &[]);
        diff.pair = Some(Box::new(PairRef {
            local_path: Some("/items/2".into()),
            ..PairRef::default()
        }));
        let diff = diff.render(Lang::Zh, None);
        let json = serde_json::to_value(&diff).unwrap();
        assert_eq!(json["reference_path"], serde_json::Value::Null);
        assert_eq!(json["local_path"], "/items/2");
        assert!(json.get("row").is_none());
        let back: Issue = serde_json::from_value(json).unwrap();
        assert_eq!(back, diff);
    }
}

/// Findings collected under a limit: the first `max` at or above `min` severity are kept;
/// beyond that only their codes are counted, so the memory a report takes follows what it
/// shows, not how many problems the input has ([`Collector::finish`] adds one
/// `report.truncated` finding naming how many more there were and of which codes).
#[derive(Debug, Clone)]
pub struct Collector {
    kept: Vec<Finding>,
    max: usize,
    min: Severity,
    over: BTreeMap<Code, usize>,
}

impl Default for Collector {
    fn default() -> Self {
        Collector::new(usize::MAX, Severity::Info)
    }
}

impl Collector {
    /// Keeps at most `max` findings of severity `min` or above (those below are dropped).
    pub fn new(max: usize, min: Severity) -> Self {
        Collector {
            kept: Vec::new(),
            max,
            min,
            over: BTreeMap::new(),
        }
    }

    /// Adds a finding: kept while there is room, else counted.
    pub fn push(&mut self, f: Finding) {
        if f.severity() < self.min {
            return;
        }
        if self.kept.len() < self.max {
            self.kept.push(f);
        } else {
            *self.over.entry(f.code).or_insert(0) += 1;
        }
    }

    /// Adds findings as [`Collector::push`] one by one would, reusing `findings`' buffer when
    /// nothing was kept yet (the importer's findings, 100,000 of them for a page of as many
    /// tables, are not copied).
    pub fn extend_owned(&mut self, mut findings: Vec<Finding>) {
        if !self.kept.is_empty() {
            self.extend(findings);
            return;
        }
        findings.retain(|f| f.severity() >= self.min);
        if findings.len() > self.max {
            for f in findings.drain(self.max..) {
                *self.over.entry(f.code).or_insert(0) += 1;
            }
        }
        self.kept = findings;
    }

    /// Whether no more finding will be kept (later ones are only counted).
    pub fn is_full(&self) -> bool {
        self.kept.len() >= self.max
    }

    /// Whether a finding of error severity was added (kept or counted).
    pub fn has_error(&self) -> bool {
        self.kept.iter().any(|f| f.severity() == Severity::Error)
            || self.over.keys().any(|c| c.severity() == Severity::Error)
    }

    /// The kept findings, mutably (to bound or mask their values).
    pub fn kept_mut(&mut self) -> &mut [Finding] {
        &mut self.kept
    }

    /// The kept findings, and one `report.truncated` finding when some were only counted.
    pub fn finish(mut self) -> Vec<Finding> {
        if self.over.is_empty() {
            return self.kept;
        }
        let summary = truncated(crate::codes::report::TRUNCATED, self.max, self.over);
        self.kept.push(summary);
        self.kept
    }
}

/// The one finding that sums up what a limit left out: `code` (`report.truncated`,
/// `import.findings_truncated`) with the limit, how many more there were and the ten most
/// frequent of their codes, in Chinese and in English.
pub(crate) fn truncated(code: Code, limit: usize, over: BTreeMap<Code, usize>) -> Finding {
    let more: usize = over.values().sum();
    let mut by_count: Vec<(Code, usize)> = over.into_iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    const NAMED: usize = 10;
    let list = |sep: &str, count: &dyn Fn(usize) -> String| {
        let mut s = by_count
            .iter()
            .take(NAMED)
            .map(|(c, n)| format!("{c} {}", count(*n)))
            .collect::<Vec<_>>()
            .join(sep);
        if by_count.len() > NAMED {
            s.push_str(sep);
            s.push('…');
        }
        s
    };
    Finding::new(
        code,
        "",
        None,
        &[
            ("limit", limit.to_string()),
            ("more", more.to_string()),
            ("codes_zh", list("、", &|n| format!("{n} 个"))),
            ("codes_en", list(", ", &|n| format!("×{n}"))),
        ],
    )
}

impl Extend<Finding> for Collector {
    fn extend<I: IntoIterator<Item = Finding>>(&mut self, iter: I) {
        for f in iter {
            self.push(f);
        }
    }
}
