//! The metadata block (目录信息): `label | value` rows that give the catalogue's own fields,
//! as the exporters write them (above the header of a CSV, or on the XLSX sheet 目录信息; see
//! [`crate::export`]) and as counties often type them above a table (编制单位：…, 编制日期：…).
//!
//! A run of rows is a metadata block when each has text in its first two cells only and at
//! least two of the labels are known ([`crate::layout::meta::ALL`], plus the synonyms
//! counties use: 填报单位, 制表日期 …). A single cell `label：value` with a known label
//! (`编制单位：武陟县城市管理局`, `编制日期：2024年3月1日`) counts on its own; dates written the
//! Chinese way become `YYYY-MM-DD`. Known labels fill
//! the catalogue's fields; any other label becomes a catalogue key outside the model (a label
//! ending in `（JSON）` holds a JSON value); a value that cannot be read (目录层级 “省级”) is
//! kept under its label, with an `import.metadata_unrecognised` warning. Nothing is dropped.

use super::grid::Grid;
use super::text::match_key;
use crate::codes;
use crate::issue::Finding;
use crate::layout::{JSON_SUFFIX, meta};
use crate::model::{BasedOn, Catalogue, Level, Region, Text};
use crate::report::{Location, SourceMap};

/// One `label | value` row.
#[derive(Debug, Clone)]
pub(crate) struct MetaRow {
    /// The label as written (trimmed).
    pub label: String,
    /// The known label it matches ([`meta::ALL`]), if any.
    pub known: Option<&'static str>,
    /// The value as written (trimmed).
    pub value: String,
    /// Where the value is.
    pub loc: Location,
    /// Row index in its grid.
    pub index: usize,
}

fn known_label(label: &str) -> Option<&'static str> {
    let k = match_key(label);
    meta::label(k.trim_end_matches([':', '：']))
}

/// A single cell `编制单位：武陟县城市管理局` (a known label, a colon, a value).
fn colon_row(text: &str) -> Option<(&str, &'static str, &str)> {
    let (label, value) = text.split_once(['：', ':'])?;
    let known = known_label(label)?;
    let value = value.trim();
    // `编制单位：X 编制日期：Y` in one cell is a title line, not one value.
    (!value.is_empty() && !value.contains(['：', ':'])).then_some((label.trim(), known, value))
}

/// The metadata rows among `grid.rows[..to]`, when they form a block (see the module docs).
pub(crate) fn block(grid: &Grid, to: usize) -> Option<Vec<MetaRow>> {
    let mut out = Vec::new();
    let mut colon = Vec::new();
    for (index, row) in grid.rows.iter().enumerate().take(to) {
        let own = |c: usize| {
            row.cells
                .get(c)
                .filter(|x| x.origin.is_none())
                .map_or("", |x| x.text.trim())
        };
        let (label, value) = (own(0), own(1));
        let rest_empty = (2..row.cells.len()).all(|c| own(c).is_empty());
        if value.is_empty() && rest_empty {
            // One cell, `label：value`, as typed above many tables (several per row are not
            // read: the row is a title line then).
            if let Some((l, known, v)) = colon_row(label) {
                colon.push(MetaRow {
                    label: l.to_owned(),
                    known: Some(known),
                    value: dated(known, v),
                    loc: Location {
                        sheet: grid.sheet.clone(),
                        row: row.number,
                        column: Some(Location::column_letter(0)),
                        header: Some(l.to_owned()),
                    },
                    index,
                });
            }
            continue;
        }
        if label.is_empty() || value.is_empty() || !rest_empty {
            continue;
        }
        let known = known_label(label);
        out.push(MetaRow {
            label: label.to_owned(),
            known,
            value: known.map_or_else(|| value.to_owned(), |k| dated(k, value)),
            loc: Location {
                sheet: grid.sheet.clone(),
                row: row.number,
                column: Some(Location::column_letter(1)),
                header: Some(label.to_owned()),
            },
            index,
        });
    }
    if out.iter().filter(|m| m.known.is_some()).count() >= 2 {
        out.extend(colon);
        Some(out)
    } else {
        (!colon.is_empty()).then_some(colon)
    }
}

/// A date written the Chinese way (2024年3月1日) as YYYY-MM-DD, for the date labels.
fn dated(label: &str, value: &str) -> String {
    if matches!(label, meta::ISSUED | meta::UPDATED) {
        if let Some(d) = super::defaults::find_date(value) {
            return d;
        }
    }
    value.to_owned()
}

/// The value of a known label, if present.
pub(crate) fn value<'m>(rows: &'m [MetaRow], label: &str) -> Option<&'m MetaRow> {
    rows.iter().find(|m| m.known == Some(label))
}

