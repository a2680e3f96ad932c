//! `gongkai diff REFERENCE LOCAL`: checks a catalogue against the upper-level standard
//! (对照上级标准目录), or two linked catalogues against each other (`--consistency`).

use crate::common::{self, Format};
use gongkai::diff::{self, DiffFinding, DiffMode, DiffOptions, DiffReport, MatchStatus};
use gongkai::{Lang, Severity};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `gongkai diff`.
#[derive(clap::Args)]
pub struct Args {
    /// 上级标准目录：文件（.json、.csv、.xlsx、.html、.docx），或内置目录名 municipal_services
    reference: String,
    /// 本目录文件（.json、.csv、.xlsx、.html、.docx）
    local: PathBuf,
    /// 输出格式：text（便于阅读）或 json（对照报告）
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// 消息语言：zh（中文）或 en（English）
    #[arg(long, default_value = "zh")]
    lang: gongkai::Lang,
    /// 衔接检查：两份目录（如县级与村级）共有的事项，公开内容和公开时限是否一致
    #[arg(long)]
    consistency: bool,
    /// 只报告不低于此级别的问题（info、warning、error）
    #[arg(long, default_value = "info")]
    min_severity: Severity,
    /// 两个事项名称相似度达到多少（0–1）才视为同一事项
    #[arg(long, default_value_t = 0.6)]
    threshold: f64,
    /// 读取两份目录中的表格时使用（两份都适用）
    #[command(flatten)]
    table: common::TableArgs,
}

struct Input {
    catalogue: gongkai::Catalogue<'static>,
    sources: Option<gongkai::SourceMap>,
    label: String,
}

fn read(path: &Path, table: &common::TableArgs) -> Result<Input, gongkai::Error> {
    let bytes = common::read_file(path)?;
    let options = table.options(path);
    let loaded = gongkai::import::load(&bytes, &options)?;
    Ok(Input {
        catalogue: loaded.catalogue,
        sources: loaded.sources,
        label: path.display().to_string(),
    })
}

fn read_reference(spec: &str, table: &common::TableArgs) -> Result<Input, gongkai::Error> {
    match diff::ReferenceSpec::parse(spec, |p| Path::new(p).exists())? {
        diff::ReferenceSpec::BuiltIn(name) => Ok(Input {
            // Embedded and tested: present for every name `parse` gives.
            catalogue: diff::reference(name)
                .ok_or_else(|| gongkai::Error::InvalidArgument(name.into()))?,
            sources: None,
            label: format!("{name}（内置）"),
        }),
        diff::ReferenceSpec::File(path) => read(Path::new(path), table),
    }
}

/// Runs the command.
pub fn run(a: Args) -> ExitCode {
    let reference = match read_reference(&a.reference, &a.table) {
        Ok(r) => r,
        Err(e) => {
            common::print_failure(Path::new(&a.reference), &e, a.lang);
            return common::exit(common::FAILURE);
        }
    };
    let local = match read(&a.local, &a.table) {
        Ok(l) => l,
        Err(e) => {
            common::print_failure(&a.local, &e, a.lang);
            return common::exit(common::FAILURE);
        }
    };
    let lang: Lang = a.lang;
    let options = DiffOptions::default()
        .lang(lang)
        .min_severity(a.min_severity)
        .threshold(a.threshold)
        .checked();
    let options = match options {
        Ok(o) => o,
        Err(e) => {
            eprintln!("gongkai diff: {e}");
            return common::exit(common::FAILURE);
        }
    };
    let report = if a.consistency {
        diff::consistency(&reference.catalogue, &local.catalogue, &options)
    } else {
        diff::diff(&reference.catalogue, &local.catalogue, &options)
    }
    .with_locations(reference.sources.as_ref(), local.sources.as_ref());
    let mut out = crate::term::stdout(a.format == Format::Text);
    let _ = match a.format {
        Format::Json => writeln!(out, "{}", report.to_json_pretty()),
        Format::Text => write_text(
            &mut out,
            &reference.label,
            &local.label,
            &report,
            &Sides {
                reference: &reference.catalogue,
                local: &local.catalogue,
            },
            lang,
            common::colour_stdout(),
        ),
    };
    common::exit(if report.valid {
        common::OK
    } else {
        common::DATA_ERRORS
    })
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// An item as people name it: `第 4 项（序号 3）` (`item 4 (no. 3)`) for a JSON Pointer into
/// `cat`'s items, the pointer itself for anything else.
fn item_label(cat: &gongkai::Catalogue<'_>, pointer: &str, zh: bool) -> String {
    let Some(n) = pointer
        .strip_prefix("/items/")
        .and_then(|r| r.split('/').next())
        .and_then(|n| n.parse::<usize>().ok())
    else {
        return pointer.to_owned();
    };
    let id = cat
        .items
        .get(n)
        .map(|i| i.id.trim())
        .filter(|id| !id.is_empty());
    match (id, zh) {
        (Some(id), true) => format!("第 {} 项（序号 {}）", n + 1, gongkai::excerpt(id, 20)),
        (None, true) => format!("第 {} 项", n + 1),
        (Some(id), false) => format!("item {} (no. {})", n + 1, gongkai::excerpt(id, 20)),
        (None, false) => format!("item {}", n + 1),
    }
}

struct Sides<'a> {
    reference: &'a gongkai::Catalogue<'a>,
    local: &'a gongkai::Catalogue<'a>,
}

