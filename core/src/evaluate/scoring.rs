//! The deduction table: points per class of finding, capped per class.
//!
//! The default is `data/evaluation-scoring.json` (embedded). A county's own table overrides it
//! with the same shape, in JSON or TOML (with the `toml` feature); only the classes and fields
//! it names change:
//!
//! ```toml
//! name = "某县 2026 年第一季度政务公开考评扣分表"
//! [classes.late_publications]
//! points = 5      # 公文超期公开每条扣5分
//! cap = 20
//! ```
//!
//! Unknown keys, unknown classes and negative or non-numeric points are errors naming the key.

use crate::codes::{self, Family};
use crate::error::Error;
use crate::issue::{Issue, Severity};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The default table's text (`data/evaluation-scoring.json`).
pub const DEFAULT_SCORING_JSON: &str = include_str!("../../../data/evaluation-scoring.json");

/// The classes, in report order, with the rule that puts a finding in each.
pub const CLASSES: &[&str] = &[
    "catalogue_errors",
    "catalogue_warnings",
    "missing_items",
    "weakened_items",
    "inconsistent_items",
    "late_publications",
    "overdue_publications",
    "unpublished_items",
    "interpretations",
    "record_errors",
];

/// The class a finding counts in, if any.
pub fn class_of(issue: &Issue) -> Option<&'static str> {
    let code = issue.code.as_str();
    if code == codes::diff::MISSING_ITEM {
        return Some("missing_items");
    }
    if code.starts_with("diff.weakened_") {
        return Some("weakened_items");
    }
    if code.starts_with("diff.inconsistent_") {
        return Some("inconsistent_items");
    }
    if code == codes::evaluate::PUBLISHED_LATE {
        return Some("late_publications");
    }
    if code == codes::evaluate::OVERDUE {
        return Some("overdue_publications");
    }
    if code == codes::evaluate::NOT_PUBLISHED {
        return Some("unpublished_items");
    }
    if code == codes::records::INTERPRETATION_LATE || code == codes::records::INTERPRETATION_MISSING
    {
        return Some("interpretations");
    }
    match (issue.code.family(), issue.severity) {
        (Family::Records, Severity::Error) => Some("record_errors"),
        (
            Family::Structure
            | Family::Catalogue
            | Family::Items
            | Family::Time
            | Family::Channels
            | Family::Basis
            | Family::Subject
            | Family::Import,
            s,
        ) => match s {
            Severity::Error => Some("catalogue_errors"),
            Severity::Warning => Some("catalogue_warnings"),
            Severity::Info => None,
        },
        _ => None,
    }
}

/// One class of the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ScoringClass {
    /// The class's key (`catalogue_errors` …).
    pub class: String,
    /// Its name in the 通报.
    pub title: String,
    /// What counts in it.
    pub description: String,
    /// Points deducted per finding.
    pub points: f64,
    /// The most a unit loses for this class.
    pub cap: f64,
}

/// A deduction table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Scoring {
    /// The table's name.
    pub name: String,
    /// How scores are computed.
    pub description: String,
    /// The classes, in report order.
    pub classes: Vec<ScoringClass>,
}

impl Default for Scoring {
    fn default() -> Self {
        // The embedded table is checked by the tests; an unreadable one would give no classes.
        let v: Value = serde_json::from_str(DEFAULT_SCORING_JSON).unwrap_or(Value::Null);
        let mut s = Scoring {
            name: String::new(),
            description: String::new(),
            classes: CLASSES
                .iter()
                .map(|c| ScoringClass {
                    class: (*c).to_owned(),
                    title: (*c).to_owned(),
                    description: String::new(),
                    points: 0.0,
                    cap: 0.0,
                })
                .collect(),
        };
        let _ = s.apply(&v);
        s
    }
}

fn bad(key: &str, what: &str) -> Error {
    Error::InvalidArgument(format!("扣分表的 {key}：{what}"))
}

fn number(v: &Value, key: &str) -> Result<f64, Error> {
    match v.as_f64() {
        Some(n) if n.is_finite() && n >= 0.0 => Ok(n),
        Some(_) => Err(bad(key, "不能为负数")),
        None => Err(bad(key, "应为数字（如 2 或 0.5）")),
    }
}

fn text(v: &Value, key: &str) -> Result<String, Error> {
    v.as_str()
        .map(str::to_owned)
        .ok_or_else(|| bad(key, "应为文字"))
}

impl Scoring {
    /// The class `key`.
    pub fn class(&self, key: &str) -> Option<&ScoringClass> {
        self.classes.iter().find(|c| c.class == key)
    }

    /// The default table with the overrides of a JSON document.
    pub fn from_json(bytes: &[u8]) -> Result<Scoring, Error> {
        let v: Value = serde_json::from_slice(crate::json::strip_bom(bytes))
            .map_err(|e| Error::from_json(&e, bytes))?;
        Scoring::from_value(&v)
    }

