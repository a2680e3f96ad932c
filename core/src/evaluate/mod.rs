//! 监督评价: evaluate every unit's catalogue and write the 通报.
//!
//! The county bureau's office tracks how each unit (二级机构, township, village committee)
//! implements its catalogue, evaluates it each quarter and circulates the result. [`evaluate`]
//! does that across units: for each unit it reads the catalogue through the one loader
//! ([`crate::import::load`]), validates it ([`crate::Validator::validate_loaded`]), compares it
//! with the upper-level standard ([`crate::diff::diff`]) and with its parent's catalogue
//! ([`crate::diff::consistency`]), audits its publication records ([`crate::audit`], with the
//! 解读同步率 of [`crate::audit::interpretations`]), and scores it by a deduction table
//! ([`Scoring`]); then it ranks the units and sums them up. [`to_html`] writes the 通报 and
//! [`to_xlsx`] the workbook; the [`Evaluation`] itself is the JSON report
//! ([`report_schema`], `gongkai schema --evaluation`).
//!
//! ```
//! use gongkai::evaluate::{self, EvaluateOptions, MemoryUnit};
//! # std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).unwrap();
//! let bytes = std::fs::read("examples/wuzhi-municipal.json")?;
//! let units = vec![MemoryUnit::new("武陟县城市管理局", "wuzhi-municipal.json", bytes)];
//! let report = evaluate::evaluate_memory(units, &EvaluateOptions::default());
//! let unit = &report.units[0];
//! assert_eq!(unit.rank, Some(1));
//! assert!(unit.score.is_some_and(|s| s > 90.0), "{:?}", unit.deductions);
//! assert_eq!(unit.coverage.as_ref().map(|c| c.missing), Some(0));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What is measured, per unit
//!
//! - **completeness** of the nine elements (公开事项, 公开内容, 公开依据, 公开时限, 公开主体,
//!   公开渠道, 公开对象, 公开方式, 公开层级): the share of items with each filled, and for
//!   时限/依据/渠道 the share understood (a time limit that is not `unparsed`; citations whose
//!   title is recognised, i.e. no `basis.no_instrument` or `basis.vague_title`; at least one of
//!   the twelve standard channels);
//! - every **problem** (validation, import, diff, consistency, records), counted by severity
//!   and by family;
//! - **coverage** of the upper-level standard: present, weakened, missing. The reference is
//!   [`EvaluateOptions::reference`], else the embedded standard of the unit's 领域; only its
//!   items whose 公开层级 include the unit's 目录层级 count (a village is not held to county
//!   items);
//! - **agreement with the parent** (村 ↔ 乡, 二级机构 ↔ 局): the consistency check;
//! - with records: the **按时公开率** (on time / assessed), the **公开覆盖率** (主动公开 items with
//!   at least one publication in the records / 主动公开 items), records **overdue now** (as of
//!   [`EvaluateOptions::today`]) and the **解读同步率**;
//! - the **score**: 100 minus the deductions of [`Scoring`], each naming its findings; and the
//!   **rank** (1 = best, ties share a rank; units that cannot be read have none).
//!
//! # Speed and memory
//!
//! Units are evaluated in parallel ([`EvaluateOptions::workers`], `std::thread::scope`) and
//! streamed: a unit's file is read, evaluated and dropped, and only its result is kept. The
//! catalogues of units named as a parent are kept while the children are evaluated.

mod files;
mod html;
mod plan;
mod scoring;
mod unit;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use files::{FileInputs, collect_inputs, evaluate_paths};
pub use html::to_html;
pub use plan::{
    Manifest, ManifestRow, Plan, UnitSpec, file_name, is_catalogue_file, is_records_file, plan,
    unit_name,
};
pub use scoring::{CLASSES, DEFAULT_SCORING_JSON, Scoring, ScoringClass, class_of};
#[cfg(feature = "xlsx")]
pub use xlsx::to_xlsx;

