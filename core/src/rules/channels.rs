//! 公开渠道和载体: the 其他 write-in, standard channels written as free text, channels that fit
//! the audience. (主动 ⇒ 政府网站 lives in the schema: `channels.website_required`.)

use super::{Ctx, RuleDef};
use crate::model::{Audience, Channel, Item};
use crate::report::Severity::{Info, Warning};

/// The channel rules.
pub const DEFS: &[RuleDef] = &[
    RuleDef {
        code: "channels.other_without_description",
        severity: Warning,
        title: "“其他”渠道未写明具体渠道",
        source: "标准目录渠道勾选项“□其他___”（须填写具体渠道）",
        message_zh: "事项“{item}”的其他渠道“{value}”未写明具体是什么渠道；请在“其他”后填写渠道名称，如“其他：武陟县政务服务网”，或删除该项",
        message_en: "Item “{item}”: the other channel (其他渠道) “{value}” does not say which channel; write its name after “other”, e.g. “其他：武陟县政务服务网”, or remove it",
    },
    RuleDef {
        code: "channels.standard_in_other",
        severity: Warning,
        title: "标准渠道写在了“其他”中",
        source: "国办发〔2019〕54号标准目录渠道清单；《政府信息公开条例》第二十三条、第二十五条",
        message_zh: "事项“{item}”的其他渠道“{value}”就是标准渠道“{channel}”；请在公开渠道中勾选“{channel}”，并从“其他”中删除",
        message_en: "Item “{item}”: the other channel (其他渠道) “{value}” is the standard channel “{channel_en}” ({channel}); tick it among the channels (公开渠道) and remove it from “other”",
    },
    RuleDef {
        code: "channels.duplicate_other",
        severity: Warning,
        title: "其他渠道重复",
        source: "gongkai 启发式",
        message_zh: "事项“{item}”的其他渠道“{value}”填写了两次；请删除重复项",
        message_en: "Item “{item}”: the other channel (其他渠道) “{value}” is listed twice; remove the duplicate",
    },
    RuleDef {
        code: "channels.specific_groups_untargeted",
        severity: Warning,
        title: "仅面向特定群体却无定向渠道",
        source: "gongkai 启发式（特定群体信息应通过入户/现场、精准推送、公示栏、便民服务站或政务服务中心送达）",
        message_zh: "事项“{item}”的公开对象只有特定群体，但公开渠道中没有能送达特定群体的渠道；请勾选“入户/现场”“精准推送”“社区/企事业单位/村公示栏（电子屏）”“便民服务站”或“政务服务中心”之一",
        message_en: "Item “{item}” is disclosed to specific groups only, but none of its channels (公开渠道) reaches a group; tick door to door or on site, targeted push, notice board, community service station or government service centre",
    },
    RuleDef {
        code: "channels.on_request_mass_media",
        severity: Info,
        title: "仅依申请公开的事项使用大众传播渠道",
        source: "《政府信息公开条例》第十三条、第二十三条（政府公报、广播电视、发布会为主动公开的途径）",
        message_zh: "事项“{item}”只勾选了依申请公开，却选择了“{channel}”这类面向公众的渠道；请核对：若确需广泛公开，应勾选主动公开，否则删除该渠道",
        message_en: "Item “{item}” is disclosed on request only but lists a mass channel ({channel_en}); check it: if the information is meant for everyone, tick proactive disclosure, otherwise remove the channel",
    },
];

const TARGETED: &[Channel] = &[
    Channel::DoorToDoor,
    Channel::TargetedPush,
    Channel::NoticeBoard,
    Channel::ServiceStation,
    Channel::ServiceCenter,
];

const MASS: &[Channel] = &[
    Channel::GovGazette,
    Channel::BroadcastTv,
    Channel::PressOrHearing,
];

