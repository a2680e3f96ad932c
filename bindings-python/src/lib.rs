//! `gongkai._gongkai`: the native module behind the `gongkai` Python package.
//!
//! Thin by design: every rule, message, default and parse step is the core's. This crate
//! converts Python inputs to bytes or paths ([`input`]) and dates ([`dates`]), calls the core
//! (`gongkai::Validator`, the calendar and deadlines ([`calendar`]), the audit ([`audit`]), the
//! diff ([`diff`])) with the GIL released where there is work to do, and wraps the core's
//! reports ([`report`]) and `Error` ([`error`]).

mod audit;
mod calendar;
mod changes;
mod dates;
mod diff;
mod error;
mod evaluate;
mod input;
mod laws;
mod parallel;
mod report;
mod site;

use error::{Error, Failure};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};
use pythonize::pythonize;
use report::{PyCounts, PyIssue, PyLocation, PyReport};

/// A reusable validator: options parsed once; thread-safe (share one across threads freely).
#[pyclass(frozen, module = "gongkai", name = "Validator")]
pub struct PyValidator {
    inner: gongkai::Validator,
}

impl PyValidator {
    fn build(
        py: Python<'_>,
        lang: &str,
        min_severity: &str,
        today: Option<&Bound<'_, PyAny>>,
        mask: bool,
        laws: Option<&Bound<'_, PyAny>>,
        max_issues: usize,
    ) -> PyResult<Self> {
        let lang = gongkai::Lang::from_code(lang).ok_or_else(|| {
            error::invalid_argument(py, format!("lang 应为 \"zh\" 或 \"en\"，实际为 {lang:?}"))
        })?;
        let min = gongkai::Severity::from_code(min_severity).ok_or_else(|| {
            error::invalid_argument(
                py,
                format!(
                    "min_severity 应为 \"info\"、\"warning\" 或 \"error\"，实际为 {min_severity:?}"
                ),
            )
        })?;
        let mut options = gongkai::Options::default()
            .lang(lang)
            .min_severity(min)
            .mask_values(mask)
            .max_issues(max_issues);
        if let Some(t) = today.filter(|t| !t.is_none()) {
            let text = if let Ok(s) = t.cast::<PyString>() {
                s.to_string_lossy().into_owned()
            } else if let (Ok(y), Ok(m), Ok(d)) = (
                t.getattr("year").and_then(|v| v.extract::<i64>()),
                t.getattr("month").and_then(|v| v.extract::<i64>()),
                t.getattr("day").and_then(|v| v.extract::<i64>()),
            ) {
                format!("{y:04}-{m:02}-{d:02}")
            } else {
                String::new()
            };
            let date = gongkai::parse_date(&text).ok_or_else(|| {
                error::invalid_argument(
                    py,
                    format!(
                        "today 应为 datetime.date 或 \"YYYY-MM-DD\" 字符串（如 \"2024-03-01\"），实际为 {}",
                        t.repr()
                            .map(|r| r.to_string_lossy().into_owned())
                            .unwrap_or_default()
                    ),
                )
            })?;
            options = options.today(date);
        }
        if let Some(reg) = laws::registry(py, laws, lang)? {
            options = options.laws(reg);
        }
        Ok(PyValidator {
            inner: gongkai::Validator::new(options),
        })
    }

    fn validate_one(&self, py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<PyReport> {
        let input = input::extract(data)?;
        let job = input.job();
        match py.detach(|| job.run(&self.inner)) {
            Ok(report) => Ok(PyReport::from(report)),
            Err(f) => Err(error::to_py_err(py, &f, job.origin())),
        }
    }

    fn validate_many_impl<'py>(
        &self,
        py: Python<'py>,
        paths: &Bound<'py, PyAny>,
        workers: Option<usize>,
        progress: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        if paths.is_instance_of::<PyString>()
            || paths.is_instance_of::<PyBytes>()
            || paths.hasattr("__fspath__")?
        {
            return Err(pyo3::exceptions::PyTypeError::new_err(
                "gongkai.validate_many() takes an iterable of inputs (e.g. a list of paths); \
                 for one input use gongkai.validate()",
            ));
        }
        if workers == Some(0) {
            return Err(error::invalid_argument(
                py,
                "workers 应为正整数或 None（None 表示使用全部 CPU 核）".into(),
            ));
        }
        let inputs = paths
            .try_iter()?
            .map(|item| input::extract(&item?))
            .collect::<PyResult<Vec<_>>>()?;
        let jobs: Vec<_> = inputs.iter().map(|i| i.job()).collect();
        let threads = parallel::thread_count(workers, jobs.len());
        let results = parallel::run(py, jobs.len(), threads, progress, |i| match jobs.get(i) {
            Some(job) => job.run(&self.inner),
            None => Err(Failure::Panic(format!("no job {i}"))),
        })?;
        let out = PyList::empty(py);
        for (job, r) in jobs.iter().zip(results) {
            match r {
                Ok(report) => out.append(PyReport::from(report))?,
                Err(f) => out.append(error::to_py_err(py, &f, job.origin()).into_value(py))?,
            }
        }
        Ok(out)
    }
}

