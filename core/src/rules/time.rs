//! 公开时限: statutory limits (条例第二十六条, 第三十三条, 第四十九条), the 118号 enforcement
//! publicity limit, the 停水 notice of 《城市供水条例》, units, anchors and wording.

use super::Ctx;
use super::lexicon::{Facts, flag};
use crate::codes;
use crate::model::{Anchor, Item, Method, TimeLimitKind};

fn in_range(v: Option<u32>, lo: u32, hi: u32) -> Option<u32> {
    v.filter(|x| (lo..=hi).contains(x))
}

/// Runs the time-limit rules on item `i`.
pub(crate) fn check_item(i: usize, item: &Item<'_>, f: &Facts, ctx: &mut Ctx) {
    let tl = &item.time_limit;
    let anchor = tl.anchor();
    let days = in_range(tl.days, 1, 365);
    let counted = matches!(
        tl.kind,
        TimeLimitKind::WorkingDays | TimeLimitKind::CalendarDays
    );
    let working = if tl.kind == TimeLimitKind::WorkingDays {
        days
    } else {
        None
    };
    let on_request = item.method.contains(&Method::OnRequest);
    // A reply limit: the row is 依申请 only, or counts from the request.
    let reply = on_request && (item.is_on_request_only() || anchor == Anchor::RequestReceived);
    const P: &str = "/time_limit";

    if let Some(d) = working {
        if reply {
            if d > 20 {
                ctx.push_item(
                    codes::time::ON_REQUEST_EXCEEDS_LIMIT,
                    i,
                    item,
                    P,
                    &[("days", d.to_string())],
                );
            }
        } else if item.is_proactive() && d > 20 {
            let mut backed = false;
            let mut with_article = false;
            for c in &item.basis {
                if c.kind.is_some_and(|k| k.is_law_or_regulation())
                    && !c.title.contains("信息公开")
                    && !super::lexicon::is_blank(&c.title)
                {
                    backed = true;
                    with_article |= !c.articles.is_empty();
                }
            }
            if !backed {
                ctx.push_item(
                    codes::time::EXCEEDS_STATUTORY_LIMIT,
                    i,
                    item,
                    P,
                    &[("days", d.to_string())],
                );
            } else if !with_article {
                ctx.push_item(
                    codes::time::LONGER_LIMIT_NEEDS_ARTICLE,
                    i,
                    item,
                    "/basis",
                    &[("days", d.to_string())],
                );
            }
        }
        if !reply && d > 7 && (f.name | f.content) & flag::DECISION != 0 {
            ctx.push_item(
                codes::time::ENFORCEMENT_DECISION_EXCEEDS_LIMIT,
                i,
                item,
                P,
                &[("days", d.to_string())],
            );
        }
    }
    if counted && days.is_some() {
        let d = days.unwrap_or_default().to_string();
        if tl.kind == TimeLimitKind::CalendarDays {
            ctx.push_item(
                codes::time::CALENDAR_DAYS,
                i,
                item,
                P,
                &[("days", d.clone())],
            );
        }
        if anchor == Anchor::Unspecified {
            ctx.push_item(codes::time::NO_ANCHOR, i, item, P, &[("days", d)]);
        }
    }
    if counted && item.is_on_request_only() && anchor == Anchor::FormedOrChanged {
        ctx.push_item(codes::time::FORMATION_ANCHOR_ON_REQUEST, i, item, P, &[]);
    }
    if anchor == Anchor::Event {
        let missing = match &tl.event {
            None => true,
            Some(e) => e.is_blank() && !e.is_empty(),
        };
        if missing {
            ctx.push_item(codes::time::EVENT_MISSING, i, item, P, &[]);
        }
    }
    match tl.kind {
        TimeLimitKind::Unparsed => {
            if let Some(t) = &tl.text {
                if !t.is_empty() {
                    if t.is_blank() || is_placeholder(t) {
                        ctx.push_item(
                            codes::time::NOT_A_LIMIT,
                            i,
                            item,
                            P,
                            &[("text", t.to_string())],
                        );
                    } else {
                        ctx.push_item(
                            codes::time::UNPARSED,
                            i,
                            item,
                            P,
                            &[("text", t.to_string())],
                        );
                    }
                }
            }
        }
        TimeLimitKind::Promptly => ctx.push_item(codes::time::PROMPTLY, i, item, P, &[]),
        TimeLimitKind::AnnualBy => {
            if let (Some(m), Some(d)) = (in_range(tl.month, 1, 12), in_range(tl.day, 1, 31)) {
                if d > days_in_month(m) {
                    ctx.push_item(
                        codes::time::IMPOSSIBLE_DATE,
                        i,
                        item,
                        P,
                        &[("month", m.to_string()), ("day", d.to_string())],
                    );
                }
            }
        }
        _ => {}
    }
    if f.head() & flag::ANNUAL != 0 && f.head() & flag::GOVINFO != 0 {
        annual_report(i, item, f, ctx);
    }
    if f.name & flag::WATER_STOP != 0
        && f.name & flag::PERMIT == 0
        && f.head() & flag::EMERGENCY == 0
    {
        water_stoppage(i, item, ctx);
    }
}

