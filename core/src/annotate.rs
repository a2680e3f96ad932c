//! The annotated workbook: a copy of the user's own table with every problem marked on its cell.
//!
//! County staff fix their own file rather than read a report. [`annotate`] validates a table
//! file (XLSX, CSV, HTML or DOCX) exactly as [`Validator::validate_bytes`] does and writes an XLSX
//! workbook that
//!
//! - holds the user's sheets, in order, with their names, their cell values and their merged
//!   cells, so that every issue location (sheet, row, column) still points at the same cell;
//! - fills each cell that has an issue with the colour of its most serious issue (错误 red,
//!   警告 amber, 提示 blue) and attaches a note (批注) listing every issue on that cell: severity,
//!   rule code and message, several issues joined in one note;
//! - adds a sheet **问题清单** (`Issues` with English messages) listing every issue of the report
//!   in report order: 序号, 级别, 代码, 位置 (a link to the cell), 列名, 说明, under a legend row,
//!   with the header frozen and an autofilter. The workbook opens on this sheet.
//!
//! ```
//! # #[cfg(feature = "xlsx")] {
//! let csv = "序号,一级事项,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道,全社会,特定群体,主动,依申请,县级,乡级\n\
//!            1,城镇燃气管理,燃气经营许可证核发,申请条件,《城镇燃气管理条例》,,武陟县城市管理局,■政务服务中心,√,,√,,√,\n";
//! let out = gongkai::annotate::annotate(csv.as_bytes(), Some("目录.csv"), &gongkai::Validator::default())?;
//! assert!(out.workbook.starts_with(b"PK"));
//! assert!(!out.report.valid);
//! assert_eq!(out.issues_sheet, "问题清单");
//! // 主动 without 政府网站 is marked on the channel cell H2.
//! let issue = out.report.issues.iter().find(|i| i.code == "channels.website_required").unwrap();
//! let loc = issue.location.as_ref().unwrap();
//! assert_eq!((loc.row, loc.column.as_deref()), (2, Some("H")));
//! # }
//! # Ok::<(), gongkai::Error>(())
//! ```
//!
//! # Where a note goes
//!
//! - An issue with a cell location: on that cell; when the cell is covered by a merged range,
//!   on the range's top-left cell (the only one Excel shows), and the note names the cell.
//! - An issue whose location has a row but no column: on the first cell of that row.
//! - An issue without a location (the catalogue's title, publisher …, which are not cells of
//!   the table): on cell A1 of the first sheet that holds catalogue rows. So no issue is lost:
//!   every one has a note and a row in 问题清单.
//!
//! # What the copy holds (a copy with the values and merges, not a byte-faithful clone)
//!
//! The workbook is read with calamine and written anew with rust_xlsxwriter; no part of the
//! original file is carried over byte for byte.
//!
//! **Kept** from an XLSX: every worksheet, in order, with its name and hidden state; every cell
//! value as calamine reads it: strings (always written as strings, so text like `=1+1` never
//! becomes a live formula), numbers, booleans, dates, times and durations (written with a
//! standard date/time format, `yyyy-mm-dd`, `yyyy-mm-dd hh:mm:ss` or `[h]:mm:ss`; the 1904
//! date system is converted to 1900); merged ranges; column widths (in pixels, as computed for
//! the default font) and hidden columns.
//!
//! **Not kept**: fonts, fills, borders, alignment (every text cell of the copy wraps and is
//! aligned top, so multi-line cells stay readable), number formats other than dates (0.5 shown
//! as 50% becomes 0.5), row heights (Excel fits them to the text), formulas (each formula cell
//! holds its last computed value, as saved in the file; the number of such cells is reported
//! in [`Annotated::notes`]), error values (`#N/A` is written as text), existing comments,
//! hyperlinks, images, charts and chart sheets, data validation, conditional formatting,
//! defined names, freeze panes, print settings, protection and macros.
//!
//! **CSV, HTML and DOCX** have no workbook: the copy is one sheet per table, the grid the
//! importer reads (the same rows, blank lines included, and columns, so locations match), every
//! cell a string (序号 `01` stays `01`): a CSV cell as written, an HTML or Word cell as the
//! browser or word processor shows its text (tick symbols as ■ □ √). An HTML table's
//! `rowspan`/`colspan` and a Word table's `gridSpan`/`vMerge`
//! become merged ranges; sheets are named `表1`, `表2` … as in the issue locations. A CSV's sheet
//! is named after the file (as Excel names it when it opens a CSV). Column widths are set from
//! the text.
//!
//! A workbook annotated before (one with a sheet whose first two rows are this module's legend
//! and header) can be annotated again: the old issues sheet is dropped and replaced, and the
//! importer's note that it is not a catalogue table is left out of the report.
//!
//! # Limits
//!
//! The import limits of [`ImportOptions`] apply (size, rows, zip bombs). The copy holds at
//! most [`AnnotateOptions::max_cells`] cells (default 4,000,000) and merged ranges covering at
//! most 2,000,000 cells in all; a cell holds at most 32,767 characters (Excel's limit). A
//! merged range of more than 65,536 cells is clipped to the sheet's used area, and a range
//! overlapping one already kept (which Excel refuses) is not merged. The first 65,530 issues
//! of 问题清单 have links (Excel's limit per sheet); a note longer than Excel allows ends with
//! how many issues it leaves to 问题清单. Anything left out is said in [`Annotated::notes`].

use crate::import::grid::Grid;
use crate::import::{self, Format, ImportOptions};
use crate::report::{Issue, Lang, Location, Report, Severity};
use crate::{Error, Validator};
use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx};
use rust_xlsxwriter::{
    Color, Format as Style, FormatAlign, FormatBorder, Note, Url, Workbook, Worksheet, XlsxError,
};
use std::collections::{BTreeMap, HashMap};
use std::io::{BufReader, Cursor, Read};

/// Excel's limit on the characters of one cell.
const MAX_CELL_CHARS: usize = 32_767;
/// Excel's last row index (0-based).
const LAST_ROW: u32 = 1_048_575;
/// Excel's last column index (0-based).
const LAST_COL: u16 = 16_383;
/// Excel's limit on hyperlinks per worksheet.
const MAX_LINKS: usize = 65_530;
/// Most cells covered by merged ranges in the copy.
const MAX_MERGED_CELLS: u64 = 2_000_000;
/// A merged range larger than this (in cells) is clipped to the sheet's used area.
const MAX_MERGE_AREA: u64 = 65_536;
/// The author of the notes.
const AUTHOR: &str = "gongkai";

/// Options of [`annotate_with`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct AnnotateOptions {
    /// How the table is imported (header fields, sheet, limits). `sheet` chooses what is
    /// validated; the copy holds every sheet.
    pub import: ImportOptions,
    /// Most cells copied (default 4,000,000); more are left out, with a note.
    pub max_cells: usize,
}

impl Default for AnnotateOptions {
    fn default() -> Self {
        AnnotateOptions {
            import: ImportOptions::default(),
            max_cells: 4_000_000,
        }
    }
}

impl AnnotateOptions {
    /// Sets the import options.
    pub fn import(mut self, import: ImportOptions) -> Self {
        self.import = import;
        self
    }
    /// Sets the cell limit.
    pub fn max_cells(mut self, n: usize) -> Self {
        self.max_cells = n;
        self
    }
}

