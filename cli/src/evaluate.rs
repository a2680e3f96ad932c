//! `gongkai evaluate INPUT... -o OUT`: the quarterly 监督评价 across units.
//!
//! The core does the work ([`gongkai::evaluate::evaluate_paths`]); this command checks the
//! arguments, shows progress on a terminal and writes each output by its extension (`.json`,
//! `.html`, `.xlsx`). Exit 0 when the report was written (whatever the scores), 2 when no unit
//! could be read, an argument is wrong or an output cannot be written.

use crate::common;
use gongkai::Lang;
use gongkai::evaluate::{self, EvaluateOptions, Evaluation, Reference, Scoring};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `gongkai evaluate`.
#[derive(clap::Args)]
pub struct Args {
    /// 目录文件（.json、.csv、.xlsx、.xls、.html）或文件夹；每个文件是一个单位，以文件名命名（去掉开头的 NN- 序号）
    #[arg(required_unless_present = "manifest")]
    inputs: Vec<PathBuf>,
    /// 输出文件：.json（报告）、.html（通报）、.xlsx（工作簿）；可多次给出
    #[arg(short, long, required = true)]
    output: Vec<PathBuf>,
    /// 上级标准目录：内置名称（如 municipal_services）或目录文件；默认按各单位的领域取内置目录
    #[arg(long)]
    reference: Option<String>,
    /// 公开记录：一个文件，或一个文件夹（与目录文件同名，如 城管局.xlsx 对应 城管局.csv）
    #[arg(long)]
    records: Option<PathBuf>,
    /// 单位清单（CSV：unit,catalogue,records,parent；路径相对于清单所在文件夹）
    #[arg(long)]
    manifest: Option<PathBuf>,
    /// 扣分表（JSON 或 TOML，只需写出要改的类别；默认见 data/evaluation-scoring.json）
    #[arg(long)]
    scoring: Option<PathBuf>,
    /// 评价日期（YYYY-MM-DD）：截止日已过仍未公开的记录按超期未公开计；不给出时不判断超期
    #[arg(long, value_parser = common::date)]
    today: Option<chrono::NaiveDate>,
    /// 语言
    #[arg(long, default_value = "zh")]
    lang: gongkai::Lang,
    /// 通报标题（默认“政务公开监督评价通报”）
    #[arg(long)]
    title: Option<String>,
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    crate::term::errln!("gongkai evaluate: {message}");
    common::exit(common::FAILURE)
}

#[derive(Clone, Copy)]
enum Out {
    Json,
    Html,
    Xlsx,
}

fn kind(p: &Path) -> Option<Out> {
    let ext = p.extension()?.to_string_lossy().to_ascii_lowercase();
    match ext.as_str() {
        "json" => Some(Out::Json),
        "html" | "htm" => Some(Out::Html),
        "xlsx" => Some(Out::Xlsx),
        _ => None,
    }
}

fn reference(arg: &str) -> Result<Reference, String> {
    if gongkai::diff::REFERENCE_NAMES.contains(&arg) {
        return Reference::embedded(arg).map_err(|e| e.to_string());
    }
    let p = Path::new(arg);
    if !p.exists() {
        return Err(format!(
            "--reference {arg}：既不是内置上级标准目录（{}），也不是存在的文件",
            gongkai::diff::REFERENCE_NAMES.join("、")
        ));
    }
    let bytes = common::read_file(p).map_err(|e| e.to_string())?;
    Reference::load(&bytes, arg).map_err(|e| format!("--reference {arg}：{e}"))
}

fn render(e: &Evaluation, out: Out) -> Result<Vec<u8>, String> {
    Ok(match out {
        Out::Json => {
            let mut s = e.to_json_pretty();
            s.push('\n');
            s.into_bytes()
        }
        Out::Html => evaluate::to_html(e).into_bytes(),
        Out::Xlsx => evaluate::to_xlsx(e).map_err(|x| x.to_string())?,
    })
}

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), |v| format!("{:.1}%", v * 100.0))
}

