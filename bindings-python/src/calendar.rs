//! Working days and deadlines: `gongkai.Calendar`, `is_working_day`, `add_working_days`,
//! `working_days_between` and `deadline`.
//!
//! The module functions use the default calendar ([`default_calendar`]): the embedded holiday
//! schedule with the per-user file and `GONGKAI_CALENDAR` applied, as the command line does. A
//! year without a notice is provisional (counted with the statutory holidays): `Deadline` and
//! `AuditReport` say `provisional`, and the functions returning a bare value (a bool, a date, a
//! count) raise the `gongkai.ProvisionalWarning` warning. A `Calendar` object
//! (`Calendar.load`, `Calendar.from_csv`, `Calendar().with_csv`) has the same methods;
//! `deadline` and `audit` accept it, or a holiday file, as `calendar=`, and `strict_calendar=True`
//! refuses provisional years. Every count, every date and every message is the core's.

use crate::dates;
use crate::error::{self, Failure, Origin};
use gongkai::calendar::{Calendar, sources};
use gongkai::deadline::{Deadline, MAX_EXTENSION_WORKING_DAYS, Start};
use gongkai::{Lang, TimeLimit};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyMemoryView, PyString};
use pythonize::pythonize;
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

/// A core error raised as `gongkai.Error` with its message in `lang`.
pub(crate) fn core_err_lang(py: Python<'_>, e: gongkai::Error, lang: Lang) -> PyErr {
    error::to_py_err_lang(py, &Failure::Core(e), Origin::Text, lang)
}

fn env(k: &str) -> Option<std::ffi::OsString> {
    std::env::var_os(k)
}

/// The files of the default calendar, in order, with what identifies their content.
type Key = Vec<(std::path::PathBuf, Option<(u64, std::time::SystemTime)>)>;

static DEFAULT: Mutex<Option<(Key, Calendar)>> = Mutex::new(None);

