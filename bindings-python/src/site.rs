//! `gongkai.site`: publishes catalogues as a static 基层政务公开专题 site, as `gongkai site`
//! does: the core reads, builds and writes ([`gongkai::site::publish`]) with the GIL released.

use crate::error::{Failure, Origin, arg, invalid_argument, to_py_err};
use gongkai::site::{Published, SiteIssue, SiteOptions};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use pythonize::pythonize;
use serde::Serialize;
use std::path::PathBuf;

/// What a call did.
#[derive(Serialize)]
struct Outcome<'a> {
    /// Files written (new or changed), relative to the output folder.
    written: &'a [String],
    /// Files already up to date.
    unchanged: &'a [String],
    /// Files of the previous run removed.
    removed: &'a [String],
    /// Whether `strict` refused the site (then nothing was written).
    refused: bool,
    /// Every catalogue, in the order of the index.
    catalogues: &'a [Published],
    /// Problems of the records, refusals.
    issues: &'a [SiteIssue],
}

/// A path argument (`str` or `os.PathLike`).
fn path_arg(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<PathBuf> {
    if obj.is_instance_of::<PyString>() {
        return obj.extract();
    }
    if obj.hasattr("__fspath__")? {
        return obj
            .py()
            .import("os")?
            .getattr("fsdecode")?
            .call1((obj,))?
            .extract();
    }
    Err(PyTypeError::new_err(format!(
        "{what} 应为路径（str 或 os.PathLike），实际为 {}",
        crate::input::type_name(obj)
    )))
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
    let mut options = SiteOptions::default()
        .strict(strict)
        .lang(arg(py, "lang", lang)?);
    if let Some(t) = title {
        options = options.title(t);
    }
    if let Some(u) = base_url {
        options = options.base_url(u);
    }
    let paths: Vec<PathBuf> =
        if inputs.is_instance_of::<PyString>() || inputs.hasattr("__fspath__")? {
            vec![path_arg(inputs, "inputs")?]
        } else {
            let list = inputs.try_iter().map_err(|_| {
                let found = crate::input::type_name(inputs);
                PyTypeError::new_err(format!("inputs 应为路径或路径的列表，实际为 {found}"))
            })?;
            list.map(|p| path_arg(&p?, "inputs 的每一项"))
                .collect::<PyResult<_>>()?
        };
    if paths.is_empty() {
        let what = "inputs 为空：至少给出一个目录文件或文件夹".into();
        return Err(invalid_argument(py, what));
    }
    let out = path_arg(out_dir, "out_dir")?;
    let records = records
        .filter(|r| !r.is_none())
        .map(|r| path_arg(r, "records"))
        .transpose()?;
    let done = py.detach(|| gongkai::site::publish(&paths, &out, records.as_deref(), &options));
    let done = done.map_err(|e| {
        let origin = e.path.as_deref().map_or(Origin::Text, Origin::File);
        to_py_err(py, &Failure::Core(e.error), origin)
    })?;
    let outcome = Outcome {
        written: &done.plan.write,
        unchanged: &done.plan.unchanged,
        removed: &done.plan.remove,
        refused: done.site.refused,
        catalogues: &done.site.catalogues,
        issues: &done.site.issues,
    };
    Ok(pythonize(py, &outcome)?)
}
