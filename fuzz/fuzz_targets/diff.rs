//! Two catalogues from the input (JSON or tables, separated by a NUL byte), compared with `diff::diff` and
//! `diff::consistency`: never a panic, deterministic, coverage counts consistent.
#![no_main]

use gongkai::diff::{DiffOptions, consistency, diff};
use gongkai::import::{ImportOptions, load};
use gongkai_fuzz::check_error;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The reference, a NUL byte, the local catalogue.
    let Some(i) = data.iter().position(|b| *b == 0) else {
        return;
    };
    let (reference, local) = (&data[..i], &data[i + 1..]);
    let options = ImportOptions::default();
    let (r, l) = match (load(reference, &options), load(local, &options)) {
        (Ok(r), Ok(l)) => (r.catalogue, l.catalogue),
        (Err(e), _) | (_, Err(e)) => return check_error(&e),
    };
    let options = DiffOptions::default();
    for report in [diff(&r, &l, &options), consistency(&r, &l, &options)] {
        let c = &report.coverage;
        assert_eq!(c.reference_items, r.items.len());
        assert_eq!(c.local_items, l.items.len());
        assert!(
            c.matched <= c.reference_items && c.matched <= c.local_items,
            "{c:?}"
        );
        assert!((0.0..=1.0).contains(&c.present_share), "{c:?}");
        for f in &report.findings {
            assert!(f.message.chars().count() <= gongkai_fuzz::MAX_MESSAGE_CHARS);
        }
    }
    assert_eq!(
        diff(&r, &l, &options).to_json(),
        diff(&r, &l, &options).to_json(),
        "not deterministic"
    );
});
