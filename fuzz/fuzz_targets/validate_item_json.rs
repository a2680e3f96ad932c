//! `Validator::validate_item_json` on an arbitrary item, index and header: never a panic,
//! deterministic, and every issue is about that item (its path under `/items/{index}`).
//!
//! Input: two bytes of index (little endian), the item, then optionally a NUL byte and the
//! catalogue header.
#![no_main]

use gongkai_fuzz::{deterministic, validators};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (index, rest) = match data {
        [a, b, rest @ ..] => (usize::from(u16::from_le_bytes([*a, *b])), rest),
        _ => return,
    };
    let (item, header) = match rest.iter().position(|b| *b == 0) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let prefix = format!("/items/{index}");
    for v in validators() {
        if let Ok(r) = deterministic(|| v.validate_item_json(item, index, header)) {
            assert_eq!(r.items, 1);
            for i in &r.issues {
                let rest = i
                    .path
                    .strip_prefix(&prefix)
                    .unwrap_or_else(|| panic!("issue {} outside the item: {:?}", i.code, i.path));
                assert!(rest.is_empty() || rest.starts_with('/'), "{:?}", i.path);
            }
        }
    }
});
