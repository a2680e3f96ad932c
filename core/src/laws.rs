//! 依据库: the legal instruments catalogues cite, with their versions and status.
//!
//! The registry answers, for a 公开依据 citation: which instrument is it, which version does its
//! document number name, is that version still the current text, and is the instrument still in
//! force. The embedded registry (`core/laws/registry.json`, format in `docs/laws.md`) is parsed
//! once per process; users add local instruments (地方性法规, 规范性文件 …) with a file in the same
//! format, merged over the embedded one ([`Registry::with_json`]).
//!
//! Every fact of the embedded file names the source it was checked against; a fact that could
//! not be verified is left out, never guessed.
//!
//! Lookups normalise the title: 书名号 and quotes, white space (also U+3000 and line breaks),
//! full-width letters and digits, traditional characters, the `中华人民共和国` prefix and a trailing
//! note in brackets that holds a document number or a revision (`（国务院令第711号）`,
//! `(2019年修订)`) do not matter. Document numbers are compared by their number: `国务院令第492号`,
//! `国务院第492号令`, `国务院令第四百九十二号`; `建办厅〔2019〕71号` also by year and prefix.

use crate::Lang;
use crate::model::CitationKind;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, OnceLock};

/// The embedded registry file.
const EMBEDDED: &str = include_str!("../laws/registry.json");

/// The format name every registry file carries in `format`.
pub const FORMAT: &str = "gongkai-laws";

/// The largest registry file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 16 << 20;

/// Errors listed at most in one [`crate::Error::Laws`].
const MAX_ERRORS: usize = 20;

/// One legal instrument (法律、法规、规章或规范性文件).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(title = "依据", description = "一件法律、法规、规章或规范性文件")]
pub struct Law {
    /// Full title without 《》, e.g. 中华人民共和国政府信息公开条例.
    #[schemars(
        title = "名称",
        description = "文件全称，不含书名号《》",
        length(min = 1)
    )]
    pub title: String,
    /// Other names catalogues use (简称), e.g. 政府信息公开条例, 条例.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(
        title = "简称",
        description = "目录中常见的其他写法，如 政府信息公开条例、条例"
    )]
    pub short_names: Vec<String>,
    /// Kind of instrument (the citation kind codes of the data model).
    #[schemars(title = "类别")]
    pub kind: CitationKind,
    /// The issuing organ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "制定机关",
        description = "如 国务院、全国人民代表大会常务委员会"
    )]
    pub issuer: Option<String>,
    /// Versions, oldest first: the original text, its revisions (修订) and amendments (修正).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(title = "版本", description = "按时间先后排列：原文、修订、修正")]
    pub versions: Vec<LawVersion>,
    /// In force or repealed.
    #[schemars(title = "效力状态")]
    pub status: LawStatus,
    /// The day the instrument stopped being in force (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "废止日期",
        description = "YYYY-MM-DD",
        regex(pattern = r"^\d{4}-\d{2}-\d{2}$")
    )]
    pub repealed_on: Option<String>,
    /// The title (or short name) of the entry that replaced it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        title = "取代文件",
        description = "取代它的条目的名称或简称（须在依据库中）"
    )]
    pub replaced_by: Option<String>,
    /// Where the repeal was checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "废止情况来源")]
    pub repeal_source: Option<String>,
    /// Where facts not tied to one version were checked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(title = "来源", description = "核对所用的网址或文件")]
    pub sources: Vec<String>,
}

/// One version of an instrument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(title = "版本")]
pub struct LawVersion {
    /// What the version is; absent when not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "版本类型")]
    pub change: Option<VersionChange>,
    /// 令号 / 文号 of this version, e.g. 国务院令第711号.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "文号")]
    pub doc_no: Option<String>,
    /// The day it was promulgated, adopted or issued (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "公布日期", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub promulgated: Option<String>,
    /// The day it took effect (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "施行日期", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub in_force: Option<String>,
    /// The decision that made the change, e.g. 《国务院关于修改部分行政法规的决定》.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "依据决定")]
    pub by: Option<String>,
    /// A remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "备注")]
    pub note: Option<String>,
    /// Where the facts of this version were checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "来源")]
    pub source: Option<String>,
}

/// What a version is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VersionChange {
    /// The original text (公布).
    Original,
    /// A revision (修订): the text republished as a whole, usually with a new document number.
    /// Citing an earlier version's number after it took effect is stale.
    Revision,
    /// An amendment (修正/修改) by a decision; the instrument keeps its original number.
    Amendment,
}

impl VersionChange {
    /// The JSON code.
    pub const fn code(self) -> &'static str {
        match self {
            VersionChange::Original => "original",
            VersionChange::Revision => "revision",
            VersionChange::Amendment => "amendment",
        }
    }
}

/// Whether an instrument is in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LawStatus {
    /// 现行有效.
    InForce,
    /// 已废止.
    Repealed,
}

