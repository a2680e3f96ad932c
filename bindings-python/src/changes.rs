//! `gongkai.changes(old, new)`: what changed between two versions of a catalogue (the core's
//! `diff::changes`, what `gongkai changes` prints), a `ChangesReport` of the generic path
//! ([`crate::result`]). Both versions are read as `validate` reads them; loading and comparing
//! run with the GIL released.

use crate::error;
use crate::input;
use gongkai::diff::{self as gd, ChangesOptions};
use pyo3::prelude::*;

/// Compares two versions: a `ChangesReport` (`format="json"`), or the 修订说明 as Markdown / HTML / text.
#[pyfunction]
#[pyo3(signature = (old, new, *, lang = "zh", threshold = 0.6, format = "json", sheet = None, title = None, domain = None, publisher = None, level = None, issued = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn changes<'py>(
    py: Python<'py>,
    old: &Bound<'py, PyAny>,
    new: &Bound<'py, PyAny>,
    lang: &str,
    threshold: f64,
    format: &str,
    sheet: Option<String>,
    title: Option<String>,
    domain: Option<String>,
    publisher: Option<String>,
    level: Option<&str>,
    issued: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let table = input::TableOptions::new(py, sheet, title, domain, publisher, level, issued)?;

    if !(threshold.is_finite() && (0.0..=1.0).contains(&threshold)) {
        return Err(error::invalid_argument(
            py,
            format!("threshold 应为 0–1 之间的数，实际为 {threshold}"),
        ));
    }
    if !matches!(format, "json" | "md" | "html" | "text") {
        return Err(error::invalid_argument(
            py,
            format!("format 应为 \"json\"、\"md\"、\"html\" 或 \"text\"，实际为 {format:?}"),
        ));
    }
    let options = ChangesOptions {
        lang: error::arg(py, "lang", lang)?,
        threshold,
    };
    let (a, b) = (input::extract(old)?, input::extract(new)?);
    let (ja, jb) = (a.job(), b.job());
    let table = &table;
    let result = py.detach(|| {
        let la = ja.catalogue(table)?;
        let lb = jb.catalogue(table)?;
        Ok(gd::changes(&la.catalogue, &lb.catalogue, &options))
    });
    let report = match result {
        Ok(r) => r,
        Err((f, origin)) => return Err(error::to_py_err(py, &f, origin)),
    };
    match format {
        "md" => Ok(report.to_markdown().into_pyobject(py)?.into_any()),
        "html" => Ok(report.to_html().into_pyobject(py)?.into_any()),
        "text" => Ok(report.to_text().into_pyobject(py)?.into_any()),
        _ => crate::result::wrap(py, "ChangesReport", report, None),
    }
}
