//! Runs the built `gongkai` binary on the examples: exit codes, JSON output, errors.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

fn gongkai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the gongkai binary runs")
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn valid_example_exits_0() {
    let f = examples().join("wuzhi-municipal.json");
    let o = gongkai(&["validate", path(&f)]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("通过"), "{}", stdout(&o));

    let o = gongkai(&["validate", "--format", "json", path(&f)]);
    assert_eq!(o.status.code(), Some(0));
    let report: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["valid"], Value::Bool(true));
    assert_eq!(report["items"], 22);
    assert_eq!(report["issues"].as_array().map(Vec::len), Some(0));
}

#[test]
fn invalid_example_exits_1_with_a_json_report() {
    let f = examples().join("invalid/template-placeholders.json");
    let o = gongkai(&["validate", "--format", "json", path(&f)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let report: Value = serde_json::from_str(&stdout(&o)).unwrap();
    for key in ["valid", "items", "counts", "issues"] {
        assert!(report.get(key).is_some(), "report key {key}");
    }
    assert_eq!(report["valid"], Value::Bool(false));
    assert_eq!(report["counts"]["error"], 3);
    let issues = report["issues"].as_array().unwrap();
    let first = issues
        .iter()
        .find(|i| i["code"] == "subject.fill_in_marker")
        .expect("the fill-in marker is reported");
    assert_eq!(first["path"], "/items/3/subject");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["item_id"], "4");
    assert!(first["message"].as_str().unwrap().contains("公开主体"));

    // English messages on request, same codes.
    let o = gongkai(&["validate", "--format", "json", "--lang", "en", path(&f)]);
    assert_eq!(o.status.code(), Some(1));
    let en: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let msg = en["issues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == "subject.fill_in_marker")
        .and_then(|i| i["message"].as_str())
        .unwrap()
        .to_owned();
    assert!(msg.contains("subject (公开主体)"), "{msg}");
}

#[test]
fn text_output_groups_by_item() {
    let f = examples().join("invalid/on-request-30-days.json");
    let o = gongkai(&["validate", path(&f)]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("未通过"), "{out}");
    assert!(out.contains("第 2 项"), "{out}");
    assert!(out.contains("time.on_request_exceeds_limit"), "{out}");
    assert!(!out.contains("\x1b["), "no colour when not a terminal");
}

#[test]
fn not_json_exits_2_with_line_and_column() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let f = dir.join("gongkai-cli-not-json.json");
    std::fs::write(&f, "{\n  \"title\": \"武陟县\",\n  oops\n}\n").unwrap();
    let o = gongkai(&["validate", path(&f)]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("gongkai-cli-not-json.json"), "{err}");
    assert!(err.contains("第 3 行"), "{err}");
    assert!(err.contains("列"), "{err}");

    let missing = dir.join("gongkai-cli-no-such-file.json");
    let o = gongkai(&["validate", path(&missing)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("gongkai-cli-no-such-file.json"));
}

#[test]
fn several_files_give_one_json_object_per_line() {
    let files = [
        examples().join("wuzhi-municipal.json"),
        examples().join("invalid/proactive-without-website.json"),
        examples().join("invalid/broken-structure.json"),
    ];
    let mut args = vec!["validate", "--format", "json"];
    args.extend(files.iter().map(|f| path(f)));
    let o = gongkai(&args);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), files.len(), "{out}");
    for (line, file) in lines.iter().zip(&files) {
        assert_eq!(line["file"], path(file));
        assert!(line.get("issues").is_some() && line.get("counts").is_some());
    }
    assert_eq!(lines[0]["valid"], Value::Bool(true));
    assert_eq!(lines[1]["valid"], Value::Bool(false));
    assert_eq!(lines[2]["valid"], Value::Bool(false));
    // The summary goes to stderr so that stdout stays one object per line.
    assert!(stderr(&o).contains("共 3 个文件"), "{}", stderr(&o));
}

#[test]
fn a_failed_file_among_several_exits_2() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let bad = dir.join("gongkai-cli-truncated.json");
    std::fs::write(&bad, "{\"schema_version\": \"1.0\", ").unwrap();
    let good = examples().join("wuzhi-municipal.json");
    let o = gongkai(&["validate", "--format", "json", path(&good), path(&bad)]);
    assert_eq!(o.status.code(), Some(2));
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["file"], path(&bad));
    assert_eq!(lines[1]["error"]["code"], "json");
}