/// A registry file (the JSON Schema of the format is [`file_schema`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(title = "依据库文件")]
pub struct LawsFile {
    /// Always `gongkai-laws`.
    pub format: String,
    /// Always 1.
    pub format_version: u32,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The instruments.
    pub entries: Vec<Law>,
}

/// The JSON Schema of a registry file.
pub fn file_schema() -> Value {
    serde_json::to_value(schemars::schema_for!(LawsFile)).unwrap_or(Value::Null)
}

/// A document number reduced to what identifies it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum DocKey {
    /// `…令第N号` / `…第N号令`: the organ before 令 (may be empty) and N.
    Decree { org: String, number: u32 },
    /// `X〔YYYY〕N号`: prefix X (may be empty), year and N.
    Bracket {
        prefix: String,
        year: u32,
        number: u32,
    },
}

impl DocKey {
    /// Same number within one instrument (the organ is spelt in many ways).
    fn same_number(&self, other: &DocKey) -> bool {
        match (self, other) {
            (DocKey::Decree { number: a, .. }, DocKey::Decree { number: b, .. }) => a == b,
            (
                DocKey::Bracket {
                    prefix: p,
                    year: y,
                    number: n,
                },
                DocKey::Bracket {
                    prefix: q,
                    year: z,
                    number: m,
                },
            ) => y == z && n == m && (p.is_empty() || q.is_empty() || p == q),
            _ => false,
        }
    }
}

/// The registry: the embedded instruments, possibly with a user's merged over them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registry {
    laws: Vec<Law>,
    /// Normalised title or short name → index in `laws`.
    names: HashMap<String, usize>,
    /// Per law, per version: the keys of its document number.
    keys: Vec<Vec<Vec<DocKey>>>,
    /// How many leading entries of `laws` came from a user file (they win lookups).
    user: usize,
}

/// A citation matched to the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'r> {
    /// The instrument.
    pub law: &'r Law,
    /// The version the citation's document number names, when it names one.
    pub version: Option<usize>,
}

impl<'r> Match<'r> {
    /// The version the citation names.
    pub fn version(&self) -> Option<&'r LawVersion> {
        self.version.and_then(|v| self.law.versions.get(v))
    }

    /// The revision (修订) that replaced the cited version, if any: the first later version
    /// whose `change` is `revision`.
    pub fn superseding_revision(&self) -> Option<&'r LawVersion> {
        let v = self.version?;
        self.law
            .versions
            .iter()
            .skip(v + 1)
            .find(|w| w.change == Some(VersionChange::Revision))
    }
}

impl Law {
    /// The current version: the last one listed.
    pub fn current(&self) -> Option<&LawVersion> {
        self.versions.last()
    }

    /// The latest document number listed (the current text's, when it has one).
    pub fn current_doc_no(&self) -> Option<&str> {
        self.versions.iter().rev().find_map(|v| v.doc_no.as_deref())
    }
}

