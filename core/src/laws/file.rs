//! Reading a registry file (the embedded one, or a user's): every problem with its entry and
//! field, in one error; replacements that point nowhere or form a cycle.

use super::*;
use crate::Lang;
use crate::model::CitationKind;
use serde_json::Value;
use std::collections::HashMap;

// ---------------------------------------------------------------------------------------------
// Reading and checking a registry file.

/// One problem of a registry file.
pub(super) struct Problem {
    /// 1-based entry number, and the entry's title when it has one.
    pub(super) entry: Option<(usize, Option<String>)>,
    /// The field, as a JSON path below the entry (`versions[1].in_force`).
    pub(super) field: Option<String>,
    pub(super) zh: String,
    pub(super) en: String,
}

impl Problem {
    pub(super) fn render(&self, lang: Lang) -> String {
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

pub(super) fn into_error(problems: Vec<Problem>, lang: Lang) -> crate::Error {
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

pub(super) const ENTRY_KEYS: &[&str] = &[
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
pub(super) const VERSION_KEYS: &[&str] = &[
    "change",
    "doc_no",
    "promulgated",
    "in_force",
    "by",
    "note",
    "source",
];

/// Reads a registry file into entries, or every problem it has.
pub(super) fn parse_file(text: &str, lang: Lang) -> Result<Vec<Law>, crate::Error> {
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

pub(super) fn parse_entry(n: usize, e: &Value, problems: &mut Vec<Problem>) -> Option<Law> {
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
    let mut string = |field: &str| optional_string(m, field, &mut p);
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

pub(super) fn parse_version(
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
    let mut get = |field: &str| optional_string(m, field, &mut p);
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

pub(super) fn parse_kind(s: &str) -> Option<CitationKind> {
    CitationKind::from_code(s).or_else(|| CitationKind::ALL.iter().copied().find(|k| k.zh() == s))
}

pub(super) fn kind_list(lang: Lang) -> String {
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
pub(super) fn build(
    user: Vec<Law>,
    embedded: Vec<Law>,
    lang: Lang,
) -> Result<Registry, crate::Error> {
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
pub(super) fn cycle_from(reg: &Registry, start: usize) -> Option<Vec<String>> {
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

/// An optional non-empty string field of a registry entry (trimmed); anything else but null is
/// reported through `problem`.
fn optional_string(
    m: &serde_json::Map<String, Value>,
    field: &str,
    problem: &mut impl FnMut(&str, String, String),
) -> Option<String> {
    match m.get(field) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Some(_) => {
            problem(
                field,
                "应为非空字符串".into(),
                "must be a non-empty string".into(),
            );
            None
        }
    }
}
