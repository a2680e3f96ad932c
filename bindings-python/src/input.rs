//! What `validate` accepts, converted to bytes or a path while attached to Python; the work
//! itself ([`Job::run`]) needs no Python and runs detached.
//!
//! - `bytes`, `bytearray`, `memoryview`: JSON bytes (a UTF-8 BOM is accepted by the core);
//! - `str`: JSON text when its first non-blank character is `{` or `[`, else a path;
//! - `os.PathLike`: a path; the file is read in Rust and its name picks the format;
//! - anything else JSON can express (`dict`, `list`, numbers, `bool`, `None`): serialised by the
//!   package's `_json` (the standard library's C JSON encoder: key order kept, non-finite floats
//!   refused, and where a value is not JSON said), then validated like JSON bytes.

use crate::error::{Failure, Origin};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMemoryView, PyString, PyTuple,
};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// An input held for the duration of a call.
pub(crate) enum Input<'py> {
    /// JSON in an immutable Python `bytes` object, borrowed while detached: `bytes` as given,
    /// or made from a `str`, a mutable buffer or a serialised value.
    Bytes {
        data: Bound<'py, PyBytes>,
        from_value: bool,
    },
    /// A file to read.
    Path(PathBuf),
}

/// How a table is read (`sheet=`) and the catalogue fields a table does not hold (`title=`,
/// `domain=`, `publisher=`, `level=`, `issued=`), as the keyword arguments of `validate`,
/// `validate_many`, `Validator`, `audit`, `diff`, `consistency` and `changes` give them. JSON
/// input ignores them. A missing field's finding (`import.header_missing`) names the keyword.
#[derive(Clone, Default)]
pub(crate) struct TableOptions {
    sheet: Option<String>,
    title: Option<String>,
    domain: Option<String>,
    publisher: Option<String>,
    level: Option<gongkai::model::Level>,
    issued: Option<String>,
}

impl TableOptions {
    /// Reads the keyword arguments (`level` and `issued` with the core's parsers).
    pub(crate) fn new(
        py: Python<'_>,
        sheet: Option<String>,
        title: Option<String>,
        domain: Option<String>,
        publisher: Option<String>,
        level: Option<&str>,
        issued: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let level = level
            .map(|l| crate::error::arg(py, "level", l))
            .transpose()?;
        let issued = issued
            .filter(|d| !d.is_none())
            .map(|d| crate::dates::date(d, "issued").map(|d| d.format("%Y-%m-%d").to_string()))
            .transpose()?;
        Ok(TableOptions {
            sheet,
            title,
            domain,
            publisher,
            level,
            issued,
        })
    }

    /// The core's import options for a file named `name`, naming Python's keywords.
    pub(crate) fn import_options(&self, name: &str) -> gongkai::import::ImportOptions {
        let mut o = gongkai::import::ImportOptions::default()
            .file_name(name)
            .front_end(gongkai::import::FrontEnd::Python);
        o.sheet.clone_from(&self.sheet);
        o.title.clone_from(&self.title);
        o.domain.clone_from(&self.domain);
        o.publisher.clone_from(&self.publisher);
        o.level = self.level;
        o.issued.clone_from(&self.issued);
        o
    }
}

/// The Python-free view of an input, sent to the thread that validates it.
pub(crate) enum Job<'a> {
    /// JSON bytes.
    Json { bytes: &'a [u8], from_value: bool },
    /// A file: its path, and the path as text (for the format and for errors).
    File { path: &'a Path, name: Cow<'a, str> },
    /// A file's bytes already read (Spark's `binaryFiles`), with its name for the format and
    /// for errors.
    Named { bytes: &'a [u8], name: &'a str },
}

impl Input<'_> {
    pub(crate) fn job(&self) -> Job<'_> {
        match self {
            Input::Bytes { data, from_value } => Job::Json {
                bytes: data.as_bytes(),
                from_value: *from_value,
            },
            Input::Path(p) => Job::File {
                path: p,
                name: p.to_string_lossy(),
            },
        }
    }
}

