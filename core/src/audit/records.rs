//! Publication records: reading them from CSV or JSON, and the problems of the file and of
//! single records (`records.*`, `record.*`).

use super::AuditIssue;
use crate::codes;
use crate::codes::Code;
use crate::deadline::MAX_EXTENSION_WORKING_DAYS;
use crate::issue::{Finding, Location, RecordRef};
use crate::report::Lang;
use crate::{Error, excerpt};
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

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
    /// `kind`: what was published, for the 解读同步率 ([`super::interpretations`]): a policy
    /// document (`policy`, 政策文件), its interpretation (`interpretation`, 解读), or empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// `interprets`: for an interpretation, the title (or `url`) of the document it explains.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interprets: Option<String>,
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
const OPTIONAL: [&str; 8] = [
    "request_received",
    "extended",
    "event_at",
    "note",
    "url",
    "title",
    "kind",
    "interprets",
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
        "kind" => r.kind = v,
        "interprets" => r.interprets = v,
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
        let key = record_key(h);
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
pub(super) fn issue(
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
        f.params.get_or_insert_with("row", || r.to_string());
        // One numbering for people: the file's own line where there is one (CSV), else the
        // record's number (JSON).
        let (zh, en) = match line {
            Some(l) => (
                format!("第 {l} 行的记录"),
                format!("the record on line {l}"),
            ),
            None => (format!("第 {r} 条记录"), format!("record {r}")),
        };
        f.params.get_or_insert_with("record", || zh);
        f.params.get_or_insert_with("record_en", || en);
    }
    if let Some(c) = column {
        f.params.get_or_insert_with("column", || excerpt(c, 40));
    }
    if let Some(id) = item_id {
        f.params.get_or_insert_with("item_id", || excerpt(id, 40));
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

impl crate::args::Arg for crate::deadline::Start {
    const EXPECTED: &'static str =
        "YYYY-MM-DD 格式的真实日期，或带时间的 YYYY-MM-DD HH:MM[:SS]（如 2024-03-01 08:30）";
    /// A record date ([`parse_record_datetime`]), with its time of day when given.
    fn from_text(text: &str) -> Option<Self> {
        parse_record_datetime(text).map(|(d, t)| match t {
            Some(t) => crate::deadline::Start::at(d.and_time(t)),
            None => crate::deadline::Start::on(d),
        })
    }
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

/// The field a records column holds: its English key (`formed_on`, any case) or a Chinese header
/// people write (事项编号/序号, 形成日期, 公开日期, 申请日期 …), spaces and a trailing note in
/// brackets ignored (`公开日期（YYYY-MM-DD）`). Unknown headers come back as written, lower case.
fn record_key(header: &str) -> String {
    let h: String = header.chars().filter(|c| !c.is_whitespace()).collect();
    let h = h
        .split(['（', '('])
        .next()
        .unwrap_or_default()
        .trim_end_matches(['：', ':']);
    let key = match h {
        "事项编号" | "事项序号" | "序号" | "编号" | "目录序号" | "事项代码" | "事项ID"
        | "事项id" => "item_id",
        "形成日期"
        | "信息形成日期"
        | "形成时间"
        | "制作日期"
        | "生成日期"
        | "形成或变更日期"
        | "信息形成或变更日期"
        | "变更日期" => "formed_on",
        "公开日期" | "发布日期" | "公开时间" | "发布时间" | "实际公开日期" | "实际公开时间" => {
            "published_on"
        }
        "申请日期" | "收到申请日期" | "申请收到日期" | "收到申请时间" | "申请时间" => {
            "request_received"
        }
        "是否延期" | "延期" | "延长答复" | "是否延长" => "extended",
        "事件时间" | "发生时间" | "会议时间" | "活动时间" | "事件日期" => {
            "event_at"
        }
        "备注" | "说明" => "note",
        "链接" | "网址" | "公开网址" | "公开链接" | "发布网址" => "url",
        "标题" | "信息标题" | "文件标题" | "信息名称" => "title",
        _ => return h.to_ascii_lowercase(),
    };
    key.to_owned()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn record_dates() {
        let d = |s| crate::date::parse_date(s).unwrap();
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
