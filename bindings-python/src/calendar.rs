//! Working days and deadlines: `gongkai.Calendar`, `is_working_day`, `add_working_days`,
//! `working_days_between` and `deadline`.
//!
//! The module functions use the embedded holiday schedule (`gongkai::calendar::embedded`). A
//! newer schedule is a `Calendar` object (`Calendar.from_csv`, `Calendar().with_csv`), with the
//! same methods, which `deadline` and `audit` accept as `calendar=`. Every count, every date and
//! every message is the core's.

use crate::dates;
use crate::error::{self, Failure, Origin};
use gongkai::calendar::Calendar;
use gongkai::deadline::{Deadline, MAX_EXTENSION_WORKING_DAYS, Start};
use gongkai::{Lang, TimeLimit};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyMemoryView, PyString};
use pythonize::pythonize;

/// A core error raised as `gongkai.Error` (no file involved).
pub(crate) fn core_err(py: Python<'_>, e: gongkai::Error) -> PyErr {
    error::to_py_err(py, &Failure::Core(e), Origin::Text)
}

/// The message language argument.
pub(crate) fn lang_arg(py: Python<'_>, lang: &str) -> PyResult<Lang> {
    Lang::from_code(lang).ok_or_else(|| {
        error::invalid_argument(py, format!("lang 应为 \"zh\" 或 \"en\"，实际为 {lang:?}"))
    })
}

/// The schedule a `Calendar` holds: the embedded one (shared, parsed once per process) or its
/// own.
#[derive(Debug)]
enum Schedule {
    Embedded,
    Own(Box<Calendar>),
}

/// A working-day calendar: the official holiday schedule of the covered years.
#[pyclass(frozen, eq, module = "gongkai", name = "Calendar")]
#[derive(Debug)]
pub struct PyCalendar {
    schedule: Schedule,
}

impl PartialEq for PyCalendar {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl PyCalendar {
    /// The core calendar.
    pub(crate) fn get(&self) -> &Calendar {
        match &self.schedule {
            Schedule::Embedded => gongkai::calendar::embedded(),
            Schedule::Own(c) => c,
        }
    }

    fn own(c: Calendar) -> Self {
        PyCalendar {
            schedule: Schedule::Own(Box::new(c)),
        }
    }
}

/// Where a schedule CSV comes from: its text, or a file read in Rust.
enum CsvSource {
    Text(String),
    File(std::path::PathBuf),
}

fn csv_source(obj: &Bound<'_, PyAny>) -> PyResult<CsvSource> {
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_cow()?.into_owned();
        // A one-line str naming an existing file is almost certainly meant as a path.
        if !text.contains(['\n', '\r']) && std::path::Path::new(&text).is_file() {
            return Err(error::invalid_argument(
                py,
                format!(
                    "字符串被当作节假日安排 CSV 文本，而“{}”是一个文件名；读取文件请传入 pathlib.Path",
                    gongkai::excerpt(&text, 60)
                ),
            ));
        }
        return Ok(CsvSource::Text(text));
    }
    if obj.is_instance_of::<PyBytes>()
        || obj.is_instance_of::<PyByteArray>()
        || obj.is_instance_of::<PyMemoryView>()
    {
        let bytes: Vec<u8> = py
            .import("builtins")?
            .getattr("bytes")?
            .call1((obj,))?
            .extract()?;
        return String::from_utf8(bytes).map(CsvSource::Text).map_err(|_| {
            core_err(
                py,
                gongkai::Error::Calendar("节假日安排表不是 UTF-8 编码，请另存为 UTF-8".into()),
            )
        });
    }
    if obj.hasattr("__fspath__")? {
        let p = py.import("os")?.getattr("fsdecode")?.call1((obj,))?;
        return Ok(CsvSource::File(p.extract()?));
    }
    Err(pyo3::exceptions::PyTypeError::new_err(
        "gongkai: a holiday schedule is CSV text (str or bytes) or a path (os.PathLike)",
    ))
}