/// Runs the channel rules on item `i`.
pub(crate) fn check_item(i: usize, item: &Item<'_>, ctx: &mut Ctx) {
    for (j, o) in item.other_channels.iter().enumerate() {
        if super::lexicon::is_blank(o) {
            // Empty: the schema; white space only: `items.blank_text`.
            continue;
        }
        let path = || format!("/other_channels/{j}");
        let value = || ("value", o.to_string());
        if item.other_channels[..j]
            .iter()
            .any(|p| p.trim() == o.trim())
        {
            ctx.push_item("channels.duplicate_other", i, item, &path(), &[value()]);
            continue;
        }
        let rest = strip_other(o);
        if rest.is_empty() {
            ctx.push_item(
                "channels.other_without_description",
                i,
                item,
                &path(),
                &[value()],
            );
        } else if let Some(c) = standard_channel(rest) {
            ctx.push_item(
                "channels.standard_in_other",
                i,
                item,
                &path(),
                &[
                    value(),
                    ("channel", c.zh().to_owned()),
                    ("channel_en", c.en().to_owned()),
                ],
            );
        }
    }
    if !item.audience.is_empty()
        && item.audience.iter().all(|a| *a == Audience::SpecificGroups)
        && item.other_channels.is_empty()
        && !item.channels.is_empty()
        && !item.channels.iter().any(|c| TARGETED.contains(c))
    {
        ctx.push_item(
            "channels.specific_groups_untargeted",
            i,
            item,
            "/channels",
            &[],
        );
    }
    if item.is_on_request_only() {
        if let Some(c) = item.channels.iter().find(|c| MASS.contains(c)) {
            ctx.push_item(
                "channels.on_request_mass_media",
                i,
                item,
                "/channels",
                &[
                    ("channel", c.zh().to_owned()),
                    ("channel_en", c.en().to_owned()),
                ],
            );
        }
    }
}

/// What follows "其他" in a write-in, trimmed ("其他：武陟县政务服务网" → "武陟县政务服务网";
/// "其他___" → "").
fn strip_other(s: &str) -> &str {
    let filler = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '_' | '＿'
                    | ':'
                    | '：'
                    | '('
                    | ')'
                    | '（'
                    | '）'
                    | '-'
                    | '—'
                    | '.'
                    | '。'
                    | '…'
                    | '□'
                    | '■'
            )
    };
    let mut t = s.trim_matches(filler);
    for p in ["其他渠道", "其它渠道", "其他", "其它"] {
        if let Some(r) = t.strip_prefix(p) {
            t = r.trim_matches(filler);
            break;
        }
    }
    t
}

/// The standard channel a free-text channel name means, when it means one exactly.
fn standard_channel(s: &str) -> Option<Channel> {
    use Channel::*;
    let c = match s {
        "政府网站"
        | "政府门户网站"
        | "门户网站"
        | "政府网"
        | "人民政府网"
        | "政府信息公开网站"
        | "政府信息公开平台" => GovWebsite,
        "政府公报" | "公报" => GovGazette,
        "两微一端" | "政务微博" | "政务微信" | "微信公众号" | "微博" | "微信" | "政务新媒体" => {
            SocialMedia
        }
        "发布会/听证会"
        | "发布会／听证会"
        | "发布会听证会"
        | "新闻发布会"
        | "发布会"
        | "听证会" => PressOrHearing,
        "广播电视" | "广播" | "电视" | "广播、电视" => BroadcastTv,
        "纸质媒体" | "报刊" | "报纸" | "报刊杂志" => PrintMedia,
        "公开查阅点" | "查阅点" | "政府信息查阅点" | "政府信息公开查阅点" | "查阅室" => {
            ReadingPoint
        }
        "政务服务中心" | "政务服务大厅" | "行政服务中心" | "政务大厅" => {
            ServiceCenter
        }
        "便民服务站" => ServiceStation,
        "入户/现场" | "入户／现场" | "入户" | "现场" | "入户现场" => DoorToDoor,
        "公示栏"
        | "公告栏"
        | "电子屏"
        | "村公示栏"
        | "社区公示栏"
        | "公示栏（电子屏）"
        | "社区/企事业单位/村公示栏（电子屏）"
        | "社区/企事业单位/村公示栏(电子屏)" => NoticeBoard,
        "精准推送" => TargetedPush,
        _ => {
            if s.ends_with("人民政府门户网站")
                || s.ends_with("人民政府网站")
                || s.ends_with("人民政府网")
                || s.ends_with("政府门户网站")
            {
                GovWebsite
            } else {
                return None;
            }
        }
    };
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_write_ins() {
        assert_eq!(strip_other("其他"), "");
        assert_eq!(strip_other("□其他___"), "");
        assert_eq!(strip_other("其他："), "");
        assert_eq!(strip_other("其他：武陟县政务服务网"), "武陟县政务服务网");
        assert_eq!(strip_other("武陟县政务服务网"), "武陟县政务服务网");
        assert_eq!(
            standard_channel(strip_other("其他：政府网站")),
            Some(Channel::GovWebsite)
        );
        assert_eq!(
            standard_channel("武陟县人民政府门户网站"),
            Some(Channel::GovWebsite)
        );
        assert_eq!(standard_channel("武陟县政务服务网"), None);
    }
}
