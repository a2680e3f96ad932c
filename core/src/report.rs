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
    pub fn from_issues(items: usize, issues: Vec<Issue>) -> Self {
        let issues = sorted(issues);
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

/// Issues in document order: by path ([`pointer_order`]), then severity (most severe first), then
/// code; stable. Two issues about different items compare by the items' indices alone, parsed
/// once per issue (the order `pointer_order` gives them), so that a report of thousands of
/// issues does not split and parse both pointers at every comparison.
///
/// The sort moves small keys (the item's index and the issue's position), not the issues: an
/// issue is a dozen words, and a report of thousands of issues spent most of its sort moving them.
fn sorted(issues: Vec<Issue>) -> Vec<Issue> {
    let mut keys: Vec<(Option<u64>, usize)> = issues
        .iter()
        .enumerate()
        .map(|(n, i)| (item_index(&i.path), n))
        .collect();
    keys.sort_by(|(ka, a), (kb, b)| match (ka, kb) {
        (Some(x), Some(y)) if x != y => x.cmp(y),
        _ => {
            let (a, b) = (&issues[*a], &issues[*b]);
            pointer_order(&a.path, &b.path)
                .then_with(|| b.severity.cmp(&a.severity))
                .then_with(|| a.code.cmp(&b.code))
        }
    });
    let mut slots: Vec<Option<Issue>> = issues.into_iter().map(Some).collect();
    keys.into_iter()
        .filter_map(|(_, n)| slots.get_mut(n).and_then(Option::take))
        .collect()
}

/// The index in `/items/{index}…` as [`pointer_order`] reads the segment (a number), or `None`.
fn item_index(path: &str) -> Option<u64> {
    let rest = path.strip_prefix("/items/")?;
    rest.split('/').next()?.parse().ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn issues_sort_in_document_order_whatever_the_item_keys() {
        let issue = |path: &str, code: crate::codes::Code| {
            crate::issue::Finding::new(code, path, None, &[]).render(Lang::Zh, None)
        };
        let paths = [
            "/items/10/name",
            "/items/2/basis/0/title",
            "",
            "/items/2",
            "/items/02/name",
            "/title",
            "/items/x",
            "/items/2/basis/10",
            "/items/2/basis/9",
        ];
        let issues: Vec<Issue> = paths
            .iter()
            .map(|p| issue(p, crate::codes::items::BLANK_TEXT))
            .collect();
        let report = Report::from_issues(3, issues.clone());
        let mut expected = issues;
        expected.sort_by(|a, b| pointer_order(&a.path, &b.path));
        let got: Vec<&str> = report.issues.iter().map(|i| i.path.as_str()).collect();
        let want: Vec<&str> = expected.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn pointers_sort_numerically() {
        let mut v = vec!["/items/10", "/items/2", "", "/title"];
        v.sort_by(|a, b| pointer_order(a, b));
        assert_eq!(v, vec!["", "/items/2", "/items/10", "/title"]);
    }
}
