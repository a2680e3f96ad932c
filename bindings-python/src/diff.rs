//! `gongkai.diff` (a catalogue against the upper-level standard) and `gongkai.consistency`
//! (two linked catalogues), their `DiffReport`, and the embedded reference catalogues.
//!
//! Catalogues are read as `validate` reads them, or named (`"municipal_services"`, embedded in
//! the core); loading, matching and comparing run with the GIL released. `to_dict()` /
//! `to_json()` are the core's JSON (what `gongkai diff --format json` prints).

use crate::calendar::lang_arg;
use crate::error::{self, Failure, Origin};
use crate::input::{self, Input};
use crate::report::{PyCounts, PyLocation, pandas};
use gongkai::diff::{self as gd, DiffFinding, DiffOptions, DiffReport};
use gongkai::{Catalogue, Severity};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyIterator, PyList, PyString};
use pythonize::pythonize;

/// One catalogue of a comparison: embedded, or read as `validate` reads it.
enum Side<'py> {
    Embedded(Box<Catalogue<'static>>),
    Input(Input<'py>),
}

/// Reads a catalogue argument. With `names`, a `str` that is the name of an embedded reference
/// (and not an existing file) is that reference, as on the command line (`gongkai diff`).
fn side<'py>(obj: &Bound<'py, PyAny>, names: bool) -> PyResult<Side<'py>> {
    let py = obj.py();
    if names {
        if let Ok(s) = obj.cast::<PyString>() {
            let spec = s.to_string_lossy();
            let trimmed = spec.trim();
            if !input::looks_like_json_text(spec.as_bytes())
                && !std::path::Path::new(spec.as_ref()).exists()
            {
                if let Some(cat) = gd::reference(trimmed) {
                    return Ok(Side::Embedded(Box::new(cat)));
                }
                if !trimmed.contains(['/', '\\', '.']) {
                    return Err(error::invalid_argument(
                        py,
                        format!(
                            "“{}”既不是文件，也不是内置的上级标准目录名（可用：{}）",
                            gongkai::excerpt(trimmed, 60),
                            gd::REFERENCE_NAMES.join("、")
                        ),
                    ));
                }
            }
        }
    }
    input::extract(obj).map(Side::Input)
}

/// The options of a diff or consistency check.
fn options(
    py: Python<'_>,
    lang: &str,
    min_severity: &str,
    threshold: f64,
    margin: f64,
) -> PyResult<DiffOptions> {
    let min = Severity::from_code(min_severity).ok_or_else(|| {
        error::invalid_argument(
            py,
            format!(
                "min_severity 应为 \"info\"、\"warning\" 或 \"error\"，实际为 {min_severity:?}"
            ),
        )
    })?;
    for (name, v, lo, hi) in [
        ("threshold", threshold, 0.0, 1.0),
        ("margin", margin, 0.0, 0.5),
    ] {
        if !(v.is_finite() && (lo..=hi).contains(&v)) {
            return Err(error::invalid_argument(
                py,
                format!("{name} 应为 {lo}–{hi} 之间的数，实际为 {v}"),
            ));
        }
    }
    Ok(DiffOptions::default()
        .lang(lang_arg(py, lang)?)
        .min_severity(min)
        .threshold(threshold)
        .margin(margin))
}

