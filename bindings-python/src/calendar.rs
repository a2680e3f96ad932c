//! Working days and deadlines: `gongkai.Calendar` and `deadline` (the package's
//! `is_working_day`, `add_working_days` and `working_days_between` are `Calendar()`'s).
//!
//! `Calendar.load()` is the default calendar ([`default_calendar`]): the embedded holiday
//! schedule with the per-user file and `GONGKAI_CALENDAR` applied, as the command line does;
//! the package's module functions use it. A year without a notice is provisional (counted with
//! the statutory holidays): `Deadline` and `AuditReport` say `provisional`, and the methods
//! returning a bare value (a bool, a date, a count) raise the `gongkai.ProvisionalWarning`
//! warning. A `Calendar` object (`Calendar.load`, `Calendar.from_csv`, `Calendar().with_csv`)
//! is what `deadline` and `audit` accept, or a holiday file, as `calendar=`;
//! `strict_calendar=True` refuses provisional years. Every count, every date and every message
//! is the core's; the `Deadline` is a result of the generic path ([`crate::result`]).

use crate::dates;
use crate::error::{
    Failure, Origin, arg, core_err, core_err_lang, invalid, invalid_argument, to_py_err_lang,
};
use gongkai::calendar::{Calendar, sources};
use gongkai::deadline::MAX_EXTENSION_WORKING_DAYS;
use gongkai::{Lang, TimeLimit};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyMemoryView, PyString};
use pythonize::pythonize;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pyo3::create_exception!(
    gongkai,
    ProvisionalWarning,
    pyo3::exceptions::PyUserWarning,
    "A working-day answer rests on a provisional year: its holiday notice (国务院办公厅关于XXXX年部分\
     节假日安排的通知) is not loaded, so the year was counted with the statutory holidays of \
     《全国年节及纪念日放假办法》 and no 调休 days. Raised (as a warning) by the functions that return \
     a bare value; Deadline and AuditReport carry `provisional` instead. Load the notice \
     (Calendar.load(path), or the GONGKAI_CALENDAR file) or pass strict_calendar=True."
);

fn env(k: &str) -> Option<std::ffi::OsString> {
    std::env::var_os(k)
}

/// The files of the default calendar, in order, with what identifies their content.
type Key = Vec<(PathBuf, Option<(u64, std::time::SystemTime)>)>;

static DEFAULT: Mutex<Option<(Key, Calendar)>> = Mutex::new(None);

/// The default calendar: the embedded schedule, then the per-user file
/// (`$XDG_DATA_HOME/gongkai/holidays.csv`, else `~/.local/share/gongkai/holidays.csv`), then the
/// file named by `GONGKAI_CALENDAR`. Cached until a file changes (size or time).
fn default_calendar() -> Result<Calendar, (String, gongkai::Error)> {
    let mut files: Vec<PathBuf> = Vec::new();
    if let Some(user) = sources::user_file(env).filter(|p| p.is_file()) {
        files.push(user);
    }
    files.extend(sources::env_file(env));
    if files.is_empty() {
        return Ok(gongkai::calendar::embedded().clone());
    }
    let key: Key = files
        .iter()
        .map(|p| {
            let meta = std::fs::metadata(p)
                .ok()
                .and_then(|m| Some((m.len(), m.modified().ok()?)));
            (p.clone(), meta)
        })
        .collect();
    if let Some((k, cal)) = DEFAULT.lock().ok().as_deref().and_then(Option::as_ref) {
        if *k == key {
            return Ok(cal.clone());
        }
    }
    let mut cal = gongkai::calendar::embedded().clone();
    for path in &files {
        let name = path.to_string_lossy().into_owned();
        let text = read_csv_file(path).map_err(|e| (name.clone(), e))?;
        cal.extend_from_csv(&text).map_err(|e| (name, e))?;
    }
    if let Ok(mut guard) = DEFAULT.lock() {
        *guard = Some((key, cal.clone()));
    }
    Ok(cal)
}

fn read_csv_file(path: &Path) -> Result<String, gongkai::Error> {
    let bytes = std::fs::read(path).map_err(|e| gongkai::Error::Io {
        path: path.to_string_lossy().into_owned(),
        message: e.to_string(),
    })?;
    String::from_utf8(bytes).map_err(|_| gongkai::calendar::not_utf8_error())
}

/// [`default_calendar`], or the `gongkai.Error` naming the bad file.
fn default_calendar_py(py: Python<'_>, lang: Lang) -> PyResult<Calendar> {
    py.detach(default_calendar)
        .map_err(|(path, e)| to_py_err_lang(py, &Failure::Core(e), Origin::File(&path), lang))
}