impl Registry {
    /// The embedded registry, parsed once per process.
    pub fn embedded() -> &'static Registry {
        static EMB: OnceLock<Registry> = OnceLock::new();
        EMB.get_or_init(|| {
            let parsed =
                parse_file(EMBEDDED, Lang::Zh).and_then(|e| build(Vec::new(), e, Lang::Zh));
            debug_assert!(parsed.is_ok(), "embedded registry: {parsed:?}");
            parsed.unwrap_or_else(|_| Registry::from_parts(Vec::new(), 0))
        })
    }

    /// The embedded registry with a user's registry file (JSON text) merged over it: a user
    /// entry with the same title as an embedded one replaces it, and the user's names win
    /// lookups. A file with any error (not JSON, a bad date, an unknown kind, a duplicate
    /// title, a replacement that points nowhere or a cycle of replacements) is an
    /// [`crate::Error::Laws`] listing every problem with its entry and field, in Chinese.
    pub fn with_json(text: &str) -> Result<Registry, crate::Error> {
        Registry::with_json_lang(text, Lang::Zh)
    }

    /// [`Registry::with_json`] with messages in `lang`.
    pub fn with_json_lang(text: &str, lang: Lang) -> Result<Registry, crate::Error> {
        if text.len() > MAX_FILE_BYTES {
            return Err(crate::Error::TooLarge {
                what: "依据库文件字节数".into(),
                limit: MAX_FILE_BYTES as u64,
                actual: text.len() as u64,
            });
        }
        let user = parse_file(text, lang)?;
        build(user, Registry::embedded().laws.clone(), lang)
    }

    /// An `Arc` of [`Registry::with_json`], for [`crate::Options::laws`].
    pub fn shared_with_json(text: &str) -> Result<Arc<Registry>, crate::Error> {
        Registry::with_json(text).map(Arc::new)
    }

    fn from_parts(laws: Vec<Law>, user: usize) -> Registry {
        let mut names = HashMap::new();
        // Embedded entries first, so that user entries (the first `user`) overwrite their names.
        for (i, law) in laws.iter().enumerate().rev() {
            for n in std::iter::once(&law.title).chain(&law.short_names) {
                names.insert(normalize_title(n), i);
            }
        }
        let keys = laws
            .iter()
            .map(|l| {
                l.versions
                    .iter()
                    .map(|v| v.doc_no.as_deref().map(doc_keys).unwrap_or_default())
                    .collect()
            })
            .collect();
        Registry {
            laws,
            names,
            keys,
            user,
        }
    }

    /// Every instrument: the user's first, then the embedded ones.
    pub fn laws(&self) -> &[Law] {
        &self.laws
    }

    /// How many instruments came from a user file.
    pub fn user_count(&self) -> usize {
        self.user
    }

    /// The instrument with this title or short name (normalised, see the module documentation).
    pub fn lookup(&self, title: &str) -> Option<&Law> {
        self.index_of(title).and_then(|i| self.laws.get(i))
    }

    fn index_of(&self, title: &str) -> Option<usize> {
        let key = normalize_title(title);
        if key.is_empty() {
            return None;
        }
        self.names.get(&key).copied()
    }

    /// Matches a citation: the instrument by its title, and the version by the document numbers
    /// found in `doc_no`, then in `text` (the citation as written), then in the title itself.
    pub fn lookup_citation(
        &self,
        title: &str,
        doc_no: Option<&str>,
        text: Option<&str>,
    ) -> Option<Match<'_>> {
        let i = self.index_of(title)?;
        let law = self.laws.get(i)?;
        let versions = self.keys.get(i)?;
        if versions.iter().all(Vec::is_empty) {
            return Some(Match { law, version: None });
        }
        let version = [doc_no, text, Some(title)]
            .into_iter()
            .flatten()
            .find_map(|s| {
                let cited = doc_keys(s);
                versions
                    .iter()
                    .position(|vk| vk.iter().any(|k| cited.iter().any(|c| c.same_number(k))))
            });
        Some(Match { law, version })
    }

    /// The instrument and version a document number names (`国务院令第711号`, `建办厅〔2019〕71号`),
    /// when exactly one version of the registry has it. A decree number must name its organ.
    pub fn lookup_doc_no(&self, doc_no: &str) -> Option<Match<'_>> {
        let cited: Vec<DocKey> = doc_keys(doc_no)
            .into_iter()
            .filter(|k| match k {
                DocKey::Decree { org, .. } => !org.is_empty(),
                DocKey::Bracket { .. } => true,
            })
            .collect();
        let mut found = None;
        for (i, per_law) in self.keys.iter().enumerate() {
            for (v, keys) in per_law.iter().enumerate() {
                if keys.iter().any(|k| cited.contains(k)) {
                    if found.is_some() {
                        return None;
                    }
                    found = Some((i, v));
                }
            }
        }
        let (i, v) = found?;
        Some(Match {
            law: self.laws.get(i)?,
            version: Some(v),
        })
    }
}

/// Normalises a title for lookup (see the module documentation).
pub fn normalize_title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = half_width(c);
        if c.is_whitespace()
            || matches!(
                c,
                '《' | '》'
                    | '〈'
                    | '〉'
                    | '<'
                    | '>'
                    | '“'
                    | '”'
                    | '"'
                    | '\''
                    | '‘'
                    | '’'
                    | '「'
                    | '」'
                    | '『'
                    | '』'
                    | '\u{200b}'
                    | '\u{feff}'
            )
        {
            continue;
        }
        out.push(crate::import::hanzi::simplify_char(c));
    }
    loop {
        let before = out.len();
        let trimmed = out.trim_end_matches(['。', '；', ';', '，', ',', '、', '.', ':', '：']);
        out.truncate(trimmed.len());
        strip_trailing_note(&mut out);
        if out.len() == before {
            break;
        }
    }
    match out.strip_prefix("中华人民共和国") {
        Some(rest) if !rest.is_empty() => rest.to_owned(),
        _ => out,
    }
}

/// Removes a trailing `(…)` / `[…]` / `〔…〕` / `【…】` that holds a document number or a revision.
fn strip_trailing_note(s: &mut String) {
    let Some(close) = s.chars().last() else {
        return;
    };
    let open = match close {
        ')' => '(',
        ']' => '[',
        '〕' => '〔',
        '】' => '【',
        _ => return,
    };
    let body_end = s.len() - close.len_utf8();
    let Some(start) = s[..body_end].rfind(open) else {
        return;
    };
    let inner = &s[start + open.len_utf8()..body_end];
    let note = ["令", "号", "修订", "修正", "年", "版", "试行"]
        .iter()
        .any(|w| inner.contains(w));
    if note && start > 0 {
        s.truncate(start);
    }
}

