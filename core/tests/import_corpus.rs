//! Every table of `tests/corpus/` (CSV and HTML) imports to the values of its `.expected.json`
//! (see `tests/corpus/README.md`): field-level accuracy is printed per file and per field, and
//! the test fails below 95% of the non-null expected values.
#![allow(clippy::unwrap_used)]

use gongkai::import::hanzi::to_simplified;
use gongkai::import::text::{fold_width, strip_glosses};
use gongkai::import::{Format, ImportOptions, Imported, import_bytes};
use gongkai::model::{Audience, Channel, Level, Method};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus")
}

/// Both sides: widths folded, glosses stripped, white space removed, simplified.
fn norm(s: &str) -> String {
    let f = fold_width(s);
    let (g, _) = strip_glosses(&f);
    to_simplified(&g.chars().filter(|c| !c.is_whitespace()).collect::<String>())
}

fn channel_code(name: &str) -> Option<Channel> {
    Channel::ALL
        .iter()
        .copied()
        .find(|c| norm(c.zh()) == norm(name))
}

fn level_codes(label: &str) -> Vec<Level> {
    match norm(label).as_str() {
        "市级" | "州级" => vec![Level::City],
        "县级" => vec![Level::County],
        "乡级" | "镇级" => vec![Level::Township],
        "村级" => vec![Level::Village],
        "乡、村级" | "镇、村级" => vec![Level::Township, Level::Village],
        other => panic!("unknown level label in expectations: {other}"),
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[derive(Default, Clone, Copy)]
struct Score {
    ok: usize,
    total: usize,
}

impl Score {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        if ok {
            self.ok += 1;
        }
    }
    fn pct(self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            100.0 * self.ok as f64 / self.total as f64
        }
    }
}

fn has_finding(imp: &Imported, code: &str, path: &str) -> bool {
    imp.findings
        .iter()
        .any(|f| f.code == code && f.path == path)
}

fn compare(
    imp: &Imported,
    expected: &Value,
    per_field: &mut BTreeMap<String, Score>,
    misses: &mut Vec<String>,
    file: &str,
) -> Score {
    let mut score = Score::default();
    let cat = &imp.catalogue;
    // Item index by data row (two header rows in every corpus table).
    let mut by_row: BTreeMap<u32, usize> = BTreeMap::new();
    for i in 0..cat.items.len() {
        let loc = imp.sources.get(&format!("/items/{i}")).unwrap();
        by_row.insert(loc.row - 2, i);
    }
    let rows = expected["rows"].as_array().unwrap();
    // No item beyond the expected ones.
    let want_rows: BTreeSet<u32> = rows
        .iter()
        .map(|r| r["row"].as_u64().unwrap() as u32)
        .collect();
    let extra: Vec<u32> = by_row
        .keys()
        .filter(|r| !want_rows.contains(r))
        .copied()
        .collect();
    let mut rec = |field: &str, ok: bool, detail: String, score: &mut Score| {
        score.add(ok);
        per_field.entry(field.to_owned()).or_default().add(ok);
        if !ok {
            misses.push(format!("{file} {field}: {detail}"));
        }
    };
    rec(
        "items",
        extra.is_empty(),
        format!("unexpected items at data rows {extra:?}"),
        &mut score,
    );
    for r in rows {
        let row = r["row"].as_u64().unwrap() as u32;
        let Some(&i) = by_row.get(&row) else {
            for (k, v) in r.as_object().unwrap() {
                if k != "row" && !v.is_null() {
                    rec(k, false, format!("row {row}: no item"), &mut score);
                }
            }
            continue;
        };
        let it = &cat.items[i];
        let ctx = format!("row {row}");
        for key in ["category", "name", "subject"] {
            if let Some(want) = r[key].as_str() {
                let got = match key {
                    "category" => it.category.as_str(),
                    "name" => it.name.as_str(),
                    _ => it.subject.as_str(),
                };
                rec(
                    key,
                    norm(got) == norm(want),
                    format!("{ctx}: got {got:?}, want {want:?}"),
                    &mut score,
                );
            }
        }
        if !r["channels_selected"].is_null() {
            let want: BTreeSet<Channel> = strings(&r["channels_selected"])
                .iter()
                .map(|n| channel_code(n).unwrap_or_else(|| panic!("not a channel: {n}")))
                .collect();
            let got: BTreeSet<Channel> = it.channels.iter().copied().collect();
            rec(
                "channels_selected",
                got == want,
                format!("{ctx}: got {got:?}, want {want:?}"),
                &mut score,
            );
        }
        if !r["other_channels"].is_null() {
            let want: BTreeSet<String> = strings(&r["other_channels"])
                .iter()
                .map(|s| norm(s))
                .collect();
            let got: BTreeSet<String> = it.other_channels.iter().map(|s| norm(s)).collect();
            rec(
                "other_channels",
                got == want,
                format!("{ctx}: got {got:?}, want {want:?}"),
                &mut score,
            );
        }
        if let Some(want) = r["channels_ambiguous"].as_bool() {
            let got = has_finding(
                imp,
                "import.channel_ambiguous",
                &format!("/items/{i}/channels"),
            );
            rec(
                "channels_ambiguous",
                got == want,
                format!("{ctx}: got {got}, want {want}"),
                &mut score,
            );
        }
        if !r["audience"].is_null() {
            let want: BTreeSet<Audience> = strings(&r["audience"])
                .iter()
                .map(|a| match norm(a).as_str() {
                    "全社会" => Audience::Public,
                    _ => Audience::SpecificGroups,
                })
                .collect();
            let got: BTreeSet<Audience> = it.audience.iter().copied().collect();
            rec(
                "audience",
                got == want,
                format!("{ctx}: got {got:?}, want {want:?}"),
                &mut score,
            );
        }
        if !r["method"].is_null() {
            let want: BTreeSet<Method> = strings(&r["method"])
                .iter()
                .map(|a| {
                    if norm(a) == "主动" {
                        Method::Proactive
                    } else {
                        Method::OnRequest
                    }
                })
                .collect();
            let got: BTreeSet<Method> = it.method.iter().copied().collect();
            rec(
                "method",
                got == want,
                format!("{ctx}: got {got:?}, want {want:?}"),
                &mut score,
            );
        }
        if !r["levels"].is_null() {
            let want: BTreeSet<Level> = strings(&r["levels"])
                .iter()
                .flat_map(|l| level_codes(l))
                .collect();
            let got: BTreeSet<Level> = it.levels.iter().copied().collect();
            rec(
                "levels",
                got == want,
                format!("{ctx}: got {got:?}, want {want:?}"),
                &mut score,
            );
        }
        if let Some(want) = r["time_limit_text"].as_str() {
            let got = it.time_limit.text.as_deref().unwrap_or("");
            rec(
                "time_limit_text",
                norm(got) == norm(want),
                format!("{ctx}: got {got:?}, want {want:?}"),
                &mut score,
            );
        }
        if r["time_limit"].is_object() {
            let t = &r["time_limit"];
            let kind = t["kind"].as_str().unwrap();
            let tl = &it.time_limit;
            let ok = if kind == "same_as_above" {
                let prev = i.checked_sub(1).map(|p| cat.items[p].time_limit.kind);
                has_finding(
                    imp,
                    "import.same_as_above",
                    &format!("/items/{i}/time_limit"),
                ) && prev == Some(tl.kind)
            } else {
                tl.kind.code() == kind
                    && t["days"].as_u64().is_none_or(|d| tl.days == Some(d as u32))
                    && t["from"]
                        .as_str()
                        .is_none_or(|f| tl.from.map(|a| a.code()) == Some(f))
            };
            rec(
                "time_limit",
                ok,
                format!("{ctx}: got {tl:?}, want {t}"),
                &mut score,
            );
        }
        if !r["basis_titles"].is_null() {
            let want: Vec<String> = strings(&r["basis_titles"])
                .iter()
                .map(|s| norm(s))
                .collect();
            let got: Vec<String> = it.basis.iter().map(|c| norm(&c.title)).collect();
            rec(
                "basis_titles",
                got == want,
                format!("{ctx}: got {got:?}, want {want:?}"),
                &mut score,
            );
        }
    }
    score
}

