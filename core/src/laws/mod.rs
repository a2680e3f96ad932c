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

mod file;
mod names;

use file::*;
pub use names::normalize_title;
use names::*;

use crate::Lang;
use crate::model::CitationKind;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, OnceLock};

/// The embedded registry file.
const EMBEDDED: &str = include_str!("../../laws/registry.json");

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

/// `{ "law": …, "version": … | null }`: the instrument and the version the citation names.
impl Serialize for Match<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut m = s.serialize_struct("Match", 2)?;
        m.serialize_field("law", self.law)?;
        m.serialize_field("version", &self.version())?;
        m.end()
    }
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

    /// [`Registry::with_json_lang`] of a file's bytes (how every caller reads a registry file):
    /// bytes that are not UTF-8 are an [`crate::Error::Laws`] naming the first bad byte.
    pub fn with_json_bytes(bytes: &[u8], lang: Lang) -> Result<Registry, crate::Error> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let at = e.valid_up_to() + 1;
            crate::Error::Laws(match lang {
                Lang::Zh => format!("文件不是 UTF-8 编码（第 {at} 个字节起）；请另存为 UTF-8"),
                Lang::En => format!("the file is not UTF-8 (from byte {at}); save it as UTF-8"),
            })
        })?;
        Registry::with_json_lang(text, lang)
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
        let (i, version) = self.citation_index(title, doc_no, text)?;
        Some(Match {
            law: self.laws.get(i)?,
            version,
        })
    }

    /// [`Registry::lookup_citation`] as the instrument's index in [`Registry::laws`] and the
    /// version's (what the rules remember between rows).
    pub(crate) fn citation_index(
        &self,
        title: &str,
        doc_no: Option<&str>,
        text: Option<&str>,
    ) -> Option<(usize, Option<usize>)> {
        let i = self.index_of(title)?;
        let versions = self.keys.get(i)?;
        if versions.iter().all(Vec::is_empty) {
            return Some((i, None));
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
        Some((i, version))
    }

    /// What the bindings' `lookup_law` answers: the instrument a citation names, by its title
    /// and `doc_no` ([`Registry::lookup_citation`]), else by `doc_no` alone
    /// ([`Registry::lookup_doc_no`]).
    pub fn find(&self, title: &str, doc_no: Option<&str>) -> Option<Match<'_>> {
        self.lookup_citation(title, doc_no, None)
            .or_else(|| doc_no.and_then(|d| self.lookup_doc_no(d)))
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