/// Fills the catalogue fields the import options do not set from the block: region, 更新日期,
/// 上级标准目录, 标准版本 and the keys outside the model. (目录名称, 领域, 编制单位, 目录层级 and
/// 编制日期 reach the catalogue through the options, see `defaults::fill_header`.)
pub(crate) fn apply(
    cat: &mut Catalogue<'static>,
    rows: &[MetaRow],
    sources: &mut SourceMap,
    findings: &mut Vec<Finding>,
) {
    let get = |label: &str| value(rows, label).map(|m| Text::from(m.value.clone()));
    let mut note = |path: &str, m: &MetaRow| sources.insert(path, m.loc.clone());
    for m in rows {
        let path = match m.known {
            Some(meta::TITLE) => "/title",
            Some(meta::DOMAIN) => "/domain",
            Some(meta::PUBLISHER) => "/publisher",
            Some(meta::LEVEL) => "/level",
            Some(meta::PROVINCE) => "/region/province",
            Some(meta::CITY) => "/region/city",
            Some(meta::COUNTY) => "/region/county",
            Some(meta::TOWNSHIP) => "/region/township",
            Some(meta::REGION_CODE) => "/region/code",
            Some(meta::ISSUED) => "/issued",
            Some(meta::UPDATED) => "/updated",
            Some(meta::BASED_ON) => "/based_on/title",
            Some(meta::BASED_ON_DOC_NO) => "/based_on/doc_no",
            Some(meta::BASED_ON_ISSUER) => "/based_on/issuer",
            Some(meta::SCHEMA_VERSION) => "/schema_version",
            Some(meta::VERSION) => "/version",
            Some(meta::REVISIONS) => "/revisions",
            Some(meta::NEXT_REVIEW) => "/next_review",
            _ => continue,
        };
        note(path, m);
    }
    let (province, city, county) = (get(meta::PROVINCE), get(meta::CITY), get(meta::COUNTY));
    let (township, code) = (get(meta::TOWNSHIP), get(meta::REGION_CODE));
    if province.is_some() || city.is_some() || county.is_some() || township.is_some() {
        cat.region = Some(Region {
            province: province.unwrap_or_default(),
            city: city.unwrap_or_default(),
            county: county.unwrap_or_default(),
            township,
            code,
            extra: Default::default(),
        });
    } else if let Some(m) = value(rows, meta::REGION_CODE) {
        keep(cat, m, findings, "省、市、县");
    }
    if let Some(u) = get(meta::UPDATED) {
        cat.updated = Some(u);
    }
    if let Some(t) = get(meta::BASED_ON) {
        cat.based_on = Some(BasedOn {
            title: t,
            doc_no: get(meta::BASED_ON_DOC_NO),
            issuer: get(meta::BASED_ON_ISSUER),
            extra: Default::default(),
        });
    } else {
        for l in [meta::BASED_ON_DOC_NO, meta::BASED_ON_ISSUER] {
            if let Some(m) = value(rows, l) {
                keep(cat, m, findings, meta::BASED_ON);
            }
        }
    }
    if let Some(v) = get(meta::SCHEMA_VERSION) {
        cat.schema_version = v;
    }
    if let Some(v) = get(meta::VERSION) {
        cat.version = Some(v);
    }
    if let Some(m) = value(rows, meta::REVISIONS) {
        cat.revisions = crate::layout::cells::revisions_of_cell(&m.value);
    }
    if let Some(v) = get(meta::NEXT_REVIEW) {
        cat.next_review = Some(v);
    }
    if let Some(m) = value(rows, meta::LEVEL) {
        if level(&m.value).is_none() {
            keep(cat, m, findings, "市级、县级、乡级或村级");
        }
    }
    for m in rows.iter().filter(|m| m.known.is_none()) {
        let (key, v) = match m.label.strip_suffix(JSON_SUFFIX) {
            Some(k) => match serde_json::from_str::<serde_json::Value>(&m.value) {
                Ok(v) => (k.to_owned(), v),
                Err(_) => (m.label.clone(), serde_json::Value::String(m.value.clone())),
            },
            None => (m.label.clone(), serde_json::Value::String(m.value.clone())),
        };
        sources.insert(
            format!("/{}", crate::json::escape_pointer_token(&key)),
            m.loc.clone(),
        );
        cat.extra.entry(key).or_insert(v);
    }
}

/// Keeps a value the model cannot take under its label, with a warning.
fn keep(cat: &mut Catalogue<'static>, m: &MetaRow, findings: &mut Vec<Finding>, expected: &str) {
    cat.extra
        .entry(m.label.clone())
        .or_insert_with(|| serde_json::Value::String(m.value.clone()));
    findings.push(
        Finding::new(
            codes::import::METADATA_UNRECOGNISED,
            format!("/{}", crate::json::escape_pointer_token(&m.label)),
            None,
            &[
                ("label", m.label.clone()),
                ("value", crate::excerpt(&m.value, 60)),
                ("expected", expected.to_owned()),
            ],
        )
        .at(&m.loc),
    );
}

/// 目录层级 from its Chinese name (市级, 县级 …) or its code.
pub(crate) fn level(s: &str) -> Option<Level> {
    let k = match_key(s);
    Level::ALL
        .iter()
        .copied()
        .find(|l| l.zh() == k || l.code() == k)
}
