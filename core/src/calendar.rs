//! Working days (工作日) in mainland China: the official holiday schedule and working-day
//! arithmetic.
//!
//! # The schedule
//!
//! Every year the State Council General Office publishes a notice (国务院办公厅关于XXXX年部分节假日
//! 安排的通知) naming the holiday days (放假) and the weekend days moved into working days
//! (调休上班). The table of those notices, `data/cn-holidays.csv` (2007–2026, see its README),
//! is embedded in the library and parsed once, on first use ([`embedded`]). Its format is a CSV
//! with the header `date,kind,name`: `date` is `YYYY-MM-DD`, `kind` is `off` (a holiday day) or
//! `work` (an adjusted working day on a weekend), `name` the festival (元旦, 春节, …).
//!
//! A date is a working day exactly when it is Monday–Friday and not listed as `off`, or it is
//! listed as `work`. (Weekends are listed only where a notice names them; that makes no
//! difference to this definition.)
//!
//! # Coverage: never a guess
//!
//! A year is *covered* when its notice is in the table. The notice for year Y is recognised by
//! its rows dated in Y, plus the 元旦 rows dated in the December before (a New Year block can
//! start on 29 December of the previous year: 2006-12-30, 2018-12-29…). Any question about a date
//! whose year is not covered is an [`Error::Calendar`] naming the year, never an answer guessed
//! from the ordinary weekends. Because the next year's notice may still move 29–31 December,
//! those three days also need the next year's notice: with the embedded table (last year 2026),
//! 2026-12-29..31 are an error naming 2027 until its notice is loaded.
//!
//! A newer schedule (a new year is published each November or December) is loaded at run time
//! in the same CSV format: [`Calendar::from_csv`] (a whole table), or
//! [`Calendar::extend_from_csv`] (add or replace the years a file contains, e.g. just the 2027
//! notice, on top of the embedded table).
//!
//! # Counting (民法典 第二百零一条)
//!
//! The start day is not counted: "自…之日起20个工作日内" ends on the 20th working day *after* the
//! start date, whatever the start day is. [`Calendar::add_working_days`] gives that day;
//! [`Calendar::working_days_between`] counts the working days in `(a, b]` and inverts it.
//!
//! ```
//! use chrono::NaiveDate;
//! let cal = gongkai::calendar::embedded();
//! let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
//! // Sunday 2024-02-04 was a working day (春节调休).
//! assert!(cal.is_working_day(d("2024-02-04"))?);
//! // 20 working days from Wednesday 2024-09-25, across National Day, end on 2024-10-28.
//! assert_eq!(cal.add_working_days(d("2024-09-25"), 20)?, d("2024-10-28"));
//! assert_eq!(cal.working_days_between(d("2024-09-25"), d("2024-10-28"))?, 20);
//! // 2027's notice is not in the embedded table: an error naming the year.
//! let err = cal.is_working_day(d("2027-03-01")).unwrap_err();
//! assert!(err.to_string().contains("2027"));
//! # Ok::<(), gongkai::Error>(())
//! ```
//!
//! # Performance
//!
//! The table is turned into one cumulative count of working days per day of the covered span
//! (about 7,300 entries for 20 years): [`Calendar::is_working_day`] and
//! [`Calendar::working_days_between`] are O(1), [`Calendar::add_working_days`] is a binary
//! search, O(log n), whatever `n`.

use crate::Error;
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The embedded schedule: the text of `data/cn-holidays.csv` (notices of 2007–2026).
pub const EMBEDDED_CSV: &str = include_str!("../../data/cn-holidays.csv");

/// The earliest and latest notice year a table may contain (bounds memory use).
const YEAR_BOUNDS: (i32, i32) = (1950, 2200);

/// The first day of December that the next year's New Year block may move (observed: 29th).
const NEW_YEAR_SPILL_FROM: u32 = 29;

/// What a listed day is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// A holiday day (放假): not a working day even on a weekday.
    Off,
    /// An adjusted working day (调休上班) on a Saturday or Sunday.
    Work,
}

impl DayKind {
    /// The code used in the CSV (`off`, `work`).
    pub const fn code(self) -> &'static str {
        match self {
            DayKind::Off => "off",
            DayKind::Work => "work",
        }
    }
}

