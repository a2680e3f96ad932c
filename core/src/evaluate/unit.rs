//! The evaluation of one unit.

use super::{
    Completeness, Deduction, ElementShare, EvaluateOptions, Evidence, Problem, ProblemSource,
    Publication, Reader, UnitConsistency, UnitCoverage, UnitError, UnitResult, UnitSpec, class_of,
    family_code, file_name, round1, round4,
};
use crate::audit::{self, AuditOptions, Status};
use crate::calendar::Calendar;
use crate::codes;
use crate::diff::{self, DiffOptions};
use crate::error::Error;
use crate::import::{ImportOptions, Loaded};
use crate::issue::{Counts, Finding, Issue, Lang, Location, RecordRef};
use crate::model::{Catalogue, Item, TimeLimitKind};
use crate::validate::{Options, Validator};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

/// What every unit's evaluation shares.
pub(super) struct Shared<'a> {
    pub options: &'a EvaluateOptions,
    pub validator: Validator,
    pub calendar: &'a Calendar,
    /// Embedded references by 领域, parsed once.
    pub embedded: HashMap<&'static str, Catalogue<'static>>,
}

impl<'a> Shared<'a> {
    pub fn new(options: &'a EvaluateOptions) -> Self {
        let mut v = Options::default().lang(options.lang);
        if let Some(t) = options.today {
            v = v.today(t);
        }
        Shared {
            options,
            validator: Validator::new(v),
            calendar: options
                .calendar
                .as_ref()
                .unwrap_or_else(|| crate::calendar::embedded()),
            embedded: crate::diff::REFERENCE_NAMES
                .iter()
                .filter_map(|n| crate::diff::reference(n).map(|c| (*n, c)))
                .collect(),
        }
    }
}

/// Why a catalogue could not be loaded.
pub(super) enum LoadError {
    Missing,
    Failed(Error),
}

/// Reads and loads a unit's catalogue.
pub(super) fn load_catalogue(spec: &UnitSpec, read: Reader<'_>) -> Result<Loaded, LoadError> {
    let bytes = read(&spec.catalogue)
        .map_err(LoadError::Failed)?
        .ok_or(LoadError::Missing)?;
    crate::import::load(
        &bytes,
        &ImportOptions::default().file_name(shown_name(&spec.catalogue)),
    )
    .map_err(LoadError::Failed)
}

/// The file name of a path or of an in-memory key (`N\0name`).
fn shown_name(key: &str) -> &str {
    file_name(key.rsplit('\u{0}').next().unwrap_or(key))
}

/// The text of a cell: `Sheet1!F7`, `F7`, or the row alone.
pub(super) fn cell_text(l: &Location) -> String {
    let cell = format!("{}{}", l.column.as_deref().unwrap_or(""), l.row);
    match &l.sheet {
        Some(s) => format!("{s}!{cell}"),
        None => cell,
    }
}

fn record_cell(lang: Lang, i: &Issue) -> Option<String> {
    let line = i
        .line()
        .or_else(|| i.location.as_ref().map(|l| u64::from(l.row)));
    match (line, i.row()) {
        (Some(l), _) => Some(match lang {
            Lang::Zh => format!("第 {l} 行"),
            Lang::En => format!("line {l}"),
        }),
        (None, Some(r)) => Some(match lang {
            Lang::Zh => format!("第 {r} 条"),
            Lang::En => format!("record {r}"),
        }),
        _ => None,
    }
}

struct Builder<'a> {
    lang: Lang,
    file: &'a str,
    records_file: Option<&'a str>,
    problems: Vec<Problem>,
}

impl Builder<'_> {
    fn push(&mut self, source: ProblemSource, issue: Issue) {
        let (file, cell) = match source {
            ProblemSource::Records => (
                self.records_file.map(str::to_owned),
                record_cell(self.lang, &issue),
            ),
            ProblemSource::Evaluation => (None, None),
            _ => (
                Some(self.file.to_owned()),
                issue.location.as_ref().map(cell_text),
            ),
        };
        self.problems.push(Problem {
            source,
            file,
            cell,
            class: class_of(&issue).map(str::to_owned),
            issue,
        });
    }
}

