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
        "catalogue-1.1.schema.json",
        gongkai::schema::generated_catalogue_schema_text(),
    );
}

#[test]
fn report_schema_is_current() {
    check(
        "report.schema.json",
        gongkai::schema::generated_report_schema_text(),
    );
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
                    && !path.contains("/not")
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
    // "At least one channel" is a `not` (no picker in a form), with the array types strict
    // validators ask for.
    assert_eq!(
        item["not"]["properties"]["channels"],
        serde_json::json!({ "type": "array", "maxItems": 0 })
    );
    // No numeric formats that other validators do not know.
    assert!(!gongkai::schema::generated_catalogue_schema_text().contains("uint32"));
}

/// Every schema object of `v` with its JSON Pointer.
fn objects<'a>(
    v: &'a serde_json::Value,
    path: String,
    out: &mut Vec<(String, &'a serde_json::Value)>,
) {
    match v {
        serde_json::Value::Object(m) => {
            out.push((path.clone(), v));
            for (k, c) in m {
                objects(c, format!("{path}/{k}"), out);
            }
        }
        serde_json::Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                objects(c, format!("{path}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn schema_is_form_friendly() {
    let s = gongkai::schema::catalogue_schema();
    let mut all = Vec::new();
    objects(s, String::new(), &mut all);
    for (path, o) in &all {
        // Nothing a form would pre-fill.
        assert!(o.get("default").is_none(), "{path} has a default");
        // No optional value as a picker between a definition and null.
        if let Some(serde_json::Value::Array(alts)) = o.get("anyOf") {
            assert!(
                !alts
                    .iter()
                    .any(|a| a == &serde_json::json!({ "type": "null" })),
                "{path}: anyOf with null"
            );
        }
    }
    // Optional objects and codes still accept null (the core reads null as absent).
    assert_eq!(
        s["$defs"]["Region"]["type"],
        serde_json::json!(["object", "null"])
    );
    let from = &s["$defs"]["TimeLimit"]["properties"]["from"];
    assert_eq!(from["type"], serde_json::json!(["string", "null"]));
    assert_eq!(from["then"]["$ref"], "#/$defs/Anchor");
}

#[test]
fn properties_are_written_in_table_order() {
    let text = gongkai::schema::catalogue_schema_text();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let item = &text[text.find("\"Item\": {").unwrap()..];
    let props = &item[item.find("\"properties\": {").unwrap()..];
    let mut last = 0;
    for key in gongkai::model::known_keys::ITEM {
        let at = props
            .find(&format!("\n        \"{key}\": {{"))
            .unwrap_or_else(|| panic!("{key} not in Item"));
        assert!(at > last || last == 0, "{key} out of order");
        last = at;
    }
    // Keywords in reading order: $schema first, $defs last; the text is the same schema.
    assert!(text.starts_with("{\n  \"$schema\""));
    assert!(text.trim_end().ends_with('}'));
    let top: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("  \""))
        .map(|l| l.trim().split('"').nth(1).unwrap())
        .collect();
    assert_eq!(top.first(), Some(&"$schema"));
    assert_eq!(top.last(), Some(&"$defs"));
    assert_eq!(&v, gongkai::schema::catalogue_schema());
}

/// `schema/catalogue.schema.json` is the 1.0 schema as it was published (never regenerated); the
/// 1.1 schema is a strict superset: every 1.0 document of the fixtures and mutants gets the same
/// verdict from both, and a 1.1 document is refused by 1.0 and accepted by 1.1.
#[test]
fn the_1_0_schema_is_kept_and_1_1_is_a_strict_superset() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let v10: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("schema/catalogue.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(v10["$id"], gongkai::schema::CATALOGUE_SCHEMA_1_0_ID);
    assert_eq!(v10["properties"]["schema_version"]["const"], "1.0");
    let v11 = gongkai::schema::catalogue_schema();
    assert_eq!(v11["$id"], "urn:gongkai:schema:catalogue:1.1");
    assert_eq!(
        v11["properties"]["schema_version"]["enum"],
        serde_json::json!(["1.0", "1.1"])
    );
    let c10 = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&v10)
        .unwrap();
    let mut checked = 0;
    let mut docs: Vec<serde_json::Value> = Vec::new();
    for family in std::fs::read_dir(root.join("tests/cases")).unwrap() {
        let family = family.unwrap().path();
        if !family.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&family).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "json") {
                let v: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
                if let Some(c) = v.get("catalogue") {
                    docs.push(c.clone());
                }
            }
        }
    }
    for doc in &docs {
        // A 1.0 file that uses a 1.1 field or value (a warning, model.newer_version_field) is
        // outside the 1.0 schema: compare the files that hold only 1.0 content.
        let text = doc.to_string();
        let uses_1_1 = gongkai::Catalogue::from_json(text.as_bytes())
            .is_ok_and(|c| c.required_version() != "1.0");
        match doc["schema_version"].as_str() {
            Some("1.0") if uses_1_1 => assert!(gongkai::schema::is_schema_valid(doc)),
            Some("1.0") => {
                assert_eq!(
                    c10.is_valid(doc),
                    gongkai::schema::is_schema_valid(doc),
                    "1.0 and 1.1 disagree on {}",
                    doc["title"]
                );
                checked += 1;
            }
            Some("1.1") => {
                assert!(!c10.is_valid(doc), "1.0 accepts a 1.1 document");
            }
            _ => {}
        }
    }
    assert!(checked > 50, "only {checked} 1.0 fixtures");
}