/// One row of the schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarEntry {
    /// The day.
    pub date: NaiveDate,
    /// Holiday or adjusted working day.
    pub kind: DayKind,
    /// The festival (元旦, 春节, …); may be empty.
    pub name: String,
}

impl CalendarEntry {
    /// The year of the notice this row comes from: the date's year, except a 元旦 row in
    /// December, which belongs to the next year's notice.
    pub fn notice_year(&self) -> i32 {
        if self.date.month() == 12 && self.name.contains("元旦") {
            self.date.year() + 1
        } else {
            self.date.year()
        }
    }
}

/// What the schedule says about one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayInfo {
    /// The day.
    pub date: NaiveDate,
    /// Whether it is a working day.
    pub working: bool,
    /// `off` or `work` when the schedule lists the day, else `None` (an ordinary day).
    pub kind: Option<DayKind>,
    /// The festival named for the day, when listed.
    pub name: Option<String>,
}

/// A working-day calendar: the holiday schedule of the covered years.
///
/// Build it with [`Calendar::from_csv`], or use [`embedded`] (also [`Calendar::default`], a
/// copy of it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// Every row, sorted by date, one per date.
    entries: Vec<CalendarEntry>,
    /// The covered notice years, sorted, unique.
    years: Vec<i32>,
    /// 1 January of the first covered year (meaningless when `years` is empty).
    base: NaiveDate,
    /// `cum[i]`: the number of working days in `[base, base + i]`, through 31 December of the
    /// last covered year.
    cum: Vec<u32>,
}

static EMBEDDED: OnceLock<Calendar> = OnceLock::new();

/// The embedded calendar (notices of 2007–2026), parsed once on first use.
pub fn embedded() -> &'static Calendar {
    // The embedded table is checked by the tests; should it ever fail to parse, every query
    // would be a clear "year not covered" error rather than a panic.
    EMBEDDED.get_or_init(|| Calendar::from_csv(EMBEDDED_CSV).unwrap_or_else(|_| Calendar::empty()))
}

/// [`Calendar::is_working_day`] on the embedded calendar.
pub fn is_working_day(date: NaiveDate) -> Result<bool, Error> {
    embedded().is_working_day(date)
}

/// [`Calendar::add_working_days`] on the embedded calendar.
pub fn add_working_days(start: NaiveDate, n: u32) -> Result<NaiveDate, Error> {
    embedded().add_working_days(start, n)
}

/// [`Calendar::working_days_between`] on the embedded calendar.
pub fn working_days_between(a: NaiveDate, b: NaiveDate) -> Result<i64, Error> {
    embedded().working_days_between(a, b)
}

impl Default for Calendar {
    /// A copy of the embedded calendar.
    fn default() -> Self {
        embedded().clone()
    }
}

impl Calendar {
    /// A calendar that covers no year: every question is an error.
    pub fn empty() -> Self {
        Calendar {
            entries: Vec::new(),
            years: Vec::new(),
            base: NaiveDate::MIN,
            cum: Vec::new(),
        }
    }

    /// Parses a schedule in the format of `data/cn-holidays.csv` (header `date,kind,name`; the
    /// `name` column may be left out; a UTF-8 BOM and CRLF line ends are accepted). The
    /// covered years are those whose notice has at least one row.
    ///
    /// Errors name the CSV line: a bad date, a `kind` other than `off`/`work`, a date listed
    /// twice, a year outside 1950–2200, no rows at all.
    pub fn from_csv(text: &str) -> Result<Calendar, Error> {
        Ok(Calendar::from_entries(parse_entries(text)?))
    }

