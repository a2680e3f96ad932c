//! `gongkai audit CATALOGUE RECORDS`: was each record published within its item's 公开时限?
//!
//! Exit codes: 0 every assessed record on time and no bad record; 1 a record is late or
//! overdue, or a record is bad; 2 a file cannot be read.

use crate::common::{self, Format};
use gongkai::Lang;
use gongkai::audit::{AuditOptions, AuditReport, Status, Tally};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `gongkai audit`.
#[derive(clap::Args)]
pub struct Args {
    /// 目录文件（.json、.csv、.xlsx、.html、.docx）
    catalogue: PathBuf,
    /// 公开记录（.csv 或 .json：item_id、formed_on、published_on，可选 request_received、extended、event_at、note、url、title）
    records: PathBuf,
    /// 今天的日期（YYYY-MM-DD），用于判断未公开的记录是否超期；不读取系统时钟
    #[arg(long, value_parser = common::date)]
    today: Option<chrono::NaiveDate>,
    /// 输出格式
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// 消息语言：zh（中文）或 en（English）
    #[arg(long, default_value = "zh")]
    lang: gongkai::Lang,
    #[command(flatten)]
    calendar: crate::calendar_cmd::CalendarArgs,
    /// 目录是表格时的读取方式
    #[command(flatten)]
    table: common::TableArgs,
}

/// Runs the command.
pub fn run(a: Args) -> ExitCode {
    let cal = match crate::calendar_cmd::load(&a.calendar, a.lang) {
        Ok(c) => c,
        Err(msg) => {
            crate::term::errln!("gongkai: {msg}");
            return common::exit(common::FAILURE);
        }
    };
    let cat_bytes = match common::read_file(&a.catalogue) {
        Ok(b) => b,
        Err(e) => return fail(&a.catalogue, &e, a.lang),
    };
    let options = a.table.options(&a.catalogue);
    let loaded = match gongkai::import::load(&cat_bytes, &options) {
        Ok(l) => l,
        Err(e) => return fail(&a.catalogue, &e, a.lang),
    };
    let cat = &loaded.catalogue;
    let rec_bytes = match common::read_file(&a.records) {
        Ok(b) => b,
        Err(e) => return fail(&a.records, &e, a.lang),
    };
    let records = match gongkai::audit::read_records(&rec_bytes, Some(&a.records.to_string_lossy()))
    {
        Ok(r) => r,
        Err(e) => return fail(&a.records, &e, a.lang),
    };
    let mut options = AuditOptions::default().lang(a.lang);
    if let Some(t) = a.today {
        options = options.today(t);
    }
    let report = gongkai::audit::audit(cat, &records, &cal, &options);
    let mut out = crate::term::stdout(a.format == Format::Text);
    let _ = match a.format {
        Format::Json => writeln!(out, "{}", report.to_json_pretty()),
        Format::Text => write_text(&mut out, &report, a.lang),
    };
    if report.has_late_or_overdue() || report.has_errors() {
        common::exit(common::DATA_ERRORS)
    } else {
        common::exit(common::OK)
    }
}

fn fail(path: &Path, e: &gongkai::Error, lang: gongkai::Lang) -> ExitCode {
    common::print_failure(path, e, lang);
    common::exit(common::FAILURE)
}

fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

fn pct(tally: &Tally, lang: Lang) -> String {
    let (open, close) = match lang {
        Lang::Zh => ("（", "）"),
        Lang::En => (" (", ")"),
    };
    tally.on_time_rate.map_or_else(
        || "—".to_owned(),
        |r| {
            format!(
                "{:.1}%{open}{}/{}{close}",
                r * 100.0,
                tally.on_time,
                tally.assessed
            )
        },
    )
}

fn counts(tally: &Tally, lang: Lang) -> String {
    Status::ALL
        .iter()
        .filter(|s| tally.count(**s) > 0)
        .map(|s| format!("{} {}", s.name(lang), tally.count(*s)))
        .collect::<Vec<_>>()
        .join(t(lang, "，", ", "))
}

