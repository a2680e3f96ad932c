//! Items as a whole: ids, names, methods, audiences, wording.

use crate::codes::Severity::{Error, Info, Warning};

define_codes! {
    family: Items;
    DUPLICATE_ID = "items.duplicate_id" {
        severity: Error,
        title: "序号重复",
        source: "数据模型 v1（序号在目录内唯一）",
        message_zh: "序号“{id}”与第{first}项重复；请为每个事项使用不同的序号",
        message_en: "The number (序号) “{id}” is already used by item {first}; give every item its own number",
    }

    DUPLICATE_NAME = "items.duplicate_name" {
        severity: Error,
        title: "事项重复",
        source: "gongkai 启发式（同一目录中一级、二级事项组合应唯一）",
        message_zh: "事项“{category} / {item}”与第{first}项重复；请合并两行或区分二级事项名称",
        message_en: "Item “{category} / {item}” repeats item {first}; merge the two rows or tell the names (二级事项) apart",
    }

    SAME_NAME_OTHER_CATEGORY = "items.same_name_other_category" {
        severity: Warning,
        title: "同一事项出现在两个一级事项下",
        source: "gongkai 启发式",
        message_zh: "二级事项“{item}”同时出现在一级事项“{category}”和“{other}”（第{first}项）下；请核对是否重复或一级事项填错",
        message_en: "The item (二级事项) “{item}” appears under both “{category}” and “{other}” (item {first}); check for a duplicate or a wrong category (一级事项)",
    }

    ON_REQUEST_ONLY_ENFORCEMENT = "items.on_request_only_enforcement" {
        severity: Warning,
        title: "许可、处罚类事项仅依申请公开",
        source: "《政府信息公开条例》第二十条第（五）（六）项；《行政许可法》第四十条",
        message_zh: "事项“{item}”涉及行政许可、行政处罚或行政强制，其依据、条件、程序和结果属于主动公开范围，但公开方式只勾选了依申请；请勾选“主动”（并勾选政府网站）",
        message_en: "Item “{item}” concerns licensing, penalties or enforcement, whose basis, conditions, procedure and results must be disclosed proactively, but its method (公开方式) is on request only; tick proactive (and the government website)",
    }

    SPECIFIC_GROUPS_UNNAMED = "items.specific_groups_unnamed" {
        severity: Warning,
        title: "特定群体未写明",
        source: "标准目录实践（如洛江区“特定群体：教师”）；gongkai 启发式",
        message_zh: "事项“{item}”的公开对象勾选了特定群体，但没有写明是哪些人；请在“特定群体说明”中填写，如“申请人”“当事人”“相关住户”",
        message_en: "Item “{item}” is disclosed to specific groups (公开对象) without saying who they are; fill in the group note (特定群体说明), e.g. applicants, parties, affected households",
    }

    UNUSUAL_COMBINATION = "items.unusual_combination" {
        severity: Info,
        title: "公开方式与公开对象的组合少见",
        source: "《政府信息公开条例》第十三条、第十九条、第二十七条；gongkai 启发式",
        message_zh: "事项“{item}”的公开方式与公开对象为“{combination}”，这种组合少见；请核对",
        message_en: "Item “{item}” combines method and audience (公开方式 / 公开对象) as “{combination_en}”, which is unusual; check it",
    }

    EXEMPT_CONTENT_PUBLIC = "items.exempt_content_public" {
        severity: Warning,
        title: "向全社会主动公开的内容含有不宜公开的信息",
        source: "《政府信息公开条例》第十四条、第十五条、第十六条",
        message_zh: "事项“{item}”的公开内容“{value}”涉及个人隐私、商业秘密或内部、过程性信息，却向全社会主动公开；请删去这类内容、注明隐去处理，或改为向特定群体公开",
        message_en: "Item “{item}”: the content (公开内容) “{value}” involves personal, commercial or internal information but is disclosed proactively to everyone; remove it, state that it is redacted, or disclose it to specific groups only",
    }

    CATEGORY_EQUALS_NAME = "items.category_equals_name" {
        severity: Info,
        title: "一级事项与二级事项相同",
        source: "gongkai 启发式（常见于合并单元格拆分错误）",
        message_zh: "事项“{item}”的一级事项与二级事项完全相同；请核对一级事项是否填错（常见于表格合并单元格）",
        message_en: "Item “{item}”: the category (一级事项) is identical to the name (二级事项); check the category (often a merged-cell mistake)",
    }

    BLANK_TEXT = "items.blank_text" {
        severity: Error,
        title: "内容只有空白",
        source: "国办发〔2019〕54号（名称、内容、依据、主体为目录必备要素）",
        message_zh: "第{number}项的“{field}”只有空格，没有实际内容；请填写",
        message_en: "Item {number}: “{field}” holds only white space; fill it in",
    }

    SPACE_INSIDE_WORDS = "items.space_inside_words" {
        severity: Info,
        title: "文字中间有多余空格",
        source: "gongkai 启发式（表格单元格换行常在词中留下空格）",
        message_zh: "事项“{item}”的“{field}”在汉字之间有空格（“{value}”），多为表格换行所致；请删除空格，以便与其他目录对照",
        message_en: "Item “{item}”: “{field}” has white space between Chinese characters (“{value}”), usually from a wrapped table cell; remove it so the item matches other catalogues",
    }
}
