//! The report itself: what was left out of it to keep it bounded.

use crate::codes::Severity::Warning;

define_codes! {
    family: Report;
    TRUNCATED = "report.truncated" {
        severity: Warning,
        title: "问题过多，报告只列出一部分",
        source: "gongkai 报告上限（max_issues）",
        message_zh: "报告只列出前 {limit} 个问题，另有 {more} 个未列出（{codes_zh}）；请先修正已列出的问题后重新校验，或调高 max_issues",
        message_en: "The report lists the first {limit} issues; {more} more are not listed ({codes_en}). Fix the listed ones and validate again, or raise max_issues",
    }
}
