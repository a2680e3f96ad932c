//! What the CLI tests share: the built binary run with arguments (and standard input), the
//! bundled examples, a fresh folder, the output as text. `mod common;` in a test file.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The bundled examples (`examples/`).
pub fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

/// Runs `gongkai ARGS` (colours off, no standard input).
pub fn gongkai(args: &[&str]) -> Output {
    command(args)
        .stdin(Stdio::null())
        .output()
        .expect("the gongkai binary runs")
}

/// Runs `gongkai ARGS` with `input` on standard input (written from another thread, so that a
/// large input cannot block on a full output pipe), then closed.
pub fn gongkai_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the gongkai binary runs");
    let mut stdin = child.stdin.take().unwrap();
    let output = std::thread::scope(|scope| {
        // The process may stop reading early (an error): a broken pipe is its answer, not ours.
        scope.spawn(move || {
            let _ = stdin.write_all(input);
        });
        child.wait_with_output()
    });
    output.expect("the gongkai binary runs")
}

fn command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_gongkai"));
    c.args(args).env("NO_COLOR", "1");
    c
}

/// A path as the `&str` an argument list takes.
pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// An empty folder `name` under the tests' scratch folder.
pub fn fresh(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}
