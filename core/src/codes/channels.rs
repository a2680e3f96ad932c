//! 公开渠道和载体: the portal required for proactive items (structural), other channels, channels that fit the audience.

use crate::codes::Severity::{Error, Info, Warning};

define_codes! {
    family: Channels;
    WEBSITE_REQUIRED = "channels.website_required" {
        structural: true,
        severity: Error,
        title: "主动公开事项须经政府网站公开",
        source: "《政府信息公开条例》第二十四条；国办发〔2019〕54号；标准目录“■政府网站”必选",
        message_zh: "主动公开的事项必须勾选“政府网站”作为公开渠道（政府网站为必选项）",
        message_en: "A proactively disclosed item must list the government website as a channel (mandatory)",
    }

    OTHER_WITHOUT_DESCRIPTION = "channels.other_without_description" {
        severity: Warning,
        title: "“其他”渠道未写明具体渠道",
        source: "标准目录渠道勾选项“□其他___”（须填写具体渠道）",
        message_zh: "事项“{item}”的其他渠道“{value}”未写明具体是什么渠道；请在“其他”后填写渠道名称，如“其他：武陟县政务服务网”，或删除该项",
        message_en: "Item “{item}”: the other channel (其他渠道) “{value}” does not say which channel; write its name after “other”, e.g. “其他：武陟县政务服务网”, or remove it",
    }

    STANDARD_IN_OTHER = "channels.standard_in_other" {
        severity: Warning,
        title: "标准渠道写在了“其他”中",
        source: "国办发〔2019〕54号标准目录渠道清单；《政府信息公开条例》第二十三条、第二十五条",
        message_zh: "事项“{item}”的其他渠道“{value}”就是标准渠道“{channel}”；请在公开渠道中勾选“{channel}”，并从“其他”中删除",
        message_en: "Item “{item}”: the other channel (其他渠道) “{value}” is the standard channel “{channel_en}” ({channel}); tick it among the channels (公开渠道) and remove it from “other”",
    }

    DUPLICATE_OTHER = "channels.duplicate_other" {
        severity: Warning,
        title: "其他渠道重复",
        source: "gongkai 启发式",
        message_zh: "事项“{item}”的其他渠道“{value}”填写了两次；请删除重复项",
        message_en: "Item “{item}”: the other channel (其他渠道) “{value}” is listed twice; remove the duplicate",
    }

    SPECIFIC_GROUPS_UNTARGETED = "channels.specific_groups_untargeted" {
        severity: Warning,
        title: "仅面向特定群体却无定向渠道",
        source: "gongkai 启发式（特定群体信息应通过入户/现场、精准推送、公示栏、便民服务站或政务服务中心送达）",
        message_zh: "事项“{item}”的公开对象只有特定群体，但公开渠道中没有能送达特定群体的渠道；请勾选“入户/现场”“精准推送”“社区/企事业单位/村公示栏（电子屏）”“便民服务站”或“政务服务中心”之一",
        message_en: "Item “{item}” is disclosed to specific groups only, but none of its channels (公开渠道) reaches a group; tick door to door or on site, targeted push, notice board, community service station or government service centre",
    }

    ON_REQUEST_MASS_MEDIA = "channels.on_request_mass_media" {
        severity: Info,
        title: "仅依申请公开的事项使用大众传播渠道",
        source: "《政府信息公开条例》第十三条、第二十三条（政府公报、广播电视、发布会为主动公开的途径）",
        message_zh: "事项“{item}”只勾选了依申请公开，却选择了“{channel}”这类面向公众的渠道；请核对：若确需广泛公开，应勾选主动公开，否则删除该渠道",
        message_en: "Item “{item}” is disclosed on request only but lists a mass channel ({channel_en}); check it: if the information is meant for everyone, tick proactive disclosure, otherwise remove the channel",
    }
}
