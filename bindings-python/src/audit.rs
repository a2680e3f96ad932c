//! `gongkai.audit`: the timeliness audit (按时公开率) of publication records against a
//! catalogue, and its `AuditReport`.
//!
//! The binding reads the arguments (the catalogue as `validate` does; records as a path, CSV or
//! JSON text, bytes, a list of dicts or a pandas DataFrame), then reads, parses and audits with
//! the GIL released. Rows come back with `datetime.date` values; `to_dict()` / `to_json()` are
//! the core's JSON (what `gongkai audit --format json` prints).

use crate::calendar::{calendar_arg, lang_arg};
use crate::dates;
use crate::error::{self, Failure, Origin};
use crate::input::{self, looks_like_json_text};
use crate::report::pandas;
use gongkai::audit::{AuditIssue, AuditReport, AuditRow, ItemTally, Records, Status, Tally};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyIterator, PyList, PyMemoryView,
    PyString, PyTuple,
};
use pythonize::pythonize;
use serde_json::Value;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// Publication records as given.
enum RecordsInput<'py> {
    /// CSV or JSON content (the content decides).
    Bytes(Bound<'py, PyBytes>),
    /// A file: its name decides, else its content.
    Path(PathBuf),
    /// Records built from Python values, as a JSON array.
    Values(Vec<u8>),
}

/// The Python-free view of the records, read while detached.
enum RecordsJob<'a> {
    Bytes(&'a [u8]),
    File { path: &'a Path, name: Cow<'a, str> },
    Json(&'a [u8]),
}

impl RecordsInput<'_> {
    fn job(&self) -> RecordsJob<'_> {
        match self {
            RecordsInput::Bytes(b) => RecordsJob::Bytes(b.as_bytes()),
            RecordsInput::Path(p) => RecordsJob::File {
                path: p,
                name: p.to_string_lossy(),
            },
            RecordsInput::Values(v) => RecordsJob::Json(v),
        }
    }
}

impl RecordsJob<'_> {
    fn read(&self) -> Result<Records, gongkai::Error> {
        match self {
            RecordsJob::Bytes(b) => gongkai::audit::read_records(b, None),
            RecordsJob::File { path, name } => {
                let bytes = std::fs::read(path).map_err(|e| gongkai::Error::Io {
                    path: name.to_string(),
                    message: e.to_string(),
                })?;
                gongkai::audit::read_records(&bytes, Some(name))
            }
            RecordsJob::Json(b) => gongkai::audit::read_records_json(b),
        }
    }

    fn origin(&self) -> Origin<'_> {
        match self {
            RecordsJob::Bytes(_) => Origin::Text,
            RecordsJob::File { name, .. } => Origin::File(name),
            RecordsJob::Json(_) => Origin::PythonValue,
        }
    }
}

/// Whether `obj` looks like a pandas DataFrame (records as rows).
fn is_dataframe(obj: &Bound<'_, PyAny>) -> bool {
    !obj.is_instance_of::<PyDict>()
        && obj.hasattr("to_dict").unwrap_or(false)
        && obj.hasattr("columns").unwrap_or(false)
        && obj.hasattr("iloc").unwrap_or(false)
}

fn extract_records<'py>(obj: &Bound<'py, PyAny>) -> PyResult<RecordsInput<'py>> {
    let py = obj.py();
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(RecordsInput::Bytes(b.clone()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_cow()?;
        // JSON text, or CSV text (a path has no line break); anything else is a path.
        if looks_like_json_text(text.as_bytes()) || text.contains(['\n', '\r']) {
            return Ok(RecordsInput::Bytes(PyBytes::new(py, text.as_bytes())));
        }
        return Ok(RecordsInput::Path(obj.extract()?));
    }
    if obj.is_instance_of::<PyByteArray>() || obj.is_instance_of::<PyMemoryView>() {
        let data = py
            .import("builtins")?
            .getattr("bytes")?
            .call1((obj,))?
            .cast_into::<PyBytes>()?;
        return Ok(RecordsInput::Bytes(data));
    }
    if obj.hasattr("__fspath__")? {
        let p = py.import("os")?.getattr("fsdecode")?.call1((obj,))?;
        return Ok(RecordsInput::Path(p.extract()?));
    }
    let rows = if is_dataframe(obj) {
        obj.call_method1("to_dict", ("records",))?
    } else {
        obj.clone()
    };
    if rows.is_instance_of::<PyList>()
        || rows.is_instance_of::<PyTuple>()
        || rows.is_instance_of::<PyDict>()
    {
        let value = to_value(&rows, 0)?;
        return Ok(RecordsInput::Values(
            serde_json::to_vec(&value).unwrap_or_default(),
        ));
    }
    Err(PyTypeError::new_err(format!(
        "gongkai: records must be a path (str or os.PathLike), CSV or JSON text (str or bytes), \
         a list of dicts, or a pandas DataFrame; got {}",
        input::type_name(obj)
    )))
}

