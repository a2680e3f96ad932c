//! The holiday calendar on the command line: the options every calendar-using command shares
//! (`--calendar FILE`, `--strict-calendar`), where a newer schedule is looked for, and
//! `gongkai calendar check FILE` / `gongkai calendar add FILE`.
//!
//! Sources, each adding or replacing the years it contains on top of the embedded table (see
//! `gongkai::calendar::sources`): the per-user file (`$XDG_DATA_HOME/gongkai/holidays.csv`, else
//! `~/.local/share/gongkai/holidays.csv`), then `GONGKAI_CALENDAR`, then `--calendar FILE`.

use crate::common::{self, Format};
use gongkai::Lang;
use gongkai::calendar::{Calendar, check, sources};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The calendar options of `deadline` and `audit`.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct CalendarArgs {
    /// 较新的节假日安排 CSV（date,kind,name），加入或替换内置表中的年份（另见环境变量 GONGKAI_CALENDAR 和用户数据文件 ~/.local/share/gongkai/holidays.csv）
    #[arg(long, value_name = "FILE")]
    pub calendar: Option<PathBuf>,
    /// 严格模式：尚未载入放假安排的年份报错，不按法定节假日临时计算
    #[arg(long)]
    pub strict_calendar: bool,
}

fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Reads a holiday file as UTF-8 text.
fn read_text(path: &Path) -> Result<String, gongkai::Error> {
    let bytes = common::read_file(path)?;
    String::from_utf8(bytes).map_err(|_| gongkai::calendar::not_utf8_error())
}

fn env(k: &str) -> Option<std::ffi::OsString> {
    std::env::var_os(k)
}

/// The embedded calendar with the user file, `GONGKAI_CALENDAR` and `--calendar` applied, in
/// that order. The error is a message in `lang` naming the file.
pub fn load(args: &CalendarArgs, lang: Lang) -> Result<Calendar, String> {
    let mut cal = gongkai::calendar::embedded().clone();
    let mut files: Vec<PathBuf> = Vec::new();
    if let Some(user) = sources::user_file(env).filter(|p| p.is_file()) {
        files.push(user);
    }
    files.extend(sources::env_file(env));
    files.extend(args.calendar.clone());
    for path in files {
        let text = read_text(&path).map_err(|e| failure(&path, &e, lang))?;
        cal.extend_from_csv(&text)
            .map_err(|e| failure(&path, &e, lang))?;
    }
    Ok(cal.strict(args.strict_calendar))
}

fn failure(path: &Path, e: &gongkai::Error, lang: Lang) -> String {
    let hint = match (e, lang) {
        (gongkai::Error::Io { .. } | gongkai::Error::File { .. }, _) => {
            return e.message(lang);
        }
        (_, Lang::Zh) => format!(
            "（用 gongkai calendar check {} 可查看全部问题）",
            path.display()
        ),
        (_, Lang::En) => format!(
            " (gongkai calendar check {} lists every problem)",
            path.display()
        ),
    };
    format!("{}: {}{hint}", path.display(), e.message(lang))
}

/// Arguments of `gongkai calendar`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Sub,
}

#[derive(clap::Subcommand)]
enum Sub {
    /// 检查节假日安排 CSV：日期、重复、调休上班日是否在周末、每年是否有春节和全部法定节假日
    Check(CheckArgs),
    /// 检查后把节假日安排 CSV 加入用户数据文件（此后各命令自动使用，无需 --calendar）
    Add(AddArgs),
}

/// Arguments of `gongkai calendar check`.
#[derive(clap::Args)]
struct CheckArgs {
    /// 节假日安排 CSV（date,kind,name）
    file: PathBuf,
    /// 输出格式
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// 消息语言：zh（中文）或 en（English）
    #[arg(long, default_value = "zh")]
    lang: Lang,
}

/// Arguments of `gongkai calendar add`.
#[derive(clap::Args)]
struct AddArgs {
    /// 节假日安排 CSV（date,kind,name），如国务院办公厅新公布的下一年安排
    file: PathBuf,
    /// 消息语言：zh（中文）或 en（English）
    #[arg(long, default_value = "zh")]
    lang: Lang,
}

/// Runs `gongkai calendar …`.
pub fn run(a: Args) -> ExitCode {
    match a.command {
        Sub::Check(c) => run_check(&c),
        Sub::Add(c) => run_add(&c),
    }
}

fn run_check(a: &CheckArgs) -> ExitCode {
    let lang = a.lang;
    let text = match read_text(&a.file) {
        Ok(t) => t,
        Err(e) => {
            crate::term::errln!("gongkai: {}: {}", a.file.display(), e.message(lang));
            return common::exit(common::FAILURE);
        }
    };
    let report = check::check(&text, lang);
    let mut out = crate::term::stdout(a.format == Format::Text);
    let _ = match a.format {
        Format::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        ),
        Format::Text => write_check(&mut out, &a.file, &report, lang),
    };
    if report.has_errors() {
        common::exit(common::DATA_ERRORS)
    } else {
        common::exit(common::OK)
    }
}

