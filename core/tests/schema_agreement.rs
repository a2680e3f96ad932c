//! The fast path's structural verdict must be exactly the published schema's.
//!
//! Every single mutation of every node of a two-item catalogue (keys removed or added, values of
//! the wrong type, empty, out of range, duplicated…) is judged both ways: the typed model plus
//! `structurally_valid`, and the compiled JSON Schema on a `serde_json::Value`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{Value, json};

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

fn replacements(v: &Value) -> Vec<Value> {
    let mut out = vec![
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
        json!("proactive"),
        json!("gov_website"),
        json!("on_request"),
        json!("county"),
        json!("unparsed"),
        json!("working_days"),
        json!([]),
        json!(["x"]),
        json!({}),
    ];
    match v {
        Value::Array(a) => {
            if let Some(first) = a.first() {
                let mut d = a.clone();
                d.push(first.clone());
                out.push(Value::Array(d));
                let mut r = a.clone();
                r.remove(0);
                out.push(Value::Array(r));
            }
        }
        Value::Object(m) => {
            for k in m.keys() {
                let mut o = m.clone();
                o.remove(k);
                out.push(Value::Object(o));
            }
            let mut o = m.clone();
            o.insert("chanels".into(), json!(["gov_website"]));
            out.push(Value::Object(o));
        }
        _ => {}
    }
    out
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
    let b = base();
    let mut all = Vec::new();
    paths(&b, String::new(), &mut all);
    let mut checked = 0;
    let mut invalid = 0;
    let mut disagreements = Vec::new();
    for p in &all {
        let node = b.pointer(p).unwrap().clone();
        for r in replacements(&node) {
            let mut m = b.clone();
            if p.is_empty() {
                m = r.clone();
            } else {
                *m.pointer_mut(p).unwrap() = r.clone();
            }
            let bytes = serde_json::to_vec(&m).unwrap();
            let schema = gongkai::schema::is_schema_valid(&m);
            // A document that is not an object is an error (no report), never "valid".
            let fast = m.is_object() && fast_verdict(&bytes);
            checked += 1;
            if !schema {
                invalid += 1;
            }
            if schema != fast {
                disagreements.push(format!("{p} := {r} (schema {schema}, fast {fast})"));
            }
            // And the full report agrees: a structurally invalid document is never `valid`.
            if m.is_object() {
                let report = gongkai::validate_json(&bytes).unwrap();
                if !schema {
                    assert!(!report.valid, "{p} := {r}: schema-invalid but report valid");
                    assert!(
                        report
                            .issues
                            .iter()
                            .any(|i| i.severity == gongkai::Severity::Error),
                        "{p} := {r}"
                    );
                }
            }
        }
    }
    assert!(checked > 1000, "only {checked} mutations");
    assert!(invalid > 300, "only {invalid} invalid mutations");
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}
