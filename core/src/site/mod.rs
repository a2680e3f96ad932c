//! The 基层政务公开专题: every unit's catalogue published as a static site.
//!
//! The catalogue must be published in the portal's 基层政务公开专题; [`build`] turns loaded
//! catalogues (and, optionally, publication records with a `url`) into the files of that
//! 专题, ready to serve as static files or to drop into a CMS. It does no file I/O: it returns
//! each file as a relative path and its bytes; the caller writes them, and [`plan_sync`] tells
//! it which to write, which are already up to date and which of its earlier files to remove.
//!
//! ```
//! use gongkai::site::{self, SiteOptions};
//! # std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).unwrap();
//! let bytes = std::fs::read("examples/wuzhi-municipal.json")?;
//! let input = site::load(&bytes, "wuzhi-municipal.json")?;
//! let built = site::build(&[input], &[], &SiteOptions::default())?;
//! let index = built.file("index.html").unwrap();
//! assert!(std::str::from_utf8(index)?.contains("武陟县城市管理局"));
//! let page = &built.catalogues[0].page;               // "municipal_services-…/index.html"
//! assert!(built.file(page).is_some());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The files
//!
//! | path | what |
//! |---|---|
//! | `index.html` | the 专题: the fields (领域, Chinese names) with their units' catalogues, then the units, each with its item count and last update |
//! | `S/index.html` | one page per catalogue: the standard table ([`crate::export::to_html`]'s layout: 一级事项 grouped, ■/□ channels, √ ticks), a filter box, the documents published under each item |
//! | `S/S.json`, `S/S.csv`, `S/S.xlsx` | the catalogue's data for reuse (the canonical JSON and the exporters' CSV and XLSX) |
//! | `sitemap.xml` | only with [`SiteOptions::base_url`]: a sitemap needs absolute URLs |
//! | `.gongkai-site` | the manifest: every file above that this run wrote, so that the next run removes only its own files ([`MANIFEST`]) |
//!
//! `S` is the catalogue's page name ([`page_name`]): its 领域 code and a hash of its 编制单位,
//! so a page keeps its address when the file is renamed or converted to another format.
//! Each item's row has the anchor [`item_anchor`] of its 序号 (`S/index.html#item-3`).
//!
//! # Guarantees
//!
//! - Self-contained: inline CSS and one inline script (the filter) per page; no external
//!   script, font, style or image; every link between the pages is relative, so the site works
//!   from `file://` and from any sub-path of a portal. Without JavaScript the full table shows.
//! - Every value from the data is escaped ([`crate::export::escape_html`]); a document link is
//!   written only for an `http://` or `https://` URL.
//! - Deterministic: the same inputs give the same bytes (no clock is read; dates come from the
//!   data). The order of the inputs does not matter.
//! - Items with problems are published as they are; with [`SiteOptions::strict`] a catalogue
//!   with an error-severity issue is refused, and then [`Site::files`] is empty, so that
//!   nothing is published until it is fixed.
//!
//! # Records
//!
//! The publication records of the timeliness audit ([`crate::audit`]) with the optional columns
//! `url` and `title`: each published record (with a `published_on`) that has a `url` is a
//! document published under its item, listed newest first. A records file belongs to the catalogue whose file has the
//! same name before the extension (`城管局.xlsx` ↔ `城管局.csv`), or to the only catalogue when
//! there is one catalogue and one records file.

mod pages;
mod publish;

pub use publish::{Publication, PublishError, publish};

use crate::audit::{self, Records};
use crate::codes::{self, Code};
use crate::export::{self, CsvOptions};
use crate::issue::{Finding, Issue, RecordRef};
use crate::model::{Catalogue, DOMAINS, Level, domain_by_code};
use crate::report::{Lang, Report, SourceMap};
use crate::{Error, Validator};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The manifest's path in the output folder: the files the generator wrote, one per line.
pub const MANIFEST: &str = ".gongkai-site";

/// The first line of the manifest.
const MANIFEST_HEADER: &str = "# gongkai site: the files this folder's 专题 generator wrote; the next run removes those it no longer writes";

