//! Text keys for matching: item names, content elements, citation titles and subjects.
//!
//! The base is `import::text::normalize_name` (white space and punctuation, widths, and
//! whatever the importer folds); on top of it this module folds full-width forms, removes CJK
//! punctuation and pinyin glosses, maps traditional characters through a small table of its own
//! (`trad.rs`), strips item-type suffixes (审批, 核发, 许可证 …) and applies a few synonyms
//! (天然气 → 燃气). Similarity is the Dice coefficient of character bigrams.

use super::trad;
use crate::import::text::normalize_name;

/// Suffixes that name the kind of licence rather than the matter (longest first).
const SUFFIXES: &[&str] = &[
    "行政审批",
    "行政许可",
    "许可证核发",
    "许可证",
    "审批",
    "核发",
    "许可",
    "核准",
    "审核",
    "批准",
    "备案",
    "的",
];

/// Whole-word synonyms applied to item names before comparison.
const SYNONYMS: &[(&str, &str)] = &[("天然气", "燃气"), ("煤气", "燃气")];

/// Words that make two items different kinds of act even when the matter is the same.
const ACTIONS: &[(&str, Action)] = &[
    ("审批", Action::Licence),
    ("许可", Action::Licence),
    ("许可证", Action::Licence),
    ("核发", Action::Licence),
    ("核准", Action::Licence),
    ("审核", Action::Licence),
    ("批准", Action::Licence),
    ("备案", Action::Licence),
    ("处罚", Action::Penalty),
    ("强制", Action::Enforcement),
    ("检查", Action::Inspection),
    ("征收", Action::Levy),
    ("收费", Action::Levy),
    ("奖励", Action::Reward),
    ("裁决", Action::Ruling),
    ("确认", Action::Ruling),
    ("给付", Action::Benefit),
];

/// The kind of act an item name ends in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    Licence,
    Penalty,
    Enforcement,
    Inspection,
    Levy,
    Reward,
    Ruling,
    Benefit,
}

/// Folds text for comparison: pinyin glosses removed, the importer's name normalisation,
/// full-width forms folded, white space and punctuation removed, traditional characters
/// simplified, ASCII lower-cased.
pub fn fold(text: &str) -> String {
    let base = normalize_name(&strip_glosses(text));
    let mut out = String::with_capacity(base.len());
    for c in base.chars() {
        let c = fold_width(c);
        if c.is_whitespace() || is_punctuation(c) {
            continue;
        }
        let c = trad::simplify(c);
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// Full-width ASCII (U+FF01–U+FF5E) to ASCII; the ideographic space to a space.
fn fold_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Punctuation, symbols and check-box glyphs that carry no meaning in a name.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c,
            '\u{00A0}'..='\u{00BF}'       // Latin-1 punctuation (·, «, », …)
            | '\u{2000}'..='\u{206F}'     // general punctuation (—, …, “”, ‘’)
            | '\u{2460}'..='\u{24FF}'     // circled numbers ①
            | '\u{25A0}'..='\u{25FF}'     // geometric shapes ■ □
            | '\u{2610}'..='\u{2612}'     // ballot boxes ☐ ☑
            | '\u{2713}'..='\u{2714}'     // check marks
            | '\u{3000}'..='\u{303F}'     // CJK punctuation 、。《》〔〕【】
            | '\u{FE10}'..='\u{FE1F}'     // vertical forms
            | '\u{FE30}'..='\u{FE4F}'     // CJK compatibility forms
            | '\u{FF01}'..='\u{FF0F}'
            | '\u{FF1A}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF40}'
            | '\u{FF5B}'..='\u{FF65}'
            | '\u{FFE0}'..='\u{FFEE}')
}