fn unreadable(spec: &UnitSpec, lang: Lang, code: &str, message: String) -> UnitResult {
    let finding = if code == codes::evaluate::MISSING_FILE.as_str() {
        Finding::new(
            codes::evaluate::MISSING_FILE,
            "",
            None,
            &[
                ("unit", spec.unit.clone()),
                ("file", spec.catalogue.clone()),
            ],
        )
    } else {
        Finding::new(
            codes::evaluate::UNREADABLE,
            "",
            None,
            &[("file", spec.catalogue.clone()), ("error", message.clone())],
        )
    };
    let issue = finding.render(lang, None);
    let message = if code == codes::evaluate::MISSING_FILE.as_str() {
        issue.message.clone()
    } else {
        message
    };
    let mut b = Builder {
        lang,
        file: &spec.catalogue,
        records_file: spec.records.as_deref(),
        problems: Vec::new(),
    };
    b.push(ProblemSource::Evaluation, issue);
    let mut r = empty(spec);
    r.error = Some(UnitError {
        code: code.to_owned(),
        message,
    });
    r.counts = Counts::of(b.problems.iter().map(|p| p.issue.severity));
    r.by_family = by_family(&b.problems);
    r.problems = b.problems;
    r
}

fn empty(spec: &UnitSpec) -> UnitResult {
    UnitResult {
        unit: spec.unit.clone(),
        file: spec.catalogue.clone(),
        records_file: spec.records.clone(),
        parent: spec.parent.clone(),
        title: None,
        publisher: None,
        domain: None,
        level: None,
        error: None,
        items: 0,
        score: None,
        rank: None,
        deductions: Vec::new(),
        completeness: None,
        counts: Counts::default(),
        by_family: BTreeMap::new(),
        coverage: None,
        consistency: None,
        publication: None,
        problems: Vec::new(),
    }
}

fn by_family(problems: &[Problem]) -> BTreeMap<String, Counts> {
    let mut m: BTreeMap<String, Counts> = BTreeMap::new();
    for p in problems {
        m.entry(family_code(p.issue.code).to_owned())
            .or_default()
            .add(p.issue.severity);
    }
    m
}