#[pymethods]
impl PyValidator {
    /// `Validator(*, lang="zh", min_severity="info", today=None, mask=False, laws=None, max_issues=100000)`.
    #[new]
    #[pyo3(signature = (*, lang = "zh", min_severity = "info", today = None, mask = false, laws = None, max_issues = 100_000))]
    fn new(
        py: Python<'_>,
        lang: &str,
        min_severity: &str,
        today: Option<&Bound<'_, PyAny>>,
        mask: bool,
        laws: Option<&Bound<'_, PyAny>>,
        max_issues: usize,
    ) -> PyResult<Self> {
        Self::build(py, lang, min_severity, today, mask, laws, max_issues)
    }

    /// Validates one catalogue (see `gongkai.validate`).
    fn validate(&self, py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<PyReport> {
        self.validate_one(py, data)
    }

    /// Validates many catalogues in parallel (see `gongkai.validate_many`).
    #[pyo3(signature = (paths, *, workers = None, progress = false))]
    fn validate_many<'py>(
        &self,
        py: Python<'py>,
        paths: &Bound<'py, PyAny>,
        workers: Option<usize>,
        progress: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        self.validate_many_impl(py, paths, workers, progress)
    }

    /// `"zh"` or `"en"`.
    #[getter]
    fn lang(&self) -> String {
        serde_json::to_value(self.inner.options().lang)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// `"info"`, `"warning"` or `"error"`.
    #[getter]
    fn min_severity(&self) -> &'static str {
        self.inner.options().min_severity.code()
    }

    /// Today's date as `"YYYY-MM-DD"`, or None.
    #[getter]
    fn today(&self) -> Option<String> {
        self.inner.options().today.map(|d| d.to_string())
    }

    fn __repr__(&self) -> String {
        // The values are ASCII codes and a date: quoting them is enough for a Python repr.
        format!(
            "gongkai.Validator(lang='{}', min_severity='{}', today={})",
            self.lang(),
            self.min_severity(),
            self.today()
                .map_or_else(|| "None".to_owned(), |t| format!("'{t}'"))
        )
    }
}

/// Validates one catalogue and returns a Report (see the package docs for what `data` may be).
#[pyfunction]
#[pyo3(signature = (data, *, lang = "zh", min_severity = "info", today = None, mask = false, laws = None, max_issues = 100_000))]
#[allow(clippy::too_many_arguments)]
fn validate(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    lang: &str,
    min_severity: &str,
    today: Option<&Bound<'_, PyAny>>,
    mask: bool,
    laws: Option<&Bound<'_, PyAny>>,
    max_issues: usize,
) -> PyResult<PyReport> {
    PyValidator::build(py, lang, min_severity, today, mask, laws, max_issues)?
        .validate_one(py, data)
}

/// Validates many catalogues in parallel; one Report (or gongkai.Error) per input, in order.
#[pyfunction]
#[pyo3(signature = (paths, *, workers = None, progress = false, lang = "zh", min_severity = "info", today = None, mask = false, laws = None, max_issues = 100_000))]
#[allow(clippy::too_many_arguments)]
fn validate_many<'py>(
    py: Python<'py>,
    paths: &Bound<'py, PyAny>,
    workers: Option<usize>,
    progress: bool,
    lang: &str,
    min_severity: &str,
    today: Option<&Bound<'py, PyAny>>,
    mask: bool,
    laws: Option<&Bound<'py, PyAny>>,
    max_issues: usize,
) -> PyResult<Bound<'py, PyList>> {
    PyValidator::build(py, lang, min_severity, today, mask, laws, max_issues)?
        .validate_many_impl(py, paths, workers, progress)
}

