//! `import::import_xlsx`: never a panic; deterministic; the result validates into a sound
//! report. Input that starts with `PK` is taken as a whole workbook (the zip container
//! itself is fuzzed); any other input is the XML of the first worksheet, then (after a NUL
//! byte) the shared strings, stored uncompressed in an otherwise valid workbook, so that the
//! fuzzer reaches the XML readers instead of spending itself on deflate streams.
#![no_main]

use gongkai::import::{ImportOptions, import_xlsx};
use libfuzzer_sys::fuzz_target;
use std::io::{Cursor, Read, Write};
use std::sync::OnceLock;

/// The entries of a small exported workbook.
fn template() -> &'static Vec<(String, Vec<u8>)> {
    static T: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    T.get_or_init(|| {
        let mut cat = gongkai_fuzz::fixture();
        cat.items.truncate(2);
        let options = gongkai::export::XlsxOptions::default().metadata_sheet(false);
        let bytes = gongkai::export::to_xlsx(&cat, &options).unwrap();
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..zip.len())
            .map(|i| {
                let mut f = zip.by_index(i).unwrap();
                let mut buf = Vec::new();
                f.read_to_end(&mut buf).unwrap();
                (f.name().to_owned(), buf)
            })
            .collect()
    })
}

fn workbook(sheet: &[u8], strings: Option<&[u8]>) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in template() {
        let content = match (name.as_str(), strings) {
            ("xl/worksheets/sheet1.xml", _) => sheet,
            ("xl/sharedStrings.xml", Some(s)) => s,
            _ => content.as_slice(),
        };
        out.start_file(name.as_str(), opts).unwrap();
        out.write_all(content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fuzz_target!(|data: &[u8]| {
    let options = ImportOptions::default().max_rows(2_000);
    let bytes;
    let input = if data.starts_with(b"PK") {
        data
    } else {
        let (sheet, strings) = match data.iter().position(|b| *b == 0) {
            Some(i) => (&data[..i], Some(&data[i + 1..])),
            None => (data, None),
        };
        bytes = workbook(sheet, strings);
        &bytes
    };
    gongkai_fuzz::check_import(|| import_xlsx(input, &options));
});
