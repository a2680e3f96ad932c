//! Which files are which units: names from file names, the manifest, records files, parents.

use crate::codes::{self, Code};
use crate::error::Error;
use crate::issue::{Finding, Issue, Lang};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// One unit to evaluate: its name, its catalogue file, its records file and its parent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct UnitSpec {
    /// The unit's name (单位).
    pub unit: String,
    /// The catalogue file's name or path, as the reader knows it.
    pub catalogue: String,
    /// The records file's name or path.
    #[serde(default)]
    pub records: Option<String>,
    /// The unit whose catalogue this one must agree with (a village's township …).
    #[serde(default)]
    pub parent: Option<String>,
}

/// The units and what was noticed while pairing files.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// The units, in input order.
    pub units: Vec<UnitSpec>,
    /// Manifest and file problems (rendered).
    pub issues: Vec<Issue>,
}

/// The last part of a path (`/` or `\` separated).
pub fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// A file name without its extension.
fn stem(path: &str) -> &str {
    let name = file_name(path);
    match name.rsplit_once('.') {
        Some((s, _)) if !s.is_empty() => s,
        _ => name,
    }
}

/// The unit a file is named after: its name without extension and without a leading order
/// prefix (`01-`, `2_`, `03.`, `04、`, `05 `): `01-武陟县城市管理局.xlsx` → `武陟县城市管理局`.
pub fn unit_name(path: &str) -> String {
    let s = stem(path).trim();
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let rest = &s[digits..];
        let mut chars = rest.chars();
        if let Some(sep) = chars.next() {
            if matches!(sep, '-' | '_' | '.' | '、' | ' ' | '－' | '—') {
                let name = chars.as_str().trim();
                if !name.is_empty() {
                    return name.to_owned();
                }
            }
        }
    }
    s.to_owned()
}

/// Whether a file in an input folder is read as a catalogue: `.json`, `.csv`, `.xlsx`, `.xls`, `.docx`,
/// `.html` or `.htm`, not hidden and not a spreadsheet's lock file (`~$…`).
pub fn is_catalogue_file(name: &str) -> bool {
    has_extension(name, crate::batch::CATALOGUE_EXTENSIONS)
}

/// Whether a file in a records folder is read as records: `.csv`, `.tsv`, `.txt` or `.json`.
pub fn is_records_file(name: &str) -> bool {
    has_extension(name, &["csv", "tsv", "txt", "json"])
}

fn has_extension(name: &str, exts: &[&str]) -> bool {
    let name = file_name(name);
    if name.starts_with('.') || name.starts_with("~$") {
        return false;
    }
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && exts.iter().any(|e| ext.eq_ignore_ascii_case(e))
    })
}

/// A path compared with another: `\` as `/`, no leading `./`.
fn norm(path: &str) -> String {
    let p = path.replace('\\', "/");
    let mut s = p.as_str();
    while let Some(r) = s.strip_prefix("./") {
        s = r;
    }
    s.to_owned()
}

/// Joins a manifest's folder and a path it names (absolute paths stay as they are).
fn join(base: Option<&str>, rel: &str) -> String {
    let rel = rel.trim();
    let absolute =
        rel.starts_with('/') || rel.starts_with('\\') || rel.as_bytes().get(1) == Some(&b':');
    match base {
        Some(b) if !absolute && !b.is_empty() => {
            format!("{}/{}", b.trim_end_matches(['/', '\\']), norm(rel))
        }
        _ => rel.to_owned(),
    }
}

/// One row of a manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestRow {
    /// The CSV line.
    pub line: u64,
    /// The unit.
    pub unit: String,
    /// The catalogue path, joined to the manifest's folder.
    pub catalogue: String,
    /// The records path, joined to the manifest's folder.
    pub records: Option<String>,
    /// The parent unit.
    pub parent: Option<String>,
}

