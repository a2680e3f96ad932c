//! Deadlines of every TimeLimit kind, through the public API.
#![allow(clippy::unwrap_used)]

use chrono::{NaiveDate, NaiveTime};
use gongkai::TimeLimit;
use gongkai::calendar;
use gongkai::deadline::{Start, deadline, deadline_with};
use gongkai::model::{Anchor, TimeLimitKind};

fn d(s: &str) -> NaiveDate {
    gongkai::parse_date(s).unwrap()
}

#[test]
fn working_days_from_the_anchor() {
    let cal = calendar::embedded();
    for from in [
        Anchor::FormedOrChanged,
        Anchor::RequestReceived,
        Anchor::Decided,
        Anchor::Unspecified,
    ] {
        let dl = deadline(cal, &TimeLimit::working_days(20, from), d("2024-09-25")).unwrap();
        assert_eq!(dl.kind, TimeLimitKind::WorkingDays);
        assert_eq!(dl.start, d("2024-09-25"));
        assert_eq!(dl.date, Some(d("2024-10-28")));
        assert_eq!(dl.working_days, Some(20));
        assert_eq!(dl.reason, None);
    }
    // Seven working days from Friday 2024-12-27 cross New Year's Day 2025.
    let dl = deadline(
        cal,
        &TimeLimit::working_days(7, Anchor::Decided),
        d("2024-12-27"),
    )
    .unwrap();
    // 12-30, 12-31, [01-01 off], 01-02, 01-03, 01-06, 01-07, 01-08.
    assert_eq!(dl.date, Some(d("2025-01-08")));
}