use crate::audit::InterpretationTally;
use crate::calendar::Calendar;
use crate::codes::{Code, Family};
use crate::error::Error;
use crate::issue::{Counts, Issue, Lang, Severity};
use crate::model::{Catalogue, Level};
use crate::report::SourceMap;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The reference every unit is compared with.
#[derive(Debug, Clone)]
pub struct Reference {
    /// Its name (an embedded name, or the file's).
    pub name: String,
    /// The catalogue.
    pub catalogue: Catalogue<'static>,
    /// Its cells, when it came from a table.
    pub sources: Option<SourceMap>,
}

impl Reference {
    /// An embedded reference ([`crate::diff::REFERENCE_NAMES`]).
    pub fn embedded(name: &str) -> Result<Reference, Error> {
        let catalogue = crate::diff::reference(name).ok_or_else(|| {
            Error::InvalidArgument(format!(
                "没有名为“{}”的内置上级标准目录（可用：{}），也可给出目录文件",
                crate::excerpt(name, 40),
                crate::diff::REFERENCE_NAMES.join("、")
            ))
        })?;
        Ok(Reference {
            name: name.to_owned(),
            catalogue,
            sources: None,
        })
    }

    /// A catalogue file used as the reference.
    pub fn load(bytes: &[u8], file: &str) -> Result<Reference, Error> {
        let loaded = crate::import::load(
            bytes,
            &crate::import::ImportOptions::default().file_name(file),
        )?;
        Ok(Reference {
            name: file_name(file).to_owned(),
            catalogue: loaded.catalogue,
            sources: loaded.sources,
        })
    }
}

/// Options of an evaluation.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct EvaluateOptions {
    /// The evaluation day: records not published by their deadline are overdue as of it.
    /// Never read from the clock; without it nothing is overdue.
    pub today: Option<NaiveDate>,
    /// Language of messages and of the 通报.
    pub lang: Lang,
    /// The reference for every unit; `None`: the embedded standard of each unit's 领域.
    pub reference: Option<Reference>,
    /// The deduction table.
    pub scoring: Scoring,
    /// The working-day calendar (default: the embedded State Council schedule).
    pub calendar: Option<Calendar>,
    /// Worker threads (0: one per core).
    pub workers: usize,
    /// The 通报's title (default: 政务公开监督评价通报).
    pub title: Option<String>,
}

impl EvaluateOptions {
    /// Sets the evaluation day.
    pub fn today(mut self, d: NaiveDate) -> Self {
        self.today = Some(d);
        self
    }
    /// Sets the language.
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }
    /// Sets the reference.
    pub fn reference(mut self, r: Reference) -> Self {
        self.reference = Some(r);
        self
    }
    /// Sets the deduction table.
    pub fn scoring(mut self, s: Scoring) -> Self {
        self.scoring = s;
        self
    }
    /// Sets the calendar.
    pub fn calendar(mut self, c: Calendar) -> Self {
        self.calendar = Some(c);
        self
    }
    /// Sets the number of worker threads (0: one per core).
    pub fn workers(mut self, n: usize) -> Self {
        self.workers = n;
        self
    }
    /// Sets the 通报's title.
    pub fn title(mut self, t: impl Into<String>) -> Self {
        self.title = Some(t.into());
        self
    }
}

/// Why a unit was not scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UnitError {
    /// `evaluate.missing_file`, or the loader's error code (`json`, `import`, `io` …).
    pub code: String,
    /// What went wrong, where, and how to fix it.
    pub message: String,
}

/// One of the nine elements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ElementShare {
    /// `name`, `content`, `basis`, `time_limit`, `subject`, `channels`, `audience`, `method`,
    /// `levels`.
    pub element: String,
    /// 公开事项, 公开内容 …
    pub title: String,
    /// Items with it filled.
    pub filled: usize,
    /// filled / items.
    pub filled_share: f64,
    /// 时限, 依据, 渠道: items with it understood.
    pub understood: Option<usize>,
    /// understood / items.
    pub understood_share: Option<f64>,
}

