//! `gongkai annotate IN -o OUT.xlsx`: writes a copy of the user's table with every problem
//! marked on its cell (fill and note) and a sheet listing all problems with links.
//!
//! Exit 0 when the data has no error, 1 when it has errors, 2 when the input cannot be read,
//! OUT is not an `.xlsx` or is the input file, or OUT cannot be written. One summary line (and
//! what the copy could not carry over, if anything) goes to stderr.

use crate::common;
use gongkai::Lang;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `gongkai annotate`.
#[derive(clap::Args)]
pub struct Args {
    /// 目录表格（.xlsx、.csv、.html、.docx）
    input: PathBuf,
    /// 输出的标注工作簿（.xlsx），不能与输入文件相同
    #[arg(short, long)]
    output: PathBuf,
    /// 消息和问题清单的语言
    #[arg(long, default_value = "zh")]
    lang: gongkai::Lang,
    /// 今天的日期（YYYY-MM-DD），用于与日期有关的规则；不读取系统时钟
    #[arg(long, value_parser = common::date)]
    today: Option<chrono::NaiveDate>,
    /// 依据库文件（JSON，格式见 docs/laws.md）：补充本地的法规、规章和规范性文件
    #[arg(long, value_name = "FILE")]
    laws: Option<PathBuf>,
    /// 遮盖批注和问题清单中的个人信息（消息引用的值和序号；工作簿中的原有数据不变）
    #[arg(long)]
    mask: bool,
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    crate::term::errln!("gongkai annotate: {message}");
    common::exit(common::FAILURE)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Runs the command.
pub fn run(a: Args) -> ExitCode {
    let is_xlsx = a
        .output
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if !is_xlsx {
        return fail(format!(
            "标注结果是 Excel 工作簿，输出文件名应以 .xlsx 结尾：{}",
            a.output.display()
        ));
    }
    if same_file(&a.input, &a.output) {
        return fail(format!(
            "输出文件与输入文件相同（{}），拒绝覆盖；请换一个输出文件名",
            a.output.display()
        ));
    }
    let lang: Lang = a.lang;
    let mut options = gongkai::Options::default().lang(lang).mask_values(a.mask);
    if let Some(t) = a.today {
        options = options.today(t);
    }
    if let Some(path) = &a.laws {
        match common::load_laws(path, lang) {
            Ok(reg) => options = options.laws(reg),
            Err(e) => return fail(format!("{}: {e}", path.display())),
        }
    }
    let validator = gongkai::Validator::new(options);
    let name = a.input.to_string_lossy();
    let result = common::read_file(&a.input)
        .and_then(|bytes| gongkai::annotate::annotate(&bytes, Some(&name), &validator));
    let out = match result {
        Ok(o) => o,
        Err(e) => {
            common::print_failure(&a.input, &e, lang);
            return common::exit(common::FAILURE);
        }
    };
    if let Err(e) = std::fs::write(&a.output, &out.workbook) {
        return fail(gongkai::Error::write_failed(a.output.display(), &e).message(lang));
    }
    let r = &out.report;
    let summary = match lang {
        Lang::Zh => format!(
            "已写入 {}（{} 项；{} 个错误，{} 个警告，{} 个提示；{} 个单元格有批注，问题清单见工作表“{}”）",
            a.output.display(),
            r.items,
            r.counts.error,
            r.counts.warning,
            r.counts.info,
            out.cells_marked,
            out.issues_sheet
        ),
        Lang::En => format!(
            "wrote {} ({} items; {} errors, {} warnings, {} infos; {} cells have notes, all issues on sheet “{}”)",
            a.output.display(),
            r.items,
            r.counts.error,
            r.counts.warning,
            r.counts.info,
            out.cells_marked,
            out.issues_sheet
        ),
    };
    crate::term::errln!("gongkai annotate: {summary}");
    for n in &out.notes {
        crate::term::errln!("  {n}");
    }
    common::exit(if r.valid {
        common::OK
    } else {
        common::DATA_ERRORS
    })
}
