//! `gongkai`: validate, convert, audit and diff disclosure catalogues (基层政务公开标准目录).
//!
//! Exit codes: 0 no error-severity issue; 1 the data has errors (or records are late, or a
//! diff has error findings); 2 a file cannot be read, is not JSON or a table, or the
//! arguments are wrong.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod alloc;
mod annotate;
mod audit;
mod calendar_cmd;
mod changes;
mod common;
mod convert;
mod deadline;
mod diff;
mod evaluate;
mod help;
mod migrate;
mod rules_cmd;
mod schema_cmd;
mod site;
mod term;
mod validate;

/// The limits against hostile input, shown by `--help` (SECURITY.md has the full table).
const LIMITS: &str = "输入限制（防止恶意构造的文件；详见 SECURITY.md）：\n  \
    读取输入（文件、管道、标准输入“-”）：最多 256 MiB，超出即停止读取并报错；JSON 目录 256 MiB，表格文件 128 MiB\n  \
    表格：最多 200,000 行、每表 256 列、每个单元格 64 KiB\n  \
    XLSX/DOCX：解压后合计最多 512 MiB（各工作表引用的部件按工作表累计），最多 10,000 个压缩包条目，工作簿最多 1,000 个工作表\n  \
    表格导入：最多记录 100,000 条导入发现，其余只按代码计数\n  \
    报告：最多列出 100,000 个问题（validate --max-issues），其余只计数\n  \
    文本输出中的控制字符一律转义显示（如 \\u{1b}）；JSON 输出不变";

/// [`LIMITS`] in English.
const LIMITS_EN: &str = "Input limits (against maliciously crafted files; see SECURITY.md):\n  \
    reading an input (file, pipe, standard input '-'): at most 256 MiB, reading stops there with an error; JSON catalogues 256 MiB, table files 128 MiB\n  \
    tables: at most 200,000 rows, 256 columns a table, 64 KiB a cell\n  \
    XLSX/DOCX: at most 512 MiB decompressed in all (the parts each sheet references, counted per sheet), at most 10,000 zip entries, at most 1,000 sheets a workbook\n  \
    reports: at most 100,000 issues listed (validate --max-issues), the rest only counted\n  \
    control characters in text output are shown escaped (as \\u{1b}); JSON output is unchanged";

#[derive(Parser)]
#[command(
    name = "gongkai",
    version,
    about = "基层政务公开标准目录：校验、转换、时限审计与对照检查",
    after_help = LIMITS
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 校验目录文件（JSON、CSV、XLSX、HTML）
    Validate(validate::Args),
    /// 按扩展名转换格式（json、csv、xlsx、html、md）
    Convert(convert::Args),
    /// 在用户自己的工作簿上标注问题
    Annotate(annotate::Args),
    /// 打印目录的 JSON Schema
    Schema(schema_cmd::Args),
    /// 列出全部校验规则
    Rules(rules_cmd::Args),
    /// 计算公开时限的截止日期（按工作日）
    Deadline(deadline::Args),
    /// 按时公开审计（按时公开率）
    Audit(audit::Args),
    /// 与上级标准目录对照
    Diff(diff::Args),
    /// 节假日安排：检查或加入较新的放假安排 CSV
    Calendar(calendar_cmd::Args),
    /// 生成基层政务公开专题（静态网站）
    Site(site::Args),
    /// 监督评价：各单位目录的得分、排名与通报（JSON、HTML、XLSX）
    Evaluate(evaluate::Args),
    /// 将目录升级为标准版本 1.1（无损，可重复运行）
    Migrate(migrate::Args),
    /// 两个版本之间的变化（修订说明）；有弱化调整时退出码为 1
    Changes(changes::Args),
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let english = help::english(&args);
    let parsed = help::localize(Cli::command(), english, LIMITS_EN)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => return help::print(&e, english),
    };
    match cli.command {
        Command::Validate(a) => validate::run(a),
        Command::Convert(a) => convert::run(a),
        Command::Annotate(a) => annotate::run(a),
        Command::Schema(a) => schema_cmd::run(a),
        Command::Rules(a) => rules_cmd::run(a),
        Command::Deadline(a) => deadline::run(a),
        Command::Audit(a) => audit::run(a),
        Command::Diff(a) => diff::run(a),
        Command::Calendar(a) => calendar_cmd::run(a),
        Command::Site(a) => site::run(a),
        Command::Evaluate(a) => evaluate::run(a),
        Command::Migrate(a) => migrate::run(a),
        Command::Changes(a) => changes::run(a),
    }
}