/// Reads the CSV (if a file) and builds a calendar with `build`, detached from Python.
fn load(
    py: Python<'_>,
    source: &CsvSource,
    build: impl FnOnce(&str) -> Result<Calendar, gongkai::Error> + Send,
) -> PyResult<Calendar> {
    match source {
        CsvSource::Text(text) => py.detach(|| build(text)).map_err(|e| core_err(py, e)),
        CsvSource::File(path) => {
            let name = path.to_string_lossy();
            let result = py.detach(|| {
                let bytes = std::fs::read(path).map_err(|e| gongkai::Error::Io {
                    path: name.to_string(),
                    message: e.to_string(),
                })?;
                let text = String::from_utf8(bytes).map_err(|_| {
                    gongkai::Error::Calendar("节假日安排表不是 UTF-8 编码，请另存为 UTF-8".into())
                })?;
                build(&text)
            });
            result.map_err(|e| error::to_py_err(py, &Failure::Core(e), Origin::File(&name)))
        }
    }
}

/// A non-negative count argument (`n`, `working_days`, …).
fn count_arg(py: Python<'_>, what: &str, v: &Bound<'_, PyAny>) -> PyResult<u32> {
    // Any integer (`__index__`: int, NumPy integers), but not a bool.
    let n = if v.is_instance_of::<PyBool>() {
        None
    } else {
        v.extract::<i64>().ok()
    };
    n.and_then(|n| u32::try_from(n).ok()).ok_or_else(|| {
        error::invalid_argument(
            py,
            format!(
                "{what} 应为非负整数，实际为 {}",
                v.repr()
                    .map(|r| r.to_string_lossy().into_owned())
                    .unwrap_or_default()
            ),
        )
    })
}

#[pymethods]
impl PyCalendar {
    /// `Calendar()`: the embedded schedule (the notices of 2007–2026).
    #[new]
    fn new() -> Self {
        PyCalendar {
            schedule: Schedule::Embedded,
        }
    }

