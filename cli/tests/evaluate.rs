//! `gongkai evaluate`: the example written as JSON, HTML and XLSX, exit codes, bad input and
//! bad arguments, and `gongkai schema --evaluation`.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

fn gongkai_in(dir: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .current_dir(format!("{ROOT}/{dir}"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn workdir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("evaluate-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn the_example_gives_json_html_and_xlsx() {
    let d = workdir("example");
    let (json, html, xlsx) = (d.join("r.json"), d.join("通报.html"), d.join("sub/r.xlsx"));
    let o = gongkai_in(
        "examples/evaluation",
        &[
            "evaluate",
            "--manifest",
            "units.csv",
            "--today",
            "2026-04-10",
            "-o",
            s(&json),
            "-o",
            s(&html),
            "-o",
            s(&xlsx),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("1. 武陟县城市管理局  100.0 分"), "{err}");
    assert!(
        err.contains("6 个单位（6 个已评分，0 个无法读取）"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(v["units"].as_array().unwrap().len(), 6);
    assert_eq!(v["units"][0]["rank"], 1);
    assert_eq!(v["today"], "2026-04-10");
    assert!(v["summary"]["mean_score"].as_f64().unwrap() < 100.0);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("政务公开监督评价通报"));
    let book = std::fs::read(&xlsx).unwrap();
    assert!(book.starts_with(b"PK"));
    // The published schema accepts the report.
    let schema = gongkai_in(".", &["schema", "--evaluation"]);
    assert_eq!(schema.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&schema.stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(validator.is_valid(&v));
}

#[test]
fn folders_and_records_by_name_without_a_manifest() {
    let d = workdir("folders");
    let json = d.join("r.json");
    let o = gongkai_in(
        "examples/evaluation",
        &["evaluate", ".", "--records", "records", "-o", s(&json)],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let units: Vec<&str> = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["unit"].as_str().unwrap())
        .collect();
    // Named after their files, the NN- prefix dropped; units.csv is not a catalogue here but a
    // unit that cannot be read, which never stops the rest.
    assert!(units.contains(&"武陟县城市管理局"), "{units:?}");
    assert!(units.contains(&"西陶镇南村村民委员会"), "{units:?}");
    assert!(
        v["units"]
            .as_array()
            .unwrap()
            .iter()
            .all(|u| u["error"].is_null() || u["unit"] == "units")
    );
    let bureau = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit"] == "武陟县城市管理局")
        .unwrap();
    assert_eq!(
        bureau["records_file"]
            .as_str()
            .map(|f| f.ends_with("01-武陟县城市管理局.csv")),
        Some(true)
    );
    // Without --today nothing is overdue.
    assert_eq!(v["summary"]["overdue_now"], 0);
}

#[test]
fn bad_input_exit_codes() {
    let d = workdir("bad");
    let json = d.join("r.json");
    // The fixture: some units unreadable, the report is written, exit 0.
    let o = gongkai_in(
        ".",
        &[
            "evaluate",
            "tests/evaluate/units",
            "tests/evaluate/empty",
            "--manifest",
            "tests/evaluate/units.csv",
            "--records",
            "tests/evaluate/records",
            "--today",
            "2024-12-31",
            "-o",
            s(&json),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("清单第 8 行缺少 unit"), "{err}");
    assert!(err.contains("乙：不是有效的 JSON"), "{err}");
    assert!(json.exists());
    // Only an empty folder: nothing to evaluate, exit 2, nothing written.
    let none = d.join("none.json");
    let o = gongkai_in(".", &["evaluate", "tests/evaluate/empty", "-o", s(&none)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("没有可评价的单位"), "{}", stderr(&o));
    assert!(!none.exists());
    // No unit can be read: exit 2.
    let o = gongkai_in(
        ".",
        &[
            "evaluate",
            "tests/evaluate/units/02-乙.json",
            "-o",
            s(&none),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("没有一个单位的目录能够读取"),
        "{}",
        stderr(&o)
    );
    assert!(!none.exists());
}

#[test]
fn bad_arguments_are_clear_errors() {
    let d = workdir("args");
    let out = d.join("r.json");
    let run = |extra: &[&str]| {
        let mut a = vec!["evaluate", "examples/wuzhi-municipal.json", "-o", s(&out)];
        a.extend_from_slice(extra);
        gongkai_in(".", &a)
    };
    let bad_scoring = d.join("s.toml");
    std::fs::write(&bad_scoring, "[classes.typo]\npoints = 1\n").unwrap();
    let o = run(&["--scoring", s(&bad_scoring)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("classes.typo"), "{}", stderr(&o));
    let negative = d.join("s.json");
    std::fs::write(
        &negative,
        r#"{"classes": {"overdue_publications": {"points": -3}}}"#,
    )
    .unwrap();
    let o = run(&["--scoring", s(&negative)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("classes.overdue_publications.points：不能为负数"),
        "{}",
        stderr(&o)
    );
    let o = run(&["--reference", "no_such_reference"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("municipal_services"), "{}", stderr(&o));
    let o = gongkai_in(
        ".",
        &[
            "evaluate",
            "examples/wuzhi-municipal.json",
            "-o",
            s(&d.join("r.pdf")),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(".json、.html 或 .xlsx"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
    // A good TOML table and an explicit reference file.
    let good = d.join("good.toml");
    std::fs::write(&good, "[classes.catalogue_errors]\npoints = 5\n").unwrap();
    let o = run(&[
        "--scoring",
        s(&good),
        "--reference",
        "examples/wuzhi-municipal.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(
        v["units"][0]["coverage"]["reference"],
        "wuzhi-municipal.json"
    );
    assert_eq!(v["units"][0]["coverage"]["missing"], 0);
    assert_eq!(v["scoring"]["classes"][0]["points"], 5.0);
}
