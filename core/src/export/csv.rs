//! CSV export: UTF-8 with BOM, CRLF, RFC 4180 quoting, the standard two-row header.

use super::cells::formula_guard;
use super::layout::{Layout, LevelColumns, metadata_rows};
use crate::model::Catalogue;

/// Options of [`to_csv`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CsvOptions {
    /// Write the metadata block (目录信息) and an empty row above the table (default true).
    /// Without it the header starts on line 1 and the catalogue's metadata is not in the file.
    pub metadata: bool,
    /// Which 公开层级 sub-columns to write (default all four).
    pub levels: LevelColumns,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            metadata: true,
            levels: LevelColumns::All,
        }
    }
}

impl CsvOptions {
    /// Sets [`CsvOptions::metadata`].
    pub fn metadata(mut self, on: bool) -> Self {
        self.metadata = on;
        self
    }

    /// Sets [`CsvOptions::levels`].
    pub fn levels(mut self, levels: LevelColumns) -> Self {
        self.levels = levels;
        self
    }
}

/// Writes the catalogue as CSV (see the [module documentation](super) for the layout).
///
/// Every cell passes through the formula guard ([`super::cells::formula_guard`]); every row
/// has the same number of fields.
pub fn to_csv(cat: &Catalogue<'_>, options: &CsvOptions) -> Vec<u8> {
    // Writing into a Vec cannot fail; an empty result would only come from a bug in `csv`.
    write(cat, options).unwrap_or_default()
}

fn write(cat: &Catalogue<'_>, options: &CsvOptions) -> Result<Vec<u8>, ::csv::Error> {
    let layout = Layout::new(cat, options.levels);
    let width = layout.columns.len().max(2);
    let mut rows: Vec<Vec<String>> = Vec::with_capacity(cat.items.len() + 20);
    if options.metadata {
        rows.extend(metadata_rows(cat).into_iter().map(|(l, v)| vec![l, v]));
        rows.push(Vec::new());
    }
    let (top, sub) = layout.header_rows();
    rows.push(top);
    rows.push(sub);
    rows.extend(cat.items.iter().map(|item| layout.row(item)));

    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer("\u{feff}".as_bytes().to_vec());
    for cells in rows {
        let mut row: Vec<String> = cells
            .iter()
            .map(|c| formula_guard(c).into_owned())
            .collect();
        row.resize(width, String::new());
        w.write_record(&row)?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}
