//! Hostile input, the cases `json_input.rs` (JSON through `validate_json`) and
//! `import_hostile.rs` (zip bombs, entity expansion, a million CSV rows, arbitrary bytes) do not
//! cover: the same attacks through the other entry points (`validate_item_json`,
//! `Catalogue::from_json`, `import::load`, the audit records reader, the CSV and HTML importers),
//! a 50 MB value in a field the rules read, a 10 MB CSV cell, an HTML page with 10,000 tables
//! and scripts, pathological cells for the free-text parsers, and a catalogue of 100,000 items.
//!
//! Each case must end with a report or a clear `Error`. Times are printed (run with
//! `--nocapture`) and documented in SECURITY.md rather than asserted, so that a loaded CI machine
//! cannot make the suite flaky; the shapes of the results are asserted.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_support;

use gongkai::import::{ImportOptions, import_csv, import_html};
use gongkai::{Catalogue, MAX_PARAM_CHARS, Report, Validator};
use std::time::Instant;

const DEPTH: usize = 100_000;

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    println!("{what}: {:.2?}", t.elapsed());
    out
}

/// The export fixture as a JSON value (a valid catalogue of 9 items).
fn doc() -> serde_json::Value {
    serde_json::from_slice(export_support::FIXTURE).unwrap()
}

fn bytes(v: &serde_json::Value) -> Vec<u8> {
    serde_json::to_vec(v).unwrap()
}

/// Every issue's message and params are bounded, whatever the input.
fn assert_bounded(r: &Report) {
    for i in &r.issues {
        assert!(
            i.message.chars().count() <= 2_000,
            "{}: message too long",
            i.code
        );
        for v in i.params.values() {
            assert!(
                v.chars().count() <= MAX_PARAM_CHARS + 1,
                "{}: param",
                i.code
            );
        }
        if let Some(id) = &i.item_id {
            assert!(id.chars().count() <= MAX_PARAM_CHARS + 1);
        }
    }
}

fn deep(open: &str, close: &str) -> String {
    let mut s = open.repeat(DEPTH);
    s.push('1');
    s.push_str(&close.repeat(DEPTH));
    s
}

#[test]
fn deep_nesting_through_every_json_entry_point() {
    let v = Validator::default();
    for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
        let nested = deep(open, close);
        // At the top level (the whole document is an array or an object).
        let e = v.validate_json(nested.as_bytes()).unwrap_err();
        assert_eq!(e.code(), "json", "{e}");
        assert!(e.to_string().contains("嵌套"), "{e}");
        // As an item, and inside the header of validate_item_json.
        let item = format!("{{\"id\":\"1\",\"x\":{nested}}}");
        let e = v.validate_item_json(item.as_bytes(), 0, None).unwrap_err();
        assert_eq!(e.code(), "json", "{e}");
        let header = format!("{{\"title\":\"T\",\"x\":{nested}}}");
        let e = v
            .validate_item_json(b"{\"id\":\"1\"}", 0, Some(header.as_bytes()))
            .unwrap_err();
        assert_eq!(e.code(), "json", "{e}");
        // The strict reader (convert, diff) and the diff loader.
        let mut d = doc();
        d["x"] = serde_json::Value::Null;
        let text = String::from_utf8(bytes(&d))
            .unwrap()
            .replace("\"x\":null", &format!("\"x\":{nested}"));
        assert_eq!(
            Catalogue::from_json(text.as_bytes()).unwrap_err().code(),
            "json"
        );
        assert_eq!(
            gongkai::import::load(
                text.as_bytes(),
                &gongkai::import::ImportOptions::default().file_name("a.json")
            )
            .unwrap_err()
            .code(),
            "json"
        );
        // Publication records.
        let records = format!("[{{\"item_id\":\"1\",\"note\":{nested}}}]");
        let e = gongkai::audit::read_records(records.as_bytes(), Some("r.json")).unwrap_err();
        assert_eq!(e.code(), "json", "{e}");
        assert!(e.to_string().contains("嵌套层数过深"), "{e}");
    }
}

