//! The registry of legal instruments (依据库): `laws=` of `validate`/`Validator`,
//! `gongkai.laws()` and `gongkai.lookup_law()`.

use crate::calendar::{core_err, lang_arg};
use crate::input::{self, Input};
use gongkai::laws::Registry;
use pyo3::prelude::*;
use pythonize::pythonize;
use std::sync::Arc;

/// Reads `laws=`: a registry file given as a path, JSON text, JSON bytes or a dict, merged over
/// the embedded registry. `None` is the embedded registry alone.
pub(crate) fn registry(
    py: Python<'_>,
    laws: Option<&Bound<'_, PyAny>>,
    lang: gongkai::Lang,
) -> PyResult<Option<Arc<Registry>>> {
    let Some(obj) = laws.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let text = match input::extract(obj)? {
        Input::Bytes { data, .. } => String::from_utf8(data.as_bytes().to_vec()).map_err(|e| {
            core_err(
                py,
                gongkai::Error::Laws(format!(
                    "依据库文件不是 UTF-8 编码（第 {} 个字节起）",
                    e.utf8_error().valid_up_to() + 1
                )),
            )
        })?,
        Input::Path(p) => {
            let bytes = std::fs::read(&p).map_err(|e| {
                core_err(
                    py,
                    gongkai::Error::Io {
                        path: p.display().to_string(),
                        message: e.to_string(),
                    },
                )
            })?;
            String::from_utf8(bytes).map_err(|e| {
                core_err(
                    py,
                    gongkai::Error::Laws(format!(
                        "{}: 依据库文件不是 UTF-8 编码（第 {} 个字节起）",
                        p.display(),
                        e.utf8_error().valid_up_to() + 1
                    )),
                )
            })?
        }
    };
    let reg = py.detach(|| Registry::with_json_lang(&text, lang));
    reg.map(|r| Some(Arc::new(r))).map_err(|e| core_err(py, e))
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
    let lang = lang_arg(py, lang)?;
    let user = registry(py, laws, lang)?;
    let reg = user.as_deref().unwrap_or_else(|| Registry::embedded());
    Ok(pythonize(py, reg.laws())?)
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
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let lang = lang_arg(py, lang)?;
    let user = registry(py, laws, lang)?;
    let reg = user.as_deref().unwrap_or_else(|| Registry::embedded());
    let found = reg
        .lookup_citation(title, doc_no, None)
        .or_else(|| doc_no.and_then(|d| reg.lookup_doc_no(d)));
    let Some(m) = found else {
        return Ok(None);
    };
    let value = serde_json::json!({ "law": m.law, "version": m.version() });
    Ok(Some(pythonize(py, &value)?))
}
