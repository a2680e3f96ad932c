//! The shared fixtures of `tests/cases/` (see `tests/README.md`), the rules reference
//! `docs/rules.md` and the message snapshots `tests/snapshots/messages.{zh,en}.txt`.
//!
//! `GONGKAI_UPDATE_DOCS=1 cargo test -p gongkai --test fixtures` rewrites the generated files
//! (the rules reference and the snapshots) instead of comparing them.
//!
//! Structural verdicts: `expected.structurally_valid` is what the published schema says of the
//! input as a standard JSON parser reads it (a leading BOM skipped, the last of duplicate keys
//! kept, as `JSON.parse` and Python's `json` do); false when the input is not JSON or not an
//! object. The fast path (`Catalogue::from_json` + `structurally_valid`) must agree wherever it
//! deserialises; where it does not, the schema must say invalid too, except for documents with
//! duplicate keys, which the fast path refuses by design (the report has `json.duplicate_key`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use gongkai::{Catalogue, Lang, Options, Report, Validator};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Codes no fixture needs to trigger, by prefix, and why.
const EXEMPT_PREFIXES: &[(&str, &str)] = &[
    (
        "site.",
        "site findings: covered by the site generator's tests (core/src/site/tests.rs)",
    ),
    (
        "calendar.",
        "holiday calendar: the provisional-year warning and the holiday-file checks are covered by \
         core/src/calendar (unit tests), core/tests/calendar.rs, core/tests/deadline.rs, \
         core/tests/audit.rs and cli/tests/deadline_audit.rs",
    ),
];

/// Codes no input can trigger, and why.
const EXEMPT_CODES: &[(&str, &str)] = &[(
    "schema.invalid",
    "fallback for a validator error kind the mapping does not know; the published schema uses none",
)];

/// Codes no case of `tests/cases/` needs to show as a near miss (a case where the code must stay
/// silent), by prefix, and why; on top of the exemptions above.
const NEAR_MISS_EXEMPT_PREFIXES: &[(&str, &str)] = &[
    (
        "import.",
        "importer findings: the import fixtures (tests/import/) compare the exact multiset of \
         findings, so each fixture shows the codes it does not list staying silent; no fixture is \
         yet marked as the near miss of one code",
    ),
    (
        "diff.",
        "diff findings: tests/diff/ fixtures compare the exact findings of each reference item \
         (core/tests/diff.rs), including items that must give none (localised, wording)",
    ),
    (
        "record.",
        "audit records: tests/audit/expected.json gives every row's exact findings \
         (core/tests/audit.rs), on-time rows included",
    ),
    (
        "records.",
        "audit records: tests/audit/expected.json gives every row's exact findings \
         (core/tests/audit.rs), on-time rows included",
    ),
    (
        "no_deadline.",
        "reasons a deadline cannot be computed: core/tests/deadline.rs and \
         cli/tests/deadline_audit.rs check limits that do give a date",
    ),
    (
        "changes.",
        "changes between two versions: tests/versions/changes.expected.json gives the exact \
         changes of every item pair (core/tests/changes.rs), unchanged items included",
    ),
    (
        "model.newer_version_field",
        "a 1.1 field in a 1.0 file: every 1.0 case under tests/cases/ (none uses a 1.1 field) \
         stays silent, and core/tests/schema_files.rs tests a 1.0 file that uses one",
    ),
    (
        "evaluate.",
        "evaluation findings: tests/evaluate/example.expected.json gives every unit's exact \
         problem codes (core/tests/evaluate.rs), units without a problem included",
    ),
];

const UPDATE_ENV: &str = "GONGKAI_UPDATE_DOCS";

