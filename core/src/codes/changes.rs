//! What changed between two versions of one catalogue (`gongkai changes`, 修订说明). A change that
//! weakens disclosure (the same meaning as the diff's “weakened”: a longer time limit, 政府网站
//! dropped, 主动 turned into 依申请 only, a narrower audience, a lost level, a dropped citation or
//! content element, a removed item) is a warning: a reviewer must approve it. Every other change
//! is info.

use crate::codes::Severity::{Info, Warning};

const DYNAMIC: &str = "国办发〔2019〕54号（目录动态调整）；《政府信息公开条例》第二十条";
const MINIMUM: &str = "国办发〔2019〕54号（公开标准只增不减）";

define_codes! {
    family: Changes;
    ITEM_ADDED = "changes.item_added" {
        severity: Info,
        title: "新增事项",
        source: DYNAMIC,
        message_zh: "新增事项“{item}”（{category}）",
        message_en: "Item “{item}” ({category}) was added",
    }

    ITEM_REMOVED = "changes.item_removed" {
        severity: Warning,
        title: "删除事项",
        source: MINIMUM,
        message_zh: "删除了事项“{item}”（{category}）；删除事项须经审核并说明理由",
        message_en: "Item “{item}” ({category}) was removed; a removal needs a reviewer's approval",
    }

    RENAMED = "changes.renamed" {
        severity: Info,
        title: "事项更名",
        source: DYNAMIC,
        message_zh: "事项“{old}”更名为“{new}”（{reason_zh}）",
        message_en: "Item “{old}” was renamed “{new}” ({reason_en})",
    }

    FIELD_CHANGED = "changes.field_changed" {
        severity: Info,
        title: "内容调整",
        source: DYNAMIC,
        message_zh: "事项“{item}”的“{field}”由“{old}”改为“{new}”",
        message_en: "“{field_en}” of item “{item}” changed from “{old}” to “{new}”",
    }

    CONTENT_ADDED = "changes.content_added" {
        severity: Info,
        title: "增加公开内容",
        source: DYNAMIC,
        message_zh: "事项“{item}”增加公开内容“{element}”",
        message_en: "Item “{item}” now also discloses “{element}”",
    }

    CONTENT_REMOVED = "changes.content_removed" {
        severity: Warning,
        title: "减少公开内容",
        source: MINIMUM,
        message_zh: "事项“{item}”不再公开“{element}”；减少公开内容须经审核",
        message_en: "Item “{item}” no longer discloses “{element}”; this needs a reviewer's approval",
    }

    CITATION_ADDED = "changes.citation_added" {
        severity: Info,
        title: "增加公开依据",
        source: DYNAMIC,
        message_zh: "事项“{item}”增加公开依据《{new}》",
        message_en: "Item “{item}” now also cites “{new}”",
    }

    CITATION_REMOVED = "changes.citation_removed" {
        severity: Warning,
        title: "删除公开依据",
        source: MINIMUM,
        message_zh: "事项“{item}”删除了公开依据《{old}》；请确认该依据已废止或不再适用",
        message_en: "Item “{item}” no longer cites “{old}”; check that it was repealed or no longer applies",
    }

    CITATION_REPLACED = "changes.citation_replaced" {
        severity: Info,
        title: "更新公开依据",
        source: DYNAMIC,
        message_zh: "事项“{item}”的公开依据由“{old}”更新为“{new}”",
        message_en: "Item “{item}” now cites “{new}” instead of “{old}”",
    }

    TIME_TIGHTENED = "changes.time_tightened" {
        severity: Info,
        title: "公开时限缩短",
        source: DYNAMIC,
        message_zh: "事项“{item}”的公开时限由“{old}”缩短为“{new}”",
        message_en: "Item “{item}”: the time limit was shortened from “{old_en}” to “{new_en}”",
    }

    TIME_LOOSENED = "changes.time_loosened" {
        severity: Warning,
        title: "公开时限放宽",
        source: "《政府信息公开条例》第二十六条；国办发〔2019〕54号",
        message_zh: "事项“{item}”的公开时限由“{old}”放宽为“{new}”；放宽时限须经审核",
        message_en: "Item “{item}”: the time limit was relaxed from “{old_en}” to “{new_en}”; this needs a reviewer's approval",
    }

    TIME_CHANGED = "changes.time_changed" {
        severity: Info,
        title: "公开时限调整",
        source: DYNAMIC,
        message_zh: "事项“{item}”的公开时限由“{old}”改为“{new}”（{why}）",
        message_en: "Item “{item}”: the time limit changed from “{old_en}” to “{new_en}” ({why_en})",
    }

    CHANNEL_ADDED = "changes.channel_added" {
        severity: Info,
        title: "增加公开渠道",
        source: DYNAMIC,
        message_zh: "事项“{item}”增加公开渠道“{channel}”",
        message_en: "Item “{item}” is now also published through “{channel}”",
    }

    CHANNEL_REMOVED = "changes.channel_removed" {
        severity: Info,
        title: "减少公开渠道",
        source: DYNAMIC,
        message_zh: "事项“{item}”不再通过“{channel}”公开",
        message_en: "Item “{item}” is no longer published through “{channel}”",
    }

    WEBSITE_REMOVED = "changes.website_removed" {
        severity: Warning,
        title: "取消政府网站渠道",
        source: "《政府信息公开条例》第二十三条；国办发〔2019〕54号",
        message_zh: "事项“{item}”取消了“政府网站”渠道；主动公开的信息应当通过政府网站公开，须经审核",
        message_en: "Item “{item}” dropped the government website; proactive disclosure goes through it, this needs a reviewer's approval",
    }

    METHOD_WEAKENED = "changes.method_weakened" {
        severity: Warning,
        title: "主动公开改为依申请公开",
        source: "《政府信息公开条例》第十九条、第二十条",
        message_zh: "事项“{item}”的公开方式由“{old}”改为“{new}”，不再主动公开；须经审核",
        message_en: "Item “{item}”: the method changed from “{old_en}” to “{new_en}”, no longer proactive; this needs a reviewer's approval",
    }

    METHOD_STRENGTHENED = "changes.method_strengthened" {
        severity: Info,
        title: "改为主动公开",
        source: "《政府信息公开条例》第十九条、第二十条",
        message_zh: "事项“{item}”的公开方式由“{old}”改为“{new}”，改为主动公开",
        message_en: "Item “{item}”: the method changed from “{old_en}” to “{new_en}”, now proactive",
    }

    METHOD_CHANGED = "changes.method_changed" {
        severity: Info,
        title: "公开方式调整",
        source: DYNAMIC,
        message_zh: "事项“{item}”的公开方式由“{old}”改为“{new}”",
        message_en: "Item “{item}”: the method changed from “{old_en}” to “{new_en}”",
    }

    AUDIENCE_NARROWED = "changes.audience_narrowed" {
        severity: Warning,
        title: "公开对象缩小",
        source: MINIMUM,
        message_zh: "事项“{item}”的公开对象由“{old}”缩小为“{new}”；须经审核",
        message_en: "Item “{item}”: the audience narrowed from “{old_en}” to “{new_en}”; this needs a reviewer's approval",
    }

    AUDIENCE_WIDENED = "changes.audience_widened" {
        severity: Info,
        title: "公开对象扩大",
        source: DYNAMIC,
        message_zh: "事项“{item}”的公开对象由“{old}”扩大为“{new}”",
        message_en: "Item “{item}”: the audience widened from “{old_en}” to “{new_en}”",
    }

    LEVEL_REMOVED = "changes.level_removed" {
        severity: Warning,
        title: "减少公开层级",
        source: MINIMUM,
        message_zh: "事项“{item}”不再在“{level}”公开；须经审核",
        message_en: "Item “{item}” is no longer disclosed at the {level_en} level; this needs a reviewer's approval",
    }

    LEVEL_ADDED = "changes.level_added" {
        severity: Info,
        title: "增加公开层级",
        source: DYNAMIC,
        message_zh: "事项“{item}”增加公开层级“{level}”",
        message_en: "Item “{item}” is now also disclosed at the {level_en} level",
    }

    SUBJECT_CHANGED = "changes.subject_changed" {
        severity: Info,
        title: "公开主体调整",
        source: DYNAMIC,
        message_zh: "事项“{item}”的公开主体由“{old}”改为“{new}”",
        message_en: "Item “{item}”: the disclosing organ changed from “{old}” to “{new}”",
    }

    DUPLICATE_ID = "changes.duplicate_id" {
        severity: Warning,
        title: "版本中序号重复",
        source: "数据模型 v1（序号在目录内唯一）",
        message_zh: "{side}中序号“{id}”出现了多次（第 {first} 项和第 {second} 项），这些事项只按名称对应；请先改正序号",
        message_en: "In the {side_en}, id “{id}” appears more than once (items {first} and {second}); these items are matched by name only, fix the ids first",
    }
}
