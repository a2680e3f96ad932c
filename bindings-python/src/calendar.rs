//! Working days and deadlines: `gongkai.Calendar` and `deadline` (the package's
//! `is_working_day`, `add_working_days` and `working_days_between` are `Calendar()`'s).
//!
//! `Calendar()` is the embedded holiday schedule (`gongkai::calendar::embedded`). A
//! newer schedule is a `Calendar` object (`Calendar.from_csv`, `Calendar().with_csv`), with the
//! same methods, which `deadline` and `audit` accept as `calendar=`. Every count, every date and
//! every message is the core's; the `Deadline` is a result of the generic path
//! ([`crate::result`]).

use crate::dates;
use crate::error::{Failure, Origin, arg, core_err, invalid, invalid_argument, to_py_err};
use gongkai::calendar::Calendar;
use gongkai::deadline::MAX_EXTENSION_WORKING_DAYS;
use gongkai::{Lang, TimeLimit};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyMemoryView, PyString};
use pythonize::pythonize;

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

    /// The calendar of a `calendar=` argument (the embedded one when None).
    pub(crate) fn of<'a>(c: Option<&'a Bound<'_, PyCalendar>>) -> &'a Calendar {
        match c {
            Some(c) => c.get().get(),
            None => gongkai::calendar::embedded(),
        }
    }

    /// Reads a schedule (CSV text, bytes, or a file read detached) and builds a calendar with
    /// `build`.
    fn load(
        source: &Bound<'_, PyAny>,
        build: impl FnOnce(&str) -> Result<Calendar, gongkai::Error> + Send,
    ) -> PyResult<Self> {
        let py = source.py();
        // The content (text or bytes), or the path of a file.
        let (content, path): (Vec<u8>, Option<String>) = if let Ok(s) = source.cast::<PyString>() {
            let csv = s.to_cow()?.into_owned();
            // A one-line str naming an existing file is almost certainly meant as a path.
            if !csv.contains(['\n', '\r']) && std::path::Path::new(&csv).is_file() {
                let what = format!(
                    "字符串被当作节假日安排 CSV 文本，而“{}”是一个文件名；读取文件请传入 pathlib.Path",
                    gongkai::excerpt(&csv, 60)
                );
                return Err(invalid_argument(py, what));
            }
            (csv.into_bytes(), None)
        } else if source.hasattr("__fspath__")? {
            let path = py.import("os")?.getattr("fsdecode")?.call1((source,))?;
            (Vec::new(), Some(path.extract()?))
        } else if source.is_instance_of::<PyBytes>()
            || source.is_instance_of::<PyByteArray>()
            || source.is_instance_of::<PyMemoryView>()
        {
            let bytes = py.import("builtins")?.getattr("bytes")?.call1((source,))?;
            (bytes.extract()?, None)
        } else {
            return Err(pyo3::exceptions::PyTypeError::new_err(
                "gongkai: a holiday schedule is CSV text (str or bytes) or a path (os.PathLike)",
            ));
        };
        let read = || {
            let bytes = match &path {
                None => content,
                Some(p) => std::fs::read(p).map_err(|e| gongkai::Error::Io {
                    path: p.clone(),
                    message: e.to_string(),
                })?,
            };
            let text = String::from_utf8(bytes).map_err(|_| {
                gongkai::Error::Calendar("节假日安排表不是 UTF-8 编码，请另存为 UTF-8".into())
            })?;
            build(&text)
        };
        let origin = path.as_deref().map_or(Origin::Text, Origin::File);
        let cal = py
            .detach(read)
            .map_err(|e| to_py_err(py, &Failure::Core(e), origin))?;
        Ok(PyCalendar {
            schedule: Schedule::Own(Box::new(cal)),
        })
    }
}

/// A non-negative count argument (`n`, `working_days`, …): any integer (`__index__`: int,
/// NumPy integers), but not a bool.
fn count(v: &Bound<'_, PyAny>, name: &str) -> PyResult<u32> {
    let n = (!v.is_instance_of::<PyBool>())
        .then(|| v.extract::<u32>().ok())
        .flatten();
    n.ok_or_else(|| invalid(v, name, gongkai::args::COUNT))
}

#[pymethods]
impl PyCalendar {
    /// `Calendar()`: the embedded schedule (the notices of 2007–2026).
    #[new]
    pub(crate) fn new() -> Self {
        PyCalendar {
            schedule: Schedule::Embedded,
        }
    }

    /// A calendar of exactly the schedule given: CSV text (`str` or `bytes`, header
    /// `date,kind,name`) or a path (`os.PathLike`) to such a file.
    #[staticmethod]
    fn from_csv(source: &Bound<'_, PyAny>) -> PyResult<Self> {
        Self::load(source, Calendar::from_csv)
    }

