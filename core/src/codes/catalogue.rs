//! The catalogue header: domain, dates, region, publisher, blank text.

use crate::codes::Severity::{Error, Info, Warning};

define_codes! {
    family: Catalogue;
    UNKNOWN_DOMAIN = "catalogue.unknown_domain" {
        severity: Warning,
        title: "领域代码未知",
        source: "国办发〔2019〕54号（26个试点领域）；数据模型 v1（领域为开放列表）",
        message_zh: "领域代码“{value}”不在已知的26个领域中{suggestion_zh}；若确是新领域可以保留，否则请改用已知代码（如 municipal_services 表示市政服务，完整列表见数据模型）",
        message_en: "The domain code (领域) “{value}” is not one of the 26 known domains{suggestion_en}; keep it for a genuinely new domain, otherwise use a known code (e.g. municipal_services; the data model lists them all)",
    }

    UPDATED_BEFORE_ISSUED = "catalogue.updated_before_issued" {
        severity: Error,
        title: "更新日期早于编制日期",
        source: "数据模型 v1；《政府信息公开条例》第十二条（目录应包括生成日期并及时更新）",
        message_zh: "更新日期 {updated} 早于编制日期 {issued}；请核对两个日期",
        message_en: "The update date (更新日期) {updated} is before the issue date (编制日期) {issued}; check both dates",
    }

    FUTURE_DATE = "catalogue.future_date" {
        severity: Error,
        title: "日期在未来",
        source: "gongkai 启发式（日期不得晚于今天）",
        message_zh: "“{field}”{value} 晚于今天（{today}）；请核对日期",
        message_en: "“{field}” {value} is after today ({today}); check the date",
    }

    STALE = "catalogue.stale" {
        severity: Warning,
        title: "目录超过12个月未更新",
        source: "《政府信息公开条例》第十二条（公开目录应当及时更新）",
        message_zh: "目录最近一次编制或更新是 {date}，距今天（{today}）已超过12个月；请对照最新的法规和职责核对目录，并填写更新日期",
        message_en: "The catalogue was last issued or updated on {date}, more than 12 months before today ({today}); review it against current law and duties and set the update date (更新日期)",
    }

    ITEM_LEVEL_ABOVE_CATALOGUE = "catalogue.item_level_above_catalogue" {
        severity: Warning,
        title: "事项公开层级高于目录层级",
        source: "标准目录“公开层级”（县级目录勾选县级、乡级）；《政府信息公开条例》第十条",
        message_zh: "事项“{item}”勾选了公开层级“{level}”，高于本目录的层级（{catalogue_level}）；{catalogue_level}目录只能勾选本级及以下层级，请删除“{level}”",
        message_en: "Item “{item}” ticks the {level_en} level (公开层级), above this {catalogue_level_en}-level catalogue; tick only this level and below",
    }

    REGION_CODE_MISMATCH = "catalogue.region_code_mismatch" {
        severity: Warning,
        title: "行政区划代码与省份不符",
        source: "GB/T 2260（行政区划代码前两位为省级代码）",
        message_zh: "行政区划代码 {value} 的前两位表示{code_province}，与所填的省份“{province}”不符；请核对代码（如武陟县为 410823）",
        message_en: "The division code (行政区划代码) {value} belongs to {code_province}, not to the province given, “{province}”; check the code (武陟县 is 410823)",
    }

    BLANK_TEXT = "catalogue.blank_text" {
        severity: Error,
        title: "目录信息只有空白",
        source: "《政府信息公开条例》第十二条；国办发〔2019〕54号",
        message_zh: "“{field}”只有空格，没有实际内容；请填写",
        message_en: "“{field}” holds only white space; fill it in",
    }

    FILL_IN_MARKER = "catalogue.fill_in_marker" {
        severity: Error,
        title: "目录信息留有待填写标记",
        source: "国办发〔2019〕54号（因地制宜编制本级目录）",
        message_zh: "“{field}”的内容“{value}”仍是模板中的待填写内容（如“XX”）；请填写实际名称",
        message_en: "“{field}” “{value}” still holds a template fill-in mark (such as XX); write the actual name",
    }

    PUBLISHER_OUTSIDE_REGION = "catalogue.publisher_outside_region" {
        severity: Info,
        title: "编制单位名称不含所在行政区划",
        source: "gongkai 启发式",
        message_zh: "编制单位“{value}”的名称中没有行政区划“{region}”；请核对编制单位或行政区划，编制单位应写全称，如“武陟县城市管理局”",
        message_en: "The publisher (编制单位) “{value}” does not contain the region name “{region}”; check the publisher or the region, and write the publisher's full name",
    }
}
