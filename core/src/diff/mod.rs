//! Checking a catalogue against the upper-level standard (对照上级标准目录), and two linked
//! catalogues against each other (政务公开与村（居）务公开衔接).
//!
//! - [`diff`]: what the local catalogue is missing, what it weakened (a longer time limit, a
//!   mandatory channel dropped, 主动 turned into 依申请 only, the audience narrowed, a level lost,
//!   a citation or a content element dropped), where it kept the template's placeholder
//!   subject, and what it added; with coverage figures.
//! - [`consistency`]: the items two catalogues share must agree on 公开内容 and 公开时限.
//! - [`reference()`]: the embedded reference catalogues ([`REFERENCE_NAMES`]); any other
//!   catalogue can be the reference too.
//!
//! Items are matched by name, robust to real-world wording: spacing and punctuation,
//! full-width forms, traditional characters, suffixes such as 审批/核发/许可/许可证/核准, and
//! synonyms such as 天然气 ~ 燃气. Each match has a score and a reason; a reference item with two
//! candidates close in score is reported as ambiguous, not forced.
//!
//! ```
//! use gongkai::diff::{self, DiffOptions};
//! let reference = diff::reference("municipal_services").expect("embedded");
//! let mut local = reference.clone();
//! local.items.truncate(1);
//! local.items[0].name = "燃气经营许可".into();
//! local.items[0].subject = "武陟县城市管理局".into();
//! let report = diff::diff(&reference, &local, &DiffOptions::default());
//! assert!(!report.valid);
//! assert_eq!(report.coverage.matched, 1);
//! assert_eq!(report.matches[0].method.code(), "suffix");
//! assert!(report.findings.iter().any(|f| f.code == "diff.missing_item"
//!     && f.reference_path() == Some("/items/2")));
//! ```

mod changes;
mod compare;
mod matching;
mod normalize;
mod reference;
mod report;
mod revision_note;
mod trad;

pub use reference::{REFERENCE_KEY, REFERENCE_NAMES, reference, reference_json};
pub use report::{
    CatalogueSummary, Coverage, DiffFinding, DiffMode, DiffOptions, DiffReport, ItemMatch,
    MatchStatus, report_schema,
};

pub use changes::{
    Change, ChangeClass, ChangeCounts, ChangesOptions, ChangesReport, ItemChange, ItemStatus,
    VersionSummary, changes,
};
pub use compare::describe_time;
pub use normalize::{MatchMethod, NameMatch, compare_names, fold};

use crate::codes::Code;
use crate::issue::{Finding, PairRef};
use crate::model::Catalogue;
use crate::report::{Counts, Lang, Severity, pointer_order};
use std::collections::BTreeMap;

/// A finding before rendering.
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    pub code: Code,
    pub reference_path: Option<String>,
    pub local_path: Option<String>,
    pub reference_item_id: Option<String>,
    pub local_item_id: Option<String>,
    pub params: BTreeMap<String, String>,
}

impl Raw {
    pub(crate) fn new(code: Code) -> Self {
        Raw {
            code,
            reference_path: None,
            local_path: None,
            reference_item_id: None,
            local_item_id: None,
            params: BTreeMap::new(),
        }
    }

    pub(crate) fn param(&mut self, k: &str, v: &str) {
        self.params.insert(k.to_owned(), v.to_owned());
    }
}

/// Reference metadata of an item (`extra["reference"]`); anything malformed is ignored.
#[derive(Debug, Clone, Default)]
pub(crate) struct RefMeta {
    pub uncertain: bool,
    pub placeholder_subject: bool,
    pub aliases: Vec<String>,
    /// Item keys whose reference value no source shows (`reference.inferred`): a finding about
    /// them says the value is inferred.
    pub inferred: Vec<String>,
}

