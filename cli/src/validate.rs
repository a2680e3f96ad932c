//! `gongkai validate FILE...`: validates catalogues (JSON, and tables once imported).

use crate::common::{self, Format};
use gongkai::{Issue, Report, Severity};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `gongkai validate`.
#[derive(clap::Args)]
pub struct Args {
    /// 目录文件（.json、.csv、.xlsx、.xls、.html、.docx）或文件夹（读取其中及子文件夹中的这些文件）；- 表示标准输入
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// 输出格式：text（便于阅读）或 json（与数据模型一致的报告；多个文件时每个文件一行）
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// 消息语言：zh（中文）或 en（English）
    #[arg(long, default_value = "zh")]
    lang: gongkai::Lang,
    /// 只报告不低于此级别的问题（info、warning、error）
    #[arg(long, default_value = "info")]
    min_severity: Severity,
    /// 今天的日期（YYYY-MM-DD），用于与日期有关的规则；不读取系统时钟
    #[arg(long, value_parser = common::date)]
    today: Option<chrono::NaiveDate>,
    /// 报告最多列出的问题数；超出的只计数，并以一条 report.truncated 警告说明另有多少、属于哪些代码
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    max_issues: usize,
    /// 遮盖报告中的个人信息（消息引用的值和序号；规则见 SECURITY.md）
    #[arg(long)]
    mask: bool,
    /// 依据库文件（JSON，格式见 docs/laws.md）：补充本地的法规、规章和规范性文件，与内置依据库合并
    #[arg(long, value_name = "FILE")]
    laws: Option<PathBuf>,
    /// 同时校验的文件数（默认为 CPU 核数）；输出顺序总与输入顺序相同
    #[arg(long, value_name = "N", value_parser = jobs)]
    jobs: Option<usize>,
    #[command(flatten)]
    table: common::TableArgs,
}

fn jobs(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!(
            "“{s}”不是正整数；--jobs 应为 1 或更大的整数（默认为 CPU 核数）"
        )),
    }
}

/// What one file gave: its verdict, and its output already rendered (by the worker thread).
enum Outcome {
    Valid,
    Invalid,
    Failed(gongkai::Error),
}