#[test]
fn deep_json_in_a_table_cell_and_nested_html_tables() {
    // A county column holding JSON (the exporters' `（JSON）` columns): too deep to read as JSON.
    let nested = deep("[", "]");
    let csv = format!(
        "序号,二级事项,公开内容,公开依据,公开时限,公开主体,附加（JSON）\n1,事项,条件,《条例》,20个工作日,城管局,\"{nested}\"\n"
    );
    let imp = timed("CSV with a 100,000-deep JSON cell", || {
        import_csv(csv.as_bytes(), &ImportOptions::default())
    })
    .unwrap();
    assert_eq!(imp.catalogue.items.len(), 1);
    // 10,000 tables nested in one another's cells.
    let row = "<tr><th>序号</th><th>二级事项</th><th>公开内容</th><th>公开依据</th></tr><tr><td>1</td><td>事项</td><td>";
    let mut page = String::new();
    for _ in 0..10_000 {
        page.push_str("<table>");
        page.push_str(row);
    }
    page.push('x');
    for _ in 0..10_000 {
        page.push_str("</td><td>《条例》</td></tr></table>");
    }
    let result = timed("HTML with 10,000 nested tables", || {
        import_html(page.as_bytes(), &ImportOptions::default())
    });
    // Refused before the tree is built, with the depth, the limit and what to do.
    let Err(e) = result else {
        panic!("10,000 nested tables are refused")
    };
    assert_eq!(e.code(), "import", "{e}");
    let text = e.to_string();
    for part in ["嵌套", "10000", "512", "Excel/CSV"] {
        assert!(text.contains(part), "{part}: {text}");
    }
}

#[test]
fn a_fifty_megabyte_value_in_fields_the_rules_read() {
    let big = "燃气经营许可".repeat(50 * 1024 * 1024 / 18);
    let v = Validator::default();
    for field in ["name", "subject", "category"] {
        let mut d = doc();
        d["items"][0][field] = serde_json::Value::String(big.clone());
        let input = bytes(&d);
        let r = timed(&format!("50 MB {field}"), || v.validate_json(&input)).unwrap();
        assert_eq!(r.items, 9);
        assert_bounded(&r);
        let json = r.to_json();
        assert!(
            json.len() < 200_000,
            "{field}: report of {} bytes",
            json.len()
        );
    }
    // As free text the importer would have parsed: an unparsed time limit, a citation's text.
    let mut d = doc();
    d["items"][0]["time_limit"] = serde_json::json!({"kind": "unparsed", "text": big});
    d["items"][1]["basis"][0]["text"] = serde_json::Value::String(big.clone());
    d["items"][2]["content"] = serde_json::json!([big]);
    let input = bytes(&d);
    let r = timed("50 MB free texts", || v.validate_json(&input)).unwrap();
    assert_bounded(&r);
    assert!(r.to_json().len() < 200_000);
    // One item checked alone.
    let item = bytes(&d["items"][0]);
    let r = timed("50 MB item alone", || v.validate_item_json(&item, 0, None)).unwrap();
    assert_bounded(&r);
}

