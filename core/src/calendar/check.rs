//! Checking a holiday file (`gongkai calendar check FILE`): every problem at once, each with its
//! line, what is wrong and how to fix it.
//!
//! Rows: a bad date, a bad `kind`, a year outside 1950–2200, a date listed twice, a `work` day
//! on a weekday (`calendar.work_on_weekday`: only a Saturday or Sunday can be moved into a
//! working day). The shape of each notice year in the file (a year in a file replaces that
//! whole year): no 春节 (`calendar.no_spring_festival`), a statutory holiday of the law in force
//! not listed as `off` (`calendar.statutory_missing`, 2008–2088), an absurd number of holiday
//! days (`calendar.too_many_days`), and, as a warning, holiday weekdays minus adjusted working
//! days different from the law's count (`calendar.day_count`: 13 from 2025).
//!
//! ```
//! use gongkai::calendar::check::check;
//! use gongkai::{Lang, codes};
//! let r = check("date,kind,name\n2027-02-03,work,春节\n", Lang::Zh);
//! assert!(r.has_errors());
//! let f = r.findings.iter().find(|f| f.code == codes::calendar::WORK_ON_WEEKDAY).unwrap();
//! assert_eq!(f.line(), Some(2));
//! assert!(f.message.contains("星期三"));
//! ```

use super::{CalendarEntry, DayKind, YEAR_BOUNDS, lunar};
use crate::codes::{self, Code};
use crate::issue::{Issue, Location, RecordRef};
use crate::issue::{Lang, Severity};
use crate::{Error, excerpt};
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The most holiday days (`off` rows) a year may list before it is reported as absurd (the
/// most in 2007–2026 is 33, in 2020).
pub const MAX_OFF_DAYS: usize = 45;

/// One problem of a holiday file: an [`Issue`] (code `calendar.*`) with the CSV `line` (1 is the
/// header) when the problem is on one line, and the notice year in `params.year` when it is about a
/// year.
pub type Finding = Issue;

/// The notice year a finding is about.
pub fn year_of(f: &Finding) -> Option<i32> {
    f.params.get("year").and_then(|y| y.parse().ok())
}

/// The result of [`check`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckReport {
    /// Data rows read (blank lines not counted).
    pub rows: usize,
    /// The notice years the file contains, sorted.
    pub years: Vec<i32>,
    /// Every problem, in line order (year checks after the rows).
    pub findings: Vec<Finding>,
}

