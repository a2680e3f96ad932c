//! What changed between two versions of one catalogue (`gongkai changes OLD NEW`): items added,
//! removed and changed, each change classed strengthened / weakened / neutral with the meaning
//! of the diff's “weakened”, and the 修订说明 (revision note) a unit can publish.
//!
//! Items are matched by `id` first (a 序号 that is a plain number must also name a similar item:
//! a renumbered table must not pair different items), then by name similarity as the diff does,
//! so a renamed item is one changed item, not a removal plus an addition.
//!
//! ```
//! use gongkai::diff::{self, ChangesOptions};
//! let old = diff::reference("municipal_services").expect("embedded");
//! let mut new = old.clone();
//! new.items.remove(0);
//! let report = diff::changes(&old, &new, &ChangesOptions::default());
//! assert!(report.weakened);
//! assert_eq!(report.counts.removed, 1);
//! ```

use super::compare::{TimeOrder, compare_time, describe_time, same_time};
use super::normalize::{
    citation_key, citations_match, compare_names, content_elements, element_matches, fold,
};
use crate::codes::{Code, changes as c};
use crate::issue::{Finding, Issue, PairRef};
use crate::model::{Audience, Catalogue, Channel, Citation, Item, Level, Method};
use crate::report::{Lang, pointer_order};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// How a change bears on disclosure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeClass {
    /// Neither more nor less disclosure (a rename, a new organ, an updated citation).
    Neutral,
    /// More disclosure (a shorter limit, a new channel, level, element or item …).
    Strengthened,
    /// Less disclosure (the diff's “weakened”): a reviewer must approve it.
    Weakened,
}

impl ChangeClass {
    /// The Chinese word (加强 / 弱化 / 中性).
    pub fn zh(self) -> &'static str {
        match self {
            ChangeClass::Neutral => "调整",
            ChangeClass::Strengthened => "加强",
            ChangeClass::Weakened => "弱化（须审核）",
        }
    }
}

/// Whether an item was added, removed or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, with changes.
    Changed,
}

/// Options of [`changes`].
#[derive(Debug, Clone, PartialEq)]
pub struct ChangesOptions {
    /// Language of the messages.
    pub lang: Lang,
    /// Minimum name similarity for two items to be the same item (as the diff's threshold).
    pub threshold: f64,
}

impl Default for ChangesOptions {
    fn default() -> Self {
        ChangesOptions {
            lang: Lang::Zh,
            threshold: 0.6,
        }
    }
}

/// One change of one item: an [`Issue`] (code, message, both sides' paths in `pair`) with its
/// class and the field it concerns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Strengthened, weakened or neutral.
    pub class: ChangeClass,
    /// The item key concerned (`time_limit`, `basis` …), or `""` for the item as a whole.
    pub field: String,
    /// The change as an issue: `path` in the new version (the old one for a removal),
    /// `pair.reference_path` / `pair.local_path` the old and new paths.
    #[serde(flatten)]
    pub issue: Issue,
}

/// One item that was added, removed or changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemChange {
    /// Added, removed or changed.
    pub status: ItemStatus,
    /// The strongest class of its changes (weakened over strengthened over neutral).
    pub class: ChangeClass,
    /// 一级事项 (new version's, else old).
    pub category: String,
    /// 二级事项 (new version's, else old).
    pub name: String,
    /// The name in the old version when it differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_name: Option<String>,
    /// `id` in the old version.
    pub old_id: Option<String>,
    /// `id` in the new version.
    pub new_id: Option<String>,
    /// `/items/N` in the old version.
    pub old_path: Option<String>,
    /// `/items/N` in the new version.
    pub new_path: Option<String>,
    /// How the two versions of a changed item were matched: `id`, or a name method of the diff
    /// (`exact`, `normalized`, `suffix`, `contains`, `similar` …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_by: Option<String>,
    /// The changes, in the table's column order.
    pub changes: Vec<Change>,
}

