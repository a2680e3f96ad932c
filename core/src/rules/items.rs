//! Rows of the catalogue: identity (duplicate 序号 and items), 公开方式 of enforcement rows,
//! 公开对象, exempt material, and text the schema's minimum lengths let through.

use super::lexicon::{Facts, Hasher, flag, is_blank, scan, space_inside_words, trim};
use super::{Ctx, RuleDef};
use crate::model::{Audience, Item, Method, Text};
use crate::report::Severity::{Error, Info, Warning};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// The item rules.
pub const DEFS: &[RuleDef] = &[
    RuleDef {
        code: "items.duplicate_id",
        severity: Error,
        title: "序号重复",
        source: "数据模型 v1（序号在目录内唯一）",
        message_zh: "序号“{id}”与第{first}项重复；请为每个事项使用不同的序号",
        message_en: "The number (序号) “{id}” is already used by item {first}; give every item its own number",
    },
    RuleDef {
        code: "items.duplicate_name",
        severity: Error,
        title: "事项重复",
        source: "gongkai 启发式（同一目录中一级、二级事项组合应唯一）",
        message_zh: "事项“{category} / {item}”与第{first}项重复；请合并两行或区分二级事项名称",
        message_en: "Item “{category} / {item}” repeats item {first}; merge the two rows or tell the names (二级事项) apart",
    },
    RuleDef {
        code: "items.same_name_other_category",
        severity: Warning,
        title: "同一事项出现在两个一级事项下",
        source: "gongkai 启发式",
        message_zh: "二级事项“{item}”同时出现在一级事项“{category}”和“{other}”（第{first}项）下；请核对是否重复或一级事项填错",
        message_en: "The item (二级事项) “{item}” appears under both “{category}” and “{other}” (item {first}); check for a duplicate or a wrong category (一级事项)",
    },
    RuleDef {
        code: "items.on_request_only_enforcement",
        severity: Warning,
        title: "许可、处罚类事项仅依申请公开",
        source: "《政府信息公开条例》第二十条第（五）（六）项；《行政许可法》第四十条",
        message_zh: "事项“{item}”涉及行政许可、行政处罚或行政强制，其依据、条件、程序和结果属于主动公开范围，但公开方式只勾选了依申请；请勾选“主动”（并勾选政府网站）",
        message_en: "Item “{item}” concerns licensing, penalties or enforcement, whose basis, conditions, procedure and results must be disclosed proactively, but its method (公开方式) is on request only; tick proactive (and the government website)",
    },
    RuleDef {
        code: "items.specific_groups_unnamed",
        severity: Warning,
        title: "特定群体未写明",
        source: "标准目录实践（如洛江区“特定群体：教师”）；gongkai 启发式",
        message_zh: "事项“{item}”的公开对象勾选了特定群体，但没有写明是哪些人；请在“特定群体说明”中填写，如“申请人”“当事人”“相关住户”",
        message_en: "Item “{item}” is disclosed to specific groups (公开对象) without saying who they are; fill in the group note (特定群体说明), e.g. applicants, parties, affected households",
    },
    RuleDef {
        code: "items.unusual_combination",
        severity: Info,
        title: "公开方式与公开对象的组合少见",
        source: "《政府信息公开条例》第十三条、第十九条、第二十七条；gongkai 启发式",
        message_zh: "事项“{item}”的公开方式与公开对象为“{combination}”，这种组合少见；请核对",
        message_en: "Item “{item}” combines method and audience (公开方式 / 公开对象) as “{combination_en}”, which is unusual; check it",
    },
    RuleDef {
        code: "items.exempt_content_public",
        severity: Warning,
        title: "向全社会主动公开的内容含有不宜公开的信息",
        source: "《政府信息公开条例》第十四条、第十五条、第十六条",
        message_zh: "事项“{item}”的公开内容“{value}”涉及个人隐私、商业秘密或内部、过程性信息，却向全社会主动公开；请删去这类内容、注明隐去处理，或改为向特定群体公开",
        message_en: "Item “{item}”: the content (公开内容) “{value}” involves personal, commercial or internal information but is disclosed proactively to everyone; remove it, state that it is redacted, or disclose it to specific groups only",
    },
    RuleDef {
        code: "items.category_equals_name",
        severity: Info,
        title: "一级事项与二级事项相同",
        source: "gongkai 启发式（常见于合并单元格拆分错误）",
        message_zh: "事项“{item}”的一级事项与二级事项完全相同；请核对一级事项是否填错（常见于表格合并单元格）",
        message_en: "Item “{item}”: the category (一级事项) is identical to the name (二级事项); check the category (often a merged-cell mistake)",
    },
    RuleDef {
        code: "items.blank_text",
        severity: Error,
        title: "内容只有空白",
        source: "国办发〔2019〕54号（名称、内容、依据、主体为目录必备要素）",
        message_zh: "第{number}项的“{field}”只有空格，没有实际内容；请填写",
        message_en: "Item {number}: “{field}” holds only white space; fill it in",
    },
    RuleDef {
        code: "items.space_inside_words",
        severity: Info,
        title: "文字中间有多余空格",
        source: "gongkai 启发式（表格单元格换行常在词中留下空格）",
        message_zh: "事项“{item}”的“{field}”在汉字之间有空格（“{value}”），多为表格换行所致；请删除空格，以便与其他目录对照",
        message_en: "Item “{item}”: “{field}” has white space between Chinese characters (“{value}”), usually from a wrapped table cell; remove it so the item matches other catalogues",
    },
];

