//! Placing each issue on its cell: from the issue's location to a cell of the copied workbook,
//! and the problem lists of an earlier annotation that a new run replaces.

use super::*;
use crate::report::{Issue, Lang, Location, Report, Severity};
use std::collections::HashMap;

pub(super) fn is_our_issue_sheet(sheet: &Sheet) -> bool {
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
pub(super) fn drop_old_issue_sheets(mut report: Report, book: &Book) -> Report {
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

/// Where an issue's note goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Anchor {
    pub(super) sheet: usize,
    pub(super) row: u32,
    pub(super) col: u16,
    /// Why it is not the issue's own cell, for the note.
    pub(super) why: Option<String>,
}

/// Parses column letters (`A` → 0, `AA` → 26).
pub(super) fn column_index(letters: &str) -> Option<u16> {
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

pub(super) fn cell_ref(row: u32, col: u16) -> String {
    format!("{}{}", Location::column_letter(usize::from(col)), row + 1)
}

/// Quotes a sheet name for a reference: `'It''s'`.
pub(super) fn quoted(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

pub(super) struct Mark {
    pub(super) worst: Severity,
    pub(super) lines: Vec<String>,
}

pub(super) fn anchor_of(
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
