//! Markdown export: one well-formed GitHub table, metadata above it, hostile text escaped.

#![allow(clippy::unwrap_used)]

mod export_support;

use export_support::{FORMULA_PAYLOADS, XSS_PAYLOADS, fixture, with_payload};
use gongkai::export::{escape_markdown, to_markdown};

/// Splits a table row on the pipes that are not escaped.
fn cells(row: &str) -> Vec<String> {
    let inner = row
        .strip_prefix("| ")
        .and_then(|r| r.strip_suffix(" |"))
        .unwrap_or_else(|| panic!("not a table row: {row}"));
    let mut out = vec![String::new()];
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let next = chars.next().unwrap();
                let last = out.last_mut().unwrap();
                last.push('\\');
                last.push(next);
            }
            '|' => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out.iter().map(|c| c.trim().to_owned()).collect()
}

fn table(md: &str) -> Vec<Vec<String>> {
    md.lines()
        .filter(|l| l.starts_with('|'))
        .map(cells)
        .collect()
}

#[test]
fn heading_metadata_and_table() {
    let cat = fixture();
    let md = to_markdown(&cat);
    assert!(md.starts_with(&format!("# {}\n\n", cat.title)));
    assert!(md.contains("- 编制单位：武陟县城市管理局\n"));
    assert!(md.contains("- 领域：市政服务\n"));
    assert!(md.contains("- 行政区划：河南省焦作市武陟县（410823）\n"));
    let t = table(&md);
    assert_eq!(t.len(), 2 + cat.items.len());
    let n = t[0].len();
    assert!(t.iter().all(|r| r.len() == n), "ragged table");
    assert_eq!(t[0][0], "序号");
    assert_eq!(t[0][1], "一级事项");
    assert!(t[1].iter().all(|c| c == "---" || c == ":-:"));
    assert_eq!(t[2][0], "1");
    assert!(t[2].contains(&"政府网站、政务服务中心、精准推送".to_owned()));
    // Line breaks inside a cell are <br>.
    assert!(
        t[4].iter()
            .any(|c| c == "1\\. 审批结果、审批时间<br>2\\. 施工单位")
    );
}

#[test]
fn hostile_text_is_escaped() {
    for payload in XSS_PAYLOADS.iter().chain(FORMULA_PAYLOADS) {
        let cat = with_payload(payload);
        let md = to_markdown(&cat);
        let t = table(&md);
        let n = t[0].len();
        assert!(t.iter().all(|r| r.len() == n), "{payload:?}: ragged");
        assert_eq!(t.len(), 2 + cat.items.len(), "{payload:?}: a row was split");
        // No HTML from the data: the only tag is our <br>.
        assert!(!md.replace("<br>", "").contains('<'), "{payload:?}");
        assert!(!md.contains("javascript:"), "{payload:?}");
        assert!(md.contains(&escape_markdown(payload)));
    }
    let md = to_markdown(&with_payload("a|b\\c\nd"));
    assert!(md.contains("a\\|b\\\\c<br>d"));
}

#[test]
fn leading_block_syntax_is_escaped_in_metadata() {
    let mut cat = fixture();
    cat.publisher = "# 标题".into();
    cat.title = "> 引用".into();
    let md = to_markdown(&cat);
    assert!(md.starts_with("# &gt; 引用\n"));
    assert!(md.contains("- 编制单位：\\# 标题\n"));
}