/// Full-width ASCII (U+FF01–U+FF5E) to half width; the ideographic space to a space.
fn half_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// The document numbers in a text.
fn doc_keys(s: &str) -> Vec<DocKey> {
    let chars: Vec<char> = s
        .chars()
        .map(|c| crate::import::hanzi::simplify_char(half_width(c)))
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '令' {
            // 令第N号 / 令N号
            let mut j = i + 1;
            if chars.get(j) == Some(&'第') {
                j += 1;
            }
            if let Some((n, end)) = number_at(&chars, j) {
                if chars.get(end) == Some(&'号') {
                    out.push(DocKey::Decree {
                        org: organ_before(&chars, i),
                        number: n,
                    });
                    i = end + 1;
                    continue;
                }
            }
        } else if c == '第' {
            // 第N号令
            if let Some((n, end)) = number_at(&chars, i + 1) {
                if chars.get(end) == Some(&'号') && chars.get(end + 1) == Some(&'令') {
                    out.push(DocKey::Decree {
                        org: organ_before(&chars, i),
                        number: n,
                    });
                    i = end + 2;
                    continue;
                }
            }
        } else if let Some(close) = closing(c) {
            // X〔YYYY〕N号
            let digits: String = chars
                .iter()
                .skip(i + 1)
                .take_while(|c| c.is_ascii_digit())
                .collect();
            let after = i + 1 + digits.len();
            if digits.len() == 4 && chars.get(after) == Some(&close) {
                if let Some((n, end)) = number_at(&chars, after + 1) {
                    if chars.get(end) == Some(&'号') {
                        let year = digits.parse().unwrap_or(0);
                        out.push(DocKey::Bracket {
                            prefix: organ_before(&chars, i),
                            year,
                            number: n,
                        });
                        i = end + 1;
                        continue;
                    }
                }
            }
        }
        i += 1;
    }
    out
}

fn closing(open: char) -> Option<char> {
    match open {
        '〔' => Some('〕'),
        '[' => Some(']'),
        '(' => Some(')'),
        '【' => Some('】'),
        '〖' => Some('〗'),
        _ => None,
    }
}

/// The CJK characters just before position `i` (at most 12), without a leading 中华人民共和国
/// and a trailing 第.
fn organ_before(chars: &[char], i: usize) -> String {
    let start = chars[..i]
        .iter()
        .rposition(|c| !is_cjk(*c))
        .map_or(0, |p| p + 1)
        .max(i.saturating_sub(12));
    let s: String = chars[start..i].iter().collect();
    let s = s.trim_end_matches('第');
    let s = s.rsplit("中华人民共和国").next().unwrap_or(s);
    s.to_owned()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF)
}

/// A number in ASCII digits or Chinese numerals at position `i`: (value, end position).
fn number_at(chars: &[char], i: usize) -> Option<(u32, usize)> {
    let digits: String = chars
        .iter()
        .skip(i)
        .take_while(|c| c.is_ascii_digit())
        .collect();
    if !digits.is_empty() {
        return digits.parse().ok().map(|n| (n, i + digits.len()));
    }
    let run: Vec<char> = chars
        .iter()
        .skip(i)
        .take_while(|c| "零〇一二两三四五六七八九十百千".contains(**c))
        .copied()
        .collect();
    chinese_number(&run).map(|n| (n, i + run.len()))
}

/// 四百九十二 → 492, 七百一十一 → 711, 十二 → 12, 一〇二 → 102 (below 10 000).
fn chinese_number(run: &[char]) -> Option<u32> {
    if run.is_empty() {
        return None;
    }
    let digit = |c: char| "零一二三四五六七八九".find(c).map(|b| (b / 3) as u32);
    let digit = |c: char| match c {
        '〇' => Some(0),
        '两' => Some(2),
        c => digit(c),
    };
    if run.iter().all(|c| digit(*c).is_some()) {
        // Digit by digit: 一〇二.
        return run
            .iter()
            .try_fold(0u32, |acc, c| acc.checked_mul(10)?.checked_add(digit(*c)?));
    }
    let (mut total, mut pending) = (0u32, None::<u32>);
    for c in run {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                pending = Some(digit(*c)?);
                continue;
            }
        };
        total += pending.take().unwrap_or(1) * unit;
    }
    Some(total + pending.unwrap_or(0))
}

// ---------------------------------------------------------------------------------------------
// Reading and checking a registry file.

/// One problem of a registry file.
struct Problem {
    /// 1-based entry number, and the entry's title when it has one.
    entry: Option<(usize, Option<String>)>,
    /// The field, as a JSON path below the entry (`versions[1].in_force`).
    field: Option<String>,
    zh: String,
    en: String,
}

