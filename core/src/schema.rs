//! The published JSON Schema (draft 2020-12): generated from the model types, post-processed
//! for the rules that derive macros cannot say (conditional requirements), checked in under
//! `schema/` and served from that text (the generator runs only in the test that compares
//! them), compiled once.

use crate::model::Catalogue;
pub use crate::model::conditions::{item_conditions, time_limit_conditions};
use crate::report::Report;
use serde_json::Value;
use std::sync::OnceLock;

/// The `$id` of the catalogue schema this library generates, version 1.1 (a URN: it is never
/// fetched). It accepts 1.0 documents too: 1.1 is a strict superset.
pub const CATALOGUE_SCHEMA_ID: &str = "urn:gongkai:schema:catalogue:1.1";
/// The `$id` of the published 1.0 catalogue schema (`schema/catalogue.schema.json`, kept as it
/// was published; the 1.1 schema is `schema/catalogue-1.1.schema.json`).
pub const CATALOGUE_SCHEMA_1_0_ID: &str = "urn:gongkai:schema:catalogue:1.0";
/// The `$id` of the report schema.
pub const REPORT_SCHEMA_ID: &str = "urn:gongkai:schema:report:1.0";

/// The published catalogue schema, `schema/catalogue-1.1.schema.json`, embedded as text:
/// exactly what [`generated_catalogue_schema_text`] writes from the model types
/// (`tests/schema_files.rs` fails when they differ), served as is so that a build never runs the
/// generator (schemars and the post-processing below are about 40 KB of a gzipped WebAssembly
/// module).
const CATALOGUE_SCHEMA_TEXT: &str = include_str!("../../schema/catalogue-1.1.schema.json");
/// The published report schema, `schema/report.schema.json` (see [`CATALOGUE_SCHEMA_TEXT`]).
const REPORT_SCHEMA_TEXT: &str = include_str!("../../schema/report.schema.json");

/// The catalogue schema as a JSON value (parsed once from the published text).
pub fn catalogue_schema() -> &'static Value {
    static S: OnceLock<Value> = OnceLock::new();
    S.get_or_init(|| parse(CATALOGUE_SCHEMA_TEXT))
}

/// The report schema as a JSON value (parsed once from the published text).
pub fn report_schema() -> &'static Value {
    static S: OnceLock<Value> = OnceLock::new();
    S.get_or_init(|| parse(REPORT_SCHEMA_TEXT))
}

/// The catalogue schema generated from the model types (schemars), post-processed: what
/// `schema/catalogue-1.1.schema.json` must hold. The library serves the file
/// ([`catalogue_schema`]); this is for the test that keeps the two equal.
#[doc(hidden)]
pub fn generated_catalogue_schema() -> Value {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator()
        .into_root_schema_for::<Catalogue<'static>>();
    let mut v = schema.to_value();
    finish_schema(&mut v, CATALOGUE_SCHEMA_ID);
    finish_catalogue(&mut v);
    v
}

/// The report schema generated from the report types: what `schema/report.schema.json` must
/// hold (see [`generated_catalogue_schema`]).
#[doc(hidden)]
pub fn generated_report_schema() -> Value {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Report>();
    let mut v = schema.to_value();
    finish_schema(&mut v, REPORT_SCHEMA_ID);
    report_lines(&mut v);
    v
}

/// [`generated_catalogue_schema`] as pretty JSON text in the published key order.
#[doc(hidden)]
pub fn generated_catalogue_schema_text() -> String {
    ordered_text(&generated_catalogue_schema())
}

/// [`generated_report_schema`] as pretty JSON text in the published key order.
#[doc(hidden)]
pub fn generated_report_schema_text() -> String {
    ordered_text(&generated_report_schema())
}

/// The report schema covers every line `gongkai validate --format json` prints: a report (one
/// file), a report with a `file` key (each line of several files), or a `file` with an `error`
/// (a file that could not be read). The report itself moves to `$defs/Report` (with `file` as an
/// optional key), the root accepts either form.
fn report_lines(v: &mut Value) {
    let Value::Object(root) = v else { return };
    let mut report = serde_json::Map::new();
    for k in ["title", "description", "type", "properties", "required"] {
        if let Some(x) = root.remove(k) {
            report.insert(k.into(), x);
        }
    }
    // Written as JSON text: smaller in the WebAssembly build than `json!`'s code.
    let mut lines = parse(REPORT_LINES);
    if let (Some(Value::Object(props)), Some(file)) = (
        report.get_mut("properties"),
        lines.pointer("/$defs/FileError/properties/file").cloned(),
    ) {
        props.insert("file".into(), file);
    }
    if let Some(Value::Object(defs)) = lines.get_mut("$defs") {
        defs.insert("Report".into(), Value::Object(report));
        if let Some(Value::Object(d)) = root.remove("$defs") {
            defs.extend(d);
        }
    }
    if let Value::Object(l) = lines {
        root.extend(l);
    }
}

