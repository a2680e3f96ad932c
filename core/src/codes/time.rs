//! 公开时限: statutory limits (条例第二十六条, 第三十三条, 第四十九条), the 118号 enforcement publicity limit, the 停水 notice of 《城市供水条例》, units, anchors and wording.

use crate::codes::Severity::{Error, Info, Warning};

define_codes! {
    family: Time;
    EXCEEDS_STATUTORY_LIMIT = "time.exceeds_statutory_limit" {
        severity: Error,
        title: "主动公开时限超过20个工作日",
        source: "《政府信息公开条例》第二十六条（自形成或者变更之日起20个工作日内；法律、法规另有规定的从其规定）",
        message_zh: "主动公开事项“{item}”的公开时限为{days}个工作日，超过《政府信息公开条例》第二十六条规定的20个工作日；请改为“自信息形成或者变更之日起20个工作日内”，或在公开依据中引用另有规定的法律、法规",
        message_en: "Proactive item “{item}” has a time limit (公开时限) of {days} working days, beyond the 20 working days of Art. 26 of the Regulations on Open Government Information; write “within 20 working days of the information being formed or changed”, or cite in 公开依据 the law or regulation that sets another limit",
    }

    LONGER_LIMIT_NEEDS_ARTICLE = "time.longer_limit_needs_article" {
        severity: Info,
        title: "超过20个工作日的时限未注明法律、法规条款",
        source: "《政府信息公开条例》第二十六条（法律、法规对期限另有规定的，从其规定）",
        message_zh: "事项“{item}”的公开时限为{days}个工作日，长于20个工作日，依据是所引用的法律、法规另有规定；请在公开依据中注明规定该期限的条款，便于核对",
        message_en: "Item “{item}” has a time limit (公开时限) of {days} working days, longer than 20, relying on a cited law or regulation; name the article that sets this limit in 公开依据 so it can be checked",
    }

    CALENDAR_DAYS = "time.calendar_days" {
        severity: Warning,
        title: "时限以自然日计",
        source: "《政府信息公开条例》第二十六条、第三十三条（期限以工作日计）",
        message_zh: "事项“{item}”的公开时限以自然日计（{days}日），而条例规定的期限以工作日计，20日不等于20个工作日；请改写为“……个工作日内”",
        message_en: "Item “{item}” counts its time limit (公开时限) in calendar days ({days}); the Regulations count working days, and 20 days is not 20 working days; rewrite it in working days",
    }

    NO_ANCHOR = "time.no_anchor" {
        severity: Warning,
        title: "时限未写明起算点",
        source: "《政府信息公开条例》第二十六条（自该政府信息形成或者变更之日起）；gongkai 启发式",
        message_zh: "事项“{item}”的公开时限只写了天数（{days}天），未写明从何时起算，容易与行政许可办理时限（《行政许可法》第四十二条）混淆；请写成“自信息形成或者变更之日起{days}个工作日内”",
        message_en: "Item “{item}” states only a duration ({days} days) as its time limit (公开时限), with no starting point, which reads like the licensing decision period (Administrative Licensing Law Art. 42); write “within {days} working days of the information being formed or changed”",
    }

    ENFORCEMENT_DECISION_EXCEEDS_LIMIT = "time.enforcement_decision_exceeds_limit" {
        severity: Warning,
        title: "许可、处罚决定公开时限超过7个工作日",
        source: "国办发〔2018〕118号（行政执法公示制度：行政许可、行政处罚决定自作出之日起7个工作日内公开）",
        message_zh: "事项“{item}”涉及行政许可或行政处罚的决定、办理结果，公开时限为{days}个工作日；按国办发〔2018〕118号应自作出决定之日起7个工作日内公开；请缩短时限，或将办理结果拆分为单独的事项",
        message_en: "Item “{item}” covers licensing or penalty decisions or results with a time limit (公开时限) of {days} working days; State Council Office document 2018 No. 118 requires publication within 7 working days of the decision; shorten the limit or move the results to an item of their own",
    }

    ON_REQUEST_EXCEEDS_LIMIT = "time.on_request_exceeds_limit" {
        severity: Error,
        title: "依申请答复期限超过20个工作日",
        source: "《政府信息公开条例》第三十一条、第三十三条（自收到申请之日起20个工作日内答复，延长不超过20个工作日）",
        message_zh: "事项“{item}”的依申请答复期限为{days}个工作日，超过《政府信息公开条例》第三十三条规定的20个工作日；请改为“自收到申请之日起20个工作日内答复（经批准可延长，最长不超过20个工作日）”",
        message_en: "Item “{item}” gives {days} working days to reply to a request (公开时限), beyond the 20 working days of Art. 33; write “reply within 20 working days of receiving the request (extendable by at most 20 with approval)”",
    }

    FORMATION_ANCHOR_ON_REQUEST = "time.formation_anchor_on_request" {
        severity: Warning,
        title: "仅依申请公开的事项按信息形成之日起算",
        source: "《政府信息公开条例》第三十一条、第三十三条（依申请公开的期限自收到申请之日起算）",
        message_zh: "事项“{item}”只勾选了依申请公开，但公开时限从信息形成或者变更之日起算，这是主动公开的时限；请改为“自收到申请之日起20个工作日内答复”，或同时勾选主动公开",
        message_en: "Item “{item}” is disclosed on request only, but its time limit (公开时限) counts from the day the information is formed or changed, which is a proactive limit; write “reply within 20 working days of receiving the request”, or also tick proactive disclosure",
    }

    ANNUAL_REPORT_DEADLINE = "time.annual_report_deadline" {
        severity: Error,
        title: "政府信息公开工作年度报告时限错误",
        source: "《政府信息公开条例》第四十九条（县级以上人民政府部门每年1月31日前公布上一年度报告）",
        message_zh: "事项“{item}”的公开时限应为“{deadline}”：《政府信息公开条例》第四十九条规定政府信息公开工作年度报告{deadline}向社会公布；请更正公开时限",
        message_en: "Item “{item}”: the time limit (公开时限) of the annual report on open government information must be “{deadline_en}” (Art. 49 of the Regulations); correct it",
    }

    WATER_STOPPAGE_NOTICE = "time.water_stoppage_notice" {
        severity: Warning,
        title: "停水通知未提前24小时",
        source: "《城市供水条例》第二十二条（因工程施工、设备维修等原因停止供水，应当提前24小时通知用水单位和个人）",
        message_zh: "事项“{item}”是计划停水信息，公开时限应为“停水前提前24小时”（《城市供水条例》第二十二条），现为“{found}”；请改为提前24小时（或更早）通知",
        message_en: "Item “{item}” is a planned water stoppage notice; its time limit (公开时限) must be “at least 24 hours before the stoppage” (Urban Water Supply Regulations Art. 22), found “{found_en}”; give notice 24 hours (or more) in advance",
    }

    UNPARSED = "time.unparsed" {
        severity: Warning,
        title: "公开时限未能解析",
        source: "gongkai 启发式（公开时限须可核验）",
        message_zh: "事项“{item}”的公开时限“{text}”未能识别为标准写法，无法核对是否合法；请改写为如“自信息形成或者变更之日起20个工作日内”“提前24小时”“每年1月31日前”等形式",
        message_en: "Item “{item}”: the time limit (公开时限) “{text}” was not understood and cannot be checked; rewrite it in a standard form such as “within 20 working days of the information being formed or changed”, “24 hours in advance” or “by 31 January every year”",
    }

    NOT_A_LIMIT = "time.not_a_limit" {
        severity: Error,
        title: "公开时限未填写实际期限",
        source: "国办发〔2019〕54号（时限为目录必备要素）",
        message_zh: "事项“{item}”的公开时限“{text}”不是一个期限（如“同上”“按规定”或空白）；请填写具体期限，如“自信息形成或者变更之日起20个工作日内”",
        message_en: "Item “{item}”: the time limit (公开时限) “{text}” is not a limit (e.g. “same as above”, “as required”, blank); write an actual limit such as “within 20 working days of the information being formed or changed”",
    }

    PROMPTLY = "time.promptly" {
        severity: Warning,
        title: "公开时限只写“及时”",
        source: "《政府信息公开条例》第二十六条（20个工作日内及时公开）",
        message_zh: "事项“{item}”的公开时限只写了“及时公开”，无法核对；请写明期限，如“自信息形成或者变更之日起20个工作日内”",
        message_en: "Item “{item}”: the time limit (公开时限) only says “promptly”, which cannot be checked; state a limit such as “within 20 working days of the information being formed or changed”",
    }

    EVENT_MISSING = "time.event_missing" {
        severity: Warning,
        title: "起算事件未写明",
        source: "数据模型 v1（起算点为特定事件时须写明事件）",
        message_zh: "事项“{item}”的公开时限从特定事件起算，但未写明是什么事件；请在“起算事件”中填写，如“分配结果确定”",
        message_en: "Item “{item}”: the time limit (公开时限) counts from an event but does not say which; fill in the event, e.g. “allocation results are final”",
    }

    IMPOSSIBLE_DATE = "time.impossible_date" {
        severity: Error,
        title: "每年截止日期不存在",
        source: "gongkai 启发式（日期须真实存在）",
        message_zh: "事项“{item}”的公开时限为每年{month}月{day}日前，该日期不存在；请更正月、日",
        message_en: "Item “{item}”: the time limit (公开时限) is every year by month {month} day {day}, a date that does not exist; correct the month and day",
    }
}