impl Problem {
    fn render(&self, lang: Lang) -> String {
        let mut where_ = String::new();
        if let Some((n, title)) = &self.entry {
            match (lang, title) {
                (Lang::Zh, Some(t)) => where_.push_str(&format!("第 {n} 条（{t}）")),
                (Lang::Zh, None) => where_.push_str(&format!("第 {n} 条")),
                (Lang::En, Some(t)) => where_.push_str(&format!("entry {n} ({t})")),
                (Lang::En, None) => where_.push_str(&format!("entry {n}")),
            }
        }
        if let Some(f) = &self.field {
            match lang {
                Lang::Zh => where_.push_str(&format!("的 {f}")),
                Lang::En => where_.push_str(&format!(", field {f}")),
            }
        }
        let what = match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        };
        match (where_.is_empty(), lang) {
            (true, _) => what.clone(),
            (false, Lang::Zh) => format!("{where_}：{what}"),
            (false, Lang::En) => format!("{where_}: {what}"),
        }
    }
}

fn into_error(problems: Vec<Problem>, lang: Lang) -> crate::Error {
    let total = problems.len();
    let mut lines = vec![match lang {
        Lang::Zh => "依据库文件有误：".to_owned(),
        Lang::En => "the registry file has problems:".to_owned(),
    }];
    lines.extend(problems.iter().take(MAX_ERRORS).map(|p| p.render(lang)));
    if total > MAX_ERRORS {
        lines.push(match lang {
            Lang::Zh => format!("……另有 {} 处问题", total - MAX_ERRORS),
            Lang::En => format!("… and {} more problems", total - MAX_ERRORS),
        });
    }
    crate::Error::Laws(lines.join("\n"))
}

const ENTRY_KEYS: &[&str] = &[
    "title",
    "short_names",
    "kind",
    "issuer",
    "versions",
    "status",
    "repealed_on",
    "replaced_by",
    "repeal_source",
    "sources",
];
const VERSION_KEYS: &[&str] = &[
    "change",
    "doc_no",
    "promulgated",
    "in_force",
    "by",
    "note",
    "source",
];

/// Reads a registry file into entries, or every problem it has.
fn parse_file(text: &str, lang: Lang) -> Result<Vec<Law>, crate::Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value =
        serde_json::from_str(text).map_err(|e| crate::Error::from_json(&e, text.as_bytes()))?;
    let mut problems = Vec::new();
    let top = |zh: &str, en: &str| Problem {
        entry: None,
        field: None,
        zh: zh.to_owned(),
        en: en.to_owned(),
    };
    let Value::Object(root) = value else {
        return Err(into_error(
            vec![top(
                "依据库文件的顶层应为对象 {\"format\": \"gongkai-laws\", \"format_version\": 1, \"entries\": […]}",
                "a registry file is an object {\"format\": \"gongkai-laws\", \"format_version\": 1, \"entries\": […]}",
            )],
            lang,
        ));
    };
    match root.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        _ => problems.push(top(
            "format 应为 \"gongkai-laws\"（这不是依据库文件？）",
            "format must be \"gongkai-laws\" (is this a registry file?)",
        )),
    }
    match root.get("format_version").and_then(Value::as_u64) {
        Some(1) => {}
        _ => problems.push(top(
            "format_version 应为 1（本版本只支持格式 1）",
            "format_version must be 1 (the only format this version reads)",
        )),
    }
    for k in root.keys() {
        if !matches!(
            k.as_str(),
            "format" | "format_version" | "description" | "entries"
        ) {
            problems.push(Problem {
                entry: None,
                field: Some(k.clone()),
                zh: "未知字段；顶层只允许 format、format_version、description、entries".into(),
                en: "unknown key; the top level has format, format_version, description, entries"
                    .into(),
            });
        }
    }
    let entries = match root.get("entries") {
        Some(Value::Array(a)) => a.as_slice(),
        _ => {
            problems.push(top(
                "缺少 entries 数组（每个元素是一件依据）",
                "entries is missing or not an array (one object per instrument)",
            ));
            &[]
        }
    };
    let mut laws = Vec::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        if let Some(law) = parse_entry(i + 1, e, &mut problems) {
            laws.push(law);
        }
    }
    // Duplicate names inside the file.
    let mut seen: HashMap<String, (usize, String)> = HashMap::new();
    for (i, law) in laws.iter().enumerate() {
        let mut own = std::collections::HashSet::new();
        for name in std::iter::once(&law.title).chain(&law.short_names) {
            let key = normalize_title(name);
            if key.is_empty() || !own.insert(key.clone()) {
                continue;
            }
            if let Some((j, other)) = seen.get(&key) {
                problems.push(Problem {
                    entry: Some((i + 1, Some(law.title.clone()))),
                    field: Some(if *name == law.title {
                        "title".into()
                    } else {
                        "short_names".into()
                    }),
                    zh: format!(
                        "名称“{name}”与第 {} 条（{other}）重复；每个名称只能指向一件依据",
                        j + 1
                    ),
                    en: format!(
                        "the name “{name}” is also used by entry {} ({other}); a name may name one instrument only",
                        j + 1
                    ),
                });
            } else {
                seen.insert(key, (i, law.title.clone()));
            }
        }
    }
    if problems.is_empty() {
        Ok(laws)
    } else {
        Err(into_error(problems, lang))
    }
}

