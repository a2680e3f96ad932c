//! The registry of legal instruments (依据库): `laws=` of `validate`/`Validator`,
//! `gongkai.laws()` and `gongkai.lookup_law()`.

use crate::error::{Failure, Origin, arg, to_py_err_lang};
use crate::input::{self, Input};
use gongkai::laws::Registry;
use pyo3::prelude::*;
use pythonize::pythonize;
use std::sync::Arc;

/// Reads `laws=`: a registry file given as a path, JSON text, JSON bytes or a dict, merged over
/// the embedded registry (the core's [`Registry::with_json_bytes`]). `None` is the embedded
/// registry alone.
pub(crate) fn registry(
    py: Python<'_>,
    laws: Option<&Bound<'_, PyAny>>,
    lang: gongkai::Lang,
) -> PyResult<Option<Arc<Registry>>> {
    let Some(obj) = laws.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let (bytes, path) = match input::extract(obj)? {
        Input::Bytes { data, .. } => (data.as_bytes().to_vec(), None),
        Input::Path(p) => (Vec::new(), Some(p)),
    };
    let read = || {
        let bytes = match &path {
            None => bytes,
            Some(p) => std::fs::read(p).map_err(|e| gongkai::Error::Io {
                path: p.display().to_string(),
                message: e.to_string(),
            })?,
        };
        Registry::with_json_bytes(&bytes, lang)
    };
    let name = path.as_ref().map(|p| p.display().to_string());
    let origin = name.as_deref().map_or(Origin::Text, Origin::File);
    py.detach(read)
        .map(|r| Some(Arc::new(r)))
        .map_err(|e| to_py_err_lang(py, &Failure::Core(e), origin, lang))
}

/// The registry of a call: `laws=` merged over the embedded one, or the embedded one.
fn with_registry<T>(
    py: Python<'_>,
    laws: Option<&Bound<'_, PyAny>>,
    lang: &str,
    f: impl FnOnce(&Registry) -> PyResult<T>,
) -> PyResult<T> {
    let user = registry(py, laws, arg(py, "lang", lang)?)?;
    f(user.as_deref().unwrap_or_else(|| Registry::embedded()))
}

/// Every instrument of the registry (the embedded one, or `laws=` merged over it), as dicts:
/// title, short_names, kind, issuer, versions (doc_no, promulgated, in_force, change, source),
/// status, repealed_on, replaced_by, sources.
#[pyfunction]
#[pyo3(signature = (*, laws = None, lang = "zh"))]
pub(crate) fn laws<'py>(
    py: Python<'py>,
    laws: Option<&Bound<'py, PyAny>>,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    with_registry(py, laws, lang, |reg| Ok(pythonize(py, reg.laws())?))
}

/// The instrument a citation names, or None: `{"law": {...}, "version": {...} | None}`, the
/// version being the one `doc_no` names. Titles are compared without 《》, spaces, the
/// 中华人民共和国 prefix, full-width or traditional forms; short names (条例, 行政许可法) work.
#[pyfunction]
#[pyo3(signature = (title, *, doc_no = None, laws = None, lang = "zh"))]
pub(crate) fn lookup_law<'py>(
    py: Python<'py>,
    title: &str,
    doc_no: Option<&str>,
    laws: Option<&Bound<'py, PyAny>>,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    with_registry(py, laws, lang, |reg| {
        Ok(pythonize(py, &reg.find(title, doc_no))?)
    })
}
