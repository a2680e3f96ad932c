//! The validation pipeline.
//!
//! Fast path: the bytes are deserialised straight into the borrowing model (no generic JSON
//! tree); [`structurally_valid`] checks, on the typed model, exactly what the published schema
//! checks beyond types; then the semantic rules run. Explaining path, taken only when the fast
//! path finds a structural problem: the document is parsed into a `serde_json::Value`
//! (recording duplicate keys), the compiled schema explains every structural error, and the
//! semantic rules run on whatever parts of the document could be read.
//!
//! The structural verdict is always that of the published schema: tests compare
//! [`structurally_valid`] with the schema validator on every fixture and on generated mutants.

use crate::codes;
use crate::date::is_real_date;
use crate::issue::{Collector, Finding};
use crate::model::{Catalogue, Item, Level, Text, TimeLimit, TimeLimitKind};
use crate::report::{Lang, Report, Severity, SourceMap};
use crate::rules::{self, Ctx};
use crate::{Error, json};
use serde::Deserialize;
use serde_json::Value;

/// Options of a validation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Language of messages (default Chinese).
    pub lang: Lang,
    /// The least severity reported (default `info`: everything). `valid` is computed from the
    /// issues found regardless of this filter.
    pub min_severity: Severity,
    /// Today, for rules about staleness and future dates. Never read from the system clock;
    /// rules that need it are skipped when it is `None`.
    pub today: Option<chrono::NaiveDate>,
    /// The largest input accepted by `validate_json`, in bytes (default 256 MiB).
    pub max_input_bytes: usize,
    /// Mask personal data in the report (default off): in every value a message quotes
    /// (`params`, hence `message`), runs of 6 or more digits (phone, ID card, account numbers)
    /// and the names after 联系人：, 申请人： etc. become `＊`, by the rules of
    /// [`crate::mask`]. Item ids are masked by the same rules; codes, paths, locations and
    /// numbers such as row counts are kept.
    pub mask_values: bool,
    /// The registry of legal instruments (依据库) the `basis` rules check citations against;
    /// `None` (the default) is the embedded registry. Build one with a user's file merged over
    /// the embedded one with [`crate::laws::Registry::with_json`].
    pub laws: Option<std::sync::Arc<crate::laws::Registry>>,
    /// The most issues a report lists (default 100,000): beyond it the issues are only counted,
    /// and one `report.truncated` warning says how many more there were and of which codes, so
    /// that a report's memory follows what it shows. `valid` still counts every error.
    pub max_issues: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: Lang::Zh,
            min_severity: Severity::Info,
            today: None,
            max_input_bytes: 256 << 20,
            mask_values: false,
            laws: None,
            max_issues: 100_000,
        }
    }
}

impl Options {
    /// Sets the message language.
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }
    /// Sets the least severity reported.
    pub fn min_severity(mut self, s: Severity) -> Self {
        self.min_severity = s;
        self
    }
    /// Sets today's date for date rules.
    pub fn today(mut self, d: chrono::NaiveDate) -> Self {
        self.today = Some(d);
        self
    }
    /// Sets the input size limit.
    pub fn max_input_bytes(mut self, n: usize) -> Self {
        self.max_input_bytes = n;
        self
    }
    /// Sets [`Options::mask_values`].
    pub fn mask_values(mut self, on: bool) -> Self {
        self.mask_values = on;
        self
    }
    /// Sets [`Options::max_issues`] (at least 1).
    pub fn max_issues(mut self, n: usize) -> Self {
        self.max_issues = n.max(1);
        self
    }
    /// Sets [`Options::laws`], the registry of legal instruments.
    pub fn laws(mut self, registry: std::sync::Arc<crate::laws::Registry>) -> Self {
        self.laws = Some(registry);
        self
    }
}

/// A reusable validator. The schema is compiled once per process and shared, so a `Validator`
/// is cheap to create, `Send + Sync`, and can be used from many threads at once.
#[derive(Debug, Clone, Default)]
pub struct Validator {
    options: Options,
}

