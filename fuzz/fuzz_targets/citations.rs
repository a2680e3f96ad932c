//! `import::text::parse_citations` on any text: never a panic, deterministic, and every
//! citation it returns has a title.
#![no_main]

use gongkai::import::text::parse_citations;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let c = parse_citations(text);
    assert_eq!(c, parse_citations(text), "not deterministic");
    for x in &c {
        assert!(
            !x.title.trim().is_empty(),
            "citation without a title: {x:?}"
        );
        let _ = gongkai::export::cells::citation_canonical(x);
    }
});
