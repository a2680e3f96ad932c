//! Importers: tables (CSV, XLSX, HTML, DOCX) into the canonical catalogue, with a source map.
//!
//! One entry point, [`import_bytes`] (through the one loader [`load`]), and one function per
//! format ([`import_csv`], [`import_xlsx`], [`import_xls`], [`import_html`], [`import_docx`]).
//! Legacy Word and WPS 文字 documents (.doc, .wps, RTF) and PDF/OFD files are recognised by
//! their extension or magic bytes ([`detect_format`]) and refused with a hint to save them as
//! .docx/.xlsx ([`Format::Doc`], [`Format::Pdf`]). Each reads the file into [`grid::Grid`]s (rows of cells with
//! merged-cell origins and the spreadsheet's own row numbers), finds the header of each grid
//! ([`header::detect`]), and reads the rows into items ([`Imported`]).
//!
//! ## How a file maps to one catalogue
//!
//! Every sheet of a workbook (or the one named in [`ImportOptions::sheet`]) and every `<table>`
//! of a page that has a catalogue header is read; their items are concatenated in order into one
//! catalogue. Each value's [`Location`] names its sheet (the sheet name for XLSX, `表N` for the
//! N-th `<table>` of a page or of a Word document, none for CSV), its row as the spreadsheet shows it, its column
//! letter and its header text. Sheets and tables without a catalogue header are skipped with an
//! info finding; when none has one, the import fails with [`Error::Import`]. When two tables
//! reuse the same 序号, the later items' ids are prefixed with the table number (`2-1`) and an
//! info finding says so.
//!
//! ## Decisions (documented here because other tasks rely on them)
//!
//! - **Header fields** (title, domain, publisher, level, issued, and region, 更新日期, 上级标准目录)
//!   come from [`ImportOptions`]; else from a **metadata block** (`label | value` rows above the
//!   header or on a sheet of their own, as the exporters write them: see `meta.rs` and
//!   [`crate::export`]); otherwise the title is the table's caption (HTML `<caption>`, the
//!   rows above the header, the page `<title>` when it names a 目录), else the file name; the
//!   domain is the 领域 whose name appears in the title; the publisher is the organ named
//!   before the 领域 in the title; the level is 乡级 when that organ is a 乡/镇/街道, else 县级;
//!   the date is one written in the title rows. Each default is reported (info), and a field
//!   that cannot be found is left empty, so validation reports it, with a warning saying which
//!   option fills it.
//! - **Tick columns** (公开对象/方式/层级): √ ✓ ● ■ or the column's own word mark a value; ×
//!   and blanks do not. When no column of a group has a mark, the value is *unknown*, not "no":
//!   the array is left empty (validation reports it at the cell) and a warning says the marks are
//!   missing. A mark spanning several columns of a group (a merged cell) says nothing about which
//!   one, and is reported the same way. Text that is not a mark is kept in `notes`.
//! - **Channel cells**: see [`channels`]. Ambiguous glyphs are read the likely way and reported.
//! - **Extra columns** (not in the standard layout) are kept in each item's `extra` under their
//!   header text (validation lists them as unknown keys), with one info finding per column. A
//!   column whose values are all 公开对象 words (全社会, 特定群体, 申请人 …) is the audience
//!   column whatever its header (公开范围), when the table has no audience column with data
//!   (`by_values.rs`; info finding).
//! - **Merged cells** are carried to every row they cover. In CSV, where a merge leaves empty
//!   cells, 一级事项 is carried down always, and 二级事项 when
//!   the row has its own 序号; a row with two or more of 公开内容, 公开依据, 公开时限, 公开主体,
//!   公开渠道 blank stands under merged cells, and takes each blank one (and each wholly blank
//!   tick group) from the item above in the same 一级事项. Each carried value has an info
//!   finding naming the row it stands on. A single blank cell in an otherwise complete row is
//!   missing data and stays empty (validation reports it).
//! - **Tables continued**: in a page or a Word document, a table without a header of its own
//!   right after a catalogue table with as many columns is read as its continuation (a table
//!   split at a page break; info finding).
//! - **Rows**: a row with its own 序号 or 二级事项 is an item; a row with neither but with other
//!   text continues the item above (its 公开内容/公开依据 are appended; info finding); a row with
//!   only a 序号, or a single text across the table (a section title or a note), is not an item
//!   (info finding); a row repeating the header is skipped (info finding).
//! - **同上** in a cell takes the value of the same column in the row above (info finding); for
//!   公开时限 the structured value is copied and `text` keeps "同上".
//! - **Ids**: 序号 as written (`0505` stays `0505`); a row without one gets `<previous>-<n>`.
//!
//! ## Limits
//!
//! Hostile input is bounded by [`ImportOptions`] limits the caller can raise: input size
//! (`max_input_bytes`, 128 MiB), rows read (`max_rows`, 200,000, across all tables: more rows are
//! not read, and a warning says so), columns (`max_columns`, 256), bytes per cell
//! (`max_cell_bytes`, 64 KiB, longer cells are cut with a warning), and for XLSX the total
//! decompressed size (`max_decompressed_bytes`, 512 MiB) and number of zip entries (10,000),
//! checked against both the declared and the actual sizes before the workbook is parsed; for
//! DOCX the same two limits (only the parts read are inflated) and the XML nesting depth
//! (`max_xml_depth`, 256), and the findings recorded (`max_findings`, 100,000, the rest counted
//! by code in one `import.findings_truncated`). The XML
//! parsers of XLSX and DOCX do not expand entities (a billion-laughs payload is an error). Legacy `.xls`
//! workbooks ([`import_xls`]) are read whole: their reader allocates each sheet's bounding box
//! up front, so a small hostile file can make it allocate up to the format's own limit of
//! 65,536 × 256 cells (about 0.5 GB) before the row limit applies. That is accepted on servers
//! and desktops; in WebAssembly, where such an allocation would end the instance, `.xls` is
//! refused with a hint to save as `.xlsx`.