/// Removes pinyin glosses that mirror sites insert after characters: `鎮(zhèn)` → `鎮`.
fn strip_glosses(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '(' || c == '（' {
            let mut j = i + 1;
            while j < chars.len() && is_pinyin_letter(chars[j]) {
                j += 1;
            }
            if j > i + 1 && j < chars.len() && (chars[j] == ')' || chars[j] == '）') {
                // Only a gloss when it follows a CJK character.
                if i > 0 && is_cjk(chars[i - 1]) {
                    i = j + 1;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// A folded name with its synonyms applied and its licence suffixes stripped, plus what was
/// done to get there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameKey {
    /// The folded name.
    pub norm: String,
    /// The folded name with synonyms applied and suffixes stripped.
    pub core: String,
    /// Characters in `core`.
    pub core_len: usize,
    /// The bigrams of `core` with their counts, sorted.
    pub grams: Vec<((char, char), u32)>,
    /// Number of bigrams of `core` (with repeats).
    pub gram_total: u32,
    /// The suffixes removed, outermost first.
    pub stripped: Vec<&'static str>,
    /// The synonyms applied (from, to).
    pub synonyms: Vec<(&'static str, &'static str)>,
    /// The kind of act the name ends in.
    pub action: Option<Action>,
}

impl NameKey {
    pub(crate) fn new(name: &str) -> Self {
        let norm = fold(name);
        let mut core = norm.clone();
        let mut synonyms = Vec::new();
        for &(from, to) in SYNONYMS {
            if core.contains(from) {
                core = core.replace(from, to);
                synonyms.push((from, to));
            }
        }
        let action = action_of(&core);
        let mut stripped = Vec::new();
        loop {
            let mut changed = false;
            for &s in SUFFIXES {
                if let Some(rest) = core.strip_suffix(s) {
                    // Keep at least two characters of matter.
                    if rest.chars().count() >= 2 {
                        core = rest.to_owned();
                        stripped.push(s);
                        changed = true;
                        break;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        let grams = counted_grams(&core);
        let gram_total = grams.iter().map(|(_, n)| n).sum();
        NameKey {
            core_len: core.chars().count(),
            norm,
            core,
            grams,
            gram_total,
            stripped,
            synonyms,
            action,
        }
    }

    /// Dice coefficient of the core bigrams.
    pub(crate) fn dice(&self, other: &NameKey) -> f64 {
        let total = self.gram_total + other.gram_total;
        if self.gram_total == 0 || other.gram_total == 0 {
            return 0.0;
        }
        let (mut i, mut j, mut common) = (0, 0, 0u32);
        while let (Some(a), Some(b)) = (self.grams.get(i), other.grams.get(j)) {
            match a.0.cmp(&b.0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    common += a.1.min(b.1);
                    i += 1;
                    j += 1;
                }
            }
        }
        f64::from(2 * common) / f64::from(total)
    }
}

/// Character bigrams with counts, sorted (a single character counts as one gram).
pub(crate) fn counted_grams(s: &str) -> Vec<((char, char), u32)> {
    let mut g = grams(s);
    g.sort_unstable();
    let mut out: Vec<((char, char), u32)> = Vec::with_capacity(g.len());
    for x in g {
        match out.last_mut() {
            Some((y, n)) if *y == x => *n += 1,
            _ => out.push((x, 1)),
        }
    }
    out
}

/// The kind of act a folded name ends in (the last action word, allowing a trailing 的…).
fn action_of(norm: &str) -> Option<Action> {
    let tail: String = {
        let chars: Vec<char> = norm.chars().collect();
        let start = chars.len().saturating_sub(6);
        chars[start..].iter().collect()
    };
    ACTIONS
        .iter()
        .filter_map(|(w, a)| tail.rfind(w).map(|pos| (pos + w.len(), *a)))
        .filter(|(end, _)| *end + 3 >= tail.len()) // the word ends the name (or is followed by one character)
        .max_by_key(|(end, _)| *end)
        .map(|(_, a)| a)
}

/// How two names were found to match.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MatchMethod {
    /// The names are identical.
    Exact,
    /// Identical after removing white space and punctuation, folding widths and traditional
    /// characters.
    Normalized,
    /// Identical after removing suffixes such as 审批, 核发, 许可证 and applying synonyms.
    Suffix,
    /// One name contains the other (after suffixes and synonyms).
    Contained,
    /// Similar wording (character-bigram similarity).
    Similar,
    /// Matched through an alias listed in the reference item (`reference.aliases`).
    Alias,
}

impl MatchMethod {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            MatchMethod::Exact => "exact",
            MatchMethod::Normalized => "normalized",
            MatchMethod::Suffix => "suffix",
            MatchMethod::Contained => "contained",
            MatchMethod::Similar => "similar",
            MatchMethod::Alias => "alias",
        }
    }
}

/// The result of comparing two item names.
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
pub struct NameMatch {
    /// Similarity in [0, 1]: 1 identical, 0.98 identical after normalisation, 0.95 identical
    /// after suffixes and synonyms, lower for containment and similar wording.
    pub score: f64,
    /// How the names compare.
    pub method: MatchMethod,
    /// Why, in Chinese.
    pub reason_zh: String,
    /// Why, in English.
    pub reason_en: String,
}

/// Score of names identical after normalisation.
pub(crate) const NORMALIZED_SCORE: f64 = 0.98;
/// Score of names identical after suffix stripping and synonyms.
const SUFFIX_SCORE: f64 = 0.95;

/// Compares two item names (reference first).
pub fn compare_names(reference: &str, local: &str) -> NameMatch {
    let (r, l) = (NameKey::new(reference), NameKey::new(local));
    let q = quick(reference, local, &r, &l, r.dice(&l));
    explain(&r, &l, q)
}

/// A score without its explanation (cheap: computed for every candidate pair).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Quick {
    pub score: f64,
    pub method: MatchMethod,
    /// The names end in different kinds of act (licence vs penalty…).
    pub conflict: bool,
    /// The core bigram similarity.
    pub dice: f64,
}

/// Scores two names; `dice` is the similarity of their cores (`r.dice(l)`).
pub(crate) fn quick(reference: &str, local: &str, r: &NameKey, l: &NameKey, dice: f64) -> Quick {
    let conflict = matches!((r.action, l.action), (Some(a), Some(b)) if a != b);
    let penalty = if conflict { 0.5 } else { 1.0 };
    let q = |score: f64, method| Quick {
        score: round3(score),
        method,
        conflict,
        dice,
    };
    if reference.trim() == local.trim() {
        return Quick {
            conflict: false,
            ..q(1.0, MatchMethod::Exact)
        };
    }
    if !r.norm.is_empty() && r.norm == l.norm {
        return Quick {
            conflict: false,
            ..q(NORMALIZED_SCORE, MatchMethod::Normalized)
        };
    }
    if !r.core.is_empty() && r.core == l.core {
        return q(SUFFIX_SCORE * penalty, MatchMethod::Suffix);
    }
    let (short, long, ns, nl) = if r.core_len <= l.core_len {
        (&r.core, &l.core, r.core_len, l.core_len)
    } else {
        (&l.core, &r.core, l.core_len, r.core_len)
    };
    if ns >= 4 && ns * 2 >= nl && long.contains(short.as_str()) {
        let ratio = ns as f64 / nl as f64;
        return q(
            (0.6 + 0.3 * ratio).max(dice) * penalty,
            MatchMethod::Contained,
        );
    }
    q(dice * penalty, MatchMethod::Similar)
}

/// The reasons of a score, in Chinese and English.
pub(crate) fn explain(r: &NameKey, l: &NameKey, q: Quick) -> NameMatch {
    let (reason_zh, reason_en) = match q.method {
        MatchMethod::Exact => ("名称相同".to_owned(), "same name".to_owned()),
        MatchMethod::Normalized => (
            "去除空格、标点并统一全半角、繁简后相同".to_owned(),
            "same after removing spaces and punctuation and folding widths and traditional characters".to_owned(),
        ),
        _ => {
            let (how_zh, how_en) = transform_reason(r, l);
            let (conflict_zh, conflict_en) = if q.conflict {
                ("；但事项类型不同", "; but the kinds of act differ")
            } else {
                ("", "")
            };
            match q.method {
                MatchMethod::Suffix => (
                    format!("{how_zh}后相同{conflict_zh}"),
                    format!("same after {how_en}{conflict_en}"),
                ),
                MatchMethod::Contained => {
                    let local_longer = r.core_len <= l.core_len;
                    let (which_zh, which_en) = if local_longer {
                        ("本地名称包含上级名称", "the local name contains the reference name")
                    } else {
                        ("上级名称包含本地名称", "the reference name contains the local name")
                    };
                    let (pre_zh, pre_en) = if how_zh.is_empty() {
                        (String::new(), String::new())
                    } else {
                        (format!("{how_zh}后，"), format!("after {how_en}, "))
                    };
                    (
                        format!("{pre_zh}{which_zh}{conflict_zh}"),
                        format!("{pre_en}{which_en}{conflict_en}"),
                    )
                }
                _ => (
                    format!("措辞相近（字符二元组相似度 {:.2}）{conflict_zh}", q.dice),
                    format!(
                        "similar wording (character-bigram similarity {:.2}){conflict_en}",
                        q.dice
                    ),
                ),
            }
        }
    };
    NameMatch {
        score: q.score,
        method: q.method,
        reason_zh,
        reason_en,
    }
}

fn transform_reason(r: &NameKey, l: &NameKey) -> (String, String) {
    let mut zh = Vec::new();
    let mut en = Vec::new();
    let mut suffixes: Vec<&str> = r.stripped.iter().chain(&l.stripped).copied().collect();
    suffixes.dedup();
    let mut seen = Vec::new();
    suffixes.retain(|s| {
        if seen.contains(s) {
            false
        } else {
            seen.push(*s);
            true
        }
    });
    if !suffixes.is_empty() {
        let list: Vec<String> = suffixes.iter().map(|s| format!("“{s}”")).collect();
        zh.push(format!("去掉后缀{}", list.join("、")));
        let noun = if list.len() == 1 {
            "suffix"
        } else {
            "suffixes"
        };
        en.push(format!("removing the {noun} {}", list.join(", ")));
    }
    let mut syns: Vec<(&str, &str)> = r.synonyms.iter().chain(&l.synonyms).copied().collect();
    syns.dedup();
    if !syns.is_empty() {
        let list: Vec<String> = syns
            .iter()
            .map(|(a, b)| format!("“{a}”视同“{b}”"))
            .collect();
        zh.push(list.join("、"));
        let list: Vec<String> = syns
            .iter()
            .map(|(a, b)| format!("treating “{a}” as “{b}”"))
            .collect();
        en.push(list.join(", "));
    }
    (zh.join("、"), en.join(" and "))
}

/// Rounds to three decimals (scores are reported, and must be stable across platforms).
pub(crate) fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Dice coefficient of the character-bigram multisets (unigrams for one-character strings).
pub(crate) fn dice(a: &str, b: &str) -> f64 {
    let (ga, gb) = (counted_grams(a), counted_grams(b));
    let ta: u32 = ga.iter().map(|(_, n)| n).sum();
    let tb: u32 = gb.iter().map(|(_, n)| n).sum();
    if ta == 0 || tb == 0 {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0u32);
    while let (Some(x), Some(y)) = (ga.get(i), gb.get(j)) {
        match x.0.cmp(&y.0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += x.1.min(y.1);
                i += 1;
                j += 1;
            }
        }
    }
    f64::from(2 * common) / f64::from(ta + tb)
}

fn grams(s: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [] => Vec::new(),
        [c] => vec![(*c, '\0')],
        _ => chars.windows(2).map(|w| (w[0], w[1])).collect(),
    }
}

