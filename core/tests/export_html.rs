//! HTML export: page structure, table semantics, escaping of hostile text, masking.

#![allow(clippy::unwrap_used)]

mod export_support;

use export_support::{XSS_PAYLOADS, fixture, with_payload};
use gongkai::export::{HtmlOptions, LevelColumns, escape_html, to_html};

const TAGS: &[&str] = &[
    "!doctype", "html", "head", "meta", "title", "style", "body", "main", "header", "h1", "dl",
    "div", "dt", "dd", "table", "caption", "thead", "tbody", "tr", "th", "td", "ul", "li", "br",
    "footer",
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

#[derive(Debug)]
struct Tag {
    name: String,
    closing: bool,
    attrs: Vec<(String, String)>,
}

/// A strict tokeniser of the markup the exporter writes: every `<` opens a tag; attribute
/// values must be double-quoted. Panics on anything else.
fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let after = &rest[i + 1..];
        let end = after.find('>').expect("unterminated tag");
        let inner = &after[..end];
        rest = &after[end + 1..];
        let (closing, inner) = match inner.strip_prefix('/') {
            Some(x) => (true, x),
            None => (false, inner),
        };
        let name_end = inner.find(' ').unwrap_or(inner.len());
        let name = inner[..name_end].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut a = inner[name_end..].trim();
        if name == "!doctype" {
            assert_eq!(a, "html");
            a = "";
        }
        while !a.is_empty() {
            let eq = a
                .find('=')
                .unwrap_or_else(|| panic!("attribute without value: {a}"));
            let key = a[..eq].trim().to_owned();
            let v = a[eq + 1..]
                .strip_prefix('"')
                .unwrap_or_else(|| panic!("unquoted value in <{name} {a}>"));
            let close = v.find('"').unwrap();
            attrs.push((key, v[..close].to_owned()));
            a = v[close + 1..].trim_start();
        }
        out.push(Tag {
            name,
            closing,
            attrs,
        });
    }
    out
}