#[test]
fn rules_lists_every_rule_as_json() {
    let o = gongkai(&["rules", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let rules: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rules = rules.as_array().expect("an array");
    assert_eq!(rules.len(), gongkai::codes::defs().len());
    assert!(rules.len() >= 40);
    for (r, def) in rules.iter().zip(gongkai::codes::defs()) {
        assert_eq!(r["code"], def.code);
        assert_eq!(r["severity"], def.severity.code());
        assert_eq!(r["source"], def.source);
        assert!(r["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    assert!(
        rules
            .iter()
            .any(|r| r["code"] == "time.exceeds_statutory_limit" && r["severity"] == "error")
    );

    let o = gongkai(&["rules"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("subject.not_localised"));
}

#[test]
fn every_json_line_follows_the_report_schema() {
    // The published report schema covers what `validate --format json` prints: a report (one
    // file), a report with `file` (several files), and `file` + `error` (a file not read).
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/report.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let broken = dir.join("gongkai-cli-report-schema-broken.json");
    std::fs::write(&broken, "{\"schema_version\": ").unwrap();
    let table = dir.join("gongkai-cli-report-schema.csv");
    std::fs::write(&table, "序号,一级事项,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级\n1,城镇燃气,许可,申请条件,《城镇燃气管理条例》,30个工作日,武陟县城市管理局,政府网站,全社会,主动,县级\n").unwrap();
    let missing = dir.join("gongkai-cli-report-schema-no-such-file.json");
    let files = [
        examples().join("wuzhi-municipal.json"),
        examples().join("invalid/broken-structure.json"),
        table.clone(),
        broken,
        missing,
    ];
    let mut lines: Vec<Value> = Vec::new();
    let mut args = vec!["validate", "--format", "json", "--issued", "2024-03-01"];
    args.extend(files.iter().map(|f| path(f)));
    for lang in ["zh", "en"] {
        let mut a = args.clone();
        a.extend(["--lang", lang]);
        let o = gongkai(&a);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        lines.extend(
            stdout(&o)
                .lines()
                .map(|l| serde_json::from_str::<Value>(l).unwrap()),
        );
        // One file alone: the pretty report.
        let o = gongkai(&[
            "validate",
            "--format",
            "json",
            "--lang",
            lang,
            "--issued",
            "2024-03-01",
            path(&table),
        ]);
        lines.push(serde_json::from_str(&stdout(&o)).unwrap());
    }
    assert_eq!(lines.len(), 12);
    let errors = lines.iter().filter(|l| l.get("error").is_some()).count();
    assert_eq!(errors, 4, "two unreadable files, two languages");
    assert!(lines.iter().any(|l| {
        l["issues"]
            .as_array()
            .is_some_and(|i| i.iter().any(|i| i.get("location").is_some()))
    }));
    for line in &lines {
        let errs: Vec<String> = validator
            .iter_errors(line)
            .map(|e| format!("{} {e}", e.instance_path()))
            .collect();
        assert!(errs.is_empty(), "{line}: {errs:?}");
    }
    // And the schema still tells the two forms apart: an error line is no report.
    let report = &schema["$defs"]["Report"];
    let mut defs = schema.clone();
    defs.as_object_mut().unwrap().remove("anyOf");
    let mut only_report = report.clone();
    only_report["$defs"] = defs["$defs"].clone();
    let only_report = jsonschema::draft202012::new(&only_report).unwrap();
    assert!(!only_report.is_valid(lines.iter().find(|l| l.get("error").is_some()).unwrap()));
}

/// A file that cannot be read is said in the chosen language, without the operating system's
/// English (`os error 2`), naming the file once, by every command that reads one.
#[test]
fn unreadable_files_are_said_in_the_chosen_language() {
    let dir = std::env::temp_dir().join(format!("gongkai-io-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let missing = dir.join("nope.json");
    let m = path(&missing);
    let records = examples().join("../tests/audit/records-bad-shape.json");
    for args in [
        vec!["validate", m],
        vec!["convert", m, "-o", "x.csv"],
        vec!["diff", "municipal_services", m],
        vec!["audit", m, path(&records)],
    ] {
        let o = gongkai(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let e = stderr(&o);
        assert!(
            e.contains(&format!("无法读取文件 {m}：文件不存在")),
            "{args:?}: {e}"
        );
        assert_eq!(e.matches("nope.json").count(), 1, "{e}");
        assert!(!e.contains("os error"), "{e}");
    }
    for args in [
        vec!["validate", "--lang", "en", m],
        vec!["diff", "--lang", "en", "municipal_services", m],
    ] {
        let e = stderr(&gongkai(&args));
        assert!(e.contains(&format!("cannot read {m}: no such file")), "{e}");
        assert!(!e.contains("无法"), "{e}");
    }
    // A folder is walked (cli/tests/many.rs); one without catalogue files says so.
    let o = gongkai(&["validate", path(&dir)]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("没有目录文件"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

fn gongkai_in(locale: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale)
        .output()
        .expect("the gongkai binary runs")
}

/// Help pages and argument errors are Chinese by default, clap's own words included; English
/// with `LANG=en*` or `--lang en`.
#[test]
fn help_and_argument_errors_speak_the_users_language() {
    let o = gongkai_in("C.UTF-8", &["--help"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for zh in [
        "用法：gongkai <命令>",
        "命令：",
        "选项：",
        "显示帮助",
        "显示版本",
    ] {
        assert!(out.contains(zh), "{zh}: {out}");
    }
    for en in ["Usage", "Options", "Commands", "Print"] {
        assert!(!out.contains(en), "{en}: {out}");
    }
    let out = stdout(&gongkai_in("zh_CN.UTF-8", &["validate", "--help"]));
    assert!(out.contains("用法：gongkai validate [选项]"), "{out}");
    assert!(out.contains("[默认：text]"), "{out}");
    assert!(
        !out.contains("default") && !out.contains("Possible"),
        "{out}"
    );
    // Errors: what is wrong, in Chinese, exit 2.
    let o = gongkai_in("C.UTF-8", &["validate", "--bogus", "x.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("错误：无法识别的参数“--bogus”"),
        "{}",
        stderr(&o)
    );
    let o = gongkai_in("C.UTF-8", &["validate", "--format", "xml", "x.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("的值“xml”无效；可选值：text、json"),
        "{}",
        stderr(&o)
    );
    let o = gongkai_in("C.UTF-8", &["validate", "--today", "2024-13-01", "x.json"]);
    assert!(
        stderr(&o).contains("“2024-13-01”无效：参数无效：日期应为 YYYY-MM-DD 格式的真实日期"),
        "{}",
        stderr(&o)
    );
    let o = gongkai_in("C.UTF-8", &["validate"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("缺少必需的参数"), "{}", stderr(&o));
    let o = gongkai_in("C.UTF-8", &["validat"]);
    assert!(stderr(&o).contains("没有命令“validat”"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("validate"),
        "suggests the command: {}",
        stderr(&o)
    );
    // English: by the locale, or by --lang en.
    let out = stdout(&gongkai_in("en_US.UTF-8", &["--help"]));
    assert!(out.contains("Usage: gongkai <COMMAND>"), "{out}");
    let o = gongkai_in(
        "C.UTF-8",
        &["validate", "--lang", "en", "--bogus", "x.json"],
    );
    assert!(
        stderr(&o).contains("unexpected argument '--bogus'"),
        "{}",
        stderr(&o)
    );
}

/// The text report shows each group once (the catalogue's own issues first, then the items in
/// order), and speaks English with `--lang en`.
#[test]
fn text_report_groups_once_in_the_chosen_language() {
    let dir = std::env::temp_dir().join(format!("gongkai-groups-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let table = dir.join("t.csv");
    std::fs::write(
        &table,
        "序号,一级事项,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道,公开对象,公开方式,公开层级\n\
         1,城市管理,路灯维护,维护计划,《城市照明管理规定》,自信息形成或者变更之日起20个工作日内,县城市管理局,政府网站,全社会,主动,县级\n",
    )
    .unwrap();
    let out = stdout(&gongkai(&["validate", path(&table)]));
    let groups: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("    "))
        .collect();
    assert_eq!(groups, ["  目录", "  第 1 项（序号 1）路灯维护"], "{out}");
    let en = stdout(&gongkai(&["validate", "--lang", "en", path(&table)]));
    assert!(en.contains(": not valid (1 items; 3 errors"), "{en}");
    assert!(en.contains("  Catalogue\n    error "), "{en}");
    assert!(en.contains("  Item 1 (no. 1) 路灯维护"), "{en}");
    assert!(!en.contains("未通过") && !en.contains("错误"), "{en}");
    std::fs::remove_dir_all(&dir).unwrap();
}