/// 第四十九条: a department publishes by 31 January; the government-wide report of a county
/// government (its 主管部门) is due by 31 March.
fn annual_report(i: usize, item: &Item<'_>, f: &Facts, ctx: &mut Ctx) {
    let tl = &item.time_limit;
    let government = item.subject.contains("人民政府") && f.subject & flag::TOWNSHIP == 0;
    let (deadline, zh, en) = if government {
        ((3, 31), "每年3月31日前", "by 31 March every year")
    } else {
        ((1, 31), "每年1月31日前", "by 31 January every year")
    };
    let ok = match tl.kind {
        TimeLimitKind::AnnualBy => {
            match (in_range(tl.month, 1, 12), in_range(tl.day, 1, 31)) {
                (Some(m), Some(d)) => (m, d) <= deadline,
                // Missing or out-of-range month/day is a structural issue already.
                _ => true,
            }
        }
        // Not understood: `time.unparsed` asks for a check already.
        TimeLimitKind::Unparsed => true,
        _ => false,
    };
    if !ok {
        ctx.push_item(
            codes::time::ANNUAL_REPORT_DEADLINE,
            i,
            item,
            "/time_limit",
            &[("deadline", zh.to_owned()), ("deadline_en", en.to_owned())],
        );
    }
}

/// 《城市供水条例》第二十二条: a planned stoppage is announced 24 hours in advance.
fn water_stoppage(i: usize, item: &Item<'_>, ctx: &mut Ctx) {
    let tl = &item.time_limit;
    let (zh, en) = match tl.kind {
        TimeLimitKind::HoursBefore => match in_range(tl.hours, 1, 8760) {
            Some(h) if h < 24 => (format!("提前{h}小时"), format!("{h} hours in advance")),
            _ => return,
        },
        TimeLimitKind::Unparsed => return,
        TimeLimitKind::WorkingDays | TimeLimitKind::CalendarDays => {
            let d = tl.days.unwrap_or_default();
            if tl.kind == TimeLimitKind::WorkingDays {
                (format!("{d}个工作日"), format!("{d} working days"))
            } else {
                (format!("{d}日"), format!("{d} calendar days"))
            }
        }
        k => (k.zh().to_owned(), k.en().to_owned()),
    };
    ctx.push_item(
        codes::time::WATER_STOPPAGE_NOTICE,
        i,
        item,
        "/time_limit",
        &[("found", zh), ("found_en", en)],
    );
}

/// Text that stands in for a limit without being one (同上, 按规定…).
fn is_placeholder(t: &str) -> bool {
    let t = super::lexicon::core_text(t);
    matches!(
        t,
        "同上"
            | "同前"
            | "同左"
            | "见上"
            | "按规定"
            | "按有关规定"
            | "按相关规定"
            | "依规定"
            | "依法"
            | "依法公开"
            | "根据需要"
            | "视情况"
            | "视情况而定"
            | "另行通知"
            | "待定"
            | "无"
            | "略"
            | "/"
            | "／"
            | "-"
            | "—"
            | "--"
            | "——"
    ) || t.starts_with("同上")
        || t.starts_with("按有关规定")
        || t.starts_with("按相关规定")
}

fn days_in_month(m: u32) -> u32 {
    match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_not_a_limit() {
        for t in [
            "同上",
            "同前",
            "同左",
            "见上",
            "按规定",
            "按有关规定",
            "按相关规定",
            "依规定",
            "依法",
            "依法公开",
            "根据需要",
            "视情况",
            "视情况而定",
            "另行通知",
            "待定",
            "无",
            "略",
            "/",
            "／",
            "-",
            "—",
            "--",
            "——",
        ] {
            assert!(is_placeholder(t), "{t}");
            // With the punctuation a cell ends with.
            assert!(is_placeholder(&format!(" {t}。")), "{t}。");
        }
        for t in ["同上（见第3项）", "按有关规定办理", "按相关规定执行"] {
            assert!(is_placeholder(t), "{t}");
        }
        for t in [
            "20个工作日",
            "依法在20个工作日内公开",
            "按规定时限公开",
            "视情况在5日内公开",
            "无固定期限",
            "上同",
            "",
        ] {
            assert!(!is_placeholder(t), "{t}");
        }
    }

    #[test]
    fn days_of_each_month() {
        let want = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        for (m, d) in (1..=12).zip(want) {
            assert_eq!(days_in_month(m), d, "month {m}");
        }
    }

    #[test]
    fn ranges_are_inclusive() {
        assert_eq!(in_range(Some(1), 1, 365), Some(1));
        assert_eq!(in_range(Some(365), 1, 365), Some(365));
        assert_eq!(in_range(Some(0), 1, 365), None);
        assert_eq!(in_range(Some(366), 1, 365), None);
        assert_eq!(in_range(None, 1, 365), None);
    }
}
