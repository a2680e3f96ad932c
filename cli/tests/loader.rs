//! One loader: every command reads the same file into the same catalogue (title included).
//!
//! For the bundled example, every table of the corpus and the Word documents of the import
//! fixtures, `convert` gives the catalogue; `diff`
//! (both sides), `validate`, `audit` and `site` must see the same title, 编制单位 and items.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn gongkai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .output()
        .unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

fn inputs() -> Vec<PathBuf> {
    let mut v = vec![root().join("examples/wuzhi-municipal.json")];
    for f in std::fs::read_dir(root().join("tests/corpus")).unwrap() {
        let f = f.unwrap().path();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".csv") || name.ends_with(".html") {
            v.push(f);
        }
    }
    // Word documents (the DOCX import fixtures that read without options).
    for f in std::fs::read_dir(root().join("tests/import")).unwrap() {
        let f = f.unwrap().path();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".docx") && !name.starts_with("workbook_") {
            v.push(f);
        }
    }
    v.sort();
    assert!(v.len() > 25, "the corpus is missing");
    v
}

#[test]
fn every_command_reads_a_file_into_the_same_catalogue() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("loader");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let records = dir.join("records.csv");
    std::fs::write(&records, "item_id,formed_on,published_on\n").unwrap();
    let mut titled_from_file_name = 0;
    for input in inputs() {
        let path = input.to_str().unwrap();
        let stem = input.file_stem().unwrap().to_string_lossy().into_owned();
        // convert: the catalogue.
        let out = dir.join(format!("{stem}.json"));
        let o = gongkai(&["convert", path, "-o", out.to_str().unwrap()]);
        assert!(o.status.success(), "{path}: {o:?}");
        let cat: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
        let title = cat["title"].as_str().unwrap().to_owned();
        let publisher = cat["publisher"].as_str().unwrap_or_default().to_owned();
        let items = cat["items"].as_array().unwrap();
        assert!(!title.is_empty(), "{path}: convert gave no title");
        if title.contains(stem.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-')) {
            titled_from_file_name += 1;
        }
        // diff: both sides.
        let d = json(&gongkai(&["diff", path, path, "--format", "json"]));
        for side in ["reference", "local"] {
            assert_eq!(
                d[side]["title"],
                title.as_str(),
                "{path}: diff {side} title"
            );
            assert_eq!(
                d[side]["publisher"],
                publisher.as_str(),
                "{path}: diff {side}"
            );
            assert_eq!(d[side]["items"], items.len(), "{path}: diff {side} items");
        }
        // validate: the same items.
        let v = json(&gongkai(&["validate", path, "--format", "json"]));
        assert_eq!(v["items"], items.len(), "{path}: validate items");
        // audit: every item of the catalogue, in order, with its name.
        let a = json(&gongkai(&[
            "audit",
            path,
            records.to_str().unwrap(),
            "--format",
            "json",
        ]));
        let by_item = a["summary"]["by_item"].as_array().unwrap();
        assert_eq!(by_item.len(), items.len(), "{path}: audit items");
        for (got, want) in by_item.iter().zip(items) {
            assert_eq!(got["item_id"], want["id"], "{path}: audit item ids");
        }
        // site: the page carries the same title.
        let site = dir.join(format!("site-{stem}"));
        let o = gongkai(&["site", path, "-o", site.to_str().unwrap()]);
        assert!(o.status.success(), "{path}: {o:?}");
        let page = std::fs::read_dir(&site)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .find_map(|p| std::fs::read_to_string(p.join("index.html")).ok())
            .unwrap_or_else(|| panic!("{path}: no catalogue page"));
        let escaped = title
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(page.contains(&escaped), "{path}: site page lacks “{title}”");
    }
    // Tables without a title line take it from the file name, in every command alike.
    assert!(titled_from_file_name > 0);
}
