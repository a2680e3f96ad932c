//! `gongkai.evaluate`: the 监督评价 across units, as `gongkai evaluate` does.
//!
//! The Python wrapper (`gongkai/_evaluation.py`) turns its arguments into plain strings; this
//! module runs the core with the GIL released and hands the report back on the generic path
//! ([`crate::result`]) as an `Evaluation`, whose 通报 and workbook are made from the core's
//! value in the handle.

use crate::error::{self, core_err};
use crate::result::Native;
use gongkai::evaluate::{self, EvaluateOptions, Evaluation, Reference, Scoring};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::path::{Path, PathBuf};

fn read(path: &str) -> Result<Vec<u8>, gongkai::Error> {
    std::fs::read(path).map_err(|e| gongkai::Error::Io {
        path: path.to_owned(),
        message: e.to_string(),
    })
}

/// Runs an evaluation; returns the `Evaluation`.
#[pyfunction]
#[pyo3(signature = (inputs, *, records = None, manifest = None, reference = None, scoring_path = None, scoring_json = None, today = None, lang = "zh", title = None, workers = 0))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn _evaluate<'py>(
    py: Python<'py>,
    inputs: Vec<String>,
    records: Option<String>,
    manifest: Option<String>,
    reference: Option<String>,
    scoring_path: Option<String>,
    scoring_json: Option<String>,
    today: Option<String>,
    lang: &str,
    title: Option<String>,
    workers: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let lang: gongkai::Lang = error::arg(py, "lang", lang)?;
    let today: Option<chrono::NaiveDate> =
        today.map(|t| error::arg(py, "today", &t)).transpose()?;
    let inputs: Vec<PathBuf> = inputs.into_iter().map(PathBuf::from).collect();
    let result = py.detach(|| -> Result<Evaluation, gongkai::Error> {
        let mut options = EvaluateOptions::default().lang(lang).workers(workers);
        if let Some(t) = today {
            options = options.today(t);
        }
        if let Some(t) = title {
            options = options.title(t);
        }
        if let Some(r) = reference {
            options = options.reference(if gongkai::diff::REFERENCE_NAMES.contains(&r.as_str()) {
                Reference::embedded(&r)?
            } else {
                Reference::load(&read(&r)?, &r)?
            });
        }
        if let Some(p) = scoring_path {
            options = options.scoring(Scoring::from_file_bytes(&read(&p)?, &p)?);
        } else if let Some(j) = scoring_json {
            options = options.scoring(Scoring::from_json(j.as_bytes())?);
        }
        evaluate::evaluate_paths(
            &inputs,
            records.as_deref().map(Path::new),
            manifest.as_deref().map(Path::new),
            &[],
            &options,
            None,
        )
    });
    let report = result.map_err(|e| core_err(py, e))?;
    crate::result::wrap(py, "Evaluation", report, None)
}

/// A handle on a report read back from its JSON text (`Evaluation(text)`).
#[pyfunction]
pub(crate) fn _evaluation_native(py: Python<'_>, report: &str) -> PyResult<Native> {
    let e: Evaluation = serde_json::from_str(report)
        .map_err(|e| error::invalid_argument(py, format!("不是 gongkai.evaluate 的报告：{e}")))?;
    Ok(Native::new(e))
}

fn report<'a>(py: Python<'_>, native: &'a Native) -> PyResult<&'a Evaluation> {
    native
        .get()
        .ok_or_else(|| error::invalid_argument(py, "不是 gongkai.evaluate 的报告".to_owned()))
}

/// The 通报 (HTML) of a report.
#[pyfunction]
pub(crate) fn _evaluation_html(py: Python<'_>, native: PyRef<'_, Native>) -> PyResult<String> {
    let e = report(py, &native)?;
    Ok(py.detach(|| evaluate::to_html(e)))
}

/// The workbook (XLSX bytes) of a report.
#[pyfunction]
pub(crate) fn _evaluation_xlsx<'py>(
    py: Python<'py>,
    native: PyRef<'py, Native>,
) -> PyResult<Bound<'py, PyBytes>> {
    let e = report(py, &native)?;
    let bytes = py
        .detach(|| evaluate::to_xlsx(e))
        .map_err(|x| core_err(py, x))?;
    Ok(PyBytes::new(py, &bytes))
}

/// The JSON Schema of the report.
#[pyfunction]
pub(crate) fn _evaluation_schema() -> String {
    evaluate::report_schema_text()
}
