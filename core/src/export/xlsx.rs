//! XLSX export (rust_xlsxwriter): the standard two-row layout with merged headers, 一级事项
//! merged over its consecutive items, ■/□ channel cells and √ ticks, every cell a string.

use super::cells::formula_guard;
use super::layout::{
    Column, Layout, LevelColumns, SHEET_METADATA, SHEET_TABLE, category_runs, metadata_rows,
};
use crate::Error;
use crate::json::escape_pointer_token;
use crate::model::Catalogue;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

/// Excel's limit on the characters of one cell.
pub const MAX_CELL_CHARS: usize = 32_767;
/// Excel's limit on the rows of a sheet.
pub const MAX_ROWS: u64 = 1_048_576;
/// Excel's limit on the columns of a sheet.
pub const MAX_COLUMNS: u64 = 16_384;

/// Options of [`to_xlsx`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct XlsxOptions {
    /// Row 1 holds the catalogue title merged across the table; the header is then on rows 2–3
    /// (default true). Without it the header is on rows 1–2.
    pub title_row: bool,
    /// Add the sheet 目录信息 with the metadata block (default true). Without it the
    /// catalogue's metadata other than the title is not in the file.
    pub metadata_sheet: bool,
    /// Which 公开层级 sub-columns to write (default all four).
    pub levels: LevelColumns,
}

impl Default for XlsxOptions {
    fn default() -> Self {
        XlsxOptions {
            title_row: true,
            metadata_sheet: true,
            levels: LevelColumns::All,
        }
    }
}

impl XlsxOptions {
    /// Sets [`XlsxOptions::title_row`].
    pub fn title_row(mut self, on: bool) -> Self {
        self.title_row = on;
        self
    }

    /// Sets [`XlsxOptions::metadata_sheet`].
    pub fn metadata_sheet(mut self, on: bool) -> Self {
        self.metadata_sheet = on;
        self
    }

    /// Sets [`XlsxOptions::levels`].
    pub fn levels(mut self, levels: LevelColumns) -> Self {
        self.levels = levels;
        self
    }
}

fn xlsx_error(e: XlsxError) -> Error {
    Error::InvalidArgument(format!("无法生成 XLSX：{e}"))
}

struct Formats {
    title: Format,
    header: Format,
    text: Format,
    center: Format,
    merged: Format,
    label: Format,
}

impl Formats {
    fn new() -> Self {
        let base = Format::new()
            .set_font_name("宋体")
            .set_font_size(10)
            .set_text_wrap()
            .set_border(FormatBorder::Thin);
        Formats {
            title: Format::new()
                .set_font_name("宋体")
                .set_font_size(16)
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            header: base
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0x00DD_EBF7))
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            text: base.clone().set_align(FormatAlign::Top),
            center: base
                .clone()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            merged: base.clone().set_align(FormatAlign::VerticalCenter),
            label: base.set_bold().set_align(FormatAlign::Top),
        }
    }
}

fn col(i: usize) -> Result<u16, Error> {
    u16::try_from(i)
        .ok()
        .filter(|c| u64::from(*c) < MAX_COLUMNS)
        .ok_or_else(|| Error::TooLarge {
            what: "XLSX 列数".into(),
            limit: MAX_COLUMNS,
            actual: i as u64 + 1,
        })
}

fn row(i: usize) -> Result<u32, Error> {
    u32::try_from(i)
        .ok()
        .filter(|r| u64::from(*r) < MAX_ROWS)
        .ok_or_else(|| Error::TooLarge {
            what: "XLSX 行数".into(),
            limit: MAX_ROWS,
            actual: i as u64 + 1,
        })
}

/// A guarded cell text, refused when longer than Excel allows.
fn cell_text(text: &str, path: impl FnOnce() -> String) -> Result<String, Error> {
    let g = formula_guard(text).into_owned();
    let n = g.chars().count();
    if n > MAX_CELL_CHARS {
        return Err(Error::TooLarge {
            what: format!("单元格文本长度（{}）", path()),
            limit: MAX_CELL_CHARS as u64,
            actual: n as u64,
        });
    }
    Ok(g)
}

fn write(ws: &mut Worksheet, r: usize, c: usize, text: &str, f: &Format) -> Result<(), Error> {
    ws.write_string_with_format(row(r)?, col(c)?, text, f)
        .map_err(xlsx_error)?;
    Ok(())
}

/// Writes `text` over a block, merged when it is larger than one cell.
fn write_block(
    ws: &mut Worksheet,
    (r0, c0): (usize, usize),
    (r1, c1): (usize, usize),
    text: &str,
    f: &Format,
) -> Result<(), Error> {
    if r0 == r1 && c0 == c1 {
        write(ws, r0, c0, text, f)
    } else {
        ws.merge_range(row(r0)?, col(c0)?, row(r1)?, col(c1)?, text, f)
            .map_err(xlsx_error)?;
        Ok(())
    }
}