    /// Builds a calendar from rows (any order). A date listed twice keeps its last row.
    pub fn from_entries(mut entries: Vec<CalendarEntry>) -> Calendar {
        entries.sort_by_key(|e| e.date);
        // Keep the last row of each date (stable sort: input order within a date).
        let mut dedup: Vec<CalendarEntry> = Vec::with_capacity(entries.len());
        for e in entries {
            match dedup.last_mut() {
                Some(last) if last.date == e.date => *last = e,
                _ => dedup.push(e),
            }
        }
        let entries = dedup;
        let mut years: Vec<i32> = entries
            .iter()
            .map(CalendarEntry::notice_year)
            .filter(|y| (YEAR_BOUNDS.0..=YEAR_BOUNDS.1).contains(y))
            .collect();
        years.sort_unstable();
        years.dedup();
        let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
            return Calendar::empty();
        };
        let (Some(base), Some(end)) = (
            NaiveDate::from_ymd_opt(first, 1, 1),
            NaiveDate::from_ymd_opt(last, 12, 31),
        ) else {
            return Calendar::empty();
        };
        let span = usize::try_from((end - base).num_days() + 1).unwrap_or(0);
        let mut cum = Vec::with_capacity(span);
        let mut listed = entries.iter().skip_while(|e| e.date < base).peekable();
        let mut count = 0u32;
        for day in base.iter_days().take(span) {
            let mut working = !matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
            if let Some(e) = listed.next_if(|e| e.date == day) {
                working = e.kind == DayKind::Work;
            }
            count += u32::from(working);
            cum.push(count);
        }
        Calendar {
            entries,
            years,
            base,
            cum,
        }
    }

    /// Adds (or replaces) the years of a schedule file: every notice year present in `text`
    /// replaces that year's rows; other years are kept. Use it to load a newer notice (e.g.
    /// 2027) on top of the embedded table, or a corrected one.
    pub fn extend_from_csv(&mut self, text: &str) -> Result<(), Error> {
        let new = parse_entries(text)?;
        let mut replaced: Vec<i32> = new.iter().map(CalendarEntry::notice_year).collect();
        replaced.sort_unstable();
        replaced.dedup();
        let mut entries: Vec<CalendarEntry> = std::mem::take(&mut self.entries)
            .into_iter()
            .filter(|e| replaced.binary_search(&e.notice_year()).is_err())
            .collect();
        entries.extend(new);
        *self = Calendar::from_entries(entries);
        Ok(())
    }

    /// A copy of this calendar extended with `text` (see [`Calendar::extend_from_csv`]).
    pub fn with_csv(&self, text: &str) -> Result<Calendar, Error> {
        let mut c = self.clone();
        c.extend_from_csv(text)?;
        Ok(c)
    }

    /// Every row of the schedule, sorted by date.
    pub fn entries(&self) -> &[CalendarEntry] {
        &self.entries
    }

    /// The covered notice years, sorted.
    pub fn covered_years(&self) -> &[i32] {
        &self.years
    }

    /// The first and last covered years (there may be gaps: see [`Calendar::covers`]); `None`
    /// for an empty calendar.
    pub fn year_range(&self) -> Option<(i32, i32)> {
        Some((*self.years.first()?, *self.years.last()?))
    }

    /// Whether the notice of `year` is in the table.
    pub fn covers(&self, year: i32) -> bool {
        self.years.binary_search(&year).is_ok()
    }

    /// Whether the schedule determines `date` (its year is covered, and for 29–31 December the
    /// next year too).
    pub fn covers_date(&self, date: NaiveDate) -> bool {
        self.missing_year(date, date).is_none()
    }

    /// Whether `date` is a working day.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, Error> {
        let i = self.index(date)?;
        Ok(self.working_at(i))
    }

    /// What the schedule says about `date`: working or not, and the listed kind and festival.
    pub fn day(&self, date: NaiveDate) -> Result<DayInfo, Error> {
        let working = self.is_working_day(date)?;
        let listed = self
            .entries
            .binary_search_by_key(&date, |e| e.date)
            .ok()
            .and_then(|i| self.entries.get(i));
        Ok(DayInfo {
            date,
            working,
            kind: listed.map(|e| e.kind),
            name: listed.map(|e| e.name.clone()).filter(|n| !n.is_empty()),
        })
    }

    /// The `n`th working day after `start` (the start day itself is not counted, 民法典 第二百零一
    /// 条); `n = 0` gives `start`. Every day from `start` to the result must be covered.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Result<NaiveDate, Error> {
        let i = self.index(start)?;
        if n == 0 {
            return Ok(start);
        }
        let before = self.cum.get(i).copied().unwrap_or(0);
        let target = u64::from(before) + u64::from(n);
        let j = self.cum.partition_point(|&c| u64::from(c) < target);
        if j >= self.cum.len() {
            // Past the end of the table: name the first year that is missing after `start`.
            let year = self.first_uncovered_from(start.year());
            return Err(uncovered(year, None, self));
        }
        let result = self.date_at(j);
        if let Some(y) = self.missing_year(start, result) {
            let spill = (y == result.year() + 1).then_some(result);
            return Err(uncovered(y, spill, self));
        }
        Ok(result)
    }

    /// The number of working days in `(a, b]` (the first day not counted, the last counted);
    /// negative when `b` is before `a`. `working_days_between(a, add_working_days(a, n)) == n`.
    pub fn working_days_between(&self, a: NaiveDate, b: NaiveDate) -> Result<i64, Error> {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        if let Some(y) = self.missing_year(lo, hi) {
            return Err(uncovered(
                y,
                Some(if self.covers_date(lo) { hi } else { lo }),
                self,
            ));
        }
        let (ia, ib) = (self.index(a)?, self.index(b)?);
        let at = |i: usize| i64::from(self.cum.get(i).copied().unwrap_or(0));
        Ok(at(ib) - at(ia))
    }

    /// `date` when it is a working day, else the first working day after it (民法典 第二百零三条:
    /// a period whose last day is a holiday ends on the day after the holiday).
    pub fn working_day_on_or_after(&self, date: NaiveDate) -> Result<NaiveDate, Error> {
        if self.is_working_day(date)? {
            Ok(date)
        } else {
            self.add_working_days(date, 1)
        }
    }

    /// The index of `date` in `cum`, when the schedule determines it.
    fn index(&self, date: NaiveDate) -> Result<usize, Error> {
        if let Some(y) = self.missing_year(date, date) {
            return Err(uncovered(y, Some(date), self));
        }
        usize::try_from((date - self.base).num_days())
            .ok()
            .filter(|&i| i < self.cum.len())
            .ok_or_else(|| uncovered(date.year(), Some(date), self))
    }

    fn working_at(&self, i: usize) -> bool {
        let here = self.cum.get(i).copied().unwrap_or(0);
        let before = match i.checked_sub(1) {
            Some(p) => self.cum.get(p).copied().unwrap_or(0),
            None => 0,
        };
        here > before
    }

    fn date_at(&self, i: usize) -> NaiveDate {
        self.base
            .checked_add_days(chrono::Days::new(i as u64))
            .unwrap_or(NaiveDate::MAX)
    }

    /// The first year whose notice is needed to determine every day of `[a, b]` and is missing.
    fn missing_year(&self, a: NaiveDate, b: NaiveDate) -> Option<i32> {
        if let Some(y) = (a.year()..=b.year()).find(|&y| !self.covers(y)) {
            return Some(y);
        }
        let spill = b.month() == 12 && b.day() >= NEW_YEAR_SPILL_FROM;
        (spill && !self.covers(b.year() + 1)).then_some(b.year() + 1)
    }

    fn first_uncovered_from(&self, year: i32) -> i32 {
        let mut y = year;
        while self.covers(y) {
            y += 1;
        }
        y
    }
}

