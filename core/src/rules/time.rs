//! 公开时限: statutory limits (条例第二十六条, 第三十三条, 第四十九条), the 118号 enforcement
//! publicity limit, the 停水 notice of 《城市供水条例》, units, anchors and wording.

use super::lexicon::{Facts, flag};
use super::{Ctx, RuleDef};
use crate::model::{Anchor, Item, Method, TimeLimitKind};
use crate::report::Severity::{Error, Info, Warning};

/// The time-limit rules.
pub const DEFS: &[RuleDef] = &[
    RuleDef {
        code: "time.exceeds_statutory_limit",
        severity: Error,
        title: "主动公开时限超过20个工作日",
        source: "《政府信息公开条例》第二十六条（自形成或者变更之日起20个工作日内；法律、法规另有规定的从其规定）",
        message_zh: "主动公开事项“{item}”的公开时限为{days}个工作日，超过《政府信息公开条例》第二十六条规定的20个工作日；请改为“自信息形成或者变更之日起20个工作日内”，或在公开依据中引用另有规定的法律、法规",
        message_en: "Proactive item “{item}” has a time limit (公开时限) of {days} working days, beyond the 20 working days of Art. 26 of the Regulations on Open Government Information; write “within 20 working days of the information being formed or changed”, or cite in 公开依据 the law or regulation that sets another limit",
    },
    RuleDef {
        code: "time.longer_limit_needs_article",
        severity: Info,
        title: "超过20个工作日的时限未注明法律、法规条款",
        source: "《政府信息公开条例》第二十六条（法律、法规对期限另有规定的，从其规定）",
        message_zh: "事项“{item}”的公开时限为{days}个工作日，长于20个工作日，依据是所引用的法律、法规另有规定；请在公开依据中注明规定该期限的条款，便于核对",
        message_en: "Item “{item}” has a time limit (公开时限) of {days} working days, longer than 20, relying on a cited law or regulation; name the article that sets this limit in 公开依据 so it can be checked",
    },
    RuleDef {
        code: "time.calendar_days",
        severity: Warning,
        title: "时限以自然日计",
        source: "《政府信息公开条例》第二十六条、第三十三条（期限以工作日计）",
        message_zh: "事项“{item}”的公开时限以自然日计（{days}日），而条例规定的期限以工作日计，20日不等于20个工作日；请改写为“……个工作日内”",
        message_en: "Item “{item}” counts its time limit (公开时限) in calendar days ({days}); the Regulations count working days, and 20 days is not 20 working days; rewrite it in working days",
    },
    RuleDef {
        code: "time.no_anchor",
        severity: Warning,
        title: "时限未写明起算点",
        source: "《政府信息公开条例》第二十六条（自该政府信息形成或者变更之日起）；gongkai 启发式",
        message_zh: "事项“{item}”的公开时限只写了天数（{days}天），未写明从何时起算，容易与行政许可办理时限（《行政许可法》第四十二条）混淆；请写成“自信息形成或者变更之日起{days}个工作日内”",
        message_en: "Item “{item}” states only a duration ({days} days) as its time limit (公开时限), with no starting point, which reads like the licensing decision period (Administrative Licensing Law Art. 42); write “within {days} working days of the information being formed or changed”",
    },
    RuleDef {
        code: "time.enforcement_decision_exceeds_limit",
        severity: Warning,
        title: "许可、处罚决定公开时限超过7个工作日",
        source: "国办发〔2018〕118号（行政执法公示制度：行政许可、行政处罚决定自作出之日起7个工作日内公开）",
        message_zh: "事项“{item}”涉及行政许可或行政处罚的决定、办理结果，公开时限为{days}个工作日；按国办发〔2018〕118号应自作出决定之日起7个工作日内公开；请缩短时限，或将办理结果拆分为单独的事项",
        message_en: "Item “{item}” covers licensing or penalty decisions or results with a time limit (公开时限) of {days} working days; State Council Office document 2018 No. 118 requires publication within 7 working days of the decision; shorten the limit or move the results to an item of their own",
    },
    RuleDef {
        code: "time.on_request_exceeds_limit",
        severity: Error,
        title: "依申请答复期限超过20个工作日",
        source: "《政府信息公开条例》第三十一条、第三十三条（自收到申请之日起20个工作日内答复，延长不超过20个工作日）",
        message_zh: "事项“{item}”的依申请答复期限为{days}个工作日，超过《政府信息公开条例》第三十三条规定的20个工作日；请改为“自收到申请之日起20个工作日内答复（经批准可延长，最长不超过20个工作日）”",
        message_en: "Item “{item}” gives {days} working days to reply to a request (公开时限), beyond the 20 working days of Art. 33; write “reply within 20 working days of receiving the request (extendable by at most 20 with approval)”",
    },
    RuleDef {
        code: "time.formation_anchor_on_request",
        severity: Warning,
        title: "仅依申请公开的事项按信息形成之日起算",
        source: "《政府信息公开条例》第三十一条、第三十三条（依申请公开的期限自收到申请之日起算）",
        message_zh: "事项“{item}”只勾选了依申请公开，但公开时限从信息形成或者变更之日起算，这是主动公开的时限；请改为“自收到申请之日起20个工作日内答复”，或同时勾选主动公开",
        message_en: "Item “{item}” is disclosed on request only, but its time limit (公开时限) counts from the day the information is formed or changed, which is a proactive limit; write “reply within 20 working days of receiving the request”, or also tick proactive disclosure",
    },
    RuleDef {
        code: "time.annual_report_deadline",
        severity: Error,
        title: "政府信息公开工作年度报告时限错误",
        source: "《政府信息公开条例》第四十九条（县级以上人民政府部门每年1月31日前公布上一年度报告）",
        message_zh: "事项“{item}”的公开时限应为“{deadline}”：《政府信息公开条例》第四十九条规定政府信息公开工作年度报告{deadline}向社会公布；请更正公开时限",
        message_en: "Item “{item}”: the time limit (公开时限) of the annual report on open government information must be “{deadline_en}” (Art. 49 of the Regulations); correct it",
    },
    RuleDef {
        code: "time.water_stoppage_notice",
        severity: Warning,
        title: "停水通知未提前24小时",
        source: "《城市供水条例》第二十二条（因工程施工、设备维修等原因停止供水，应当提前24小时通知用水单位和个人）",
        message_zh: "事项“{item}”是计划停水信息，公开时限应为“停水前提前24小时”（《城市供水条例》第二十二条），现为“{found}”；请改为提前24小时（或更早）通知",
        message_en: "Item “{item}” is a planned water stoppage notice; its time limit (公开时限) must be “at least 24 hours before the stoppage” (Urban Water Supply Regulations Art. 22), found “{found_en}”; give notice 24 hours (or more) in advance",
    },
    RuleDef {
        code: "time.unparsed",
        severity: Warning,
        title: "公开时限未能解析",
        source: "gongkai 启发式（公开时限须可核验）",
        message_zh: "事项“{item}”的公开时限“{text}”未能识别为标准写法，无法核对是否合法；请改写为如“自信息形成或者变更之日起20个工作日内”“提前24小时”“每年1月31日前”等形式",
        message_en: "Item “{item}”: the time limit (公开时限) “{text}” was not understood and cannot be checked; rewrite it in a standard form such as “within 20 working days of the information being formed or changed”, “24 hours in advance” or “by 31 January every year”",
    },
    RuleDef {
        code: "time.not_a_limit",
        severity: Error,
        title: "公开时限未填写实际期限",
        source: "国办发〔2019〕54号（时限为目录必备要素）",
        message_zh: "事项“{item}”的公开时限“{text}”不是一个期限（如“同上”“按规定”或空白）；请填写具体期限，如“自信息形成或者变更之日起20个工作日内”",
        message_en: "Item “{item}”: the time limit (公开时限) “{text}” is not a limit (e.g. “same as above”, “as required”, blank); write an actual limit such as “within 20 working days of the information being formed or changed”",
    },
    RuleDef {
        code: "time.promptly",
        severity: Warning,
        title: "公开时限只写“及时”",
        source: "《政府信息公开条例》第二十六条（20个工作日内及时公开）",
        message_zh: "事项“{item}”的公开时限只写了“及时公开”，无法核对；请写明期限，如“自信息形成或者变更之日起20个工作日内”",
        message_en: "Item “{item}”: the time limit (公开时限) only says “promptly”, which cannot be checked; state a limit such as “within 20 working days of the information being formed or changed”",
    },
    RuleDef {
        code: "time.event_missing",
        severity: Warning,
        title: "起算事件未写明",
        source: "数据模型 v1（起算点为特定事件时须写明事件）",
        message_zh: "事项“{item}”的公开时限从特定事件起算，但未写明是什么事件；请在“起算事件”中填写，如“分配结果确定”",
        message_en: "Item “{item}”: the time limit (公开时限) counts from an event but does not say which; fill in the event, e.g. “allocation results are final”",
    },
    RuleDef {
        code: "time.impossible_date",
        severity: Error,
        title: "每年截止日期不存在",
        source: "gongkai 启发式（日期须真实存在）",
        message_zh: "事项“{item}”的公开时限为每年{month}月{day}日前，该日期不存在；请更正月、日",
        message_en: "Item “{item}”: the time limit (公开时限) is every year by month {month} day {day}, a date that does not exist; correct the month and day",
    },
];

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
                    "time.on_request_exceeds_limit",
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
                    "time.exceeds_statutory_limit",
                    i,
                    item,
                    P,
                    &[("days", d.to_string())],
                );
            } else if !with_article {
                ctx.push_item(
                    "time.longer_limit_needs_article",
                    i,
                    item,
                    "/basis",
                    &[("days", d.to_string())],
                );
            }
        }
        if !reply && d > 7 && (f.name | f.content) & flag::DECISION != 0 {
            ctx.push_item(
                "time.enforcement_decision_exceeds_limit",
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
            ctx.push_item("time.calendar_days", i, item, P, &[("days", d.clone())]);
        }
        if anchor == Anchor::Unspecified {
            ctx.push_item("time.no_anchor", i, item, P, &[("days", d)]);
        }
    }
    if counted && item.is_on_request_only() && anchor == Anchor::FormedOrChanged {
        ctx.push_item("time.formation_anchor_on_request", i, item, P, &[]);
    }
    if anchor == Anchor::Event {
        let missing = match &tl.event {
            None => true,
            Some(e) => e.is_blank() && !e.is_empty(),
        };
        if missing {
            ctx.push_item("time.event_missing", i, item, P, &[]);
        }
    }
    match tl.kind {
        TimeLimitKind::Unparsed => {
            if let Some(t) = &tl.text {
                if !t.is_empty() {
                    if t.is_blank() || is_placeholder(t) {
                        ctx.push_item("time.not_a_limit", i, item, P, &[("text", t.to_string())]);
                    } else {
                        ctx.push_item("time.unparsed", i, item, P, &[("text", t.to_string())]);
                    }
                }
            }
        }
        TimeLimitKind::Promptly => ctx.push_item("time.promptly", i, item, P, &[]),
        TimeLimitKind::AnnualBy => {
            if let (Some(m), Some(d)) = (in_range(tl.month, 1, 12), in_range(tl.day, 1, 31)) {
                if d > days_in_month(m) {
                    ctx.push_item(
                        "time.impossible_date",
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
            "time.annual_report_deadline",
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
        "time.water_stoppage_notice",
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
