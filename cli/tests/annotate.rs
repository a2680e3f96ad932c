//! `gongkai annotate`: exit codes, the summary line, refusing to overwrite the input, and an
//! output that `gongkai validate` reads back with the same problems.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const CORPUS_CSV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/corpus/01-fsxf-municipal.csv"
);

/// A table without errors (header fields from its title rows).
const GOOD_CSV: &str = "武陟县城市管理局市政服务领域基层政务公开标准目录,,,,,,,,,,,,,
编制日期：2024年3月1日,,,,,,,,,,,,,
序号,一级事项,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道,全社会,特定群体,主动,依申请,县级,乡级
1,城镇燃气管理,燃气经营许可证核发,申请条件、申请材料,《城镇燃气管理条例》（国务院令第583号）,自信息形成或者变更之日起20个工作日内,武陟县城市管理局,■政府网站,√,,√,,√,
";

fn gongkai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .output()
        .unwrap()
}

fn workdir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("annotate-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn report(path: &Path) -> serde_json::Value {
    let o = gongkai(&["validate", "--format", "json", s(path)]);
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn a_table_with_errors_is_annotated_and_exits_1() {
    let dir = workdir("errors");
    let out = dir.join("标注.xlsx");
    let o = gongkai(&["annotate", CORPUS_CSV, "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    let before = report(Path::new(CORPUS_CSV));
    let c = &before["counts"];
    assert!(c["error"].as_u64().unwrap() > 0);
    assert!(
        err.contains(&format!(
            "{} 个错误，{} 个警告，{} 个提示",
            c["error"], c["warning"], c["info"]
        )),
        "{err}"
    );
    assert!(err.contains("问题清单"), "{err}");
    // The output is a workbook that validates to the same problems (plus the note that the
    // issues sheet is not a catalogue table).
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let after = report(&out);
    assert_eq!(after["counts"]["error"], c["error"]);
    assert_eq!(after["counts"]["warning"], c["warning"]);
    assert_eq!(
        after["counts"]["info"].as_u64().unwrap(),
        c["info"].as_u64().unwrap() + 1
    );
    // Annotating the annotated workbook again gives the same summary.
    let again = dir.join("again.xlsx");
    let o2 = gongkai(&["annotate", s(&out), "-o", s(&again)]);
    assert_eq!(o2.status.code(), Some(1));
    let tail = |e: &str| e.split_once('（').unwrap().1.to_owned();
    assert_eq!(tail(&stderr(&o2)), tail(&err));
}

#[test]
fn a_word_document_is_annotated_as_a_workbook_of_its_tables() {
    let dir = workdir("docx");
    let input = format!(
        "{}/../tests/import/word_catalogue.docx",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = dir.join("标注.xlsx");
    let o = gongkai(&["annotate", &input, "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    // The copy holds the document's table as sheet 表1: the items' problems are at the same
    // cells in the copy as in the document.
    let items = |v: &serde_json::Value| {
        let mut out: Vec<(String, String, serde_json::Value)> = v["issues"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["path"].as_str().unwrap().starts_with("/items/"))
            .map(|i| {
                (
                    i["code"].as_str().unwrap().to_owned(),
                    i["path"].as_str().unwrap().to_owned(),
                    i["location"].clone(),
                )
            })
            .collect();
        out.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        out
    };
    let before = items(&report(Path::new(&input)));
    let after = items(&report(&out));
    assert!(!before.is_empty());
    assert_eq!(before, after);
    assert!(before.iter().all(|(_, _, l)| l["sheet"] == "表1"));
}

#[test]
fn a_table_without_errors_exits_0_and_english_is_available() {
    let dir = workdir("good");
    let input = dir.join("目录.csv");
    std::fs::write(&input, GOOD_CSV).unwrap();
    let out = dir.join("out.XLSX");
    let o = gongkai(&["annotate", s(&input), "-o", s(&out), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("wrote") && err.contains("0 errors") && err.contains("“Issues”"),
        "{err}"
    );
    // The workbook opens (calamine, not gongkai's reader): the table, then the issues sheet.
    use calamine::{Reader, Xlsx};
    let bytes = std::fs::read(&out).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let names = wb.sheet_names().clone();
    assert_eq!(names.len(), 2, "{names:?}");
    assert_eq!(names[1], "Issues", "{names:?}");
    let table = wb.worksheet_range(&names[0]).unwrap();
    let cells: Vec<String> = table.cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(cells.iter().any(|c| c == "燃气经营许可证核发"), "{cells:?}");
    assert!(cells.iter().any(|c| c == "序号"), "{cells:?}");
}

#[test]
fn the_input_is_never_overwritten() {
    let dir = workdir("same");
    let input = dir.join("目录.xlsx");
    let o = gongkai(&["convert", CORPUS_CSV, "-o", s(&input)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let original = std::fs::read(&input).unwrap();
    for out in [input.clone(), dir.join(".").join("目录.xlsx")] {
        let o = gongkai(&["annotate", s(&input), "-o", s(&out)]);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("拒绝覆盖"), "{}", stderr(&o));
    }
    assert_eq!(std::fs::read(&input).unwrap(), original);
}

#[test]
fn bad_arguments_and_unreadable_input_exit_2() {
    let dir = workdir("bad");
    let out = dir.join("out.xlsx");
    // Not an .xlsx output.
    let o = gongkai(&["annotate", CORPUS_CSV, "-o", s(&dir.join("out.csv"))]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(".xlsx"));
    // A missing file, a corrupt workbook, an empty file, a JSON catalogue.
    let corrupt = dir.join("坏.xlsx");
    std::fs::write(&corrupt, b"PK\x03\x04 broken").unwrap();
    let empty = dir.join("empty.csv");
    std::fs::write(&empty, b"").unwrap();
    let json = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/export/catalogue.json"
    );
    for (input, says) in [
        (s(&dir.join("missing.csv")), "无法读取文件"),
        (s(&corrupt), "损坏"),
        (s(&empty), "为空"),
        (json, "JSON"),
    ] {
        let o = gongkai(&["annotate", input, "-o", s(&out)]);
        assert_eq!(o.status.code(), Some(2), "{input}");
        assert!(stderr(&o).contains(says), "{input}: {}", stderr(&o));
        assert!(!out.exists());
    }
    // Missing -o.
    let o = gongkai(&["annotate", CORPUS_CSV]);
    assert_eq!(o.status.code(), Some(2));
}