fn ref_meta(item: &crate::model::Item<'_>) -> RefMeta {
    let Some(v) = item.extra.get(REFERENCE_KEY) else {
        return RefMeta::default();
    };
    RefMeta {
        uncertain: v.get("certainty").and_then(|c| c.as_str()) == Some("uncertain"),
        placeholder_subject: v
            .get("placeholder_subject")
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false),
        inferred: v
            .get("inferred")
            .and_then(|a| a.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default(),
        aliases: v
            .get("aliases")
            .and_then(|a| a.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str())
                    .filter(|s| !s.trim().is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// The match reason in the report's language; in consistency mode the two catalogues are
/// "the first" and "the second", not the reference and the local one.
fn reason_for(mode: DiffMode, lang: Lang, m: &NameMatch) -> String {
    let text = match lang {
        Lang::Zh => m.reason_zh.clone(),
        Lang::En => m.reason_en.clone(),
    };
    if mode == DiffMode::Diff {
        return text;
    }
    text.replace(
        "本地名称包含上级名称",
        "第二份目录的名称包含第一份目录的名称",
    )
    .replace(
        "上级名称包含本地名称",
        "第一份目录的名称包含第二份目录的名称",
    )
    .replace(
        "the local name contains the reference name",
        "the second name contains the first",
    )
    .replace(
        "the reference name contains the local name",
        "the first name contains the second",
    )
}

fn summary(cat: &Catalogue<'_>) -> CatalogueSummary {
    CatalogueSummary {
        title: cat.title.to_string(),
        publisher: cat.publisher.to_string(),
        items: cat.items.len(),
    }
}

fn item_path(i: usize) -> String {
    format!("/items/{i}")
}

fn share(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        ((n as f64 / d as f64) * 10000.0).round() / 10000.0
    }
}

/// The param a finding about an inferred reference value carries (the field's key).
pub const INFERRED_PARAM: &str = "inferred_field";
const INFERRED_NOTE_ZH: &str =
    "（注意：上级标准目录中的这一值是推定的，来源中未见原文，结论仅供参考）";
const INFERRED_NOTE_EN: &str = " (note: this value of the upper-level standard is inferred, no source shows it; the result is advisory)";

/// Marks the findings whose reference path is under one of the item's inferred fields.
fn mark_inferred(raws: &mut [Raw], item: &str, inferred: &[String]) {
    if inferred.is_empty() {
        return;
    }
    for r in raws {
        let field = r
            .reference_path
            .as_deref()
            .and_then(|p| p.strip_prefix(item))
            .and_then(|rest| rest.strip_prefix('/'))
            .and_then(|rest| rest.split('/').next());
        if let Some(f) = field.filter(|f| inferred.iter().any(|i| i == f)) {
            let f = f.to_owned();
            r.param(INFERRED_PARAM, &f);
        }
    }
}

/// Checks a local catalogue against the upper-level standard.
pub fn diff(reference: &Catalogue<'_>, local: &Catalogue<'_>, options: &DiffOptions) -> DiffReport {
    run(reference, local, options, DiffMode::Diff)
}

/// Checks that two linked catalogues (county and village, two departments) agree on the
/// 公开内容 and 公开时限 of the items they share. `a` plays the reference in the report.
pub fn consistency(a: &Catalogue<'_>, b: &Catalogue<'_>, options: &DiffOptions) -> DiffReport {
    run(a, b, options, DiffMode::Consistency)
}

fn run(
    reference: &Catalogue<'_>,
    local: &Catalogue<'_>,
    options: &DiffOptions,
    mode: DiffMode,
) -> DiffReport {
    let metas: Vec<RefMeta> = reference.items.iter().map(ref_meta).collect();
    let aliases: Vec<Vec<String>> = metas.iter().map(|m| m.aliases.clone()).collect();
    let matching = matching::match_items(
        &reference.items,
        if mode == DiffMode::Diff {
            &aliases
        } else {
            &[]
        },
        &local.items,
        options.threshold_value(),
        options.margin_value(),
    );
    let lang = options.lang;
    let mut raw: Vec<Raw> = Vec::new();
    let mut matches = Vec::with_capacity(matching.pairs.len());
    let mut cov = Coverage {
        reference_items: reference.items.len(),
        local_items: local.items.len(),
        matched: matching.pairs.len(),
        fully_kept: 0,
        weakened: 0,
        unverified: 0,
        missing: 0,
        ambiguous: matching.ambiguous.len(),
        local_additions: 0,
        present_share: 0.0,
        fully_kept_share: 0.0,
    };

    for (r, l, m) in &matching.pairs {
        let (Some(ri), Some(li)) = (reference.items.get(*r), local.items.get(*l)) else {
            continue;
        };
        let ctx = compare::PairCtx {
            r: ri,
            l: li,
            r_path: item_path(*r),
            l_path: item_path(*l),
        };
        let status = match mode {
            DiffMode::Diff => {
                let meta = metas.get(*r).cloned().unwrap_or_default();
                let start = raw.len();
                let status = compare::diff_pair(&ctx, m, &meta, &mut raw);
                mark_inferred(&mut raw[start..], &ctx.r_path, &meta.inferred);
                status
            }
            DiffMode::Consistency => compare::consistency_pair(&ctx, &mut raw),
        };
        match status {
            MatchStatus::Kept | MatchStatus::Consistent => cov.fully_kept += 1,
            MatchStatus::Weakened | MatchStatus::Inconsistent => cov.weakened += 1,
            MatchStatus::Unverified => cov.unverified += 1,
        }
        matches.push(ItemMatch {
            reference_path: ctx.r_path.clone(),
            local_path: ctx.l_path.clone(),
            reference_id: ri.id.to_string(),
            local_id: li.id.to_string(),
            reference_name: ri.name.to_string(),
            local_name: li.name.to_string(),
            score: m.score,
            method: m.method,
            reason: reason_for(mode, lang, m),
            status,
        });
    }

    // Ambiguities.
    let sides = match mode {
        DiffMode::Diff => [
            "上级标准目录",
            "本目录",
            "the upper-level standard",
            "this catalogue",
        ],
        DiffMode::Consistency => [
            "第一份目录",
            "第二份目录",
            "the first catalogue",
            "the second catalogue",
        ],
    };
    for a in &matching.ambiguous {
        let Some(ri) = reference.items.get(a.reference) else {
            continue;
        };
        let mut f = Raw::new(crate::codes::diff::AMBIGUOUS_MATCH);
        f.reference_path = Some(item_path(a.reference));
        f.reference_item_id = Some(ri.id.to_string());
        if let Some((l, _)) = a.candidates.first() {
            f.local_path = Some(item_path(*l));
            f.local_item_id = local.items.get(*l).map(|i| i.id.to_string());
        }
        let mut zh = Vec::new();
        let mut en = Vec::new();
        let mut paths = Vec::new();
        for (l, score) in &a.candidates {
            if let Some(li) = local.items.get(*l) {
                zh.push(format!("第{}项“{}”（{:.2}）", l + 1, li.name, score));
                en.push(format!("item {} “{}” ({:.2})", l + 1, li.name, score));
                paths.push(item_path(*l));
            }
        }
        let mut rivals_zh = String::new();
        let mut rivals_en = String::new();
        if !a.rivals.is_empty() {
            let names: Vec<String> = a
                .rivals
                .iter()
                .filter_map(|r| reference.items.get(*r))
                .map(|i| format!("“{}”", i.name))
                .collect();
            let more = a.rivals_total.saturating_sub(names.len());
            let (more_zh, more_en) = if more > 0 {
                (
                    format!("等{}项", a.rivals_total),
                    format!(" and {more} more"),
                )
            } else {
                (String::new(), String::new())
            };
            rivals_zh = format!(
                "（它们与{}的{}{more_zh}同样接近）",
                sides[0],
                names.join("、")
            );
            rivals_en = format!(
                " (as close to {}{more_en} of {})",
                names.join(", "),
                sides[2]
            );
        }
        f.param("ref_item", &ri.name);
        for (k, v) in ["ref_side", "local_side", "ref_side_en", "local_side_en"]
            .iter()
            .zip(sides)
        {
            f.param(k, v);
        }
        f.param("candidates", &format!("{}{rivals_zh}", zh.join("、")));
        f.param("candidates_en", &format!("{}{rivals_en}", en.join(", ")));
        f.param("candidate_paths", &paths.join(","));
        raw.push(f);
    }

    if mode == DiffMode::Diff && fold(&reference.domain) != fold(&local.domain) {
        let name = |code: &str| {
            crate::model::domain_by_code(code).map_or_else(|| code.to_owned(), |d| d.zh.to_owned())
        };
        let mut f = Raw::new(crate::codes::diff::DOMAIN_MISMATCH);
        f.reference_path = Some("/domain".into());
        f.local_path = Some("/domain".into());
        f.param("ref_domain", &name(&reference.domain));
        f.param("local_domain", &name(&local.domain));
        f.param("ref_domain_en", &reference.domain);
        f.param("local_domain_en", &local.domain);
        raw.push(f);
    }

    if mode == DiffMode::Diff {
        // Missing reference items.
        let matched_refs: Vec<usize> = matching.pairs.iter().map(|(r, _, _)| *r).collect();
        let amb_refs: Vec<usize> = matching.ambiguous.iter().map(|a| a.reference).collect();
        let matched_locals: Vec<usize> = matching.pairs.iter().map(|(_, l, _)| *l).collect();
        for (r, ri) in reference.items.iter().enumerate() {
            if matched_refs.contains(&r) || amb_refs.contains(&r) {
                continue;
            }
            cov.missing += 1;
            let meta = metas.get(r).cloned().unwrap_or_default();
            let code = if meta.uncertain {
                crate::codes::diff::MISSING_UNCERTAIN_ITEM
            } else {
                crate::codes::diff::MISSING_ITEM
            };
            let mut f = Raw::new(code);
            f.reference_path = Some(item_path(r));
            f.reference_item_id = Some(ri.id.to_string());
            f.param("ref_item", &ri.name);
            f.param("ref_category", &ri.category);
            let hint = matching
                .closest
                .get(r)
                .and_then(|c| c.as_ref())
                .filter(|(l, _)| !matched_locals.contains(l))
                .and_then(|(l, m)| local.items.get(*l).map(|li| (l, li, m)));
            match hint {
                Some((l, li, m)) => {
                    f.param(
                        "closest_zh",
                        &format!(
                            "（最接近的是第{}项“{}”，相似度 {:.2}，未达到对应标准；如为同一事项，请统一名称）",
                            l + 1,
                            li.name,
                            m.score
                        ),
                    );
                    f.param(
                        "closest_en",
                        &format!(
                            " (the closest is item {} “{}”, similarity {:.2}, below the match threshold; if it is the same item, align the names)",
                            l + 1,
                            li.name,
                            m.score
                        ),
                    );
                    f.param("closest_path", &item_path(*l));
                }
                None => {
                    f.param("closest_zh", "");
                    f.param("closest_en", "");
                }
            }
            raw.push(f);
        }
        // Local additions.
        for (l, li) in local.items.iter().enumerate() {
            if matched_locals.contains(&l) || matching.contested.contains(&l) {
                continue;
            }
            cov.local_additions += 1;
            let mut f = Raw::new(crate::codes::diff::LOCAL_ADDITION);
            f.local_path = Some(item_path(l));
            f.local_item_id = Some(li.id.to_string());
            f.param("item", &li.name);
            f.param("category", &li.category);
            raw.push(f);
        }
    }

    cov.present_share = share(cov.matched, cov.reference_items);
    cov.fully_kept_share = share(cov.fully_kept, cov.reference_items);
    finish(reference, local, mode, raw, matches, cov, options)
}

/// The column order of an item's fields, for listing findings as people read a row.
/// The rank of the item field a pointer is about, in the table's column order (0 for the
/// item itself or the document).
fn field_rank(p: Option<&str>) -> usize {
    p.and_then(|p| p.strip_prefix("/items/"))
        .and_then(|r| r.split('/').nth(1))
        .map_or(0, crate::layout::field_rank)
}

fn item_index(p: Option<&str>) -> Option<usize> {
    p?.strip_prefix("/items/")?.split('/').next()?.parse().ok()
}

fn finish(
    reference: &Catalogue<'_>,
    local: &Catalogue<'_>,
    mode: DiffMode,
    raw: Vec<Raw>,
    matches: Vec<ItemMatch>,
    coverage: Coverage,
    options: &DiffOptions,
) -> DiffReport {
    let mut raw = raw;
    raw.sort_by(|a, b| {
        let key = |f: &Raw| {
            let r = item_index(f.reference_path.as_deref());
            let l = item_index(f.local_path.as_deref());
            // The document first, then reference items in order, then local-only findings.
            let group = match (r, &f.reference_path) {
                (None, Some(_)) => 0,
                (Some(_), _) => 1,
                (None, None) => 2,
            };
            let field = field_rank(f.local_path.as_deref().or(f.reference_path.as_deref()));
            (
                group,
                r.unwrap_or(usize::MAX),
                l.unwrap_or(usize::MAX),
                field,
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| {
                pointer_order(
                    a.reference_path.as_deref().unwrap_or(""),
                    b.reference_path.as_deref().unwrap_or(""),
                )
            })
            .then_with(|| {
                pointer_order(
                    a.local_path.as_deref().unwrap_or(""),
                    b.local_path.as_deref().unwrap_or(""),
                )
            })
            .then_with(|| b.code.severity().cmp(&a.code.severity()))
            .then_with(|| a.code.cmp(&b.code))
    });
    let valid = !raw.iter().any(|r| r.code.severity() == Severity::Error);
    let findings: Vec<DiffFinding> = raw
        .into_iter()
        .filter(|r| r.code.severity() >= options.min_severity)
        .map(|r| {
            let (path, item_id) = match &r.local_path {
                Some(p) => (p.clone(), r.local_item_id.clone()),
                None => (
                    r.reference_path.clone().unwrap_or_default(),
                    r.reference_item_id.clone(),
                ),
            };
            let mut f = Finding::new(r.code, path, None, &[]);
            f.item_id = item_id;
            f.params = r
                .params
                .into_iter()
                .map(|(k, mut v)| {
                    crate::error::cap_chars(&mut v, crate::MAX_PARAM_CHARS);
                    (k, v)
                })
                .collect();
            f.pair = Some(Box::new(PairRef {
                reference_path: r.reference_path,
                local_path: r.local_path,
                reference_item_id: r.reference_item_id,
                local_item_id: r.local_item_id,
                reference_location: None,
                local_location: None,
            }));
            let inferred = f.params.contains_key(INFERRED_PARAM);
            let mut issue = f.render(options.lang, None);
            if inferred {
                issue.message.push_str(match options.lang {
                    Lang::Zh => INFERRED_NOTE_ZH,
                    Lang::En => INFERRED_NOTE_EN,
                });
            }
            issue
        })
        .collect();
    let counts = Counts::of(findings.iter().map(|f| f.severity));
    DiffReport {
        mode,
        valid,
        reference: summary(reference),
        local: summary(local),
        coverage,
        counts,
        matches,
        findings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_reference_parses() {
        for name in REFERENCE_NAMES {
            let cat = reference(name).expect("embedded reference parses");
            assert!(!cat.items.is_empty());
            assert!(reference_json(name).is_some());
        }
        assert!(reference("no_such").is_none());
    }

    #[test]
    fn identical_catalogue_is_fully_kept() {
        let r = reference("municipal_services").expect("embedded");
        let mut l = r.clone();
        for it in &mut l.items {
            it.subject = "武陟县城市管理局".into();
        }
        let rep = diff(&r, &l, &DiffOptions::default());
        assert!(rep.valid, "{:#?}", rep.findings);
        assert_eq!(rep.coverage.fully_kept, r.items.len());
        assert_eq!(rep.coverage.present_share, 1.0);
        assert!(rep.findings.is_empty(), "{:#?}", rep.findings);
    }

    #[test]
    fn placeholder_subjects_are_warned() {
        let r = reference("municipal_services").expect("embedded");
        let rep = diff(&r, &r, &DiffOptions::default());
        assert!(rep.valid);
        assert_eq!(rep.counts.warning, r.items.len());
        assert!(
            rep.findings
                .iter()
                .all(|f| f.code == "diff.placeholder_subject")
        );
    }

    #[test]
    fn one_local_item_close_to_two_reference_items_is_not_forced() {
        let base = reference("municipal_services").expect("embedded");
        let mut r = base.clone();
        r.items.truncate(2);
        r.items[1] = r.items[0].clone();
        r.items[1].id = "2".into();
        r.items[1].name = "燃气经营许可".into();
        let mut l = base.clone();
        l.items.truncate(1);
        l.items[0].name = "燃气经营许可证".into();
        for (mode, side) in [
            (DiffMode::Diff, "上级标准目录"),
            (DiffMode::Consistency, "第一份目录"),
        ] {
            let rep = match mode {
                DiffMode::Diff => diff(&r, &l, &DiffOptions::default()),
                DiffMode::Consistency => consistency(&r, &l, &DiffOptions::default()),
            };
            assert_eq!(rep.coverage.ambiguous, 2, "{:#?}", rep.findings);
            assert_eq!(rep.coverage.matched, 0);
            assert_eq!(rep.coverage.missing, 0);
            assert_eq!(rep.coverage.local_additions, 0);
            let amb: Vec<&DiffFinding> = rep
                .findings
                .iter()
                .filter(|f| f.code == "diff.ambiguous_match")
                .collect();
            assert_eq!(amb.len(), 2);
            for f in amb {
                assert_eq!(f.local_path(), Some("/items/0"));
                assert!(f.message.starts_with(side), "{}", f.message);
                assert!(f.message.contains("同样接近"), "{}", f.message);
            }
        }
    }

    #[test]
    fn the_portal_written_out_counts_as_the_government_website() {
        let r = reference("municipal_services").expect("embedded");
        let mut l = r.clone();
        l.items.truncate(1);
        r_localise(&mut l);
        l.items[0].channels.clear();
        l.items[0].other_channels = vec!["武陟县人民政府门户网站".into()];
        let rep = diff(&r, &l, &DiffOptions::default());
        assert!(
            !rep.findings
                .iter()
                .any(|f| f.code == "diff.weakened_channel")
        );
        l.items[0].other_channels = vec!["河南政务服务网".into()];
        let rep = diff(&r, &l, &DiffOptions::default());
        let f = rep
            .findings
            .iter()
            .find(|f| f.code == "diff.weakened_channel")
            .expect("政务服务网 is not the government website");
        assert_eq!(f.reference_path(), Some("/items/0/channels/0"));
        assert!(f.message.contains("政府网站"), "{}", f.message);
    }

    fn r_localise(c: &mut Catalogue<'static>) {
        for it in &mut c.items {
            it.subject = "武陟县城市管理局".into();
        }
    }

    #[test]
    fn options_are_clamped_and_deserialise() {
        let o: DiffOptions =
            serde_json::from_str(r#"{"lang":"en","threshold":7}"#).unwrap_or_default();
        assert_eq!(o.lang, Lang::En);
        assert_eq!(o.threshold_value(), 1.0);
        let o = DiffOptions::default().threshold(f64::NAN).margin(-1.0);
        assert_eq!(o.threshold_value(), 0.6);
        assert_eq!(o.margin_value(), 0.0);
        assert!(serde_json::from_str::<DiffOptions>(r#"{"lang":"xx"}"#).is_err());
    }
}
