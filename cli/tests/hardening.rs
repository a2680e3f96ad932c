//! Issue 17 through the built binary: bounded text reports, a capped reader for standard input,
//! and one sanitiser for everything printed as text. Inputs are generated here.
#![allow(clippy::unwrap_used)]

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::time::Instant;

fn gongkai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .output()
        .unwrap()
}

fn temp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("gongkai-hardening-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Item 1: the text report grouped every issue by item by scanning all issues per group
/// (quadratic: 20,000 items took 42 s on the release build). Now it is one pass.
#[test]
fn the_text_report_of_many_items_is_linear() {
    let n = 10_000;
    let doc = format!("{{\"items\":[{}1]}}", "1,".repeat(n - 1));
    let p = temp("many.json", doc.as_bytes());
    let t = Instant::now();
    let out = gongkai(&["validate", p.to_str().unwrap()]);
    let took = t.elapsed();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(text.contains(&format!("第 {n} 项")), "{}", &text[..200]);
    assert_eq!(text.matches("\n  第 ").count(), n);
    assert!(took.as_secs() < 60, "{took:?}");
}

/// Item 4: standard input is read through a reader capped at the limit: an endless pipe is
/// refused there, not read until memory runs out.
#[test]
fn an_endless_pipe_is_refused_at_the_limit() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(["validate", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = vec![b' '; 1 << 20];
        // Stops when the reader closes the pipe; 4 GiB at most.
        for _ in 0..4096 {
            if stdin.write_all(&chunk).is_err() {
                break;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("输入字节数"), "{err}");
    // A small catalogue on standard input is read as any file.
    let out = common::gongkai_stdin(&["validate", "--format", "json", "-"], b"{\"items\":[]}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["items"], 0);
}

/// Item 5: keys (in paths and messages), titles and sheet names reach the terminal escaped;
/// JSON output stays as it was (serde_json escapes them already).
#[test]
fn escape_sequences_from_the_data_are_shown_escaped() {
    let osc52 = "\\u001b]52;c;SGVsbG8=\\u0007";
    let doc = format!(
        "{{\"title\":\"T{osc52}\",\"items\":[{{\"extra\":{{\"e\\u001b[2J\\r\":1,\"e\\u001b[2J\\r\":2}}}}]}}"
    );
    let p = temp("keys.json", doc.as_bytes());
    let text = gongkai(&["validate", p.to_str().unwrap()]);
    let stdout = String::from_utf8(text.stdout).unwrap();
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\r'),
        "{stdout:?}"
    );
    assert!(
        stdout.contains("/items/0/extra/e\\u{1b}[2J\\u{d}"),
        "{stdout}"
    );
    let json = gongkai(&["validate", "--format", "json", p.to_str().unwrap()]);
    let json = String::from_utf8(json.stdout).unwrap();
    assert!(json.contains("e\\u001b[2J\\r"), "{json}");
    // The title in diff's text output.
    let local =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/diff/localised.json");
    let mut cat: serde_json::Value =
        serde_json::from_slice(&std::fs::read(local).unwrap()).unwrap();
    cat["title"] = serde_json::Value::String("T\u{1b}]52;c;SGVsbG8=\u{7}".into());
    let p = temp("title.json", cat.to_string().as_bytes());
    let diff = gongkai(&["diff", "municipal_services", p.to_str().unwrap()]);
    let stdout = String::from_utf8(diff.stdout).unwrap();
    assert!(stdout.contains("T\\u{1b}]52;c;SGVsbG8=\\u{7}"), "{stdout}");
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
        "{stdout:?}"
    );
    // A failure message (stderr) quoting a file name.
    let bad = temp("bad\u{1b}[2J.json", b"{");
    let out = gongkai(&["validate", bad.to_str().unwrap()]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("bad\\u{1b}[2J.json") && !err.contains('\u{1b}'),
        "{err:?}"
    );
}

/// The limits are in `--help`; `validate --mask` and `--max-issues` reach the report.
#[test]
fn limits_in_help_and_mask_and_max_issues_in_validate() {
    let help = String::from_utf8(gongkai(&["--help"]).stdout).unwrap();
    for s in [
        "256 MiB",
        "512 MiB",
        "1,000 个工作表",
        "--max-issues",
        "\\u{1b}",
    ] {
        assert!(help.contains(s), "{s} not in --help");
    }
    let validate_help = String::from_utf8(gongkai(&["validate", "--help"]).stdout).unwrap();
    assert!(validate_help.contains("--mask") && validate_help.contains("--max-issues"));
    let doc = r#"{"items":[{"id":"13800138000","name":"联系人：张三 138-0013-8000"},1,1,1]}"#;
    let p = temp("mask.json", doc.as_bytes());
    let p = p.to_str().unwrap();
    let open = String::from_utf8(gongkai(&["validate", "--format", "json", p]).stdout).unwrap();
    assert!(open.contains("13800138000"));
    let masked = gongkai(&["validate", "--format", "json", "--mask", p]).stdout;
    let masked = String::from_utf8(masked).unwrap();
    assert!(
        !masked.contains("13800138000") && !masked.contains("0013-8000"),
        "{masked}"
    );
    let cut = gongkai(&["validate", "--format", "json", "--max-issues", "3", p]).stdout;
    let report: serde_json::Value = serde_json::from_slice(&cut).unwrap();
    let issues = report["issues"].as_array().unwrap();
    assert_eq!(issues.len(), 4);
    assert!(issues.iter().any(|i| i["code"] == "report.truncated"));
}