fn parse_entry(n: usize, e: &Value, problems: &mut Vec<Problem>) -> Option<Law> {
    let Value::Object(m) = e else {
        problems.push(Problem {
            entry: Some((n, None)),
            field: None,
            zh: "应为对象 {\"title\": …, \"kind\": …}".into(),
            en: "must be an object {\"title\": …, \"kind\": …}".into(),
        });
        return None;
    };
    let title = m
        .get("title")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned);
    let start = problems.len();
    let mut p = |field: &str, zh: String, en: String| {
        problems.push(Problem {
            entry: Some((n, title.clone())),
            field: Some(field.to_owned()),
            zh,
            en,
        });
    };
    if title.is_none() {
        p(
            "title",
            "缺少名称（非空字符串，不含书名号）".into(),
            "title is missing (a non-empty string, without 《》)".into(),
        );
    }
    for k in m.keys() {
        if !ENTRY_KEYS.contains(&k.as_str()) {
            p(
                k,
                format!("未知字段；可用字段：{}", ENTRY_KEYS.join("、")),
                format!("unknown key; the keys are {}", ENTRY_KEYS.join(", ")),
            );
        }
    }
    let kind = match m.get("kind") {
        Some(Value::String(s)) => match parse_kind(s) {
            Some(k) => Some(k),
            None => {
                p(
                    "kind",
                    format!("类别“{s}”无效；可用：{}", kind_list(Lang::Zh)),
                    format!("unknown kind “{s}”; use one of {}", kind_list(Lang::En)),
                );
                None
            }
        },
        _ => {
            p(
                "kind",
                format!("缺少类别；可用：{}", kind_list(Lang::Zh)),
                format!("kind is missing; use one of {}", kind_list(Lang::En)),
            );
            None
        }
    };
    let mut string = |field: &str| -> Option<String> {
        match m.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Some(_) => {
                p(
                    field,
                    "应为非空字符串".into(),
                    "must be a non-empty string".into(),
                );
                None
            }
        }
    };
    let issuer = string("issuer");
    let replaced_by = string("replaced_by");
    let repeal_source = string("repeal_source");
    let repealed_on = string("repealed_on");
    let mut strings = |field: &str| -> Vec<String> {
        match m.get(field) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(a)) => a
                .iter()
                .enumerate()
                .filter_map(|(j, v)| match v.as_str().map(str::trim) {
                    Some(s) if !s.is_empty() => Some(s.to_owned()),
                    _ => {
                        p(
                            &format!("{field}[{j}]"),
                            "应为非空字符串".into(),
                            "must be a non-empty string".into(),
                        );
                        None
                    }
                })
                .collect(),
            Some(_) => {
                p(
                    field,
                    "应为字符串数组".into(),
                    "must be an array of strings".into(),
                );
                Vec::new()
            }
        }
    };
    let short_names = strings("short_names");
    let sources = strings("sources");
    let status = match m.get("status").and_then(Value::as_str) {
        None if m.get("status").is_none() => LawStatus::InForce,
        Some("in_force") => LawStatus::InForce,
        Some("repealed") => LawStatus::Repealed,
        _ => {
            p(
                "status",
                "效力状态应为 in_force（现行有效）或 repealed（已废止）".into(),
                "status must be in_force or repealed".into(),
            );
            LawStatus::InForce
        }
    };
    if let Some(d) = &repealed_on {
        if crate::parse_date(d).is_none() {
            p(
                "repealed_on",
                format!("日期“{d}”无效，应为 YYYY-MM-DD，如 2011-01-21"),
                format!("“{d}” is not a date; write YYYY-MM-DD, e.g. 2011-01-21"),
            );
        }
    }
    if status == LawStatus::InForce && (repealed_on.is_some() || replaced_by.is_some()) {
        p(
            "status",
            "写了废止日期或取代文件，但效力状态不是 repealed".into(),
            "repealed_on or replaced_by is given but status is not repealed".into(),
        );
    }
    let versions = match m.get("versions") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a
            .iter()
            .enumerate()
            .filter_map(|(j, v)| parse_version(n, title.as_deref(), j, v, problems))
            .collect(),
        Some(_) => {
            problems.push(Problem {
                entry: Some((n, title.clone())),
                field: Some("versions".into()),
                zh: "应为数组".into(),
                en: "must be an array".into(),
            });
            Vec::new()
        }
    };
    if problems.len() > start {
        return None;
    }
    Some(Law {
        title: title?,
        short_names,
        kind: kind?,
        issuer,
        versions,
        status,
        repealed_on,
        replaced_by,
        repeal_source,
        sources,
    })
}

