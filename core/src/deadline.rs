//! Deadlines (截止日期) for every kind of 公开时限 ([`TimeLimit`]).
//!
//! [`deadline`] answers "given this time limit and the day it counts from, what is the last day
//! to publish?". The answer is a [`Deadline`]: a date, or no date together with the reason as a
//! value ([`Reason`]), never an error. Errors are kept for questions the calendar cannot answer
//! (a year the holiday table does not cover, with a strict calendar) and for bad arguments. A
//! date counted through a provisional year (no notice loaded yet) is marked `provisional`, with
//! a `calendar.provisional` warning.
//!
//! | kind | deadline |
//! |---|---|
//! | `working_days` | the `days`th working day after the start day (the start day is not counted, 民法典 第二百零一条), plus the extension granted under 条例 第三十三条 (at most 20 more working days), when given |
//! | `calendar_days` | start + `days`; when that day is not a working day, the next working day (民法典 第二百零三条: a period whose last day is a holiday ends on the day after the holiday). `nominal_date` keeps start + `days` when it was moved |
//! | `hours_before` | the start is the *event* (e.g. the beginning of a water stoppage, 城市供水条例 第二十二条): the deadline is the event's date and time minus `hours` (`datetime`), and `date` is its day. A start without a time of day means the event may begin at 00:00, the earliest (safe) reading: 24 hours before 2024-03-10 is 2024-03-09 00:00 |
//! | `annual_by` | the next `month`-`day` on or after the start (每年1月31日前: from 2024-01-05, 2024-01-31; from 2024-02-01, 2025-01-31). 29 February is 28 February in common years; a day no year has (2-30, 4-31) gives no date (`no_deadline.incomplete`). A fixed date is not moved off holidays |
//! | `on_the_spot`, `realtime` | the start day itself |
//! | `promptly`, `continuous`, `unparsed` | no date; the reason says why |
//!
//! Which day is the start is the caller's choice (the audit takes it from the publication
//! record): the day the information was formed or changed, the day a request was received (依申请
//! items, whatever `from` the item states), the day of the decision or of the named event.
//!
//! ```
//! use gongkai::{TimeLimit, deadline::{deadline, Start, deadline_with}};
//! use gongkai::model::Anchor;
//! let cal = gongkai::calendar::embedded();
//! let day = |s| gongkai::parse_date(s).unwrap();
//! let limit = TimeLimit::working_days(20, Anchor::FormedOrChanged);
//! let d = deadline(cal, &limit, day("2024-09-25"))?;
//! assert_eq!(d.date, Some(day("2024-10-28")));
//! // A request answered with the extension of 条例 第三十三条 (20 more working days).
//! let limit = TimeLimit::working_days(20, Anchor::RequestReceived);
//! let d = deadline_with(cal, &limit, &Start::on(day("2024-09-25")).extended(20))?;
//! assert_eq!(d.date, Some(day("2024-11-25")));
//! // 及时公开 has no computable deadline: a reason, not an error.
//! let limit = TimeLimit::simple(gongkai::model::TimeLimitKind::Promptly);
//! let d = deadline(cal, &limit, day("2024-09-25"))?;
//! assert_eq!(d.date, None);
//! assert_eq!(d.reason.unwrap().code, "no_deadline.promptly");
//! # Ok::<(), gongkai::Error>(())
//! ```

use crate::calendar::Calendar;
use crate::codes;
use crate::codes::Code;
use crate::issue::{Finding, Issue, Lang, render};
use crate::model::{TimeLimit, TimeLimitKind};
use crate::{Error, excerpt};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The longest extension of a reply to a request (条例 第三十三条), in working days.
pub const MAX_EXTENSION_WORKING_DAYS: u32 = 20;

/// Why there is no deadline: an [`Issue`] (code `no_deadline.*`, path `""`, message in
/// Chinese) with the message in both languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Reason {
    /// The issue (code, severity, message in Chinese, params).
    #[serde(flatten)]
    pub issue: Issue,
    /// The message in Chinese.
    pub message_zh: String,
    /// The message in English.
    pub message_en: String,
}

impl std::ops::Deref for Reason {
    type Target = Issue;
    fn deref(&self) -> &Issue {
        &self.issue
    }
}

impl Reason {
    /// A reason from its code and template values.
    pub fn new(code: Code, params: &[(&str, String)]) -> Reason {
        let issue = Finding::new(code, "", None, params).render(Lang::Zh, None);
        let message_en = render(code.def().message_en, &issue.params);
        Reason {
            message_zh: issue.message.clone(),
            message_en,
            issue,
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.message_zh,
            Lang::En => &self.message_en,
        }
    }
}

