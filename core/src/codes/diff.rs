//! The diff against the upper-level standard (对照上级标准目录) and the consistency check of linked catalogues.

use crate::codes::Severity::{Error, Info, Warning};

const MINIMUM: &str =
    "国办发〔2019〕54号（对照上级标准目录编制；上级目录所列事项为最低要求，可增补不可删减）";
const TEMPLATE: &str = "国办发〔2019〕54号；上级标准目录（对照检查）";
const LINKAGE: &str = "国办发〔2019〕54号（政务公开与村（居）务公开衔接）";

define_codes! {
    family: Diff;
    MISSING_ITEM = "diff.missing_item" {
        severity: Error,
        title: "缺少上级标准目录的事项",
        source: MINIMUM,
        message_zh: "上级标准目录的事项“{ref_item}”（{ref_category}）在本目录中未找到{closest_zh}；上级目录所列事项是最低要求，请补充该事项",
        message_en: "The upper-level item “{ref_item}” ({ref_category}) is not in this catalogue{closest_en}; the upper-level items are the minimum, add it",
    }

    MISSING_UNCERTAIN_ITEM = "diff.missing_uncertain_item" {
        severity: Warning,
        title: "缺少上级目录中未经核实的事项",
        source: MINIMUM,
        message_zh: "上级标准目录中未经核实的事项“{ref_item}”（{ref_category}，仅见于部分地方副本）在本目录中未找到{closest_zh}；请核对本机关是否有此事项",
        message_en: "The unverified upper-level item “{ref_item}” ({ref_category}, seen only in some local copies) is not in this catalogue{closest_en}; check whether this organ handles it",
    }

    DOMAIN_MISMATCH = "diff.domain_mismatch" {
        severity: Warning,
        title: "与上级标准目录的领域不同",
        source: TEMPLATE,
        message_zh: "本目录的领域“{local_domain}”与上级标准目录的领域“{ref_domain}”不同；请确认对照的是本领域的上级标准目录",
        message_en: "This catalogue's field ({local_domain_en}) differs from the upper-level standard's ({ref_domain_en}); check that the right standard is used",
    }

    WEAKENED_TIME_LIMIT = "diff.weakened_time_limit" {
        severity: Error,
        title: "公开时限比上级标准目录宽松",
        source: "《政府信息公开条例》第二十六条；国办发〔2019〕54号（不得低于上级标准）",
        message_zh: "“{item}”的公开时限“{local_time}”比上级标准目录的“{ref_time}”更长；请改为不超过上级目录的时限",
        message_en: "The time limit of “{item}” ({local_time_en}) is longer than the upper-level standard's ({ref_time_en}); shorten it",
    }

    TIME_LIMIT_NOT_COMPARABLE = "diff.time_limit_not_comparable" {
        severity: Warning,
        title: "公开时限无法与上级标准目录比较",
        source: TEMPLATE,
        message_zh: "“{item}”的公开时限“{local_time}”无法与上级标准目录的“{ref_time}”比较（{why_zh}）；请人工核对是否放宽了时限",
        message_en: "The time limit of “{item}” ({local_time_en}) cannot be compared with the upper-level standard's ({ref_time_en}): {why_en}; check by hand that it is not weaker",
    }

    WEAKENED_CHANNEL = "diff.weakened_channel" {
        severity: Error,
        title: "删去了上级标准目录必选的公开渠道",
        source: "《政府信息公开条例》第二十四条；上级标准目录“■”必选渠道",
        message_zh: "“{item}”未勾选上级标准目录中必选（■）的公开渠道“{channel}”；请补充",
        message_en: "“{item}” does not list the channel “{channel_en}”, which the upper-level standard makes mandatory (■); add it",
    }

    WEAKENED_METHOD = "diff.weakened_method" {
        severity: Error,
        title: "主动公开改为仅依申请公开",
        source: "《政府信息公开条例》第十九条、第二十条；上级标准目录",
        message_zh: "“{item}”在上级标准目录中为主动公开，本目录只勾选了依申请公开；请勾选“主动”",
        message_en: "“{item}” is proactive in the upper-level standard but only on request here; tick “proactive”",
    }

    WEAKENED_AUDIENCE = "diff.weakened_audience" {
        severity: Error,
        title: "公开对象比上级标准目录窄",
        source: "《政府信息公开条例》第二十条；上级标准目录",
        message_zh: "“{item}”在上级标准目录中面向“{audience}”公开，本目录未勾选；请补充公开对象",
        message_en: "“{item}” is disclosed to “{audience_en}” in the upper-level standard but not here; add that audience",
    }

    WEAKENED_LEVEL = "diff.weakened_level" {
        severity: Error,
        title: "缺少上级标准目录的公开层级",
        source: "《政府信息公开条例》第十条；上级标准目录（公开层级）",
        message_zh: "“{item}”未勾选上级标准目录中的公开层级“{level}”；请补充",
        message_en: "“{item}” does not tick the level “{level_en}” of the upper-level standard; add it",
    }

    WEAKENED_BASIS = "diff.weakened_basis" {
        severity: Error,
        title: "删去了上级标准目录的公开依据",
        source: TEMPLATE,
        message_zh: "“{item}”的公开依据中没有上级标准目录引用的《{citation}》；请补充",
        message_en: "The legal basis of “{item}” does not cite “{citation}”, which the upper-level standard cites; add it",
    }

    WEAKENED_CONTENT = "diff.weakened_content" {
        severity: Error,
        title: "删去了上级标准目录的公开内容要素",
        source: "《政府信息公开条例》第二十条；上级标准目录（公开内容）",
        message_zh: "“{item}”的公开内容中没有上级标准目录要求的要素“{element}”；请补充",
        message_en: "The content of “{item}” lacks the element “{element}” that the upper-level standard requires; add it",
    }

    PLACEHOLDER_SUBJECT = "diff.placeholder_subject" {
        severity: Warning,
        title: "公开主体未本地化",
        source: "国办发〔2019〕54号（因地制宜，避免“一刀切”）；《政府信息公开条例》第十条",
        message_zh: "“{item}”的公开主体仍是上级模板的占位文字“{subject}”；请改为本地具体负责的机关名称",
        message_en: "The publishing organ of “{item}” is still the template placeholder “{subject}”; name the local organ",
    }

    AMBIGUOUS_MATCH = "diff.ambiguous_match" {
        severity: Warning,
        title: "事项对应关系不明确",
        source: "gongkai（对照检查）",
        message_zh: "{ref_side}的事项“{ref_item}”与{local_side}中的多个事项同样接近：{candidates}；无法确定对应关系，请统一名称或合并重复的事项",
        message_en: "The item “{ref_item}” of {ref_side_en} is equally close to several items of {local_side_en}: {candidates_en}; the match cannot be decided, align the names or merge the duplicates",
    }

    RENAMED_ITEM = "diff.renamed_item" {
        severity: Info,
        title: "事项名称与上级标准目录不同",
        source: "gongkai（对照检查）",
        message_zh: "本目录的“{item}”对应上级标准目录的“{ref_item}”（{reason_zh}，相似度 {score}）",
        message_en: "“{item}” here corresponds to the upper-level item “{ref_item}” ({reason_en}, similarity {score})",
    }

    NOT_STATED = "diff.not_stated" {
        severity: Info,
        title: "未填写，无法与上级标准目录比较",
        source: "gongkai（对照检查）",
        message_zh: "“{item}”未填写“{field}”，无法与上级标准目录（{ref_value}）比较",
        message_en: "“{item}” leaves “{field_en}” empty, so it cannot be compared with the upper-level standard ({ref_value_en})",
    }

    LOCAL_ADDITION = "diff.local_addition" {
        severity: Info,
        title: "本地增补的事项",
        source: "国办发〔2019〕54号（因地制宜，可增补事项）",
        message_zh: "“{item}”（{category}）是本目录增补的事项，上级标准目录中没有",
        message_en: "“{item}” ({category}) is a local addition; the upper-level standard does not have it",
    }

    INCONSISTENT_CONTENT = "diff.inconsistent_content" {
        severity: Warning,
        title: "两份目录的共有事项公开内容不一致",
        source: LINKAGE,
        message_zh: "两份目录共有的事项“{item}”公开内容不一致：{detail_zh}；衔接的目录应当公开相同的内容",
        message_en: "The shared item “{item}” has different content in the two catalogues: {detail_en}; linked catalogues should disclose the same content",
    }

    INCONSISTENT_TIME_LIMIT = "diff.inconsistent_time_limit" {
        severity: Warning,
        title: "两份目录的共有事项公开时限不一致",
        source: LINKAGE,
        message_zh: "两份目录共有的事项“{item}”公开时限不一致：“{time_a}”与“{time_b}”；衔接的目录应当采用相同的时限",
        message_en: "The shared item “{item}” has different time limits in the two catalogues: {time_a_en} and {time_b_en}; linked catalogues should use the same limit",
    }
}