/// Splits content cells into elements and folds each: "1. 申请条件；2. 申请材料" → [申请条件,
/// 申请材料]. Returns (index of the cell in `content`, folded element).
pub(crate) fn content_elements<'a>(
    content: impl IntoIterator<Item = &'a str>,
) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, cell) in content.into_iter().enumerate() {
        for part in cell.split([
            '、', '；', ';', '，', ',', '。', '\n', '：', ':', '\r', '\t',
        ]) {
            let folded = fold(strip_numbering(part.trim()));
            let folded = strip_leading_digits(&folded);
            if !folded.is_empty() {
                out.push((i, folded));
            }
        }
    }
    out
}

/// Removes list numbering at the start: `1.`, `1 .`, `（1）`, `(1)`, `①`, `一、`.
fn strip_numbering(s: &str) -> &str {
    let mut t = s.trim_start();
    // Circled numbers.
    if let Some(c) = t.chars().next() {
        if ('\u{2460}'..='\u{2473}').contains(&c) {
            t = &t[c.len_utf8()..];
            return t.trim_start();
        }
    }
    // (1) / （1）
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(rest) = t.strip_prefix(open) {
            if let Some(end) = rest.find(close) {
                if rest[..end].chars().all(|c| c.is_ascii_digit() || c == ' ') && end > 0 {
                    return rest[end + close.len_utf8()..].trim_start();
                }
            }
        }
    }
    let digits = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ' ')
        .count();
    if digits > 0 {
        let rest = t[digits..].trim_start();
        if let Some(r) = rest
            .strip_prefix('.')
            .or_else(|| rest.strip_prefix('．'))
            .or_else(|| rest.strip_prefix('、'))
            .or_else(|| rest.strip_prefix(')'))
            .or_else(|| rest.strip_prefix('）'))
        {
            return r.trim_start();
        }
    }
    t
}

