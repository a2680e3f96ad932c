//! The registry of instruments (依据库) through the public API, from the shared fixtures of
//! `tests/laws/` (see its README), and the embedded registry's own guarantees.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use gongkai::laws::{LawStatus, Registry, VersionChange};
use gongkai::{Lang, Options, Validator};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/laws")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap()
}

fn json(name: &str) -> Value {
    serde_json::from_str(&read(name)).unwrap()
}

fn pairs(v: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["code"].as_str().unwrap().to_owned(),
                i["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

fn report_pairs(r: &gongkai::Report) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = r
        .issues
        .iter()
        .map(|i| (i.code.to_string(), i.path.clone()))
        .collect();
    out.sort();
    out
}

#[test]
fn user_registry_adds_local_instruments() {
    let expected = json("expected.json");
    let cat = read("catalogue.json");
    let without = Validator::default().validate_json(cat.as_bytes()).unwrap();
    assert_eq!(report_pairs(&without), pairs(&expected["without_laws"]));

    let reg = Registry::with_json(&read("local.laws.json")).unwrap();
    assert_eq!(reg.user_count(), 2);
    assert_eq!(
        reg.laws().len(),
        Registry::embedded().laws().len() + 2,
        "user entries are added to the embedded ones"
    );
    let v = Validator::new(Options::default().laws(Arc::new(reg)));
    let with = v.validate_json(cat.as_bytes()).unwrap();
    assert_eq!(report_pairs(&with), pairs(&expected["with_laws"]));
    // The messages name what replaced the local instrument, and the current number.
    let repealed = with
        .issues
        .iter()
        .find(|i| i.code == "basis.repealed")
        .unwrap();
    assert!(
        repealed.message.contains("已于2023年7月1日废止")
            && repealed
                .message
                .contains("《示例县城镇燃气管理办法》（示政〔2023〕7号）"),
        "{}",
        repealed.message
    );
    let superseded = with
        .issues
        .iter()
        .find(|i| i.code == "basis.superseded")
        .unwrap();
    assert!(
        superseded.message.contains("请改引示政〔2023〕7号"),
        "{}",
        superseded.message
    );
}

#[test]
fn lookups_resolve_titles_short_names_and_numbers() {
    let expected = json("expected.json");
    let check = |reg: &Registry, cases: &Value| {
        for c in cases.as_array().unwrap() {
            let title = c["title"].as_str().unwrap();
            let doc_no = c["doc_no"].as_str();
            let m = reg.lookup_citation(title, doc_no, None);
            assert_eq!(
                m.map(|m| m.law.title.as_str()),
                c["law"].as_str(),
                "{title}"
            );
            assert_eq!(
                m.and_then(|m| m.version())
                    .and_then(|v| v.doc_no.as_deref()),
                c["version_doc_no"].as_str(),
                "{title} {doc_no:?}"
            );
        }
    };
    check(Registry::embedded(), &expected["lookup"]);
    let reg = Registry::with_json(&read("local.laws.json")).unwrap();
    check(&reg, &expected["lookup_with_laws"]);
    // A document number alone names its version when its organ is given.
    let m = Registry::embedded()
        .lookup_doc_no("国务院令第711号")
        .unwrap();
    assert_eq!(m.law.title, "中华人民共和国政府信息公开条例");
    assert!(Registry::embedded().lookup_doc_no("第711号").is_none());
}

#[test]
fn bad_registry_files_are_clear_errors() {
    let cases = json("bad.json");
    for c in cases["cases"].as_array().unwrap() {
        let file = c["file"].as_str().unwrap();
        let err = Registry::with_json(&read(file)).expect_err(file);
        assert_eq!(err.code(), c["code"].as_str().unwrap(), "{file}: {err}");
        let msg = err.to_string();
        for w in c["contains"].as_array().unwrap() {
            assert!(
                msg.contains(w.as_str().unwrap()),
                "{file}: “{w}” not in {msg}"
            );
        }
        // English messages name the same entry and field.
        let en = Registry::with_json_lang(&read(file), Lang::En).unwrap_err();
        if c["code"] == "laws" {
            assert!(
                en.to_string()
                    .starts_with("the registry file has problems:"),
                "{en}"
            );
        }
    }
}

#[test]
fn hostile_registry_files_never_panic() {
    for text in [
        "",
        "null",
        "[]",
        "{\"format\":\"gongkai-laws\",\"format_version\":1,\"entries\":[null,1,\"x\",[]]}",
        "{\"format\":\"gongkai-laws\",\"format_version\":1,\"entries\":[{\"title\":\"甲\",\"kind\":\"law\",\"versions\":[{\"doc_no\":\"令第99999999999999999999号\"},{\"in_force\":\"2020-01-01\",\"promulgated\":\"2021-01-01\"}]}]}",
        "{\"format\":\"gongkai-laws\",\"format_version\":1,\"entries\":[{\"title\":\"甲\",\"kind\":\"law\",\"status\":\"repealed\",\"replaced_by\":\"甲\"}]}",
        "{\"format\":\"gongkai-laws\",\"format_version\":2,\"entries\":[]}",
    ] {
        let r = Registry::with_json(text);
        assert!(r.is_err(), "{text}");
    }
    // Three entries on a cycle, and one pointing into it: every entry on the cycle is named.
    let text = r#"{"format":"gongkai-laws","format_version":1,"entries":[
        {"title":"示例甲","kind":"law","status":"repealed","replaced_by":"示例乙"},
        {"title":"示例乙","kind":"law","status":"repealed","replaced_by":"示例丙"},
        {"title":"示例丙","kind":"law","status":"repealed","replaced_by":"示例甲"},
        {"title":"示例丁","kind":"law","status":"repealed","replaced_by":"示例甲"}]}"#;
    let msg = Registry::with_json(text).unwrap_err().to_string();
    assert!(msg.contains("示例甲 → 示例乙 → 示例丙 → 示例甲"), "{msg}");
    assert!(
        !msg.contains("第 4 条"),
        "an entry pointing into a cycle is not on it: {msg}"
    );
}

