//! `gongkai convert`: every output format from a JSON fixture, and the failure cases.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/export/catalogue.json"
);

fn gongkai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .output()
        .unwrap()
}

/// A fresh directory for one test.
fn workdir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("convert-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The cells of a workbook's sheets, opened with calamine (not gongkai's own reader).
fn workbook_cells(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    use calamine::{Reader, Xlsx};
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let names = wb.sheet_names().clone();
    names
        .into_iter()
        .map(|name| {
            let range = wb.worksheet_range(&name).unwrap();
            let rows = range
                .rows()
                .map(|r| r.iter().map(ToString::to_string).collect())
                .collect();
            (name, rows)
        })
        .collect()
}

/// The XLSX opens, has the catalogue sheet and the header sheet, one row per item with its
/// name, and reads back (through the one loader) to the same items.
fn read_back_workbook(bytes: &[u8], original: &serde_json::Value) {
    let sheets = workbook_cells(bytes);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["标准目录", "目录信息"]);
    let table = &sheets[0].1;
    let items = original["items"].as_array().unwrap();
    assert_eq!(items.len(), 9);
    for item in items {
        let name = item["name"].as_str().unwrap();
        let rows = table.iter().filter(|r| r.iter().any(|c| c == name)).count();
        assert_eq!(rows, 1, "{name}: rows of the workbook");
    }
    assert!(table.iter().any(|r| r.iter().any(|c| c == "序号")));
    let loaded = gongkai::import::load(
        bytes,
        &gongkai::import::ImportOptions::default().file_name("目录.xlsx"),
    )
    .unwrap();
    let back: Vec<(&str, &str)> = loaded
        .catalogue
        .items
        .iter()
        .map(|i| (i.id.as_str(), i.name.as_str()))
        .collect();
    let want: Vec<(&str, &str)> = items
        .iter()
        .map(|i| (i["id"].as_str().unwrap(), i["name"].as_str().unwrap()))
        .collect();
    assert_eq!(back, want);
}

#[test]
fn converts_json_to_every_format() {
    let dir = workdir("all");
    let original: serde_json::Value =
        serde_json::from_slice(&std::fs::read(FIXTURE).unwrap()).unwrap();
    for ext in ["json", "csv", "xlsx", "html", "htm", "md"] {
        let out = dir.join(format!("目录.{ext}"));
        let o = gongkai(&["convert", FIXTURE, "-o", s(&out)]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{ext}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let bytes = std::fs::read(&out).unwrap();
        match ext {
            "json" => {
                let back: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                assert_eq!(back, original);
            }
            "csv" => {
                assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
                let text = String::from_utf8(bytes).unwrap();
                assert!(text.contains("\r\n序号,公开事项,"));
            }
            "xlsx" => read_back_workbook(&bytes, &original),
            "html" | "htm" => {
                let text = String::from_utf8(bytes).unwrap();
                assert!(text.starts_with("<!doctype html>"));
                assert!(text.contains("联系人：张三"));
            }
            "md" => {
                let text = String::from_utf8(bytes).unwrap();
                assert!(text.starts_with("# 武陟县城市管理局"));
                assert!(text.contains("| 序号 |"));
            }
            _ => unreachable!(),
        }
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("已写入"), "{err}");
    }
}

#[test]
fn format_flag_overrides_the_extension_and_allows_stdout() {
    let dir = workdir("flag");
    let out = dir.join("page.txt");
    let o = gongkai(&["convert", FIXTURE, "-o", s(&out), "--format", "html"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("<!doctype html>")
    );

    let o = gongkai(&["convert", FIXTURE, "-o", "-", "--format", "md"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8(o.stdout).unwrap().starts_with("# "));

    let o = gongkai(&["convert", FIXTURE, "-o", "-"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--format"));
}

#[test]
fn mask_and_levels_options() {
    let o = gongkai(&[
        "convert", FIXTURE, "-o", "-", "--format", "html", "--mask", "--levels", "used",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let html = String::from_utf8(o.stdout).unwrap();
    assert!(!html.contains("张三") && html.contains("联系人：＊＊"));
    assert!(!html.contains(">市级<"));
}

#[test]
fn unknown_output_extension_is_refused() {
    let dir = workdir("ext");
    let out = dir.join("out.pdf");
    let o = gongkai(&["convert", FIXTURE, "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("扩展名") && err.contains(".xlsx"), "{err}");
    assert!(!out.exists());
}

#[test]
fn unreadable_input_exits_2() {
    let dir = workdir("bad");
    let missing = dir.join("missing.json");
    let o = gongkai(&["convert", s(&missing), "-o", s(&dir.join("x.csv"))]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing.json"));

    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\"title\": ").unwrap();
    let o = gongkai(&["convert", s(&broken), "-o", s(&dir.join("x.csv"))]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("JSON"));
    assert!(!dir.join("x.csv").exists());
}

#[test]
fn refuses_to_overwrite_the_input() {
    let dir = workdir("same");
    let input = dir.join("目录.json");
    std::fs::copy(FIXTURE, &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    // The same file under another spelling of its path.
    let other = dir.join(".").join("目录.json");
    let o = gongkai(&["convert", s(&input), "-o", s(&other), "--format", "csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("拒绝覆盖"));
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

#[test]
fn table_input_goes_through_the_importer() {
    let dir = workdir("table");
    let csv = dir.join("目录.csv");
    let o = gongkai(&["convert", FIXTURE, "-o", s(&csv)]);
    assert_eq!(o.status.code(), Some(0));
    let back = dir.join("back.json");
    let o = gongkai(&["convert", s(&csv), "-o", s(&back)]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // The fixture has no table losses: the CSV converts back to the same catalogue.
    let read = |p: &Path| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
    };
    assert_eq!(read(&back), read(Path::new(FIXTURE)));
}
