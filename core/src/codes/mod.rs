//! The registry of every code any command can emit: validation rules, the importer's findings,
//! diff and consistency findings, audit problems and the reasons a deadline cannot be computed.
//!
//! Each code is declared once, in the file of its family, as a typed constant ([`Code`]): a typo
//! at a push site does not compile. A declaration gives the code's family, severity, legal or
//! policy source, Chinese and English message templates and whether the published JSON Schema
//! alone decides it (`structural`). [`Code::from_code`] looks a code up by its text in O(1);
//! [`all`] lists every code in a stable order (the order of `gongkai rules` and `docs/rules.md`).
//!
//! This module is at the bottom of the core, with the [`Severity`] and [`Lang`] of its
//! declarations, and depends on nothing above it (only the error type, for the messages of its parsers):
//! rules, import, diff, audit, deadline and site all use it without depending on each other.
//!
//! Adding a code: add an entry to the family's `define_codes!` block (the constant's name is the
//! code's last part in capitals), push it where it applies, add a fixture that triggers it and a
//! near miss that must not (`tests/cases/`), and regenerate `docs/rules.md`
//! (`GONGKAI_UPDATE_DOCS=1 cargo test -p gongkai --test fixtures`).

pub use crate::lang::Lang;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Declares the codes of one family: `NAME = "family.name" { severity: …, title: …, source: …,
/// message_zh: …, message_en: … }`, optionally `structural: true`. Generates one constant of type
/// [`Code`] per entry and `ALL`, the family's codes in declaration order.
macro_rules! define_codes {
    (family: $family:ident; $( $(#[$doc:meta])* $name:ident = $code:literal { $($field:ident : $value:expr),* $(,)? } )* ) => {
        $(
            $(#[$doc])*
            #[doc = concat!("`", $code, "`")]
            pub const $name: $crate::codes::Code = $crate::codes::Code(&$crate::codes::CodeDef {
                $($field: $value,)*
                ..$crate::codes::CodeDef::base($code, $crate::codes::Family::$family, file!())
            });
        )*
        /// Every code of this family, in declaration order.
        pub const ALL: &[$crate::codes::Code] = &[$($name),*];
    };
}

pub mod basis;
pub mod calendar;
pub mod catalogue;
pub mod changes;
pub mod channels;
pub mod deadline;
pub mod diff;
pub mod evaluate;
pub mod import;
pub mod items;
pub mod records;
pub mod report;
pub mod schema;
pub mod site;
pub mod subject;
pub mod time;

/// A family of codes: what part of the work found the problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// 结构: what the published JSON Schema decides, duplicate and unknown keys.
    Structure,
    /// 目录: the catalogue's header (domain, dates, region, publisher).
    Catalogue,
    /// 事项: items as a whole (names, ids, methods, audiences, text).
    Items,
    /// 时限: the 公开时限.
    Time,
    /// 渠道: the 公开渠道和载体.
    Channels,
    /// 依据: the 公开依据.
    Basis,
    /// 主体与层级: the 公开主体 and the 公开层级.
    Subject,
    /// 表格导入: what the importer noticed in a table.
    Import,
    /// 对照检查: the diff against the upper-level standard and the consistency check.
    Diff,
    /// 公开记录: the publication records of a timeliness audit.
    Records,
    /// 截止日期: why a time limit has no computable deadline.
    Deadline,
    /// 专题网站: what the site generator could not publish.
    Site,
    /// 监督评价: what the evaluation across units found (unreadable units, manifests, timeliness).
    Evaluate,
    /// 节假日安排: provisional years and the problems of a holiday file.
    Calendar,
    /// 修订对比: what changed between two versions of a catalogue (`gongkai changes`).
    Changes,
    /// 报告: what a report left out to stay bounded.
    Report,
}

impl Family {
    /// Every family, in the order of the rules reference.
    pub const ALL: &[Family] = &[
        Family::Structure,
        Family::Catalogue,
        Family::Items,
        Family::Time,
        Family::Channels,
        Family::Basis,
        Family::Subject,
        Family::Import,
        Family::Diff,
        Family::Records,
        Family::Deadline,
        Family::Site,
        Family::Evaluate,
        Family::Calendar,
        Family::Changes,
        Family::Report,
    ];

    /// The stable code (`structure`, `time`, …).
    pub const fn code(self) -> &'static str {
        match self {
            Family::Structure => "structure",
            Family::Catalogue => "catalogue",
            Family::Items => "items",
            Family::Time => "time",
            Family::Channels => "channels",
            Family::Basis => "basis",
            Family::Subject => "subject",
            Family::Import => "import",
            Family::Diff => "diff",
            Family::Records => "records",
            Family::Deadline => "deadline",
            Family::Site => "site",
            Family::Evaluate => "evaluate",
            Family::Calendar => "calendar",
            Family::Changes => "changes",
            Family::Report => "report",
        }
    }

    /// The Chinese name.
    pub const fn zh(self) -> &'static str {
        match self {
            Family::Structure => "结构",
            Family::Catalogue => "目录",
            Family::Items => "事项",
            Family::Time => "时限",
            Family::Channels => "渠道",
            Family::Basis => "依据",
            Family::Subject => "主体与层级",
            Family::Import => "表格导入",
            Family::Diff => "对照检查",
            Family::Records => "公开记录",
            Family::Deadline => "截止日期",
            Family::Site => "专题网站",
            Family::Evaluate => "监督评价",
            Family::Calendar => "节假日安排",
            Family::Changes => "修订对比",
            Family::Report => "报告",
        }
    }

    /// The English name.
    pub const fn en(self) -> &'static str {
        match self {
            Family::Structure => "structure",
            Family::Catalogue => "catalogue",
            Family::Items => "items",
            Family::Time => "time limits",
            Family::Channels => "channels",
            Family::Basis => "legal basis",
            Family::Subject => "subject and levels",
            Family::Import => "table import",
            Family::Diff => "comparison",
            Family::Records => "publication records",
            Family::Deadline => "deadlines",
            Family::Site => "portal site",
            Family::Evaluate => "evaluation",
            Family::Calendar => "holiday calendar",
            Family::Changes => "changes between versions",
            Family::Report => "report",
        }
    }

    /// The name in `lang`.
    pub const fn name(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en(),
        }
    }
}

