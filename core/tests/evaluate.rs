//! `gongkai::evaluate`: the example units, the bad-input fixture (`tests/evaluate/`), scoring,
//! ranking, parallel runs, the published schema, the HTML 通报 and the workbook.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use gongkai::Severity;
use gongkai::evaluate::{
    self, EvaluateOptions, Evaluation, MemoryUnit, Scoring, class_of, evaluate_paths,
};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The tests run from the repository root (relative paths as the fixture names them); one at a
/// time changes the directory.
static CWD: Mutex<()> = Mutex::new(());

fn in_root<T>(f: impl FnOnce() -> T) -> T {
    let _g = CWD
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    std::env::set_current_dir(root()).unwrap();
    f()
}

fn date(s: &str) -> chrono::NaiveDate {
    gongkai::parse_date(s).unwrap()
}

fn example(options: EvaluateOptions) -> Evaluation {
    in_root(|| {
        evaluate_paths(
            &[],
            None,
            Some(Path::new("examples/evaluation/units.csv")),
            &[],
            &options,
            None,
        )
        .unwrap()
    })
}

fn example_options() -> EvaluateOptions {
    EvaluateOptions::default().today(date("2026-04-10"))
}

#[test]
fn the_example_ranks_the_clean_bureau_first_and_explains_every_deduction() {
    let e = example(example_options());
    assert_eq!(e.units.len(), 6);
    assert_eq!(e.summary.evaluated, 6);
    assert!(e.issues.is_empty(), "{:?}", e.issues);
    let bureau = e.unit("武陟县城市管理局").unwrap();
    assert_eq!(bureau.rank, Some(1));
    assert_eq!(bureau.score, Some(100.0));
    assert!(bureau.deductions.is_empty());
    assert_eq!(bureau.counts.error + bureau.counts.warning, 0);
    let pubs = bureau.publication.as_ref().unwrap();
    assert_eq!(pubs.on_time_rate, Some(1.0));
    assert_eq!(pubs.coverage_rate, Some(1.0));
    assert_eq!(pubs.interpretations.sync_rate, Some(1.0));
    assert_eq!(bureau.coverage.as_ref().unwrap().missing, 0);
    // Every other unit has realistic problems and lost points for them.
    for u in e.units.iter().filter(|u| u.unit != "武陟县城市管理局") {
        assert!(u.score.unwrap() < 100.0, "{}", u.unit);
        assert!(!u.deductions.is_empty(), "{}", u.unit);
    }
    // The parent links were checked.
    for child in [
        "城市管理综合执法大队",
        "市政公用事业服务中心",
        "西陶镇",
        "东村",
        "南村",
    ] {
        assert!(e.unit(child).unwrap().consistency.is_some(), "{child}");
    }
    assert_eq!(
        e.unit("东村").unwrap().consistency.as_ref().unwrap().parent,
        "西陶镇"
    );
    // Every deduction: min(count × points, cap), its evidence the problems of its class.
    for u in &e.units {
        let mut lost = 0.0;
        for d in &u.deductions {
            let class = e.scoring.class(&d.class).unwrap();
            assert_eq!(d.count, d.evidence.len());
            assert!((d.points - (d.count as f64 * class.points).min(class.cap)).abs() < 1e-9);
            let behind: Vec<_> = u
                .problems
                .iter()
                .filter(|p| p.class.as_deref() == Some(d.class.as_str()))
                .collect();
            assert_eq!(behind.len(), d.count);
            for (ev, p) in d.evidence.iter().zip(&behind) {
                assert_eq!(ev.code, p.issue.code);
                assert_eq!(class_of(&p.issue), Some(d.class.as_str()));
            }
            lost += d.points;
        }
        assert!((u.score.unwrap() - (100.0 - lost).max(0.0)).abs() < 0.05);
    }
    // Problems in tables carry their cells; records problems their line.
    let centre = e.unit("市政公用事业服务中心").unwrap();
    let weakened = centre
        .problems
        .iter()
        .find(|p| p.issue.code == "diff.weakened_time_limit")
        .unwrap();
    assert_eq!(weakened.cell.as_deref(), Some("标准目录!F4"));
    let late = centre
        .problems
        .iter()
        .find(|p| p.issue.code == "record.interpretation_late")
        .unwrap();
    assert!(late.cell.as_deref().unwrap().contains('行'), "{late:?}");
    let missing = &centre.coverage.as_ref().unwrap();
    assert_eq!((missing.missing, missing.weakened), (2, 1));
    // Ranks follow the scores.
    for w in e.units.windows(2) {
        assert!(w[0].score >= w[1].score);
        assert!(w[0].rank <= w[1].rank);
    }
    // Summary.
    let s = &e.summary;
    assert_eq!(s.items, e.units.iter().map(|u| u.items).sum::<usize>());
    assert!(s.top_codes.len() <= 10 && !s.top_codes.is_empty());
    assert!(s.top_codes.iter().all(|c| c.severity != Severity::Info));
    assert!(s.top_codes.windows(2).all(|w| w[0].count >= w[1].count));
    assert_eq!(s.overdue_now, 2);
    assert!(s.on_time_rate.unwrap() < 1.0);
}

