//! Working-day calendar: known periods, coverage errors (strict mode), provisional years,
//! loading newer schedules, and property tests against an independent day-by-day reading of the
//! CSV and of the law.
#![allow(clippy::unwrap_used)]

use chrono::{Datelike, NaiveDate, Weekday};
use gongkai::calendar::{self, Calendar, DayKind, EMBEDDED_CSV};
use proptest::prelude::*;
use std::collections::HashMap;
use std::sync::OnceLock;

fn d(s: &str) -> NaiveDate {
    gongkai::parse_date(s).unwrap()
}

/// The embedded calendar in strict mode: only the notices, as before provisional years.
fn cal() -> &'static Calendar {
    static STRICT: OnceLock<Calendar> = OnceLock::new();
    STRICT.get_or_init(|| calendar::embedded().clone().strict(true))
}

/// The README's definition, read straight from the CSV text, one day at a time.
struct Oracle {
    listed: HashMap<NaiveDate, bool>,
}

impl Oracle {
    fn new() -> Self {
        let listed = EMBEDDED_CSV
            .lines()
            .skip(1)
            .filter(|l| !l.is_empty())
            .map(|l| {
                let mut f = l.split(',');
                let date = d(f.next().unwrap());
                let work = f.next().unwrap() == "work";
                (date, work)
            })
            .collect();
        Oracle { listed }
    }

    fn working(&self, day: NaiveDate) -> bool {
        match self.listed.get(&day) {
            Some(w) => *w,
            None => !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
        }
    }

    fn add(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut day = start;
        let mut left = n;
        while left > 0 {
            day = day.succ_opt().unwrap();
            if self.working(day) {
                left -= 1;
            }
        }
        day
    }
}

/// The last day the embedded table determines (29–31 December 2026 wait for 2027's notice).
const LAST: &str = "2026-12-28";

#[test]
fn spring_festival_2020_extended() {
    // 2020-01-24..2020-02-02 were all off, including the extension to Sunday 2 February.
    let mut day = d("2020-01-24");
    while day <= d("2020-02-02") {
        assert!(!cal().is_working_day(day).unwrap(), "{day} should be off");
        day = day.succ_opt().unwrap();
    }
    // Saturday 2020-02-01 was an adjusted working day before the extension: no longer.
    assert_eq!(cal().day(d("2020-02-01")).unwrap().kind, Some(DayKind::Off));
    // Sunday 2020-01-19 was worked; Monday 2020-02-03 is an ordinary working day.
    assert!(cal().is_working_day(d("2020-01-19")).unwrap());
    assert!(cal().is_working_day(d("2020-02-03")).unwrap());
    assert!(cal().is_working_day(d("2020-01-23")).unwrap());
    // Thursday 2020-01-23 + 1 working day jumps the whole block.
    assert_eq!(
        cal().add_working_days(d("2020-01-23"), 1).unwrap(),
        d("2020-02-03")
    );
    assert_eq!(
        cal()
            .working_days_between(d("2020-01-23"), d("2020-02-03"))
            .unwrap(),
        1
    );
}

#[test]
fn adjusted_sundays_2024() {
    for s in ["2024-02-04", "2024-02-18", "2024-09-29"] {
        let info = cal().day(d(s)).unwrap();
        assert_eq!(d(s).weekday(), Weekday::Sun);
        assert!(info.working, "{s}");
        assert_eq!(info.kind, Some(DayKind::Work));
        assert_eq!(
            info.name.as_deref(),
            Some(if s == "2024-09-29" {
                "国庆节"
            } else {
                "春节"
            })
        );
    }
    // An ordinary Sunday, and a holiday weekday.
    assert!(!cal().is_working_day(d("2024-02-25")).unwrap());
    assert!(!cal().is_working_day(d("2024-02-12")).unwrap());
    assert_eq!(cal().day(d("2024-03-05")).unwrap().kind, None);
    // Friday 2024-02-02 + 1 = Sunday 2024-02-04 (worked).
    assert_eq!(
        cal().add_working_days(d("2024-02-02"), 1).unwrap(),
        d("2024-02-04")
    );
    // Friday 2024-02-09 (a working day before the block 02-10..17) + 1 = Sunday 02-18.
    assert_eq!(
        cal().add_working_days(d("2024-02-09"), 1).unwrap(),
        d("2024-02-18")
    );
}

