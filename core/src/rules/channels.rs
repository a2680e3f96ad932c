//! 公开渠道和载体: the 其他 write-in, standard channels written as free text, channels that fit
//! the audience. (主动 ⇒ 政府网站 lives in the schema: `channels.website_required`.)

use super::Ctx;
use crate::codes;
use crate::model::{Audience, Channel, Item};

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
            ctx.push_item(
                codes::channels::DUPLICATE_OTHER,
                i,
                item,
                &path(),
                &[value()],
            );
            continue;
        }
        let rest = strip_other(o);
        if rest.is_empty() {
            ctx.push_item(
                codes::channels::OTHER_WITHOUT_DESCRIPTION,
                i,
                item,
                &path(),
                &[value()],
            );
        } else if let Some(c) = standard_channel(rest) {
            ctx.push_item(
                codes::channels::STANDARD_IN_OTHER,
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
            codes::channels::SPECIFIC_GROUPS_UNTARGETED,
            i,
            item,
            "/channels",
            &[],
        );
    }
    if item.is_on_request_only() {
        if let Some(c) = item.channels.iter().find(|c| MASS.contains(c)) {
            ctx.push_item(
                codes::channels::ON_REQUEST_MASS_MEDIA,
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