/// A manifest (`units.csv`): columns `unit, catalogue, records, parent` (also 单位, 目录, 记录,
/// 上级); paths are relative to the manifest's folder.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Manifest {
    /// The usable rows.
    pub rows: Vec<ManifestRow>,
    /// Rows that cannot be used (findings, rendered by [`plan`]).
    pub findings: Vec<Finding>,
}

fn column_key(h: &str) -> Option<&'static str> {
    match h
        .trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .as_str()
    {
        "unit" | "单位" | "单位名称" | "name" => Some("unit"),
        "catalogue" | "catalog" | "目录" | "目录文件" | "file" => Some("catalogue"),
        "records" | "记录" | "公开记录" | "记录文件" => Some("records"),
        "parent" | "上级" | "上级单位" => Some("parent"),
        _ => None,
    }
}

impl Manifest {
    /// Reads a manifest (UTF-8 CSV with a header row). `base` is the manifest's folder, which
    /// the paths it names are relative to. A manifest without a `unit` or `catalogue` column,
    /// or that is not UTF-8 CSV, is an error; a bad row is a finding and is left out.
    pub fn parse(bytes: &[u8], base: Option<&str>) -> Result<Manifest, Error> {
        let text =
            std::str::from_utf8(crate::json::strip_bom(bytes)).map_err(|e| Error::Import {
                format: "CSV".into(),
                message: format!(
                    "单位清单不是 UTF-8 编码（第 {} 字节起）：请另存为 UTF-8",
                    e.valid_up_to() + 1
                ),
                location: None,
            })?;
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let csv_error = |e: csv::Error| Error::Import {
            format: "CSV".into(),
            message: format!(
                "单位清单第 {} 行：{e}",
                e.position().map_or(0, csv::Position::line)
            ),
            location: None,
        };
        let headers = rdr.headers().map_err(csv_error)?.clone();
        let mut cols: HashMap<&'static str, usize> = HashMap::new();
        for (i, h) in headers.iter().enumerate() {
            if let Some(k) = column_key(h) {
                cols.entry(k).or_insert(i);
            }
        }
        for need in ["unit", "catalogue"] {
            if !cols.contains_key(need) {
                return Err(Error::InvalidArgument(format!(
                    "单位清单缺少 {need} 列（第一行应为列名：unit,catalogue,records,parent）"
                )));
            }
        }
        let mut m = Manifest::default();
        let mut seen_units: HashMap<String, u64> = HashMap::new();
        let mut seen_files: HashMap<String, u64> = HashMap::new();
        for rec in rdr.records() {
            let rec = rec.map_err(csv_error)?;
            if rec.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            let line = rec.position().map_or(0, csv::Position::line);
            let get = |k: &str| {
                cols.get(k)
                    .and_then(|i| rec.get(*i))
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
            };
            let row_finding = |code: Code, pairs: &[(&str, String)]| {
                let mut f = Finding::new(code, "", None, pairs);
                f.params.insert("line", line.to_string());
                f
            };
            let (Some(unit), Some(catalogue)) = (get("unit"), get("catalogue")) else {
                let column = if get("unit").is_none() {
                    "unit"
                } else {
                    "catalogue"
                };
                m.findings.push(row_finding(
                    codes::evaluate::MANIFEST_ROW,
                    &[("column", column.to_owned())],
                ));
                continue;
            };
            let catalogue = join(base, &catalogue);
            for (column, value, seen) in [
                ("单位", &unit, &mut seen_units),
                ("目录文件", &catalogue, &mut seen_files),
            ] {
                if let Some(other) = seen.get(value) {
                    m.findings.push(row_finding(
                        codes::evaluate::MANIFEST_DUPLICATE,
                        &[
                            ("column", column.to_owned()),
                            ("value", value.clone()),
                            ("other_line", other.to_string()),
                        ],
                    ));
                }
            }
            if seen_units.contains_key(&unit) || seen_files.contains_key(&catalogue) {
                continue;
            }
            seen_units.insert(unit.clone(), line);
            seen_files.insert(catalogue.clone(), line);
            m.rows.push(ManifestRow {
                line,
                unit,
                records: get("records").map(|r| join(base, &r)),
                catalogue,
                parent: get("parent"),
            });
        }
        Ok(m)
    }
}