    /// The default table with the overrides of a TOML document.
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Scoring, Error> {
        let v: Value = basic_toml::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|e| Error::InvalidArgument(format!("扣分表不是有效的 TOML：{e}")))?;
        Scoring::from_value(&v)
    }

    /// Reads a table file by its name's extension: `.toml` (with the `toml` feature), else JSON.
    pub fn from_file_bytes(bytes: &[u8], name: &str) -> Result<Scoring, Error> {
        if name.to_ascii_lowercase().ends_with(".toml") {
            #[cfg(feature = "toml")]
            {
                let text = std::str::from_utf8(bytes)
                    .map_err(|_| Error::InvalidArgument("扣分表不是 UTF-8 编码的文本".into()))?;
                return Scoring::from_toml(text);
            }
            #[cfg(not(feature = "toml"))]
            return Err(Error::UnsupportedFormat(
                "此版本只读取 JSON 扣分表（TOML 需要 toml 功能）".into(),
            ));
        }
        Scoring::from_json(bytes)
    }

    /// The default table with the overrides of a JSON value (`{name?, description?, classes?}`).
    pub fn from_value(v: &Value) -> Result<Scoring, Error> {
        let mut s = Scoring::default();
        s.apply(v)?;
        Ok(s)
    }

    fn apply(&mut self, v: &Value) -> Result<(), Error> {
        let Value::Object(root) = v else {
            return Err(bad(
                "（整个文件）",
                "应为对象，含 name、description、classes",
            ));
        };
        for (k, x) in root {
            match k.as_str() {
                "name" => self.name = text(x, "name")?,
                "description" => self.description = text(x, "description")?,
                "classes" => {
                    let Value::Object(classes) = x else {
                        return Err(bad("classes", "应为对象：类别名 → {points, cap}"));
                    };
                    for (name, c) in classes {
                        let known = CLASSES.join("、");
                        let class = self
                            .classes
                            .iter_mut()
                            .find(|c| c.class == *name)
                            .ok_or_else(|| {
                                bad(
                                    &format!("classes.{name}"),
                                    &format!("没有这个类别（可用：{known}）"),
                                )
                            })?;
                        let Value::Object(fields) = c else {
                            return Err(bad(
                                &format!("classes.{name}"),
                                "应为对象，含 points、cap（可选 title、description）",
                            ));
                        };
                        for (f, val) in fields {
                            let key = format!("classes.{name}.{f}");
                            match f.as_str() {
                                "points" => class.points = number(val, &key)?,
                                "cap" => class.cap = number(val, &key)?,
                                "title" => class.title = text(val, &key)?,
                                "description" => class.description = text(val, &key)?,
                                _ => {
                                    return Err(bad(
                                        &key,
                                        "没有这个字段（可用：points、cap、title、description）",
                                    ));
                                }
                            }
                        }
                    }
                }
                other => {
                    return Err(bad(other, "没有这个键（可用：name、description、classes）"));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_default_table_has_every_class_and_nothing_else() {
        let v: Value = serde_json::from_str(DEFAULT_SCORING_JSON).unwrap();
        let keys: Vec<&String> = v["classes"].as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), CLASSES.len());
        let s = Scoring::default();
        assert!(!s.name.is_empty());
        for c in &s.classes {
            assert!(c.points > 0.0 && c.cap >= c.points, "{c:?}");
            assert!(c.title.chars().any(|c| c > '\u{4e00}'), "{c:?}");
        }
    }

    #[test]
    fn overrides_change_only_what_they_name() {
        let s =
            Scoring::from_json(br#"{"classes": {"late_publications": {"points": 5}}}"#).unwrap();
        let d = Scoring::default();
        assert_eq!(s.class("late_publications").unwrap().points, 5.0);
        assert_eq!(
            s.class("late_publications").unwrap().cap,
            d.class("late_publications").unwrap().cap
        );
        assert_eq!(s.class("missing_items"), d.class("missing_items"));
    }

    #[test]
    fn bad_tables_name_the_key() {
        let err = |j: &str| Scoring::from_json(j.as_bytes()).unwrap_err().to_string();
        assert!(err(r#"{"classes": {"typos": {"points": 1}}}"#).contains("classes.typos"));
        assert!(
            err(r#"{"classes": {"missing_items": {"points": -1}}}"#)
                .contains("classes.missing_items.points")
        );
        assert!(err(r#"{"classes": {"missing_items": {"cap": "x"}}}"#).contains("应为数字"));
        assert!(err(r#"{"classes": {"missing_items": {"pts": 1}}}"#).contains("pts"));
        assert!(err(r#"{"clases": {}}"#).contains("clases"));
        assert!(err("[1]").contains("应为对象"));
        assert_eq!(Scoring::from_json(b"{").unwrap_err().code(), "json");
    }

    #[cfg(feature = "toml")]
    #[test]
    fn toml_tables() {
        let s = Scoring::from_toml(
            "name = \"某县扣分表\"\n[classes.late_publications]\npoints = 5\ncap = 20\n",
        )
        .unwrap();
        assert_eq!(s.name, "某县扣分表");
        assert_eq!(s.class("late_publications").unwrap().cap, 20.0);
        let e = Scoring::from_toml("[classes.nope]\npoints = 1\n").unwrap_err();
        assert!(e.to_string().contains("classes.nope"), "{e}");
        let e = Scoring::from_toml("[classes.overdue_publications]\npoints = -3\n").unwrap_err();
        assert!(e.to_string().contains("不能为负数"), "{e}");
        assert!(Scoring::from_toml("points = = 1").is_err());
    }
}
