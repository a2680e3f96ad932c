//! The 通报 as one self-contained HTML page.
use super::Evaluation;

/// The 通报.
pub fn to_html(e: &Evaluation) -> String {
    e.title.clone()
}
