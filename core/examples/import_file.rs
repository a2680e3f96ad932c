//! Imports (and validates) one table file N times, for profiling the importer:
//! `cargo run --profile bench -p gongkai --example import_file -- FILE [N]`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: import_file FILE [N]")?;
    let n: usize = args.next().map_or(Ok(1), |s| s.parse())?;
    let bytes = std::fs::read(&path)?;
    let validator = gongkai::Validator::default();
    for _ in 0..n {
        let t = std::time::Instant::now();
        let report = validator.validate_bytes(&bytes, Some(&path))?;
        eprintln!(
            "{} items, {} issues, {:?}",
            report.items,
            report.issues.len(),
            t.elapsed()
        );
    }
    Ok(())
}
