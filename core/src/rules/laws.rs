//! 公开依据 against the registry of instruments (依据库, [`crate::laws`]): a repealed instrument,
//! a superseded version's document number, a kind that contradicts the registry, and a
//! national instrument the registry does not know.
//!
//! Date-dependent rules judge a citation at the catalogue's date (`updated`, else `issued`): a
//! catalogue dated before a repeal or a revision rightly cites the old text. A catalogue with no
//! readable date is taken as recent; without a header at all (one row checked on its own)
//! nothing date-dependent is reported, so that a row never gets a finding its whole catalogue
//! would not.

use super::lexicon::{Facts, core_text, flag};
use super::{Ctx, Env};
use crate::codes;
use crate::laws::{LawStatus, Registry};
use crate::model::{Catalogue, CitationKind, Item};

/// The date citations are judged at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AsOf {
    /// No header: date-dependent rules are skipped.
    Unknown,
    /// A header without a readable date: taken as recent.
    Recent,
    /// The catalogue's date.
    On(chrono::NaiveDate),
}

impl AsOf {
    /// Whether an event on `date` (`YYYY-MM-DD`; unknown: long ago) had happened by then.
    fn reached(self, date: Option<&str>) -> bool {
        match self {
            AsOf::Unknown => false,
            AsOf::Recent => true,
            AsOf::On(d) => date.and_then(crate::parse_date).is_none_or(|e| d >= e),
        }
    }
}

/// The catalogue's date (`updated`, else `issued`).
pub(crate) fn as_of(cat: &Catalogue<'_>, header_ok: bool) -> AsOf {
    if !header_ok {
        return AsOf::Unknown;
    }
    cat.updated
        .as_deref()
        .and_then(crate::parse_date)
        .or_else(|| crate::parse_date(&cat.issued))
        .map_or(AsOf::Recent, AsOf::On)
}

/// The citations a pass has looked up in the registry: (title, document number, text as
/// written) → the instrument's index and version. A catalogue cites the same few instruments on
/// most rows, and each lookup normalises and parses all three texts (a tenth of validating a
/// clean catalogue in the WebAssembly build). At most [`Citations::MAX`] entries, so that memory
/// does not grow with a stream of distinct citations. Valid for one registry: a pass has one.
#[derive(Default)]
pub(crate) struct Citations {
    found:
        std::collections::HashMap<String, Option<(usize, Option<usize>)>, super::lexicon::Hasher>,
    key: String,
}

impl Citations {
    const MAX: usize = 4096;

    /// [`Registry::lookup_citation`], remembered.
    fn lookup<'r>(
        &mut self,
        reg: &'r Registry,
        title: &str,
        doc_no: Option<&str>,
        text: Option<&str>,
    ) -> Option<crate::laws::Match<'r>> {
        use std::fmt::Write;
        // Each part as its length and its text (no separator a text could hold), `-` for none.
        self.key.clear();
        for part in [Some(title), doc_no, text] {
            match part {
                Some(p) => {
                    let _ = write!(self.key, "{}:{p}", p.len());
                }
                None => self.key.push('-'),
            }
        }
        let found = match self.found.get(self.key.as_str()) {
            Some(found) => *found,
            None => {
                let found = reg.citation_index(title, doc_no, text);
                if self.found.len() < Self::MAX {
                    self.found.insert(self.key.clone(), found);
                }
                found
            }
        };
        let (i, version) = found?;
        Some(crate::laws::Match {
            law: reg.laws().get(i)?,
            version,
        })
    }
}