/// Runs the command.
pub fn run(a: Args) -> ExitCode {
    let mut options = gongkai::Options::default()
        .lang(a.lang)
        .min_severity(a.min_severity)
        .max_issues(a.max_issues)
        .mask_values(a.mask);
    if let Some(t) = a.today {
        options = options.today(t);
    }
    if let Some(path) = &a.laws {
        match common::load_laws(path, a.lang) {
            Ok(reg) => options = options.laws(reg),
            Err(e) => {
                common::print_failure(path, &e, a.lang);
                return common::exit(common::FAILURE);
            }
        }
    }
    let validator = gongkai::Validator::new(options);
    let entries = gongkai::batch::expand(&a.files);
    let many = entries.len() != 1 || a.files.iter().any(|p| p.as_os_str() != "-" && p.is_dir());
    let progress = many && common::stderr_is_terminal();
    let colour = a.format == Format::Text && common::colour_stdout();
    let text = a.format == Format::Text;
    let mut worst = common::OK;
    let (mut n_valid, mut n_invalid, mut n_failed) = (0usize, 0usize, 0usize);
    // Each worker renders its file's output (cleaned for text); the output goes out in order.
    let mut out = crate::term::stdout(false);
    // One file's JSON report is written straight to the output by the emitting thread (not
    // rendered into a buffer first), so that a large report is never held twice.
    let work = |k: usize| -> (Outcome, Vec<u8>, Option<Report>) {
        let Some(entry) = entries.get(k) else {
            return (
                Outcome::Failed(gongkai::Error::InvalidArgument(format!("no file {k}"))),
                Vec::new(),
                None,
            );
        };
        let path = &entry.path;
        if let Some(e) = &entry.error {
            return (Outcome::Failed(e.clone()), Vec::new(), None);
        }
        let import = a.table.options(path);
        // A large JSON file is validated as a stream (memory bounded by the report); the
        // report is the same.
        let result = if path.as_os_str() != "-"
            && gongkai::stream::is_json_name(&path.to_string_lossy())
        {
            // Not read by `read_file` (which tunes the allocator for what it reads): tuned here.
            if let Ok(m) = std::fs::metadata(path) {
                crate::alloc::for_input(m.len());
            }
            gongkai::stream::validate_json_file(&validator, path)
        } else {
            common::read_file(path).and_then(|bytes| validator.validate_bytes_owned(bytes, &import))
        };
        let mut buf = crate::term::Clean::new(Vec::new(), text);
        match result {
            Ok(report) => {
                let o = if report.valid {
                    Outcome::Valid
                } else {
                    Outcome::Invalid
                };
                let _ = match a.format {
                    Format::Json if many => writeln!(buf, "{}", json_line(path, &report)),
                    Format::Json => return (o, Vec::new(), Some(report)),
                    Format::Text => write_text(&mut buf, path, &report, a.lang, colour),
                };
                (o, buf.into_inner(), None)
            }
            Err(e) => (Outcome::Failed(e), Vec::new(), None),
        }
    };
    let threads = gongkai::batch::thread_count(a.jobs, entries.len());
    gongkai::batch::run_ordered(entries.len(), threads, work, |k, done| {
        let path = entries.get(k).map_or(Path::new("-"), |e| e.path.as_path());
        if progress {
            crate::term::err!(
                "{}[{}/{}] {}",
                crate::term::Raw("\r\x1b[K"),
                k + 1,
                entries.len(),
                path.display()
            );
        }
        let (outcome, bytes, report) = done.unwrap_or_else(|panic| {
            (
                Outcome::Failed(gongkai::Error::InvalidArgument(format!(
                    "内部错误（请报告此问题）：{panic}"
                ))),
                Vec::new(),
                None,
            )
        });
        let written = match outcome {
            Outcome::Valid | Outcome::Invalid => {
                if matches!(outcome, Outcome::Valid) {
                    n_valid += 1;
                } else {
                    n_invalid += 1;
                    worst = worst.max(common::DATA_ERRORS);
                }
                match report {
                    Some(report) => {
                        // Standard output flushes at each line: write through a buffer.
                        let mut w = std::io::BufWriter::with_capacity(1 << 16, &mut out);
                        serde_json::to_writer_pretty(&mut w, &report)
                            .map_err(std::io::Error::other)
                            .and_then(|()| writeln!(w))
                            .and_then(|()| w.flush())
                    }
                    None => out.write_all(&bytes),
                }
            }
            Outcome::Failed(e) => {
                n_failed += 1;
                worst = common::FAILURE;
                if progress {
                    crate::term::err!("{}", crate::term::Raw("\r\x1b[K"));
                }
                common::print_failure(path, &e, a.lang);
                if a.format == Format::Json && many {
                    let v = serde_json::json!({
                        "file": path.display().to_string(),
                        "error": { "code": e.code(), "message": e.message(a.lang) },
                    });
                    writeln!(out, "{v}")
                } else {
                    Ok(())
                }
            }
        };
        // Lines go out as files finish; a closed output (`| head`) stops the run.
        written.and_then(|()| out.flush()).is_ok()
    });
    if progress {
        crate::term::err!("{}", crate::term::Raw("\r\x1b[K"));
    }
    if many {
        let summary = if a.lang == gongkai::Lang::Zh {
            format!(
                "共 {} 个文件：{} 个通过，{} 个有错误，{} 个无法读取",
                entries.len(),
                n_valid,
                n_invalid,
                n_failed
            )
        } else {
            format!(
                "{} files: {} valid, {} with errors, {} could not be read",
                entries.len(),
                n_valid,
                n_invalid,
                n_failed
            )
        };
        if text {
            let _ = writeln!(out, "{summary}");
        } else {
            crate::term::errln!("{summary}");
        }
    }
    common::exit(worst)
}

fn json_line(path: &Path, report: &Report) -> String {
    let mut v = serde_json::to_value(report).unwrap_or_default();
    if let serde_json::Value::Object(m) = &mut v {
        m.insert(
            "file".into(),
            serde_json::Value::String(path.display().to_string()),
        );
    }
    v.to_string()
}

