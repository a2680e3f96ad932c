//! `gongkai rules`: lists every code any command can emit, with its family, severity, source and
//! message.

use crate::common::Format;
use std::process::ExitCode;

/// Arguments of `gongkai rules`.
#[derive(clap::Args)]
pub struct Args {
    /// 输出格式
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// 消息语言：zh（中文）或 en（English）
    #[arg(long, default_value = "zh")]
    lang: gongkai::Lang,
}

/// Runs the command.
pub fn run(a: Args) -> ExitCode {
    let lang: gongkai::Lang = a.lang;
    let defs = gongkai::codes::defs();
    match a.format {
        Format::Json => {
            let v: Vec<serde_json::Value> = defs
                .iter()
                .map(|d| {
                    let mut v = serde_json::to_value(d).unwrap_or_default();
                    if let Some(m) = v.as_object_mut() {
                        m.insert("message".into(), d.template(lang).into());
                    }
                    v
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        Format::Text => {
            let mut family = None;
            for d in &defs {
                if family != Some(d.family) {
                    family = Some(d.family);
                    crate::term::outln!("== {}", d.family.name(lang));
                }
                let structural = if d.structural {
                    lang.pick("  [结构]", "  [schema]")
                } else {
                    ""
                };
                crate::term::outln!(
                    "{:<40} {:<7} {}{structural}",
                    d.code,
                    d.severity.name(lang),
                    d.title
                );
                crate::term::outln!("    {}{}", lang.pick("依据：", "source: "), d.source);
                crate::term::outln!(
                    "    {}{}",
                    lang.pick("消息：", "message: "),
                    d.template(lang)
                );
            }
            match lang {
                gongkai::Lang::Zh => crate::term::outln!("共 {} 个代码", defs.len()),
                gongkai::Lang::En => crate::term::outln!("{} codes", defs.len()),
            }
        }
    }
    ExitCode::SUCCESS
}
