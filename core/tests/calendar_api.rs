//! The calendar's free functions, its small public helpers and its refusals, tested in Rust (the
//! language that owns them) with values from the notices themselves, not only through the
//! Python and WebAssembly bindings.
//!
//! Dates: 国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号): 国庆节 10月1日至7日
//! 放假调休，共7天；9月29日（星期日）、10月12日（星期六）上班.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use gongkai::calendar::{self, Calendar, CalendarEntry, DayKind};
use gongkai::{Error, Lang};

fn d(s: &str) -> NaiveDate {
    gongkai::parse_date(s).unwrap()
}

fn zh_en(e: &Error) -> (String, String) {
    (e.message(Lang::Zh), e.message(Lang::En))
}

#[test]
fn the_free_functions_answer_from_the_embedded_calendar() {
    // The National Day week of 2024 and its two adjusted working days.
    for (date, working) in [
        ("2024-09-27", true),  // a Friday
        ("2024-09-28", false), // a Saturday
        ("2024-09-29", true),  // a Sunday, worked
        ("2024-10-01", false),
        ("2024-10-07", false), // a Monday, off
        ("2024-10-08", true),
        ("2024-10-12", true),  // a Saturday, worked
        ("2024-10-13", false), // a Sunday
    ] {
        assert_eq!(
            calendar::is_working_day(d(date)).unwrap(),
            working,
            "{date}"
        );
    }
    // 20 working days from Wednesday 25 September (not counted): 26, 27, 29, 30 September, then
    // 8–12 October (12 a Saturday worked), then 14–18, 21–25 and 28 October.
    assert_eq!(
        calendar::add_working_days(d("2024-09-25"), 20).unwrap(),
        d("2024-10-28")
    );
    assert_eq!(
        calendar::add_working_days(d("2024-09-30"), 1).unwrap(),
        d("2024-10-08")
    );
    assert_eq!(
        calendar::add_working_days(d("2024-09-25"), 0).unwrap(),
        d("2024-09-25")
    );
    assert_eq!(
        calendar::working_days_between(d("2024-09-25"), d("2024-10-28")).unwrap(),
        20
    );
    assert_eq!(
        calendar::working_days_between(d("2024-10-28"), d("2024-09-25")).unwrap(),
        -20
    );
    assert_eq!(
        calendar::working_days_between(d("2024-09-30"), d("2024-10-07")).unwrap(),
        0
    );
    // The free functions are the embedded calendar's methods (provisional years included).
    let cal = calendar::embedded();
    assert_eq!(&Calendar::default(), cal);
    for date in ["2027-01-01", "2030-10-01", "2088-12-01"] {
        assert_eq!(
            calendar::is_working_day(d(date)).unwrap(),
            cal.is_working_day(d(date)).unwrap(),
            "{date}"
        );
    }
    assert_eq!(
        calendar::add_working_days(d("2030-09-20"), 15).unwrap(),
        cal.add_working_days(d("2030-09-20"), 15).unwrap()
    );
}

#[test]
fn day_kinds_have_the_csv_codes() {
    assert_eq!(DayKind::Off.code(), "off");
    assert_eq!(DayKind::Work.code(), "work");
    // The same codes in JSON (serde) and in the CSV the calendar writes.
    assert_eq!(serde_json::to_value(DayKind::Off).unwrap(), "off");
    assert_eq!(serde_json::to_value(DayKind::Work).unwrap(), "work");
    let cal = Calendar::from_csv("date,kind,name\n2024-10-01,off,国庆节\n2024-10-12,work,国庆节\n")
        .unwrap();
    assert_eq!(
        cal.to_csv(),
        "date,kind,name\n2024-10-01,off,国庆节\n2024-10-12,work,国庆节\n"
    );
    let day = cal.day(d("2024-10-12")).unwrap();
    assert_eq!(day.kind, Some(DayKind::Work));
    assert!(day.working);
    assert_eq!(day.name.as_deref(), Some("国庆节"));
}

fn entry(date: &str, kind: DayKind) -> CalendarEntry {
    CalendarEntry {
        date: d(date),
        kind,
        name: "国庆节".to_owned(),
    }
}