impl Validator {
    /// A validator with these options.
    pub fn new(options: Options) -> Self {
        // Compile the schema now rather than in the first call.
        let _ = crate::schema::compiled();
        Validator { options }
    }

    /// The options.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Validates a catalogue already in memory.
    pub fn validate(&self, cat: &Catalogue<'_>) -> Report {
        self.validate_with_sources(cat, None)
    }

    /// Validates a catalogue imported from a table; issues carry the cell locations.
    pub fn validate_with_sources(
        &self,
        cat: &Catalogue<'_>,
        sources: Option<&SourceMap>,
    ) -> Report {
        self.validate_imported(cat, sources, &[])
    }

    /// Validates an imported catalogue together with the importer's own findings (unparsed
    /// cells, ambiguous glyphs, 同上 resolved…): one report, every issue located in the table.
    pub fn validate_imported(
        &self,
        cat: &Catalogue<'_>,
        sources: Option<&SourceMap>,
        findings: &[Finding],
    ) -> Report {
        let mut raw = self.collector();
        raw.extend(findings.iter().cloned());
        let raw = self.check_imported(cat, raw, missing_fields(findings));
        self.finish(cat.items.len(), raw, sources)
    }

    /// Like [`Validator::validate_imported`], taking the importer's findings by value: they go
    /// into the report without being copied (a page of 100,000 tables has as many findings).
    pub fn validate_imported_owned(
        &self,
        cat: &Catalogue<'_>,
        sources: Option<&SourceMap>,
        findings: Vec<Finding>,
    ) -> Report {
        let missing = missing_fields(&findings);
        let mut raw = self.collector();
        raw.extend_owned(findings);
        let raw = self.check_imported(cat, raw, missing);
        self.finish(cat.items.len(), raw, sources)
    }

    /// Validates a catalogue read by the one loader ([`crate::import::load`]) with the importer's
    /// findings, every issue at its cell.
    pub fn validate_loaded(&self, loaded: &crate::import::Loaded) -> Report {
        self.validate_imported(&loaded.catalogue, loaded.sources.as_ref(), &loaded.findings)
    }

    /// Like [`Validator::validate_loaded`], consuming what was loaded: the findings are moved
    /// into the report rather than copied, the tables' column models are freed before the
    /// rules run, and the catalogue before the issues are written. The report is the same.
    pub fn validate_loaded_owned(&self, loaded: crate::import::Loaded) -> Report {
        let crate::import::Loaded {
            catalogue,
            sources,
            findings,
            tables,
            ..
        } = loaded;
        drop(tables);
        let missing = missing_fields(&findings);
        let mut raw = self.collector();
        raw.extend_owned(findings);
        let raw = self.check_imported(&catalogue, raw, missing);
        let items = catalogue.items.len();
        drop(catalogue);
        self.finish(items, raw, sources.as_ref())
    }

    /// After the importer's findings (in `raw`), the catalogue's structure, then the rules: what
    /// a report of an imported catalogue is made of, before the issues are written.
    fn check_imported(
        &self,
        cat: &Catalogue<'_>,
        mut raw: Collector,
        missing: Vec<String>,
    ) -> Collector {
        if !structurally_valid(cat) {
            // A catalogue field the table lacks is reported once, by the importer's
            // `import.header_missing` (which says how to supply it), not again as empty.
            let missing: Vec<&str> = missing.iter().map(String::as_str).collect();
            explain_catalogue(cat, &missing, &mut raw);
        }
        let mut ctx = Ctx::new(self.options.today)
            .with_laws(self.options.laws.clone())
            .with_collector(raw);
        rules::run_all(cat, &mut ctx);
        ctx.into_issues()
    }

