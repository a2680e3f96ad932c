//! `gongkai.evaluate`: the 监督评价 across units, as `gongkai evaluate` does.
//!
//! Small and self-contained: the Python wrapper (`gongkai/_evaluation.py`) turns its arguments
//! into plain strings, this module runs the core with the GIL released and hands the report
//! back as the core's JSON text; the 通报 and the workbook are made from that JSON.

use crate::calendar::lang_arg;
use crate::error::{self, Failure, Origin};
use gongkai::evaluate::{self, EvaluateOptions, Evaluation, Reference, Scoring};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::path::{Path, PathBuf};

fn core_err(py: Python<'_>, e: gongkai::Error) -> PyErr {
    error::to_py_err(py, &Failure::Core(e), Origin::Text)
}

fn read(path: &str) -> Result<Vec<u8>, gongkai::Error> {
    std::fs::read(path).map_err(|e| gongkai::Error::Io {
        path: path.to_owned(),
        message: e.to_string(),
    })
}

/// Runs an evaluation; returns the JSON report.
#[pyfunction]
#[pyo3(signature = (inputs, *, records = None, manifest = None, reference = None, scoring_path = None, scoring_json = None, today = None, lang = "zh", title = None, workers = 0))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn _evaluate(
    py: Python<'_>,
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
) -> PyResult<String> {
    let lang = lang_arg(py, lang)?;
    let today = match today {
        Some(t) => Some(gongkai::parse_date(&t).ok_or_else(|| {
            error::invalid_argument(py, format!("today 应为 YYYY-MM-DD 日期，实际为 {t:?}"))
        })?),
        None => None,
    };
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
    Ok(report.to_json())
}

fn parse(py: Python<'_>, report: &str) -> PyResult<Evaluation> {
    serde_json::from_str(report)
        .map_err(|e| error::invalid_argument(py, format!("不是 gongkai.evaluate 的报告：{e}")))
}

/// The 通报 (HTML) of a JSON report.
#[pyfunction]
pub(crate) fn _evaluation_html(py: Python<'_>, report: &str) -> PyResult<String> {
    let e = parse(py, report)?;
    Ok(py.detach(|| evaluate::to_html(&e)))
}

/// The workbook (XLSX bytes) of a JSON report.
#[pyfunction]
pub(crate) fn _evaluation_xlsx<'py>(
    py: Python<'py>,
    report: &str,
) -> PyResult<Bound<'py, PyBytes>> {
    let e = parse(py, report)?;
    let bytes = py
        .detach(|| evaluate::to_xlsx(&e))
        .map_err(|x| core_err(py, x))?;
    Ok(PyBytes::new(py, &bytes))
}

/// The JSON Schema of the report.
#[pyfunction]
pub(crate) fn _evaluation_schema() -> String {
    evaluate::report_schema_text()
}
