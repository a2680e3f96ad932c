//! The working-day calendar on fuzzed dates, counts and schedule files: never a panic, and the
//! arithmetic is consistent (`working_days_between(a, add_working_days(a, n)) == n`, the result
//! is a working day, the count is antisymmetric), on the embedded table and on tables parsed
//! from the input (`Calendar::from_csv`, `extend_from_csv`).
#![no_main]

use chrono::NaiveDate;
use gongkai::calendar::{Calendar, embedded};
use libfuzzer_sys::fuzz_target;

/// Input: 13 bytes (two dates as days from 2000-01-01, a count, a flag), then an optional
/// schedule CSV.
struct Input<'a> {
    a: i32,
    b: i32,
    n: u32,
    /// Dates anywhere chrono can go, rather than within about 55 years of 2000.
    wide: bool,
    csv: Option<&'a str>,
}

impl<'a> Input<'a> {
    fn read(data: &'a [u8]) -> Option<Self> {
        let word = |i: usize| -> Option<[u8; 4]> { data.get(i..i + 4)?.try_into().ok() };
        Some(Input {
            a: i32::from_le_bytes(word(0)?),
            b: i32::from_le_bytes(word(4)?),
            n: u32::from_le_bytes(word(8)?),
            wide: data.get(12)? & 1 == 1,
            csv: data.get(13..).and_then(|r| std::str::from_utf8(r).ok()),
        })
    }
}

fn date(offset: i32, wide: bool) -> Option<NaiveDate> {
    let base = NaiveDate::from_ymd_opt(2000, 1, 1)?;
    let offset = if wide { offset } else { offset % 20_000 };
    base.checked_add_signed(chrono::TimeDelta::try_days(i64::from(offset))?)
}

fn check(cal: &Calendar, a: NaiveDate, b: NaiveDate, n: u32) {
    if let Ok(end) = cal.add_working_days(a, n) {
        assert!(end >= a, "{a} + {n} = {end}");
        assert_eq!(
            cal.working_days_between(a, end).ok(),
            Some(i64::from(n)),
            "{a} + {n} = {end}"
        );
        if n > 0 {
            assert_eq!(cal.is_working_day(end).ok(), Some(true), "{end}");
        }
    }
    match (
        cal.working_days_between(a, b),
        cal.working_days_between(b, a),
    ) {
        (Ok(x), Ok(y)) => assert_eq!(x, -y, "{a} {b}"),
        (Err(_), Err(_)) => {}
        (x, y) => panic!("{a}..{b}: {x:?} but {b}..{a}: {y:?}"),
    }
    if let Ok(d) = cal.working_day_on_or_after(a) {
        assert!(d >= a);
        assert_eq!(cal.is_working_day(d).ok(), Some(true));
    }
    if let Ok(info) = cal.day(a) {
        assert_eq!(cal.is_working_day(a).ok(), Some(info.working));
    }
    assert_eq!(cal.covers_date(a), cal.is_working_day(a).is_ok(), "{a}");
}

fuzz_target!(|data: &[u8]| {
    let Some(input) = Input::read(data) else {
        return;
    };
    let (Some(a), Some(b)) = (date(input.a, input.wide), date(input.b, input.wide)) else {
        return;
    };
    check(embedded(), a, b, input.n % 2_000);
    check(embedded(), a, b, input.n);
    if let Some(text) = input.csv {
        if let Ok(cal) = Calendar::from_csv(text) {
            assert!(cal.entries().windows(2).all(|w| w[0].date < w[1].date));
            check(&cal, a, b, input.n % 2_000);
        }
        if let Ok(cal) = embedded().with_csv(text) {
            check(&cal, a, b, input.n % 2_000);
        }
    }
});