    /// Validates JSON bytes (a UTF-8 BOM is accepted). Invalid data gives a report; only input
    /// that is not a JSON document, or not an object, is an error.
    pub fn validate_json(&self, bytes: &[u8]) -> Result<Report, Error> {
        self.check_size(bytes.len())?;
        let bytes = json::strip_bom(bytes);
        if let Ok(cat) = json::from_slice_fast::<Catalogue<'_>>(bytes) {
            if let Some(report) = self.fast(&cat) {
                return Ok(report);
            }
        }
        self.explain_bytes(bytes)
    }

    /// [`Validator::validate_json`] of text already known to be UTF-8 (a `&str`), which is then
    /// not checked again: what the WebAssembly binding hands over from a JavaScript string
    /// (that check was about a tenth of `validate(text)` there). Same report.
    pub fn validate_json_str(&self, text: &str) -> Result<Report, Error> {
        self.check_size(text.len())?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if let Ok(cat) = serde_json::from_str::<Catalogue<'_>>(text) {
            if let Some(report) = self.fast(&cat) {
                return Ok(report);
            }
        }
        self.explain_bytes(text.as_bytes())
    }

    fn check_size(&self, len: usize) -> Result<(), Error> {
        if len > self.options.max_input_bytes {
            return Err(Error::TooLarge {
                what: "输入字节数".into(),
                limit: self.options.max_input_bytes as u64,
                actual: len as u64,
            });
        }
        Ok(())
    }

    /// The fast path's report of a catalogue read into the model, or `None` when it is not
    /// structurally valid (the explaining path then says why).
    fn fast(&self, cat: &Catalogue<'_>) -> Option<Report> {
        if !structurally_valid(cat) {
            return None;
        }
        let mut ctx = Ctx::new(self.options.today)
            .with_laws(self.options.laws.clone())
            .with_collector(self.collector());
        rules::run_all(cat, &mut ctx);
        Some(self.finish(cat.items.len(), ctx.into_issues(), None))
    }

    /// Validates a file's bytes, whatever its format: JSON, or a table (CSV, XLSX, XLS, HTML)
    /// through the importer. `name` (a file name or path) helps detect the format; the content
    /// decides when there is no name.
    pub fn validate_bytes(&self, bytes: &[u8], name: Option<&str>) -> Result<Report, Error> {
        let mut options = crate::import::ImportOptions::default();
        if let Some(name) = name {
            options = options.file_name(name);
        }
        self.validate_bytes_with(bytes, &options)
    }

    /// Like [`Validator::validate_bytes`], with import options for a table: the sheet to read,
    /// catalogue fields the table does not hold (目录名称, 领域, 编制单位, 目录层级, 编制日期) and
    /// the limits. The options' `file_name` is the name used to detect the format. JSON input
    /// ignores the options.
    pub fn validate_bytes_with(
        &self,
        bytes: &[u8],
        options: &crate::import::ImportOptions,
    ) -> Result<Report, Error> {
        match options.format_of(bytes) {
            crate::import::Format::Json => self.validate_json(bytes),
            _ => Ok(self.validate_loaded_owned(crate::import::load(
                bytes,
                &without_column_models(options),
            )?)),
        }
    }

    /// Like [`Validator::validate_bytes_with`], taking the file's bytes by value: a table's
    /// bytes are freed once it is imported, before it is validated. The report is the same.
    pub fn validate_bytes_owned(
        &self,
        bytes: Vec<u8>,
        options: &crate::import::ImportOptions,
    ) -> Result<Report, Error> {
        match options.format_of(&bytes) {
            crate::import::Format::Json => self.validate_json(&bytes),
            _ => {
                let loaded = crate::import::load(&bytes, &without_column_models(options))?;
                drop(bytes);
                Ok(self.validate_loaded_owned(loaded))
            }
        }
    }

    /// Validates one item (JSON bytes) as row `index` of a catalogue: what a form checking one
    /// row at a time needs. Paths are relative to the catalogue (`/items/{index}/time_limit`).
    ///
    /// `header` is the catalogue's JSON (its `items`, if any, are ignored): with it, rules that
    /// relate an item to its catalogue can run; without it (or while it is incomplete) they are
    /// skipped. The report holds only the issues about this item, never catalogue-level ones, and
    /// `items` is 1. Input that is not JSON is an error; an item that is not an object is an issue.
    ///
    /// ```
    /// let v = gongkai::Validator::default();
    /// let r = v.validate_item_json(br#"{"id": "4", "name": ""}"#, 3, None)?;
    /// assert!(!r.valid);
    /// assert!(r.issues.iter().any(|i| i.path == "/items/3/name" && i.code == "schema.empty"));
    /// assert!(r.issues.iter().all(|i| i.path.starts_with("/items/3/")));
    /// # Ok::<(), gongkai::Error>(())
    /// ```
    pub fn validate_item_json(
        &self,
        item: &[u8],
        index: usize,
        header: Option<&[u8]>,
    ) -> Result<Report, Error> {
        let size = item.len() + header.map_or(0, <[u8]>::len);
        if size > self.options.max_input_bytes {
            return Err(Error::TooLarge {
                what: "输入字节数".into(),
                limit: self.options.max_input_bytes as u64,
                actual: size as u64,
            });
        }
        let item = json::strip_bom(item);
        let prefix = format!("/items/{index}");
        if header.is_none() {
            // Fast path: a sound item needs no JSON tree. Catalogue-level rules are skipped, as
            // for a header that could not be read.
            if let Ok(it) = serde_json::from_slice::<Item<'_>>(item) {
                if item_structurally_valid(&it) {
                    let (mut cat, _, _) = partial_catalogue(&Value::Null);
                    cat.items.push(it);
                    let mut ctx = Ctx::partial(vec![index], false, self.options.today)
                        .with_laws(self.options.laws.clone());
                    rules::run_all(&cat, &mut ctx);
                    let report = self.finish(1, ctx.into_issues(), None);
                    return Ok(item_issues(report, &prefix, &prefix));
                }
            }
        }
        // One complete JSON value, so that splicing it into a document cannot change its meaning.
        serde_json::from_slice::<serde::de::IgnoredAny>(item)
            .map_err(|e| Error::from_json(&e, item))?;
        let mut doc = match header {
            Some(h) => {
                let h = json::strip_bom(h);
                let Value::Object(mut m) =
                    serde_json::from_slice(h).map_err(|e| Error::from_json(&e, h))?
                else {
                    return Err(Error::InvalidArgument(
                        "目录表头（header）应为对象 {…}".into(),
                    ));
                };
                m.remove("items");
                let mut d = serde_json::to_vec(&m).map_err(|e| Error::from_json(&e, h))?;
                d.pop(); // the closing brace
                if !m.is_empty() {
                    d.push(b',');
                }
                d
            }
            None => b"{".to_vec(),
        };
        doc.extend_from_slice(b"\"items\":[");
        doc.extend_from_slice(item);
        doc.extend_from_slice(b"]}");
        Ok(item_issues(self.validate_json(&doc)?, "/items/0", &prefix))
    }

    /// Whether the JSON bytes are a valid catalogue (no error-severity issue).
    pub fn is_valid(&self, bytes: &[u8]) -> bool {
        self.validate_json(bytes).is_ok_and(|r| r.valid)
    }

    fn explain_bytes(&self, bytes: &[u8]) -> Result<Report, Error> {
        let (value, duplicates) =
            json::parse_value_with_duplicates(bytes).map_err(|e| Error::from_json(&e, bytes))?;
        if !value.is_object() {
            return Err(Error::not_a_catalogue(&value));
        }
        let mut raw = self.collector();
        rules::structure::schema_issues_chunked(&value, &mut raw);
        for d in duplicates {
            let key = d
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .replace("~1", "/")
                .replace("~0", "~");
            let field = crate::model::column_title(&d).to_owned();
            let mut f = Finding::new(
                codes::schema::DUPLICATE_KEY,
                d,
                None,
                &[("key", key), ("field", field)],
            );
            f.item_id = item_id_at(&value, &f.path);
            raw.push(f);
        }
        let (partial, index, header_ok) = partial_catalogue(&value);
        let items = value
            .get("items")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        let mut ctx = Ctx::partial(index, header_ok, self.options.today)
            .with_laws(self.options.laws.clone())
            .with_collector(raw);
        rules::run_all(&partial, &mut ctx);
        Ok(self.finish(items, ctx.into_issues(), None))
    }

    /// An empty collector with this validator's limits (`max_issues`, `min_severity`).
    pub(crate) fn collector(&self) -> Collector {
        Collector::new(self.options.max_issues.max(1), self.options.min_severity)
    }

    pub(crate) fn finish(
        &self,
        items: usize,
        mut raw: Collector,
        sources: Option<&SourceMap>,
    ) -> Report {
        for f in raw.kept_mut() {
            bound_finding(f, self.options.mask_values);
        }
        let has_error = raw.has_error();
        let lang = self.options.lang;
        let issues = raw
            .finish()
            .into_iter()
            .map(|f| f.render(lang, sources))
            .collect();
        let mut report = Report::from_issues(items, issues);
        report.valid = !has_error;
        report
    }
}

