//! The validation report, and the source map that gives every value of an imported catalogue
//! its cell. The issue type itself is in [`crate::issue`].

pub use crate::issue::{Counts, Issue, Lang, Location, Severity};
pub use crate::json::pointer_order;
pub(crate) use crate::location::CellRef;
pub use crate::location::SourceMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The result of validating one catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "校验报告", description = "gongkai 校验报告")]
pub struct Report {
    /// True exactly when no issue has severity `error`.
    pub valid: bool,
    /// Number of items in the catalogue (0 when the items could not be read).
    pub items: usize,
    /// Issue counts by severity (of the issues reported).
    pub counts: Counts,
    /// Every issue found, in document order.
    pub issues: Vec<Issue>,
}

impl Report {
    /// Builds a report from issues (sorted by path, then code; stable).
    pub fn from_issues(items: usize, mut issues: Vec<Issue>) -> Self {
        issues.sort_by(|a, b| {
            pointer_order(&a.path, &b.path)
                .then_with(|| b.severity.cmp(&a.severity))
                .then_with(|| a.code.cmp(&b.code))
        });
        let counts = Counts::of(issues.iter().map(|i| i.severity));
        Report {
            valid: counts.error == 0,
            items,
            counts,
            issues,
        }
    }

    /// Serialises the report as compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Serialises the report as pretty JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn pointers_sort_numerically() {
        let mut v = vec!["/items/10", "/items/2", "", "/title"];
        v.sort_by(|a, b| pointer_order(a, b));
        assert_eq!(v, vec!["", "/items/2", "/items/10", "/title"]);
    }
}
