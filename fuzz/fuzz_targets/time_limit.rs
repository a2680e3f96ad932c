//! `import::text::parse_time_limit` on any text: never a panic, never drops the text (a
//! non-empty cell is kept in `text`), and what it parses has a canonical wording that parses
//! back to the same kind.
#![no_main]

use gongkai::import::text::parse_time_limit;
use gongkai::model::TimeLimitKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let t = parse_time_limit(text);
    assert_eq!(t, parse_time_limit(text), "not deterministic");
    if t.kind == TimeLimitKind::Unparsed && !text.trim().is_empty() {
        assert!(
            t.text.as_deref().is_some_and(|x| !x.is_empty()),
            "an unparsed cell lost its text: {t:?}"
        );
    }
    let _ = gongkai::export::cells::time_limit_canonical(&t);
});
