//! The workbook.
use super::Evaluation;
use crate::error::Error;

/// The workbook.
pub fn to_xlsx(e: &Evaluation) -> Result<Vec<u8>, Error> {
    Ok(e.title.clone().into_bytes())
}