fn write_text(
    out: &mut impl Write,
    ref_label: &str,
    local_label: &str,
    r: &DiffReport,
    sides: &Sides<'_>,
    lang: Lang,
    colour: bool,
) -> std::io::Result<()> {
    let zh = lang == Lang::Zh;
    let c = &r.coverage;
    match (r.mode, zh) {
        (DiffMode::Diff, true) => {
            writeln!(
                out,
                "上级标准目录：{}（{}，{} 项）",
                r.reference.title, ref_label, r.reference.items
            )?;
            writeln!(
                out,
                "本目录：{}（{}，{} 项）",
                r.local.title, local_label, r.local.items
            )?;
            writeln!(
                out,
                "覆盖：上级事项 {} 项，已列入 {} 项（{}），完整保留 {} 项（{}），弱化 {} 项，未能完全核对 {} 项；缺失 {} 项，对应不明 {} 项；本地增补 {} 项",
                c.reference_items,
                c.matched,
                pct(c.present_share),
                c.fully_kept,
                pct(c.fully_kept_share),
                c.weakened,
                c.unverified,
                c.missing,
                c.ambiguous,
                c.local_additions
            )?;
        }
        (DiffMode::Diff, false) => {
            writeln!(
                out,
                "Upper-level standard: {} ({}, {} items)",
                r.reference.title, ref_label, r.reference.items
            )?;
            writeln!(
                out,
                "This catalogue: {} ({}, {} items)",
                r.local.title, local_label, r.local.items
            )?;
            writeln!(
                out,
                "Coverage: {} upper-level items, {} present ({}), {} fully kept ({}), {} weakened, {} not fully checked; {} missing, {} ambiguous; {} local additions",
                c.reference_items,
                c.matched,
                pct(c.present_share),
                c.fully_kept,
                pct(c.fully_kept_share),
                c.weakened,
                c.unverified,
                c.missing,
                c.ambiguous,
                c.local_additions
            )?;
        }
        (DiffMode::Consistency, true) => {
            writeln!(
                out,
                "衔接检查：{}（{}，{} 项）",
                r.reference.title, ref_label, r.reference.items
            )?;
            writeln!(
                out,
                "　　　　与 {}（{}，{} 项）",
                r.local.title, local_label, r.local.items
            )?;
            writeln!(
                out,
                "共有事项 {} 项：一致 {} 项，不一致 {} 项；对应不明 {} 项",
                c.matched, c.fully_kept, c.weakened, c.ambiguous
            )?;
        }
        (DiffMode::Consistency, false) => {
            writeln!(
                out,
                "Consistency: {} ({}, {} items)",
                r.reference.title, ref_label, r.reference.items
            )?;
            writeln!(
                out,
                "        and {} ({}, {} items)",
                r.local.title, local_label, r.local.items
            )?;
            writeln!(
                out,
                "{} shared items: {} consistent, {} inconsistent; {} ambiguous",
                c.matched, c.fully_kept, c.weakened, c.ambiguous
            )?;
        }
    }
    let verdict = match (r.valid, zh) {
        (true, true) => crate::term::paint(colour, "32", "通过"),
        (false, true) => crate::term::paint(colour, "31;1", "未通过"),
        (true, false) => crate::term::paint(colour, "32", "passed"),
        (false, false) => crate::term::paint(colour, "31;1", "failed"),
    };
    if zh {
        writeln!(
            out,
            "结论：{verdict}（{} 个错误，{} 个警告，{} 个提示）",
            r.counts.error, r.counts.warning, r.counts.info
        )?;
    } else {
        writeln!(
            out,
            "Result: {verdict} ({} errors, {} warnings, {} notes)",
            r.counts.error, r.counts.warning, r.counts.info
        )?;
    }

    if !r.matches.is_empty() {
        writeln!(
            out,
            "{}",
            if zh {
                "事项对应："
            } else {
                "Matched items:"
            }
        )?;
        for m in &r.matches {
            let status = match (m.status, zh) {
                (MatchStatus::Kept, true) => crate::term::paint(colour, "32", "完整保留"),
                (MatchStatus::Weakened, true) => crate::term::paint(colour, "31", "被弱化"),
                (MatchStatus::Unverified, true) => crate::term::paint(colour, "33", "未能完全核对"),
                (MatchStatus::Consistent, true) => crate::term::paint(colour, "32", "一致"),
                (MatchStatus::Inconsistent, true) => crate::term::paint(colour, "33", "不一致"),
                (MatchStatus::Kept, false) => crate::term::paint(colour, "32", "kept"),
                (MatchStatus::Weakened, false) => crate::term::paint(colour, "31", "weakened"),
                (MatchStatus::Unverified, false) => {
                    crate::term::paint(colour, "33", "not fully checked")
                }
                (MatchStatus::Consistent, false) => crate::term::paint(colour, "32", "consistent"),
                (MatchStatus::Inconsistent, false) => {
                    crate::term::paint(colour, "33", "inconsistent")
                }
            };
            let sep = if zh { "" } else { " " };
            writeln!(
                out,
                "  {}{sep}{} ↔ {}{sep}{}  [{:.2} {}] {status}",
                item_label(sides.reference, &m.reference_path, zh),
                m.reference_name,
                item_label(sides.local, &m.local_path, zh),
                m.local_name,
                m.score,
                m.reason
            )?;
        }
    }
    if !r.findings.is_empty() {
        writeln!(out, "{}", if zh { "问题：" } else { "Findings:" })?;
        for f in &r.findings {
            write_finding(out, f, sides, zh, colour)?;
        }
    }
    Ok(())
}