#[test]
fn a_date_listed_twice_keeps_its_last_row() {
    // Saturday 12 October 2024: listed `off` then `work`, and the other way round.
    let cal = Calendar::from_entries(vec![
        entry("2024-10-12", DayKind::Off),
        entry("2024-10-01", DayKind::Off),
        entry("2024-10-12", DayKind::Work),
    ]);
    assert_eq!(cal.entries().len(), 2);
    assert!(cal.is_working_day(d("2024-10-12")).unwrap());
    let cal = Calendar::from_entries(vec![
        entry("2024-10-12", DayKind::Work),
        entry("2024-10-12", DayKind::Off),
    ]);
    assert_eq!(cal.entries(), [entry("2024-10-12", DayKind::Off)]);
    assert!(!cal.is_working_day(d("2024-10-12")).unwrap());
    // A CSV refuses the same thing, naming the line.
    let e = Calendar::from_csv("date,kind\n2024-10-12,work\n2024-10-12,off\n").unwrap_err();
    assert_eq!(e.code(), "calendar");
    let (zh, en) = zh_en(&e);
    assert!(zh.contains("第 3 行") && zh.contains("2024-10-12"), "{zh}");
    assert!(en.contains("line 3") && en.contains("2024-10-12"), "{en}");
}

/// How every refusal ends: what to load and where (zh, en), for `year`.
fn load_zh(year: i32) -> String {
    format!(
        "请载入国务院办公厅 {year} 年部分节假日安排：命令行用 --calendar 文件（或环境变量 \
         GONGKAI_CALENDAR、用户数据文件），Python、JavaScript 用 calendar 参数；CSV 格式同 \
         data/cn-holidays.csv（date,kind,name）"
    )
}

fn load_en(year: i32) -> String {
    format!(
        "load the {year} holiday notice (CSV like data/cn-holidays.csv) with --calendar FILE, \
         GONGKAI_CALENDAR or the user data file; in Python and JavaScript, the calendar option"
    )
}

const STRICT_ZH: &str = "；或不用严格模式（去掉 --strict-calendar），按法定节假日临时计算。";
const STRICT_EN: &str = "; or drop --strict-calendar to count it provisionally.";
const NOT_COMPUTABLE_ZH: &str = "（只有 2025–2088 年能按法定节假日临时计算）。";
const NOT_COMPUTABLE_EN: &str = " (only 2025–2088 can be counted provisionally).";

fn strict() -> Calendar {
    calendar::embedded().clone().strict(true)
}

#[test]
fn the_refusal_names_the_day_the_year_and_what_to_load() {
    let e = strict().is_working_day(d("2027-03-01")).unwrap_err();
    assert_eq!(e.code(), "calendar");
    assert_eq!(
        zh_en(&e),
        (
            format!(
                "2027-03-01 所在的 2027 年不在节假日安排表内（现有 2007–2026 年），无法确定工作日。{}{STRICT_ZH}",
                load_zh(2027)
            ),
            format!(
                "2027-03-01: 2027 is not in the holiday table (it has 2007–2026): {}{STRICT_EN}",
                load_en(2027)
            )
        )
    );
    // A count that runs past the table names no day.
    let e = strict().add_working_days(d("2026-12-01"), 40).unwrap_err();
    assert_eq!(
        zh_en(&e),
        (
            format!(
                "计算涉及的 2027 年不在节假日安排表内（现有 2007–2026 年），无法确定工作日。{}{STRICT_ZH}",
                load_zh(2027)
            ),
            format!(
                "The count reaches 2027, which is not in the holiday table (it has 2007–2026): {}{STRICT_EN}",
                load_en(2027)
            )
        )
    );
    // Beyond the provisional years, not strict: only a notice helps.
    let e = calendar::embedded()
        .is_working_day(d("2089-03-01"))
        .unwrap_err();
    assert_eq!(
        zh_en(&e),
        (
            format!(
                "2089-03-01 所在的 2089 年不在节假日安排表内（现有 2007–2026 年），无法确定工作日。{}{NOT_COMPUTABLE_ZH}",
                load_zh(2089)
            ),
            format!(
                "2089-03-01: 2089 is not in the holiday table (it has 2007–2026): {}{NOT_COMPUTABLE_EN}",
                load_en(2089)
            )
        )
    );
    // An empty calendar says that nothing is loaded.
    let e = Calendar::empty()
        .is_working_day(d("2024-03-01"))
        .unwrap_err();
    let (zh, en) = zh_en(&e);
    assert!(
        zh.starts_with("2024-03-01 所在的 2024 年不在节假日安排表内（当前没有载入任何年份），"),
        "{zh}"
    );
    assert!(
        en.starts_with("2024-03-01: 2024 is not in the holiday table (no year is loaded): "),
        "{en}"
    );
}

