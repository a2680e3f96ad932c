//! The catalogue's header: domain code, dates (条例第十二条: 生成日期, 及时更新), levels and
//! region. These rules run only when the header was read in full ([`Ctx::header_ok`]).

use super::lexicon::{flag, scan};
use super::{Ctx, Env, RuleDef};
use crate::model::{Catalogue, Item, Level, Text, domain_by_code, domain_by_zh};
use crate::report::Severity::{Error, Info, Warning};

/// The catalogue rules.
pub const DEFS: &[RuleDef] = &[
    RuleDef {
        code: "catalogue.unknown_domain",
        severity: Warning,
        title: "领域代码未知",
        source: "国办发〔2019〕54号（26个试点领域）；数据模型 v1（领域为开放列表）",
        message_zh: "领域代码“{value}”不在已知的26个领域中{suggestion_zh}；若确是新领域可以保留，否则请改用已知代码（如 municipal_services 表示市政服务，完整列表见数据模型）",
        message_en: "The domain code (领域) “{value}” is not one of the 26 known domains{suggestion_en}; keep it for a genuinely new domain, otherwise use a known code (e.g. municipal_services; the data model lists them all)",
    },
    RuleDef {
        code: "catalogue.updated_before_issued",
        severity: Error,
        title: "更新日期早于编制日期",
        source: "数据模型 v1；《政府信息公开条例》第十二条（目录应包括生成日期并及时更新）",
        message_zh: "更新日期 {updated} 早于编制日期 {issued}；请核对两个日期",
        message_en: "The update date (更新日期) {updated} is before the issue date (编制日期) {issued}; check both dates",
    },
    RuleDef {
        code: "catalogue.future_date",
        severity: Error,
        title: "日期在未来",
        source: "gongkai 启发式（日期不得晚于今天）",
        message_zh: "“{field}”{value} 晚于今天（{today}）；请核对日期",
        message_en: "“{field}” {value} is after today ({today}); check the date",
    },
    RuleDef {
        code: "catalogue.stale",
        severity: Warning,
        title: "目录超过12个月未更新",
        source: "《政府信息公开条例》第十二条（公开目录应当及时更新）",
        message_zh: "目录最近一次编制或更新是 {date}，距今天（{today}）已超过12个月；请对照最新的法规和职责核对目录，并填写更新日期",
        message_en: "The catalogue was last issued or updated on {date}, more than 12 months before today ({today}); review it against current law and duties and set the update date (更新日期)",
    },
    RuleDef {
        code: "catalogue.item_level_above_catalogue",
        severity: Warning,
        title: "事项公开层级高于目录层级",
        source: "标准目录“公开层级”（县级目录勾选县级、乡级）；《政府信息公开条例》第十条",
        message_zh: "事项“{item}”勾选了公开层级“{level}”，高于本目录的层级（{catalogue_level}）；{catalogue_level}目录只能勾选本级及以下层级，请删除“{level}”",
        message_en: "Item “{item}” ticks the {level_en} level (公开层级), above this {catalogue_level_en}-level catalogue; tick only this level and below",
    },
    RuleDef {
        code: "catalogue.region_code_mismatch",
        severity: Warning,
        title: "行政区划代码与省份不符",
        source: "GB/T 2260（行政区划代码前两位为省级代码）",
        message_zh: "行政区划代码 {value} 的前两位表示{code_province}，与所填的省份“{province}”不符；请核对代码（如武陟县为 410823）",
        message_en: "The division code (行政区划代码) {value} belongs to {code_province}, not to the province given, “{province}”; check the code (武陟县 is 410823)",
    },
    RuleDef {
        code: "catalogue.blank_text",
        severity: Error,
        title: "目录信息只有空白",
        source: "《政府信息公开条例》第十二条；国办发〔2019〕54号",
        message_zh: "“{field}”只有空格，没有实际内容；请填写",
        message_en: "“{field}” holds only white space; fill it in",
    },
    RuleDef {
        code: "catalogue.fill_in_marker",
        severity: Error,
        title: "目录信息留有待填写标记",
        source: "国办发〔2019〕54号（因地制宜编制本级目录）",
        message_zh: "“{field}”的内容“{value}”仍是模板中的待填写内容（如“XX”）；请填写实际名称",
        message_en: "“{field}” “{value}” still holds a template fill-in mark (such as XX); write the actual name",
    },
    RuleDef {
        code: "catalogue.publisher_outside_region",
        severity: Info,
        title: "编制单位名称不含所在行政区划",
        source: "gongkai 启发式",
        message_zh: "编制单位“{value}”的名称中没有行政区划“{region}”；请核对编制单位或行政区划，编制单位应写全称，如“武陟县城市管理局”",
        message_en: "The publisher (编制单位) “{value}” does not contain the region name “{region}”; check the publisher or the region, and write the publisher's full name",
    },
];

