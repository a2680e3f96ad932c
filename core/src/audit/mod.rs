//! Timeliness audit (按时公开审计, 按时公开率): was each item published within its 公开时限?
//!
//! # Input: publication records
//!
//! One record per publication (or per request answered), as CSV (header row) or JSON (an array
//! of objects, or `{"records": [...]}`), with these columns / keys:
//!
//! | column | required | meaning |
//! |---|---|---|
//! | `item_id` | yes | the `id` of the catalogue item |
//! | `formed_on` | yes (may be empty for a request, or for an `hours_before` item) | the day the time limit counts from for proactive disclosure: 信息形成或者变更之日 (for `from: decided` the day of the decision, for `from: event` the day of the event) |
//! | `published_on` | yes (empty or `null` when not yet published) | the day it was published (or the request answered) |
//! | `request_received` | no | 依申请: the day the request was received; when given, the deadline counts from it |
//! | `extended` | no | 条例 第三十三条 extension granted: `是`/`yes`/`true` (the maximum, 20 working days), `否`/`no`/`false`/empty (none), or a number of working days 1–20 |
//! | `event_at` | no | `hours_before` items: the date or date and time of the event (e.g. the water stoppage) |
//! | `note` | no | free text, passed through to the row |
//! | `url` | no | where the document is published (`http://` or `https://`); the 专题 site ([`crate::site`]) lists it under its item |
//! | `title` | no | the document's title, shown as the link's text |
//! | `kind` | no | `policy` (政策文件) or `interpretation` (解读), for the 解读同步率 ([`interpretations`]) |
//! | `interprets` | no | on an interpretation: the title or `url` of the document it explains |
//!
//! Dates are `YYYY-MM-DD` (also `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日`), optionally followed by a
//! time `HH:MM[:SS]` (used for `event_at` and, for `hours_before` items, `published_on`).
//! A CSV must be UTF-8 (a BOM is accepted); tab-separated files are recognised.
//!
//! # Output: an [`AuditReport`]
//!
//! - `rows`: one [`AuditRow`] per record, flat (ready for a DataFrame), with its [`Status`]:
//!   `on_time` (published on or before the deadline), `late` (published after it, by
//!   `late_by_days` calendar days and `late_by_working_days` working days), `overdue` (not
//!   published and `today` is after the deadline; the lateness is counted to `today`), `pending`
//!   (not published, deadline not passed as of `today`), `unpublished` (not published and no
//!   `today` given), `not_applicable` (no computable deadline: the reason code and message say
//!   why), `invalid` (a bad record: see `issues`).
//! - `summary`: counts per status and 按时公开率 (`on_time_rate` = on time / (on time + late +
//!   overdue); `None` when nothing was assessed) per item (every catalogue item, in order), per
//!   一级事项 (`category`) and overall.
//! - `issues`: bad records and bad files, each with a stable code (`records.*`, `record.*`: [`crate::codes::records`]), the record's 1-based
//!   data `row`, the CSV `line` where the record starts, the column, and a Chinese or English
//!   message. A bad record never stops the audit. When a deadline or a lateness rests on a year
//!   whose holiday notice is not loaded (a provisional year, see [`crate::calendar`]), the row
//!   says `provisional`, the report says `provisional` and `provisional_years`, and `issues`
//!   holds one `calendar.provisional` warning naming the years.
//!
//! `today` is always passed by the caller ([`AuditOptions::today`]); the system clock is never
//! read. How deadlines are computed is in [`crate::deadline`]: a record with `request_received`
//! counts from that day (the item must be 依申请), otherwise from `formed_on`, except
//! `hours_before` items, which count back from `event_at`. Publishing on the deadline day is on
//! time; for `hours_before` items the comparison is by the minute when both `published_on` and
//! `event_at` carry a time, by the day otherwise.

use crate::calendar::Calendar;
use crate::codes;
use crate::codes::Code;
use crate::deadline::{self, Reason, Start};
use crate::issue::Issue;
use crate::model::{Catalogue, Item, Method, TimeLimitKind};
use crate::report::{Lang, Severity};
use crate::{Error, excerpt};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

mod interpret;
mod records;
mod summary;

pub use interpret::{
    InterpretationRow, InterpretationTally, Interpretations, RecordKind, SyncStatus,
    interpretations,
};

