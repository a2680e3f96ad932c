//! `gongkai schema`: prints the published JSON Schema.

use std::process::ExitCode;

/// Arguments of `gongkai schema`.
#[derive(clap::Args)]
pub struct Args {
    /// 打印校验报告的 Schema（而不是目录的 Schema）
    #[arg(long)]
    report: bool,
}

/// Runs the command.
pub fn run(a: Args) -> ExitCode {
    if a.report {
        print!("{}", gongkai::schema::report_schema_text());
    } else {
        print!("{}", gongkai::schema::catalogue_schema_text());
    }
    ExitCode::SUCCESS
}
