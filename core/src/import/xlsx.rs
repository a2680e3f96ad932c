//! XLSX: the zip is checked first (entry count, declared and actual decompressed sizes), then
//! each sheet is streamed cell by cell (calamine's cell reader: no dense allocation of the
//! sheet's declared dimension) into a grid, and its merged ranges are applied (clipped to the
//! grid). calamine's XML reader (quick-xml) does not expand entities: a billion-laughs payload
//! fails as an unknown entity.

use super::Budget;
use super::grid::{Cell, Grid, Row};
use crate::Error;
use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx};
use std::io::{Cursor, Read};

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

/// Checks the zip container before any XML is parsed: number of entries, total declared
/// uncompressed size, and the actual size of every entry (streamed, stopping at the limit), so
/// that a zip bomb, declared honestly or not, is refused early and in bounded time and memory.
fn check_zip(bytes: &[u8], budget: &Budget) -> Result<(), Error> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
    if zip.len() > budget.max_zip_entries {
        return Err(Error::TooLarge {
            what: "XLSX 压缩包中的文件数".into(),
            limit: budget.max_zip_entries as u64,
            actual: zip.len() as u64,
        });
    }
    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).map_err(corrupt)?;
        declared = declared.saturating_add(f.size());
    }
    if declared > budget.max_decompressed {
        return Err(Error::TooLarge {
            what: "XLSX 解压后的大小（声明值）".into(),
            limit: budget.max_decompressed,
            actual: declared,
        });
    }
    let mut actual: u64 = 0;
    let mut buf = vec![0u8; 64 << 10];
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(corrupt)?;
        let size = f.size();
        let mut n: u64 = 0;
        loop {
            let k = f.read(&mut buf).map_err(corrupt)?;
            if k == 0 {
                break;
            }
            n += k as u64;
            if n > size {
                return Err(Error::Import {
                    format: "XLSX".into(),
                    message: format!(
                        "压缩包中的“{}”解压后比声明的 {size} 字节更大，文件已损坏或是恶意构造的（zip 炸弹）",
                        crate::excerpt(f.name(), 80)
                    ),
                    location: None,
                });
            }
            if actual + n > budget.max_decompressed {
                return Err(Error::TooLarge {
                    what: "XLSX 解压后的大小".into(),
                    limit: budget.max_decompressed,
                    actual: actual + n,
                });
            }
        }
        actual += n;
    }
    Ok(())
}

fn excel_date(serial: f64, is_1904: bool) -> Option<String> {
    if !serial.is_finite() || !(0.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let base = if is_1904 {
        chrono::NaiveDate::from_ymd_opt(1904, 1, 1)?
    } else {
        chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?
    };
    let days = serial.floor() as i64;
    let date = base.checked_add_signed(chrono::Duration::days(days))?;
    Some(date.format("%Y-%m-%d").to_string())
}

/// Writes a cell's text into the grid, growing the row as needed.
fn put(grid: &mut Grid, r: usize, c: usize, text: String) {
    if let Some(row) = grid.rows.get_mut(r) {
        if row.cells.len() <= c {
            row.cells.resize(c + 1, Cell::default());
        }
        row.cells[c].text = text;
    }
}

/// A number as Excel shows it in a General cell: whole numbers without a decimal point.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// The worksheets of a workbook, with whether each is visible.
fn worksheets(meta: &[calamine::Sheet]) -> Vec<(String, bool)> {
    meta.iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect()
}

/// The error for a chosen sheet the workbook does not have.
fn require_sheet(budget: &Budget, sheets: &[(String, bool)], format: &str) -> Result<(), Error> {
    match &budget.sheet {
        Some(want) if !sheets.iter().any(|(n, _)| n == want) => {
            let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
            Err(Error::Import {
                format: format.into(),
                message: format!(
                    "工作簿中没有名为“{}”的工作表；现有工作表：{}",
                    crate::excerpt(want, 60),
                    names.join("、")
                ),
                location: None,
            })
        }
        _ => Ok(()),
    }
}

fn cell_text(v: &DataRef<'_>, is_1904: bool) -> String {
    match v {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number_text(*f),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        DataRef::DateTime(d) => {
            if d.is_datetime() {
                excel_date(d.as_f64(), is_1904).unwrap_or_else(|| d.as_f64().to_string())
            } else {
                d.as_f64().to_string()
            }
        }
        DataRef::Error(e) => format!("#{e}"),
        DataRef::Empty => String::new(),
    }
}

/// Reads the sheets of a workbook (all worksheets, or the one named in the options).
pub(crate) fn read(bytes: &[u8], budget: &mut Budget) -> Result<Vec<Grid>, Error> {
    check_zip(bytes, budget)?;
    let mut wb: Xlsx<Cursor<&[u8]>> = Xlsx::new(Cursor::new(bytes)).map_err(corrupt)?;
    let is_1904 = wb.has_1904_epoch();
    let sheets = worksheets(wb.sheets_metadata());
    require_sheet(budget, &sheets, "XLSX")?;
    wb.load_merged_regions().map_err(corrupt)?;
    let mut grids = Vec::new();
    for (name, visible) in sheets {
        match &budget.sheet {
            Some(want) if *want != name => continue,
            None if !visible => {
                budget.findings.push(
                    crate::rules::Finding::new(
                        "import.sheet_hidden",
                        "",
                        None,
                        &[("sheet", name.clone())],
                    )
                    .at(&crate::Location {
                        sheet: Some(name.clone()),
                        row: 1,
                        column: None,
                        header: None,
                    }),
                );
                continue;
            }
            _ => {}
        }
        let merges: Vec<(u32, u32, u32, u32)> = wb
            .merged_regions_by_sheet(&name)
            .iter()
            .map(|(_, _, d)| (d.start.0, d.start.1, d.end.0, d.end.1))
            .collect();
        let mut grid = Grid {
            sheet: Some(name.clone()),
            caption: None,
            rows: Vec::new(),
        };
        let mut cut_reported = false;
        {
            let mut reader = wb.worksheet_cells_reader(&name).map_err(corrupt)?;
            'cells: while let Some(cell) = reader.next_cell().map_err(corrupt)? {
                let (r, c) = cell.get_position();
                let (r, c) = (r as usize, c as usize);
                let text = cell_text(cell.get_value(), is_1904);
                if text.is_empty() {
                    continue;
                }
                let number = u32::try_from(r + 1).unwrap_or(u32::MAX);
                if c >= budget.max_columns {
                    if !cut_reported {
                        cut_reported = true;
                        budget.columns_cut(Some(&name), number);
                    }
                    continue;
                }
                while grid.rows.len() <= r {
                    let k = grid.rows.len();
                    let n = u32::try_from(k + 1).unwrap_or(u32::MAX);
                    if !budget.take_row(Some(&name), n) {
                        break 'cells;
                    }
                    grid.rows.push(Row {
                        number: n,
                        cells: Vec::new(),
                    });
                }
                // Undo the exporters' formula guard (`'=…` → `=…`), before anything else.
                let text = match crate::export::cells::strip_formula_guard(&text) {
                    s if s.len() == text.len() => text,
                    s => s.to_owned(),
                };
                let text = budget.cell(text, Some(&name), number, c);
                put(&mut grid, r, c, text);
            }
        }
        for (r0, c0, r1, c1) in merges {
            grid.merge(
                r0 as usize,
                c0 as usize,
                r1 as usize,
                c1 as usize,
                budget.max_columns,
            );
        }
        grids.push(grid);
    }
    Ok(grids)
}