#[test]
fn a_user_entry_replaces_the_embedded_one() {
    // Test data only: a user file that redefines an embedded title (here with a made-up
    // status) wins over the embedded entry.
    let text = r#"{"format":"gongkai-laws","format_version":1,"entries":[
        {"title":"《城市照明管理规定》","kind":"normative_document","status":"repealed"}]}"#;
    let reg = Registry::with_json(text).unwrap();
    assert_eq!(reg.laws().len(), Registry::embedded().laws().len());
    let law = reg.lookup("城市照明管理规定").unwrap();
    assert_eq!(law.status, LawStatus::Repealed);
    assert!(law.versions.is_empty());
}

#[test]
fn embedded_registry_meets_its_guarantees() {
    let reg = Registry::embedded();
    assert!(reg.laws().len() >= 60, "{}", reg.laws().len());
    for law in reg.laws() {
        let has_source = !law.sources.is_empty()
            || law.versions.iter().any(|v| v.source.is_some())
            || law.repeal_source.is_some();
        assert!(has_source, "{}: no source", law.title);
        for v in &law.versions {
            assert!(
                v.source.is_some(),
                "{}: a version without its source",
                law.title
            );
        }
        if law.status == LawStatus::Repealed {
            assert!(
                law.repeal_source.is_some(),
                "{}: repeal without source",
                law.title
            );
            if let Some(t) = &law.replaced_by {
                assert!(
                    reg.lookup(t).is_some(),
                    "{}: replaced by unknown {t}",
                    law.title
                );
            }
        }
        // Versions are listed oldest first.
        let dates: Vec<&str> = law
            .versions
            .iter()
            .filter_map(|v| v.promulgated.as_deref().or(v.in_force.as_deref()))
            .collect();
        let mut sorted = dates.clone();
        sorted.sort_unstable();
        assert_eq!(dates, sorted, "{}: versions out of order", law.title);
    }
    // What the issue names.
    let tiaoli = reg.lookup("条例").unwrap();
    let nos: Vec<_> = tiaoli
        .versions
        .iter()
        .filter_map(|v| v.doc_no.as_deref())
        .collect();
    assert_eq!(nos, ["国务院令第492号", "国务院令第711号"]);
    assert_eq!(tiaoli.versions[1].change, Some(VersionChange::Revision));
    assert_eq!(tiaoli.versions[1].in_force.as_deref(), Some("2019-05-15"));
    let chaiqian = reg.lookup("城市房屋拆迁管理条例").unwrap();
    assert_eq!(chaiqian.repealed_on.as_deref(), Some("2011-01-21"));
    assert_eq!(
        reg.lookup(chaiqian.replaced_by.as_deref().unwrap())
            .unwrap()
            .title,
        "国有土地上房屋征收与补偿条例"
    );
    for t in [
        "行政许可法",
        "行政处罚法",
        "行政强制法",
        "城市供水条例",
        "城镇燃气管理条例",
        "城镇排水与污水处理条例",
        "城市道路管理条例",
        "城市绿化条例",
        "城市市容和环境卫生管理条例",
        "城市生活垃圾管理办法",
        "城镇污水排入排水管网许可管理办法",
        "城市照明管理规定",
    ] {
        assert!(reg.lookup(t).is_some(), "{t} missing");
    }
    let chufa = reg.lookup("《行政处罚法》").unwrap();
    assert_eq!(
        chufa.current().and_then(|v| v.in_force.as_deref()),
        Some("2021-07-15")
    );
}

#[test]
fn the_file_schema_describes_the_embedded_file() {
    let schema = gongkai::laws::file_schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let embedded: Value = serde_json::from_str(include_str!("../laws/registry.json")).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&embedded)
        .map(|e| e.to_string())
        .take(5)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let local = json("local.laws.json");
    assert!(validator.is_valid(&local));
}
