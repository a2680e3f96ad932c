//! The 监督评价's own findings (`gongkai evaluate`): units that cannot be read, manifest and
//! records problems, and the timeliness and coverage findings the scores deduct for.

use crate::codes::Severity::{Error, Info, Warning};

const SRC: &str = "gongkai";
const SRC_TIME: &str = "标准目录所列公开时限（《政府信息公开条例》第二十六条）";

define_codes! {
    family: Evaluate;
    UNREADABLE = "evaluate.unreadable" {
        severity: Error,
        title: "目录无法读取",
        source: SRC,
        message_zh: "{file}：无法读取，未参加评分：{error}",
        message_en: "{file}: cannot be read and is not scored: {error}",
    }

    MISSING_FILE = "evaluate.missing_file" {
        severity: Error,
        title: "找不到目录文件",
        source: SRC,
        message_zh: "单位“{unit}”的目录文件 {file} 不存在，未参加评分（请检查文件路径或清单）",
        message_en: "the catalogue file {file} of unit “{unit}” does not exist and is not scored (check the path in the manifest)",
    }

    DUPLICATE_UNIT = "evaluate.duplicate_unit" {
        severity: Warning,
        title: "单位名称重复",
        source: SRC,
        message_zh: "{file} 与 {other} 的单位名称都是“{unit}”，本文件改称“{renamed}”；请在清单（--manifest）中给出不同的名称",
        message_en: "{file} and {other} are both named “{unit}”; this file is called “{renamed}”; give them distinct names in the manifest (--manifest)",
    }

    MANIFEST_ROW = "evaluate.manifest_row" {
        severity: Error,
        title: "清单行不完整",
        source: SRC,
        message_zh: "清单第 {line} 行缺少 {column}，该行未使用",
        message_en: "manifest line {line} has no {column}; the line is not used",
    }

    MANIFEST_DUPLICATE = "evaluate.manifest_duplicate" {
        severity: Error,
        title: "清单重复列出",
        source: SRC,
        message_zh: "清单第 {line} 行的{column}“{value}”已在第 {other_line} 行列出，该行未使用",
        message_en: "manifest line {line}: {column} “{value}” is already listed on line {other_line}; the line is not used",
    }

    NOT_IN_MANIFEST = "evaluate.not_in_manifest" {
        severity: Warning,
        title: "文件不在清单中",
        source: SRC,
        message_zh: "{file} 不在清单中，按文件名作为单位“{unit}”评价",
        message_en: "{file} is not in the manifest and is evaluated as unit “{unit}”, after its file name",
    }

    UNKNOWN_PARENT = "evaluate.unknown_parent" {
        severity: Warning,
        title: "上级目录不在本次评价中",
        source: SRC,
        message_zh: "单位“{unit}”的上级“{parent}”不是本次评价的单位，未做衔接检查",
        message_en: "the parent “{parent}” of unit “{unit}” is not among the units evaluated; agreement was not checked",
    }

    PARENT_UNREADABLE = "evaluate.parent_unreadable" {
        severity: Warning,
        title: "上级目录无法读取",
        source: SRC,
        message_zh: "单位“{unit}”的上级“{parent}”的目录无法读取，未做衔接检查",
        message_en: "the catalogue of the parent “{parent}” of unit “{unit}” cannot be read; agreement was not checked",
    }

    RECORDS_UNREADABLE = "evaluate.records_unreadable" {
        severity: Error,
        title: "公开记录无法读取",
        source: SRC,
        message_zh: "{file}：公开记录无法读取，本单位按没有记录评价：{error}",
        message_en: "{file}: the publication records cannot be read; the unit is evaluated without records: {error}",
    }

    RECORDS_UNMATCHED = "evaluate.records_unmatched" {
        severity: Warning,
        title: "记录表没有对应的单位",
        source: SRC,
        message_zh: "{file}：找不到同名的目录文件，记录未使用（记录表应与目录文件同名，如 城管局.xlsx 对应 城管局.csv，或在清单的 records 列写明）",
        message_en: "{file}: no catalogue file has the same name, the records are not used (name them like the catalogue, e.g. unit.xlsx and unit.csv, or list them in the manifest's records column)",
    }

    SKIPPED_FILE = "evaluate.skipped_file" {
        severity: Info,
        title: "非目录文件未读取",
        source: SRC,
        message_zh: "{file} 不是目录文件（只读取 .json、.csv、.xlsx、.xls、.html），已跳过",
        message_en: "{file} is not a catalogue file (only .json, .csv, .xlsx, .xls and .html are read) and was skipped",
    }

    EMPTY_FOLDER = "evaluate.empty_folder" {
        severity: Warning,
        title: "文件夹中没有目录",
        source: SRC,
        message_zh: "{file}：文件夹中没有目录文件（.json、.csv、.xlsx、.xls、.html）",
        message_en: "{file}: the folder holds no catalogue file (.json, .csv, .xlsx, .xls, .html)",
    }

    NO_REFERENCE = "evaluate.no_reference" {
        severity: Info,
        title: "没有可对照的上级标准目录",
        source: SRC,
        message_zh: "领域“{domain}”没有适用于{level}目录的上级标准目录事项，未计算覆盖率（可用 --reference 给出上级目录文件）",
        message_en: "the field “{domain}” has no upper-level standard items for a {level} catalogue; coverage was not computed (give one with --reference)",
    }

    PUBLISHED_LATE = "evaluate.published_late" {
        severity: Warning,
        title: "逾期公开",
        source: SRC_TIME,
        message_zh: "事项“{item}”第 {row} 条记录 {published_on} 公开，截止日为 {deadline}，逾期 {days} 天",
        message_en: "item “{item}”, record {row}: published on {published_on}, due {deadline}, {days} days late",
    }

    OVERDUE = "evaluate.overdue" {
        severity: Error,
        title: "超期未公开",
        source: SRC_TIME,
        message_zh: "事项“{item}”第 {row} 条记录截止日为 {deadline}，至 {today} 仍未公开（已超 {days} 天）",
        message_en: "item “{item}”, record {row}: due {deadline} and still not published on {today} ({days} days over)",
    }

    NOT_PUBLISHED = "evaluate.not_published" {
        severity: Warning,
        title: "本期没有公开记录",
        source: SRC,
        message_zh: "主动公开事项“{item}”在本期公开记录中没有一次发布",
        message_en: "proactive item “{item}” has no publication in the period's records",
    }
}