/// A record value as JSON: dates as ISO text, missing values (None, NaN, NaT) as null, other
/// objects as their `str()`. The core reads the text and reports what it cannot use.
fn to_value(obj: &Bound<'_, PyAny>, depth: usize) -> PyResult<Value> {
    if depth > 64 {
        return Ok(Value::Null);
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        return Ok(match obj.extract::<i64>() {
            Ok(i) => Value::from(i),
            Err(_) => Value::String(obj.str()?.to_string_lossy().into_owned()),
        });
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        let x = f.value();
        return Ok(if x.is_finite() {
            if x.fract() == 0.0 && x.abs() < 1e15 {
                // A whole number read from a spreadsheet column (item ids, extensions): 3.0 → 3.
                Value::from(x as i64)
            } else {
                serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
            }
        } else {
            Value::Null
        });
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_string_lossy().into_owned()));
    }
    if dates::is_date(obj)? {
        // pandas.NaT is a datetime without a year: missing.
        return Ok(match dates::extract_moment(obj, "") {
            Ok((d, Some(t))) if dates::is_datetime(obj)? => {
                Value::String(d.and_time(t).format("%Y-%m-%d %H:%M:%S").to_string())
            }
            Ok((d, _)) => Value::String(d.to_string()),
            Err(_) => Value::Null,
        });
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut m = serde_json::Map::new();
        for (k, v) in d.iter() {
            let key = k.str()?.to_string_lossy().into_owned();
            m.insert(key, to_value(&v, depth + 1)?);
        }
        return Ok(Value::Object(m));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut out = Vec::new();
        for v in obj.try_iter()? {
            out.push(to_value(&v?, depth + 1)?);
        }
        return Ok(Value::Array(out));
    }
    // Missing values of pandas (pd.NA) and NumPy NaN scalars compare unequal to themselves.
    if obj.ne(obj).unwrap_or(false) || obj.is_truthy().is_err() {
        return Ok(Value::Null);
    }
    Ok(Value::String(obj.str()?.to_string_lossy().into_owned()))
}

/// Audits publication records against a catalogue (see the package docs).
#[pyfunction]
#[pyo3(signature = (catalogue, records, *, today = None, lang = "zh", calendar = None, strict_calendar = false))]
pub(crate) fn audit(
    py: Python<'_>,
    catalogue: &Bound<'_, PyAny>,
    records: &Bound<'_, PyAny>,
    today: Option<&Bound<'_, PyAny>>,
    lang: &str,
    calendar: Option<&Bound<'_, PyAny>>,
    strict_calendar: bool,
) -> PyResult<PyAuditReport> {
    let lang = lang_arg(py, lang)?;
    let mut options = gongkai::audit::AuditOptions::default().lang(lang);
    if let Some(t) = today.filter(|t| !t.is_none()) {
        options = options.today(dates::extract_date(t, "today")?);
    }
    let cat_input = input::extract(catalogue)?;
    let rec_input = extract_records(records)?;
    let cal = calendar_arg(py, calendar, strict_calendar, lang)?;
    let cal = &cal;
    let cat_job = cat_input.job();
    let rec_job = rec_input.job();
    enum Failed {
        Catalogue(Failure),
        Records(gongkai::Error),
    }
    let result = py.detach(|| {
        let loaded = cat_job.catalogue().map_err(Failed::Catalogue)?;
        let records = rec_job.read().map_err(Failed::Records)?;
        Ok(gongkai::audit::audit(
            &loaded.catalogue,
            &records,
            cal,
            &options,
        ))
    });
    match result {
        Ok(inner) => Ok(PyAuditReport { inner }),
        Err(Failed::Catalogue(f)) => Err(error::to_py_err(py, &f, cat_job.origin())),
        Err(Failed::Records(e)) => Err(error::to_py_err(py, &Failure::Core(e), rec_job.origin())),
    }
}

/// The result of an audit: one row per record, summaries, and the bad records.
#[pyclass(frozen, eq, module = "gongkai", name = "AuditReport")]
pub struct PyAuditReport {
    inner: AuditReport,
}

impl PartialEq for PyAuditReport {
    fn eq(&self, other: &Self) -> bool {
        self.inner == other.inner
    }
}

