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

mod place;
mod read;
mod write;

use place::*;
use read::*;
use write::*;

use crate::import::{self, Format, ImportOptions};
use crate::report::{Lang, Report};
use crate::{Error, Validator};

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
    let report = validator.validate_loaded(&imported);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Issue, Location};
    use calamine::DataRef;
    use std::collections::HashMap;

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
