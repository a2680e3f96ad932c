//! The rule engine: every rule has a stable code, a severity, a legal or policy source and a
//! message template in Chinese and English.
//!
//! Rules come in families, one file each. A family exports `DEFS` (its rule definitions) and
//! functions that read the catalogue and push issues through [`Ctx`]: the header rules run once,
//! the item rules run in a single pass over the items, each item's cells scanned once for
//! keywords (the facts every family reads). One pass matters: a large catalogue does not fit in
//! the CPU caches, so every extra pass over the items costs as much as the rules themselves.
//! Messages are rendered once, at the end, from the template of the code and the issue's params.
//!
//! Rules are total: they never panic, whatever the content (the explaining path runs them on
//! the items of a structurally invalid document, with empty vectors and out-of-range numbers),
//! and they leave to the schema what the schema reports (an empty string is `schema.empty`;
//! white space only is `items.blank_text`).

use crate::model::{Catalogue, Item};
use crate::report::{Issue, Lang, Severity, SourceMap};
use std::collections::BTreeMap;

pub mod basis;
pub mod catalogue;
pub mod channels;
pub mod import;
pub mod items;
pub mod laws;
mod lexicon;
pub mod structure;
pub mod subject;
pub mod time;

/// The definition of one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct RuleDef {
    /// Stable code, `family.name`.
    pub code: &'static str,
    /// Severity of every issue with this code.
    pub severity: Severity,
    /// Short Chinese title of the rule.
    pub title: &'static str,
    /// The legal or policy source, or `gongkai` for our own heuristics.
    pub source: &'static str,
    /// Chinese message template; `{name}` is replaced by the issue's param `name`.
    pub message_zh: &'static str,
    /// English message template.
    pub message_en: &'static str,
}

/// Every rule of every family, in a stable order.
pub fn all() -> Vec<&'static RuleDef> {
    let families: &[&[RuleDef]] = &[
        structure::DEFS,
        catalogue::DEFS,
        items::DEFS,
        time::DEFS,
        channels::DEFS,
        basis::DEFS,
        laws::DEFS,
        subject::DEFS,
        import::DEFS,
        crate::diff::DEFS,
    ];
    families.iter().flat_map(|f| f.iter()).collect()
}

/// Looks a rule up by code.
pub fn by_code(code: &str) -> Option<&'static RuleDef> {
    all().into_iter().find(|r| r.code == code)
}

/// Runs every semantic rule family over a catalogue.
pub(crate) fn run_all(cat: &Catalogue<'_>, ctx: &mut Ctx) {
    structure::check(cat, ctx);
    catalogue::check_header(cat, ctx);
    let env = Env {
        header_ok: ctx.header_ok(),
        level: cat.level,
        as_of: laws::as_of(cat, ctx.header_ok()),
        county: subject::county(cat, ctx.header_ok()),
    };
    let user_laws = ctx.laws.clone();
    let registry = user_laws
        .as_deref()
        .unwrap_or_else(|| crate::laws::Registry::embedded());
    let mut scanner = lexicon::Scanner::default();
    let mut seen = items::Seen::with_capacity(cat.items.len());
    for (i, item) in cat.items.iter().enumerate() {
        let f = scanner.item(item);
        items::check_item(i, item, &f, &mut seen, ctx);
        time::check_item(i, item, &f, ctx);
        channels::check_item(i, item, ctx);
        basis::check_item(i, item, &f, ctx);
        laws::check_item(i, item, &f, registry, &env, ctx);
        subject::check_item(i, item, &f, &env, ctx);
        catalogue::check_item(i, item, &env, ctx);
    }
}

/// What the item rules know of the catalogue's header.
pub(crate) struct Env<'c> {
    /// Whether the header was read in full (otherwise `level` is a placeholder).
    pub header_ok: bool,
    /// The catalogue's level.
    pub level: crate::model::Level,
    /// The date citations are judged at (the catalogue's date).
    pub as_of: laws::AsOf,
    /// The county of the region, when given.
    pub county: Option<&'c str>,
}