fn write_text(
    out: &mut impl Write,
    path: &Path,
    r: &Report,
    lang: gongkai::Lang,
    colour: bool,
) -> std::io::Result<()> {
    let zh = lang == gongkai::Lang::Zh;
    let verdict = match (r.valid, zh) {
        (true, true) => crate::term::paint(colour, "32", "通过"),
        (false, true) => crate::term::paint(colour, "31;1", "未通过"),
        (true, false) => crate::term::paint(colour, "32", "valid"),
        (false, false) => crate::term::paint(colour, "31;1", "not valid"),
    };
    if zh {
        writeln!(
            out,
            "{}：{verdict}（{} 项；{} 个错误，{} 个警告，{} 个提示）",
            path.display(),
            r.items,
            r.counts.error,
            r.counts.warning,
            r.counts.info
        )?;
    } else {
        writeln!(
            out,
            "{}: {verdict} ({} items; {} errors, {} warnings, {} info)",
            path.display(),
            r.items,
            r.counts.error,
            r.counts.warning,
            r.counts.info
        )?;
    }
    // Group by item: the catalogue's own issues first, then each item's, in item order (a stable
    // sort, O(n log n)), so every group appears once; a group's label is read from its run
    // alone, which keeps the report linear in the issues.
    let mut order: Vec<&Issue> = r.issues.iter().collect();
    order.sort_by_key(|i| item_index(i).map_or(0, |n| n + 1));
    let mut current: Option<Option<usize>> = None;
    for (k, i) in order.iter().enumerate() {
        let idx = item_index(i);
        if current != Some(idx) {
            let run = order[k..]
                .iter()
                .copied()
                .take_while(|j| item_index(j) == idx);
            writeln!(
                out,
                "  {}",
                crate::term::paint(colour, "1", group_label(run, idx, zh))
            )?;
            current = Some(idx);
        }
        let sev = match (i.severity, zh) {
            (Severity::Error, true) => crate::term::paint(colour, "31", "错误"),
            (Severity::Warning, true) => crate::term::paint(colour, "33", "警告"),
            (Severity::Info, true) => crate::term::paint(colour, "36", "提示"),
            (Severity::Error, false) => crate::term::paint(colour, "31", "error"),
            (Severity::Warning, false) => crate::term::paint(colour, "33", "warning"),
            (Severity::Info, false) => crate::term::paint(colour, "36", "info"),
        };
        let loc = i.location.as_ref().map_or_else(String::new, |l| {
            let cell = format!("{}{}", l.column.as_deref().unwrap_or(""), l.row);
            match &l.sheet {
                Some(s) => format!(" [{s}!{cell}]"),
                None => format!(" [{cell}]"),
            }
        });
        writeln!(
            out,
            "    {sev} {}{loc}  {}",
            i.message,
            crate::term::paint(colour, "2", format!("{} {}", i.code, i.path))
        )?;
    }
    Ok(())
}

fn item_index(i: &Issue) -> Option<usize> {
    i.path
        .strip_prefix("/items/")
        .and_then(|r| r.split('/').next())
        .and_then(|n| n.parse().ok())
}

fn group_label<'a>(
    run: impl Iterator<Item = &'a Issue> + Clone,
    idx: Option<usize>,
    zh: bool,
) -> String {
    let Some(n) = idx else {
        return if zh { "目录" } else { "Catalogue" }.to_owned();
    };
    let mut label = if zh {
        format!("第 {} 项", n + 1)
    } else {
        format!("Item {}", n + 1)
    };
    if let Some(id) = run.clone().find_map(|i| i.item_id.as_deref()) {
        if zh {
            label.push_str(&format!("（序号 {}）", gongkai::excerpt(id, 20)));
        } else {
            label.push_str(&format!(" (no. {}) ", gongkai::excerpt(id, 20)));
        }
    }
    if let Some(name) = run.clone().find_map(|i| i.params.get("item")) {
        label.push_str(&gongkai::excerpt(name, 40));
    }
    label
}