use records::issue;
pub use records::{
    Record, Records, parse_extension, parse_record_datetime, read_records, read_records_csv,
    read_records_json,
};
use summary::summarise;
pub use summary::{CategoryTally, ItemTally, Summary, Tally};

/// The outcome of one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Published on or before the deadline.
    OnTime,
    /// Published after the deadline.
    Late,
    /// Not published, and `today` is after the deadline.
    Overdue,
    /// Not published, and the deadline has not passed as of `today`.
    Pending,
    /// Not published, and no `today` was given to tell.
    Unpublished,
    /// No computable deadline (the reason says why).
    NotApplicable,
    /// A bad record (see the issues).
    Invalid,
}

impl Status {
    /// Every status, in report order.
    pub const ALL: &'static [Status] = &[
        Status::OnTime,
        Status::Late,
        Status::Overdue,
        Status::Pending,
        Status::Unpublished,
        Status::NotApplicable,
        Status::Invalid,
    ];

    /// The stable code.
    pub const fn code(self) -> &'static str {
        match self {
            Status::OnTime => "on_time",
            Status::Late => "late",
            Status::Overdue => "overdue",
            Status::Pending => "pending",
            Status::Unpublished => "unpublished",
            Status::NotApplicable => "not_applicable",
            Status::Invalid => "invalid",
        }
    }

    /// The Chinese name.
    pub const fn zh(self) -> &'static str {
        match self {
            Status::OnTime => "按时公开",
            Status::Late => "逾期公开",
            Status::Overdue => "超期未公开",
            Status::Pending => "未到期",
            Status::Unpublished => "未公开（未给出今日日期）",
            Status::NotApplicable => "不适用",
            Status::Invalid => "无效记录",
        }
    }

    /// The English name.
    pub const fn en(self) -> &'static str {
        match self {
            Status::OnTime => "on time",
            Status::Late => "late",
            Status::Overdue => "overdue",
            Status::Pending => "not yet due",
            Status::Unpublished => "not published (no today given)",
            Status::NotApplicable => "not applicable",
            Status::Invalid => "invalid record",
        }
    }

    /// The name in `lang`.
    pub const fn name(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en(),
        }
    }
}

/// A bad file or a bad record: an [`Issue`] with the record's `row`, `line` and `column`
/// ([`crate::issue::RecordRef`]).
pub type AuditIssue = Issue;

/// Options of an audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct AuditOptions {
    /// Today, to tell overdue from pending. Never read from the system clock: without it,
    /// unpublished records are `unpublished`.
    pub today: Option<NaiveDate>,
    /// Language of messages (default Chinese).
    pub lang: Lang,
}

impl AuditOptions {
    /// Sets today.
    pub fn today(mut self, today: NaiveDate) -> Self {
        self.today = Some(today);
        self
    }

    /// Sets the message language.
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }
}

/// The outcome of one record (flat: one DataFrame row).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AuditRow {
    /// 1-based data row.
    pub row: usize,
    /// CSV line where the record starts (`None` for JSON).
    pub line: Option<u64>,
    /// `item_id` as written.
    pub item_id: String,
    /// The item's 二级事项 name, when the id is in the catalogue.
    pub item_name: Option<String>,
    /// The item's 一级事项.
    pub category: Option<String>,
    /// The kind of the item's time limit.
    pub time_limit: Option<TimeLimitKind>,
    /// Which record date the deadline counts from: `formed_on`, `request_received` or
    /// `event_at`.
    pub counted_from: Option<String>,
    /// `formed_on`.
    pub formed_on: Option<NaiveDate>,
    /// `request_received`.
    pub request_received: Option<NaiveDate>,
    /// `event_at`.
    pub event_at: Option<NaiveDateTime>,
    /// `published_on` (the day).
    pub published_on: Option<NaiveDate>,
    /// Extension applied (条例 第三十三条), in working days.
    pub extension_days: u32,
    /// The last day to publish.
    pub deadline: Option<NaiveDate>,
    /// `hours_before`: the exact latest moment.
    pub deadline_at: Option<NaiveDateTime>,
    /// The outcome.
    pub status: Status,
    /// Late or overdue (as of today): calendar days after the deadline.
    pub late_by_days: Option<i64>,
    /// Late or overdue (as of today): working days after the deadline (`None` when the
    /// calendar does not cover the days to count).
    pub late_by_working_days: Option<i64>,
    /// Late against an exact moment (`hours_before`, with the publication time given): the
    /// minutes after `deadline_at`, so that a record 1.5 hours late does not read “0 days”.
    #[serde(default)]
    pub late_by_minutes: Option<i64>,
    /// `not_applicable`: the reason code; `invalid`: the first issue's code.
    pub reason: Option<String>,
    /// The message of `reason`.
    pub message: Option<String>,
    /// `note`, passed through.
    pub note: Option<String>,
    /// Whether the deadline or the lateness rests on a provisional year (no holiday notice
    /// loaded; counted with the statutory holidays only). The report's `calendar.provisional`
    /// warning names the years.
    #[serde(default)]
    pub provisional: bool,
}

