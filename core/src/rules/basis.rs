//! 公开依据: vague citations, known misspellings, and citations that do not fit the item's sector
//! (a copy-paste from the row above). Citations checked against the registry of instruments
//! (repealed, superseded, wrong kind) are in [`super::laws`].

use super::Ctx;
use super::lexicon::{Facts, core_text, flag};
use crate::codes;
use crate::model::Item;

struct Topic {
    bit: u64,
    zh: &'static str,
    en: &'static str,
    instrument: &'static str,
}

const TOPICS: &[Topic] = &[
    Topic {
        bit: flag::ROAD,
        zh: "城市道路、桥梁",
        en: "urban roads and bridges",
        instrument: "《城市道路管理条例》",
    },
    Topic {
        bit: flag::GAS,
        zh: "城镇燃气",
        en: "urban gas",
        instrument: "《城镇燃气管理条例》",
    },
    Topic {
        bit: flag::WATER,
        zh: "城市供水",
        en: "urban water supply",
        instrument: "《城市供水条例》",
    },
    Topic {
        bit: flag::DRAIN,
        zh: "城镇排水与污水处理",
        en: "drainage and sewage",
        instrument: "《城镇排水与污水处理条例》",
    },
    Topic {
        bit: flag::GREEN,
        zh: "城市绿化",
        en: "urban greening",
        instrument: "《城市绿化条例》",
    },
];

fn describe(bits: u64, part: impl Fn(&Topic) -> &'static str, sep: &str) -> String {
    TOPICS
        .iter()
        .filter(|t| bits & t.bit != 0)
        .map(part)
        .collect::<Vec<_>>()
        .join(sep)
}

/// Runs the citation rules on item `i`.
pub(crate) fn check_item(i: usize, item: &Item<'_>, f: &Facts, ctx: &mut Ctx) {
    let (mut real, mut vague) = (0usize, None);
    for (j, c) in item.basis.iter().enumerate() {
        let title = core_text(&c.title);
        if title.is_empty() {
            continue; // Blank: `items.blank_text` (or the schema when empty).
        }
        if is_vague_core(title) {
            vague = vague.or(Some(j));
            continue;
        }
        real += 1;
        let path = || format!("/basis/{j}/title");
        if f.basis & flag::BRACKET != 0 && c.title.contains(['《', '》']) {
            ctx.push_item(
                codes::basis::TITLE_BRACKETS,
                i,
                item,
                &path(),
                &[("value", c.title.to_string())],
            );
        }
        if let Some(s) = typo(title, f.basis & flag::TYPO != 0) {
            ctx.push_item(
                codes::basis::KNOWN_TYPO,
                i,
                item,
                &path(),
                &[("value", c.title.to_string()), ("suggestion", s)],
            );
        }
    }
    if let Some(first) = vague {
        if real == 0 {
            let value = item.basis.get(first).map(|c| c.title.to_string());
            ctx.push_item(
                codes::basis::NO_INSTRUMENT,
                i,
                item,
                "/basis",
                &[("value", value.unwrap_or_default())],
            );
        } else {
            for (j, c) in item.basis.iter().enumerate().skip(first) {
                if is_vague(&c.title) {
                    ctx.push_item(
                        codes::basis::VAGUE_TITLE,
                        i,
                        item,
                        &format!("/basis/{j}/title"),
                        &[("value", c.title.to_string())],
                    );
                }
            }
        }
    }
    let topics = f.topics();
    let cited = f.basis & flag::TOPICS;
    if topics != 0 && cited != 0 && topics & cited == 0 {
        ctx.push_item(
            codes::basis::SUBJECT_MISMATCH,
            i,
            item,
            "/basis",
            &[
                ("topic", describe(topics, |t| t.zh, "、")),
                ("topic_en", describe(topics, |t| t.en, ", ")),
                ("found", describe(cited, |t| t.zh, "、")),
                ("found_en", describe(cited, |t| t.en, ", ")),
                ("expected", describe(topics, |t| t.instrument, "或")),
            ],
        );
    }
}

