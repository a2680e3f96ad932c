//! `gongkai validate` on tables (CSV, XLSX, HTML, DOCX): the importer runs first, and every
//! issue about an imported value names its cell, in the text and in the JSON report.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

fn root(rel: &str) -> String {
    format!("{}/../{rel}", env!("CARGO_MANIFEST_DIR"))
}

fn gongkai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .output()
        .unwrap()
}

fn json_report(file: &str) -> (Option<i32>, serde_json::Value) {
    let o = gongkai(&["validate", file, "--format", "json"]);
    let v = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&o.stdout));
    });
    (o.status.code(), v)
}

#[test]
fn csv_issues_carry_their_cells() {
    let file = root("tests/corpus/01-fsxf-municipal.csv");
    let (code, report) = json_report(&file);
    assert_eq!(
        code,
        Some(1),
        "the table has errors (no 公开对象 ticked, no 编制日期)"
    );
    let issues = report["issues"].as_array().unwrap();
    // Item 1's empty 公开对象: column I of spreadsheet row 3 (CSV line 3, after two header rows).
    let audience = issues
        .iter()
        .find(|i| i["code"] == "schema.min_items" && i["path"] == "/items/0/audience")
        .unwrap();
    assert_eq!(audience["location"]["row"], 3);
    assert_eq!(audience["location"]["column"], "I");
    assert_eq!(audience["location"]["header"], "公开对象");
    // Every issue about an item value has a location.
    for i in issues.iter().filter(|i| i["item_id"].is_string()) {
        assert!(i["location"].is_object(), "{i}");
    }
    // The text output says the same, with the cell reference.
    let o = gongkai(&["validate", &file]);
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.contains("schema.min_items /items/0/audience"),
        "{text}"
    );
    assert!(text.contains("[I3]"), "{text}");
}

#[test]
fn html_tables_are_located_by_table_number() {
    let (code, report) = json_report(&root("tests/corpus/26-youyang-municipal-2024.html"));
    // The table has errors (11 of them today): exit 1, not 0 and not a refusal.
    assert_eq!(code, Some(1), "{report}");
    assert_eq!(report["valid"], false);
    let located: Vec<&serde_json::Value> = report["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i.get("location"))
        .collect();
    assert!(!located.is_empty());
    assert!(located.iter().all(|l| l["sheet"] == "表1"), "{located:?}");
}

#[test]
fn an_exported_workbook_validates_like_its_json() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tables-xlsx");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let xlsx = dir.join("武陟县.xlsx");
    let example = root("examples/wuzhi-municipal.json");
    let o = gongkai(&["convert", &example, "-o", xlsx.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let (code, from_table) = json_report(xlsx.to_str().unwrap());
    let (_, from_json) = json_report(&example);
    assert_eq!(code, Some(0), "{from_table}");
    // Same verdict and the same counts of errors; the import adds only info/warning notes
    // (item 6's compound 公开时限 is kept as unparsed).
    assert_eq!(from_table["valid"], from_json["valid"]);
    assert_eq!(from_table["counts"]["error"], from_json["counts"]["error"]);
    for i in from_table["issues"].as_array().unwrap() {
        if i["item_id"].is_string() {
            assert_eq!(i["location"]["sheet"], "标准目录", "{i}");
        }
    }
}

#[test]
fn unreadable_tables_exit_2_with_a_reason() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tables-bad");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let fake = dir.join("坏的.xlsx");
    std::fs::write(&fake, b"PK\x03\x04 not really a zip").unwrap();
    let o = gongkai(&["validate", fake.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("XLSX"));
    let page = dir.join("no-table.html");
    std::fs::write(&page, "<html><body><p>没有表格</p></body></html>").unwrap();
    let o = gongkai(&["validate", page.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("没有表格"));
}

#[test]
fn word_tables_are_located_by_table_number_and_legacy_documents_refused() {
    let file = root("tests/import/word_catalogue.docx");
    let (code, report) = json_report(&file);
    assert_eq!(code, Some(1), "no 编制日期: an error");
    assert_eq!(report["items"], 3);
    let issues = report["issues"].as_array().unwrap();
    let located: Vec<&serde_json::Value> = issues
        .iter()
        .filter(|i| i["path"].as_str().unwrap().starts_with("/items/") && !i["location"].is_null())
        .collect();
    assert!(!located.is_empty());
    assert!(located.iter().all(|i| i["location"]["sheet"] == "表1"));
    // The text output names the cell too.
    let o = gongkai(&["validate", &file]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("表1"));
    // A Word 97-2003 document, a WPS document and a PDF: exit 2, and the message says what to
    // save them as.
    for (name, save_as) in [
        ("legacy_word.doc", ".docx"),
        ("wps_text.wps", ".docx"),
        ("scanned.pdf", ".docx"),
        ("damaged_sheet.et", ".xlsx"),
    ] {
        let o = gongkai(&["validate", &root(&format!("tests/import/{name}"))]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(save_as), "{name}: {err}");
        assert!(err.contains(name), "{name}: the file is named: {err}");
    }
}

#[test]
fn import_options_fill_what_the_table_lacks() {
    let file = root("tests/corpus/01-fsxf-municipal.csv");
    let header_issues = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["validate", file.as_str(), "--format", "json"];
        all.extend_from_slice(args);
        let o = gongkai(&all);
        let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        r["issues"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["path"] == "/issued" || i["path"] == "/domain")
            .map(|i| i["code"].as_str().unwrap().to_owned())
            .collect()
    };
    // Without options the table lacks 领域 and 编制日期: one finding each (not also a schema
    // error), naming the flag that supplies it …
    let before = header_issues(&[]);
    assert_eq!(before, ["import.header_missing", "import.header_missing"]);
    let o = gongkai(&["validate", &file]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("请用命令行参数 --issued 填写"), "{text}");
    assert!(text.contains("请用命令行参数 --domain 填写"), "{text}");
    // … which the options supply.
    assert_eq!(
        header_issues(&["--issued", "2020-09-01", "--domain", "市政服务"]),
        Vec::<String>::new()
    );
    // A bad option value is a usage error.
    let o = gongkai(&["validate", &file, "--level", "省级"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("目录层级"));
}