/// The error for a year the table does not cover.
fn uncovered(year: i32, date: Option<NaiveDate>, cal: &Calendar) -> Error {
    let have = match cal.year_range() {
        Some((a, b)) if cal.years.len() as i64 == i64::from(b) - i64::from(a) + 1 => {
            format!("现有 {a}–{b} 年")
        }
        Some(_) => format!(
            "现有 {} 年",
            cal.years
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join("、")
        ),
        None => "当前没有载入任何年份".to_owned(),
    };
    let spill = date.is_some_and(|d| d.year() + 1 == year && d.month() == 12);
    let what = match date {
        Some(d) if spill => format!(
            "{d} 可能因 {year} 年元旦放假安排而调整（元旦假期可从上一年 12 月 29 日开始），而"
        ),
        Some(d) => format!("{d} 所在的"),
        None => "计算涉及的".to_owned(),
    };
    Error::Calendar(format!(
        "{what} {year} 年不在节假日安排表内（{have}），无法确定工作日，不按普通周末推测；\
         请载入国务院办公厅 {year} 年部分节假日安排（CSV 格式同 data/cn-holidays.csv：\
         date,kind,name）。 (year {year} is not covered by the holiday table)"
    ))
}

/// Parses the rows of a schedule CSV.
fn parse_entries(text: &str) -> Result<Vec<CalendarEntry>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bad = |line: u64, msg: String| Error::Calendar(format!("节假日安排表第 {line} 行：{msg}"));
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| bad(1, format!("无法读取表头：{e}")))?
        .clone();
    let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(c_date), Some(c_kind)) = (col("date"), col("kind")) else {
        return Err(bad(
            1,
            format!(
                "表头应为 date,kind,name，实为“{}”",
                crate::excerpt(&headers.iter().collect::<Vec<_>>().join(","), 80)
            ),
        ));
    };
    let c_name = col("name");
    let mut out: Vec<CalendarEntry> = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, csv::Position::line);
            bad(line, format!("CSV 格式错误：{e}"))
        })?;
        let line = rec.position().map_or(0, csv::Position::line);
        if rec.iter().all(str::is_empty) {
            continue;
        }
        let date_s = rec.get(c_date).unwrap_or("");
        let date = crate::date::parse_date(date_s).ok_or_else(|| {
            bad(
                line,
                format!(
                    "日期“{}”无效（应为 YYYY-MM-DD）",
                    crate::excerpt(date_s, 20)
                ),
            )
        })?;
        let kind_s = rec.get(c_kind).unwrap_or("");
        let kind = match kind_s.to_ascii_lowercase().as_str() {
            "off" => DayKind::Off,
            "work" => DayKind::Work,
            _ => {
                return Err(bad(
                    line,
                    format!(
                        "kind“{}”无效（应为 off 放假 或 work 调休上班）",
                        crate::excerpt(kind_s, 20)
                    ),
                ));
            }
        };
        let name = c_name.and_then(|c| rec.get(c)).unwrap_or("").to_owned();
        let entry = CalendarEntry { date, kind, name };
        let year = entry.notice_year();
        if !(YEAR_BOUNDS.0..=YEAR_BOUNDS.1).contains(&year) {
            return Err(bad(
                line,
                format!(
                    "{year} 年超出支持范围（{}–{}）",
                    YEAR_BOUNDS.0, YEAR_BOUNDS.1
                ),
            ));
        }
        if let Some(prev) = seen.insert(date, line) {
            return Err(bad(line, format!("{date} 重复（第 {prev} 行已列出）")));
        }
        out.push(entry);
    }
    if out.is_empty() {
        return Err(bad(1, "没有数据行".to_owned()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::date::parse_date(s).unwrap()
    }

    #[test]
    fn embedded_parses_and_covers_2007_to_2026() {
        let cal = Calendar::from_csv(EMBEDDED_CSV).unwrap();
        assert_eq!(cal.year_range(), Some((2007, 2026)));
        assert_eq!(cal.covered_years().len(), 20);
        assert_eq!(cal.entries().len(), 677);
        assert_eq!(embedded(), &cal);
    }

    #[test]
    fn notice_year_of_december_new_year_rows() {
        let e = CalendarEntry {
            date: d("2018-12-30"),
            kind: DayKind::Off,
            name: "元旦".into(),
        };
        assert_eq!(e.notice_year(), 2019);
        let e = CalendarEntry {
            date: d("2018-10-01"),
            kind: DayKind::Off,
            name: "国庆节".into(),
        };
        assert_eq!(e.notice_year(), 2018);
    }

    #[test]
    fn bad_csv_names_the_line() {
        let e = Calendar::from_csv("date,kind,name\n2027-01-01,off,元旦\n2027-13-01,off,x\n")
            .unwrap_err();
        assert!(e.to_string().contains("第 3 行"), "{e}");
        let e = Calendar::from_csv("date,kind\n2027-01-01,holiday\n").unwrap_err();
        assert!(e.to_string().contains("kind"), "{e}");
        let e = Calendar::from_csv("date,kind\n2027-01-01,off\n2027-01-01,off\n").unwrap_err();
        assert!(e.to_string().contains("重复"), "{e}");
        let e = Calendar::from_csv("when,what\n").unwrap_err();
        assert!(e.to_string().contains("表头"), "{e}");
        assert!(Calendar::from_csv("date,kind,name\n").is_err());
        assert!(Calendar::from_csv("date,kind\n9999-01-01,off\n").is_err());
    }

    #[test]
    fn empty_calendar_errors_without_panicking() {
        let cal = Calendar::empty();
        assert!(cal.is_working_day(d("2024-01-02")).is_err());
        assert!(cal.add_working_days(d("2024-01-02"), 3).is_err());
        assert!(
            cal.working_days_between(d("2024-01-02"), d("2024-01-09"))
                .is_err()
        );
        assert_eq!(cal.year_range(), None);
    }
}
