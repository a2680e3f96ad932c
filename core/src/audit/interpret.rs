//! 解读同步率: is each policy document published together with its interpretation?
//!
//! Records may say what they publish with the optional `kind` column (`policy`/政策文件 for a
//! policy document, `interpretation`/解读 for the interpretation that explains one; empty for any
//! other publication) and, on an interpretation, `interprets`: the title (with or without 《》)
//! or the `url` of the document it explains. A published document counts as **in step** when an
//! interpretation of it was published on the same day or before; **late** when the first one came
//! later; **missing** when there is none. `sync_rate` = in step / documents. Documents not yet
//! published are not counted (the timeliness audit covers them).

use super::{AuditIssue, Records, parse_record_datetime, records::issue};
use crate::codes;
use crate::excerpt;
use crate::report::Lang;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What a record publishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// 政策文件: a policy document that needs an interpretation.
    Policy,
    /// 解读: the interpretation of a policy document.
    Interpretation,
}

impl RecordKind {
    /// Reads a `kind` cell: `Ok(None)` for an ordinary publication (empty, 其他, 信息 …),
    /// `Err(())` when the word is not understood.
    #[allow(clippy::result_unit_err)]
    pub fn parse(s: &str) -> Result<Option<RecordKind>, ()> {
        let t = s.trim().to_lowercase();
        match t.as_str() {
            "policy" | "document" | "policy_document" | "政策文件" | "文件" | "政策"
            | "规范性文件" => Ok(Some(RecordKind::Policy)),
            "interpretation" | "解读" | "政策解读" | "解读材料" => {
                Ok(Some(RecordKind::Interpretation))
            }
            "" | "other" | "info" | "其他" | "信息" | "普通" => Ok(None),
            _ => Err(()),
        }
    }
}

/// Whether a document's interpretation came in step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SyncStatus {
    /// Published on the document's day or before.
    InStep,
    /// Published after the document.
    Late,
    /// No published interpretation.
    Missing,
}

/// One published policy document and its interpretation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct InterpretationRow {
    /// The document's 1-based record row.
    pub row: usize,
    /// Its item.
    pub item_id: String,
    /// Its title (or url, when it has no title).
    pub title: String,
    /// When it was published.
    pub published_on: NaiveDate,
    /// The first interpretation's record row.
    pub interpretation_row: Option<usize>,
    /// When that interpretation was published.
    pub interpreted_on: Option<NaiveDate>,
    /// In step, late or missing.
    pub status: SyncStatus,
}

/// The counts of the 解读同步率.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct InterpretationTally {
    /// Published policy documents.
    pub documents: usize,
    /// Documents whose interpretation came in step.
    pub in_step: usize,
    /// Documents whose interpretation came later.
    pub late: usize,
    /// Documents without an interpretation.
    pub missing: usize,
    /// 解读同步率: in step / documents; `None` without documents.
    pub sync_rate: Option<f64>,
}

impl InterpretationTally {
    /// Adds the counts of `other`.
    pub fn merge(&mut self, other: &InterpretationTally) {
        self.documents += other.documents;
        self.in_step += other.in_step;
        self.late += other.late;
        self.missing += other.missing;
        self.sync_rate = (self.documents > 0).then(|| self.in_step as f64 / self.documents as f64);
    }
}

/// The result of [`interpretations`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Interpretations {
    /// One row per published policy document, in file order.
    pub rows: Vec<InterpretationRow>,
    /// The counts.
    pub tally: InterpretationTally,
    /// Late and missing interpretations (`record.interpretation_*`, at the document's record),
    /// and records whose `kind` or `interprets` cannot be used.
    pub issues: Vec<AuditIssue>,
}

/// The key a title or url is matched by: trimmed, without 《》 and spaces.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '《' | '》' | '〈' | '〉'))
        .collect()
}

