//! Dates between Python and the core: `datetime.date` / `datetime.datetime` objects (or ISO
//! strings) in, `datetime.date` / `datetime.datetime` objects out.
//!
//! Only conversion: every date the core computes stays the core's. The `datetime` types are
//! looked up once per interpreter.

use crate::error::invalid_argument;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyString;

struct Types {
    date: Py<PyAny>,
    datetime: Py<PyAny>,
}

fn types(py: Python<'_>) -> PyResult<&Types> {
    static TYPES: PyOnceLock<Types> = PyOnceLock::new();
    TYPES.get_or_try_init(py, || -> PyResult<Types> {
        let m = py.import("datetime")?;
        Ok(Types {
            date: m.getattr("date")?.unbind(),
            datetime: m.getattr("datetime")?.unbind(),
        })
    })
}

/// A `datetime.date`. A date Python cannot represent (year 0, or after 9999) is returned as its
/// ISO string rather than failing: a report must always be readable.
pub(crate) fn date(py: Python<'_>, d: NaiveDate) -> PyResult<Py<PyAny>> {
    let t = types(py)?;
    match t.date.bind(py).call1((d.year(), d.month(), d.day())) {
        Ok(v) => Ok(v.unbind()),
        Err(_) => Ok(PyString::new(py, &d.to_string()).into_any().unbind()),
    }
}

/// A naive `datetime.datetime` (same fallback as [`date`]).
pub(crate) fn datetime(py: Python<'_>, dt: NaiveDateTime) -> PyResult<Py<PyAny>> {
    let t = types(py)?;
    let args = (
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second(),
    );
    match t.datetime.bind(py).call1(args) {
        Ok(v) => Ok(v.unbind()),
        Err(_) => Ok(
            PyString::new(py, &dt.format("%Y-%m-%dT%H:%M:%S").to_string())
                .into_any()
                .unbind(),
        ),
    }
}

/// `None` or a `datetime.date`.
pub(crate) fn opt_date(py: Python<'_>, d: Option<NaiveDate>) -> PyResult<Py<PyAny>> {
    d.map_or_else(|| Ok(py.None()), |d| date(py, d))
}

/// `None` or a `datetime.datetime`.
pub(crate) fn opt_datetime(py: Python<'_>, d: Option<NaiveDateTime>) -> PyResult<Py<PyAny>> {
    d.map_or_else(|| Ok(py.None()), |d| datetime(py, d))
}

fn repr(obj: &Bound<'_, PyAny>) -> String {
    obj.repr()
        .map(|r| gongkai::excerpt(&r.to_string_lossy(), 40))
        .unwrap_or_default()
}

/// The (year, month, day) of a `datetime.date` or `datetime.datetime`, if `obj` is one.
fn ymd(obj: &Bound<'_, PyAny>) -> PyResult<Option<NaiveDate>> {
    let py = obj.py();
    if !obj.is_instance(types(py)?.date.bind(py))? {
        return Ok(None);
    }
    let get = |k: &str| obj.getattr(k).and_then(|v| v.extract::<u32>());
    let (y, m, d) = (
        obj.getattr("year").and_then(|v| v.extract::<i32>()),
        get("month"),
        get("day"),
    );
    Ok(match (y, m, d) {
        (Ok(y), Ok(m), Ok(d)) => NaiveDate::from_ymd_opt(y, m, d),
        _ => None,
    })
}

/// A day argument: a `datetime.date` (a `datetime.datetime` counts as its day) or a
/// `"YYYY-MM-DD"` string. `what` names the argument in the error.
pub(crate) fn extract_date(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<NaiveDate> {
    let py = obj.py();
    if let Some(d) = ymd(obj)? {
        return Ok(d);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        if let Some(d) = gongkai::parse_date(&s.to_string_lossy()) {
            return Ok(d);
        }
    }
    Err(invalid_argument(
        py,
        format!(
            "{what} 应为 datetime.date 或 \"YYYY-MM-DD\" 字符串（如 \"2024-03-01\"），实际为 {}",
            repr(obj)
        ),
    ))
}

/// A moment argument: a `datetime.datetime` (day and time of day), a `datetime.date` (no time),
/// or a string `"YYYY-MM-DD"` / `"YYYY-MM-DD HH:MM[:SS]"` (the record date formats of the
/// audit).
pub(crate) fn extract_moment(
    obj: &Bound<'_, PyAny>,
    what: &str,
) -> PyResult<(NaiveDate, Option<NaiveTime>)> {
    let py = obj.py();
    if let Some(d) = ymd(obj)? {
        if obj.is_instance(types(py)?.datetime.bind(py))? {
            let get = |k: &str| obj.getattr(k).and_then(|v| v.extract::<u32>());
            if let (Ok(h), Ok(m), Ok(s)) = (get("hour"), get("minute"), get("second")) {
                return Ok((d, NaiveTime::from_hms_opt(h, m, s)));
            }
        }
        return Ok((d, None));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        if let Some(found) = gongkai::audit::parse_record_datetime(&s.to_string_lossy()) {
            return Ok(found);
        }
    }
    Err(invalid_argument(
        py,
        format!(
            "{what} 应为 datetime.date、datetime.datetime 或 \"YYYY-MM-DD\"（可带 \" HH:MM\"）字符串，实际为 {}",
            repr(obj)
        ),
    ))
}

/// Whether `obj` is a `datetime.datetime`.
pub(crate) fn is_datetime(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    let py = obj.py();
    obj.is_instance(types(py)?.datetime.bind(py))
}

/// Whether `obj` is a `datetime.date` (or `datetime.datetime`).
pub(crate) fn is_date(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    let py = obj.py();
    obj.is_instance(types(py)?.date.bind(py))
}
