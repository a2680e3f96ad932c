//! `gongkai convert IN -o OUT`: converts a catalogue between JSON, CSV, XLSX, HTML and Markdown.
//!
//! The input format comes from the input's extension, else its content (JSON is read with
//! `Catalogue::from_json`, tables with the importer); the output format from OUT's extension,
//! or `--format`. Exit 0 on success, 2 when the input cannot be read, the output format is
//! unknown, OUT is the input file, or the output cannot be written.

use crate::common;
use gongkai::Catalogue;
use gongkai::export::{self, CsvOptions, HtmlOptions, LevelColumns, XlsxOptions};
use gongkai::import;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutFormat {
    // The canonical JSON (pretty-printed).
    Json,
    // CSV (UTF-8 with BOM, the standard two-row header).
    Csv,
    // Excel workbook (the standard two-row header).
    Xlsx,
    // A self-contained HTML page.
    Html,
    // Markdown (GitHub table).
    Md,
}

impl OutFormat {
    fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "json" => OutFormat::Json,
            "csv" => OutFormat::Csv,
            "xlsx" => OutFormat::Xlsx,
            "html" | "htm" => OutFormat::Html,
            "md" | "markdown" => OutFormat::Md,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            OutFormat::Json => "JSON",
            OutFormat::Csv => "CSV",
            OutFormat::Xlsx => "XLSX",
            OutFormat::Html => "HTML",
            OutFormat::Md => "Markdown",
        }
    }
}

/// Which 公开层级 columns a table gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LevelsArg {
    // 市级、县级、乡级、村级 always.
    All,
    // Only the levels some item ticks.
    Used,
}

/// Arguments of `gongkai convert`.
#[derive(clap::Args)]
pub struct Args {
    /// 输入文件（.json、.csv、.xlsx、.html、.docx）
    input: PathBuf,
    /// 输出文件，格式由扩展名决定（.json、.csv、.xlsx、.html/.htm、.md）；“-”表示标准输出（须同时给出 --format）
    #[arg(short, long)]
    output: PathBuf,
    /// 指定输出格式（不按扩展名判断）
    #[arg(long, value_enum)]
    format: Option<OutFormat>,
    /// 表格中的公开层级列：all（市级、县级、乡级、村级）或 used（只列出用到的层级）
    #[arg(long, value_enum, default_value = "all")]
    levels: LevelsArg,
    /// 遮盖个人信息（任何输出格式）：6位以上的数字、分组书写的电话号码、电子邮箱的用户名、“联系人：”等之后的姓名（规则见 SECURITY.md）
    #[arg(long)]
    mask: bool,
    #[command(flatten)]
    table: common::TableArgs,
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    crate::term::errln!("gongkai convert: {message}");
    common::exit(common::FAILURE)
}

fn read_catalogue(
    path: &Path,
    table: &common::TableArgs,
) -> Result<Catalogue<'static>, gongkai::Error> {
    let bytes = common::read_file(path)?;
    let options = table.options(path);
    Ok(import::load(&bytes, &options)?.catalogue)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Runs the command.
pub fn run(a: Args) -> ExitCode {
    let to_stdout = a.output.as_os_str() == "-";
    let format = match a.format.or_else(|| OutFormat::from_path(&a.output)) {
        Some(f) => f,
        None if to_stdout => return fail("输出到标准输出（-o -）时须用 --format 指定格式"),
        None => {
            return fail(format!(
                "无法从扩展名判断输出格式：{}；请使用 .json、.csv、.xlsx、.html 或 .md，或用 --format 指定",
                a.output.display()
            ));
        }
    };
    if !to_stdout && same_file(&a.input, &a.output) {
        return fail(format!(
            "输出文件与输入文件相同（{}），拒绝覆盖；请换一个输出文件名",
            a.output.display()
        ));
    }
    let cat = match read_catalogue(&a.input, &a.table) {
        Ok(c) => c,
        Err(e) => {
            common::print_failure(&a.input, &e, gongkai::Lang::Zh);
            return common::exit(common::FAILURE);
        }
    };
    // One masking function for every format: the catalogue is masked before it is written.
    let cat = if a.mask {
        gongkai::mask::mask_catalogue(&cat)
    } else {
        cat
    };
    let levels = match a.levels {
        LevelsArg::All => LevelColumns::All,
        LevelsArg::Used => LevelColumns::Used,
    };
    let bytes = match format {
        OutFormat::Json => {
            let mut s = cat.to_json_pretty();
            s.push('\n');
            s.into_bytes()
        }
        OutFormat::Csv => export::to_csv(&cat, &CsvOptions::default().levels(levels)),
        OutFormat::Xlsx => match export::to_xlsx(&cat, &XlsxOptions::default().levels(levels)) {
            Ok(b) => b,
            Err(e) => return fail(e),
        },
        OutFormat::Html => {
            export::to_html(&cat, &HtmlOptions::default().levels(levels)).into_bytes()
        }
        OutFormat::Md => export::to_markdown(&cat).into_bytes(),
    };
    if matches!(format, OutFormat::Csv | OutFormat::Xlsx) {
        warn_losses(&cat);
    }
    let written = if to_stdout {
        std::io::stdout().lock().write_all(&bytes)
    } else {
        std::fs::write(&a.output, &bytes)
    };
    if let Err(e) = written {
        return fail(gongkai::Error::write_failed(a.output.display(), &e));
    }
    if !to_stdout {
        crate::term::errln!(
            "gongkai convert: 已写入 {}（{}，{} 项）",
            a.output.display(),
            format.name(),
            cat.items.len()
        );
    }
    common::exit(common::OK)
}

/// Tells the user which values a table cannot give back on re-import.
fn warn_losses(cat: &Catalogue<'_>) {
    const SHOWN: usize = 10;
    let losses = export::table_losses(cat);
    if losses.is_empty() {
        return;
    }
    crate::term::errln!(
        "gongkai convert: 提示：{} 处数据写入表格后再导入时不能原样还原：",
        losses.len()
    );
    for l in losses.iter().take(SHOWN) {
        crate::term::errln!("  {}：{}", l.path, l.message);
    }
    if losses.len() > SHOWN {
        crate::term::errln!("  ……另有 {} 处", losses.len() - SHOWN);
    }
}