/// One row as a dict: the core's keys, dates as `datetime.date`, moments as
/// `datetime.datetime`.
fn row_dict<'py>(py: Python<'py>, row: &AuditRow) -> PyResult<Bound<'py, PyDict>> {
    let d = pythonize(py, row)?.cast_into::<PyDict>()?;
    d.set_item("formed_on", dates::opt_date(py, row.formed_on)?)?;
    d.set_item(
        "request_received",
        dates::opt_date(py, row.request_received)?,
    )?;
    d.set_item("published_on", dates::opt_date(py, row.published_on)?)?;
    d.set_item("deadline", dates::opt_date(py, row.deadline)?)?;
    d.set_item("event_at", dates::opt_datetime(py, row.event_at)?)?;
    d.set_item("deadline_at", dates::opt_datetime(py, row.deadline_at)?)?;
    Ok(d)
}

/// The keys of a row, in the core's order (for an empty DataFrame). Built from a row value so
/// that a new field of the core cannot be forgotten here.
fn row_columns(py: Python<'_>) -> PyResult<Vec<String>> {
    let row = AuditRow {
        row: 0,
        line: None,
        item_id: String::new(),
        item_name: None,
        category: None,
        time_limit: None,
        counted_from: None,
        formed_on: None,
        request_received: None,
        event_at: None,
        published_on: None,
        extension_days: 0,
        deadline: None,
        deadline_at: None,
        status: Status::Invalid,
        late_by_days: None,
        late_by_working_days: None,
        late_by_minutes: None,
        reason: None,
        message: None,
        note: None,
        provisional: false,
    };
    keys(py, &row)
}

fn keys<T: serde::Serialize>(py: Python<'_>, v: &T) -> PyResult<Vec<String>> {
    pythonize(py, v)?.cast_into::<PyDict>()?.keys().extract()
}

/// The date and time columns of the rows frame.
const DATE_COLUMNS: &[&str] = &[
    "formed_on",
    "request_received",
    "event_at",
    "published_on",
    "deadline",
    "deadline_at",
];

/// Builds a DataFrame from dicts, with `columns` when there are none, nullable integers, and
/// `datetime64` date columns (NaT when empty).
fn frame<'py>(
    py: Python<'py>,
    rows: Bound<'py, PyList>,
    columns: Vec<String>,
    int_columns: &[&str],
    date_columns: &[&str],
    what: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let pd = pandas(py, what)?;
    let df = if rows.is_empty() {
        let kwargs = PyDict::new(py);
        kwargs.set_item("columns", columns)?;
        pd.getattr("DataFrame")?.call((), Some(&kwargs))?
    } else {
        pd.getattr("DataFrame")?.call1((rows,))?
    };
    for c in int_columns {
        if df.getattr("columns")?.contains(*c)? {
            let col = df.get_item(*c)?.call_method1("astype", ("Int64",))?;
            df.set_item(*c, col)?;
        }
    }
    for c in date_columns {
        if df.getattr("columns")?.contains(*c)? {
            let kwargs = PyDict::new(py);
            kwargs.set_item("errors", "coerce")?;
            let col = pd
                .getattr("to_datetime")?
                .call((df.get_item(*c)?,), Some(&kwargs))?;
            df.set_item(*c, col)?;
        }
    }
    Ok(df)
}