/// The declaration of one code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CodeDef {
    /// Stable code, `family.name` (the part before the dot is not always the family's code:
    /// `schema.*`, `json.*` and `model.*` are all [`Family::Structure`]).
    pub code: &'static str,
    /// The family.
    pub family: Family,
    /// Severity of every issue with this code.
    pub severity: Severity,
    /// Whether the published JSON Schema alone decides it (any schema validator finds it).
    pub structural: bool,
    /// Short Chinese title.
    pub title: &'static str,
    /// The legal or policy source, or `gongkai` for our own heuristics.
    pub source: &'static str,
    /// Chinese message template; `{name}` is replaced by the param `name`.
    pub message_zh: &'static str,
    /// English message template.
    pub message_en: &'static str,
    /// The source file that declares it (relative to the crate).
    pub defined_in: &'static str,
}

impl CodeDef {
    /// The fields every declaration starts from (used by `define_codes!`).
    #[doc(hidden)]
    pub const fn base(code: &'static str, family: Family, defined_in: &'static str) -> CodeDef {
        CodeDef {
            code,
            family,
            severity: Severity::Error,
            structural: false,
            title: "",
            source: "",
            message_zh: "",
            message_en: "",
            defined_in,
        }
    }

    /// The message template in `lang`.
    pub const fn template(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.message_zh,
            Lang::En => self.message_en,
        }
    }
}

/// A registered code: a reference to its declaration. Compares, orders, hashes, prints and
/// serialises as its text (`time.unparsed`), and compares equal to that text.
#[derive(Clone, Copy)]
pub struct Code(pub(crate) &'static CodeDef);

impl Code {
    /// The declaration.
    pub const fn def(self) -> &'static CodeDef {
        self.0
    }

    /// The code's text, `family.name`.
    pub const fn as_str(self) -> &'static str {
        self.0.code
    }

    /// The severity.
    pub const fn severity(self) -> Severity {
        self.0.severity
    }

    /// The family.
    pub const fn family(self) -> Family {
        self.0.family
    }

    /// Looks a code up by its text (O(1)).
    pub fn from_code(code: &str) -> Option<Code> {
        static INDEX: OnceLock<HashMap<&'static str, Code, foldhash::fast::FixedState>> =
            OnceLock::new();
        INDEX
            .get_or_init(|| all().map(|c| (c.as_str(), c)).collect())
            .get(code)
            .copied()
    }
}

