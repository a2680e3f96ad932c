//! Shared CLI helpers: output formats, languages, reading files, exit codes.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// Output format of reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable by a person.
    Text,
    /// Machine-readable JSON.
    Json,
}

/// Message language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// 中文
    Zh,
    /// English
    En,
}

impl From<LangArg> for gongkai::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Zh => gongkai::Lang::Zh,
            LangArg::En => gongkai::Lang::En,
        }
    }
}

/// Exit code 0.
pub const OK: u8 = 0;
/// Exit code 1: the data has errors.
pub const DATA_ERRORS: u8 = 1;
/// Exit code 2: input could not be read or arguments are wrong.
pub const FAILURE: u8 = 2;

/// The most bytes read from one input: the larger of the JSON and the table limits (each
/// format's own limit is checked again once the format is known).
pub fn input_limit() -> usize {
    gongkai::Options::default()
        .max_input_bytes
        .max(gongkai::import::ImportOptions::default().max_input_bytes)
}

/// Reads a file (`-` is standard input) through a reader capped at [`input_limit`], or reports
/// why not (exit 2): a pipe that does not end, or a file larger than the limit, is refused at
/// the limit, not read whole first.
pub fn read_file(path: &Path) -> Result<Vec<u8>, gongkai::Error> {
    if path.as_os_str() == "-" {
        return gongkai::read_limited(std::io::stdin().lock(), input_limit(), "-");
    }
    gongkai::read_file_limited(path, input_limit())
}

/// Prints a failure for `path` on stderr.
pub fn print_failure(path: &Path, e: &gongkai::Error) {
    crate::term::errln!("gongkai: {}: {e}", path.display());
}

/// Whether colours should be used on stdout.
pub fn colour_stdout() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Whether stderr is a terminal (for progress).
pub fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}

/// Converts a u8 to an exit code.
pub fn exit(code: u8) -> ExitCode {
    ExitCode::from(code)
}

/// Parses a `YYYY-MM-DD` date argument.
pub fn parse_date_arg(s: &str) -> Result<chrono::NaiveDate, String> {
    gongkai::parse_date(s).ok_or_else(|| format!("日期无效：{s}（应为 YYYY-MM-DD，如 2024-03-01）"))
}

/// Reads a registry file of legal instruments (`--laws FILE`) merged over the embedded one.
pub fn load_laws(
    path: &Path,
    lang: gongkai::Lang,
) -> Result<std::sync::Arc<gongkai::laws::Registry>, gongkai::Error> {
    let bytes = read_file(path)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        gongkai::Error::Laws(match lang {
            gongkai::Lang::Zh => format!(
                "文件不是 UTF-8 编码（第 {} 个字节起）；请另存为 UTF-8",
                e.utf8_error().valid_up_to() + 1
            ),
            gongkai::Lang::En => format!(
                "the file is not UTF-8 (from byte {}); save it as UTF-8",
                e.utf8_error().valid_up_to() + 1
            ),
        })
    })?;
    gongkai::laws::Registry::with_json_lang(&text, lang).map(std::sync::Arc::new)
}
