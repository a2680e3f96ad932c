//! `gongkai schema`: prints the published JSON Schema.

use std::process::ExitCode;

/// Arguments of `gongkai schema`.
#[derive(clap::Args)]
pub struct Args {
    /// 打印校验报告的 Schema（而不是目录的 Schema）
    #[arg(long)]
    report: bool,
    /// 打印监督评价报告（gongkai evaluate 的 JSON）的 Schema
    #[arg(long, conflicts_with = "report")]
    evaluation: bool,
}

/// Runs the command.
pub fn run(a: Args) -> ExitCode {
    if a.evaluation {
        print!("{}", gongkai::evaluate::report_schema_text());
    } else if a.report {
        print!("{}", gongkai::schema::report_schema_text());
    } else {
        print!("{}", gongkai::schema::catalogue_schema_text());
    }
    ExitCode::SUCCESS
}
