//! The fast path's structural verdict must be exactly the published schema's, and so must every
//! other validator's: the mutants are written to `tests/schema/mutants.json`, which the Python
//! (jsonschema) and JavaScript (strict Ajv 2020) suites judge too.
//!
//! Every single mutation of every node of a four-item catalogue, and of the header and first item
//! of the bundled example (keys removed or added, values of the wrong type, empty, out of range,
//! duplicated…), is judged both ways: the typed model plus `structurally_valid`, and the compiled
//! JSON Schema on a `serde_json::Value`. Regenerate the file with
//! `GONGKAI_UPDATE_SCHEMA=1 cargo test -p gongkai --test schema_agreement`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{Value, json};
use std::path::PathBuf;
fn base() -> Value {
    json!({
        "schema_version": "1.0",
        "title": "武陟县城市管理局市政服务领域基层政务公开标准目录",
        "domain": "municipal_services",
        "publisher": "武陟县城市管理局",
        "level": "county",
        "region": { "province": "河南省", "city": "焦作市", "county": "武陟县", "township": "木城街道", "code": "410823" },
        "issued": "2024-03-01",
        "updated": "2025-01-02",
        "based_on": { "title": "市政服务领域基层政务公开标准目录", "doc_no": "建办厅〔2019〕71号", "issuer": "住房和城乡建设部办公厅" },
        "items": [
            {
                "id": "1", "category": "城镇燃气管理", "name": "燃气经营许可证核发", "subitem": "新办",
                "content": ["申请条件", "申请材料"],
                "basis": [{ "title": "城镇燃气管理条例", "doc_no": "国务院令第583号", "articles": ["第十五条"], "kind": "administrative_regulation", "text": "《城镇燃气管理条例》" }],
                "time_limit": { "kind": "working_days", "days": 20, "from": "event", "event": "许可决定作出", "text": "20个工作日" },
                "subject": "武陟县城市管理局",
                "channels": ["gov_website", "service_center"],
                "other_channels": ["河南政务服务网"],
                "audience": ["public", "specific_groups"], "audience_note": "申请人",
                "method": ["proactive", "on_request"],
                "levels": ["county"],
                "notes": "备注"
            },
            {
                "id": "2", "category": "城市供水", "name": "停水通知",
                "content": ["停水时间", "停水范围"],
                "basis": [{ "title": "城市供水条例" }],
                "time_limit": { "kind": "hours_before", "hours": 24 },
                "subject": "武陟县城市管理局",
                "channels": ["gov_website"],
                "audience": ["public"], "method": ["proactive"], "levels": ["county", "township"]
            },
            {
                "id": "3", "category": "年度报告", "name": "政府信息公开工作年度报告",
                "content": ["年度报告"],
                "basis": [{ "title": "中华人民共和国政府信息公开条例" }],
                "time_limit": { "kind": "annual_by", "month": 1, "day": 31 },
                "subject": "武陟县城市管理局",
                "other_channels": ["档案馆"],
                "audience": ["public"], "method": ["on_request"], "levels": ["county"]
            },
            {
                "id": "4", "category": "其他", "name": "未解析时限",
                "content": ["内容"],
                "basis": [{ "title": "某条例" }],
                "time_limit": { "kind": "unparsed", "text": "按规定" },
                "subject": "武陟县城市管理局",
                "channels": ["gov_website"],
                "audience": ["public"], "method": ["proactive"], "levels": ["county"]
            }
        ]
    })
}

/// One mutation: JSON Patch's `replace`, `remove` or `add` at `path` (RFC 6902 semantics).
struct Op {
    op: &'static str,
    path: String,
    value: Option<Value>,
}

fn ops(v: &Value, path: &str) -> Vec<Op> {
    let replace = |value: Value| Op {
        op: "replace",
        path: path.to_owned(),
        value: Some(value),
    };
    let mut out: Vec<Op> = vec![
        Value::Null,
        json!(true),
        json!(0),
        json!(-1),
        json!(-0.0),
        json!(1.5),
        json!(20.0),
        json!(366),
        json!(8761),
        json!(13),
        json!(32),
        json!(5_000_000_000u64),
        json!(""),
        json!(" "),
        json!("x"),
        json!("2020-13-01"),
        json!("2021-02-29"),
        json!("2024-02-29"),
        json!("41082"),
        json!("４１０８２３"),
        json!("410823\n"),
        json!("0000-01-01"),
        json!("0001-01-01"),
        json!("2024-03-01\n"),
        json!("2024-3-1"),
        json!("proactive"),
        json!("gov_website"),
        json!("on_request"),
        json!("county"),
        json!("unparsed"),
        json!("working_days"),
        json!([]),
        json!(["x"]),
        json!({}),
    ]
    .into_iter()
    .map(replace)
    .collect();
    match v {
        Value::Array(a) => {
            if let Some(first) = a.first() {
                out.push(Op {
                    op: "add",
                    path: format!("{path}/{}", a.len()),
                    value: Some(first.clone()),
                });
                out.push(Op {
                    op: "remove",
                    path: format!("{path}/0"),
                    value: None,
                });
            }
        }
        Value::Object(m) => {
            for k in m.keys() {
                out.push(Op {
                    op: "remove",
                    path: format!("{path}/{k}"),
                    value: None,
                });
            }
            out.push(Op {
                op: "add",
                path: format!("{path}/chanels"),
                value: Some(json!(["gov_website"])),
            });
        }
        _ => {}
    }
    out
}

