//! The catalogue's own fields (目录名称, 领域, 编制单位, 目录层级, 编制日期) when the options and the
//! metadata block do not give them: from the table's captions and the file name, each default
//! reported.

use super::ImportOptions;
use super::rows::strip_numbering;
use super::text::normalize_cell;
use crate::codes;
use crate::issue::Finding;
use crate::model::{Catalogue, DOMAINS, Level, Text, domain_by_code, domain_by_zh};

const DOMAIN_ALIASES: &[(&str, &str)] = &[
    ("城市管理执法", "urban_law_enforcement"),
    ("城管执法", "urban_law_enforcement"),
    ("综合执法", "urban_law_enforcement"),
    ("农村危房", "rural_dilapidated_housing"),
    ("危房改造", "rural_dilapidated_housing"),
    ("预决算", "fiscal_budget"),
    ("财政预算", "fiscal_budget"),
    ("公共文化", "public_culture"),
    ("食品药品", "food_drug_regulation"),
    ("保障性住房", "affordable_housing"),
    ("保障性安居工程", "affordable_housing"),
    ("征地补偿", "land_expropriation"),
    ("房屋征收", "housing_expropriation"),
    ("养老", "elderly_care"),
    ("户籍", "household_registration"),
    ("卫生健康", "health"),
    ("卫生计生", "health"),
    ("生态环境", "ecological_environment"),
    ("环境保护", "ecological_environment"),
    ("社会保险", "social_insurance"),
    ("社保", "social_insurance"),
    ("城乡规划", "urban_rural_planning"),
    ("市政服务", "municipal_services"),
    ("扶贫", "poverty_alleviation"),
    ("救灾", "disaster_relief"),
    ("安全生产", "work_safety"),
    ("税收", "tax_administration"),
    ("就业", "employment"),
    ("义务教育", "compulsory_education"),
    ("涉农补贴", "agricultural_subsidies"),
    ("社会救助", "social_assistance"),
    ("公共法律服务", "public_legal_services"),
    ("公共资源交易", "public_resource_trading"),
    ("重大建设项目", "major_construction_projects"),
];