use crate::Error;
use crate::codes;

mod by_values;
pub mod channels;
mod csv;
mod defaults;
mod docx;
#[doc(hidden)]
pub mod dom;
pub mod grid;
pub mod hanzi;
pub mod header;
mod html;
mod load;
mod meta;
pub mod migrate;
mod rows;
pub mod text;
pub(crate) mod xlsx;

use crate::issue::Finding;
use crate::model::{Catalogue, Level, Text};
use crate::report::{Location, SourceMap};
pub use header::{Column, Layout, Role};
#[doc(hidden)]
pub use html::streaming_agrees;
pub use load::{Loaded, load};
pub use migrate::{Migrated, Migration, migrate};

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// The canonical JSON.
    Json,
    /// Comma-, tab- or semicolon-separated values (UTF-8, UTF-8 with BOM, GB18030/GBK, UTF-16).
    Csv,
    /// An Excel/WPS workbook.
    Xlsx,
    /// An HTML page with one or more tables.
    Html,
    /// A legacy Excel 97–2003 workbook (also WPS .et; refused in WebAssembly).
    Xls,
    /// A Word document (.docx, also what WPS writes as .docx): every table of its body.
    Docx,
    /// A legacy Word 97–2003 (.doc) or WPS 文字 (.wps) document: refused with a hint to save it
    /// as .docx.
    Doc,
    /// A PDF or OFD document: refused with a hint to use the .docx/.xlsx it was made from.
    Pdf,
}

impl Format {
    /// The name shown in messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "JSON",
            Format::Csv => "CSV",
            Format::Xlsx => "XLSX",
            Format::Html => "HTML",
            Format::Xls => "XLS",
            Format::Docx => "DOCX",
            Format::Doc => "DOC",
            Format::Pdf => "PDF",
        }
    }
}

/// Options of an import: the catalogue header fields the table does not hold, which sheet to
/// read, and limits against hostile input.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ImportOptions {
    /// The file name (its extension gives the format; a table's default title comes from it).
    pub file_name: Option<String>,
    /// The format, when the caller knows it (otherwise from the file name, else the content).
    pub format: Option<Format>,
    /// Read only this sheet (XLSX sheet name) or table (`表2` for the second `<table>` of a page).
    pub sheet: Option<String>,
    /// 目录名称.
    pub title: Option<String>,
    /// 领域: a code (`municipal_services`) or its Chinese name (市政服务).
    pub domain: Option<String>,
    /// 编制单位.
    pub publisher: Option<String>,
    /// 目录层级.
    pub level: Option<Level>,
    /// 编制日期 (`YYYY-MM-DD`).
    pub issued: Option<String>,
    /// Largest input accepted, in bytes (default 128 MiB).
    pub max_input_bytes: usize,
    /// Most rows read, over all tables (default 200,000); more are not read, with a warning.
    pub max_rows: usize,
    /// Most columns read per table (default 256).
    pub max_columns: usize,
    /// Longest cell kept, in bytes (default 64 KiB); longer cells are cut with a warning.
    pub max_cell_bytes: usize,
    /// Largest total decompressed size of an XLSX or DOCX (default 512 MiB).
    pub max_decompressed_bytes: u64,
    /// Most entries in an XLSX or DOCX zip (default 10,000).
    pub max_zip_entries: usize,
    /// Deepest XML element nesting read in a DOCX (default 256).
    pub max_xml_depth: usize,
    /// Most worksheets in an XLSX or XLS workbook (default 1,000); a workbook with more is
    /// refused. The sheets' parts also share one decompressed-size budget
    /// ([`Self::max_decompressed_bytes`]): a part named by several sheets counts once per sheet.
    pub max_sheets: usize,
    /// Most findings an import records (default 100,000, as many as a report lists); the rest
    /// are only counted, by code, in one `import.findings_truncated` warning, so that a page of
    /// 100,000 tiny tables with a few problems each does not hold millions of findings.
    pub max_findings: usize,
    /// Where the caller supplies the catalogue fields a table lacks: the finding
    /// `import.header_missing` names the flag, argument or form field of this front end.
    pub front_end: FrontEnd,
    /// Whether [`TableInfo::columns`] is filled: not when the import is only validated (the
    /// column models of 100,000 tables are 58 MB the rules never read).
    #[cfg_attr(not(feature = "tables"), allow(dead_code))]
    pub(crate) column_models: bool,
}