fn apply(doc: &Value, op: &Op) -> Value {
    if op.path.is_empty() {
        return op.value.clone().unwrap();
    }
    let mut out = doc.clone();
    let (parent, last) = op.path.rsplit_once('/').unwrap();
    match out.pointer_mut(parent).unwrap() {
        Value::Object(m) => match op.value.clone() {
            Some(v) => {
                m.insert(last.to_owned(), v);
            }
            None => {
                m.remove(last);
            }
        },
        Value::Array(a) => {
            let i: usize = last.parse().unwrap();
            match (op.op, op.value.clone()) {
                ("replace", Some(v)) => a[i] = v,
                ("add", Some(v)) => a.insert(i, v),
                _ => {
                    a.remove(i);
                }
            }
        }
        _ => unreachable!(),
    }
    out
}

fn example() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/wuzhi-municipal.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// Whether a node (by its JSON Pointer) is one to mutate.
type Mutate = fn(&str) -> bool;

/// The documents mutated: name, document, and which nodes.
fn documents() -> Vec<(&'static str, Value, Mutate)> {
    vec![
        ("base", base(), |_| true),
        // The example's header and its first item (the other items repeat the same shapes).
        ("example", example(), |p| {
            !p.starts_with("/items/") || p.starts_with("/items/0")
        }),
    ]
}

fn paths(v: &Value, prefix: String, out: &mut Vec<String>) {
    out.push(prefix.clone());
    match v {
        Value::Object(m) => m
            .iter()
            .for_each(|(k, c)| paths(c, format!("{prefix}/{k}"), out)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, c)| paths(c, format!("{prefix}/{i}"), out)),
        _ => {}
    }
}

fn fast_verdict(bytes: &[u8]) -> bool {
    gongkai::Catalogue::from_json(bytes).is_ok_and(|c| gongkai::structurally_valid(&c))
}

#[test]
fn base_is_valid_both_ways() {
    let b = base();
    let bytes = serde_json::to_vec(&b).unwrap();
    assert!(gongkai::schema::is_schema_valid(&b));
    assert!(fast_verdict(&bytes));
}

#[test]
fn every_single_mutation_gets_the_same_verdict() {
    let mut checked = 0;
    let mut invalid = 0;
    let mut disagreements = Vec::new();
    let mut lines = Vec::new();
    let mut docs = serde_json::Map::new();
    for (name, doc, mutate) in documents() {
        let mut all = Vec::new();
        paths(&doc, String::new(), &mut all);
        // The document itself, then each mutant of each node.
        let mut mutants = vec![Op {
            op: "replace",
            path: String::new(),
            value: None,
        }];
        for p in all.iter().filter(|p| mutate(p)) {
            mutants.extend(ops(doc.pointer(p).unwrap(), p));
        }
        for op in &mutants {
            let m = if op.value.is_none() && op.path.is_empty() {
                doc.clone()
            } else {
                apply(&doc, op)
            };
            let bytes = serde_json::to_vec(&m).unwrap();
            let schema = gongkai::schema::is_schema_valid(&m);
            // A document that is not an object is an error (no report), never "valid".
            let fast = m.is_object() && fast_verdict(&bytes);
            checked += 1;
            if !schema {
                invalid += 1;
            }
            let what = format!(
                "{name} {} {} {}",
                op.op,
                op.path,
                op.value.as_ref().map_or(String::new(), Value::to_string)
            );
            if schema != fast {
                disagreements.push(format!("{what} (schema {schema}, fast {fast})"));
            }
            // And the full report agrees: a structurally invalid document is never `valid` (on
            // the small document: a report of the example costs twenty times more).
            if m.is_object() && name == "base" {
                let report = gongkai::validate_json(&bytes).unwrap();
                if !schema {
                    assert!(!report.valid, "{what}: schema-invalid but report valid");
                    assert!(
                        report
                            .issues
                            .iter()
                            .any(|i| i.severity == gongkai::Severity::Error),
                        "{what}"
                    );
                }
            }
            let mut line = serde_json::Map::new();
            line.insert("doc".into(), json!(name));
            if !(op.value.is_none() && op.path.is_empty()) {
                line.insert("op".into(), json!(op.op));
                line.insert("path".into(), json!(op.path));
                if let Some(v) = &op.value {
                    line.insert("value".into(), v.clone());
                }
            }
            line.insert("valid".into(), json!(schema));
            lines.push(Value::Object(line).to_string());
        }
        docs.insert(name.into(), doc);
    }
    assert!(checked > 2000, "only {checked} mutations");
    assert!(invalid > 1000, "only {invalid} invalid mutations");
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
    // The file the other languages read: the documents, then one mutant per line.
    let text = format!(
        "{{\n\"description\": \"Mutants of the catalogue with the published schema's verdict (core/tests/schema_agreement.rs writes this file; every validator must agree). Each mutant applies one JSON Patch operation (op, path, value) to documents[doc]; without op it is the document itself.\",\n\"documents\": {},\n\"mutants\": [\n{}\n]\n}}\n",
        Value::Object(docs),
        lines.join(",\n")
    );
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/schema/mutants.json");
    if std::env::var_os("GONGKAI_UPDATE_SCHEMA").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == text,
        "tests/schema/mutants.json is out of date: run GONGKAI_UPDATE_SCHEMA=1 cargo test -p gongkai --test schema_agreement"
    );
}
