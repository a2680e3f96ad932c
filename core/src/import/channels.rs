//! The 公开渠道和载体 cell: a checkbox list ("■政府网站 □政府公报 …"), a list of names without
//! glyphs, or a mix; variant names mapped to the 12 standard codes; anything else kept.
//!
//! Glyphs: ■ ☑ √ ✓ ✔ ● ◼ ▪ █ ☒ mean chosen; □ ☐ ◻ ○ and OCR's 口 mean not chosen; a `t` in front of
//! a name (a Wingdings ■ copied as text) is read as chosen. What the glyphs do not say clearly is
//! read the likely way *and* reported as ambiguous (the importer turns it into a warning):
//! a stray `t`, ☐ as the only glyph in the cell (nothing is marked as chosen, so ☐ is read as the
//! mark), a list with no glyphs at all (every name read as chosen), and a name written after an
//! unticked 其他.

use super::text::{fold_width, is_han, match_key, strip_glosses};
use crate::model::Channel;

/// Why a channel cell is ambiguous.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Ambiguity {
    /// A stray `t` (a Wingdings ■ copied as text) was read as chosen.
    StrayT,
    /// ☐ is the only glyph in the cell; it was read as chosen.
    OnlyBallotBox,
    /// The names are listed without any glyph; all were read as chosen.
    NoGlyphs,
    /// A name is written after an unticked 其他; it was kept as chosen.
    UntickedOther,
}

impl Ambiguity {
    /// A short Chinese explanation.
    pub fn zh(self) -> &'static str {
        match self {
            Ambiguity::StrayT => "渠道前的“t”可能是复制时丢失字体的■",
            Ambiguity::OnlyBallotBox => "单元格中只有“☐”，没有表示选中的■",
            Ambiguity::NoGlyphs => "只列出了渠道名称，没有■/□勾选符号",
            Ambiguity::UntickedOther => "“其他”未勾选但后面填写了渠道",
        }
    }

    /// A short English explanation.
    pub fn en(self) -> &'static str {
        match self {
            Ambiguity::StrayT => "a stray “t” (probably a Wingdings ■ copied as text)",
            Ambiguity::OnlyBallotBox => "“☐” is the only glyph; nothing is marked ■",
            Ambiguity::NoGlyphs => "channel names are listed without ■/□ glyphs",
            Ambiguity::UntickedOther => "a channel is written after an unticked “other”",
        }
    }
}

/// What a channel cell says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChannelCell {
    /// The chosen standard channels, in order of appearance, without duplicates.
    pub channels: Vec<Channel>,
    /// Chosen channels outside the 12 (as written), and what follows a ticked 其他.
    pub other: Vec<String>,
    /// Set when the glyphs do not say clearly what was chosen.
    pub ambiguous: Option<Ambiguity>,
}

/// How a channel name reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChannelName {
    /// One of the 12 standard channels (or a known variant of its name).
    Standard(Channel),
    /// The 其他 option; holds what is written after it (may be empty).
    Other(String),
    /// Something else, kept by name.
    Unknown,
}

