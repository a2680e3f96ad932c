//! The diff against the upper-level standard and the consistency check, through the public
//! API, on the shared fixtures of `tests/diff/` (also read by the Python and JS tests).
#![allow(clippy::unwrap_used)]

use gongkai::diff::{self, DiffOptions, DiffReport};
use gongkai::{Catalogue, Lang, Location, Severity, SourceMap};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/diff")
}

fn read_catalogue(path: &Path) -> Catalogue<'static> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Catalogue::from_json(&bytes)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .into_owned()
}

fn resolve(dir: &Path, spec: &str) -> Catalogue<'static> {
    diff::reference(spec).unwrap_or_else(|| read_catalogue(&dir.join(spec)))
}

fn cases() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in [fixtures(), fixtures().join("corpus")] {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.to_string_lossy().ends_with(".expected.json") {
                out.push(p);
            }
        }
    }
    out.sort();
    assert!(out.len() >= 12, "fixtures not found: {out:?}");
    out
}

fn run_case(
    case: &Value,
    dir: &Path,
    reference: &Catalogue<'_>,
    local: &Catalogue<'_>,
    lang: Lang,
) -> DiffReport {
    let mut options: DiffOptions = serde_json::from_value(case["options"].clone()).unwrap();
    options = options.lang(lang);
    let _ = dir;
    match case["mode"].as_str() {
        Some("consistency") => diff::consistency(reference, local, &options),
        _ => diff::diff(reference, local, &options),
    }
}

fn triple(
    code: &str,
    r: Option<&str>,
    l: Option<&str>,
) -> (String, Option<String>, Option<String>) {
    (code.to_owned(), r.map(str::to_owned), l.map(str::to_owned))
}