/// The front end a table is imported through: it decides how a finding tells the user to supply
/// a catalogue field the table lacks (目录名称, 领域, 编制单位, 编制日期).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum FrontEnd {
    /// The Rust API: the field of [`ImportOptions`] (`ImportOptions::domain`).
    #[default]
    Rust,
    /// The `gongkai` command: its flag (`--domain`).
    Cli,
    /// The Python binding: the keyword argument (`domain=`).
    Python,
    /// The JavaScript binding: the option (`{ domain }`).
    Js,
    /// A web form: the form's field, by its Chinese label (“领域”栏).
    Form,
}

impl FrontEnd {
    /// How to supply the catalogue field `key` (`title`, `domain`, `publisher`, `issued`) whose
    /// Chinese label is `label`: the end of a sentence, in Chinese and in English.
    pub fn how_to_supply(self, key: &str, label: &str) -> (String, String) {
        match self {
            FrontEnd::Rust => (
                format!("在导入选项 ImportOptions::{key} 中填写"),
                format!("set it with ImportOptions::{key}"),
            ),
            FrontEnd::Cli => (
                format!("用命令行参数 --{key} 填写"),
                format!("set it with --{key}"),
            ),
            FrontEnd::Python => (
                format!("用参数 {key}= 填写"),
                format!("set it with the argument {key}="),
            ),
            FrontEnd::Js => (
                format!("用选项 {{ {key} }} 填写"),
                format!("set it with the option {{ {key} }}"),
            ),
            FrontEnd::Form => (
                format!("在表单的“{label}”栏中填写"),
                format!("fill in the form's “{label}” field"),
            ),
        }
    }
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            file_name: None,
            format: None,
            sheet: None,
            title: None,
            domain: None,
            publisher: None,
            level: None,
            issued: None,
            max_input_bytes: 128 << 20,
            max_rows: 200_000,
            max_columns: 256,
            max_cell_bytes: 64 << 10,
            max_decompressed_bytes: 512 << 20,
            max_zip_entries: 10_000,
            max_xml_depth: 256,
            max_sheets: 1_000,
            max_findings: 100_000,
            front_end: FrontEnd::Rust,
            column_models: true,
        }
    }
}

impl ImportOptions {
    /// Sets the front end whose way of supplying a missing catalogue field the findings name.
    pub fn front_end(mut self, f: FrontEnd) -> Self {
        self.front_end = f;
        self
    }
    /// Sets the file name.
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }
    /// Sets the format (instead of detecting it).
    pub fn format(mut self, format: Format) -> Self {
        self.format = Some(format);
        self
    }
    /// Reads only this sheet (or `表N` table).
    pub fn sheet(mut self, sheet: impl Into<String>) -> Self {
        self.sheet = Some(sheet.into());
        self
    }
    /// Sets the title.
    pub fn title(mut self, v: impl Into<String>) -> Self {
        self.title = Some(v.into());
        self
    }
    /// Sets the domain (code or Chinese name).
    pub fn domain(mut self, v: impl Into<String>) -> Self {
        self.domain = Some(v.into());
        self
    }
    /// Sets the publisher.
    pub fn publisher(mut self, v: impl Into<String>) -> Self {
        self.publisher = Some(v.into());
        self
    }
    /// Sets the level.
    pub fn level(mut self, v: Level) -> Self {
        self.level = Some(v);
        self
    }
    /// Sets the issue date.
    pub fn issued(mut self, v: impl Into<String>) -> Self {
        self.issued = Some(v.into());
        self
    }
    /// Sets the row limit.
    pub fn max_rows(mut self, n: usize) -> Self {
        self.max_rows = n;
        self
    }
    /// Sets the input size limit.
    pub fn max_input_bytes(mut self, n: usize) -> Self {
        self.max_input_bytes = n;
        self
    }
    /// Sets the XLSX decompressed size limit.
    pub fn max_decompressed_bytes(mut self, n: u64) -> Self {
        self.max_decompressed_bytes = n;
        self
    }
    /// Sets the cell size limit.
    pub fn max_cell_bytes(mut self, n: usize) -> Self {
        self.max_cell_bytes = n;
        self
    }
    /// Sets the column limit.
    pub fn max_columns(mut self, n: usize) -> Self {
        self.max_columns = n;
        self
    }
    /// Sets the zip entry limit (XLSX, DOCX).
    pub fn max_zip_entries(mut self, n: usize) -> Self {
        self.max_zip_entries = n;
        self
    }
    /// Sets the most worksheets of an XLSX or XLS workbook.
    pub fn max_sheets(mut self, n: usize) -> Self {
        self.max_sheets = n;
        self
    }

    /// Sets the most findings an import records (the rest are counted in one summary finding).
    pub fn max_findings(mut self, n: usize) -> Self {
        self.max_findings = n;
        self
    }

    /// Sets the XML nesting limit (DOCX).
    pub fn max_xml_depth(mut self, n: usize) -> Self {
        self.max_xml_depth = n;
        self
    }
}

