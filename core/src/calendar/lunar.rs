//! The statutory holidays of a year by the law in force, with the lunar and solar-term dates
//! they need.
//!
//! # The law
//!
//! 《全国年节及纪念日放假办法》 第二条 names the holidays of all citizens. Its versions since 2008:
//!
//! | notice years | decision | holidays (days) |
//! |---|---|---|
//! | 2008–2013 | 国务院令第513号 (2007-12-14, in force 2008-01-01) | 元旦 1, 春节 3 (除夕、正月初一、初二), 清明 1, 劳动节 1, 端午 1, 中秋 1, 国庆 3: 11 |
//! | 2014–2024 | 国务院令第644号 (2013-12-11, in force 2014-01-01) | 春节 3 (正月初一至初三); the rest as before: 11 |
//! | from 2025 | 国务院令第795号 (2024-11-10, in force 2025-01-01) | 元旦 1, 春节 4 (除夕、正月初一至初三), 清明 1, 劳动节 2 (5月1日、2日), 端午 1, 中秋 1, 国庆 3 (10月1日至3日): 13 |
//!
//! [`statutory_days`] lists these days for a year (2008 to [`LAST_YEAR`]); a provisional year
//! ([`super::Calendar`]) is made of them and the weekends, without the 调休 days of the yearly
//! notice, which nobody can know in advance.
//!
//! # The dates
//!
//! 除夕, 清明, 端午 and 中秋 come from `data/cn-lunar-dates.csv` (2007–2088, computed by the
//! rules of GB/T 33661-2017 and cross-checked; see its README), packed here in two bytes a
//! year. A test checks that this table and the CSV agree.

use chrono::NaiveDate;

/// The first year of the table.
pub const FIRST_YEAR: i32 = 2007;
/// The last year of the table (see `data/cn-lunar-dates.README.md` for why it stops there).
pub const LAST_YEAR: i32 = 2088;
/// The first notice year of the law in force (国务院令第795号, in force 2025-01-01): the first
/// year that can be computed provisionally.
pub const CURRENT_LAW_FROM: i32 = 2025;

/// One year per entry from [`FIRST_YEAR`]: bits 0–4 除夕 − 20 January, bit 5 清明 − 4 April,
/// bits 6–10 端午 − 27 May, bits 11–15 中秋 − 7 September (days).
const PACKED: [u16; 82] = [
    0x95fc, 0x3b11, 0xd045, 0x7d38, 0x2aad, 0xbec2, 0x6414, 0x09aa, 0xa63d, 0x4352, 0xd8c7, 0x8dba,
    0x32ef, 0xc744, 0x7496, 0x19eb, 0xb6a1, 0x5394, 0xe908, 0x95fb, 0x4370, 0xd045, 0x7d17, 0x2a6d,
    0xc722, 0x6415, 0x094a, 0xa63d, 0x4bb2, 0xd8c7, 0x8d99, 0x32ee, 0xc823, 0x6c96, 0x19cb, 0xae81,
    0x53f4, 0xe109, 0x95db, 0x4310, 0xd8a5, 0x7cd8, 0x220c, 0xbec2, 0x6475, 0x014b, 0x9e1d, 0x4b92,
    0xe0e7, 0x8d59, 0x328e, 0xcf43, 0x74b6, 0x11cc, 0xae80, 0x53d3, 0xe968, 0x95db, 0x430f, 0xd045,
    0x8538, 0x220d, 0xb6c2, 0x6455, 0x09aa, 0x9e1d, 0x4b91, 0xe0c6, 0x8d59, 0x2a8f, 0xc703, 0x6c96,
    0x1a0c, 0xae81, 0x53d3, 0xe948, 0x9ddb, 0x3ad0, 0xd005, 0x7cd8, 0x224d, 0xb6c3,
];

/// The four dates of one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LunarDates {
    /// 除夕: the last day of the lunar year ending in this year (the day before 春节).
    pub chuxi: NaiveDate,
    /// 清明 (the solar term).
    pub qingming: NaiveDate,
    /// 端午 (五月初五).
    pub duanwu: NaiveDate,
    /// 中秋 (八月十五).
    pub zhongqiu: NaiveDate,
}

/// The dates of `year`, when the table has it.
pub fn dates(year: i32) -> Option<LunarDates> {
    let i = usize::try_from(year.checked_sub(FIRST_YEAR)?).ok()?;
    let v = u32::from(*PACKED.get(i)?);
    let at = |month: u32, day: u32, offset: u32| {
        NaiveDate::from_ymd_opt(year, month, day)?
            .checked_add_days(chrono::Days::new(u64::from(offset)))
    };
    Some(LunarDates {
        chuxi: at(1, 20, v & 0x1f)?,
        qingming: at(4, 4, (v >> 5) & 1)?,
        duanwu: at(5, 27, (v >> 6) & 0x1f)?,
        zhongqiu: at(9, 7, (v >> 11) & 0x1f)?,
    })
}