#[test]
fn corpus_accuracy() {
    let dir = corpus_dir();
    let mut expected: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    expected.sort();
    assert!(
        expected.len() >= 12,
        "corpus not found in {}",
        dir.display()
    );
    let mut per_field: BTreeMap<String, Score> = BTreeMap::new();
    let mut total = Score::default();
    let mut misses = Vec::new();
    println!("{:<52} {:>6} {:>6} {:>7}", "file", "ok", "total", "acc");
    for exp_path in &expected {
        let stem = exp_path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".expected.json", "");
        let exp: Value = serde_json::from_slice(&std::fs::read(exp_path).unwrap()).unwrap();
        for (ext, fmt) in [("csv", Format::Csv), ("html", Format::Html)] {
            let file = format!("{stem}.{ext}");
            let bytes = std::fs::read(dir.join(&file)).unwrap();
            let opts = ImportOptions::default().file_name(file.clone());
            let imp = import_bytes(&bytes, fmt, &opts)
                .unwrap_or_else(|e| panic!("{file}: import failed: {e}"));
            let s = compare(&imp, &exp, &mut per_field, &mut misses, &file);
            println!("{file:<52} {:>6} {:>6} {:>6.1}%", s.ok, s.total, s.pct());
            total.ok += s.ok;
            total.total += s.total;
        }
    }
    println!();
    println!("{:<52} {:>6} {:>6} {:>7}", "field", "ok", "total", "acc");
    for (f, s) in &per_field {
        println!("{f:<52} {:>6} {:>6} {:>6.1}%", s.ok, s.total, s.pct());
    }
    println!(
        "{:<52} {:>6} {:>6} {:>6.1}%",
        "TOTAL",
        total.ok,
        total.total,
        total.pct()
    );
    for m in &misses {
        println!("MISS {m}");
    }
    assert!(
        total.pct() >= 95.0,
        "corpus accuracy {:.1}% < 95%",
        total.pct()
    );
}