/// One table that was read: where it is, its header and what each column means.
#[derive(Debug, Clone, PartialEq)]
pub struct TableInfo {
    /// `Location::sheet` of its cells.
    pub sheet: Option<String>,
    /// Its caption or title, when found.
    pub caption: Option<String>,
    /// 1-based numbers of its header rows.
    pub header_rows: Vec<u32>,
    /// The column model.
    pub columns: Vec<Column>,
    /// The items it gave (indices into `catalogue.items`).
    pub items: std::ops::Range<usize>,
}

/// A catalogue read from a table, where each value came from, and what the importer noticed.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The catalogue.
    pub catalogue: Catalogue<'static>,
    /// JSON Pointer → cell.
    pub sources: SourceMap,
    /// What the importer noticed (unparsed text kept, ambiguous glyphs, 同上 resolved…).
    pub findings: Vec<Finding>,
    /// The tables read, with their column models (for exporters and the annotated workbook).
    pub tables: Vec<TableInfo>,
    /// The text encoding of a CSV or HTML file (`UTF-8`, `GB18030`, `UTF-16LE` …).
    pub encoding: Option<String>,
}

impl ImportOptions {
    /// The format of `bytes`: [`ImportOptions::format`], else by the file name's extension, else by
    /// the content.
    pub fn format_of(&self, bytes: &[u8]) -> Format {
        self.format
            .unwrap_or_else(|| detect_format(self.file_name.as_deref(), bytes))
    }
}

/// Detects the format from the file name's extension, else from the content. A legacy or
/// page-layout document (.doc, .wps, PDF, OFD) is recognised by its extension or its magic
/// bytes, so that it gets a clear error rather than being read as something else; a .doc that
/// is really a web page or a .docx (Word and portals save both under that name) is read as what
/// it is.
pub fn detect_format(name: Option<&str>, bytes: &[u8]) -> Format {
    let by_name = name.and_then(|n| {
        let lower = n.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map(|(_, e)| e)?;
        Some(match ext {
            "json" => Format::Json,
            "csv" | "tsv" | "txt" => Format::Csv,
            "xlsx" | "xlsm" => Format::Xlsx,
            "xls" | "et" | "ett" => Format::Xls,
            "html" | "htm" | "shtml" => Format::Html,
            "docx" | "docm" | "dotx" => Format::Docx,
            "doc" | "dot" | "wps" | "wpt" => Format::Doc,
            "pdf" | "ofd" => Format::Pdf,
            _ => return None,
        })
    });
    match by_name {
        // A legacy name on a file of another kind: what the content says.
        Some(Format::Doc) => match sniff(bytes) {
            f @ (Format::Html | Format::Docx | Format::Pdf) => f,
            _ => Format::Doc,
        },
        Some(f) => f,
        None => sniff(bytes),
    }
}

/// The format the content shows.
fn sniff(bytes: &[u8]) -> Format {
    if let Some(f) = legacy_kind(bytes) {
        return f;
    }
    let b = crate::json::strip_bom(bytes);
    let first = b.iter().copied().find(|c| !c.is_ascii_whitespace());
    match first {
        Some(b'{') | Some(b'[') => Format::Json,
        Some(b'<') => Format::Html,
        _ if b.starts_with(b"PK\x03\x04") && is_docx_zip(b) => Format::Docx,
        _ if b.starts_with(b"PK\x03\x04") => Format::Xlsx,
        _ if b.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) => Format::Xls,
        _ if looks_like_csv(b) => Format::Csv,
        _ => Format::Json,
    }
}

fn looks_like_csv(b: &[u8]) -> bool {
    let head = &b[..b.len().min(4096)];
    let has_sep = head.iter().any(|c| matches!(c, b',' | b'\t' | b';'));
    let has_nl = head.contains(&b'\n');
    has_sep && has_nl && !head.contains(&0)
}

/// Whether a zip holds a Word document body and no workbook (by the names its directory lists).
fn is_docx_zip(b: &[u8]) -> bool {
    memchr::memmem::find(b, b"word/document.xml").is_some()
        && memchr::memmem::find(b, b"xl/workbook.xml").is_none()
}

/// A document this importer refuses, by its magic bytes: PDF (`%PDF-` near the start), OFD (a
/// zip with `OFD.xml`), a legacy Word or WPS 文字 document (an OLE compound file with a
/// `WordDocument` stream), RTF.
pub(crate) fn legacy_kind(bytes: &[u8]) -> Option<Format> {
    let head = &bytes[..bytes.len().min(1024)];
    if memchr::memmem::find(head, b"%PDF-").is_some() || bytes.starts_with(b"{\\rtf") {
        return Some(if bytes.starts_with(b"{\\rtf") {
            Format::Doc
        } else {
            Format::Pdf
        });
    }
    // OFD: a zip whose first entry is OFD.xml (the name stands at offset 30 of the header).
    if bytes.starts_with(b"PK\x03\x04") {
        let n = bytes
            .get(26..28)
            .map_or(0, |l| usize::from(u16::from_le_bytes([l[0], l[1]])));
        if bytes.get(30..30 + n) == Some(b"OFD.xml".as_slice()) {
            return Some(Format::Pdf);
        }
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // Directory entry names are UTF-16LE.
        let word: Vec<u8> = "WordDocument"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        if memchr::memmem::find(bytes, &word).is_some() {
            return Some(Format::Doc);
        }
    }
    None
}