/// The default title of the 专题.
pub const DEFAULT_TITLE: &str = "基层政务公开专题";

/// One catalogue file, loaded.
#[derive(Debug, Clone)]
pub struct Input {
    /// The file's name or path as given (for messages and to match a records file).
    pub name: String,
    /// The catalogue.
    pub catalogue: Catalogue<'static>,
    /// JSON Pointer → cell, for tables.
    pub sources: Option<SourceMap>,
    /// What the importer noticed (tables only).
    pub findings: Vec<Finding>,
}

/// Reads one catalogue file of any supported format (JSON, CSV, XLSX, XLS, HTML); `name` is
/// the file's name or path (it helps detect the format, and a table's title may come from it).
pub fn load(bytes: &[u8], name: &str) -> Result<Input, Error> {
    let loaded = crate::import::load(
        bytes,
        &crate::import::ImportOptions::default().file_name(name),
    )?;
    Ok(Input {
        name: name.to_owned(),
        catalogue: loaded.catalogue,
        sources: loaded.sources,
        findings: loaded.findings,
    })
}

/// One records file, read.
#[derive(Debug, Clone)]
pub struct RecordsInput {
    /// The file's name or path as given.
    pub name: String,
    /// The records.
    pub records: Records,
}

/// Reads a records file (CSV or JSON, as for the audit: [`audit::read_records`]).
pub fn load_records(bytes: &[u8], name: &str) -> Result<RecordsInput, Error> {
    Ok(RecordsInput {
        name: name.to_owned(),
        records: audit::read_records(bytes, Some(name))?,
    })
}

/// Whether a file in an input folder is read as a catalogue: `.json`, `.csv`, `.xlsx`, `.xls`,
/// `.html`, `.htm` or `.docx` (any case), not hidden (a name starting with `.`) and not a spreadsheet's
/// lock file (`~$…`).
pub fn is_catalogue_file(file_name: &str) -> bool {
    has_extension(
        file_name,
        &["json", "csv", "xlsx", "xls", "html", "htm", "docx"],
    )
}

/// Whether a file in a records folder is read as records: `.csv`, `.tsv`, `.txt` or `.json`.
pub fn is_records_file(file_name: &str) -> bool {
    has_extension(file_name, &["csv", "tsv", "txt", "json"])
}

fn has_extension(file_name: &str, exts: &[&str]) -> bool {
    if file_name.starts_with('.') || file_name.starts_with("~$") {
        return false;
    }
    file_name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && exts.iter().any(|e| ext.eq_ignore_ascii_case(e))
    })
}

/// Options of [`build`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SiteOptions {
    /// The 专题's title (default: `{县}基层政务公开专题` when every catalogue names the same
    /// county, else [`DEFAULT_TITLE`]).
    pub title: Option<String>,
    /// The address the site is served from (`https://www.example.gov.cn/zt/jcgk/`): with it, a
    /// `sitemap.xml` with absolute URLs is written. Must start with `http://` or `https://`.
    pub base_url: Option<String>,
    /// Refuse to publish when a catalogue has an error-severity issue.
    pub strict: bool,
    /// The language of the messages (the pages are Chinese).
    pub lang: Lang,
}

impl SiteOptions {
    /// Sets [`SiteOptions::title`].
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets [`SiteOptions::base_url`].
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Sets [`SiteOptions::strict`].
    pub fn strict(mut self, on: bool) -> Self {
        self.strict = on;
        self
    }

    /// Sets [`SiteOptions::lang`].
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }
}

/// One file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFile {
    /// The path relative to the output folder, `/`-separated.
    pub path: String,
    /// The content.
    pub bytes: Vec<u8>,
}

/// What happened to one catalogue.
#[derive(Debug, Clone, Serialize)]
pub struct Published {
    /// The input's name as given.
    pub name: String,
    /// The catalogue's title.
    pub title: String,
    /// 编制单位.
    pub publisher: String,
    /// The 领域 code.
    pub domain: String,
    /// The page's path in the site (`S/index.html`).
    pub page: String,
    /// The number of items.
    pub items: usize,
    /// The number of documents listed under its items (from records with a `url`).
    pub documents: usize,
    /// The records files used for it.
    pub records: Vec<String>,
    /// Whether it was refused ([`SiteOptions::strict`] and errors).
    pub refused: bool,
    /// The validation report (every issue; `valid` is false when there is an error).
    pub report: Report,
}