impl std::fmt::Debug for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::ops::Deref for Code {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Code {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Code {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0) || self.as_str() == other.as_str()
    }
}

impl Eq for Code {}

impl std::hash::Hash for Code {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Code {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Code {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Code> for String {
    fn eq(&self, other: &Code) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Code> for &str {
    fn eq(&self, other: &Code) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Code> for str {
    fn eq(&self, other: &Code) -> bool {
        self == other.as_str()
    }
}

impl std::borrow::Borrow<str> for Code {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Code::from_code(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown code `{s}`")))
    }
}

impl schemars::JsonSchema for Code {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Code".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "稳定的问题代码（见 gongkai rules）",
            "pattern": "^[a-z_]+\\.[a-z_]+$"
        })
    }
}

/// How serious an issue is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 提示: an observation, nothing to fix necessarily.
    Info,
    /// 警告: a likely defect needing human review.
    Warning,
    /// 错误: a legal or template requirement is broken; the catalogue is not valid.
    Error,
}

impl Severity {
    /// The stable code.
    pub const fn code(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The Chinese name.
    pub const fn zh(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }

    /// The name in `lang`.
    pub const fn name(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.code(),
        }
    }

    /// Parses `info`, `warning` or `error` (also 提示, 警告, 错误).
    pub fn from_code(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "info" | "提示" => Some(Severity::Info),
            "warning" | "警告" => Some(Severity::Warning),
            "error" | "错误" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl crate::args::Arg for Severity {
    const EXPECTED: &'static str = "info（提示）、warning（警告）或 error（错误）";
    fn from_text(text: &str) -> Option<Self> {
        Severity::from_code(text)
    }
}

impl std::str::FromStr for Severity {
    type Err = crate::Error;

    /// Parses a severity, or says which values are accepted.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::args::parse("级别", s)
    }
}

/// Every family's codes, in the order of the rules reference.
const FAMILIES: &[&[Code]] = &[
    schema::ALL,
    catalogue::ALL,
    items::ALL,
    time::ALL,
    channels::ALL,
    basis::ALL,
    subject::ALL,
    import::ALL,
    diff::ALL,
    records::ALL,
    deadline::ALL,
    site::ALL,
    evaluate::ALL,
    calendar::ALL,
    changes::ALL,
    report::ALL,
];

/// Every registered code, in a stable order.
pub fn all() -> impl Iterator<Item = Code> {
    FAMILIES.iter().flat_map(|f| f.iter().copied())
}

/// Every code's declaration, in the order of [`all`] (what `gongkai rules` lists).
pub fn defs() -> Vec<&'static CodeDef> {
    all().map(Code::def).collect()
}

/// Looks a code's declaration up by its text (O(1)).
pub fn by_code(code: &str) -> Option<&'static CodeDef> {
    Code::from_code(code).map(Code::def)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_well_formed_and_complete() {
        let mut seen = std::collections::BTreeSet::new();
        for c in all() {
            let d = c.def();
            assert!(seen.insert(d.code), "duplicate code {}", d.code);
            assert!(
                d.code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.'),
                "bad code {}",
                d.code
            );
            assert_eq!(
                d.code.matches('.').count(),
                1,
                "code without family: {}",
                d.code
            );
            assert!(!d.title.is_empty(), "{} has no title", d.code);
            assert!(!d.source.is_empty(), "{} has no source", d.code);
            assert!(!d.message_zh.is_empty() && !d.message_en.is_empty());
            assert!(d.defined_in.ends_with(".rs"), "{}", d.defined_in);
            assert_eq!(Code::from_code(d.code), Some(c));
        }
        assert_eq!(Code::from_code("time.no_such_rule"), None);
        // Every family has codes, and the family order lists each once.
        for f in Family::ALL {
            assert!(all().any(|c| c.family() == *f), "{f:?} has no code");
        }
    }

    #[test]
    fn a_code_compares_and_serialises_as_its_text() {
        let c = time::UNPARSED;
        assert_eq!(c, "time.unparsed");
        assert_eq!(c.to_string(), "time.unparsed");
        assert_eq!(
            serde_json::to_string(&c).ok().as_deref(),
            Some("\"time.unparsed\"")
        );
        let back: Code = serde_json::from_str("\"time.unparsed\"").unwrap_or(schema::INVALID);
        assert_eq!(back, c);
        assert!(serde_json::from_str::<Code>("\"time.nope\"").is_err());
        assert!(c.starts_with("time."));
    }
}
