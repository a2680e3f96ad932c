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

    // Warnings only (the fast path): every other item's time limit loses its starting point
    // (`time.no_anchor`). Minus the clean catalogue's time, per issue: what an issue costs from
    // the rule that finds it to the report.
    let warned = {
        let mut v: serde_json::Value = serde_json::from_slice(&big).expect("json");
        let items = v["items"].as_array_mut().expect("items");
        for it in items.iter_mut().step_by(2) {
            if let Some(tl) = it["time_limit"].as_object_mut() {
                tl.remove("from");
            }
        }
        serde_json::to_vec(&v).expect("json")
    };
    let warned_report = validator.validate_json(&warned).expect("json");
    assert!(warned_report.valid && warned_report.issues.len() >= 5_000);
    let mut g = c.benchmark_group("validate_10k_warnings");
    g.sample_size(20);
    g.throughput(Throughput::Elements(warned_report.issues.len() as u64));
    g.bench_function(
        BenchmarkId::new("gongkai_validate_json", warned_report.issues.len()),
        |b| b.iter(|| validator.validate_json(black_box(&warned)).expect("json")),
    );
    g.finish();

    // Rendering alone: the findings of that report (code, path, id, params) rendered into
    // issues with their messages, per issue.
    let findings: Vec<gongkai::Finding> = warned_report
        .issues
        .iter()
        .map(|i| {
            let mut f = gongkai::Finding::new(i.code, i.path.clone(), i.item_id.as_deref(), &[]);
            f.params = i.params.clone();
            f
        })
        .collect();
    let mut g = c.benchmark_group("render");
    g.throughput(Throughput::Elements(findings.len() as u64));
    g.bench_function(
        BenchmarkId::new("findings_to_issues", findings.len()),
        |b| {
            b.iter_batched(
                || findings.clone(),
                |fs| {
                    fs.into_iter()
                        .map(|f| f.render(gongkai::Lang::Zh, None))
                        .collect::<Vec<_>>()
                },
                criterion::BatchSize::LargeInput,
            )
        },
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