/// Completeness of the nine elements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Completeness {
    /// Each element.
    pub elements: Vec<ElementShare>,
    /// The mean of the elements' shares (understood where measured, else filled).
    pub overall: f64,
}

/// Coverage of the upper-level standard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UnitCoverage {
    /// The reference's name.
    pub reference: String,
    /// Reference items that apply to the unit's level.
    pub reference_items: usize,
    /// Present (matched).
    pub present: usize,
    /// Present and fully kept.
    pub fully_kept: usize,
    /// Present but weakened.
    pub weakened: usize,
    /// Missing.
    pub missing: usize,
    /// present / reference_items.
    pub present_share: f64,
    /// fully_kept / reference_items.
    pub fully_kept_share: f64,
}

/// Agreement with the parent's catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UnitConsistency {
    /// The parent unit.
    pub parent: String,
    /// Items both catalogues have.
    pub shared: usize,
    /// Shared items that agree on 公开内容 and 公开时限.
    pub consistent: usize,
    /// Shared items that do not.
    pub inconsistent: usize,
    /// consistent / shared (`None` when they share no item).
    pub consistent_share: Option<f64>,
}

/// The publication records' figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Publication {
    /// Records.
    pub records: usize,
    /// On time.
    pub on_time: usize,
    /// Published late.
    pub late: usize,
    /// Not published and past the deadline as of today.
    pub overdue: usize,
    /// Not yet due.
    pub pending: usize,
    /// Bad records.
    pub invalid: usize,
    /// On time + late + overdue.
    pub assessed: usize,
    /// 按时公开率: on time / assessed.
    pub on_time_rate: Option<f64>,
    /// 主动公开 items of the catalogue.
    pub proactive_items: usize,
    /// Of them, items with at least one publication in the records.
    pub items_published: usize,
    /// 公开覆盖率: items_published / proactive_items.
    pub coverage_rate: Option<f64>,
    /// 解读同步率.
    pub interpretations: InterpretationTally,
}

/// One finding behind a deduction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Evidence {
    /// The finding's code.
    pub code: Code,
    /// Its JSON Pointer (into the catalogue, or `/records/N/…` into the records).
    pub path: String,
    /// The item's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// The cell (`Sheet1!F7`, `F7`) or the records line (`记录第 3 行`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

/// Points lost for one class of findings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Deduction {
    /// The class ([`CLASSES`]).
    pub class: String,
    /// Its name.
    pub title: String,
    /// Findings in the class.
    pub count: usize,
    /// Points per finding.
    pub points_each: f64,
    /// The class's cap.
    pub cap: f64,
    /// Points deducted: min(count × points_each, cap).
    pub points: f64,
    /// The findings.
    pub evidence: Vec<Evidence>,
}

/// Where a problem was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProblemSource {
    /// The unit's catalogue (validation, import, diff).
    Catalogue,
    /// The consistency check with the parent.
    Parent,
    /// The publication records.
    Records,
    /// The evaluation itself (unreadable files, unknown parents).
    Evaluation,
}

/// A problem of a unit: an [`Issue`] with where it was found and the class it counts in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Problem {
    /// Where it was found.
    pub source: ProblemSource,
    /// The file it is in.
    pub file: Option<String>,
    /// The cell or records line, as text.
    pub cell: Option<String>,
    /// The deduction class it counts in.
    pub class: Option<String>,
    /// The issue.
    #[serde(flatten)]
    pub issue: Issue,
}