/// OCR loses the dot of a list number ("3电请流程"): drop one or two leading digits before a
/// Chinese character.
fn strip_leading_digits(s: &str) -> String {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        if let Some(next) = s.chars().nth(digits) {
            if is_cjk(next) {
                return s.chars().skip(digits).collect();
            }
        }
    }
    s.to_owned()
}

/// Whether a content element of the reference is kept by one of the local elements.
pub(crate) fn element_kept(reference: &str, local: &[(usize, String)]) -> bool {
    local.iter().any(|(_, l)| element_matches(reference, l))
}

/// Whether two folded content elements say the same thing.
pub(crate) fn element_matches(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (na, nb) = (a.chars().count(), b.chars().count());
    if (na >= 2 && b.contains(a)) || (nb >= 2 && a.contains(b)) {
        return true;
    }
    na >= 3 && nb >= 3 && dice(a, b) >= 0.6
}

/// A citation title folded for comparison: 《》 and parenthesised notes (修订年份, 令号)
/// removed, the 中华人民共和国 prefix dropped.
pub(crate) fn citation_key(title: &str) -> String {
    let mut s = String::with_capacity(title.len());
    let mut depth = 0i32;
    for c in title.chars() {
        match c {
            '(' | '（' | '〔' | '[' | '【' => depth += 1,
            ')' | '）' | '〕' | ']' | '】' => depth = (depth - 1).max(0),
            _ if depth == 0 => s.push(c),
            _ => {}
        }
    }
    let f = fold(&s);
    let f = f.strip_prefix("中华人民共和国").unwrap_or(&f).to_owned();
    if f.is_empty() { fold(title) } else { f }
}

