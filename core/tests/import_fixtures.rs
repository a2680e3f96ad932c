//! The shared import fixtures of `tests/import/` (format in `tests/README.md`): each input file
//! (`<name>.csv`, `.html`, `.xlsx`, `.docx`, or a file the importer refuses) is read through the
//! one loader with the fixture's options, and gives exactly the importer findings (code, path)
//! of `<name>.expected.json`, the error it names, and the items, cells and catalogue fields it
//! lists (each a subset of what is read).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use gongkai::import::{ImportOptions, Loaded, load};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/import")
}

struct Fixture {
    name: String,
    file: String,
    input: Vec<u8>,
    options: ImportOptions,
    expected: Value,
}

fn options(name: &str, file: &str, o: &Value) -> ImportOptions {
    let mut opts = ImportOptions::default().file_name(o["file_name"].as_str().unwrap_or(file));
    let obj = o.as_object().cloned().unwrap_or_default();
    for (k, v) in &obj {
        let s = || {
            v.as_str()
                .unwrap_or_else(|| panic!("{name}: options.{k}"))
                .to_owned()
        };
        let n = || v.as_u64().unwrap_or_else(|| panic!("{name}: options.{k}")) as usize;
        opts = match k.as_str() {
            "file_name" => opts,
            "sheet" => opts.sheet(s()),
            "title" => opts.title(s()),
            "domain" => opts.domain(s()),
            "publisher" => opts.publisher(s()),
            "issued" => opts.issued(s()),
            "level" => opts.level(serde_json::from_value(v.clone()).unwrap()),
            "max_rows" => opts.max_rows(n()),
            "max_columns" => opts.max_columns(n()),
            "max_cell_bytes" => opts.max_cell_bytes(n()),
            "max_input_bytes" => opts.max_input_bytes(n()),
            "max_decompressed_bytes" => opts.max_decompressed_bytes(n() as u64),
            "max_zip_entries" => opts.max_zip_entries(n()),
            "max_xml_depth" => opts.max_xml_depth(n()),
            "max_findings" => opts.max_findings(n()),
            other => panic!("{name}: unknown option {other}"),
        };
    }
    opts
}

fn fixtures() -> Vec<Fixture> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".expected.json").map(str::to_owned))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let v: Value = serde_json::from_slice(
                &std::fs::read(dir().join(format!("{name}.expected.json"))).unwrap(),
            )
            .unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
            assert!(
                v["description"].as_str().is_some_and(|d| !d.is_empty()),
                "{name}: description"
            );
            let inputs: Vec<String> = std::fs::read_dir(dir())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|f| {
                    f.rsplit_once('.').is_some_and(|(stem, _)| stem == name)
                        && !f.ends_with(".expected.json")
                })
                .collect();
            assert_eq!(inputs.len(), 1, "{name}: one input file, found {inputs:?}");
            let file = inputs[0].clone();
            let input = std::fs::read(dir().join(&file)).unwrap();
            Fixture {
                options: options(&name, &file, &v["options"]),
                name,
                file,
                input,
                expected: v["expected"].clone(),
            }
        })
        .collect()
}

/// Whether `want` is a subset of `got`: objects key by key, arrays of the same length element by
/// element, anything else equal.
fn subset(want: &Value, got: &Value, at: &str, out: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for (k, wv) in w {
                let gv = g.get(k).unwrap_or(&Value::Null);
                subset(wv, gv, &format!("{at}/{k}"), out);
            }
        }
        (Value::Array(w), Value::Array(g)) if w.len() == g.len() => {
            for (i, (wv, gv)) in w.iter().zip(g).enumerate() {
                subset(wv, gv, &format!("{at}/{i}"), out);
            }
        }
        _ if want == got => {}
        _ => out.push(format!("{at}: want {want}, got {got}")),
    }
}

fn pairs(v: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["code"].as_str().unwrap().to_owned(),
                i["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

fn check(f: &Fixture, loaded: &Loaded) -> Vec<String> {
    let mut problems = Vec::new();
    let mut got: Vec<(String, String)> = loaded
        .findings
        .iter()
        .map(|x| (x.code.as_str().to_owned(), x.path.clone()))
        .collect();
    got.sort();
    let want = pairs(&f.expected["issues"]);
    if got != want {
        problems.push(format!("findings\n  want {want:?}\n  got  {got:?}"));
    }
    if let Some(items) = f.expected.get("items") {
        let got = serde_json::to_value(&loaded.catalogue.items).unwrap();
        let want = items.as_array().unwrap();
        if want.len() != loaded.catalogue.items.len() {
            problems.push(format!(
                "{} items, want {}",
                loaded.catalogue.items.len(),
                want.len()
            ));
        }
        subset(items, &got, "/items", &mut problems);
    }
    if let Some(cat) = f.expected.get("catalogue") {
        let got = serde_json::to_value(&loaded.catalogue).unwrap();
        subset(cat, &got, "", &mut problems);
    }
    if let Some(locs) = f.expected.get("locations") {
        let sources = loaded.sources.as_ref().expect("a table has sources");
        for (pointer, want) in locs.as_object().unwrap() {
            let got = sources
                .get(pointer)
                .map(|l| serde_json::to_value(l).unwrap())
                .unwrap_or(Value::Null);
            subset(want, &got, pointer, &mut problems);
        }
    }
    problems
}

#[test]
fn every_import_fixture_gives_what_it_expects() {
    let all = fixtures();
    let mut failures = Vec::new();
    for f in &all {
        let result = load(&f.input, &f.options);
        let problems = match (&f.expected["error"], result) {
            (Value::String(code), Err(e)) if e.code() == code => {
                // The message says what the file is and what to do.
                match f.expected.get("message_contains").and_then(Value::as_str) {
                    Some(m) if !e.to_string().contains(m) => {
                        vec![format!("error message {:?} lacks {m:?}", e.to_string())]
                    }
                    _ => Vec::new(),
                }
            }
            (Value::String(code), Err(e)) => vec![format!("error {} ({e}), want {code}", e.code())],
            (Value::String(code), Ok(_)) => vec![format!("no error, want {code}")],
            (_, Err(e)) => vec![format!("error: {e}")],
            (_, Ok(loaded)) => check(f, &loaded),
        };
        if !problems.is_empty() {
            failures.push(format!(
                "{} ({}):\n  {}",
                f.name,
                f.file,
                problems.join("\n  ")
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    assert!(all.len() >= 30, "{} import fixtures", all.len());
}

#[test]
fn every_fixture_code_is_registered_and_every_format_is_covered() {
    let all = fixtures();
    for f in &all {
        for (code, _) in pairs(&f.expected["issues"]) {
            assert!(
                gongkai::Code::from_code(&code).is_some(),
                "{}: unknown code {code}",
                f.name
            );
        }
    }
    for ext in ["csv", "html", "xlsx", "docx", "doc", "pdf"] {
        assert!(
            all.iter().any(|f| f.file.ends_with(&format!(".{ext}"))),
            "no .{ext} fixture"
        );
    }
}