/// The published JSON Schema (draft 2020-12) of a catalogue, as a new dict (keys in the
/// published file's order: properties in the standard table's column order).
#[pyfunction]
fn schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    json_loads(py, &gongkai::schema::catalogue_schema_text())
}

/// The JSON Schema of a report (what `Report.to_dict()` returns, and each line of the CLI's
/// `--format json` output), as a new dict.
#[pyfunction]
fn report_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    json_loads(py, &gongkai::schema::report_schema_text())
}

/// `json.loads(text)`: a dict that keeps the text's key order.
fn json_loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (text,))
}

/// Every rule: code, severity, title, legal source, message templates (zh, en).
#[pyfunction]
fn rules(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    Ok(pythonize(py, &gongkai::codes::defs())?)
}

/// Test hook: panics in native code (with the GIL released when `detached`), to show that a
/// panic surfaces as `pyo3_runtime.PanicException` and the interpreter lives on.
#[pyfunction]
#[pyo3(signature = (*, detached = false))]
fn _panic_for_test(py: Python<'_>, detached: bool) {
    if detached {
        py.detach(|| panic!("gongkai: deliberate panic for tests (detached)"));
    }
    panic!("gongkai: deliberate panic for tests");
}

/// Test hook: runs `n` jobs through the `validate_many` machinery, the one at `panic_at`
/// panicking, the others validating `data`; returns what `validate_many` would.
#[pyfunction]
fn _panic_in_worker_for_test<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    n: usize,
    panic_at: usize,
) -> PyResult<Bound<'py, PyList>> {
    let input = input::extract(data)?;
    let job = input.job();
    let validator = gongkai::Validator::default();
    let results = parallel::run(py, n, parallel::thread_count(Some(2), n), false, |i| {
        if i == panic_at {
            panic!("gongkai: deliberate panic in worker {i}");
        }
        job.run(&validator)
    })?;
    let out = PyList::empty(py);
    for r in results {
        match r {
            Ok(report) => out.append(PyReport::from(report))?,
            Err(f) => out.append(error::to_py_err(py, &f, job.origin()).into_value(py))?,
        }
    }
    Ok(out)
}

#[pymodule]
fn _gongkai(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", gongkai::VERSION)?;
    // For benchmarks: numbers from a debug build are not worth printing.
    m.add(
        "_BUILD",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
    )?;
    m.add("Error", py.get_type::<Error>())?;
    error::init_class(py)?;
    m.add_class::<PyValidator>()?;
    m.add_class::<PyReport>()?;
    m.add_class::<PyIssue>()?;
    m.add_class::<PyLocation>()?;
    m.add_class::<PyCounts>()?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(validate_many, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(report_schema, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(laws::laws, m)?)?;
    m.add_function(wrap_pyfunction!(laws::lookup_law, m)?)?;
    m.add_class::<calendar::PyCalendar>()?;
    m.add_class::<calendar::PyDeadline>()?;
    m.add_class::<audit::PyAuditReport>()?;
    m.add_class::<diff::PyDiffReport>()?;
    m.add_class::<diff::PyDiffFinding>()?;
    m.add_class::<diff::PyCoverage>()?;
    m.add_function(wrap_pyfunction!(calendar::is_working_day, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::add_working_days, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::working_days_between, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::deadline, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::check_calendar, m)?)?;
    m.add(
        "ProvisionalWarning",
        py.get_type::<calendar::ProvisionalWarning>(),
    )?;
    m.add_function(wrap_pyfunction!(audit::audit, m)?)?;
    m.add_function(wrap_pyfunction!(diff::diff, m)?)?;
    m.add_function(wrap_pyfunction!(changes::changes, m)?)?;
    m.add_function(wrap_pyfunction!(diff::consistency, m)?)?;
    m.add_function(wrap_pyfunction!(diff::reference, m)?)?;
    m.add_function(wrap_pyfunction!(diff::reference_names, m)?)?;
    m.add_function(wrap_pyfunction!(diff::diff_report_schema, m)?)?;
    m.add_function(wrap_pyfunction!(site::site, m)?)?;
    m.add_function(wrap_pyfunction!(evaluate::_evaluate, m)?)?;
    m.add_function(wrap_pyfunction!(evaluate::_evaluation_html, m)?)?;
    m.add_function(wrap_pyfunction!(evaluate::_evaluation_xlsx, m)?)?;
    m.add_function(wrap_pyfunction!(evaluate::_evaluation_schema, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_test, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_in_worker_for_test, m)?)?;
    Ok(())
}
