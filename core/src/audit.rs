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
//! - `issues`: bad records and bad files, each with a stable code ([`DEFS`]), the record's 1-based
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
use crate::deadline::{self, MAX_EXTENSION_WORKING_DAYS, Reason, Start};
use crate::issue::{Finding, Issue, Location, RecordRef};
use crate::model::{Catalogue, Item, Method, TimeLimitKind};
use crate::report::{Lang, Severity};
use crate::{Error, excerpt};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

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

/// One publication record as read: raw text, so that a bad value becomes an issue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// 1-based data row (the header is not counted; in JSON, the position in the array).
    pub row: usize,
    /// The CSV line where the record starts (1 is the header); `None` for JSON.
    pub line: Option<u64>,
    /// `item_id`.
    pub item_id: Option<String>,
    /// `formed_on`.
    pub formed_on: Option<String>,
    /// `published_on` (`None` when not yet published).
    pub published_on: Option<String>,
    /// `request_received`.
    pub request_received: Option<String>,
    /// `extended`.
    pub extended: Option<String>,
    /// `event_at`.
    pub event_at: Option<String>,
    /// `note`.
    pub note: Option<String>,
    /// `url`: where the document is published (not used by the audit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `title`: the document's title (not used by the audit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// Records read from a file, with the problems found while reading (missing columns, records
/// that are not objects…).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Records {
    /// The records, in file order.
    pub records: Vec<Record>,
    /// Problems of the file or of single records found while reading.
    pub issues: Vec<AuditIssue>,
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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

/// Reads records from CSV or JSON: by the name's extension (`.json`; `.csv`, `.tsv`, `.txt`),
/// else by the content (JSON when it starts with `[` or `{`).
pub fn read_records(bytes: &[u8], name: Option<&str>) -> Result<Records, Error> {
    let lower = name.map(str::to_ascii_lowercase).unwrap_or_default();
    let is_json = if lower.ends_with(".json") {
        true
    } else if lower.ends_with(".csv") || lower.ends_with(".tsv") || lower.ends_with(".txt") {
        false
    } else {
        matches!(
            crate::json::strip_bom(bytes)
                .iter()
                .find(|c| !c.is_ascii_whitespace()),
            Some(b'[' | b'{')
        )
    };
    if is_json {
        read_records_json(bytes)
    } else {
        read_records_csv(bytes)
    }
}

const REQUIRED: [&str; 3] = ["item_id", "formed_on", "published_on"];
const OPTIONAL: [&str; 6] = [
    "request_received",
    "extended",
    "event_at",
    "note",
    "url",
    "title",
];

fn set_field(r: &mut Record, key: &str, v: Option<String>) {
    let v = v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    match key {
        "item_id" => r.item_id = v,
        "formed_on" => r.formed_on = v,
        "published_on" => r.published_on = v,
        "request_received" => r.request_received = v,
        "extended" => r.extended = v,
        "event_at" => r.event_at = v,
        "note" => r.note = v,
        "url" => r.url = v,
        "title" => r.title = v,
        _ => {}
    }
}

/// Reads CSV records (UTF-8, BOM accepted; comma- or tab-separated; header row).
pub fn read_records_csv(bytes: &[u8]) -> Result<Records, Error> {
    let bytes = crate::json::strip_bom(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| Error::Import {
        format: "CSV".into(),
        message: format!(
            "记录表不是 UTF-8 编码（第 {} 字节起）：请另存为 UTF-8",
            e.valid_up_to() + 1
        ),
        location: None,
    })?;
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.contains('\t') && !first_line.contains(',') {
        b'\t'
    } else {
        b','
    };
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let csv_error = |e: csv::Error| {
        let line = e.position().map_or(0, csv::Position::line);
        Error::Import {
            format: "CSV".into(),
            message: format!("第 {line} 行：{e}"),
            location: None,
        }
    };
    let headers = rdr.headers().map_err(csv_error)?.clone();
    let mut out = Records::default();
    let mut columns: Vec<(usize, &'static str)> = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let key = h.trim().to_ascii_lowercase();
        match REQUIRED.iter().chain(OPTIONAL.iter()).find(|k| **k == key) {
            Some(k) if !columns.iter().any(|(_, c)| c == k) => columns.push((i, k)),
            Some(_) => {}
            None if key.is_empty() => {}
            None => out.issues.push(issue(
                codes::records::UNKNOWN_COLUMN,
                None,
                Some(1),
                Some(h.trim()),
                None,
                &[],
            )),
        }
    }
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|k| !columns.iter().any(|(_, c)| c == k))
        .collect();
    if !missing.is_empty() {
        for m in missing {
            out.issues.push(issue(
                codes::records::MISSING_COLUMN,
                None,
                Some(1),
                Some(m),
                None,
                &[],
            ));
        }
        return Ok(out);
    }
    for (k, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(csv_error)?;
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let mut r = Record {
            row: k + 1,
            line: rec.position().map(csv::Position::line),
            ..Record::default()
        };
        for (i, key) in &columns {
            set_field(&mut r, key, rec.get(*i).map(str::to_owned));
        }
        out.records.push(r);
    }
    if out.records.is_empty() {
        out.issues
            .push(issue(codes::records::EMPTY, None, None, None, None, &[]));
    }
    Ok(out)
}