/// The report schema's root and the error line of an unreadable file (see [`report_lines`]).
const REPORT_LINES: &str = r##"{
  "title": "校验报告",
  "description": "gongkai 的校验报告（validate 的返回值），或 gongkai validate --format json 输出的一行：多个文件时每行带 file 键，无法读取的文件为 file 与 error",
  "anyOf": [{ "$ref": "#/$defs/Report" }, { "$ref": "#/$defs/FileError" }],
  "$defs": {
    "FileError": {
      "title": "无法读取的文件",
      "description": "命令行一次校验多个文件且 --format json 时，无法读取或不是目录的文件占一行（退出码 2）",
      "type": "object",
      "properties": {
        "file": {
          "title": "文件",
          "description": "所校验文件的路径：仅在命令行一次校验多个文件且 --format json 时出现（每个文件一行）",
          "type": "string"
        },
        "error": {
          "title": "错误",
          "type": "object",
          "properties": {
            "code": {
              "title": "错误代码",
              "description": "json、not_a_catalogue、too_large、import、unsupported_format、io 等（gongkai::Error::code）",
              "type": "string",
              "minLength": 1
            },
            "message": { "title": "错误信息", "description": "说明位置、问题和改正方法", "type": "string" }
          },
          "required": ["code", "message"]
        }
      },
      "required": ["file", "error"]
    }
  }
}"##;

/// Parses a schema fragment of this module (covered by the schema tests: never `null`).
fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_default()
}

/// The catalogue schema as pretty JSON text with a trailing newline (what `schema/` holds).
///
/// Keywords come in a reader's order (`title`, `description`, `type`, …, `$defs` last) and the
/// properties of each object in the model's order, which is the standard table's column order
/// (序号, 一级事项, 二级事项, 三级事项, 公开内容, 公开依据, 公开时限, 公开主体, 公开渠道, 公开对象,
/// 公开方式, 公开层级, then the rest): form libraries lay fields out in this order.
pub fn catalogue_schema_text() -> String {
    CATALOGUE_SCHEMA_TEXT.to_owned()
}

/// The report schema as pretty JSON text with a trailing newline.
pub fn report_schema_text() -> String {
    REPORT_SCHEMA_TEXT.to_owned()
}

/// The catalogue schema's published text (pretty JSON, keys in the order of
/// [`catalogue_schema_text`]), without a copy: `JSON.parse` of it keeps that order.
pub fn catalogue_schema_str() -> &'static str {
    CATALOGUE_SCHEMA_TEXT
}

/// The report schema's published text (see [`catalogue_schema_str`]).
pub fn report_schema_str() -> &'static str {
    REPORT_SCHEMA_TEXT
}

fn ordered(v: &Value) -> Ordered<'_> {
    Ordered {
        v,
        ctx: Ctx::Schema,
    }
}

fn ordered_text(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(&ordered(v)).unwrap_or_default();
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
    crate::model::known_keys::REVISION,
    crate::model::known_keys::CATALOGUE,
    // The report (see report.rs and issue.rs) and the CLI's per-file lines.
    &["file", "valid", "items", "counts", "issues"],
    &["file", "error"],
    &[
        "code",
        "severity",
        "path",
        "item_id",
        "message",
        "location",
        "params",
        // An audit record's row (issue.rs `RecordRef`), a diff pair (`PairRef`).
        "row",
        "line",
        "column",
        "reference_path",
        "local_path",
        "reference_item_id",
        "local_item_id",
        "reference_location",
        "local_location",
    ],
    &["code", "message"],
    &["sheet", "row", "column", "header"],
    &["error", "warning", "info"],
];

/// The keys of `m`: those `order` names first, in its order, then the others in the map's
/// (alphabetical) order. No sort: the WebAssembly build stays smaller without one more
/// instantiation of the standard library's sort.
fn keys_in_order<'m>(m: &'m serde_json::Map<String, Value>, order: &[&str]) -> Vec<&'m String> {
    let mut keys: Vec<&String> = order
        .iter()
        .filter_map(|k| m.get_key_value(*k).map(|(k, _)| k))
        .collect();
    keys.extend(m.keys().filter(|k| !order.contains(&k.as_str())));
    keys
}

impl serde::Serialize for Ordered<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self.v {
            Value::Object(m) => {
                let order: &[&str] = match self.ctx {
                    Ctx::Schema => KEYWORD_ORDER,
                    Ctx::Names => PROPERTY_ORDERS
                        .iter()
                        .find(|o| m.keys().all(|k| o.contains(&k.as_str())))
                        .copied()
                        .unwrap_or(&[]),
                    Ctx::Data => &[],
                };
                let keys = keys_in_order(m, order);
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
            def.insert("type".into(), parse(r#"["object", "null"]"#));
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
                    if alts.len() == 2
                        && alts[1].get("type").and_then(Value::as_str) == Some("null") =>
                {
                    alts[0].get("$ref").and_then(Value::as_str)
                }
                _ => None,
            };
            if let Some(name) = target.and_then(|r| r.strip_prefix("#/$defs/")) {
                let def_type = defs.get(name).and_then(|d| d.get("type"));
                let rewritten = if def_type.and_then(Value::as_str) == Some("object") {
                    if !objects.iter().any(|o| o == name) {
                        objects.push(name.to_owned());
                    }
                    format!(r##"{{"$ref":"#/$defs/{name}"}}"##)
                } else {
                    let t = def_type.and_then(Value::as_str).unwrap_or("string");
                    format!(
                        r##"{{"type":["{t}","null"],"if":{{"not":{{"type":"null"}}}},"then":{{"$ref":"#/$defs/{name}"}}}}"##
                    )
                };
                m.remove("anyOf");
                if let Value::Object(r) = parse(&rewritten) {
                    m.extend(r);
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
