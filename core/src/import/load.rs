//! The one loader: how a file of any supported format becomes a catalogue.
//!
//! Every command and both bindings read a catalogue file through [`load`]: convert, diff,
//! audit, annotate, site and evaluate take its [`Loaded`] as it is; validation takes the same
//! path for tables ([`crate::Validator::validate_bytes_with`]) and reads JSON from the bytes
//! itself, so that duplicate keys and structural problems can be explained. The format comes
//! from [`ImportOptions::format`], else [`ImportOptions::file_name`]'s extension, else the content
//! ([`super::detect_format`]); the
//! file name is also where a table's default title (and so its 领域) comes from, so callers pass
//! it whenever they have one.

use super::{Format, ImportOptions, TableInfo};
use crate::issue::Finding;
use crate::model::Catalogue;
use crate::report::SourceMap;
use crate::{Error, json};

/// A catalogue read from a file: JSON, or a table with the cell of each value.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The catalogue.
    pub catalogue: Catalogue<'static>,
    /// The format it was read from.
    pub format: Format,
    /// JSON Pointer → cell, for a table (`None` for JSON).
    pub sources: Option<SourceMap>,
    /// What the importer noticed (tables only: unparsed text kept, 同上 resolved …).
    pub findings: Vec<Finding>,
    /// The tables read, with their column models (tables only).
    pub tables: Vec<TableInfo>,
    /// The text encoding of a CSV or HTML file (`UTF-8`, `GB18030`, `UTF-16LE` …).
    pub encoding: Option<String>,
}

/// Reads a catalogue file of any supported format.
///
/// JSON must be a readable catalogue (the types of every field right; `gongkai validate` explains
/// a structurally broken one); a table goes through the importer with `options` (sheet, catalogue
/// fields the table does not hold, limits). Input larger than `options.max_input_bytes` is an
/// error whatever its format.
///
/// ```
/// use gongkai::import::{ImportOptions, load};
/// let csv = "序号,一级事项,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道,公开对象,公开方式,公开层级\n\
///            1,城镇燃气管理,燃气经营许可证核发,申请条件,《城镇燃气管理条例》,20个工作日,某县城市管理局,政府网站,全社会,主动,县级\n";
/// let loaded = load(csv.as_bytes(), &ImportOptions::default().file_name("某县城管局市政服务目录.csv"))?;
/// assert_eq!(loaded.catalogue.items.len(), 1);
/// assert_eq!(loaded.catalogue.title, "某县城管局市政服务目录");
/// assert!(loaded.sources.is_some());
/// # Ok::<(), gongkai::Error>(())
/// ```
pub fn load(bytes: &[u8], options: &ImportOptions) -> Result<Loaded, Error> {
    if bytes.len() > options.max_input_bytes {
        return Err(Error::TooLarge {
            what: "输入字节数".into(),
            limit: options.max_input_bytes as u64,
            actual: bytes.len() as u64,
        });
    }
    let format = options.format_of(bytes);
    if format == Format::Json {
        let catalogue = Catalogue::from_json(json::strip_bom(bytes))?.into_owned();
        return Ok(Loaded {
            catalogue,
            format,
            sources: None,
            findings: Vec::new(),
            tables: Vec::new(),
            encoding: None,
        });
    }
    let imported = import_table(bytes, format, options)?;
    Ok(Loaded {
        catalogue: imported.catalogue,
        format,
        sources: Some(imported.sources),
        findings: imported.findings,
        tables: imported.tables,
        encoding: imported.encoding,
    })
}

#[cfg(feature = "tables")]
fn import_table(
    bytes: &[u8],
    format: Format,
    options: &ImportOptions,
) -> Result<super::Imported, Error> {
    super::import_bytes(bytes, format, options)
}

/// Without the `tables` feature (the small WebAssembly build), only JSON is read.
#[cfg(not(feature = "tables"))]
fn import_table(
    _bytes: &[u8],
    format: Format,
    _options: &ImportOptions,
) -> Result<super::Imported, Error> {
    Err(Error::UnsupportedFormat(format!(
        "{}：此版本只读取 JSON 目录（表格导入需要 tables 功能）",
        format.name()
    )))
}
