//! `gongkai rules`: lists every rule with its code, severity, source and message.

use crate::common::{Format, LangArg};
use std::process::ExitCode;

/// Arguments of `gongkai rules`.
#[derive(clap::Args)]
pub struct Args {
    /// 输出格式
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// 消息语言
    #[arg(long, value_enum, default_value = "zh")]
    lang: LangArg,
}

/// Runs the command.
pub fn run(a: Args) -> ExitCode {
    let rules = gongkai::rules::all();
    match a.format {
        Format::Json => {
            let v: Vec<serde_json::Value> = rules
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "code": r.code,
                        "severity": r.severity,
                        "title": r.title,
                        "source": r.source,
                        "message": match a.lang { LangArg::Zh => r.message_zh, LangArg::En => r.message_en },
                        "message_zh": r.message_zh,
                        "message_en": r.message_en,
                    })
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        Format::Text => {
            for r in &rules {
                let msg = match a.lang {
                    LangArg::Zh => r.message_zh,
                    LangArg::En => r.message_en,
                };
                println!("{:<40} {:<7} {}", r.code, r.severity.code(), r.title);
                println!("    依据：{}", r.source);
                println!("    消息：{msg}");
            }
            println!("共 {} 条规则", rules.len());
        }
    }
    ExitCode::SUCCESS
}