/// Runs the registry rules on item `i`.
pub(crate) fn check_item(
    i: usize,
    item: &Item<'_>,
    f: &Facts,
    reg: &Registry,
    citations: &mut Citations,
    env: &Env<'_>,
    ctx: &mut Ctx,
) {
    for (j, c) in item.basis.iter().enumerate() {
        let title = core_text(&c.title);
        if title.is_empty() || super::basis::is_vague(title) {
            continue;
        }
        let Some(m) = citations.lookup(reg, &c.title, c.doc_no.as_deref(), c.text.as_deref())
        else {
            if looks_national(title) && !super::basis::has_typo(title, f.basis & flag::TYPO != 0) {
                ctx.push_item(
                    codes::basis::UNKNOWN_INSTRUMENT,
                    i,
                    item,
                    &format!("/basis/{j}/title"),
                    &[("value", title.to_owned())],
                );
            }
            continue;
        };
        let law = m.law;
        if let Some(kind) = c.kind {
            if kind != CitationKind::Other && kind != law.kind {
                ctx.push_item(
                    codes::basis::KIND_MISMATCH,
                    i,
                    item,
                    &format!("/basis/{j}/kind"),
                    &[
                        ("value", title.to_owned()),
                        ("kind", kind.zh().to_owned()),
                        ("kind_en", kind.en().to_owned()),
                        ("expected", law.kind.zh().to_owned()),
                        ("expected_en", law.kind.en().to_owned()),
                    ],
                );
            }
        }
        if law.status == LawStatus::Repealed {
            if env.as_of.reached(law.repealed_on.as_deref()) {
                let (when, when_en) = match &law.repealed_on {
                    Some(d) => (
                        format!("已于{}废止", zh_date(d)),
                        format!("was repealed on {d}"),
                    ),
                    None => ("已废止".to_owned(), "has been repealed".to_owned()),
                };
                let next = law.replaced_by.as_deref().and_then(|t| reg.lookup(t));
                let (replacement, replacement_en) = match next {
                    Some(n) => {
                        let no = n
                            .current_doc_no()
                            .map(|d| format!("（{d}）"))
                            .unwrap_or_default();
                        let no_en = n
                            .current_doc_no()
                            .map(|d| format!(" ({d})"))
                            .unwrap_or_default();
                        (
                            format!("，已由《{}》{no}取代", n.title),
                            format!(" and replaced by 《{}》{no_en}", n.title),
                        )
                    }
                    None => (String::new(), String::new()),
                };
                ctx.push_item(
                    codes::basis::REPEALED,
                    i,
                    item,
                    &format!("/basis/{j}"),
                    &[
                        ("value", title.to_owned()),
                        ("title", law.title.clone()),
                        ("when", when),
                        ("when_en", when_en),
                        ("replacement", replacement),
                        ("replacement_en", replacement_en),
                        ("repealed_on", law.repealed_on.clone().unwrap_or_default()),
                        (
                            "replaced_by",
                            next.map(|n| n.title.clone()).unwrap_or_default(),
                        ),
                    ],
                );
            }
            continue;
        }
        let (Some(old), Some(new)) = (m.version(), m.superseding_revision()) else {
            continue;
        };
        let effective = new.in_force.as_deref().or(new.promulgated.as_deref());
        if !env.as_of.reached(effective) {
            continue;
        }
        let year = effective.and_then(|d| d.get(..4)).unwrap_or_default();
        let current = new
            .doc_no
            .clone()
            .unwrap_or_else(|| format!("{year}年修订版"));
        let (since, since_en) = match (&new.in_force, &new.promulgated) {
            (Some(d), _) => (
                format!("{}起施行的修订版", zh_date(d)),
                format!("in force since {d}"),
            ),
            (None, Some(d)) => (format!("{}公布的修订版", zh_date(d)), format!("of {d}")),
            (None, None) => ("修订版".to_owned(), String::new()),
        };
        ctx.push_item(
            codes::basis::SUPERSEDED,
            i,
            item,
            &format!("/basis/{j}"),
            &[
                ("title", law.title.clone()),
                ("doc_no", old.doc_no.clone().unwrap_or_default()),
                ("current", current),
                ("since", since),
                ("since_en", since_en),
            ],
        );
    }
}

/// `2019-05-15` → `2019年5月15日` (other text is kept).
fn zh_date(d: &str) -> String {
    crate::parse_date(d).map_or_else(
        || d.to_owned(),
        |x| {
            use chrono::Datelike;
            format!("{}年{}月{}日", x.year(), x.month(), x.day())
        },
    )
}

/// A title that names a national law or regulation by its full name (中华人民共和国…), which
/// the registry is expected to know; local documents are not reported.
fn looks_national(title: &str) -> bool {
    let t: String = title
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '《' | '》'))
        .map(crate::import::hanzi::simplify_char)
        .collect();
    t.strip_prefix("中华人民共和国")
        .is_some_and(|rest| rest.chars().count() >= 2)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn as_of_compares_dates() {
        let d = chrono::NaiveDate::from_ymd_opt(2019, 5, 15).unwrap();
        assert!(AsOf::On(d).reached(Some("2019-05-15")));
        assert!(!AsOf::On(d).reached(Some("2019-05-16")));
        assert!(AsOf::On(d).reached(None));
        assert!(AsOf::Recent.reached(Some("2099-01-01")));
        assert!(!AsOf::Unknown.reached(None));
    }

    #[test]
    fn remembered_citations_are_the_registry_s_answers() {
        let reg = Registry::embedded();
        let same = |a: Option<crate::laws::Match<'_>>, b: Option<crate::laws::Match<'_>>| {
            a.map(|m| (std::ptr::from_ref(m.law), m.version))
                == b.map(|m| (std::ptr::from_ref(m.law), m.version))
        };
        let cases = [
            ("政府信息公开条例", None, None),
            ("政府信息公开条例", Some("国务院令第711号"), None),
            ("政府信息公开条例", Some("国务院令第492号"), None),
            ("政府信息公开条例", None, Some("国务院令第492号")),
            ("政府信息公开条例", Some(""), None),
            (
                "《中华人民共和国政府信息公开条例》（国务院令第711号）",
                None,
                None,
            ),
            ("不在库中的名称", Some("国务院令第711号"), None),
            ("", None, None),
            // Parts that would run together without their lengths.
            ("政府信息公开条例1:", Some("x"), None),
            ("政府信息公开条例", Some("1:x"), None),
        ];
        let mut c = Citations::default();
        for _ in 0..2 {
            for (title, doc_no, text) in cases {
                assert!(
                    same(
                        c.lookup(reg, title, doc_no, text),
                        reg.lookup_citation(title, doc_no, text)
                    ),
                    "{title} {doc_no:?} {text:?}"
                );
            }
        }
        assert!(c.found.len() == cases.len());
        assert!(
            c.lookup(reg, "政府信息公开条例", Some("国务院令第711号"), None)
                .is_some_and(|m| m.version.is_some())
        );
        // Full: still answers, remembers no more.
        for n in 0..Citations::MAX + 10 {
            let title = format!("条例{n}");
            assert!(same(
                c.lookup(reg, &title, None, None),
                reg.lookup_citation(&title, None, None)
            ));
        }
        assert_eq!(c.found.len(), Citations::MAX);
    }

    #[test]
    fn national_titles() {
        assert!(looks_national("中华人民共和国城市规划法"));
        assert!(looks_national("《中華人民共和國某某法》"));
        assert!(!looks_national("重庆市天然气管理条例"));
        assert!(!looks_national("中华人民共和国"));
    }
}
