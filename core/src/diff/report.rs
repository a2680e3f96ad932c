//! What a diff or consistency check returns, and its options.

use super::normalize::MatchMethod;
use crate::issue::Issue;
use crate::report::{Counts, Lang, Severity, SourceMap};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Options of a diff or consistency check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct DiffOptions {
    /// Language of messages and match reasons (default Chinese).
    pub lang: Lang,
    /// The least severity reported (default `info`: everything). `valid` and the coverage
    /// figures do not depend on it.
    pub min_severity: Severity,
    /// The least name similarity (0–1) for two items to match (default 0.6).
    pub threshold: f64,
    /// Two candidates closer than this in score are ambiguous (default 0.05).
    pub margin: f64,
}

impl Default for DiffOptions {
    fn default() -> Self {
        DiffOptions {
            lang: Lang::Zh,
            min_severity: Severity::Info,
            threshold: 0.6,
            margin: 0.05,
        }
    }
}

impl DiffOptions {
    /// Sets the message language.
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }
    /// Sets the least severity reported.
    pub fn min_severity(mut self, s: Severity) -> Self {
        self.min_severity = s;
        self
    }
    /// Sets the match threshold (clamped to 0.05–1).
    pub fn threshold(mut self, t: f64) -> Self {
        self.threshold = t;
        self
    }
    /// Sets the ambiguity margin (clamped to 0–0.5).
    pub fn margin(mut self, m: f64) -> Self {
        self.margin = m;
        self
    }

    /// Checks the threshold (0–1) and the margin (0–0.5) a caller gave, naming the one out of
    /// range (the setters clamp silently).
    pub fn checked(self) -> Result<Self, crate::Error> {
        for (name, v, max) in [
            ("threshold", self.threshold, 1.0),
            ("margin", self.margin, 0.5),
        ] {
            if !(v.is_finite() && (0.0..=max).contains(&v)) {
                return Err(crate::args::invalid(
                    name,
                    &format!("0 到 {max} 之间的数"),
                    &v.to_string(),
                ));
            }
        }
        Ok(self)
    }

    pub(super) fn threshold_value(&self) -> f64 {
        if self.threshold.is_finite() {
            self.threshold.clamp(0.05, 1.0)
        } else {
            0.6
        }
    }

    pub(super) fn margin_value(&self) -> f64 {
        if self.margin.is_finite() {
            self.margin.clamp(0.0, 0.5)
        } else {
            0.05
        }
    }
}

/// Which check produced the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DiffMode {
    /// A local catalogue against the upper-level standard.
    Diff,
    /// Two linked catalogues (county and village, two departments) against each other.
    Consistency,
}

/// What a matched pair amounts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatchStatus {
    /// Diff: everything the reference asks for is kept.
    Kept,
    /// Diff: at least one element was weakened (an error finding).
    Weakened,
    /// Diff: nothing weakened, but a field was left empty or a time limit could not be compared.
    Unverified,
    /// Consistency: the two items agree on content and time limit.
    Consistent,
    /// Consistency: they differ.
    Inconsistent,
}

/// One catalogue of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CatalogueSummary {
    /// 目录名称.
    pub title: String,
    /// 编制单位.
    pub publisher: String,
    /// Number of items.
    pub items: usize,
}

/// Coverage figures. In consistency mode the first catalogue plays the reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Coverage {
    /// Items of the reference.
    pub reference_items: usize,
    /// Items of the local catalogue.
    pub local_items: usize,
    /// Reference items matched to a local item.
    pub matched: usize,
    /// Matched and fully kept (diff), or consistent (consistency).
    pub fully_kept: usize,
    /// Matched but weakened (diff), or inconsistent (consistency).
    pub weakened: usize,
    /// Matched, nothing weakened, but not everything could be compared (diff).
    pub unverified: usize,
    /// Reference items not found (diff; 0 in consistency mode).
    pub missing: usize,
    /// Reference items left unmatched because two candidates were equally close.
    pub ambiguous: usize,
    /// Local items with no counterpart in the reference (diff; 0 in consistency mode).
    pub local_additions: usize,
    /// `matched / reference_items` (4 decimals; 0 when the reference is empty).
    pub present_share: f64,
    /// `fully_kept / reference_items` (4 decimals).
    pub fully_kept_share: f64,
}

/// A reference item and the local item it was matched to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ItemMatch {
    /// JSON Pointer of the reference item.
    pub reference_path: String,
    /// JSON Pointer of the local item.
    pub local_path: String,
    /// `id` of the reference item.
    pub reference_id: String,
    /// `id` of the local item.
    pub local_id: String,
    /// Name of the reference item.
    pub reference_name: String,
    /// Name of the local item.
    pub local_name: String,
    /// Name similarity (0–1, 3 decimals).
    pub score: f64,
    /// How the names compare.
    pub method: MatchMethod,
    /// Why they match, in the report's language.
    pub reason: String,
    /// What the pair amounts to.
    pub status: MatchStatus,
}

/// One finding of a diff or consistency check: an [`Issue`] whose `path`, `item_id` and
/// `location` are the local side's (the reference side's when there is no local item), with both
/// sides in its [`crate::issue::PairRef`] (`reference_path`, `local_path`, … in JSON).
pub type DiffFinding = Issue;

/// The result of [`super::diff`] or [`super::consistency`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "对照检查报告",
    description = "gongkai 对照上级标准目录或衔接检查的报告"
)]
pub struct DiffReport {
    /// Which check.
    pub mode: DiffMode,
    /// True exactly when no finding has severity `error`.
    pub valid: bool,
    /// The reference (diff) or first (consistency) catalogue.
    pub reference: CatalogueSummary,
    /// The local (diff) or second (consistency) catalogue.
    pub local: CatalogueSummary,
    /// Coverage figures.
    pub coverage: Coverage,
    /// Finding counts by severity (of the findings reported).
    pub counts: Counts,
    /// The matched pairs, in reference order.
    pub matches: Vec<ItemMatch>,
    /// Every finding, in reference order, then local order.
    pub findings: Vec<DiffFinding>,
}

impl DiffReport {
    /// Serialises the report as compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Serialises the report as pretty JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Adds the table cells of the values, for catalogues imported from tables.
    pub fn with_locations(
        mut self,
        reference: Option<&SourceMap>,
        local: Option<&SourceMap>,
    ) -> Self {
        for f in &mut self.findings {
            let Some(pair) = f.pair.as_deref_mut() else {
                continue;
            };
            if let (Some(map), Some(p)) = (reference, pair.reference_path.as_deref()) {
                pair.reference_location = map.lookup(p);
            }
            if let (Some(map), Some(p)) = (local, pair.local_path.as_deref()) {
                pair.local_location = map.lookup(p);
            }
            f.location = if pair.local_path.is_some() {
                pair.local_location.clone()
            } else {
                pair.reference_location.clone()
            };
        }
        self
    }
}

/// The JSON Schema of [`DiffReport`] (draft 2020-12).
pub fn report_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(DiffReport)).unwrap_or_default()
}