fn parse_version(
    n: usize,
    title: Option<&str>,
    j: usize,
    v: &Value,
    problems: &mut Vec<Problem>,
) -> Option<LawVersion> {
    let start = problems.len();
    let mut p = |field: &str, zh: String, en: String| {
        problems.push(Problem {
            entry: Some((n, title.map(str::to_owned))),
            field: Some(if field.is_empty() {
                format!("versions[{j}]")
            } else {
                format!("versions[{j}].{field}")
            }),
            zh,
            en,
        });
    };
    let Value::Object(m) = v else {
        p("", "应为对象".into(), "must be an object".into());
        return None;
    };
    for k in m.keys() {
        if !VERSION_KEYS.contains(&k.as_str()) {
            p(
                k,
                format!("未知字段；可用字段：{}", VERSION_KEYS.join("、")),
                format!("unknown key; the keys are {}", VERSION_KEYS.join(", ")),
            );
        }
    }
    let mut get = |field: &str| -> Option<String> {
        match m.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Some(_) => {
                p(
                    field,
                    "应为非空字符串".into(),
                    "must be a non-empty string".into(),
                );
                None
            }
        }
    };
    let change = get("change");
    let doc_no = get("doc_no");
    let promulgated = get("promulgated");
    let in_force = get("in_force");
    let by = get("by");
    let note = get("note");
    let source = get("source");
    let change = match change.as_deref() {
        None => None,
        Some("original") => Some(VersionChange::Original),
        Some("revision") => Some(VersionChange::Revision),
        Some("amendment") => Some(VersionChange::Amendment),
        Some(other) => {
            p(
                "change",
                format!(
                    "版本类型“{other}”无效；可用 original（原文）、revision（修订）、amendment（修正）"
                ),
                format!("unknown change “{other}”; use original, revision or amendment"),
            );
            None
        }
    };
    for (field, d) in [("promulgated", &promulgated), ("in_force", &in_force)] {
        if let Some(d) = d {
            if crate::parse_date(d).is_none() {
                p(
                    field,
                    format!("日期“{d}”无效，应为 YYYY-MM-DD，如 2019-05-15"),
                    format!("“{d}” is not a date; write YYYY-MM-DD, e.g. 2019-05-15"),
                );
            }
        }
    }
    if let (Some(a), Some(b)) = (
        promulgated.as_deref().and_then(crate::parse_date),
        in_force.as_deref().and_then(crate::parse_date),
    ) {
        if b < a {
            p(
                "in_force",
                format!("施行日期 {b} 早于公布日期 {a}"),
                format!("in force {b} before promulgation {a}"),
            );
        }
    }
    if problems.len() > start {
        return None;
    }
    Some(LawVersion {
        change,
        doc_no,
        promulgated,
        in_force,
        by,
        note,
        source,
    })
}

fn parse_kind(s: &str) -> Option<CitationKind> {
    CitationKind::from_code(s).or_else(|| CitationKind::ALL.iter().copied().find(|k| k.zh() == s))
}

fn kind_list(lang: Lang) -> String {
    CitationKind::ALL
        .iter()
        .map(|k| match lang {
            Lang::Zh => format!("{}（{}）", k.code(), k.zh()),
            Lang::En => format!("{} ({})", k.code(), k.en()),
        })
        .collect::<Vec<_>>()
        .join(match lang {
            Lang::Zh => "、",
            Lang::En => ", ",
        })
}

/// Merges user entries over the embedded ones and checks the replacements.
fn build(user: Vec<Law>, embedded: Vec<Law>, lang: Lang) -> Result<Registry, crate::Error> {
    let user_titles: std::collections::HashSet<String> =
        user.iter().map(|l| normalize_title(&l.title)).collect();
    let n_user = user.len();
    let mut laws = user;
    laws.extend(
        embedded
            .into_iter()
            .filter(|l| !user_titles.contains(&normalize_title(&l.title))),
    );
    let reg = Registry::from_parts(laws, n_user);
    let mut problems = Vec::new();
    // A user file: its own entries are checked (an embedded entry never points at a user one).
    // The embedded file on its own: every entry.
    let checked = if n_user > 0 { n_user } else { reg.laws.len() };
    for (i, law) in reg.laws.iter().enumerate().take(checked) {
        let Some(target) = &law.replaced_by else {
            continue;
        };
        let entry = Some((i + 1, Some(law.title.clone())));
        let problem = match reg.index_of(target) {
            None => Some((
                format!("取代文件“{target}”不在依据库中；请先为它写一个条目，或删去 replaced_by"),
                format!(
                    "the replacement “{target}” is not in the registry; add an entry for it or remove replaced_by"
                ),
            )),
            Some(j) if j == i => Some((
                "取代文件指向本条自身".to_owned(),
                "the entry is replaced by itself".to_owned(),
            )),
            Some(_) => cycle_from(&reg, i).map(|cycle| {
                (
                    format!("取代关系成环：{}", cycle.join(" → ")),
                    format!("the replacements form a cycle: {}", cycle.join(" → ")),
                )
            }),
        };
        if let Some((zh, en)) = problem {
            problems.push(Problem {
                entry,
                field: Some("replaced_by".into()),
                zh,
                en,
            });
        }
    }
    if problems.is_empty() {
        Ok(reg)
    } else {
        Err(into_error(problems, lang))
    }
}