/// The error for a document this importer does not read: what it is and what to save it as.
pub(crate) fn legacy_error(format: Format) -> Error {
    Error::UnsupportedFormat(match format {
        Format::Pdf => "PDF/OFD 版式文件中的表格无法可靠读取（表格线和合并单元格都已丢失）：请使用制作该文件的 Word（.docx）或 Excel（.xlsx）原件，或在 WPS/Word 中把它转换为 .docx 后核对再导入".into(),
        _ => "这是旧版 Word 97-2003（.doc）、WPS 文字（.wps）或 RTF 文档，无法直接读取：请在 Word 或 WPS 中“另存为” .docx（目录在 Excel 中则另存为 .xlsx）后再导入".into(),
    })
}

/// Imports a table in the given format.
pub fn import_bytes(
    bytes: &[u8],
    format: Format,
    options: &ImportOptions,
) -> Result<Imported, Error> {
    if format != Format::Json {
        if let Some(kind) = legacy_kind(bytes) {
            return Err(legacy_error(kind));
        }
    }
    match format {
        Format::Csv => import_csv(bytes, options),
        Format::Xlsx => import_xlsx(bytes, options),
        Format::Html => import_html(bytes, options),
        Format::Xls => import_xls(bytes, options),
        Format::Docx => import_docx(bytes, options),
        Format::Doc | Format::Pdf => Err(legacy_error(format)),
        Format::Json => Err(Error::InvalidArgument(
            "JSON 不是表格：请用 validate_json 读取 JSON 目录".into(),
        )),
    }
}

fn check_size(bytes: &[u8], options: &ImportOptions) -> Result<(), Error> {
    if bytes.len() > options.max_input_bytes {
        return Err(Error::TooLarge {
            what: "输入字节数".into(),
            limit: options.max_input_bytes as u64,
            actual: bytes.len() as u64,
        });
    }
    Ok(())
}

/// Imports a CSV file (UTF-8 with or without BOM, GB18030/GBK, UTF-16 with BOM; comma, tab or
/// semicolon separated, detected).
pub fn import_csv(bytes: &[u8], options: &ImportOptions) -> Result<Imported, Error> {
    check_size(bytes, options)?;
    let mut budget = Budget::new(options);
    let (text, encoding) = csv::decode(bytes)?;
    if encoding != "UTF-8" {
        budget.findings.push(Finding::new(
            codes::import::ENCODING,
            "",
            None,
            &[("encoding", encoding.to_owned())],
        ));
    }
    let grid = csv::parse(&text, &mut budget)?;
    let mut imported = assemble(vec![grid], Format::Csv, options, budget, None)?;
    imported.encoding = Some(encoding.to_owned());
    Ok(imported)
}

/// Imports an XLSX workbook: every sheet with a catalogue header, or the one named in
/// [`ImportOptions::sheet`].
pub fn import_xlsx(bytes: &[u8], options: &ImportOptions) -> Result<Imported, Error> {
    check_size(bytes, options)?;
    let mut budget = Budget::new(options);
    let grids = xlsx::read(bytes, &mut budget)?;
    assemble(grids, Format::Xlsx, options, budget, None)
}

/// Imports an Excel 97-2003 workbook (.xls, also what WPS writes as .et): every sheet with a
/// catalogue header, or the one named in [`ImportOptions::sheet`].
pub fn import_xls(bytes: &[u8], options: &ImportOptions) -> Result<Imported, Error> {
    if cfg!(target_arch = "wasm32") {
        return Err(Error::UnsupportedFormat(
            "XLS（Excel 97-2003 工作簿）在浏览器中不能读取：请在 Excel 或 WPS 中“另存为” .xlsx 后再导入"
                .into(),
        ));
    }
    check_size(bytes, options)?;
    let mut budget = Budget::new(options);
    let wps = options.file_name.as_deref().is_some_and(|n| {
        let n = n.to_ascii_lowercase();
        n.ends_with(".et") || n.ends_with(".ett")
    });
    let grids = xlsx::read_xls(bytes, &mut budget).map_err(|e| {
        if wps {
            // WPS 表格's own format is read when it is the Excel 97-2003 layout WPS also
            // writes; otherwise it cannot be.
            Error::UnsupportedFormat(
                "这个 WPS 表格（.et）文件无法读取：请在 WPS 中“另存为” .xlsx 后再导入".into(),
            )
        } else {
            e
        }
    })?;
    assemble(grids, Format::Xls, options, budget, None)
}

