//! Reading the user's workbook (XLSX through calamine, plus column widths from the sheet XML) or
//! table (CSV, HTML, XLS grids) into the copy that gets annotated.

use super::*;
use crate::Error;
use crate::import::grid::Grid;
use crate::report::Lang;
use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx};
use std::collections::{BTreeMap, HashMap};
use std::io::{BufReader, Cursor};

/// Days between the 1904 and 1900 date systems.
pub(super) const EPOCH_1904: f64 = 1462.0;

pub(super) fn serial_of(dt: chrono::NaiveDateTime) -> Option<f64> {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?.and_hms_opt(0, 0, 0)?;
    let d = dt.signed_duration_since(base);
    Some(d.num_milliseconds() as f64 / 86_400_000.0)
}

#[derive(Default)]
pub(super) struct Counters {
    pub(super) errors_as_text: usize,
    pub(super) cut: usize,
}

pub(super) fn value_of(v: &DataRef<'_>, is_1904: bool, n: &mut Counters) -> Option<Value> {
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
pub(super) fn read_xlsx(bytes: &[u8], max_cells: usize, lang: Lang) -> Result<Book, Error> {
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

pub(super) fn push_common_notes(
    book: &mut Book,
    n: &Counters,
    left_out: bool,
    max_cells: usize,
    lang: Lang,
) {
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
pub(super) fn width_pixels(w: f64) -> u32 {
    if !w.is_finite() || w <= 0.0 {
        return 0;
    }
    let w = w.min(255.0);
    (((256.0 * w + (128.0f64 / 7.0).trunc()) / 256.0) * 7.0).trunc() as u32
}

/// One `<col>` element.
#[derive(Debug, Clone, Copy)]
pub(super) struct ColSpec {
    pub(super) min: u32,
    pub(super) max: u32,
    pub(super) width: Option<f64>,
    pub(super) hidden: bool,
}

pub(super) type XmlAttrs = Vec<(String, Option<String>, String)>;

/// The attributes of an element: (local name, prefix, unescaped value).
pub(super) fn attrs<R>(
    e: &quick_xml::events::BytesStart<'_>,
    reader: &quick_xml::Reader<R>,
) -> XmlAttrs {
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

pub(super) fn attr<'a>(a: &'a XmlAttrs, name: &str) -> Option<&'a str> {
    a.iter()
        .find(|(k, p, _)| k == name && p.is_none())
        .map(|(_, _, v)| v.as_str())
}

/// Column widths per sheet name, from the sheets' `<cols>` (read up to `<sheetData>`), each
/// sheet's part found as the importer finds it ([`crate::import::xlsx::sheet_parts`]).
pub(super) fn column_info(bytes: &[u8]) -> Result<HashMap<String, Vec<ColSpec>>, String> {
    use crate::import::xlsx::{ZipNames, sheet_parts};
    use quick_xml::events::Event;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let names = ZipNames::new(&zip);
    let sheets: Vec<(String, usize)> = sheet_parts(&mut zip, &names)
        .into_iter()
        .filter_map(|p| Some((p.name, names.index(p.path.as_deref()?)?)))
        .collect();
    let mut out = HashMap::new();
    for (name, index) in sheets {
        let Ok(f) = zip.by_index(index) else { continue };
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

/// The name Excel gives the sheet of a CSV: the file name without its extension.
pub(super) fn csv_sheet_name(name: Option<&str>) -> String {
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
pub(super) fn text_width(s: &str) -> usize {
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
pub(super) fn book_from_grids(
    grids: Vec<Grid>,
    name: Option<&str>,
    max_cells: usize,
    lang: Lang,
) -> Book {
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
                // The importer removed the apostrophe a guarded cell was written with
                // (`'=1+1` read as `=1+1`); the copy writes it back, as every exporter does, so
                // that the cell stays text wherever the copy goes next.
                let mut text = crate::layout::cells::formula_guard(&cell.text).into_owned();
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
