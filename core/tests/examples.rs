//! The example catalogues of `examples/`: the 武陟县城市管理局 市政服务 catalogue validates with no
//! issue at all, and each invalid example gives exactly the issues it was written to show.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use gongkai::model::{Level, Method};
use gongkai::{Catalogue, Lang, Options, Validator};
use std::path::PathBuf;

fn example(rel: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples")
        .join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn pairs(rel: &str) -> Vec<(String, String)> {
    let report = gongkai::validate_json(&example(rel)).unwrap();
    let mut v: Vec<_> = report
        .issues
        .iter()
        .map(|i| (i.code.to_string(), i.path.clone()))
        .collect();
    v.sort();
    v
}

fn owned(v: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<_> = v
        .iter()
        .map(|(c, p)| ((*c).to_owned(), (*p).to_owned()))
        .collect();
    v.sort();
    v
}

#[test]
fn wuzhi_example_is_valid_with_no_issue() {
    let bytes = example("wuzhi-municipal.json");
    for lang in [Lang::Zh, Lang::En] {
        // With a today within a year of the update date, not even the staleness rule fires.
        let options = Options::default()
            .lang(lang)
            .today(gongkai::parse_date("2026-11-29").unwrap());
        let report = Validator::new(options).validate_json(&bytes).unwrap();
        assert!(report.valid);
        assert!(report.issues.is_empty(), "{:#?}", report.issues);
    }
    let cat = Catalogue::from_json(&bytes).unwrap();
    assert!(gongkai::structurally_valid(&cat));
    assert!(cat.items.len() >= 22, "{} items", cat.items.len());
    assert_eq!(cat.domain, "municipal_services");
    assert_eq!(cat.level, Level::County);
    let region = cat.region.as_ref().unwrap();
    assert_eq!(
        (&*region.province, &*region.city, &*region.county),
        ("河南省", "焦作市", "武陟县")
    );
    assert_eq!(region.code.as_deref(), Some("410823"));
    assert_eq!(
        cat.based_on.as_ref().and_then(|b| b.doc_no.as_deref()),
        Some("建办厅〔2019〕71号")
    );
    // The county bureau's own duties named in the issue are all there.
    for name in [
        "城镇污水排入排水管网许可证核发",
        "城市建筑垃圾处置核准",
        "从事城市生活垃圾经营性清扫、收集、运输、处理服务审批",
        "设置大型户外广告审批",
        "停止供水或改装、拆除公共供水设施审批",
        "计划停水通知",
        "行政处罚决定",
        "政府信息公开工作年度报告",
    ] {
        assert!(
            cat.items.iter().any(|i| i.name == name),
            "missing item {name}"
        );
    }
    // Localised: one concrete subject, and every proactive item is on the county portal.
    for it in &cat.items {
        assert_eq!(it.subject, "武陟县城市管理局", "{}", it.name);
        assert!(it.basis.iter().all(|b| b.kind.is_some()), "{}", it.name);
        if it.method.contains(&Method::Proactive) {
            assert!(it.channels.contains(&gongkai::model::Channel::GovWebsite));
        }
    }
}

#[test]
fn template_placeholders_example() {
    assert_eq!(
        pairs("invalid/template-placeholders.json"),
        owned(&[
            ("catalogue.fill_in_marker", "/publisher"),
            ("catalogue.fill_in_marker", "/title"),
            ("subject.not_localised", "/items/0/subject"),
            ("subject.not_localised", "/items/1/subject"),
            ("subject.not_localised", "/items/2/subject"),
            ("subject.fill_in_marker", "/items/3/subject"),
            ("time.no_anchor", "/items/0/time_limit"),
            ("time.no_anchor", "/items/1/time_limit"),
            ("time.no_anchor", "/items/2/time_limit"),
            ("time.no_anchor", "/items/3/time_limit"),
        ])
    );
}

#[test]
fn on_request_30_days_example() {
    assert_eq!(
        pairs("invalid/on-request-30-days.json"),
        owned(&[("time.on_request_exceeds_limit", "/items/1/time_limit")])
    );
}

#[test]
fn proactive_without_website_example() {
    assert_eq!(
        pairs("invalid/proactive-without-website.json"),
        owned(&[
            ("channels.website_required", "/items/0/channels"),
            ("channels.website_required", "/items/1/channels"),
        ])
    );
}

#[test]
fn broken_structure_example() {
    let bytes = example("invalid/broken-structure.json");
    let report = gongkai::validate_json(&bytes).unwrap();
    assert!(!report.valid);
    assert_eq!(
        pairs("invalid/broken-structure.json"),
        owned(&[
            ("schema.invalid_date", "/issued"),
            ("schema.required", "/items/0/basis"),
            ("schema.type", "/items/1/levels"),
            ("schema.type", "/items/1/time_limit/days"),
        ])
    );
    let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert!(!gongkai::schema::is_schema_valid(&value));
    assert!(Catalogue::from_json(&bytes).is_err());
}

#[test]
fn every_invalid_example_is_tested() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/invalid");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "broken-structure.json",
            "on-request-30-days.json",
            "proactive-without-website.json",
            "template-placeholders.json"
        ]
    );
    for n in &names {
        let report = gongkai::validate_json(&example(&format!("invalid/{n}"))).unwrap();
        assert!(!report.valid, "{n}");
    }
}

#[path = "../benches/support/gen.rs"]
mod generator;

/// The benchmarks measure what they say: the generated catalogue is clean under every rule
/// (validation of a valid catalogue, no message rendering), and `--issues` gives many issues.
#[test]
fn the_benchmark_generator_makes_a_clean_catalogue() {
    let v = gongkai::Validator::default();
    let clean = v
        .validate_json(generator::catalogue_json(500, 1, false).as_bytes())
        .unwrap();
    assert_eq!(clean.items, 500);
    assert!(
        clean.issues.is_empty(),
        "{:?}",
        clean.issues.iter().map(|i| &i.code).collect::<Vec<_>>()
    );
    let bad = v
        .validate_json(generator::catalogue_json(200, 1, true).as_bytes())
        .unwrap();
    assert!(!bad.valid && bad.issues.len() >= 200);
}
