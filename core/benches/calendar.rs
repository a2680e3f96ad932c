//! Working-day arithmetic and the audit: `cargo bench -p gongkai --bench calendar`.
#![allow(clippy::unwrap_used)]

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use gongkai::calendar::{self, Calendar, EMBEDDED_CSV};

fn d(s: &str) -> chrono::NaiveDate {
    gongkai::parse_date(s).unwrap()
}

fn benches(c: &mut Criterion) {
    let cal = calendar::embedded();
    c.bench_function("calendar/parse_embedded", |b| {
        b.iter(|| Calendar::from_csv(black_box(EMBEDDED_CSV)).unwrap())
    });
    c.bench_function("calendar/is_working_day", |b| {
        b.iter(|| cal.is_working_day(black_box(d("2024-02-04"))).unwrap())
    });
    c.bench_function("calendar/add_working_days_20", |b| {
        b.iter(|| {
            cal.add_working_days(black_box(d("2024-09-25")), 20)
                .unwrap()
        })
    });
    c.bench_function("calendar/add_working_days_4800", |b| {
        b.iter(|| {
            cal.add_working_days(black_box(d("2007-01-04")), 4800)
                .unwrap()
        })
    });
    c.bench_function("calendar/working_days_between_19y", |b| {
        b.iter(|| {
            cal.working_days_between(black_box(d("2007-01-04")), d("2026-06-30"))
                .unwrap()
        })
    });
    // 10,000 records against a one-item catalogue.
    let cat_json = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/audit/catalogue.json"
    ))
    .unwrap();
    let cat = gongkai::Catalogue::from_json(&cat_json).unwrap();
    let mut csv = String::from("item_id,formed_on,published_on\n");
    let mut day = d("2008-01-02");
    for i in 0..10_000 {
        let published = day + chrono::Days::new(20 + (i % 15));
        csv.push_str(&format!("1,{day},{published}\n"));
        day = day.succ_opt().unwrap();
        if day > d("2026-06-01") {
            day = d("2008-01-02");
        }
    }
    let opts = gongkai::audit::AuditOptions::default().today(d("2026-12-01"));
    c.bench_function("audit/10000_records_csv", |b| {
        b.iter(|| {
            gongkai::audit::audit_bytes(&cat, csv.as_bytes(), Some("r.csv"), cal, &opts).unwrap()
        })
    });
}

criterion_group!(calendar_benches, benches);
criterion_main!(calendar_benches);