/// The calendar of a `calendar=` argument (a `Calendar`, or a holiday file or CSV text on top
/// of the default calendar; None: the default calendar), in strict mode when asked.
pub(crate) fn calendar_arg(
    py: Python<'_>,
    calendar: Option<&Bound<'_, PyAny>>,
    strict: bool,
    lang: Lang,
) -> PyResult<Calendar> {
    let cal = match calendar.filter(|c| !c.is_none()) {
        None => default_calendar_py(py, lang)?,
        Some(c) => match c.cast::<PyCalendar>() {
            Ok(own) => own.get().cal.clone(),
            Err(_) => {
                let base = default_calendar_py(py, lang)?;
                PyCalendar::load_csv(c, lang, |text| base.with_csv(text))?.cal
            }
        },
    };
    Ok(if strict { cal.strict(true) } else { cal })
}

/// Raises `gongkai.ProvisionalWarning` when `years` is not empty.
fn warn_provisional(py: Python<'_>, years: &[i32]) -> PyResult<()> {
    if years.is_empty() {
        return Ok(());
    }
    let msg = gongkai::calendar::render(
        gongkai::codes::calendar::PROVISIONAL,
        Lang::Zh,
        &gongkai::calendar::years_params(years),
    );
    let category = py.get_type::<ProvisionalWarning>();
    let text = std::ffi::CString::new(msg).unwrap_or_default();
    PyErr::warn(py, &category, &text, 2)
}

/// A working-day calendar: the official holiday schedule of the covered years (copies share
/// the tables, so a `Calendar` is cheap).
#[pyclass(frozen, eq, module = "gongkai", name = "Calendar")]
#[derive(Debug)]
pub struct PyCalendar {
    cal: Calendar,
    /// Exactly the embedded schedule (for `repr`).
    embedded: bool,
}

impl PartialEq for PyCalendar {
    fn eq(&self, other: &Self) -> bool {
        self.cal == other.cal
    }
}

impl PyCalendar {
    fn own(cal: Calendar) -> Self {
        PyCalendar {
            cal,
            embedded: false,
        }
    }

    /// Reads a schedule (CSV text, bytes, or a file read detached) and builds a calendar with
    /// `build`.
    fn load_csv(
        source: &Bound<'_, PyAny>,
        lang: Lang,
        build: impl FnOnce(&str) -> Result<Calendar, gongkai::Error> + Send,
    ) -> PyResult<Self> {
        with_csv_text(source, lang, build).map(PyCalendar::own)
    }
}

