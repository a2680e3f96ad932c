//! `gongkai.audit`: the timeliness audit (按时公开率) of publication records against a
//! catalogue; the `AuditReport` is a result of the generic path ([`crate::result`]).
//!
//! The catalogue is read as `validate` reads it; records are a path, CSV or JSON text, bytes,
//! or Python values (a list of dicts, a pandas DataFrame), which the package's
//! `_records_json` writes as JSON. Reading, parsing and auditing run with the GIL released.

use crate::error::{Failure, Origin, arg, to_py_err};
use crate::input::{self, looks_like_json_text};
use gongkai::audit::{AuditRow, CategoryTally, ItemTally, Records};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyMemoryView, PyString};
use pythonize::pythonize;
use std::path::PathBuf;

/// Publication records as given: content (CSV or JSON: the content decides), a file (its name
/// decides, else its content), or Python values written as a JSON array.
enum RecordsInput {
    Bytes(Vec<u8>),
    Path(PathBuf, String),
    Values(Vec<u8>),
}

impl RecordsInput {
    fn extract(obj: &Bound<'_, PyAny>) -> PyResult<Self> {
        let py = obj.py();
        if let Ok(s) = obj.cast::<PyString>() {
            let text = s.to_cow()?;
            // JSON text, or CSV text (a path has no line break); anything else is a path.
            if !(looks_like_json_text(text.as_bytes()) || text.contains(['\n', '\r'])) {
                return Self::path(obj.extract()?);
            }
            return Ok(RecordsInput::Bytes(text.as_bytes().to_vec()));
        }
        if obj.is_instance_of::<PyBytes>()
            || obj.is_instance_of::<PyByteArray>()
            || obj.is_instance_of::<PyMemoryView>()
        {
            let bytes = py.import("builtins")?.getattr("bytes")?.call1((obj,))?;
            return Ok(RecordsInput::Bytes(bytes.extract()?));
        }
        if obj.hasattr("__fspath__")? {
            let p = py.import("os")?.getattr("fsdecode")?.call1((obj,))?;
            return Self::path(p.extract()?);
        }
        let json = py
            .import("gongkai")?
            .getattr("_records_json")?
            .call1((obj,))?;
        Ok(RecordsInput::Values(json.extract()?))
    }

    fn path(p: PathBuf) -> PyResult<Self> {
        let name = p.to_string_lossy().into_owned();
        Ok(RecordsInput::Path(p, name))
    }

    /// Reads the records (detached).
    fn read(&self) -> Result<Records, gongkai::Error> {
        match self {
            RecordsInput::Bytes(b) => gongkai::audit::read_records(b, None),
            RecordsInput::Path(p, name) => {
                let bytes = std::fs::read(p).map_err(|e| gongkai::Error::Io {
                    path: name.clone(),
                    message: e.to_string(),
                })?;
                gongkai::audit::read_records(&bytes, Some(name))
            }
            RecordsInput::Values(b) => gongkai::audit::read_records_json(b),
        }
    }

    fn origin(&self) -> Origin<'_> {
        match self {
            RecordsInput::Bytes(_) => Origin::Text,
            RecordsInput::Path(_, name) => Origin::File(name),
            RecordsInput::Values(_) => Origin::PythonValue,
        }
    }
}

/// Audits publication records against a catalogue (see the package docs).
#[pyfunction]
#[pyo3(signature = (catalogue, records, *, today = None, lang = "zh", calendar = None, strict_calendar = false, sheet = None, title = None, domain = None, publisher = None, level = None, issued = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn audit<'py>(
    py: Python<'py>,
    catalogue: &Bound<'py, PyAny>,
    records: &Bound<'py, PyAny>,
    today: Option<&Bound<'py, PyAny>>,
    lang: &str,
    calendar: Option<&Bound<'py, PyAny>>,
    strict_calendar: bool,
    sheet: Option<String>,
    title: Option<String>,
    domain: Option<String>,
    publisher: Option<String>,
    level: Option<&str>,
    issued: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let table = input::TableOptions::new(py, sheet, title, domain, publisher, level, issued)?;
    let lang = arg(py, "lang", lang)?;
    let mut options = gongkai::audit::AuditOptions::default().lang(lang);
    if let Some(t) = today.filter(|t| !t.is_none()) {
        options = options.today(crate::dates::date(t, "today")?);
    }
    let cat = input::extract(catalogue)?;
    let (cat_job, recs) = (cat.job(), RecordsInput::extract(records)?);
    let cal = crate::calendar::calendar_arg(py, calendar, strict_calendar, lang)?;
    let cal = &cal;
    let table = &table;
    let result = py.detach(|| {
        let loaded = cat_job.catalogue(table)?;
        let records = recs.read().map_err(|e| (Failure::Core(e), recs.origin()))?;
        Ok(gongkai::audit::audit(
            &loaded.catalogue,
            &records,
            cal,
            &options,
        ))
    });
    let report = result.map_err(|(f, origin)| to_py_err(py, &f, origin))?;
    crate::result::wrap(py, "AuditReport", report, None)
}

/// The keys of each `AuditReport.to_dataframe()` frame, in the core's order (for the frames of
/// an audit without records), from default values of the core's types.
#[pyfunction]
pub(crate) fn _audit_columns(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let keys = |v: Bound<'_, PyAny>| -> PyResult<Vec<String>> {
        v.cast_into::<PyDict>()?.keys().extract()
    };
    let mut issue = gongkai::Finding::new(gongkai::codes::records::EMPTY, "", None, &[]);
    issue.record = Some(Default::default());
    let issue = issue.render(gongkai::Lang::Zh, None);
    let out = PyDict::new(py);
    out.set_item("rows", keys(pythonize(py, &AuditRow::default())?)?)?;
    out.set_item("items", keys(pythonize(py, &ItemTally::default())?)?)?;
    out.set_item(
        "categories",
        keys(pythonize(py, &CategoryTally::default())?)?,
    )?;
    out.set_item("issues", keys(pythonize(py, &issue)?)?)?;
    Ok(out)
}