fn assert_only_known_markup(html: &str) {
    for t in tags(html) {
        assert!(TAGS.contains(&t.name.as_str()), "unexpected tag {t:?}");
        for (k, v) in &t.attrs {
            assert!(
                ATTRIBUTES.contains(&k.as_str()),
                "unexpected attribute {k} in {t:?}"
            );
            assert!(
                !v.contains(['<', '>', '"']),
                "raw markup in attribute {k}={v:?}"
            );
        }
        assert!(!t.closing || t.attrs.is_empty());
    }
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn page_structure() {
    let cat = fixture();
    let html = to_html(&cat, &HtmlOptions::default());
    assert!(
        html.starts_with(
            "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">"
        )
    );
    assert!(html.contains("<meta name=\"viewport\""));
    assert!(html.trim_end().ends_with("</html>"));
    assert_only_known_markup(&html);
    // Self-contained: no script, no external resource, no URL at all.
    for bad in [
        "<script", "<link", "src=", "href=", "url(", "@import", "http:", "https:",
    ] {
        assert!(!html.contains(bad), "{bad}");
    }
    assert!(html.contains("@media print"));
    assert!(html.contains("thead{display:table-header-group}"));
    assert!(html.contains("overflow-x:auto"));
    assert_eq!(count(&html, "<table>"), 1);
    assert!(html.contains(&format!("<caption>{}</caption>", cat.title)));
    assert!(html.contains(&format!("<title>{}</title>", cat.title)));
}

#[test]
fn two_row_head_and_row_groups() {
    let cat = fixture();
    let html = to_html(&cat, &HtmlOptions::default());
    let thead = &html[html.find("<thead>").unwrap()..html.find("</thead>").unwrap()];
    assert_eq!(count(thead, "<tr>"), 2);
    for h in [
        "<th scope=\"col\" rowspan=\"2\">序号</th>",
        "<th scope=\"colgroup\" colspan=\"3\">公开事项</th>",
        "<th scope=\"col\" rowspan=\"2\">公开内容（要素）</th>",
        "<th scope=\"colgroup\" colspan=\"2\">公开对象</th>",
        "<th scope=\"colgroup\" colspan=\"2\">公开方式</th>",
        "<th scope=\"colgroup\" colspan=\"4\">公开层级</th>",
        "<th scope=\"col\">一级事项</th>",
        "<th scope=\"col\">特定群体</th>",
        "<th scope=\"col\">依申请</th>",
        "<th scope=\"col\">村级</th>",
    ] {
        assert!(thead.contains(h), "{h}");
    }
    // One <tbody> per run of 一级事项, its header spanning the run.
    assert_eq!(count(&html, "<tbody>"), 4);
    for (name, n) in [
        ("城镇燃气管理", 3),
        ("城市供水", 2),
        ("政务公开", 2),
        ("城市照明", 2),
    ] {
        let th = format!("<th scope=\"rowgroup\" class=\"category\" rowspan=\"{n}\">{name}</th>");
        assert!(html.contains(&th), "{th}");
    }
    // Every body row has all columns, minus 一级事项 after the first row of a run.
    let columns = 20;
    let body = &html[html.find("</thead>").unwrap()..];
    for row in body.split("<tr>").skip(1) {
        let row = &row[..row.find("</tr>").unwrap()];
        let cells = count(row, "<td") + count(row, "<th ");
        assert!(cells == columns || cells == columns - 1, "{cells}: {row}");
    }
    assert_eq!(count(body, "<th scope=\"row\">"), cat.items.len());
    assert!(body.contains("<li class=\"on\">■政府网站</li>"));
    assert!(body.contains("<li class=\"off\">□政府公报</li>"));
    assert!(body.contains("<li class=\"on\">■其他：12345政务服务便民热线</li>"));
    assert!(body.contains("<td class=\"tick\">√</td>"));
}

#[test]
fn used_levels_option() {
    let html = to_html(
        &fixture(),
        &HtmlOptions::default().levels(LevelColumns::Used),
    );
    assert!(html.contains("<th scope=\"colgroup\" colspan=\"3\">公开层级</th>"));
    assert!(!html.contains(">市级<"));
}

#[test]
fn hostile_text_never_becomes_markup() {
    for payload in XSS_PAYLOADS {
        let cat = with_payload(payload);
        for mask in [false, true] {
            let html = to_html(&cat, &HtmlOptions::default().mask(mask));
            assert_only_known_markup(&html);
            assert!(!html.contains("<script"), "{payload}");
            assert!(!html.contains("<img"), "{payload}");
            assert!(!html.contains("</table><"), "{payload}");
            let escaped = escape_html(payload);
            // Every field shows the payload as text: title, caption, h1, metadata, and per
            // item the cells holding it.
            assert!(
                count(&html, &escaped) >= 3 + 8 * cat.items.len(),
                "{payload}: {}",
                count(&html, &escaped)
            );
        }
    }
    let html = to_html(&with_payload("行一\n\"<b>"), &HtmlOptions::default());
    assert_only_known_markup(&html);
    assert!(html.contains("<title>行一 &quot;&lt;b&gt;</title>"));
    assert!(html.contains("<h1>行一<br>&quot;&lt;b&gt;</h1>"));
    let html = to_html(&with_payload("{{7*7}}"), &HtmlOptions::default());
    assert!(html.contains("{{7*7}}") && !html.contains(">49<"));
    let html = to_html(&with_payload("&lt;"), &HtmlOptions::default());
    assert!(html.contains("&amp;lt;"));
}

#[test]
fn escape_covers_the_five_characters() {
    assert_eq!(escape_html("&<>\"'"), "&amp;&lt;&gt;&quot;&#39;");
    assert_eq!(escape_html("a\u{0}b"), "a\u{fffd}b");
}

#[test]
fn masking_is_off_by_default() {
    let cat = fixture();
    let plain = to_html(&cat, &HtmlOptions::default());
    assert!(plain.contains("联系人：张三，电话13803910000"));
    let masked = to_html(&cat, &HtmlOptions::default().mask(true));
    assert!(!masked.contains("张三"));
    assert!(!masked.contains("13803910000"));
    assert!(masked.contains("联系人：＊＊，电话＊＊＊＊＊＊＊＊＊＊＊"));
    // Short numbers (令号, days) are kept.
    assert!(masked.contains("国务院令第583号"));
    assert!(masked.contains("20个工作日"));
}