/// One version's header.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionSummary {
    /// 目录名称.
    pub title: String,
    /// 标准版本.
    pub schema_version: String,
    /// 目录版本 (1.1), when given.
    pub version: Option<String>,
    /// 编制日期.
    pub issued: String,
    /// 更新日期, when given.
    pub updated: Option<String>,
    /// Number of items.
    pub items: usize,
}

/// Counts of a [`ChangesReport`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ChangeCounts {
    /// Items only in the new version.
    pub added: usize,
    /// Items only in the old version.
    pub removed: usize,
    /// Items in both, changed.
    pub changed: usize,
    /// Items in both, unchanged.
    pub unchanged: usize,
    /// Changes that strengthen disclosure.
    pub strengthened: usize,
    /// Changes that weaken it.
    pub weakened: usize,
    /// Neutral changes.
    pub neutral: usize,
}

/// What changed between two versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangesReport {
    /// The old version.
    pub old: VersionSummary,
    /// The new version.
    pub new: VersionSummary,
    /// Whether any change weakens disclosure (`gongkai changes` exits 1).
    pub weakened: bool,
    /// The counts.
    pub counts: ChangeCounts,
    /// Added, removed and changed items: removed first (old order), then the new version's order.
    pub items: Vec<ItemChange>,
    /// Problems of the pair itself (duplicate ids), in the one issue shape.
    pub issues: Vec<Issue>,
}