fn check_case(path: &Path, codes_seen: &mut BTreeSet<String>) {
    let dir = path.parent().unwrap();
    let name = path.display().to_string();
    let case: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let reference = resolve(dir, case["reference"].as_str().unwrap());
    let local = read_catalogue(&dir.join(case["local"].as_str().unwrap()));
    let report = run_case(&case, dir, &reference, &local, Lang::Zh);
    let exp = &case["expected"];

    assert_eq!(Value::Bool(report.valid), exp["valid"], "{name}: valid");
    let cov = serde_json::to_value(&report.coverage).unwrap();
    for (k, v) in exp["coverage"].as_object().unwrap() {
        let got = &cov[k];
        match (got.as_f64(), v.as_f64()) {
            (Some(a), Some(b)) => assert!(
                (a - b).abs() < 1e-9,
                "{name}: coverage.{k} = {a}, expected {b}"
            ),
            _ => panic!("{name}: coverage.{k} = {got}, expected {v}"),
        }
    }
    if let Some(ms) = exp.get("matches") {
        let got: Vec<(String, String, String)> = report
            .matches
            .iter()
            .map(|m| {
                (
                    m.reference_path.clone(),
                    m.local_path.clone(),
                    m.method.code().to_owned(),
                )
            })
            .collect();
        let want: Vec<(String, String, String)> = ms
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["reference_path"].as_str().unwrap().to_owned(),
                    m["local_path"].as_str().unwrap().to_owned(),
                    m["method"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        assert_eq!(got, want, "{name}: matches");
    }
    let mut got: Vec<_> = report
        .findings
        .iter()
        .map(|f| triple(&f.code, f.reference_path(), f.local_path()))
        .collect();
    let mut want: Vec<_> = exp["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            triple(
                f["code"].as_str().unwrap(),
                f["reference_path"].as_str(),
                f["local_path"].as_str(),
            )
        })
        .collect();
    got.sort();
    want.sort();
    assert_eq!(
        got, want,
        "{name}: findings (code, reference_path, local_path)"
    );
    if let Some(c) = exp.get("candidate_paths") {
        for (rp, paths) in c.as_object().unwrap() {
            let f = report
                .findings
                .iter()
                .find(|f| f.code == "diff.ambiguous_match" && f.reference_path() == Some(rp))
                .unwrap();
            let want: Vec<&str> = paths
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap())
                .collect();
            assert_eq!(f.params["candidate_paths"], want.join(","), "{name}");
        }
    }

    // Counts and severities agree with the findings; every message is rendered in both languages.
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    assert_eq!(report.counts.error, errors, "{name}");
    assert_eq!(report.valid, errors == 0, "{name}");
    let en = run_case(&case, dir, &reference, &local, Lang::En);
    assert_eq!(en.findings.len(), report.findings.len());
    for (zh, en) in report.findings.iter().zip(&en.findings) {
        assert_eq!(zh.code, en.code);
        for m in [&zh.message, &en.message] {
            assert!(
                !m.is_empty() && !m.contains("{"),
                "{name}: unrendered message {m}"
            );
        }
        assert!(
            zh.message
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{}",
            zh.message
        );
        assert_ne!(zh.message, en.message, "{name}: {}", zh.code);
        assert_eq!(zh.code.severity(), zh.severity, "{name}: {}", zh.code);
        codes_seen.insert(zh.code.to_string());
    }

    // Deterministic.
    assert_eq!(
        report.to_json(),
        run_case(&case, dir, &reference, &local, Lang::Zh).to_json()
    );

    // The real table, imported, must give the same item-level answer.
    if let Some(table) = case.get("table").and_then(Value::as_str) {
        let tpath = dir.join(table);
        let bytes = std::fs::read(&tpath).unwrap_or_else(|e| panic!("{}: {e}", tpath.display()));
        match gongkai::import::load(
            &bytes,
            &gongkai::import::ImportOptions::default().file_name(tpath.to_string_lossy()),
        ) {
            Err(e) => panic!("{}: {e}", tpath.display()),
            Ok(loaded) => {
                let imported = run_case(&case, dir, &reference, &loaded.catalogue, Lang::Zh);
                let key = |r: &DiffReport| {
                    let mut v: Vec<_> = r
                        .findings
                        .iter()
                        .filter(|f| {
                            matches!(
                                f.code.as_str(),
                                "diff.missing_item"
                                    | "diff.missing_uncertain_item"
                                    | "diff.ambiguous_match"
                            )
                        })
                        .map(|f| (f.code.to_string(), f.reference_path().map(str::to_owned)))
                        .collect();
                    v.sort();
                    (r.coverage.matched, r.coverage.missing, v)
                };
                assert_eq!(
                    key(&imported),
                    key(&report),
                    "{}: imported table",
                    tpath.display()
                );
            }
        }
    }
}

#[test]
fn fixtures_give_the_expected_findings() {
    let mut seen = BTreeSet::new();
    for case in cases() {
        check_case(&case, &mut seen);
    }
    // Every diff code is shown by at least one fixture.
    for code in gongkai::codes::diff::ALL {
        assert!(seen.contains(code.as_str()), "no fixture triggers {code}");
    }
}

