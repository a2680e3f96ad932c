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
    // Trims the filler, but keeps a closing bracket that closes one opened in the text
    // ("公示栏（电子屏）").
    let trim = |s: &'_ str| -> usize {
        let mut end = s.trim_end_matches(filler).len();
        for (open, close) in [('（', '）'), ('(', ')')] {
            let kept = &s[..end];
            if kept.matches(open).count() > kept.matches(close).count()
                && s[end..].starts_with(close)
            {
                end += close.len_utf8();
            }
        }
        end
    };
    let mut t = s.trim_start_matches(filler);
    t = &t[..trim(t)];
    for p in ["其他渠道", "其它渠道", "其他", "其它"] {
        if let Some(r) = t.strip_prefix(p) {
            let r = r.trim_start_matches(filler);
            t = &r[..trim(r)];
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
    #![allow(clippy::unwrap_used)]
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

    /// Every name people write for a standard channel, from the published catalogues and the
    /// template's own labels, and the channel it means.
    #[test]
    fn every_standard_channel_name() {
        use Channel::*;
        let table: &[(Channel, &[&str])] = &[
            (
                GovWebsite,
                &[
                    "政府网站",
                    "政府门户网站",
                    "门户网站",
                    "政府网",
                    "人民政府网",
                    "政府信息公开网站",
                    "政府信息公开平台",
                ],
            ),
            (GovGazette, &["政府公报", "公报"]),
            (
                SocialMedia,
                &[
                    "两微一端",
                    "政务微博",
                    "政务微信",
                    "微信公众号",
                    "微博",
                    "微信",
                    "政务新媒体",
                ],
            ),
            (
                PressOrHearing,
                &[
                    "发布会/听证会",
                    "发布会／听证会",
                    "发布会听证会",
                    "新闻发布会",
                    "发布会",
                    "听证会",
                ],
            ),
            (BroadcastTv, &["广播电视", "广播", "电视", "广播、电视"]),
            (PrintMedia, &["纸质媒体", "报刊", "报纸", "报刊杂志"]),
            (
                ReadingPoint,
                &[
                    "公开查阅点",
                    "查阅点",
                    "政府信息查阅点",
                    "政府信息公开查阅点",
                    "查阅室",
                ],
            ),
            (
                ServiceCenter,
                &["政务服务中心", "政务服务大厅", "行政服务中心", "政务大厅"],
            ),
            (ServiceStation, &["便民服务站"]),
            (
                DoorToDoor,
                &["入户/现场", "入户／现场", "入户", "现场", "入户现场"],
            ),
            (
                NoticeBoard,
                &[
                    "公示栏",
                    "公告栏",
                    "电子屏",
                    "村公示栏",
                    "社区公示栏",
                    "公示栏（电子屏）",
                    "社区/企事业单位/村公示栏（电子屏）",
                    "社区/企事业单位/村公示栏(电子屏)",
                ],
            ),
            (TargetedPush, &["精准推送"]),
        ];
        for (channel, names) in table {
            for name in *names {
                assert_eq!(standard_channel(name), Some(*channel), "{name}");
                // Written in the 其他 box as people do.
                let written = format!("其他：{name}");
                assert_eq!(
                    standard_channel(strip_other(&written)),
                    Some(*channel),
                    "{written}"
                );
            }
        }
        // The four suffixes of a named government's website, and what does not end with one.
        for name in [
            "武陟县人民政府门户网站",
            "武陟县人民政府网站",
            "武陟县人民政府网",
            "焦作市政府门户网站",
        ] {
            assert_eq!(standard_channel(name), Some(GovWebsite), "{name}");
        }
        for name in [
            "武陟县政务服务网",
            "武陟县人民政府门户",
            "武陟县政府网站群",
            "人民政府网站建设",
            "微信群",
            "公示",
            "",
        ] {
            assert_eq!(standard_channel(name), None, "{name}");
        }
    }

    #[test]
    fn every_filler_around_other_is_stripped() {
        for filler in [
            " ", "\u{3000}", "_", "＿", ":", "：", "(", ")", "（", "）", "-", "—", ".", "。", "…",
            "□", "■",
        ] {
            let before = format!("{filler}其他{filler}武陟县政务服务网{filler}");
            assert_eq!(strip_other(&before), "武陟县政务服务网", "{before:?}");
            let blank = format!("{filler}其他{filler}{filler}");
            assert_eq!(strip_other(&blank), "", "{blank:?}");
        }
        for p in ["其他渠道", "其它渠道", "其他", "其它"] {
            assert_eq!(strip_other(&format!("{p}：公示栏")), "公示栏", "{p}");
            assert_eq!(strip_other(p), "", "{p}");
        }
        // Only one prefix, and only at the start.
        assert_eq!(strip_other("其他其他"), "其他");
        assert_eq!(strip_other("公示栏其他"), "公示栏其他");
        assert_eq!(strip_other("其他x渠道"), "x渠道");
        // A closing bracket of the text itself stays.
        assert_eq!(strip_other("其他：公示栏（电子屏）"), "公示栏（电子屏）");
        assert_eq!(strip_other("其他（公示栏（电子屏））"), "公示栏（电子屏）");
        assert_eq!(strip_other("其他（武陟县政务服务网）"), "武陟县政务服务网");
        assert_eq!(strip_other("其他：公示栏(电子屏))"), "公示栏(电子屏)");
    }

    /// The channel findings (code, path, `channel` param) of a one-item catalogue.
    fn findings(item: serde_json::Value) -> Vec<(String, String, String)> {
        let mut it = serde_json::json!({
            "id": "1", "category": "城镇燃气管理", "name": "燃气经营许可证核发",
            "content": ["申请条件"],
            "basis": [{"title": "城镇燃气管理条例", "doc_no": "国务院令第583号", "kind": "administrative_regulation"}],
            "time_limit": {"kind": "working_days", "days": 20, "from": "formed_or_changed"},
            "subject": "武陟县城市管理局", "channels": ["gov_website"], "audience": ["public"],
            "method": ["proactive"], "levels": ["county"]
        });
        for (k, v) in item.as_object().unwrap() {
            it[k] = v.clone();
        }
        let doc = serde_json::json!({
            "schema_version": "1.0", "title": "武陟县城市管理局市政服务领域基层政务公开标准目录",
            "domain": "municipal_services", "publisher": "武陟县城市管理局", "level": "county",
            "issued": "2024-03-01", "items": [it]
        });
        let report = crate::Validator::default()
            .validate_json(&serde_json::to_vec(&doc).unwrap())
            .unwrap();
        report
            .issues
            .iter()
            .filter(|i| i.code.as_str().starts_with("channels."))
            .map(|i| {
                (
                    i.code.to_string(),
                    i.path.clone(),
                    i.params.get("channel").cloned().unwrap_or_default(),
                )
            })
            .collect()
    }

    fn code(c: Channel) -> &'static str {
        c.code()
    }

    #[test]
    fn only_targeted_channels_reach_specific_groups() {
        use Channel::*;
        let targeted = [
            DoorToDoor,
            TargetedPush,
            NoticeBoard,
            ServiceStation,
            ServiceCenter,
        ];
        for c in Channel::ALL {
            let f = findings(serde_json::json!({
                "channels": ["gov_website", code(*c)],
                "audience": ["specific_groups"], "audience_note": "申请人",
                "method": ["proactive", "on_request"],
            }));
            let untargeted = f.iter().any(|(k, p, _)| {
                k == "channels.specific_groups_untargeted" && p == "/items/0/channels"
            });
            assert_eq!(untargeted, !targeted.contains(c), "{c:?}: {f:?}");
        }
        // Not only specific groups, or a write-in channel: nothing to say.
        for extra in [
            serde_json::json!({"audience": ["public", "specific_groups"], "audience_note": "申请人"}),
            serde_json::json!({"audience": ["specific_groups"], "audience_note": "申请人",
                               "other_channels": ["短信通知"]}),
        ] {
            assert_eq!(findings(extra.clone()), [], "{extra}");
        }
    }

    #[test]
    fn only_mass_media_are_wrong_for_on_request_only() {
        use Channel::*;
        let mass = [GovGazette, BroadcastTv, PressOrHearing];
        for c in Channel::ALL {
            let f = findings(serde_json::json!({
                "channels": [code(*c)],
                "audience": ["specific_groups"], "audience_note": "申请人",
                "method": ["on_request"],
            }));
            let got: Vec<&(String, String, String)> = f
                .iter()
                .filter(|(k, _, _)| k == "channels.on_request_mass_media")
                .collect();
            if mass.contains(c) {
                assert_eq!(
                    got,
                    [&(
                        "channels.on_request_mass_media".to_owned(),
                        "/items/0/channels".to_owned(),
                        c.zh().to_owned()
                    )],
                    "{c:?}"
                );
            } else {
                assert!(got.is_empty(), "{c:?}: {f:?}");
            }
            // Also proactive: mass media are fine.
            let f = findings(serde_json::json!({
                "channels": ["gov_website", code(*c)],
                "method": ["proactive", "on_request"],
            }));
            assert!(
                f.iter()
                    .all(|(k, _, _)| k != "channels.on_request_mass_media"),
                "{c:?}: {f:?}"
            );
        }
        // The first mass channel is named.
        let f = findings(serde_json::json!({
            "channels": ["service_center", "broadcast_tv", "gov_gazette"],
            "audience": ["specific_groups"], "audience_note": "申请人", "method": ["on_request"],
        }));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].2, "广播电视");
    }

    #[test]
    fn write_ins_twice_are_duplicates_once_trimmed() {
        let f = findings(serde_json::json!({
            "other_channels": ["武陟县政务服务网", " 武陟县政务服务网 ", "其他", "武陟县政务服务网"],
        }));
        assert_eq!(
            f.iter()
                .map(|(k, p, _)| (k.as_str(), p.as_str()))
                .collect::<Vec<_>>(),
            [
                ("channels.duplicate_other", "/items/0/other_channels/1"),
                (
                    "channels.other_without_description",
                    "/items/0/other_channels/2"
                ),
                ("channels.duplicate_other", "/items/0/other_channels/3"),
            ]
        );
        // Blank write-ins are `items.blank_text`, not duplicates.
        assert_eq!(
            findings(serde_json::json!({"other_channels": ["  ", "  "]})),
            []
        );
        // A standard channel in the box names it, in both languages' params.
        let f = findings(serde_json::json!({"other_channels": ["其他：政务大厅"]}));
        assert_eq!(
            f,
            [(
                "channels.standard_in_other".to_owned(),
                "/items/0/other_channels/0".to_owned(),
                "政务服务中心".to_owned()
            )]
        );
    }
}