#[test]
fn invalid_utf8_bom_and_nul_outside_validate_json() {
    let v = Validator::default();
    let item = bytes(&doc()["items"][0]);
    // validate_item_json: a BOM is accepted, a bad byte is a located error.
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), &item].concat();
    let r = v.validate_item_json(&with_bom, 0, None).unwrap();
    assert!(r.valid, "{:?}", r.issues);
    let mut bad = item.clone();
    let at = bad.iter().position(|b| *b >= 0x80).unwrap();
    bad[at] = 0xFF;
    let e = v.validate_item_json(&bad, 0, None).unwrap_err();
    assert_eq!(e.code(), "json");
    assert!(e.to_string().contains("UTF-8"), "{e}");
    // A raw NUL byte is not JSON; an escaped one is a string like any other.
    let e = v
        .validate_item_json(b"{\"id\":\0\"1\"}", 0, None)
        .unwrap_err();
    assert_eq!(e.code(), "json");
    let r = v
        .validate_item_json(b"{\"id\":\"1\\u0000\",\"name\":\"\\u0000\"}", 0, None)
        .unwrap();
    assert!(r.issues.iter().all(|i| !i.message.contains('\0')));

    // CSV: BOM stripped; bytes that are neither UTF-8 nor GB18030 are an error; NUL refused
    // as binary when not UTF-8, kept out of messages when UTF-8.
    let csv = "序号,二级事项,公开内容,公开依据,公开时限,公开主体\n1,燃气\0经营,条件,《条例》,20个工作日,城管局\n";
    let bom = [b"\xEF\xBB\xBF".as_slice(), csv.as_bytes()].concat();
    let imp = import_csv(&bom, &ImportOptions::default()).unwrap();
    assert_eq!(imp.catalogue.items.len(), 1);
    assert_eq!(imp.tables[0].columns.len(), 6);
    let r =
        Validator::default().validate_imported(&imp.catalogue, Some(&imp.sources), &imp.findings);
    assert!(r.issues.iter().all(|i| !i.message.contains('\0')));
    let mut binary = csv.as_bytes().to_vec();
    binary.extend_from_slice(b"\xFF\xFF\xFE\x00\x81");
    let e = import_csv(&binary, &ImportOptions::default()).unwrap_err();
    assert_eq!(e.code(), "import");
    assert!(e.to_string().contains("GB18030"), "{e}");

    // HTML: BOM, NUL bytes and invalid UTF-8 in a page still give the table.
    let page = "<table><tr><th>序号</th><th>二级事项</th><th>公开内容</th><th>公开依据</th></tr>\
                <tr><td>1</td><td>燃气\0经营</td><td>条件\u{fffd}</td><td>《条例》</td></tr></table>";
    let mut html = b"\xEF\xBB\xBF".to_vec();
    html.extend_from_slice(page.as_bytes());
    html.extend_from_slice(b"<p>\xFF\xFE</p>");
    let imp = import_html(&html, &ImportOptions::default()).unwrap();
    assert_eq!(imp.catalogue.items.len(), 1);
    assert!(!imp.catalogue.items[0].name.contains('\0'));

    // Publication records.
    let e = gongkai::audit::read_records(b"item_id,formed_on,published_on\n1,\xFF,x\n", None)
        .unwrap_err();
    assert!(e.to_string().contains("UTF-8"), "{e}");
    let records = gongkai::audit::read_records(
        b"\xEF\xBB\xBFitem_id,formed_on,published_on\n1\0,2024-01-02,2024-01-05\n",
        None,
    )
    .unwrap();
    assert_eq!(records.records.len(), 1);
}

#[test]
fn duplicate_keys_in_an_item_and_in_nested_objects() {
    let v = Validator::default();
    let r = v
        .validate_item_json(
            br#"{"id":"1","name":"a","name":"b","time_limit":{"kind":"timely","kind":"realtime"}}"#,
            4,
            None,
        )
        .unwrap();
    let dups: Vec<&str> = r
        .issues
        .iter()
        .filter(|i| i.code == "json.duplicate_key")
        .map(|i| i.path.as_str())
        .collect();
    assert_eq!(dups, ["/items/4/name", "/items/4/time_limit/kind"]);
    assert!(!r.valid);
    // Many duplicates: one issue each, in linear time.
    let mut obj = String::from("{");
    for _ in 0..100_000 {
        obj.push_str("\"k\":1,");
    }
    obj.push_str("\"k\":1}");
    let text =
        String::from_utf8(bytes(&doc()))
            .unwrap()
            .replacen('{', &format!("{{\"x\":{obj},"), 1);
    let r = timed("100,000 duplicate keys", || {
        v.validate_json(text.as_bytes())
    })
    .unwrap();
    let n = r
        .issues
        .iter()
        .filter(|i| i.code == "json.duplicate_key")
        .count();
    assert_eq!(n, 100_000);
}

