//! The exporters on catalogues the fuzzer derives from the fixture (any field of any item set
//! to generated text, items removed or repeated):
//!
//! - HTML (`to_html`, masked or not), parsed with an HTML5 parser: only the exporter's own
//!   elements and attributes, one row header per item, no script, no URL; each 公开主体 shows
//!   as text; masked, no run of 6 digits is left;
//! - Markdown: one table row per item, every row with the same number of cells, no HTML but
//!   `<br>`, no `javascript:`;
//! - CSV: no cell starts with a formula trigger (`= + - @` TAB CR);
//! - round trip: for a structurally valid catalogue without `table_losses`, CSV (and XLSX)
//!   export then import gives the same catalogue.
#![no_main]

use gongkai::export::{self, CsvOptions, HtmlOptions, table_losses};
use gongkai::import::{Format, ImportOptions, import_bytes};
use gongkai::{Catalogue, structurally_valid};
use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;

const TAGS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "main", "header", "h1", "dl", "div", "dt",
    "dd", "table", "caption", "thead", "tbody", "tr", "th", "td", "ul", "li", "br", "footer",
];
const ATTRIBUTES: &[&str] = &[
    "lang",
    "charset",
    "name",
    "content",
    "class",
    "role",
    "aria-label",
    "tabindex",
    "scope",
    "colspan",
    "rowspan",
];

fn plain(s: &str) -> bool {
    !s.chars().any(char::is_control) && !s.trim().is_empty()
}

fn check_html(cat: &Catalogue<'_>, mask: bool) {
    let html = export::to_html(cat, &HtmlOptions::default().mask(mask));
    let doc = gongkai::import::dom::Dom::parse(&html);
    let mut row_headers = 0;
    for node in doc.nodes.iter() {
        let Some(el) = (node.kind == gongkai::import::dom::Kind::Element).then_some(node) else {
            continue;
        };
        assert!(
            TAGS.contains(&el.name()),
            "element <{}> in the page",
            el.name()
        );
        for (k, v) in el.attrs() {
            assert!(
                ATTRIBUTES.contains(&k),
                "attribute {k}={v:?} on <{}>",
                el.name()
            );
            if k != "aria-label" && k != "content" {
                assert!(
                    v.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_ ".contains(c)),
                    "attribute {k}={v:?}"
                );
            }
        }
        if el.name() == "th" && el.attr("scope") == Some("row") {
            row_headers += 1;
        }
    }
    assert_eq!(row_headers, cat.items.len(), "one row header per item");
    let text = doc.text();
    if !mask {
        for item in &cat.items {
            if plain(&item.subject) {
                assert!(
                    text.contains(item.subject.as_str()),
                    "{:?} not shown",
                    item.subject
                );
            }
        }
    } else {
        // Per text node: two neighbouring cells of five digits each are not a run of ten.
        // Column headers are names (extra keys shown as written), not values: not masked.
        let mut headers = std::collections::HashSet::new();
        let mut stack: Vec<usize> = (0..doc.nodes.len())
            .filter(|&i| {
                let n = &doc.nodes[i];
                n.kind == gongkai::import::dom::Kind::Element
                    && n.name() == "th"
                    && n.attr("scope") == Some("col")
            })
            .collect();
        while let Some(i) = stack.pop() {
            if headers.insert(i) {
                stack.extend(doc.nodes[i].children.iter().copied());
            }
        }
        for (i, node) in doc.nodes.iter().enumerate() {
            let gongkai::import::dom::Kind::Text(t) = &node.kind else {
                continue;
            };
            // The exporter's own stylesheet is not data (its colours, such as #595959, are
            // runs of digits).
            // A region's administrative division code (武陟县（410823）) is public, not masked.
            let region_code = t.ends_with('）')
                && t
                    .rsplit_once('（')
                    .is_some_and(|(_, c)| c.trim_end_matches('）').chars().all(|d| d.is_ascii_digit()));
            if headers.contains(&i) || region_code || t.trim_start().starts_with(":root{") {
                continue;
            }
            let mut run = 0;
            for c in t.chars() {
                run = if c.is_ascii_digit() || ('０'..='９').contains(&c) {
                    run + 1
                } else {
                    0
                };
                assert!(run < 6, "masked page shows a run of 6 digits: {t:?}");
            }
        }
    }
}

/// Splits a Markdown table row on its unescaped pipes.
fn cells(row: &str) -> usize {
    let mut n = 1;
    let mut chars = row.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '|' => n += 1,
            _ => {}
        }
    }
    n
}

fn check_markdown(cat: &Catalogue<'_>) {
    let md = export::to_markdown(cat);
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), 2 + cat.items.len(), "a row was split or lost");
    let n = cells(rows[0]);
    assert!(rows.iter().all(|r| cells(r) == n), "ragged table");
    assert!(!md.replace("<br>", "").contains('<'), "HTML in Markdown");
    assert!(!md.to_ascii_lowercase().contains("javascript:"));
}

fn check_csv(cat: &Catalogue<'_>) -> Vec<u8> {
    let bytes = export::to_csv(cat, &CsvOptions::default());
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes.as_slice());
    for (n, record) in reader.records().enumerate() {
        let record = record.unwrap();
        for (i, cell) in record.iter().enumerate() {
            // The file's byte order mark is not part of the first cell.
            let cell = match (n, i) {
                (0, 0) => cell.strip_prefix('\u{feff}').unwrap_or(cell),
                _ => cell,
            };
            assert!(
                !cell.starts_with(export::cells::FORMULA_TRIGGERS),
                "unguarded formula cell {cell:?} (field {i} of {record:?})"
            );
        }
    }
    bytes
}

fn same(back: &Catalogue<'_>, cat: &Catalogue<'_>, what: &str) {
    let (a, b) = (
        serde_json::to_value(back).unwrap(),
        serde_json::to_value(cat).unwrap(),
    );
    assert!(a == b, "{what} round trip changed the catalogue:\n{a}\n{b}");
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(cat) = gongkai_fuzz::catalogue(&mut u) else {
        return;
    };
    let xlsx = u.arbitrary::<bool>().unwrap_or(false);
    check_html(&cat, false);
    check_html(&cat, true);
    check_markdown(&cat);
    let csv = check_csv(&cat);
    if structurally_valid(&cat) && table_losses(&cat).is_empty() {
        let back = import_bytes(&csv, Format::Csv, &ImportOptions::default()).unwrap();
        same(&back.catalogue, &cat, "CSV");
        if xlsx {
            let bytes = export::to_xlsx(&cat, &export::XlsxOptions::default()).unwrap();
            let back = import_bytes(&bytes, Format::Xlsx, &ImportOptions::default()).unwrap();
            same(&back.catalogue, &cat, "XLSX");
        }
    }
});
