//! Working days (工作日) in mainland China: the official holiday schedule, provisional years
//! and working-day arithmetic.
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
//! # Covered years, provisional years, strict mode
//!
//! A year is *covered* when its notice is in the table. The notice for year Y is recognised by
//! its rows dated in Y, plus the 元旦 rows dated in the December before (a New Year block can
//! start on 29 December of the previous year: 2006-12-30, 2018-12-29…). Because the next year's
//! notice may still move 29–31 December, those three days also need the next year's notice.
//!
//! A year from 2025 (the law in force, 国务院令第795号) to 2088 whose notice is not loaded is
//! *provisional*: it is counted with the weekends and the statutory holidays of
//! 《全国年节及纪念日放假办法》 ([`lunar::statutory_days`]: 元旦 1 day, 春节 4 from 除夕, 清明 1,
//! 劳动节 2, 端午 1, 中秋 1, 国庆 3), without the 调休 days nobody can know before the notice.
//! Such an answer is never silently exact: [`Calendar::day`] says `provisional`,
//! [`Calendar::provisional_years_between`] names the provisional years a span depends on, and
//! [`crate::deadline`] and [`crate::audit`] mark their results (`provisional`, and a warning
//! with the code `calendar.provisional`).
//!
//! A *strict* calendar ([`Calendar::strict`]) refuses provisional years, as every year outside
//! the table and the provisional range is refused: an [`Error::CalendarText`] naming the year,
//! the covered years and how to load a notice.
//!
//! A newer schedule (a new year is published each November or December) is loaded at run time
//! in the same CSV format: [`Calendar::from_csv`] (a whole table), or
//! [`Calendar::extend_from_csv`] (add or replace the years a file contains, e.g. just the 2027
//! notice, on top of the embedded table). [`check`] validates such a file and reports every
//! problem with its line; [`sources`] tells where the command line and the Python package look
//! for one (the library itself reads no file).
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
//! // 2027's notice is not in the embedded table: 2027 is provisional, and says so.
//! let end = cal.add_working_days(d("2026-12-07"), 20)?;
//! assert_eq!(end, d("2027-01-05"));
//! assert_eq!(cal.provisional_years_between(d("2026-12-07"), end), [2027]);
//! assert!(cal.day(d("2027-02-05"))?.provisional);
//! // A strict calendar refuses it, naming the year.
//! let strict = cal.clone().strict(true);
//! let err = strict.is_working_day(d("2027-03-01")).unwrap_err();
//! assert!(err.to_string().contains("2027"));
//! # Ok::<(), gongkai::Error>(())
//! ```
//!
//! # Performance
//!
//! The table and the provisional years are turned into one cumulative count of working days per
//! day of the span (about 30,000 entries for 2007–2088, built once and shared by the copies of
//! a calendar): [`Calendar::is_working_day`] and [`Calendar::working_days_between`] are O(1),
//! [`Calendar::add_working_days`] is a binary search, O(log n), whatever `n`.

use crate::Error;
use crate::issue::Lang;
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::sync::{Arc, OnceLock};

pub mod check;
pub mod lunar;
pub mod sources;

/// The embedded schedule: the text of `data/cn-holidays.csv` (notices of 2007–2026).
pub const EMBEDDED_CSV: &str = include_str!("../../../data/cn-holidays.csv");

/// The earliest and latest notice year a table may contain (bounds memory use).
pub const YEAR_BOUNDS: (i32, i32) = (1950, 2200);

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
    /// Whether the answer rests on a provisional year (the day's year, or for 29–31 December
    /// the next year, has no notice loaded and is counted with the statutory holidays only).
    #[serde(default)]
    pub provisional: bool,
}

/// A working-day calendar: the holiday schedule of the covered years, and the provisional
/// years computed from the law.
///
/// Build it with [`Calendar::from_csv`], or use [`embedded`] (also [`Calendar::default`], a
/// copy of it). Copies are cheap (the tables are shared).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    inner: Arc<Inner>,
    strict: bool,
}

#[derive(Debug, PartialEq, Eq)]
struct Inner {
    /// Every official row, sorted by date, one per date.
    entries: Vec<CalendarEntry>,
    /// The covered notice years, sorted, unique.
    years: Vec<i32>,
    /// The years computed from the law (not covered, within 2025–2088), sorted.
    provisional: Vec<i32>,
    /// The statutory holidays of the provisional years, sorted by date.
    provisional_entries: Vec<CalendarEntry>,
    /// 1 January of the first year of the span (meaningless when the span is empty).
    base: NaiveDate,
    /// `cum[i]`: the number of working days in `[base, base + i]`, through 31 December of the
    /// last covered or provisional year.
    cum: Vec<u32>,
}