/// The statutory holidays (法定节假日) of `year` by the law in force that year, as (day,
/// festival), sorted, one per day (when 中秋 falls in 10月1日至3日 the day is named 中秋节 once).
/// `None` before 2008 (not covered here) and after [`LAST_YEAR`].
pub fn statutory_days(year: i32) -> Option<Vec<(NaiveDate, &'static str)>> {
    if year < 2008 {
        return None;
    }
    let l = dates(year)?;
    let ymd = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d);
    let after = |d: NaiveDate, n: u64| d.checked_add_days(chrono::Days::new(n));
    let mut out: Vec<(NaiveDate, &'static str)> = Vec::with_capacity(13);
    out.push((ymd(1, 1)?, "元旦"));
    // 春节: 除夕 and 正月初一、初二 (2008–2013); 正月初一至初三 (2014–2024); 除夕 and 正月初一至初三
    // (from 2025).
    let spring: &[u64] = match year {
        ..=2013 => &[0, 1, 2],
        2014..=2024 => &[1, 2, 3],
        _ => &[0, 1, 2, 3],
    };
    for &n in spring {
        out.push((after(l.chuxi, n)?, "春节"));
    }
    out.push((l.qingming, "清明节"));
    out.push((ymd(5, 1)?, "劳动节"));
    if year >= CURRENT_LAW_FROM {
        out.push((ymd(5, 2)?, "劳动节"));
    }
    out.push((l.duanwu, "端午节"));
    // 中秋 (7 September – 8 October) and 国庆 (10月1日至3日), in date order without a sort.
    let mut autumn: Vec<(NaiveDate, &'static str)> = Vec::with_capacity(4);
    for d in 1..=3 {
        let day = ymd(10, d)?;
        if day != l.zhongqiu {
            autumn.push((day, "国庆节"));
        }
    }
    let at = autumn
        .iter()
        .position(|(d, _)| *d > l.zhongqiu)
        .unwrap_or(autumn.len());
    autumn.insert(at, (l.zhongqiu, "中秋节"));
    out.extend(autumn);
    debug_assert!(out.windows(2).all(|w| w[0].0 < w[1].0));
    Some(out)
}

/// How many statutory holiday days the law gives in `year` (11, or 13 from 2025), counted as the
/// law counts them (a 中秋 inside 国庆 still counts apart); `None` where
/// [`statutory_days`] is `None`.
pub fn statutory_count(year: i32) -> Option<usize> {
    dates(year)?;
    match year {
        ..=2007 => None,
        2008..=2024 => Some(11),
        _ => Some(13),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::calendar::{Calendar, DayKind, EMBEDDED_CSV};
    use chrono::Datelike;

    const CSV: &str = include_str!("../../../data/cn-lunar-dates.csv");

    #[test]
    fn packed_table_matches_the_csv() {
        let mut n = 0;
        for line in CSV.lines().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            let year: i32 = f[0].parse().unwrap();
            let d = dates(year).unwrap();
            let p = |s: &str| crate::date::parse_date(s).unwrap();
            assert_eq!(d.chuxi, p(f[1]), "{year} 除夕");
            assert_eq!(d.qingming, p(f[2]), "{year} 清明");
            assert_eq!(d.duanwu, p(f[3]), "{year} 端午");
            assert_eq!(d.zhongqiu, p(f[4]), "{year} 中秋");
            n += 1;
        }
        assert_eq!(n, PACKED.len());
        assert_eq!(FIRST_YEAR + n as i32 - 1, LAST_YEAR);
        assert_eq!(dates(FIRST_YEAR - 1), None);
        assert_eq!(dates(LAST_YEAR + 1), None);
    }

    #[test]
    fn lunar_dates_match_the_official_schedule() {
        // Every statutory day of 2008–2026 by the law of its year is a holiday day of that
        // year's notice: the lunar and solar-term dates and the law table are right.
        let cal = Calendar::from_csv(EMBEDDED_CSV).unwrap().strict(true);
        for year in 2008..=2026 {
            let days = statutory_days(year).unwrap();
            for (d, festival) in &days {
                let info = cal.day(*d).unwrap();
                assert_eq!(info.kind, Some(DayKind::Off), "{year}: {d} {festival}");
                let name = info.name.unwrap_or_default();
                // 中秋 is labelled 国庆节 where the two form one block.
                let ok = name == *festival || (*festival == "中秋节" && name == "国庆节");
                assert!(ok, "{year}: {d} is {name}, expected {festival}");
            }
            // The count of distinct days plus an overlap of 中秋 with 国庆 is the law's count.
            let overlap = usize::from(
                days.iter()
                    .any(|(d, n)| *n == "中秋节" && d.month() == 10 && d.day() <= 3),
            );
            assert_eq!(
                days.len() + overlap,
                statutory_count(year).unwrap(),
                "{year}"
            );
        }
        // Before 2008 the law is not covered here.
        assert_eq!(statutory_days(2007), None);
        // 除夕 is a working day under the 2013 version: 2014-01-30 was one.
        let chuxi = dates(2014).unwrap().chuxi;
        assert_eq!(chuxi, crate::date::parse_date("2014-01-30").unwrap());
        assert!(cal.is_working_day(chuxi).unwrap());
    }

    #[test]
    fn the_2024_version() {
        let d = |s: &str| crate::date::parse_date(s).unwrap();
        let days = statutory_days(2027).unwrap();
        assert_eq!(days.len(), 13);
        let spring: Vec<_> = days
            .iter()
            .filter(|(_, n)| *n == "春节")
            .map(|(d, _)| *d)
            .collect();
        assert_eq!(
            spring,
            [
                d("2027-02-05"),
                d("2027-02-06"),
                d("2027-02-07"),
                d("2027-02-08")
            ]
        );
        assert!(days.contains(&(d("2027-05-02"), "劳动节")));
        assert!(days.contains(&(d("2027-04-05"), "清明节")));
        assert!(days.contains(&(d("2027-06-09"), "端午节")));
        assert!(days.contains(&(d("2027-09-15"), "中秋节")));
        // 2028: 中秋 on 10月3日 is one day for two festivals.
        let y = statutory_days(2028).unwrap();
        assert_eq!(y.len(), 12);
        assert!(y.contains(&(d("2028-10-03"), "中秋节")));
        assert_eq!(statutory_count(2028), Some(13));
        assert_eq!(statutory_days(LAST_YEAR + 1), None);
    }
}
