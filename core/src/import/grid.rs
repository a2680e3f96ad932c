//! The grid every table format is read into: rows of cells, each with its text and, when it is
//! covered by a merged (or spanning) cell, the position of that cell's top-left origin. Row
//! numbers are the spreadsheet's own (1-based, as Excel shows them; for HTML the 1-based `<tr>`
//! index inside the table).

use crate::report::Location;

/// One cell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// The text written in this cell (empty for a covered cell).
    pub text: String,
    /// For a cell covered by a merged or spanning cell: (row index, column) of its origin.
    pub origin: Option<(usize, usize)>,
}

/// One row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// 1-based row number as the spreadsheet shows it.
    pub number: u32,
    /// The cells, from column A; cells beyond the end are empty.
    pub cells: Vec<Cell>,
}

/// A table read from a file: one CSV file, one XLSX sheet, one HTML `<table>`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grid {
    /// What `Location::sheet` says for cells of this grid (sheet name, `表N`, none for CSV).
    pub sheet: Option<String>,
    /// A caption or title found with the table (HTML `<caption>`).
    pub caption: Option<String>,
    /// The rows, in order.
    pub rows: Vec<Row>,
}

impl Grid {
    /// The number of columns (the longest row).
    pub fn width(&self) -> usize {
        self.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0)
    }

    /// The cell at (row index, column), if present.
    pub fn cell(&self, r: usize, c: usize) -> Option<&Cell> {
        self.rows.get(r).and_then(|row| row.cells.get(c))
    }

    /// The text written in the cell itself ("" when covered or absent).
    pub fn own(&self, r: usize, c: usize) -> &str {
        self.cell(r, c).map_or("", |x| x.text.as_str())
    }

    /// The cell holding the text shown at (r, c): itself, or the origin of the merge covering it.
    pub fn origin(&self, r: usize, c: usize) -> (usize, usize) {
        self.cell(r, c).and_then(|x| x.origin).unwrap_or((r, c))
    }

    /// The text shown at (r, c): its own, or that of the merged cell covering it.
    pub fn shown(&self, r: usize, c: usize) -> &str {
        let (r0, c0) = self.origin(r, c);
        self.own(r0, c0)
    }

    /// Whether (r, c) is covered by a cell in a row above (a vertical merge / rowspan).
    pub fn covered_from_above(&self, r: usize, c: usize) -> bool {
        self.cell(r, c)
            .and_then(|x| x.origin)
            .is_some_and(|(r0, _)| r0 < r)
    }

    /// Whether (r, c) is covered by a cell to its left in the same merge (colspan).
    pub fn covered_from_left(&self, r: usize, c: usize) -> bool {
        self.cell(r, c)
            .and_then(|x| x.origin)
            .is_some_and(|(_, c0)| c0 < c)
    }

    /// The 1-based number of row index `r`.
    pub fn row_number(&self, r: usize) -> u32 {
        self.rows
            .get(r)
            .map_or(u32::try_from(r + 1).unwrap_or(u32::MAX), |x| x.number)
    }

    /// The location of (r, c) with a header text.
    pub fn location(&self, r: usize, c: usize, header: Option<&str>) -> Location {
        Location {
            sheet: self.sheet.clone(),
            row: self.row_number(r),
            column: Some(Location::column_letter(c)),
            header: header.filter(|h| !h.is_empty()).map(str::to_owned),
        }
    }

    /// Marks the cells of a merged range (inclusive, row indices and columns) as covered by its
    /// top-left cell, creating the cells as needed. Ranges are clipped to `max_rows` rows and
    /// `max_cols` columns, so a hostile `A1:XFD1048576` costs no more than the grid itself.
    pub fn merge(&mut self, r0: usize, c0: usize, r1: usize, c1: usize, max_cols: usize) {
        if r0 >= self.rows.len() || c0 >= max_cols {
            return;
        }
        let r1 = r1.min(self.rows.len().saturating_sub(1));
        let c1 = c1.min(max_cols.saturating_sub(1));
        for r in r0..=r1 {
            let Some(row) = self.rows.get_mut(r) else {
                break;
            };
            if row.cells.len() <= c1 {
                row.cells.resize(c1 + 1, Cell::default());
            }
            for c in c0..=c1 {
                if (r, c) == (r0, c0) {
                    continue;
                }
                if let Some(cell) = row.cells.get_mut(c) {
                    // Text left in a covered cell (rare, written by some tools) is not shown by
                    // Excel either; the origin wins.
                    cell.text.clear();
                    cell.origin = Some((r0, c0));
                }
            }
        }
    }
}
