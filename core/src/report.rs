//! The validation report: one issue type for every rule, every binding and the CLI.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How serious an issue is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 提示: an observation, nothing to fix necessarily.
    Info,
    /// 警告: a likely defect needing human review.
    Warning,
    /// 错误: a legal or template requirement is broken; the catalogue is not valid.
    Error,
}

impl Severity {
    /// The stable code.
    pub const fn code(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The Chinese name.
    pub const fn zh(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }

    /// Parses `info`, `warning` or `error`.
    pub fn from_code(s: &str) -> Option<Self> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// The language of rendered messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// 中文 (default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Parses `zh` or `en` (also `zh-CN`, `en-US`, any case).
    pub fn from_code(s: &str) -> Option<Self> {
        let s = s.to_ascii_lowercase();
        if s == "zh" || s.starts_with("zh-") || s.starts_with("zh_") {
            Some(Lang::Zh)
        } else if s == "en" || s.starts_with("en-") || s.starts_with("en_") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// Where a value was in the user's own table file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Location {
    /// Sheet name (XLSX), table number (HTML, e.g. `表1`), or absent for CSV.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// 1-based row number as the spreadsheet shows it.
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
/// A hash map (an import of 10,000 rows records some 130,000 entries; lookups are by exact
/// pointer); it serialises and iterates in pointer order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceMap {
    entries: std::collections::HashMap<String, Location, foldhash::fast::RandomState>,
}

#[derive(Serialize)]
struct SourceMapOut<'a> {
    entries: BTreeMap<&'a str, &'a Location>,
}

#[derive(Deserialize)]
struct SourceMapIn {
    entries: BTreeMap<String, Location>,
}

impl Serialize for SourceMap {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        SourceMapOut {
            entries: self.entries.iter().map(|(k, v)| (k.as_str(), v)).collect(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for SourceMap {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let m = SourceMapIn::deserialize(d)?;
        Ok(SourceMap {
            entries: m.entries.into_iter().collect(),
        })
    }
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records where the value at `pointer` came from.
    pub fn insert(&mut self, pointer: impl Into<String>, location: Location) {
        self.entries.insert(pointer.into(), location);
    }

    /// The location recorded for exactly this pointer.
    pub fn get(&self, pointer: &str) -> Option<&Location> {
        self.entries.get(pointer)
    }

    /// The location of `pointer` or of its nearest ancestor.
    pub fn lookup(&self, pointer: &str) -> Option<&Location> {
        let mut p = pointer;
        loop {
            if let Some(l) = self.entries.get(p) {
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
        self.entries.len()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All entries in pointer order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Location)> {
        let mut v: Vec<(&str, &Location)> =
            self.entries.iter().map(|(k, v)| (k.as_str(), v)).collect();
        v.sort_unstable_by(|a, b| a.0.cmp(b.0));
        v.into_iter()
    }
}

/// One problem found in a catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Issue {
    /// Stable rule code, e.g. `time.exceeds_statutory_limit` (see `gongkai rules`).
    pub code: String,
    /// Severity of the rule.
    pub severity: Severity,
    /// JSON Pointer (RFC 6901) into the catalogue; `""` is the whole document.
    pub path: String,
    /// The `id` of the item concerned, when the issue is about one item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// The rendered message (Chinese by default), naming the column as people know it.
    pub message: String,
    /// Where the offending cell is in the user's table, when imported from one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// The values the message template was filled with.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
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

/// The result of validating one catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "校验报告", description = "gongkai 校验报告")]
pub struct Report {
    /// True exactly when no issue has severity `error`.
    pub valid: bool,
    /// Number of items in the catalogue (0 when the items could not be read).
    pub items: usize,
    /// Issue counts by severity (of the issues reported).
    pub counts: Counts,
    /// Every issue found, in document order.
    pub issues: Vec<Issue>,
}

impl Report {
    /// Builds a report from issues (sorted by path, then code; stable).
    pub fn from_issues(items: usize, mut issues: Vec<Issue>) -> Self {
        issues.sort_by(|a, b| {
            pointer_order(&a.path, &b.path)
                .then_with(|| b.severity.cmp(&a.severity))
                .then_with(|| a.code.cmp(&b.code))
        });
        let mut counts = Counts::default();
        for i in &issues {
            match i.severity {
                Severity::Error => counts.error += 1,
                Severity::Warning => counts.warning += 1,
                Severity::Info => counts.info += 1,
            }
        }
        Report {
            valid: counts.error == 0,
            items,
            counts,
            issues,
        }
    }

    /// Serialises the report as compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Serialises the report as pretty JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Orders JSON Pointers segment by segment, numbers numerically (`/items/2` before `/items/10`).
pub fn pointer_order(a: &str, b: &str) -> std::cmp::Ordering {
    let mut ia = a.split('/');
    let mut ib = b.split('/');
    loop {
        match (ia.next(), ib.next()) {
            (None, None) => return std::cmp::Ordering::Equal,
            (None, Some(_)) => return std::cmp::Ordering::Less,
            (Some(_), None) => return std::cmp::Ordering::Greater,
            (Some(x), Some(y)) => {
                let o = match (x.parse::<u64>(), y.parse::<u64>()) {
                    (Ok(nx), Ok(ny)) => nx.cmp(&ny),
                    _ => x.cmp(y),
                };
                if o != std::cmp::Ordering::Equal {
                    return o;
                }
            }
        }
    }
}

#[cfg(test)]
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
        assert_eq!(m.lookup("/items/0/time_limit/days"), Some(&loc));
        assert_eq!(m.lookup("/items/1/time_limit"), None);
    }

    #[test]
    fn pointers_sort_numerically() {
        let mut v = vec!["/items/10", "/items/2", "", "/title"];
        v.sort_by(|a, b| pointer_order(a, b));
        assert_eq!(v, vec!["", "/items/2", "/items/10", "/title"]);
    }
}