/// An annotated workbook and the report it shows.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Annotated {
    /// The XLSX bytes.
    pub workbook: Vec<u8>,
    /// The validation report (the same as [`Validator::validate_bytes`] gives, less the
    /// importer's note about an old issues sheet, see the module documentation).
    pub report: Report,
    /// The format of the input.
    pub format: Format,
    /// The names of the sheets copied from the input, in order (as written: a name Excel
    /// refuses is replaced, with a note).
    pub sheets: Vec<String>,
    /// The name of the added issues sheet (`问题清单`, or `Issues` in English; with a number
    /// when the input already has a sheet of that name).
    pub issues_sheet: String,
    /// How many cells carry a note.
    pub cells_marked: usize,
    /// What the copy could not carry over or changed (formulas written as values, sheets left
    /// out, cells cut…), in the validator's language; empty when nothing.
    pub notes: Vec<String>,
}

/// Validates a table file and writes the annotated copy of it (see the
/// [module documentation](self)). `name` (a file name or path) helps detect the format and
/// names a CSV's sheet.
///
/// Errors: the input is empty, JSON (it has no cells to mark), or cannot be
/// imported (see [`crate::import`]); [`Error::UnsupportedFormat`] on `wasm32-unknown-unknown`.
pub fn annotate(
    bytes: &[u8],
    name: Option<&str>,
    validator: &Validator,
) -> Result<Annotated, Error> {
    annotate_with(bytes, name, validator, &AnnotateOptions::default())
}

/// [`annotate`] with options.
pub fn annotate_with(
    bytes: &[u8],
    name: Option<&str>,
    validator: &Validator,
    options: &AnnotateOptions,
) -> Result<Annotated, Error> {
    if cfg!(all(target_arch = "wasm32", target_os = "unknown")) {
        return Err(Error::UnsupportedFormat(
            "标注工作簿在 wasm32-unknown-unknown 上不可用".into(),
        ));
    }
    let lang = validator.options().lang;
    if bytes.is_empty() {
        return Err(Error::Import {
            format: name.map_or_else(|| "文件".to_owned(), display_name),
            message: "文件为空（0 字节）；请确认选择了目录表格文件".into(),
            location: None,
        });
    }
    let mut iopts = options.import.clone();
    if let Some(n) = name {
        if iopts.file_name.is_none() {
            iopts = iopts.file_name(n);
        }
    }
    let format = iopts.format_of(bytes);
    if format == Format::Json {
        return Err(Error::InvalidArgument(
            "JSON 目录没有可以标注的单元格；标注工作簿需要表格文件（.xlsx、.csv、.html、.docx）。可先用 convert 把 JSON 转为 .xlsx，再校验或标注该表格".into(),
        ));
    }
    let imported = import::load(bytes, &iopts)?;
    let report = imported.validate(validator);
    let mut book = match format {
        Format::Xlsx => read_xlsx(bytes, options.max_cells, lang)?,
        _ => {
            let grids = import::read_grids(bytes, format, &iopts)?;
            book_from_grids(grids, name, options.max_cells, lang)
        }
    };
    let main = imported
        .tables
        .first()
        .and_then(|t| t.sheet.clone())
        .or_else(|| book.sheets.first().map(|s| s.name.clone()));
    let report = drop_old_issue_sheets(report, &book);
    book.sheets.retain(|s| !s.ours);
    if book.sheets.is_empty() {
        return Err(Error::Import {
            format: format.name().into(),
            message: "文件中没有可复制的工作表".into(),
            location: None,
        });
    }
    let written = write_book(&book, &report, main.as_deref(), lang)?;
    let mut notes = book.notes;
    notes.extend(written.notes);
    Ok(Annotated {
        workbook: written.bytes,
        report,
        format,
        sheets: written.sheets,
        issues_sheet: written.issues_sheet,
        cells_marked: written.cells_marked,
        notes,
    })
}

fn display_name(n: &str) -> String {
    n.rsplit(['/', '\\']).next().unwrap_or(n).to_owned()
}

fn tr(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

// ---------------------------------------------------------------------------------------------
// The book read from the input.

/// A cell value of the copy.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Text(String),
    Number(f64),
    Bool(bool),
    /// An Excel serial (1900 date system) and how to show it.
    Date(f64, Kind),
}

/// What number format a cell needs (index into the style tables).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text = 0,
    General = 1,
    Date = 2,
    DateTime = 3,
    Duration = 4,
}

impl Value {
    fn kind(&self) -> Kind {
        match self {
            Value::Text(_) => Kind::Text,
            Value::Number(_) | Value::Bool(_) => Kind::General,
            Value::Date(_, k) => *k,
        }
    }
}

/// A merged range, 0-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Merge {
    r0: u32,
    c0: u16,
    r1: u32,
    c1: u16,
}

#[derive(Debug, Default)]
struct Sheet {
    /// The name issue locations use.
    name: String,
    hidden: bool,
    /// (row, column, value), 0-based.
    cells: Vec<(u32, u16, Value)>,
    merges: Vec<Merge>,
    /// Column widths in pixels.
    widths: Vec<(u16, u32)>,
    hidden_cols: Vec<u16>,
    /// An issues sheet written by this module before (left out of the copy).
    ours: bool,
}

impl Sheet {
    fn extent(&self) -> (u32, u16) {
        let mut r = 0;
        let mut c = 0;
        for (row, col, _) in &self.cells {
            r = r.max(*row);
            c = c.max(*col);
        }
        (r, c)
    }
}

#[derive(Debug, Default)]
struct Book {
    sheets: Vec<Sheet>,
    notes: Vec<String>,
}

fn corrupt(e: impl std::fmt::Display) -> Error {
    Error::Import {
        format: "XLSX".into(),
        message: format!(
            "工作簿已损坏或不是 XLSX 文件（{}）；请用 Excel 或 WPS 打开后重新另存为 .xlsx",
            crate::excerpt(&e.to_string(), 200)
        ),
        location: None,
    }
}

/// Cuts a text to Excel's cell limit; true when it was cut.
fn fit_cell(s: &mut String) -> bool {
    if s.len() <= MAX_CELL_CHARS {
        return false;
    }
    match s.char_indices().nth(MAX_CELL_CHARS) {
        Some((i, _)) => {
            s.truncate(i);
            true
        }
        None => false,
    }
}

/// Days between the 1904 and 1900 date systems.
const EPOCH_1904: f64 = 1462.0;

fn serial_of(dt: chrono::NaiveDateTime) -> Option<f64> {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?.and_hms_opt(0, 0, 0)?;
    let d = dt.signed_duration_since(base);
    Some(d.num_milliseconds() as f64 / 86_400_000.0)
}

#[derive(Default)]
struct Counters {
    errors_as_text: usize,
    cut: usize,
}