    /// A copy of this calendar with the years of `source` added (or replaced): how a newly
    /// published notice (e.g. 2027) is loaded on top of the embedded schedule.
    fn with_csv(&self, source: &Bound<'_, PyAny>) -> PyResult<Self> {
        let base = self.get();
        Self::load(source, |text| base.with_csv(text))
    }

    /// Whether `date` is a working day (工作日).
    fn is_working_day(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        let d = dates::date(date, "date")?;
        self.get().is_working_day(d).map_err(|e| core_err(py, e))
    }

    /// The `n`th working day after `date` (the start day is not counted).
    fn add_working_days(
        &self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        n: &Bound<'_, PyAny>,
    ) -> PyResult<chrono::NaiveDate> {
        let d = dates::date(date, "date")?;
        let n = count(n, "n")?;
        self.get()
            .add_working_days(d, n)
            .map_err(|e| core_err(py, e))
    }

    /// The number of working days in `(a, b]`; negative when `b` is before `a`.
    fn working_days_between(
        &self,
        py: Python<'_>,
        a: &Bound<'_, PyAny>,
        b: &Bound<'_, PyAny>,
    ) -> PyResult<i64> {
        let (a, b) = (dates::date(a, "a")?, dates::date(b, "b")?);
        self.get()
            .working_days_between(a, b)
            .map_err(|e| core_err(py, e))
    }

    /// What the schedule says about `date`: `{"date", "working", "kind", "name"}` (`kind` is
    /// `"off"`, `"work"` or None for an ordinary day).
    fn day<'py>(&self, py: Python<'py>, date: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let d = dates::date(date, "date")?;
        let info = self.get().day(d).map_err(|e| core_err(py, e))?;
        let out = pythonize(py, &info)?;
        out.set_item("date", info.date)?;
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

/// The time limit argument: the Chinese text (parsed by the core) or a dict in the JSON form of
/// the data model.
fn time_limit(obj: &Bound<'_, PyAny>) -> PyResult<TimeLimit<'static>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(gongkai::import::text::parse_time_limit(&s.to_cow()?));
    }
    if obj.is_instance_of::<PyDict>() {
        return pythonize::depythonize::<TimeLimit<'_>>(obj)
            .map(TimeLimit::into_owned)
            .map_err(|e| {
                let expected =
                    format!("公开时限（如 {{\"kind\": \"working_days\", \"days\": 20}}；{e}）");
                invalid(obj, "time_limit", &expected)
            });
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "gongkai: time_limit must be the text of a 公开时限 (str) or a dict like \
         {{\"kind\": \"working_days\", \"days\": 20}}; got {}",
        crate::input::type_name(obj)
    )))
}

/// An optional argument, `None` counting as not given.
fn given<'a, 'py>(o: Option<&'a Bound<'py, PyAny>>) -> Option<&'a Bound<'py, PyAny>> {
    o.filter(|v| !v.is_none())
}

/// The deadline of a time limit (see the package docs).
#[pyfunction]
#[pyo3(signature = (start, time_limit = None, *, working_days = None, calendar_days = None, extension_days = None, calendar = None, lang = "zh"))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn deadline<'py>(
    py: Python<'py>,
    start: &Bound<'py, PyAny>,
    time_limit: Option<&Bound<'py, PyAny>>,
    working_days: Option<&Bound<'py, PyAny>>,
    calendar_days: Option<&Bound<'py, PyAny>>,
    extension_days: Option<&Bound<'py, PyAny>>,
    calendar: Option<&Bound<'py, PyCalendar>>,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let lang: Lang = arg(py, "lang", lang)?;
    let unspecified = gongkai::model::Anchor::Unspecified;
    let limit = match (given(time_limit), given(working_days), given(calendar_days)) {
        (Some(t), None, None) => self::time_limit(t)?,
        (None, Some(n), None) => TimeLimit::working_days(count(n, "working_days")?, unspecified),
        (None, None, Some(n)) => TimeLimit::calendar_days(count(n, "calendar_days")?, unspecified),
        _ => {
            return Err(invalid_argument(
                py,
                "请只给出 time_limit、working_days、calendar_days 三者之一".into(),
            ));
        }
    };
    let extension = match given(extension_days) {
        Some(v) => match v.cast::<PyBool>() {
            Ok(b) if b.is_true() => MAX_EXTENSION_WORKING_DAYS,
            Ok(_) => 0,
            Err(_) => count(v, "extension_days")?,
        },
        None => 0,
    };
    let start = dates::start(start, "start")?.extended(extension);
    let cal = PyCalendar::of(calendar);
    let d = gongkai::deadline::deadline_with(cal, &limit, &start).map_err(|e| core_err(py, e))?;
    let extra = PyDict::new(py);
    extra.set_item("lang", lang.code())?;
    extra.set_item("time_limit", pythonize(py, &limit)?)?;
    crate::result::wrap(py, "Deadline", d, Some(&extra))
}