/// Runs the command.
pub fn run(a: Args) -> ExitCode {
    let lang: Lang = a.lang;
    let mut outs = Vec::new();
    for o in &a.output {
        match kind(o) {
            Some(k) => outs.push((o.clone(), k)),
            None => {
                return fail(format!(
                    "{}：输出格式按扩展名决定，应为 .json、.html 或 .xlsx",
                    o.display()
                ));
            }
        }
    }
    let mut options = EvaluateOptions::default().lang(lang);
    if let Some(t) = a.today {
        options = options.today(t);
    }
    if let Some(t) = &a.title {
        options = options.title(t.clone());
    }
    if let Some(r) = &a.reference {
        match reference(r) {
            Ok(r) => options = options.reference(r),
            Err(e) => return fail(e),
        }
    }
    if let Some(s) = &a.scoring {
        let bytes = match common::read_file(s) {
            Ok(b) => b,
            Err(e) => return fail(e),
        };
        match Scoring::from_file_bytes(&bytes, &s.to_string_lossy()) {
            Ok(s) => options = options.scoring(s),
            Err(e) => return fail(format!("{}：{e}", s.display())),
        }
    }
    let terminal = common::stderr_is_terminal();
    let progress = |done: usize, total: usize, unit: &str| {
        let width = 24;
        let filled = done * width / total.max(1);
        crate::term::err!(
            "{}[{}{}] {done}/{total} {unit}",
            crate::term::Raw("\r\x1b[K"),
            "#".repeat(filled),
            "-".repeat(width - filled)
        );
    };
    let report = match evaluate::evaluate_paths(
        &a.inputs,
        a.records.as_deref(),
        a.manifest.as_deref(),
        &a.output,
        &options,
        if terminal { Some(&progress) } else { None },
    ) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    if terminal {
        crate::term::err!("{}", crate::term::Raw("\r\x1b[K"));
    }
    for i in &report.issues {
        crate::term::errln!("gongkai evaluate: {}：{}", i.severity.name(lang), i.message);
    }
    for u in &report.units {
        match (&u.error, u.score, u.rank) {
            (Some(e), _, _) => crate::term::errln!("  —  {}：{}", u.unit, e.message),
            (None, Some(s), Some(r)) => crate::term::errln!(
                "  {r:>2}. {}  {s:.1} 分（{} 项；错误 {}，警告 {}；按时公开率 {}）",
                u.unit,
                u.items,
                u.counts.error,
                u.counts.warning,
                pct(u.publication.as_ref().and_then(|p| p.on_time_rate)),
            ),
            _ => {}
        }
    }
    if report.summary.evaluated == 0 {
        return fail(if report.units.is_empty() {
            "没有可评价的单位：请给出目录文件、含目录文件的文件夹或单位清单".to_owned()
        } else {
            "没有一个单位的目录能够读取，未写出报告".to_owned()
        });
    }
    for (path, k) in &outs {
        let bytes = match render(&report, *k) {
            Ok(b) => b,
            Err(e) => return fail(format!("{}：{e}", path.display())),
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            if let Err(e) = std::fs::create_dir_all(parent) {
                return fail(format!("无法创建 {}：{e}", parent.display()));
            }
        }
        if let Err(e) = std::fs::write(path, bytes) {
            return fail(format!("无法写入 {}：{e}", path.display()));
        }
    }
    let s = &report.summary;
    crate::term::errln!(
        "gongkai evaluate: 已写入 {}：{} 个单位（{} 个已评分，{} 个无法读取），平均 {} 分",
        a.output
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join("、"),
        s.units,
        s.evaluated,
        s.unreadable,
        s.mean_score
            .map_or_else(|| "—".to_owned(), |m| format!("{m:.1}"))
    );
    common::exit(common::OK)
}