#[test]
fn the_embedded_reference_is_a_valid_catalogue() {
    let json = diff::reference_json("municipal_services").unwrap();
    let report = gongkai::validate_json(json.as_bytes()).unwrap();
    assert!(report.valid, "{:#?}", report.issues);
    let cat = diff::reference("municipal_services").unwrap();
    assert!(gongkai::structurally_valid(&cat));
    // Its provenance and per-item metadata are extra keys: reported as unknown keys (warnings).
    let unknown: BTreeSet<&str> = report
        .issues
        .iter()
        .filter(|i| i.code == "model.unknown_key")
        .map(|i| i.path.as_str())
        .collect();
    let mut want: BTreeSet<String> = ["/notes", "/provenance"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    for i in 0..cat.items.len() {
        want.insert(format!("/items/{i}/reference"));
    }
    assert_eq!(unknown, want.iter().map(String::as_str).collect());
    // Canonical form: the file is exactly what the library writes.
    assert_eq!(json, format!("{}\n", cat.to_json_pretty()));
    // Every item says how sure the reconstruction is, and marks the placeholder subjects.
    for it in &cat.items {
        let meta = &it.extra["reference"];
        assert!(
            matches!(meta["certainty"].as_str(), Some("confirmed" | "uncertain")),
            "{}",
            it.name
        );
        assert_eq!(
            meta["placeholder_subject"],
            Value::Bool(true),
            "{}",
            it.name
        );
        assert!(it.channels.contains(&gongkai::model::Channel::GovWebsite));
    }
    assert_eq!(diff::REFERENCE_NAMES, &["municipal_services"]);
}

/// The example catalogue of 武陟县城市管理局, when it is in the repository: no reference item
/// of confirmed standing is missing.
#[test]
fn wuzhi_example_against_the_reference() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/wuzhi-municipal.json");
    let local_fixture = read_catalogue(&fixtures().join("localised.json"));
    let reference = diff::reference("municipal_services").unwrap();
    let mut catalogues = vec![("tests/diff/localised.json".to_owned(), local_fixture)];
    if path.exists() {
        catalogues.push((path.display().to_string(), read_catalogue(&path)));
    }
    for (name, local) in catalogues {
        let report = diff::diff(&reference, &local, &DiffOptions::default());
        let missing: Vec<&str> = report
            .findings
            .iter()
            .filter(|f| f.code == "diff.missing_item")
            .map(|f| f.message.as_str())
            .collect();
        assert!(missing.is_empty(), "{name}: {missing:#?}");
        if name.ends_with("wuzhi-municipal.json") {
            // The bureau's example is compiled against the standard: everything present, kept.
            assert_eq!(
                report.coverage.matched, report.coverage.reference_items,
                "{name}"
            );
            assert_eq!(
                report.coverage.fully_kept, report.coverage.reference_items,
                "{name}"
            );
            assert!(report.valid, "{name}");
        }
        assert!(
            report.coverage.matched >= 5,
            "{name}: {:?}",
            report.coverage
        );
    }
}

#[test]
fn min_severity_filters_but_keeps_the_verdict() {
    let reference = diff::reference("municipal_services").unwrap();
    let local = read_catalogue(&fixtures().join("weakened.json"));
    let all = diff::diff(&reference, &local, &DiffOptions::default());
    let errors_only = diff::diff(
        &reference,
        &local,
        &DiffOptions::default().min_severity(Severity::Error),
    );
    assert!(!errors_only.valid);
    assert_eq!(errors_only.counts.error, all.counts.error);
    assert_eq!(errors_only.counts.info, 0);
    assert!(
        errors_only
            .findings
            .iter()
            .all(|f| f.severity == Severity::Error)
    );
    let local = read_catalogue(&fixtures().join("missing.json"));
    let only_warnings = diff::diff(
        &reference,
        &local,
        &DiffOptions::default().min_severity(Severity::Warning),
    );
    assert!(
        !only_warnings.valid,
        "an error filtered out still makes the report invalid"
    );
}

#[test]
fn locations_are_attached_from_source_maps() {
    let reference = diff::reference("municipal_services").unwrap();
    let local = read_catalogue(&fixtures().join("weakened.json"));
    let mut map = SourceMap::new();
    let loc = Location {
        sheet: Some("Sheet1".into()),
        row: 3,
        column: Some("F".into()),
        header: Some("公开时限".into()),
    };
    map.insert("/items/0/time_limit", loc.clone());
    let report =
        diff::diff(&reference, &local, &DiffOptions::default()).with_locations(None, Some(&map));
    let f = report
        .findings
        .iter()
        .find(|f| f.code == "diff.weakened_time_limit")
        .unwrap();
    assert_eq!(f.local_location(), Some(&loc));
    assert_eq!(f.reference_location(), None);
    let json: Value = serde_json::from_str(&report.to_json()).unwrap();
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["local_location"]["row"] == 3)
    );
}

#[test]
fn report_matches_its_schema() {
    let reference = diff::reference("municipal_services").unwrap();
    let local = read_catalogue(&fixtures().join("ambiguous.json"));
    let report = diff::diff(&reference, &local, &DiffOptions::default());
    let schema = diff::report_schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let instance = serde_json::to_value(&report).unwrap();
    assert!(
        validator.is_valid(&instance),
        "{:?}",
        validator
            .iter_errors(&instance)
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    );
    // The report round-trips through serde (what the bindings do).
    let back: DiffReport = serde_json::from_value(instance).unwrap();
    assert_eq!(back, report);
}