fn run(
    py: Python<'_>,
    first: &Bound<'_, PyAny>,
    second: &Bound<'_, PyAny>,
    options: DiffOptions,
    consistency: bool,
) -> PyResult<PyDiffReport> {
    let a = side(first, true)?;
    let b = side(second, false)?;
    let job_a = match &a {
        Side::Input(i) => Some(i.job()),
        Side::Embedded(_) => None,
    };
    let job_b = match &b {
        Side::Input(i) => Some(i.job()),
        Side::Embedded(_) => None,
    };
    let embedded_a = match &a {
        Side::Embedded(c) => Some(c.as_ref()),
        Side::Input(_) => None,
    };
    enum Failed {
        First(Failure),
        Second(Failure),
    }
    let result = py.detach(|| {
        let load = |job: &Option<input::Job<'_>>| match job {
            Some(j) => j.catalogue().map(Some),
            None => Ok(None),
        };
        let la = load(&job_a).map_err(Failed::First)?;
        let lb = load(&job_b).map_err(Failed::Second)?;
        let (cat_a, src_a) = match (&la, embedded_a) {
            (Some(l), _) => (&l.catalogue, l.sources.as_ref()),
            (None, Some(c)) => (c, None),
            (None, None) => return Err(Failed::First(Failure::Panic("no catalogue".into()))),
        };
        let Some(lb) = lb else {
            return Err(Failed::Second(Failure::Panic("no catalogue".into())));
        };
        let report = if consistency {
            gd::consistency(cat_a, &lb.catalogue, &options)
        } else {
            gd::diff(cat_a, &lb.catalogue, &options)
        };
        Ok(report.with_locations(src_a, lb.sources.as_ref()))
    });
    match result {
        Ok(r) => Ok(PyDiffReport::from(r)),
        Err(Failed::First(f)) => Err(error::to_py_err(py, &f, origin(job_a.as_ref()))),
        Err(Failed::Second(f)) => Err(error::to_py_err(py, &f, origin(job_b.as_ref()))),
    }
}

fn origin<'a>(job: Option<&'a input::Job<'_>>) -> Origin<'a> {
    job.map_or(Origin::Text, input::Job::origin)
}

fn local_location(f: &DiffFinding) -> Option<&gongkai::Location> {
    f.local_location()
}

fn reference_location(f: &DiffFinding) -> Option<&gongkai::Location> {
    f.reference_location()
}

/// Checks a local catalogue against the upper-level standard (see the package docs).
#[pyfunction]
#[pyo3(signature = (reference, local, *, lang = "zh", min_severity = "info", threshold = 0.6, margin = 0.05))]
pub(crate) fn diff(
    py: Python<'_>,
    reference: &Bound<'_, PyAny>,
    local: &Bound<'_, PyAny>,
    lang: &str,
    min_severity: &str,
    threshold: f64,
    margin: f64,
) -> PyResult<PyDiffReport> {
    let o = options(py, lang, min_severity, threshold, margin)?;
    run(py, reference, local, o, false)
}

/// Checks that two linked catalogues agree on the items they share (see the package docs).
#[pyfunction]
#[pyo3(signature = (first, second, *, lang = "zh", min_severity = "info", threshold = 0.6, margin = 0.05))]
pub(crate) fn consistency(
    py: Python<'_>,
    first: &Bound<'_, PyAny>,
    second: &Bound<'_, PyAny>,
    lang: &str,
    min_severity: &str,
    threshold: f64,
    margin: f64,
) -> PyResult<PyDiffReport> {
    let o = options(py, lang, min_severity, threshold, margin)?;
    run(py, first, second, o, true)
}

/// An embedded reference catalogue as a new dict (its JSON, provenance and notes included).
#[pyfunction]
#[pyo3(signature = (name = "municipal_services"))]
pub(crate) fn reference<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    let json = gd::reference_json(name).ok_or_else(|| {
        error::invalid_argument(
            py,
            format!(
                "没有名为 {name:?} 的内置上级标准目录（可用：{}）",
                gd::REFERENCE_NAMES.join("、")
            ),
        )
    })?;
    py.import("json")?.getattr("loads")?.call1((json,))
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

/// Coverage figures of a diff (in consistency mode the first catalogue plays the reference).
#[pyclass(frozen, eq, get_all, module = "gongkai", name = "Coverage")]
#[derive(Debug, Clone, PartialEq)]
pub struct PyCoverage {
    /// Items of the reference.
    reference_items: usize,
    /// Items of the local catalogue.
    local_items: usize,
    /// Reference items matched to a local item.
    matched: usize,
    /// Matched and fully kept (diff), or consistent (consistency).
    fully_kept: usize,
    /// Matched but weakened (diff), or inconsistent (consistency).
    weakened: usize,
    /// Matched, nothing weakened, but not everything could be compared.
    unverified: usize,
    /// Reference items not found.
    missing: usize,
    /// Reference items left unmatched because two candidates were equally close.
    ambiguous: usize,
    /// Local items with no counterpart in the reference.
    local_additions: usize,
    /// matched / reference_items.
    present_share: f64,
    /// fully_kept / reference_items.
    fully_kept_share: f64,
}

