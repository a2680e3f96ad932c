//! `import::import_docx`: never a panic; deterministic; the result validates into a sound
//! report. Input that starts with `PK` is taken as a whole document (the zip container itself
//! is fuzzed); any other input is the XML of `word/document.xml`, stored uncompressed in an
//! otherwise valid package, so that the fuzzer reaches the WordprocessingML reader (tables,
//! merges, runs, symbols, check boxes, tracked changes) instead of spending itself on deflate
//! streams.
#![no_main]

use gongkai::import::{ImportOptions, import_docx};
use libfuzzer_sys::fuzz_target;
use std::io::{Cursor, Write};

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

fn document(xml: &[u8]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in [
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", xml),
    ] {
        out.start_file(name, opts).unwrap();
        out.write_all(content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fuzz_target!(|data: &[u8]| {
    let options = ImportOptions::default().max_rows(2_000).max_columns(64);
    let bytes;
    let input = if data.starts_with(b"PK") {
        data
    } else {
        bytes = document(data);
        &bytes
    };
    gongkai_fuzz::check_import(|| import_docx(input, &options));
});