/// Reads JSON records: an array of objects, or an object with a `records` array. Values may
/// be strings, numbers, booleans (for `extended`) or `null`.
pub fn read_records_json(bytes: &[u8]) -> Result<Records, Error> {
    let bytes = crate::json::strip_bom(bytes);
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| Error::from_json(&e, bytes))?;
    let array = match value {
        serde_json::Value::Array(a) => a,
        serde_json::Value::Object(mut m) => match m.remove("records") {
            Some(serde_json::Value::Array(a)) => a,
            _ => {
                return Err(Error::Import {
                    format: "JSON".into(),
                    message: "记录应为对象数组，或含 records 数组的对象".into(),
                    location: None,
                });
            }
        },
        _ => {
            return Err(Error::Import {
                format: "JSON".into(),
                message: "记录应为对象数组，或含 records 数组的对象".into(),
                location: None,
            });
        }
    };
    let mut out = Records::default();
    let mut unknown_seen: Vec<String> = Vec::new();
    for (k, v) in array.into_iter().enumerate() {
        let row = k + 1;
        let mut r = Record {
            row,
            ..Record::default()
        };
        let serde_json::Value::Object(m) = v else {
            out.issues.push(issue(
                codes::records::NOT_AN_OBJECT,
                Some(row),
                None,
                None,
                None,
                &[],
            ));
            out.records.push(r);
            continue;
        };
        for req in REQUIRED {
            if !m.contains_key(req) {
                out.issues.push(issue(
                    codes::records::MISSING_FIELD,
                    Some(row),
                    None,
                    Some(req),
                    None,
                    &[],
                ));
            }
        }
        for (key, val) in m {
            if REQUIRED.contains(&key.as_str()) || OPTIONAL.contains(&key.as_str()) {
                let text = match val {
                    serde_json::Value::Null => None,
                    serde_json::Value::String(s) => Some(s),
                    other => Some(other.to_string()),
                };
                set_field(&mut r, &key, text);
            } else if !unknown_seen.contains(&key) {
                out.issues.push(issue(
                    codes::records::UNKNOWN_COLUMN,
                    Some(row),
                    None,
                    Some(&key),
                    None,
                    &[],
                ));
                unknown_seen.push(key);
            }
        }
        out.records.push(r);
    }
    if out.records.is_empty() {
        out.issues
            .push(issue(codes::records::EMPTY, None, None, None, None, &[]));
    }
    Ok(out)
}

/// Builds an issue (message rendered in Chinese; [`audit`] renders it again in its language).
/// Its path points into the records as a `{"records": [...]}` document; its location is the
/// record's line in a CSV file.
fn issue(
    code: Code,
    row: Option<usize>,
    line: Option<u64>,
    column: Option<&str>,
    item_id: Option<&str>,
    params: &[(&str, String)],
) -> AuditIssue {
    let path = match (row, column) {
        (Some(r), Some(c)) => format!(
            "/records/{}/{}",
            r.saturating_sub(1),
            crate::json::escape_pointer_token(c)
        ),
        (Some(r), None) => format!("/records/{}", r.saturating_sub(1)),
        (None, _) => String::new(),
    };
    let mut f = Finding::new(code, path, item_id, params);
    if let Some(r) = row {
        f.params
            .entry("row".into())
            .or_insert_with(|| r.to_string());
    }
    if let Some(c) = column {
        f.params
            .entry("column".into())
            .or_insert_with(|| excerpt(c, 40));
    }
    if let Some(id) = item_id {
        f.params
            .entry("item_id".into())
            .or_insert_with(|| excerpt(id, 40));
    }
    f.location = line.and_then(|l| u32::try_from(l).ok()).map(|l| Location {
        sheet: None,
        row: l,
        column: None,
        header: column.map(str::to_owned),
    });
    f.record = Some(RecordRef {
        row,
        line,
        column: column.map(str::to_owned),
    });
    f.render(Lang::Zh, None)
}