#[test]
fn extreme_numbers_in_every_numeric_field() {
    let v = Validator::default();
    let cases: &[(&str, &str)] = &[
        ("working_days", "days"),
        ("hours_before", "hours"),
        ("annual", "month"),
        ("annual", "day"),
    ];
    for (kind, field) in cases {
        for number in [
            "1e999",
            "-1e999",
            "-0",
            "-0.0",
            "1e-999",
            "0.5",
            "18446744073709551616",
            "4294967296",
            "1E2",
            "2.0e0",
        ] {
            let mut d = doc();
            let tl = serde_json::json!({"kind": kind, "days": 1, "hours": 1, "month": 1, "day": 1});
            d["items"][0]["time_limit"] = tl;
            d["items"][0]["time_limit"][field] = serde_json::Value::from(424_242);
            let text = String::from_utf8(bytes(&d))
                .unwrap()
                .replace("424242", number);
            let path = format!("/items/0/time_limit/{field}");
            match v.validate_json(text.as_bytes()) {
                Ok(r) => {
                    assert!(
                        !number.contains("e999"),
                        "{field} = {number}: overflows f64, yet read as JSON"
                    );
                    assert_bounded(&r);
                    // Out of the field's range, fractional or negative: an issue at the field;
                    // 1E2 (100) and 2.0e0 (2) are whole numbers.
                    let at_field = r.issues.iter().any(|i| i.path == path);
                    let fine = match number {
                        "2.0e0" => true,
                        "1E2" => *field == "days" || *field == "hours",
                        _ => false,
                    };
                    assert_eq!(at_field, !fine, "{field} = {number}: {:?}", r.issues);
                }
                // 1e999 overflows f64: not JSON a parser can read, with a line and column.
                Err(e) => {
                    assert!(number.contains("e999"), "{field} = {number}: {e}");
                    assert!(matches!(e, gongkai::Error::Json { line: 1, .. }), "{e}");
                }
            }
        }
    }
}

/// Rows whose every parsed column holds `cell`.
fn table_of(cell: &str, rows: usize) -> String {
    let mut s = String::from("序号,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道和载体\n");
    let q = cell.replace('"', "\"\"");
    for i in 1..=rows {
        s.push_str(&format!(
            "{i},事项{i},\"{q}\",\"{q}\",\"{q}\",城管局,\"{q}\"\n"
        ));
    }
    s
}

#[test]
fn a_ten_megabyte_cell_is_cut_and_reported() {
    let big = "申请条件、申请材料，\"引号\"\n".repeat(10 * 1024 * 1024 / 40);
    let csv = table_of(&big, 1);
    assert!(csv.len() > 30 << 20);
    let imp = timed("CSV with 10 MB cells", || {
        import_csv(csv.as_bytes(), &ImportOptions::default())
    })
    .unwrap();
    assert_eq!(imp.catalogue.items.len(), 1);
    let cut = imp
        .findings
        .iter()
        .filter(|f| f.code == "import.cell_truncated")
        .count();
    assert_eq!(cut, 4);
    let item = &imp.catalogue.items[0];
    let total: usize = item.content.iter().map(|c| c.len()).sum();
    assert!(total <= 64 << 10);
    // Raised, the limit lets the whole cell through.
    let opts = ImportOptions::default()
        .max_cell_bytes(64 << 20)
        .max_input_bytes(256 << 20);
    let one = table_of(&big, 1).replace(&format!("\"{}\",\"", big.replace('"', "\"\"")), "\"\",\"");
    let imp = import_csv(one.as_bytes(), &opts).unwrap();
    assert!(
        imp.findings
            .iter()
            .all(|f| f.code != "import.cell_truncated")
    );
}

#[test]
fn pathological_cells_for_the_free_text_parsers() {
    // Each pattern fills a 64 KiB cell (the default cell limit) of every parsed column: unclosed
    // brackets, endless numbering, separators only, digits only, nested brackets, glyphs.
    let patterns = [
        "《",
        "《》",
        "（",
        "【",
        "1.",
        "①",
        "、",
        "；",
        "第",
        "日",
        "工作日",
        "自",
        "9",
        "■",
        "□其他",
        "((((",
        "《（【",
        "同上",
        "每年",
        "提前",
    ];
    let v = Validator::default();
    for p in patterns {
        let cell: String = p.repeat((64 << 10) / p.len());
        let csv = table_of(&cell, 3);
        let imp = timed(&format!("3 rows of 64 KiB {p:?}"), || {
            import_csv(csv.as_bytes(), &ImportOptions::default())
        })
        .unwrap();
        assert_eq!(imp.catalogue.items.len(), 3, "{p}");
        let r = v.validate_imported(&imp.catalogue, Some(&imp.sources), &imp.findings);
        assert_bounded(&r);
    }
}

