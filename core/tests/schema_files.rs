//! The checked-in schemas under `schema/` are exactly what the code generates.
//! Regenerate with `GONGKAI_UPDATE_SCHEMA=1 cargo test -p gongkai --test schema_files`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

fn check(file: &str, generated: String) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../schema")
        .join(file);
    if std::env::var_os("GONGKAI_UPDATE_SCHEMA").is_some_and(|v| v == "1") {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "schema/{file} is out of date with the code: run GONGKAI_UPDATE_SCHEMA=1 cargo test -p gongkai --test schema_files"
    );
}

#[test]
fn catalogue_schema_is_current() {
    check(
        "catalogue.schema.json",
        gongkai::schema::catalogue_schema_text(),
    );
}

#[test]
fn report_schema_is_current() {
    check("report.schema.json", gongkai::schema::report_schema_text());
}

#[test]
fn schema_has_chinese_titles_everywhere() {
    // Every property of every object has a Chinese title; every code a const + title.
    fn walk(v: &serde_json::Value, path: &str, missing: &mut Vec<String>) {
        if let Some(props) = v.get("properties").and_then(|p| p.as_object()) {
            for (k, p) in props {
                let t = p.get("title").and_then(|t| t.as_str()).unwrap_or("");
                if !t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                    && !path.contains("/then")
                    && !path.contains("/if")
                    && !path.contains("/anyOf")
                {
                    missing.push(format!("{path}/properties/{k}"));
                }
            }
        }
        if let Some(alts) = v.get("oneOf").and_then(|a| a.as_array()) {
            for (i, a) in alts.iter().enumerate() {
                if a.get("const").is_none() || a.get("title").is_none() {
                    missing.push(format!("{path}/oneOf/{i}"));
                }
            }
        }
        match v {
            serde_json::Value::Object(m) => m
                .iter()
                .for_each(|(k, c)| walk(c, &format!("{path}/{k}"), missing)),
            serde_json::Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, c)| walk(c, &format!("{path}/{i}"), missing)),
            _ => {}
        }
    }
    let mut missing = Vec::new();
    walk(gongkai::schema::catalogue_schema(), "", &mut missing);
    assert!(missing.is_empty(), "without Chinese title: {missing:#?}");
}

#[test]
fn schema_declares_draft_2020_12_and_conditions() {
    let s = gongkai::schema::catalogue_schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    let item = &s["$defs"]["Item"];
    assert_eq!(
        item["then"]["properties"]["channels"]["contains"]["const"],
        "gov_website"
    );
    assert!(item["anyOf"].is_array());
    // No numeric formats that other validators do not know.
    assert!(!gongkai::schema::catalogue_schema_text().contains("uint32"));
}
