//! What the fuzz targets (`fuzz/`, `scripts/fuzz.sh`) found, each kept as a regression test
//! with the input that showed it (minimised where that made it clearer).

#![allow(clippy::unwrap_used)]

use gongkai::import::text::{normalize_cell, split_content, strip_glosses};
use gongkai::import::{ImportOptions, import_html};

/// fuzz target `split_content`: a pinyin gloss broken by spaces (or by control characters,
/// which are dropped) was kept, then squeezing the spaces revealed it, so `split_content`
/// returned an element that `normalize_cell` still changed, and `normalize_cell` was not
/// idempotent.
#[test]
fn a_gloss_broken_by_spaces_is_still_a_gloss() {
    let input = "05\u{0}\u{0}:⑴\u{0}\u{0}\u{1}\u{0}\u{11}\u{0}０\u{0}\u{0}\u{0}\u{0}鄉(xi\u{0}\u{0}\u{0} \u{0}\u{0}\u{0}\u{0}āng)鎮(zhèn)簡介";
    let parts = split_content(input);
    assert_eq!(parts, ["05:⑴0鄉鎮簡介"]);
    for p in &parts {
        assert_eq!(&normalize_cell(p), p);
    }
    for text in [
        "鄉(xi āng)",
        "鄉 (xiāng)",
        "鄉(xiāng) (zhèn)",
        "鄉(xiāng)(zhèn)x",
    ] {
        let once = normalize_cell(text);
        assert_eq!(normalize_cell(&once), once, "{text:?}");
    }
    assert_eq!(normalize_cell("鄉 (xiāng)鎮"), "鄉鎮");
    // Not glosses: after a non-Chinese character, not one syllable, not pinyin.
    assert_eq!(strip_glosses("条件 a (xiāng)").0, "条件 a (xiāng)");
    assert_eq!(strip_glosses("條件(a)").0, "條件(a)");
    assert_eq!(strip_glosses("办法(2020年修订)").0, "办法(2020年修订)");
    assert_eq!(
        strip_glosses("鄉(xiāngzhènjiē dào)").0,
        "鄉(xiāngzhènjiē dào)"
    );
}

/// fuzz target `split_content` (again, in CI): the gloss scan gave up after 16 characters, white
/// space included, so a gloss holding a long run of white space (here 68 vertical tabs) was
/// kept by the first pass, and squeezing the spaces revealed it to the second.
#[test]
fn a_gloss_holding_a_long_run_of_white_space_is_still_a_gloss() {
    let input = format!("鄉(x{}iāng)뎮`zhèn)", "\u{b}".repeat(68));
    assert_eq!(strip_glosses(&input).0, "鄉뎮`zhèn)");
    let parts = split_content(&input);
    assert_eq!(parts, ["鄉뎮`zhèn)"]);
    for p in &parts {
        assert_eq!(&normalize_cell(p), p);
    }
    // Still no gloss when the parenthesis holds more than one syllable's letters.
    let long = format!("鄉({})", "a".repeat(17));
    assert_eq!(strip_glosses(&long).0, long);
}

/// `Catalogue::from_json` (used by `convert` and `diff`) quoted serde's message, which holds
/// the offending value in full: a 1 MB enum value made a 1 MB error.
#[test]
fn serde_messages_quote_an_excerpt() {
    let level = "县".repeat(100_000);
    let json = format!(
        "{{\"schema_version\":\"1.0\",\"title\":\"T\",\"domain\":\"d\",\"publisher\":\"P\",\"level\":\"{level}\",\"issued\":\"2024-01-01\",\"items\":[]}}"
    );
    let e = gongkai::Catalogue::from_json(json.as_bytes()).unwrap_err();
    let text = e.to_string();
    assert!(
        text.chars().count() < 600,
        "{} characters",
        text.chars().count()
    );
    assert!(text.contains("unknown variant"), "{text}");
    assert!(text.contains('…'), "{text}");
}

/// Found while writing the hostile suite (an HTML page with 20,001 `<script>`s took minutes):
/// the nesting estimate copied the rest of the page for each script. The scan must still skip
/// a script's content whatever the case of its end tag, and stop at the end of an unclosed one.
#[test]
fn scripts_are_skipped_by_the_nesting_estimate() {
    let table = "<table><tr><th>序号</th><th>二级事项</th><th>公开内容</th><th>公开依据</th></tr>\
                 <tr><td>1</td><td>事项</td><td>条件</td><td>《条例》</td></tr></table>";
    // 1,000 <div>s inside scripts and styles do not nest (the limit is 512 levels).
    let divs = "<div>".repeat(1_000);
    for (open, close) in [
        ("<script>", "</script>"),
        ("<SCRIPT type=\"text/javascript\">", "</ScRiPt >"),
        ("<style>", "</STYLE>"),
    ] {
        let page = format!("{open}{divs}</scrip></stylex>{close}{table}");
        let imp = import_html(page.as_bytes(), &ImportOptions::default()).unwrap();
        assert_eq!(imp.catalogue.items.len(), 1, "{open}");
    }
    // Outside a script, the same <div>s are refused.
    let page = format!("{divs}{table}");
    let e = import_html(page.as_bytes(), &ImportOptions::default()).unwrap_err();
    assert!(e.to_string().contains("嵌套"), "{e}");
    // An unclosed script runs to the end of the page.
    let page = format!("{table}<script>{divs}");
    assert!(import_html(page.as_bytes(), &ImportOptions::default()).is_ok());
}
