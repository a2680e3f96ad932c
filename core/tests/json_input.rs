//! Bad JSON input never panics: each case gives a report or a clear error with a location.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use gongkai::{Error, validate_json};

fn minimal() -> String {
    r#"{"schema_version":"1.0","title":"T","domain":"municipal_services","publisher":"P","level":"county","issued":"2024-03-01",
"items":[{"id":"1","category":"C","name":"N","content":["c"],"basis":[{"title":"城市供水条例"}],
"time_limit":{"kind":"working_days","days":20,"from":"formed_or_changed"},"subject":"武陟县城市管理局",
"channels":["gov_website"],"audience":["public"],"method":["proactive"],"levels":["county"]}]}"#
        .to_owned()
}

#[test]
fn not_json_is_an_error_with_line_and_column() {
    let err = validate_json(b"{\n  \"title\": oops\n}").unwrap_err();
    match err {
        Error::Json { line, column, .. } => {
            assert_eq!(line, 2);
            assert!(column > 0);
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(validate_json(b"").unwrap_err().code(), "json");
    assert_eq!(validate_json(b"   ").unwrap_err().code(), "json");
}

#[test]
fn truncated_json_says_so() {
    let text = minimal();
    let cut = &text.as_bytes()[..text.len() / 2];
    let err = validate_json(cut).unwrap_err();
    assert_eq!(err.code(), "json");
    assert!(err.to_string().contains("截断"), "{err}");
}

#[test]
fn an_unpaired_surrogate_escape_is_named() {
    // A lone half of a UTF-16 pair, leading or trailing, at the end of a string or before
    // another escape: the message names the escape and what it is, not commas and quotes.
    let text = minimal();
    for (escape, quoted) in [
        (r"\ud800", r"\ud800"),
        (r"\uD800x", r"\uD800"),
        (r"\udc00", r"\udc00"),
        (r"\ud800\u0041", r"\ud800"),
        (r"\ud800\n", r"\ud800"),
    ] {
        let doc = text.replacen("\"title\":\"T\"", &format!("\"title\":\n\"T{escape}\""), 1);
        let err = validate_json(doc.as_bytes()).unwrap_err();
        let msg = err.to_string();
        assert_eq!(err.code(), "json");
        assert!(msg.contains("不成对的 UTF-16 代理项"), "{escape}: {msg}");
        assert!(msg.contains(&format!(" {quoted} ")), "{escape}: {msg}");
        assert!(
            !msg.contains("逗号") && !msg.contains("escape"),
            "{escape}: {msg}"
        );
        assert!(
            matches!(err, Error::Json { line: 2, .. }),
            "{escape}: {err:?}"
        );
    }
    // A proper pair is a character.
    let doc = text.replacen("\"title\":\"T\"", r#""title":"T\ud83d\ude00""#, 1);
    assert!(validate_json(doc.as_bytes()).is_ok());
}

#[test]
fn non_objects_are_not_catalogues() {
    for doc in ["null", "[]", "[1,2]", "\"x\"", "42", "true"] {
        let err = validate_json(doc.as_bytes()).unwrap_err();
        assert_eq!(err.code(), "not_a_catalogue", "{doc}");
    }
}

#[test]
fn bom_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(minimal().as_bytes());
    let r = validate_json(&bytes).unwrap();
    assert_eq!(r.items, 1);
    assert!(
        r.issues.iter().all(|i| !i.code.starts_with("schema.")),
        "{:?}",
        r.issues
    );
}

#[test]
fn invalid_utf8_is_an_error() {
    let mut bytes = minimal().into_bytes();
    let pos = bytes.iter().position(|b| *b == b'T').unwrap();
    bytes[pos] = 0xFF;
    let err = validate_json(&bytes).unwrap_err();
    assert_eq!(err.code(), "json");
    assert!(err.to_string().contains("UTF-8"), "{err}");
}

#[test]
fn deep_nesting_is_refused_without_overflow() {
    let depth = 100_000;
    let mut s = String::from("{\"schema_version\":\"1.0\",\"x\":");
    s.push_str(&"[".repeat(depth));
    s.push_str(&"]".repeat(depth));
    s.push('}');
    let err = validate_json(s.as_bytes()).unwrap_err();
    assert_eq!(err.code(), "json");
    assert!(err.to_string().contains("嵌套"), "{err}");
    // Also inside an item.
    let t = minimal().replace("\"notes\"", "\"x\"").replace(
        "\"levels\":[\"county\"]",
        &format!(
            "\"levels\":[\"county\"],\"deep\":{}{}",
            "{\"a\":".repeat(depth),
            "1}".repeat(depth)
        ),
    );
    assert_eq!(validate_json(t.as_bytes()).unwrap_err().code(), "json");
}

#[test]
fn a_fifty_megabyte_string_is_validated_and_not_echoed() {
    let big = "燃".repeat(50 * 1024 * 1024 / 3);
    let text = minimal().replace(
        "\"name\":\"N\"",
        &format!("\"name\":\"N\",\"nmae\":\"{big}\""),
    );
    let r = validate_json(text.as_bytes()).unwrap();
    let unknown = r
        .issues
        .iter()
        .find(|i| i.code == "model.unknown_key")
        .expect("unknown key");
    assert_eq!(unknown.path, "/items/0/nmae");
    let json = r.to_json();
    assert!(
        json.len() < 100_000,
        "the report echoes the input: {} bytes",
        json.len()
    );
}

#[test]
fn strange_numbers() {
    // 1e999 overflows f64: serde_json refuses it, we say where.
    let t = minimal().replace("\"days\":20", "\"days\":1e999");
    assert_eq!(validate_json(t.as_bytes()).unwrap_err().code(), "json");
    // -0 is the integer 0: out of range.
    let t = minimal().replace("\"days\":20", "\"days\":-0");
    let r = validate_json(t.as_bytes()).unwrap();
    assert!(
        r.issues
            .iter()
            .any(|i| i.code == "schema.out_of_range" && i.path == "/items/0/time_limit/days"),
        "{:?}",
        r.issues
    );
    // 20.0 is an integer for JSON Schema, and for us.
    let t = minimal().replace("\"days\":20", "\"days\":20.0");
    let r = validate_json(t.as_bytes()).unwrap();
    assert!(
        !r.issues.iter().any(|i| i.code.starts_with("schema.")),
        "{:?}",
        r.issues
    );
    // 20.5 is not.
    let t = minimal().replace("\"days\":20", "\"days\":20.5");
    let r = validate_json(t.as_bytes()).unwrap();
    assert!(
        r.issues.iter().any(|i| i.code == "schema.type"),
        "{:?}",
        r.issues
    );
}

#[test]
fn nul_bytes_and_control_characters_in_strings() {
    let t = minimal().replace("\"title\":\"T\"", "\"title\":\"T\\u0000\\u001b[31m\"");
    let r = validate_json(t.as_bytes()).unwrap();
    assert_eq!(r.items, 1);
    let t = minimal().replace("\"level\":\"county\"", "\"level\":\"\\u0000\\u001b[31m\"");
    let r = validate_json(t.as_bytes()).unwrap();
    let i = r.issues.iter().find(|i| i.code == "schema.enum").unwrap();
    assert!(
        !i.message.contains('\u{1b}') && !i.message.contains('\0'),
        "{}",
        i.message
    );
}

#[test]
fn duplicate_keys_are_errors_with_paths() {
    let t = minimal()
        .replace("\"title\":\"T\"", "\"title\":\"T\",\"title\":\"U\"")
        .replace(
            "\"subject\":\"武陟县城市管理局\"",
            "\"subject\":\"武陟县城市管理局\",\"subject\":\"x\"",
        );
    let r = validate_json(t.as_bytes()).unwrap();
    let dups: Vec<_> = r
        .issues
        .iter()
        .filter(|i| i.code == "json.duplicate_key")
        .map(|i| i.path.as_str())
        .collect();
    assert_eq!(dups, vec!["/items/0/subject", "/title"]);
    assert!(!r.valid);
}

#[test]
fn wrong_types_are_issues_not_crashes() {
    let t = minimal().replace("\"items\":[", "\"items\":[null,7,\"x\",[],");
    let r = validate_json(t.as_bytes()).unwrap();
    assert!(!r.valid);
    let paths: Vec<_> = r
        .issues
        .iter()
        .filter(|i| i.code == "schema.type")
        .map(|i| i.path.as_str())
        .collect();
    assert_eq!(paths, vec!["/items/0", "/items/1", "/items/2", "/items/3"]);
    // The readable item is still checked by the rules, under its own index.
    assert_eq!(r.items, 5);
}

#[test]
fn size_limit_is_adjustable() {
    let v = gongkai::Validator::new(gongkai::Options::default().max_input_bytes(100));
    assert_eq!(
        v.validate_json(minimal().as_bytes()).unwrap_err().code(),
        "too_large"
    );
    let v = gongkai::Validator::new(gongkai::Options::default().max_input_bytes(1 << 20));
    assert!(v.validate_json(minimal().as_bytes()).is_ok());
}
