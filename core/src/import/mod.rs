//! Importers: tables (CSV, XLSX, HTML) into the canonical catalogue, with a source map.
//!
//! (The table importers are being written; this module fixes the entry points.)

use crate::Error;

pub mod text;
use crate::model::Catalogue;
use crate::report::SourceMap;
use crate::rules::Finding;

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// The canonical JSON.
    Json,
    /// Comma-, tab- or semicolon-separated values (UTF-8, UTF-8 with BOM, GB18030/GBK).
    Csv,
    /// An Excel/WPS workbook.
    Xlsx,
    /// An HTML page with one or more tables.
    Html,
}

/// Options of an import.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ImportOptions {}

/// A catalogue read from a table, where each value came from, and what the importer noticed.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The catalogue.
    pub catalogue: Catalogue<'static>,
    /// JSON Pointer → cell.
    pub sources: SourceMap,
    /// What the importer noticed (unparsed text kept, ambiguous glyphs, 同上 resolved…).
    pub findings: Vec<Finding>,
}

/// Detects the format from the file name's extension, else from the content.
pub fn detect_format(name: Option<&str>, bytes: &[u8]) -> Format {
    if let Some(n) = name {
        let lower = n.to_ascii_lowercase();
        if lower.ends_with(".json") {
            return Format::Json;
        }
        if lower.ends_with(".csv") || lower.ends_with(".tsv") || lower.ends_with(".txt") {
            return Format::Csv;
        }
        if lower.ends_with(".xlsx") || lower.ends_with(".xlsm") {
            return Format::Xlsx;
        }
        if lower.ends_with(".html") || lower.ends_with(".htm") {
            return Format::Html;
        }
    }
    let b = crate::json::strip_bom(bytes);
    let first = b.iter().copied().find(|c| !c.is_ascii_whitespace());
    match first {
        Some(b'{') | Some(b'[') => Format::Json,
        Some(b'<') => Format::Html,
        _ if b.starts_with(b"PK\x03\x04") => Format::Xlsx,
        _ => Format::Json,
    }
}

/// Imports a table.
pub fn import_bytes(
    _bytes: &[u8],
    format: Format,
    _options: &ImportOptions,
) -> Result<Imported, Error> {
    Err(Error::UnsupportedFormat(format!(
        "{format:?}（表格导入尚未实现）"
    )))
}
