//! `gongkai.diff` (a catalogue against the upper-level standard) and `gongkai.consistency`
//! (two linked catalogues), and the embedded reference catalogues. The `DiffReport` is a result
//! of the generic path ([`crate::result`]).
//!
//! Catalogues are read as `validate` reads them, or named (`"municipal_services"` or
//! `"市政服务"`, embedded in the core: [`gd::ReferenceSpec`]); loading, matching and comparing
//! run with the GIL released.

use crate::error::{Failure, Origin, arg, core_err, to_py_err};
use crate::input::{self, Input};
use gongkai::diff::{self as gd, DiffOptions, ReferenceSpec};
use pyo3::prelude::*;
use pyo3::types::PyString;
use pythonize::pythonize;

/// Reads the first catalogue argument: a `str` that is not JSON text is read as the command
/// line reads `gongkai diff REFERENCE` (an existing file, else an embedded name, else a path).
fn reference_arg<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Result<&'static str, Input<'py>>> {
    if let Ok(s) = obj.cast::<PyString>() {
        let spec = s.to_string_lossy();
        if !input::looks_like_json_text(spec.as_bytes()) {
            let exists = |p: &str| std::path::Path::new(p).exists();
            let parsed = ReferenceSpec::parse(&spec, exists).map_err(|e| core_err(obj.py(), e))?;
            if let ReferenceSpec::BuiltIn(name) = parsed {
                return Ok(Ok(name));
            }
        }
    }
    input::extract(obj).map(Err)
}

fn run<'py>(
    py: Python<'py>,
    first: &Bound<'py, PyAny>,
    second: &Bound<'py, PyAny>,
    options: DiffOptions,
    consistency: bool,
    table: &input::TableOptions,
) -> PyResult<Bound<'py, PyAny>> {
    let (a, b) = (reference_arg(first)?, input::extract(second)?);
    let (name, job_a, job_b) = (
        a.as_ref().ok().copied(),
        a.as_ref().err().map(Input::job),
        b.job(),
    );
    let result = py.detach(|| {
        let la = job_a.as_ref().map(|j| j.catalogue(table)).transpose()?;
        let lb = job_b.catalogue(table)?;
        let (cat_a, src_a) = match (la, name.and_then(gd::reference)) {
            (Some(l), _) => (l.catalogue, l.sources),
            (None, Some(c)) => (c, None),
            (None, None) => return Err((Failure::Panic("no catalogue".into()), Origin::Text)),
        };
        let report = if consistency {
            gd::consistency(&cat_a, &lb.catalogue, &options)
        } else {
            gd::diff(&cat_a, &lb.catalogue, &options)
        };
        Ok(report.with_locations(src_a.as_ref(), lb.sources.as_ref()))
    });
    let report = result.map_err(|(f, origin)| to_py_err(py, &f, origin))?;
    crate::result::wrap(py, "DiffReport", report, None)
}

/// The options of a diff or consistency check, checked by the core.
fn options(
    py: Python<'_>,
    lang: &str,
    min: &str,
    threshold: f64,
    margin: f64,
) -> PyResult<DiffOptions> {
    DiffOptions::default()
        .lang(arg(py, "lang", lang)?)
        .min_severity(arg(py, "min_severity", min)?)
        .threshold(threshold)
        .margin(margin)
        .checked()
        .map_err(|e| core_err(py, e))
}

/// Checks a local catalogue against the upper-level standard (see the package docs).
#[pyfunction]
#[pyo3(signature = (reference, local, *, lang = "zh", min_severity = "info", threshold = 0.6, margin = 0.05, sheet = None, title = None, domain = None, publisher = None, level = None, issued = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn diff<'py>(
    py: Python<'py>,
    reference: &Bound<'py, PyAny>,
    local: &Bound<'py, PyAny>,
    lang: &str,
    min_severity: &str,
    threshold: f64,
    margin: f64,
    sheet: Option<String>,
    title: Option<String>,
    domain: Option<String>,
    publisher: Option<String>,
    level: Option<&str>,
    issued: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let table = input::TableOptions::new(py, sheet, title, domain, publisher, level, issued)?;
    let o = options(py, lang, min_severity, threshold, margin)?;
    run(py, reference, local, o, false, &table)
}

/// Checks that two linked catalogues agree on the items they share (see the package docs).
#[pyfunction]
#[pyo3(signature = (first, second, *, lang = "zh", min_severity = "info", threshold = 0.6, margin = 0.05, sheet = None, title = None, domain = None, publisher = None, level = None, issued = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn consistency<'py>(
    py: Python<'py>,
    first: &Bound<'py, PyAny>,
    second: &Bound<'py, PyAny>,
    lang: &str,
    min_severity: &str,
    threshold: f64,
    margin: f64,
    sheet: Option<String>,
    title: Option<String>,
    domain: Option<String>,
    publisher: Option<String>,
    level: Option<&str>,
    issued: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let table = input::TableOptions::new(py, sheet, title, domain, publisher, level, issued)?;
    let o = options(py, lang, min_severity, threshold, margin)?;
    run(py, first, second, o, true, &table)
}

/// An embedded reference catalogue as a new dict (its JSON, provenance and notes included).
#[pyfunction]
#[pyo3(signature = (name = "municipal_services"))]
pub(crate) fn reference<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    let name = ReferenceSpec::built_in("name", name).map_err(|e| core_err(py, e))?;
    let json = gd::reference_json(name).unwrap_or_default();
    crate::json_loads(py, json)
}

/// The names of the embedded reference catalogues.
#[pyfunction]
pub(crate) fn reference_names() -> Vec<&'static str> {
    gd::REFERENCE_NAMES.to_vec()
}

/// The JSON Schema of `DiffReport.to_dict()`, as a new dict.
#[pyfunction]
pub(crate) fn diff_report_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    Ok(pythonize(py, &gd::report_schema())?)
}