impl From<&gd::Coverage> for PyCoverage {
    fn from(c: &gd::Coverage) -> Self {
        // Destructured without `..`: a new field of the core must be added here too.
        let gd::Coverage {
            reference_items,
            local_items,
            matched,
            fully_kept,
            weakened,
            unverified,
            missing,
            ambiguous,
            local_additions,
            present_share,
            fully_kept_share,
        } = c.clone();
        PyCoverage {
            reference_items,
            local_items,
            matched,
            fully_kept,
            weakened,
            unverified,
            missing,
            ambiguous,
            local_additions,
            present_share,
            fully_kept_share,
        }
    }
}

#[pymethods]
impl PyCoverage {
    /// The figures as a dict (as in the report JSON).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("reference_items", self.reference_items)?;
        d.set_item("local_items", self.local_items)?;
        d.set_item("matched", self.matched)?;
        d.set_item("fully_kept", self.fully_kept)?;
        d.set_item("weakened", self.weakened)?;
        d.set_item("unverified", self.unverified)?;
        d.set_item("missing", self.missing)?;
        d.set_item("ambiguous", self.ambiguous)?;
        d.set_item("local_additions", self.local_additions)?;
        d.set_item("present_share", self.present_share)?;
        d.set_item("fully_kept_share", self.fully_kept_share)?;
        Ok(d)
    }
    fn __repr__(&self) -> String {
        format!(
            "Coverage(reference_items={}, matched={}, fully_kept={}, weakened={}, missing={}, \
             ambiguous={}, local_additions={}, present_share={:?}, fully_kept_share={:?})",
            self.reference_items,
            self.matched,
            self.fully_kept,
            self.weakened,
            self.missing,
            self.ambiguous,
            self.local_additions,
            self.present_share,
            self.fully_kept_share
        )
    }
}

/// One finding of a diff or consistency check.
#[pyclass(frozen, eq, module = "gongkai", name = "DiffFinding")]
#[derive(Debug, Clone, PartialEq)]
pub struct PyDiffFinding {
    inner: DiffFinding,
}

#[pymethods]
impl PyDiffFinding {
    /// Stable code, e.g. `diff.missing_item` (see `gongkai.rules()`).
    #[getter]
    fn code(&self) -> &str {
        &self.inner.code
    }
    /// `"error"`, `"warning"` or `"info"`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.inner.severity.code()
    }
    /// JSON Pointer into the reference (first) catalogue, or None.
    #[getter]
    fn reference_path(&self) -> Option<&str> {
        self.inner.reference_path()
    }
    /// JSON Pointer into the local (second) catalogue, or None.
    #[getter]
    fn local_path(&self) -> Option<&str> {
        self.inner.local_path()
    }
    /// `id` of the reference item, or None.
    #[getter]
    fn reference_item_id(&self) -> Option<&str> {
        self.inner.reference_item_id()
    }
    /// `id` of the local item, or None.
    #[getter]
    fn local_item_id(&self) -> Option<&str> {
        self.inner.local_item_id()
    }
    /// The rendered message.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }
    /// The cell of the reference value, when the reference came from a table.
    #[getter]
    fn reference_location(&self) -> Option<PyLocation> {
        self.inner
            .reference_location()
            .cloned()
            .map(PyLocation::from)
    }
    /// The cell of the local value, when the local catalogue came from a table.
    #[getter]
    fn local_location(&self) -> Option<PyLocation> {
        self.inner.local_location().cloned().map(PyLocation::from)
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
    /// The finding as a dict, exactly as in the report JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize(py, &self.inner)?)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let r = |s: Option<&str>| -> PyResult<String> {
            match s {
                Some(s) => Ok(PyString::new(py, s).repr()?.to_string_lossy().into_owned()),
                None => Ok("None".into()),
            }
        };
        Ok(format!(
            "DiffFinding(code={}, severity={}, reference_path={}, local_path={}, message={})",
            r(Some(self.inner.code.as_str()))?,
            r(Some(self.inner.severity.code()))?,
            r(self.inner.reference_path())?,
            r(self.inner.local_path())?,
            r(Some(&self.inner.message))?,
        ))
    }
}