/// What a deadline counts from: the start day, its time of day (only `hours_before` uses it)
/// and the extension granted under 条例 第三十三条.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Start {
    /// The start day (for `hours_before`, the day of the event).
    pub date: NaiveDate,
    /// The time of day of the event (`hours_before`); `None` means 00:00.
    #[serde(default)]
    pub time: Option<NaiveTime>,
    /// Extra working days granted for a reply to a request (0–20; `working_days` only).
    #[serde(default)]
    pub extension_days: u32,
}

impl Start {
    /// A start day.
    pub fn on(date: NaiveDate) -> Start {
        Start {
            date,
            time: None,
            extension_days: 0,
        }
    }

    /// A start moment (for `hours_before`).
    pub fn at(datetime: NaiveDateTime) -> Start {
        Start {
            date: datetime.date(),
            time: Some(datetime.time()),
            extension_days: 0,
        }
    }

    /// With an extension of `days` working days (条例 第三十三条, at most 20).
    pub fn extended(mut self, days: u32) -> Start {
        self.extension_days = days;
        self
    }
}

/// The deadline of one time limit from one start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Deadline {
    /// The kind of the time limit.
    pub kind: TimeLimitKind,
    /// The start day.
    pub start: NaiveDate,
    /// The last day to publish (inclusive); `None` when there is no computable deadline.
    pub date: Option<NaiveDate>,
    /// `hours_before`: the exact latest moment (event minus hours).
    pub datetime: Option<NaiveDateTime>,
    /// `calendar_days`: start + days, when the deadline was moved off a holiday to `date`.
    pub nominal_date: Option<NaiveDate>,
    /// `working_days`: the working days counted (days + extension).
    pub working_days: Option<u32>,
    /// The extension applied, in working days (条例 第三十三条).
    pub extension_days: u32,
    /// Why there is no date, when `date` is `None`.
    pub reason: Option<Reason>,
    /// Whether the date rests on a provisional year: a year whose holiday notice is not
    /// loaded, counted with the statutory holidays only (see [`crate::calendar`]).
    #[serde(default)]
    pub provisional: bool,
    /// The provisional years the date rests on, sorted.
    #[serde(default)]
    pub provisional_years: Vec<i32>,
    /// Warnings about the date: `calendar.provisional` when `provisional`.
    #[serde(default)]
    pub warnings: Vec<Reason>,
}

