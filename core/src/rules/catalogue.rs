//! The catalogue's header: domain code, dates (条例第十二条: 生成日期, 及时更新), levels and
//! region. These rules run only when the header was read in full ([`Ctx::header_ok`]).

use super::lexicon::{flag, scan};
use super::{Ctx, Env};
use crate::codes;
use crate::model::{Catalogue, Item, Level, Text, domain_by_code, domain_by_zh};

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
            codes::catalogue::ITEM_LEVEL_ABOVE_CATALOGUE,
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
            ctx.push(
                codes::catalogue::BLANK_TEXT,
                path,
                &[("field", field.to_owned())],
            );
        } else if path != "/domain" && scan(t) & flag::FILL_IN != 0 {
            ctx.push(
                codes::catalogue::FILL_IN_MARKER,
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
                codes::catalogue::PUBLISHER_OUTSIDE_REGION,
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
        codes::catalogue::UNKNOWN_DOMAIN,
        "/domain",
        &[
            ("value", cat.domain.to_string()),
            ("suggestion_zh", zh),
            ("suggestion_en", en),
        ],
    );
}

fn dates(cat: &Catalogue<'_>, ctx: &mut Ctx) {
    let issued = crate::date::parse_date(&cat.issued);
    let updated = cat.updated.as_deref().and_then(crate::date::parse_date);
    if let (Some(i), Some(u)) = (issued, updated) {
        if u < i {
            ctx.push(
                codes::catalogue::UPDATED_BEFORE_ISSUED,
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
                codes::catalogue::FUTURE_DATE,
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
                codes::catalogue::STALE,
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
        codes::catalogue::REGION_CODE_MISMATCH,
        "/region/code",
        &[
            ("value", code.to_owned()),
            ("code_province", code_province),
            ("province", r.province.to_string()),
        ],
    );
}