/// Reads a holiday schedule given as CSV text, bytes, or a file (read detached) and hands its
/// text to `f` (run detached too); an error names the file.
fn with_csv_text<T: Send>(
    source: &Bound<'_, PyAny>,
    lang: Lang,
    f: impl FnOnce(&str) -> Result<T, gongkai::Error> + Send,
) -> PyResult<T> {
    {
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
            let text = String::from_utf8(bytes).map_err(|_| gongkai::calendar::not_utf8_error())?;
            f(&text)
        };
        let origin = path.as_deref().map_or(Origin::Text, Origin::File);
        py.detach(read)
            .map_err(|e| to_py_err_lang(py, &Failure::Core(e), origin, lang))
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
    /// `Calendar()`: the embedded schedule (the notices of 2007–2026; later years
    /// provisional unless `strict=True`).
    #[new]
    #[pyo3(signature = (*, strict = false))]
    fn new(strict: bool) -> Self {
        PyCalendar {
            cal: gongkai::calendar::embedded().clone().strict(strict),
            embedded: true,
        }
    }

    /// The calendar the module functions use: the embedded schedule, the per-user file
    /// (`$XDG_DATA_HOME/gongkai/holidays.csv`, else `~/.local/share/gongkai/holidays.csv`), the
    /// file named by `GONGKAI_CALENDAR`, then `source` (CSV text or a path), each adding or
    /// replacing the years it contains.
    #[staticmethod]
    #[pyo3(signature = (source = None, *, strict = false))]
    fn load(py: Python<'_>, source: Option<&Bound<'_, PyAny>>, strict: bool) -> PyResult<Self> {
        calendar_arg(py, source, strict, Lang::Zh).map(PyCalendar::own)
    }

    /// A calendar of exactly the schedule given: CSV text (`str` or `bytes`, header
    /// `date,kind,name`) or a path (`os.PathLike`) to such a file.
    #[staticmethod]
    #[pyo3(signature = (source, *, strict = false))]
    fn from_csv(source: &Bound<'_, PyAny>, strict: bool) -> PyResult<Self> {
        Self::load_csv(source, Lang::Zh, |t| {
            Calendar::from_csv(t).map(|c| c.strict(strict))
        })
    }

    /// A copy of this calendar with the years of `source` added (or replaced): how a newly
    /// published notice (e.g. 2027) is loaded on top of the embedded schedule.
    fn with_csv(&self, source: &Bound<'_, PyAny>) -> PyResult<Self> {
        let base = &self.cal;
        Self::load_csv(source, Lang::Zh, |text| base.with_csv(text))
    }

    /// A copy in strict mode (`True`: years without a notice raise) or not.
    #[pyo3(signature = (strict = true))]
    fn as_strict(&self, strict: bool) -> Self {
        PyCalendar {
            cal: self.cal.clone().strict(strict),
            embedded: self.embedded,
        }
    }

    /// Whether years without a notice raise instead of being counted provisionally.
    #[getter]
    fn strict(&self) -> bool {
        self.cal.is_strict()
    }

    /// The years counted provisionally (no notice loaded; none when strict).
    #[getter]
    fn provisional_years(&self) -> Vec<i32> {
        self.cal.provisional_years().to_vec()
    }

    /// Whether `date` is a working day (工作日).
    fn is_working_day(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        let d = dates::date(date, "date")?;
        let r = self.cal.is_working_day(d).map_err(|e| core_err(py, e))?;
        warn_provisional(py, &self.cal.provisional_years_between(d, d))?;
        Ok(r)
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
        let r = self
            .cal
            .add_working_days(d, n)
            .map_err(|e| core_err(py, e))?;
        warn_provisional(py, &self.cal.provisional_years_between(d, r))?;
        Ok(r)
    }

    /// The number of working days in `(a, b]`; negative when `b` is before `a`.
    fn working_days_between(
        &self,
        py: Python<'_>,
        a: &Bound<'_, PyAny>,
        b: &Bound<'_, PyAny>,
    ) -> PyResult<i64> {
        let (a, b) = (dates::date(a, "a")?, dates::date(b, "b")?);
        let n = self
            .cal
            .working_days_between(a, b)
            .map_err(|e| core_err(py, e))?;
        warn_provisional(py, &self.cal.provisional_years_between(a, b))?;
        Ok(n)
    }

    /// What the schedule says about `date`: `{"date", "working", "kind", "name", "provisional"}`
    /// (`kind` is `"off"`, `"work"` or None for an ordinary day; `provisional` is True when the
    /// day's year has no notice loaded and was counted with the statutory holidays).
    fn day<'py>(&self, py: Python<'py>, date: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let d = dates::date(date, "date")?;
        let info = self.cal.day(d).map_err(|e| core_err(py, e))?;
        let out = pythonize(py, &info)?;
        out.set_item("date", info.date)?;
        Ok(out)
    }

    /// The years whose notice is in the schedule, sorted.
    #[getter]
    fn years(&self) -> Vec<i32> {
        self.cal.covered_years().to_vec()
    }

    /// Whether the notice of `year` is in the schedule.
    fn covers(&self, year: i32) -> bool {
        self.cal.covers(year)
    }

    fn __repr__(&self) -> String {
        let cal = &self.cal;
        let what = match cal.year_range() {
            Some((a, b)) => format!("{a}–{b}, {} years", cal.covered_years().len()),
            None => "no year".to_owned(),
        };
        let source = if self.embedded { " embedded" } else { "" };
        let strict = if cal.is_strict() { " strict" } else { "" };
        format!("<gongkai.Calendar{source} {what}{strict}>")
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
#[pyo3(signature = (start, time_limit = None, *, working_days = None, calendar_days = None, extension_days = None, calendar = None, strict_calendar = false, lang = "zh"))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn deadline<'py>(
    py: Python<'py>,
    start: &Bound<'py, PyAny>,
    time_limit: Option<&Bound<'py, PyAny>>,
    working_days: Option<&Bound<'py, PyAny>>,
    calendar_days: Option<&Bound<'py, PyAny>>,
    extension_days: Option<&Bound<'py, PyAny>>,
    calendar: Option<&Bound<'py, PyAny>>,
    strict_calendar: bool,
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
    let cal = calendar_arg(py, calendar, strict_calendar, lang)?;
    let d = gongkai::deadline::deadline_with(&cal, &limit, &start)
        .map_err(|e| core_err_lang(py, e, lang))?;
    let extra = PyDict::new(py);
    extra.set_item("lang", lang.code())?;
    extra.set_item("time_limit", pythonize(py, &limit)?)?;
    crate::result::wrap(py, "Deadline", d, Some(&extra))
}

/// Checks a holiday file (CSV text or a path): every problem with its line, and the shape of
/// each year. The result is a dict: `{"rows", "years", "findings": [{"code", "severity",
/// "line", "year", "message", "params"}]}`; the file loads when no finding is an `error`.
#[pyfunction]
#[pyo3(signature = (source, *, lang = "zh"))]
pub(crate) fn check_calendar<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let lang: Lang = arg(py, "lang", lang)?;
    let report = with_csv_text(source, lang, |t| {
        Ok(gongkai::calendar::check::check(t, lang))
    })?;
    Ok(pythonize(py, &report)?)
}