struct Case {
    /// `area/name`.
    name: String,
    /// Path relative to the repository root.
    rel: String,
    input: Vec<u8>,
    today: Option<chrono::NaiveDate>,
    max_issues: Option<usize>,
    expected: Value,
    /// `near_miss`: the codes this case must not give although it comes close.
    near_miss: Vec<String>,
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn cases() -> &'static [Case] {
    static CASES: OnceLock<Vec<Case>> = OnceLock::new();
    CASES.get_or_init(|| {
        let dir = repo_root().join("tests/cases");
        let mut files = Vec::new();
        for area in std::fs::read_dir(&dir).expect("tests/cases exists") {
            let area = area.unwrap().path();
            if !area.is_dir() {
                continue;
            }
            for f in std::fs::read_dir(&area).unwrap() {
                let f = f.unwrap().path();
                if f.extension().is_some_and(|e| e == "json") {
                    files.push(f);
                }
            }
        }
        files.sort();
        files.iter().map(|f| load(&dir, f)).collect()
    })
}

fn load(dir: &Path, file: &Path) -> Case {
    let text = std::fs::read_to_string(file).unwrap();
    let v: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", file.display()));
    let name = file
        .strip_prefix(dir)
        .unwrap()
        .with_extension("")
        .to_string_lossy()
        .replace('\\', "/");
    assert!(
        v["description"].as_str().is_some_and(|d| !d.is_empty()),
        "{name}: description"
    );
    let input = match (&v["catalogue"], &v["catalogue_text"]) {
        (Value::Null, Value::String(t)) => t.as_bytes().to_vec(),
        (c, Value::Null) if !c.is_null() => serde_json::to_vec(c).unwrap(),
        _ => panic!("{name}: exactly one of catalogue / catalogue_text"),
    };
    let today = v["options"]["today"]
        .as_str()
        .map(|d| gongkai::parse_date(d).unwrap_or_else(|| panic!("{name}: bad today")));
    let max_issues = v["options"]["max_issues"].as_u64().map(|n| n as usize);
    let expected = v["expected"].clone();
    let near_miss = match &v["near_miss"] {
        Value::Null => Vec::new(),
        Value::Array(a) => a
            .iter()
            .map(|c| {
                c.as_str()
                    .unwrap_or_else(|| panic!("{name}: near_miss holds codes"))
                    .to_owned()
            })
            .collect(),
        _ => panic!("{name}: near_miss is a list of codes"),
    };
    for k in ["valid", "structurally_valid", "error", "issues"] {
        assert!(expected.get(k).is_some(), "{name}: expected.{k} is missing");
    }
    Case {
        rel: format!("tests/cases/{name}.json"),
        name,
        input,
        today,
        max_issues,
        expected,
        near_miss,
    }
}

fn run(case: &Case, lang: Lang) -> Result<Report, gongkai::Error> {
    let mut options = Options::default().lang(lang);
    if let Some(t) = case.today {
        options = options.today(t);
    }
    if let Some(n) = case.max_issues {
        options = options.max_issues(n);
    }
    Validator::new(options).validate_json(&case.input)
}

fn expected_pairs(case: &Case) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = case.expected["issues"]
        .as_array()
        .unwrap_or_else(|| panic!("{}: expected.issues is a list", case.name))
        .iter()
        .map(|i| {
            (
                i["code"].as_str().unwrap().to_owned(),
                i["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    v.sort();
    v
}

fn actual_pairs(report: &Report) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = report
        .issues
        .iter()
        .map(|i| (i.code.to_string(), i.path.clone()))
        .collect();
    v.sort();
    v
}

fn update() -> bool {
    std::env::var_os(UPDATE_ENV).is_some_and(|v| v == "1")
}

/// Compares a generated file with the checked-in one, or rewrites it.
fn check_generated(rel: &str, generated: &str) {
    let path = repo_root().join(rel);
    if update() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, generated).unwrap();
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current != generated {
        let line = current
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || current.lines().count().min(generated.lines().count()) + 1,
                |n| n + 1,
            );
        panic!(
            "{rel} is out of date (first difference at line {line}); run `{UPDATE_ENV}=1 cargo test -p gongkai --test fixtures` and review the diff"
        );
    }
}

