//! `gongkai deadline` and `gongkai audit`, run as the built binary.
#![allow(clippy::unwrap_used)]

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn gongkai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .output()
        .unwrap()
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/audit")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn tmp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("gongkai-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn deadline_working_days_prints_the_date() {
    let o = gongkai(&["deadline", "--start", "2024-09-25", "--working-days", "20"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).trim(), "2024-10-28");
    // The 2020 Spring Festival block, extended through 02-02.
    let o = gongkai(&["deadline", "--start", "2020-01-23", "--working-days", "1"]);
    assert_eq!(stdout(&o).trim(), "2020-02-03");
}

#[test]
fn deadline_json_shape() {
    let o = gongkai(&[
        "deadline",
        "--start",
        "2024-09-25",
        "--working-days",
        "20",
        "--extension-days",
        "20",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["start"], "2024-09-25");
    assert_eq!(v["time_limit"]["kind"], "working_days");
    assert_eq!(v["time_limit"]["days"], 20);
    assert_eq!(v["deadline"]["date"], "2024-11-25");
    assert_eq!(v["deadline"]["extension_days"], 20);
    assert!(v["deadline"]["reason"].is_null());
}

#[test]
fn deadline_calendar_days_move_off_national_day() {
    let o = gongkai(&[
        "deadline",
        "--start",
        "2024-09-24",
        "--calendar-days",
        "7",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["deadline"]["date"], "2024-10-08");
    assert_eq!(v["deadline"]["nominal_date"], "2024-10-01");
}

#[test]
fn deadline_from_text_is_a_date_or_a_reason() {
    // Text no parser understands: no deadline, with the reason, exit 0.
    let o = gongkai(&[
        "deadline",
        "--start",
        "2024-09-25",
        "--time-limit",
        "按有关规定办理",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["deadline"]["date"].is_null());
    assert_eq!(v["deadline"]["reason"]["code"], "no_deadline.unparsed");
    let o = gongkai(&[
        "deadline",
        "--start",
        "2024-09-25",
        "--time-limit",
        "按有关规定办理",
    ]);
    assert!(stdout(&o).contains("无截止日期"), "{}", stdout(&o));
    assert!(stdout(&o).contains("按有关规定办理"));
    // The statutory wording (条例第二十六条), adverb and all: 20 working days.
    let o = gongkai(&[
        "deadline",
        "--start",
        "2024-09-25",
        "--time-limit",
        "自该政府信息形成或者变更之日起20个工作日内及时公开",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        v["time_limit"]["text"],
        "自该政府信息形成或者变更之日起20个工作日内及时公开"
    );
    assert_eq!(v["time_limit"]["kind"], "working_days");
    assert_eq!(v["time_limit"]["days"], 20);
    assert_eq!(v["time_limit"]["from"], "formed_or_changed");
    assert_eq!(v["deadline"]["date"], "2024-10-28");
}

#[test]
fn deadline_bad_input_exits_2() {
    // An impossible date.
    let o = gongkai(&["deadline", "--start", "2024-02-30", "--working-days", "2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("2024-02-30"));
    // A year the table does not cover, before and after.
    let o = gongkai(&["deadline", "--start", "2027-03-01", "--working-days", "2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("2027"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    let o = gongkai(&["deadline", "--start", "2006-03-01", "--working-days", "2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("2006"));
    let o = gongkai(&["deadline", "--start", "2026-12-10", "--working-days", "20"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("2027"));
    // An extension over 20 working days.
    let o = gongkai(&[
        "deadline",
        "--start",
        "2024-09-25",
        "--working-days",
        "20",
        "--extension-days",
        "21",
    ]);
    assert_eq!(o.status.code(), Some(2));
    // No limit at all.
    let o = gongkai(&["deadline", "--start", "2024-09-25"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn deadline_with_a_newer_calendar() {
    let notice = tmp("cal-2027.csv", "date,kind,name\n2027-01-01,off,元旦\n");
    let o = gongkai(&[
        "deadline",
        "--start",
        "2026-12-25",
        "--working-days",
        "5",
        "--calendar",
        &notice,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // 12-28, 29, 30, 31, [01-01 off], 01-04.
    assert_eq!(stdout(&o).trim(), "2027-01-04");
    let bad = tmp("cal-bad.csv", "date,kind,name\n2027-01-01,holiday,元旦\n");
    let o = gongkai(&[
        "deadline",
        "--start",
        "2024-09-25",
        "--working-days",
        "5",
        "--calendar",
        &bad,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("第 2 行"), "{}", stderr(&o));
}

#[test]
fn audit_json_report() {
    let o = gongkai(&[
        "audit",
        &fixture("catalogue.json"),
        &fixture("records.csv"),
        "--today",
        "2024-12-31",
        "--format",
        "json",
    ]);
    // Late and overdue records: exit 1.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("expected.json")).unwrap()).unwrap();
    let case = &expected["cases"][0];
    assert_eq!(v["today"], "2024-12-31");
    assert_eq!(
        v["rows"].as_array().unwrap().len(),
        case["rows"].as_array().unwrap().len()
    );
    for (g, w) in v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .zip(case["rows"].as_array().unwrap())
    {
        assert_eq!(g["status"], w["status"], "row {}", w["row"]);
        assert_eq!(g["deadline"], w["deadline"], "row {}", w["row"]);
        assert_eq!(g["line"], w["csv_line"], "row {}", w["row"]);
    }
    assert_eq!(
        v["summary"]["overall"]["on_time_rate"],
        case["summary"]["overall"]["on_time_rate"]
    );
    assert!(v["summary"]["by_category"].is_array());
    assert!(v["summary"]["by_item"].is_array());
    assert_eq!(
        v["issues"].as_array().unwrap().len(),
        case["issues"].as_array().unwrap().len()
    );
}

#[test]
fn audit_text_report() {
    let o = gongkai(&[
        "audit",
        &fixture("catalogue.json"),
        &fixture("records.json"),
        "--today",
        "2024-12-31",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("按时公开率 54.5%（6/11）"), "{out}");
    assert!(out.contains("超期未公开"));
    assert!(out.contains("城镇燃气管理"));
    let o = gongkai(&[
        "audit",
        &fixture("catalogue.json"),
        &fixture("records.json"),
        "--today",
        "2024-12-31",
        "--lang",
        "en",
    ]);
    assert!(stdout(&o).contains("on-time rate 54.5%"), "{}", stdout(&o));
}

#[test]
fn audit_all_on_time_exits_0() {
    let records = tmp(
        "ok.csv",
        "item_id,formed_on,published_on\n1,2024-09-25,2024-10-28\n6,2024-03-01,2024-03-01\n",
    );
    let o = gongkai(&[
        "audit",
        &fixture("catalogue.json"),
        &records,
        "--today",
        "2024-12-31",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["summary"]["overall"]["on_time_rate"], 1.0);
    assert_eq!(v["rows"][1]["status"], "not_applicable");
}

#[test]
fn audit_unreadable_input_exits_2() {
    let o = gongkai(&[
        "audit",
        &fixture("catalogue.json"),
        &fixture("does-not-exist.csv"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let broken = tmp("broken.json", "[{\"item_id\": ");
    let o = gongkai(&["audit", &fixture("catalogue.json"), &broken]);
    assert_eq!(o.status.code(), Some(2));
    let o = gongkai(&["audit", &broken, &fixture("records.csv")]);
    assert_eq!(o.status.code(), Some(2));
    let o = gongkai(&[
        "audit",
        &fixture("catalogue.json"),
        &fixture("records.csv"),
        "--today",
        "2024-13-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn audit_missing_column_is_reported() {
    let o = gongkai(&[
        "audit",
        &fixture("catalogue.json"),
        &fixture("records-missing-column.csv"),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let codes: Vec<&str> = v["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"records.missing_column"), "{codes:?}");
}
