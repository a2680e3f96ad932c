//! Validation throughput on a generated 10,000-item catalogue (~9 MB), against:
//! - the raw scan floor: `serde_json::from_slice::<IgnoredAny>` on the same bytes;
//! - the naive path: `serde_json::Value` + the `jsonschema` crate's `iter_errors` with the
//!   published schema (schema only, no legal rules);
//! - plain typed parsing.
//!
//! Also: a catalogue with thousands of issues, and one small item (a form's call).
//! Run: `cargo bench -p gongkai --bench validate` (ratios: divide the medians).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "support/gen.rs"]
mod generator;

fn bench(c: &mut Criterion) {
    let big = generator::catalogue_json(10_000, 1, false).into_bytes();
    let bad = generator::catalogue_json(10_000, 1, true).into_bytes();
    let small = generator::catalogue_json(1, 1, false).into_bytes();
    let schema = gongkai::schema::catalogue_schema().clone();
    let naive_validator = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles");
    let validator = gongkai::Validator::default();
    assert!(validator.validate_json(&big).expect("json").valid);
    let bad_report = validator.validate_json(&bad).expect("json");
    assert!(bad_report.issues.len() >= 10_000);

    let mut g = c.benchmark_group("validate_10k");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("raw_scan_ignored_any", |b| {
        b.iter(|| serde_json::from_slice::<serde::de::IgnoredAny>(black_box(&big)).expect("json"))
    });
    g.bench_function("typed_parse_only", |b| {
        b.iter(|| gongkai::Catalogue::from_json(black_box(&big)).expect("json"))
    });
    g.bench_function("gongkai_validate_json", |b| {
        b.iter(|| validator.validate_json(black_box(&big)).expect("json"))
    });
    g.bench_function("naive_value_plus_jsonschema", |b| {
        b.iter(|| {
            let v: serde_json::Value = serde_json::from_slice(black_box(&big)).expect("json");
            naive_validator.iter_errors(&v).count()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("validate_10k_with_issues");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bad.len() as u64));
    g.bench_function(
        BenchmarkId::new("gongkai_validate_json", bad_report.issues.len()),
        |b| b.iter(|| validator.validate_json(black_box(&bad)).expect("json")),
    );
    g.finish();

    let mut g = c.benchmark_group("validate_small");
    g.bench_function("one_item", |b| {
        b.iter(|| validator.validate_json(black_box(&small)).expect("json"))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
