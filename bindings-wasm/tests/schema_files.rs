//! The JSON Schemas of what `deadline`, `audit` and `diff` return, generated from the core's
//! Rust types (schemars), checked in under `bindings-wasm/schema/`. `scripts/gen-types.mjs`
//! turns them into the TypeScript declarations of `types/`, and the node tests validate real
//! results against them with ajv, so the declarations, the schemas and the values cannot drift
//! apart. Regenerate with `GONGKAI_UPDATE_SCHEMA=1 cargo test -p gongkai-wasm --test schema_files`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use schemars::JsonSchema;
use serde_json::Value;
use std::path::PathBuf;

/// The schema of a serialised `T` (draft 2020-12), with its `$id`.
fn schema_of<T: JsonSchema>(id: &str) -> String {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>();
    let mut v = schema.to_value();
    if let Value::Object(m) = &mut v {
        m.insert("$id".into(), Value::String(id.into()));
    }
    strip_formats(&mut v);
    let mut text = serde_json::to_string_pretty(&v).unwrap();
    text.push('\n');
    text
}

/// schemars writes `format: uint32`, `partial-date-time` … which validators do not know (ajv's
/// strict mode rejects them); only `date` is a standard format worth keeping.
fn strip_formats(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if m.get("format").and_then(Value::as_str) != Some("date") {
                m.remove("format");
            }
            m.values_mut().for_each(strip_formats);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_formats),
        _ => {}
    }
}

fn check(file: &str, generated: String) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("schema")
        .join(file);
    if std::env::var_os("GONGKAI_UPDATE_SCHEMA").is_some_and(|v| v == "1") {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "bindings-wasm/schema/{file} is out of date with the core's types: run \
         GONGKAI_UPDATE_SCHEMA=1 cargo test -p gongkai-wasm --test schema_files"
    );
}

#[test]
fn deadline_schema_is_current() {
    check(
        "deadline.schema.json",
        schema_of::<gongkai::deadline::Deadline>("urn:gongkai:schema:deadline:1.0"),
    );
}

#[test]
fn audit_report_schema_is_current() {
    check(
        "audit-report.schema.json",
        schema_of::<gongkai::audit::AuditReport>("urn:gongkai:schema:audit-report:1.0"),
    );
}

#[test]
fn diff_report_schema_is_current() {
    check(
        "diff-report.schema.json",
        schema_of::<gongkai::diff::DiffReport>("urn:gongkai:schema:diff-report:1.0"),
    );
}
