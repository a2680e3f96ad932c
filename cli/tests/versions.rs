//! `gongkai migrate` and `gongkai changes` on the shared fixtures of `tests/versions/`.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> String {
    format!("{}/../tests/versions/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn gongkai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .output()
        .unwrap()
}

fn workdir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("versions-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn json(p: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
}

#[test]
fn migrate_upgrades_losslessly_and_a_second_run_changes_nothing() {
    let dir = workdir("migrate");
    let (one, two) = (dir.join("1.json"), dir.join("2.json"));
    let o = gongkai(&[
        "migrate",
        &fixture("catalogue-1.0.json"),
        "-o",
        one.to_str().unwrap(),
        "--report",
        "json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["from_version"], "1.0");
    assert_eq!(report["to_version"], "1.1");
    let inferred: Vec<&str> = report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["inferred"] == true)
        .map(|c| c["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        inferred,
        [
            "/version",
            "/items/0/responsible_office",
            "/items/0/retention",
            "/items/0/time_limit/from",
            "/items/1/scope_note"
        ]
    );
    let before = json(Path::new(&fixture("catalogue-1.0.json")));
    let after = json(&one);
    assert_eq!(after["schema_version"], "1.1");
    assert_eq!(after["version"], before["目录版本"]);
    assert_eq!(after["items"][0]["responsible_office"], "市政公用科");
    assert_eq!(after["items"][0]["retention"], "long_term");
    assert_eq!(
        after["items"][0]["time_limit"]["from"],
        "formed_or_obtained"
    );
    // The wording is kept, and a column that names no 1.1 field stays where it was.
    assert_eq!(
        after["items"][0]["time_limit"]["text"],
        before["items"][0]["time_limit"]["text"]
    );
    assert_eq!(after["items"][2]["联系电话"], "0391-7225678");
    assert!(after["items"][0].get("责任科室").is_none());
    // The upgraded file is valid 1.1, and a second run changes nothing.
    let v = gongkai(&["validate", one.to_str().unwrap(), "--format", "json"]);
    assert_eq!(v.status.code(), Some(0));
    let o = gongkai(&[
        "migrate",
        one.to_str().unwrap(),
        "-o",
        two.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(std::fs::read(&one).unwrap(), std::fs::read(&two).unwrap());
    assert!(String::from_utf8_lossy(&o.stderr).contains("无需改动"));
}

#[test]
fn migrate_reads_a_table_and_refuses_an_unknown_version() {
    let dir = workdir("migrate-table");
    let out = dir.join("t.json");
    let table = format!(
        "{}/../tests/import/columns-1-1.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let o = gongkai(&["migrate", &table, "-o", out.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(json(&out)["items"][0]["responsible_office"], "市政公用科");

    let bad = dir.join("v2.json");
    let mut doc = json(Path::new(&fixture("catalogue-1.0.json")));
    doc["schema_version"] = "2.0".into();
    std::fs::write(&bad, doc.to_string()).unwrap();
    let o = gongkai(&[
        "migrate",
        bad.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("“2.0”") && err.contains("1.0、1.1"), "{err}");
}

#[test]
fn changes_exits_1_when_something_was_weakened_and_writes_every_format() {
    let (old, new) = (fixture("old.json"), fixture("new.json"));
    let o = gongkai(&["changes", &old, &new, "--format", "json"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let expected = json(Path::new(&fixture("changes.expected.json")));
    assert_eq!(report["counts"], expected["expected"]["counts"]);
    assert_eq!(report["weakened"], true);
    // Only strengthening (the reverse of a version that only adds): exit 0.
    let o = gongkai(&["changes", &old, &old]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("没有变化"));
    let o = gongkai(&["changes", &old, &new, "--format", "md"]);
    assert_eq!(o.status.code(), Some(1));
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(md.starts_with("# ") && md.contains("修订说明") && md.contains("## 三、修改事项"));
    let o = gongkai(&["changes", &old, &new, "--format", "html"]);
    let html = String::from_utf8(o.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<h1>"));
    let o = gongkai(&["changes", &old, &new, "--lang", "en", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let msgs = report["items"].to_string();
    assert!(msgs.contains("was removed"), "{msgs}");
}

#[test]
fn changes_of_a_table_against_its_json_and_files_that_are_not_catalogues() {
    let dir = workdir("changes");
    // The old version as a table: the same items, so only 1.1 fields and edits show.
    let table = dir.join("old.csv");
    let o = gongkai(&[
        "convert",
        &fixture("old.json"),
        "-o",
        table.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let o = gongkai(&[
        "changes",
        table.to_str().unwrap(),
        &fixture("old.json"),
        "--format",
        "json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["counts"]["added"], 0);
    assert_eq!(report["counts"]["removed"], 0);

    let not = dir.join("not.json");
    std::fs::write(&not, "[1, 2]").unwrap();
    let text = dir.join("notes.txt");
    std::fs::write(&text, "这不是目录").unwrap();
    for (a, b) in [(&not, &text), (&text, &not)] {
        let o = gongkai(&["changes", a.to_str().unwrap(), b.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(a.file_name().unwrap().to_str().unwrap()),
            "{err}"
        );
        assert!(o.stdout.is_empty());
    }
    let o = gongkai(&[
        "changes",
        &fixture("old.json"),
        dir.join("missing.json").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
}
