//! CSV: encoding detection, separator sniffing, and the grid with Excel's row numbers (blank
//! lines count as rows, a quoted multi-line cell is one row).

use super::Budget;
use super::grid::{Cell, Grid, Row};
use crate::Error;

/// Decodes CSV bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (which covers
/// GBK and GB2312). Bytes that decode cleanly in none of them are an error, never a guess.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, &'static str), Error> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return match std::str::from_utf8(rest) {
            Ok(s) => Ok((s.to_owned(), "UTF-8")),
            Err(e) => Err(not_text(&format!(
                "文件以 UTF-8 标记开头，但第 {} 字节起不是有效的 UTF-8",
                e.valid_up_to() + 4
            ))),
        };
    }
    for (bom, enc, name) in [
        (&[0xFF, 0xFE][..], encoding_rs::UTF_16LE, "UTF-16LE"),
        (&[0xFE, 0xFF][..], encoding_rs::UTF_16BE, "UTF-16BE"),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return enc
                .decode_without_bom_handling_and_without_replacement(rest)
                .map(|s| (s.into_owned(), name))
                .ok_or_else(|| not_text("文件以 UTF-16 标记开头，但内容不是有效的 UTF-16"));
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_owned(), "UTF-8"));
    }
    match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(s) if !s.contains('\u{FFFD}') && !s.contains('\0') => Ok((s.into_owned(), "GB18030")),
        _ => Err(not_text(
            "文件既不是 UTF-8 编码，也不是 GB18030/GBK 编码（或含有二进制内容）",
        )),
    }
}

fn not_text(what: &str) -> Error {
    Error::Import {
        format: "CSV".into(),
        message: format!("{what}；请在 Excel 或 WPS 中“另存为”→“CSV UTF-8（逗号分隔）”后再导入"),
        location: None,
    }
}

/// Picks the separator (comma, tab, semicolon) that splits the first rows most consistently.
fn sniff(text: &str) -> u8 {
    let mut end = text.len().min(64 << 10);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let mut best = (b',', 0usize);
    for sep in [b',', b'\t', b';'] {
        let mut rdr = ::csv::ReaderBuilder::new()
            .delimiter(sep)
            .has_headers(false)
            .flexible(true)
            .from_reader(sample.as_bytes());
        let mut counts: Vec<usize> = Vec::new();
        let mut rec = ::csv::ByteRecord::new();
        while counts.len() < 40 {
            match rdr.read_byte_record(&mut rec) {
                Ok(true) => counts.push(rec.len()),
                _ => break,
            }
        }
        // The most common field count above 1, weighted by how often it occurs.
        let mut score = 0;
        for &n in &counts {
            if n < 2 {
                continue;
            }
            let freq = counts.iter().filter(|&&m| m == n).count();
            score = score.max(freq * n);
        }
        if score > best.1 {
            best = (sep, score);
        }
    }
    best.0
}

/// Reads decoded CSV text into a grid.
pub(crate) fn parse(text: &str, budget: &mut Budget) -> Result<Grid, Error> {
    let sep = sniff(text);
    let bytes = text.as_bytes();
    let mut rdr = ::csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut grid = Grid::default();
    let mut record = ::csv::StringRecord::new();
    let mut prev_end: usize = 0;
    let mut row_number: u32 = 0;
    let mut columns_cut = false;
    loop {
        let more = rdr.read_record(&mut record).map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            Error::Import {
                format: "CSV".into(),
                message: format!("第 {line} 行附近无法解析：{e}；请检查引号是否成对"),
                location: None,
            }
        })?;
        if !more {
            break;
        }
        let pos = record
            .position()
            .map_or(prev_end, |p| usize::try_from(p.byte()).unwrap_or(prev_end));
        // The reader skips blank lines (they are rows in Excel): count the line ends in the run
        // of CR/LF just before the record's first byte; one of them ends the previous record.
        let mut first = pos.min(bytes.len());
        while first < bytes.len() && matches!(bytes[first], b'\r' | b'\n') {
            first += 1;
        }
        let mut run_start = first;
        while run_start > 0 && matches!(bytes[run_start - 1], b'\r' | b'\n') {
            run_start -= 1;
        }
        let run = &bytes[run_start..first];
        let ends = run
            .iter()
            .enumerate()
            .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && run.get(i + 1) != Some(&b'\n')))
            .count();
        let blank_lines = if grid.rows.is_empty() && run_start == 0 {
            ends
        } else {
            ends.saturating_sub(1)
        };
        prev_end = usize::try_from(rdr.position().byte()).unwrap_or(pos);
        for _ in 0..blank_lines {
            row_number = row_number.saturating_add(1);
            if !budget.take_row(None, row_number) {
                return Ok(grid);
            }
            grid.rows.push(Row {
                number: row_number,
                cells: Vec::new(),
            });
        }
        row_number = row_number.saturating_add(1);
        if !budget.take_row(None, row_number) {
            return Ok(grid);
        }
        let n = record.len().min(budget.max_columns);
        if record.len() > budget.max_columns && !columns_cut {
            columns_cut = true;
            budget.columns_cut(None, row_number);
        }
        let mut cells = Vec::with_capacity(n);
        for (c, field) in record.iter().take(n).enumerate() {
            // Undo the exporters' formula guard (`'=…` → `=…`), before anything else.
            let field = crate::layout::cells::strip_formula_guard(field);
            let text = budget.cell(field.to_owned(), None, row_number, c);
            cells.push(Cell { text, origin: None });
        }
        while cells.last().is_some_and(|c| c.text.trim().is_empty()) {
            cells.pop();
        }
        grid.rows.push(Row {
            number: row_number,
            cells,
        });
    }
    Ok(grid)
}