#[test]
fn deadline_across_national_day_2024() {
    // Counted by hand: 9-26, 9-27, 9-29 (Sunday, worked), 9-30, [10-01..07 off], 10-08..11,
    // 10-12 (Saturday, worked), 10-14..18, 10-21..25, 10-28 is the 20th.
    let start = d("2024-09-25");
    assert_eq!(cal().add_working_days(start, 4).unwrap(), d("2024-09-30"));
    assert_eq!(cal().add_working_days(start, 5).unwrap(), d("2024-10-08"));
    assert_eq!(cal().add_working_days(start, 9).unwrap(), d("2024-10-12"));
    assert_eq!(cal().add_working_days(start, 20).unwrap(), d("2024-10-28"));
    assert_eq!(
        cal().working_days_between(start, d("2024-10-28")).unwrap(),
        20
    );
    assert_eq!(
        cal().working_days_between(d("2024-10-28"), start).unwrap(),
        -20
    );
    // The start day is not counted even when it is a working day; n = 0 is the start itself.
    assert_eq!(cal().add_working_days(start, 0).unwrap(), start);
    assert_eq!(
        cal().add_working_days(d("2024-10-01"), 1).unwrap(),
        d("2024-10-08")
    );
}

#[test]
fn years_not_covered_are_errors_naming_the_year() {
    for (date, year) in [
        ("2027-03-01", "2027"),
        ("2006-06-01", "2006"),
        ("2006-12-31", "2006"),
        // The 2027 notice may still move 29–31 December 2026.
        ("2026-12-29", "2027"),
        ("2026-12-31", "2027"),
    ] {
        let e = cal().is_working_day(d(date)).unwrap_err();
        assert_eq!(e.code(), "calendar");
        assert!(e.to_string().contains(year), "{date}: {e}");
    }
    assert!(cal().is_working_day(d(LAST)).is_ok());
    assert!(cal().is_working_day(d("2007-01-01")).is_ok());
    assert!(!cal().covers(2027));
    assert!(!cal().covers(2006));
    assert!(cal().covers(2026));
    assert_eq!(cal().year_range(), Some((2007, 2026)));
    // A count that runs off the end of the table names the missing year.
    let e = cal().add_working_days(d("2026-12-10"), 20).unwrap_err();
    assert!(e.to_string().contains("2027"), "{e}");
    let e = cal().add_working_days(d("2026-06-01"), 2000).unwrap_err();
    assert!(e.to_string().contains("2027"), "{e}");
    let e = cal()
        .working_days_between(d("2026-12-01"), d("2027-01-10"))
        .unwrap_err();
    assert!(e.to_string().contains("2027"), "{e}");
    let e = cal()
        .working_days_between(d("2006-12-01"), d("2007-01-10"))
        .unwrap_err();
    assert!(e.to_string().contains("2006"), "{e}");
}

#[test]
fn december_rows_of_the_next_notice() {
    // 2018-12-29 (Saturday) was worked and 12-31 (Monday) off, by the 2019 notice.
    assert!(cal().is_working_day(d("2018-12-29")).unwrap());
    assert!(!cal().is_working_day(d("2018-12-31")).unwrap());
    assert!(!cal().is_working_day(d("2022-12-31")).unwrap());
}

const NOTICE_2027: &str = "\u{feff}date,kind,name\r\n\
    2027-01-01,off,元旦\r\n\
    2027-02-06,off,春节\r\n\
    2027-02-07,off,春节\r\n\
    2027-02-08,off,春节\r\n\
    2027-02-09,off,春节\r\n\
    2027-02-10,off,春节\r\n\
    2027-02-11,off,春节\r\n\
    2027-02-12,off,春节\r\n\
    2027-02-20,work,春节\r\n";

#[test]
fn a_newer_year_extends_the_embedded_table() {
    // A made-up 2027 notice in the same format (BOM, CRLF).
    let cal = cal().with_csv(NOTICE_2027).unwrap();
    assert!(cal.covers(2027));
    assert_eq!(cal.year_range(), Some((2007, 2027)));
    assert!(!cal.is_working_day(d("2027-01-01")).unwrap());
    assert!(!cal.is_working_day(d("2027-02-08")).unwrap());
    assert!(cal.is_working_day(d("2027-02-20")).unwrap());
    assert!(cal.is_working_day(d("2026-12-31")).unwrap());
    // Across the year end: Friday 2026-12-25 + 4 = 12-28, 29, 30, 31.
    assert_eq!(
        cal.add_working_days(d("2026-12-25"), 4).unwrap(),
        d("2026-12-31")
    );
    assert_eq!(
        cal.add_working_days(d("2026-12-25"), 5).unwrap(),
        d("2027-01-04")
    );
    // 2028 is still not covered.
    assert!(cal.is_working_day(d("2028-03-01")).is_err());
    // The embedded calendar is unchanged.
    assert!(!calendar::embedded().covers(2027));
}

