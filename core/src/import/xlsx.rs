//! XLSX: the zip is checked first (entry count, declared and actual decompressed sizes), then
//! each sheet is streamed cell by cell (calamine's cell reader: no dense allocation of the
//! sheet's declared dimension) into a grid, and its merged ranges are applied (clipped to the
//! grid). calamine's XML reader (quick-xml) does not expand entities: a billion-laughs payload
//! fails as an unknown entity.

use super::Budget;
use super::grid::{Cell, Grid, Row};
use crate::Error;
use crate::codes;
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
///
/// Returns the actual inflated size of every entry, by index.
fn check_zip(bytes: &[u8], budget: &Budget) -> Result<Vec<u64>, Error> {
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
    let mut sizes = Vec::with_capacity(zip.len());
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
        sizes.push(n);
    }
    Ok(sizes)
}

/// Refuses a workbook with more worksheets than the limit.
fn check_sheet_count(budget: &Budget, n: usize, format: &str) -> Result<(), Error> {
    if n > budget.max_sheets {
        return Err(Error::TooLarge {
            what: format!("{format} 工作簿中的工作表数"),
            limit: budget.max_sheets as u64,
            actual: n as u64,
        });
    }
    Ok(())
}

/// A merged range: first row, first column, last row, last column (0-based, inclusive).
type Merge = (u32, u32, u32, u32);

/// The leading letters and then digits of a cell reference (`AB12`), as (letters, digits);
/// None when anything else follows.
fn split_ref(r: &[u8]) -> Option<(&[u8], &[u8])> {
    let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let (l, d) = r.split_at(letters);
    d.iter().all(u8::is_ascii_digit).then_some((l, d))
}

/// A reference of at most 3 letters and 7 digits → (row, column) as written, 1-based (0 for a
/// missing part). None for anything else.
fn ref_numbers(r: &[u8]) -> Option<(u32, u32)> {
    let (l, d) = split_ref(r)?;
    if l.len() > 3 || d.len() > 7 {
        return None;
    }
    let col = l.iter().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1
    });
    let row = d.iter().fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
    Some((row, col))
}

/// A cell reference → (row, column), 0-based, within Excel's limits (column XFD, row
/// 1,048,576). None for anything else.
fn parse_ref(r: &[u8]) -> Option<(u32, u32)> {
    let (row, col) = ref_numbers(r)?;
    ((1..=1_048_576).contains(&row) && (1..=16_384).contains(&col)).then(|| (row - 1, col - 1))
}

/// A range `A1:C3` (or a single cell `A1`) → a [`Merge`], corners put in order.
fn parse_range(r: &[u8]) -> Option<Merge> {
    let mut parts = r.split(|b| *b == b':');
    let a = parse_ref(parts.next()?)?;
    let b = match parts.next() {
        Some(p) => parse_ref(p)?,
        None => a,
    };
    if parts.next().is_some() {
        return None;
    }
    Some((a.0.min(b.0), a.1.min(b.1), a.0.max(b.0), a.1.max(b.1)))
}

/// Whether calamine can read this reference without an arithmetic overflow: its parser
/// accumulates letters and digits into a `u32` unchecked (a panic in a build with overflow
/// checks), so more than 3 letters or 7 digits, beyond anything Excel writes, is refused first.
fn ref_in_bounds(r: &[u8]) -> bool {
    split_ref(r).is_none_or(|(l, d)| l.len() <= 3 && d.len() <= 7)
}

/// Whether calamine can read a `<dimension ref>`: each part in bounds, and for two well-formed
/// parts the end not before the start (calamine subtracts them unchecked).
fn dimension_in_bounds(r: &[u8]) -> bool {
    let parts: Vec<&[u8]> = r.split(|b| *b == b':').collect();
    if !parts.iter().all(|p| ref_in_bounds(p)) {
        return false;
    }
    let corner = |p: &[u8]| ref_numbers(p).filter(|&(row, col)| row >= 1 && col >= 1);
    match parts.as_slice() {
        [a, b] => match (corner(a), corner(b)) {
            (Some(a), Some(b)) => b.0 >= a.0 && b.1 >= a.1,
            _ => true,
        },
        _ => true,
    }
}

