//! Hostile input: each case ends quickly with a clear error or a bounded, reported truncation.
#![allow(clippy::unwrap_used)]

use gongkai::import::{ImportOptions, import_csv, import_html, import_xlsx};
use std::io::{Cursor, Read, Write};
use std::time::Instant;
use zip::write::SimpleFileOptions;

/// The header row of the small workbook.
const HEADER: [&str; 6] = [
    "序号",
    "二级事项",
    "公开内容",
    "公开依据",
    "公开时限",
    "公开主体",
];

fn small_workbook() -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, t) in HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *t).unwrap();
    }
    ws.write_string(1, 1, "燃气经营许可").unwrap();
    wb.save_to_buffer().unwrap()
}

/// Rewrites a zip, replacing (or adding) one entry.
fn replace_entry(
    zip_bytes: &[u8],
    name: &str,
    content: &[u8],
    method: zip::CompressionMethod,
) -> Vec<u8> {
    let mut src = zip::ZipArchive::new(Cursor::new(zip_bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(method);
    let mut replaced = false;
    for i in 0..src.len() {
        let mut f = src.by_index(i).unwrap();
        let n = f.name().to_owned();
        out.start_file(n.as_str(), opts).unwrap();
        if n == name {
            out.write_all(content).unwrap();
            replaced = true;
        } else {
            let mut buf = Vec::new();
            f.read_to_end(&mut buf).unwrap();
            out.write_all(&buf).unwrap();
        }
    }
    if !replaced {
        out.start_file(name, opts).unwrap();
        out.write_all(content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Sets the declared uncompressed size of every entry named `name` (local and central headers).
fn patch_declared_size(bytes: &mut [u8], name: &str, size: u32) {
    let name_b = name.as_bytes();
    let mut i = 0;
    while i + 46 < bytes.len() {
        let sig = u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        if sig == 0x0403_4b50 {
            let n = u16::from_le_bytes([bytes[i + 26], bytes[i + 27]]) as usize;
            if bytes.get(i + 30..i + 30 + n) == Some(name_b) {
                bytes[i + 22..i + 26].copy_from_slice(&size.to_le_bytes());
            }
        } else if sig == 0x0201_4b50 {
            let n = u16::from_le_bytes([bytes[i + 28], bytes[i + 29]]) as usize;
            if bytes.get(i + 46..i + 46 + n) == Some(name_b) {
                bytes[i + 24..i + 28].copy_from_slice(&size.to_le_bytes());
            }
        }
        i += 1;
    }
}

#[test]
fn corrupt_xlsx_is_an_error() {
    for bytes in [
        b"PK\x03\x04 this is not a zip".to_vec(),
        b"plain text".to_vec(),
        small_workbook()[..200].to_vec(),
    ] {
        let e = import_xlsx(&bytes, &ImportOptions::default()).unwrap_err();
        assert_eq!(e.code(), "import", "{e}");
        assert!(e.to_string().contains("xlsx"), "{e}");
    }
    // A workbook whose sheet XML is broken.
    let bad = replace_entry(
        &small_workbook(),
        "xl/worksheets/sheet1.xml",
        b"<worksheet><sheetData><row><c r=\"A1\" t=\"s\"><v>99999</v>",
        zip::CompressionMethod::Deflated,
    );
    assert!(import_xlsx(&bad, &ImportOptions::default()).is_err());
}

/// A worksheet of inline strings under the small workbook's header: `before` is placed before
/// `<sheetData>`, `after` after it, and `row_ref`, `cell_ref` are the `r` of the second row and
/// of its first cell.
fn sheet_xml(before: &str, row_ref: &str, cell_ref: &str, after: &str) -> Vec<u8> {
    let header = HEADER
        .iter()
        .enumerate()
        .map(|(c, t)| {
            format!(
                "<c r=\"{}1\" t=\"inlineStr\"><is><t>{t}</t></is></c>",
                (b'A' + c as u8) as char
            )
        })
        .collect::<String>();
    format!(
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">{before}\
         <sheetData><row r=\"1\">{header}</row><row r=\"{row_ref}\">\
         <c r=\"{cell_ref}\" t=\"inlineStr\"><is><t>燃气经营许可</t></is></c>\
         <c r=\"C2\" t=\"inlineStr\"><is><t>申请条件</t></is></c></row></sheetData>{after}</worksheet>"
    )
    .into_bytes()
}

/// Found by the `import_xlsx` fuzz target: calamine reads cell references with unchecked
/// arithmetic (a reversed `<dimension>` or `<mergeCell>` range, or a reference longer than
/// Excel's, overflowed, a panic in any build with overflow checks). Each sheet is scanned first:
/// such references are refused with the sheet named, merged ranges are read in order.
#[test]
fn cell_references_beyond_excel_are_refused_not_a_panic() {
    let with = |xml: Vec<u8>| {
        let bytes = replace_entry(
            &small_workbook(),
            "xl/worksheets/sheet1.xml",
            &xml,
            zip::CompressionMethod::Deflated,
        );
        import_xlsx(&bytes, &ImportOptions::default())
    };
    // The reference shape is fine: the sheet imports.
    let ok = with(sheet_xml("<dimension ref=\"A1:F2\"/>", "2", "B2", "")).unwrap();
    assert_eq!(ok.catalogue.items.len(), 1);
    assert_eq!(ok.catalogue.items[0].name.as_str(), "燃气经营许可");
    for (xml, quoted) in [
        (
            sheet_xml("<dimension ref=\"F2:A1\"/>", "2", "B2", ""),
            "F2:A1",
        ),
        (sheet_xml("", "2", "BBBBBBBBBBBB2", ""), "BBBBBBBBBBBB2"),
        (sheet_xml("", "99999999999", "B2", ""), "99999999999"),
        (sheet_xml("", "2", "B123456789012", ""), "B123456789012"),
        (
            String::from_utf8(sheet_xml("", "2", "B2", ""))
                .unwrap()
                .replace("<c r=\"C2\"", "<c r = 'CCCCCCCCC2'")
                .into_bytes(),
            "CCCCCCCCC2",
        ),
    ] {
        let e = with(xml).unwrap_err();
        assert_eq!(e.code(), "import", "{e}");
        let text = e.to_string();
        assert!(text.contains(quoted) && text.contains("Sheet1"), "{text}");
    }
    // A merged range is read whichever corner comes first: C2 (申请条件) covers C2:C3, so the
    // second item has that content too; without the merge it has none.
    for (merge, expected) in [
        ("C2:C3", vec!["申请条件"]),
        ("C3:C2", vec!["申请条件"]),
        ("Z9", vec![]),
    ] {
        let xml = sheet_xml(
            "",
            "2",
            "B2",
            &format!("<mergeCells count=\"1\"><mergeCell ref=\"{merge}\"/></mergeCells>"),
        );
        let xml = String::from_utf8(xml).unwrap().replace(
            "</row></sheetData>",
            "</row><row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>燃气经营许可变更</t></is></c></row></sheetData>",
        );
        let r = with(xml.into_bytes()).unwrap();
        assert_eq!(r.catalogue.items.len(), 2, "{merge}");
        let content: Vec<&str> = r.catalogue.items[1]
            .content
            .iter()
            .map(|t| t.as_str())
            .collect();
        assert_eq!(content, expected, "{merge}");
    }
}

#[test]
fn zip_bomb_declared_size_is_refused_before_parsing() {
    let mut bytes = small_workbook();
    patch_declared_size(&mut bytes, "xl/worksheets/sheet1.xml", 0x7FFF_FFFF);
    let t = Instant::now();
    let e = import_xlsx(&bytes, &ImportOptions::default()).unwrap_err();
    assert_eq!(e.code(), "too_large", "{e}");
    assert!(t.elapsed().as_secs() < 5);
}

#[test]
fn zip_bomb_with_lying_sizes_is_stopped_at_the_limit() {
    // 8 MiB of spaces compress to a few KiB.
    let filler = vec![b' '; 8 << 20];
    let bomb = replace_entry(
        &small_workbook(),
        "xl/bomb.xml",
        &filler,
        zip::CompressionMethod::Deflated,
    );
    assert!(
        bomb.len() < 200 << 10,
        "fixture not compressed: {}",
        bomb.len()
    );
    // Honest sizes, over a (lowered) limit.
    let opts = ImportOptions::default().max_decompressed_bytes(1 << 20);
    let e = import_xlsx(&bomb, &opts).unwrap_err();
    assert_eq!(e.code(), "too_large", "{e}");
    // Declared small, actually large: caught while decompressing.
    let mut lying = bomb.clone();
    patch_declared_size(&mut lying, "xl/bomb.xml", 100);
    let t = Instant::now();
    let e = import_xlsx(&lying, &ImportOptions::default()).unwrap_err();
    assert!(matches!(e.code(), "import" | "too_large"), "{e}");
    assert!(t.elapsed().as_secs() < 10);
}

#[test]
fn billion_laughs_is_not_expanded() {
    let mut dtd = String::from("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    dtd.push_str("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
    for k in 2..=9 {
        let p = k - 1;
        dtd.push_str(&format!(
            "<!ENTITY lol{k} \"&lol{p};&lol{p};&lol{p};&lol{p};&lol{p};&lol{p};&lol{p};&lol{p};&lol{p};&lol{p};\">"
        ));
    }
    dtd.push_str("]>");
    let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let sheet = format!(
        "<?xml version=\"1.0\"?>{dtd}<worksheet xmlns=\"{ns}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"
    );
    let strings = format!(
        "<?xml version=\"1.0\"?>{dtd}<sst xmlns=\"{ns}\" count=\"1\" uniqueCount=\"1\"><si><t>&lol9;</t></si></sst>"
    );
    for (entry, xml) in [
        ("xl/worksheets/sheet1.xml", &sheet),
        ("xl/sharedStrings.xml", &strings),
    ] {
        let bytes = replace_entry(
            &small_workbook(),
            entry,
            xml.as_bytes(),
            zip::CompressionMethod::Deflated,
        );
        let t = Instant::now();
        let e = import_xlsx(&bytes, &ImportOptions::default()).unwrap_err();
        assert_eq!(e.code(), "import", "{entry}: {e}");
        assert!(t.elapsed().as_secs() < 5, "{entry}");
    }
}

#[test]
fn a_million_row_csv_is_truncated_and_reported() {
    let mut body = String::with_capacity(70 << 20);
    body.push_str("序号,公开事项,,公开内容,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,,公开方式,,公开层级,\n");
    body.push_str(",一级事项,二级事项,,,,,,全社会,特定群体,主动,依申请,县级,乡级\n");
    for i in 1..=1_000_000u32 {
        body.push_str(&format!(
            "{i},燃气,事项{i},条件,《条例》,20个工作日,城管局,■政府网站,√,,√,,√,\n"
        ));
    }
    let t = Instant::now();
    let imp = import_csv(body.as_bytes(), &ImportOptions::default()).unwrap();
    let took = t.elapsed();
    println!(
        "1,000,000-row CSV: {} items in {took:?}",
        imp.catalogue.items.len()
    );
    assert_eq!(imp.catalogue.items.len(), 200_000 - 2);
    let f = imp
        .findings
        .iter()
        .find(|f| f.code == "import.truncated")
        .unwrap();
    assert_eq!(f.params.get("limit").map(String::as_str), Some("200000"));
    // A lower input limit refuses it outright.
    let e = import_csv(
        body.as_bytes(),
        &ImportOptions::default().max_input_bytes(1 << 20),
    )
    .unwrap_err();
    assert_eq!(e.code(), "too_large");
}

#[test]
fn huge_cells_and_columns_are_bounded() {
    let long = "长".repeat(100_000);
    let mut wide = String::from("序号,二级事项,公开内容,公开依据,公开时限,公开主体");
    for k in 0..1000 {
        wide.push_str(&format!(",列{k}"));
    }
    wide.push('\n');
    wide.push_str(&format!("1,事项,{long},《条例》,20个工作日,城管局\n"));
    let imp = import_csv(wide.as_bytes(), &ImportOptions::default()).unwrap();
    let codes: Vec<&str> = imp.findings.iter().map(|f| f.code.as_str()).collect();
    assert!(codes.contains(&"import.cell_truncated"), "{codes:?}");
    assert!(codes.contains(&"import.columns_truncated"), "{codes:?}");
    assert!(imp.catalogue.items[0].content[0].len() <= 64 << 10);
}

#[test]
fn hostile_html_spans_and_nesting() {
    // Enormous spans are clamped to the table.
    let page = "<table><tr><th>序号</th><th>二级事项</th><th>公开内容</th><th>公开依据</th></tr>\
                <tr><td rowspan=99999999 colspan=99999>1</td><td>x</td></tr><tr><td>2</td></tr></table>";
    let t = Instant::now();
    let _ = import_html(page.as_bytes(), &ImportOptions::default());
    assert!(t.elapsed().as_secs() < 5);
    // Deep nesting does not overflow the stack.
    let mut deep = String::from(
        "<table><tr><th>序号</th><th>二级事项</th><th>公开内容</th><th>公开依据</th></tr><tr><td>1</td><td>",
    );
    deep.push_str(&"<div>".repeat(100_000));
    deep.push('x');
    deep.push_str(&"</div>".repeat(100_000));
    deep.push_str("</td></tr></table>");
    let t = Instant::now();
    let e = import_html(deep.as_bytes(), &ImportOptions::default()).unwrap_err();
    assert!(e.to_string().contains("嵌套"), "{e}");
    assert!(t.elapsed().as_secs() < 5);
    // Moderate nesting is fine.
    let ok = deep
        .replace(&"<div>".repeat(100_000), &"<div>".repeat(100))
        .replace(&"</div>".repeat(100_000), &"</div>".repeat(100));
    let imp = import_html(ok.as_bytes(), &ImportOptions::default()).unwrap();
    assert_eq!(imp.catalogue.items.len(), 1);
    // No table at all.
    let e = import_html(
        b"<html><body>nothing</body></html>",
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "import");
}

#[test]
fn arbitrary_bytes_never_panic() {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for n in 0..300 {
        let len = (n * 37) % 2000;
        let mut bytes = Vec::with_capacity(len);
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            bytes.push((seed & 0xFF) as u8);
        }
        let _ = import_csv(&bytes, &ImportOptions::default());
        let _ = import_html(&bytes, &ImportOptions::default());
        let _ = import_xlsx(&bytes, &ImportOptions::default());
    }
}