#[test]
fn a_year_in_the_file_replaces_that_year() {
    // A corrected 2024 with only 10-01 off: 10-02 becomes a working day, 09-29 an ordinary Sunday.
    let mut cal = Calendar::default();
    cal.extend_from_csv("date,kind,name\n2024-10-01,off,国庆节\n")
        .unwrap();
    assert!(cal.is_working_day(d("2024-10-02")).unwrap());
    assert!(!cal.is_working_day(d("2024-09-29")).unwrap());
    // Other years untouched.
    assert!(!cal.is_working_day(d("2023-10-02")).unwrap());
    assert!(!cal.is_working_day(d("2025-10-02")).unwrap());
}

#[test]
fn a_standalone_schedule_covers_its_years_only() {
    let cal = Calendar::from_csv(NOTICE_2027).unwrap().strict(true);
    assert_eq!(cal.covered_years(), &[2027]);
    assert!(!cal.is_working_day(d("2027-01-01")).unwrap());
    assert!(cal.is_working_day(d("2026-12-01")).is_err());
    // 2027-12-29..31 wait for 2028.
    let e = cal.is_working_day(d("2027-12-30")).unwrap_err();
    assert!(e.to_string().contains("2028"), "{e}");
    // A gap year is not covered either.
    let two = Calendar::from_csv("date,kind\n2020-01-01,off\n2022-01-03,off\n")
        .unwrap()
        .strict(true);
    assert_eq!(two.year_range(), Some((2020, 2022)));
    assert!(!two.covers(2021));
    let e = two.add_working_days(d("2020-12-01"), 40).unwrap_err();
    assert!(e.to_string().contains("2021"), "{e}");
    assert!(two.is_working_day(d("2022-06-01")).unwrap());
}

#[test]
fn every_day_agrees_with_the_readme_definition() {
    let oracle = Oracle::new();
    let mut day = d("2007-01-01");
    let mut n = 0;
    while day <= d(LAST) {
        assert_eq!(
            cal().is_working_day(day).unwrap(),
            oracle.working(day),
            "{day}"
        );
        day = day.succ_opt().unwrap();
        n += 1;
    }
    assert_eq!(n, 7302);
}

#[test]
fn statutory_days_off_per_year_match_the_readme_check() {
    // README: weekday `off` rows − `work` rows = statutory days off.
    let expected = |y: i32| match y {
        2007 => 10,
        2015 => 12,
        2020 => 13,
        y if y >= 2025 => 13,
        _ => 11,
    };
    for y in 2007..=2026 {
        let rows: Vec<_> = cal()
            .entries()
            .iter()
            .filter(|e| e.notice_year() == y)
            .collect();
        let off_weekdays = rows
            .iter()
            .filter(|e| e.kind == DayKind::Off)
            .filter(|e| !matches!(e.date.weekday(), Weekday::Sat | Weekday::Sun))
            .count() as i64;
        let work = rows.iter().filter(|e| e.kind == DayKind::Work).count() as i64;
        assert_eq!(off_weekdays - work, expected(y), "{y}");
    }
}

#[test]
fn big_counts_are_exact() {
    // The whole table in one step (a binary search; see `cargo bench --bench calendar`).
    let oracle = Oracle::new();
    let start = d("2007-01-04");
    for n in [1, 250, 4_800] {
        let r = cal().add_working_days(start, n).unwrap();
        assert_eq!(r, oracle.add(start, n));
        assert_eq!(cal().working_days_between(start, r).unwrap(), i64::from(n));
    }
    // Past the end: an error, not a guess.
    assert!(cal().add_working_days(start, 100_000).is_err());
    assert!(cal().add_working_days(start, u32::MAX).is_err());
}