#[test]
fn completeness_counts_filled_and_understood_elements() {
    let e = example(example_options());
    let u = e.unit("市政公用事业服务中心").unwrap();
    let c = u.completeness.as_ref().unwrap();
    assert_eq!(c.elements.len(), 9);
    let time = c
        .elements
        .iter()
        .find(|x| x.element == "time_limit")
        .unwrap();
    assert_eq!(time.filled, u.items);
    // One compound time limit is kept as text but not understood.
    assert_eq!(time.understood, Some(u.items - 1));
    let basis = e
        .unit("城市管理综合执法大队")
        .unwrap()
        .completeness
        .as_ref()
        .unwrap()
        .elements
        .iter()
        .find(|x| x.element == "basis")
        .cloned()
        .unwrap();
    // “相关法律法规” is filled but not a recognised title.
    assert_eq!(basis.understood, Some(basis.filled - 1));
}

fn codes_of(v: &Value) -> Vec<String> {
    let mut c: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["code"].as_str().unwrap().to_owned())
        .collect();
    c.sort();
    c
}

#[test]
fn bad_input_is_reported_and_nothing_is_lost() {
    let fixture: Value = serde_json::from_slice(
        &std::fs::read(root().join("tests/evaluate/expected.json")).unwrap(),
    )
    .unwrap();
    let run = &fixture["run"];
    let inputs: Vec<PathBuf> = run["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| PathBuf::from(p.as_str().unwrap()))
        .collect();
    let e = in_root(|| {
        evaluate_paths(
            &inputs,
            Some(Path::new(run["records"].as_str().unwrap())),
            Some(Path::new(run["manifest"].as_str().unwrap())),
            &[],
            &EvaluateOptions::default().today(date(run["today"].as_str().unwrap())),
            None,
        )
        .unwrap()
    });
    let actual = serde_json::to_value(&e).unwrap();
    assert_eq!(
        codes_of(&actual["issues"]),
        codes_of(&fixture["expected"]["issues"])
    );
    let expected: BTreeMap<&str, &Value> = fixture["expected"]["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["unit"].as_str().unwrap(), u))
        .collect();
    assert_eq!(e.units.len(), expected.len(), "every unit is listed");
    for u in actual["units"].as_array().unwrap() {
        let name = u["unit"].as_str().unwrap();
        let x = expected
            .get(name)
            .unwrap_or_else(|| panic!("unexpected unit {name}"));
        assert_eq!(u["rank"], x["rank"], "{name}");
        assert_eq!(u["error"]["code"], x["error"]["code"], "{name}");
        assert_eq!(codes_of(&u["problems"]), codes_of(&x["problems"]), "{name}");
    }
    // Unreadable units are listed with their error, unranked, last.
    let last = e.units.last().unwrap();
    assert!(last.error.is_some() && last.rank.is_none() && last.score.is_none());
    assert_eq!(e.summary.unreadable, 2);
    // Ties share a rank and the next rank skips.
    let ranks: Vec<Option<usize>> = e.units.iter().map(|u| u.rank).collect();
    assert_eq!(
        ranks,
        [
            Some(1),
            Some(2),
            Some(2),
            Some(2),
            Some(5),
            Some(6),
            None,
            None
        ]
    );
}

#[test]
fn an_empty_folder_gives_no_unit_and_says_why() {
    let e = in_root(|| {
        evaluate_paths(
            &[PathBuf::from("tests/evaluate/empty")],
            None,
            None,
            &[],
            &EvaluateOptions::default(),
            None,
        )
        .unwrap()
    });
    assert!(e.units.is_empty());
    assert_eq!(e.summary.evaluated, 0);
    let codes: Vec<&str> = e.issues.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["evaluate.skipped_file", "evaluate.empty_folder"]);
    // A manifest without the required columns is an error naming the column.
    let err = in_root(|| {
        evaluate_paths(
            &[],
            None,
            Some(Path::new("tests/evaluate/records/无主.csv")),
            &[],
            &EvaluateOptions::default(),
            None,
        )
        .unwrap_err()
    });
    assert!(err.to_string().contains("unit"), "{err}");
}

#[test]
fn a_county_scoring_table_changes_the_scores() {
    let base = example(example_options());
    let strict = Scoring::from_toml(
        "name = \"某县扣分表\"\n[classes.late_publications]\npoints = 5\ncap = 40\n",
    )
    .unwrap();
    let e = example(example_options().scoring(strict));
    assert_eq!(e.scoring.name, "某县扣分表");
    for (a, b) in base.units.iter().zip(&e.units) {
        let a = base.unit(&b.unit).unwrap_or(a);
        let late = |u: &evaluate::UnitResult| {
            u.deductions
                .iter()
                .find(|d| d.class == "late_publications")
                .map_or(0, |d| d.count)
        };
        let expected = a.score.unwrap() - (late(a) as f64 * 3.0);
        assert!(
            (b.score.unwrap() - expected.max(0.0)).abs() < 0.05,
            "{}: {:?} vs {expected}",
            b.unit,
            b.score
        );
    }
    // Off: a class with no points deducts nothing but still lists its findings.
    let off = Scoring::from_json(br#"{"classes": {"unpublished_items": {"points": 0}}}"#).unwrap();
    let e = example(example_options().scoring(off));
    let d = e
        .units
        .iter()
        .flat_map(|u| &u.deductions)
        .find(|d| d.class == "unpublished_items")
        .unwrap();
    assert_eq!(d.points, 0.0);
    assert!(d.count > 0);
}

#[test]
fn parallel_and_serial_runs_give_the_same_report() {
    let a = example(example_options().workers(1));
    let b = example(example_options().workers(4));
    assert_eq!(a.to_json(), b.to_json());
}

#[test]
fn units_in_memory_and_duplicate_names() {
    let bytes = std::fs::read(root().join("examples/wuzhi-municipal.json")).unwrap();
    let records =
        std::fs::read(root().join("examples/evaluation/records/01-武陟县城市管理局.csv")).unwrap();
    let units = vec![
        MemoryUnit::new("局", "a.json", bytes.clone()).records("a.csv", records),
        MemoryUnit::new("局", "b.json", bytes.clone()).parent("局"),
        MemoryUnit::new("坏", "c.json", b"{".to_vec()),
    ];
    let e = evaluate::evaluate_memory(units, &example_options());
    assert_eq!(e.units.len(), 3);
    assert_eq!(e.issues[0].code, "evaluate.duplicate_unit");
    let renamed = e.unit("局（b.json）").unwrap();
    assert_eq!(renamed.file, "b.json");
    assert_eq!(renamed.consistency.as_ref().unwrap().inconsistent, 0);
    let first = e.unit("局").unwrap();
    assert_eq!(first.records_file.as_deref(), Some("a.csv"));
    assert_eq!(first.score, Some(100.0));
    // Without records, every item still has to be published? No: no records, no publication.
    assert!(renamed.publication.is_none());
    let bad = e.unit("坏").unwrap();
    assert_eq!(bad.error.as_ref().unwrap().code, "json");
    assert!(!bad.problems[0].issue.message.contains('\u{0}'));
    assert_eq!(bad.file, "c.json");
}

#[test]
fn the_report_matches_its_published_schema() {
    let schema = evaluate::report_schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for e in [
        example(example_options()),
        example(EvaluateOptions::default().lang(gongkai::Lang::En)),
    ] {
        let v = serde_json::to_value(&e).unwrap();
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:#?}");
        // And reads back.
        let back: Evaluation = serde_json::from_value(v).unwrap();
        assert_eq!(back, e);
    }
    let on_disk =
        std::fs::read_to_string(root().join("schema/evaluation.schema.json")).unwrap_or_default();
    if std::env::var_os("GONGKAI_UPDATE_SCHEMA").is_some_and(|v| v == "1") {
        std::fs::write(
            root().join("schema/evaluation.schema.json"),
            evaluate::report_schema_text(),
        )
        .unwrap();
    } else {
        assert!(
            on_disk == evaluate::report_schema_text(),
            "schema/evaluation.schema.json is out of date: run GONGKAI_UPDATE_SCHEMA=1 cargo test -p gongkai --test evaluate"
        );
    }
}

#[test]
fn the_html_is_self_contained_escaped_and_has_every_chart() {
    let mut e = example(example_options());
    e.units[1].unit = "<script>alert(1)</script>".into();
    let html = evaluate::to_html(&e);
    assert!(!html.contains("<script"), "nothing executable");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    for forbidden in ["src=", "<link", "@import", "url(", "<img"] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
    assert!(!html.contains("href=\"http"), "no link out");
    for id in ["score", "on-time", "coverage", "codes"] {
        let at = html.find(&format!("data-chart=\"{id}\"")).unwrap();
        let end = at + html[at..].find("</svg>").unwrap();
        assert!(html[at..end].contains("class=\"bar\""), "{id} has bars");
    }
    assert!(html.contains("@page{size:A4"));
    // Every unit has a section, every deduction links to its findings.
    assert_eq!(
        html.matches("<section class=\"unit\"").count(),
        e.units.len()
    );
    let english = evaluate::to_html(&example(example_options().lang(gongkai::Lang::En)));
    assert!(english.contains("<html lang=\"en\">"));
    assert!(english.contains("Score per unit"));
}

#[test]
fn the_workbook_has_a_summary_the_deduction_table_and_a_sheet_per_unit() {
    use calamine::{Data, Reader, Xlsx};
    let e = example(example_options());
    let bytes = evaluate::to_xlsx(&e).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = wb.sheet_names();
    assert_eq!(&names[..3], ["汇总", "扣分明细", "扣分表"]);
    assert_eq!(names.len(), 3 + e.units.len());
    let summary = wb.worksheet_range("汇总").unwrap();
    assert_eq!(summary.height(), 1 + e.units.len());
    assert_eq!(summary.get((0, 1)), Some(&Data::String("单位".into())));
    for (k, u) in e.units.iter().enumerate() {
        assert_eq!(summary.get((k + 1, 1)), Some(&Data::String(u.unit.clone())));
        assert_eq!(summary.get((k + 1, 2)), u.score.map(Data::Float).as_ref());
    }
    let table = wb.worksheet_range("扣分表").unwrap();
    assert_eq!(table.height(), 4 + e.scoring.classes.len());
    let details = wb.worksheet_range("扣分明细").unwrap();
    assert_eq!(
        details.height(),
        1 + e.units.iter().map(|u| u.deductions.len()).sum::<usize>()
    );
    let centre = e.unit("市政公用事业服务中心").unwrap();
    let sheet = wb.worksheet_range("市政公用事业服务中心").unwrap();
    assert_eq!(sheet.height(), 4 + centre.problems.len());
    let cells: Vec<String> = (4..sheet.height())
        .filter_map(|r| sheet.get((r, 5)).map(ToString::to_string))
        .collect();
    assert!(cells.iter().any(|c| c == "标准目录!F4"), "{cells:?}");
    // Frozen header, filters and conditional colours are in the sheet's XML.
    let raw = evaluate::to_xlsx(&e).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(raw)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(xml.contains("<pane") && xml.contains("state=\"frozen\""));
    assert!(xml.contains("<autoFilter"));
    assert!(xml.contains("<conditionalFormatting"));
}

/// What every language compares on the example (`tests/evaluate/example.expected.json`): per
/// unit its rank, score, items, parent, deductions (class, count, points) and the sorted codes of
/// its problems; the summary's counts. Python (`bindings-python/tests/test_evaluate.py`) and
/// JavaScript (`bindings-wasm/tests-js/evaluate.test.mjs`, the units given in memory) make the
/// same projection of their report and compare it with the same file.
fn projection(report: &Value) -> Value {
    let units: Vec<Value> = report["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let mut codes: Vec<&str> = u["problems"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["code"].as_str().unwrap())
                .collect();
            codes.sort_unstable();
            let deductions: Vec<Value> = u["deductions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| serde_json::json!({"class": d["class"], "count": d["count"], "points": d["points"]}))
                .collect();
            serde_json::json!({
                "unit": u["unit"],
                "rank": u["rank"],
                "score": u["score"],
                "items": u["items"],
                "parent": u["parent"],
                "deductions": deductions,
                "codes": codes,
            })
        })
        .collect();
    let s = &report["summary"];
    serde_json::json!({
        "units": units,
        "summary": {
            "units": s["units"],
            "evaluated": s["evaluated"],
            "mean_score": s["mean_score"],
            "overdue_now": s["overdue_now"],
        },
    })
}

#[test]
fn the_example_matches_the_shared_expectation() {
    let path = root().join("tests/evaluate/example.expected.json");
    let e = example(example_options());
    let got = projection(&serde_json::to_value(&e).unwrap());
    if std::env::var_os("GONGKAI_UPDATE_FIXTURES").is_some_and(|v| v == "1") {
        let doc = serde_json::json!({
            "description": "The projection of `gongkai evaluate --manifest examples/evaluation/units.csv --today 2026-04-10` that every language compares (core/tests/evaluate.rs, bindings-python/tests/test_evaluate.py, bindings-wasm/tests-js/evaluate.test.mjs with the units in memory): per unit its rank, score, items, parent, deductions (class, count, points) and the sorted codes of its problems; the summary's counts. Regenerate with GONGKAI_UPDATE_FIXTURES=1 cargo test -p gongkai --test evaluate.",
            "run": {"manifest": "examples/evaluation/units.csv", "today": "2026-04-10"},
            "expected": got,
        });
        let mut text = serde_json::to_string_pretty(&doc).unwrap();
        text.push('\n');
        std::fs::write(&path, text).unwrap();
        return;
    }
    let want: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(
        got, want["expected"],
        "tests/evaluate/example.expected.json is out of date: run GONGKAI_UPDATE_FIXTURES=1 cargo test -p gongkai --test evaluate"
    );
}