/// The evaluation of one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UnitResult {
    /// The unit (单位).
    pub unit: String,
    /// The catalogue file.
    pub file: String,
    /// The records file.
    pub records_file: Option<String>,
    /// The parent unit.
    pub parent: Option<String>,
    /// 目录名称.
    pub title: Option<String>,
    /// 编制单位.
    pub publisher: Option<String>,
    /// 领域 code.
    pub domain: Option<String>,
    /// 目录层级.
    pub level: Option<Level>,
    /// Why it was not scored.
    pub error: Option<UnitError>,
    /// Items.
    pub items: usize,
    /// 0–100 (1 decimal); `None` when it could not be read.
    pub score: Option<f64>,
    /// 1 = best; ties share a rank.
    pub rank: Option<usize>,
    /// Points lost, per class (only classes with findings).
    pub deductions: Vec<Deduction>,
    /// Completeness of the nine elements.
    pub completeness: Option<Completeness>,
    /// Problems by severity.
    pub counts: Counts,
    /// Problems by family code.
    pub by_family: BTreeMap<String, Counts>,
    /// Coverage of the upper-level standard.
    pub coverage: Option<UnitCoverage>,
    /// Agreement with the parent.
    pub consistency: Option<UnitConsistency>,
    /// Publication figures (with records).
    pub publication: Option<Publication>,
    /// Every problem.
    pub problems: Vec<Problem>,
}

/// A code and how often it was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CodeCount {
    /// The code.
    pub code: Code,
    /// Its title.
    pub title: String,
    /// Its severity.
    pub severity: Severity,
    /// How often.
    pub count: usize,
    /// In how many units.
    pub units: usize,
}

/// Points lost for one class across units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ClassTotal {
    /// The class.
    pub class: String,
    /// Its name.
    pub title: String,
    /// Points lost in all units.
    pub points: f64,
    /// Findings.
    pub count: usize,
    /// Units that lost points for it.
    pub units: usize,
}

/// The figures across units (`EvaluationSummary` in the schema: the audit has a `Summary`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "EvaluationSummary")]
pub struct Summary {
    /// Units listed.
    pub units: usize,
    /// Units scored.
    pub evaluated: usize,
    /// Units that could not be read.
    pub unreadable: usize,
    /// Items of the units scored.
    pub items: usize,
    /// Mean score.
    pub mean_score: Option<f64>,
    /// Median score.
    pub median_score: Option<f64>,
    /// Lowest score.
    pub min_score: Option<f64>,
    /// Highest score.
    pub max_score: Option<f64>,
    /// Problems by severity.
    pub counts: Counts,
    /// Problems by family.
    pub by_family: BTreeMap<String, Counts>,
    /// 按时公开率 over every assessed record.
    pub on_time_rate: Option<f64>,
    /// 公开覆盖率 over every 主动公开 item of the units with records.
    pub publication_coverage: Option<f64>,
    /// 解读同步率 over every policy document.
    pub interpretation_sync_rate: Option<f64>,
    /// Mean share of the reference present, over the units compared.
    pub reference_coverage: Option<f64>,
    /// Records overdue as of today.
    pub overdue_now: usize,
    /// The ten most frequent problem codes (errors and warnings).
    pub top_codes: Vec<CodeCount>,
    /// Points lost per class.
    pub deductions: Vec<ClassTotal>,
}

/// The result of an evaluation: the JSON report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "监督评价报告",
    description = "gongkai evaluate 的报告：每个单位的得分、排名、扣分及其依据，和汇总"
)]
pub struct Evaluation {
    /// The 通报's title.
    pub title: String,
    /// The evaluation day.
    pub today: Option<NaiveDate>,
    /// The language of messages.
    pub lang: Lang,
    /// The units, best first (units that could not be read last).
    pub units: Vec<UnitResult>,
    /// The figures across units.
    pub summary: Summary,
    /// The deduction table used.
    pub scoring: Scoring,
    /// Problems of the evaluation itself (files, manifest, records).
    pub issues: Vec<Issue>,
}

impl Evaluation {
    /// Pretty JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The unit named `unit`.
    pub fn unit(&self, unit: &str) -> Option<&UnitResult> {
        self.units.iter().find(|u| u.unit == unit)
    }
}