/// The items seen so far (for duplicates).
pub(crate) struct Seen<'a> {
    ids: HashMap<&'a str, usize, Hasher>,
    /// (二级, 三级) → the first item with that name, and its 一级.
    names: HashMap<(&'a str, &'a str), (usize, &'a str), Hasher>,
    /// (一级, 二级, 三级) → first item; holds only the items of names seen twice.
    keys: HashMap<(&'a str, &'a str, &'a str), usize, Hasher>,
}

impl Seen<'_> {
    pub(crate) fn with_capacity(n: usize) -> Self {
        Seen {
            ids: HashMap::with_capacity_and_hasher(n, Hasher::default()),
            names: HashMap::with_capacity_and_hasher(n, Hasher::default()),
            keys: HashMap::with_hasher(Hasher::default()),
        }
    }
}

/// Runs the item rules on item `i` (after items `0..i`).
pub(crate) fn check_item<'a>(
    i: usize,
    item: &'a Item<'_>,
    f: &Facts,
    seen: &mut Seen<'a>,
    ctx: &mut Ctx,
) {
    blank_text(i, item, ctx);
    let id = trim(&item.id);
    if !id.is_empty() {
        match seen.ids.entry(id) {
            Entry::Occupied(first) => {
                let first = ctx.item_number(*first.get()).to_string();
                ctx.push_item(
                    "items.duplicate_id",
                    i,
                    item,
                    "/id",
                    &[("id", item.id.to_string()), ("first", first)],
                );
            }
            Entry::Vacant(v) => {
                v.insert(i);
            }
        }
    }
    let (category, name) = (trim(&item.category), trim(&item.name));
    let sub = item.subitem.as_deref().map_or("", trim);
    if !category.is_empty() && !name.is_empty() {
        // Names are nearly always unique: the exact (一级, 二级, 三级) key is looked up only
        // for a name seen before.
        match seen.names.entry((name, sub)) {
            Entry::Vacant(v) => {
                v.insert((i, category));
            }
            Entry::Occupied(o) => {
                let (first, first_cat) = *o.get();
                seen.keys.entry((first_cat, name, sub)).or_insert(first);
                match seen.keys.entry((category, name, sub)) {
                    Entry::Occupied(same) => {
                        let same = ctx.item_number(*same.get()).to_string();
                        ctx.push_item(
                            "items.duplicate_name",
                            i,
                            item,
                            "/name",
                            &[("category", category.to_owned()), ("first", same)],
                        );
                    }
                    Entry::Vacant(v) => {
                        v.insert(i);
                        let n = ctx.item_number(first).to_string();
                        ctx.push_item(
                            "items.same_name_other_category",
                            i,
                            item,
                            "/category",
                            &[
                                ("category", category.to_owned()),
                                ("other", first_cat.to_owned()),
                                ("first", n),
                            ],
                        );
                    }
                }
            }
        }
        if category == name {
            ctx.push_item("items.category_equals_name", i, item, "/category", &[]);
        }
    }
    check_rest(i, item, f, ctx);
}

