//! `Report`, `Issue`, `Location`, `Counts`: read-only views of the core's report types.
//!
//! Fields are converted to Python on access (a report of a valid catalogue costs one small
//! object); `to_dict()` and `to_json()` go through the core's serde implementation, so they are
//! exactly the published report JSON (`gongkai.report_schema()`).

use pyo3::exceptions::{PyImportError, PyTypeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyIterator, PyList, PyString};
use pythonize::pythonize;

/// Where a value was in the user's own table (imported catalogues only).
#[pyclass(frozen, eq, module = "gongkai", name = "Location")]
#[derive(Debug, Clone, PartialEq)]
pub struct PyLocation {
    inner: gongkai::Location,
}

impl From<gongkai::Location> for PyLocation {
    fn from(inner: gongkai::Location) -> Self {
        PyLocation { inner }
    }
}

#[pymethods]
impl PyLocation {
    /// Sheet name (XLSX) or table number (HTML); None for CSV.
    #[getter]
    fn sheet(&self) -> Option<&str> {
        self.inner.sheet.as_deref()
    }
    /// 1-based row number as the spreadsheet shows it.
    #[getter]
    fn row(&self) -> u32 {
        self.inner.row
    }
    /// Column letter (A, B, … AA).
    #[getter]
    fn column(&self) -> Option<&str> {
        self.inner.column.as_deref()
    }
    /// The header text of that column, as written in the file.
    #[getter]
    fn header(&self) -> Option<&str> {
        self.inner.header.as_deref()
    }
    /// The location as a dict (absent fields omitted, as in the report JSON).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize(py, &self.inner)?)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Location(sheet={}, row={}, column={}, header={})",
            py_repr_opt(py, self.inner.sheet.as_deref())?,
            self.inner.row,
            py_repr_opt(py, self.inner.column.as_deref())?,
            py_repr_opt(py, self.inner.header.as_deref())?,
        ))
    }
}

/// Issue counts by severity.
#[pyclass(frozen, eq, module = "gongkai", name = "Counts")]
#[derive(Debug, Clone, PartialEq)]
pub struct PyCounts {
    inner: gongkai::Counts,
}

impl From<gongkai::Counts> for PyCounts {
    fn from(inner: gongkai::Counts) -> Self {
        PyCounts { inner }
    }
}

#[pymethods]
impl PyCounts {
    /// Issues of severity `error`.
    #[getter]
    fn error(&self) -> usize {
        self.inner.error
    }
    /// Issues of severity `warning`.
    #[getter]
    fn warning(&self) -> usize {
        self.inner.warning
    }
    /// Issues of severity `info`.
    #[getter]
    fn info(&self) -> usize {
        self.inner.info
    }
    /// `{"error": …, "warning": …, "info": …}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize(py, &self.inner)?)
    }
    fn __repr__(&self) -> String {
        format!(
            "Counts(error={}, warning={}, info={})",
            self.inner.error, self.inner.warning, self.inner.info
        )
    }
}

/// One problem found in a catalogue.
#[pyclass(frozen, eq, module = "gongkai", name = "Issue")]
#[derive(Debug, Clone, PartialEq)]
pub struct PyIssue {
    inner: gongkai::Issue,
}

#[pymethods]
impl PyIssue {
    /// Stable rule code, e.g. `schema.required` (see `gongkai.rules()`).
    #[getter]
    fn code(&self) -> &str {
        &self.inner.code
    }
    /// `"error"`, `"warning"` or `"info"`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.inner.severity.code()
    }
    /// JSON Pointer into the catalogue; `""` is the whole document.
    #[getter]
    fn path(&self) -> &str {
        &self.inner.path
    }
    /// The `id` of the item concerned, when the issue is about one item.
    #[getter]
    fn item_id(&self) -> Option<&str> {
        self.inner.item_id.as_deref()
    }
    /// The rendered message (in the validator's language).
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }
    /// The table cell, when the catalogue was imported from a table.
    #[getter]
    fn location(&self) -> Option<PyLocation> {
        self.inner.location.clone().map(PyLocation::from)
    }
    /// The values the message was filled with (a new dict on each access).
    #[getter]
    fn params<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (k, v) in &self.inner.params {
            d.set_item(k, v)?;
        }
        Ok(d)
    }
    /// The issue as a dict, exactly as in the report JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize(py, &self.inner)?)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Issue(code={}, severity={}, path={}, item_id={}, message={})",
            py_repr(py, &self.inner.code)?,
            py_repr(py, self.inner.severity.code())?,
            py_repr(py, &self.inner.path)?,
            py_repr_opt(py, self.inner.item_id.as_deref())?,
            py_repr(py, &self.inner.message)?,
        ))
    }
}

/// The result of validating one catalogue.
#[pyclass(frozen, eq, module = "gongkai", name = "Report")]
pub struct PyReport {
    inner: gongkai::Report,
    issues: PyOnceLock<Vec<Py<PyIssue>>>,
}

impl PartialEq for PyReport {
    fn eq(&self, other: &Self) -> bool {
        self.inner == other.inner
    }
}

impl From<gongkai::Report> for PyReport {
    fn from(inner: gongkai::Report) -> Self {
        PyReport {
            inner,
            issues: PyOnceLock::new(),
        }
    }
}

/// How many issues `repr(report)` lists.
const REPR_ISSUES: usize = 10;

impl PyReport {
    fn issue_objects(&self, py: Python<'_>) -> PyResult<&Vec<Py<PyIssue>>> {
        self.issues.get_or_try_init(py, || {
            self.inner
                .issues
                .iter()
                .map(|i| Py::new(py, PyIssue { inner: i.clone() }))
                .collect()
        })
    }
}

