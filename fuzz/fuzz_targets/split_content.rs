//! `import::text::split_content` on any text: never a panic, deterministic, no empty element,
//! and every element is already normalised (`normalize_cell` leaves it unchanged).
#![no_main]

use gongkai::import::text::{normalize_cell, split_content};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parts = split_content(text);
    assert_eq!(parts, split_content(text), "not deterministic");
    for p in &parts {
        assert!(!p.is_empty(), "empty element in {parts:?}");
        assert_eq!(&normalize_cell(p), p, "element not normalised");
    }
});
