//! `gongkai site INPUT... -o DIR`: publishes catalogues as a static 基层政务公开专题 site.
//!
//! The core reads the inputs, builds the files, writes those that changed, removes the files of
//! its previous run that are no longer produced (only those its manifest lists) and never
//! overwrites a file it did not write ([`gongkai::site::publish`]); this command reports. Exit 0 when
//! the site is written, 1 when `--strict` refuses a catalogue with errors (nothing is written),
//! 2 when an input cannot be read, a file of someone else is in the way, or the output cannot
//! be written.

use crate::common;
use gongkai::site::{self, SiteOptions};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `gongkai site`.
#[derive(clap::Args)]
pub struct Args {
    /// 目录文件（.json、.csv、.xlsx、.xls、.html、.docx）或文件夹（读入其中及子文件夹中的这些文件）
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// 输出文件夹（不存在时新建；只改写本命令生成的文件）
    #[arg(short, long)]
    output: PathBuf,
    /// 公开记录（带 url、title 列）：一个文件，或一个文件夹（每份目录一个同名的记录表，如 城管局.xlsx 对应 城管局.csv）
    #[arg(long)]
    records: Option<PathBuf>,
    /// 专题名称（默认“某县基层政务公开专题”，不能确定县名时为“基层政务公开专题”）
    #[arg(long)]
    title: Option<String>,
    /// 网站地址（如 https://www.example.gov.cn/zt/jcgk/）：给出时生成 sitemap.xml
    #[arg(long)]
    base_url: Option<String>,
    /// 有错误的目录不予发布（此时什么也不写，退出码 1）
    #[arg(long)]
    strict: bool,
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    crate::term::errln!("gongkai site: {message}");
    common::exit(common::FAILURE)
}

/// Runs the command.
pub fn run(a: Args) -> ExitCode {
    let mut options = SiteOptions::default().strict(a.strict);
    if let Some(t) = &a.title {
        options = options.title(t.clone());
    }
    if let Some(u) = &a.base_url {
        options = options.base_url(u.clone());
    }
    let done = match site::publish(&a.inputs, &a.output, a.records.as_deref(), &options) {
        Ok(d) => d,
        Err(e) => return fail(e),
    };
    let (built, plan) = (&done.site, &done.plan);
    for c in &built.catalogues {
        let counts = &c.report.counts;
        let docs = if c.documents > 0 {
            format!("，{} 份已公开信息", c.documents)
        } else {
            String::new()
        };
        if c.refused {
            crate::term::errln!(
                "gongkai site: {}：有 {} 个错误，未发布：",
                c.name,
                counts.error
            );
            for i in c
                .report
                .issues
                .iter()
                .filter(|i| i.severity == gongkai::Severity::Error)
            {
                let at = i.location.as_ref().map_or_else(
                    || format!("{} ", i.path),
                    |l| {
                        let cell = format!("{}{}", l.column.as_deref().unwrap_or(""), l.row);
                        match &l.sheet {
                            Some(s) => format!("[{s}!{cell}] "),
                            None => format!("[{cell}] "),
                        }
                    },
                );
                crate::term::errln!("  {at}{}（{}）", i.message, i.code);
            }
        } else if counts.error > 0 {
            crate::term::errln!(
                "gongkai site: {} → {}（{} 项{docs}；有 {} 个错误、{} 个警告，照原样发布；gongkai validate {} 可列出全部问题）",
                c.name,
                c.page,
                c.items,
                counts.error,
                counts.warning,
                c.name
            );
        } else {
            crate::term::errln!(
                "gongkai site: {} → {}（{} 项{docs}）",
                c.name,
                c.page,
                c.items
            );
        }
    }
    for i in &built.issues {
        if i.code != "site.refused" {
            crate::term::errln!("gongkai site: 提示：{}", i.message);
        }
    }
    if built.refused {
        crate::term::errln!(
            "gongkai site: --strict：有目录存在错误，本次没有写入任何文件（{} 保持原样）",
            a.output.display()
        );
        return common::exit(common::DATA_ERRORS);
    }
    let written = plan.write.iter().filter(|p| *p != site::MANIFEST).count();
    let unchanged = plan
        .unchanged
        .iter()
        .filter(|p| *p != site::MANIFEST)
        .count();
    crate::term::errln!(
        "gongkai site: 已写入 {}：{} 份目录；更新 {} 个文件，{} 个未变，删除 {} 个{}",
        a.output.display(),
        built.catalogues.len(),
        written,
        unchanged,
        plan.remove.len(),
        if a.base_url.is_none() {
            "（未生成 sitemap.xml：需用 --base-url 给出网站地址）"
        } else {
            ""
        }
    );
    common::exit(common::OK)
}
