//! Upgrading a catalogue to schema 1.1 (`gongkai migrate`): lossless, idempotent, and every value
//! that was inferred rather than copied is reported.
//!
//! 1.1 is a strict superset of 1.0, so an upgrade changes `schema_version` and moves what a 1.0
//! file could only keep aside into the new fields:
//!
//! - a county's own column kept as an unknown key whose name is a 1.1 column (责任科室, 责任股室,
//!   公开时长, 公开范围 on an item; 目录版本, 下次评估日期 on the catalogue) becomes that field;
//! - a time limit counted `formed_or_changed` whose wording says 制作或者获取 (制定或获取)
//!   becomes `formed_or_obtained`, which 1.0 folded into `formed_or_changed`; the wording stays.
//!
//! Nothing is dropped: a key is moved only when its value is a non-empty string and the field is
//! empty; anything else stays where it was.

use crate::layout::cells::retention_of_cell;
use crate::model::{Anchor, Catalogue, SCHEMA_VERSION_1_1, SCHEMA_VERSIONS, Text};
use serde::Serialize;

/// One change an upgrade made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Migrated {
    /// JSON Pointer of the value in the upgraded catalogue.
    pub path: String,
    /// The value before (a key name, an anchor code, a version).
    pub from: String,
    /// The value after.
    pub to: String,
    /// Whether the value was inferred (from wording or a column name), not copied.
    pub inferred: bool,
    /// What was done, in Chinese.
    pub note: String,
}

/// What [`migrate`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Migration {
    /// The version the catalogue said.
    pub from_version: String,
    /// The version it says now.
    pub to_version: String,
    /// Each change; empty when the catalogue was already 1.1 with nothing to move.
    pub changes: Vec<Migrated>,
}

impl Migration {
    /// Whether the upgrade changed nothing (a second run).
    pub fn is_noop(&self) -> bool {
        self.changes.is_empty()
    }
}

/// Item keys a 1.0 file (or an old import) kept aside, and the 1.1 field each names.
const ITEM_KEYS: &[(&str, &str)] = &[
    ("责任科室", "responsible_office"),
    ("责任股室", "responsible_office"),
    ("承办科室", "responsible_office"),
    ("公开时长", "retention"),
    ("公开范围", "scope_note"),
    ("sub_item", "subitem"),
];

/// Catalogue keys a 1.0 file kept aside, and the 1.1 field each names.
const CATALOGUE_KEYS: &[(&str, &str)] = &[("目录版本", "version"), ("下次评估日期", "next_review")];

/// Upgrades `cat` to schema 1.1 in place. A catalogue of an unknown version is an error that
/// names the versions supported.
pub fn migrate(cat: &mut Catalogue<'_>) -> Result<Migration, crate::Error> {
    let from_version = cat.schema_version.to_string();
    if !SCHEMA_VERSIONS.contains(&from_version.as_str()) {
        return Err(crate::Error::Import {
            format: "目录".into(),
            message: format!(
                "标准版本（schema_version）“{from_version}”不受支持，无法升级；本工具支持的版本为 {}",
                SCHEMA_VERSIONS.join("、")
            ),
            location: None,
        });
    }
    let mut changes = Vec::new();
    if from_version != SCHEMA_VERSION_1_1 {
        cat.schema_version = Text::from(SCHEMA_VERSION_1_1);
        changes.push(Migrated {
            path: "/schema_version".into(),
            from: from_version.clone(),
            to: SCHEMA_VERSION_1_1.into(),
            inferred: false,
            note: format!("标准版本由 {from_version} 升级为 {SCHEMA_VERSION_1_1}"),
        });
    }
    for (key, field) in CATALOGUE_KEYS {
        let slot = match *field {
            "version" => &mut cat.version,
            _ => &mut cat.next_review,
        };
        if let Some(v) = take_string(&mut cat.extra, key, slot.is_none()) {
            *slot = Some(Text::from(v));
            changes.push(moved(&format!("/{field}"), key, field));
        }
    }
    for (i, item) in cat.items.iter_mut().enumerate() {
        for (key, field) in ITEM_KEYS {
            let slot = match *field {
                "responsible_office" => &mut item.responsible_office,
                "retention" => &mut item.retention,
                "scope_note" => &mut item.scope_note,
                _ => &mut item.subitem,
            };
            if let Some(v) = take_string(&mut item.extra, key, slot.is_none()) {
                let v = if *field == "retention" {
                    retention_of_cell(&v)
                } else {
                    v
                };
                *slot = Some(Text::from(v));
                changes.push(moved(&format!("/items/{i}/{field}"), key, field));
            }
        }
        let tl = &mut item.time_limit;
        let says_obtained = tl.text.as_deref().is_some_and(|t| {
            let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            t.contains("获取")
        });
        if tl.from == Some(Anchor::FormedOrChanged) && says_obtained {
            tl.from = Some(Anchor::FormedOrObtained);
            changes.push(Migrated {
                path: format!("/items/{i}/time_limit/from"),
                from: Anchor::FormedOrChanged.code().into(),
                to: Anchor::FormedOrObtained.code().into(),
                inferred: true,
                note: "时限原文写“制作或者获取”（制定或获取），起算点改为 1.1 的“自制作或者获取信息之日”".into(),
            });
        }
    }
    Ok(Migration {
        from_version,
        to_version: SCHEMA_VERSION_1_1.into(),
        changes,
    })
}

fn moved(path: &str, key: &str, field: &str) -> Migrated {
    Migrated {
        path: path.into(),
        from: key.into(),
        to: field.into(),
        inferred: true,
        note: format!("自定义列“{key}”按列名移入 1.1 的字段 {field}"),
    }
}

/// Removes `key` from `extra` and returns its text, when it is a non-empty string and `free`.
fn take_string(extra: &mut crate::model::Extra, key: &str, free: bool) -> Option<String> {
    let s = extra.get(key)?.as_str()?.trim().to_owned();
    if !free || s.is_empty() {
        return None;
    }
    extra.remove(key);
    Some(s)
}
