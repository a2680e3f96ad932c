//! Matching the items of two catalogues: every pair is scored by name (plus the reference's
//! aliases), a small bonus goes to pairs under the same 一级事项, and pairs are assigned
//! greedily from the best down. A pair whose best rival is within the margin is not forced:
//! both reference and local candidates are reported as ambiguous.
//!
//! Candidates come from an inverted index of core bigrams that accumulates the shared bigram
//! counts, so the bigram similarity of every candidate pair is known without comparing
//! strings; only pairs that can reach the hint floor are scored further.

use super::normalize::{
    self, MatchMethod, NORMALIZED_SCORE, NameKey, NameMatch, Quick, explain, quick,
};
use crate::model::Item;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Bonus added to the ranking (not to the reported score) of pairs in the same 一级事项.
const CATEGORY_BONUS: f64 = 0.05;

/// Scores below this are not worth naming as the closest candidate of a missing item.
const HINT_FLOOR: f64 = 0.4;

/// Candidates kept per reference item (the best ones): enough to see every close rival, and
/// it bounds the work on catalogues of thousands of near-identical names.
const MAX_CANDIDATES: usize = 8;

/// A bigram found in more local items than this says little about which item is which, and
/// following it made matching quadratic (every pair of a large catalogue of similar names was
/// scored): it is not used to find candidates, and the candidates' similarity is then computed
/// from their whole names. Below this many local items nothing is skipped.
const MAX_POSTINGS: usize = 512;

/// At most this many candidates of one reference name are scored in full: those with equal
/// names, then the most similar by bigrams. Only the best [`MAX_CANDIDATES`] are kept anyway.
const MAX_SCORED: usize = 64;

/// An ambiguity: a reference item that could not be matched, its close local candidates, and
/// other reference items competing for the same local item.
#[derive(Debug, Clone)]
pub(crate) struct Ambiguity {
    pub reference: usize,
    pub candidates: Vec<(usize, f64)>,
    /// The first few competing reference items (at most [`MAX_CANDIDATES`]).
    pub rivals: Vec<usize>,
    /// How many reference items compete in all.
    pub rivals_total: usize,
}

/// The outcome of matching.
#[derive(Debug, Clone, Default)]
pub(crate) struct Matching {
    /// (reference index, local index, how), sorted by reference index.
    pub pairs: Vec<(usize, usize, NameMatch)>,
    /// Reference items left unmatched because of close rivals.
    pub ambiguous: Vec<Ambiguity>,
    /// Local items that were candidates in an ambiguity and stayed unmatched.
    pub contested: BTreeSet<usize>,
    /// For each reference item, the best-scoring local item (any score ≥ 0.4), for hints.
    pub closest: Vec<Option<(usize, NameMatch)>>,
}

struct Pair {
    r: usize,
    l: usize,
    /// Which of the reference item's names (0 = its name, then its aliases).
    name: usize,
    q: Quick,
    rank: f64,
}

fn close(a: &Pair, b: &Pair, margin: f64) -> bool {
    if a.q.score >= NORMALIZED_SCORE && b.q.score < NORMALIZED_SCORE {
        return false;
    }
    a.rank - b.rank < margin
}

fn categories_agree(fa: &str, fb: &str) -> bool {
    if fa.is_empty() || fb.is_empty() {
        return false;
    }
    let (na, nb) = (fa.chars().count(), fb.chars().count());
    fa == fb || (na >= 2 && fb.contains(fa)) || (nb >= 2 && fa.contains(fb))
}

struct RefName<'a> {
    text: &'a str,
    key: NameKey,
    alias: bool,
}