/// Import options for a table that is only validated: the tables' column models, which the
/// rules never read, are not kept.
fn without_column_models(options: &crate::import::ImportOptions) -> crate::import::ImportOptions {
    let mut options = options.clone();
    options.column_models = false;
    options
}

/// The catalogue fields the importer reported missing (`import.header_missing`), not to be
/// reported again as empty.
fn missing_fields(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.code == codes::import::HEADER_MISSING)
        .map(|f| f.path.clone())
        .collect()
}

/// The longest value an issue carries in `params` or `item_id`, in characters; longer values
/// (a 1 MB cell, a hostile key) are cut with an ellipsis, so a report never grows with the
/// input's values. Messages quote at most 300 characters of each value.
pub const MAX_PARAM_CHARS: usize = 1_000;

/// Params that hold counts and row numbers, not data: never masked when they are numbers.
const NUMERIC_PARAMS: &[&str] = &[
    "row", "from_row", "item_row", "limit", "count", "number", "first", "days", "month", "day",
];

/// Cuts over-long values of a finding and, when `mask`, masks personal data in its params.
fn bound_finding(f: &mut Finding, mask: bool) {
    let cut = |s: &mut String| crate::error::cap_chars(s, MAX_PARAM_CHARS);
    if let Some(id) = f.item_id.as_mut() {
        cut(id);
        if mask {
            *id = crate::mask::mask(id);
        }
    }
    for (k, v) in &mut f.params {
        cut(v);
        let structural =
            NUMERIC_PARAMS.contains(&k.as_str()) && v.bytes().all(|b| b.is_ascii_digit());
        if mask && !structural {
            *v = crate::mask::mask(v);
        }
    }
}