static EMBEDDED: OnceLock<Calendar> = OnceLock::new();

/// The embedded calendar (notices of 2007–2026, provisional years 2027–2088), parsed once on
/// first use.
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

/// The error for a holiday file that is not UTF-8 (for the front ends that read files).
pub fn not_utf8_error() -> Error {
    Error::CalendarText {
        zh: "节假日安排表不是 UTF-8 编码；请用文本编辑器或 Excel 另存为“CSV UTF-8”".to_owned(),
        en: "the holiday file is not UTF-8; save it as “CSV UTF-8” from a text editor or Excel"
            .to_owned(),
    }
}

impl Default for Calendar {
    /// A copy of the embedded calendar.
    fn default() -> Self {
        embedded().clone()
    }
}

impl Calendar {
    /// A calendar that covers no year and computes none: every question is an error.
    pub fn empty() -> Self {
        Calendar {
            inner: Arc::new(Inner {
                entries: Vec::new(),
                years: Vec::new(),
                provisional: Vec::new(),
                provisional_entries: Vec::new(),
                base: NaiveDate::MIN,
                cum: Vec::new(),
            }),
            strict: false,
        }
    }

    /// Parses a schedule in the format of `data/cn-holidays.csv` (header `date,kind,name`; the
    /// `name` column may be left out; a UTF-8 BOM and CRLF line ends are accepted). The
    /// covered years are those whose notice has at least one row.
    ///
    /// Errors name the CSV line: a bad date, a `kind` other than `off`/`work`, a date listed
    /// twice, a year outside 1950–2200, no rows at all. ([`check::check`] reports every problem,
    /// and the shape of each year, at once.)
    pub fn from_csv(text: &str) -> Result<Calendar, Error> {
        Ok(Calendar::from_entries(check::parse_entries(text)?))
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
        if years.is_empty() {
            return Calendar::empty();
        }
        // Plain loops rather than iterator chains here and below: each chain is its own code in
        // the WebAssembly module, whose size has a goal.
        let mut provisional: Vec<i32> = Vec::new();
        for y in lunar::CURRENT_LAW_FROM..=lunar::LAST_YEAR {
            if years.binary_search(&y).is_err() {
                provisional.push(y);
            }
        }
        let mut provisional_entries: Vec<CalendarEntry> = Vec::new();
        for &y in &provisional {
            for (date, name) in lunar::statutory_days(y).unwrap_or_default() {
                provisional_entries.push(CalendarEntry {
                    date,
                    kind: DayKind::Off,
                    name: name.to_owned(),
                });
            }
        }
        let first = years.iter().chain(&provisional).copied().min();
        let last = years.iter().chain(&provisional).copied().max();
        let (Some(base), Some(end)) = (
            first.and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)),
            last.and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31)),
        ) else {
            return Calendar::empty();
        };
        let span = usize::try_from((end - base).num_days() + 1).unwrap_or(0);
        let mut cum = Vec::with_capacity(span);
        let mut listed = entries.iter().skip_while(|e| e.date < base).peekable();
        let mut computed = provisional_entries.iter().peekable();
        let mut count = 0u32;
        for day in base.iter_days().take(span) {
            let mut working = !matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
            if let Some(e) = computed.next_if(|e| e.date == day) {
                working = e.kind == DayKind::Work;
            }
            // An official row wins (a December 元旦 row of a covered year next to a
            // provisional one).
            if let Some(e) = listed.next_if(|e| e.date == day) {
                working = e.kind == DayKind::Work;
            }
            count += u32::from(working);
            cum.push(count);
        }
        Calendar {
            inner: Arc::new(Inner {
                entries,
                years,
                provisional,
                provisional_entries,
                base,
                cum,
            }),
            strict: false,
        }
    }

    /// This calendar in strict mode (`true`): years without a notice are refused, never
    /// computed provisionally. `false` (the default) allows provisional years.
    #[must_use]
    pub fn strict(mut self, strict: bool) -> Calendar {
        self.strict = strict;
        self
    }

    /// Whether the calendar is strict (see [`Calendar::strict`]).
    pub fn is_strict(&self) -> bool {
        self.strict
    }

    /// Adds (or replaces) the years of a schedule file: every notice year present in `text`
    /// replaces that year's rows; other years are kept. Use it to load a newer notice (e.g.
    /// 2027) on top of the embedded table, or a corrected one. The strict mode is kept.
    pub fn extend_from_csv(&mut self, text: &str) -> Result<(), Error> {
        let new = check::parse_entries(text)?;
        let mut replaced: Vec<i32> = new.iter().map(CalendarEntry::notice_year).collect();
        replaced.sort_unstable();
        replaced.dedup();
        let mut entries: Vec<CalendarEntry> = Vec::with_capacity(self.inner.entries.len());
        for e in &self.inner.entries {
            if replaced.binary_search(&e.notice_year()).is_err() {
                entries.push(e.clone());
            }
        }
        entries.extend(new);
        let strict = self.strict;
        *self = Calendar::from_entries(entries).strict(strict);
        Ok(())
    }

    /// A copy of this calendar extended with `text` (see [`Calendar::extend_from_csv`]).
    pub fn with_csv(&self, text: &str) -> Result<Calendar, Error> {
        let mut c = self.clone();
        c.extend_from_csv(text)?;
        Ok(c)
    }

    /// Every official row of the schedule, sorted by date (not the provisional holidays).
    pub fn entries(&self) -> &[CalendarEntry] {
        &self.inner.entries
    }

    /// The schedule as CSV text in the format of `data/cn-holidays.csv`.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("date,kind,name\n");
        for e in &self.inner.entries {
            out.push_str(&format!(
                "{},{},{}\n",
                e.date,
                e.kind.code(),
                csv_field(&e.name)
            ));
        }
        out
    }

    /// The covered notice years, sorted.
    pub fn covered_years(&self) -> &[i32] {
        &self.inner.years
    }

    /// The first and last covered years (there may be gaps: see [`Calendar::covers`]); `None`
    /// for an empty calendar.
    pub fn year_range(&self) -> Option<(i32, i32)> {
        Some((*self.inner.years.first()?, *self.inner.years.last()?))
    }

    /// Whether the notice of `year` is in the table.
    pub fn covers(&self, year: i32) -> bool {
        self.inner.years.binary_search(&year).is_ok()
    }

    /// The years this calendar computes provisionally (none when strict), sorted.
    pub fn provisional_years(&self) -> &[i32] {
        if self.strict {
            &[]
        } else {
            &self.inner.provisional
        }
    }

    /// Whether `year` is computed provisionally (not covered, within 2025–2088, not strict).
    pub fn is_provisional(&self, year: i32) -> bool {
        self.provisional_years().binary_search(&year).is_ok()
    }

    /// Whether the calendar can answer for `year`: covered, or provisional.
    fn known(&self, year: i32) -> bool {
        self.covers(year) || self.is_provisional(year)
    }

    /// Whether the schedule determines `date` (its year is covered or provisional, and for
    /// 29–31 December the next year too).
    pub fn covers_date(&self, date: NaiveDate) -> bool {
        self.missing_year(date, date).is_none()
    }

    /// The provisional years that the days of `[a, b]` depend on (for 29–31 December, the next
    /// year too), sorted; empty when every day is determined by a loaded notice.
    pub fn provisional_years_between(&self, a: NaiveDate, b: NaiveDate) -> Vec<i32> {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let spill = hi.month() == 12 && hi.day() >= NEW_YEAR_SPILL_FROM;
        let last = hi.year() + i32::from(spill);
        let mut out = Vec::new();
        for y in lo.year()..=last {
            if self.is_provisional(y) {
                out.push(y);
            }
        }
        out
    }

    /// Whether `date` is a working day.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, Error> {
        let i = self.index(date)?;
        Ok(self.working_at(i))
    }

    /// What the schedule says about `date`: working or not, the listed kind and festival (for a
    /// provisional year, the statutory holiday), and whether it is provisional.
    pub fn day(&self, date: NaiveDate) -> Result<DayInfo, Error> {
        let working = self.is_working_day(date)?;
        let find = |rows: &[CalendarEntry]| {
            rows.binary_search_by_key(&date, |e| e.date)
                .ok()
                .and_then(|i| rows.get(i))
                .cloned()
        };
        let listed = find(&self.inner.entries).or_else(|| {
            if self.is_provisional(date.year()) {
                find(&self.inner.provisional_entries)
            } else {
                None
            }
        });
        Ok(DayInfo {
            date,
            working,
            kind: listed.as_ref().map(|e| e.kind),
            name: listed.map(|e| e.name).filter(|n| !n.is_empty()),
            provisional: !self.provisional_years_between(date, date).is_empty(),
        })
    }

    /// The `n`th working day after `start` (the start day itself is not counted, 民法典 第二百零一
    /// 条); `n = 0` gives `start`. Every day from `start` to the result must be covered (or
    /// provisional: see [`Calendar::provisional_years_between`]).
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Result<NaiveDate, Error> {
        let i = self.index(start)?;
        if n == 0 {
            return Ok(start);
        }
        let cum = &self.inner.cum;
        let before = cum.get(i).copied().unwrap_or(0);
        let target = u64::from(before) + u64::from(n);
        let j = cum.partition_point(|&c| u64::from(c) < target);
        if j >= cum.len() {
            // Past the end of the table: name the first year that is missing after `start`.
            let year = self.first_unknown_from(start.year());
            return Err(self.uncovered(year, None));
        }
        let result = self.date_at(j);
        if let Some(y) = self.missing_year(start, result) {
            let spill = (y == result.year() + 1).then_some(result);
            return Err(self.uncovered(y, spill));
        }
        Ok(result)
    }

    /// The number of working days in `(a, b]` (the first day not counted, the last counted);
    /// negative when `b` is before `a`. `working_days_between(a, add_working_days(a, n)) == n`.
    pub fn working_days_between(&self, a: NaiveDate, b: NaiveDate) -> Result<i64, Error> {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        if let Some(y) = self.missing_year(lo, hi) {
            // Name a day only when the missing year is its own (or, 29–31 December, the next
            // one's New Year); a year in a gap between them is "the count reaches".
            let d = if self.covers_date(lo) { hi } else { lo };
            let about = d.year() == y || (d.year() + 1 == y && d.month() == 12);
            return Err(self.uncovered(y, about.then_some(d)));
        }
        let (ia, ib) = (self.index(a)?, self.index(b)?);
        let at = |i: usize| i64::from(self.inner.cum.get(i).copied().unwrap_or(0));
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
            return Err(self.uncovered(y, Some(date)));
        }
        usize::try_from((date - self.inner.base).num_days())
            .ok()
            .filter(|&i| i < self.inner.cum.len())
            .ok_or_else(|| self.uncovered(date.year(), Some(date)))
    }

    fn working_at(&self, i: usize) -> bool {
        let cum = &self.inner.cum;
        let here = cum.get(i).copied().unwrap_or(0);
        let before = match i.checked_sub(1) {
            Some(p) => cum.get(p).copied().unwrap_or(0),
            None => 0,
        };
        here > before
    }

    fn date_at(&self, i: usize) -> NaiveDate {
        self.inner
            .base
            .checked_add_days(chrono::Days::new(i as u64))
            .unwrap_or(NaiveDate::MAX)
    }

    /// The first year needed to determine every day of `[a, b]` that the calendar cannot
    /// answer for.
    fn missing_year(&self, a: NaiveDate, b: NaiveDate) -> Option<i32> {
        if let Some(y) = (a.year()..=b.year()).find(|&y| !self.known(y)) {
            return Some(y);
        }
        let spill = b.month() == 12 && b.day() >= NEW_YEAR_SPILL_FROM;
        (spill && !self.known(b.year() + 1)).then_some(b.year() + 1)
    }

    fn first_unknown_from(&self, year: i32) -> i32 {
        let mut y = year;
        while self.known(y) && y <= YEAR_BOUNDS.1 {
            y += 1;
        }
        y
    }

    /// The error for a year the calendar cannot answer for, in both languages.
    fn uncovered(&self, year: i32, date: Option<NaiveDate>) -> Error {
        Error::CalendarText {
            zh: self.uncovered_text(year, date, Lang::Zh),
            en: self.uncovered_text(year, date, Lang::En),
        }
    }

    /// The message of [`Calendar::uncovered`] in one language: the year, the covered years and
    /// how to load a notice (one code path for both languages keeps the WebAssembly small).
    #[inline(never)]
    fn uncovered_text(&self, year: i32, date: Option<NaiveDate>, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let t = |a: &'static str, b: &'static str| if zh { a } else { b };
        let years = &self.inner.years;
        let have = match self.year_range() {
            Some((a, b)) if years.len() as i64 == i64::from(b) - i64::from(a) + 1 => {
                format!("{}{a}–{b}{}", t("现有 ", "it has "), t(" 年", ""))
            }
            Some(_) => {
                let list: Vec<String> = years.iter().map(i32::to_string).collect();
                format!(
                    "{}{}{}",
                    t("现有 ", "it has "),
                    list.join(t("、", ", ")),
                    t(" 年", "")
                )
            }
            None => t("当前没有载入任何年份", "no year is loaded").to_owned(),
        };
        let spill = date.is_some_and(|d| d.year() + 1 == year && d.month() == 12);
        let mut out = match date {
            Some(d) if spill => format!(
                "{d}{}{year}{}",
                t(" 可能因 ", " may move with the "),
                t(
                    " 年元旦放假安排而调整（元旦假期可从上一年 12 月 29 日开始），而 ",
                    " New Year holiday, and "
                )
            ),
            Some(d) => format!("{d}{}", t(" 所在的 ", ": ")),
            None => t("计算涉及的 ", "The count reaches ").to_owned(),
        };
        let which = match (zh, date.is_none()) {
            (true, _) => " 年不在节假日安排表内（",
            (false, true) => ", which is not in the holiday table (",
            (false, false) => " is not in the holiday table (",
        };
        out.push_str(&format!(
            "{year}{which}{have}{}{year}{}",
            t("），无法确定工作日。请载入国务院办公厅 ", "): load the "),
            t(
                " 年部分节假日安排：命令行用 --calendar 文件（或环境变量 GONGKAI_CALENDAR、用户数据文件），\
                 Python、JavaScript 用 calendar 参数；CSV 格式同 data/cn-holidays.csv（date,kind,name）",
                " holiday notice (CSV like data/cn-holidays.csv) with --calendar FILE, \
                 GONGKAI_CALENDAR or the user data file; in Python and JavaScript, the calendar option"
            ),
        ));
        let computable = (lunar::CURRENT_LAW_FROM..=lunar::LAST_YEAR).contains(&year);
        if self.strict && computable {
            out.push_str(t(
                "；或不用严格模式（去掉 --strict-calendar），按法定节假日临时计算",
                "; or drop --strict-calendar to count it provisionally",
            ));
        } else if !computable {
            out.push_str(&format!(
                "{}{}–{}{}",
                t("（只有 ", " (only "),
                lunar::CURRENT_LAW_FROM,
                lunar::LAST_YEAR,
                t(
                    " 年能按法定节假日临时计算）",
                    " can be counted provisionally)"
                )
            ));
        }
        out.push_str(t("。", "."));
        out
    }
}

