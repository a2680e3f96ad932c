//! `gongkai::diff::changes` on the shared fixtures of `tests/versions/` (`*.expected.json`: the
//! pair, inline or as file names, and the expected counts, items and changes), and the 修订说明.

#![allow(clippy::unwrap_used)]

use gongkai::diff::{self, ChangeClass, ChangesOptions};
use gongkai::import::{ImportOptions, load};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/versions")
}

fn side(v: &Value) -> gongkai::Catalogue<'static> {
    let (bytes, name) = match v {
        Value::String(f) => (std::fs::read(dir().join(f)).unwrap(), f.clone()),
        other => (serde_json::to_vec(other).unwrap(), "inline.json".to_owned()),
    };
    load(&bytes, &ImportOptions::default().file_name(name))
        .unwrap()
        .catalogue
}

fn fixtures() -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .map(|p| {
            let v = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            (p.file_name().unwrap().to_string_lossy().into_owned(), v)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn every_version_pair_gives_the_expected_changes() {
    let all = fixtures();
    assert!(all.len() >= 2);
    for (name, f) in all {
        let (old, new) = (side(&f["old"]), side(&f["new"]));
        let report = diff::changes(&old, &new, &ChangesOptions::default());
        let got = serde_json::to_value(&report).unwrap();
        let want = &f["expected"];
        assert_eq!(got["weakened"], want["weakened"], "{name}");
        assert_eq!(got["counts"], want["counts"], "{name}");
        let items: Vec<Value> = got["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                json!({
                    "status": i["status"], "class": i["class"], "old_id": i["old_id"],
                    "new_id": i["new_id"], "matched_by": i.get("matched_by").cloned().unwrap_or(Value::Null),
                    "changes": i["changes"].as_array().unwrap().iter().map(|c| json!({
                        "code": c["code"], "class": c["class"], "field": c["field"], "path": c["path"]
                    })).collect::<Vec<_>>()
                })
            })
            .collect();
        assert_eq!(Value::Array(items), want["items"], "{name}");
        let issues: Vec<Value> = got["issues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| json!({"code": i["code"], "path": i["path"]}))
            .collect();
        assert_eq!(Value::Array(issues), want["issues"], "{name}");
        // Every change is a rendered issue of a registered code, its class agreeing with the
        // severity (a weakening is a warning), with both sides' paths for a changed item.
        for it in &report.items {
            for ch in &it.changes {
                assert!(!ch.issue.message.is_empty());
                assert_eq!(
                    ch.class == ChangeClass::Weakened,
                    ch.issue.severity == gongkai::Severity::Warning,
                    "{name}: {}",
                    ch.issue.code
                );
                assert!(ch.issue.code.as_str().starts_with("changes."));
            }
        }
    }
}

#[test]
fn a_version_compared_with_itself_has_no_change_and_the_reverse_swaps_additions() {
    let old = side(&json!("old.json"));
    let new = side(&json!("new.json"));
    let same = diff::changes(&old, &old, &ChangesOptions::default());
    assert!(!same.weakened);
    assert!(same.items.is_empty());
    assert_eq!(same.counts.unchanged, old.items.len());
    let fwd = diff::changes(&old, &new, &ChangesOptions::default());
    let back = diff::changes(&new, &old, &ChangesOptions::default());
    assert_eq!(fwd.counts.added, back.counts.removed);
    assert_eq!(fwd.counts.removed, back.counts.added);
    assert_eq!(fwd.counts.changed, back.counts.changed);
    // What one direction strengthens the other weakens (content, levels, time limits).
    assert!(back.weakened);
}

#[test]
fn the_revision_note_lists_every_change_and_escapes_the_data() {
    let old = side(&json!("old.json"));
    let mut new = side(&json!("new.json"));
    new.items[0].name = "燃气经营许可<script>alert(1)</script>".into();
    let report = diff::changes(&old, &new, &ChangesOptions::default());
    let md = report.to_markdown();
    assert!(md.starts_with("# 武陟县城市管理局市政服务领域基层政务公开标准目录修订说明"));
    for h in [
        "## 一、新增事项",
        "## 二、删除事项",
        "## 三、修改事项",
        "燃气设施保护范围公告",
    ] {
        assert!(md.contains(h), "{h}");
    }
    assert!(md.contains("须经审核"));
    assert!(!md.contains("<script>"));
    let html = report.to_html();
    assert!(html.contains("<h2>三、修改事项</h2>"));
    assert!(html.contains("&lt;script&gt;") && !html.contains("<script>"));
    let lines = report.items.iter().map(|i| i.changes.len()).sum::<usize>();
    assert_eq!(html.matches("<li>").count(), lines);
}

#[test]
fn messages_follow_the_language() {
    let old = side(&json!("old.json"));
    let new = side(&json!("new.json"));
    let options = ChangesOptions {
        lang: gongkai::Lang::En,
        ..ChangesOptions::default()
    };
    let report = diff::changes(&old, &new, &options);
    let loosened = report
        .items
        .iter()
        .flat_map(|i| &i.changes)
        .find(|c| c.issue.code.as_str() == "changes.time_loosened")
        .unwrap();
    assert!(
        loosened.issue.message.contains("30 working days"),
        "{}",
        loosened.issue.message
    );
}
