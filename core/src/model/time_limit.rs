//! 公开时限: a tagged object whose `kind` says which form it takes.

use super::{Anchor, Extra, Text, TimeLimitKind};
use schemars::JsonSchema;
use serde::Serialize;

/// A time limit (公开时限). `kind` says which of the other keys apply:
///
/// | kind | keys |
/// |---|---|
/// | `working_days`, `calendar_days` | `days` (1–365), `from` (default `unspecified`), `event` when `from` is `event` |
/// | `hours_before` | `hours` |
/// | `annual_by` | `month`, `day` |
/// | `on_the_spot`, `realtime`, `promptly`, `continuous` | — |
/// | `unparsed` | `text` (required) |
///
/// `text` keeps the original wording whenever the limit came from a table.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(
    title = "公开时限",
    description = "公开时限；kind 表示形式，text 保留原文",
    transform = super::conditions::time_limit_conditions
)]
pub struct TimeLimit<'a> {
    /// The form of the limit.
    #[schemars(
        title = "时限类型",
        description = "工作日、自然日、提前小时、每年某日前、当场、实时、及时、长期或未能解析"
    )]
    pub kind: TimeLimitKind,
    /// Number of (working or calendar) days.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "天数",
        description = "工作日或自然日天数（1–365）",
        range(min = 1, max = 365)
    )]
    pub days: Option<u32>,
    /// What the days count from.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(title = "起算点", description = "未填写时视为 unspecified（未写明）")]
    pub from: Option<Anchor>,
    /// The triggering event, as written, when `from` is `event`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "起算事件",
        description = "from 为 event 时的触发事件，如 分配结果确定",
        length(min = 1)
    )]
    pub event: Option<Text<'a>>,
    /// Hours before an event (停水通知: 24).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "提前小时数",
        description = "事件发生前多少小时公开，如停水通知提前24小时",
        range(min = 1, max = 8760)
    )]
    pub hours: Option<u32>,
    /// Month of an annual deadline.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "月",
        description = "每年截止日期的月份",
        range(min = 1, max = 12)
    )]
    pub month: Option<u32>,
    /// Day of an annual deadline.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "日",
        description = "每年截止日期的日",
        range(min = 1, max = 31)
    )]
    pub day: Option<u32>,
    /// The original wording.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "原文",
        description = "时限的原始写法；kind 为 unparsed 时必填"
    )]
    pub text: Option<Text<'a>>,
    /// Keys outside the model.
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Extra,
}

deserialize_object!(TimeLimit, "a time limit object", {
    kind: "kind" => req,
    days: "days" => int,
    from: "from" => opt,
    event: "event" => opt,
    hours: "hours" => int,
    month: "month" => int,
    day: "day" => int,
    text: "text" => opt,
});

impl<'a> TimeLimit<'a> {
    fn bare(kind: TimeLimitKind) -> Self {
        TimeLimit {
            kind,
            days: None,
            from: None,
            event: None,
            hours: None,
            month: None,
            day: None,
            text: None,
            extra: Extra::new(),
        }
    }

    /// `days` working days from `from`.
    pub fn working_days(days: u32, from: Anchor) -> Self {
        TimeLimit {
            days: Some(days),
            from: Some(from),
            ..Self::bare(TimeLimitKind::WorkingDays)
        }
    }

    /// `days` calendar days from `from`.
    pub fn calendar_days(days: u32, from: Anchor) -> Self {
        TimeLimit {
            days: Some(days),
            from: Some(from),
            ..Self::bare(TimeLimitKind::CalendarDays)
        }
    }

    /// `hours` hours before an event.
    pub fn hours_before(hours: u32) -> Self {
        TimeLimit {
            hours: Some(hours),
            ..Self::bare(TimeLimitKind::HoursBefore)
        }
    }

    /// Every year by `month`/`day`.
    pub fn annual_by(month: u32, day: u32) -> Self {
        TimeLimit {
            month: Some(month),
            day: Some(day),
            ..Self::bare(TimeLimitKind::AnnualBy)
        }
    }

    /// A kind with no parameters (`on_the_spot`, `realtime`, `promptly`, `continuous`).
    pub fn simple(kind: TimeLimitKind) -> Self {
        Self::bare(kind)
    }

    /// Text that was not understood.
    pub fn unparsed(text: impl Into<Text<'a>>) -> Self {
        TimeLimit {
            text: Some(text.into()),
            ..Self::bare(TimeLimitKind::Unparsed)
        }
    }

    /// Sets the original wording.
    pub fn with_text(mut self, text: impl Into<Text<'a>>) -> Self {
        self.text = Some(text.into());
        self
    }

    /// The anchor, with the documented default `unspecified`.
    pub fn anchor(&self) -> Anchor {
        self.from.unwrap_or(Anchor::Unspecified)
    }

    /// Detaches from the input.
    pub fn into_owned(self) -> TimeLimit<'static> {
        TimeLimit {
            kind: self.kind,
            days: self.days,
            from: self.from,
            event: self.event.map(Text::into_owned),
            hours: self.hours,
            month: self.month,
            day: self.day,
            text: self.text.map(Text::into_owned),
            extra: self.extra,
        }
    }
}
