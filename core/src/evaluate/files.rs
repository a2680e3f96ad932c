//! Evaluating files on disk: folders expanded, each file read when its unit's turn comes.

use super::{EvaluateOptions, Evaluation, Manifest, Progress, evaluate, is_catalogue_file, plan};
use crate::codes;
use crate::error::Error;
use crate::issue::Finding;
use std::path::{Path, PathBuf};

/// The files of the inputs: catalogue files, records files, and what was left out.
#[derive(Debug, Clone, Default)]
pub struct FileInputs {
    /// Catalogue files (files as given; the catalogue files of folders, sorted).
    pub catalogues: Vec<String>,
    /// Records files.
    pub records: Vec<String>,
    /// Files skipped and folders without catalogues.
    pub findings: Vec<Finding>,
}

fn io(path: &Path, e: &std::io::Error) -> Error {
    Error::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

fn same(a: &Path, b: &Path) -> bool {
    matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
}

fn walk(
    dir: &Path,
    skip: &[PathBuf],
    keep: fn(&str) -> bool,
    recursive: bool,
    out: &mut Vec<String>,
    skipped: &mut Vec<String>,
) -> Result<(), Error> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| io(dir, &e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for p in paths {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') || name.starts_with("~$") || skip.iter().any(|s| same(&p, s)) {
            continue;
        }
        if p.is_dir() {
            if recursive {
                walk(&p, skip, keep, recursive, out, skipped)?;
            }
        } else if keep(&name) {
            out.push(p.to_string_lossy().into_owned());
        } else {
            skipped.push(p.to_string_lossy().into_owned());
        }
    }
    Ok(())
}

/// Expands the inputs: files as given (a file that does not exist is kept: its unit is listed
/// as missing), folders to their catalogue files and those of their sub-folders (not hidden,
/// not the records folder, not the manifest, not any of `skip`); the records: a file, or the
/// records files of a folder. A folder that cannot be read is an error.
pub fn collect_inputs(
    inputs: &[PathBuf],
    records: Option<&Path>,
    skip: &[PathBuf],
) -> Result<FileInputs, Error> {
    let mut out = FileInputs::default();
    let mut skip: Vec<PathBuf> = skip.to_vec();
    if let Some(r) = records {
        skip.push(r.to_path_buf());
    }
    for p in inputs {
        if p.is_dir() {
            let mut files = Vec::new();
            let mut skipped = Vec::new();
            walk(p, &skip, is_catalogue_file, true, &mut files, &mut skipped)?;
            for s in skipped {
                out.findings.push(Finding::new(
                    codes::evaluate::SKIPPED_FILE,
                    "",
                    None,
                    &[("file", s)],
                ));
            }
            if files.is_empty() {
                out.findings.push(Finding::new(
                    codes::evaluate::EMPTY_FOLDER,
                    "",
                    None,
                    &[("file", p.display().to_string())],
                ));
            }
            out.catalogues.extend(files);
        } else {
            out.catalogues.push(p.to_string_lossy().into_owned());
        }
    }
    if let Some(r) = records {
        if r.is_dir() {
            let mut skipped = Vec::new();
            walk(
                r,
                &[],
                super::is_records_file,
                false,
                &mut out.records,
                &mut skipped,
            )?;
        } else {
            out.records.push(r.to_string_lossy().into_owned());
        }
    }
    Ok(out)
}

/// Reads a file: `Ok(None)` when it does not exist.
pub(super) fn read_path(name: &str) -> Result<Option<Vec<u8>>, Error> {
    match std::fs::read(name) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io(Path::new(name), &e)),
    }
}

/// Evaluates catalogue files and folders (as `gongkai evaluate` does): `records` is a records
/// file or folder, `manifest` a units CSV whose paths are relative to its own folder, `skip`
/// paths never read as inputs (the outputs). Files are read one unit at a time. Errors: the
/// manifest cannot be read or has no `unit`/`catalogue` column, a folder cannot be read.
pub fn evaluate_paths(
    inputs: &[PathBuf],
    records: Option<&Path>,
    manifest: Option<&Path>,
    skip: &[PathBuf],
    options: &EvaluateOptions,
    progress: Option<Progress<'_>>,
) -> Result<Evaluation, Error> {
    let mut skip = skip.to_vec();
    let manifest = match manifest {
        Some(m) => {
            skip.push(m.to_path_buf());
            let bytes = std::fs::read(m).map_err(|e| io(m, &e))?;
            let base = m
                .parent()
                .map(|p| p.to_string_lossy().into_owned())
                .filter(|p| !p.is_empty());
            Some(Manifest::parse(&bytes, base.as_deref())?)
        }
        None => None,
    };
    let files = collect_inputs(inputs, records, &skip)?;
    let mut p = plan(
        &files.catalogues,
        &files.records,
        manifest.as_ref(),
        options.lang,
    );
    let mut issues: Vec<_> = files
        .findings
        .into_iter()
        .map(|f| f.render(options.lang, None))
        .collect();
    issues.append(&mut p.issues);
    p.issues = issues;
    Ok(evaluate(&p, &read_path, options, progress))
}