fn covered_day() -> impl Strategy<Value = NaiveDate> {
    let first = d("2007-01-01");
    let span = (d(LAST) - first).num_days();
    (0..=span).prop_map(move |k| first + chrono::Days::new(k as u64))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn add_gives_a_working_day_that_between_inverts(start in covered_day(), n in 1u32..400) {
        let oracle = Oracle::new();
        let expected = oracle.add(start, n);
        match cal().add_working_days(start, n) {
            Ok(r) => {
                prop_assert_eq!(r, expected);
                prop_assert!(cal().is_working_day(r).unwrap());
                prop_assert_eq!(cal().working_days_between(start, r).unwrap(), i64::from(n));
                prop_assert_eq!(cal().working_days_between(r, start).unwrap(), -i64::from(n));
                // The day before the result has one working day fewer.
                let before = r.pred_opt().unwrap();
                if before >= start {
                    prop_assert_eq!(cal().working_days_between(start, before).unwrap(), i64::from(n) - 1);
                }
            }
            Err(e) => {
                // Only when the answer lies beyond what the table determines.
                prop_assert!(expected > d(LAST), "{start} + {n}: {e}");
                prop_assert!(e.to_string().contains("2027"));
            }
        }
    }

    #[test]
    fn add_is_monotonic(start in covered_day(), n in 0u32..300, m in 0u32..300) {
        let (a, b) = (cal().add_working_days(start, n), cal().add_working_days(start, n + m));
        if let (Ok(a), Ok(b)) = (a, b) {
            prop_assert!(a <= b);
            if m > 0 { prop_assert!(a < b); }
        }
        // A later start never gives an earlier deadline.
        let later = start.succ_opt().unwrap();
        if let (Ok(x), Ok(y)) = (cal().add_working_days(start, n), cal().add_working_days(later, n)) {
            prop_assert!(x <= y);
        }
    }

    #[test]
    fn between_counts_working_days(a in covered_day(), offset in -800i64..800) {
        let oracle = Oracle::new();
        let b = (a + chrono::TimeDelta::days(offset)).clamp(d("2007-01-01"), d(LAST));
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let mut count = 0i64;
        let mut day = lo;
        while day < hi {
            day = day.succ_opt().unwrap();
            if oracle.working(day) { count += 1; }
        }
        let expected = if a <= b { count } else { -count };
        prop_assert_eq!(cal().working_days_between(a, b).unwrap(), expected);
    }
}

#[test]
fn the_default_calendar_counts_2027_provisionally() {
    let default = calendar::embedded();
    // What strict mode refuses, the default computes and marks.
    for date in ["2027-03-01", "2026-12-29", "2026-12-31"] {
        assert!(cal().is_working_day(d(date)).is_err(), "{date}");
        assert!(default.is_working_day(d(date)).is_ok(), "{date}");
        assert!(default.day(d(date)).unwrap().provisional, "{date}");
    }
    // Years before the table stay errors.
    assert!(default.is_working_day(d("2006-06-01")).is_err());
    let e = default.add_working_days(d("2026-06-01"), 2000).unwrap();
    assert_eq!(
        default.provisional_years_between(d("2026-06-01"), e),
        (2027..=e.year()).collect::<Vec<_>>()
    );
    // The strict copy and the default share the notices.
    assert_eq!(default.entries(), cal().entries());
}

/// The law's reading of a provisional year, one day at a time.
fn provisional_working(day: NaiveDate) -> bool {
    let statutory = calendar::lunar::statutory_days(day.year()).unwrap();
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
        && !statutory.iter().any(|(x, _)| *x == day)
}

fn provisional_day() -> impl Strategy<Value = NaiveDate> {
    let first = d("2027-01-01");
    let span = (d("2088-12-28") - first).num_days();
    (0..=span).prop_map(move |k| first + chrono::Days::new(k as u64))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn provisional_days_are_weekdays_less_the_statutory_holidays(
        start in provisional_day(),
        n in 1u32..300,
    ) {
        let cal = calendar::embedded();
        prop_assert_eq!(cal.is_working_day(start).unwrap(), provisional_working(start));
        if let Ok(r) = cal.add_working_days(start, n) {
            let mut day = start;
            let mut left = n;
            while left > 0 {
                day = day.succ_opt().unwrap();
                if provisional_working(day) {
                    left -= 1;
                }
            }
            prop_assert_eq!(r, day);
            prop_assert_eq!(cal.working_days_between(start, r).unwrap(), i64::from(n));
            prop_assert!(!cal.provisional_years_between(start, r).is_empty());
        }
    }
}
