//! Prints a generated, valid catalogue of N items (default 10,000; about 800 bytes per item)
//! for benchmarks: `cargo run --release -p gongkai --example generate -- 10000 > big.json`.
//!
//! Options: `--issues` makes every item carry problems (for the "thousands of issues" case);
//! `--seed S` changes the text.

#[path = "../benches/support/gen.rs"]
mod generator;

fn main() {
    let mut n = 10_000usize;
    let mut issues = false;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--issues" => issues = true,
            "--seed" => seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(1),
            other => match other.parse() {
                Ok(v) => n = v,
                Err(_) => {
                    eprintln!("usage: generate [N] [--issues] [--seed S]");
                    std::process::exit(2);
                }
            },
        }
    }
    print!("{}", generator::catalogue_json(n, seed, issues));
}
