//! `gongkai.Error`: the exception of calls that cannot produce a report.
//!
//! It carries the core error's stable code and, where known, the file and the position. The
//! message is the core's (`Display` of [`gongkai::Error`]); nothing is reworded here.

use crate::report::PyLocation;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

pyo3::create_exception!(
    gongkai,
    Error,
    PyValueError,
    "A call that cannot produce a report: unreadable file, not JSON, not a catalogue, bad \
     argument, a year the holiday schedule does not cover. Invalid *data* never raises: it is a \
     report with issues.\n\n\
     Attributes: code (stable: json, not_a_catalogue, too_large, import, unsupported_format, io, \
     calendar, laws, invalid_argument, internal), message, path (the file, when one was read), line \
     and column (1-based, in the JSON text or the table), location (the table cell, for import \
     errors)."
);

/// Where the failed input came from: decides which position fields are meaningful.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Origin<'a> {
    /// Text or bytes the caller gave: line and column are theirs.
    Text,
    /// A Python value serialised by the binding: line and column would point into text the
    /// caller never saw, so they are dropped.
    PythonValue,
    /// A file: its path is reported.
    File(&'a str),
}

/// Why a job produced no report.
#[derive(Debug, Clone)]
pub(crate) enum Failure {
    /// The core's error.
    Core(gongkai::Error),
    /// A panic in native code (a bug of ours): reported, never a dead interpreter.
    Panic(String),
}

impl From<gongkai::Error> for Failure {
    fn from(e: gongkai::Error) -> Self {
        Failure::Core(e)
    }
}

/// Sets the class-level defaults of the attributes, so that an `Error` raised by Python code
/// (`raise gongkai.Error("…")`) has them too.
pub(crate) fn init_class(py: Python<'_>) -> PyResult<()> {
    let cls = py.get_type::<Error>();
    cls.setattr("code", "error")?;
    cls.setattr("message", "")?;
    for name in ["path", "line", "column", "location"] {
        cls.setattr(name, py.None())?;
    }
    Ok(())
}

/// Builds the Python exception for a failure.
pub(crate) fn to_py_err(py: Python<'_>, failure: &Failure, origin: Origin<'_>) -> PyErr {
    to_py_err_lang(py, failure, origin, gongkai::Lang::Zh)
}

/// Builds the Python exception for a failure, its message in `lang` where the core has one.
pub(crate) fn to_py_err_lang(
    py: Python<'_>,
    failure: &Failure,
    origin: Origin<'_>,
    lang: gongkai::Lang,
) -> PyErr {
    match build(py, failure, origin, lang) {
        Ok(e) => e,
        Err(e) => e,
    }
}

fn build(
    py: Python<'_>,
    failure: &Failure,
    origin: Origin<'_>,
    lang: gongkai::Lang,
) -> PyResult<PyErr> {
    let (code, message) = match failure {
        Failure::Core(e) => (e.code(), e.message(lang)),
        Failure::Panic(m) => (
            "internal",
            format!("gongkai 内部错误（请报告此问题）/ internal error, please report it: {m}"),
        ),
    };
    let err = Error::new_err(message.clone());
    let value = err.value(py);
    value.setattr("code", code)?;
    value.setattr("message", message)?;
    if let Origin::File(path) = origin {
        value.setattr("path", path)?;
    }
    if let Failure::Core(e) = failure {
        match e {
            gongkai::Error::Json { line, column, .. } if !matches!(origin, Origin::PythonValue) => {
                value.setattr("line", *line)?;
                value.setattr("column", *column)?;
            }
            gongkai::Error::Import {
                location: Some(loc),
                ..
            } => {
                value.setattr("line", loc.row)?;
                value.setattr("location", PyLocation::from(loc.as_ref().clone()))?;
            }
            gongkai::Error::Io { path, .. } => {
                value.setattr("path", path.as_str())?;
            }
            _ => {}
        }
    }
    Ok(err)
}

/// A `gongkai.Error` with code `invalid_argument` (the core's wording: 参数无效：…).
pub(crate) fn invalid_argument(py: Python<'_>, what: String) -> PyErr {
    to_py_err(
        py,
        &Failure::Core(gongkai::Error::InvalidArgument(what)),
        Origin::Text,
    )
}
