//! Publishing to a folder, as `gongkai site` and the bindings' `site` do: read the inputs (files,
//! or folders of catalogue files), build the site ([`super::build`]), plan the run
//! ([`super::plan_sync`]) and carry it out. Files that changed are written (through a temporary
//! file and a rename, so a served file is never half written), the previous run's files that are
//! no longer produced are removed (only those its manifest lists), and a file of someone else in
//! the way stops the run before anything is written.

use super::{Input, RecordsInput, Site, SiteOptions, SyncPlan};
use crate::Error;
use std::path::{Path, PathBuf};

/// What a run of [`publish`] did.
#[derive(Debug, Clone)]
pub struct Publication {
    /// The site built (its catalogues and issues; `refused` when `strict` refused it, and then
    /// nothing was written).
    pub site: Site,
    /// What was written, left unchanged and removed.
    pub plan: SyncPlan,
}

/// A failed run: the error, and the file it is about when there is one.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishError {
    /// The input, records file or output folder concerned.
    pub path: Option<String>,
    /// What is wrong.
    pub error: Error,
}

impl std::fmt::Display for PublishError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{p}: {}", self.error),
            None => self.error.fmt(f),
        }
    }
}

fn at(path: &Path) -> impl Fn(Error) -> PublishError + '_ {
    move |error| PublishError {
        path: Some(path.display().to_string()),
        error,
    }
}

fn io(path: &Path, message: impl Into<String>) -> Error {
    Error::Io {
        path: path.display().to_string(),
        message: message.into(),
    }
}

/// Reads the catalogues (`inputs`: files, or folders read with their sub-folders, hidden ones
/// and `out` left out) and the records (a file, or the records files of a folder), builds the
/// site and writes it to `out`.
pub fn publish(
    inputs: &[PathBuf],
    out: &Path,
    records: Option<&Path>,
    options: &SiteOptions,
) -> Result<Publication, PublishError> {
    if out.exists() && !out.is_dir() {
        return Err(at(out)(io(out, "不是文件夹")));
    }
    let mut paths = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let before = paths.len();
            folder_files(p, true, Some(out), super::is_catalogue_file, &mut paths)
                .map_err(at(p))?;
            if paths.len() == before {
                let e = io(
                    p,
                    "文件夹中没有目录文件（.json、.csv、.xlsx、.xls、.html、.docx）",
                );
                return Err(at(p)(e));
            }
        } else {
            paths.push(p.clone());
        }
    }
    let loaded = paths
        .iter()
        .map(|p| {
            read(p)
                .and_then(|b| super::load(&b, &p.to_string_lossy()))
                .map_err(at(p))
        })
        .collect::<Result<Vec<Input>, _>>()?;
    let mut record_paths = Vec::new();
    match records {
        Some(r) if r.is_dir() => {
            folder_files(r, false, None, super::is_records_file, &mut record_paths)
                .map_err(at(r))?
        }
        Some(r) => record_paths.push(r.to_path_buf()),
        None => {}
    }
    let recs = record_paths
        .iter()
        .map(|p| {
            read(p)
                .and_then(|b| super::load_records(&b, &p.to_string_lossy()))
                .map_err(at(p))
        })
        .collect::<Result<Vec<RecordsInput>, _>>()?;
    let site = super::build(&loaded, &recs, options)
        .map_err(|error| PublishError { path: None, error })?;
    if site.refused {
        return Ok(Publication {
            site,
            plan: SyncPlan::default(),
        });
    }
    let manifest = existing(out, super::MANIFEST);
    let plan = super::plan_sync(&site, manifest.as_deref(), |rel| existing(out, rel));
    if !plan.conflicts.is_empty() {
        let e = io(
            out,
            format!(
                "已有不是本命令生成的文件：{}；为免覆盖，没有写入任何文件。请换一个空文件夹，或先移走这些文件",
                plan.conflicts.join("、")
            ),
        );
        return Err(at(out)(e));
    }
    apply(out, &site, &plan).map_err(|e| at(out)(io(out, format!("无法写入：{e}"))))?;
    Ok(Publication { site, plan })
}

/// The files of a folder whose names pass `keep`, sorted; sub-folders too when `recursive`
/// (hidden ones and `skip` left out).
fn folder_files(
    dir: &Path,
    recursive: bool,
    skip: Option<&Path>,
    keep: fn(&str) -> bool,
    out: &mut Vec<PathBuf>,
) -> Result<(), Error> {
    let entries = std::fs::read_dir(dir).map_err(|e| io(dir, format!("无法读取文件夹：{e}")))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if p.is_dir() {
            let skipped = skip.is_some_and(|s| {
                matches!((std::fs::canonicalize(&p), std::fs::canonicalize(s)), (Ok(a), Ok(b)) if a == b)
            });
            if recursive && !name.starts_with('.') && !skipped {
                folder_files(&p, recursive, skip, keep, out)?;
            }
        } else if keep(&name) {
            out.push(p);
        }
    }
    Ok(())
}

fn read(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|e| io(path, e.to_string()))
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