/// A problem of the site's inputs that is not a problem of a catalogue: an [`Issue`] (code
/// `site.*`, or `records.*`/`record.*` for a records file; `row` for a record) with the input
/// file it is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SiteIssue {
    /// The input (catalogue or records file) it is about.
    pub file: String,
    /// The issue.
    #[serde(flatten)]
    pub issue: Issue,
}

impl std::ops::Deref for SiteIssue {
    type Target = Issue;
    fn deref(&self) -> &Issue {
        &self.issue
    }
}

/// The site: its files and what happened to each input.
#[derive(Debug, Clone)]
pub struct Site {
    /// Every file, sorted by path, the manifest ([`MANIFEST`]) included; empty when refused.
    pub files: Vec<SiteFile>,
    /// Every catalogue, in the order of the index.
    pub catalogues: Vec<Published>,
    /// Problems of the records (and refusals).
    pub issues: Vec<SiteIssue>,
    /// Whether the site was refused ([`SiteOptions::strict`] and a catalogue with errors).
    pub refused: bool,
}

impl Site {
    /// The bytes of the file at `path`.
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|f| f.path == path)
            .map(|f| f.bytes.as_slice())
    }
}

/// A document published under an item (from a record with a `url`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Document {
    pub(crate) url: String,
    pub(crate) title: String,
    /// `YYYY-MM-DD`, when the record has a valid `published_on`.
    pub(crate) date: Option<String>,
    /// The sort key: date and time of day.
    key: Option<chrono::NaiveDateTime>,
    /// The record's position (ties keep the file order).
    order: usize,
}

/// One catalogue as the pages need it.
pub(crate) struct Entry<'i> {
    pub(crate) input: &'i Input,
    /// The page's folder (`S`).
    pub(crate) slug: String,
    /// The row anchor of each item.
    pub(crate) anchors: Vec<String>,
    /// The documents of each item, newest first.
    pub(crate) documents: Vec<Vec<Document>>,
    /// The last update: the catalogue's `updated` (else `issued`), or the newest document.
    pub(crate) last_update: String,
    /// Whether the XLSX data file was made.
    pub(crate) xlsx: bool,
}

impl Entry<'_> {
    pub(crate) fn cat(&self) -> &Catalogue<'static> {
        &self.input.catalogue
    }
}

/// The anchor of an item's row, from its 序号: `item-` followed by the id with every byte
/// other than an ASCII letter, digit or `-` written as `_` and two upper-case hex digits
/// (`1` → `item-1`, `1.2` → `item-1_2E`, `一` → `item-_E4_B8_80`). Stable across runs and
/// different for different ids; a repeated id gets `__2`, `__3`… on its later rows.
pub fn item_anchor(id: &str) -> String {
    let mut s = String::with_capacity(5 + id.len());
    s.push_str("item-");
    push_encoded(&mut s, id);
    s
}

fn push_encoded(s: &mut String, text: &str) {
    for b in text.trim().bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' {
            s.push(char::from(b));
        } else {
            s.push_str(&format!("_{b:02X}"));
        }
    }
}

/// The anchors of a catalogue's rows ([`item_anchor`], repeated ids made unique).
fn anchors(cat: &Catalogue<'_>) -> Vec<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    cat.items
        .iter()
        .map(|item| {
            let a = item_anchor(&item.id);
            let n = seen.entry(a.clone()).or_insert(0);
            *n += 1;
            if *n == 1 { a } else { format!("{a}__{n}") }
        })
        .collect()
}

