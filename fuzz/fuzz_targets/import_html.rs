//! `import::import_html` on arbitrary bytes: never a panic; deterministic; the result
//! validates into a sound report.
#![no_main]

use gongkai::import::{ImportOptions, import_html};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = ImportOptions::default().max_rows(2_000);
    gongkai_fuzz::check_import(|| import_html(data, &options));
});