    /// A calendar of exactly the schedule given: CSV text (`str` or `bytes`, header
    /// `date,kind,name`) or a path (`os.PathLike`) to such a file.
    #[staticmethod]
    fn from_csv(py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<Self> {
        let source = csv_source(source)?;
        load(py, &source, Calendar::from_csv).map(PyCalendar::own)
    }

    /// A copy of this calendar with the years of `source` added (or replaced): how a newly
    /// published notice (e.g. 2027) is loaded on top of the embedded schedule.
    fn with_csv(&self, py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<Self> {
        let source = csv_source(source)?;
        let base = self.get();
        load(py, &source, |text| base.with_csv(text)).map(PyCalendar::own)
    }

    /// Whether `date` is a working day (工作日).
    fn is_working_day(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        let d = dates::extract_date(date, "date")?;
        self.get().is_working_day(d).map_err(|e| core_err(py, e))
    }

    /// The `n`th working day after `date` (the start day is not counted).
    fn add_working_days(
        &self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        n: &Bound<'_, PyAny>,
    ) -> PyResult<Py<PyAny>> {
        let d = dates::extract_date(date, "date")?;
        let n = count_arg(py, "n", n)?;
        let r = self
            .get()
            .add_working_days(d, n)
            .map_err(|e| core_err(py, e))?;
        dates::date(py, r)
    }

    /// The number of working days in `(a, b]`; negative when `b` is before `a`.
    fn working_days_between(
        &self,
        py: Python<'_>,
        a: &Bound<'_, PyAny>,
        b: &Bound<'_, PyAny>,
    ) -> PyResult<i64> {
        let a = dates::extract_date(a, "a")?;
        let b = dates::extract_date(b, "b")?;
        self.get()
            .working_days_between(a, b)
            .map_err(|e| core_err(py, e))
    }

    /// What the schedule says about `date`: `{"date", "working", "kind", "name"}` (`kind` is
    /// `"off"`, `"work"` or None for an ordinary day).
    fn day<'py>(&self, py: Python<'py>, date: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
        let d = dates::extract_date(date, "date")?;
        let info = self.get().day(d).map_err(|e| core_err(py, e))?;
        let out = PyDict::new(py);
        out.set_item("date", dates::date(py, info.date)?)?;
        out.set_item("working", info.working)?;
        out.set_item("kind", info.kind.map(|k| k.code()))?;
        out.set_item("name", info.name)?;
        Ok(out)
    }

    /// The years whose notice is in the schedule, sorted.
    #[getter]
    fn years(&self) -> Vec<i32> {
        self.get().covered_years().to_vec()
    }

    /// Whether the notice of `year` is in the schedule.
    fn covers(&self, year: i32) -> bool {
        self.get().covers(year)
    }

    fn __repr__(&self) -> String {
        let cal = self.get();
        let what = match cal.year_range() {
            Some((a, b)) => format!("{a}–{b}, {} years", cal.covered_years().len()),
            None => "no year".to_owned(),
        };
        let source = match self.schedule {
            Schedule::Embedded => " embedded",
            Schedule::Own(_) => "",
        };
        format!("<gongkai.Calendar{source} {what}>")
    }
}

/// Whether `date` is a working day, by the embedded schedule.
#[pyfunction]
pub(crate) fn is_working_day(py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<bool> {
    PyCalendar::new().is_working_day(py, date)
}

/// The `n`th working day after `date` (the start day is not counted), by the embedded schedule.
#[pyfunction]
pub(crate) fn add_working_days(
    py: Python<'_>,
    date: &Bound<'_, PyAny>,
    n: &Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    PyCalendar::new().add_working_days(py, date, n)
}

/// The number of working days in `(a, b]`, by the embedded schedule.
#[pyfunction]
pub(crate) fn working_days_between(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
) -> PyResult<i64> {
    PyCalendar::new().working_days_between(py, a, b)
}

/// The deadline of one time limit from one start.
#[pyclass(frozen, module = "gongkai", name = "Deadline")]
pub struct PyDeadline {
    inner: Deadline,
    limit: TimeLimit<'static>,
    lang: Lang,
}

#[pymethods]
impl PyDeadline {
    /// The last day to publish (inclusive), or None when there is no computable deadline.
    #[getter]
    fn date(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        dates::opt_date(py, self.inner.date)
    }
    /// `hours_before`: the exact latest moment (a naive `datetime.datetime`).
    #[getter]
    fn datetime(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        dates::opt_datetime(py, self.inner.datetime)
    }
    /// `calendar_days`: start + days, when the deadline was moved off a holiday to `date`.
    #[getter]
    fn nominal_date(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        dates::opt_date(py, self.inner.nominal_date)
    }
    /// The start day.
    #[getter]
    fn start(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        dates::date(py, self.inner.start)
    }
    /// The kind of the time limit (`working_days`, `promptly`, …).
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.code()
    }
    /// `working_days`: the working days counted (days + extension).
    #[getter]
    fn working_days(&self) -> Option<u32> {
        self.inner.working_days
    }
    /// The extension applied (条例 第三十三条), in working days.
    #[getter]
    fn extension_days(&self) -> u32 {
        self.inner.extension_days
    }
    /// Why there is no date: a stable code (`no_deadline.promptly`, …), or None.
    #[getter]
    fn reason(&self) -> Option<&str> {
        self.inner.reason.as_ref().map(|r| r.code.as_str())
    }
    /// The message of `reason`, in the call's language, or None.
    #[getter]
    fn message(&self) -> Option<&str> {
        self.inner.reason.as_ref().map(|r| r.message(self.lang))
    }
    /// The time limit the deadline was computed for, as a dict (parsed from the text when a
    /// text was given).
    #[getter]
    fn time_limit<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize(py, &self.limit)?)
    }
    /// The deadline as a dict in its JSON form (dates as ISO strings): what
    /// `gongkai deadline --format json` prints under `deadline`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize(py, &self.inner)?)
    }
    fn __repr__(&self) -> String {
        let what = match (self.inner.datetime, self.inner.date, &self.inner.reason) {
            (Some(at), _, _) => at.format("%Y-%m-%d %H:%M").to_string(),
            (None, Some(d), _) => d.to_string(),
            (None, None, Some(r)) => format!("None reason={}", r.code),
            (None, None, None) => "None".to_owned(),
        };
        format!(
            "<gongkai.Deadline {what} kind={} start={}>",
            self.inner.kind.code(),
            self.inner.start
        )
    }
}