/// A CSV field: quoted when it holds a comma, a quote or a line break.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The years as the messages write them: `2027`, `2027、2028` (zh) / `2027, 2028` (en).
pub fn years_params(years: &[i32]) -> [(&'static str, String); 2] {
    let list: Vec<String> = years.iter().map(i32::to_string).collect();
    [("years", list.join("、")), ("years_en", list.join(", "))]
}

/// The message of a calendar code in `lang`, filled with `params`.
pub fn render(code: crate::codes::Code, lang: Lang, params: &[(&str, String)]) -> String {
    crate::issue::render(code.def().template(lang), &crate::issue::params(params))
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
    fn provisional_years_follow_the_law() {
        let cal = embedded();
        assert!(!cal.is_strict());
        assert_eq!(cal.provisional_years().first(), Some(&2027));
        assert_eq!(cal.provisional_years().last(), Some(&lunar::LAST_YEAR));
        // The issue's case: 20 working days from 2026-12-07 run into 2027.
        let end = cal.add_working_days(d("2026-12-07"), 20).unwrap();
        assert_eq!(end, d("2027-01-05"));
        assert_eq!(cal.working_days_between(d("2026-12-07"), end).unwrap(), 20);
        assert_eq!(cal.provisional_years_between(d("2026-12-07"), end), [2027]);
        // 28 December depends on 2026 only; 29 December also on 2027's New Year block.
        assert!(
            cal.provisional_years_between(d("2026-12-01"), d("2026-12-28"))
                .is_empty()
        );
        assert_eq!(
            cal.provisional_years_between(d("2026-12-01"), d("2026-12-29")),
            [2027]
        );
        assert!(cal.day(d("2026-12-29")).unwrap().provisional);
        assert!(!cal.day(d("2026-12-28")).unwrap().provisional);
        // 春节 2027: 除夕 (Friday 2027-02-05) to 初三 (Monday 02-08).
        for s in [
            "2027-02-05",
            "2027-02-08",
            "2027-05-03",
            "2027-01-01",
            "2027-10-01",
        ] {
            let info = cal.day(d(s)).unwrap();
            assert!(info.provisional, "{s}");
            if s == "2027-05-03" {
                // 劳动节 is 5月1日、2日 (Saturday, Sunday); no 补休 is guessed.
                assert!(info.working, "{s}");
            } else {
                assert!(!info.working, "{s}");
                assert_eq!(info.kind, Some(DayKind::Off));
            }
        }
        assert_eq!(
            cal.day(d("2027-02-05")).unwrap().name.as_deref(),
            Some("春节")
        );
        // No 调休: the weekends around the holidays stay weekends.
        assert!(!cal.is_working_day(d("2027-02-13")).unwrap());
        // A working year has 365 − weekends − statutory days on weekdays.
        let n = cal
            .working_days_between(d("2026-12-31"), d("2027-12-31"))
            .unwrap();
        let weekdays = d("2027-01-01")
            .iter_days()
            .take(365)
            .filter(|x| !matches!(x.weekday(), Weekday::Sat | Weekday::Sun))
            .count() as i64;
        let holidays_on_weekdays = lunar::statutory_days(2027)
            .unwrap()
            .iter()
            .filter(|(x, _)| !matches!(x.weekday(), Weekday::Sat | Weekday::Sun))
            .count() as i64;
        assert_eq!(n, weekdays - holidays_on_weekdays);
        // Covered years are never provisional.
        assert!(!cal.day(d("2026-02-16")).unwrap().provisional);
        assert!(
            cal.provisional_years_between(d("2024-01-01"), d("2026-06-30"))
                .is_empty()
        );
    }

    #[test]
    fn strict_calendar_refuses_in_the_chosen_language() {
        let cal = embedded().clone().strict(true);
        assert!(cal.is_strict());
        assert!(cal.provisional_years().is_empty());
        let e = cal.add_working_days(d("2026-12-07"), 20).unwrap_err();
        assert_eq!(e.code(), "calendar");
        let zh = e.to_string();
        for part in ["2027", "2007–2026", "--calendar", "--strict-calendar"] {
            assert!(zh.contains(part), "{part}: {zh}");
        }
        assert!(!zh.contains("year"), "English in the Chinese message: {zh}");
        let en = e.message(Lang::En);
        for part in ["2027", "2007–2026", "--calendar"] {
            assert!(en.contains(part), "{part}: {en}");
        }
        assert!(
            !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "Chinese in the English message: {en}"
        );
        assert!(cal.is_working_day(d("2027-03-01")).is_err());
        assert!(cal.is_working_day(d("2026-12-29")).is_err());
        assert!(cal.is_working_day(d("2026-12-28")).is_ok());
        // Loading the year makes it covered, in strict mode too.
        let more = cal
            .with_csv("date,kind,name\n2027-01-01,off,元旦\n2027-02-06,off,春节\n")
            .unwrap();
        assert!(more.is_strict());
        assert!(more.covers(2027));
        assert!(!more.is_working_day(d("2027-02-06")).unwrap());
        assert!(
            more.provisional_years_between(d("2027-01-01"), d("2027-06-01"))
                .is_empty()
        );
    }

    #[test]
    fn years_outside_the_law_and_table_are_refused() {
        let cal = embedded();
        // Before the table, and after the lunar table: errors even when not strict.
        let e = cal.is_working_day(d("2006-06-01")).unwrap_err();
        assert!(e.to_string().contains("2006"), "{e}");
        let e = cal.is_working_day(d("2089-06-01")).unwrap_err();
        assert!(e.to_string().contains("2089"), "{e}");
        assert!(e.to_string().contains("2025–2088"), "{e}");
        let e = cal.add_working_days(d("2088-12-20"), 20).unwrap_err();
        assert!(e.to_string().contains("2089"), "{e}");
        // A table with a gap before 2025 keeps the gap refused; a gap from 2025 is provisional.
        let cal = Calendar::from_csv("date,kind\n2023-01-02,off\n2026-01-01,off\n").unwrap();
        assert!(cal.is_working_day(d("2024-03-01")).is_err());
        assert!(cal.day(d("2025-03-03")).unwrap().provisional);
        assert!(!cal.is_working_day(d("2025-01-28")).unwrap(), "除夕 2025");
    }

    #[test]
    fn to_csv_round_trips() {
        let cal = embedded();
        let again = Calendar::from_csv(&cal.to_csv()).unwrap();
        assert_eq!(&again, cal);
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