/// FNV-1a, 64 bits: a small, stable hash for page names.
fn fnv1a(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The page name (folder) of a catalogue: its 领域 code (when it is lower-case ASCII letters,
/// digits and `_`, at most 40 bytes; `catalogue` when there is none; else `field` and 8 hex
/// digits of the code's hash), `-`, and 8 hex digits of the FNV-1a hash of its trimmed
/// 编制单位 (of its title when there is no 编制单位, as in a table without its metadata).
/// Example: `municipal_services-06a2bac5`.
pub fn page_name(cat: &Catalogue<'_>) -> String {
    let domain = cat.domain.trim();
    let field = if domain.is_empty() {
        "catalogue".to_owned()
    } else if domain.len() <= 40
        && domain
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        domain.to_owned()
    } else {
        format!("field{:08x}", fnv1a(domain) >> 32)
    };
    let who = match cat.publisher.trim() {
        "" => cat.title.trim(),
        p => p,
    };
    format!("{field}-{:08x}", fnv1a(who) >> 32)
}

/// The file name without folders and extension.
fn stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((s, _)) if !s.is_empty() => s,
        _ => base,
    }
}

/// The date part of a `YYYY-MM-DD` text, when it is a real date.
fn valid_date(text: &str) -> Option<String> {
    crate::date::parse_date(text.trim()).map(|d| d.format("%Y-%m-%d").to_string())
}

/// Whether `url` may be a link: `http://` or `https://`, a host, no white space or control
/// character, at most 2,048 bytes.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return false;
    };
    url.len() <= 2048
        && !rest.is_empty()
        && !rest.starts_with(['/', '\\'])
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The sort key of the site: 领域 in the order of [`DOMAINS`] (unknown codes after, by code),
/// then 编制单位, level, title and the input's name.
fn site_order(a: &Input, b: &Input) -> std::cmp::Ordering {
    let field = |i: &Input| {
        DOMAINS
            .iter()
            .position(|d| d.code == i.catalogue.domain.as_str())
            .unwrap_or(DOMAINS.len())
    };
    let level = |i: &Input| {
        Level::ALL
            .iter()
            .position(|l| *l == i.catalogue.level)
            .unwrap_or(0)
    };
    field(a)
        .cmp(&field(b))
        .then_with(|| a.catalogue.domain.cmp(&b.catalogue.domain))
        .then_with(|| a.catalogue.publisher.cmp(&b.catalogue.publisher))
        .then_with(|| level(a).cmp(&level(b)))
        .then_with(|| a.catalogue.title.cmp(&b.catalogue.title))
        .then_with(|| a.name.cmp(&b.name))
}

fn site_issue(
    code: Code,
    file: &str,
    row: Option<usize>,
    params: &[(&str, String)],
    lang: Lang,
) -> SiteIssue {
    let mut f = Finding::new(code, "", None, params);
    f.params.insert("file", file.to_owned());
    if let Some(r) = row {
        f.params.insert("row", r.to_string());
        f.path = format!("/records/{}", r.saturating_sub(1));
        f.record = Some(RecordRef {
            row: Some(r),
            line: None,
            column: None,
        });
    }
    SiteIssue {
        file: file.to_owned(),
        issue: f.render(lang, None),
    }
}

