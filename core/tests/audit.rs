//! The timeliness audit against the shared fixture `tests/audit/` (also read by the Python and
//! JS tests): every outcome and every bad-record kind, from CSV and from JSON.
#![allow(clippy::unwrap_used)]

use gongkai::audit::{self, AuditOptions, AuditReport, Status};
use gongkai::{Catalogue, Lang, calendar};
use serde_json::Value;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/audit")
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap()
}

fn expected() -> Value {
    serde_json::from_slice(&read("expected.json")).unwrap()
}

fn run(records: &str, options: &AuditOptions) -> AuditReport {
    run_with(expected()["catalogue"].as_str().unwrap(), records, options)
}

fn run_with(catalogue: &str, records: &str, options: &AuditOptions) -> AuditReport {
    let cat_bytes = read(catalogue);
    let cat = Catalogue::from_json(&cat_bytes).unwrap();
    audit::audit_bytes(
        &cat,
        &read(records),
        Some(records),
        calendar::embedded(),
        options,
    )
    .unwrap()
}

fn today() -> AuditOptions {
    let t = gongkai::parse_date(expected()["today"].as_str().unwrap()).unwrap();
    AuditOptions::default().today(t)
}

/// Compares the keys listed in `want` with the same keys of `got` (JSON).
fn check_keys(got: &Value, want: &Value, what: &str) {
    for (k, v) in want.as_object().unwrap() {
        if k == "csv_line" {
            continue;
        }
        assert_eq!(&got[k], v, "{what}: key {k}\n got {got}\nwant {want}");
    }
}

#[test]
fn fixture_catalogue_is_structurally_valid() {
    // The fixture deliberately holds limits the rules question (按有关规定, 及时公开, 7日):
    // they are the "not applicable" cases of the audit. Structurally it must be sound.
    let report = gongkai::validate_json(&read("catalogue.json")).unwrap();
    let structural: Vec<_> = report
        .issues
        .iter()
        .filter(|i| i.code.starts_with("schema.") || i.code.starts_with("json."))
        .collect();
    assert!(structural.is_empty(), "{structural:#?}");
    let codes: Vec<_> = report.issues.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(
        codes,
        ["time.promptly", "time.not_a_limit", "time.calendar_days"]
    );
}

#[test]
fn every_case_gives_the_expected_rows_issues_and_summary() {
    let exp = expected();
    let mut files = 0;
    for case in exp["cases"].as_array().unwrap() {
        for file in case["records"].as_array().unwrap() {
            let file = file.as_str().unwrap();
            files += 1;
            let is_csv = file.ends_with(".csv");
            let catalogue = case["catalogue"]
                .as_str()
                .or(exp["catalogue"].as_str())
                .unwrap();
            let report = run_with(catalogue, file, &today());
            let got = serde_json::to_value(&report).unwrap();
            // Rows.
            let rows = got["rows"].as_array().unwrap();
            let want_rows = case["rows"].as_array().unwrap();
            assert_eq!(rows.len(), want_rows.len(), "{file}: row count");
            for (g, w) in rows.iter().zip(want_rows) {
                check_keys(g, w, &format!("{file} row {}", w["row"]));
                if is_csv {
                    assert_eq!(g["line"], w["csv_line"], "{file} row {}: line", w["row"]);
                } else {
                    assert!(g["line"].is_null());
                }
            }
            // Issues: the same multiset of (code, severity, row, column[, line]).
            let key = |i: &Value, line: &Value| {
                format!(
                    "{} {} {} {} {}",
                    i["code"], i["severity"], i["row"], i["column"], line
                )
            };
            let mut got_issues: Vec<String> = got["issues"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| key(i, if is_csv { &i["line"] } else { &Value::Null }))
                .collect();
            let mut want_issues: Vec<String> = case["issues"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| key(i, if is_csv { &i["csv_line"] } else { &Value::Null }))
                .collect();
            got_issues.sort();
            want_issues.sort();
            assert_eq!(got_issues, want_issues, "{file}: issues");
            // Summary.
            let ws = &case["summary"];
            check_keys(&got["summary"]["overall"], &ws["overall"], file);
            if let Some(cats) = ws["by_category"].as_array() {
                let got_cats = got["summary"]["by_category"].as_array().unwrap();
                assert_eq!(got_cats.len(), cats.len());
                for (g, w) in got_cats.iter().zip(cats) {
                    check_keys(g, w, &format!("{file} category"));
                }
            }
            if let Some(items) = ws["by_item_records"].as_object() {
                let got_items = got["summary"]["by_item"].as_array().unwrap();
                assert_eq!(got_items.len(), items.len());
                for g in got_items {
                    let id = g["item_id"].as_str().unwrap();
                    assert_eq!(g["records"], items[id], "{file} item {id}");
                }
            }
            // Without today, unpublished records cannot be judged.
            if let Some(changes) = case["without_today"]["status_by_row"].as_object() {
                let report = run_with(catalogue, file, &AuditOptions::default());
                for (row, want_row) in report.rows.iter().zip(want_rows) {
                    let want = changes
                        .get(&row.row.to_string())
                        .unwrap_or(&want_row["status"]);
                    assert_eq!(
                        serde_json::to_value(row.status).unwrap(),
                        *want,
                        "{file} without today, row {}",
                        row.row
                    );
                }
            }
        }
    }
    assert_eq!(files, 6);
}