/// Imports every table of a Word document (.docx) with a catalogue header (or the one named
/// `表N` in [`ImportOptions::sheet`]); see `docx.rs` for how the document is read.
pub fn import_docx(bytes: &[u8], options: &ImportOptions) -> Result<Imported, Error> {
    check_size(bytes, options)?;
    let mut budget = Budget::new(options);
    let grids = docx::read(bytes, &mut budget)?;
    if grids.is_empty() {
        return Err(Error::Import {
            format: "DOCX".into(),
            message: "文档中没有表格；请确认目录是以表格形式编排的（不是文本框或图片），或把目录另存为 Excel 后再导入".into(),
            location: None,
        });
    }
    assemble(grids, Format::Docx, options, budget, None)
}

/// Imports every catalogue `<table>` of an HTML page (or the one named `表N` in
/// [`ImportOptions::sheet`]).
pub fn import_html(bytes: &[u8], options: &ImportOptions) -> Result<Imported, Error> {
    check_size(bytes, options)?;
    let mut budget = Budget::new(options);
    let (text, encoding) = html::decode(bytes)?;
    let (grids, page_title) = html::read(&text, &mut budget)?;
    drop(text);
    if grids.is_empty() {
        return Err(Error::Import {
            format: "HTML".into(),
            message:
                "页面中没有表格（<table>）；请确认打开的是目录所在的页面，或把目录另存为 Excel/CSV"
                    .into(),
            location: None,
        });
    }
    let mut imported = assemble(grids, Format::Html, options, budget, page_title)?;
    imported.encoding = Some(encoding.to_owned());
    Ok(imported)
}

/// The grids of every table of a CSV or HTML file, as the importer reads them (the same rows,
/// columns and merges, so that issue locations match), without header detection: for the
/// annotated workbook. `options.sheet` is ignored (every table is returned).
#[cfg(feature = "xlsx")]
pub(crate) fn read_grids(
    bytes: &[u8],
    format: Format,
    options: &ImportOptions,
) -> Result<Vec<grid::Grid>, Error> {
    check_size(bytes, options)?;
    let mut budget = Budget::new(options);
    budget.sheet = None;
    match format {
        Format::Csv => {
            let (text, _) = csv::decode(bytes)?;
            Ok(vec![csv::parse(&text, &mut budget)?])
        }
        Format::Html => {
            let (text, _) = html::decode(bytes)?;
            Ok(html::read(&text, &mut budget)?.0)
        }
        // A legacy workbook's values and merges (its own formatting is not readable here).
        Format::Xls => xlsx::read_xls(bytes, &mut budget),
        // Every table of a Word document, as the importer reads it.
        Format::Docx => docx::read(bytes, &mut budget),
        other => Err(Error::InvalidArgument(format!(
            "{} 不是文本表格（CSV/HTML）",
            other.name()
        ))),
    }
}

/// Limits and findings shared by the readers of one import.
#[derive(Clone)]
pub(crate) struct Budget {
    pub rows_left: usize,
    pub max_columns: usize,
    pub max_cell_bytes: usize,
    pub max_decompressed: u64,
    pub max_zip_entries: usize,
    pub max_xml_depth: usize,
    pub max_sheets: usize,
    pub max_rows: usize,
    pub sheet: Option<String>,
    pub findings: Vec<Finding>,
    pub truncated: bool,
}

impl Budget {
    fn new(o: &ImportOptions) -> Self {
        Budget {
            rows_left: o.max_rows.max(1),
            max_columns: o.max_columns.clamp(1, 16_384),
            max_cell_bytes: o.max_cell_bytes.max(16),
            max_decompressed: o.max_decompressed_bytes,
            max_zip_entries: o.max_zip_entries.max(1),
            max_xml_depth: o.max_xml_depth.max(1),
            max_sheets: o.max_sheets.max(1),
            max_rows: o.max_rows.max(1),
            sheet: o.sheet.clone(),
            findings: Vec::new(),
            truncated: false,
        }
    }

    /// Takes one row from the budget; false (with a finding, once) when it is spent.
    pub fn take_row(&mut self, sheet: Option<&str>, next_row: u32) -> bool {
        if self.rows_left == 0 {
            if !self.truncated {
                self.truncated = true;
                let loc = Location {
                    sheet: sheet.map(str::to_owned),
                    row: next_row,
                    column: None,
                    header: None,
                };
                self.findings.push(
                    Finding::new(
                        codes::import::TRUNCATED,
                        "/items",
                        None,
                        &[
                            ("limit", self.max_rows.to_string()),
                            ("row", next_row.to_string()),
                        ],
                    )
                    .at(&loc),
                );
            }
            return false;
        }
        self.rows_left -= 1;
        true
    }

    /// Cuts a cell to the byte limit (at a character boundary), with a finding.
    pub fn cell(&mut self, mut text: String, sheet: Option<&str>, row: u32, col: usize) -> String {
        if text.len() > self.max_cell_bytes {
            let mut cut = self.max_cell_bytes;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
            let loc = Location {
                sheet: sheet.map(str::to_owned),
                row,
                column: Some(Location::column_letter(col)),
                header: None,
            };
            self.findings.push(
                Finding::new(
                    codes::import::CELL_TRUNCATED,
                    "/items",
                    None,
                    &[
                        ("limit", self.max_cell_bytes.to_string()),
                        ("cell", format!("{}{row}", Location::column_letter(col))),
                    ],
                )
                .at(&loc),
            );
        }
        text
    }

