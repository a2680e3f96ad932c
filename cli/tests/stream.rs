//! `gongkai validate FILE.json` on a file of 16 MiB or more takes the streaming path
//! (`gongkai::stream`): the report must be the one of the in-memory path (the same bytes on
//! standard input), byte for byte, and a truncated large file must fail as clearly.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{examples, fresh, gongkai, gongkai_stdin};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The bundled example with its items repeated (ids renumbered) until the file passes 17 MiB,
/// with the header keys after the items (the streaming path must find them there too). Every
/// third copy of an item loses its time limit's starting point, so that the report has
/// thousands of warnings. Returns the file and its number of items.
fn big_catalogue(dir: &Path) -> (PathBuf, usize) {
    let ex = examples().join("wuzhi-municipal.json");
    let doc: Value = serde_json::from_slice(&std::fs::read(ex).unwrap()).unwrap();
    let items = doc["items"].as_array().unwrap().clone();
    let path = dir.join("big.json");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    out.write_all(b"{\"items\": [").unwrap();
    let mut written = 0usize;
    let mut n = 0usize;
    while written < 17 << 20 {
        for it in &items {
            let mut it = it.clone();
            it["id"] = Value::String(format!("{}", n + 1));
            if n % 3 == 0 {
                if let Some(tl) = it.get_mut("time_limit").and_then(Value::as_object_mut) {
                    tl.remove("from");
                }
            }
            let text = serde_json::to_string(&it).unwrap();
            if n > 0 {
                out.write_all(b",\n").unwrap();
            }
            out.write_all(text.as_bytes()).unwrap();
            written += text.len() + 2;
            n += 1;
        }
    }
    out.write_all(b"]").unwrap();
    for (k, v) in doc.as_object().unwrap() {
        if k != "items" {
            write!(out, ",\n{}: {}", serde_json::to_string(k).unwrap(), v).unwrap();
        }
    }
    out.write_all(b"}\n").unwrap();
    out.flush().unwrap();
    (path, n)
}

#[test]
fn a_large_file_streams_to_the_in_memory_report_and_a_cut_one_fails_clearly() {
    let dir = fresh("stream-cli");
    let (big, n) = big_catalogue(&dir);
    let size = std::fs::metadata(&big).unwrap().len();
    assert!(
        size >= 16 << 20,
        "{size} bytes: under the streaming threshold"
    );

    let file = gongkai(&["validate", big.to_str().unwrap(), "--format", "json"]);
    let stdin = gongkai_stdin(
        &["validate", "-", "--format", "json"],
        &std::fs::read(&big).unwrap(),
    );
    assert_eq!(stdin.status.code(), file.status.code());
    assert!(
        file.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&file.stderr)
    );
    assert!(file.stdout == stdin.stdout, "the streamed report differs");
    let report: Value = serde_json::from_slice(&file.stdout).unwrap();
    assert_eq!(report["items"], n);
    let no_anchor = report["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["code"] == "time.no_anchor")
        .count();
    // The example's items with a time limit that had a starting point, one copy in three.
    assert!(
        no_anchor >= n / 3 / 2,
        "{no_anchor} time.no_anchor for {n} items"
    );

    // The same file cut in the middle of an item: a JSON error with its line, exit 2.
    let bytes = std::fs::read(&big).unwrap();
    let cut = dir.join("cut.json");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let o = gongkai(&["validate", cut.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("cut.json") && err.contains("line"), "{err}");
}