/// The time limit argument: the Chinese text (parsed by the core) or a dict in the JSON form of
/// the data model.
fn time_limit_arg(obj: &Bound<'_, PyAny>) -> PyResult<TimeLimit<'static>> {
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(gongkai::import::text::parse_time_limit(&s.to_cow()?));
    }
    if obj.is_instance_of::<PyDict>() {
        let bytes = crate::input::to_json_bytes(obj)?;
        return serde_json::from_slice::<TimeLimit<'_>>(bytes.as_bytes())
            .map(TimeLimit::into_owned)
            .map_err(|e| {
                error::invalid_argument(
                    py,
                    format!(
                        "time_limit 字典不是有效的公开时限（如 {{\"kind\": \"working_days\", \"days\": 20, \"from\": \"formed_or_changed\"}}）：{e}"
                    ),
                )
            });
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "gongkai: time_limit must be the text of a 公开时限 (str) or a dict like \
         {{\"kind\": \"working_days\", \"days\": 20}}; got {}",
        crate::input::type_name(obj)
    )))
}

/// `extension_days`: 0–20 working days, or True (the maximum, 20) / False (none).
fn extension_arg(py: Python<'_>, v: &Bound<'_, PyAny>) -> PyResult<u32> {
    if let Ok(b) = v.cast::<PyBool>() {
        return Ok(if b.is_true() {
            MAX_EXTENSION_WORKING_DAYS
        } else {
            0
        });
    }
    count_arg(py, "extension_days", v)
}

/// An optional argument, `None` counting as not given.
fn given<'a, 'py>(o: Option<&'a Bound<'py, PyAny>>) -> Option<&'a Bound<'py, PyAny>> {
    o.filter(|v| !v.is_none())
}

/// The deadline of a time limit (see the package docs).
#[pyfunction]
#[pyo3(signature = (start, time_limit = None, *, working_days = None, calendar_days = None, extension_days = None, calendar = None, lang = "zh"))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn deadline(
    py: Python<'_>,
    start: &Bound<'_, PyAny>,
    time_limit: Option<&Bound<'_, PyAny>>,
    working_days: Option<&Bound<'_, PyAny>>,
    calendar_days: Option<&Bound<'_, PyAny>>,
    extension_days: Option<&Bound<'_, PyAny>>,
    calendar: Option<&Bound<'_, PyCalendar>>,
    lang: &str,
) -> PyResult<PyDeadline> {
    let lang = lang_arg(py, lang)?;
    let limit = match (given(time_limit), given(working_days), given(calendar_days)) {
        (Some(t), None, None) => time_limit_arg(t)?,
        (None, Some(n), None) => TimeLimit::working_days(
            count_arg(py, "working_days", n)?,
            gongkai::model::Anchor::Unspecified,
        ),
        (None, None, Some(n)) => TimeLimit::calendar_days(
            count_arg(py, "calendar_days", n)?,
            gongkai::model::Anchor::Unspecified,
        ),
        _ => {
            return Err(error::invalid_argument(
                py,
                "请只给出 time_limit、working_days、calendar_days 三者之一".into(),
            ));
        }
    };
    let (date, time) = dates::extract_moment(start, "start")?;
    let extension = match given(extension_days) {
        Some(v) => extension_arg(py, v)?,
        None => 0,
    };
    let start = Start {
        date,
        time,
        extension_days: extension,
    };
    let cal = match calendar {
        Some(c) => c.get().get(),
        None => gongkai::calendar::embedded(),
    };
    let inner =
        gongkai::deadline::deadline_with(cal, &limit, &start).map_err(|e| core_err(py, e))?;
    Ok(PyDeadline { inner, limit, lang })
}
