//! The rules are total: every string and number of a few fixtures is replaced, one at a time,
//! by awkward values (blank, ideographic space, fill-in marks, brackets, long text, out-of-range
//! numbers); validation must return a report without panicking, in both languages, and `valid`
//! must be "no error-severity issue".

#![allow(clippy::unwrap_used, clippy::expect_used)]

use gongkai::{Lang, Options, Severity, Validator};
use serde_json::Value;
use std::path::Path;

const STRINGS: &[&str] = &[
    "",
    " ",
    "\u{3000}",
    "XX",
    "《》",
    "同上",
    "县",
    "其他",
    "政府网站",
    "é\u{10FFFF}",
    "相关法律法规",
    "处罚决定书（含身份证号）",
    "武陟县城市管理局、各乡镇人民政府、社区",
];

const NUMBERS: &[i64] = &[0, 1, 7, 8, 20, 21, 31, 365, 366, -1, 4_294_967_296];

fn leaves(v: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                path.push(k.clone());
                leaves(x, path, out);
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                path.push(i.to_string());
                leaves(x, path, out);
                path.pop();
            }
        }
        _ => out.push(path.clone()),
    }
}

fn at<'v>(v: &'v mut Value, path: &[String]) -> &'v mut Value {
    path.iter().fold(v, |v, k| match v {
        Value::Object(m) => m.get_mut(k).unwrap(),
        Value::Array(a) => &mut a[k.parse::<usize>().unwrap()],
        _ => unreachable!(),
    })
}

fn check(doc: &Value, validators: &[Validator]) {
    let bytes = serde_json::to_vec(doc).unwrap();
    for v in validators {
        let report = v
            .validate_json(&bytes)
            .expect("an object always gives a report");
        let has_error = report.issues.iter().any(|i| i.severity == Severity::Error);
        assert_eq!(report.valid, !has_error);
        for i in &report.issues {
            // Every issue has a message, and a path that is empty (the whole document) or a
            // JSON Pointer.
            assert!(!i.message.is_empty(), "{}: empty message", i.code);
            assert!(
                i.path.is_empty() || i.path.starts_with('/'),
                "{}: path {:?}",
                i.code,
                i.path
            );
        }
    }
}

#[test]
fn awkward_values_never_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases");
    let today = gongkai::parse_date("2026-01-15").unwrap();
    let validators = [
        Validator::new(Options::default().today(today)),
        Validator::new(Options::default().lang(Lang::En)),
    ];
    let mut runs = 0;
    for case in [
        "structure/valid-minimal",
        "time/annual-report-deadline",
        "time/water-stoppage-notice",
        "items/duplicate-name-three-way",
        "channels/standard-in-other",
        "subject/county-and-township-subjects",
    ] {
        let text = std::fs::read_to_string(root.join(format!("{case}.json"))).unwrap();
        let fixture: Value = serde_json::from_str(&text).unwrap();
        let base = fixture["catalogue"].clone();
        let mut paths = Vec::new();
        leaves(&base, &mut Vec::new(), &mut paths);
        for p in &paths {
            let is_number = at(&mut base.clone(), p).is_number();
            if is_number {
                for n in NUMBERS {
                    let mut doc = base.clone();
                    *at(&mut doc, p) = Value::from(*n);
                    check(&doc, &validators);
                    runs += 1;
                }
            } else {
                for s in STRINGS {
                    let mut doc = base.clone();
                    *at(&mut doc, p) = Value::from(*s);
                    check(&doc, &validators);
                    runs += 1;
                }
            }
            // Every leaf also as null and as an empty list.
            for other in [Value::Null, Value::Array(Vec::new())] {
                let mut doc = base.clone();
                *at(&mut doc, p) = other;
                check(&doc, &validators);
                runs += 1;
            }
        }
    }
    assert!(runs > 1000, "{runs} runs");
}
