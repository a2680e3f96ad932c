//! The floor of whole-process JSON validation: a process that reads the file and walks every
//! value with `serde::de::IgnoredAny` (serde_json's fastest full scan), and nothing else.
//! `benches/scale.sh` times `gongkai validate FILE --format json` against it.
//!
//! `cargo run --release -p gongkai --example ignored_any_floor -- FILE`

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: ignored_any_floor FILE");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{}: {e}", path.to_string_lossy());
            return ExitCode::from(2);
        }
    };
    match serde_json::from_slice::<serde::de::IgnoredAny>(&bytes) {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