#[test]
fn csv_and_json_records_agree() {
    let a = run("records.csv", &today());
    let b = run("records.json", &today());
    assert_eq!(a.summary, b.summary);
    assert_eq!(a.rows.len(), b.rows.len());
    for (x, y) in a.rows.iter().zip(&b.rows) {
        let mut x = x.clone();
        // A CSV record is named by its line, a JSON record by its number.
        if let (Some(line), Some(m)) = (x.line, x.message.as_mut()) {
            *m = m.replace(
                &format!("第 {line} 行的记录"),
                &format!("第 {} 条记录", x.row),
            );
        }
        x.line = None;
        assert_eq!(&x, y);
    }
}

#[test]
fn rate_and_exit_helpers() {
    let r = run("records.csv", &today());
    let o = &r.summary.overall;
    assert_eq!(o.assessed, o.on_time + o.late + o.overdue);
    assert_eq!(o.on_time_rate, Some(o.on_time as f64 / o.assessed as f64));
    assert!(r.has_late_or_overdue());
    assert!(r.has_errors());
    // Sum of the categories and the records without a known item give the whole.
    let by_cat: usize = r.summary.by_category.iter().map(|c| c.tally.records).sum();
    let unknown = r.rows.iter().filter(|x| x.category.is_none()).count();
    assert_eq!(by_cat + unknown, o.records);
    // An item without records has no rate.
    let two = r.summary.by_item.iter().find(|i| i.item_id == "2").unwrap();
    assert_eq!(two.tally.records, 0);
    assert_eq!(two.tally.on_time_rate, None);
}

#[test]
fn messages_follow_the_language() {
    let zh = run("records.csv", &today());
    let en = run("records.csv", &today().lang(Lang::En));
    let pick = |r: &AuditReport, code: &str| {
        r.issues
            .iter()
            .find(|i| i.code == code)
            .unwrap()
            .message
            .clone()
    };
    assert!(pick(&zh, "record.unknown_item").contains("不在目录中"));
    assert!(pick(&en, "record.unknown_item").contains("not in the catalogue"));
    let row = |r: &AuditReport, n: usize| r.rows.iter().find(|x| x.row == n).unwrap().clone();
    // Reasons of not applicable rows too.
    assert!(row(&en, 6).message.unwrap().contains("promptly"));
    assert!(row(&zh, 6).message.unwrap().contains("及时公开"));
    assert!(
        row(&en, 15)
            .message
            .unwrap()
            .contains("not in the catalogue")
    );
    // The uncovered year is named.
    assert!(row(&zh, 24).message.unwrap().contains("2006"));
}