/// The documents of each item of `cat` from the records files given for it.
fn documents(
    cat: &Catalogue<'_>,
    records: &[&RecordsInput],
    issues: &mut Vec<SiteIssue>,
    lang: Lang,
) -> Vec<Vec<Document>> {
    let mut out: Vec<Vec<Document>> = vec![Vec::new(); cat.items.len()];
    let mut order = 0;
    for file in records {
        for r in &file.records.records {
            let Some(url) = r.url.as_deref() else {
                continue;
            };
            let id = r.item_id.as_deref().unwrap_or("");
            let Some(index) = cat.items.iter().position(|i| i.id.trim() == id) else {
                issues.push(site_issue(
                    codes::site::UNKNOWN_ITEM,
                    &file.name,
                    Some(r.row),
                    &[("item_id", crate::excerpt(id, 40))],
                    lang,
                ));
                continue;
            };
            if !is_safe_url(url) {
                issues.push(site_issue(
                    codes::site::BAD_URL,
                    &file.name,
                    Some(r.row),
                    &[("value", crate::excerpt(url, 80))],
                    lang,
                ));
                continue;
            }
            // A record without published_on is not published yet: nothing to list.
            let Some(published) = r.published_on.as_deref() else {
                continue;
            };
            let key = match audit::parse_record_datetime(published) {
                Some((d, t)) => Some(d.and_time(t.unwrap_or_default())),
                None => {
                    issues.push(site_issue(
                        codes::site::BAD_DATE,
                        &file.name,
                        Some(r.row),
                        &[("value", crate::excerpt(published, 40))],
                        lang,
                    ));
                    None
                }
            };
            order += 1;
            if let Some(list) = out.get_mut(index) {
                list.push(Document {
                    url: url.to_owned(),
                    title: r.title.clone().unwrap_or_else(|| url.to_owned()),
                    date: key.map(|k| k.format("%Y-%m-%d").to_string()),
                    key,
                    order,
                });
            }
        }
    }
    for list in &mut out {
        // Newest first; undated last; ties in file order.
        list.sort_by(|a, b| match (a.key, b.key) {
            (Some(x), Some(y)) => y.cmp(&x).then(a.order.cmp(&b.order)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.order.cmp(&b.order),
        });
    }
    out
}

/// The default title: `{县}基层政务公开专题` when every catalogue names the same province, city
/// and county, else [`DEFAULT_TITLE`].
fn default_title(inputs: &[Input]) -> String {
    let mut counties = inputs.iter().map(|i| {
        i.catalogue
            .region
            .as_ref()
            .map(|r| (r.province.trim(), r.city.trim(), r.county.trim()))
    });
    match counties.next() {
        Some(Some(first)) if !first.2.is_empty() && counties.all(|c| c == Some(first)) => {
            format!("{}{DEFAULT_TITLE}", first.2)
        }
        _ => DEFAULT_TITLE.to_owned(),
    }
}

/// Checks and normalises the base URL: `http(s)://host…`, ending with `/`.
fn base_url(url: &str) -> Result<String, Error> {
    let url = url.trim();
    if !is_safe_url(url) || url.contains(['?', '#', '"', '\'', '<', '>']) {
        return Err(Error::InvalidArgument(format!(
            "网站地址“{}”无效：应为以 http:// 或 https:// 开头的完整地址，如 https://www.example.gov.cn/zt/jcgk/（不含 ? 和 #）",
            crate::excerpt(url, 80)
        )));
    }
    let mut u = url.to_owned();
    if !u.ends_with('/') {
        u.push('/');
    }
    Ok(u)
}

/// Builds the site from loaded catalogues and records files.
///
/// Errors: only [`Error::InvalidArgument`] for a bad [`SiteOptions::base_url`]. Problems of
/// the data are in the result: each catalogue's validation report ([`Published::report`]), and
/// records that cannot be shown ([`Site::issues`]).
pub fn build(
    inputs: &[Input],
    records: &[RecordsInput],
    options: &SiteOptions,
) -> Result<Site, Error> {
    let base = options.base_url.as_deref().map(base_url).transpose()?;
    let lang = options.lang;
    let validator = Validator::new(crate::Options::default().lang(lang));
    let mut sorted: Vec<&Input> = inputs.iter().collect();
    sorted.sort_by(|a, b| site_order(a, b));

    let mut issues: Vec<SiteIssue> = Vec::new();
    // Records files → catalogues (by the name before the extension, or one to one).
    let mut by_input: Vec<Vec<&RecordsInput>> = vec![Vec::new(); sorted.len()];
    for file in records {
        for i in &file.records.issues {
            let mut issue = i.clone();
            issue.rerender(lang);
            issue.message = match lang {
                Lang::Zh => format!("{}：{}", file.name, issue.message),
                Lang::En => format!("{}: {}", file.name, issue.message),
            };
            issues.push(SiteIssue {
                file: file.name.clone(),
                issue,
            });
        }
        let s = stem(&file.name);
        let matched: Vec<usize> = sorted
            .iter()
            .enumerate()
            .filter(|(_, i)| stem(&i.name) == s)
            .map(|(k, _)| k)
            .collect();
        if !matched.is_empty() {
            for k in matched {
                if let Some(list) = by_input.get_mut(k) {
                    list.push(file);
                }
            }
        } else if sorted.len() == 1 && records.len() == 1 {
            if let Some(list) = by_input.get_mut(0) {
                list.push(file);
            }
        } else {
            issues.push(site_issue(
                codes::site::RECORDS_UNMATCHED,
                &file.name,
                None,
                &[],
                lang,
            ));
        }
    }

    // Page names, unique (a repeated name gets -2, -3… in site order).
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    let mut entries: Vec<Entry<'_>> = Vec::with_capacity(sorted.len());
    let mut published: Vec<Published> = Vec::with_capacity(sorted.len());
    let mut files: Vec<SiteFile> = Vec::new();
    let mut refused = false;
    for (k, input) in sorted.iter().enumerate() {
        let cat = &input.catalogue;
        let base_name = page_name(cat);
        let n = used.entry(base_name.clone()).or_insert(0);
        *n += 1;
        let slug = if *n == 1 {
            base_name
        } else {
            format!("{base_name}-{n}")
        };
        let report = validator.validate_imported(cat, input.sources.as_ref(), &input.findings);
        let recs = by_input.get(k).cloned().unwrap_or_default();
        let docs = documents(cat, &recs, &mut issues, lang);
        let newest_doc = docs.iter().flatten().filter_map(|d| d.date.clone()).max();
        let catalogue_date = cat
            .updated
            .as_deref()
            .and_then(valid_date)
            .or_else(|| valid_date(&cat.issued));
        let last_update = match (catalogue_date, newest_doc) {
            (Some(a), Some(b)) => a.max(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => cat
                .updated
                .as_deref()
                .unwrap_or(cat.issued.as_str())
                .trim()
                .to_owned(),
        };
        let is_refused = options.strict && report.counts.error > 0;
        if is_refused {
            refused = true;
            issues.push(site_issue(
                codes::site::REFUSED,
                &input.name,
                None,
                &[("errors", report.counts.error.to_string())],
                lang,
            ));
        }
        published.push(Published {
            name: input.name.clone(),
            title: cat.title.to_string(),
            publisher: cat.publisher.to_string(),
            domain: cat.domain.to_string(),
            page: format!("{slug}/index.html"),
            items: cat.items.len(),
            documents: docs.iter().map(Vec::len).sum(),
            records: recs.iter().map(|r| r.name.clone()).collect(),
            refused: is_refused,
            report,
        });
        entries.push(Entry {
            input,
            anchors: anchors(cat),
            documents: docs,
            last_update,
            xlsx: false,
            slug,
        });
    }
    if refused {
        return Ok(Site {
            files: Vec::new(),
            catalogues: published,
            issues,
            refused,
        });
    }

    for e in &mut entries {
        let cat = e.cat();
        let slug = e.slug.clone();
        let mut json = cat.to_json_pretty();
        json.push('\n');
        files.push(SiteFile {
            path: format!("{slug}/{slug}.json"),
            bytes: json.into_bytes(),
        });
        files.push(SiteFile {
            path: format!("{slug}/{slug}.csv"),
            bytes: export::to_csv(cat, &CsvOptions::default()),
        });
        #[cfg(feature = "xlsx")]
        match export::to_xlsx(cat, &export::XlsxOptions::default()) {
            Ok(bytes) => {
                files.push(SiteFile {
                    path: format!("{slug}/{slug}.xlsx"),
                    bytes,
                });
                e.xlsx = true;
            }
            Err(err) => issues.push(site_issue(
                codes::site::XLSX_SKIPPED,
                &e.input.name,
                None,
                &[("reason", crate::excerpt(&err.to_string(), 120))],
                lang,
            )),
        }
    }
    let title = options
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| default_title(inputs));
    for e in &entries {
        files.push(SiteFile {
            path: format!("{}/index.html", e.slug),
            bytes: pages::catalogue_page(e, &title).into_bytes(),
        });
    }
    files.push(SiteFile {
        path: "index.html".into(),
        bytes: pages::index_page(&entries, &title).into_bytes(),
    });
    if let Some(base) = &base {
        files.push(SiteFile {
            path: "sitemap.xml".into(),
            bytes: pages::sitemap(&entries, base).into_bytes(),
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let mut manifest = String::from(MANIFEST_HEADER);
    manifest.push('\n');
    for f in &files {
        manifest.push_str(&f.path);
        manifest.push('\n');
    }
    files.insert(
        0,
        SiteFile {
            path: MANIFEST.into(),
            bytes: manifest.into_bytes(),
        },
    );
    Ok(Site {
        files,
        catalogues: published,
        issues,
        refused,
    })
}

/// The Chinese name of a 领域 code, else the code (未注明领域 when empty).
pub(crate) fn field_name(code: &str) -> &str {
    match code.trim() {
        "" => "未注明领域",
        c => domain_by_code(c).map_or(c, |d| d.zh),
    }
}

/// The 编制单位 as shown (未注明编制单位 when empty).
pub(crate) fn publisher_name(publisher: &str) -> &str {
    match publisher.trim() {
        "" => "未注明编制单位",
        p => p,
    }
}

/// Whether a path may be one of the generator's files: relative, `/`-separated, one or two
/// segments of ASCII letters, digits, `.`, `_` and `-`, none starting with `.`. Entries of a
/// manifest that are not are ignored, so a tampered manifest cannot make a run delete
/// anything outside the output folder.
pub fn is_own_path(path: &str) -> bool {
    let segments: Vec<&str> = path.split('/').collect();
    path.len() <= 200
        && (1..=2).contains(&segments.len())
        && segments.iter().all(|s| {
            !s.is_empty()
                && !s.starts_with('.')
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
        })
}

/// The files a manifest lists (lines that are not comments and pass [`is_own_path`]).
pub fn manifest_entries(manifest: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(manifest)
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#') && is_own_path(l))
        .map(str::to_owned)
        .collect()
}

/// What a run must do to the output folder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncPlan {
    /// Files to write (new or changed), in [`Site::files`] order with the manifest last.
    pub write: Vec<String>,
    /// Files already there with the same bytes.
    pub unchanged: Vec<String>,
    /// Files of the previous run no longer produced: remove them.
    pub remove: Vec<String>,
    /// Files to write that exist with other bytes and that the previous run did not write:
    /// someone else's files. Write nothing while there is one.
    pub conflicts: Vec<String>,
}

/// Plans a run: compares each file with what is at its path (`existing(path)` gives the bytes
/// there, `None` when there is no file) and with the previous manifest (its bytes, `None`
/// when there is none). Only files the previous manifest lists are ever removed, and a file
/// that is in the way but was not written by the generator is a conflict, never overwritten.
pub fn plan_sync(
    site: &Site,
    previous_manifest: Option<&[u8]>,
    mut existing: impl FnMut(&str) -> Option<Vec<u8>>,
) -> SyncPlan {
    let previous: BTreeSet<String> = previous_manifest
        .map(manifest_entries)
        .unwrap_or_default()
        .into_iter()
        .collect();
    let mut plan = SyncPlan::default();
    let mut manifest_changed = false;
    for f in &site.files {
        let on_disk = existing(&f.path);
        match on_disk {
            Some(b) if b == f.bytes => plan.unchanged.push(f.path.clone()),
            Some(_) if f.path != MANIFEST && !previous.contains(&f.path) => {
                plan.conflicts.push(f.path.clone());
            }
            _ if f.path == MANIFEST => manifest_changed = true,
            _ => plan.write.push(f.path.clone()),
        }
    }
    if manifest_changed {
        plan.write.push(MANIFEST.into());
    }
    let produced: BTreeSet<&str> = site.files.iter().map(|f| f.path.as_str()).collect();
    plan.remove = previous
        .into_iter()
        .filter(|p| !produced.contains(p.as_str()))
        .collect();
    plan
}

#[cfg(test)]
mod tests;
