//! `gongkai.site`: publishes catalogues as a static 基层政务公开专题 site, as `gongkai site` does.
//!
//! The core builds the files ([`gongkai::site::build`]) and plans the run
//! ([`gongkai::site::plan_sync`]); this module reads the inputs and writes the output folder,
//! with the GIL released: files that changed are written, the previous run's files that are no
//! longer produced are removed (only those its manifest lists), and a file of someone else in
//! the way stops the run before anything is written.

use crate::calendar::lang_arg;
use crate::error::{self, Failure, Origin};
use gongkai::site::{self as gs, Published, RecordsInput, Site, SiteIssue, SiteOptions, SyncPlan};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use pythonize::pythonize;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What a call did.
#[derive(Serialize)]
struct Outcome<'a> {
    /// Files written (new or changed), relative to the output folder.
    written: Vec<String>,
    /// Files already up to date.
    unchanged: Vec<String>,
    /// Files of the previous run removed.
    removed: Vec<String>,
    /// Whether `strict` refused the site (then nothing was written).
    refused: bool,
    /// Every catalogue, in the order of the index.
    catalogues: &'a [Published],
    /// Problems of the records, refusals.
    issues: &'a [SiteIssue],
}

/// A path argument (`str` or `os.PathLike`) as text.
fn path_arg(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<PathBuf> {
    let py = obj.py();
    if obj.is_instance_of::<PyString>() {
        return obj.extract();
    }
    if obj.hasattr("__fspath__")? {
        let p = py.import("os")?.getattr("fsdecode")?.call1((obj,))?;
        return p.extract();
    }
    Err(PyTypeError::new_err(format!(
        "{what} 应为路径（str 或 os.PathLike），实际为 {}",
        crate::input::type_name(obj)
    )))
}

/// The files of a folder whose names pass `keep`, sorted; sub-folders too when `recursive`
/// (hidden ones and `skip` left out). As `gongkai site` reads a folder.
fn folder_files(
    dir: &Path,
    recursive: bool,
    skip: Option<&Path>,
    keep: fn(&str) -> bool,
    out: &mut Vec<PathBuf>,
) -> Result<(), gongkai::Error> {
    let io = |e: std::io::Error| gongkai::Error::Io {
        path: dir.display().to_string(),
        message: e.to_string(),
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
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

fn read(path: &Path) -> Result<Vec<u8>, gongkai::Error> {
    std::fs::read(path).map_err(|e| gongkai::Error::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    })
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

fn existing(dir: &Path, rel: &str) -> Option<Vec<u8>> {
    let p = dir.join(rel);
    if p.is_file() {
        std::fs::read(p).ok()
    } else {
        None
    }
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

/// The work, without Python: read, build, plan, write.
fn run(
    inputs: &[PathBuf],
    out: &Path,
    records: Option<&Path>,
    options: &SiteOptions,
) -> Result<(Site, SyncPlan), gongkai::Error> {
    if out.exists() && !out.is_dir() {
        return Err(gongkai::Error::Io {
            path: out.display().to_string(),
            message: "不是文件夹".into(),
        });
    }
    let mut paths = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let before = paths.len();
            folder_files(p, true, Some(out), gs::is_catalogue_file, &mut paths)?;
            if paths.len() == before {
                return Err(gongkai::Error::Io {
                    path: p.display().to_string(),
                    message: "文件夹中没有目录文件（.json、.csv、.xlsx、.xls、.html）".into(),
                });
            }
        } else {
            paths.push(p.clone());
        }
    }
    let loaded = paths
        .iter()
        .map(|p| gs::load(&read(p)?, &p.to_string_lossy()))
        .collect::<Result<Vec<_>, _>>()?;
    let mut record_paths = Vec::new();
    if let Some(r) = records {
        if r.is_dir() {
            folder_files(r, false, None, gs::is_records_file, &mut record_paths)?;
        } else {
            record_paths.push(r.to_path_buf());
        }
    }
    let recs = record_paths
        .iter()
        .map(|p| gs::load_records(&read(p)?, &p.to_string_lossy()))
        .collect::<Result<Vec<RecordsInput>, _>>()?;
    let built = gs::build(&loaded, &recs, options)?;
    if built.refused {
        return Ok((built, SyncPlan::default()));
    }
    let manifest = existing(out, gs::MANIFEST);
    let plan = gs::plan_sync(&built, manifest.as_deref(), |rel| existing(out, rel));
    if !plan.conflicts.is_empty() {
        return Err(gongkai::Error::Io {
            path: out.display().to_string(),
            message: format!(
                "已有不是本工具生成的文件：{}；为免覆盖，没有写入任何文件。请换一个空文件夹，或先移走这些文件",
                plan.conflicts.join("、")
            ),
        });
    }
    apply(out, &built, &plan).map_err(|e| gongkai::Error::Io {
        path: out.display().to_string(),
        message: format!("无法写入：{e}"),
    })?;
    Ok((built, plan))
}

/// Publishes catalogues as a static 基层政务公开专题 site in `out_dir` (see the package docs).
#[pyfunction]
#[pyo3(signature = (inputs, out_dir, *, records = None, title = None, base_url = None, strict = false, lang = "zh"))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn site<'py>(
    py: Python<'py>,
    inputs: &Bound<'py, PyAny>,
    out_dir: &Bound<'py, PyAny>,
    records: Option<&Bound<'py, PyAny>>,
    title: Option<String>,
    base_url: Option<String>,
    strict: bool,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = lang_arg(py, lang)?;
    let paths: Vec<PathBuf> =
        if inputs.is_instance_of::<PyString>() || inputs.hasattr("__fspath__")? {
            vec![path_arg(inputs, "inputs")?]
        } else {
            inputs
                .try_iter()
                .map_err(|_| {
                    PyTypeError::new_err(format!(
                        "inputs 应为路径或路径的列表，实际为 {}",
                        crate::input::type_name(inputs)
                    ))
                })?
                .map(|p| path_arg(&p?, "inputs 的每一项"))
                .collect::<PyResult<_>>()?
        };
    if paths.is_empty() {
        return Err(error::invalid_argument(
            py,
            "inputs 为空：至少给出一个目录文件或文件夹".into(),
        ));
    }
    let out = path_arg(out_dir, "out_dir")?;
    let records = records
        .filter(|r| !r.is_none())
        .map(|r| path_arg(r, "records"))
        .transpose()?;
    let mut options = SiteOptions::default().strict(strict).lang(lang);
    if let Some(t) = title {
        options = options.title(t);
    }
    if let Some(u) = base_url {
        options = options.base_url(u);
    }
    let result = py.detach(|| run(&paths, &out, records.as_deref(), &options));
    let (built, plan) =
        result.map_err(|e| error::to_py_err(py, &Failure::Core(e), Origin::Text))?;
    let outcome = Outcome {
        written: plan.write,
        unchanged: plan.unchanged,
        removed: plan.remove,
        refused: built.refused,
        catalogues: &built.catalogues,
        issues: &built.issues,
    };
    Ok(pythonize(py, &outcome)?)
}
