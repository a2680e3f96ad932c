//! `gongkai migrate IN -o OUT [--to 1.1]`: upgrades a catalogue (1.0 JSON or a table) to schema
//! 1.1, losslessly; a second run changes nothing. The report (stderr, or stdout with
//! `--report json`) lists each change and whether it was inferred. Exit 0 on success, 2 when
//! the input cannot be read, its version is unknown, or OUT cannot be written.

use crate::common;
use gongkai::import::{self, ImportOptions};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// The version to upgrade to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    // 1.1
    #[value(name = "1.1")]
    V1_1,
}

/// How the report is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    // 中文文本，写到标准错误
    Text,
    // JSON，写到标准输出（from_version、to_version、changes）
    Json,
}

/// Arguments of `gongkai migrate`.
#[derive(clap::Args)]
pub struct Args {
    /// 输入文件（1.0 的 JSON，或 .csv、.xlsx、.html、.docx 表格）
    input: PathBuf,
    /// 输出的 JSON 文件；“-”表示标准输出
    #[arg(short, long)]
    output: PathBuf,
    /// 目标版本
    #[arg(long, value_enum, default_value = "1.1")]
    to: Target,
    /// 升级报告的格式：text（标准错误）或 json（标准输出）
    #[arg(long, value_enum, default_value = "text")]
    report: ReportFormat,
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("gongkai migrate: {message}");
    common::exit(common::FAILURE)
}

/// Runs the command.
pub fn run(a: Args) -> ExitCode {
    let Target::V1_1 = a.to;
    let to_stdout = a.output.as_os_str() == "-";
    if to_stdout && a.report == ReportFormat::Json {
        return fail("输出到标准输出（-o -）时不能同时用 --report json，请把目录写入文件");
    }
    let loaded = common::read_file(&a.input).and_then(|bytes| {
        let options = ImportOptions::default().file_name(a.input.to_string_lossy());
        import::load(&bytes, &options)
    });
    let mut cat = match loaded {
        Ok(l) => l.catalogue,
        Err(e) => {
            common::print_failure(&a.input, &e, gongkai::Lang::Zh);
            return common::exit(common::FAILURE);
        }
    };
    let migration = match import::migrate(&mut cat) {
        Ok(m) => m,
        Err(e) => {
            common::print_failure(&a.input, &e, gongkai::Lang::Zh);
            return common::exit(common::FAILURE);
        }
    };
    let mut json = cat.to_json_pretty();
    json.push('\n');
    let written = if to_stdout {
        std::io::stdout().lock().write_all(json.as_bytes())
    } else {
        std::fs::write(&a.output, json.as_bytes())
    };
    if let Err(e) = written {
        return fail(format!("无法写入 {}：{e}", a.output.display()));
    }
    match a.report {
        ReportFormat::Json => {
            println!("{}", serde_json::to_string(&migration).unwrap_or_default());
        }
        ReportFormat::Text => {
            if migration.is_noop() {
                eprintln!(
                    "gongkai migrate: 已是 {} 版，无需改动（{} 项）",
                    migration.to_version,
                    cat.items.len()
                );
            } else {
                eprintln!(
                    "gongkai migrate: 由 {} 升级为 {}（{} 项），{} 处改动：",
                    migration.from_version,
                    migration.to_version,
                    cat.items.len(),
                    migration.changes.len()
                );
                for c in &migration.changes {
                    let mark = if c.inferred { "［推断］" } else { "" };
                    eprintln!("  {}{mark}：{}", c.path, c.note);
                }
            }
        }
    }
    common::exit(common::OK)
}