/// Whether two citation keys name the same instrument.
pub(crate) fn citations_match(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (na, nb) = (a.chars().count(), b.chars().count());
    if (na >= 4 && b.contains(a)) || (nb >= 4 && a.contains(b)) {
        return true;
    }
    na >= 4 && nb >= 4 && dice(a, b) >= 0.8
}

/// Template placeholders for 公开主体 that show a catalogue was not localised.
const PLACEHOLDER_SUBJECTS: &[&str] = &[
    "负责审批的燃气管理部门",
    "市政工程行政主管部门",
    "相关审批部门",
    "相关行政主管部门",
    "有关部门",
    "相关部门",
    "主管部门",
];

/// Whether a subject is a generic template placeholder (or contains a blank such as XX, ××, ＿).
pub(crate) fn is_placeholder_subject(subject: &str) -> bool {
    let f = fold(subject);
    if f.is_empty() {
        return false;
    }
    if PLACEHOLDER_SUBJECTS.iter().any(|p| fold(p) == f) {
        return true;
    }
    let raw = subject.to_uppercase();
    raw.contains("XX") || raw.contains("××") || raw.contains("＿") || raw.contains("__")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_spacing_punctuation_width_and_traditional() {
        assert_eq!(fold("燃气经营许 可证核发"), "燃气经营许可证核发");
        assert_eq!(fold("占用，挖掘城市道路审批"), "占用挖掘城市道路审批");
        assert_eq!(fold("占用、挖掘城市道路审批"), "占用挖掘城市道路审批");
        assert_eq!(fold("燃氣經營許可證核發"), "燃气经营许可证核发");
        assert_eq!(fold("ＡＢＣ（１２）"), "abc12");
        assert_eq!(fold("鎮(zhèn)級"), "镇级");
        assert_eq!(fold("《城镇燃气管理\n条例》"), "城镇燃气管理条例");
    }

    #[test]
    fn strips_suffixes_and_synonyms() {
        assert_eq!(NameKey::new("燃气经营许可证核发").core, "燃气经营");
        assert_eq!(NameKey::new("燃气经营许可").core, "燃气经营");
        assert_eq!(
            NameKey::new("改动市政天然气设施审批").core,
            "改动市政燃气设施"
        );
        assert_eq!(
            NameKey::new("由于工程施工、设备维修等原因确需停止供水的审批").core,
            "由于工程施工设备维修等原因确需停止供水"
        );
        assert_eq!(NameKey::new("城市园林绿化行政审批").core, "城市园林绿化");
        // Never strips down to nothing.
        assert_eq!(NameKey::new("审批").core, "审批");
    }

    #[test]
    fn actions() {
        assert_eq!(
            NameKey::new("城市园林绿化行政处罚").action,
            Some(Action::Penalty)
        );
        assert_eq!(
            NameKey::new("城市园林绿化行政审批").action,
            Some(Action::Licence)
        );
        assert_eq!(
            NameKey::new("燃气经营许可证核发").action,
            Some(Action::Licence)
        );
        assert_eq!(
            NameKey::new("未取得燃气经营许可证从事燃气经营活动").action,
            None
        );
    }

    #[test]
    fn compares_real_world_wording() {
        let m = compare_names("燃气经营许可证核发", "燃气经营许可");
        assert_eq!(m.method, MatchMethod::Suffix);
        assert!(m.score >= 0.9, "{m:?}");
        assert!(m.reason_zh.contains("许可"), "{}", m.reason_zh);

        let m = compare_names("燃气经营者改动市政燃气设施审批", "改动市政天然气设施审批");
        assert_eq!(m.method, MatchMethod::Contained);
        assert!(m.score >= 0.7, "{m:?}");
        assert!(m.reason_zh.contains("天然气"), "{}", m.reason_zh);

        let m = compare_names("燃气经营许可证核发", "燃氣經營許 可證核發");
        assert_eq!(m.method, MatchMethod::Normalized);

        let m = compare_names("特殊车辆在城市道路上行驶", "特殊车辆在城市道路上行驶审批");
        assert_eq!(m.method, MatchMethod::Suffix);

        // A penalty is not the licence.
        let m = compare_names("城市园林绿化行政审批", "城市园林绿化行政处罚");
        assert!(m.score < 0.6, "{m:?}");
        // An enforcement item that mentions the licence is not the licence.
        let m = compare_names("燃气经营许可证核发", "未取得燃气经营许可证从事燃气经营活动");
        assert!(m.score < 0.6, "{m:?}");
        let m = compare_names("燃气经营许可证核发", "城市道路挖掘审批");
        assert!(m.score < 0.3, "{m:?}");
    }

    #[test]
    fn splits_content() {
        let e = content_elements(["1. 申请条件:\n2. 申请材料:\n3电请流程;\n4.法定依据。"]);
        let v: Vec<&str> = e.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(v, vec!["申请条件", "申请材料", "电请流程", "法定依据"]);
        let e = content_elements(["申请条件、 申请材料", "（3）申请流程", "①法定依据"]);
        let v: Vec<(usize, &str)> = e.iter().map(|(i, s)| (*i, s.as_str())).collect();
        assert_eq!(
            v,
            vec![
                (0, "申请条件"),
                (0, "申请材料"),
                (1, "申请流程"),
                (2, "法定依据")
            ]
        );
        assert!(element_matches("申请流程", "电请流程"));
        assert!(!element_matches("申请流程", "申请条件"));
        assert!(!element_matches("申请条件", "申请材料"));
        assert!(element_matches("办理结果", "办理结果公示"));
    }

    #[test]
    fn citations() {
        assert_eq!(
            citation_key("《中华人民共和国政府信息公开条例》（国务院令第711号）"),
            "政府信息公开条例"
        );
        assert!(citations_match(
            &citation_key("城镇燃气管理条例"),
            &citation_key("《城镇燃气管理条例》(2016年修订)")
        ));
        assert!(!citations_match(
            &citation_key("城镇燃气管理条例"),
            &citation_key("城市道路管理条例")
        ));
    }

    #[test]
    fn placeholders() {
        assert!(is_placeholder_subject("负责审批的 燃气管理部 门"));
        assert!(is_placeholder_subject("XX县城市管理局"));
        assert!(!is_placeholder_subject("武陟县城市管理局"));
    }

    #[test]
    fn dice_basics() {
        assert_eq!(dice("申请流程", "申请流程"), 1.0);
        assert_eq!(dice("", "a"), 0.0);
        assert!((dice("电请流程", "申请流程") - 2.0 / 3.0).abs() < 1e-9);
    }
}