/// Pairs catalogue files with units and records files.
///
/// - Without a manifest, each catalogue file is a unit named by [`unit_name`]; two files giving
///   the same name keep both, the later one renamed `名称（文件名）` with a warning.
/// - With a manifest, its rows are the units (their files need not be among `catalogues`);
///   a catalogue file it does not name is evaluated under its file name, with a warning.
/// - A records file belongs to the unit the manifest gives it to, else to the catalogue file of
///   the same name ([`unit_name`] of both, or the same stem), else, when there is one unit and
///   one records file, to that unit. Records files left over are reported.
pub fn plan(
    catalogues: &[String],
    records: &[String],
    manifest: Option<&Manifest>,
    lang: Lang,
) -> Plan {
    let mut findings: Vec<Finding> = Vec::new();
    let mut units: Vec<UnitSpec> = Vec::new();
    let mut taken: HashSet<usize> = HashSet::new();
    if let Some(m) = manifest {
        findings.extend(m.findings.iter().cloned());
        for row in &m.rows {
            // The input file this row names: the same path, or the only one with its name.
            let want = norm(&row.catalogue);
            let exact = catalogues.iter().position(|c| norm(c) == want);
            let by_name = || {
                let hits: Vec<usize> = catalogues
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| file_name(c) == file_name(&row.catalogue))
                    .map(|(i, _)| i)
                    .collect();
                (hits.len() == 1).then(|| hits[0])
            };
            let file = match exact.or_else(by_name) {
                Some(i) => {
                    taken.insert(i);
                    catalogues[i].clone()
                }
                None => row.catalogue.clone(),
            };
            units.push(UnitSpec {
                unit: row.unit.clone(),
                catalogue: file,
                records: row.records.clone(),
                parent: row.parent.clone(),
            });
        }
    }
    let mut names: HashMap<String, String> = units
        .iter()
        .map(|u| (u.unit.clone(), u.catalogue.clone()))
        .collect();
    for (i, c) in catalogues.iter().enumerate() {
        if taken.contains(&i) {
            continue;
        }
        let mut unit = unit_name(c);
        if manifest.is_some() {
            findings.push(Finding::new(
                codes::evaluate::NOT_IN_MANIFEST,
                "",
                None,
                &[("file", c.clone()), ("unit", unit.clone())],
            ));
        }
        if let Some(other) = names.get(&unit) {
            let renamed = format!("{unit}（{}）", file_name(c));
            findings.push(Finding::new(
                codes::evaluate::DUPLICATE_UNIT,
                "",
                None,
                &[
                    ("file", c.clone()),
                    ("other", other.clone()),
                    ("unit", unit.clone()),
                    ("renamed", renamed.clone()),
                ],
            ));
            unit = renamed;
        }
        names.insert(unit.clone(), c.clone());
        units.push(UnitSpec {
            unit,
            catalogue: c.clone(),
            records: None,
            parent: None,
        });
    }
    // Records files: given by the manifest, else by name.
    let given: HashSet<String> = units.iter().filter_map(|u| u.records.clone()).collect();
    let mut unmatched = Vec::new();
    for r in records {
        if given.contains(r) || given.iter().any(|g| norm(g) == norm(r)) {
            continue;
        }
        let hits: Vec<usize> = units
            .iter()
            .enumerate()
            .filter(|(_, u)| {
                u.records.is_none()
                    && (stem(&u.catalogue) == stem(r) || unit_name(&u.catalogue) == unit_name(r))
            })
            .map(|(i, _)| i)
            .collect();
        match hits.as_slice() {
            [i] => units[*i].records = Some(r.clone()),
            _ if units.len() == 1 && records.len() == 1 && units[0].records.is_none() => {
                units[0].records = Some(r.clone());
            }
            _ => unmatched.push(r.clone()),
        }
    }
    for r in unmatched {
        findings.push(Finding::new(
            codes::evaluate::RECORDS_UNMATCHED,
            "",
            None,
            &[("file", r)],
        ));
    }
    Plan {
        units,
        issues: findings.into_iter().map(|f| f.render(lang, None)).collect(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn unit_names_drop_the_order_prefix() {
        assert_eq!(unit_name("a/01-武陟县城市管理局.xlsx"), "武陟县城市管理局");
        assert_eq!(unit_name("2_木城街道.csv"), "木城街道");
        assert_eq!(unit_name("03、西陶镇.json"), "西陶镇");
        assert_eq!(unit_name("2024年目录.json"), "2024年目录");
        assert_eq!(unit_name("12-.json"), "12-");
        assert_eq!(unit_name("C:\\x\\城管局.html"), "城管局");
    }

    #[test]
    fn records_follow_their_catalogue() {
        let p = plan(
            &["in/01-甲.json".into(), "in/乙.xlsx".into()],
            &[
                "rec/甲.csv".into(),
                "rec/乙.csv".into(),
                "rec/丙.csv".into(),
            ],
            None,
            Lang::Zh,
        );
        assert_eq!(p.units[0].records.as_deref(), Some("rec/甲.csv"));
        assert_eq!(p.units[1].records.as_deref(), Some("rec/乙.csv"));
        assert_eq!(p.issues.len(), 1);
        assert_eq!(p.issues[0].code, "evaluate.records_unmatched");
    }

    #[test]
    fn duplicate_names_are_kept_and_renamed() {
        let p = plan(
            &["a/甲.json".into(), "b/甲.csv".into()],
            &[],
            None,
            Lang::Zh,
        );
        assert_eq!(p.units.len(), 2);
        assert_eq!(p.units[1].unit, "甲（甲.csv）");
        assert_eq!(p.issues[0].code, "evaluate.duplicate_unit");
    }

    #[test]
    fn manifests_name_units_parents_and_records() {
        let csv = "unit,catalogue,records,parent\n\
                   木城街道,town.json,rec/town.csv,\n\
                   东村,v1.json,,木城街道\n\
                   ,v2.json,,\n\
                   西村,v1.json,,木城街道\n\
                   南村,missing.json,,木城街道\n";
        let m = Manifest::parse(csv.as_bytes(), Some("ex")).unwrap();
        assert_eq!(m.rows.len(), 3);
        assert_eq!(m.findings.len(), 2);
        let p = plan(
            &[
                "ex/town.json".into(),
                "ex/v1.json".into(),
                "ex/extra.json".into(),
            ],
            &[],
            Some(&m),
            Lang::Zh,
        );
        let units: Vec<(&str, &str, Option<&str>)> = p
            .units
            .iter()
            .map(|u| (u.unit.as_str(), u.catalogue.as_str(), u.parent.as_deref()))
            .collect();
        assert_eq!(
            units,
            [
                ("木城街道", "ex/town.json", None),
                ("东村", "ex/v1.json", Some("木城街道")),
                ("南村", "ex/missing.json", Some("木城街道")),
                ("extra", "ex/extra.json", None),
            ]
        );
        assert_eq!(p.units[0].records.as_deref(), Some("ex/rec/town.csv"));
        let codes: Vec<&str> = p.issues.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "evaluate.manifest_row",
                "evaluate.manifest_duplicate",
                "evaluate.not_in_manifest"
            ]
        );
        assert!(
            p.issues[1].message.contains("第 5 行"),
            "{}",
            p.issues[1].message
        );
        let err = Manifest::parse(b"name,file_x\n", None).unwrap_err();
        assert!(err.to_string().contains("catalogue"), "{err}");
    }
}
