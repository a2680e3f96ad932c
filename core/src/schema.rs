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
        finish_catalogue(&mut v);
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
///
/// Keywords come in a reader's order (`title`, `description`, `type`, …, `$defs` last) and the
/// properties of each object in the model's order, which is the standard table's column order
/// (序号, 一级事项, 二级事项, 三级事项, 公开内容, 公开依据, 公开时限, 公开主体, 公开渠道, 公开对象,
/// 公开方式, 公开层级, then the rest): form libraries lay fields out in this order.
pub fn catalogue_schema_text() -> String {
    ordered_text(catalogue_schema())
}

/// The report schema as pretty JSON text with a trailing newline.
pub fn report_schema_text() -> String {
    ordered_text(report_schema())
}

fn ordered_text(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(&Ordered {
        v,
        ctx: Ctx::Schema,
    })
    .unwrap_or_default();
    s.push('\n');
    s
}

/// What a JSON value is inside a schema: a schema, a map from names to schemas (`properties`,
/// `$defs`), or data (`const`, `enum`).
#[derive(Clone, Copy, PartialEq)]
enum Ctx {
    Schema,
    Names,
    Data,
}

/// Serialises a schema with its keys in reading order (serde_json's map is sorted by key unless
/// its `preserve_order` feature is on, which would change every other map the crate writes).
struct Ordered<'a> {
    v: &'a Value,
    ctx: Ctx,
}

/// Keywords in the order a reader expects them; others follow alphabetically.
const KEYWORD_ORDER: &[&str] = &[
    "$schema",
    "$id",
    "$ref",
    "title",
    "description",
    "type",
    "const",
    "enum",
    "format",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "minItems",
    "maxItems",
    "uniqueItems",
    "items",
    "contains",
    "properties",
    "required",
    "additionalProperties",
    "oneOf",
    "anyOf",
    "allOf",
    "not",
    "if",
    "then",
    "else",
    "$defs",
];

/// The key orders of the objects the schemas describe: a `properties` map is written in the
/// order of the first list that holds all its keys (the model's field order).
const PROPERTY_ORDERS: &[&[&str]] = &[
    crate::model::known_keys::ITEM,
    crate::model::known_keys::TIME_LIMIT,
    crate::model::known_keys::CITATION,
    crate::model::known_keys::BASED_ON,
    crate::model::known_keys::REGION,
    crate::model::known_keys::CATALOGUE,
    // The report (see report.rs) and the CLI's per-file lines.
    &["file", "valid", "items", "counts", "issues"],
    &["file", "error"],
    &[
        "code", "severity", "path", "item_id", "message", "location", "params",
    ],
    &["code", "message"],
    &["sheet", "row", "column", "header"],
    &["error", "warning", "info"],
];

fn rank(order: &[&str], k: &str) -> usize {
    order.iter().position(|o| *o == k).unwrap_or(order.len())
}

impl serde::Serialize for Ordered<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self.v {
            Value::Object(m) => {
                let mut keys: Vec<&String> = m.keys().collect();
                match self.ctx {
                    Ctx::Schema => keys.sort_by_key(|k| (rank(KEYWORD_ORDER, k), *k)),
                    Ctx::Names => {
                        if let Some(order) = PROPERTY_ORDERS
                            .iter()
                            .find(|o| keys.iter().all(|k| o.contains(&k.as_str())))
                        {
                            keys.sort_by_key(|k| rank(order, k));
                        }
                    }
                    Ctx::Data => {}
                }
                let mut map = s.serialize_map(Some(keys.len()))?;
                for k in keys {
                    let ctx = match (self.ctx, k.as_str()) {
                        (Ctx::Schema, "properties" | "$defs" | "dependentSchemas") => Ctx::Names,
                        (Ctx::Schema, "const" | "enum" | "default" | "examples")
                        | (Ctx::Data, _) => Ctx::Data,
                        _ => Ctx::Schema,
                    };
                    map.serialize_entry(k, &Ordered { v: &m[k], ctx })?;
                }
                map.end()
            }
            Value::Array(a) => {
                let mut seq = s.serialize_seq(Some(a.len()))?;
                for v in a {
                    seq.serialize_element(&Ordered { v, ctx: self.ctx })?;
                }
                seq.end()
            }
            other => other.serialize(s),
        }
    }
}

