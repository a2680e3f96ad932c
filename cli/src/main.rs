//! `gongkai`: validate, convert, audit and diff disclosure catalogues (基层政务公开标准目录).
//!
//! Exit codes: 0 no error-severity issue; 1 the data has errors (or records are late, or a
//! diff has error findings); 2 a file cannot be read, is not JSON or a table, or the
//! arguments are wrong.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod annotate;
mod audit;
mod calendar_cmd;
mod common;
mod convert;
mod deadline;
mod diff;
mod rules_cmd;
mod schema_cmd;
mod site;
mod term;
mod validate;

#[derive(Parser)]
#[command(
    name = "gongkai",
    version,
    about = "基层政务公开标准目录：校验、转换、时限审计与对照检查"
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
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
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
    }
}
