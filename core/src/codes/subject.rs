//! 公开主体 and 公开层级: placeholders, localisation, levels.

use crate::codes::Severity::{Error, Info, Warning};

define_codes! {
    family: Subject;
    FILL_IN_MARKER = "subject.fill_in_marker" {
        severity: Error,
        title: "公开主体留有待填写标记",
        source: "国办发〔2019〕54号（因地制宜编制本级目录）；《政府信息公开条例》第十条",
        message_zh: "事项“{item}”的公开主体“{value}”仍是模板中的待填写内容（如“XX”“某某”）；请填写负责公开的行政机关全称，如“武陟县城市管理局”",
        message_en: "Item “{item}”: the subject (公开主体) “{value}” still holds a template fill-in mark (such as XX); write the full name of the disclosing organ, e.g. 武陟县城市管理局",
    }

    NOT_LOCALISED = "subject.not_localised" {
        severity: Warning,
        title: "公开主体照搬模板，未本地化",
        source: "国办发〔2019〕54号（因地制宜、实事求是，避免“一刀切”）；《政府信息公开条例》第十条",
        message_zh: "事项“{item}”的公开主体“{value}”是标准目录模板中的笼统描述，不是具体的行政机关；请改为本地负责公开的机关全称，如“武陟县城市管理局”",
        message_en: "Item “{item}”: the subject (公开主体) “{value}” is the template's generic description, not an actual organ; write the full name of the local organ that discloses it, e.g. 武陟县城市管理局",
    }

    UTILITY_ENTERPRISE = "subject.utility_enterprise" {
        severity: Info,
        title: "公开主体为公用企业",
        source: "《政府信息公开条例》第五十五条；建城规〔2021〕4号（供水、供气、供热等公共企事业单位信息公开实施办法）",
        message_zh: "事项“{item}”的公开主体“{value}”是企业；公用企业的信息公开适用《政府信息公开条例》第五十五条和建城规〔2021〕4号，通常列入企业自己的公开目录，而不是行政机关的目录；请核对",
        message_en: "Item “{item}”: the subject (公开主体) “{value}” is an enterprise; utilities disclose under Art. 55 and the 2021 ministry measures, usually in their own catalogue rather than the bureau's; check it",
    }

    COUNTY_LEVEL_MISSING = "subject.county_level_missing" {
        severity: Warning,
        title: "县级机关为主体却未勾选县级",
        source: "《政府信息公开条例》第十条（谁制作谁公开）；标准目录“公开层级”",
        message_zh: "事项“{item}”的公开主体“{value}”是县级机关，但公开层级未勾选“县级”；请勾选县级",
        message_en: "Item “{item}”: the subject (公开主体) “{value}” is a county-level organ, but the levels (公开层级) do not include county; tick county",
    }

    LOWER_LEVEL_UNSUPPORTED = "subject.lower_level_unsupported" {
        severity: Warning,
        title: "勾选乡级、村级但主体和渠道都不在该层级",
        source: "《政府信息公开条例》第十条；标准目录“公开层级”；国办发〔2019〕54号",
        message_zh: "事项“{item}”勾选了公开层级“{level}”，但公开主体中没有{level}的机关，也没有便民服务站、公示栏或入户/现场等{level}渠道；请删除该层级，或补充{level}主体或渠道",
        message_en: "Item “{item}” ticks the {level_en} level (公开层级), but neither its subject (公开主体) names a {level_en} organ nor do its channels reach that level (service station, notice board, door to door); remove the level or add the organ or channel",
    }
}