fn finish_schema(v: &mut Value, id: &str) {
    if let Value::Object(m) = v {
        m.insert("$id".into(), Value::String(id.into()));
    }
    strip_numeric_formats(v);
}

/// The catalogue schema's edits for form libraries (react-jsonschema-form, JSON Forms), same
/// verdicts:
/// - no `default` (a form pre-fills it; `channels: []` is what an absent key means anyway);
/// - an optional object (`region`, `based_on`) is its definition with `type: [object, null]`
///   instead of `anyOf: [{$ref}, {type: null}]`, which forms show as a type picker;
/// - an optional code (`time_limit.from`, citation `kind`) is `type: [string, null]` with its
///   code list applied to any value that is not null (`if`/`then`), again without a picker.
///
/// `null` stays accepted for every optional key because the core reads it as absent.
fn finish_catalogue(v: &mut Value) {
    strip_key(v, "default");
    let defs = v.get("$defs").cloned().unwrap_or(Value::Null);
    let mut nullable_defs = Vec::new();
    nullable_without_picker(v, &defs, &mut nullable_defs);
    for name in nullable_defs {
        if let Some(Value::Object(def)) = v.pointer_mut(&format!("/$defs/{name}")) {
            def.insert("type".into(), json!(["object", "null"]));
        }
    }
}

fn strip_key(v: &mut Value, key: &str) {
    match v {
        Value::Object(m) => {
            m.remove(key);
            m.values_mut().for_each(|c| strip_key(c, key));
        }
        Value::Array(a) => a.iter_mut().for_each(|c| strip_key(c, key)),
        _ => {}
    }
}

/// Rewrites each `anyOf: [{$ref: D}, {type: null}]` (see [`finish_catalogue`]); the names of
/// object definitions that must accept null are collected in `objects`.
fn nullable_without_picker(v: &mut Value, defs: &Value, objects: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            let target = match m.get("anyOf") {
                Some(Value::Array(alts))
                    if alts.len() == 2 && alts[1] == json!({ "type": "null" }) =>
                {
                    alts[0]
                        .get("$ref")
                        .and_then(Value::as_str)
                        .map(str::to_owned)
                }
                _ => None,
            };
            if let Some(r) = target {
                let name = r.trim_start_matches("#/$defs/").to_owned();
                let def_type = defs.get(&name).and_then(|d| d.get("type")).cloned();
                m.remove("anyOf");
                if def_type == Some(json!("object")) {
                    m.insert("$ref".into(), Value::String(r));
                    if !objects.contains(&name) {
                        objects.push(name);
                    }
                } else {
                    let t = def_type.and_then(|t| t.as_str().map(str::to_owned));
                    m.insert(
                        "type".into(),
                        json!([t.as_deref().unwrap_or("string"), "null"]),
                    );
                    m.insert("if".into(), json!({ "not": { "type": "null" } }));
                    m.insert("then".into(), json!({ "$ref": r }));
                }
            }
            m.values_mut()
                .for_each(|c| nullable_without_picker(c, defs, objects));
        }
        Value::Array(a) => a
            .iter_mut()
            .for_each(|c| nullable_without_picker(c, defs, objects)),
        _ => {}
    }
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
/// - at least one of `channels` / `other_channels` is non-empty: said as "not both absent or
///   empty" (`not`), which a form library does not render, where an `anyOf` of the two would
///   be shown as a picker between two untitled alternatives;
/// - an item whose `method` contains `proactive` lists `gov_website` in `channels`
///   (《政府信息公开条例》第二十四条; the template marks 政府网站 ■ 必选).
///
/// Each keyword that applies to one type states that type (Ajv's strict mode asks for it).
pub fn item_conditions(schema: &mut Schema) {
    schema.insert(
        "not".into(),
        json!({
            "title": "公开渠道和其他渠道都为空",
            "description": "公开渠道和其他渠道至少填写一项",
            "properties": {
                "channels": { "type": "array", "maxItems": 0 },
                "other_channels": { "type": "array", "maxItems": 0 }
            }
        }),
    );
    schema.insert(
        "if".into(),
        json!({ "required": ["method"], "properties": { "method": { "type": "array", "contains": { "const": "proactive" } } } }),
    );
    schema.insert(
        "then".into(),
        json!({ "required": ["channels"], "properties": { "channels": { "type": "array", "contains": { "const": "gov_website" } } } }),
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