fn write_check(
    out: &mut impl Write,
    file: &Path,
    r: &check::CheckReport,
    lang: Lang,
) -> std::io::Result<()> {
    let years: Vec<String> = r.years.iter().map(i32::to_string).collect();
    match lang {
        Lang::Zh => writeln!(
            out,
            "{}：{} 行，年份 {}",
            file.display(),
            r.rows,
            if years.is_empty() {
                "无".to_owned()
            } else {
                years.join("、")
            }
        )?,
        Lang::En => writeln!(
            out,
            "{}: {} rows, years {}",
            file.display(),
            r.rows,
            if years.is_empty() {
                "none".to_owned()
            } else {
                years.join(", ")
            }
        )?,
    }
    for f in &r.findings {
        let sev = match f.severity {
            gongkai::Severity::Error => t(lang, "错误", "error"),
            gongkai::Severity::Warning => t(lang, "警告", "warning"),
            gongkai::Severity::Info => t(lang, "提示", "info"),
        };
        let at = match (f.line(), check::year_of(f), lang) {
            (Some(l), _, Lang::Zh) => format!("第 {l} 行"),
            (Some(l), _, Lang::En) => format!("line {l}"),
            (None, Some(y), Lang::Zh) => format!("{y} 年"),
            (None, Some(y), Lang::En) => format!("year {y}"),
            (None, None, _) => String::new(),
        };
        match lang {
            Lang::Zh => writeln!(out, "  {sev} {at}：{}（{}）", f.message, f.code)?,
            Lang::En => writeln!(out, "  {sev} {at}: {} ({})", f.message, f.code)?,
        }
    }
    let errors = r
        .findings
        .iter()
        .filter(|f| f.severity == gongkai::Severity::Error)
        .count();
    match (errors, lang) {
        (0, Lang::Zh) => writeln!(out, "没有错误，可以载入。"),
        (0, Lang::En) => writeln!(out, "No errors: the file can be loaded."),
        (n, Lang::Zh) => writeln!(out, "{n} 个错误，修改后才能载入。"),
        (n, Lang::En) => writeln!(out, "{n} errors: fix them before loading the file."),
    }
}

fn run_add(a: &AddArgs) -> ExitCode {
    let lang = a.lang;
    let fail = |msg: String| {
        crate::term::errln!("gongkai: {msg}");
        common::exit(common::FAILURE)
    };
    let text = match read_text(&a.file) {
        Ok(t) => t,
        Err(e) => return fail(format!("{}: {}", a.file.display(), e.message(lang))),
    };
    let report = check::check(&text, lang);
    if report.has_errors() {
        let _ = write_check(&mut crate::term::stderr(), &a.file, &report, lang);
        return common::exit(common::DATA_ERRORS);
    }
    let Some(target) = sources::user_file(env) else {
        return fail(
            t(
                lang,
                "找不到用户数据目录（HOME 和 XDG_DATA_HOME 均未设置）；请改用 --calendar 文件或环境变量 GONGKAI_CALENDAR",
                "no user data folder (neither HOME nor XDG_DATA_HOME is set); use --calendar FILE or the GONGKAI_CALENDAR variable instead",
            )
            .to_owned(),
        );
    };
    // The user file keeps its other years; the years of FILE replace theirs.
    let merged = if target.is_file() {
        match read_text(&target).and_then(|old| Calendar::from_csv(&old)?.with_csv(&text)) {
            Ok(c) => c,
            Err(e) => return fail(failure(&target, &e, lang)),
        }
    } else {
        match Calendar::from_csv(&text) {
            Ok(c) => c,
            Err(e) => return fail(failure(&a.file, &e, lang)),
        }
    };
    let written = target
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::write(&target, merged.to_csv()));
    if let Err(e) = written {
        return fail(gongkai::Error::write_failed(target.display(), &e).message(lang));
    }
    for f in &report.findings {
        crate::term::errln!("gongkai: {}: {}", t(lang, "警告", "warning"), f.message);
    }
    let years: Vec<String> = report.years.iter().map(i32::to_string).collect();
    match lang {
        Lang::Zh => crate::term::outln!(
            "已加入 {} 年的放假安排：{}（此后 deadline、audit 自动使用）",
            years.join("、"),
            target.display()
        ),
        Lang::En => crate::term::outln!(
            "Added the holiday schedule of {}: {} (deadline and audit use it from now on)",
            years.join(", "),
            target.display()
        ),
    }
    common::exit(common::OK)
}