/// Where a relationship target of `xl/workbook.xml` lives in the zip, resolved as calamine
/// resolves it (`/xl/…` and `xl/…` as they are, anything else under `xl/`; no `..`), `\` read as
/// `/`, lower-cased for [`ZipNames`]' case-insensitive lookup. The importer's reference guard and
/// the annotated workbook's column widths both read the sheet through this one rule, so they see
/// the part calamine reads.
pub(crate) fn resolve_sheet_target(target: &str) -> String {
    let t = target.replace('\\', "/");
    let t = match t.strip_prefix('/') {
        Some(rest) if rest.starts_with("xl/") => rest.to_owned(),
        _ if t.starts_with("xl/") => t,
        _ => format!("xl/{t}"),
    };
    t.to_ascii_lowercase()
}

/// A worksheet of a workbook: its name and the zip entry of its part (None when its
/// relationship cannot be resolved).
pub(crate) struct SheetPart {
    /// Read by the annotated workbook (feature `xlsx`) only.
    #[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
    pub name: String,
    pub path: Option<String>,
}

/// The sheets of a workbook, in the order of `xl/workbook.xml` (the order of calamine's sheet
/// list), their parts resolved through `xl/_rels/workbook.xml.rels` by [`resolve_sheet_target`].
pub(crate) fn sheet_parts<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    names: &ZipNames,
) -> Vec<SheetPart> {
    use quick_xml::events::Event;
    let Some(rels) = names.read(zip, "xl/_rels/workbook.xml.rels") else {
        return Vec::new();
    };
    let Some(book) = names.read(zip, "xl/workbook.xml") else {
        return Vec::new();
    };
    let mut targets: std::collections::HashMap<Vec<u8>, String> = std::collections::HashMap::new();
    let mut r = quick_xml::Reader::from_reader(rels.as_slice());
    r.config_mut().check_end_names = false;
    loop {
        match r.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                let mut id = Vec::new();
                let mut target = String::new();
                for a in e.attributes().flatten() {
                    match a.key.as_ref() {
                        b"Id" => id = a.value.into_owned(),
                        b"Target" => target = String::from_utf8_lossy(&a.value).into_owned(),
                        _ => {}
                    }
                }
                // As in calamine, the last relationship of a duplicated id wins.
                targets.insert(id, target);
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    let mut parts = Vec::new();
    let mut r = quick_xml::Reader::from_reader(book.as_slice());
    r.config_mut().check_end_names = false;
    loop {
        match r.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"sheet" => {
                let mut name = String::new();
                let mut id = None;
                for a in e.attributes().flatten() {
                    match a.key.local_name().as_ref() {
                        b"id" => id = Some(a.value.into_owned()),
                        b"name" if a.key.prefix().is_none() => {
                            name = a
                                .decode_and_unescape_value(r.decoder())
                                .map(|v| v.into_owned())
                                .unwrap_or_default();
                        }
                        _ => {}
                    }
                }
                let path = id
                    .and_then(|id| targets.get(&id))
                    .map(|t| resolve_sheet_target(t));
                parts.push(SheetPart { name, path });
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    parts
}

/// The entries of a zip by lower-cased name (`\` read as `/`), as calamine looks them up.
pub(crate) struct ZipNames(std::collections::HashMap<String, usize>);

impl ZipNames {
    pub(crate) fn new<R: Read + std::io::Seek>(zip: &zip::ZipArchive<R>) -> Self {
        let mut map = std::collections::HashMap::new();
        for i in 0..zip.len() {
            if let Some(name) = zip.name_for_index(i) {
                map.insert(name.replace('\\', "/").to_ascii_lowercase(), i);
            }
        }
        Self(map)
    }

    /// The index of an entry.
    pub(crate) fn index(&self, name: &str) -> Option<usize> {
        self.0.get(&name.to_ascii_lowercase()).copied()
    }

    /// The inflated content of an entry (its size was checked by [`check_zip`]).
    pub(crate) fn read<R: Read + std::io::Seek>(
        &self,
        zip: &mut zip::ZipArchive<R>,
        name: &str,
    ) -> Option<Vec<u8>> {
        let i = self.index(name)?;
        let mut f = zip.by_index(i).ok()?;
        let mut out = Vec::with_capacity(usize::try_from(f.size()).unwrap_or(0).min(1 << 30));
        f.read_to_end(&mut out).ok()?;
        Some(out)
    }
}

/// The raw values of every attribute `name` in `xml`, found without parsing: each `=` preceded
/// by `name` (after white space; white space may surround the `=`) and followed by a quoted
/// value. A superset of what an XML parser reads as that attribute (the same characters in text
/// count too), which is what a guard needs; linear in the size of the XML.
fn attribute_values<'a>(xml: &'a [u8], name: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + 'a {
    memchr::memchr_iter(b'=', xml).filter_map(move |eq| {
        let before = xml[..eq].trim_ascii_end();
        let key_start = before.strip_suffix(name)?;
        if !key_start.last().is_some_and(u8::is_ascii_whitespace) {
            return None;
        }
        let after = xml[eq + 1..].trim_ascii_start();
        let (&quote, value) = after.split_first()?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let len = memchr::memchr(quote, value)?;
        Some(&value[..len])
    })
}

/// Where the closing tag of `sheetData` ends (`</sheetData>` or a prefixed `</x:sheetData>`;
/// a `<` cannot appear unescaped in text, so this is the tag itself).
fn end_of_sheet_data(xml: &[u8]) -> Option<usize> {
    let p = memchr::memmem::rfind(xml, b"sheetData>")?;
    let before = &xml[..p];
    let end = p + b"sheetData>".len();
    if before.ends_with(b"</") {
        return Some(end);
    }
    let rest = before.strip_suffix(b":")?;
    let prefix = rest
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        .count();
    (prefix > 0 && rest[..rest.len() - prefix].ends_with(b"</")).then_some(end)
}

/// Reads a worksheet's XML once before calamine does: refuses references calamine cannot read
/// safely (see [`ref_in_bounds`]; every `r` attribute, and the `<dimension>` before the data)
/// and returns the merged ranges (read after the data, where the format puts them).
fn scan_sheet(xml: &[u8], sheet: &str) -> Result<Vec<Merge>, Error> {
    use quick_xml::events::Event;
    let bad = |what: &str, r: &[u8]| Error::Import {
        format: "XLSX".into(),
        message: format!(
            "工作表“{}”中的{what}“{}”超出 Excel 的范围（列最多到 XFD，行最多到 1048576），文件已损坏或是构造的；请用 Excel 或 WPS 打开后重新另存为 .xlsx",
            crate::excerpt(sheet, 60),
            crate::excerpt(&String::from_utf8_lossy(r), 40)
        ),
        location: None,
    };
    if let Some(r) = attribute_values(xml, b"r").find(|r| !ref_in_bounds(r)) {
        return Err(bad("单元格引用", r));
    }
    let reader = |from: usize| {
        let mut reader = quick_xml::Reader::from_reader(&xml[from..]);
        let config = reader.config_mut();
        config.check_end_names = false;
        config.check_comments = false;
        // The tail starts inside <worksheet>: its closing tag has no opening one.
        config.allow_unmatched_ends = true;
        reader
    };
    // Before the data: the <dimension> calamine reads.
    let mut head = reader(0);
    loop {
        match head.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                b"sheetData" => break,
                b"dimension" => {
                    let r = e.attributes().flatten().find(|a| a.key.as_ref() == b"ref");
                    if let Some(r) = r.filter(|r| !dimension_in_bounds(&r.value)) {
                        return Err(bad("范围", &r.value));
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(corrupt(e)),
        }
    }
    // After the data (or the whole sheet when its end is not found): the merged ranges.
    let mut tail = reader(end_of_sheet_data(xml).unwrap_or(0));
    let mut merges = Vec::new();
    loop {
        match tail.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"mergeCell" => {
                let r = e.attributes().flatten().find(|a| a.key.as_ref() == b"ref");
                if let Some(m) = r.and_then(|r| parse_range(&r.value)) {
                    merges.push(m);
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(corrupt(e)),
        }
    }
    Ok(merges)
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
    let sizes = check_zip(bytes, budget)?;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
    let names = ZipNames::new(&zip);
    let paths: Vec<Option<String>> = sheet_parts(&mut zip, &names)
        .into_iter()
        .map(|p| p.path)
        .collect();
    let mut wb: Xlsx<Cursor<&[u8]>> = Xlsx::new(Cursor::new(bytes)).map_err(corrupt)?;
    let is_1904 = wb.has_1904_epoch();
    let all = wb.sheets_metadata().to_vec();
    let sheets = worksheets(&all);
    check_sheet_count(budget, sheets.len(), "XLSX")?;
    require_sheet(budget, &sheets, "XLSX")?;
    // Every worksheet's part is inflated and scanned, hidden and unchosen ones too (the
    // annotated copy reads them all with calamine), and the parts of all sheets share one
    // budget: a part that several sheets name counts once per sheet, so a small zip cannot
    // make the reader inflate one large entry again and again.
    let parts: Vec<Option<(String, usize)>> = sheets
        .iter()
        .map(|(name, _)| {
            all.iter()
                .position(|s| s.name == *name)
                .and_then(|i| paths.get(i).cloned().flatten())
                .and_then(|p| names.index(&p).map(|i| (p, i)))
        })
        .collect();
    // The whole budget is checked before any part is inflated again.
    let inflated = parts
        .iter()
        .flatten()
        .map(|(_, i)| sizes.get(*i).copied().unwrap_or(0))
        .fold(0u64, u64::saturating_add);
    if inflated > budget.max_decompressed {
        return Err(Error::TooLarge {
            what: "XLSX 各工作表解压后的总大小".into(),
            limit: budget.max_decompressed,
            actual: inflated,
        });
    }
    let mut scanned = Vec::with_capacity(sheets.len());
    for ((name, visible), part) in sheets.into_iter().zip(parts) {
        let merges = match part.and_then(|(p, _)| names.read(&mut zip, &p)) {
            Some(xml) => scan_sheet(&xml, &name)?,
            None => Vec::new(),
        };
        scanned.push((name, visible, merges));
    }
    let mut grids = Vec::new();
    for (name, visible, merges) in scanned {
        match &budget.sheet {
            Some(want) if *want != name => continue,
            None if !visible => {
                budget.findings.push(
                    crate::issue::Finding::new(
                        codes::import::SHEET_HIDDEN,
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
                let text = match crate::layout::cells::strip_formula_guard(&text) {
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
    check_sheet_count(budget, sheets.len(), "XLS")?;
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

#[cfg(test)]
mod tests {
    #[test]
    fn sheet_targets_resolve_as_calamine_resolves_them() {
        use super::resolve_sheet_target as r;
        assert_eq!(r("/xl/worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
        assert_eq!(r("xl/worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
        assert_eq!(r("worksheets/Sheet2.xml"), "xl/worksheets/sheet2.xml");
        assert_eq!(r("worksheets\\s3.xml"), "xl/worksheets/s3.xml");
        // No `..` resolution: calamine reads the literal name, and so do we.
        assert_eq!(r("../x/s4.xml"), "xl/../x/s4.xml");
    }

    use super::*;

    #[test]
    fn attribute_values_take_every_quoting() {
        let xml = b"<row r=\"2\"><c r = 'B2' s=\"1\"/><c\tr=\"C2\"/><c xr=\"X\" rr=\"Y\"/></row>";
        let got: Vec<&[u8]> = attribute_values(xml, b"r").collect();
        assert_eq!(got, [&b"2"[..], b"B2", b"C2"]);
    }

    #[test]
    fn references() {
        assert_eq!(parse_ref(b"A1"), Some((0, 0)));
        assert_eq!(parse_ref(b"xfd1048576"), Some((1_048_575, 16_383)));
        assert_eq!(parse_ref(b"XFE1"), None);
        assert_eq!(parse_ref(b"A0"), None);
        assert_eq!(parse_ref(b"A1048577"), None);
        assert_eq!(parse_range(b"C3:A1"), Some((0, 0, 2, 2)));
        assert_eq!(parse_range(b"B2"), Some((1, 1, 1, 1)));
        assert_eq!(parse_range(b"A1:B2:C3"), None);
        assert!(ref_in_bounds(b"XFD1048576") && ref_in_bounds(b"A$1"));
        assert!(!ref_in_bounds(b"AAAA1") && !ref_in_bounds(b"A12345678"));
        assert!(dimension_in_bounds(b"A1:Q8") && !dimension_in_bounds(b"Q8:A1"));
    }

    #[test]
    fn the_end_of_the_data_is_a_tag() {
        let xml = b"<sheetData><row/></sheetData><mergeCells/>";
        assert_eq!(end_of_sheet_data(xml), Some(29));
        let xml = b"<x:sheetData><x:row/></x:sheetData><x:mergeCells/>";
        assert_eq!(end_of_sheet_data(xml), Some(35));
        assert_eq!(end_of_sheet_data(b"<t>sheetData></t>"), None);
    }
}
