//! The embedded upper-level standards (对照上级标准目录): the 市政服务 reference catalogue.

use crate::Error;
use crate::model::Catalogue;
use std::sync::OnceLock;

/// The names of the embedded reference catalogues.
pub const REFERENCE_NAMES: &[&str] = &["municipal_services"];

/// The item key holding reference metadata: `{"certainty": "confirmed" | "uncertain",
/// "placeholder_subject": bool, "aliases": [..], "seen_in": [..]}`. Any catalogue used as a
/// reference may carry it; it is optional.
pub const REFERENCE_KEY: &str = "reference";

const MUNICIPAL_SERVICES: &str = include_str!("../../reference/municipal_services.json");

/// The name of an embedded reference catalogue: its code (`municipal_services`) or its
/// domain's Chinese name (市政服务), as a caller may write it.
pub fn reference_name(name: &str) -> Option<&'static str> {
    let name = name.trim();
    REFERENCE_NAMES
        .iter()
        .copied()
        .find(|n| *n == name || crate::model::domain_by_code(n).is_some_and(|d| d.zh == name))
}

/// The JSON text of an embedded reference catalogue (by [`reference_name`]).
pub fn reference_json(name: &str) -> Option<&'static str> {
    match reference_name(name)? {
        "municipal_services" => Some(MUNICIPAL_SERVICES),
        _ => None,
    }
}

/// An embedded reference catalogue (by [`reference_name`]), parsed once per process; this
/// returns a copy.
pub fn reference(name: &str) -> Option<Catalogue<'static>> {
    static MUNICIPAL: OnceLock<Option<Catalogue<'static>>> = OnceLock::new();
    match reference_name(name)? {
        "municipal_services" => MUNICIPAL
            .get_or_init(|| {
                Catalogue::from_json(MUNICIPAL_SERVICES.as_bytes())
                    .ok()
                    .map(Catalogue::into_owned)
            })
            .clone(),
        _ => None,
    }
}

/// The reference catalogue of a diff as a caller names it (`gongkai diff REFERENCE`, the
/// bindings' `reference` argument): an embedded one, or a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceSpec<'a> {
    /// An embedded reference catalogue: its name in [`REFERENCE_NAMES`].
    BuiltIn(&'static str),
    /// A file (its path as given).
    File(&'a str),
}

impl<'a> ReferenceSpec<'a> {
    /// Reads a spec: an existing file (`is_file`) is that file; else an embedded name
    /// ([`reference_name`]) is that catalogue; else text that looks like a path (with `/`, `\`
    /// or `.`) is a file, whose reading then says what is wrong; anything else is an error
    /// naming the embedded catalogues.
    pub fn parse(spec: &'a str, is_file: impl FnOnce(&str) -> bool) -> Result<Self, Error> {
        if is_file(spec) {
            return Ok(ReferenceSpec::File(spec));
        }
        match reference_name(spec) {
            Some(name) => Ok(ReferenceSpec::BuiltIn(name)),
            None if spec.contains(['/', '\\', '.']) => Ok(ReferenceSpec::File(spec)),
            None => Err(unknown_reference(
                "上级标准目录",
                spec,
                "文件或内置上级标准目录名",
            )),
        }
    }

    /// An embedded reference only (where there are no files, as in the browser): its name, or
    /// an error naming the argument (`name`) and the embedded catalogues.
    pub fn built_in(name: &str, spec: &str) -> Result<&'static str, Error> {
        reference_name(spec).ok_or_else(|| unknown_reference(name, spec, "内置上级标准目录名"))
    }
}

/// `{name} 应为{expected}（可用：municipal_services（市政服务）…），实际为“spec”`.
fn unknown_reference(name: &str, spec: &str, expected: &str) -> Error {
    let names: Vec<String> = REFERENCE_NAMES
        .iter()
        .map(|n| match crate::model::domain_by_code(n) {
            Some(d) => format!("{n}（{}）", d.zh),
            None => (*n).to_owned(),
        })
        .collect();
    crate::args::invalid(
        name,
        &format!("{expected}（可用：{}）", names.join("、")),
        &crate::args::quoted(spec),
    )
}