fn corrupt_xls(e: impl std::fmt::Display) -> Error {
    Error::Import {
        format: "XLS".into(),
        message: format!(
            "工作簿已损坏或不是 XLS 文件（{}）；请用 Excel 或 WPS 打开后另存为 .xlsx",
            crate::excerpt(&e.to_string(), 200)
        ),
        location: None,
    }
}

fn data_text(v: &calamine::Data) -> String {
    use calamine::Data;
    match v {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(d) => {
            if d.is_datetime() {
                excel_date(d.as_f64(), false).unwrap_or_else(|| d.as_f64().to_string())
            } else {
                d.as_f64().to_string()
            }
        }
        Data::Error(e) => format!("#{e}"),
        Data::Empty => String::new(),
    }
}

/// Reads an Excel 97-2003 workbook (.xls): every visible worksheet (or the chosen one), with
/// its merged cells, into grids, under the same limits as XLSX.
pub(crate) fn read_xls(bytes: &[u8], budget: &mut Budget) -> Result<Vec<Grid>, Error> {
    let mut wb: calamine::Xls<Cursor<&[u8]>> =
        calamine::Xls::new(Cursor::new(bytes)).map_err(corrupt_xls)?;
    let sheets = worksheets(wb.sheets_metadata());
    require_sheet(budget, &sheets, "XLS")?;
    let mut grids = Vec::new();
    for (name, visible) in sheets {
        match &budget.sheet {
            Some(want) if *want != name => continue,
            None if !visible => continue,
            _ => {}
        }
        let range = wb.worksheet_range(&name).map_err(corrupt_xls)?;
        let merges = wb.worksheet_merge_cells(&name).unwrap_or_default();
        let (r_off, c_off) = range.start().unwrap_or((0, 0));
        let mut grid = Grid {
            sheet: Some(name.clone()),
            caption: None,
            rows: Vec::new(),
        };
        let mut cut_reported = false;
        'rows: for (i, cells) in range.rows().enumerate() {
            let r = r_off as usize + i;
            while grid.rows.len() <= r {
                let n = u32::try_from(grid.rows.len() + 1).unwrap_or(u32::MAX);
                if !budget.take_row(Some(&name), n) {
                    break 'rows;
                }
                grid.rows.push(Row {
                    number: n,
                    cells: Vec::new(),
                });
            }
            let number = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (j, v) in cells.iter().enumerate() {
                let c = c_off as usize + j;
                let text = data_text(v);
                if text.is_empty() {
                    continue;
                }
                if c >= budget.max_columns {
                    if !cut_reported {
                        cut_reported = true;
                        budget.columns_cut(Some(&name), number);
                    }
                    continue;
                }
                let text = budget.cell(text, Some(&name), number, c);
                put(&mut grid, r, c, text);
            }
        }
        for d in merges {
            grid.merge(
                d.start.0 as usize,
                d.start.1 as usize,
                d.end.0 as usize,
                d.end.1 as usize,
                budget.max_columns,
            );
        }
        grids.push(grid);
    }
    Ok(grids)
}
