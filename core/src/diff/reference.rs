//! The embedded upper-level standards (对照上级标准目录): the 市政服务 reference catalogue.

use crate::model::Catalogue;
use std::sync::OnceLock;

/// The names of the embedded reference catalogues.
pub const REFERENCE_NAMES: &[&str] = &["municipal_services"];

/// The item key holding reference metadata: `{"certainty": "confirmed" | "uncertain",
/// "placeholder_subject": bool, "aliases": [..], "seen_in": [..]}`. Any catalogue used as a
/// reference may carry it; it is optional.
pub const REFERENCE_KEY: &str = "reference";

const MUNICIPAL_SERVICES: &str = include_str!("../../reference/municipal_services.json");

/// The JSON text of an embedded reference catalogue.
pub fn reference_json(name: &str) -> Option<&'static str> {
    match name {
        "municipal_services" => Some(MUNICIPAL_SERVICES),
        _ => None,
    }
}

/// An embedded reference catalogue, parsed (once per process; this returns a copy).
pub fn reference(name: &str) -> Option<Catalogue<'static>> {
    static MUNICIPAL: OnceLock<Option<Catalogue<'static>>> = OnceLock::new();
    match name {
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
