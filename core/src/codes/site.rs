//! The 专题 site generator's own findings (`gongkai site`): refused catalogues and records that
//! cannot be shown.

use crate::codes::Severity::{Error, Warning};

const SRC: &str = "gongkai";

define_codes! {
    family: Site;
    REFUSED = "site.refused" {
        severity: Error,
        title: "目录有错误，未发布",
        source: SRC,
        message_zh: "{file}：目录有 {errors} 个错误，按 --strict 不予发布；请先修正（gongkai validate 可列出全部问题）",
        message_en: "{file}: the catalogue has {errors} errors and is not published (--strict); fix them first (gongkai validate lists every problem)",
    }

    RECORDS_UNMATCHED = "site.records_unmatched" {
        severity: Warning,
        title: "记录表没有对应的目录",
        source: SRC,
        message_zh: "{file}：找不到同名的目录文件，记录未使用（记录表应与目录文件同名，如 城管局.xlsx 对应 城管局.csv）",
        message_en: "{file}: no catalogue file has the same name, the records are not used (name the records like the catalogue, e.g. unit.xlsx and unit.csv)",
    }

    UNKNOWN_ITEM = "site.unknown_item" {
        severity: Warning,
        title: "记录的事项不在目录中",
        source: SRC,
        message_zh: "{file} 第 {row} 条记录：事项编号“{item_id}”不在目录中，该文件未列出",
        message_en: "{file} record {row}: item id “{item_id}” is not in the catalogue; the document is not listed",
    }

    BAD_URL = "site.bad_url" {
        severity: Warning,
        title: "链接地址无效",
        source: SRC,
        message_zh: "{file} 第 {row} 条记录：url“{value}”不是以 http:// 或 https:// 开头的完整网址，该文件未列出",
        message_en: "{file} record {row}: url “{value}” is not a full http:// or https:// address; the document is not listed",
    }

    BAD_DATE = "site.bad_date" {
        severity: Warning,
        title: "发布日期无效",
        source: SRC,
        message_zh: "{file} 第 {row} 条记录：published_on“{value}”不是有效日期（应为 YYYY-MM-DD），该文件列在最后且不标日期",
        message_en: "{file} record {row}: published_on “{value}” is not a valid date (use YYYY-MM-DD); the document is listed last, undated",
    }

    XLSX_SKIPPED = "site.xlsx_skipped" {
        severity: Warning,
        title: "未生成 XLSX",
        source: SRC,
        message_zh: "{file}：无法生成 XLSX 数据文件（{reason}），页面只提供 JSON 和 CSV",
        message_en: "{file}: the XLSX data file cannot be made ({reason}); the page offers JSON and CSV only",
    }
}
