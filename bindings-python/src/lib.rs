//! `gongkai._gongkai`: the native module behind the `gongkai` Python package.
//!
//! Thin by design: every rule, message, default and parse step is the core's. This crate
//! converts Python inputs to bytes or paths ([`input`]) and date arguments ([`dates`]), parses
//! text arguments with the core's parsers ([`gongkai::args`], through [`error::arg`]), calls the
//! core with the GIL released, and hands every result back through one generic path
//! ([`result`]): the core's value in a handle, wrapped by the class of the same name in
//! `python/gongkai/__init__.py`, whose attributes are the value's JSON keys.
//!
//! To expose another core function: a `#[pyfunction]` here (or in a module of its own) that
//! reads its arguments with [`input::extract`], [`error::arg`] and [`dates`], calls the core, and
//! returns `result::wrap(py, "Name", value, None)`; a `Name` class in `__init__.py` listing the
//! value's keys it exposes (when a new kind of result); the function in `__init__.py`'s imports,
//! `__init__.pyi` and `m.add_function` below.

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
mod result;
mod site;

use error::{Error, Failure, arg};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};
use pythonize::pythonize;

/// A reusable validator: options parsed once; thread-safe (share one across threads freely).
#[pyclass(frozen, module = "gongkai", name = "Validator")]
pub struct PyValidator {
    inner: gongkai::Validator,
    /// How tables are read, and the catalogue fields they lack.
    table: input::TableOptions,
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
        let lang = arg(py, "lang", lang)?;
        let mut options = gongkai::Options::default()
            .lang(lang)
            .min_severity(arg(py, "min_severity", min_severity)?)
            .mask_values(mask)
            .max_issues(max_issues);
        if let Some(t) = today.filter(|t| !t.is_none()) {
            options = options.today(dates::date(t, "today")?);
        }
        if let Some(reg) = laws::registry(py, laws, lang)? {
            options = options.laws(reg);
        }
        Ok(PyValidator {
            inner: gongkai::Validator::new(options),
            table: input::TableOptions::default(),
        })
    }

    fn validate_one<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let input = input::extract(data)?;
        let job = input.job();
        match py.detach(|| job.run(&self.inner, &self.table)) {
            Ok(report) => result::wrap(py, "Report", report, None),
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
            Some(job) => job.run(&self.inner, &self.table),
            None => Err(Failure::Panic(format!("no job {i}"))),
        })?;
        reports(py, jobs.iter().map(input::Job::origin), results)
    }
}

/// One `Report`, or the `Error` instance (not raised), per job.
fn reports<'py, 'a>(
    py: Python<'py>,
    origins: impl Iterator<Item = error::Origin<'a>>,
    results: Vec<Result<gongkai::Report, Failure>>,
) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    for (origin, r) in origins.zip(results) {
        match r {
            Ok(report) => out.append(result::wrap(py, "Report", report, None)?)?,
            Err(f) => out.append(error::to_py_err(py, &f, origin).into_value(py))?,
        }
    }
    Ok(out)
}

#[pymethods]
impl PyValidator {
    /// `Validator(*, lang="zh", min_severity="info", today=None, mask=False, laws=None,
    /// max_issues=100000, sheet=None, title=None, domain=None, publisher=None, level=None,
    /// issued=None)`: the last six say how tables are read and give the catalogue fields a
    /// table lacks.
    #[new]
    #[pyo3(signature = (*, lang = "zh", min_severity = "info", today = None, mask = false, laws = None, max_issues = 100_000, sheet = None, title = None, domain = None, publisher = None, level = None, issued = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        lang: &str,
        min_severity: &str,
        today: Option<&Bound<'_, PyAny>>,
        mask: bool,
        laws: Option<&Bound<'_, PyAny>>,
        max_issues: usize,
        sheet: Option<String>,
        title: Option<String>,
        domain: Option<String>,
        publisher: Option<String>,
        level: Option<&str>,
        issued: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut v = Self::build(py, lang, min_severity, today, mask, laws, max_issues)?;
        v.table = input::TableOptions::new(py, sheet, title, domain, publisher, level, issued)?;
        Ok(v)
    }

    /// Validates one catalogue (see `gongkai.validate`).
    fn validate<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
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

    /// For `gongkai.spark`: validates `(name, bytes)` pairs (files already read, any format, the
    /// name picking it) in parallel with the GIL released, this one validator shared by the
    /// threads; one `Report` or `Error` per pair, in order.
    #[pyo3(signature = (files, *, workers = None))]
    fn _validate_named<'py>(
        &self,
        py: Python<'py>,
        files: &Bound<'py, PyAny>,
        workers: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let pairs = files
            .try_iter()?
            .map(|item| item?.extract::<(String, Bound<'py, PyBytes>)>())
            .collect::<PyResult<Vec<_>>>()?;
        let jobs: Vec<_> = pairs
            .iter()
            .map(|(name, data)| input::Job::Named {
                bytes: data.as_bytes(),
                name,
            })
            .collect();
        let threads = parallel::thread_count(workers.filter(|&w| w > 0), jobs.len());
        let results = parallel::run(py, jobs.len(), threads, false, |i| match jobs.get(i) {
            Some(job) => job.run(&self.inner, &self.table),
            None => Err(Failure::Panic(format!("no job {i}"))),
        })?;
        reports(py, jobs.iter().map(input::Job::origin), results)
    }

    /// `"zh"` or `"en"`.
    #[getter]
    fn lang(&self) -> &'static str {
        self.inner.options().lang.code()
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
        let today = self
            .today()
            .map_or_else(|| "None".into(), |t| format!("'{t}'"));
        format!(
            "gongkai.Validator(lang='{}', min_severity='{}', today={today})",
            self.lang(),
            self.min_severity(),
        )
    }
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
pub(crate) fn json_loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (text,))
}

