//! The streaming path ([`gongkai::stream`]) gives the in-memory path's report byte for byte, on
//! every JSON file under `tests/` (the catalogues of the rule fixtures, with their options, as
//! written and with their keys reordered so that header keys come after the items), under
//! several option sets; and it really streams the documents the fast path takes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use gongkai::{Lang, Options, Severity, Validator};
use serde_json::Value;
use std::io::Cursor;
use std::path::{Path, PathBuf};

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            json_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

/// Every document to compare: each JSON file as it is, and the catalogue of each fixture (as
/// text when given as text; else pretty with the fixture's key order, and compact with keys
/// sorted, which puts `items` before `level`, `publisher`, `title`…).
fn documents() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
    let mut files = Vec::new();
    json_files(&root, &mut files);
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        let name = f.strip_prefix(&root).unwrap().display().to_string();
        if let Ok(Value::Object(m)) = serde_json::from_slice::<Value>(&bytes) {
            if let Some(Value::String(t)) = m.get("catalogue_text") {
                out.push((format!("{name} (text)"), t.clone().into_bytes()));
            }
            if let Some(c) = m.get("catalogue") {
                let text = std::fs::read_to_string(&f).unwrap();
                // The catalogue as written in the fixture (its key order), re-indented.
                let raw = raw_catalogue(&text).unwrap_or_else(|| serde_json::to_vec(c).unwrap());
                out.push((format!("{name} (as written)"), raw));
                out.push((
                    format!("{name} (keys sorted)"),
                    serde_json::to_vec(c).unwrap(),
                ));
                let mut bom = b"\xEF\xBB\xBF".to_vec();
                bom.extend(serde_json::to_vec_pretty(c).unwrap());
                out.push((format!("{name} (BOM)"), bom));
            }
        }
        out.push((name, bytes));
    }
    out
}

/// The text of the fixture's `"catalogue": {…}` value as written (key order kept).
fn raw_catalogue(text: &str) -> Option<Vec<u8>> {
    let start = text.find("\"catalogue\":")? + "\"catalogue\":".len();
    let rest = &text[start..];
    let mut de = serde_json::Deserializer::from_str(rest).into_iter::<serde::de::IgnoredAny>();
    de.next()?.ok()?;
    Some(rest[..de.byte_offset()].trim().as_bytes().to_vec())
}

fn option_sets() -> Vec<(&'static str, Options)> {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    vec![
        ("default", Options::default()),
        (
            "en, today, masked",
            Options::default()
                .lang(Lang::En)
                .today(today)
                .mask_values(true),
        ),
        (
            "warnings and up, 3 issues at most",
            Options::default()
                .min_severity(Severity::Warning)
                .max_issues(3),
        ),
        ("1 issue at most", Options::default().max_issues(1)),
    ]
}

#[test]
fn streaming_gives_the_in_memory_report_byte_for_byte() {
    let docs = documents();
    assert!(docs.len() > 400, "{} documents", docs.len());
    let mut streamed = 0;
    for (label, opts) in option_sets() {
        let v = Validator::new(opts);
        for (name, bytes) in &docs {
            let memory = v.validate_json(bytes);
            let stream = gongkai::stream::validate_json_reader(&v, Cursor::new(bytes), name);
            match (&memory, &stream) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(a.to_json_pretty(), b.to_json_pretty(), "{name} ({label})")
                }
                (Err(a), Err(b)) => assert_eq!(a, b, "{name} ({label})"),
                _ => panic!("{name} ({label}): {memory:?} vs {stream:?}"),
            }
            if let Some(r) = gongkai::stream::streamed(&v, Cursor::new(bytes)) {
                streamed += 1;
                assert_eq!(Ok(r), memory, "{name} ({label}), streamed alone");
            }
        }
    }
    // Most fixtures' catalogues are structurally sound: they must have been streamed.
    assert!(streamed > 400, "only {streamed} documents streamed");
}

#[test]
fn header_keys_after_the_items_and_a_truncated_file() {
    let ex = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/invalid/template-placeholders.json");
    let text = std::fs::read_to_string(ex).unwrap();
    let Value::Object(m) = serde_json::from_str::<Value>(&text).unwrap() else {
        panic!()
    };
    // items first, then every header key.
    let mut doc = String::from("{\"items\": ");
    doc.push_str(&serde_json::to_string(&m["items"]).unwrap());
    for (k, v) in &m {
        if k != "items" {
            doc.push_str(&format!(", {}: {}", serde_json::to_string(k).unwrap(), v));
        }
    }
    doc.push('}');
    let v = Validator::default();
    let memory = v.validate_json(doc.as_bytes()).unwrap();
    let stream = gongkai::stream::streamed(&v, Cursor::new(doc.as_bytes())).expect("streams");
    assert_eq!(memory.to_json_pretty(), stream.to_json_pretty());
    assert!(!stream.valid && stream.items == 4);

    // Truncated: the streaming pass gives up, the in-memory path says where.
    let cut = &doc.as_bytes()[..doc.len() / 2];
    assert!(gongkai::stream::streamed(&v, Cursor::new(cut)).is_none());
    let e = gongkai::stream::validate_json_reader(&v, Cursor::new(cut), "cut.json").unwrap_err();
    assert_eq!(e.code(), "json");
    assert_eq!(Err(e), v.validate_json(cut));
    // Too large: refused before reading, as in memory.
    let small = Validator::new(Options::default().max_input_bytes(100));
    let e = gongkai::stream::validate_json_reader(&small, Cursor::new(doc.as_bytes()), "x")
        .unwrap_err();
    assert_eq!(e.code(), "too_large");
}