/// Province-level division codes (GB/T 2260) and the short name each province's name contains.
const PROVINCES: &[(&str, &str)] = &[
    ("11", "北京"),
    ("12", "天津"),
    ("13", "河北"),
    ("14", "山西"),
    ("15", "内蒙古"),
    ("21", "辽宁"),
    ("22", "吉林"),
    ("23", "黑龙江"),
    ("31", "上海"),
    ("32", "江苏"),
    ("33", "浙江"),
    ("34", "安徽"),
    ("35", "福建"),
    ("36", "江西"),
    ("37", "山东"),
    ("41", "河南"),
    ("42", "湖北"),
    ("43", "湖南"),
    ("44", "广东"),
    ("45", "广西"),
    ("46", "海南"),
    ("50", "重庆"),
    ("51", "四川"),
    ("52", "贵州"),
    ("53", "云南"),
    ("54", "西藏"),
    ("61", "陕西"),
    ("62", "甘肃"),
    ("63", "青海"),
    ("64", "宁夏"),
    ("65", "新疆"),
    ("71", "台湾"),
    ("81", "香港"),
    ("82", "澳门"),
];

fn rank(l: Level) -> u8 {
    match l {
        Level::Village => 0,
        Level::Township => 1,
        Level::County => 2,
        Level::City => 3,
    }
}

/// Runs the header rules.
pub(crate) fn check_header(cat: &Catalogue<'_>, ctx: &mut Ctx) {
    if !ctx.header_ok() {
        return;
    }
    header_text(cat, ctx);
    domain(cat, ctx);
    dates(cat, ctx);
    region(cat, ctx);
}

/// Runs the rules that compare item `i` with the header.
pub(crate) fn check_item(i: usize, item: &Item<'_>, env: &Env<'_>, ctx: &mut Ctx) {
    if !env.header_ok {
        return;
    }
    let top = rank(env.level);
    let above = item
        .levels
        .iter()
        .copied()
        .filter(|l| rank(*l) > top)
        .max_by_key(|l| rank(*l));
    if let Some(l) = above {
        ctx.push_item(
            "catalogue.item_level_above_catalogue",
            i,
            item,
            "/levels",
            &[
                ("level", l.zh().to_owned()),
                ("level_en", l.en().to_owned()),
                ("catalogue_level", env.level.zh().to_owned()),
                ("catalogue_level_en", env.level.en().to_owned()),
            ],
        );
    }
}

