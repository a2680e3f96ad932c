//! The table layout, in one home: which columns a catalogue table has and in what order, their
//! header texts, the labels of the metadata block (目录信息) and their synonyms, and how each
//! value is written in a cell ([`cells`]: ticks, ■/□ channel lists, the canonical wording of
//! time limits and citations, the formula guard).
//!
//! The exporters write these forms and the importer reads them back (and the variants real
//! tables use); the diff orders its findings by [`field_rank`]. It sits below import, export and
//! diff, and depends only on the model.

pub mod cells;

/// The name of the XLSX sheet holding the table.
pub const SHEET_TABLE: &str = "标准目录";
/// The name of the XLSX sheet holding the metadata block.
pub const SHEET_METADATA: &str = "目录信息";
/// The suffix of a header (or metadata label) whose cells hold compact JSON values rather
/// than plain text. Importers should also accept it after width folding: `(JSON)`.
pub const JSON_SUFFIX: &str = "（JSON）";

/// Header texts of the standard columns, exactly as written in the two header rows.
pub mod headers {
    /// 序号 (`id`), spans both header rows.
    pub const ID: &str = "序号";
    /// Group over 一级事项 / 二级事项 (/ 三级事项).
    pub const ITEM: &str = "公开事项";
    /// `category`.
    pub const CATEGORY: &str = "一级事项";
    /// `name`.
    pub const NAME: &str = "二级事项";
    /// `subitem` (only when some item has one).
    pub const SUBITEM: &str = "三级事项";
    /// `content`, spans both header rows.
    pub const CONTENT: &str = "公开内容（要素）";
    /// `basis`.
    pub const BASIS: &str = "公开依据";
    /// `time_limit`.
    pub const TIME_LIMIT: &str = "公开时限";
    /// `subject`.
    pub const SUBJECT: &str = "公开主体";
    /// `channels` + `other_channels`.
    pub const CHANNELS: &str = "公开渠道和载体";
    /// Group over 全社会 / 特定群体 (`audience`).
    pub const AUDIENCE: &str = "公开对象";
    /// Group over 主动 / 依申请 (`method`).
    pub const METHOD: &str = "公开方式";
    /// Group over 市级 / 县级 / 乡级 / 村级 (`levels`).
    pub const LEVELS: &str = "公开层级";
    /// `notes`.
    pub const NOTES: &str = "备注";
    /// `audience_note` (a trailing column, only when some item has one).
    pub const AUDIENCE_NOTE: &str = "特定群体说明";
    /// `responsible_office` (1.1; after 公开主体, only when some item has one).
    pub const RESPONSIBLE_OFFICE: &str = "责任科室";
    /// `retention` (1.1; after 公开时限, only when some item has one).
    pub const RETENTION: &str = "公开时长";
    /// `scope_note` (1.1; a trailing column, only when some item has one).
    pub const SCOPE_NOTE: &str = "公开范围";
}

/// Labels of the metadata block: one row per value, label in the first cell, value in the
/// second, in this order. Rows of absent optional values are left out.
pub mod meta {
    /// `title`.
    pub const TITLE: &str = "目录名称";
    /// `domain`: the Chinese name of a known code (市政服务), else the code as is.
    pub const DOMAIN: &str = "领域";
    /// `publisher`.
    pub const PUBLISHER: &str = "编制单位";
    /// `level`: 市级, 县级, 乡级 or 村级.
    pub const LEVEL: &str = "目录层级";
    /// `region.province`.
    pub const PROVINCE: &str = "省";
    /// `region.city`.
    pub const CITY: &str = "市";
    /// `region.county`.
    pub const COUNTY: &str = "县";
    /// `region.township`.
    pub const TOWNSHIP: &str = "乡镇";
    /// `region.code`.
    pub const REGION_CODE: &str = "行政区划代码";
    /// `issued` (YYYY-MM-DD, as text).
    pub const ISSUED: &str = "编制日期";
    /// `updated` (YYYY-MM-DD, as text).
    pub const UPDATED: &str = "更新日期";
    /// `based_on.title`.
    pub const BASED_ON: &str = "上级标准目录";
    /// `based_on.doc_no`.
    pub const BASED_ON_DOC_NO: &str = "上级目录文号";
    /// `based_on.issuer`.
    pub const BASED_ON_ISSUER: &str = "上级目录发文机关";
    /// `schema_version`.
    pub const SCHEMA_VERSION: &str = "标准版本";
    /// `version` (1.1): free text such as 2024年版.
    pub const VERSION: &str = "目录版本";
    /// `revisions` (1.1): one line per revision, `YYYY-MM-DD 修订说明`.
    pub const REVISIONS: &str = "修订记录";
    /// `next_review` (1.1, YYYY-MM-DD).
    pub const NEXT_REVIEW: &str = "下次评估日期";
    /// The label a table's `label：value` line means: one of [`ALL`], or what counties write
    /// above a table for the same fields (填报单位 for 编制单位, 制表日期 for 编制日期 …). `label`
    /// is already folded (widths, spaces) and without its colon.
    pub fn label(label: &str) -> Option<&'static str> {
        ALL.iter().copied().find(|m| *m == label).or(match label {
            "填报单位" | "制表单位" | "编制机关" | "编制部门" => Some(PUBLISHER),
            "制表日期" | "填报日期" | "编制时间" | "发布日期" | "印发日期" => {
                Some(ISSUED)
            }
            "更新时间" | "修订日期" => Some(UPDATED),
            "版本" | "目录版次" => Some(VERSION),
            "修订说明" | "修订情况" => Some(REVISIONS),
            "下次评估时间" | "下次调整日期" | "下次评估" => Some(NEXT_REVIEW),
            _ => None,
        })
    }

    /// Every label above, in the order written.
    pub const ALL: &[&str] = &[
        TITLE,
        DOMAIN,
        PUBLISHER,
        LEVEL,
        PROVINCE,
        CITY,
        COUNTY,
        TOWNSHIP,
        REGION_CODE,
        ISSUED,
        UPDATED,
        BASED_ON,
        BASED_ON_DOC_NO,
        BASED_ON_ISSUER,
        VERSION,
        REVISIONS,
        NEXT_REVIEW,
        SCHEMA_VERSION,
    ];
}

/// The rank of an item field in the standard table's column order (序号, 一级事项, 二级事项,
/// 三级事项, 公开内容, 公开依据, 公开时限, 公开主体, 公开渠道, 公开对象, 公开方式, 公开层级, 备注:
/// the model's key order, [`crate::model::known_keys::ITEM`]), from 1; an unknown key ranks last.
pub fn field_rank(key: &str) -> usize {
    let order = crate::model::known_keys::ITEM;
    order
        .iter()
        .position(|f| *f == key)
        .map_or(order.len() + 1, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_synonyms_name_known_labels() {
        for l in meta::ALL {
            assert_eq!(meta::label(l), Some(*l));
        }
        assert_eq!(meta::label("填报单位"), Some(meta::PUBLISHER));
        assert_eq!(meta::label("印发日期"), Some(meta::ISSUED));
        assert_eq!(meta::label("修订日期"), Some(meta::UPDATED));
        assert_eq!(meta::label("联系电话"), None);
    }

    #[test]
    fn fields_rank_in_table_order() {
        assert!(field_rank("category") < field_rank("name"));
        assert!(field_rank("time_limit") < field_rank("channels"));
        assert!(field_rank("levels") < field_rank("notes"));
        assert_eq!(field_rank("nope"), crate::model::known_keys::ITEM.len() + 1);
    }
}
