//! The publication records of a timeliness audit (按时公开审计): bad files (`records.*`) and bad records (`record.*`).

use crate::codes::Severity::{Error, Warning};

const SRC: &str = "gongkai";
const SRC_SYNC: &str = "政策文件与解读材料同步组织、同步审签、同步部署（政策解读“三同步”）";
const SRC_33: &str = "《政府信息公开条例》第三十三条";

define_codes! {
    family: Records;
    MISSING_COLUMN = "records.missing_column" {
        severity: Error,
        title: "缺少必需的列",
        source: SRC,
        message_zh: "记录表缺少必需的列 {column}（必需：item_id 或 事项编号、formed_on 或 形成日期、published_on 或 公开日期）",
        message_en: "the records lack the required column {column} (required: item_id or 事项编号, formed_on or 形成日期, published_on or 公开日期)",
    }

    UNKNOWN_COLUMN = "records.unknown_column" {
        severity: Warning,
        title: "未知的列",
        source: SRC,
        message_zh: "不认识的列 {column}，已忽略（可用：item_id/事项编号、formed_on/形成日期、published_on/公开日期、request_received/申请日期、extended/是否延期、event_at/事件时间、note/备注、url/链接、title/标题、kind、interprets）",
        message_en: "unknown column {column}, ignored (known: item_id, formed_on, published_on, request_received, extended, event_at, note, url, title, kind, interprets)",
    }

    EMPTY = "records.empty" {
        severity: Warning,
        title: "没有记录",
        source: SRC,
        message_zh: "记录表没有数据行",
        message_en: "there are no records",
    }

    NOT_AN_OBJECT = "record.not_an_object" {
        severity: Error,
        title: "记录不是对象",
        source: SRC,
        message_zh: "{record}不是 JSON 对象（应为 {\"item_id\": …, \"formed_on\": …, \"published_on\": …}）",
        message_en: "{record_en} is not a JSON object (expected {\"item_id\": …, \"formed_on\": …, \"published_on\": …})",
    }

    MISSING_FIELD = "record.missing_field" {
        severity: Error,
        title: "缺少字段",
        source: SRC,
        message_zh: "{record}缺少 {column}（未公开时写 null 或空字符串）",
        message_en: "{record_en} lacks {column} (use null or an empty string when not published)",
    }

    MISSING_VALUE = "record.missing_value" {
        severity: Error,
        title: "必填值为空",
        source: SRC,
        message_zh: "{record}的 {column} 为空",
        message_en: "{record_en}: {column} is empty",
    }

    UNKNOWN_ITEM = "record.unknown_item" {
        severity: Error,
        title: "事项不在目录中",
        source: SRC,
        message_zh: "{record}的事项编号“{item_id}”不在目录中",
        message_en: "{record_en}: item id “{item_id}” is not in the catalogue",
    }

    BAD_DATE = "record.bad_date" {
        severity: Error,
        title: "日期无效",
        source: SRC,
        message_zh: "{record}的 {column}“{value}”不是有效日期（应为 YYYY-MM-DD，如 2024-03-01）",
        message_en: "{record_en}: {column} “{value}” is not a valid date (use YYYY-MM-DD, e.g. 2024-03-01)",
    }

    DATE_ORDER = "record.date_order" {
        severity: Error,
        title: "日期先后颠倒",
        source: SRC,
        message_zh: "{record}的 {column}（{value}）早于 {other_column}（{other}）",
        message_en: "{record_en}: {column} ({value}) is before {other_column} ({other})",
    }

    FUTURE_DATE = "record.future_date" {
        severity: Error,
        title: "日期晚于今天",
        source: SRC,
        message_zh: "{record}的 {column}（{value}）晚于今天（{today}）",
        message_en: "{record_en}: {column} ({value}) is after today ({today})",
    }

    BAD_EXTENSION = "record.bad_extension" {
        severity: Error,
        title: "延期值无效",
        source: SRC_33,
        message_zh: "{record}的 extended“{value}”无效：填 是/否，或延长的工作日数 1–20（延长的期限最长不得超过20个工作日）",
        message_en: "{record_en}: extended “{value}” is not valid: use yes/no, or the working days granted, 1–20 (an extension may not exceed 20 working days)",
    }

    BAD_KIND = "record.bad_kind" {
        severity: Warning,
        title: "信息类别无法识别",
        source: SRC,
        message_zh: "{record}的 kind“{value}”无法识别，按普通信息计（可填 policy 或 政策文件、interpretation 或 解读，或留空）",
        message_en: "{record_en}: kind “{value}” is not understood and is counted as an ordinary publication (use policy, interpretation, or leave it empty)",
    }

    MISSING_INTERPRETS = "record.missing_interprets" {
        severity: Warning,
        title: "解读未注明所解读的文件",
        source: SRC,
        message_zh: "{record}是政策解读，但 interprets 为空：请填所解读政策文件的标题或网址",
        message_en: "{record_en} is an interpretation but interprets is empty: give the title or url of the document it explains",
    }

    UNKNOWN_DOCUMENT = "record.unknown_document" {
        severity: Warning,
        title: "找不到所解读的文件",
        source: SRC,
        message_zh: "{record}的 interprets“{value}”找不到同标题或同网址的政策文件记录（kind 为 政策文件）",
        message_en: "{record_en}: interprets “{value}” names no policy document record (kind policy) by its title or url",
    }

    INTERPRETATION_LATE = "record.interpretation_late" {
        severity: Warning,
        title: "政策解读晚于文件发布",
        source: SRC_SYNC,
        message_zh: "政策文件“{title}”（{record}）{published_on} 发布，其解读（{interpretation}）{interpreted_on} 才发布，未同步",
        message_en: "policy document “{title}” ({record_en}) was published on {published_on}, its interpretation ({interpretation_en}) only on {interpreted_on}: not in step",
    }

    INTERPRETATION_MISSING = "record.interpretation_missing" {
        severity: Warning,
        title: "政策文件没有解读",
        source: SRC_SYNC,
        message_zh: "政策文件“{title}”（{record}，{published_on} 发布）没有已发布的解读",
        message_en: "policy document “{title}” ({record_en}, published on {published_on}) has no published interpretation",
    }

    NOT_ON_REQUEST = "record.not_on_request" {
        severity: Error,
        title: "事项不是依申请",
        source: SRC,
        message_zh: "{record}填写了 request_received（{value}），但事项“{item}”的公开方式不含依申请",
        message_en: "{record_en} has request_received ({value}), but item “{item}” is not disclosed on request",
    }

    MISSING_REQUEST = "record.missing_request" {
        severity: Error,
        title: "缺少收到申请之日",
        source: SRC_33,
        message_zh: "{record}：事项“{item}”只依申请公开，request_received（收到申请之日）不能为空",
        message_en: "{record_en}: item “{item}” is disclosed on request only, so request_received must be filled in",
    }

    EXTENSION_IGNORED = "record.extension_ignored" {
        severity: Warning,
        title: "延期不适用",
        source: SRC_33,
        message_zh: "{record}的延期已忽略：第三十三条的延期只适用于依申请、以工作日计的答复期限",
        message_en: "{record_en}: the extension is ignored: the extension of article 33 applies only to replies to requests counted in working days",
    }
}