impl Job<'_> {
    /// Validates: the only call into the core. Needs no Python.
    pub(crate) fn run(
        &self,
        v: &gongkai::Validator,
        table: &TableOptions,
    ) -> Result<gongkai::Report, Failure> {
        match self {
            Job::Json { bytes, .. } => Ok(v.validate_json(bytes)?),
            Job::File { path, name } => {
                let bytes = gongkai::read_file_limited(path, v.options().max_input_bytes)?;
                Ok(v.validate_bytes_owned(bytes, &table.import_options(name))?)
            }
            Job::Named { bytes, name } => {
                Ok(v.validate_bytes_with(bytes, &table.import_options(name))?)
            }
        }
    }

    /// Reads the catalogue for an audit or a diff: JSON as given, a file by its name (tables
    /// through the importer, as `validate` does). Needs no Python. A failure comes with how to
    /// report it.
    pub(crate) fn catalogue(
        &self,
        table: &TableOptions,
    ) -> Result<gongkai::import::Loaded, (Failure, Origin<'_>)> {
        use gongkai::import::{Format, ImportOptions, load};
        let options = match self {
            Job::Json { .. } => ImportOptions::default().format(Format::Json),
            Job::File { name, .. } => table.import_options(name),
            Job::Named { name, .. } => table.import_options(name),
        };
        let loaded = match self {
            Job::Json { bytes, .. } | Job::Named { bytes, .. } => load(bytes, &options),
            Job::File { path, .. } => gongkai::read_file_limited(path, options.max_input_bytes)
                .and_then(|bytes| load(&bytes, &options)),
        };
        loaded.map_err(|e| (Failure::Core(e), self.origin()))
    }

    /// How a failure of this job is reported.
    pub(crate) fn origin(&self) -> Origin<'_> {
        match self {
            Job::Json {
                from_value: true, ..
            } => Origin::PythonValue,
            Job::Json { .. } => Origin::Text,
            Job::File { name, .. } => Origin::File(name),
            Job::Named { name, .. } => Origin::File(name),
        }
    }
}

/// Whether a `str` (as UTF-8) is JSON text rather than a path: its first non-blank character
/// (Unicode white space or a BOM) is `{` or `[`. Only the leading blanks are decoded.
pub(crate) fn looks_like_json_text(utf8: &[u8]) -> bool {
    let mut rest = utf8;
    while let Some(&b) = rest.first() {
        let width = match b {
            0x00..=0x7f => 1,
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            _ => 4,
        };
        let Some(c) = rest
            .get(..width)
            .and_then(|s| std::str::from_utf8(s).ok())
            .and_then(|s| s.chars().next())
        else {
            return false;
        };
        if !(c.is_whitespace() || c == '\u{feff}') {
            return matches!(c, '{' | '[');
        }
        rest = rest.get(width..).unwrap_or_default();
    }
    false
}

/// Converts one argument.
pub(crate) fn extract<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Input<'py>> {
    let py = obj.py();
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Input::Bytes {
            data: b.clone(),
            from_value: false,
        });
    }
    if let Ok(s) = obj.cast::<PyString>() {
        match s.encode_utf8() {
            Ok(data) if looks_like_json_text(data.as_bytes()) => {
                return Ok(Input::Bytes {
                    data,
                    from_value: false,
                });
            }
            // Lone surrogates: JSON text cannot hold them, a path can (os.fsdecode's
            // surrogateescape); the file system encoding brings the bytes back.
            Err(e) if looks_like_json_text(s.to_string_lossy().as_bytes()) => {
                return Err(unicode_error(py, &e));
            }
            _ => return Ok(Input::Path(obj.extract()?)),
        }
    }
    if obj.is_instance_of::<PyByteArray>() || obj.is_instance_of::<PyMemoryView>() {
        // A mutable buffer could change while validation runs without the GIL: copy it once.
        let data = py
            .import("builtins")?
            .getattr("bytes")?
            .call1((obj,))?
            .cast_into::<PyBytes>()?;
        return Ok(Input::Bytes {
            data,
            from_value: false,
        });
    }
    if is_json_value(obj) {
        // The package's `_json`: the standard library's encoder, and where a value is not JSON.
        let data = py.import("gongkai")?.getattr("_json")?.call1((obj,))?;
        return Ok(Input::Bytes {
            data: data.cast_into()?,
            from_value: true,
        });
    }
    if obj.hasattr("__fspath__")? {
        // os.fsdecode accepts str and bytes paths alike, and round-trips undecodable bytes.
        let p = py.import("os")?.getattr("fsdecode")?.call1((obj,))?;
        return Ok(Input::Path(p.extract()?));
    }
    Err(PyTypeError::new_err(format!(
        "gongkai: data must be a dict (or other JSON value), JSON text (str or bytes), or a path \
         (str or os.PathLike); got {}",
        type_name(obj)
    )))
}

fn is_json_value(obj: &Bound<'_, PyAny>) -> bool {
    obj.is_none()
        || obj.is_instance_of::<PyDict>()
        || obj.is_instance_of::<PyList>()
        || obj.is_instance_of::<PyTuple>()
        || obj.is_instance_of::<PyBool>()
        || obj.is_instance_of::<PyInt>()
        || obj.is_instance_of::<PyFloat>()
}

fn unicode_error(py: Python<'_>, e: &PyErr) -> PyErr {
    crate::error::invalid_argument(
        py,
        format!("文本含有无法编码为 UTF-8 的字符（如孤立的代理字符）：{e}"),
    )
}

pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .fully_qualified_name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}
