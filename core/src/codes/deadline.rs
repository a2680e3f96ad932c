//! Why a time limit has no computable deadline (`no_deadline.*`; reported with the deadline, and as the reason of a `not_applicable` audit row).

use crate::codes::Severity::Info;

const SRC: &str = "gongkai";

define_codes! {
    family: Deadline;
    PROMPTLY = "no_deadline.promptly" {
        severity: Info,
        title: "及时公开无截止日期",
        source: SRC,
        message_zh: "公开时限为“及时公开”，没有可计算的截止日期",
        message_en: "the time limit is “promptly”: there is no computable deadline",
    }

    CONTINUOUS = "no_deadline.continuous" {
        severity: Info,
        title: "长期公开无截止日期",
        source: SRC,
        message_zh: "公开时限为“长期公开”（常态化公开），信息应持续公开，没有截止日期",
        message_en: "the time limit is “continuously”: the information stays public, there is no deadline",
    }

    UNPARSED = "no_deadline.unparsed" {
        severity: Info,
        title: "时限未能解析",
        source: SRC,
        message_zh: "公开时限“{text}”未能解析，无法计算截止日期；可改写为如“自信息形成或者变更之日起20个工作日内”",
        message_en: "the time limit “{text}” was not understood, so no deadline can be computed; rewrite it like “自信息形成或者变更之日起20个工作日内”",
    }

    INCOMPLETE = "no_deadline.incomplete" {
        severity: Info,
        title: "时限缺少数值",
        source: SRC,
        message_zh: "公开时限（{kind}）缺少或填错了 {missing}，无法计算截止日期",
        message_en: "the time limit ({kind}) lacks a valid {missing}, so no deadline can be computed",
    }

    NO_EVENT = "no_deadline.no_event" {
        severity: Info,
        title: "缺少事件时间",
        source: SRC,
        message_zh: "公开时限为事件前{hours}小时，需要事件时间：请在记录的 event_at 列填写事件（如停水）开始的日期或时间",
        message_en: "the time limit is {hours} hours before an event: fill in event_at (the date or time the event, e.g. a water stoppage, begins)",
    }

    CALENDAR = "no_deadline.calendar" {
        severity: Info,
        title: "日历未覆盖",
        source: SRC,
        message_zh: "{error}",
        message_en: "{error_en}",
    }
}
