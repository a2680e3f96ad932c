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
