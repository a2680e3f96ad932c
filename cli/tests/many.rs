//! `gongkai validate DIR...`: folders walked, files validated in parallel (`--jobs`), output in a
//! stable order, one JSON line per file, standard input, and per-file failures that leave the
//! other files processed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{examples, fresh, gongkai, gongkai_stdin, s, stderr, stdout};
use serde_json::Value;
use std::path::PathBuf;
use std::process::Output;

/// A folder with catalogues in JSON and CSV (one in a sub-folder), files that are skipped, a
/// truncated file, a file that is not a workbook and a link to nowhere.
fn lake(name: &str) -> PathBuf {
    let d = fresh(name);
    let ex = examples();
    std::fs::create_dir_all(d.join("b-sub/deeper")).unwrap();
    std::fs::copy(ex.join("wuzhi-municipal.json"), d.join("a-valid.json")).unwrap();
    std::fs::copy(
        ex.join("invalid/template-placeholders.json"),
        d.join("b-sub/placeholders.json"),
    )
    .unwrap();
    std::fs::copy(
        ex.join("evaluation/02-武陟县城市管理综合执法大队.csv"),
        d.join("b-sub/deeper/执法大队.CSV"),
    )
    .unwrap();
    std::fs::write(d.join("c-truncated.json"), "{\"schema_version\": \"1.0\", ").unwrap();
    std::fs::write(d.join("d-junk.xlsx"), b"PK\x03\x04 not really a workbook").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(d.join("nowhere.json"), d.join("e-dangling.json")).unwrap();
    // Left out: other extensions, hidden files, Office lock files.
    std::fs::write(d.join("notes.txt"), "not a catalogue").unwrap();
    std::fs::write(d.join(".hidden.json"), "{").unwrap();
    std::fs::write(d.join("~$a-valid.xlsx"), "lock").unwrap();
    d
}

fn lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_folder_is_walked_in_order_and_every_file_reported() {
    let d = lake("gongkai-many-lake");
    let o = gongkai(&["validate", "--format", "json", "--jobs", "3", s(&d)]);
    // A file that cannot be read makes the exit code 2; the others are still reported.
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let got = lines(&o);
    let files: Vec<String> = got
        .iter()
        .map(|l| l["file"].as_str().unwrap().to_owned())
        .collect();
    let mut want = vec![
        d.join("a-valid.json"),
        d.join("b-sub/deeper/执法大队.CSV"),
        d.join("b-sub/placeholders.json"),
        d.join("c-truncated.json"),
        d.join("d-junk.xlsx"),
    ];
    if cfg!(unix) {
        want.push(d.join("e-dangling.json"));
    }
    let want: Vec<String> = want.iter().map(|p| s(p).to_owned()).collect();
    assert_eq!(files, want);
    assert_eq!(got[0]["valid"], Value::Bool(true));
    assert_eq!(got[1]["valid"], Value::Bool(false));
    assert_eq!(got[2]["valid"], Value::Bool(false));
    assert_eq!(got[3]["error"]["code"], "json");
    assert_eq!(got[4]["error"]["code"], "import");
    if cfg!(unix) {
        assert_eq!(got[5]["error"]["code"], "io");
    }
    // Each failure is said on stderr, naming its file; the summary counts them.
    let err = stderr(&o);
    assert!(
        err.contains("c-truncated.json") && err.contains("截断"),
        "{err}"
    );
    assert!(err.contains("d-junk.xlsx"), "{err}");
    assert!(
        err.contains("共 6 个文件") || err.contains("共 5 个文件"),
        "{err}"
    );
    // Each line is the file's own report, as `validate FILE --format json` gives it.
    for (line, file) in got.iter().zip(&want).take(3) {
        let one = gongkai(&["validate", "--format", "json", file]);
        let mut alone: Value = serde_json::from_str(&stdout(&one)).unwrap();
        alone["file"] = Value::String(file.clone());
        assert_eq!(line, &alone, "{file}");
    }
}

#[test]
fn output_is_the_same_whatever_the_number_of_jobs() {
    let d = lake("gongkai-many-jobs");
    let ex = examples();
    for format in ["json", "text"] {
        let run = |jobs: &str| {
            gongkai(&[
                "validate",
                "--format",
                format,
                "--jobs",
                jobs,
                s(&d),
                s(&ex.join("invalid")),
                s(&ex.join("wuzhi-municipal.json")),
            ])
        };
        let one = run("1");
        for jobs in ["2", "4", "16"] {
            let many = run(jobs);
            assert_eq!(stdout(&one), stdout(&many), "{format} --jobs {jobs}");
            assert_eq!(one.status.code(), many.status.code());
        }
        assert_eq!(one.status.code(), Some(2));
    }
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let f = examples().join("invalid/template-placeholders.json");
    let bytes = std::fs::read(&f).unwrap();
    let o = gongkai_stdin(&["validate", "--format", "json", "-"], &bytes);
    assert_eq!(o.status.code(), Some(1));
    let from_file = gongkai(&["validate", "--format", "json", s(&f)]);
    assert_eq!(stdout(&o), stdout(&from_file));

    // Standard input closed early: half a document is a clear error, exit 2.
    let o = gongkai_stdin(
        &["validate", "--lang", "en", "-"],
        &bytes[..bytes.len() / 2],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("gongkai: -:"), "{}", stderr(&o));
}

#[test]
fn a_folder_without_catalogues_and_bad_jobs_are_clear_errors() {
    let d = fresh("gongkai-many-empty");
    std::fs::write(d.join("readme.txt"), "nothing here").unwrap();
    let good = examples().join("wuzhi-municipal.json");
    let o = gongkai(&["validate", "--format", "json", s(&d), s(&good)]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("没有目录文件") && err.contains(s(&d)), "{err}");
    let got = lines(&o);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0]["error"]["code"], "io");
    assert_eq!(got[1]["valid"], Value::Bool(true));

    let o = gongkai(&["validate", "--lang", "en", s(&d)]);
    assert!(
        stderr(&o).contains("has no catalogue file"),
        "{}",
        stderr(&o)
    );

    let o = gongkai(&["validate", "--jobs", "0", s(&good)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--jobs 应为 1 或更大的整数"),
        "{}",
        stderr(&o)
    );
}
