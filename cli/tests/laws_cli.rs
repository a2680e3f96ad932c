//! `gongkai validate --laws FILE`: a user's registry of instruments (tests/laws/).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn laws_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/laws")
}

fn gongkai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .output()
        .expect("run gongkai")
}

fn codes(o: &Output) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("a JSON report");
    let mut c: Vec<String> = v["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            format!(
                "{} {}",
                i["code"].as_str().unwrap(),
                i["path"].as_str().unwrap()
            )
        })
        .collect();
    c.sort();
    c
}

#[test]
fn laws_file_adds_local_instruments() {
    let dir = laws_dir();
    let cat = dir.join("catalogue.json");
    let cat = cat.to_str().unwrap();
    let without = gongkai(&["validate", cat, "--format", "json"]);
    assert_eq!(without.status.code(), Some(0));
    assert!(codes(&without).is_empty());
    let laws = dir.join("local.laws.json");
    let with = gongkai(&[
        "validate",
        cat,
        "--format",
        "json",
        "--laws",
        laws.to_str().unwrap(),
    ]);
    assert_eq!(with.status.code(), Some(0), "warnings only");
    assert_eq!(
        codes(&with),
        [
            "basis.kind_mismatch /items/0/basis/3/kind",
            "basis.repealed /items/0/basis/1",
            "basis.superseded /items/0/basis/2",
        ]
    );
}

#[test]
fn a_bad_laws_file_exits_2_naming_entry_and_field() {
    let dir = laws_dir();
    let cat = dir.join("catalogue.json");
    let bad = dir.join("bad/bad-date.laws.json");
    let o = gongkai(&[
        "validate",
        cat.to_str().unwrap(),
        "--laws",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("第 1 条（示例县办法）的 versions[0].promulgated")
            && err.contains("2019-02-30"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
    let o = gongkai(&[
        "validate",
        cat.to_str().unwrap(),
        "--lang",
        "en",
        "--laws",
        bad.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("entry 1 (示例县办法), field versions[0].promulgated"),
        "{err}"
    );
    let missing = dir.join("no-such.laws.json");
    let o = gongkai(&[
        "validate",
        cat.to_str().unwrap(),
        "--laws",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
}
