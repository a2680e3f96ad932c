//! `gongkai diff` run as a built binary.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/diff")
        .join(name)
}

fn gongkai(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn path(name: &str) -> String {
    fixture(name).to_string_lossy().into_owned()
}

#[test]
fn localised_copy_passes_against_the_embedded_reference() {
    let (code, out, err) = gongkai(&["diff", "municipal_services", &path("localised.json")]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("结论：通过"), "{out}");
    assert!(out.contains("已列入 8 项（100.0%）"), "{out}");
    assert!(out.contains("diff.local_addition"), "{out}");
}

#[test]
fn weakened_catalogue_exits_1_with_json_findings() {
    let (code, out, _) = gongkai(&[
        "diff",
        "municipal_services",
        &path("weakened.json"),
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["mode"], "diff");
    assert_eq!(v["valid"], false);
    assert_eq!(v["coverage"]["weakened"], 7);
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "diff.weakened_method")
        .unwrap();
    assert_eq!(f["reference_path"], "/items/2/method/0");
    assert_eq!(f["local_path"], "/items/2/method");
    assert!(f["message"].as_str().unwrap().contains("依申请"));
}

#[test]
fn english_messages() {
    let (code, out, _) = gongkai(&[
        "diff",
        "municipal_services",
        &path("missing.json"),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("Result: failed"), "{out}");
    assert!(out.contains("is not in this catalogue"), "{out}");
}

#[test]
fn a_file_as_reference_and_consistency_mode() {
    let (code, out, err) = gongkai(&[
        "diff",
        &path("consistency-county.json"),
        &path("consistency-village.json"),
        "--consistency",
    ]);
    // Inconsistencies are warnings: exit 0.
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("共有事项 3 项：一致 1 项，不一致 2 项"),
        "{out}"
    );
    assert!(
        out.contains("diff.inconsistent_time_limit 第 1 项（序号 1） → 第 1 项（序号 1）"),
        "{out}"
    );
    assert!(
        !out.contains("/items/"),
        "items are named as people name them: {out}"
    );
    // The same files without --consistency: a diff, with the county catalogue as the standard.
    let (code, out, _) = gongkai(&[
        "diff",
        &path("consistency-county.json"),
        &path("consistency-village.json"),
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["mode"], "diff");
}

#[test]
fn min_severity_filters_output_not_exit_code() {
    let (code, out, _) = gongkai(&[
        "diff",
        "municipal_services",
        &path("missing.json"),
        "--format",
        "json",
        "--min-severity",
        "error",
    ]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // Without the filter the report has an error and a warning; with it, the error alone.
    let codes: Vec<(&str, &str)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_str().unwrap(), f["severity"].as_str().unwrap()))
        .collect();
    assert_eq!(codes, [("diff.missing_item", "error")], "{v}");
    let (code, out, _) = gongkai(&[
        "diff",
        "municipal_services",
        &path("missing.json"),
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut codes: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    codes.sort_unstable();
    assert_eq!(
        codes,
        ["diff.missing_item", "diff.missing_uncertain_item"],
        "{v}"
    );
}

#[test]
fn unreadable_input_exits_2() {
    let (code, _, err) = gongkai(&["diff", "no_such_reference", &path("localised.json")]);
    assert_eq!(code, 2);
    assert!(err.contains("municipal_services"), "{err}");
    let (code, _, err) = gongkai(&["diff", "municipal_services", "does/not/exist.json"]);
    assert_eq!(code, 2, "{err}");
    let tmp = std::env::temp_dir().join(format!("gongkai-diff-cli-{}.json", std::process::id()));
    std::fs::write(&tmp, b"{\"title\": ").unwrap();
    let (code, _, err) = gongkai(&["diff", "municipal_services", &tmp.to_string_lossy()]);
    let _ = std::fs::remove_file(&tmp);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("JSON"), "{err}");
    let (code, _, _) = gongkai(&["diff", "municipal_services"]);
    assert_eq!(code, 2);
}

#[test]
fn rules_lists_the_diff_codes() {
    let (code, out, _) = gongkai(&["rules", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let codes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["code"].as_str())
        .collect();
    for c in [
        "diff.missing_item",
        "diff.weakened_time_limit",
        "diff.inconsistent_content",
    ] {
        assert!(codes.contains(&c), "{c}");
    }
}