/// Maps a channel name (standard, variant or OCR-damaged) to a code.
///
/// ```
/// use gongkai::import::channels::{channel_name, ChannelName};
/// use gongkai::model::Channel;
/// assert_eq!(channel_name("纸质载体"), ChannelName::Standard(Channel::PrintMedia));
/// assert_eq!(channel_name("县政府门户网站"), ChannelName::Standard(Channel::GovWebsite));
/// assert_eq!(channel_name("人户/现场"), ChannelName::Standard(Channel::DoorToDoor));
/// assert_eq!(channel_name("公共资源交易平台"), ChannelName::Unknown);
/// ```
pub fn channel_name(name: &str) -> ChannelName {
    let k = match_key(name);
    let k = k.trim_matches(|c: char| matches!(c, '_' | ':' | '。' | ';' | ',' | '、' | '-'));
    if let Some(rest) = k.strip_prefix("其他").or_else(|| k.strip_prefix("其它")) {
        let rest = rest.trim_matches(|c: char| {
            matches!(c, '_' | ':' | '(' | ')' | '：' | '（' | '）' | '-' | ' ')
        });
        return ChannelName::Other(rest.to_owned());
    }
    let has = |w: &str| k.contains(w);
    let any = |ws: &[&str]| ws.iter().any(|w| k.contains(w));
    let c = if (has("政府") && (k.ends_with("网站") || k.ends_with('网') || has("门户")))
        || has("门户网站")
    {
        Channel::GovWebsite
    } else if has("公报") {
        Channel::GovGazette
    } else if any(&[
        "两微一端",
        "一微一端",
        "微博",
        "微信",
        "客户端",
        "新媒体",
        "公众号",
        "APP",
        "app",
    ]) {
        Channel::SocialMedia
    } else if any(&["发布会", "听证会", "新闻发布"]) {
        Channel::PressOrHearing
    } else if any(&["广播", "电视"]) {
        Channel::BroadcastTv
    } else if any(&["纸质", "报刊", "报纸", "杂志", "期刊", "宣传册", "宣传单"]) {
        Channel::PrintMedia
    } else if any(&["查阅点", "查阅室", "查阅场所", "查阅中心"]) {
        Channel::ReadingPoint
    } else if any(&["服务站", "服务点"]) {
        Channel::ServiceStation
    } else if any(&["服务中心", "服务大厅", "办事大厅", "政务大厅"]) {
        Channel::ServiceCenter
    } else if any(&["入户", "人户", "现场", "上门"]) {
        Channel::DoorToDoor
    } else if any(&[
        "公示栏",
        "公告栏",
        "公开栏",
        "宣传栏",
        "电子屏",
        "公示牌",
        "公示墙",
        "公开墙",
        "显示屏",
    ]) {
        Channel::NoticeBoard
    } else if any(&["精准推送", "精准报送", "推送", "短信"]) {
        Channel::TargetedPush
    } else {
        return ChannelName::Unknown;
    };
    ChannelName::Standard(c)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Glyph {
    Chosen,
    Unchosen,
    BallotBox,
    StrayT,
}

fn glyph_of(c: char) -> Option<Glyph> {
    match c {
        '■' | '☑' | '√' | '✓' | '✔' | '●' | '◼' | '▪' | '█' | '▇' | '☒' | '✅' | '◆' => {
            Some(Glyph::Chosen)
        }
        '□' | '◻' | '▫' | '○' | '◇' | '❑' | '❒' => Some(Glyph::Unchosen),
        '☐' => Some(Glyph::BallotBox),
        _ => None,
    }
}

fn is_boundary(chars: &[char], i: usize) -> bool {
    i == 0 || {
        let p = chars[i - 1];
        p.is_whitespace() || glyph_of(p).is_some() || matches!(p, '、' | ',' | '，' | ';' | '；')
    }
}

fn following_name(chars: &[char], i: usize) -> String {
    chars[i..]
        .iter()
        .take_while(|c| !c.is_whitespace() && glyph_of(**c).is_none())
        .collect()
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

fn split_names(text: &str, spaces_split: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for piece in text.split(['\n', '、', ',', '，', ';', '；']) {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        let words: Vec<&str> = piece.split_whitespace().collect();
        let use_words = spaces_split
            && words.len() > 1
            && words
                .iter()
                .all(|w| !matches!(channel_name(w), ChannelName::Unknown));
        if use_words {
            out.extend(words.iter().map(|w| (*w).to_owned()));
        } else {
            let joined: String = words.concat();
            // A wrapped "(电子屏)" belongs to the name before it.
            if joined.starts_with('(') {
                if let Some(last) = out.last_mut() {
                    last.push_str(&joined);
                    continue;
                }
            }
            out.push(joined);
        }
    }
    out
}

/// Reads a 公开渠道和载体 cell.
///
/// ```
/// use gongkai::import::channels::parse_channel_cell;
/// use gongkai::model::Channel;
/// let c = parse_channel_cell("■政府网站 □政府公报\n■精准报送 □其他_");
/// assert_eq!(c.channels, [Channel::GovWebsite, Channel::TargetedPush]);
/// assert!(c.other.is_empty() && c.ambiguous.is_none());
/// ```
pub fn parse_channel_cell(text: &str) -> ChannelCell {
    let folded = fold_width(text);
    let (plain, _) = strip_glosses(&folded);
    let chars: Vec<char> = plain.chars().collect();
    let has_box = chars
        .iter()
        .any(|c| matches!(glyph_of(*c), Some(Glyph::Chosen | Glyph::Unchosen)));
    // Tokenise into (glyph, text) entries.
    let mut entries: Vec<(Option<Glyph>, String)> = Vec::new();
    let mut state: Option<Glyph> = None;
    let mut cur = String::new();
    for i in 0..chars.len() {
        let c = chars[i];
        let next_han = chars.get(i + 1).is_some_and(|n| is_han(*n));
        let g = glyph_of(c).or_else(|| {
            if c == '口' && is_boundary(&chars, i) && next_han {
                let known = !matches!(
                    channel_name(&following_name(&chars, i + 1)),
                    ChannelName::Unknown
                );
                (has_box || known).then_some(Glyph::Unchosen)
            } else if c == 't' && is_boundary(&chars, i) && next_han {
                Some(Glyph::StrayT)
            } else {
                None
            }
        });
        match g {
            Some(g) => {
                if state.is_some() || !cur.trim().is_empty() {
                    entries.push((state, std::mem::take(&mut cur)));
                }
                cur.clear();
                state = Some(g);
            }
            None => cur.push(c),
        }
    }
    if state.is_some() || !cur.trim().is_empty() {
        entries.push((state, cur));
    }
    let mut out = ChannelCell::default();
    let any_glyph = entries.iter().any(|(g, _)| g.is_some());
    let strong_chosen = entries.iter().any(|(g, _)| *g == Some(Glyph::Chosen));
    let other_unchosen = entries.iter().any(|(g, _)| *g == Some(Glyph::Unchosen));
    let ballot_as_chosen = !strong_chosen && !other_unchosen;
    for (g, text) in &entries {
        let (chosen, why) = match g {
            None if any_glyph => {
                // Text before the first glyph (or a legend): names read as chosen, ambiguous.
                (true, Some(Ambiguity::NoGlyphs))
            }
            None => (true, Some(Ambiguity::NoGlyphs)),
            Some(Glyph::Chosen) => (true, None),
            Some(Glyph::Unchosen) => (false, None),
            Some(Glyph::BallotBox) if ballot_as_chosen => (true, Some(Ambiguity::OnlyBallotBox)),
            Some(Glyph::BallotBox) => (false, None),
            Some(Glyph::StrayT) => (true, Some(Ambiguity::StrayT)),
        };
        let names = split_names(text, g.is_none());
        for name in names {
            let mapped = channel_name(&name);
            match mapped {
                ChannelName::Standard(c) => {
                    if chosen {
                        push_unique(&mut out.channels, c);
                        if why.is_some() && out.ambiguous.is_none() {
                            out.ambiguous = why;
                        }
                    }
                }
                ChannelName::Other(rest) => {
                    let generic =
                        rest.is_empty() || matches!(rest.as_str(), "渠道" | "方式" | "载体");
                    if chosen {
                        let label = if generic { name.clone() } else { rest };
                        push_unique(&mut out.other, label);
                        if why.is_some() && out.ambiguous.is_none() {
                            out.ambiguous = why;
                        }
                    } else if !generic {
                        push_unique(&mut out.other, rest);
                        out.ambiguous.get_or_insert(Ambiguity::UntickedOther);
                    }
                }
                ChannelName::Unknown => {
                    if chosen {
                        push_unique(&mut out.other, name);
                        if why.is_some() && out.ambiguous.is_none() {
                            out.ambiguous = why;
                        }
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Channel::*;

    #[test]
    fn checkbox_list() {
        let c = parse_channel_cell(
            "■政府网站 □政府公报\n□两微一端 □发布会/听证会\n□社区/企事业单位/村公示栏(电子屏)\n□精准推送 □其他_",
        );
        assert_eq!(c.channels, [GovWebsite]);
        assert!(c.other.is_empty());
        assert_eq!(c.ambiguous, None);
    }

    #[test]
    fn ocr_box_and_run_together() {
        let c = parse_channel_cell("■政府网站\n口两微一端\n□广播电视\n口公开查阅点 口便民服务站");
        assert_eq!(c.channels, [GovWebsite]);
        let c = parse_channel_cell(
            "■政府网站    ■两微一端  ■政务服务中心■便民服务站\n■投资项目在线审批监管平台",
        );
        assert_eq!(
            c.channels,
            [GovWebsite, SocialMedia, ServiceCenter, ServiceStation]
        );
        assert_eq!(c.other, ["投资项目在线审批监管平台"]);
    }

    #[test]
    fn ambiguous_cases() {
        let c = parse_channel_cell("☐县政府门户网站");
        assert_eq!(c.channels, [GovWebsite]);
        assert_eq!(c.ambiguous, Some(Ambiguity::OnlyBallotBox));
        let c = parse_channel_cell("政府网站\n入户/现场");
        assert_eq!(c.channels, [GovWebsite, DoorToDoor]);
        assert_eq!(c.ambiguous, Some(Ambiguity::NoGlyphs));
        let c = parse_channel_cell("t政府网站 □政府公报");
        assert_eq!(c.channels, [GovWebsite]);
        assert_eq!(c.ambiguous, Some(Ambiguity::StrayT));
        let c = parse_channel_cell("■政府网站 ☐政府公报");
        assert_eq!(c.channels, [GovWebsite]);
        assert_eq!(c.ambiguous, None);
    }

    #[test]
    fn wrapped_name_and_other() {
        let c =
            parse_channel_cell("□社区/企事业单位/村公示栏\n(电子屏)\n■精准推送 ■其他:12345热线");
        assert_eq!(c.channels, [TargetedPush]);
        assert_eq!(c.other, ["12345热线"]);
        let c = parse_channel_cell("■政府网站 ■企业网站 ■两微一端 ■其他渠道");
        assert_eq!(c.channels, [GovWebsite, SocialMedia]);
        assert_eq!(c.other, ["企业网站", "其他渠道"]);
    }
}