    /// Records that columns beyond the limit were not read (once per table).
    pub fn columns_cut(&mut self, sheet: Option<&str>, row: u32) {
        let loc = Location {
            sheet: sheet.map(str::to_owned),
            row,
            column: Some(Location::column_letter(self.max_columns)),
            header: None,
        };
        self.findings.push(
            Finding::new(
                codes::import::COLUMNS_TRUNCATED,
                "/items",
                None,
                &[("limit", self.max_columns.to_string())],
            )
            .at(&loc),
        );
    }
}

/// A table without a header of its own that continues the table before it (a table of a Word
/// document or a page split at a page break, the header not repeated): the same number of
/// columns, and rows of data (three cells or more filled in one row at least).
fn continued(
    format: Format,
    grid: &grid::Grid,
    last: Option<&header::Layout>,
) -> Option<header::Layout> {
    let last = last.filter(|_| matches!(format, Format::Docx | Format::Html))?;
    let width = grid.width();
    let data = grid.rows.iter().any(|r| {
        r.cells
            .iter()
            .filter(|c| c.origin.is_none() && !c.text.trim().is_empty())
            .count()
            >= 3.min(width)
    });
    (width == last.width && width >= 3 && data).then(|| last.continued())
}

fn assemble(
    grids: Vec<grid::Grid>,
    format: Format,
    options: &ImportOptions,
    budget: Budget,
    page_title: Option<String>,
) -> Result<Imported, Error> {
    let mut findings = budget.findings;
    let mut cap = FindingsCap::new(options.max_findings);
    cap.trim(&mut findings, &mut Vec::new());
    let mut reader = rows::Reader::new();
    // Only a CSV loses its merged cells: elsewhere a merge is written, and a blank is a blank.
    reader.carry_blanks = format == Format::Csv;
    let mut tables = Vec::new();
    let mut captions: Vec<String> = Vec::new();
    let mut skipped = Vec::new();
    let mut metadata: Option<Vec<meta::MetaRow>> = None;
    let n_grids = grids.len();
    // The column model of the last table read, for a table that continues it.
    let mut last: Option<header::Layout> = None;
    // The first non-empty cell, for the error when no table has a catalogue header.
    let mut first_cell: Option<String> = None;
    // Each grid is dropped once read, so that the page's grids and what is read from them are
    // never all held at once.
    for grid in grids {
        let grid = &grid;
        if tables.is_empty() && first_cell.is_none() {
            first_cell = grid
                .rows
                .iter()
                .flat_map(|r| r.cells.iter())
                .map(|c| text::normalize_cell(&c.text))
                .find(|t| !t.is_empty());
        }
        let layout = match header::detect(grid) {
            Some(mut layout) => {
                findings.extend(by_values::audience_column(grid, &mut layout));
                Some(layout)
            }
            None => continued(format, grid, last.as_ref()).inspect(|_| {
                findings.push(
                    Finding::new(
                        codes::import::TABLE_CONTINUED,
                        "/items",
                        None,
                        &[
                            ("table", grid.sheet.clone().unwrap_or_default()),
                            (
                                "previous",
                                tables
                                    .last()
                                    .and_then(|t: &TableInfo| t.sheet.clone())
                                    .unwrap_or_default(),
                            ),
                        ],
                    )
                    .at(&grid.location(0, 0, None)),
                );
            }),
        };
        match layout {
            Some(layout) => {
                let start = reader.items.len();
                let above = layout.header_rows.first().copied().unwrap_or(0);
                let block = meta::block(grid, above);
                let skip: Vec<usize> = block.iter().flatten().map(|m| m.index).collect();
                if metadata.is_none() {
                    metadata = block;
                }
                let title_rows = rows::title_rows(grid, &layout, &skip);
                if let Some(c) = &grid.caption {
                    captions.push(c.clone());
                }
                captions.extend(title_rows);
                reader.read_table(grid, &layout);
                tables.push(TableInfo {
                    sheet: grid.sheet.clone(),
                    caption: grid.caption.clone(),
                    header_rows: layout
                        .header_rows
                        .iter()
                        .map(|&r| grid.row_number(r))
                        .collect(),
                    columns: if options.column_models {
                        layout.columns.clone()
                    } else {
                        Vec::new()
                    },
                    items: start..reader.items.len(),
                });
                last = Some(layout);
            }
            None => match meta::block(grid, grid.rows.len()) {
                // A sheet holding only the metadata block (目录信息) is not a skipped table.
                Some(block) if metadata.is_none() => metadata = Some(block),
                _ => skipped.push((
                    grid.sheet.clone(),
                    grid.rows.first().map_or(1, |r| r.number),
                )),
            },
        }
        // Findings beyond the limit are only counted, table by table, so that they never
        // pile up (the first ones in the order the import lists them are kept).
        cap.trim(&mut findings, reader.findings_mut());
    }
    if tables.is_empty() {
        let what = match format {
            Format::Html => "页面中的表格",
            Format::Xlsx => "工作簿的工作表",
            Format::Docx => "文档中的表格",
            _ => "文件",
        };
        let first = first_cell
            .map(|t| format!("（第一个非空单元格为“{}”）", crate::excerpt(&t, 30)))
            .unwrap_or_default();
        return Err(Error::Import {
            format: format.name().into(),
            message: format!(
                "{what}中没有找到目录表头{first}：表头应在前40行内，至少包含“序号”“公开事项”“公开内容”“公开依据”“公开时限”“公开主体”“公开渠道”“公开对象”“公开方式”“公开层级”中的三项；请检查文件是否为基层政务公开标准目录"
            ),
            location: None,
        });
    }
    if n_grids > 1 {
        for (sheet, row) in skipped {
            let loc = Location {
                sheet: sheet.clone(),
                row,
                column: None,
                header: None,
            };
            if cap.room(findings.len()) {
                findings.push(
                    Finding::new(
                        codes::import::TABLE_SKIPPED,
                        "",
                        None,
                        &[("table", sheet.unwrap_or_default())],
                    )
                    .at(&loc),
                );
            } else {
                cap.count(codes::import::TABLE_SKIPPED);
            }
        }
    }
    let (items, sources, mut row_findings) = reader.finish();
    // The tables' findings within the limit; the few about the catalogue's header below are
    // always kept.
    cap.trim(&mut findings, &mut row_findings);
    findings.append(&mut row_findings);
    if let Some(t) = page_title.filter(|t| t.contains("目录") || t.contains("目錄")) {
        captions.push(t);
    }
    let mut sources = sources;
    if let Some(first) = tables.first() {
        let row = first.header_rows.first().copied().unwrap_or(1);
        sources.insert(
            "/items",
            Location {
                sheet: first.sheet.clone(),
                row,
                column: None,
                header: None,
            },
        );
    }
    let mut cat = Catalogue {
        schema_version: Text::from(crate::model::SCHEMA_VERSION),
        title: Text::default(),
        domain: Text::default(),
        publisher: Text::default(),
        level: Level::County,
        region: None,
        issued: Text::default(),
        updated: None,
        based_on: None,
        version: None,
        revisions: Vec::new(),
        next_review: None,
        items,
        extra: Default::default(),
    };
    let metadata = metadata.unwrap_or_default();
    let mut with_meta = options.clone();
    {
        let fill = |slot: &mut Option<String>, label: &str| {
            if slot.is_none() {
                *slot = meta::value(&metadata, label).map(|m| m.value.clone());
            }
        };
        use crate::layout::meta::{DOMAIN, ISSUED, PUBLISHER, TITLE};
        fill(&mut with_meta.title, TITLE);
        fill(&mut with_meta.domain, DOMAIN);
        fill(&mut with_meta.publisher, PUBLISHER);
        fill(&mut with_meta.issued, ISSUED);
        if with_meta.level.is_none() {
            with_meta.level = meta::value(&metadata, crate::layout::meta::LEVEL)
                .and_then(|m| meta::level(&m.value));
        }
    }
    defaults::fill_header(&mut cat, &with_meta, &captions, &mut findings);
    meta::apply(&mut cat, &metadata, &mut sources, &mut findings);
    // A table with the columns or metadata of 1.1 is a 1.1 catalogue.
    if cat.required_version() != crate::model::SCHEMA_VERSION
        && cat.schema_version == crate::model::SCHEMA_VERSION
    {
        cat.schema_version = Text::from(cat.required_version());
    }
    cap.finish(&mut findings);
    Ok(Imported {
        catalogue: cat,
        sources,
        findings,
        tables,
        encoding: None,
    })
}