/// The result of an audit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AuditReport {
    /// The `today` the audit was run with.
    pub today: Option<NaiveDate>,
    /// One row per record, in file order.
    pub rows: Vec<AuditRow>,
    /// Counts and 按时公开率.
    pub summary: Summary,
    /// Bad file and bad records, and the `calendar.provisional` warning when a deadline rests
    /// on a year whose holiday notice is not loaded.
    pub issues: Vec<AuditIssue>,
    /// Whether any row rests on a provisional year (see [`AuditRow::provisional`]).
    #[serde(default)]
    pub provisional: bool,
    /// The provisional years the rows rest on, sorted.
    #[serde(default)]
    pub provisional_years: Vec<i32>,
}

impl AuditReport {
    /// Whether any record is late or overdue.
    pub fn has_late_or_overdue(&self) -> bool {
        self.summary.overall.late + self.summary.overall.overdue > 0
    }

    /// Whether any issue has severity `error` (bad file or bad record).
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }

    /// Pretty JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Reads publication records and audits them: [`read_records`] then [`audit`].
pub fn audit_bytes(
    cat: &Catalogue<'_>,
    records: &[u8],
    name: Option<&str>,
    cal: &Calendar,
    options: &AuditOptions,
) -> Result<AuditReport, Error> {
    let records = read_records(records, name)?;
    Ok(audit(cat, &records, cal, options))
}

/// Audits records against a catalogue with a calendar.
pub fn audit(
    cat: &Catalogue<'_>,
    records: &Records,
    cal: &Calendar,
    options: &AuditOptions,
) -> AuditReport {
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, it) in cat.items.iter().enumerate() {
        index.entry(it.id.as_str()).or_insert(i);
    }
    let mut issues = records.issues.clone();
    let read_errors: std::collections::HashSet<usize> = records
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .filter_map(record_row)
        .collect();
    let mut rows = Vec::with_capacity(records.records.len());
    let mut item_of_row: Vec<Option<usize>> = Vec::with_capacity(records.records.len());
    let mut provisional_years: Vec<i32> = Vec::new();
    for rec in &records.records {
        let mut found = Vec::new();
        let (row, item) = audit_one(
            rec,
            cat,
            &index,
            cal,
            options,
            read_errors.contains(&rec.row),
            &mut found,
            &mut provisional_years,
        );
        issues.extend(found);
        rows.push(row);
        item_of_row.push(item);
    }
    provisional_years.sort_unstable();
    provisional_years.dedup();
    if !provisional_years.is_empty() {
        issues.push(issue(
            codes::calendar::PROVISIONAL,
            None,
            None,
            None,
            None,
            &crate::calendar::years_params(&provisional_years),
        ));
    }
    for i in &mut issues {
        i.rerender(options.lang);
    }
    // Messages of invalid rows follow the issue in the chosen language.
    for row in &mut rows {
        if row.status == Status::Invalid {
            if let Some(i) = issues
                .iter()
                .find(|i| record_row(i) == Some(row.row) && i.severity == Severity::Error)
            {
                row.reason = Some(i.code.to_string());
                row.message = Some(i.message.clone());
            }
        }
    }
    let summary = summarise(cat, &rows, &item_of_row);
    AuditReport {
        today: options.today,
        rows,
        summary,
        issues,
        provisional: !provisional_years.is_empty(),
        provisional_years,
    }
}

/// The 1-based data row of an audit issue's record.
fn record_row(i: &AuditIssue) -> Option<usize> {
    i.record.as_ref().and_then(|r| r.row)
}

/// A parsed record date field.
struct Field {
    date: Option<NaiveDate>,
    time: Option<NaiveTime>,
}

