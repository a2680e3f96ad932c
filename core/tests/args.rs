//! Arguments given as text, parsed once in the core for the CLI and both bindings: languages,
//! severities, dates, deadline starts, reference names, diff thresholds; each refused with the
//! one message every caller shows (`参数无效：{name} 应为…，实际为…`).
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use gongkai::args;
use gongkai::deadline::Start;
use gongkai::diff::{self, DiffOptions, ReferenceSpec};
use gongkai::{Catalogue, Lang, Severity};

fn message<T: std::fmt::Debug>(r: Result<T, gongkai::Error>) -> String {
    let e = r.unwrap_err();
    assert_eq!(e.code(), "invalid_argument", "{e}");
    e.to_string()
}

#[test]
fn languages_severities_and_dates_parse_or_say_what_is_expected() {
    assert_eq!(args::parse::<Lang>("lang", "zh-CN").unwrap(), Lang::Zh);
    assert_eq!("en".parse::<Lang>().unwrap(), Lang::En);
    assert_eq!(
        args::parse::<Severity>("--min-severity", "警告").unwrap(),
        Severity::Warning
    );
    assert_eq!(
        args::parse::<NaiveDate>("today", "2024-02-29").unwrap(),
        NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
    );
    assert_eq!(
        message(args::parse::<Lang>("lang", "fr")),
        "参数无效：lang 应为 zh（中文）或 en（English），实际为“fr”"
    );
    assert_eq!(
        message("fatal".parse::<Severity>()),
        "参数无效：级别应为 info（提示）、warning（警告）或 error（错误），实际为“fatal”"
    );
    let e = message(args::parse::<NaiveDate>("options.today", "2024-02-30"));
    assert!(e.contains("options.today 应为 YYYY-MM-DD"), "{e}");
    // Long values are cut; the message stays readable.
    let e = message(args::parse::<Lang>("lang", &"x".repeat(500)));
    assert!(e.chars().count() < 120 && e.contains('…'), "{e}");
}

#[test]
fn deadline_starts_take_a_time_of_day() {
    let s: Start = args::parse("start", "2024-03-10 08:30").unwrap();
    assert_eq!(s.date, NaiveDate::from_ymd_opt(2024, 3, 10).unwrap());
    assert_eq!(s.time.map(|t| t.to_string()), Some("08:30:00".into()));
    let s: Start = args::parse("start", "2024-03-10").unwrap();
    assert_eq!((s.time, s.extension_days), (None, 0));
    let e = message(args::parse::<Start>("start", "2024-03-10 25:00"));
    assert!(
        e.contains("start 应为") && e.contains("“2024-03-10 25:00”"),
        "{e}"
    );
}

#[test]
fn reference_specs_are_files_or_embedded_names() {
    let never = |_: &str| false;
    for name in ["municipal_services", "市政服务", " 市政服务 "] {
        assert_eq!(
            ReferenceSpec::parse(name, never),
            Ok(ReferenceSpec::BuiltIn("municipal_services"))
        );
        assert!(diff::reference(name).is_some() && diff::reference_json(name).is_some());
    }
    // An existing file wins over a name; text that looks like a path is a file (its reading
    // says what is wrong); anything else names the embedded catalogues.
    assert_eq!(
        ReferenceSpec::parse("municipal_services", |_| true),
        Ok(ReferenceSpec::File("municipal_services"))
    );
    assert_eq!(
        ReferenceSpec::parse("dir/upper.xlsx", never),
        Ok(ReferenceSpec::File("dir/upper.xlsx"))
    );
    let e = message(ReferenceSpec::parse("foo", never));
    assert!(
        e.contains("municipal_services（市政服务）") && e.contains("“foo”"),
        "{e}"
    );
    let e = message(ReferenceSpec::built_in("reference", "upper.json"));
    assert!(
        e.starts_with("参数无效：reference 应为内置上级标准目录名"),
        "{e}"
    );
}

#[test]
fn diff_thresholds_are_checked_when_asked() {
    assert!(
        DiffOptions::default()
            .threshold(1.0)
            .margin(0.0)
            .checked()
            .is_ok()
    );
    let e = message(DiffOptions::default().threshold(1.5).checked());
    assert_eq!(e, "参数无效：threshold 应为 0 到 1 之间的数，实际为 1.5");
    let e = message(DiffOptions::default().margin(f64::NAN).checked());
    assert!(e.contains("margin 应为 0 到 0.5 之间的数"), "{e}");
}

#[test]
fn json_that_is_not_an_object_is_not_a_catalogue() {
    for (text, found) in [("[]", "数组"), ("null", "null"), ("\u{feff} 3", "数字")] {
        let e = Catalogue::from_json(text.as_bytes()).unwrap_err();
        assert_eq!(e.code(), "not_a_catalogue", "{text}");
        assert!(e.to_string().contains(found), "{e}");
    }
    assert_eq!(
        Catalogue::from_json(b"{\"title\": ").unwrap_err().code(),
        "json"
    );
}