/// The issues of `report` under `from` (an item's pointer), moved to `to`; `valid` and the counts
/// recomputed (errors are never filtered out by `min_severity`, so `valid` follows).
fn item_issues(report: Report, from: &str, to: &str) -> Report {
    let issues = report
        .issues
        .into_iter()
        .filter_map(|mut i| {
            let rest = i.path.strip_prefix(from)?;
            if !(rest.is_empty() || rest.starts_with('/')) {
                return None;
            }
            i.path = format!("{to}{rest}");
            Some(i)
        })
        .collect();
    Report::from_issues(1, issues)
}

fn item_id_at(value: &Value, path: &str) -> Option<String> {
    let rest = path.strip_prefix("/items/")?;
    let i: usize = rest.split('/').next()?.parse().ok()?;
    value
        .get("items")?
        .get(i)?
        .get("id")?
        .as_str()
        .map(str::to_owned)
}

/// Reads what can be read of a structurally invalid document: the header when it is sound, and
/// every item that deserialises (with its original index).
fn partial_catalogue(value: &Value) -> (Catalogue<'_>, Vec<usize>, bool) {
    let mut items = Vec::new();
    let mut index = Vec::new();
    if let Some(Value::Array(arr)) = value.get("items") {
        for (i, v) in arr.iter().enumerate() {
            if let Ok(item) = Item::deserialize(v) {
                items.push(item);
                index.push(i);
            }
        }
    }
    let header = value.as_object().and_then(|m| {
        let mut h = serde_json::Map::new();
        for (k, v) in m {
            if k != "items" {
                h.insert(k.clone(), v.clone());
            }
        }
        h.insert("items".into(), Value::Array(Vec::new()));
        let hv = Value::Object(h);
        Catalogue::deserialize(&hv).ok().map(Catalogue::into_owned)
    });
    let header_ok = header.is_some();
    let mut cat = header.unwrap_or_else(|| Catalogue {
        schema_version: Text::from(crate::model::SCHEMA_VERSION),
        title: Text::default(),
        domain: Text::default(),
        publisher: Text::default(),
        level: Level::County,
        region: None,
        issued: Text::default(),
        updated: None,
        based_on: None,
        version: None,
        revisions: Vec::new(),
        next_review: None,
        items: Vec::new(),
        extra: Default::default(),
    });
    cat.items = items;
    (cat, index, header_ok)
}