#[test]
fn there_are_enough_cases() {
    assert!(cases().len() >= 60, "{} cases", cases().len());
    // The import fixtures (tests/import/), one at least for each importer code.
    let import = other_fixtures()
        .iter()
        .filter(|(rel, _)| rel.starts_with("tests/import/"))
        .count();
    let import_codes = gongkai::codes::all()
        .filter(|c| c.as_str().starts_with("import."))
        .count();
    assert!(
        import >= 30 && import_codes >= 36,
        "{import} import fixtures, {import_codes} import codes"
    );
    let invalid = cases()
        .iter()
        .filter(|c| c.expected["valid"] == Value::Bool(false))
        .count();
    let valid = cases()
        .iter()
        .filter(|c| c.expected["valid"] == Value::Bool(true))
        .count();
    assert!(
        invalid >= 20 && valid >= 20,
        "{valid} valid, {invalid} invalid"
    );
}

#[test]
fn every_case_gives_the_expected_report() {
    let mut failures = Vec::new();
    for case in cases() {
        let result = run(case, Lang::Zh);
        match (&case.expected["error"], result) {
            (Value::String(code), Err(e)) => {
                if e.code() != code {
                    failures.push(format!(
                        "{}: error {} instead of {code}",
                        case.name,
                        e.code()
                    ));
                }
            }
            (Value::String(code), Ok(r)) => failures.push(format!(
                "{}: expected error {code}, got a report {:?}",
                case.name,
                actual_pairs(&r)
            )),
            (_, Err(e)) => failures.push(format!("{}: unexpected error {e}", case.name)),
            (_, Ok(report)) => {
                let (want, got) = (expected_pairs(case), actual_pairs(&report));
                if want != got {
                    failures.push(format!(
                        "{}:\n    expected {want:?}\n    actual   {got:?}",
                        case.name
                    ));
                }
                if case.expected["valid"] != Value::Bool(report.valid) {
                    failures.push(format!("{}: valid = {}", case.name, report.valid));
                }
                // `valid` is exactly "no error-severity issue".
                let has_error = report
                    .issues
                    .iter()
                    .any(|i| i.severity == gongkai::Severity::Error);
                assert_eq!(report.valid, !has_error, "{}", case.name);
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// `validate_json_str` (text known to be UTF-8, as the WebAssembly binding hands it over) gives
/// the same report, or the same error, as `validate_json` on the bytes of every fixture.
#[test]
fn text_and_bytes_give_the_same_report() {
    let mut compared = 0;
    for case in cases() {
        let Ok(text) = std::str::from_utf8(&case.input) else {
            continue;
        };
        let v = Validator::new(Options::default().lang(Lang::En));
        match (v.validate_json(&case.input), v.validate_json_str(text)) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{}", case.name),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{}", case.name),
            (a, b) => panic!("{}: {a:?} vs {b:?}", case.name),
        }
        compared += 1;
    }
    assert!(compared > 100, "{compared}");
    let v = Validator::new(Options::default().max_input_bytes(4));
    assert_eq!(
        v.validate_json_str("{ }  ").unwrap_err().code(),
        "too_large"
    );
}

#[test]
fn messages_are_the_same_in_both_languages_except_the_text() {
    for case in cases() {
        let (Ok(zh), Ok(en)) = (run(case, Lang::Zh), run(case, Lang::En)) else {
            continue;
        };
        assert_eq!(actual_pairs(&zh), actual_pairs(&en), "{}", case.name);
        for i in zh.issues.iter().chain(&en.issues) {
            assert!(
                !i.message.contains('{'),
                "{}: unfilled template in {}: {}",
                case.name,
                i.code,
                i.message
            );
        }
    }
}

#[test]
fn structural_verdict_matches_the_schema_and_the_fast_path() {
    let mut failures = Vec::new();
    for case in cases() {
        let want = case.expected["structurally_valid"].as_bool().unwrap();
        let bytes = case
            .input
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(&case.input);
        let schema = match serde_json::from_slice::<Value>(bytes) {
            Ok(v) if v.is_object() => gongkai::schema::is_schema_valid(&v),
            _ => false,
        };
        if schema != want {
            failures.push(format!("{}: the published schema says {schema}", case.name));
        }
        match Catalogue::from_json(&case.input) {
            Ok(cat) => {
                let fast = gongkai::structurally_valid(&cat);
                if fast != want {
                    failures.push(format!("{}: the fast path says {fast}", case.name));
                }
            }
            Err(_) => {
                let duplicate = run(case, Lang::Zh)
                    .is_ok_and(|r| r.issues.iter().any(|i| i.code == "json.duplicate_key"));
                if want && !duplicate {
                    failures.push(format!(
                        "{}: the fast path cannot read a structurally valid document",
                        case.name
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The codes a fixture file outside `tests/cases/` expects, by file (relative to the repository
/// root): the diff fixtures (`findings[].code`, compared by `core/tests/diff.rs`), the evaluation
/// fixture (`tests/evaluate/expected.json`, compared by `core/tests/evaluate.rs`), the audit
/// fixture (`issues[].code` and `rows[].reason`, compared by `core/tests/audit.rs`) and the
/// import fixtures (`issues[].code`, compared by `core/tests/import_fixtures.rs`).
fn other_fixtures() -> Vec<(String, std::collections::BTreeSet<String>)> {
    fn collect(v: &Value, out: &mut std::collections::BTreeSet<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    if let ("code" | "reason", Value::String(c)) = (k.as_str(), x) {
                        if gongkai::Code::from_code(c).is_some() {
                            out.insert(c.clone());
                        }
                    }
                    collect(x, out);
                }
            }
            Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
            _ => {}
        }
    }
    let mut files = Vec::new();
    for dir in [
        "tests/diff",
        "tests/diff/corpus",
        "tests/audit",
        "tests/evaluate",
        "tests/import",
        "tests/versions",
    ] {
        for f in std::fs::read_dir(repo_root().join(dir)).unwrap() {
            let f = f.unwrap().path();
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with("expected.json") {
                files.push(format!("{dir}/{name}"));
            }
        }
    }
    files.sort();
    files
        .into_iter()
        .map(|rel| {
            let v: Value =
                serde_json::from_str(&std::fs::read_to_string(repo_root().join(&rel)).unwrap())
                    .unwrap();
            let mut codes = std::collections::BTreeSet::new();
            collect(&v["expected"], &mut codes);
            collect(&v["cases"], &mut codes);
            (rel, codes)
        })
        .collect()
}

/// For each code, the best fixture that expects it: a case of `tests/cases/` in the rule family's
/// own area first, then the most focused (fewest distinct codes), then in path order; for codes
/// no case has, a diff or audit fixture.
fn examples() -> BTreeMap<&'static str, String> {
    let others = other_fixtures();
    let mut out = BTreeMap::new();
    for code in gongkai::codes::all() {
        let code = code.as_str();
        let family = code.split('.').next().unwrap_or_default();
        let best = cases()
            .iter()
            .filter_map(|c| {
                let codes: std::collections::BTreeSet<&str> = c.expected["issues"]
                    .as_array()?
                    .iter()
                    .filter_map(|i| i["code"].as_str())
                    .collect();
                codes.contains(code).then(|| {
                    let own_area = c.name.starts_with(&format!("{family}/"));
                    (!own_area, codes.len(), c.rel.clone())
                })
            })
            .min()
            .map(|(_, _, rel)| rel)
            .or_else(|| {
                others
                    .iter()
                    .filter(|(_, codes)| codes.contains(code))
                    .min_by_key(|(rel, codes)| (codes.len(), rel.clone()))
                    .map(|(rel, _)| rel.clone())
            });
        if let Some(rel) = best {
            out.insert(code, rel);
        }
    }
    out
}

fn exemption(code: &str) -> Option<&'static str> {
    EXEMPT_PREFIXES
        .iter()
        .find(|(p, _)| code.starts_with(p))
        .or_else(|| EXEMPT_CODES.iter().find(|(c, _)| *c == code))
        .map(|(_, why)| *why)
}

#[test]
fn every_code_has_a_triggering_fixture() {
    let ex = examples();
    let missing: Vec<&str> = gongkai::codes::all()
        .map(|c| c.as_str())
        .filter(|c| !ex.contains_key(c) && exemption(c).is_none())
        .collect();
    assert!(missing.is_empty(), "codes without a fixture: {missing:?}");
    // An exemption must not hide a code that does have a fixture (keep the list honest).
    for (code, _) in EXEMPT_CODES {
        assert!(!ex.contains_key(code), "{code} is exempt but has a fixture");
    }
    // Every code a fixture expects is registered.
    for case in cases() {
        for (code, _) in expected_pairs(case) {
            assert!(
                gongkai::Code::from_code(&code).is_some(),
                "{}: unknown code {code}",
                case.name
            );
        }
    }
}

fn near_miss_exemption(code: &str) -> Option<&'static str> {
    NEAR_MISS_EXEMPT_PREFIXES
        .iter()
        .find(|(p, _)| code.starts_with(p))
        .map(|(_, why)| *why)
        .or_else(|| exemption(code))
}

/// For each code, the cases that are its near miss (in path order).
fn near_misses() -> BTreeMap<&'static str, Vec<&'static str>> {
    let mut out: BTreeMap<&'static str, Vec<&'static str>> = BTreeMap::new();
    for case in cases() {
        for code in &case.near_miss {
            out.entry(code.as_str())
                .or_default()
                .push(case.rel.as_str());
        }
    }
    out
}

#[test]
fn every_code_has_a_near_miss() {
    let near = near_misses();
    let missing: Vec<&str> = gongkai::codes::all()
        .map(|c| c.as_str())
        .filter(|c| !near.contains_key(c) && near_miss_exemption(c).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "codes without a near miss (a case of tests/cases/ listing the code in `near_miss`): \
         {missing:?}"
    );
    // Exempt families have no near miss in tests/cases/ (keep the list honest).
    for (prefix, _) in NEAR_MISS_EXEMPT_PREFIXES {
        let listed: Vec<&&str> = near.keys().filter(|c| c.starts_with(prefix)).collect();
        assert!(
            listed.is_empty(),
            "{prefix} is exempt but has near misses: {listed:?}"
        );
        assert!(
            gongkai::codes::all().any(|c| c.as_str().starts_with(prefix)),
            "{prefix}: no such code"
        );
    }
    let mut failures = Vec::new();
    for case in cases() {
        let expected: Vec<String> = expected_pairs(case).into_iter().map(|(c, _)| c).collect();
        let report = run(case, Lang::Zh).ok();
        for code in &case.near_miss {
            if gongkai::Code::from_code(code).is_none() {
                failures.push(format!("{}: near_miss {code} is not a code", case.name));
            }
            if expected.contains(code) {
                failures.push(format!("{}: near_miss {code} is expected", case.name));
            }
            match &report {
                Some(r) if r.issues.iter().any(|i| i.code == code.as_str()) => {
                    failures.push(format!("{}: near_miss {code} fires", case.name));
                }
                Some(_) => {}
                None => failures.push(format!(
                    "{}: a near miss must give a report (near_miss {code})",
                    case.name
                )),
            }
        }
        let mut sorted = case.near_miss.clone();
        sorted.sort();
        sorted.dedup();
        if sorted.len() != case.near_miss.len() {
            failures.push(format!("{}: a code twice in near_miss", case.name));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn rules_reference() -> String {
    let codes: Vec<gongkai::Code> = gongkai::codes::all().collect();
    let ex = examples();
    let near = near_misses();
    let count = |s: gongkai::Severity| codes.iter().filter(|c| c.severity() == s).count();
    let mut out = String::new();
    out.push_str("# 问题代码 / Codes\n\n");
    out.push_str(
        "<!-- Generated from the code by core/tests/fixtures.rs; do not edit by hand.\n     \
         Regenerate: GONGKAI_UPDATE_DOCS=1 cargo test -p gongkai --test fixtures -->\n\n",
    );
    let _ = writeln!(
        out,
        "{} codes: {} errors (错误), {} warnings (警告), {} info (提示), every code any command can \
         emit (validation rules, the importer's findings, the diff, the timeliness audit and the \
         reasons a deadline cannot be computed). `gongkai rules` prints the same list; \
         `gongkai rules --format json` prints it as JSON.\n",
        codes.len(),
        count(gongkai::Severity::Error),
        count(gongkai::Severity::Warning),
        count(gongkai::Severity::Info)
    );
    out.push_str(
        "A catalogue is valid when no issue has the severity `error`. Messages name the column as \
         people know it and say how to fix the problem; `{name}` in a template is filled from the \
         issue's `params`. **structural** codes are decided by the published JSON Schema alone \
         (any schema validator finds them); the others need gongkai. Each example is a fixture \
         whose expected issues include the code; **must stay silent in** lists near misses, cases \
         that come close but must not give the code; **defined in** is the file that declares it.\n\n",
    );
    for family in gongkai::codes::Family::ALL {
        let list: Vec<&gongkai::Code> = codes.iter().filter(|c| c.family() == *family).collect();
        let _ = writeln!(
            out,
            "## {} / {} ({} codes)\n\n| code | severity | structural | title | example |\n|---|---|---|---|---|",
            family.zh(),
            family.en(),
            list.len()
        );
        for c in list {
            let example = ex.get(c.as_str()).map_or_else(
                || "—".to_owned(),
                |p| format!("[`{}`](../{p})", p.trim_start_matches("tests/")),
            );
            let _ = writeln!(
                out,
                "| [`{}`](#{}) | {} | {} | {} | {example} |",
                c.as_str(),
                c.as_str().replace('.', ""),
                c.severity().code(),
                if c.def().structural { "yes" } else { "" },
                md_cell(c.def().title),
            );
        }
        out.push('\n');
    }
    for c in &codes {
        let r = c.def();
        let _ = write!(
            out,
            "\n### {}\n\n- **title**: {}\n- **family**: {} ({})\n- **severity**: {} ({})\n- **structural**: {}\n- **source**: {}\n- **defined in**: [`{}`](../{})\n- **zh**: {}\n- **en**: {}\n",
            r.code,
            r.title,
            r.family.code(),
            r.family.zh(),
            r.severity.code(),
            r.severity.zh(),
            if r.structural { "yes" } else { "no" },
            r.source,
            r.defined_in,
            r.defined_in,
            r.message_zh,
            r.message_en,
        );
        match (ex.get(r.code), exemption(r.code)) {
            (Some(p), _) => {
                let _ = writeln!(out, "- **example**: [`{p}`](../{p})");
            }
            (None, Some(why)) => {
                let _ = writeln!(out, "- **example**: none ({why})");
            }
            (None, None) => {}
        }
        match (near.get(r.code), near_miss_exemption(r.code)) {
            (Some(list), _) => {
                let links: Vec<String> = list.iter().map(|p| format!("[`{p}`](../{p})")).collect();
                let _ = writeln!(out, "- **must stay silent in**: {}", links.join(", "));
            }
            (None, Some(why)) => {
                let _ = writeln!(out, "- **must stay silent in**: no case ({why})");
            }
            (None, None) => {}
        }
    }
    out
}

#[test]
fn rules_reference_is_current() {
    check_generated("docs/rules.md", &rules_reference());
}

fn snapshot(lang: Lang) -> String {
    let mut out = String::new();
    for case in cases() {
        let Ok(report) = run(case, lang) else {
            continue;
        };
        if report.issues.is_empty() {
            continue;
        }
        let _ = writeln!(out, "== {}", case.name);
        for i in &report.issues {
            let _ = writeln!(out, "{} {} {}", i.severity.code(), i.code, i.path);
            let _ = writeln!(out, "    {}", i.message);
        }
    }
    out
}

#[test]
fn message_snapshots() {
    check_generated("tests/snapshots/messages.zh.txt", &snapshot(Lang::Zh));
    check_generated("tests/snapshots/messages.en.txt", &snapshot(Lang::En));
}