/// An issue before rendering: a rule code, where, and the values for its message template.
/// Importers return findings too (unparsed cells, ambiguous glyphs, 同上 resolved), so that
/// they reach the report with the same rendering and locations as the rules' issues.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule code (must be defined in a family's `DEFS`).
    pub code: &'static str,
    /// JSON Pointer into the catalogue.
    pub path: String,
    /// The item's `id`, when about one item.
    pub item_id: Option<String>,
    /// Template values.
    pub params: BTreeMap<String, String>,
}

impl Finding {
    /// A finding with params given as pairs.
    pub fn new(
        code: &'static str,
        path: impl Into<String>,
        item_id: Option<&str>,
        params: &[(&str, String)],
    ) -> Self {
        Finding {
            code,
            path: path.into(),
            item_id: item_id.map(str::to_owned),
            params: params
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        }
    }
}

impl Finding {
    /// Gives the finding an explicit cell location (for findings about a table's structure,
    /// such as a header or a skipped row, that no value of the catalogue stands for). The
    /// location travels in the params `loc_sheet`, `loc_row`, `loc_column`, `loc_header`, which
    /// the report's `finish` step turns back into the issue's `location`.
    pub fn at(mut self, loc: &crate::report::Location) -> Self {
        if let Some(s) = &loc.sheet {
            self.params.insert("loc_sheet".into(), s.clone());
        }
        self.params.insert("loc_row".into(), loc.row.to_string());
        if let Some(c) = &loc.column {
            self.params.insert("loc_column".into(), c.clone());
        }
        if let Some(h) = &loc.header {
            self.params.insert("loc_header".into(), h.clone());
        }
        self
    }
}

/// Takes an explicit location out of a finding's params (see [`Finding::at`]).
fn take_location(params: &mut BTreeMap<String, String>) -> Option<crate::report::Location> {
    let row = params.remove("loc_row")?.parse().ok()?;
    Some(crate::report::Location {
        sheet: params.remove("loc_sheet"),
        row,
        column: params.remove("loc_column"),
        header: params.remove("loc_header"),
    })
}

/// What a rule sees besides the catalogue, and where it reports.
pub struct Ctx {
    issues: Vec<Finding>,
    /// Original index of each item in `cat.items` (the explaining path validates only the items
    /// that could be read, so `cat.items[i]` may be item `item_index[i]` of the document).
    item_index: Option<Vec<usize>>,
    header_ok: bool,
    /// Today's date, when the caller passed one (rules never read the system clock).
    pub today: Option<chrono::NaiveDate>,
    /// The registry of instruments, when not the embedded one.
    laws: Option<std::sync::Arc<crate::laws::Registry>>,
}

impl Ctx {
    pub(crate) fn new(today: Option<chrono::NaiveDate>) -> Self {
        Ctx {
            issues: Vec::new(),
            item_index: None,
            header_ok: true,
            today,
            laws: None,
        }
    }

    pub(crate) fn partial(
        item_index: Vec<usize>,
        header_ok: bool,
        today: Option<chrono::NaiveDate>,
    ) -> Self {
        Ctx {
            issues: Vec::new(),
            item_index: Some(item_index),
            header_ok,
            today,
            laws: None,
        }
    }

    /// Uses this registry of instruments instead of the embedded one.
    pub(crate) fn with_laws(mut self, laws: Option<std::sync::Arc<crate::laws::Registry>>) -> Self {
        self.laws = laws;
        self
    }

    /// Whether the catalogue's header (everything but `items`) was read in full. Catalogue-level
    /// rules must not run on a header that was filled with placeholders.
    pub fn header_ok(&self) -> bool {
        self.header_ok
    }

    /// Whether every item of the document is present in the catalogue the rules see. Rules that
    /// compare items with each other should still run; rules that count items should check this.
    pub fn all_items_present(&self) -> bool {
        self.item_index.is_none()
    }