/// The JSON Schema of [`Evaluation`] (draft 2020-12), as `schema/evaluation.schema.json`.
pub fn report_schema() -> serde_json::Value {
    let mut v = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Evaluation>()
        .to_value();
    if let serde_json::Value::Object(m) = &mut v {
        m.insert(
            "$id".into(),
            serde_json::Value::String("urn:gongkai:schema:evaluation:1.0".into()),
        );
    }
    v
}

/// The schema as pretty JSON text with a trailing newline.
pub fn report_schema_text() -> String {
    let mut s = serde_json::to_string_pretty(&report_schema()).unwrap_or_default();
    s.push('\n');
    s
}

/// Reads a file by name: `Ok(None)` when there is no such file.
pub type Reader<'a> = &'a (dyn Fn(&str) -> Result<Option<Vec<u8>>, Error> + Sync);

/// Called after each unit: units done, units in all, the unit's name.
pub type Progress<'a> = &'a (dyn Fn(usize, usize, &str) + Sync);

/// One unit given in memory (for the bindings).
#[derive(Debug, Clone)]
pub struct MemoryUnit {
    /// The unit's name.
    pub unit: String,
    /// The catalogue's file name (its extension tells the format).
    pub file: String,
    /// The catalogue's bytes.
    pub bytes: Vec<u8>,
    /// The records: file name and bytes.
    pub records: Option<(String, Vec<u8>)>,
    /// The parent unit.
    pub parent: Option<String>,
}

impl MemoryUnit {
    /// A unit without records or parent.
    pub fn new(unit: impl Into<String>, file: impl Into<String>, bytes: Vec<u8>) -> Self {
        MemoryUnit {
            unit: unit.into(),
            file: file.into(),
            bytes,
            records: None,
            parent: None,
        }
    }

    /// Adds records.
    pub fn records(mut self, file: impl Into<String>, bytes: Vec<u8>) -> Self {
        self.records = Some((file.into(), bytes));
        self
    }

    /// Sets the parent.
    pub fn parent(mut self, parent: impl Into<String>) -> Self {
        self.parent = Some(parent.into());
        self
    }
}

/// Evaluates units given in memory. Two units with the same name keep both (the later one
/// renamed, with an issue); each unit's files are its own, whatever their names.
pub fn evaluate_memory(units: Vec<MemoryUnit>, options: &EvaluateOptions) -> Evaluation {
    let mut files: HashMap<String, Vec<u8>> = HashMap::new();
    let mut specs = Vec::with_capacity(units.len());
    let mut issues = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for (i, u) in units.into_iter().enumerate() {
        // Keys unique per unit; the file name shown is the one given.
        let key = format!("{i}\u{0}{}", u.file);
        let mut name = u.unit.clone();
        if let Some(other) = seen.get(&name) {
            let renamed = format!("{name}（{}）", u.file);
            issues.push(
                crate::issue::Finding::new(
                    crate::codes::evaluate::DUPLICATE_UNIT,
                    "",
                    None,
                    &[
                        ("file", u.file.clone()),
                        ("other", other.clone()),
                        ("unit", name.clone()),
                        ("renamed", renamed.clone()),
                    ],
                )
                .render(options.lang, None),
            );
            name = renamed;
        }
        seen.insert(name.clone(), u.file.clone());
        files.insert(key.clone(), u.bytes);
        let records = u.records.map(|(n, b)| {
            let k = format!("{i}\u{0}r\u{0}{n}");
            files.insert(k.clone(), b);
            k
        });
        specs.push(UnitSpec {
            unit: name,
            catalogue: key,
            records,
            parent: u.parent,
        });
    }
    let read = |name: &str| Ok(files.get(name).cloned());
    let mut report = evaluate(
        &Plan {
            units: specs,
            issues,
        },
        &read,
        options,
        None,
    );
    // Show the file names without the keys.
    let shown = |k: &str| k.rsplit('\u{0}').next().unwrap_or(k).to_owned();
    for u in &mut report.units {
        u.file = shown(&u.file);
        u.records_file = u.records_file.as_deref().map(shown);
        for p in &mut u.problems {
            p.file = p.file.as_deref().map(shown);
            for v in p.issue.params.values_mut() {
                if v.contains('\u{0}') {
                    *v = shown(v);
                }
            }
            if p.issue.message.contains('\u{0}') {
                p.issue.rerender(options.lang);
            }
        }
        if let Some(e) = &mut u.error {
            if e.message.contains('\u{0}') {
                e.message = e
                    .message
                    .split('\u{0}')
                    .next_back()
                    .unwrap_or_default()
                    .to_owned();
            }
        }
    }
    report
}