impl CheckReport {
    /// Whether any finding is an error (the file would be refused).
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

#[inline(never)]
fn finding(
    code: Code,
    lang: Lang,
    line: Option<u64>,
    year: Option<i32>,
    params: &[(&str, String)],
) -> Finding {
    let mut f = crate::issue::Finding::new(code, "", None, params);
    if let Some(y) = year {
        f.params.insert("year", y.to_string());
    }
    f.location = line
        .and_then(|l| u32::try_from(l).ok())
        .map(|row| Location {
            sheet: None,
            row,
            column: None,
            header: None,
        });
    f.record = Some(RecordRef {
        row: None,
        line,
        column: None,
    });
    f.render(lang, None)
}

/// The rows read, with their line, and the problems of single rows.
struct Parsed {
    /// Data lines read (blank lines not counted), good or bad.
    read: usize,
    rows: Vec<(CalendarEntry, u64)>,
    findings: Vec<Finding>,
}

fn parse(text: &str, lang: Lang) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Parsed {
        read: 0,
        rows: Vec::new(),
        findings: Vec::new(),
    };
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match rdr.headers() {
        Ok(h) => h.iter().map(str::to_owned).collect(),
        Err(_) => {
            out.findings
                .push(finding(codes::calendar::CSV, lang, Some(1), None, &[]));
            return out;
        }
    };
    let col = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(c_date), Some(c_kind)) = (col("date"), col("kind")) else {
        out.findings.push(finding(
            codes::calendar::HEADER,
            lang,
            Some(1),
            None,
            &[("found", excerpt(&header.join(","), 80))],
        ));
        return out;
    };
    let c_name = col("name");
    let mut seen: HashMap<NaiveDate, u64> = HashMap::new();
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                out.read += 1;
                let line = e.position().map(csv::Position::line);
                out.findings
                    .push(finding(codes::calendar::CSV, lang, line, None, &[]));
                continue;
            }
        };
        let line = rec.position().map_or(0, csv::Position::line);
        if rec.iter().all(str::is_empty) {
            continue;
        }
        out.read += 1;
        let at = Some(line);
        let date_s = rec.get(c_date).unwrap_or("");
        let Some(date) = crate::date::parse_date(date_s) else {
            out.findings.push(finding(
                codes::calendar::BAD_DATE,
                lang,
                at,
                None,
                &[("value", excerpt(date_s, 20))],
            ));
            continue;
        };
        let kind_s = rec.get(c_kind).unwrap_or("");
        let kind = match kind_s.to_ascii_lowercase().as_str() {
            "off" => DayKind::Off,
            "work" => DayKind::Work,
            _ => {
                out.findings.push(finding(
                    codes::calendar::BAD_KIND,
                    lang,
                    at,
                    None,
                    &[("value", excerpt(kind_s, 20))],
                ));
                continue;
            }
        };
        let name = c_name.and_then(|c| rec.get(c)).unwrap_or("").to_owned();
        let entry = CalendarEntry { date, kind, name };
        let year = entry.notice_year();
        if !(YEAR_BOUNDS.0..=YEAR_BOUNDS.1).contains(&year) {
            out.findings.push(finding(
                codes::calendar::YEAR_RANGE,
                lang,
                at,
                Some(year),
                &[("year", year.to_string())],
            ));
            continue;
        }
        if let Some(first) = seen.get(&date) {
            out.findings.push(finding(
                codes::calendar::DUPLICATE,
                lang,
                at,
                Some(year),
                &[("date", date.to_string()), ("first", first.to_string())],
            ));
            continue;
        }
        seen.insert(date, line);
        if kind == DayKind::Work && !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            out.findings.push(finding(
                codes::calendar::WORK_ON_WEEKDAY,
                lang,
                at,
                Some(year),
                &[
                    ("date", date.to_string()),
                    ("weekday", weekday_zh(date.weekday()).to_owned()),
                    ("weekday_en", weekday_en(date.weekday()).to_owned()),
                ],
            ));
            continue;
        }
        out.rows.push((entry, line));
    }
    if out.read == 0 && out.findings.is_empty() {
        out.findings
            .push(finding(codes::calendar::EMPTY, lang, None, None, &[]));
    }
    out
}

fn weekday_zh(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "星期一",
        Weekday::Tue => "星期二",
        Weekday::Wed => "星期三",
        Weekday::Thu => "星期四",
        Weekday::Fri => "星期五",
        Weekday::Sat => "星期六",
        Weekday::Sun => "星期日",
    }
}