#[test]
fn a_loaded_schedule_makes_a_new_year_auditable() {
    // Publication records in 2027 need the 2027 notice.
    let cat_bytes = read("catalogue.json");
    let cat = Catalogue::from_json(&cat_bytes).unwrap();
    let records = b"item_id,formed_on,published_on\n1,2026-12-20,2027-01-20\n";
    // A strict calendar refuses 2027, in the chosen language.
    let strict = calendar::embedded().clone().strict(true);
    let base = audit::audit_bytes(&cat, records, None, &strict, &AuditOptions::default()).unwrap();
    assert_eq!(base.rows[0].status, Status::NotApplicable);
    assert_eq!(base.rows[0].reason.as_deref(), Some("no_deadline.calendar"));
    let msg = base.rows[0].message.as_deref().unwrap();
    assert!(msg.contains("2027") && msg.contains("--calendar"), "{msg}");
    assert!(!base.provisional);
    let en = audit::audit_bytes(
        &cat,
        records,
        None,
        &strict,
        &AuditOptions::default().lang(gongkai::Lang::En),
    )
    .unwrap();
    let msg = en.rows[0].message.as_deref().unwrap();
    assert!(
        msg.contains("2027, which is not in the holiday table"),
        "{msg}"
    );
    assert!(
        msg.ends_with("to count it provisionally."),
        "not cut: {msg}"
    );
    assert!(!msg.contains("年"), "{msg}");
    // 2026-12-20 (Sunday) + 20 working days: 12-21..25, 28..31, [01-01 off], 01-04..08,
    // 11..15, 18 → 2027-01-18.
    let check = |r: &AuditReport| {
        assert_eq!(r.rows[0].deadline, gongkai::parse_date("2027-01-18"));
        assert_eq!(r.rows[0].status, Status::Late);
        assert_eq!(r.rows[0].late_by_working_days, Some(2));
    };
    // By default 2027 is provisional: the same answer, marked, with a warning.
    let prov = audit::audit_bytes(
        &cat,
        records,
        None,
        calendar::embedded(),
        &AuditOptions::default(),
    )
    .unwrap();
    check(&prov);
    assert!(prov.provisional);
    assert!(prov.rows[0].provisional);
    assert_eq!(prov.provisional_years, [2027]);
    let w = prov
        .issues
        .iter()
        .find(|i| i.code == "calendar.provisional")
        .unwrap();
    assert_eq!(w.severity, gongkai::Severity::Warning);
    assert!(
        w.message.contains("2027 年") && w.message.contains("临时"),
        "{}",
        w.message
    );
    assert!(!prov.has_errors());
    let json = serde_json::to_value(&prov).unwrap();
    assert_eq!(json["provisional"], true);
    assert_eq!(json["rows"][0]["provisional"], true);
    // With the notice loaded, exact.
    let cal = calendar::embedded()
        .with_csv("date,kind,name\n2027-01-01,off,元旦\n")
        .unwrap();
    let r = audit::audit_bytes(&cat, records, None, &cal, &AuditOptions::default()).unwrap();
    check(&r);
    assert!(!r.provisional && !r.rows[0].provisional);
    assert!(r.issues.iter().all(|i| i.code != "calendar.provisional"));
}

#[test]
fn unreadable_records_are_errors_not_panics() {
    // Not UTF-8.
    let e = audit::read_records(
        b"item_id,formed_on,published_on\n\xff\xfe,1,2\n",
        Some("r.csv"),
    )
    .unwrap_err();
    assert_eq!(e.code(), "import");
    // Broken JSON.
    let e = audit::read_records(b"[{\"item_id\": ", Some("r.json")).unwrap_err();
    assert_eq!(e.code(), "json");
    // JSON of the wrong shape.
    let e = audit::read_records(b"{\"rows\": []}", Some("r.json")).unwrap_err();
    assert_eq!(e.code(), "import");
    // An empty CSV is a report with issues.
    let r = audit::read_records(b"", Some("r.csv")).unwrap();
    assert_eq!(
        r.issues
            .iter()
            .filter(|i| i.code == "records.missing_column")
            .count(),
        3
    );
    let r = audit::read_records(b"item_id,formed_on,published_on\n", None).unwrap();
    assert_eq!(r.issues[0].code, "records.empty");
    // Ragged rows and tabs are read.
    let r = audit::read_records(
        "item_id\tformed_on\tpublished_on\n1\t2024-09-25\n".as_bytes(),
        None,
    )
    .unwrap();
    assert_eq!(r.records[0].formed_on.as_deref(), Some("2024-09-25"));
    assert_eq!(r.records[0].published_on, None);
}