#[test]
fn the_december_spill_names_the_next_new_year() {
    // 29–31 December depend on the next year's 元旦 notice; 28 December does not.
    let s = strict();
    assert!(s.is_working_day(d("2026-12-28")).is_ok());
    let e = s.is_working_day(d("2026-12-30")).unwrap_err();
    assert_eq!(
        zh_en(&e),
        (
            format!(
                "2026-12-30 可能因 2027 年元旦放假安排而调整（元旦假期可从上一年 12 月 29 日开始），而 2027 年不在节假日安排表内（现有 2007–2026 年），无法确定工作日。{}{STRICT_ZH}",
                load_zh(2027)
            ),
            format!(
                "2026-12-30 may move with the 2027 New Year holiday, and 2027 is not in the holiday table (it has 2007–2026): {}{STRICT_EN}",
                load_en(2027)
            )
        )
    );
    // The same through a count that ends on the 29th.
    let e = s
        .working_days_between(d("2026-12-01"), d("2026-12-29"))
        .unwrap_err();
    assert!(
        e.message(Lang::Zh)
            .starts_with("2026-12-29 可能因 2027 年元旦放假安排而调整"),
        "{e}"
    );
}

#[test]
fn covers_date_includes_the_next_new_year_for_late_december() {
    let s = strict();
    assert!(s.covers_date(d("2007-01-01")));
    assert!(!s.covers_date(d("2006-12-31")));
    assert!(s.covers_date(d("2026-12-28")));
    for date in ["2026-12-29", "2026-12-30", "2026-12-31", "2027-01-05"] {
        assert!(!s.covers_date(d(date)), "{date}: strict");
        // Not strict: 2027 is provisional, so these are determined.
        assert!(calendar::embedded().covers_date(d(date)), "{date}");
    }
    assert!(calendar::embedded().covers_date(d("2088-12-28")));
    assert!(!calendar::embedded().covers_date(d("2088-12-29")));
    assert!(!calendar::embedded().covers_date(d("2089-01-01")));
    assert!(!Calendar::empty().covers_date(d("2024-06-01")));
}

#[test]
fn a_gap_year_is_refused_by_working_days_between() {
    let gap = Calendar::from_csv("date,kind,name\n2007-10-01,off,国庆节\n2009-10-01,off,国庆节\n")
        .unwrap();
    assert_eq!(gap.covered_years(), [2007, 2009]);
    assert_eq!(gap.year_range(), Some((2007, 2009)));
    assert!(gap.covers(2009) && !gap.covers(2008));
    // Within a covered year: fine (1 October 2009 off, a Thursday).
    assert_eq!(
        gap.working_days_between(d("2009-09-30"), d("2009-10-02"))
            .unwrap(),
        1
    );
    // Across the gap, either way round: the missing year, the loaded ones, no day named.
    for (a, b) in [("2007-06-01", "2009-06-01"), ("2009-06-01", "2007-06-01")] {
        let e = gap.working_days_between(d(a), d(b)).unwrap_err();
        assert_eq!(
            zh_en(&e),
            (
                format!(
                    "计算涉及的 2008 年不在节假日安排表内（现有 2007、2009 年），无法确定工作日。{}{NOT_COMPUTABLE_ZH}",
                    load_zh(2008)
                ),
                format!(
                    "The count reaches 2008, which is not in the holiday table (it has 2007, 2009): {}{NOT_COMPUTABLE_EN}",
                    load_en(2008)
                )
            ),
            "{a} → {b}"
        );
    }
    // add_working_days across the gap: the same year.
    let e = gap.add_working_days(d("2007-12-03"), 40).unwrap_err();
    assert!(
        e.message(Lang::Zh).contains(" 2008 年不在节假日安排表内"),
        "{e}"
    );
}

#[test]
fn the_small_helpers() {
    let e = calendar::not_utf8_error();
    assert_eq!(e.code(), "calendar");
    assert_eq!(
        zh_en(&e),
        (
            "节假日安排表不是 UTF-8 编码；请用文本编辑器或 Excel 另存为“CSV UTF-8”".to_owned(),
            "the holiday file is not UTF-8; save it as “CSV UTF-8” from a text editor or Excel"
                .to_owned()
        )
    );
    assert_eq!(
        calendar::years_params(&[2027, 2028]),
        [
            ("years", "2027、2028".to_owned()),
            ("years_en", "2027, 2028".to_owned())
        ]
    );
    assert_eq!(
        calendar::years_params(&[]),
        [("years", String::new()), ("years_en", String::new())]
    );
    // A December 元旦 row belongs to the next year's notice; other December rows do not.
    let mut e = entry("2024-12-31", DayKind::Off);
    e.name = "元旦".to_owned();
    assert_eq!(e.notice_year(), 2025);
    e.name = "国庆节".to_owned();
    assert_eq!(e.notice_year(), 2024);
    let mut e = entry("2025-01-01", DayKind::Off);
    e.name = "元旦".to_owned();
    assert_eq!(e.notice_year(), 2025);
}