/// The result of `diff` or `consistency`.
#[pyclass(frozen, eq, module = "gongkai", name = "DiffReport")]
pub struct PyDiffReport {
    inner: DiffReport,
    findings: PyOnceLock<Vec<Py<PyDiffFinding>>>,
}

impl PartialEq for PyDiffReport {
    fn eq(&self, other: &Self) -> bool {
        self.inner == other.inner
    }
}

impl From<DiffReport> for PyDiffReport {
    fn from(inner: DiffReport) -> Self {
        PyDiffReport {
            inner,
            findings: PyOnceLock::new(),
        }
    }
}

/// How many findings `repr(report)` lists.
const REPR_FINDINGS: usize = 10;

impl PyDiffReport {
    fn finding_objects(&self, py: Python<'_>) -> PyResult<&Vec<Py<PyDiffFinding>>> {
        self.findings.get_or_try_init(py, || {
            self.inner
                .findings
                .iter()
                .map(|f| Py::new(py, PyDiffFinding { inner: f.clone() }))
                .collect()
        })
    }
}

#[pymethods]
impl PyDiffReport {
    /// `"diff"` or `"consistency"`.
    #[getter]
    fn mode(&self) -> &'static str {
        match self.inner.mode {
            gd::DiffMode::Diff => "diff",
            gd::DiffMode::Consistency => "consistency",
        }
    }
    /// True exactly when no finding has severity `error` (whatever `min_severity` hid).
    #[getter]
    fn valid(&self) -> bool {
        self.inner.valid
    }
    /// The reference (first) catalogue: `{"title", "publisher", "items"}`.
    #[getter]
    fn reference<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize(py, &self.inner.reference)?)
    }
    /// The local (second) catalogue: `{"title", "publisher", "items"}`.
    #[getter]
    fn local<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize(py, &self.inner.local)?)
    }
    /// Coverage figures.
    #[getter]
    fn coverage(&self) -> PyCoverage {
        PyCoverage::from(&self.inner.coverage)
    }
    /// Finding counts by severity (of the findings reported).
    #[getter]
    fn counts(&self) -> PyCounts {
        PyCounts::from(self.inner.counts)
    }
    /// The matched pairs, in reference order: dicts with reference_path, local_path,
    /// reference_id, local_id, reference_name, local_name, score, method, reason, status.
    #[getter]
    fn matches<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize(py, &self.inner.matches)?)
    }
    /// Every finding (a new list on each access; the findings are shared).
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.finding_objects(py)?)
    }
    /// The report as a dict, exactly the report JSON (`gongkai.diff_report_schema()`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize(py, &self.inner)?)
    }
    /// The report as JSON text: what `gongkai diff --format json` prints.
    #[pyo3(signature = (*, pretty = false))]
    fn to_json(&self, pretty: bool) -> String {
        if pretty {
            self.inner.to_json_pretty()
        } else {
            self.inner.to_json()
        }
    }
    /// A pandas DataFrame of the findings (`of="findings"`, default; columns code, severity,
    /// reference_path, local_path, reference_item_id, local_item_id, message, local_sheet,
    /// local_row, local_column, reference_sheet, reference_row, reference_column, params) or of
    /// the matched pairs (`of="matches"`).
    #[pyo3(signature = (of = "findings"))]
    fn to_dataframe<'py>(&self, py: Python<'py>, of: &str) -> PyResult<Bound<'py, PyAny>> {
        let pd = pandas(py, "DiffReport.to_dataframe()")?;
        match of {
            "findings" => {}
            "matches" => {
                let rows = self.matches(py)?;
                let kwargs = PyDict::new(py);
                kwargs.set_item(
                    "columns",
                    [
                        "reference_path",
                        "local_path",
                        "reference_id",
                        "local_id",
                        "reference_name",
                        "local_name",
                        "score",
                        "method",
                        "reason",
                        "status",
                    ],
                )?;
                return pd.getattr("DataFrame")?.call((rows,), Some(&kwargs));
            }
            other => {
                return Err(error::invalid_argument(
                    py,
                    format!("of 应为 \"findings\" 或 \"matches\"，实际为 {other:?}"),
                ));
            }
        }
        let fs = &self.inner.findings;
        let col = |f: &dyn Fn(&DiffFinding) -> Py<PyAny>| -> PyResult<Bound<'py, PyList>> {
            PyList::new(py, fs.iter().map(f))
        };
        let s = |v: &str| PyString::new(py, v).into_any().unbind();
        let opt = |v: Option<&str>| v.map_or_else(|| py.None(), s);
        let data = PyDict::new(py);
        data.set_item("code", col(&|f| s(f.code.as_str()))?)?;
        data.set_item("severity", col(&|f| s(f.severity.code()))?)?;
        data.set_item("reference_path", col(&|f| opt(f.reference_path()))?)?;
        data.set_item("local_path", col(&|f| opt(f.local_path()))?)?;
        data.set_item("reference_item_id", col(&|f| opt(f.reference_item_id()))?)?;
        data.set_item("local_item_id", col(&|f| opt(f.local_item_id()))?)?;
        data.set_item("message", col(&|f| s(&f.message))?)?;
        type Get = fn(&DiffFinding) -> Option<&gongkai::Location>;
        for (side, get) in [
            ("local", local_location as Get),
            ("reference", reference_location as Get),
        ] {
            data.set_item(
                format!("{side}_sheet"),
                col(&|f| opt(get(f).and_then(|l| l.sheet.as_deref())))?,
            )?;
            data.set_item(
                format!("{side}_row"),
                PyList::new(py, fs.iter().map(|f| get(f).map(|l| l.row)))?,
            )?;
            data.set_item(
                format!("{side}_column"),
                col(&|f| opt(get(f).and_then(|l| l.column.as_deref())))?,
            )?;
        }
        let params = PyList::empty(py);
        for f in fs {
            let d = PyDict::new(py);
            for (k, v) in &f.params {
                d.set_item(k, v)?;
            }
            params.append(d)?;
        }
        data.set_item("params", params)?;
        let df = pd.getattr("DataFrame")?.call1((data,))?;
        for c in ["local_row", "reference_row"] {
            let col = df.get_item(c)?.call_method1("astype", ("Int64",))?;
            df.set_item(c, col)?;
        }
        Ok(df)
    }
    fn __len__(&self) -> usize {
        self.inner.findings.len()
    }
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        self.findings(py)?.try_iter()
    }
    /// No truth value (as for `Report`): use `.valid` or `len(report)`.
    fn __bool__(&self) -> PyResult<bool> {
        Err(PyTypeError::new_err(
            "the truth value of a gongkai.DiffReport is ambiguous: use report.valid (no errors) \
             or len(report) (number of findings)",
        ))
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let c = &self.inner.coverage;
        let k = self.inner.counts;
        let mut out = format!(
            "<gongkai.DiffReport mode={} valid={} matched={}/{} fully_kept={} missing={} \
             error={} warning={} info={}>",
            self.mode(),
            if self.inner.valid { "True" } else { "False" },
            c.matched,
            c.reference_items,
            c.fully_kept,
            c.missing,
            k.error,
            k.warning,
            k.info
        );
        for f in self.inner.findings.iter().take(REPR_FINDINGS) {
            let paths = format!(
                "{} → {}",
                f.reference_path().unwrap_or("–"),
                f.local_path().unwrap_or("–")
            );
            out.push_str(&format!(
                "\n  {:<7} {paths} {} {}",
                f.severity.code(),
                f.code,
                PyString::new(py, &gongkai::excerpt(&f.message, 80))
                    .repr()?
                    .to_string_lossy()
            ));
        }
        if self.inner.findings.len() > REPR_FINDINGS {
            out.push_str(&format!(
                "\n  … {} more (report.findings, report.to_dataframe())",
                self.inner.findings.len() - REPR_FINDINGS
            ));
        }
        Ok(out)
    }
}