/// Every rule: code, severity, title, legal source, message templates (zh, en).
#[pyfunction]
fn rules(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    Ok(pythonize(py, &gongkai::codes::defs())?)
}

/// The core's error for a bad argument `name` (for the checks of the Python package): the
/// `gongkai.Error` instance, to raise.
#[pyfunction]
fn _invalid_argument(py: Python<'_>, name: &str, expected: &str, found: &str) -> Py<PyAny> {
    let e = gongkai::args::invalid(name, expected, found);
    error::core_err(py, e).into_value(py).into_any()
}

/// Whether a file found under a folder or a glob is a catalogue file (the core's rule: the
/// loader's extensions, no hidden or Office lock files), for `gongkai.spark`.
#[pyfunction]
fn _is_catalogue_name(name: &str) -> bool {
    gongkai::batch::is_catalogue_name(name)
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
        job.run(&validator, &input::TableOptions::default())
    })?;
    reports(py, std::iter::repeat(job.origin()), results)
}

#[pymodule]
fn _gongkai(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", gongkai::VERSION)?;
    // For benchmarks: numbers from a debug build are not worth printing.
    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    m.add("_BUILD", build)?;
    m.add("Error", py.get_type::<Error>())?;
    error::init_class(py)?;
    m.add_class::<PyValidator>()?;
    m.add_class::<calendar::PyCalendar>()?;
    m.add_class::<result::Native>()?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(report_schema, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(laws::laws, m)?)?;
    m.add_function(wrap_pyfunction!(laws::lookup_law, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::deadline, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::check_calendar, m)?)?;
    m.add(
        "ProvisionalWarning",
        py.get_type::<calendar::ProvisionalWarning>(),
    )?;
    m.add_function(wrap_pyfunction!(audit::audit, m)?)?;
    m.add_function(wrap_pyfunction!(audit::_audit_columns, m)?)?;
    m.add_function(wrap_pyfunction!(diff::diff, m)?)?;
    m.add_function(wrap_pyfunction!(changes::changes, m)?)?;
    m.add_function(wrap_pyfunction!(diff::consistency, m)?)?;
    m.add_function(wrap_pyfunction!(diff::reference, m)?)?;
    m.add_function(wrap_pyfunction!(diff::reference_names, m)?)?;
    m.add_function(wrap_pyfunction!(diff::diff_report_schema, m)?)?;
    m.add_function(wrap_pyfunction!(site::site, m)?)?;
    m.add_function(wrap_pyfunction!(_invalid_argument, m)?)?;
    m.add_function(wrap_pyfunction!(evaluate::_evaluate, m)?)?;
    m.add_function(wrap_pyfunction!(evaluate::_evaluation_native, m)?)?;
    m.add_function(wrap_pyfunction!(evaluate::_evaluation_html, m)?)?;
    m.add_function(wrap_pyfunction!(evaluate::_evaluation_xlsx, m)?)?;
    m.add_function(wrap_pyfunction!(evaluate::_evaluation_schema, m)?)?;
    m.add_function(wrap_pyfunction!(_is_catalogue_name, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_test, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_in_worker_for_test, m)?)?;
    Ok(())
}
