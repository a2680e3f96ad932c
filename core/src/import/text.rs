//! Free-text cell parsers shared by the importers, the CLI and the diff: 公开时限, 公开依据,
//! cell normalisation and item-name normalisation.
//!
//! (Minimal versions; the importer work replaces them with the full parsers.)

use crate::model::{Citation, TimeLimit};

/// Parses a 公开时限 cell into a [`TimeLimit`], keeping the original in `text`. Anything not
/// understood becomes `kind: unparsed` (never dropped).
pub fn parse_time_limit(text: &str) -> TimeLimit<'static> {
    TimeLimit::unparsed(text.trim().to_owned())
}

/// Parses a 公开依据 cell into citations, keeping each original in `text`.
pub fn parse_citations(text: &str) -> Vec<Citation<'static>> {
    text.split(['、', '；', ';', '\n'])
        .map(|s| {
            s.trim()
                .trim_start_matches('《')
                .trim_end_matches('》')
                .trim()
        })
        .filter(|s| !s.is_empty())
        .map(|s| Citation::titled(s.to_owned()))
        .collect()
}

/// Normalises a cell for display and comparison: full-width ASCII folded, white space inside
/// Chinese text removed, runs of spaces collapsed, trimmed.
pub fn normalize_cell(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A key for matching item names across catalogues: white space and punctuation removed,
/// widths folded, traditional characters mapped to simplified where known.
pub fn normalize_name(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !c.is_ascii_punctuation())
        .collect()
}