#[test]
fn match_reasons_explain_the_wording() {
    let m = diff::compare_names("燃气经营许可证核发", "燃气经营许可");
    assert!(m.score >= 0.9 && m.reason_zh.contains("后缀"), "{m:?}");
    let m = diff::compare_names("燃气经营者改动市政燃气设施审批", "改动市政天然气设施审批");
    assert!(m.score >= 0.6 && m.reason_zh.contains("天然气"), "{m:?}");
    let m = diff::compare_names("燃气经营许可证核发", "燃氣經營許 可證核發");
    assert_eq!(m.method, diff::MatchMethod::Normalized);
    let m = diff::compare_names("燃气经营许可证核发", "未取得燃气经营许可证从事燃气经营活动");
    assert!(m.score < 0.6, "{m:?}");
}

#[test]
fn never_panics_on_odd_catalogues() {
    let reference = diff::reference("municipal_services").unwrap();
    let mut odd = reference.clone();
    for it in &mut odd.items {
        it.name = "".into();
        it.category = "  ".into();
        it.content = vec!["".into(), "、、；".into()];
        it.basis.clear();
        it.subject = "".into();
        it.time_limit = gongkai::TimeLimit::unparsed("");
    }
    odd.items.push(odd.items[0].clone());
    for opts in [
        DiffOptions::default(),
        DiffOptions::default().threshold(0.0).margin(1.0),
    ] {
        let r = diff::diff(&reference, &odd, &opts);
        assert_eq!(r.coverage.reference_items, reference.items.len());
        let _ = diff::consistency(&odd, &odd, &opts);
        let _ = diff::diff(&odd, &reference, &opts);
    }
    let mut empty = reference.clone();
    empty.items.clear();
    let r = diff::diff(&empty, &reference, &DiffOptions::default());
    assert_eq!(r.coverage.present_share, 0.0);
    assert_eq!(r.coverage.local_additions, reference.items.len());
}

/// The embedded reference follows the 1.1 model: 制定或获取 is `formed_or_obtained`, and every
/// value no source shows is listed in `reference.inferred`; a finding about such a value says so.
#[test]
fn inferred_reference_values_are_marked_in_the_file_and_in_messages() {
    let reference = diff::reference("municipal_services").unwrap();
    assert_eq!(reference.schema_version, "1.1");
    let water = &reference.items[7];
    assert!(water.time_limit.text.as_deref().unwrap().contains("获取"));
    assert_eq!(
        water.time_limit.from,
        Some(gongkai::model::Anchor::FormedOrObtained)
    );
    let penalty = &reference.items[6];
    assert_eq!(penalty.name, "城市园林绿化行政处罚");
    let inferred = |it: &gongkai::Item<'_>| -> Vec<String> {
        it.extra["reference"]["inferred"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    };
    assert!(inferred(penalty).contains(&"time_limit".to_owned()));
    assert!(!inferred(&reference.items[0]).contains(&"time_limit".to_owned()));

    // A local copy with a longer limit on both items: only the inferred one says so.
    let mut local = reference.clone();
    for it in &mut local.items {
        it.subject = "武陟县城市管理局".into();
    }
    for k in [0, 6] {
        local.items[k].time_limit =
            gongkai::TimeLimit::working_days(30, gongkai::model::Anchor::FormedOrChanged);
    }
    for lang in [gongkai::Lang::Zh, gongkai::Lang::En] {
        let report = diff::diff(&reference, &local, &DiffOptions::default().lang(lang));
        let weakened: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.code == "diff.weakened_time_limit")
            .collect();
        assert_eq!(weakened.len(), 2);
        for f in weakened {
            let on_inferred = f.reference_path() == Some("/items/6/time_limit");
            let note = if lang == gongkai::Lang::Zh {
                "推定"
            } else {
                "inferred"
            };
            assert_eq!(f.message.contains(note), on_inferred, "{}", f.message);
            assert_eq!(f.params.contains_key("inferred_field"), on_inferred);
        }
    }
}