/// Pairs policy documents with their interpretations (see the module's documentation).
pub fn interpretations(records: &Records, lang: Lang) -> Interpretations {
    let mut out = Interpretations::default();
    let published =
        |s: &Option<String>| s.as_deref().and_then(parse_record_datetime).map(|(d, _)| d);
    // Documents by title and url key.
    let mut documents: Vec<(usize, NaiveDate)> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut interp: Vec<(usize, String, Option<NaiveDate>)> = Vec::new();
    for (k, rec) in records.records.iter().enumerate() {
        let kind = match rec.kind.as_deref().map(RecordKind::parse) {
            None => None,
            Some(Ok(kind)) => kind,
            Some(Err(())) => {
                out.issues.push(issue(
                    codes::records::BAD_KIND,
                    Some(rec.row),
                    rec.line,
                    Some("kind"),
                    rec.item_id.as_deref(),
                    &[("value", excerpt(rec.kind.as_deref().unwrap_or(""), 40))],
                ));
                None
            }
        };
        match kind {
            Some(RecordKind::Policy) => {
                if let Some(d) = published(&rec.published_on) {
                    let at = documents.len();
                    documents.push((k, d));
                    for name in [&rec.title, &rec.url].into_iter().flatten() {
                        by_key.entry(key(name)).or_insert(at);
                    }
                }
            }
            Some(RecordKind::Interpretation) => match &rec.interprets {
                Some(target) => interp.push((k, target.clone(), published(&rec.published_on))),
                None => out.issues.push(issue(
                    codes::records::MISSING_INTERPRETS,
                    Some(rec.row),
                    rec.line,
                    Some("interprets"),
                    rec.item_id.as_deref(),
                    &[],
                )),
            },
            None => {}
        }
    }
    // The first published interpretation of each document.
    let mut first: Vec<Option<(usize, NaiveDate)>> = vec![None; documents.len()];
    for (k, target, date) in interp {
        let rec = &records.records[k];
        let Some(&doc) = by_key.get(&key(&target)) else {
            out.issues.push(issue(
                codes::records::UNKNOWN_DOCUMENT,
                Some(rec.row),
                rec.line,
                Some("interprets"),
                rec.item_id.as_deref(),
                &[("value", excerpt(&target, 60))],
            ));
            continue;
        };
        if let (Some(d), Some(slot)) = (date, first.get_mut(doc)) {
            if slot.is_none_or(|(_, e)| d < e) {
                *slot = Some((rec.row, d));
            }
        }
    }
    for ((k, published_on), first) in documents.into_iter().zip(first) {
        let rec = &records.records[k];
        let title = rec
            .title
            .clone()
            .or_else(|| rec.url.clone())
            .unwrap_or_default();
        let status = match first {
            Some((_, d)) if d <= published_on => SyncStatus::InStep,
            Some(_) => SyncStatus::Late,
            None => SyncStatus::Missing,
        };
        let mut params = vec![
            ("title", excerpt(&title, 60)),
            ("published_on", published_on.to_string()),
        ];
        if let Some((row, d)) = first {
            params.push(("interpretation_row", row.to_string()));
            // Named like the record itself: by its line in a CSV file, else by its number.
            let line = records
                .records
                .iter()
                .find(|r| r.row == row)
                .and_then(|r| r.line);
            let (zh, en) = match line {
                Some(l) => (
                    format!("第 {l} 行的记录"),
                    format!("the record on line {l}"),
                ),
                None => (format!("第 {row} 条记录"), format!("record {row}")),
            };
            params.push(("interpretation", zh));
            params.push(("interpretation_en", en));
            params.push(("interpreted_on", d.to_string()));
        }
        let code = match status {
            SyncStatus::InStep => None,
            SyncStatus::Late => Some(codes::records::INTERPRETATION_LATE),
            SyncStatus::Missing => Some(codes::records::INTERPRETATION_MISSING),
        };
        if let Some(code) = code {
            out.issues.push(issue(
                code,
                Some(rec.row),
                rec.line,
                Some("published_on"),
                rec.item_id.as_deref(),
                &params,
            ));
        }
        out.tally.documents += 1;
        match status {
            SyncStatus::InStep => out.tally.in_step += 1,
            SyncStatus::Late => out.tally.late += 1,
            SyncStatus::Missing => out.tally.missing += 1,
        }
        out.rows.push(InterpretationRow {
            row: rec.row,
            item_id: rec.item_id.clone().unwrap_or_default(),
            title,
            published_on,
            interpretation_row: first.map(|(r, _)| r),
            interpreted_on: first.map(|(_, d)| d),
            status,
        });
    }
    out.tally.merge(&InterpretationTally::default());
    for i in &mut out.issues {
        i.rerender(lang);
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::audit::read_records_csv;

    #[test]
    fn documents_pair_with_their_interpretations() {
        let csv = "item_id,formed_on,published_on,kind,title,interprets,url\n\
            1,2024-03-01,2024-03-05,政策文件,《甲办法》,,https://a.example/1\n\
            1,2024-03-01,2024-03-05,解读,甲办法解读,甲办法,\n\
            1,2024-04-01,2024-04-02,policy,乙规定,,https://a.example/2\n\
            1,2024-04-01,2024-04-09,interpretation,乙规定解读,https://a.example/2,\n\
            1,2024-05-01,2024-05-06,政策文件,丙通知,,\n\
            1,2024-05-01,2024-05-06,解读,,丁通知,\n\
            1,2024-05-01,2024-05-06,图解,,,\n\
            1,2024-05-01,2024-05-06,解读,,,\n\
            1,2024-06-01,,政策文件,未发布的文件,,\n";
        let records = read_records_csv(csv.as_bytes()).unwrap();
        assert!(records.issues.is_empty(), "{:?}", records.issues);
        let r = interpretations(&records, Lang::Zh);
        let statuses: Vec<SyncStatus> = r.rows.iter().map(|r| r.status).collect();
        assert_eq!(
            statuses,
            [SyncStatus::InStep, SyncStatus::Late, SyncStatus::Missing]
        );
        assert_eq!(r.tally.documents, 3);
        assert_eq!(r.tally.sync_rate, Some(1.0 / 3.0));
        let codes: Vec<(&str, Option<usize>)> = r
            .issues
            .iter()
            .map(|i| (i.code.as_str(), i.row()))
            .collect();
        assert_eq!(
            codes,
            [
                ("record.bad_kind", Some(7)),
                ("record.missing_interprets", Some(8)),
                ("record.unknown_document", Some(6)),
                ("record.interpretation_late", Some(3)),
                ("record.interpretation_missing", Some(5)),
            ]
        );
        assert!(
            r.issues[3].message.contains("2024-04-09"),
            "{}",
            r.issues[3].message
        );
    }
}