fn value_of(v: &DataRef<'_>, is_1904: bool, n: &mut Counters) -> Option<Value> {
    let text = |s: &str, n: &mut Counters| {
        let mut s = s.to_owned();
        if fit_cell(&mut s) {
            n.cut += 1;
        }
        Value::Text(s)
    };
    Some(match v {
        DataRef::Empty => return None,
        DataRef::String(s) => text(s, n),
        DataRef::SharedString(s) => text(s, n),
        DataRef::Int(i) => Value::Number(*i as f64),
        DataRef::Float(f) => Value::Number(*f),
        DataRef::Bool(b) => Value::Bool(*b),
        DataRef::DateTime(d) => {
            if d.is_duration() {
                Value::Date(d.as_f64(), Kind::Duration)
            } else {
                let serial = d.as_f64() + if is_1904 { EPOCH_1904 } else { 0.0 };
                let kind = if serial.fract() == 0.0 {
                    Kind::Date
                } else {
                    Kind::DateTime
                };
                Value::Date(serial, kind)
            }
        }
        DataRef::DateTimeIso(s) => {
            if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                match d.and_hms_opt(0, 0, 0).and_then(serial_of) {
                    Some(x) => Value::Date(x, Kind::Date),
                    None => text(s, n),
                }
            } else if let Ok(dt) = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
            {
                match serial_of(dt) {
                    Some(x) => Value::Date(x, Kind::DateTime),
                    None => text(s, n),
                }
            } else {
                text(s, n)
            }
        }
        DataRef::DurationIso(s) => text(s, n),
        DataRef::Error(e) => {
            n.errors_as_text += 1;
            Value::Text(e.to_string())
        }
    })
}

/// Reads every sheet of a workbook: values, merges, column widths.
fn read_xlsx(bytes: &[u8], max_cells: usize, lang: Lang) -> Result<Book, Error> {
    let mut wb: Xlsx<Cursor<&[u8]>> = Xlsx::new(Cursor::new(bytes)).map_err(corrupt)?;
    let is_1904 = wb.has_1904_epoch();
    let meta: Vec<(String, SheetType, bool)> = wb
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.typ, s.visible != SheetVisible::Visible))
        .collect();
    wb.load_merged_regions().map_err(corrupt)?;
    let mut book = Book::default();
    let (columns, widths_ok) = match column_info(bytes) {
        Ok(c) => (c, true),
        Err(_) => (HashMap::new(), false),
    };
    if !widths_ok {
        book.notes.push(tr(
            lang,
            "未能读取原工作簿的列宽，副本使用默认列宽".into(),
            "The column widths of the workbook could not be read; the copy uses default widths"
                .into(),
        ));
    }
    let mut budget = max_cells;
    let mut n = Counters::default();
    let mut formulas = 0usize;
    let mut left_out_cells = false;
    for (name, typ, hidden) in meta {
        if typ != SheetType::WorkSheet {
            book.notes.push(tr(
                lang,
                format!("“{name}”不是工作表（图表工作表等），未复制"),
                format!(
                    "“{name}” is not a worksheet (a chart sheet or similar) and was not copied"
                ),
            ));
            continue;
        }
        let mut sheet = Sheet {
            name: name.clone(),
            hidden,
            ..Sheet::default()
        };
        {
            let mut reader = wb.worksheet_cells_reader(&name).map_err(corrupt)?;
            while let Some(cell) = reader.next_cell().map_err(corrupt)? {
                let (r, c) = cell.get_position();
                let Some(v) = value_of(cell.get_value(), is_1904, &mut n) else {
                    continue;
                };
                let Ok(c) = u16::try_from(c) else { continue };
                if r > LAST_ROW || c > LAST_COL {
                    continue;
                }
                if budget == 0 {
                    left_out_cells = true;
                    break;
                }
                budget -= 1;
                sheet.cells.push((r, c, v));
            }
        }
        {
            let mut reader = wb.worksheet_cells_reader(&name).map_err(corrupt)?;
            while let Some(f) = reader.next_formula().map_err(corrupt)? {
                if !f.get_value().is_empty() {
                    formulas += 1;
                }
            }
        }
        sheet.merges = wb
            .merged_regions_by_sheet(&name)
            .iter()
            .filter_map(|(_, _, d)| {
                Some(Merge {
                    r0: d.start.0,
                    c0: u16::try_from(d.start.1).ok()?,
                    r1: d.end.0,
                    c1: u16::try_from(d.end.1).unwrap_or(LAST_COL),
                })
            })
            .collect();
        if let Some(cols) = columns.get(&name) {
            let (_, max_c) = sheet.extent();
            let max_c = sheet
                .merges
                .iter()
                .map(|m| m.c1)
                .fold(max_c, u16::max)
                .min(LAST_COL);
            for spec in cols {
                let first = spec.min.saturating_sub(1);
                let last = spec.max.saturating_sub(1).min(u32::from(max_c));
                for c in first..=last {
                    let Ok(c) = u16::try_from(c) else { break };
                    if let Some(w) = spec.width {
                        sheet.widths.push((c, width_pixels(w)));
                    }
                    if spec.hidden {
                        sheet.hidden_cols.push(c);
                    }
                }
            }
        }
        sheet.ours = is_our_issue_sheet(&sheet);
        book.sheets.push(sheet);
    }
    if formulas > 0 {
        book.notes.push(tr(
            lang,
            format!("{formulas} 个公式单元格写为其上次计算的值（副本中不含公式）"),
            format!("{formulas} formula cells were written as their last computed values (the copy has no formulas)"),
        ));
    }
    if n.errors_as_text > 0 {
        book.notes.push(tr(
            lang,
            format!("{} 个错误值（如 #N/A）写为文本", n.errors_as_text),
            format!(
                "{} error values (such as #N/A) were written as text",
                n.errors_as_text
            ),
        ));
    }
    push_common_notes(&mut book, &n, left_out_cells, max_cells, lang);
    Ok(book)
}

fn push_common_notes(book: &mut Book, n: &Counters, left_out: bool, max_cells: usize, lang: Lang) {
    if n.cut > 0 {
        book.notes.push(tr(
            lang,
            format!("{} 个单元格超过 Excel 的 32767 字符上限，已截断", n.cut),
            format!(
                "{} cells exceeded Excel's limit of 32,767 characters and were cut",
                n.cut
            ),
        ));
    }
    if left_out {
        book.notes.push(tr(
            lang,
            format!("单元格超过 {max_cells} 个，其余单元格未复制"),
            format!("More than {max_cells} cells: the rest were not copied"),
        ));
    }
}

/// Pixels of an OOXML column width (characters of the maximum digit width, 7 px, plus padding).
fn width_pixels(w: f64) -> u32 {
    if !w.is_finite() || w <= 0.0 {
        return 0;
    }
    let w = w.min(255.0);
    (((256.0 * w + (128.0f64 / 7.0).trunc()) / 256.0) * 7.0).trunc() as u32
}

/// One `<col>` element.
#[derive(Debug, Clone, Copy)]
struct ColSpec {
    min: u32,
    max: u32,
    width: Option<f64>,
    hidden: bool,
}

/// Reads at most `limit` bytes of a zip entry as text.
fn read_entry(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    path: &str,
    limit: u64,
) -> Result<String, String> {
    let f = zip.by_name(path).map_err(|e| e.to_string())?;
    let mut s = String::new();
    f.take(limit)
        .read_to_string(&mut s)
        .map_err(|e| e.to_string())?;
    Ok(s)
}

type XmlAttrs = Vec<(String, Option<String>, String)>;

/// The attributes of an element: (local name, prefix, unescaped value).
fn attrs<R>(e: &quick_xml::events::BytesStart<'_>, reader: &quick_xml::Reader<R>) -> XmlAttrs {
    let mut out = Vec::new();
    for a in e.attributes().flatten() {
        let local = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
        let prefix = a
            .key
            .prefix()
            .map(|p| String::from_utf8_lossy(p.as_ref()).into_owned());
        if let Ok(v) = a.decode_and_unescape_value(reader.decoder()) {
            out.push((local, prefix, v.into_owned()));
        }
    }
    out
}