#[pymethods]
impl PyAuditReport {
    /// The `today` the audit was run with (a `datetime.date`), or None.
    #[getter]
    fn today(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        dates::opt_date(py, self.inner.today)
    }
    /// One dict per record, in file order (a new list on each access). Keys: row, line,
    /// item_id, item_name, category, time_limit, counted_from, formed_on, request_received,
    /// event_at, published_on, extension_days, deadline, deadline_at, status, late_by_days,
    /// late_by_working_days, reason, message, note. Dates are `datetime.date`, `event_at` and
    /// `deadline_at` `datetime.datetime`.
    #[getter]
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for r in &self.inner.rows {
            out.append(row_dict(py, r)?)?;
        }
        Ok(out)
    }
    /// `{"overall": …, "by_category": […], "by_item": […]}`: counts per status, `assessed`
    /// and `on_time_rate` (按时公开率, None when nothing was assessed).
    #[getter]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize(py, &self.inner.summary)?)
    }
    /// The tally of every record.
    #[getter]
    fn overall<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize(py, &self.inner.summary.overall)?)
    }
    /// The tallies per 一级事项, in catalogue order.
    #[getter]
    fn by_category<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize(py, &self.inner.summary.by_category)?)
    }
    /// The tallies per catalogue item (every item, also those without records).
    #[getter]
    fn by_item<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize(py, &self.inner.summary.by_item)?)
    }
    /// 按时公开率 of all records: on time / (on time + late + overdue), or None.
    #[getter]
    fn on_time_rate(&self) -> Option<f64> {
        self.inner.summary.overall.on_time_rate
    }
    /// Bad records and bad files: dicts with code, severity, row, line, column, item_id,
    /// message, params.
    #[getter]
    fn issues<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize(py, &self.inner.issues)?)
    }

    /// Whether a deadline rests on a provisional year (no holiday notice loaded; counted with
    /// the statutory holidays only); the issues then hold a `calendar.provisional` warning.
    #[getter]
    fn provisional(&self) -> bool {
        self.inner.provisional
    }

    /// The provisional years the rows rest on.
    #[getter]
    fn provisional_years(&self) -> Vec<i32> {
        self.inner.provisional_years.clone()
    }
    /// Whether a record is late or overdue.
    #[getter]
    fn has_late_or_overdue(&self) -> bool {
        self.inner.has_late_or_overdue()
    }
    /// Whether an issue has severity `error` (a bad file or a bad record).
    #[getter]
    fn has_errors(&self) -> bool {
        self.inner.has_errors()
    }
    /// The report as a dict in its JSON form (dates as ISO strings): exactly
    /// `json.loads(report.to_json())`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize(py, &self.inner)?)
    }
    /// The report as JSON text: what `gongkai audit --format json` prints.
    #[pyo3(signature = (*, pretty = false))]
    fn to_json(&self, pretty: bool) -> String {
        if pretty {
            self.inner.to_json_pretty()
        } else {
            serde_json::to_string(&self.inner).unwrap_or_default()
        }
    }
    /// A pandas DataFrame of the rows (`of="rows"`, default; date columns as `datetime64`,
    /// NaT when empty; nullable `Int64` counts), of the per-item summary (`"items"`), the
    /// per-一级事项 summary (`"categories"`) or the issues (`"issues"`).
    #[pyo3(signature = (of = "rows"))]
    fn to_dataframe<'py>(&self, py: Python<'py>, of: &str) -> PyResult<Bound<'py, PyAny>> {
        let what = "AuditReport.to_dataframe()";
        match of {
            "rows" => frame(
                py,
                self.rows(py)?,
                row_columns(py)?,
                &[
                    "row",
                    "line",
                    "late_by_days",
                    "late_by_working_days",
                    "late_by_minutes",
                ],
                DATE_COLUMNS,
                what,
            ),
            "items" => {
                let empty = ItemTally {
                    item_id: String::new(),
                    name: String::new(),
                    category: String::new(),
                    tally: Tally::default(),
                };
                frame(
                    py,
                    self.by_item(py)?.cast_into::<PyList>()?,
                    keys(py, &empty)?,
                    &[],
                    &[],
                    what,
                )
            }
            "categories" => {
                let empty = gongkai::audit::CategoryTally {
                    category: String::new(),
                    tally: Tally::default(),
                };
                frame(
                    py,
                    self.by_category(py)?.cast_into::<PyList>()?,
                    keys(py, &empty)?,
                    &[],
                    &[],
                    what,
                )
            }
            "issues" => {
                let mut empty =
                    gongkai::Finding::new(gongkai::codes::records::EMPTY, "", None, &[]);
                empty.record = Some(Default::default());
                let empty: AuditIssue = empty.render(gongkai::Lang::Zh, None);
                frame(
                    py,
                    self.issues(py)?.cast_into::<PyList>()?,
                    keys(py, &empty)?,
                    &["row", "line"],
                    &[],
                    what,
                )
            }
            other => Err(error::invalid_argument(
                py,
                format!(
                    "of 应为 \"rows\"、\"items\"、\"categories\" 或 \"issues\"，实际为 {other:?}"
                ),
            )),
        }
    }
    fn __len__(&self) -> usize {
        self.inner.rows.len()
    }
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        self.rows(py)?.try_iter()
    }
    /// No truth value (as for `Report`): use `has_late_or_overdue`, `has_errors` or `len`.
    fn __bool__(&self) -> PyResult<bool> {
        Err(PyTypeError::new_err(
            "the truth value of a gongkai.AuditReport is ambiguous: use report.has_late_or_overdue, \
             report.has_errors or len(report) (number of records)",
        ))
    }
    fn __repr__(&self) -> String {
        let t = &self.inner.summary.overall;
        let mut out = format!("<gongkai.AuditReport records={}", t.records);
        for s in Status::ALL {
            let n = t.count(*s);
            if n > 0 {
                out.push_str(&format!(" {}={n}", s.code()));
            }
        }
        match t.on_time_rate {
            Some(r) => out.push_str(&format!(" on_time_rate={:.1}%", r * 100.0)),
            None => out.push_str(" on_time_rate=None"),
        }
        if let Some(d) = self.inner.today {
            out.push_str(&format!(" today={d}"));
        }
        out.push('>');
        out
    }
}