fn write_finding(
    out: &mut impl Write,
    f: &DiffFinding,
    sides: &Sides<'_>,
    zh: bool,
    colour: bool,
) -> std::io::Result<()> {
    let sev = match (f.severity, zh) {
        (Severity::Error, true) => crate::term::paint(colour, "31", "错误"),
        (Severity::Warning, true) => crate::term::paint(colour, "33", "警告"),
        (Severity::Info, true) => crate::term::paint(colour, "36", "提示"),
        (Severity::Error, false) => crate::term::paint(colour, "31", "error"),
        (Severity::Warning, false) => crate::term::paint(colour, "33", "warning"),
        (Severity::Info, false) => crate::term::paint(colour, "36", "info"),
    };
    let reference_path = f
        .reference_path()
        .map(|p| item_label(sides.reference, p, zh));
    let local_path = f.local_path().map(|p| item_label(sides.local, p, zh));
    let paths = match (reference_path.as_deref(), local_path.as_deref()) {
        (Some(r), Some(l)) => format!("{r} → {l}"),
        (Some(r), None) => format!("{r} → –"),
        (None, Some(l)) => format!("– → {l}"),
        (None, None) => String::new(),
    };
    let loc = f.local_location().map_or_else(String::new, |l| {
        let cell = format!("{}{}", l.column.as_deref().unwrap_or(""), l.row);
        match &l.sheet {
            Some(s) => format!(" [{s}!{cell}]"),
            None => format!(" [{cell}]"),
        }
    });
    writeln!(
        out,
        "  {sev} {}{loc}  {}",
        f.message,
        crate::term::paint(colour, "2", format!("{} {paths}", f.code))
    )
}