fn weekday_en(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// The rows of a schedule CSV, or the first row error (for [`super::Calendar::from_csv`]):
/// `节假日安排表第 N 行：…` with the message in both languages.
pub(crate) fn parse_entries(text: &str) -> Result<Vec<CalendarEntry>, Error> {
    let zh = parse(text, Lang::Zh);
    if let Some(first) = zh.findings.first() {
        let en = crate::issue::render(first.code.def().message_en, &first.params);
        let (zh_at, en_at) = match first.line() {
            Some(l) => (
                format!("节假日安排表第 {l} 行："),
                format!("holiday file, line {l}: "),
            ),
            None => ("节假日安排表：".to_owned(), "holiday file: ".to_owned()),
        };
        return Err(Error::CalendarText {
            zh: format!("{zh_at}{}", first.message),
            en: format!("{en_at}{en}"),
        });
    }
    Ok(zh.rows.into_iter().map(|(e, _)| e).collect())
}

/// Checks a holiday file: every row problem and the shape of every notice year it contains.
/// Messages are in `lang`.
pub fn check(text: &str, lang: Lang) -> CheckReport {
    let Parsed {
        read,
        rows,
        mut findings,
    } = parse(text, lang);
    let mut by_year: BTreeMap<i32, Vec<&CalendarEntry>> = BTreeMap::new();
    for (e, _) in &rows {
        by_year.entry(e.notice_year()).or_default().push(e);
    }
    for (&year, entries) in &by_year {
        let y = Some(year);
        let ys = || ("year", year.to_string());
        let off = |e: &&&CalendarEntry| e.kind == DayKind::Off;
        if !entries.iter().any(|e| off(&e) && e.name.contains("春节")) {
            findings.push(finding(
                codes::calendar::NO_SPRING_FESTIVAL,
                lang,
                None,
                y,
                &[ys()],
            ));
        }
        let off_count = entries.iter().filter(|e| off(e)).count();
        if off_count > MAX_OFF_DAYS {
            findings.push(finding(
                codes::calendar::TOO_MANY_DAYS,
                lang,
                None,
                y,
                &[ys(), ("count", off_count.to_string())],
            ));
        }
        let Some(statutory) = lunar::statutory_days(year) else {
            continue;
        };
        let missing: Vec<&(NaiveDate, &str)> = statutory
            .iter()
            .filter(|(date, _)| {
                !entries
                    .iter()
                    .any(|e| e.date == *date && e.kind == DayKind::Off)
            })
            .collect();
        if !missing.is_empty() {
            let zh: Vec<String> = missing.iter().map(|(d, f)| format!("{d}（{f}）")).collect();
            let en: Vec<String> = missing.iter().map(|(d, _)| d.to_string()).collect();
            findings.push(finding(
                codes::calendar::STATUTORY_MISSING,
                lang,
                None,
                y,
                &[
                    ys(),
                    ("days", zh.join("、")),
                    ("days_en", en.join(", ")),
                    ("count", missing.len().to_string()),
                ],
            ));
        }
        let missing = !missing.is_empty();
        // The count only means something once every statutory day is there.
        let expected = lunar::statutory_count(year);
        if let (false, Some(expected)) = (missing, expected) {
            let weekday_off = entries
                .iter()
                .filter(|e| off(e) && !matches!(e.date.weekday(), Weekday::Sat | Weekday::Sun))
                .count();
            let work = entries.iter().filter(|e| e.kind == DayKind::Work).count();
            let net = weekday_off as i64 - work as i64;
            if net != expected as i64 {
                findings.push(finding(
                    codes::calendar::DAY_COUNT,
                    lang,
                    None,
                    y,
                    &[
                        ys(),
                        ("off", weekday_off.to_string()),
                        ("work", work.to_string()),
                        ("net", net.to_string()),
                        ("expected", expected.to_string()),
                    ],
                ));
            }
        }
    }
    CheckReport {
        rows: read,
        years: by_year.keys().copied().collect(),
        findings,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::calendar::EMBEDDED_CSV;

    fn codes(r: &CheckReport) -> Vec<(&str, Option<u64>)> {
        r.findings
            .iter()
            .map(|f| (f.code.as_str(), f.line()))
            .collect()
    }

    #[test]
    fn the_embedded_table_passes_with_the_two_special_years() {
        let r = check(EMBEDDED_CSV, Lang::Zh);
        assert!(!r.has_errors(), "{:#?}", r.findings);
        assert_eq!(r.rows, 677);
        assert_eq!(r.years, (2007..=2026).collect::<Vec<_>>());
        let warned: Vec<_> = r
            .findings
            .iter()
            .map(|f| (f.code.as_str(), year_of(f)))
            .collect();
        // 2015: the 70th anniversary (12 days); 2020: the Spring Festival extension (13).
        assert_eq!(
            warned,
            [
                ("calendar.day_count", Some(2015)),
                ("calendar.day_count", Some(2020))
            ]
        );
    }

    /// The 2027 statutory holidays as a notice would list them at least (no 调休).
    fn year_2027() -> String {
        let mut s = String::from("date,kind,name\n");
        for (d, n) in lunar::statutory_days(2027).unwrap() {
            s.push_str(&format!("{d},off,{n}\n"));
        }
        s
    }

    #[test]
    fn a_plain_statutory_year_passes() {
        let r = check(&year_2027(), Lang::Zh);
        assert_eq!(r.years, [2027]);
        // 13 statutory days; 2027-05-01 (Sat) and 2027-02-06/07 (Sat/Sun) fall on weekends, so
        // without the notice's 补休 the net count is short: a warning, not an error.
        assert!(!r.has_errors(), "{:#?}", r.findings);
        assert_eq!(codes(&r), [("calendar.day_count", None)]);
    }

    #[test]
    fn every_row_problem_is_reported_with_its_line() {
        let text = "date,kind,name\n\
                    2027-13-01,off,x\n\
                    2027-01-01,holiday,元旦\n\
                    2027-01-01,off,元旦\n\
                    2027-01-01,off,元旦\n\
                    2027-02-03,work,春节\n\
                    9999-01-01,off,x\n";
        let r = check(text, Lang::Zh);
        let c = codes(&r);
        assert!(c.contains(&("calendar.bad_date", Some(2))), "{c:?}");
        assert!(c.contains(&("calendar.bad_kind", Some(3))), "{c:?}");
        assert!(c.contains(&("calendar.duplicate", Some(5))), "{c:?}");
        assert!(c.contains(&("calendar.work_on_weekday", Some(6))), "{c:?}");
        assert!(c.contains(&("calendar.year_range", Some(7))), "{c:?}");
        // The year's shape: 2027 has no 春节 and lacks statutory days.
        assert!(c.contains(&("calendar.no_spring_festival", None)), "{c:?}");
        assert!(c.contains(&("calendar.statutory_missing", None)), "{c:?}");
        let dup = r
            .findings
            .iter()
            .find(|f| f.code == "calendar.duplicate")
            .unwrap();
        assert!(dup.message.contains("第 4 行已列出"), "{}", dup.message);
        // English, with no Chinese sentence in it.
        let en = check(text, Lang::En);
        let f = en
            .findings
            .iter()
            .find(|f| f.code == "calendar.work_on_weekday")
            .unwrap();
        assert!(f.message.contains("Wednesday"), "{}", f.message);
    }

    #[test]
    fn header_empty_and_absurd_years() {
        let r = check("when,what\n2027-01-01,off\n", Lang::Zh);
        assert_eq!(codes(&r), [("calendar.header", Some(1))]);
        let r = check("date,kind,name\n", Lang::Zh);
        assert_eq!(codes(&r), [("calendar.empty", None)]);
        let mut s = year_2027();
        let mut d = crate::date::parse_date("2027-07-01").unwrap();
        for _ in 0..40 {
            s.push_str(&format!("{d},off,暑假\n"));
            d = d.succ_opt().unwrap();
        }
        let r = check(&s, Lang::Zh);
        assert!(codes(&r).contains(&("calendar.too_many_days", None)));
    }

    #[test]
    fn from_csv_names_the_first_line_in_both_languages() {
        let e =
            parse_entries("date,kind,name\n2027-01-01,off,元旦\n2027-13-01,off,x\n").unwrap_err();
        assert!(e.to_string().starts_with("节假日安排表第 3 行："), "{e}");
        let en = e.message(Lang::En);
        assert!(en.starts_with("holiday file, line 3: "), "{en}");
        assert!(
            !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{en}"
        );
    }
}