/// Runs `f` over `0..n` on `workers` threads (inline with one), results in index order.
fn parallel<T: Send>(n: usize, workers: usize, f: &(dyn Fn(usize) -> T + Sync)) -> Vec<T> {
    if workers <= 1 || n <= 1 {
        return (0..n).map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Option<T>>> = Mutex::new((0..n).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..workers.min(n) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    let r = f(i);
                    let mut g = slots
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    if let Some(slot) = g.get_mut(i) {
                        *slot = Some(r);
                    }
                }
            });
        }
    });
    slots
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .into_iter()
        .flatten()
        .collect()
}

fn worker_count(options: &EvaluateOptions) -> usize {
    if options.workers > 0 {
        options.workers
    } else {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    }
}

/// Evaluates the units of a plan, reading each file with `read` when its turn comes.
pub fn evaluate(
    plan: &Plan,
    read: Reader<'_>,
    options: &EvaluateOptions,
    progress: Option<Progress<'_>>,
) -> Evaluation {
    let workers = worker_count(options);
    let shared = unit::Shared::new(options);
    // Parents first: their catalogues are kept while the children are evaluated.
    let index: HashMap<&str, usize> = plan
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.unit.as_str(), i))
        .collect();
    let mut parent_ids: Vec<usize> = plan
        .units
        .iter()
        .filter_map(|u| u.parent.as_deref())
        .filter_map(|p| index.get(p).copied())
        .collect();
    parent_ids.sort_unstable();
    parent_ids.dedup();
    let loaded = parallel(parent_ids.len(), workers, &|k| {
        unit::load_catalogue(&plan.units[parent_ids[k]], read).ok()
    });
    let parents: HashMap<String, Option<std::sync::Arc<crate::import::Loaded>>> = parent_ids
        .iter()
        .zip(loaded)
        .map(|(i, l)| (plan.units[*i].unit.clone(), l.map(std::sync::Arc::new)))
        .collect();
    let done = AtomicUsize::new(0);
    let n = plan.units.len();
    let mut units = parallel(n, workers, &|i| {
        let spec = &plan.units[i];
        let r = unit::evaluate_unit(spec, read, &shared, &parents, &index);
        let k = done.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(p) = progress {
            p(k, n, &spec.unit);
        }
        r
    });
    rank(&mut units);
    let summary = summarise(&units, &options.scoring);
    Evaluation {
        title: options.title.clone().unwrap_or_else(|| {
            options
                .lang
                .pick("政务公开监督评价通报", "Disclosure evaluation report")
                .to_owned()
        }),
        today: options.today,
        lang: options.lang,
        units,
        summary,
        scoring: options.scoring.clone(),
        issues: plan.issues.clone(),
    }
}