/// Parses a record date, optionally with a time of day: `YYYY-MM-DD` (also `/` or `.` as
/// separators, one-digit month and day, `YYYY年M月D日`), then optionally a space or `T` and
/// `HH:MM` or `HH:MM:SS`.
pub fn parse_record_datetime(s: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let s = s.trim();
    let (date_part, time_part) = match s.find([' ', 'T']) {
        Some(i) => (&s[..i], Some(s[i + 1..].trim())),
        None => (s, None),
    };
    let date_part = date_part.strip_suffix('日').unwrap_or(date_part);
    let mut parts = date_part.split(['-', '/', '.', '年', '月']);
    let num = |p: Option<&str>, max_len: usize| {
        p.filter(|p| !p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
    };
    let y = parts
        .next()
        .filter(|p| p.len() == 4)
        .and_then(|p| num(Some(p), 4))?;
    let m = num(parts.next(), 2)?;
    let d = num(parts.next(), 2)?;
    if parts.next().is_some() {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    let time = match time_part {
        None => None,
        Some(t) => {
            let mut tp = t.split(':');
            let h = num(tp.next(), 2)?;
            let mi = num(tp.next(), 2)?;
            let sec = match tp.next() {
                Some(x) => num(Some(x), 2)?,
                None => 0,
            };
            if tp.next().is_some() {
                return None;
            }
            Some(NaiveTime::from_hms_opt(h, mi, sec)?)
        }
    };
    Some((date, time))
}

/// Parses `extended`: yes/no words (yes = the maximum, 20 working days) or 1–20 working days.
/// `None` when not understood or over 20.
pub fn parse_extension(s: &str) -> Option<u32> {
    let t = s.trim().to_lowercase();
    let t = t
        .strip_suffix("个工作日")
        .or_else(|| t.strip_suffix("工作日"))
        .unwrap_or(&t)
        .trim();
    match t {
        "" | "false" | "no" | "n" | "否" | "无" | "未延期" | "0" => Some(0),
        "true" | "yes" | "y" | "是" | "有" | "延期" | "已延期" => {
            Some(MAX_EXTENSION_WORKING_DAYS)
        }
        _ => t
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=MAX_EXTENSION_WORKING_DAYS).contains(n)),
    }
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

fn summarise(cat: &Catalogue<'_>, rows: &[AuditRow], item_of_row: &[Option<usize>]) -> Summary {
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn record_dates() {
        let d = |s| crate::parse_date(s).unwrap();
        assert_eq!(
            parse_record_datetime("2024-03-05"),
            Some((d("2024-03-05"), None))
        );
        assert_eq!(
            parse_record_datetime("2024/3/5"),
            Some((d("2024-03-05"), None))
        );
        assert_eq!(
            parse_record_datetime("2024.03.05"),
            Some((d("2024-03-05"), None))
        );
        assert_eq!(
            parse_record_datetime("2024年3月5日"),
            Some((d("2024-03-05"), None))
        );
        assert_eq!(
            parse_record_datetime("2024-03-05 08:30"),
            Some((d("2024-03-05"), NaiveTime::from_hms_opt(8, 30, 0)))
        );
        assert_eq!(
            parse_record_datetime("2024-03-05T08:30:15"),
            Some((d("2024-03-05"), NaiveTime::from_hms_opt(8, 30, 15)))
        );
        for bad in [
            "",
            "2024-02-30",
            "24-03-05",
            "2024-03",
            "2024-03-05-01",
            "2024-03-05 25:00",
            "yesterday",
            "２０２４-03-05",
            "2024-003-05",
        ] {
            assert_eq!(parse_record_datetime(bad), None, "{bad}");
        }
    }

    #[test]
    fn extensions() {
        assert_eq!(parse_extension("是"), Some(20));
        assert_eq!(parse_extension("TRUE"), Some(20));
        assert_eq!(parse_extension("否"), Some(0));
        assert_eq!(parse_extension(""), Some(0));
        assert_eq!(parse_extension("15"), Some(15));
        assert_eq!(parse_extension("10个工作日"), Some(10));
        assert_eq!(parse_extension("21"), None);
        assert_eq!(parse_extension("maybe"), None);
    }
}
