//! Rows of the catalogue: identity (duplicate 序号 and items), 公开方式 of enforcement rows,
//! 公开对象, exempt material, and text the schema's minimum lengths let through.

use super::Ctx;
use super::lexicon::{Facts, Hasher, flag, is_blank, scan, space_inside_words, trim};
use crate::codes;
use crate::model::{Audience, Item, Method, Text};
use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// The items seen so far (for duplicates).
pub(crate) struct Seen<'a> {
    ids: HashMap<Key<'a>, usize, Hasher>,
    /// (二级, 三级) → the first item with that name, and its 一级.
    names: HashMap<(Key<'a>, Key<'a>), (usize, Key<'a>), Hasher>,
    /// (一级, 二级, 三级) → first item; holds only the items of names seen twice.
    keys: HashMap<(Key<'a>, Key<'a>, Key<'a>), usize, Hasher>,
}

/// An id or a name as [`Seen`] keeps it.
type Key<'a> = Cow<'a, str>;

/// How [`check_item`] keeps an item's id and names in [`Seen`]: borrowed from a catalogue in
/// memory, copied from an item read from a stream (then dropped).
pub(crate) type Keep<'i, 'a> = fn(&'i str) -> Cow<'a, str>;

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
pub(crate) fn check_item<'i, 'a>(
    i: usize,
    item: &'i Item<'_>,
    f: &Facts,
    seen: &mut Seen<'a>,
    keep: Keep<'i, 'a>,
    ctx: &mut Ctx,
) {
    blank_text(i, item, ctx);
    let id = trim(&item.id);
    if !id.is_empty() {
        match seen.ids.entry(keep(id)) {
            Entry::Occupied(first) => {
                let first = ctx.item_number(*first.get()).to_string();
                ctx.push_item(
                    codes::items::DUPLICATE_ID,
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
        match seen.names.entry((keep(name), keep(sub))) {
            Entry::Vacant(v) => {
                v.insert((i, keep(category)));
            }
            Entry::Occupied(o) => {
                let (first, first_cat) = o.get().clone();
                seen.keys
                    .entry((first_cat.clone(), keep(name), keep(sub)))
                    .or_insert(first);
                match seen.keys.entry((keep(category), keep(name), keep(sub))) {
                    Entry::Occupied(same) => {
                        let same = ctx.item_number(*same.get()).to_string();
                        ctx.push_item(
                            codes::items::DUPLICATE_NAME,
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
                            codes::items::SAME_NAME_OTHER_CATEGORY,
                            i,
                            item,
                            "/category",
                            &[
                                ("category", category.to_owned()),
                                ("other", first_cat.into_owned()),
                                ("first", n),
                            ],
                        );
                    }
                }
            }
        }
        if category == name {
            ctx.push_item(
                codes::items::CATEGORY_EQUALS_NAME,
                i,
                item,
                "/category",
                &[],
            );
        }
    }
    check_rest(i, item, f, ctx);
}

fn check_rest(i: usize, item: &Item<'_>, f: &Facts, ctx: &mut Ctx) {
    if f.head() & (flag::PERMIT | flag::PENALTY) != 0 && item.is_on_request_only() {
        ctx.push_item(
            codes::items::ON_REQUEST_ONLY_ENFORCEMENT,
            i,
            item,
            "/method",
            &[],
        );
    }
    let public = item.audience.contains(&Audience::Public);
    let specific = item.audience.contains(&Audience::SpecificGroups);
    if specific
        && item.audience_note.as_deref().is_none_or(is_blank)
        && (f.content | f.name) & flag::GROUP == 0
    {
        ctx.push_item(
            codes::items::SPECIFIC_GROUPS_UNNAMED,
            i,
            item,
            "/audience",
            &[],
        );
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
            codes::items::UNUSUAL_COMBINATION,
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
                    codes::items::EXEMPT_CONTENT_PUBLIC,
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
                codes::items::SPACE_INSIDE_WORDS,
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
            codes::items::BLANK_TEXT,
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