fn header_text(cat: &Catalogue<'_>, ctx: &mut Ctx) {
    let region = cat.region.as_ref();
    let fields: [(&str, &str, Option<&Text<'_>>); 6] = [
        ("/title", "目录名称", Some(&cat.title)),
        ("/domain", "领域", Some(&cat.domain)),
        ("/publisher", "编制单位", Some(&cat.publisher)),
        ("/region/province", "省", region.map(|r| &r.province)),
        ("/region/city", "市", region.map(|r| &r.city)),
        ("/region/county", "县", region.map(|r| &r.county)),
    ];
    for (path, field, text) in fields {
        let Some(t) = text else { continue };
        if !t.is_empty() && t.is_blank() {
            ctx.push("catalogue.blank_text", path, &[("field", field.to_owned())]);
        } else if path != "/domain" && scan(t) & flag::FILL_IN != 0 {
            ctx.push(
                "catalogue.fill_in_marker",
                path,
                &[("field", field.to_owned()), ("value", t.to_string())],
            );
        }
    }
    if let Some(r) = region {
        let place = match (cat.level, &r.township) {
            (Level::Township | Level::Village, Some(t)) => t.trim(),
            (Level::County, _) => r.county.trim(),
            _ => "",
        };
        if place.chars().count() >= 2
            && !cat.publisher.is_blank()
            && scan(place) & flag::FILL_IN == 0
            && !cat.publisher.contains(place)
        {
            ctx.push(
                "catalogue.publisher_outside_region",
                "/publisher",
                &[
                    ("value", cat.publisher.to_string()),
                    ("region", place.to_owned()),
                ],
            );
        }
    }
}

fn domain(cat: &Catalogue<'_>, ctx: &mut Ctx) {
    let d = cat.domain.trim();
    if d.is_empty() || domain_by_code(d).is_some() {
        return;
    }
    let (zh, en) = match domain_by_zh(d) {
        Some(k) => (
            format!("，是否应为 {}（{}）", k.code, k.zh),
            format!(" (did you mean {}?)", k.code),
        ),
        None => (String::new(), String::new()),
    };
    ctx.push(
        "catalogue.unknown_domain",
        "/domain",
        &[
            ("value", cat.domain.to_string()),
            ("suggestion_zh", zh),
            ("suggestion_en", en),
        ],
    );
}

fn dates(cat: &Catalogue<'_>, ctx: &mut Ctx) {
    let issued = crate::parse_date(&cat.issued);
    let updated = cat.updated.as_deref().and_then(crate::parse_date);
    if let (Some(i), Some(u)) = (issued, updated) {
        if u < i {
            ctx.push(
                "catalogue.updated_before_issued",
                "/updated",
                &[("updated", u.to_string()), ("issued", i.to_string())],
            );
        }
    }
    let Some(today) = ctx.today else {
        return;
    };
    let mut future = false;
    for (path, field, d) in [
        ("/issued", "编制日期", issued),
        ("/updated", "更新日期", updated),
    ] {
        if let Some(d) = d.filter(|d| *d > today) {
            future = true;
            ctx.push(
                "catalogue.future_date",
                path,
                &[
                    ("field", field.to_owned()),
                    ("value", d.to_string()),
                    ("today", today.to_string()),
                ],
            );
        }
    }
    let latest = match (issued, updated) {
        (Some(i), Some(u)) => Some((i.max(u), if u >= i { "/updated" } else { "/issued" })),
        (Some(i), None) => Some((i, "/issued")),
        (None, Some(u)) => Some((u, "/updated")),
        (None, None) => None,
    };
    if let Some((d, path)) = latest {
        let expiry = d.checked_add_months(chrono::Months::new(12));
        if !future && expiry.is_some_and(|e| e < today) {
            ctx.push(
                "catalogue.stale",
                path,
                &[("date", d.to_string()), ("today", today.to_string())],
            );
        }
    }
}

fn region(cat: &Catalogue<'_>, ctx: &mut Ctx) {
    let Some(r) = &cat.region else { return };
    let Some(code) = r.code.as_deref() else {
        return;
    };
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return; // The schema's pattern.
    }
    let prefix = &code[..2];
    let named = PROVINCES.iter().find(|(_, n)| r.province.contains(n));
    let coded = PROVINCES.iter().find(|(c, _)| *c == prefix);
    let Some((_, named_short)) = named else {
        return; // A province we cannot recognise: nothing to compare.
    };
    if coded.is_some_and(|(_, n)| n == named_short) {
        return;
    }
    let code_province =
        coded.map_or_else(|| format!("未知省份（{prefix}）"), |(_, n)| (*n).to_owned());
    ctx.push(
        "catalogue.region_code_mismatch",
        "/region/code",
        &[
            ("value", code.to_owned()),
            ("code_province", code_province),
            ("province", r.province.to_string()),
        ],
    );
}