fn write_text(out: &mut impl Write, r: &AuditReport, lang: Lang) -> std::io::Result<()> {
    let today = r.today.map_or_else(
        || t(lang, "未给出", "not given").to_owned(),
        |d| d.to_string(),
    );
    let n = r.summary.overall.records;
    match lang {
        Lang::Zh => writeln!(out, "按时公开审计：{n} 条记录（今天 {today}）")?,
        Lang::En => writeln!(out, "Timeliness audit: {n} records (today {today})")?,
    }
    for row in &r.rows {
        let at = match lang {
            // The file's own line (CSV), else the record's number (JSON): the numbering the
            // messages use too.
            Lang::Zh => row
                .line
                .map_or_else(|| format!("第 {} 条", row.row), |l| format!("第 {l} 行")),
            Lang::En => row
                .line
                .map_or_else(|| format!("record {}", row.row), |l| format!("line {l}")),
        };
        let mut line = format!(
            "  {at}  [{}] {}  {}",
            gongkai::excerpt(&row.item_id, 20),
            gongkai::excerpt(row.item_name.as_deref().unwrap_or(""), 30),
            row.status.name(lang),
        );
        if let Some(d) = row.deadline {
            let due = row.deadline_at.map_or_else(
                || d.to_string(),
                |at| at.format("%Y-%m-%d %H:%M").to_string(),
            );
            line.push_str(&format!("  {} {due}", t(lang, "截止", "due")));
            if row.provisional {
                line.push_str(t(lang, "（临时推算）", " (provisional)"));
            }
        }
        if let Some(p) = row.published_on {
            line.push_str(&format!("  {} {p}", t(lang, "公开", "published")));
        }
        if let Some(minutes) = row.late_by_minutes {
            let (h, m) = (minutes / 60, minutes % 60);
            line.push_str(&match (lang, h, m) {
                (Lang::Zh, 0, m) => format!("  逾期 {m} 分钟"),
                (Lang::Zh, h, 0) => format!("  逾期 {h} 小时"),
                (Lang::Zh, h, m) => format!("  逾期 {h} 小时 {m} 分钟"),
                (Lang::En, 0, m) => format!("  late by {m} min"),
                (Lang::En, h, 0) => format!("  late by {h} h"),
                (Lang::En, h, m) => format!("  late by {h} h {m} min"),
            });
        } else if let Some(days) = row.late_by_days {
            let wd = row
                .late_by_working_days
                .map_or_else(|| "?".to_owned(), |w| w.to_string());
            line.push_str(&match lang {
                Lang::Zh => format!("  逾期 {wd} 个工作日（{days} 日）"),
                Lang::En => format!("  late by {wd} working days ({days} days)"),
            });
        }
        if let Some(m) = &row.message {
            line.push_str(&format!("  {}", m));
        }
        writeln!(out, "{line}")?;
    }
    let s = &r.summary;
    if s.overall.records == 0 {
        // Nothing to count: no empty lists, no rate of nothing.
        writeln!(
            out,
            "{}",
            t(lang, "合计：没有可审计的记录", "Total: no records to audit")
        )?;
    } else {
        writeln!(
            out,
            "{}{}{}{} {}",
            t(lang, "合计：", "Total: "),
            counts(&s.overall, lang),
            t(lang, "；", "; "),
            t(lang, "按时公开率", "on-time rate"),
            pct(&s.overall, lang)
        )?;
        let categories: Vec<_> = s
            .by_category
            .iter()
            .filter(|c| c.tally.records > 0)
            .collect();
        if !categories.is_empty() {
            writeln!(out, "{}", t(lang, "按一级事项：", "By category:"))?;
            for c in categories {
                let (colon, open, close) = match lang {
                    Lang::Zh => ("：", "（", "）"),
                    Lang::En => (": ", " (", ")"),
                };
                writeln!(
                    out,
                    "  {}{colon}{} {}{open}{}{close}",
                    c.category,
                    t(lang, "按时公开率", "on-time rate"),
                    pct(&c.tally, lang),
                    counts(&c.tally, lang)
                )?;
            }
        }
    }
    if !r.issues.is_empty() {
        writeln!(out, "{}", t(lang, "问题：", "Issues:"))?;
        for i in &r.issues {
            let sev = match i.severity {
                gongkai::Severity::Error => t(lang, "错误", "error"),
                gongkai::Severity::Warning => t(lang, "警告", "warning"),
                gongkai::Severity::Info => t(lang, "提示", "info"),
            };
            let at = i
                .line()
                .map_or_else(String::new, |l| format!(" [{} {l}]", t(lang, "行", "line")));
            writeln!(out, "  {sev}{at} {}  ({})", i.message, i.code)?;
        }
    }
    Ok(())
}
