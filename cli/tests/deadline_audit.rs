//! `gongkai deadline` and `gongkai audit`, run as the built binary.
#![allow(clippy::unwrap_used)]

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

/// Runs the binary with no user holiday file and no `GONGKAI_CALENDAR` (an empty data folder).
fn gongkai(args: &[&str]) -> Output {
    gongkai_env(args, &empty_home(), &[])
}

/// Runs the binary with `home` as HOME and no XDG_DATA_HOME, plus `vars`.
fn gongkai_env(args: &[&str], home: &std::path::Path, vars: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_gongkai"));
    c.args(args)
        .env("HOME", home)
        .env_remove("XDG_DATA_HOME")
        .env_remove("GONGKAI_CALENDAR");
    for (k, v) in vars {
        c.env(k, v);
    }
    c.output().unwrap()
}

/// A fresh, empty HOME for one test.
fn empty_home() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "gongkai-cli-home-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
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
    // A year the table does not cover, before and after (after: in strict mode).
    let strict = |start: &str, n: &str| {
        gongkai(&[
            "deadline",
            "--start",
            start,
            "--working-days",
            n,
            "--strict-calendar",
        ])
    };
    let o = strict("2027-03-01", "2");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("2027"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    let o = gongkai(&["deadline", "--start", "2006-03-01", "--working-days", "2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("2006"));
    let o = strict("2026-12-10", "20");
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

#[test]
fn deadline_into_next_year_is_provisional_by_default() {
    // The issue: on 2026-12-07, 20 working days run into 2027, whose notice is not out yet.
    let args = ["deadline", "--start", "2026-12-07", "--working-days", "20"];
    let o = gongkai(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).trim(), "2027-01-05");
    let err = stderr(&o);
    assert!(
        err.contains("警告") && err.contains("2027 年") && err.contains("calendar.provisional"),
        "{err}"
    );
    // JSON: the mark and the warning.
    let mut json = args.to_vec();
    json.extend(["--format", "json"]);
    let v: Value = serde_json::from_str(&stdout(&gongkai(&json))).unwrap();
    assert_eq!(v["deadline"]["date"], "2027-01-05");
    assert_eq!(v["deadline"]["provisional"], true);
    assert_eq!(v["deadline"]["provisional_years"][0], 2027);
    assert_eq!(v["deadline"]["warnings"][0]["code"], "calendar.provisional");
    // English.
    let mut en = args.to_vec();
    en.extend(["--lang", "en"]);
    let err = stderr(&gongkai(&en));
    assert!(
        err.contains("warning: the holiday notice for 2027"),
        "{err}"
    );
    // A date inside the table is exact and says nothing.
    let o = gongkai(&["deadline", "--start", "2026-11-02", "--working-days", "20"]);
    assert_eq!(stdout(&o).trim(), "2026-11-30");
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn strict_refusal_names_year_range_and_option_in_one_language() {
    let args = [
        "deadline",
        "--start",
        "2026-12-07",
        "--working-days",
        "20",
        "--strict-calendar",
    ];
    let o = gongkai(&args);
    assert_eq!(o.status.code(), Some(2));
    let zh = stderr(&o);
    for part in ["2027", "2007–2026", "--calendar"] {
        assert!(zh.contains(part), "{part}: {zh}");
    }
    assert!(!zh.contains("year"), "{zh}");
    let mut en = args.to_vec();
    en.extend(["--lang", "en"]);
    let en = stderr(&gongkai(&en));
    for part in ["2027", "2007–2026", "--calendar"] {
        assert!(en.contains(part), "{part}: {en}");
    }
    assert!(
        !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{en}"
    );
}

/// A 2027 notice that moves Saturday 2027-01-02 into a holiday and makes Monday 01-04 a
/// holiday too (made up for the test): 20 working days from 2026-12-07 end a day later.
const NOTICE_2027: &str = "date,kind,name\n2027-01-01,off,元旦\n2027-01-04,off,元旦\n";

#[test]
fn newer_notices_from_the_user_file_the_environment_and_the_option() {
    let args = ["deadline", "--start", "2026-12-07", "--working-days", "20"];
    // The per-user file under XDG_DATA_HOME.
    let home = empty_home();
    let xdg = home.join("xdg");
    std::fs::create_dir_all(xdg.join("gongkai")).unwrap();
    std::fs::write(xdg.join("gongkai/holidays.csv"), NOTICE_2027).unwrap();
    let o = gongkai_env(&args, &home, &[("XDG_DATA_HOME", xdg.to_str().unwrap())]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).trim(), "2027-01-06");
    assert!(
        stderr(&o).is_empty(),
        "loaded, so not provisional: {}",
        stderr(&o)
    );
    // The same under HOME when XDG_DATA_HOME is not set; also in strict mode.
    let home = empty_home();
    std::fs::create_dir_all(home.join(".local/share/gongkai")).unwrap();
    std::fs::write(home.join(".local/share/gongkai/holidays.csv"), NOTICE_2027).unwrap();
    let mut strict = args.to_vec();
    strict.push("--strict-calendar");
    let o = gongkai_env(&strict, &home, &[]);
    assert_eq!(stdout(&o).trim(), "2027-01-06", "{}", stderr(&o));
    // GONGKAI_CALENDAR, on top of the user file: its 2027 wins.
    let plain = tmp("env-2027.csv", "date,kind,name\n2027-01-01,off,元旦\n");
    let o = gongkai_env(&args, &home, &[("GONGKAI_CALENDAR", &plain)]);
    assert_eq!(stdout(&o).trim(), "2027-01-05", "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    // --calendar, on top of both.
    let notice = tmp("opt-2027.csv", NOTICE_2027);
    let o = gongkai_env(
        &[
            "deadline",
            "--start",
            "2026-12-07",
            "--working-days",
            "20",
            "--calendar",
            &notice,
        ],
        &home,
        &[("GONGKAI_CALENDAR", &plain)],
    );
    assert_eq!(stdout(&o).trim(), "2027-01-06", "{}", stderr(&o));
    // A missing GONGKAI_CALENDAR file is an error naming it; a bad user file names its line.
    let o = gongkai_env(
        &args,
        &empty_home(),
        &[("GONGKAI_CALENDAR", "/nonexistent/h.csv")],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/nonexistent/h.csv"), "{}", stderr(&o));
    let home = empty_home();
    std::fs::create_dir_all(home.join(".local/share/gongkai")).unwrap();
    std::fs::write(
        home.join(".local/share/gongkai/holidays.csv"),
        "date,kind,name\n2027-01-01,holiday,元旦\n",
    )
    .unwrap();
    let o = gongkai_env(&args, &home, &[]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("holidays.csv")
            && err.contains("第 2 行")
            && err.contains("gongkai calendar check"),
        "{err}"
    );
    // audit reads the same sources.
    let records = tmp(
        "rec-2027.csv",
        "item_id,formed_on,published_on\n1,2026-12-07,2027-01-06\n",
    );
    let home = empty_home();
    let o = gongkai_env(
        &[
            "audit",
            &fixture("catalogue.json"),
            &records,
            "--format",
            "json",
        ],
        &home,
        &[("GONGKAI_CALENDAR", &notice)],
    );
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["rows"][0]["deadline"], "2027-01-06", "{v}");
    assert_eq!(v["rows"][0]["status"], "on_time");
    assert_eq!(v["provisional"], false);
}

#[test]
fn audit_marks_provisional_rows_and_warns() {
    let records = tmp(
        "rec-prov.csv",
        "item_id,formed_on,published_on\n1,2026-12-07,2027-01-06\n",
    );
    let o = gongkai(&[
        "audit",
        &fixture("catalogue.json"),
        &records,
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["rows"][0]["deadline"], "2027-01-05");
    assert_eq!(v["rows"][0]["status"], "late");
    assert_eq!(v["rows"][0]["provisional"], true);
    assert_eq!(v["provisional"], true);
    let codes: Vec<&str> = v["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"calendar.provisional"), "{codes:?}");
    let o = gongkai(&["audit", &fixture("catalogue.json"), &records]);
    let text = stdout(&o);
    assert!(
        text.contains("（临时推算）") && text.contains("calendar.provisional"),
        "{text}"
    );
    // Strict: not applicable, with the refusal in the row, in English when asked.
    let o = gongkai(&[
        "audit",
        &fixture("catalogue.json"),
        &records,
        "--format",
        "json",
        "--strict-calendar",
        "--lang",
        "en",
    ]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["rows"][0]["status"], "not_applicable");
    let msg = v["rows"][0]["message"].as_str().unwrap();
    assert!(msg.contains("2027") && msg.contains("--calendar"), "{msg}");
    assert!(
        !msg.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{msg}"
    );
}

#[test]
fn calendar_check_exit_codes_and_located_errors() {
    // The embedded table passes (two warned special years): exit 0.
    let table = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data/cn-holidays.csv");
    let o = gongkai(&["calendar", "check", table.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("没有错误"), "{}", stdout(&o));
    // Errors: exit 1, each with its line.
    let bad = tmp(
        "check-bad.csv",
        "date,kind,name\n2027-13-01,off,x\n2027-02-03,work,春节\n2027-01-01,off,元旦\n2027-01-01,off,元旦\n",
    );
    let o = gongkai(&["calendar", "check", &bad]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    for part in [
        "第 2 行",
        "第 3 行",
        "星期三",
        "第 5 行",
        "重复",
        "春节",
        "calendar.statutory_missing",
    ] {
        assert!(out.contains(part), "{part}: {out}");
    }
    let o = gongkai(&[
        "calendar", "check", &bad, "--format", "json", "--lang", "en",
    ]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let f = &v["findings"].as_array().unwrap()[0];
    assert_eq!(f["code"], "calendar.bad_date");
    assert_eq!(f["line"], 2);
    assert!(f["message"].as_str().unwrap().contains("YYYY-MM-DD"));
    // Unreadable: exit 2.
    let o = gongkai(&["calendar", "check", "/nonexistent/holidays.csv"]);
    assert_eq!(o.status.code(), Some(2));
    let latin1 = std::env::temp_dir().join(format!("gongkai-latin1-{}.csv", std::process::id()));
    std::fs::write(
        &latin1,
        b"date,kind,name\n2027-01-01,off,\xd4\xaa\xb5\xa9\n",
    )
    .unwrap();
    let o = gongkai(&["calendar", "check", latin1.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("UTF-8"), "{}", stderr(&o));
}

#[test]
fn calendar_add_installs_a_year_in_one_step() {
    let home = empty_home();
    let notice = tmp("add-2027.csv", &full_2027());
    let o = gongkai_env(&["calendar", "add", &notice], &home, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let file = home.join(".local/share/gongkai/holidays.csv");
    assert!(
        stdout(&o).contains(file.to_str().unwrap()),
        "{}",
        stdout(&o)
    );
    // From now on 2027 is exact, without --calendar.
    let o = gongkai_env(
        &[
            "deadline",
            "--start",
            "2026-12-07",
            "--working-days",
            "20",
            "--strict-calendar",
        ],
        &home,
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // A second year keeps the first.
    let y2028 = tmp("add-2028.csv", &full_2027().replace("2027-", "2028-"));
    let o = gongkai_env(&["calendar", "add", &y2028], &home, &[]);
    // The shifted dates are not 2028's holidays: refused, the user file unchanged.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let kept = std::fs::read_to_string(&file).unwrap();
    assert!(
        kept.contains("2027-02-05,off,春节") && !kept.contains("2028-"),
        "{kept}"
    );
    // A right 2028 (除夕 01-25, 清明 04-04, 端午 05-28, 中秋 10-03) is added next to 2027.
    let mut y2028 = String::from("date,kind,name\n");
    for (d, n) in [
        ("2028-01-01", "元旦"),
        ("2028-01-25", "春节"),
        ("2028-01-26", "春节"),
        ("2028-01-27", "春节"),
        ("2028-01-28", "春节"),
        ("2028-04-04", "清明节"),
        ("2028-05-01", "劳动节"),
        ("2028-05-02", "劳动节"),
        ("2028-05-28", "端午节"),
        ("2028-10-01", "国庆节"),
        ("2028-10-02", "国庆节"),
        ("2028-10-03", "国庆节"),
    ] {
        y2028.push_str(&format!("{d},off,{n}\n"));
    }
    let o = gongkai_env(
        &["calendar", "add", &tmp("add-2028-ok.csv", &y2028)],
        &home,
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let both = std::fs::read_to_string(&file).unwrap();
    assert!(
        both.contains("2027-02-05,off,春节") && both.contains("2028-01-25,off,春节"),
        "{both}"
    );
}

/// The 2027 statutory holidays, as a minimal notice would list them.
fn full_2027() -> String {
    let mut s = String::from("date,kind,name\n");
    for (d, n) in [
        ("2027-01-01", "元旦"),
        ("2027-02-05", "春节"),
        ("2027-02-06", "春节"),
        ("2027-02-07", "春节"),
        ("2027-02-08", "春节"),
        ("2027-04-05", "清明节"),
        ("2027-05-01", "劳动节"),
        ("2027-05-02", "劳动节"),
        ("2027-06-09", "端午节"),
        ("2027-09-15", "中秋节"),
        ("2027-10-01", "国庆节"),
        ("2027-10-02", "国庆节"),
        ("2027-10-03", "国庆节"),
    ] {
        s.push_str(&format!("{d},off,{n}\n"));
    }
    s
}

/// Records with the Chinese headers people write read the same as the English keys; rows are
/// numbered by the file's own line everywhere; a record 1.5 hours late says so; an empty
/// records file prints no broken punctuation.
#[test]
fn audit_reads_chinese_headers_and_numbers_rows_by_line() {
    let english = std::fs::read_to_string(fixture("records.csv")).unwrap();
    let (header, body) = english.split_once('\n').unwrap();
    assert!(
        header.starts_with("item_id,formed_on,published_on"),
        "{header}"
    );
    let chinese = tmp(
        "records-zh.csv",
        &format!(
            "事项编号,形成日期,公开日期（YYYY-MM-DD）,申请日期,是否延期,事件时间,备注\n{body}"
        ),
    );
    let run = |records: &str, lang: &str| {
        let o = gongkai(&[
            "audit",
            &fixture("catalogue.json"),
            records,
            "--today",
            "2025-01-10",
            "--lang",
            lang,
        ]);
        stdout(&o)
    };
    let zh = run(&chinese, "zh");
    assert_eq!(zh, run(&fixture("records.csv"), "zh"));
    assert!(!zh.contains("records.unknown_column"), "{zh}");
    // The text row label and the message name the same line of the file (the second record's
    // note spans two lines, so record 15 starts on line 17).
    let unknown = zh.lines().find(|l| l.contains("“99”不在目录中")).unwrap();
    assert!(unknown.starts_with("  第 17 行"), "{unknown}");
    assert!(
        unknown.contains("第 17 行的记录的事项编号“99”"),
        "{unknown}"
    );
    // 1.5 hours after a deadline of 08:00 the day before the stoppage.
    let late = zh
        .lines()
        .find(|l| l.contains("截止 2024-04-09 08:00"))
        .unwrap();
    assert!(late.ends_with("逾期 1 小时 30 分钟"), "{late}");
    assert!(!late.contains("0 个工作日"), "{late}");
    let en = run(&chinese, "en");
    assert!(en.contains("late by 1 h 30 min"), "{en}");
    assert!(en.contains("the record on line 17: item id “99”"), "{en}");
    assert!(!en.contains('（'), "no Chinese brackets in English: {en}");
    // No records: no empty list, no rate of nothing.
    let empty = run(&fixture("records-empty.csv"), "zh");
    assert!(empty.contains("合计：没有可审计的记录"), "{empty}");
    assert!(
        !empty.contains("：；") && !empty.contains("（）"),
        "{empty}"
    );
}