/// Rounds to one decimal.
pub(crate) fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Rounds a share to four decimals.
pub(crate) fn round4(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

/// Sorts best first and gives ranks (ties share one; the next rank skips: 1, 1, 3).
fn rank(units: &mut [UnitResult]) {
    units.sort_by(|a, b| match (a.score, b.score) {
        (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| a.unit.cmp(&b.unit)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.unit.cmp(&b.unit),
    });
    let mut last: Option<(f64, usize)> = None;
    for (i, u) in units.iter_mut().enumerate() {
        u.rank = u.score.map(|s| match last {
            Some((ls, lr)) if ls == s => lr,
            _ => {
                last = Some((s, i + 1));
                i + 1
            }
        });
    }
}

fn summarise(units: &[UnitResult], scoring: &Scoring) -> Summary {
    let mut scores: Vec<f64> = units.iter().filter_map(|u| u.score).collect();
    scores.sort_by(f64::total_cmp);
    let evaluated = scores.len();
    let mean = (evaluated > 0).then(|| round1(scores.iter().sum::<f64>() / evaluated as f64));
    let median = (evaluated > 0).then(|| {
        let m = evaluated / 2;
        if evaluated % 2 == 1 {
            scores[m]
        } else {
            round1(f64::midpoint(scores[m - 1], scores[m]))
        }
    });
    let mut counts = Counts::default();
    let mut by_family: BTreeMap<String, Counts> = BTreeMap::new();
    let mut codes: HashMap<Code, (usize, usize)> = HashMap::new();
    let (mut on_time, mut assessed, mut proactive, mut published, mut overdue) = (0, 0, 0, 0, 0);
    let mut interp = InterpretationTally::default();
    let mut shares = Vec::new();
    for u in units {
        counts.error += u.counts.error;
        counts.warning += u.counts.warning;
        counts.info += u.counts.info;
        for (f, c) in &u.by_family {
            let t = by_family.entry(f.clone()).or_default();
            t.error += c.error;
            t.warning += c.warning;
            t.info += c.info;
        }
        let mut seen = std::collections::HashSet::new();
        for p in u
            .problems
            .iter()
            .filter(|p| p.issue.severity != Severity::Info)
        {
            let e = codes.entry(p.issue.code).or_default();
            e.0 += 1;
            if seen.insert(p.issue.code) {
                e.1 += 1;
            }
        }
        if let Some(p) = &u.publication {
            on_time += p.on_time;
            assessed += p.assessed;
            proactive += p.proactive_items;
            published += p.items_published;
            overdue += p.overdue;
            interp.merge(&p.interpretations);
        }
        if let Some(c) = &u.coverage {
            shares.push(c.present_share);
        }
    }
    let mut top: Vec<CodeCount> = codes
        .into_iter()
        .map(|(code, (count, units))| CodeCount {
            code,
            title: code.def().title.to_owned(),
            severity: code.severity(),
            count,
            units,
        })
        .collect();
    top.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.code.cmp(&b.code)));
    top.truncate(10);
    let deductions = scoring
        .classes
        .iter()
        .filter_map(|c| {
            let (mut points, mut count, mut n) = (0.0, 0, 0);
            for u in units {
                if let Some(d) = u.deductions.iter().find(|d| d.class == c.class) {
                    points += d.points;
                    count += d.count;
                    n += 1;
                }
            }
            (n > 0).then(|| ClassTotal {
                class: c.class.clone(),
                title: c.title.clone(),
                points: round1(points),
                count,
                units: n,
            })
        })
        .collect();
    let ratio = |a: usize, b: usize| (b > 0).then(|| round4(a as f64 / b as f64));
    Summary {
        units: units.len(),
        evaluated,
        unreadable: units.len() - evaluated,
        items: units
            .iter()
            .filter(|u| u.score.is_some())
            .map(|u| u.items)
            .sum(),
        mean_score: mean,
        median_score: median,
        min_score: scores.first().copied(),
        max_score: scores.last().copied(),
        counts,
        by_family,
        on_time_rate: ratio(on_time, assessed),
        publication_coverage: ratio(published, proactive),
        interpretation_sync_rate: interp.sync_rate.map(round4),
        reference_coverage: (!shares.is_empty())
            .then(|| round4(shares.iter().sum::<f64>() / shares.len() as f64)),
        overdue_now: overdue,
        top_codes: top,
        deductions,
    }
}

/// The family code of an issue, for `by_family`.
pub(crate) fn family_code(code: Code) -> &'static str {
    let f: Family = code.family();
    f.code()
}
