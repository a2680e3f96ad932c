//! DOCX import through the one loader: format detection by name and content, what a Word table
//! holds (merges, nested tables, symbols), the same catalogue as the HTML of each corpus table,
//! validation and the annotated workbook at the document's cells, and hostile documents refused
//! or bounded by the limits of `ImportOptions`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod import_support;

use gongkai::import::{Format, ImportOptions, detect_format, load};
use import_support::{Merged, corpus_stems, corpus_table, docx_package, para};
use std::time::Instant;

const HEAD: &[&str] = &[
    "序号",
    "一级事项",
    "二级事项",
    "公开内容",
    "公开依据",
    "公开时限",
    "公开主体",
    "公开渠道",
    "公开对象",
    "公开方式",
    "公开层级",
];

fn row(n: usize) -> Vec<String> {
    [
        &n.to_string(),
        "城镇燃气管理",
        "燃气经营许可证核发",
        "申请条件",
        "《城镇燃气管理条例》",
        "自信息形成或者变更之日起20个工作日内",
        "某县城市管理局",
        "■政府网站",
        "全社会",
        "主动",
        "县级",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect()
}

fn table(rows: usize) -> Merged {
    let mut t = Merged {
        rows: vec![HEAD.iter().map(|s| (*s).to_owned()).collect()],
        spans: Vec::new(),
        header_rows: 1,
    };
    t.rows.extend((1..=rows).map(row));
    t
}

fn opts(name: &str) -> ImportOptions {
    ImportOptions::default().file_name(name)
}

#[test]
fn the_format_comes_from_the_name_else_the_content() {
    let docx = table(1).docx(None);
    let xlsx = table(1).xlsx();
    assert_eq!(detect_format(Some("目录.docx"), b""), Format::Docx);
    assert_eq!(detect_format(Some("目录.DOCX"), b""), Format::Docx);
    assert_eq!(detect_format(None, &docx), Format::Docx);
    assert_eq!(detect_format(Some("目录.bin"), &docx), Format::Docx);
    assert_eq!(detect_format(None, &xlsx), Format::Xlsx);
    // Legacy and page-layout documents, by name or by their magic bytes.
    let ole = |stream: &str| {
        let mut b = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        b.extend(std::iter::repeat_n(0, 504));
        b.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
        b
    };
    assert_eq!(
        detect_format(Some("目录.doc"), &ole("WordDocument")),
        Format::Doc
    );
    assert_eq!(
        detect_format(Some("目录.wps"), &ole("WordDocument")),
        Format::Doc
    );
    assert_eq!(detect_format(None, &ole("WordDocument")), Format::Doc);
    assert_eq!(detect_format(None, &ole("Workbook")), Format::Xls);
    assert_eq!(
        detect_format(Some("目录.et"), &ole("Workbook")),
        Format::Xls
    );
    assert_eq!(detect_format(None, b"%PDF-1.7\n"), Format::Pdf);
    assert_eq!(detect_format(Some("目录.pdf"), b""), Format::Pdf);
    assert_eq!(detect_format(Some("目录.ofd"), b""), Format::Pdf);
    assert_eq!(detect_format(None, b"{\\rtf1\\ansi hello}"), Format::Doc);
    // A .doc that is a web page or a DOCX is what it is.
    assert_eq!(
        detect_format(Some("目录.doc"), b"<html><table>"),
        Format::Html
    );
    assert_eq!(detect_format(Some("目录.doc"), &docx), Format::Docx);
    // Refused with the hint, through the one loader, whatever the name says.
    for (name, bytes) in [
        ("目录.doc", ole("WordDocument")),
        ("目录.xls", ole("WordDocument")),
        ("目录.csv", b"%PDF-1.4\n".to_vec()),
        ("目录.docx", b"%PDF-1.4\n".to_vec()),
        ("目录.docx", ole("WordDocument")),
    ] {
        let e = load(&bytes, &opts(name)).unwrap_err();
        assert_eq!(e.code(), "unsupported_format", "{name}: {e}");
        assert!(e.to_string().contains(".docx"), "{name}: {e}");
    }
}

#[test]
fn a_docx_reads_like_the_html_of_each_corpus_table() {
    for stem in corpus_stems() {
        let html =
            std::fs::read(import_support::repo_root().join(format!("tests/corpus/{stem}.html")))
                .unwrap();
        let a = load(&html, &opts(&format!("{stem}.html"))).unwrap();
        let b = load(
            &corpus_table(&stem).docx(None),
            &opts(&format!("{stem}.docx")),
        )
        .unwrap();
        assert_eq!(a.catalogue.items.len(), b.catalogue.items.len(), "{stem}");
        for (i, (x, y)) in a.catalogue.items.iter().zip(&b.catalogue.items).enumerate() {
            assert_eq!(x.category, y.category, "{stem} item {i}");
            assert_eq!(x.name, y.name, "{stem} item {i}");
            assert_eq!(x.channels, y.channels, "{stem} item {i}");
            assert_eq!(x.audience, y.audience, "{stem} item {i}");
            assert_eq!(x.method, y.method, "{stem} item {i}");
            assert_eq!(x.levels, y.levels, "{stem} item {i}");
            assert_eq!(x.time_limit.kind, y.time_limit.kind, "{stem} item {i}");
            let titles = |it: &gongkai::model::Item<'_>| {
                it.basis
                    .iter()
                    .map(|c| c.title.to_string())
                    .collect::<Vec<_>>()
            };
            assert_eq!(titles(x), titles(y), "{stem} item {i}");
            // The same cell: row and column (the sheet is 表1 in both).
            let at = |l: &gongkai::import::Loaded, p: String| {
                l.sources
                    .as_ref()
                    .unwrap()
                    .get(&p)
                    .map(|x| (x.row, x.column.clone()))
            };
            assert_eq!(
                at(&a, format!("/items/{i}/name")),
                at(&b, format!("/items/{i}/name")),
                "{stem} item {i}"
            );
        }
    }
}