fn creation_date(cat: &Catalogue<'_>) -> Option<ExcelDateTime> {
    use chrono::Datelike;
    let d = cat
        .updated
        .as_deref()
        .and_then(crate::date::parse_date)
        .or_else(|| crate::date::parse_date(&cat.issued))
        .unwrap_or_default();
    ExcelDateTime::from_ymd(
        u16::try_from(d.year()).ok()?,
        u8::try_from(d.month()).ok()?,
        u8::try_from(d.day()).ok()?,
    )
    .ok()
    .or_else(|| ExcelDateTime::from_ymd(2000, 1, 1).ok())
}

/// Writes the catalogue as an XLSX workbook (see the [module documentation](super) for the
/// layout). The bytes depend only on the catalogue and the options (the document's creation
/// date is the catalogue's `updated`, else `issued`).
///
/// Errors: [`Error::TooLarge`] when a cell exceeds 32,767 characters or the table exceeds
/// Excel's 1,048,576 rows or 16,384 columns (the message names the value);
/// [`Error::UnsupportedFormat`] on `wasm32-unknown-unknown`, where rust_xlsxwriter would need
/// a system clock that the platform does not have (a WASM build should turn the `xlsx`
/// feature off).
pub fn to_xlsx(cat: &Catalogue<'_>, options: &XlsxOptions) -> Result<Vec<u8>, Error> {
    if cfg!(all(target_arch = "wasm32", target_os = "unknown")) {
        return Err(Error::UnsupportedFormat(
            "XLSX 导出在 wasm32-unknown-unknown 上不可用（请在浏览器中使用 CSV 导出）".into(),
        ));
    }
    let layout = Layout::new(cat, options.levels);
    let f = Formats::new();
    let mut wb = Workbook::new();
    let mut props = DocProperties::new()
        .set_title(cat.title.as_str())
        .set_author(cat.publisher.as_str());
    if let Some(d) = creation_date(cat) {
        props = props.set_creation_datetime(&d);
    }
    wb.set_properties(&props);

    let ws = wb.add_worksheet();
    ws.set_name(SHEET_TABLE).map_err(xlsx_error)?;
    let ncols = layout.columns.len();
    let last_col = ncols.saturating_sub(1);
    col(last_col)?;
    let header_row = usize::from(options.title_row);
    let data_row = header_row + 2;
    row(data_row + cat.items.len().saturating_sub(1))?;

    if options.title_row {
        let title = cell_text(&cat.title, || "/title".into())?;
        write_block(ws, (0, 0), (0, last_col), &title, &f.title)?;
        ws.set_row_height(0, 32).map_err(xlsx_error)?;
    }
    for g in layout.groups() {
        let top = cell_text(&g.top, || "表头".into())?;
        let last = g.first + g.len - 1;
        if g.has_sub {
            write_block(
                ws,
                (header_row, g.first),
                (header_row, last),
                &top,
                &f.header,
            )?;
            for c in g.first..=last {
                let sub = layout.columns.get(c).and_then(Column::sub).unwrap_or("");
                write(ws, header_row + 1, c, sub, &f.header)?;
            }
        } else {
            write_block(
                ws,
                (header_row, g.first),
                (header_row + 1, last),
                &top,
                &f.header,
            )?;
        }
    }

    let cat_col = layout.columns.iter().position(|c| *c == Column::Category);
    for (i, item) in cat.items.iter().enumerate() {
        for (c, column) in layout.columns.iter().enumerate() {
            if Some(c) == cat_col {
                continue;
            }
            let text = cell_text(&column.cell(item), || {
                format!("/items/{i}/{}", escape_pointer_token(column.key()))
            })?;
            let fmt = if column.is_tick() || *column == Column::Id {
                &f.center
            } else {
                &f.text
            };
            write(ws, data_row + i, c, &text, fmt)?;
        }
    }
    if let Some(c) = cat_col {
        for (first, len) in category_runs(&cat.items) {
            let Some(item) = cat.items.get(first) else {
                continue;
            };
            let text = cell_text(&item.category, || format!("/items/{first}/category"))?;
            write_block(
                ws,
                (data_row + first, c),
                (data_row + first + len - 1, c),
                &text,
                &f.merged,
            )?;
        }
    }

    for (c, column) in layout.columns.iter().enumerate() {
        ws.set_column_width(col(c)?, column.width())
            .map_err(xlsx_error)?;
    }
    ws.set_freeze_panes(row(data_row)?, 0).map_err(xlsx_error)?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    ws.set_repeat_rows(row(header_row)?, row(header_row + 1)?)
        .map_err(xlsx_error)?;
    ws.set_footer("&C第 &P 页，共 &N 页");

    if options.metadata_sheet {
        let ms = wb.add_worksheet();
        ms.set_name(SHEET_METADATA).map_err(xlsx_error)?;
        for (r, (label, value)) in metadata_rows(cat).iter().enumerate() {
            let l = cell_text(label, || format!("{SHEET_METADATA}!A{}", r + 1))?;
            let v = cell_text(value, || format!("{SHEET_METADATA}!B{}", r + 1))?;
            write(ms, r, 0, &l, &f.label)?;
            write(ms, r, 1, &v, &f.text)?;
        }
        ms.set_column_width(0, 18).map_err(xlsx_error)?;
        ms.set_column_width(1, 70).map_err(xlsx_error)?;
    }

    wb.save_to_buffer().map_err(xlsx_error)
}