/// The schema's explanation of a structurally invalid catalogue, without serialising the items
/// that are sound: the schema has no constraint across items, so the header and the failing
/// items (or the first item, to keep `items` non-empty) are checked, and the issues' item
/// indices mapped back. The failing items are serialised and checked a chunk at a time, each
/// finding going straight into the report's collector (`skip` drops the paths the importer
/// already reported), so that a table of 100,000 incomplete rows never holds more than one
/// chunk of JSON values and the findings the report keeps.
fn explain_catalogue(cat: &Catalogue<'_>, skip: &[&str], out: &mut Collector) {
    /// Failing items serialised and checked at once.
    const CHUNK: usize = 1_024;
    let mut keep: Vec<usize> = (0..cat.items.len())
        .filter(|&i| !item_structurally_valid(&cat.items[i]))
        .collect();
    if keep.is_empty() && !cat.items.is_empty() {
        keep.push(0);
    }
    let header = Catalogue {
        schema_version: cat.schema_version.clone(),
        title: cat.title.clone(),
        domain: cat.domain.clone(),
        publisher: cat.publisher.clone(),
        level: cat.level,
        region: cat.region.clone(),
        issued: cat.issued.clone(),
        updated: cat.updated.clone(),
        based_on: cat.based_on.clone(),
        version: cat.version.clone(),
        revisions: cat.revisions.clone(),
        next_review: cat.next_review.clone(),
        items: Vec::new(),
        extra: cat.extra.clone(),
    };
    let header = serde_json::to_value(&header).unwrap_or(Value::Null);
    // An empty catalogue is one chunk of no items (the schema's `minItems` speaks).
    let chunks: Vec<&[usize]> = if keep.is_empty() {
        vec![&[]]
    } else {
        keep.chunks(CHUNK).collect()
    };
    for (n, chunk) in chunks.into_iter().enumerate() {
        let mut value = header.clone();
        if let Value::Object(m) = &mut value {
            let items = chunk
                .iter()
                .map(|&i| serde_json::to_value(&cat.items[i]).unwrap_or(Value::Null))
                .collect();
            m.insert("items".into(), Value::Array(items));
        }
        let mut part = Collector::default();
        rules::structure::schema_issues_into(&value, &mut part);
        drop(value);
        for mut f in part.finish() {
            match f.path.strip_prefix("/items/") {
                Some(rest) => {
                    let (k, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
                    if let Some(&i) = k.parse::<usize>().ok().and_then(|k| chunk.get(k)) {
                        f.path = format!("/items/{i}{tail}");
                    }
                }
                // Findings about the header (and `/items` itself) once, from the first chunk.
                None if n > 0 => continue,
                None => {}
            }
            if !skip.contains(&f.path.as_str()) {
                out.push(f);
            }
        }
    }
}

/// Whether a typed catalogue satisfies every constraint of the published schema (types and
/// required keys are already guaranteed by the types). Kept in step with `schema.rs` by the
/// cross-validation tests.
pub fn structurally_valid(cat: &Catalogue<'_>) -> bool {
    header_structurally_valid(cat)
        && !cat.items.is_empty()
        && cat.items.iter().all(item_structurally_valid)
}

/// [`structurally_valid`] but for the items (for a header read apart from its items).
pub(crate) fn header_structurally_valid(cat: &Catalogue<'_>) -> bool {
    crate::model::SCHEMA_VERSIONS.contains(&cat.schema_version.as_str())
        && !cat.title.is_empty()
        && !cat.domain.is_empty()
        && !cat.publisher.is_empty()
        && cat.region.as_ref().is_none_or(|r| {
            !r.province.is_empty()
                && !r.city.is_empty()
                && !r.county.is_empty()
                && r.code
                    .as_ref()
                    .is_none_or(|c| c.len() == 6 && c.bytes().all(|b| b.is_ascii_digit()))
        })
        && is_real_date(&cat.issued)
        && cat.updated.as_ref().is_none_or(|d| is_real_date(d))
        && cat.based_on.as_ref().is_none_or(|b| !b.title.is_empty())
        && cat.version.as_ref().is_none_or(|v| !v.is_empty())
        && cat.next_review.as_ref().is_none_or(|d| is_real_date(d))
        && cat
            .revisions
            .iter()
            .all(|r| is_real_date(&r.date) && !r.summary.is_empty())
}

pub(crate) fn item_structurally_valid(it: &Item<'_>) -> bool {
    !it.id.is_empty()
        && !it.category.is_empty()
        && !it.name.is_empty()
        && !it.subject.is_empty()
        && [&it.retention, &it.responsible_office, &it.scope_note]
            .iter()
            .all(|v| v.as_ref().is_none_or(|t| !t.is_empty()))
        && !it.content.is_empty()
        && it.content.iter().all(|c| !c.is_empty())
        && !it.basis.is_empty()
        && it.basis.iter().all(|c| !c.title.is_empty())
        && time_limit_valid(&it.time_limit)
        && unique(&it.channels)
        && it.other_channels.iter().all(|c| !c.is_empty())
        && (!it.channels.is_empty() || !it.other_channels.is_empty())
        && !it.audience.is_empty()
        && unique(&it.audience)
        && !it.method.is_empty()
        && unique(&it.method)
        && !it.levels.is_empty()
        && unique(&it.levels)
        && (!it.is_proactive() || it.channels.contains(&crate::model::Channel::GovWebsite))
}

fn time_limit_valid(t: &TimeLimit<'_>) -> bool {
    let in_range = |v: Option<u32>, lo: u32, hi: u32| v.is_none_or(|x| (lo..=hi).contains(&x));
    in_range(t.days, 1, 365)
        && in_range(t.hours, 1, 8760)
        && in_range(t.month, 1, 12)
        && in_range(t.day, 1, 31)
        && t.event.as_ref().is_none_or(|e| !e.is_empty())
        && match t.kind {
            TimeLimitKind::WorkingDays | TimeLimitKind::CalendarDays => t.days.is_some(),
            TimeLimitKind::HoursBefore => t.hours.is_some(),
            TimeLimitKind::AnnualBy => t.month.is_some() && t.day.is_some(),
            TimeLimitKind::Unparsed => t.text.as_ref().is_some_and(|x| !x.is_empty()),
            _ => true,
        }
}

fn unique<T: PartialEq>(v: &[T]) -> bool {
    v.iter().enumerate().all(|(i, x)| !v[..i].contains(x))
}