fn check_rest(i: usize, item: &Item<'_>, f: &Facts, ctx: &mut Ctx) {
    if f.head() & (flag::PERMIT | flag::PENALTY) != 0 && item.is_on_request_only() {
        ctx.push_item("items.on_request_only_enforcement", i, item, "/method", &[]);
    }
    let public = item.audience.contains(&Audience::Public);
    let specific = item.audience.contains(&Audience::SpecificGroups);
    if specific
        && item.audience_note.as_deref().is_none_or(is_blank)
        && (f.content | f.name) & flag::GROUP == 0
    {
        ctx.push_item("items.specific_groups_unnamed", i, item, "/audience", &[]);
    }
    let combination = if item.is_on_request_only() && public && !specific {
        Some(("依申请 + 全社会", "on request + the public"))
    } else if item.method == [Method::Proactive] && specific && !public {
        Some(("主动 + 仅特定群体", "proactive + specific groups only"))
    } else {
        None
    };
    if let Some((zh, en)) = combination {
        ctx.push_item(
            "items.unusual_combination",
            i,
            item,
            "/audience",
            &[
                ("combination", zh.to_owned()),
                ("combination_en", en.to_owned()),
            ],
        );
    }
    if public && item.is_proactive() && f.content & flag::EXEMPT != 0 {
        for (j, c) in item.content.iter().enumerate() {
            let bits = scan(c);
            if bits & flag::EXEMPT != 0 && bits & flag::NEGATION == 0 {
                ctx.push_item(
                    "items.exempt_content_public",
                    i,
                    item,
                    &format!("/content/{j}"),
                    &[("value", c.to_string())],
                );
            }
        }
    }
    let spaced = [
        ("/category", "一级事项", f.category, Some(&item.category)),
        ("/name", "二级事项", f.name, Some(&item.name)),
        ("/subitem", "三级事项", f.name, item.subitem.as_ref()),
        ("/subject", "公开主体", f.subject, Some(&item.subject)),
    ];
    for (path, field, bits, text) in spaced {
        if bits & flag::SPACE == 0 {
            continue;
        }
        if let Some(t) = text.filter(|t| space_inside_words(t)) {
            ctx.push_item(
                "items.space_inside_words",
                i,
                item,
                path,
                &[("field", field.to_owned()), ("value", t.to_string())],
            );
        }
    }
}

/// White space only (the schema's `minLength: 1` lets it through): required texts of an item.
fn blank_text(i: usize, item: &Item<'_>, ctx: &mut Ctx) {
    fn blank(t: &Text<'_>) -> bool {
        !t.is_empty() && is_blank(t)
    }
    let push = |ctx: &mut Ctx, path: String, field: &str| {
        let number = ctx.item_number(i).to_string();
        ctx.push_item(
            "items.blank_text",
            i,
            item,
            &path,
            &[("field", field.to_owned()), ("number", number)],
        );
    };
    for (path, field, t) in [
        ("/id", "序号", &item.id),
        ("/category", "一级事项", &item.category),
        ("/name", "二级事项", &item.name),
        ("/subject", "公开主体", &item.subject),
    ] {
        if blank(t) {
            push(ctx, path.to_owned(), field);
        }
    }
    for (j, c) in item.content.iter().enumerate() {
        if blank(c) {
            push(ctx, format!("/content/{j}"), "公开内容");
        }
    }
    for (j, c) in item.basis.iter().enumerate() {
        if blank(&c.title) {
            push(ctx, format!("/basis/{j}/title"), "公开依据");
        }
    }
    for (j, c) in item.other_channels.iter().enumerate() {
        if blank(c) {
            push(ctx, format!("/other_channels/{j}"), "其他渠道");
        }
    }
}