    /// The JSON Pointer of item `i` of the catalogue as the rules see it.
    pub fn item_path(&self, i: usize) -> String {
        let n = self
            .item_index
            .as_ref()
            .and_then(|v| v.get(i).copied())
            .unwrap_or(i);
        format!("/items/{n}")
    }

    /// The 1-based number of item `i` in the document (for messages such as “与第3项重复”).
    pub fn item_number(&self, i: usize) -> usize {
        self.item_index
            .as_ref()
            .and_then(|v| v.get(i).copied())
            .unwrap_or(i)
            + 1
    }

    /// Pushes an issue about the whole document (or a header field).
    pub fn push(&mut self, code: &'static str, path: impl Into<String>, params: &[(&str, String)]) {
        self.issues.push(Finding {
            code,
            path: path.into(),
            item_id: None,
            params: params
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        });
    }

    /// Pushes an issue about item `i`; `field` is the rest of the pointer (`"/time_limit"`, or `""`).
    pub fn push_item(
        &mut self,
        code: &'static str,
        i: usize,
        item: &Item<'_>,
        field: &str,
        params: &[(&str, String)],
    ) {
        let mut params: BTreeMap<String, String> = params
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect();
        params
            .entry("item".into())
            .or_insert_with(|| item.name.to_string());
        let path = format!("{}{field}", self.item_path(i));
        self.issues.push(Finding {
            code,
            path,
            item_id: Some(item.id.to_string()),
            params,
        });
    }

    /// Pushes a fully built finding.
    pub fn push_raw(&mut self, raw: Finding) {
        self.issues.push(raw);
    }

    pub(crate) fn into_issues(self) -> Vec<Finding> {
        self.issues
    }
}

/// Renders a template: `{name}` → the param (escaped for display: control characters dropped,
/// bounded length), unknown names left as they are.
pub fn render(template: &str, params: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end)
                if after[..end]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_') =>
            {
                let name = &after[..end];
                match params.get(name) {
                    Some(v) => out.push_str(&crate::error::excerpt(v, 300)),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Turns raw issues into rendered issues: severity and message from the rule table, location
/// from the source map; filters by the minimum severity.
pub(crate) fn finish(
    raw: Vec<Finding>,
    lang: Lang,
    min_severity: Severity,
    sources: Option<&SourceMap>,
) -> Vec<Issue> {
    let mut out = Vec::with_capacity(raw.len());
    for mut r in raw {
        let Some(def) = by_code_fast(r.code) else {
            debug_assert!(false, "rule code without definition: {}", r.code);
            continue;
        };
        if def.severity < min_severity {
            continue;
        }
        let template = match lang {
            Lang::Zh => def.message_zh,
            Lang::En => def.message_en,
        };
        let message = render(template, &r.params);
        let explicit = take_location(&mut r.params);
        let location = explicit.or_else(|| sources.and_then(|s| s.lookup(&r.path)));
        out.push(Issue {
            code: r.code.to_owned(),
            severity: def.severity,
            path: r.path,
            item_id: r.item_id,
            message,
            location,
            params: r.params,
        });
    }
    out
}

fn by_code_fast(code: &str) -> Option<&'static RuleDef> {
    use std::sync::OnceLock;
    static INDEX: OnceLock<BTreeMap<&'static str, &'static RuleDef>> = OnceLock::new();
    INDEX
        .get_or_init(|| all().into_iter().map(|r| (r.code, r)).collect())
        .get(code)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = std::collections::BTreeSet::new();
        for r in all() {
            assert!(seen.insert(r.code), "duplicate code {}", r.code);
            assert!(
                r.code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.'),
                "bad code {}",
                r.code
            );
            assert!(r.code.contains('.'), "code without family: {}", r.code);
            assert!(!r.message_zh.is_empty() && !r.message_en.is_empty());
        }
    }

    #[test]
    fn render_fills_params() {
        let mut p = BTreeMap::new();
        p.insert("field".to_owned(), "公开时限".to_owned());
        assert_eq!(render("缺少{field}，{x}", &p), "缺少公开时限，{x}");
        assert_eq!(render("a{b", &p), "a{b");
    }
}
