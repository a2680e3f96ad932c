//! Export throughput on a generated 10,000-item catalogue (~9 MB of JSON): CSV, XLSX, HTML,
//! Markdown, and the round-trip loss check. Run: `cargo bench -p gongkai --bench export`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "support/gen.rs"]
mod generator;

fn bench(c: &mut Criterion) {
    let json = generator::catalogue_json(10_000, 1, false).into_bytes();
    let cat = gongkai::Catalogue::from_json(&json).expect("generated catalogue parses");
    let mut g = c.benchmark_group("export_10k");
    g.sample_size(10);
    g.throughput(Throughput::Elements(cat.items.len() as u64));
    g.bench_function("csv", |b| {
        b.iter(|| gongkai::export::to_csv(black_box(&cat), &Default::default()))
    });
    #[cfg(feature = "xlsx")]
    g.bench_function("xlsx", |b| {
        b.iter(|| gongkai::export::to_xlsx(black_box(&cat), &Default::default()))
    });
    g.bench_function("html", |b| {
        b.iter(|| gongkai::export::to_html(black_box(&cat), &Default::default()))
    });
    g.bench_function("markdown", |b| {
        b.iter(|| gongkai::export::to_markdown(black_box(&cat)))
    });
    g.bench_function("table_losses", |b| {
        b.iter(|| gongkai::export::table_losses(black_box(&cat)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