#[test]
fn an_html_page_with_ten_thousand_tables_and_scripts() {
    let mut page = String::from("<html><head><script>var x = '<table>';</script></head><body>");
    for i in 1..=10_000 {
        page.push_str(&format!(
            "<script>document.write('<tr><td>{i}</td></tr>')</script>\
             <table><tr><th>序号</th><th>二级事项</th><th>公开内容</th><th>公开依据</th></tr>\
             <tr><td>{i}</td><td>事项{i}<script>alert({i})</script></td><td>条件</td><td>《条例》</td></tr></table>\
             <noscript><table><tr><td>x</td></tr></table></noscript>"
        ));
    }
    page.push_str("</body></html>");
    let imp = timed("HTML, 10,000 tables and 20,001 scripts", || {
        import_html(page.as_bytes(), &ImportOptions::default())
    })
    .unwrap();
    assert_eq!(imp.catalogue.items.len(), 10_000);
    for item in &imp.catalogue.items {
        assert!(
            !item.name.contains("alert"),
            "script text in {:?}",
            item.name
        );
    }
    assert_eq!(imp.catalogue.items[9_999].name.as_str(), "事项10000");
    let r = timed("validating them", || {
        Validator::default().validate_imported(&imp.catalogue, Some(&imp.sources), &imp.findings)
    });
    assert_eq!(r.items, 10_000);
    assert_bounded(&r);
    // The row limit applies across tables.
    let imp = import_html(page.as_bytes(), &ImportOptions::default().max_rows(1_000)).unwrap();
    assert!(imp.catalogue.items.len() < 1_000);
    assert!(imp.findings.iter().any(|f| f.code == "import.truncated"));
}

fn many_items(n: usize, same_name: bool) -> Vec<u8> {
    let mut d = doc();
    let items = d["items"].as_array().unwrap().clone();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let mut it = items[i % items.len()].clone();
        it["id"] = serde_json::Value::String((i + 1).to_string());
        if !same_name {
            it["name"] = serde_json::Value::String(format!("事项{i}"));
        }
        out.push(it);
    }
    d["items"] = serde_json::Value::Array(out);
    bytes(&d)
}

#[test]
fn a_catalogue_with_a_hundred_thousand_items() {
    let v = Validator::default();
    let input = many_items(100_000, false);
    println!("100,000 items: {} MB of JSON", input.len() >> 20);
    let r = timed("validate 100,000 items", || v.validate_json(&input)).unwrap();
    assert_eq!(r.items, 100_000);
    assert_bounded(&r);
    // Every name the same: the duplicate rules must not compare every pair.
    let input = many_items(100_000, true);
    let r = timed("validate 100,000 items with one name", || {
        v.validate_json(&input)
    })
    .unwrap();
    assert_eq!(r.items, 100_000);
    assert!(!r.issues.is_empty());
    // The explaining path (a structural error makes it build a JSON tree).
    let text = String::from_utf8(input).unwrap().replacen(
        "\"schema_version\":\"1.0\"",
        "\"schema_version\":\"9\"",
        1,
    );
    let r = timed("explain 100,000 items", || v.validate_json(text.as_bytes())).unwrap();
    assert_eq!(r.items, 100_000);
    assert!(r.issues.iter().any(|i| i.path == "/schema_version"));
}

#[test]
fn diffs_of_large_catalogues_of_similar_names() {
    // Matching scored every pair of two large catalogues whose names share bigrams, and listed
    // every rival of every ambiguous item: minutes and a report of hundreds of MB for a few
    // thousand items. Now the work and the report grow linearly.
    let options = gongkai::diff::DiffOptions::default();
    for same in [false, true] {
        let json = many_items(20_000, same);
        let cat = Catalogue::from_json(&json).unwrap();
        let what = if same { "nine names" } else { "distinct names" };
        let r = timed(&format!("diff of 20,000 items, {what}"), || {
            gongkai::diff::diff(&cat, &cat, &options)
        });
        assert_eq!(r.coverage.reference_items, 20_000);
        if same {
            // Nine names, each shared by thousands of items: nothing can be told apart.
            assert_eq!(r.coverage.matched, 0);
            assert_eq!(r.coverage.ambiguous, 20_000);
        } else {
            assert!(r.coverage.matched > 19_000, "{:?}", r.coverage);
        }
        let size = r.to_json().len();
        assert!(size < 20_000 * 4_096, "report of {size} bytes");
        for f in &r.findings {
            assert!(f.message.chars().count() < 2_000);
        }
    }
}
