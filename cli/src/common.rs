//! Shared CLI helpers: output formats, languages, reading files, exit codes.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// Output format of reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    // 便于阅读的文本
    Text,
    // 供程序读取的 JSON
    Json,
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
    let bytes = if path.as_os_str() == "-" {
        gongkai::read_limited(std::io::stdin().lock(), input_limit(), "-")
    } else {
        gongkai::read_file_limited(path, input_limit())
    }?;
    crate::alloc::for_input(bytes.len() as u64);
    Ok(bytes)
}

/// Prints a failure for `path` on stderr.
pub fn print_failure(path: &Path, e: &gongkai::Error, lang: gongkai::Lang) {
    let message = e.message(lang);
    match e {
        // The message names the file already.
        gongkai::Error::File { .. } => crate::term::errln!("gongkai: {message}"),
        _ => crate::term::errln!("gongkai: {}: {message}", path.display()),
    }
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

/// A `YYYY-MM-DD` date argument (the core's parser and message).
pub fn date(s: &str) -> Result<chrono::NaiveDate, gongkai::Error> {
    gongkai::args::parse("日期", s)
}

/// Reads a registry file of legal instruments (`--laws FILE`) merged over the embedded one.
pub fn load_laws(
    path: &Path,
    lang: gongkai::Lang,
) -> Result<std::sync::Arc<gongkai::laws::Registry>, gongkai::Error> {
    gongkai::laws::Registry::with_json_bytes(&read_file(path)?, lang).map(std::sync::Arc::new)
}

/// How a table is read: the sheet, and the catalogue fields a table does not hold (目录名称, 领域,
/// 编制单位, 目录层级, 编制日期). Shared by every command that reads a catalogue file; JSON input
/// ignores them.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct TableArgs {
    /// 表格：只读取此工作表（XLSX/XLS 的工作表名；HTML 页面或 Word 文档的第 N 个表格写作“表N”）
    #[arg(long, help_heading = "表格导入")]
    pub sheet: Option<String>,
    /// 表格中没有时使用的目录名称
    #[arg(long, help_heading = "表格导入")]
    pub title: Option<String>,
    /// 表格中没有时使用的领域（代码如 municipal_services，或中文名如 市政服务）
    #[arg(long, help_heading = "表格导入")]
    pub domain: Option<String>,
    /// 表格中没有时使用的编制单位
    #[arg(long, help_heading = "表格导入")]
    pub publisher: Option<String>,
    /// 表格中没有时使用的目录层级（city/county/township/village 或 市级/县级/乡级/村级）
    #[arg(long, value_parser = parse_level, help_heading = "表格导入")]
    pub level: Option<gongkai::model::Level>,
    /// 表格中没有时使用的编制日期（YYYY-MM-DD）
    #[arg(long, value_parser = date, help_heading = "表格导入")]
    pub issued: Option<chrono::NaiveDate>,
}

impl TableArgs {
    /// The import options for the file at `path`: these arguments, and findings that name the
    /// command's flags (`--domain`) when a catalogue field is missing.
    pub fn options(&self, path: &Path) -> gongkai::import::ImportOptions {
        let mut o = gongkai::import::ImportOptions::default()
            .file_name(path.to_string_lossy())
            .front_end(gongkai::import::FrontEnd::Cli);
        o.sheet.clone_from(&self.sheet);
        o.title.clone_from(&self.title);
        o.domain.clone_from(&self.domain);
        o.publisher.clone_from(&self.publisher);
        o.level = self.level;
        o.issued = self.issued.map(|d| d.format("%Y-%m-%d").to_string());
        o
    }
}

/// `--level`: a code or its Chinese name, by the core's parser and message.
fn parse_level(s: &str) -> Result<gongkai::model::Level, gongkai::Error> {
    gongkai::args::parse("--level", s)
}