/// A title that names no instrument: 相关法律法规, 国家有关规定, 无… (false for a blank title).
pub(crate) fn is_vague(title: &str) -> bool {
    let t = core_text(title);
    !t.is_empty() && is_vague_core(t)
}

/// [`is_vague`] of a title already trimmed by [`core_text`].
fn is_vague_core(t: &str) -> bool {
    let t = t.trim_end_matches('等');
    if matches!(
        t,
        "法律法规"
            | "法律、法规"
            | "法律法规规定"
            | "依法"
            | "无"
            | "略"
            | "/"
            | "／"
            | "-"
            | "—"
            | "——"
            | "同上"
            | "见上"
    ) {
        return true;
    }
    const PREFIXES: &[&str] = &[
        "相关",
        "有关",
        "国家相关",
        "国家有关",
        "上级",
        "其他相关",
        "其他有关",
        "其它",
        "按照",
        "依据",
        "根据",
    ];
    const SUFFIXES: &[&str] = &[
        "法律法规",
        "法律、法规",
        "法律、法规、规章",
        "法规",
        "规定",
        "文件",
        "政策",
        "法律",
        "制度",
        "要求",
        "规章",
        "文件精神",
    ];
    PREFIXES.iter().any(|p| t.starts_with(p))
        && SUFFIXES.iter().any(|s| t.ends_with(s))
        && t.chars().count() <= 16
}

/// Whether `basis.known_typo` reports the title (`t` trimmed by [`core_text`]).
pub(crate) fn has_typo(t: &str, has_typo_keyword: bool) -> bool {
    typo(t, has_typo_keyword).is_some()
}

/// The right title for a known wrong one (`t` trimmed by [`core_text`]).
fn typo(t: &str, has_typo_keyword: bool) -> Option<String> {
    let exact = match t {
        "城市绿化管理条例" => Some("城市绿化条例"),
        "城市供水管理条例" => Some("城市供水条例"),
        "城市道路条例" => Some("城市道路管理条例"),
        "燃气管理条例" | "城市燃气管理条例" => Some("城镇燃气管理条例"),
        "城镇排水与污水处理管理条例" | "城市排水与污水处理条例" | "城镇排水和污水处理条例" => {
            Some("城镇排水与污水处理条例")
        }
        "政府信息公开管理条例" => Some("中华人民共和国政府信息公开条例"),
        _ => None,
    };
    if let Some(s) = exact {
        return Some(s.to_owned());
    }
    if has_typo_keyword {
        for (wrong, right) in [
            ("信息公开条件", "信息公开条例"),
            ("条列", "条例"),
            ("条理", "条例"),
        ] {
            if t.contains(wrong) {
                return Some(t.replace(wrong, right));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vague_titles() {
        for v in [
            "相关法律法规",
            "《相关法律法规》",
            "国家有关规定",
            "有关法律、法规",
            "上级文件",
            "法律法规",
            "相关政策等",
        ] {
            assert!(is_vague(v), "{v}");
        }
        for v in [
            "城镇燃气管理条例",
            "中华人民共和国政府信息公开条例",
            "国务院对确需保留的行政审批项目设定行政许可的决定",
            "有关城市道路占用挖掘收费的管理规定与实施细则汇编",
        ] {
            assert!(!is_vague(v), "{v}");
        }
    }

    #[test]
    fn typos() {
        assert_eq!(
            typo("中华人民共和国政府信息公开条件", true).as_deref(),
            Some("中华人民共和国政府信息公开条例")
        );
        assert_eq!(
            typo("城市绿化管理条例", false).as_deref(),
            Some("城市绿化条例")
        );
        assert_eq!(typo("城市绿化条例", false), None);
        assert_eq!(typo("河南省城市供水管理条例", false), None);
    }
}