impl Deadline {
    fn new(kind: TimeLimitKind, start: &Start) -> Deadline {
        Deadline {
            kind,
            start: start.date,
            date: None,
            datetime: None,
            nominal_date: None,
            working_days: None,
            extension_days: 0,
            reason: None,
            provisional: false,
            provisional_years: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Marks the deadline provisional when the days of `[a, b]` rest on a provisional year.
    fn mark(mut self, cal: &Calendar, a: NaiveDate, b: NaiveDate) -> Deadline {
        let years = cal.provisional_years_between(a, b);
        if !years.is_empty() {
            self.provisional = true;
            self.warnings.push(Reason::new(
                codes::calendar::PROVISIONAL,
                &crate::calendar::years_params(&years),
            ));
            self.provisional_years = years;
        }
        self
    }

    fn none(mut self, code: Code, params: &[(&str, String)]) -> Deadline {
        self.reason = Some(Reason::new(code, params));
        self
    }
}

/// The deadline of `limit` counted from `start` (no extension, no time of day).
pub fn deadline(
    cal: &Calendar,
    limit: &TimeLimit<'_>,
    start: NaiveDate,
) -> Result<Deadline, Error> {
    deadline_with(cal, limit, &Start::on(start))
}

/// The deadline of `limit` counted from `start`, with its time of day and extension.
///
/// A date that rests on a provisional year (no notice loaded) is marked: `provisional`,
/// `provisional_years` and a `calendar.provisional` warning.
///
/// Errors: a date the calendar cannot answer for ([`Error::CalendarText`], naming the year:
/// a strict calendar's year without a notice, or a year outside the table and 2025–2088); an
/// extension over 20 working days or on a limit that is not in working days
/// ([`Error::InvalidArgument`]); a date beyond the representable range.
pub fn deadline_with(
    cal: &Calendar,
    limit: &TimeLimit<'_>,
    start: &Start,
) -> Result<Deadline, Error> {
    let ext = start.extension_days;
    if ext > MAX_EXTENSION_WORKING_DAYS {
        return Err(Error::InvalidArgument(format!(
            "延长期限为 {ext} 个工作日，超过《政府信息公开条例》第三十三条规定的最长 {MAX_EXTENSION_WORKING_DAYS} 个工作日"
        )));
    }
    if ext > 0 && limit.kind != TimeLimitKind::WorkingDays {
        return Err(Error::InvalidArgument(format!(
            "延长期限（条例第三十三条）只适用于以工作日计的答复期限，而该时限为“{}”",
            limit.kind.zh()
        )));
    }
    let out = Deadline::new(limit.kind, start);
    let incomplete = |out: Deadline, missing: &str| {
        out.none(
            codes::deadline::INCOMPLETE,
            &[
                ("kind", limit.kind.code().to_owned()),
                ("missing", missing.to_owned()),
            ],
        )
    };
    Ok(match limit.kind {
        TimeLimitKind::WorkingDays => {
            let Some(days) = limit.days else {
                return Ok(incomplete(out, "days"));
            };
            let total = days.saturating_add(ext);
            let date = cal.add_working_days(start.date, total)?;
            Deadline {
                date: Some(date),
                working_days: Some(total),
                extension_days: ext,
                ..out
            }
            .mark(cal, start.date, date)
        }
        TimeLimitKind::CalendarDays => {
            let Some(days) = limit.days else {
                return Ok(incomplete(out, "days"));
            };
            let nominal = start
                .date
                .checked_add_days(chrono::Days::new(u64::from(days)))
                .ok_or_else(|| out_of_range(start.date))?;
            let date = cal.working_day_on_or_after(nominal)?;
            Deadline {
                date: Some(date),
                nominal_date: (date != nominal).then_some(nominal),
                ..out
            }
            .mark(cal, nominal, date)
        }
        TimeLimitKind::HoursBefore => {
            let Some(hours) = limit.hours else {
                return Ok(incomplete(out, "hours"));
            };
            let event = start.date.and_time(start.time.unwrap_or(NaiveTime::MIN));
            let at = event
                .checked_sub_signed(chrono::TimeDelta::hours(i64::from(hours)))
                .ok_or_else(|| out_of_range(start.date))?;
            Deadline {
                date: Some(at.date()),
                datetime: Some(at),
                ..out
            }
        }
        TimeLimitKind::AnnualBy => match (limit.month, limit.day) {
            (Some(m), Some(d)) => match next_annual(start.date, m, d) {
                Some(date) => Deadline {
                    date: Some(date),
                    ..out
                },
                None => incomplete(out, "month/day"),
            },
            (None, _) => incomplete(out, "month"),
            (_, None) => incomplete(out, "day"),
        },
        TimeLimitKind::OnTheSpot | TimeLimitKind::Realtime => Deadline {
            date: Some(start.date),
            ..out
        },
        TimeLimitKind::Promptly => out.none(codes::deadline::PROMPTLY, &[]),
        TimeLimitKind::Continuous => out.none(codes::deadline::CONTINUOUS, &[]),
        TimeLimitKind::Unparsed => {
            let text = limit.text.as_deref().unwrap_or("").to_owned();
            out.none(codes::deadline::UNPARSED, &[("text", excerpt(&text, 80))])
        }
    })
}

/// The next `month`-`day` on or after `from`; 29 February is 28 February in common years.
/// `None` for a day no year has (2-30, 4-31, 13-1).
pub fn next_annual(from: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    // A day that exists in a leap year.
    NaiveDate::from_ymd_opt(2000, month, day)?;
    let in_year = |y: i32| {
        (1..=day)
            .rev()
            .find_map(|d| NaiveDate::from_ymd_opt(y, month, d))
    };
    let this = in_year(from.year())?;
    if this >= from {
        Some(this)
    } else {
        in_year(from.year() + 1)
    }
}

fn out_of_range(d: NaiveDate) -> Error {
    Error::InvalidArgument(format!("日期 {d} 加上时限后超出可表示的范围"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::date::parse_date(s).unwrap()
    }

    #[test]
    fn annual_dates() {
        assert_eq!(next_annual(d("2024-01-05"), 1, 31), Some(d("2024-01-31")));
        assert_eq!(next_annual(d("2024-01-31"), 1, 31), Some(d("2024-01-31")));
        assert_eq!(next_annual(d("2024-02-01"), 1, 31), Some(d("2025-01-31")));
        assert_eq!(next_annual(d("2023-01-01"), 2, 29), Some(d("2023-02-28")));
        assert_eq!(next_annual(d("2024-01-01"), 2, 29), Some(d("2024-02-29")));
        assert_eq!(next_annual(d("2024-05-01"), 4, 31), None);
        assert_eq!(next_annual(d("2024-05-01"), 2, 30), None);
        assert_eq!(next_annual(d("2024-05-01"), 13, 1), None);
        assert_eq!(next_annual(d("2024-05-01"), 1, 0), None);
    }
}
