//! The words of the command-line parser in the user's language: help pages and argument errors
//! are Chinese by default (clap writes them in English), English with `--lang en` or a `LANG`
//! / `LC_ALL` / `LC_MESSAGES` starting with `en`.
//!
//! The help texts of the arguments are ours (Chinese doc comments); what is translated here is
//! clap's own frame around them: headings, the `-h`/`--help`/`-V` lines, `[default: …]`, and the
//! errors for an unknown, missing or invalid argument.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// Whether the parser's words are English: `--lang en` (or `--lang=en`) among the arguments,
/// else the locale.
pub fn english(args: &[std::ffi::OsString]) -> bool {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--lang" {
            return it.next().is_some_and(|v| v.starts_with("en"));
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return v.starts_with("en");
        }
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .is_some_and(|v| v.starts_with("en"))
}

/// clap's own words in a help page or usage line, and their Chinese (longest first where one
/// contains another).
const WORDS: &[(&str, &str)] = &[
    (
        "Print help (see a summary with '-h')",
        "显示帮助（-h 只显示摘要）",
    ),
    (
        "Print help (see more with '--help')",
        "显示帮助（--help 显示详细说明）",
    ),
    (
        "Print this message or the help of the given subcommand(s)",
        "显示本帮助，或某个命令的帮助",
    ),
    ("Print help", "显示帮助"),
    ("Print version", "显示版本"),
    ("Usage: ", "用法："),
    ("\nArguments:\n", "\n参数：\n"),
    ("\nOptions:\n", "\n选项：\n"),
    ("\nCommands:\n", "\n命令：\n"),
    ("Possible values:", "可选值："),
    ("[OPTIONS]", "[选项]"),
    ("<COMMAND>", "<命令>"),
    ("[COMMAND]", "[命令]"),
    ("[default: ", "[默认："),
    ("[possible values: ", "[可选值："),
    ("[aliases: ", "[别名："),
    ("[env: ", "[环境变量："),
];

/// A help page or usage line with clap's words in Chinese.
pub fn chinese(text: &str) -> String {
    let mut s = text.to_owned();
    for (en, zh) in WORDS {
        s = s.replace(en, zh);
    }
    s
}

fn value(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join("、")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("、"),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The error in Chinese: what is wrong, with the argument and the value, the suggestion clap
/// found, and the usage line.
pub fn chinese_error(e: &clap::Error) -> String {
    let arg = value(e, ContextKind::InvalidArg).unwrap_or_default();
    let val = value(e, ContextKind::InvalidValue).unwrap_or_default();
    let mut msg = match e.kind() {
        ErrorKind::UnknownArgument => format!("无法识别的参数“{arg}”"),
        ErrorKind::InvalidSubcommand => format!(
            "没有命令“{}”",
            value(e, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingSubcommand => "缺少命令".to_owned(),
        ErrorKind::InvalidValue if val.is_empty() => format!("参数 {arg} 需要一个值"),
        ErrorKind::InvalidValue => format!("参数 {arg} 的值“{val}”无效"),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e).map_or_else(String::new, |s| s.to_string());
            if why.is_empty() {
                format!("参数 {arg} 的值“{val}”无效")
            } else {
                format!("参数 {arg} 的值“{val}”无效：{why}")
            }
        }
        ErrorKind::ArgumentConflict => format!(
            "参数 {arg} 不能与 {} 同时使用",
            value(e, ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::TooManyValues => format!("参数 {arg} 的值太多：“{val}”"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("参数 {arg} 的值个数不对")
        }
        ErrorKind::NoEquals => format!("参数 {arg} 的值要用等号写：{arg}=值"),
        ErrorKind::InvalidUtf8 => "参数中有无效的 UTF-8 字符".to_owned(),
        _ => {
            // Anything else: clap's text with its frame translated.
            let text = chinese(&e.render().to_string());
            return text.replacen("error: ", "错误：", 1);
        }
    };
    if let Some(valid) = value(e, ContextKind::ValidValue) {
        msg.push_str(&format!("；可选值：{valid}"));
    }
    let suggestion = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(|k| value(e, k));
    if let Some(s) = suggestion {
        msg.push_str(&format!("；是否想用 {s}？"));
    }
    let mut out = format!("错误：{msg}\n");
    if let Some(usage) = value(e, ContextKind::Usage) {
        out.push('\n');
        out.push_str(&chinese(usage.trim_end()));
        out.push('\n');
    }
    out.push_str("\n用 --help 查看全部参数和说明。\n");
    out
}

/// Prints a parse outcome (a help page, the version, or an error) in the chosen language and
/// returns the exit code: 0 for help and version, 2 for an error.
pub fn print(e: &clap::Error, english: bool) -> std::process::ExitCode {
    let to_stderr = e.use_stderr();
    if english {
        let _ = e.print();
    } else {
        let text = match e.kind() {
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                chinese(&e.render().to_string())
            }
            _ => chinese_error(e),
        };
        if to_stderr {
            eprint!("{text}");
        } else {
            print!("{text}");
        }
    }
    if to_stderr {
        std::process::ExitCode::from(2)
    } else {
        std::process::ExitCode::SUCCESS
    }
}