/// The default calendar: the embedded schedule, then the per-user file
/// (`$XDG_DATA_HOME/gongkai/holidays.csv`, else `~/.local/share/gongkai/holidays.csv`), then the
/// file named by `GONGKAI_CALENDAR`. Cached until a file changes (size or time).
pub(crate) fn default_calendar() -> Result<Calendar, (String, gongkai::Error)> {
    let mut files: Vec<std::path::PathBuf> = Vec::new();
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
    if let Ok(guard) = DEFAULT.lock() {
        if let Some((k, cal)) = guard.as_ref() {
            if *k == key {
                return Ok(cal.clone());
            }
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

fn read_csv_file(path: &std::path::Path) -> Result<String, gongkai::Error> {
    let bytes = std::fs::read(path).map_err(|e| gongkai::Error::Io {
        path: path.to_string_lossy().into_owned(),
        message: e.to_string(),
    })?;
    String::from_utf8(bytes).map_err(|_| gongkai::calendar::not_utf8_error())
}

/// [`default_calendar`], or the `gongkai.Error` naming the bad file.
pub(crate) fn default_calendar_py(py: Python<'_>, lang: Lang) -> PyResult<Calendar> {
    py.detach(default_calendar).map_err(|(path, e)| {
        error::to_py_err_lang(py, &Failure::Core(e), Origin::File(&path), lang)
    })
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
        Some(c) => {
            if let Ok(own) = c.cast::<PyCalendar>() {
                own.get().cal.clone()
            } else {
                let source = csv_source(c)?;
                let base = default_calendar_py(py, lang)?;
                load(py, &source, |text| base.with_csv(text))?
            }
        }
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
    fn own(c: Calendar) -> Self {
        PyCalendar {
            cal: c,
            embedded: false,
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
        return String::from_utf8(bytes)
            .map(CsvSource::Text)
            .map_err(|_| core_err(py, gongkai::calendar::not_utf8_error()));
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
                let text =
                    String::from_utf8(bytes).map_err(|_| gongkai::calendar::not_utf8_error())?;
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
    fn from_csv(py: Python<'_>, source: &Bound<'_, PyAny>, strict: bool) -> PyResult<Self> {
        let source = csv_source(source)?;
        load(py, &source, |t| {
            Calendar::from_csv(t).map(|c| c.strict(strict))
        })
        .map(PyCalendar::own)
    }

    /// A copy of this calendar with the years of `source` added (or replaced): how a newly
    /// published notice (e.g. 2027) is loaded on top of the embedded schedule.
    fn with_csv(&self, py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<Self> {
        let source = csv_source(source)?;
        let base = &self.cal;
        load(py, &source, |text| base.with_csv(text)).map(PyCalendar::own)
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
        let d = dates::extract_date(date, "date")?;
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
    ) -> PyResult<Py<PyAny>> {
        let d = dates::extract_date(date, "date")?;
        let n = count_arg(py, "n", n)?;
        let r = self
            .cal
            .add_working_days(d, n)
            .map_err(|e| core_err(py, e))?;
        warn_provisional(py, &self.cal.provisional_years_between(d, r))?;
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
    fn day<'py>(&self, py: Python<'py>, date: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
        let d = dates::extract_date(date, "date")?;
        let info = self.cal.day(d).map_err(|e| core_err(py, e))?;
        let out = PyDict::new(py);
        out.set_item("date", dates::date(py, info.date)?)?;
        out.set_item("working", info.working)?;
        out.set_item("kind", info.kind.map(|k| k.code()))?;
        out.set_item("name", info.name)?;
        out.set_item("provisional", info.provisional)?;
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

/// The default calendar as a `Calendar`.
fn default_py(py: Python<'_>) -> PyResult<PyCalendar> {
    default_calendar_py(py, Lang::Zh).map(PyCalendar::own)
}

/// Whether `date` is a working day, by the default calendar.
#[pyfunction]
pub(crate) fn is_working_day(py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<bool> {
    default_py(py)?.is_working_day(py, date)
}

/// The `n`th working day after `date` (the start day is not counted), by the embedded schedule.
#[pyfunction]
pub(crate) fn add_working_days(
    py: Python<'_>,
    date: &Bound<'_, PyAny>,
    n: &Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    default_py(py)?.add_working_days(py, date, n)
}

/// The number of working days in `(a, b]`, by the embedded schedule.
#[pyfunction]
pub(crate) fn working_days_between(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
) -> PyResult<i64> {
    default_py(py)?.working_days_between(py, a, b)
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
    /// Whether the date rests on a provisional year (no holiday notice loaded; counted with
    /// the statutory holidays only).
    #[getter]
    fn provisional(&self) -> bool {
        self.inner.provisional
    }
    /// The provisional years the date rests on.
    #[getter]
    fn provisional_years(&self) -> Vec<i32> {
        self.inner.provisional_years.clone()
    }
    /// Warnings about the date, `[{"code": "calendar.provisional", "message": …}]` when
    /// provisional (message in the call's language).
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyList>> {
        let out = pyo3::types::PyList::empty(py);
        for w in &self.inner.warnings {
            let d = PyDict::new(py);
            d.set_item("code", w.code.as_str())?;
            d.set_item("message", w.message(self.lang))?;
            out.append(d)?;
        }
        Ok(out)
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
        let provisional = if self.inner.provisional {
            " provisional"
        } else {
            ""
        };
        format!(
            "<gongkai.Deadline {what} kind={} start={}{provisional}>",
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
#[pyo3(signature = (start, time_limit = None, *, working_days = None, calendar_days = None, extension_days = None, calendar = None, strict_calendar = false, lang = "zh"))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn deadline(
    py: Python<'_>,
    start: &Bound<'_, PyAny>,
    time_limit: Option<&Bound<'_, PyAny>>,
    working_days: Option<&Bound<'_, PyAny>>,
    calendar_days: Option<&Bound<'_, PyAny>>,
    extension_days: Option<&Bound<'_, PyAny>>,
    calendar: Option<&Bound<'_, PyAny>>,
    strict_calendar: bool,
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
    let cal = calendar_arg(py, calendar, strict_calendar, lang)?;
    let inner = gongkai::deadline::deadline_with(&cal, &limit, &start)
        .map_err(|e| core_err_lang(py, e, lang))?;
    Ok(PyDeadline { inner, limit, lang })
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
    let lang = lang_arg(py, lang)?;
    let text = match csv_source(source)? {
        CsvSource::Text(t) => t,
        CsvSource::File(path) => {
            let name = path.to_string_lossy().into_owned();
            py.detach(|| read_csv_file(&path)).map_err(|e| {
                error::to_py_err_lang(py, &Failure::Core(e), Origin::File(&name), lang)
            })?
        }
    };
    let report = py.detach(|| gongkai::calendar::check::check(&text, lang));
    Ok(pythonize(py, &report)?)
}
