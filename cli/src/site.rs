//! `gongkai site INPUT... -o DIR`: publishes catalogues as a static 基层政务公开专题 site.
//!
//! The core builds the files ([`gongkai::site::build`]); this command reads the inputs, writes
//! the files that changed, removes the files of its previous run that are no longer produced
//! (only those its manifest lists) and never overwrites a file it did not write. Exit 0 when
//! the site is written, 1 when `--strict` refuses a catalogue with errors (nothing is written),
//! 2 when an input cannot be read, a file of someone else is in the way, or the output cannot
//! be written.

use crate::common;
use gongkai::site::{self, Input, RecordsInput, Site, SiteOptions, SyncPlan};
use std::path::{Path, PathBuf};
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

/// The files of a folder whose names pass `keep`, sorted; sub-folders too when `recursive`
/// (hidden ones and `skip` left out).
fn folder_files(
    dir: &Path,
    recursive: bool,
    skip: Option<&Path>,
    keep: fn(&str) -> bool,
    out: &mut Vec<PathBuf>,
) -> Result<(), String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| gongkai::Error::read_failed(dir.display(), &e).to_string())?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if p.is_dir() {
            let skipped = skip.is_some_and(|s| same_path(&p, s));
            if recursive && !name.starts_with('.') && !skipped {
                folder_files(&p, recursive, skip, keep, out)?;
            }
        } else if keep(&name) {
            out.push(p);
        }
    }
    Ok(())
}

fn same_path(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Reads every catalogue (files as given, folders expanded).
fn read_inputs(args: &Args) -> Result<Vec<Input>, String> {
    let mut paths = Vec::new();
    for p in &args.inputs {
        if p.is_dir() {
            let before = paths.len();
            folder_files(
                p,
                true,
                Some(&args.output),
                site::is_catalogue_file,
                &mut paths,
            )?;
            if paths.len() == before {
                return Err(format!(
                    "{}：文件夹中没有目录文件（.json、.csv、.xlsx、.xls、.html、.docx）",
                    p.display()
                ));
            }
        } else {
            paths.push(p.clone());
        }
    }
    paths
        .iter()
        .map(|p| {
            let bytes = common::read_file(p).map_err(|e| e.to_string())?;
            site::load(&bytes, &p.to_string_lossy()).map_err(|e| format!("{}: {e}", p.display()))
        })
        .collect()
}

/// Reads the records (a file, or the records files of a folder).
fn read_records(path: Option<&Path>) -> Result<Vec<RecordsInput>, String> {
    let Some(path) = path else {
        return Ok(Vec::new());
    };
    let mut paths = Vec::new();
    if path.is_dir() {
        folder_files(path, false, None, site::is_records_file, &mut paths)?;
    } else {
        paths.push(path.to_path_buf());
    }
    paths
        .iter()
        .map(|p| {
            let bytes = common::read_file(p).map_err(|e| e.to_string())?;
            site::load_records(&bytes, &p.to_string_lossy())
                .map_err(|e| format!("{}: {e}", p.display()))
        })
        .collect()
}

/// The bytes of a file, `None` when there is none (or it cannot be read).
fn existing(dir: &Path, rel: &str) -> Option<Vec<u8>> {
    let p = dir.join(rel);
    if p.is_file() {
        std::fs::read(p).ok()
    } else {
        None
    }
}

/// Writes through a temporary file and a rename, so a served file is never half written.
fn write_file(dir: &Path, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.gongkai-tmp"));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, &path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Carries out a plan: writes, then removes the stale files (and their folders when empty).
fn apply(dir: &Path, site: &Site, plan: &SyncPlan) -> std::io::Result<()> {
    for rel in &plan.write {
        if let Some(bytes) = site.file(rel) {
            write_file(dir, rel, bytes)?;
        }
    }
    for rel in &plan.remove {
        let path = dir.join(rel);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        if rel.contains('/') {
            if let Some(parent) = path.parent() {
                // Only when empty: a folder holding anyone else's file stays.
                let _ = std::fs::remove_dir(parent);
            }
        }
    }
    Ok(())
}

/// Runs the command.
pub fn run(a: Args) -> ExitCode {
    if a.output.exists() && !a.output.is_dir() {
        return fail(format!("{} 不是文件夹", a.output.display()));
    }
    let inputs = match read_inputs(&a) {
        Ok(i) => i,
        Err(e) => return fail(e),
    };
    let records = match read_records(a.records.as_deref()) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    let mut options = SiteOptions::default().strict(a.strict);
    if let Some(t) = &a.title {
        options = options.title(t.clone());
    }
    if let Some(u) = &a.base_url {
        options = options.base_url(u.clone());
    }
    let built = match site::build(&inputs, &records, &options) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
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
    let manifest = existing(&a.output, site::MANIFEST);
    let plan = site::plan_sync(&built, manifest.as_deref(), |rel| existing(&a.output, rel));
    if !plan.conflicts.is_empty() {
        return fail(format!(
            "{} 中已有不是本命令生成的文件：{}；为免覆盖，没有写入任何文件。请换一个空文件夹，或先移走这些文件",
            a.output.display(),
            plan.conflicts.join("、")
        ));
    }
    if let Err(e) = apply(&a.output, &built, &plan) {
        return fail(gongkai::Error::write_failed(a.output.display(), &e));
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