/// Evaluates one unit.
pub(super) fn evaluate_unit(
    spec: &UnitSpec,
    read: Reader<'_>,
    shared: &Shared<'_>,
    parents: &HashMap<String, Option<Arc<Loaded>>>,
    index: &HashMap<&str, usize>,
) -> UnitResult {
    let lang = shared.options.lang;
    let kept = parents.get(&spec.unit).and_then(Clone::clone);
    let owned;
    let loaded: &Loaded = match kept {
        Some(ref l) => l,
        None => match load_catalogue(spec, read) {
            Ok(l) => {
                owned = l;
                &owned
            }
            Err(LoadError::Missing) => {
                return unreadable(
                    spec,
                    lang,
                    codes::evaluate::MISSING_FILE.as_str(),
                    String::new(),
                );
            }
            Err(LoadError::Failed(e)) => return unreadable(spec, lang, e.code(), e.to_string()),
        },
    };
    let cat = &loaded.catalogue;
    let sources = loaded.sources.as_ref();
    let mut b = Builder {
        lang,
        file: &spec.catalogue,
        records_file: spec.records.as_deref(),
        problems: Vec::new(),
    };
    let mut result = empty(spec);
    result.title = Some(cat.title.to_string());
    result.publisher = Some(cat.publisher.to_string());
    result.domain = Some(cat.domain.to_string());
    result.level = Some(cat.level);
    result.items = cat.items.len();

    // Validation (with the importer's findings).
    let report = shared.validator.validate_loaded(loaded);
    let unclear_basis: HashSet<usize> = report
        .issues
        .iter()
        .filter(|i| i.code == codes::basis::NO_INSTRUMENT || i.code == codes::basis::VAGUE_TITLE)
        .filter_map(|i| item_index(&i.path))
        .collect();
    for i in report.issues {
        b.push(ProblemSource::Catalogue, i);
    }
    result.completeness = Some(completeness(cat, &unclear_basis, lang));

    // The upper-level standard.
    let diff_options = DiffOptions::default().lang(lang);
    let reference = match &shared.options.reference {
        Some(r) => Some((r.name.clone(), &r.catalogue, r.sources.as_ref())),
        None => shared
            .embedded
            .get_key_value(cat.domain.as_str())
            .map(|(n, c)| ((*n).to_owned(), c, None)),
    };
    match reference {
        Some((name, rc, rs)) => {
            let applicable = applicable(rc, cat);
            if applicable.items.is_empty() {
                b.push(ProblemSource::Evaluation, no_reference(cat, lang));
            } else {
                let d = diff::diff(&applicable, cat, &diff_options).with_locations(rs, sources);
                let c = &d.coverage;
                result.coverage = Some(UnitCoverage {
                    reference: name,
                    reference_items: c.reference_items,
                    present: c.matched,
                    fully_kept: c.fully_kept,
                    weakened: c.weakened,
                    missing: c.missing,
                    present_share: c.present_share,
                    fully_kept_share: c.fully_kept_share,
                });
                for f in d.findings {
                    b.push(ProblemSource::Catalogue, f);
                }
            }
        }
        None => b.push(ProblemSource::Evaluation, no_reference(cat, lang)),
    }

    // The parent.
    if let Some(parent) = &spec.parent {
        let finding = |code| {
            Finding::new(
                code,
                "",
                None,
                &[("unit", spec.unit.clone()), ("parent", parent.clone())],
            )
            .render(lang, None)
        };
        match parents.get(parent) {
            _ if !index.contains_key(parent.as_str()) || *parent == spec.unit => {
                b.push(
                    ProblemSource::Evaluation,
                    finding(codes::evaluate::UNKNOWN_PARENT),
                );
            }
            Some(Some(p)) => {
                let d = diff::consistency(&p.catalogue, cat, &diff_options)
                    .with_locations(p.sources.as_ref(), sources);
                let c = &d.coverage;
                result.consistency = Some(UnitConsistency {
                    parent: parent.clone(),
                    shared: c.matched,
                    consistent: c.fully_kept,
                    inconsistent: c.weakened,
                    consistent_share: (c.matched > 0)
                        .then(|| round4(c.fully_kept as f64 / c.matched as f64)),
                });
                for f in d.findings {
                    b.push(ProblemSource::Parent, f);
                }
            }
            _ => b.push(
                ProblemSource::Evaluation,
                finding(codes::evaluate::PARENT_UNREADABLE),
            ),
        }
    }

    // The records.
    if let Some(rf) = &spec.records {
        let records = match read(rf) {
            Ok(Some(bytes)) => audit::read_records(&bytes, Some(shown_name(rf))),
            Ok(None) => Err(Error::Io {
                path: rf.clone(),
                message: lang.pick("文件不存在", "no such file").to_owned(),
            }),
            Err(e) => Err(e),
        };
        match records {
            Ok(records) => {
                result.publication = Some(publication(cat, &records, shared, sources, &mut b));
            }
            Err(e) => b.push(
                ProblemSource::Evaluation,
                Finding::new(
                    codes::evaluate::RECORDS_UNREADABLE,
                    "",
                    None,
                    &[("file", rf.clone()), ("error", e.to_string())],
                )
                .render(lang, None),
            ),
        }
    }

    // Score.
    result.deductions = deductions(&b.problems, shared);
    let lost: f64 = result.deductions.iter().map(|d| d.points).sum();
    result.score = Some(round1((100.0 - lost).clamp(0.0, 100.0)));
    result.counts = Counts::of(b.problems.iter().map(|p| p.issue.severity));
    result.by_family = by_family(&b.problems);
    result.problems = b.problems;
    result
}

fn no_reference(cat: &Catalogue<'_>, lang: Lang) -> Issue {
    Finding::new(
        codes::evaluate::NO_REFERENCE,
        "",
        None,
        &[
            ("domain", cat.domain.to_string()),
            (
                "level",
                lang.pick(cat.level.zh(), cat.level.en()).to_owned(),
            ),
        ],
    )
    .render(lang, None)
}