/// The titles of the cycle of replacements that entry `start` is on, if it is on one.
fn cycle_from(reg: &Registry, start: usize) -> Option<Vec<String>> {
    let mut path = vec![start];
    let mut at = start;
    loop {
        let next = reg
            .laws
            .get(at)?
            .replaced_by
            .as_deref()
            .and_then(|t| reg.index_of(t))?;
        if next == start {
            let mut titles: Vec<String> = path
                .iter()
                .filter_map(|i| reg.laws.get(*i).map(|l| l.title.clone()))
                .collect();
            titles.push(reg.laws.get(start)?.title.clone());
            return Some(titles);
        }
        if path.contains(&next) || path.len() > reg.laws.len() {
            return None; // A cycle further on, reported for its own entries.
        }
        path.push(next);
        at = next;
    }
}

/// Counts of the embedded registry by kind and status (for documentation and tests).
pub fn summary(reg: &Registry) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for l in reg.laws() {
        *out.entry(l.kind.code().to_owned()).or_insert(0) += 1;
        if l.status == LawStatus::Repealed {
            *out.entry("repealed".to_owned()).or_insert(0) += 1;
        }
    }
    out
}

/// A JSON object of one instrument, for the bindings.
pub fn law_to_value(law: &Law) -> Value {
    serde_json::to_value(law).unwrap_or(Value::Object(Map::new()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn titles_normalise() {
        for (a, b) in [
            ("《中华人民共和国政府信息公开条例》", "政府信息公开条例"),
            ("中華人民共和國政府信息公開條例", "政府信息公开条例"),
            ("城镇燃气管理 条例", "城镇燃气管理条例"),
            ("城镇燃气管理\n条例", "城镇燃气管理条例"),
            (
                "中华人民共和国政府信息公开条例（国务院令第711号）",
                "政府信息公开条例",
            ),
            ("城市供水条例(2020年修订)。", "城市供水条例"),
            ("ＡＢＣ条例", "ABC条例"),
            ("中华人民共和国", "中华人民共和国"),
        ] {
            assert_eq!(normalize_title(a), b, "{a}");
        }
        // A note that is not a number or a revision stays.
        assert_eq!(normalize_title("办法（试点）"), "办法(试点)");
    }

    #[test]
    fn doc_numbers() {
        let n = |s: &str| -> Vec<u32> {
            doc_keys(s)
                .into_iter()
                .map(|k| match k {
                    DocKey::Decree { number, .. } | DocKey::Bracket { number, .. } => number,
                })
                .collect()
        };
        assert_eq!(n("国务院令第492号"), [492]);
        assert_eq!(n("国务院第492号令"), [492]);
        assert_eq!(n("国务院令第四百九十二号"), [492]);
        assert_eq!(n("國務院令第711號"), [711]);
        assert_eq!(n("中华人民共和国主席令第41号"), [41]);
        assert_eq!(n("建办厅〔2019〕71号"), [71]);
        assert_eq!(n("国人口发(2007)78号"), [78]);
        assert_eq!(
            n("住房和城乡建设部令第21号、住房和城乡建设部令第56号"),
            [21, 56]
        );
        assert_eq!(n("第七章"), Vec::<u32>::new());
        assert_eq!(chinese_number(&['十', '二']), Some(12));
        assert_eq!(chinese_number(&['七', '百', '一', '十', '一']), Some(711));
        assert_eq!(chinese_number(&['一', '〇', '二']), Some(102));
        let k = doc_keys("建办厅〔2019〕71号");
        assert_eq!(
            k,
            [DocKey::Bracket {
                prefix: "建办厅".into(),
                year: 2019,
                number: 71
            }]
        );
        let k = doc_keys("中华人民共和国国务院令第711号");
        assert_eq!(
            k,
            [DocKey::Decree {
                org: "国务院".into(),
                number: 711
            }]
        );
    }

    #[test]
    fn embedded_registry_is_sound() {
        let reg = parse_file(EMBEDDED, Lang::Zh).and_then(|e| build(Vec::new(), e, Lang::Zh));
        let reg = reg.unwrap();
        assert!(reg.laws().len() >= 60, "{}", reg.laws().len());
        assert_eq!(Registry::embedded().laws().len(), reg.laws().len());
    }
}
