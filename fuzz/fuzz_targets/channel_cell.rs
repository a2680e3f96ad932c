//! `import::channels::parse_channel_cell` on any text: never a panic, deterministic, no
//! channel twice, no empty 其他 entry.
#![no_main]

use gongkai::import::channels::parse_channel_cell;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let c = parse_channel_cell(text);
    assert_eq!(c, parse_channel_cell(text), "not deterministic");
    for (i, ch) in c.channels.iter().enumerate() {
        assert!(!c.channels[..i].contains(ch), "{ch:?} twice: {c:?}");
    }
    for o in &c.other {
        assert!(!o.trim().is_empty(), "empty other channel: {c:?}");
    }
});
