//! The conditions of the published schema that the derive macros cannot express, attached to
//! the model's types through `#[schemars(transform = …)]` (the rest of the schema is generated
//! from the types themselves; [`crate::schema`] publishes it).

use super::TimeLimitKind;
use schemars::Schema;
use serde_json::{Value, json};

/// Parses a schema fragment of this module (covered by the schema tests: never `null`).
fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_default()
}

/// Conditions of an item that derive macros cannot express:
/// - at least one of `channels` / `other_channels` is non-empty: said as "not both absent or
///   empty" (`not`), which a form library does not render, where an `anyOf` of the two would
///   be shown as a picker between two untitled alternatives;
/// - an item whose `method` contains `proactive` lists `gov_website` in `channels`
///   (《政府信息公开条例》第二十四条; the template marks 政府网站 ■ 必选).
///
/// Each keyword that applies to one type states that type (Ajv's strict mode asks for it).
pub fn item_conditions(schema: &mut Schema) {
    if let Value::Object(m) = parse(ITEM_CONDITIONS) {
        for (k, v) in m {
            schema.insert(k, v);
        }
    }
}

const ITEM_CONDITIONS: &str = r#"{
  "not": {
    "title": "公开渠道和其他渠道都为空",
    "description": "公开渠道和其他渠道至少填写一项",
    "properties": {
      "channels": { "type": "array", "maxItems": 0 },
      "other_channels": { "type": "array", "maxItems": 0 }
    }
  },
  "if": {
    "required": ["method"],
    "properties": { "method": { "type": "array", "contains": { "const": "proactive" } } }
  },
  "then": {
    "required": ["channels"],
    "properties": { "channels": { "type": "array", "contains": { "const": "gov_website" } } }
  }
}"#;

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
