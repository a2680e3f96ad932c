//! `gongkai deadline`: the last day to publish, counted in working days (or from a 公开时限 text).

use crate::common::{self, Format};
use gongkai::deadline::{Deadline, Start};
use gongkai::model::{Anchor, TimeLimit};
use std::process::ExitCode;

/// Arguments of `gongkai deadline`.
#[derive(clap::Args)]
#[command(group(
    clap::ArgGroup::new("limit")
        .required(true)
        .args(["working_days", "calendar_days", "time_limit"])
))]
pub struct Args {
    /// 起算日 YYYY-MM-DD（不计入期间）；“提前N小时”的时限填事件的日期或 "YYYY-MM-DD HH:MM"
    #[arg(long, value_parser = parse_start)]
    start: Start,
    /// 工作日数：截止日为起算日之后的第 N 个工作日
    #[arg(long, value_name = "N")]
    working_days: Option<u32>,
    /// 自然日数：起算日加 N 日，遇法定休假日顺延
    #[arg(long, value_name = "N")]
    calendar_days: Option<u32>,
    /// 公开时限原文，如 "自信息形成或者变更之日起20个工作日内"
    #[arg(long, value_name = "TEXT")]
    time_limit: Option<String>,
    /// 依申请答复经批准延长的工作日数（《政府信息公开条例》第三十三条，最多 20）
    #[arg(long, value_name = "N", default_value_t = 0)]
    extension_days: u32,
    #[command(flatten)]
    calendar: crate::calendar_cmd::CalendarArgs,
    /// 输出格式
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// 消息语言：zh（中文）或 en（English）
    #[arg(long, default_value = "zh")]
    lang: gongkai::Lang,
}

fn parse_start(s: &str) -> Result<Start, gongkai::Error> {
    gongkai::args::parse("起算日", s)
}

/// Runs the command.
pub fn run(a: Args) -> ExitCode {
    let lang = a.lang;
    let cal = match crate::calendar_cmd::load(&a.calendar, lang) {
        Ok(c) => c,
        Err(msg) => {
            crate::term::errln!("gongkai: {msg}");
            return common::exit(common::FAILURE);
        }
    };
    let limit: TimeLimit<'static> = if let Some(n) = a.working_days {
        TimeLimit::working_days(n, Anchor::Unspecified)
    } else if let Some(n) = a.calendar_days {
        TimeLimit::calendar_days(n, Anchor::Unspecified)
    } else {
        gongkai::import::text::parse_time_limit(a.time_limit.as_deref().unwrap_or(""))
    };
    let start = a.start.extended(a.extension_days);
    let d = match gongkai::deadline::deadline_with(&cal, &limit, &start) {
        Ok(d) => d,
        Err(e) => {
            crate::term::errln!("gongkai deadline: {}", e.message(lang));
            return common::exit(common::FAILURE);
        }
    };
    // A provisional date is never silently exact: the warning goes to stderr (stdout keeps
    // the date alone for scripts) and into the JSON (`deadline.provisional`, `warnings`).
    for w in &d.warnings {
        match lang {
            gongkai::Lang::Zh => {
                crate::term::errln!("gongkai deadline: 警告：{}（{}）", w.message(lang), w.code)
            }
            gongkai::Lang::En => crate::term::errln!(
                "gongkai deadline: warning: {} ({})",
                w.message(lang),
                w.code
            ),
        }
    }
    match a.format {
        Format::Json => {
            let v = serde_json::json!({
                "start": start.date,
                "time_limit": limit,
                "deadline": d,
            });
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        Format::Text => crate::term::outln!("{}", text(&d, lang)),
    }
    common::exit(common::OK)
}

fn text(d: &Deadline, lang: gongkai::Lang) -> String {
    match (d.datetime, d.date, &d.reason) {
        (Some(at), _, _) => at.format("%Y-%m-%d %H:%M").to_string(),
        (None, Some(date), _) => date.to_string(),
        (None, None, Some(r)) => match lang {
            gongkai::Lang::Zh => format!("无截止日期：{}", r.message(lang)),
            gongkai::Lang::En => format!("no deadline: {}", r.message(lang)),
        },
        (None, None, None) => String::new(),
    }
}