impl ChangesReport {
    /// Compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Pretty JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Compares two versions of a catalogue.
pub fn changes(
    old: &Catalogue<'_>,
    new: &Catalogue<'_>,
    options: &ChangesOptions,
) -> ChangesReport {
    let mut issues = Vec::new();
    let old_ids = unique_ids(old, "旧版本", "old version", &mut issues);
    let new_ids = unique_ids(new, "新版本", "new version", &mut issues);

    // 1. By id (a numeric 序号 must also name a similar item).
    let mut pairs: Vec<(usize, usize, String)> = Vec::new();
    let mut old_used = vec![false; old.items.len()];
    let mut new_used = vec![false; new.items.len()];
    for (id, &i) in &old_ids {
        let Some(&j) = new_ids.get(id) else { continue };
        let (a, b) = (&old.items[i], &new.items[j]);
        let numeric = id.chars().all(|ch| ch.is_ascii_digit());
        if !numeric
            || a.name == b.name
            || compare_names(&a.name, &b.name).score >= options.threshold
        {
            pairs.push((i, j, "id".into()));
            old_used[i] = true;
            new_used[j] = true;
        }
    }
    // 2. The rest by name, as the diff matches.
    let rest_old: Vec<usize> = (0..old.items.len()).filter(|&i| !old_used[i]).collect();
    let rest_new: Vec<usize> = (0..new.items.len()).filter(|&j| !new_used[j]).collect();
    if !rest_old.is_empty() && !rest_new.is_empty() {
        let a: Vec<Item<'_>> = rest_old.iter().map(|&i| old.items[i].clone()).collect();
        let b: Vec<Item<'_>> = rest_new.iter().map(|&j| new.items[j].clone()).collect();
        let m = super::matching::match_items(&a, &[], &b, options.threshold, 0.02);
        for (x, y, how) in m.pairs {
            let (i, j) = (rest_old[x], rest_new[y]);
            pairs.push((i, j, how.method.code().to_owned()));
            old_used[i] = true;
            new_used[j] = true;
        }
    }

    let lang = options.lang;
    let mut items: Vec<ItemChange> = Vec::new();
    for i in (0..old.items.len()).filter(|&i| !old_used[i]) {
        let it = &old.items[i];
        let path = format!("/items/{i}");
        let f = finding(
            c::ITEM_REMOVED,
            it,
            &[("category", it.category.to_string())],
        );
        let ch = change(f, ChangeClass::Weakened, "", Some((&path, it)), None, lang);
        items.push(ItemChange {
            status: ItemStatus::Removed,
            class: ChangeClass::Weakened,
            category: it.category.to_string(),
            name: it.name.to_string(),
            old_name: None,
            old_id: Some(it.id.to_string()),
            new_id: None,
            old_path: Some(path),
            new_path: None,
            matched_by: None,
            changes: vec![ch],
        });
    }
    let by_new: HashMap<usize, (usize, String)> =
        pairs.into_iter().map(|(i, j, how)| (j, (i, how))).collect();
    let mut unchanged = 0;
    for (j, it) in new.items.iter().enumerate() {
        let path = format!("/items/{j}");
        match by_new.get(&j) {
            None => {
                let f = finding(c::ITEM_ADDED, it, &[("category", it.category.to_string())]);
                let ch = change(
                    f,
                    ChangeClass::Strengthened,
                    "",
                    None,
                    Some((&path, it)),
                    lang,
                );
                items.push(ItemChange {
                    status: ItemStatus::Added,
                    class: ChangeClass::Strengthened,
                    category: it.category.to_string(),
                    name: it.name.to_string(),
                    old_name: None,
                    old_id: None,
                    new_id: Some(it.id.to_string()),
                    old_path: None,
                    new_path: Some(path),
                    matched_by: None,
                    changes: vec![ch],
                });
            }
            Some((i, how)) => {
                let a = &old.items[*i];
                let old_path = format!("/items/{i}");
                let raw = compare_items(a, it);
                if raw.is_empty() {
                    unchanged += 1;
                    continue;
                }
                let list: Vec<Change> = raw
                    .into_iter()
                    .map(|(f, class, field)| {
                        let sub = f.path.clone();
                        let mut ch = change(
                            f,
                            class,
                            field,
                            Some((&old_path, a)),
                            Some((&path, it)),
                            lang,
                        );
                        if !sub.is_empty() {
                            ch.issue.path = format!("{path}{sub}");
                            if let Some(p) = ch.issue.pair.as_deref_mut() {
                                p.reference_path = Some(format!("{old_path}{sub}"));
                                p.local_path = Some(format!("{path}{sub}"));
                            }
                        }
                        ch
                    })
                    .collect();
                let class = list
                    .iter()
                    .map(|c| c.class)
                    .max()
                    .unwrap_or(ChangeClass::Neutral);
                items.push(ItemChange {
                    status: ItemStatus::Changed,
                    class,
                    category: it.category.to_string(),
                    name: it.name.to_string(),
                    old_name: (a.name != it.name).then(|| a.name.to_string()),
                    old_id: Some(a.id.to_string()),
                    new_id: Some(it.id.to_string()),
                    old_path: Some(old_path),
                    new_path: Some(path),
                    matched_by: Some(how.clone()),
                    changes: list,
                });
            }
        }
    }
    let mut counts = ChangeCounts {
        unchanged,
        ..ChangeCounts::default()
    };
    for it in &items {
        match it.status {
            ItemStatus::Added => counts.added += 1,
            ItemStatus::Removed => counts.removed += 1,
            ItemStatus::Changed => counts.changed += 1,
        }
        for ch in &it.changes {
            match ch.class {
                ChangeClass::Strengthened => counts.strengthened += 1,
                ChangeClass::Weakened => counts.weakened += 1,
                ChangeClass::Neutral => counts.neutral += 1,
            }
        }
    }
    let mut issues: Vec<Issue> = issues.into_iter().map(|f| f.render(lang, None)).collect();
    issues.sort_by(|a, b| pointer_order(&a.path, &b.path));
    ChangesReport {
        old: summary(old),
        new: summary(new),
        weakened: counts.weakened > 0,
        counts,
        items,
        issues,
    }
}

fn summary(cat: &Catalogue<'_>) -> VersionSummary {
    VersionSummary {
        title: cat.title.to_string(),
        schema_version: cat.schema_version.to_string(),
        version: cat.version.as_ref().map(|v| v.to_string()),
        issued: cat.issued.to_string(),
        updated: cat.updated.as_ref().map(|v| v.to_string()),
        items: cat.items.len(),
    }
}

/// The ids that name one item; each id used twice is a finding (those items match by name).
fn unique_ids(
    cat: &Catalogue<'_>,
    side: &str,
    side_en: &str,
    out: &mut Vec<Finding>,
) -> BTreeMap<String, usize> {
    let mut first: BTreeMap<String, usize> = BTreeMap::new();
    let mut dup: BTreeMap<String, usize> = BTreeMap::new();
    for (i, it) in cat.items.iter().enumerate() {
        let id = it.id.trim().to_owned();
        match first.get(&id) {
            Some(&f) => {
                if !dup.contains_key(&id) {
                    dup.insert(id.clone(), i);
                    let path = if side_en == "old version" {
                        format!("/old/items/{i}/id")
                    } else {
                        format!("/new/items/{i}/id")
                    };
                    out.push(Finding::new(
                        c::DUPLICATE_ID,
                        path,
                        Some(&id),
                        &[
                            ("side", side.to_owned()),
                            ("side_en", side_en.to_owned()),
                            ("id", id.clone()),
                            ("first", (f + 1).to_string()),
                            ("second", (i + 1).to_string()),
                        ],
                    ));
                }
            }
            None => {
                first.insert(id, i);
            }
        }
    }
    for id in dup.keys() {
        first.remove(id);
    }
    first
}

fn finding(code: Code, item: &Item<'_>, params: &[(&str, String)]) -> Finding {
    let mut f = Finding::new(code, "", Some(&item.id), params);
    f.params
        .get_or_insert_with("item", || item.name.to_string());
    f
}

fn change(
    mut f: Finding,
    class: ChangeClass,
    field: &str,
    old: Option<(&str, &Item<'_>)>,
    new: Option<(&str, &Item<'_>)>,
    lang: Lang,
) -> Change {
    f.path = new.or(old).map(|(p, _)| p.to_owned()).unwrap_or_default();
    f.pair = Some(Box::new(PairRef {
        reference_path: old.map(|(p, _)| p.to_owned()),
        local_path: new.map(|(p, _)| p.to_owned()),
        reference_item_id: old.map(|(_, it)| it.id.to_string()),
        local_item_id: new.map(|(_, it)| it.id.to_string()),
        reference_location: None,
        local_location: None,
    }));
    Change {
        class,
        field: field.to_owned(),
        issue: f.render(lang, None),
    }
}

type Raw = (Finding, ChangeClass, &'static str);

fn push(
    out: &mut Vec<Raw>,
    item: &Item<'_>,
    code: Code,
    class: ChangeClass,
    field: &'static str,
    sub: &str,
    params: &[(&str, String)],
) {
    let mut f = finding(code, item, params);
    f.path = sub.to_owned();
    out.push((f, class, field));
}

fn join_zh<T: Copy>(v: &[T], name: impl Fn(T) -> &'static str) -> String {
    if v.is_empty() {
        return "（无）".into();
    }
    v.iter().map(|x| name(*x)).collect::<Vec<_>>().join("、")
}

/// The changes of one matched item, in the table's column order; each finding's `path` is the
/// pointer below the item (`/time_limit`).
fn compare_items(a: &Item<'_>, b: &Item<'_>) -> Vec<Raw> {
    use ChangeClass::{Neutral, Strengthened, Weakened};
    let mut out: Vec<Raw> = Vec::new();
    if a.name != b.name {
        let m = compare_names(&a.name, &b.name);
        push(
            &mut out,
            b,
            c::RENAMED,
            Neutral,
            "name",
            "/name",
            &[
                ("old", a.name.to_string()),
                ("new", b.name.to_string()),
                ("reason_zh", m.reason_zh.clone()),
                ("reason_en", m.reason_en.clone()),
                ("method", m.method.code().to_owned()),
            ],
        );
    }
    field_changed(
        &mut out,
        b,
        "category",
        "一级事项",
        "category",
        Some(a.category.as_str()),
        Some(b.category.as_str()),
    );
    field_changed(
        &mut out,
        b,
        "subitem",
        "三级事项",
        "sub-item",
        a.subitem.as_deref(),
        b.subitem.as_deref(),
    );

    // 公开内容
    let elems = |it: &Item<'_>| -> Vec<(String, String)> {
        let mut v = Vec::new();
        for cell in &it.content {
            for part in cell.split([
                '、', '；', ';', '，', ',', '。', '\n', '：', ':', '\r', '\t',
            ]) {
                if let Some((_, f)) = content_elements([part.trim()]).into_iter().next() {
                    v.push((part.trim().to_owned(), f));
                }
            }
        }
        v
    };
    let (ea, eb) = (elems(a), elems(b));
    for (orig, f) in &ea {
        if !eb.iter().any(|(_, g)| element_matches(f, g)) {
            push(
                &mut out,
                b,
                c::CONTENT_REMOVED,
                Weakened,
                "content",
                "/content",
                &[("element", orig.clone())],
            );
        }
    }
    for (orig, g) in &eb {
        if !ea.iter().any(|(_, f)| element_matches(f, g)) {
            push(
                &mut out,
                b,
                c::CONTENT_ADDED,
                Strengthened,
                "content",
                "/content",
                &[("element", orig.clone())],
            );
        }
    }

    // 公开依据
    citations(&mut out, a, b);

    // 公开时限
    if !same_time(&a.time_limit, &b.time_limit) {
        let params = |why: Option<(&str, &str)>| {
            let mut p = vec![
                ("old", describe_time(&a.time_limit, Lang::Zh)),
                ("new", describe_time(&b.time_limit, Lang::Zh)),
                ("old_en", describe_time(&a.time_limit, Lang::En)),
                ("new_en", describe_time(&b.time_limit, Lang::En)),
            ];
            if let Some((zh, en)) = why {
                // The diff's reasons speak of “this catalogue”: here it is the new version.
                p.push(("why", zh.replace("本目录", "新版本")));
                p.push(("why_en", en.replace("the local limit", "the new limit")));
            }
            p
        };
        match (
            compare_time(&a.time_limit, &b.time_limit),
            compare_time(&b.time_limit, &a.time_limit),
        ) {
            (TimeOrder::Looser, _) => push(
                &mut out,
                b,
                c::TIME_LOOSENED,
                Weakened,
                "time_limit",
                "/time_limit",
                &params(None),
            ),
            (TimeOrder::Ok, TimeOrder::Looser) => push(
                &mut out,
                b,
                c::TIME_TIGHTENED,
                Strengthened,
                "time_limit",
                "/time_limit",
                &params(None),
            ),
            (TimeOrder::NotComparable(zh, en), _) => push(
                &mut out,
                b,
                c::TIME_CHANGED,
                Neutral,
                "time_limit",
                "/time_limit",
                &params(Some((zh, en))),
            ),
            _ => push(
                &mut out,
                b,
                c::TIME_CHANGED,
                Neutral,
                "time_limit",
                "/time_limit",
                &params(Some((
                    "期限相同，写法或起算点不同",
                    "the same period, worded or anchored differently",
                ))),
            ),
        }
    }
    let retention = |it: &Item<'_>| {
        it.retention
            .as_deref()
            .map(|r| crate::layout::cells::retention_cell(r).to_owned())
    };
    field_changed(
        &mut out,
        b,
        "retention",
        "公开时长",
        "retention",
        retention(a).as_deref(),
        retention(b).as_deref(),
    );

    // 公开主体
    if fold(&a.subject) != fold(&b.subject) {
        push(
            &mut out,
            b,
            c::SUBJECT_CHANGED,
            Neutral,
            "subject",
            "/subject",
            &[
                ("old", a.subject.to_string()),
                ("new", b.subject.to_string()),
            ],
        );
    }
    field_changed(
        &mut out,
        b,
        "responsible_office",
        "责任科室",
        "responsible office",
        a.responsible_office.as_deref(),
        b.responsible_office.as_deref(),
    );

    // 公开渠道
    for ch in Channel::ALL {
        match (a.channels.contains(ch), b.channels.contains(ch)) {
            (true, false) if *ch == Channel::GovWebsite => push(
                &mut out,
                b,
                c::WEBSITE_REMOVED,
                Weakened,
                "channels",
                "/channels",
                &[("channel", ch.zh().to_owned())],
            ),
            (true, false) => push(
                &mut out,
                b,
                c::CHANNEL_REMOVED,
                Neutral,
                "channels",
                "/channels",
                &[("channel", ch.zh().to_owned())],
            ),
            (false, true) => push(
                &mut out,
                b,
                c::CHANNEL_ADDED,
                Strengthened,
                "channels",
                "/channels",
                &[("channel", ch.zh().to_owned())],
            ),
            _ => {}
        }
    }
    let others =
        |it: &Item<'_>| -> Vec<String> { it.other_channels.iter().map(|o| fold(o)).collect() };
    let (oa, ob) = (others(a), others(b));
    for (k, o) in a.other_channels.iter().enumerate() {
        if !ob.contains(&oa[k]) {
            push(
                &mut out,
                b,
                c::CHANNEL_REMOVED,
                Neutral,
                "other_channels",
                "/other_channels",
                &[("channel", o.to_string())],
            );
        }
    }
    for (k, o) in b.other_channels.iter().enumerate() {
        if !oa.contains(&ob[k]) {
            push(
                &mut out,
                b,
                c::CHANNEL_ADDED,
                Strengthened,
                "other_channels",
                "/other_channels",
                &[("channel", o.to_string())],
            );
        }
    }

    // 公开对象
    let public = |it: &Item<'_>| it.audience.contains(&Audience::Public);
    if !same_set(&a.audience, &b.audience) {
        let p = [
            ("old", join_zh(&a.audience, Audience::zh)),
            ("new", join_zh(&b.audience, Audience::zh)),
            ("old_en", join_zh(&a.audience, Audience::en)),
            ("new_en", join_zh(&b.audience, Audience::en)),
        ];
        match (public(a), public(b)) {
            (true, false) => push(
                &mut out,
                b,
                c::AUDIENCE_NARROWED,
                Weakened,
                "audience",
                "/audience",
                &p,
            ),
            (false, true) => push(
                &mut out,
                b,
                c::AUDIENCE_WIDENED,
                Strengthened,
                "audience",
                "/audience",
                &p,
            ),
            _ => field_changed(
                &mut out,
                b,
                "audience",
                "公开对象",
                "audience",
                Some(&p[0].1),
                Some(&p[1].1),
            ),
        }
    }
    field_changed(
        &mut out,
        b,
        "audience_note",
        "特定群体说明",
        "audience note",
        a.audience_note.as_deref(),
        b.audience_note.as_deref(),
    );
    field_changed(
        &mut out,
        b,
        "scope_note",
        "公开范围",
        "scope",
        a.scope_note.as_deref(),
        b.scope_note.as_deref(),
    );

    // 公开方式
    if !same_set(&a.method, &b.method) {
        let p = [
            ("old", join_zh(&a.method, Method::zh)),
            ("new", join_zh(&b.method, Method::zh)),
            ("old_en", join_zh(&a.method, Method::en)),
            ("new_en", join_zh(&b.method, Method::en)),
        ];
        let (code, class) = match (a.is_proactive(), b.is_proactive()) {
            (true, false) => (c::METHOD_WEAKENED, Weakened),
            (false, true) => (c::METHOD_STRENGTHENED, Strengthened),
            _ => (c::METHOD_CHANGED, Neutral),
        };
        push(&mut out, b, code, class, "method", "/method", &p);
    }

    // 公开层级
    for l in Level::ALL {
        match (a.levels.contains(l), b.levels.contains(l)) {
            (true, false) => push(
                &mut out,
                b,
                c::LEVEL_REMOVED,
                Weakened,
                "levels",
                "/levels",
                &[
                    ("level", l.zh().to_owned()),
                    ("level_en", l.en().to_owned()),
                ],
            ),
            (false, true) => push(
                &mut out,
                b,
                c::LEVEL_ADDED,
                Strengthened,
                "levels",
                "/levels",
                &[
                    ("level", l.zh().to_owned()),
                    ("level_en", l.en().to_owned()),
                ],
            ),
            _ => {}
        }
    }
    field_changed(
        &mut out,
        b,
        "notes",
        "备注",
        "notes",
        a.notes.as_deref(),
        b.notes.as_deref(),
    );
    out
}

fn same_set<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    a.iter().all(|x| b.contains(x)) && b.iter().all(|x| a.contains(x))
}

fn field_changed(
    out: &mut Vec<Raw>,
    b: &Item<'_>,
    key: &'static str,
    zh: &str,
    en: &str,
    x: Option<&str>,
    y: Option<&str>,
) {
    let (x, y) = (x.unwrap_or("").trim(), y.unwrap_or("").trim());
    if fold(x) == fold(y) {
        return;
    }
    let show = |s: &str| {
        if s.is_empty() {
            "（空）".to_owned()
        } else {
            s.to_owned()
        }
    };
    push(
        out,
        b,
        c::FIELD_CHANGED,
        ChangeClass::Neutral,
        key,
        &format!("/{key}"),
        &[
            ("field", zh.to_owned()),
            ("field_en", en.to_owned()),
            ("old", show(x)),
            ("new", show(y)),
        ],
    );
}

/// How a citation is shown: 《title》 and its number.
fn cite(c: &Citation<'_>) -> String {
    match &c.doc_no {
        Some(d) => format!("《{}》（{}）", c.title, d),
        None => format!("《{}》", c.title),
    }
}

/// Citations added, removed and replaced: the same instrument with another number or articles is
/// replaced (neutral), as is a repealed instrument for the one the registry says replaced it.
fn citations(out: &mut Vec<Raw>, a: &Item<'_>, b: &Item<'_>) {
    use ChangeClass::{Neutral, Strengthened, Weakened};
    let key = |c: &Citation<'_>| citation_key(&c.title);
    let mut b_used = vec![false; b.basis.len()];
    let mut removed: Vec<&Citation<'_>> = Vec::new();
    for ca in &a.basis {
        let ka = key(ca);
        let found = b
            .basis
            .iter()
            .enumerate()
            .position(|(j, cb)| !b_used[j] && citations_match(&ka, &key(cb)));
        match found {
            Some(j) => {
                b_used[j] = true;
                let cb = &b.basis[j];
                let same_no = ca.doc_no.as_deref().map(fold) == cb.doc_no.as_deref().map(fold);
                let same_art = ca.articles.iter().map(|x| fold(x)).collect::<Vec<_>>()
                    == cb.articles.iter().map(|x| fold(x)).collect::<Vec<_>>();
                if !same_no || !same_art {
                    let show = |c: &Citation<'_>| {
                        let mut s = cite(c);
                        if !c.articles.is_empty() {
                            s.push_str(
                                &c.articles
                                    .iter()
                                    .map(|x| x.as_str())
                                    .collect::<Vec<_>>()
                                    .join("、"),
                            );
                        }
                        s
                    };
                    push(
                        out,
                        b,
                        c::CITATION_REPLACED,
                        Neutral,
                        "basis",
                        "/basis",
                        &[("old", show(ca)), ("new", show(cb))],
                    );
                }
            }
            None => removed.push(ca),
        }
    }
    let registry = crate::laws::Registry::embedded();
    for ca in removed {
        // A repealed instrument replaced by one the new version cites.
        let successor = registry
            .lookup(&ca.title)
            .and_then(|law| law.replaced_by.as_deref())
            .and_then(|r| registry.lookup(r));
        let replacement = successor.and_then(|s| {
            b.basis.iter().enumerate().position(|(j, cb)| {
                !b_used[j]
                    && registry
                        .lookup(&cb.title)
                        .is_some_and(|l| l.title == s.title)
            })
        });
        match replacement {
            Some(j) => {
                b_used[j] = true;
                push(
                    out,
                    b,
                    c::CITATION_REPLACED,
                    Neutral,
                    "basis",
                    "/basis",
                    &[("old", cite(ca)), ("new", cite(&b.basis[j]))],
                );
            }
            None => push(
                out,
                b,
                c::CITATION_REMOVED,
                Weakened,
                "basis",
                "/basis",
                &[("old", ca.title.to_string())],
            ),
        }
    }
    for (j, cb) in b.basis.iter().enumerate() {
        if !b_used[j] {
            push(
                out,
                b,
                c::CITATION_ADDED,
                Strengthened,
                "basis",
                "/basis",
                &[("new", cb.title.to_string())],
            );
        }
    }
}
