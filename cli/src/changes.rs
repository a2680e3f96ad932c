//! `gongkai changes OLD NEW [--format text|json|md|html]`: what changed between two versions of a
//! catalogue (JSON or tables), each change classed strengthened / weakened / neutral; `md` and
//! `html` write the 修订说明 a unit can publish. Exit 0 when nothing was weakened, 1 when
//! something was (a reviewer must approve it), 2 when a file cannot be read.

use crate::common;
use gongkai::diff::{self, ChangesOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Output format of `gongkai changes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ChangesFormat {
    // 终端摘要
    Text,
    // JSON 格式的变化报告
    Json,
    // Markdown 格式的修订说明
    Md,
    // HTML 网页格式的修订说明
    Html,
}

/// Arguments of `gongkai changes`.
#[derive(clap::Args)]
pub struct Args {
    /// 旧版本目录（.json、.csv、.xlsx、.html、.docx）
    old: PathBuf,
    /// 新版本目录（.json、.csv、.xlsx、.html、.docx）
    new: PathBuf,
    /// 输出格式：text、json、md（修订说明）或 html（修订说明网页）
    #[arg(long, value_enum, default_value = "text")]
    format: ChangesFormat,
    /// 消息语言
    #[arg(long, default_value = "zh")]
    lang: gongkai::Lang,
    /// 两个事项名称相似度达到多少（0–1）才视为同一事项（更名）
    #[arg(long, default_value_t = 0.6)]
    threshold: f64,
}

fn read(path: &Path) -> Result<gongkai::Catalogue<'static>, gongkai::Error> {
    let bytes = common::read_file(path)?;
    let options = gongkai::import::ImportOptions::default().file_name(path.to_string_lossy());
    Ok(gongkai::import::load(&bytes, &options)?.catalogue)
}

/// Runs the command.
pub fn run(a: Args) -> ExitCode {
    if !(0.0..=1.0).contains(&a.threshold) {
        eprintln!(
            "gongkai changes: --threshold 应在 0 到 1 之间，实际为 {}",
            a.threshold
        );
        return common::exit(common::FAILURE);
    }
    let mut cats = Vec::new();
    for p in [&a.old, &a.new] {
        match read(p) {
            Ok(c) => cats.push(c),
            Err(e) => {
                common::print_failure(p, &e, a.lang);
                return common::exit(common::FAILURE);
            }
        }
    }
    let options = ChangesOptions {
        lang: a.lang,
        threshold: a.threshold,
    };
    let report = diff::changes(&cats[0], &cats[1], &options);
    let text = match a.format {
        ChangesFormat::Text => report.to_text(),
        ChangesFormat::Json => {
            let mut s = report.to_json();
            s.push('\n');
            s
        }
        ChangesFormat::Md => report.to_markdown(),
        ChangesFormat::Html => report.to_html(),
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    common::exit(if report.weakened {
        common::DATA_ERRORS
    } else {
        common::OK
    })
}