/// Finds a known 领域 in a text: (code, byte position in the simplified text, length).
fn find_domain(s: &str) -> Option<(&'static str, usize, usize)> {
    let mut best: Option<(&'static str, usize, usize)> = None;
    let names = DOMAINS
        .iter()
        .map(|d| (d.zh, d.code))
        .chain(DOMAIN_ALIASES.iter().copied());
    for (zh, code) in names {
        if let Some(p) = s.find(zh) {
            let better = match best {
                None => true,
                Some((_, bp, bl)) => zh.len() > bl || (zh.len() == bl && p < bp),
            };
            if better {
                best = Some((code, p, zh.len()));
            }
        }
    }
    best
}

const ORGAN_SUFFIXES: &[&str] = &[
    "局",
    "委",
    "委员会",
    "办",
    "办公室",
    "政府",
    "人民政府",
    "办事处",
    "中心",
    "公司",
    "院",
    "所",
    "站",
    "厅",
    "部",
    "县",
    "区",
    "市",
    "旗",
    "镇",
    "乡",
    "街道",
    "队",
    "会",
    "处",
    "科",
];

pub(crate) fn find_date(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let num = |i: usize| -> Option<(u32, usize)> {
        let mut j = i;
        let mut n = 0u32;
        while j < chars.len() && chars[j].is_ascii_digit() && j - i < 4 {
            n = n * 10 + chars[j].to_digit(10)?;
            j += 1;
        }
        (j > i).then_some((n, j))
    };
    for i in 0..chars.len() {
        if i > 0 && chars[i - 1].is_ascii_digit() {
            continue;
        }
        let Some((y, j)) = num(i) else { continue };
        if j - i != 4 || !(1990..=2100).contains(&y) {
            continue;
        }
        let sep = chars.get(j).copied();
        if !matches!(sep, Some('年' | '-' | '.' | '/')) {
            continue;
        }
        let Some((m, k)) = num(j + 1) else { continue };
        let sep2 = chars.get(k).copied();
        let ok2 = match sep {
            Some('年') => sep2 == Some('月'),
            s => sep2 == s,
        };
        if !ok2 {
            continue;
        }
        let Some((d, _)) = num(k + 1) else { continue };
        if chrono::NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d).is_some() {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    None
}

/// Fills the catalogue header from the options, else from the captions and the file name, and
/// reports each default or gap.
pub(crate) fn fill_header(
    cat: &mut Catalogue<'static>,
    options: &ImportOptions,
    captions: &[String],
    findings: &mut Vec<Finding>,
) {
    let default =
        |findings: &mut Vec<Finding>, path: &str, field: &str, value: &str, source: &str| {
            let (how, how_en) = options
                .front_end
                .how_to_supply(path.trim_start_matches('/'), field);
            let source_en = match source {
                "表格标题" => "the table's caption",
                "文件名" => "the file name",
                "目录名称" => "the catalogue's title",
                _ => "the default",
            };
            findings.push(Finding::new(
                codes::import::HEADER_DEFAULT,
                path,
                None,
                &[
                    ("field", field.to_owned()),
                    ("value", value.to_owned()),
                    ("source", source.to_owned()),
                    ("source_en", source_en.to_owned()),
                    ("how", how),
                    ("how_en", how_en),
                ],
            ));
        };
    let missing = |findings: &mut Vec<Finding>, path: &str, field: &str, key: &str| {
        let (how, how_en) = options.front_end.how_to_supply(key, field);
        findings.push(Finding::new(
            codes::import::HEADER_MISSING,
            path,
            None,
            &[
                ("field", field.to_owned()),
                ("how", how),
                ("how_en", how_en),
            ],
        ));
    };
    let file_stem = options.file_name.as_deref().map(|n| {
        let base = n.rsplit(['/', '\\']).next().unwrap_or(n);
        base.rsplit_once('.').map_or(base, |(s, _)| s).to_owned()
    });
    // Title.
    let caption = captions
        .iter()
        .find(|c| c.contains("目录") || c.contains("目錄"))
        .or_else(|| captions.first())
        .map(|c| normalize_cell(c));
    let title = match (&options.title, &caption, &file_stem) {
        (Some(t), _, _) => t.clone(),
        (None, Some(c), _) => {
            default(findings, "/title", "目录名称", c, "表格标题");
            c.clone()
        }
        (None, None, Some(f)) if !f.trim().is_empty() => {
            default(findings, "/title", "目录名称", f, "文件名");
            f.clone()
        }
        _ => {
            missing(findings, "/title", "目录名称", "title");
            String::new()
        }
    };
    cat.title = Text::from(title.clone());
    // Domain.
    let mut search: Vec<String> = vec![title.clone()];
    search.extend(captions.iter().cloned());
    if let Some(f) = &file_stem {
        search.push(f.clone());
    }
    let simplified: Vec<String> = search
        .iter()
        .map(|s| super::hanzi::to_simplified(s))
        .collect();
    let found = simplified.iter().find_map(|s| find_domain(s));
    let domain = match &options.domain {
        Some(d) => domain_by_code(d)
            .or_else(|| domain_by_zh(&super::hanzi::to_simplified(d)))
            .map_or_else(|| d.clone(), |x| x.code.to_owned()),
        None => match found {
            Some((code, _, _)) => {
                let zh = domain_by_code(code).map_or(code, |d| d.zh);
                default(
                    findings,
                    "/domain",
                    "领域",
                    &format!("{zh}（{code}）"),
                    "目录名称",
                );
                code.to_owned()
            }
            None => {
                missing(findings, "/domain", "领域", "domain");
                String::new()
            }
        },
    };
    cat.domain = Text::from(domain);
    // Publisher: the organ named before the 领域 in the title.
    let publisher = match &options.publisher {
        Some(p) => Some(p.clone()),
        None => {
            let t = super::hanzi::to_simplified(&title);
            let cut = find_domain(&t)
                .map(|(_, p, _)| p)
                .or_else(|| t.find("领域"))
                .or_else(|| t.find("基层政务公开"));
            cut.and_then(|p| {
                let n_chars = t[..p].chars().count();
                let prefix: String = title.chars().take(n_chars).collect();
                let prefix = strip_numbering(prefix.trim());
                let simple = super::hanzi::to_simplified(&prefix);
                (prefix.chars().count() >= 2 && ORGAN_SUFFIXES.iter().any(|s| simple.ends_with(s)))
                    .then_some(prefix)
            })
            .inspect(|p| default(findings, "/publisher", "编制单位", p, "目录名称"))
        }
    };
    let publisher = publisher.unwrap_or_else(|| {
        missing(findings, "/publisher", "编制单位", "publisher");
        String::new()
    });
    cat.publisher = Text::from(publisher.clone());
    // Level.
    cat.level = match options.level {
        Some(l) => l,
        None => {
            let p = super::hanzi::to_simplified(&publisher);
            let organ_start = ["局", "委", "办", "政府", "中心", "公司", "城市"]
                .iter()
                .filter_map(|w| p.find(w))
                .min()
                .unwrap_or(p.len());
            let place = &p[..organ_start];
            let l = if place.contains('村') || place.ends_with("社区") {
                Level::Village
            } else if place.contains('乡')
                || place.contains('镇')
                || place.contains("街道")
                || place.contains("苏木")
            {
                Level::Township
            } else {
                Level::County
            };
            default(
                findings,
                "/level",
                "目录层级",
                l.zh(),
                if publisher.is_empty() {
                    "默认值"
                } else {
                    "编制单位名称"
                },
            );
            l
        }
    };
    // Issued.
    cat.issued = Text::from(match &options.issued {
        Some(d) => d.clone(),
        None => match captions.iter().find_map(|c| find_date(c)) {
            Some(d) => {
                default(findings, "/issued", "编制日期", &d, "表格标题");
                d
            }
            None => {
                missing(findings, "/issued", "编制日期", "issued");
                String::new()
            }
        },
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(find_date("2024年3月1日印发").as_deref(), Some("2024-03-01"));
        assert_eq!(find_date("（2020-09-15）").as_deref(), Some("2020-09-15"));
        assert_eq!(find_date("2024年版"), None);
    }
}