#[allow(clippy::too_many_lines, clippy::too_many_arguments)]
fn audit_one(
    rec: &Record,
    cat: &Catalogue<'_>,
    index: &HashMap<&str, usize>,
    cal: &Calendar,
    options: &AuditOptions,
    read_error: bool,
    found: &mut Vec<AuditIssue>,
    provisional_years: &mut Vec<i32>,
) -> (AuditRow, Option<usize>) {
    let row_no = rec.row;
    let item_id = rec.item_id.clone().unwrap_or_default();
    let id_ref = (!item_id.is_empty()).then_some(item_id.as_str());
    let mut errors = 0usize;
    let mut push = |found: &mut Vec<AuditIssue>,
                    code: Code,
                    column: Option<&str>,
                    params: &[(&str, String)]| {
        let i = issue(code, Some(row_no), rec.line, column, id_ref, params);
        if i.severity == Severity::Error {
            errors += 1;
        }
        found.push(i);
    };

    // The item.
    let item_idx = if item_id.is_empty() {
        if !read_error {
            push(found, codes::records::MISSING_VALUE, Some("item_id"), &[]);
        }
        None
    } else {
        let i = index.get(item_id.as_str()).copied();
        if i.is_none() {
            push(found, codes::records::UNKNOWN_ITEM, Some("item_id"), &[]);
        }
        i
    };
    let item: Option<&Item<'_>> = item_idx.and_then(|i| cat.items.get(i));

    // The dates.
    let mut field = |found: &mut Vec<AuditIssue>, column: &str, v: &Option<String>| -> Field {
        match v {
            None => Field {
                date: None,
                time: None,
            },
            Some(s) => match parse_record_datetime(s) {
                Some((date, time)) => Field {
                    date: Some(date),
                    time,
                },
                None => {
                    push(
                        found,
                        codes::records::BAD_DATE,
                        Some(column),
                        &[("value", excerpt(s, 40))],
                    );
                    Field {
                        date: None,
                        time: None,
                    }
                }
            },
        }
    };
    let formed = field(found, "formed_on", &rec.formed_on);
    let published = field(found, "published_on", &rec.published_on);
    let received = field(found, "request_received", &rec.request_received);
    let event = field(found, "event_at", &rec.event_at);
    let ext = match &rec.extended {
        None => 0,
        Some(s) => parse_extension(s).unwrap_or_else(|| {
            push(
                found,
                codes::records::BAD_EXTENSION,
                Some("extended"),
                &[("value", excerpt(s, 40))],
            );
            0
        }),
    };

    let mut row = AuditRow {
        row: row_no,
        line: rec.line,
        item_id: item_id.clone(),
        item_name: item.map(|i| i.name.to_string()),
        category: item.map(|i| i.category.to_string()),
        time_limit: item.map(|i| i.time_limit.kind),
        counted_from: None,
        formed_on: formed.date,
        request_received: received.date,
        event_at: event
            .date
            .map(|d| d.and_time(event.time.unwrap_or(NaiveTime::MIN))),
        published_on: published.date,
        extension_days: 0,
        deadline: None,
        deadline_at: None,
        status: Status::Invalid,
        late_by_days: None,
        late_by_minutes: None,
        late_by_working_days: None,
        reason: None,
        message: None,
        note: rec.note.clone(),
        provisional: false,
    };

    // Order and future dates.
    let fmt = |d: NaiveDate| d.to_string();
    for (later, later_col, earlier, earlier_col) in [
        (published.date, "published_on", formed.date, "formed_on"),
        (
            published.date,
            "published_on",
            received.date,
            "request_received",
        ),
    ] {
        if let (Some(l), Some(e)) = (later, earlier) {
            if l < e {
                push(
                    found,
                    codes::records::DATE_ORDER,
                    Some(later_col),
                    &[
                        ("value", fmt(l)),
                        ("other_column", earlier_col.to_owned()),
                        ("other", fmt(e)),
                    ],
                );
            }
        }
    }
    if let Some(today) = options.today {
        for (d, col) in [
            (formed.date, "formed_on"),
            (received.date, "request_received"),
            (published.date, "published_on"),
        ] {
            if let Some(d) = d.filter(|d| *d > today) {
                push(
                    found,
                    codes::records::FUTURE_DATE,
                    Some(col),
                    &[("value", fmt(d)), ("today", fmt(today))],
                );
            }
        }
    }

    let Some(item) = item else {
        return (row, item_idx);
    };
    let limit = &item.time_limit;
    let is_request = received.date.is_some();
    if is_request && !item.method.contains(&Method::OnRequest) {
        push(
            found,
            codes::records::NOT_ON_REQUEST,
            Some("request_received"),
            &[
                ("value", received.date.map(fmt).unwrap_or_default()),
                ("item", excerpt(&item.name, 40)),
            ],
        );
    }
    if !is_request && rec.request_received.is_none() && item.is_on_request_only() {
        push(
            found,
            codes::records::MISSING_REQUEST,
            Some("request_received"),
            &[("item", excerpt(&item.name, 40))],
        );
    }
    let hours_before = limit.kind == TimeLimitKind::HoursBefore;
    if !is_request && !hours_before && rec.formed_on.is_none() && !item.is_on_request_only() {
        push(found, codes::records::MISSING_VALUE, Some("formed_on"), &[]);
    }
    let ext = if ext > 0 && !(is_request && limit.kind == TimeLimitKind::WorkingDays) {
        push(
            found,
            codes::records::EXTENSION_IGNORED,
            Some("extended"),
            &[],
        );
        0
    } else {
        ext
    };
    if errors > 0 || read_error {
        return (row, item_idx);
    }

    // The deadline.
    let (start, counted_from) = if is_request {
        (received.date.map(Start::on), "request_received")
    } else if hours_before {
        (
            event.date.map(|d| match event.time {
                Some(t) => Start::at(d.and_time(t)),
                None => Start::on(d),
            }),
            "event_at",
        )
    } else {
        (formed.date.map(Start::on), "formed_on")
    };
    row.counted_from = Some(counted_from.to_owned());
    let lang = options.lang;
    let not_applicable = |mut row: AuditRow, reason: Reason| {
        row.status = Status::NotApplicable;
        row.message = Some(reason.message(lang).to_owned());
        row.reason = Some(reason.code.to_string());
        row
    };
    let Some(start) = start else {
        // Only hours_before without event_at reaches this (other anchors were checked).
        let reason = Reason::new(
            codes::deadline::NO_EVENT,
            &[("hours", limit.hours.unwrap_or(0).to_string())],
        );
        return (not_applicable(row, reason), item_idx);
    };
    let dl = match deadline::deadline_with(cal, limit, &start.extended(ext)) {
        Ok(dl) => dl,
        Err(e) => {
            let reason = Reason::new(
                codes::deadline::CALENDAR,
                &[("error", e.to_string()), ("error_en", e.message(Lang::En))],
            );
            return (not_applicable(row, reason), item_idx);
        }
    };
    row.provisional = dl.provisional;
    provisional_years.extend_from_slice(&dl.provisional_years);
    row.extension_days = dl.extension_days;
    row.deadline = dl.date;
    row.deadline_at = dl.datetime;
    let Some(due) = dl.date else {
        let reason = dl
            .reason
            .unwrap_or_else(|| Reason::new(codes::deadline::INCOMPLETE, &[]));
        return (not_applicable(row, reason), item_idx);
    };
    let mut lateness = |row: &mut AuditRow, until: NaiveDate| {
        row.late_by_days = Some((until - due).num_days());
        row.late_by_working_days = cal.working_days_between(due, until).ok();
        if row.late_by_working_days.is_some() {
            let years = cal.provisional_years_between(due, until);
            row.provisional |= !years.is_empty();
            provisional_years.extend_from_slice(&years);
        }
    };
    match published.date {
        Some(p) => {
            let on_time = match (dl.datetime, published.time, event.time) {
                (Some(at), Some(pt), Some(_)) => p.and_time(pt) <= at,
                _ => p <= due,
            };
            if on_time {
                row.status = Status::OnTime;
            } else {
                row.status = Status::Late;
                lateness(&mut row, p);
                if let (Some(at), Some(pt), Some(_)) = (dl.datetime, published.time, event.time) {
                    row.late_by_minutes = Some((p.and_time(pt) - at).num_minutes());
                }
            }
        }
        None => match options.today {
            Some(today) if today > due => {
                row.status = Status::Overdue;
                lateness(&mut row, today);
            }
            Some(_) => row.status = Status::Pending,
            None => row.status = Status::Unpublished,
        },
    }
    (row, item_idx)
}
