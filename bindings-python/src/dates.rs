//! Date arguments: a `datetime.date` / `datetime.datetime` (pyo3's chrono conversion), or text
//! that the core parses, with its message.

use crate::error::{arg, invalid};
use chrono::{NaiveDate, NaiveDateTime};
use gongkai::args::Arg;
use gongkai::deadline::Start;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// A day: a `datetime.date` (a `datetime.datetime` counts as its day) or `"YYYY-MM-DD"`.
pub(crate) fn date(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<NaiveDate> {
    if let Ok(s) = obj.cast::<PyString>() {
        return arg(obj.py(), name, &s.to_string_lossy());
    }
    obj.extract().map_err(|_| {
        invalid(
            obj,
            name,
            &format!("datetime.date 或 {}", NaiveDate::EXPECTED),
        )
    })
}

/// The start of a deadline: a `datetime.datetime` (its time of day counts for `hours_before`
/// limits), a `datetime.date`, or text (`YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]`).
pub(crate) fn start(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Start> {
    if let Ok(s) = obj.cast::<PyString>() {
        return arg(obj.py(), name, &s.to_string_lossy());
    }
    if let Ok(at) = obj.extract::<NaiveDateTime>() {
        return Ok(Start::at(at));
    }
    obj.extract().map(Start::on).map_err(|_| {
        let expected = format!("datetime.date、datetime.datetime 或 {}", Start::EXPECTED);
        invalid(obj, name, &expected)
    })
}
