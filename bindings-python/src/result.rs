//! One generic path for every result: the core's value is kept in a [`Native`] handle and
//! handed to the class of the same name in the Python package (`python/gongkai/__init__.py`),
//! whose attributes read the value's JSON (`to_dict()`, converted by pythonize). No result has
//! getters of its own here.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use pythonize::pythonize;
use serde::Serialize;
use std::any::Any;

/// A core value the handle can give as Python objects or JSON text, or as itself ([`Native::get`]).
trait Value: Any + Send + Sync {
    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
    fn json(&self, pretty: bool) -> String;
}

impl<T: Serialize + Send + Sync + 'static> Value for T {
    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize(py, self)?)
    }
    fn json(&self, pretty: bool) -> String {
        let text = if pretty {
            serde_json::to_string_pretty(self)
        } else {
            serde_json::to_string(self)
        };
        text.unwrap_or_default()
    }
}

/// A result of the core, as its JSON.
#[pyclass(frozen, module = "gongkai._gongkai", name = "Native")]
pub struct Native(Box<dyn Value>);

impl Native {
    /// A handle on `value`.
    pub(crate) fn new<T: Serialize + Send + Sync + 'static>(value: T) -> Self {
        Native(Box::new(value))
    }

    /// The value as its core type (for a native call that renders it: HTML, XLSX …).
    pub(crate) fn get<T: 'static>(&self) -> Option<&T> {
        let value: &dyn Any = self.0.as_ref();
        value.downcast_ref()
    }
}

#[pymethods]
impl Native {
    /// The value's JSON as new Python objects (what the core serialises, key order kept).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.0.dict(py)
    }
    /// The value's JSON text (compact, or indented with `pretty`).
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, pretty: bool) -> String {
        self.0.json(pretty)
    }
}

/// `gongkai.<class>(Native(value), **extra)`: the Python object of a result.
pub(crate) fn wrap<'py, T: Serialize + Send + Sync + 'static>(
    py: Python<'py>,
    class: &str,
    value: T,
    extra: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let native = Native::new(value);
    py.import("gongkai")?.getattr(class)?.call((native,), extra)
}
