//! Issue 17: bounded work per input. Each reproducer is generated here (never committed) and
//! must end quickly with a clear error, or with a report whose size follows what it shows.
#![allow(clippy::unwrap_used)]

use gongkai::import::{ImportOptions, import_xlsx};
use std::io::{Cursor, Read, Write};
use std::time::Instant;
use zip::write::SimpleFileOptions;

/// A workbook of `n` sheets (`S1` … `Sn`), the header and one item on each; `hidden` sheets
/// hidden.
fn workbook(n: usize, hidden: &[usize]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for k in 1..=n {
        let ws = wb.add_worksheet();
        ws.set_name(format!("S{k}")).unwrap();
        for (c, t) in [
            "序号",
            "二级事项",
            "公开内容",
            "公开依据",
            "公开时限",
            "公开主体",
        ]
        .iter()
        .enumerate()
        {
            ws.write_string(0, c as u16, *t).unwrap();
        }
        ws.write_string(1, 1, "燃气经营许可").unwrap();
        if hidden.contains(&k) {
            ws.set_hidden(true);
        }
    }
    wb.save_to_buffer().unwrap()
}

/// Rewrites a zip: `edit` maps an entry's name and content to its new content.
fn rewrite(zip_bytes: &[u8], edit: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    let mut src = zip::ZipArchive::new(Cursor::new(zip_bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..src.len() {
        let mut f = src.by_index(i).unwrap();
        let name = f.name().to_owned();
        let mut buf = Vec::new();
        f.read_to_end(&mut buf).unwrap();
        out.start_file(name.as_str(), opts).unwrap();
        out.write_all(&edit(&name, buf)).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Issue 17, item 2: every sheet's relationship points at one large `sheet1.xml`. The zip's
/// total passes the decompressed-size check once; the sheets together must not pass it again.
#[test]
fn one_entry_named_by_every_sheet_is_counted_per_sheet() {
    let filler = 4usize << 20;
    let make = |sheets: usize| {
        rewrite(&workbook(sheets, &[]), |name, buf| {
            if name == "xl/_rels/workbook.xml.rels" {
                let text = String::from_utf8(buf).unwrap();
                let mut out = text.clone();
                for k in 2..=sheets {
                    out = out.replace(
                        &format!("worksheets/sheet{k}.xml\""),
                        "worksheets/sheet1.xml\"",
                    );
                }
                out.into_bytes()
            } else if name == "xl/worksheets/sheet1.xml" {
                let text = String::from_utf8(buf).unwrap();
                let pad = " ".repeat(filler);
                text.replacen("<sheetData>", &format!("{pad}<sheetData>"), 1)
                    .into_bytes()
            } else {
                buf
            }
        })
    };
    let limit = ImportOptions::default().max_decompressed_bytes(32 << 20);
    // Five sheets of 4 MiB are 20 MiB: read, five items.
    let ok = import_xlsx(&make(5), &limit).unwrap();
    assert_eq!(ok.catalogue.items.len(), 5);
    // Twenty are 80 MiB in all, though the zip holds 4 MiB: refused before calamine reads.
    let bomb = make(20);
    assert!(bomb.len() < 200 << 10, "not compressed: {}", bomb.len());
    let t = Instant::now();
    let e = import_xlsx(&bomb, &limit).unwrap_err();
    assert_eq!(e.code(), "too_large", "{e}");
    assert!(e.to_string().contains("各工作表"), "{e}");
    assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
}

/// Issue 17, item 2: the number of sheets is limited.
#[test]
fn sheets_beyond_the_limit_are_refused() {
    let bytes = workbook(12, &[]);
    let e = import_xlsx(&bytes, &ImportOptions::default().max_sheets(10)).unwrap_err();
    assert_eq!(e.code(), "too_large", "{e}");
    assert!(e.to_string().contains("工作表数"), "{e}");
    let ok = import_xlsx(&bytes, &ImportOptions::default().max_sheets(12)).unwrap();
    assert_eq!(ok.catalogue.items.len(), 12);
    assert_eq!(ImportOptions::default().max_sheets, 1_000);
}

/// Issue 17, item 7: a hidden sheet gets the cell-reference check a visible one gets (the
/// annotated copy reads every sheet, hidden ones too).
#[test]
fn a_hidden_sheet_is_checked_like_a_visible_one() {
    let bad = |hidden: &[usize]| {
        rewrite(&workbook(2, hidden), |name, buf| {
            if name == "xl/worksheets/sheet2.xml" {
                String::from_utf8(buf)
                    .unwrap()
                    .replace("r=\"B2\"", "r=\"BBBBBBBBBB2\"")
                    .into_bytes()
            } else {
                buf
            }
        })
    };
    for hidden in [&[][..], &[2][..]] {
        let e = import_xlsx(&bad(hidden), &ImportOptions::default()).unwrap_err();
        assert_eq!(e.code(), "import", "{e}");
        assert!(e.to_string().contains("BBBBBBBBBB2"), "{e}");
    }
    // Chosen another sheet: the bad one is still refused, since annotate copies it.
    let e = import_xlsx(&bad(&[]), &ImportOptions::default().sheet("S1")).unwrap_err();
    assert!(e.to_string().contains("S2"), "{e}");
}

/// Issue 17, item 3: many tiny problems. The report keeps `max_issues` and counts the rest by
/// code in one `report.truncated` warning; `valid` still counts every error.
#[test]
fn many_tiny_problems_keep_the_report_bounded() {
    use gongkai::{Options, Validator};
    let n = 50_000;
    let doc = format!("{{\"items\":[{}1]}}", "1,".repeat(n - 1));
    let v = Validator::new(Options::default().max_issues(1_000));
    let t = Instant::now();
    let r = v.validate_json(doc.as_bytes()).unwrap();
    eprintln!("{n} scalar items: {:?}", t.elapsed());
    assert!(!r.valid);
    assert_eq!(r.issues.len(), 1_001);
    let summary: Vec<_> = r
        .issues
        .iter()
        .filter(|i| i.code == "report.truncated")
        .collect();
    assert_eq!(summary.len(), 1);
    let more: usize = summary[0].params["more"].parse().unwrap();
    assert!(more >= n - 1_000, "{more}");
    assert!(summary[0].params["codes_zh"].contains("schema.type"));
    assert!(summary[0].message.contains("1000") && summary[0].message.contains(&more.to_string()));
    // Unknown keys, by the hundred thousand: the same.
    let keys: String = (0..100_000).map(|k| format!(",\"k{k}\":1")).collect();
    let doc = format!(
        "{{\"schema_version\":\"1.0\",\"title\":\"t\",\"domain\":\"municipal_services\",\"publisher\":\"p\",\"level\":\"county\",\"issued\":\"2024-01-01\",\"items\":[]{keys}}}"
    );
    let r = Validator::new(Options::default().max_issues(10))
        .validate_json(doc.as_bytes())
        .unwrap();
    assert_eq!(r.issues.len(), 11);
    let last = r
        .issues
        .iter()
        .find(|i| i.code == "report.truncated")
        .unwrap();
    assert!(
        last.params["codes_en"].contains("model.unknown_key"),
        "{last:?}"
    );
    // Below the limit nothing changes; the default is generous.
    assert_eq!(Options::default().max_issues, 100_000);
    let r = Validator::default()
        .validate_json(b"{\"items\":[1]}")
        .unwrap();
    assert!(r.issues.iter().all(|i| i.code != "report.truncated"));
}

/// A page of `n` small sibling tables, each with a catalogue header and one item numbered 1
/// (the shape `benches/gen_html_tables.py` writes 100,000 of): every table lacks five columns
/// and renumbers its item, every item lacks its channels, marks and category.
fn sibling_tables(n: usize) -> String {
    let mut page = String::from("<html><head><title>某县政务公开标准目录</title></head><body>");
    for i in 0..n {
        page.push_str(&format!(
            "<table><tr><th>序号</th><th>二级事项</th><th>公开内容</th><th>公开依据</th>\
             <th>公开时限</th><th>公开主体</th></tr><tr><td>1</td><td>事项{i}</td>\
             <td>申请条件</td><td>《条例》第{}条</td><td>20个工作日</td><td>本机关</td></tr></table>",
            i % 90 + 1
        ));
    }
    page.push_str("</body></html>");
    page
}

/// Issue 17, item 3, what remained: the page's whole tree (about 28 nodes of some 130 bytes
/// per small table, 2.8 million for 100,000 tables, 694 MB peak for a 27.5 MB page). The
/// importer now reads each table as the parser closes it and frees its nodes, so that at most
/// one table's subtree is alive, besides one node per table left in its place and the text
/// between tables. The result is the same as the whole parse's: same items, same cells.
#[test]
fn a_page_of_many_tables_is_read_table_by_table() {
    use gongkai::import::dom::{Dom, streamed_peak_nodes};
    use gongkai::import::import_html;
    let n = 5_000;
    let page = sibling_tables(n).replace("</table>", "</table>\n");
    let whole = Dom::parse(&page).nodes.len();
    let peak = streamed_peak_nodes(&page).expect("read table by table");
    assert!(whole > 25 * n, "{whole} nodes in the whole tree");
    assert!(
        peak <= 2 * n + 100,
        "{peak} nodes alive at once for {n} tables"
    );
    // One table, or many nested in one another, are read in one piece: no saving, no loss.
    let nested = "<table><tr><td>".repeat(200) + "x";
    assert!(streamed_peak_nodes(&nested).is_some());
    let imported = import_html(page.as_bytes(), &ImportOptions::default()).unwrap();
    assert_eq!(imported.catalogue.items.len(), n);
    // Each item from its own table, at its own row.
    for k in [0, 1, n / 2, n - 1] {
        let at = imported
            .sources
            .get(&format!("/items/{k}/name"))
            .unwrap_or_else(|| panic!("item {k} has no location"));
        assert_eq!(at.sheet.as_deref(), Some(format!("表{}", k + 1).as_str()));
        assert_eq!(at.row, 2);
        assert_eq!(
            imported.catalogue.items[k].name.as_str(),
            format!("事项{k}")
        );
    }
}

/// Issue 17, item 3: 100,000 small sibling tables in one page took 2.2 GB, because the importer
/// kept every finding of every table, and the explaining path serialised every incomplete item
/// and gathered all their schema findings before the report's limit applied. The import now
/// records at most `max_findings` (the rest counted by code in one summary), and the schema's
/// findings go into the report's collector a chunk of items at a time.
#[test]
fn many_sibling_tables_keep_the_findings_bounded() {
    use gongkai::import::import_html;
    use gongkai::{Options, Validator};
    let n = 3_000;
    let page = sibling_tables(n);
    let t = Instant::now();
    let all = import_html(page.as_bytes(), &ImportOptions::default()).unwrap();
    eprintln!("{n} sibling tables: {:?}", t.elapsed());
    assert_eq!(all.catalogue.items.len(), n);
    assert_eq!(all.tables.len(), n);
    // Unlimited (below the default of 100,000): one finding per missing column per table at
    // least, and no summary.
    assert!(all.findings.len() > 5 * n, "{}", all.findings.len());
    assert!(
        all.findings
            .iter()
            .all(|f| f.code != "import.findings_truncated")
    );
    // Capped: the first 1,000 as they were, then one summary counting the rest by code.
    let capped = import_html(
        page.as_bytes(),
        &ImportOptions::default().max_findings(1_000),
    )
    .unwrap();
    assert_eq!(capped.catalogue.items, all.catalogue.items);
    // The tables' first 1,000 findings as they were; the few about the catalogue's own fields
    // (the page has no 领域, no 编制单位 …) always; then the summary.
    assert_eq!(capped.findings[..1_000], all.findings[..1_000]);
    let header: Vec<_> = all
        .findings
        .iter()
        .filter(|f| f.code == "import.header_missing" || f.code == "import.header_default")
        .cloned()
        .collect();
    assert!(!header.is_empty());
    assert_eq!(capped.findings.len(), 1_000 + header.len() + 1);
    assert_eq!(capped.findings[1_000..1_000 + header.len()], header[..]);
    let summary = capped.findings.last().unwrap();
    assert_eq!(summary.code, "import.findings_truncated");
    assert_eq!(summary.params["limit"], "1000");
    assert_eq!(
        summary.params["more"],
        (all.findings.len() - 1_000 - header.len()).to_string()
    );
    assert!(
        summary.params["codes_en"].contains("import.header_missing_column"),
        "{summary:?}"
    );
    // Validation: the schema's findings of items beyond the first chunk keep their own paths,
    // and the report keeps its limit.
    let v = Validator::new(Options::default().max_issues(1_000_000));
    let r = v.validate_imported(&all.catalogue, Some(&all.sources), &all.findings);
    let last = format!("/items/{}/channels", n - 1);
    assert!(
        r.issues
            .iter()
            .any(|i| i.path == last && i.code == "schema.channels_missing"),
        "no schema finding at {last}"
    );
    let per_item = r
        .issues
        .iter()
        .filter(|i| i.code == "schema.channels_missing")
        .count();
    assert_eq!(per_item, n);
    let v = Validator::new(Options::default().max_issues(500));
    let r = v.validate_imported(&capped.catalogue, Some(&capped.sources), &capped.findings);
    assert_eq!(r.issues.len(), 501);
    assert_eq!(
        r.issues
            .iter()
            .filter(|i| i.code == "report.truncated")
            .count(),
        1
    );
    assert_eq!(ImportOptions::default().max_findings, 100_000);
}

/// Issue 17, item 6: one masking function for every output that offers masking.
#[test]
fn masking_covers_every_value_of_every_output() {
    use gongkai::export::{self, HtmlOptions};
    use gongkai::{Catalogue, Options, Validator};
    let phone = "138-0013-8000";
    let secrets = [
        "13800138000",
        "138-0013-8000",
        "0013 8000",
        "zhang.san@",
        "张三",
        "李四",
        "王五",
    ];
    let mut cat: serde_json::Value = serde_json::from_str::<serde_json::Value>(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../tests/cases/structure/leap-day-2024.json"),
        )
        .unwrap(),
    )
    .unwrap()["catalogue"]
        .clone();
    cat["title"] = format!("联系人（科长）：张三 {phone} 目录").into();
    cat["publisher"] = "某县城管局 联系人：\u{200b}李四 +86 138 0013 8000".into();
    let item = &mut cat["items"][0];
    item["id"] = "13800138000".into();
    item["category"] = "负责人：王五".into();
    item["name"] = format!("燃气经营许可 zhang.san@example.gov.cn {phone}").into();
    item["content"][0] = "申请人：张三".into();
    item["备注列"] = "13800138000".into();
    let text = cat.to_string();
    let parsed = Catalogue::from_json(text.as_bytes()).unwrap();
    // The HTML export: title, caption, aria-label, metadata, groups, cells, extra columns.
    let html = export::to_html(&parsed, &HtmlOptions::default().mask(true));
    for s in secrets {
        assert!(!html.contains(s), "{s} in the masked HTML");
    }
    assert!(html.contains("联系人（科长）：＊＊"), "{html}");
    let plain = export::to_html(&parsed, &HtmlOptions::default());
    assert!(plain.contains("张三") && plain.contains(phone));
    // Every export format through the one catalogue mask; dates and codes are kept.
    let masked = gongkai::mask::mask_catalogue(&parsed);
    let csv = String::from_utf8(export::to_csv(&masked, &Default::default())).unwrap();
    let md = export::to_markdown(&masked);
    for out in [&csv, &md] {
        for s in secrets {
            assert!(!out.contains(s), "{s} in a masked export");
        }
    }
    assert_eq!(masked.issued, parsed.issued);
    assert_eq!(masked.schema_version, parsed.schema_version);
    // The report: params (hence messages) and item ids.
    let mut bad = cat.clone();
    bad["items"][0]["time_limit"] =
        serde_json::json!({"kind": "text", "text": "联系人：张三 13800138000"});
    let report = Validator::new(Options::default().mask_values(true))
        .validate_json(bad.to_string().as_bytes())
        .unwrap();
    let json = report.to_json_pretty();
    for s in secrets {
        assert!(!json.contains(s), "{s} in the masked report");
    }
    assert!(
        report
            .issues
            .iter()
            .any(|i| i.item_id.as_deref() == Some("＊＊＊＊＊＊＊＊＊＊＊"))
    );
    let open = Validator::default()
        .validate_json(bad.to_string().as_bytes())
        .unwrap();
    assert!(
        open.issues
            .iter()
            .any(|i| i.item_id.as_deref() == Some("13800138000"))
    );
}

/// Issue 17, item 7: U+2028 and U+2029 inside a Markdown table cell do not end the row.
#[test]
fn line_separators_stay_inside_a_markdown_cell() {
    let cell = gongkai::export::escape_markdown("甲\u{2028}乙\u{2029}丙\u{85}丁");
    assert_eq!(cell, "甲<br>乙<br>丙 丁");
}

/// Issue 17, item 7: the annotated copy of a CSV keeps the apostrophe a guarded cell was
/// written with, so `'=1+1` stays text.
#[cfg(feature = "xlsx")]
#[test]
fn the_annotated_copy_keeps_the_formula_guard() {
    let csv = "序号,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道,公开对象,公开方式,公开层级\n\
               1,燃气经营许可,'=1+1,《城镇燃气管理条例》,20个工作日,某县城市管理局,政府网站,全社会,主动,县级\n";
    let out = gongkai::annotate::annotate(
        csv.as_bytes(),
        Some("a.csv"),
        &gongkai::Validator::default(),
    )
    .unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(out.workbook)).unwrap();
    let mut text = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().starts_with("xl/") && f.name().ends_with(".xml") {
            f.read_to_string(&mut text).unwrap();
        }
    }
    assert!(
        text.contains("&apos;=1+1") || text.contains("'=1+1"),
        "guard lost"
    );
    assert!(!text.contains(">=1+1<"), "the cell lost its guard");
}