#[pymethods]
impl PyReport {
    /// True exactly when no issue has severity `error` (whatever `min_severity` hid).
    #[getter]
    fn valid(&self) -> bool {
        self.inner.valid
    }
    /// Number of items in the catalogue (0 when the items could not be read).
    #[getter]
    fn items(&self) -> usize {
        self.inner.items
    }
    /// Issue counts by severity (of the issues reported).
    #[getter]
    fn counts(&self) -> PyCounts {
        PyCounts {
            inner: self.inner.counts,
        }
    }
    /// Every issue, in document order (a new list on each access; the issues are shared).
    #[getter]
    fn issues<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.issue_objects(py)?)
    }
    /// The report as a dict, exactly the published report JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize(py, &self.inner)?)
    }
    /// The report as JSON text (compact, or indented with `pretty=True`).
    #[pyo3(signature = (*, pretty = false))]
    fn to_json(&self, pretty: bool) -> String {
        if pretty {
            self.inner.to_json_pretty()
        } else {
            self.inner.to_json()
        }
    }
    /// The issues as a pandas DataFrame, one row per issue. Columns: code, severity, path,
    /// item_id, message, sheet, row, column, header (the table location, when imported),
    /// params (a dict). Needs pandas (`pip install pandas`).
    fn to_dataframe<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pd = pandas(py, "Report.to_dataframe()")?;
        let issues = &self.inner.issues;
        let col = |f: &dyn Fn(&gongkai::Issue) -> Py<PyAny>| -> PyResult<Bound<'py, PyList>> {
            PyList::new(py, issues.iter().map(f))
        };
        let s = |v: &str| PyString::new(py, v).into_any().unbind();
        let opt = |v: Option<&str>| v.map_or_else(|| py.None(), s);
        let data = PyDict::new(py);
        data.set_item("code", col(&|i| s(&i.code))?)?;
        data.set_item("severity", col(&|i| s(i.severity.code()))?)?;
        data.set_item("path", col(&|i| s(&i.path))?)?;
        data.set_item("item_id", col(&|i| opt(i.item_id.as_deref()))?)?;
        data.set_item("message", col(&|i| s(&i.message))?)?;
        data.set_item(
            "sheet",
            col(&|i| opt(loc(i).and_then(|l| l.sheet.as_deref())))?,
        )?;
        let rows = PyList::new(py, issues.iter().map(|i| loc(i).map(|l| l.row)))?;
        data.set_item("row", rows)?;
        data.set_item(
            "column",
            col(&|i| opt(loc(i).and_then(|l| l.column.as_deref())))?,
        )?;
        data.set_item(
            "header",
            col(&|i| opt(loc(i).and_then(|l| l.header.as_deref())))?,
        )?;
        let params = PyList::empty(py);
        for i in issues {
            let d = PyDict::new(py);
            for (k, v) in &i.params {
                d.set_item(k, v)?;
            }
            params.append(d)?;
        }
        data.set_item("params", params)?;
        let df = pd.getattr("DataFrame")?.call1((data,))?;
        // Row numbers are integers with gaps (JSON input has none): pandas' nullable Int64.
        let rows = df.get_item("row")?.call_method1("astype", ("Int64",))?;
        df.set_item("row", rows)?;
        Ok(df)
    }
    fn __len__(&self) -> usize {
        self.inner.issues.len()
    }
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        self.issues(py)?.try_iter()
    }
    /// A report has no truth value: `if report:` would read as "is valid" to some and as "has
    /// issues" to others. Use `report.valid` or `len(report)`.
    fn __bool__(&self) -> PyResult<bool> {
        Err(PyTypeError::new_err(
            "the truth value of a gongkai.Report is ambiguous: use report.valid (no errors) or \
             len(report) (number of issues)",
        ))
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let c = self.inner.counts;
        let mut out = format!(
            "<gongkai.Report valid={} items={} error={} warning={} info={}>",
            if self.inner.valid { "True" } else { "False" },
            self.inner.items,
            c.error,
            c.warning,
            c.info
        );
        for i in self.inner.issues.iter().take(REPR_ISSUES) {
            out.push_str(&format!(
                "\n  {:<7} {} {} {}",
                i.severity.code(),
                if i.path.is_empty() { "/" } else { &i.path },
                i.code,
                py_repr(py, &gongkai::excerpt(&i.message, 80))?
            ));
        }
        if self.inner.issues.len() > REPR_ISSUES {
            out.push_str(&format!(
                "\n  … {} more (report.issues, report.to_dataframe())",
                self.inner.issues.len() - REPR_ISSUES
            ));
        }
        Ok(out)
    }
}

/// The `pandas` module, or an `ImportError` saying that `what` needs it.
pub(crate) fn pandas<'py>(py: Python<'py>, what: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import("pandas").map_err(|e| {
        let err = PyImportError::new_err(format!(
            "gongkai: {what} needs pandas; install it with `pip install pandas` \
             (or use to_dict() without pandas)"
        ));
        err.set_cause(py, Some(e));
        err
    })
}

fn loc(i: &gongkai::Issue) -> Option<&gongkai::Location> {
    i.location.as_ref()
}

fn py_repr(py: Python<'_>, s: &str) -> PyResult<String> {
    Ok(PyString::new(py, s).repr()?.to_string_lossy().into_owned())
}

fn py_repr_opt(py: Python<'_>, s: Option<&str>) -> PyResult<String> {
    match s {
        Some(s) => py_repr(py, s),
        None => Ok("None".into()),
    }
}