fn describe(
    names: &[RefName<'_>],
    local_name: &str,
    l: &NameKey,
    p_name: usize,
    q: Quick,
) -> NameMatch {
    let Some(n) = names.get(p_name) else {
        return normalize::compare_names("", local_name);
    };
    let mut m = explain(&n.key, l, q);
    if n.alias {
        m.reason_zh = format!("与上级事项的别名“{}”比较：{}", n.text, m.reason_zh);
        m.reason_en = format!(
            "compared with the reference alias “{}”: {}",
            n.text, m.reason_en
        );
        m.method = MatchMethod::Alias;
    }
    m
}

/// The candidates worth scoring in full when there are more than [`MAX_SCORED`]: those whose
/// name equals the reference name (as written or folded), then the most similar by bigrams;
/// ties go to the earlier local item, so the choice is deterministic.
fn most_promising(
    cands: Vec<(usize, f64)>,
    n: &RefName<'_>,
    local: &[Item<'_>],
    locals: &[NameKey],
) -> Vec<(usize, f64)> {
    let equal = |j: usize| {
        local
            .get(j)
            .is_some_and(|it| it.name.trim() == n.text.trim())
            || locals.get(j).is_some_and(|k| k.norm == n.key.norm)
    };
    let (mut out, mut rest): (Vec<_>, Vec<_>) = cands.into_iter().partition(|(j, _)| equal(*j));
    out.sort_unstable_by_key(|(j, _)| *j);
    out.truncate(MAX_SCORED);
    let room = MAX_SCORED - out.len();
    let order = |a: &(usize, f64), b: &(usize, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if rest.len() > room && room > 0 {
        rest.select_nth_unstable_by(room - 1, order);
    }
    rest.truncate(room);
    out.extend(rest);
    out
}

/// Matches `local` items to `reference` items.
pub(crate) fn match_items(
    reference: &[Item<'_>],
    aliases: &[Vec<String>],
    local: &[Item<'_>],
    threshold: f64,
    margin: f64,
) -> Matching {
    let refs: Vec<Vec<RefName<'_>>> = reference
        .iter()
        .enumerate()
        .map(|(i, it)| {
            let mut names = vec![RefName {
                text: it.name.as_str(),
                key: NameKey::new(&it.name),
                alias: false,
            }];
            for s in aliases.get(i).into_iter().flatten() {
                names.push(RefName {
                    text: s.as_str(),
                    key: NameKey::new(s),
                    alias: true,
                });
            }
            names
        })
        .collect();
    let locals: Vec<NameKey> = local.iter().map(|it| NameKey::new(&it.name)).collect();
    let ref_cats: Vec<String> = reference
        .iter()
        .map(|it| normalize::fold(&it.category))
        .collect();
    let local_cats: Vec<String> = local
        .iter()
        .map(|it| normalize::fold(&it.category))
        .collect();

    // Inverted index of core bigrams (with counts), and of trimmed names (identical names
    // always meet, whatever they fold to).
    let mut index: HashMap<(char, char), Vec<(usize, u32)>> = HashMap::new();
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, k) in locals.iter().enumerate() {
        for (g, n) in &k.grams {
            index.entry(*g).or_default().push((j, *n));
        }
        if let Some(it) = local.get(j) {
            by_name.entry(it.name.trim()).or_default().push(j);
        }
    }
    let floor = HINT_FLOOR.min(threshold) - 1e-9;

    let mut pairs: Vec<Pair> = Vec::new();
    let mut closest: Vec<Option<(usize, usize, Quick)>> = vec![None; reference.len()];
    let mut common: Vec<u32> = vec![0; local.len()];
    let mut touched: Vec<usize> = Vec::new();
    // Best score per local item over the reference item's names (slots reused across items).
    let mut best: Vec<Option<(usize, Quick)>> = vec![None; local.len()];
    let mut best_touched: Vec<usize> = Vec::new();
    // `seen[j] == stamp`: local item j is already a candidate of the current name.
    let mut seen: Vec<usize> = vec![usize::MAX; local.len()];
    let mut stamp = 0usize;
    for (i, names) in refs.iter().enumerate() {
        for (ni, n) in names.iter().enumerate() {
            let mut skipped = false;
            for (g, cr) in &n.key.grams {
                let Some(postings) = index.get(g) else {
                    continue;
                };
                if postings.len() > MAX_POSTINGS {
                    skipped = true;
                    continue;
                }
                for (j, cl) in postings {
                    if let Some(c) = common.get_mut(*j) {
                        if *c == 0 {
                            touched.push(*j);
                        }
                        *c += (*cr).min(*cl);
                    }
                }
            }
            let mut cands: Vec<(usize, f64)> = touched
                .iter()
                .map(|&j| {
                    let c = common.get(j).copied().unwrap_or(0);
                    let total = n.key.gram_total + locals.get(j).map_or(0, |k| k.gram_total);
                    let dice = if skipped {
                        locals.get(j).map_or(0.0, |k| n.key.dice(k))
                    } else if total == 0 {
                        0.0
                    } else {
                        f64::from(2 * c) / f64::from(total)
                    };
                    (j, dice)
                })
                .collect();
            for &j in &touched {
                if let Some(c) = common.get_mut(j) {
                    *c = 0;
                }
            }
            touched.clear();
            stamp += 1;
            for (j, _) in &cands {
                if let Some(s) = seen.get_mut(*j) {
                    *s = stamp;
                }
            }
            for &j in by_name
                .get(n.text.trim())
                .into_iter()
                .flatten()
                .take(MAX_SCORED)
            {
                if let Some(s) = seen.get_mut(j) {
                    if *s != stamp {
                        *s = stamp;
                        cands.push((j, 0.0));
                    }
                }
            }
            if cands.len() > MAX_SCORED {
                cands = most_promising(cands, n, local, locals.as_slice());
            }
            for (j, dice) in cands {
                let (Some(l_item), Some(l_key)) = (local.get(j), locals.get(j)) else {
                    continue;
                };
                // A pair whose cores share too few bigrams can only score through equality
                // or containment, which imply a high bigram similarity anyway.
                if dice < floor && l_item.name.trim() != n.text.trim() && l_key.norm != n.key.norm {
                    continue;
                }
                let q = quick(n.text, &l_item.name, &n.key, l_key, dice);
                if let Some(slot) = best.get_mut(j) {
                    match slot {
                        None => {
                            *slot = Some((ni, q));
                            best_touched.push(j);
                        }
                        Some((_, b)) if q.score > b.score => *slot = Some((ni, q)),
                        Some(_) => {}
                    }
                }
            }
        }
        let mut mine: Vec<Pair> = Vec::new();
        best_touched.sort_unstable();
        for j in best_touched.drain(..) {
            let Some((ni, q)) = best.get_mut(j).and_then(Option::take) else {
                continue;
            };
            if q.score >= HINT_FLOOR
                && closest[i]
                    .as_ref()
                    .is_none_or(|(_, _, b)| q.score > b.score)
            {
                closest[i] = Some((j, ni, q));
            }
            if q.score >= threshold {
                let same_cat = match (ref_cats.get(i), local_cats.get(j)) {
                    (Some(a), Some(b)) => categories_agree(a, b),
                    _ => false,
                };
                let rank = q.score + if same_cat { CATEGORY_BONUS } else { 0.0 };
                mine.push(Pair {
                    r: i,
                    l: j,
                    name: ni,
                    q,
                    rank,
                });
            }
        }
        mine.sort_by(|a, b| b.rank.total_cmp(&a.rank).then(a.l.cmp(&b.l)));
        mine.truncate(MAX_CANDIDATES);
        pairs.extend(mine);
    }
    pairs.sort_by(|a, b| {
        b.rank
            .total_cmp(&a.rank)
            .then(a.r.cmp(&b.r))
            .then(a.l.cmp(&b.l))
    });
    let mut by_r: Vec<Vec<usize>> = vec![Vec::new(); reference.len()];
    let mut by_l: Vec<Vec<usize>> = vec![Vec::new(); local.len()];
    for (k, p) in pairs.iter().enumerate() {
        if let Some(v) = by_r.get_mut(p.r) {
            v.push(k);
        }
        if let Some(v) = by_l.get_mut(p.l) {
            v.push(k);
        }
    }

    let mut r_done = vec![false; reference.len()];
    let mut r_amb = vec![false; reference.len()];
    let mut l_done = vec![false; local.len()];
    let mut chosen: Vec<usize> = Vec::new();
    let mut amb: BTreeMap<usize, Ambiguity> = BTreeMap::new();
    let mut contested: BTreeSet<usize> = BTreeSet::new();
    for (k, p) in pairs.iter().enumerate() {
        if r_done[p.r] || r_amb[p.r] || l_done[p.l] {
            continue;
        }
        let rival_locals: Vec<&Pair> = by_r[p.r]
            .iter()
            .filter_map(|&x| pairs.get(x))
            .filter(|q| q.l != p.l && !l_done[q.l] && close(p, q, margin))
            .collect();
        let rival_refs: Vec<&Pair> = by_l[p.l]
            .iter()
            .filter_map(|&x| pairs.get(x))
            .filter(|q| q.r != p.r && !r_done[q.r] && !r_amb[q.r] && close(p, q, margin))
            .collect();
        if rival_locals.is_empty() && rival_refs.is_empty() {
            r_done[p.r] = true;
            l_done[p.l] = true;
            chosen.push(k);
            continue;
        }
        let group_refs: Vec<usize> = std::iter::once(p.r)
            .chain(rival_refs.iter().map(|q| q.r))
            .collect();
        let mut candidates = vec![(p.l, p.q.score)];
        candidates.extend(rival_locals.iter().map(|q| (q.l, q.q.score)));
        let mut own_of: HashMap<usize, Vec<(usize, f64)>> = HashMap::new();
        for q in &rival_refs {
            own_of.entry(q.r).or_default().push((q.l, q.q.score));
        }
        for &r in &group_refs {
            r_amb[r] = true;
            let own: Vec<(usize, f64)> = if r == p.r {
                candidates.clone()
            } else {
                own_of.remove(&r).unwrap_or_default()
            };
            let entry = amb.entry(r).or_insert_with(|| Ambiguity {
                reference: r,
                candidates: Vec::new(),
                rivals: Vec::new(),
                rivals_total: 0,
            });
            for c in own {
                if !entry.candidates.iter().any(|(l, _)| *l == c.0) {
                    entry.candidates.push(c);
                }
            }
            // A group of thousands of equal names: name a few rivals and count the rest (listing
            // every rival for every member made the work and the report quadratic).
            entry.rivals_total = entry.rivals_total.max(group_refs.len() - 1);
            for &o in &group_refs {
                if entry.rivals.len() >= MAX_CANDIDATES {
                    break;
                }
                if o != r && !entry.rivals.contains(&o) {
                    entry.rivals.push(o);
                }
            }
        }
        for (l, _) in &candidates {
            contested.insert(*l);
        }
    }

    let mut out = Matching::default();
    for k in chosen {
        let Some(p) = pairs.get(k) else { continue };
        let (Some(names), Some(l_item), Some(l_key)) =
            (refs.get(p.r), local.get(p.l), locals.get(p.l))
        else {
            continue;
        };
        out.pairs
            .push((p.r, p.l, describe(names, &l_item.name, l_key, p.name, p.q)));
    }
    out.pairs.sort_by_key(|(r, l, _)| (*r, *l));
    // A contested local item that was matched after all is not contested.
    for (_, l, _) in &out.pairs {
        contested.remove(l);
    }
    out.contested = contested;
    out.ambiguous = amb.into_values().collect();
    out.closest = closest
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let (j, ni, q) = c?;
            let (names, l_item, l_key) = (refs.get(i)?, local.get(j)?, locals.get(j)?);
            Some((j, describe(names, &l_item.name, l_key, ni, q)))
        })
        .collect();
    out
}