/// The reference's items that apply to the unit's level (all of them when none lists a level).
fn applicable(reference: &Catalogue<'static>, unit: &Catalogue<'_>) -> Catalogue<'static> {
    let keep = |it: &Item<'_>| it.levels.is_empty() || it.levels.contains(&unit.level);
    if reference.items.iter().all(keep) {
        return reference.clone();
    }
    let mut r = reference.clone();
    r.items.retain(keep);
    r
}

/// `/items/N/...` → N.
fn item_index(path: &str) -> Option<usize> {
    path.strip_prefix("/items/")?
        .split('/')
        .next()?
        .parse()
        .ok()
}

fn completeness(cat: &Catalogue<'_>, unclear_basis: &HashSet<usize>, lang: Lang) -> Completeness {
    let n = cat.items.len();
    let filled = |f: &dyn Fn(&Item<'_>) -> bool| cat.items.iter().filter(|i| f(i)).count();
    let share = |k: usize| {
        if n == 0 {
            0.0
        } else {
            round4(k as f64 / n as f64)
        }
    };
    let nonempty = |t: &str| !t.trim().is_empty();
    let time_filled = |i: &Item<'_>| {
        i.time_limit.kind != TimeLimitKind::Unparsed
            || i.time_limit.text.as_deref().is_some_and(nonempty)
    };
    let rows: [(&str, &str, &str, usize, Option<usize>); 9] = [
        (
            "name",
            "公开事项",
            "item",
            filled(&|i| nonempty(&i.name) && nonempty(&i.category)),
            None,
        ),
        (
            "content",
            "公开内容",
            "content",
            filled(&|i| i.content.iter().any(|c| nonempty(c))),
            None,
        ),
        (
            "basis",
            "公开依据",
            "legal basis",
            filled(&|i| i.basis.iter().any(|c| nonempty(&c.title))),
            Some(
                cat.items
                    .iter()
                    .enumerate()
                    .filter(|(k, i)| {
                        i.basis.iter().any(|c| nonempty(&c.title)) && !unclear_basis.contains(k)
                    })
                    .count(),
            ),
        ),
        (
            "time_limit",
            "公开时限",
            "time limit",
            filled(&time_filled),
            Some(filled(&|i| i.time_limit.kind != TimeLimitKind::Unparsed)),
        ),
        (
            "subject",
            "公开主体",
            "subject",
            filled(&|i| nonempty(&i.subject)),
            None,
        ),
        (
            "channels",
            "公开渠道",
            "channels",
            filled(&|i| !i.channels.is_empty() || i.other_channels.iter().any(|c| nonempty(c))),
            Some(filled(&|i| !i.channels.is_empty())),
        ),
        (
            "audience",
            "公开对象",
            "audience",
            filled(&|i| !i.audience.is_empty()),
            None,
        ),
        (
            "method",
            "公开方式",
            "method",
            filled(&|i| !i.method.is_empty()),
            None,
        ),
        (
            "levels",
            "公开层级",
            "levels",
            filled(&|i| !i.levels.is_empty()),
            None,
        ),
    ];
    let elements: Vec<ElementShare> = rows
        .iter()
        .map(|(code, zh, en, f, u)| ElementShare {
            element: (*code).to_owned(),
            title: lang.pick(zh, en).to_owned(),
            filled: *f,
            filled_share: share(*f),
            understood: *u,
            understood_share: u.map(share),
        })
        .collect();
    let overall = round4(
        elements
            .iter()
            .map(|e| e.understood_share.unwrap_or(e.filled_share))
            .sum::<f64>()
            / elements.len() as f64,
    );
    Completeness { elements, overall }
}

