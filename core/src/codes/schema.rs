//! Structural codes: what the published JSON Schema decides (`structural`), and the duplicate and unknown keys no schema validator sees.

use crate::codes::Severity::{Error, Warning};

const SCHEMA: &str = "gongkai 数据模型 v1（JSON Schema）";

define_codes! {
    family: Structure;
    REQUIRED = "schema.required" {
        structural: true,
        severity: Error,
        title: "缺少必填项",
        source: "国办发〔2019〕54号（目录至少包括名称、内容、依据、时限、主体、方式、渠道、公开对象）；数据模型 v1",
        message_zh: "缺少必填项“{field}”（{key}），请补充",
        message_en: "Required field “{field}” ({key}) is missing; add it",
    }

    TYPE = "schema.type" {
        structural: true,
        severity: Error,
        title: "类型错误",
        source: SCHEMA,
        message_zh: "“{field}”应为{expected}，实际为{actual}，请更正",
        message_en: "“{field}” must be {expected_en}, found {actual_en}; correct it",
    }

    ENUM = "schema.enum" {
        structural: true,
        severity: Error,
        title: "取值不在允许范围内",
        source: SCHEMA,
        message_zh: "“{field}”的取值“{value}”无效，应为以下之一：{allowed}",
        message_en: "“{field}” has the invalid value “{value}”; use one of: {allowed}",
    }

    SCHEMA_VERSION = "schema.schema_version" {
        structural: true,
        severity: Error,
        title: "标准版本不受支持",
        source: SCHEMA,
        message_zh: "标准版本“{value}”不受支持，本工具支持的版本为 \"1.0\"、\"1.1\"",
        message_en: "Schema version “{value}” is not supported; this tool reads \"1.0\" and \"1.1\"",
    }

    EMPTY = "schema.empty" {
        structural: true,
        severity: Error,
        title: "内容为空",
        source: "国办发〔2019〕54号；数据模型 v1",
        message_zh: "“{field}”不能为空，请填写",
        message_en: "“{field}” must not be empty; fill it in",
    }

    MIN_ITEMS = "schema.min_items" {
        structural: true,
        severity: Error,
        title: "至少填写一项",
        source: "国办发〔2019〕54号；数据模型 v1",
        message_zh: "“{field}”至少需要填写或勾选一项",
        message_en: "“{field}” needs at least one entry",
    }

    DUPLICATE_VALUES = "schema.duplicate_values" {
        structural: true,
        severity: Error,
        title: "重复的取值",
        source: SCHEMA,
        message_zh: "“{field}”中有重复的取值，请删除重复项",
        message_en: "“{field}” lists a value twice; remove the duplicate",
    }

    OUT_OF_RANGE = "schema.out_of_range" {
        structural: true,
        severity: Error,
        title: "数值超出范围",
        source: SCHEMA,
        message_zh: "“{field}”的数值 {value} 超出允许范围（{limit}）",
        message_en: "“{field}” value {value} is out of range ({limit_en})",
    }

    INVALID_DATE = "schema.invalid_date" {
        structural: true,
        severity: Error,
        title: "日期无效",
        source: "《政府信息公开条例》第十二条（目录应包括生成日期）；数据模型 v1",
        message_zh: "“{field}”的日期“{value}”无效，请按 YYYY-MM-DD 填写真实日期，如 2024-03-01",
        message_en: "“{field}” date “{value}” is not a real date; write YYYY-MM-DD, e.g. 2024-03-01",
    }

    PATTERN = "schema.pattern" {
        structural: true,
        severity: Error,
        title: "格式不符",
        source: "GB/T 2260（行政区划代码）；数据模型 v1",
        message_zh: "“{field}”的格式不符：“{value}”，行政区划代码应为6位数字，如 410823",
        message_en: "“{field}” is malformed: “{value}”; a division code is 6 digits, e.g. 410823",
    }

    CHANNELS_MISSING = "schema.channels_missing" {
        structural: true,
        severity: Error,
        title: "未勾选公开渠道",
        source: "国办发〔2019〕54号（渠道为目录必备要素）",
        message_zh: "未勾选任何公开渠道，请在“公开渠道和载体”中至少勾选一项或填写“其他”",
        message_en: "No disclosure channel is chosen; tick at least one channel or fill in “other”",
    }

    INVALID = "schema.invalid" {
        structural: true,
        severity: Error,
        title: "结构无效",
        source: SCHEMA,
        message_zh: "“{field}”的结构无效（{detail}）",
        message_en: "“{field}” is structurally invalid ({detail})",
    }

    DUPLICATE_KEY = "json.duplicate_key" {
        severity: Error,
        title: "重复的键",
        source: "RFC 8259 第4节（对象中的键应唯一）",
        message_zh: "同一对象中键“{key}”出现了多次，数据有歧义，请只保留一个",
        message_en: "Key “{key}” appears more than once in the same object; the data is ambiguous, keep one",
    }

    NEWER_VERSION_FIELD = "model.newer_version_field" {
        severity: Warning,
        title: "使用了较新版本的字段",
        source: "数据模型 v1.1（1.1 是 1.0 的严格超集）",
        message_zh: "“{field}”（{key}）是标准版本 1.1 的内容，但文件的标准版本为 {version}；请用 gongkai migrate 将文件升级为 1.1",
        message_en: "“{field}” ({key}) belongs to schema version 1.1, but the file says {version}; upgrade it with gongkai migrate",
    }

    UNKNOWN_KEY = "model.unknown_key" {
        severity: Warning,
        title: "未知的键",
        source: "数据模型 v1（未知键保留但给出警告）",
        message_zh: "未知的键“{key}”{suggestion_zh}；该键已保留，但不会被校验",
        message_en: "Unknown key “{key}”{suggestion_en}; it is kept but not validated",
    }
}