#[test]
fn what_a_word_cell_holds() {
    // A nested table is read as lines of the cell; a legacy horizontal merge covers the cell to
    // its right; a vMerge continuing nothing starts its own cell; symbols of the text of a
    // Wingdings run map to marks.
    let nested = r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>申请条件</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>申请材料</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
    let head: String = HEAD
        .iter()
        .map(|h| format!("<w:tc>{}</w:tc>", para(h)))
        .collect();
    let cell = |x: &str| format!("<w:tc>{}</w:tc>", para(x));
    let mut data = String::new();
    data.push_str(r#"<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>"#);
    data.push_str(&cell("城镇燃气管理"));
    data.push_str(&cell("燃气经营许可证核发"));
    data.push_str(&format!("<w:tc>{nested}<w:p/></w:tc>"));
    for x in ["《城镇燃气管理条例》", "20个工作日", "某县城市管理局"] {
        data.push_str(&cell(x));
    }
    data.push_str(r#"<w:tc><w:p><w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>n</w:t></w:r><w:r><w:t>政府网站</w:t></w:r></w:p></w:tc>"#);
    data.push_str(r#"<w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>全社会</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>"#);
    data.push_str(&cell("县级"));
    let body = format!("<w:tbl><w:tr>{head}</w:tr><w:tr>{data}</w:tr></w:tbl>");
    let l = load(&docx_package(&body), &opts("目录.docx")).unwrap();
    let it = &l.catalogue.items[0];
    assert_eq!(it.id.as_str(), "1");
    let content: Vec<&str> = it.content.iter().map(|c| c.as_str()).collect();
    assert_eq!(content, ["申请条件", "申请材料"]);
    assert_eq!(it.channels, [gongkai::model::Channel::GovWebsite]);
    assert_eq!(it.audience, [gongkai::model::Audience::Public]);
    // 公开方式 (column J) is covered by the merge: nothing read from it.
    assert!(it.method.is_empty());
    assert_eq!(it.levels, [gongkai::model::Level::County]);
}

#[test]
fn validation_and_the_annotated_workbook_point_at_the_document_cells() {
    let mut t = table(2);
    t.rows[2][5] = "自信息形成或者变更之日起30个工作日内".into();
    let bytes = t.docx(Some("某县城市管理局市政服务领域基层政务公开标准目录"));
    let report = gongkai::Validator::default()
        .validate_bytes(&bytes, Some("目录.docx"))
        .unwrap();
    let issue = report
        .issues
        .iter()
        .find(|i| i.path == "/items/1/time_limit" && i.severity == gongkai::Severity::Error)
        .expect("30 working days exceed the statutory 20");
    let loc = issue.location.as_ref().unwrap();
    assert_eq!(
        (loc.sheet.as_deref(), loc.row, loc.column.as_deref()),
        (Some("表1"), 3, Some("F"))
    );
    #[cfg(feature = "xlsx")]
    {
        let a =
            gongkai::annotate::annotate(&bytes, Some("目录.docx"), &gongkai::Validator::default())
                .unwrap();
        assert_eq!(a.format, Format::Docx);
        assert!(a.cells_marked > 0);
        assert!(a.sheets.iter().any(|s| s == "表1"), "{:?}", a.sheets);
    }
}

/// A document body around a table of `rows` data rows.
fn big(rows: usize) -> Vec<u8> {
    table(rows).docx(None)
}

#[test]
fn hostile_documents_are_refused_or_bounded() {
    let t0 = Instant::now();
    // Too many zip entries.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    for i in 0..20 {
        zip.start_file(format!("x{i}.xml"), o).unwrap();
    }
    let many = zip.finish().unwrap().into_inner();
    let e = load(&many, &opts("a.docx").max_zip_entries(10)).unwrap_err();
    assert_eq!(e.code(), "too_large", "{e}");
    // More inflated bytes than allowed.
    let e = load(&big(200), &opts("a.docx").max_decompressed_bytes(20_000)).unwrap_err();
    assert_eq!(e.code(), "too_large", "{e}");
    // Entities are never expanded (a billion laughs).
    let mut lol = String::from(r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">"#);
    for k in 1..10 {
        lol.push_str(&format!(
            r#"<!ENTITY a{k} "{}">"#,
            format!(
                "&a{};",
                if k == 1 {
                    String::new()
                } else {
                    (k - 1).to_string()
                }
            )
            .repeat(10)
        ));
    }
    lol.push_str("]>");
    let body = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
    let mut doc = docx_package(body);
    // The package's document, with the DTD in front.
    doc = {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(doc)).unwrap();
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for i in 0..z.len() {
            let mut f = z.by_index(i).unwrap();
            let name = f.name().to_owned();
            let mut text = String::new();
            std::io::Read::read_to_string(&mut f, &mut text).unwrap();
            if name == "word/document.xml" {
                text = text.replacen(
                    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
                    &lol,
                    1,
                );
            }
            out.start_file(name, o).unwrap();
            std::io::Write::write_all(&mut out, text.as_bytes()).unwrap();
        }
        out.finish().unwrap().into_inner()
    };
    let e = load(&doc, &opts("a.docx")).unwrap_err();
    assert_eq!(e.code(), "import", "{e}");
    // Deep nesting.
    let deep = format!(
        "{}{}",
        "<w:sdt><w:sdtContent>".repeat(100_000),
        "</w:sdtContent></w:sdt>".repeat(100_000)
    );
    let e = load(&docx_package(&deep), &opts("a.docx")).unwrap_err();
    assert_eq!(e.code(), "too_large", "{e}");
    // A span of a hundred million columns: the columns are cut at the limit.
    let head: String = HEAD
        .iter()
        .map(|h| format!("<w:tc>{}</w:tc>", para(h)))
        .collect();
    let wide = format!(
        r#"<w:tbl><w:tr>{head}<w:tc><w:tcPr><w:gridSpan w:val="100000000"/></w:tcPr>{}</w:tc></w:tr><w:tr>{}</w:tr></w:tbl>"#,
        para("x"),
        row(1)
            .iter()
            .map(|c| format!("<w:tc>{}</w:tc>", para(c)))
            .collect::<String>()
    );
    let l = load(&docx_package(&wide), &opts("a.docx")).unwrap();
    assert!(
        l.findings
            .iter()
            .any(|f| f.code == "import.columns_truncated")
    );
    assert_eq!(l.catalogue.items.len(), 1);
    // Rows beyond the limit are not read.
    let l = load(&big(50), &opts("a.docx").max_rows(11)).unwrap();
    assert_eq!(l.catalogue.items.len(), 10);
    assert!(l.findings.iter().any(|f| f.code == "import.truncated"));
    // A document cut short: the rows before the cut are read.
    let cut = {
        let full = table(3).docx_table();
        let at = full.rfind("<w:tr>").unwrap();
        full[..at + 40].to_owned()
    };
    let l = load(&docx_package(&cut), &opts("a.docx")).unwrap();
    assert!(l.catalogue.items.len() >= 2);
    // Not a zip, and a zip without a document body, and a document without a table.
    for (bytes, code) in [
        (b"PK\x03\x04garbage".to_vec(), "import"),
        (b"not a document".to_vec(), "import"),
        (docx_package(&para("没有表格的文档")), "import"),
    ] {
        let e = load(&bytes, &opts("a.docx")).unwrap_err();
        assert_eq!(e.code(), code, "{e}");
    }
    println!("hostile documents: {:?}", t0.elapsed());
}

#[test]
fn a_long_document_is_read_in_bounded_time() {
    // Every cell in five runs and every tick a symbol: about 7 KB of XML per row.
    let bytes = big(3_000);
    let t0 = Instant::now();
    let l = load(&bytes, &opts("a.docx")).unwrap();
    assert_eq!(l.catalogue.items.len(), 3_000);
    println!(
        "DOCX of 3,000 rows ({} KB): {:?}",
        bytes.len() / 1024,
        t0.elapsed()
    );
}