fn publication(
    cat: &Catalogue<'_>,
    records: &audit::Records,
    shared: &Shared<'_>,
    sources: Option<&crate::report::SourceMap>,
    b: &mut Builder<'_>,
) -> Publication {
    let lang = shared.options.lang;
    let mut ao = AuditOptions::default().lang(lang);
    if let Some(t) = shared.options.today {
        ao = ao.today(t);
    }
    let report = audit::audit(cat, records, shared.calendar, &ao);
    for i in report.issues {
        b.push(ProblemSource::Records, i);
    }
    let mut published_items: HashSet<&str> = HashSet::new();
    for row in &report.rows {
        let item = row.item_name.clone().unwrap_or_else(|| row.item_id.clone());
        let record_issue = |code, pairs: &[(&str, String)]| {
            let mut f = Finding::new(
                code,
                format!("/records/{}/published_on", row.row.saturating_sub(1)),
                Some(&row.item_id),
                pairs,
            );
            f.params.insert("row", row.row.to_string());
            f.params.insert("item", crate::excerpt(&item, 40));
            f.location = row
                .line
                .and_then(|l| u32::try_from(l).ok())
                .map(|l| Location {
                    sheet: None,
                    row: l,
                    column: None,
                    header: Some("published_on".into()),
                });
            f.record = Some(RecordRef {
                row: Some(row.row),
                line: row.line,
                column: Some("published_on".into()),
            });
            f.render(lang, None)
        };
        let deadline = row.deadline.map(|d| d.to_string()).unwrap_or_default();
        let days = row.late_by_days.unwrap_or(0).to_string();
        match row.status {
            Status::Late => b.push(
                ProblemSource::Records,
                record_issue(
                    codes::evaluate::PUBLISHED_LATE,
                    &[
                        (
                            "published_on",
                            row.published_on.map(|d| d.to_string()).unwrap_or_default(),
                        ),
                        ("deadline", deadline),
                        ("days", days),
                    ],
                ),
            ),
            Status::Overdue => b.push(
                ProblemSource::Records,
                record_issue(
                    codes::evaluate::OVERDUE,
                    &[
                        ("deadline", deadline),
                        (
                            "today",
                            shared
                                .options
                                .today
                                .map(|d| d.to_string())
                                .unwrap_or_default(),
                        ),
                        ("days", days),
                    ],
                ),
            ),
            _ => {}
        }
        if row.published_on.is_some() && row.status != Status::Invalid {
            published_items.insert(row.item_id.as_str());
        }
    }
    let mut proactive = 0;
    let mut items_published = 0;
    for (k, it) in cat.items.iter().enumerate() {
        if !it.is_proactive() {
            continue;
        }
        proactive += 1;
        if published_items.contains(it.id.as_str()) {
            items_published += 1;
        } else {
            b.push(
                ProblemSource::Catalogue,
                Finding::new(
                    codes::evaluate::NOT_PUBLISHED,
                    format!("/items/{k}/name"),
                    Some(&it.id),
                    &[("item", crate::excerpt(&it.name, 40))],
                )
                .render(lang, sources),
            );
        }
    }
    let interp = audit::interpretations(records, lang);
    for i in interp.issues {
        b.push(ProblemSource::Records, i);
    }
    let o = &report.summary.overall;
    let mut tally = interp.tally;
    tally.sync_rate = tally.sync_rate.map(round4);
    Publication {
        records: o.records,
        on_time: o.on_time,
        late: o.late,
        overdue: o.overdue,
        pending: o.pending,
        invalid: o.invalid,
        assessed: o.assessed,
        on_time_rate: o.on_time_rate.map(round4),
        proactive_items: proactive,
        items_published,
        coverage_rate: (proactive > 0).then(|| round4(items_published as f64 / proactive as f64)),
        interpretations: tally,
    }
}

fn deductions(problems: &[Problem], shared: &Shared<'_>) -> Vec<Deduction> {
    let mut out = Vec::new();
    for class in &shared.options.scoring.classes {
        let evidence: Vec<Evidence> = problems
            .iter()
            .filter(|p| p.class.as_deref() == Some(class.class.as_str()))
            .map(|p| Evidence {
                code: p.issue.code,
                path: p.issue.path.clone(),
                item_id: p.issue.item_id.clone(),
                cell: p.cell.clone(),
            })
            .collect();
        if evidence.is_empty() {
            continue;
        }
        let points = round1((evidence.len() as f64 * class.points).min(class.cap));
        out.push(Deduction {
            class: class.class.clone(),
            title: class.title.clone(),
            count: evidence.len(),
            points_each: class.points,
            cap: class.cap,
            points,
            evidence,
        });
    }
    out
}