fn attr<'a>(a: &'a XmlAttrs, name: &str) -> Option<&'a str> {
    a.iter()
        .find(|(k, p, _)| k == name && p.is_none())
        .map(|(_, _, v)| v.as_str())
}

/// Column widths per sheet name, from the sheets' `<cols>` (read up to `<sheetData>`).
fn column_info(bytes: &[u8]) -> Result<HashMap<String, Vec<ColSpec>>, String> {
    use quick_xml::events::Event;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let workbook = read_entry(&mut zip, "xl/workbook.xml", 64 << 20)?;
    let rels = read_entry(&mut zip, "xl/_rels/workbook.xml.rels", 64 << 20)?;
    let mut targets: HashMap<String, String> = HashMap::new();
    {
        let mut r = quick_xml::Reader::from_str(&rels);
        loop {
            match r.read_event().map_err(|e| e.to_string())? {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                    let a = attrs(&e, &r);
                    if let (Some(id), Some(t)) = (attr(&a, "Id"), attr(&a, "Target")) {
                        targets.insert(id.to_owned(), t.to_owned());
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
    }
    let mut sheets: Vec<(String, String)> = Vec::new();
    {
        let mut r = quick_xml::Reader::from_str(&workbook);
        loop {
            match r.read_event().map_err(|e| e.to_string())? {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"sheet" => {
                    let a = attrs(&e, &r);
                    let name = attr(&a, "name");
                    let id = a
                        .iter()
                        .find(|(k, p, _)| k == "id" && p.is_some())
                        .map(|(_, _, v)| v.as_str());
                    if let (Some(name), Some(t)) = (name, id.and_then(|i| targets.get(i))) {
                        sheets.push((name.to_owned(), part_path(t)));
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
    }
    let mut out = HashMap::new();
    for (name, path) in sheets {
        let Ok(f) = zip.by_name(&path) else { continue };
        let mut r = quick_xml::Reader::from_reader(BufReader::new(f));
        let mut buf = Vec::new();
        let mut cols = Vec::new();
        loop {
            buf.clear();
            match r.read_event_into(&mut buf) {
                Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                    b"col" => {
                        let a = attrs(&e, &r);
                        let num = |k: &str| attr(&a, k).and_then(|v| v.trim().parse::<u32>().ok());
                        let (Some(min), Some(max)) = (num("min"), num("max")) else {
                            continue;
                        };
                        if min == 0 || max < min {
                            continue;
                        }
                        let flag = |k: &str| matches!(attr(&a, k), Some("1" | "true"));
                        cols.push(ColSpec {
                            min,
                            max: max.min(u32::from(LAST_COL) + 1),
                            width: attr(&a, "width").and_then(|v| v.trim().parse::<f64>().ok()),
                            hidden: flag("hidden"),
                        });
                    }
                    b"sheetData" => break,
                    _ => {}
                },
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
        out.insert(name, cols);
    }
    Ok(out)
}

/// The zip path of a relationship target relative to `xl/`.
fn part_path(target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_owned(),
        None => format!("xl/{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The name Excel gives the sheet of a CSV: the file name without its extension.
fn csv_sheet_name(name: Option<&str>) -> String {
    let file = name.map(display_name).unwrap_or_default();
    let stem = match file.rfind('.') {
        Some(i) if i > 0 => &file[..i],
        _ => file.as_str(),
    };
    let clean: String = stem
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') && !c.is_control())
        .take(31)
        .collect();
    let clean = clean.trim_matches('\'').trim().to_owned();
    if clean.is_empty() || clean.eq_ignore_ascii_case("history") {
        "Sheet1".to_owned()
    } else {
        clean
    }
}

/// Display width of a text line (CJK and full-width characters count two).
fn text_width(s: &str) -> usize {
    s.lines()
        .map(|l| {
            l.chars()
                .map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 })
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0)
}

/// The sheets of a CSV or HTML file: the importer's grids, as strings, with merges.
fn book_from_grids(grids: Vec<Grid>, name: Option<&str>, max_cells: usize, lang: Lang) -> Book {
    let mut book = Book::default();
    let mut budget = max_cells;
    let mut n = Counters::default();
    let mut left_out = false;
    for g in grids {
        let mut sheet = Sheet {
            name: g.sheet.clone().unwrap_or_else(|| csv_sheet_name(name)),
            ..Sheet::default()
        };
        let row_of = |idx: usize| g.row_number(idx).saturating_sub(1);
        let mut spans: BTreeMap<(usize, usize), (usize, usize)> = BTreeMap::new();
        let mut widths: BTreeMap<u16, usize> = BTreeMap::new();
        'rows: for (ri, row) in g.rows.iter().enumerate() {
            let r = row_of(ri);
            if r > LAST_ROW {
                break;
            }
            for (ci, cell) in row.cells.iter().enumerate() {
                let Ok(c) = u16::try_from(ci) else { break };
                if c > LAST_COL {
                    break;
                }
                if let Some(o) = cell.origin {
                    let e = spans.entry(o).or_insert((ri, ci));
                    e.0 = e.0.max(ri);
                    e.1 = e.1.max(ci);
                    continue;
                }
                if cell.text.is_empty() {
                    continue;
                }
                if budget == 0 {
                    left_out = true;
                    break 'rows;
                }
                budget -= 1;
                let mut text = cell.text.clone();
                if fit_cell(&mut text) {
                    n.cut += 1;
                }
                let w = widths.entry(c).or_insert(0);
                *w = (*w).max(text_width(&text));
                sheet.cells.push((r, c, Value::Text(text)));
            }
        }
        for ((r0, c0), (r1, c1)) in spans {
            let (Ok(c0), Ok(c1)) = (u16::try_from(c0), u16::try_from(c1)) else {
                continue;
            };
            sheet.merges.push(Merge {
                r0: row_of(r0),
                c0,
                r1: row_of(r1),
                c1,
            });
        }
        // Widths from the text: at least 6 characters, at most 50 (longer text wraps).
        sheet.widths = widths
            .into_iter()
            .map(|(c, w)| {
                let chars = w.clamp(6, 50) as u32 + 1;
                (c, chars * 7 + 5)
            })
            .collect();
        book.sheets.push(sheet);
    }
    push_common_notes(&mut book, &n, left_out, max_cells, lang);
    book
}

// ---------------------------------------------------------------------------------------------
// Recognising an issues sheet written before.

const HEADER_ZH: [&str; 6] = ["序号", "级别", "代码", "位置", "列名", "说明"];
const HEADER_EN: [&str; 6] = ["No.", "Severity", "Code", "Location", "Column", "Message"];
const LEGEND_ZH: &str = "图例";
const LEGEND_EN: &str = "Legend";

fn is_our_issue_sheet(sheet: &Sheet) -> bool {
    let at = |r: u32, c: u16| {
        sheet.cells.iter().find_map(|(rr, cc, v)| match v {
            Value::Text(t) if *rr == r && *cc == c => Some(t.as_str()),
            _ => None,
        })
    };
    let legend = at(0, 0);
    if legend != Some(LEGEND_ZH) && legend != Some(LEGEND_EN) {
        return false;
    }
    [HEADER_ZH, HEADER_EN].iter().any(|h| {
        h.iter()
            .enumerate()
            .all(|(c, t)| u16::try_from(c).is_ok_and(|c| at(1, c) == Some(*t)))
    })
}

/// Leaves out the importer's notes about old issues sheets (they are replaced, not tables).
fn drop_old_issue_sheets(mut report: Report, book: &Book) -> Report {
    let ours: Vec<&str> = book
        .sheets
        .iter()
        .filter(|s| s.ours)
        .map(|s| s.name.as_str())
        .collect();
    if ours.is_empty() {
        return report;
    }
    let before = report.issues.len();
    report.issues.retain(|i| {
        !(i.code.starts_with("import.")
            && i.location
                .as_ref()
                .and_then(|l| l.sheet.as_deref())
                .is_some_and(|s| ours.contains(&s)))
    });
    if report.issues.len() != before {
        let mut counts = crate::Counts::default();
        for i in &report.issues {
            match i.severity {
                Severity::Error => counts.error += 1,
                Severity::Warning => counts.warning += 1,
                Severity::Info => counts.info += 1,
            }
        }
        report.counts = counts;
    }
    report
}

// ---------------------------------------------------------------------------------------------
// Merged ranges of one sheet, indexed by column (ranges do not overlap).

#[derive(Default)]
struct Merges {
    kept: Vec<Merge>,
    /// column → first row → (last row, index into `kept`).
    by_col: HashMap<u16, BTreeMap<u32, (u32, usize)>>,
}

impl Merges {
    /// Clips very large ranges to the sheet's extent (the used area), and drops ranges that
    /// overlap a kept one or exceed the budget.
    fn build(list: &[Merge], extent: (u32, u16), budget: &mut u64) -> (Self, usize) {
        let mut m = Merges::default();
        let mut dropped = 0;
        let area = |x: &Merge| {
            u64::from(x.r1.saturating_sub(x.r0)).saturating_add(1)
                * (u64::from(x.c1.saturating_sub(x.c0)) + 1)
        };
        for &x in list {
            let mut x = Merge {
                r1: x.r1.min(LAST_ROW),
                c1: x.c1.min(LAST_COL),
                ..x
            };
            if area(&x) > MAX_MERGE_AREA {
                // A range far larger than a table's merged cells: clipped to the used area.
                x.r1 = x.r1.min(extent.0.max(x.r0));
                x.c1 = x.c1.min(extent.1.max(x.c0));
            }
            if x.r0 > x.r1 || x.c0 > x.c1 || (x.r0 == x.r1 && x.c0 == x.c1) {
                continue;
            }
            let area = area(&x);
            if area > *budget || (x.c0..=x.c1).any(|c| m.hits(c, x.r0, x.r1)) {
                dropped += 1;
                continue;
            }
            *budget -= area;
            let i = m.kept.len();
            m.kept.push(x);
            for c in x.c0..=x.c1 {
                m.by_col.entry(c).or_default().insert(x.r0, (x.r1, i));
            }
        }
        (m, dropped)
    }

    /// Whether a kept range in column `c` meets rows `r0..=r1`.
    fn hits(&self, c: u16, r0: u32, r1: u32) -> bool {
        let Some(col) = self.by_col.get(&c) else {
            return false;
        };
        if col.range(r0..=r1).next().is_some() {
            return true;
        }
        col.range(..r0)
            .next_back()
            .is_some_and(|(_, (end, _))| *end >= r0)
    }

    /// The range covering (r, c), if any.
    fn at(&self, r: u32, c: u16) -> Option<Merge> {
        let (_, (end, i)) = self.by_col.get(&c)?.range(..=r).next_back()?;
        if *end >= r {
            self.kept.get(*i).copied()
        } else {
            None
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Writing.

struct Written {
    bytes: Vec<u8>,
    sheets: Vec<String>,
    issues_sheet: String,
    cells_marked: usize,
    notes: Vec<String>,
}

fn xlsx_error(e: XlsxError) -> Error {
    Error::InvalidArgument(format!("无法生成 XLSX：{e}"))
}

/// Fill and font colours of a severity.
fn colours(s: Severity) -> (u32, u32) {
    match s {
        Severity::Error => (0xFFC7CE, 0x9C0006),
        Severity::Warning => (0xFFEB9C, 0x9C5700),
        Severity::Info => (0xDDEBF7, 0x1F4E79),
    }
}

fn sev_index(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

fn severity_name(s: Severity, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => s.zh(),
        Lang::En => match s {
            Severity::Error => "Error",
            Severity::Warning => "Warning",
            Severity::Info => "Info",
        },
    }
}

struct Styles {
    plain: [Option<Style>; 5],
    marked: [[Style; 5]; 3],
}

impl Styles {
    fn new() -> Self {
        let kind = |k: usize| -> Style {
            match k {
                0 => Style::new().set_text_wrap().set_align(FormatAlign::Top),
                2 => Style::new().set_num_format("yyyy-mm-dd"),
                3 => Style::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
                4 => Style::new().set_num_format("[h]:mm:ss"),
                _ => Style::new(),
            }
        };
        let marked = |s: Severity| -> [Style; 5] {
            let (fill, _) = colours(s);
            std::array::from_fn(|k| {
                kind(k)
                    .set_background_color(Color::RGB(fill))
                    .set_border(FormatBorder::Thin)
                    .set_border_color(Color::RGB(colours(s).1))
            })
        };
        Styles {
            plain: std::array::from_fn(|k| if k == 1 { None } else { Some(kind(k)) }),
            marked: [
                marked(Severity::Error),
                marked(Severity::Warning),
                marked(Severity::Info),
            ],
        }
    }

    fn get(&self, kind: Kind, mark: Option<Severity>) -> Option<&Style> {
        let k = kind as usize;
        match mark {
            Some(s) => self.marked.get(sev_index(s)).and_then(|m| m.get(k)),
            None => self.plain.get(k).and_then(Option::as_ref),
        }
    }
}

/// Where an issue's note goes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Anchor {
    sheet: usize,
    row: u32,
    col: u16,
    /// Why it is not the issue's own cell, for the note.
    why: Option<String>,
}

/// Parses column letters (`A` → 0, `AA` → 26).
fn column_index(letters: &str) -> Option<u16> {
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut n: u32 = 0;
    for b in letters.bytes() {
        if !b.is_ascii_uppercase() {
            return None;
        }
        n = n * 26 + u32::from(b - b'A' + 1);
    }
    u16::try_from(n - 1).ok().filter(|c| *c <= LAST_COL)
}

fn cell_ref(row: u32, col: u16) -> String {
    format!("{}{}", Location::column_letter(usize::from(col)), row + 1)
}

/// Quotes a sheet name for a reference: `'It''s'`.
fn quoted(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

struct Mark {
    worst: Severity,
    lines: Vec<String>,
}

fn anchor_of(
    issue: &Issue,
    index: &HashMap<&str, usize>,
    main: usize,
    merges: &[Merges],
    lang: Lang,
) -> Anchor {
    let top = Anchor {
        sheet: main,
        row: 0,
        col: 0,
        why: Some(tr(
            lang,
            "（此问题没有对应的单元格）".into(),
            "(this issue has no cell of its own)".into(),
        )),
    };
    let Some(loc) = &issue.location else {
        return top;
    };
    let sheet = match &loc.sheet {
        Some(s) => match index.get(s.as_str()) {
            Some(&i) => i,
            None => return top,
        },
        None => main,
    };
    if loc.row == 0 || loc.row - 1 > LAST_ROW {
        return Anchor { sheet, ..top };
    }
    let row = loc.row - 1;
    let (col, mut why) = match loc.column.as_deref().map(column_index) {
        Some(Some(c)) => (c, None),
        Some(None) | None => (
            0,
            Some(tr(
                lang,
                format!("（针对第 {} 行）", loc.row),
                format!("(about row {})", loc.row),
            )),
        ),
    };
    let (mut row, mut col) = (row, col);
    if let Some(m) = merges.get(sheet).and_then(|m| m.at(row, col)) {
        if (m.r0, m.c0) != (row, col) {
            if why.is_none() {
                why = Some(tr(
                    lang,
                    format!("（位于合并单元格中的 {}）", cell_ref(row, col)),
                    format!("(at {} inside this merged cell)", cell_ref(row, col)),
                ));
            }
            row = m.r0;
            col = m.c0;
        }
    }
    Anchor {
        sheet,
        row,
        col,
        why,
    }
}

/// A valid, unique sheet name: the wanted one when Excel accepts it.
fn sheet_name_ok(name: &str, taken: &[String]) -> bool {
    let n = name.chars().count();
    n > 0
        && n <= 31
        && !name.contains(['[', ']', ':', '*', '?', '/', '\\'])
        && !name.starts_with('\'')
        && !name.ends_with('\'')
        && !name.eq_ignore_ascii_case("history")
        && !taken
            .iter()
            .any(|t| t.to_lowercase() == name.to_lowercase())
}

fn unique_name(base: &str, taken: &[String]) -> String {
    if sheet_name_ok(base, taken) {
        return base.to_owned();
    }
    for k in 2..10_000 {
        let n = format!("{base}{k}");
        if sheet_name_ok(&n, taken) {
            return n;
        }
        let n = format!("Sheet{k}");
        if sheet_name_ok(&n, taken) {
            return n;
        }
    }
    "Sheet".to_owned()
}

fn write_book(
    book: &Book,
    report: &Report,
    main: Option<&str>,
    lang: Lang,
) -> Result<Written, Error> {
    let mut notes = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for s in &book.sheets {
        let n = unique_name(&s.name, &names);
        if n != s.name {
            notes.push(tr(
                lang,
                format!("工作表名“{}”在 Excel 中无效或重复，副本中改为“{n}”", s.name),
                format!(
                    "Sheet name “{}” is not valid in Excel or repeated; the copy names it “{n}”",
                    s.name
                ),
            ));
        }
        names.push(n);
    }
    let issues_sheet = unique_name(
        match lang {
            Lang::Zh => "问题清单",
            Lang::En => "Issues",
        },
        &names,
    );
    let index: HashMap<&str, usize> = book
        .sheets
        .iter()
        .enumerate()
        .map(|(i, s)| (s.name.as_str(), i))
        .collect();
    let main = main.and_then(|m| index.get(m).copied()).unwrap_or(0);

    let mut budget = MAX_MERGED_CELLS;
    let mut merges = Vec::with_capacity(book.sheets.len());
    let mut dropped = 0;
    for s in &book.sheets {
        let (m, d) = Merges::build(&s.merges, s.extent(), &mut budget);
        dropped += d;
        merges.push(m);
    }
    if dropped > 0 {
        notes.push(tr(
            lang,
            format!("{dropped} 个合并区域与其他合并区域重叠或范围过大，未合并"),
            format!("{dropped} merged ranges overlap others or are too large and were not merged"),
        ));
    }

    // Issues → anchors → marks.
    let anchors: Vec<Anchor> = report
        .issues
        .iter()
        .map(|i| anchor_of(i, &index, main, &merges, lang))
        .collect();
    let mut marks: BTreeMap<(usize, u32, u16), Mark> = BTreeMap::new();
    for (issue, a) in report.issues.iter().zip(&anchors) {
        let mut line = format!(
            "【{}】{}\n{}",
            severity_name(issue.severity, lang),
            issue.code,
            issue.message
        );
        if let Some(w) = &a.why {
            line.push_str(w);
        }
        let m = marks.entry((a.sheet, a.row, a.col)).or_insert(Mark {
            worst: issue.severity,
            lines: Vec::new(),
        });
        m.worst = m.worst.max(issue.severity);
        m.lines.push(line);
    }

    let styles = Styles::new();
    let mut wb = Workbook::new();
    let mut links_cut = false;
    for (si, s) in book.sheets.iter().enumerate() {
        let ws = wb.add_worksheet();
        ws.set_name(names.get(si).map_or("Sheet", String::as_str))
            .map_err(xlsx_error)?;
        if s.hidden {
            ws.set_hidden(true);
        }
        ws.set_default_note_author(AUTHOR);
        let m = merges
            .get(si)
            .ok_or_else(|| Error::InvalidArgument("内部错误：合并区域".into()))?;
        write_sheet(ws, si, s, m, &marks, &styles)?;
        write_notes(ws, si, &marks, lang)?;
    }

    // The issues sheet.
    let ws = wb.add_worksheet();
    ws.set_name(&issues_sheet).map_err(xlsx_error)?;
    write_issue_sheet(ws, report, &anchors, &names, lang, &mut links_cut)?;
    ws.set_active(true);
    if links_cut {
        notes.push(tr(
            lang,
            format!("问题超过 {MAX_LINKS} 个，其余问题的“位置”不是链接"),
            format!("More than {MAX_LINKS} issues: the locations of the rest are not links"),
        ));
    }

    let bytes = wb.save_to_buffer().map_err(xlsx_error)?;
    Ok(Written {
        bytes,
        sheets: names,
        issues_sheet,
        cells_marked: marks.len(),
        notes,
    })
}

fn note_text(lines: &[String], lang: Lang) -> String {
    // Excel's limit on a note, less room for the author prefix.
    const MAX: usize = MAX_CELL_CHARS - 54;
    let mut out = String::new();
    let mut used = 0;
    for (k, l) in lines.iter().enumerate() {
        let n = l.chars().count() + 2;
        if used + n > MAX - 100 {
            out.push_str(&tr(
                lang,
                format!("……另有 {} 个问题，见问题清单", lines.len() - k),
                format!("… {} more issues, see the issues sheet", lines.len() - k),
            ));
            break;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(l);
        used += n;
    }
    out
}

fn write_value(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    v: &Value,
    f: Option<&Style>,
) -> Result<(), XlsxError> {
    match (v, f) {
        (Value::Text(t), Some(f)) => ws.write_string_with_format(r, c, t, f),
        (Value::Text(t), None) => ws.write_string(r, c, t),
        (Value::Number(x) | Value::Date(x, _), Some(f)) => ws.write_number_with_format(r, c, *x, f),
        (Value::Number(x) | Value::Date(x, _), None) => ws.write_number(r, c, *x),
        (Value::Bool(b), Some(f)) => ws.write_boolean_with_format(r, c, *b, f),
        (Value::Bool(b), None) => ws.write_boolean(r, c, *b),
    }
    .map(|_| ())
}

fn write_sheet(
    ws: &mut Worksheet,
    si: usize,
    s: &Sheet,
    merges: &Merges,
    marks: &BTreeMap<(usize, u32, u16), Mark>,
    styles: &Styles,
) -> Result<(), Error> {
    let mark_at = |r: u32, c: u16| marks.get(&(si, r, c)).map(|m| m.worst);
    for &(c, px) in &s.widths {
        ws.set_column_width_pixels(c, px).map_err(xlsx_error)?;
    }
    for &c in &s.hidden_cols {
        ws.set_column_hidden(c).map_err(xlsx_error)?;
    }
    // The kind of each merge's top-left value decides its format.
    let mut origin_kind: HashMap<(u32, u16), (Kind, Option<&str>)> = merges
        .kept
        .iter()
        .map(|m| ((m.r0, m.c0), (Kind::Text, None)))
        .collect();
    for (r, c, v) in &s.cells {
        if let Some(e) = origin_kind.get_mut(&(*r, *c)) {
            *e = (
                v.kind(),
                match v {
                    Value::Text(t) => Some(t.as_str()),
                    _ => None,
                },
            );
        }
    }
    for m in &merges.kept {
        let (kind, text) = origin_kind
            .get(&(m.r0, m.c0))
            .copied()
            .unwrap_or((Kind::Text, None));
        let mark = mark_at(m.r0, m.c0);
        let f = styles.get(kind, mark).cloned().unwrap_or_else(Style::new);
        ws.merge_range(m.r0, m.c0, m.r1, m.c1, text.unwrap_or(""), &f)
            .map_err(xlsx_error)?;
    }
    for (r, c, v) in &s.cells {
        // A cell of a merged range takes the range's format (its fill shows on the whole range).
        let f = match merges.at(*r, *c) {
            Some(m) => {
                let kind = origin_kind.get(&(m.r0, m.c0)).map_or(Kind::Text, |k| k.0);
                let mark = mark_at(m.r0, m.c0);
                match styles.get(kind, mark) {
                    Some(f) => Some(f.clone()),
                    None => Some(Style::new()),
                }
            }
            None => styles.get(v.kind(), mark_at(*r, *c)).cloned(),
        };
        write_value(ws, *r, *c, v, f.as_ref()).map_err(xlsx_error)?;
    }
    // Marked cells without a value: a formatted blank, so the fill shows.
    let has_value: std::collections::HashSet<(u32, u16)> =
        s.cells.iter().map(|(r, c, _)| (*r, *c)).collect();
    for (&(_, r, c), m) in marks.range((si, 0, 0)..=(si, u32::MAX, u16::MAX)) {
        if !has_value.contains(&(r, c)) && !origin_kind.contains_key(&(r, c)) {
            if let Some(f) = styles.get(Kind::Text, Some(m.worst)) {
                ws.write_blank(r, c, f).map_err(xlsx_error)?;
            }
        }
    }
    Ok(())
}

fn write_notes(
    ws: &mut Worksheet,
    si: usize,
    marks: &BTreeMap<(usize, u32, u16), Mark>,
    lang: Lang,
) -> Result<(), Error> {
    for (&(_, r, c), m) in marks.range((si, 0, 0)..=(si, u32::MAX, u16::MAX)) {
        let text = note_text(&m.lines, lang);
        let lines: u32 = text
            .lines()
            .map(|l| 1 + u32::try_from(text_width(l) / 44).unwrap_or(0))
            .sum();
        let note = Note::new(text)
            .set_author(AUTHOR)
            .add_author_prefix(false)
            .set_width(320)
            .set_height((lines * 15 + 10).clamp(60, 400));
        ws.insert_note(r, c, &note).map_err(xlsx_error)?;
    }
    Ok(())
}

fn write_issue_sheet(
    ws: &mut Worksheet,
    report: &Report,
    anchors: &[Anchor],
    names: &[String],
    lang: Lang,
    links_cut: &mut bool,
) -> Result<(), Error> {
    let header = match lang {
        Lang::Zh => HEADER_ZH,
        Lang::En => HEADER_EN,
    };
    let bold = Style::new().set_bold();
    let head = Style::new()
        .set_bold()
        .set_background_color(Color::RGB(0xD9D9D9))
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center);
    let wrap = Style::new().set_text_wrap().set_align(FormatAlign::Top);
    let top = Style::new().set_align(FormatAlign::Top);
    let sev_style = |s: Severity| {
        let (fill, font) = colours(s);
        Style::new()
            .set_background_color(Color::RGB(fill))
            .set_font_color(Color::RGB(font))
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::Top)
    };
    let e = xlsx_error;
    // Row 1: the legend and a summary.
    ws.write_string_with_format(
        0,
        0,
        match lang {
            Lang::Zh => LEGEND_ZH,
            Lang::En => LEGEND_EN,
        },
        &bold,
    )
    .map_err(e)?;
    for (c, s) in [
        (1, Severity::Error),
        (2, Severity::Warning),
        (3, Severity::Info),
    ] {
        ws.write_string_with_format(0, c, severity_name(s, lang), &sev_style(s))
            .map_err(e)?;
    }
    let c = report.counts;
    let summary = tr(
        lang,
        format!(
            "共 {} 个问题：{} 个错误，{} 个警告，{} 个提示。点击“位置”跳到单元格；有问题的单元格按级别着色并附批注。",
            report.issues.len(),
            c.error,
            c.warning,
            c.info
        ),
        format!(
            "{} issues: {} errors, {} warnings, {} infos. Click a location to go to its cell; cells with issues are coloured by severity and carry a note.",
            report.issues.len(),
            c.error,
            c.warning,
            c.info
        ),
    );
    ws.write_string(0, 5, summary).map_err(e)?;
    // Row 2: the header.
    for (c, h) in (0u16..).zip(header) {
        ws.write_string_with_format(1, c, h, &head).map_err(e)?;
    }
    let max_rows = usize::try_from(LAST_ROW - 1).unwrap_or(usize::MAX);
    let mut last = 1u32;
    for (k, (issue, a)) in report.issues.iter().zip(anchors).enumerate().take(max_rows) {
        let Ok(r) = u32::try_from(k + 2) else { break };
        last = r;
        ws.write_number_with_format(r, 0, (k + 1) as f64, &top)
            .map_err(e)?;
        ws.write_string_with_format(
            r,
            1,
            severity_name(issue.severity, lang),
            &sev_style(issue.severity),
        )
        .map_err(e)?;
        ws.write_string_with_format(r, 2, issue.code.as_str(), &top)
            .map_err(e)?;
        let sheet = names.get(a.sheet).map_or("", String::as_str);
        let cell = cell_ref(a.row, a.col);
        let shown = format!("{sheet}!{cell}");
        if k < MAX_LINKS {
            let url = Url::new(format!("internal:{}!{cell}", quoted(sheet))).set_text(&shown);
            ws.write_url(r, 3, url).map_err(e)?;
        } else {
            *links_cut = true;
            ws.write_string_with_format(r, 3, &shown, &top).map_err(e)?;
        }
        let column = issue
            .location
            .as_ref()
            .and_then(|l| l.header.clone())
            .unwrap_or_else(|| crate::model::column_title(&issue.path).to_owned());
        ws.write_string_with_format(r, 4, column, &wrap)
            .map_err(e)?;
        ws.write_string_with_format(r, 5, &issue.message, &wrap)
            .map_err(e)?;
    }
    for (c, w) in [
        (0u16, 6.0),
        (1, 8.0),
        (2, 34.0),
        (3, 18.0),
        (4, 16.0),
        (5, 90.0),
    ] {
        ws.set_column_width(c, w).map_err(e)?;
    }
    ws.set_freeze_panes(2, 0).map_err(e)?;
    ws.autofilter(1, 0, last, 5).map_err(e)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issue(loc: Option<Location>) -> Issue {
        let mut f = crate::Finding::new(
            crate::codes::items::BLANK_TEXT,
            "/items/0/category",
            None,
            &[],
        );
        f.location = loc;
        let mut i = f.render(Lang::Zh, None);
        i.message = "m".into();
        i
    }

    fn loc(sheet: Option<&str>, row: u32, col: Option<&str>) -> Option<Location> {
        Some(Location {
            sheet: sheet.map(str::to_owned),
            row,
            column: col.map(str::to_owned),
            header: None,
        })
    }

    #[test]
    fn anchors_follow_cells_rows_merges_and_fall_back_to_a1() {
        let list = [
            Merge {
                r0: 4,
                c0: 1,
                r1: 6,
                c1: 1,
            },
            Merge {
                r0: 0,
                c0: 0,
                r1: 0,
                c1: 5,
            },
        ];
        let mut budget = MAX_MERGED_CELLS;
        let (m, dropped) = Merges::build(&list, (10, 10), &mut budget);
        assert_eq!(dropped, 0);
        let merges = vec![Merges::default(), m];
        let index: HashMap<&str, usize> = [("说明", 0), ("目录", 1)].into_iter().collect();
        let a = |l| anchor_of(&issue(l), &index, 1, &merges, Lang::Zh);
        // Its own cell.
        let x = a(loc(Some("目录"), 6, Some("F")));
        assert_eq!((x.sheet, x.row, x.col, x.why), (1, 5, 5, None));
        // Inside a merged range: its top-left cell, and the note says where.
        let x = a(loc(Some("目录"), 7, Some("B")));
        assert_eq!((x.sheet, x.row, x.col), (1, 4, 1));
        assert!(x.why.is_some_and(|w| w.contains("B7")));
        // The top-left cell itself is not moved.
        let x = a(loc(Some("目录"), 5, Some("B")));
        assert_eq!((x.row, x.col, x.why), (4, 1, None));
        // A row without a column: its first cell.
        let x = a(loc(Some("说明"), 3, None));
        assert_eq!((x.sheet, x.row, x.col), (0, 2, 0));
        assert!(x.why.is_some_and(|w| w.contains("第 3 行")));
        // No location, an unknown sheet, a row 0: A1 of the main sheet.
        for l in [
            None,
            loc(Some("别的"), 3, Some("C")),
            loc(Some("目录"), 0, Some("C")),
        ] {
            let x = a(l);
            assert_eq!((x.sheet, x.row, x.col), (1, 0, 0));
        }
        // CSV: no sheet name means the main sheet; a bad column letter means the first cell.
        let x = a(loc(None, 2, Some("c")));
        assert_eq!((x.sheet, x.row, x.col), (1, 1, 0));
    }

    #[test]
    fn merges_are_clipped_and_overlaps_dropped() {
        let list = [
            Merge {
                r0: 0,
                c0: 0,
                r1: LAST_ROW,
                c1: LAST_COL,
            },
            Merge {
                r0: 2,
                c0: 2,
                r1: 3,
                c1: 3,
            },
            Merge {
                r0: 3,
                c0: 3,
                r1: 4,
                c1: 4,
            },
        ];
        let mut budget = MAX_MERGED_CELLS;
        let (m, dropped) = Merges::build(&list, (9, 9), &mut budget);
        // The huge range is clipped to the sheet's 10 x 10 cells; the others overlap it. A
        // small range beyond the used area is kept as it is.
        assert_eq!(
            m.kept,
            [Merge {
                r0: 0,
                c0: 0,
                r1: 9,
                c1: 9
            }]
        );
        assert_eq!(dropped, 2);
        assert_eq!(budget, MAX_MERGED_CELLS - 100);
        let (m, _) = Merges::build(
            &[Merge {
                r0: 0,
                c0: 0,
                r1: 0,
                c1: 20,
            }],
            (9, 9),
            &mut budget,
        );
        assert_eq!(
            m.kept,
            [Merge {
                r0: 0,
                c0: 0,
                r1: 0,
                c1: 20
            }]
        );
        let mut small = 3;
        let (m, dropped) = Merges::build(&list[1..2], (9, 9), &mut small);
        assert!(m.kept.is_empty());
        assert_eq!(dropped, 1);
    }

    #[test]
    fn widths_columns_and_names() {
        assert_eq!(width_pixels(9.140625), 64);
        assert_eq!(width_pixels(0.0), 0);
        assert_eq!(column_index("A"), Some(0));
        assert_eq!(column_index("AA"), Some(26));
        assert_eq!(column_index("XFD"), Some(LAST_COL));
        assert_eq!(column_index("XFE"), None);
        assert_eq!(column_index("ZZZZ"), None);
        assert_eq!(csv_sheet_name(Some("dir/目录[1].csv")), "目录1");
        assert_eq!(csv_sheet_name(Some("History.csv")), "Sheet1");
        assert_eq!(csv_sheet_name(None), "Sheet1");
        assert_eq!(quoted("It's"), "'It''s'");
        let taken = vec!["问题清单".to_owned()];
        assert_eq!(unique_name("问题清单", &taken), "问题清单2");
        assert_eq!(
            unique_name("a:b", &taken),
            "a:b".replace(':', "").replace("ab", "Sheet2")
        );
        assert_eq!(
            part_path("/xl/worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            part_path("worksheets/../worksheets/sheet2.xml"),
            "xl/worksheets/sheet2.xml"
        );
    }

    #[test]
    fn long_notes_are_cut_with_a_count() {
        let lines: Vec<String> = (0..2000)
            .map(|k| format!("【错误】x.{k}\n{}", "长".repeat(40)))
            .collect();
        let t = note_text(&lines, Lang::Zh);
        assert!(t.chars().count() <= MAX_CELL_CHARS - 54);
        assert!(t.contains("另有"));
        assert!(t.starts_with("【错误】x.0"));
    }

    #[test]
    fn values_keep_their_types_and_1904_dates_move_to_1900() {
        use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};
        let mut n = Counters::default();
        let dt = |v, t, e| DataRef::DateTime(ExcelDateTime::new(v, t, e));
        // 1904-01-01 is serial 0 in the 1904 system and 1462 in the 1900 system.
        assert_eq!(
            value_of(&dt(0.0, ExcelDateTimeType::DateTime, true), true, &mut n),
            Some(Value::Date(1462.0, Kind::Date))
        );
        assert_eq!(
            value_of(
                &dt(45352.5, ExcelDateTimeType::DateTime, false),
                false,
                &mut n
            ),
            Some(Value::Date(45352.5, Kind::DateTime))
        );
        assert_eq!(
            value_of(&dt(1.25, ExcelDateTimeType::TimeDelta, true), true, &mut n),
            Some(Value::Date(1.25, Kind::Duration))
        );
        assert_eq!(
            value_of(&DataRef::DateTimeIso("2024-03-01".into()), false, &mut n),
            Some(Value::Date(45352.0, Kind::Date))
        );
        assert_eq!(
            value_of(&DataRef::DateTimeIso("not a date".into()), false, &mut n),
            Some(Value::Text("not a date".into()))
        );
        assert_eq!(
            value_of(&DataRef::Error(CellErrorType::NA), false, &mut n),
            Some(Value::Text("#N/A".into()))
        );
        assert_eq!(n.errors_as_text, 1);
        assert_eq!(
            value_of(&DataRef::Int(7), false, &mut n),
            Some(Value::Number(7.0))
        );
        assert_eq!(value_of(&DataRef::Empty, false, &mut n), None);
        let long = "长".repeat(MAX_CELL_CHARS + 5);
        let Some(Value::Text(t)) = value_of(&DataRef::String(long), false, &mut n) else {
            panic!("not text");
        };
        assert_eq!(t.chars().count(), MAX_CELL_CHARS);
        assert_eq!(n.cut, 1);
    }
}