/// The limit on the findings of one import ([`ImportOptions::max_findings`]): the first ones
/// are kept, the rest counted by code and summed up in one `import.findings_truncated`.
struct FindingsCap {
    max: usize,
    over: std::collections::BTreeMap<codes::Code, usize>,
}

impl FindingsCap {
    fn new(max: usize) -> Self {
        FindingsCap {
            max: max.max(1),
            over: Default::default(),
        }
    }

    /// Whether one more finding fits after `kept`.
    fn room(&self, kept: usize) -> bool {
        kept < self.max
    }

    /// Counts a finding that was not kept.
    fn count(&mut self, code: codes::Code) {
        *self.over.entry(code).or_insert(0) += 1;
    }

    /// Keeps the first findings of `first` then `second` (the order the import lists them in)
    /// up to the limit, and counts the others.
    fn trim(&mut self, first: &mut Vec<Finding>, second: &mut Vec<Finding>) {
        let left = self.max.saturating_sub(first.len());
        for (v, keep) in [(first, self.max), (second, left)] {
            for f in v.drain(keep.min(v.len())..) {
                *self.over.entry(f.code).or_insert(0) += 1;
            }
        }
    }

    /// Adds the summary when some findings were only counted.
    fn finish(self, findings: &mut Vec<Finding>) {
        if self.over.is_empty() {
            return;
        }
        findings.push(crate::issue::truncated(
            codes::import::FINDINGS_TRUNCATED,
            self.max,
            self.over,
        ));
    }
}
