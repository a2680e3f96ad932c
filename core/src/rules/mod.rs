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

use crate::codes::Code;
use crate::issue::Finding;
use crate::model::{Catalogue, Item};

pub mod basis;
pub mod catalogue;
pub mod channels;
pub mod items;
pub mod laws;
mod lexicon;
pub(crate) use lexicon::Scanner;
pub mod structure;
pub mod subject;
pub mod time;

/// Runs every semantic rule family over a catalogue.
pub(crate) fn run_all(cat: &Catalogue<'_>, ctx: &mut Ctx) {
    let mut pass = Pass::start(cat, ctx, cat.items.len());
    let mut scanner = lexicon::Scanner::default();
    for (i, item) in cat.items.iter().enumerate() {
        pass.item(i, item, &mut scanner, std::borrow::Cow::Borrowed, ctx);
    }
}

/// The rules as one pass: the header's rules when it starts ([`Pass::start`]), then each item in
/// order ([`Pass::item`]), keeping only what rules across items need (ids and names, in
/// [`items::Seen`]). [`run_all`] feeds it a catalogue in memory; [`crate::stream`] items read
/// one at a time from a stream and then dropped. Both push the same findings in the same order.
pub(crate) struct Pass<'c, 'a> {
    env: Env<'c>,
    seen: items::Seen<'a>,
    laws: Option<std::sync::Arc<crate::laws::Registry>>,
    citations: laws::CitationMemo,
}

impl<'c, 'a> Pass<'c, 'a> {
    /// Runs the header's rules of `cat` (its items, if any, are not read) and gets ready for
    /// the items; `capacity` is how many items are expected.
    pub(crate) fn start(cat: &'c Catalogue<'_>, ctx: &mut Ctx, capacity: usize) -> Self {
        structure::check_header(cat, ctx);
        catalogue::check_header(cat, ctx);
        let env = Env {
            header_ok: ctx.header_ok(),
            level: cat.level,
            as_of: laws::as_of(cat, ctx.header_ok()),
            county: subject::county(cat, ctx.header_ok()),
            version: cat.schema_version.as_str() == crate::model::SCHEMA_VERSION,
        };
        Pass {
            env,
            seen: items::Seen::with_capacity(capacity),
            laws: ctx.laws.clone(),
            citations: laws::CitationMemo::default(),
        }
    }

    /// Runs the item rules on item `i` (after items `0..i`). `keep` says how its id and names
    /// are kept for the rules across items (borrowed, or copied when the item is dropped after).
    pub(crate) fn item<'i>(
        &mut self,
        i: usize,
        item: &'i Item<'_>,
        scanner: &mut lexicon::Scanner<'i>,
        keep: items::Keep<'i, 'a>,
        ctx: &mut Ctx,
    ) {
        structure::check_item(i, item, self.env.version, ctx);
        let registry = self
            .laws
            .as_deref()
            .unwrap_or_else(|| crate::laws::Registry::embedded());
        let f = scanner.item(item);
        items::check_item(i, item, &f, &mut self.seen, keep, ctx);
        time::check_item(i, item, &f, ctx);
        channels::check_item(i, item, ctx);
        basis::check_item(i, item, &f, ctx);
        laws::check_item(i, item, &f, registry, &mut self.citations, &self.env, ctx);
        subject::check_item(i, item, &f, &self.env, ctx);
        catalogue::check_item(i, item, &self.env, ctx);
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
    /// Whether the catalogue says schema version 1.0 (its 1.1 fields are then reported).
    pub version: bool,
}

/// What a rule sees besides the catalogue, and where it reports.
pub struct Ctx {
    issues: crate::issue::Collector,
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
            issues: crate::issue::Collector::default(),
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
            issues: crate::issue::Collector::default(),
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

    /// Collects into `issues` (which holds what was found before the rules ran, and the
    /// report's limits).
    pub(crate) fn with_collector(mut self, issues: crate::issue::Collector) -> Self {
        self.issues = issues;
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
    pub fn push(&mut self, code: Code, path: impl Into<String>, params: &[(&str, String)]) {
        self.issues.push(Finding::new(code, path, None, params));
    }

    /// Pushes an issue about item `i`; `field` is the rest of the pointer (`"/time_limit"`, or `""`).
    pub fn push_item(
        &mut self,
        code: Code,
        i: usize,
        item: &Item<'_>,
        field: &str,
        params: &[(&str, String)],
    ) {
        let mut f = Finding::new(
            code,
            format!("{}{field}", self.item_path(i)),
            Some(&item.id),
            params,
        );
        f.params
            .get_or_insert_with("item", || item.name.to_string());
        self.issues.push(f);
    }

    /// Pushes a fully built finding.
    pub fn push_raw(&mut self, raw: Finding) {
        self.issues.push(raw);
    }

    pub(crate) fn into_issues(self) -> crate::issue::Collector {
        self.issues
    }
}
