//! Runs one validation mode once on a file, for instruction counting under valgrind:
//! `valgrind --tool=callgrind target/release/examples/profile scan big.json`.
//! Modes: `scan` (IgnoredAny), `typed` (Catalogue::from_json), `validate`, `naive` (Value + jsonschema).

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(mode), Some(path)) = (args.next(), args.next()) else {
        eprintln!("usage: profile scan|typed|validate|naive FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    // Compile the schema before measuring (it is compiled once per process in real use).
    let _ = gongkai::schema::is_schema_valid(&serde_json::Value::Null);
    let n = match mode.as_str() {
        "none" => bytes.len(),
        "scan" => usize::from(serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).is_ok()),
        "typed" => gongkai::Catalogue::from_json(&bytes).map_or(0, |c| c.items.len()),
        "validate" => gongkai::validate_json(&bytes).map_or(0, |r| r.issues.len()),
        "naive" => {
            let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
            gongkai::schema::schema_error_count(&v)
        }
        _ => {
            eprintln!("unknown mode {mode}");
            std::process::exit(2)
        }
    };
    println!("{mode}: {n}");
}
