//! `import::import_html` on arbitrary bytes: never a panic; deterministic; the result
//! validates into a sound report; its tables read as the parser closes them are exactly those
//! of the whole parse.
#![no_main]

use gongkai::import::{ImportOptions, import_html, streaming_agrees};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = ImportOptions::default().max_rows(2_000);
    gongkai_fuzz::check_import(|| import_html(data, &options));
    if let Ok(text) = std::str::from_utf8(data) {
        assert_ne!(
            streaming_agrees(text, &options),
            Some(false),
            "tables read as they close differ from the whole parse"
        );
    }
});
