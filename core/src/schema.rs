//! The published JSON Schema (draft 2020-12): generated from the model types, post-processed
//! for the rules that derive macros cannot say (conditional requirements), compiled once.

use crate::model::{Catalogue, TimeLimitKind};
use crate::report::Report;
use schemars::Schema;
use serde_json::{Value, json};
use std::sync::OnceLock;

/// The `$id` of the catalogue schema (a URN: it is never fetched).
pub const CATALOGUE_SCHEMA_ID: &str = "urn:gongkai:schema:catalogue:1.0";
/// The `$id` of the report schema.
pub const REPORT_SCHEMA_ID: &str = "urn:gongkai:schema:report:1.0";

/// The catalogue schema as a JSON value (generated once).
pub fn catalogue_schema() -> &'static Value {
    static S: OnceLock<Value> = OnceLock::new();
    S.get_or_init(|| {
        let schema = schemars::generate::SchemaSettings::draft2020_12()
            .for_deserialize()
            .into_generator()
            .into_root_schema_for::<Catalogue<'static>>();
        let mut v = schema.to_value();
        finish_schema(&mut v, CATALOGUE_SCHEMA_ID);
        v
    })
}

/// The report schema as a JSON value.
pub fn report_schema() -> &'static Value {
    static S: OnceLock<Value> = OnceLock::new();
    S.get_or_init(|| {
        let schema = schemars::generate::SchemaSettings::draft2020_12()
            .for_serialize()
            .into_generator()
            .into_root_schema_for::<Report>();
        let mut v = schema.to_value();
        finish_schema(&mut v, REPORT_SCHEMA_ID);
        v
    })
}

/// The catalogue schema as pretty JSON text with a trailing newline (what `schema/` holds).
pub fn catalogue_schema_text() -> String {
    let mut s = serde_json::to_string_pretty(catalogue_schema()).unwrap_or_default();
    s.push('\n');
    s
}

/// The report schema as pretty JSON text with a trailing newline.
pub fn report_schema_text() -> String {
    let mut s = serde_json::to_string_pretty(report_schema()).unwrap_or_default();
    s.push('\n');
    s
}

fn finish_schema(v: &mut Value, id: &str) {
    if let Value::Object(m) = v {
        // Put $schema and $id first for readers; serde_json keeps insertion order only with
        // preserve_order, so the order here is alphabetical either way.
        m.insert("$id".into(), Value::String(id.into()));
    }
    strip_numeric_formats(v);
}

/// schemars writes `format: uint32` etc., which no validator knows and ajv's strict mode
/// rejects; the ranges say all there is to say.
fn strip_numeric_formats(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(f)) = m.get("format") {
                if f != "date" {
                    m.remove("format");
                }
            }
            for (_, c) in m.iter_mut() {
                strip_numeric_formats(c);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(strip_numeric_formats),
        _ => {}
    }
}

/// Conditions of an item that derive macros cannot express:
/// - at least one of `channels` / `other_channels` is non-empty;
/// - an item whose `method` contains `proactive` lists `gov_website` in `channels`
///   (《政府信息公开条例》第二十四条; the template marks 政府网站 ■ 必选).
pub fn item_conditions(schema: &mut Schema) {
    schema.insert(
        "anyOf".into(),
        json!([
            { "required": ["channels"], "properties": { "channels": { "minItems": 1 } } },
            { "required": ["other_channels"], "properties": { "other_channels": { "minItems": 1 } } }
        ]),
    );
    schema.insert(
        "if".into(),
        json!({ "required": ["method"], "properties": { "method": { "contains": { "const": "proactive" } } } }),
    );
    schema.insert(
        "then".into(),
        json!({ "required": ["channels"], "properties": { "channels": { "contains": { "const": "gov_website" } } } }),
    );
}

/// The keys each time-limit kind requires.
pub fn time_limit_conditions(schema: &mut Schema) {
    let mut all_of = Vec::new();
    let needs: &[(&[TimeLimitKind], &[&str])] = &[
        (
            &[TimeLimitKind::WorkingDays, TimeLimitKind::CalendarDays],
            &["days"],
        ),
        (&[TimeLimitKind::HoursBefore], &["hours"]),
        (&[TimeLimitKind::AnnualBy], &["month", "day"]),
    ];
    for (kinds, keys) in needs {
        let codes: Vec<&str> = kinds.iter().map(|k| k.code()).collect();
        // Required and not null: `days: null` is as absent as no `days` at all.
        let props: serde_json::Map<String, Value> = keys
            .iter()
            .map(|k| ((*k).to_owned(), json!({ "type": "integer" })))
            .collect();
        all_of.push(json!({
            "if": { "required": ["kind"], "properties": { "kind": { "enum": codes } } },
            "then": { "required": keys, "properties": props }
        }));
    }
    all_of.push(json!({
        "if": { "required": ["kind"], "properties": { "kind": { "const": TimeLimitKind::Unparsed.code() } } },
        "then": { "required": ["text"], "properties": { "text": { "type": "string", "minLength": 1 } } }
    }));
    schema.insert("allOf".into(), Value::Array(all_of));
}

/// The compiled validator of the catalogue schema (formats validated: `date` rejects 2020-02-30).
pub(crate) fn compiled() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        // The schema is generated by this crate and covered by tests; failing to compile it
        // would be a bug of ours, not of the input.
        #[allow(clippy::expect_used)]
        jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(catalogue_schema())
            .expect("the generated catalogue schema compiles")
    })
}

/// Whether `instance` is valid under the published schema (the reference verdict).
pub fn is_schema_valid(instance: &Value) -> bool {
    compiled().is_valid(instance)
}

/// The number of errors the published schema finds in `instance` (the naive path, for
/// benchmarks and cross-checks).
pub fn schema_error_count(instance: &Value) -> usize {
    compiled().iter_errors(instance).count()
}
