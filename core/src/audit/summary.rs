//! The tallies of an audit: counts per status and 按时公开率 per item, per 一级事项 and overall.

use super::{AuditRow, Status};
use crate::model::Catalogue;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Counts per status and 按时公开率.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Tally {
    /// Records.
    pub records: usize,
    /// On time.
    pub on_time: usize,
    /// Late.
    pub late: usize,
    /// Overdue.
    pub overdue: usize,
    /// Pending.
    pub pending: usize,
    /// Unpublished (no today).
    pub unpublished: usize,
    /// Not applicable.
    pub not_applicable: usize,
    /// Invalid.
    pub invalid: usize,
    /// On time + late + overdue: the records the rate is about.
    pub assessed: usize,
    /// 按时公开率: on time / assessed; `None` when nothing was assessed.
    pub on_time_rate: Option<f64>,
}

impl Tally {
    fn add(&mut self, s: Status) {
        self.records += 1;
        match s {
            Status::OnTime => self.on_time += 1,
            Status::Late => self.late += 1,
            Status::Overdue => self.overdue += 1,
            Status::Pending => self.pending += 1,
            Status::Unpublished => self.unpublished += 1,
            Status::NotApplicable => self.not_applicable += 1,
            Status::Invalid => self.invalid += 1,
        }
        self.assessed = self.on_time + self.late + self.overdue;
        self.on_time_rate = (self.assessed > 0).then(|| self.on_time as f64 / self.assessed as f64);
    }

    /// Adds the counts of `other`.
    pub fn merge(&mut self, other: &Tally) {
        self.records += other.records;
        self.on_time += other.on_time;
        self.late += other.late;
        self.overdue += other.overdue;
        self.pending += other.pending;
        self.unpublished += other.unpublished;
        self.not_applicable += other.not_applicable;
        self.invalid += other.invalid;
        self.assessed = self.on_time + self.late + self.overdue;
        self.on_time_rate = (self.assessed > 0).then(|| self.on_time as f64 / self.assessed as f64);
    }

    /// The count of one status.
    pub fn count(&self, s: Status) -> usize {
        match s {
            Status::OnTime => self.on_time,
            Status::Late => self.late,
            Status::Overdue => self.overdue,
            Status::Pending => self.pending,
            Status::Unpublished => self.unpublished,
            Status::NotApplicable => self.not_applicable,
            Status::Invalid => self.invalid,
        }
    }
}

/// The summary of one item.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ItemTally {
    /// The item's id.
    pub item_id: String,
    /// 二级事项.
    pub name: String,
    /// 一级事项.
    pub category: String,
    /// The counts.
    #[serde(flatten)]
    pub tally: Tally,
}

/// The summary of one 一级事项.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CategoryTally {
    /// 一级事项.
    pub category: String,
    /// The counts.
    #[serde(flatten)]
    pub tally: Tally,
}

/// Summaries: overall, per 一级事项 and per item.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Summary {
    /// Every record.
    pub overall: Tally,
    /// Per 一级事项, in catalogue order.
    pub by_category: Vec<CategoryTally>,
    /// Per catalogue item (every item, also those without records), in catalogue order.
    pub by_item: Vec<ItemTally>,
}

pub(super) fn summarise(
    cat: &Catalogue<'_>,
    rows: &[AuditRow],
    item_of_row: &[Option<usize>],
) -> Summary {
    let mut overall = Tally::default();
    let mut per_item = vec![Tally::default(); cat.items.len()];
    for (row, item) in rows.iter().zip(item_of_row) {
        overall.add(row.status);
        if let Some(t) = item.and_then(|i| per_item.get_mut(i)) {
            t.add(row.status);
        }
    }
    let mut by_category: Vec<CategoryTally> = Vec::new();
    for (it, t) in cat.items.iter().zip(&per_item) {
        let pos = match by_category.iter().position(|c| c.category == *it.category) {
            Some(p) => p,
            None => {
                by_category.push(CategoryTally {
                    category: it.category.to_string(),
                    tally: Tally::default(),
                });
                by_category.len() - 1
            }
        };
        if let Some(c) = by_category.get_mut(pos) {
            c.tally.merge(t);
        }
    }
    let by_item = cat
        .items
        .iter()
        .zip(per_item)
        .map(|(it, tally)| ItemTally {
            item_id: it.id.to_string(),
            name: it.name.to_string(),
            category: it.category.to_string(),
            tally,
        })
        .collect();
    Summary {
        overall,
        by_category,
        by_item,
    }
}