#[test]
fn extension_of_article_33() {
    let cal = calendar::embedded();
    let limit = TimeLimit::working_days(20, Anchor::RequestReceived);
    let base = deadline(cal, &limit, d("2024-09-25"))
        .unwrap()
        .date
        .unwrap();
    let full = deadline_with(cal, &limit, &Start::on(d("2024-09-25")).extended(20)).unwrap();
    assert_eq!(full.date, Some(d("2024-11-25")));
    assert_eq!(full.extension_days, 20);
    assert_eq!(full.working_days, Some(40));
    assert_eq!(
        cal.working_days_between(base, full.date.unwrap()).unwrap(),
        20
    );
    let ten = deadline_with(cal, &limit, &Start::on(d("2024-09-25")).extended(10)).unwrap();
    assert_eq!(ten.date, Some(d("2024-11-11")));
    // More than 20, or on a limit not in working days: a bad argument.
    let e = deadline_with(cal, &limit, &Start::on(d("2024-09-25")).extended(21)).unwrap_err();
    assert_eq!(e.code(), "invalid_argument");
    assert!(e.to_string().contains("20"), "{e}");
    let e = deadline_with(
        cal,
        &TimeLimit::simple(TimeLimitKind::OnTheSpot),
        &Start::on(d("2024-09-25")).extended(5),
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_argument");
}

#[test]
fn calendar_days_move_off_holidays() {
    let cal = calendar::embedded();
    // 2024-09-24 + 7 = 10-01, National Day: moved to 10-08, the first working day after.
    let dl = deadline(
        cal,
        &TimeLimit::calendar_days(7, Anchor::Decided),
        d("2024-09-24"),
    )
    .unwrap();
    assert_eq!(dl.nominal_date, Some(d("2024-10-01")));
    assert_eq!(dl.date, Some(d("2024-10-08")));
    // 2024-09-25 + 3 = Saturday 09-28; Sunday 09-29 was a working day.
    let dl = deadline(
        cal,
        &TimeLimit::calendar_days(3, Anchor::Decided),
        d("2024-09-25"),
    )
    .unwrap();
    assert_eq!(dl.date, Some(d("2024-09-29")));
    // A working last day is not moved.
    let dl = deadline(
        cal,
        &TimeLimit::calendar_days(7, Anchor::Decided),
        d("2024-03-04"),
    )
    .unwrap();
    assert_eq!(dl.date, Some(d("2024-03-11")));
    assert_eq!(dl.nominal_date, None);
}

#[test]
fn hours_before_an_event() {
    let cal = calendar::embedded();
    let limit = TimeLimit::hours_before(24);
    // A date only: the event may start at 00:00, so the notice is due the day before at 00:00.
    let dl = deadline(cal, &limit, d("2024-03-10")).unwrap();
    assert_eq!(
        dl.datetime,
        Some(d("2024-03-09").and_hms_opt(0, 0, 0).unwrap())
    );
    assert_eq!(dl.date, Some(d("2024-03-09")));
    // With the time of the event.
    let at = d("2024-03-10").and_time(NaiveTime::from_hms_opt(8, 30, 0).unwrap());
    let dl = deadline_with(cal, &TimeLimit::hours_before(36), &Start::at(at)).unwrap();
    assert_eq!(
        dl.datetime,
        Some(d("2024-03-08").and_hms_opt(20, 30, 0).unwrap())
    );
    // Clock hours: no calendar needed, even in a year the table does not cover.
    assert!(deadline(cal, &limit, d("2030-05-01")).is_ok());
}

#[test]
fn annual_by_is_the_next_such_date() {
    let cal = calendar::embedded();
    let limit = TimeLimit::annual_by(1, 31);
    assert_eq!(
        deadline(cal, &limit, d("2024-01-05")).unwrap().date,
        Some(d("2024-01-31"))
    );
    assert_eq!(
        deadline(cal, &limit, d("2024-01-31")).unwrap().date,
        Some(d("2024-01-31"))
    );
    assert_eq!(
        deadline(cal, &limit, d("2024-02-01")).unwrap().date,
        Some(d("2025-01-31"))
    );
}

#[test]
fn same_day_kinds() {
    let cal = calendar::embedded();
    for k in [TimeLimitKind::OnTheSpot, TimeLimitKind::Realtime] {
        // Even on a holiday: the same day.
        let dl = deadline(cal, &TimeLimit::simple(k), d("2024-10-01")).unwrap();
        assert_eq!(dl.date, Some(d("2024-10-01")));
        assert_eq!(dl.reason, None);
    }
}

#[test]
fn kinds_without_a_deadline_give_the_reason() {
    let cal = calendar::embedded();
    let cases = [
        (
            TimeLimit::simple(TimeLimitKind::Promptly),
            "no_deadline.promptly",
        ),
        (
            TimeLimit::simple(TimeLimitKind::Continuous),
            "no_deadline.continuous",
        ),
        (TimeLimit::unparsed("按有关规定"), "no_deadline.unparsed"),
        // Structurally incomplete limits are a reason too, not an error.
        (
            TimeLimit::simple(TimeLimitKind::WorkingDays),
            "no_deadline.incomplete",
        ),
        (TimeLimit::annual_by(2, 30), "no_deadline.incomplete"),
        (TimeLimit::annual_by(13, 1), "no_deadline.incomplete"),
    ];
    for (limit, code) in cases {
        let dl = deadline(cal, &limit, d("2024-03-01")).unwrap();
        assert_eq!(dl.date, None, "{code}");
        let r = dl.reason.unwrap();
        assert_eq!(r.code, code);
        assert!(!r.message_zh.is_empty() && !r.message_en.is_empty());
    }
    let dl = deadline(cal, &TimeLimit::unparsed("按有关规定"), d("2024-03-01")).unwrap();
    assert!(dl.reason.unwrap().message_zh.contains("按有关规定"));
}

#[test]
fn annual_by_a_day_the_month_lacks() {
    // 2-30 does not exist in any year: incomplete, above. 2-29 is the last day in common years.
    let cal = calendar::embedded();
    let dl = deadline(cal, &TimeLimit::annual_by(2, 29), d("2023-01-01")).unwrap();
    assert_eq!(dl.date, Some(d("2023-02-28")));
}

#[test]
fn uncovered_years_are_errors() {
    // Strict mode: a year without a notice is refused.
    let strict = calendar::embedded().clone().strict(true);
    let cal = &strict;
    let e = deadline(
        cal,
        &TimeLimit::working_days(20, Anchor::FormedOrChanged),
        d("2026-12-10"),
    )
    .unwrap_err();
    assert_eq!(e.code(), "calendar");
    assert!(e.to_string().contains("2027"), "{e}");
    assert!(e.to_string().contains("--calendar"), "{e}");
    assert!(e.message(gongkai::Lang::En).contains("--calendar"), "{e}");
    // Without a notice and before the law of 2025, every calendar refuses.
    let cal = calendar::embedded();
    let e = deadline(
        cal,
        &TimeLimit::calendar_days(7, Anchor::Decided),
        d("2006-05-01"),
    )
    .unwrap_err();
    assert!(e.to_string().contains("2006"), "{e}");
}

#[test]
fn deadline_serialises_with_iso_dates() {
    let cal = calendar::embedded();
    let dl = deadline_with(
        cal,
        &TimeLimit::working_days(20, Anchor::RequestReceived),
        &Start::on(d("2024-09-25")).extended(20),
    )
    .unwrap();
    let v = serde_json::to_value(&dl).unwrap();
    assert_eq!(v["kind"], "working_days");
    assert_eq!(v["start"], "2024-09-25");
    assert_eq!(v["date"], "2024-11-25");
    assert_eq!(v["extension_days"], 20);
    assert!(v["reason"].is_null());
    // A Start reads from JSON (bindings pass it as an object).
    let s: Start = serde_json::from_str(r#"{"date": "2024-03-10", "time": "08:00:00"}"#).unwrap();
    assert_eq!(s.time, NaiveTime::from_hms_opt(8, 0, 0));
    assert_eq!(s.extension_days, 0);
}

#[test]
fn provisional_years_are_marked() {
    // The issue's case, on 2026-12-07: 20 working days run into 2027, whose notice is not out.
    let cal = calendar::embedded();
    let limit = TimeLimit::working_days(20, Anchor::FormedOrChanged);
    let dl = deadline(cal, &limit, d("2026-12-07")).unwrap();
    assert_eq!(dl.date, Some(d("2027-01-05")));
    assert!(dl.provisional);
    assert_eq!(dl.provisional_years, [2027]);
    assert_eq!(dl.warnings.len(), 1);
    let w = &dl.warnings[0];
    assert_eq!(w.code, "calendar.provisional");
    assert!(
        w.message_zh.contains("2027 年") && w.message_zh.contains("临时"),
        "{}",
        w.message_zh
    );
    assert!(w.message_en.contains("2027"), "{}", w.message_en);
    let v = serde_json::to_value(&dl).unwrap();
    assert_eq!(v["provisional"], true);
    assert_eq!(v["warnings"][0]["code"], "calendar.provisional");
    // Calendar days moved off a provisional holiday: 2027-02-04 + 1 is 除夕 (Friday 02-05),
    // 春节 runs to Monday 02-08, so the deadline is Tuesday 02-09.
    let dl = deadline(
        cal,
        &TimeLimit::calendar_days(1, Anchor::Decided),
        d("2027-02-04"),
    )
    .unwrap();
    assert_eq!(dl.date, Some(d("2027-02-09")));
    assert_eq!(dl.nominal_date, Some(d("2027-02-05")));
    assert!(dl.provisional);
    // A deadline inside the covered years is exact, and says so.
    let dl = deadline(cal, &limit, d("2026-11-02")).unwrap();
    assert_eq!(dl.date, Some(d("2026-11-30")));
    assert!(!dl.provisional && dl.warnings.is_empty() && dl.provisional_years.is_empty());
    // Kinds that use no calendar are never provisional.
    let dl = deadline(
        cal,
        &TimeLimit::simple(TimeLimitKind::OnTheSpot),
        d("2030-01-02"),
    )
    .unwrap();
    assert!(!dl.provisional);
    // With the 2027 notice loaded, the same deadline is exact.
    let loaded = cal
        .with_csv("date,kind,name\n2027-01-01,off,元旦\n")
        .unwrap();
    let dl = deadline(&loaded, &limit, d("2026-12-07")).unwrap();
    assert_eq!(dl.date, Some(d("2027-01-05")));
    assert!(!dl.provisional);
}
