//! `export::table_losses`: what a CSV/XLSX round trip cannot give back.

#![allow(clippy::unwrap_used)]

mod export_support;

use export_support::fixture;
use gongkai::export::table_losses;
use gongkai::model::Channel;

fn paths(cat: &gongkai::Catalogue<'_>) -> Vec<String> {
    table_losses(cat).into_iter().map(|l| l.path).collect()
}

/// The fixture loses nothing that the table layout controls: the only values listed are the
/// free-text cells, whose round trip depends on the importer's parsers.
#[test]
fn fixture_loses_only_parser_dependent_values() {
    for p in paths(&fixture()) {
        assert!(
            p.ends_with("/basis") || p.ends_with("/time_limit"),
            "unexpected loss {p}"
        );
    }
}

#[test]
fn layout_losses_are_listed() {
    let mut cat = fixture();
    cat.items[0].channels = vec![Channel::ServiceCenter, Channel::GovWebsite];
    cat.items[1].other_channels.push("政府网站".into());
    cat.items[2].content.push("两行\n内容".into());
    cat.items[3].notes = Some(String::new().into());
    cat.items[4].name = " 前后空白 ".into();
    cat.items[5]
        .extra
        .insert("备注".into(), serde_json::json!("x"));
    cat.items[6]
        .extra
        .insert("评分（JSON）".into(), serde_json::json!("x"));
    cat.items[7]
        .time_limit
        .extra
        .insert("note".into(), serde_json::json!(1));
    cat.items[8].basis[0]
        .extra
        .insert("url".into(), serde_json::json!("x"));
    if let Some(r) = cat.region.as_mut() {
        r.extra.insert("town_code".into(), serde_json::json!("1"));
    }
    cat.extra
        .insert("目录名称".into(), serde_json::json!("重复"));
    let p = paths(&cat);
    for expected in [
        "/items/0/channels",
        "/items/1/other_channels/1",
        "/items/2/content/2",
        "/items/3/notes",
        "/items/4/name",
        "/items/5/备注",
        "/items/6/评分（JSON）",
        "/items/7/time_limit/note",
        "/items/8/basis/0/url",
        "/region/town_code",
        "/目录名称",
    ] {
        assert!(p.iter().any(|x| x == expected), "{expected} not in {p:?}");
    }
    assert!(table_losses(&cat).iter().all(|l| !l.message.is_empty()));
}

/// A write-in channel whose name starts or ends with the cell's own punctuation (`、`, `_`,
/// `：`) loses it on import; a plain name does not. Found by the `export` fuzz target.
#[test]
fn other_channel_punctuation_is_a_loss() {
    let mut cat = fixture();
    cat.items[1].other_channels = vec!["12345热线".into(), "、".into(), "2.、".into()];
    let p = paths(&cat);
    assert!(!p.iter().any(|x| x == "/items/1/other_channels/0"), "{p:?}");
    for expected in ["/items/1/other_channels/1", "/items/1/other_channels/2"] {
        assert!(p.iter().any(|x| x == expected), "{expected} not in {p:?}");
    }
}

/// A 公开内容 element of punctuation only is dropped by the importer's reading of the cell.
#[test]
fn content_the_importer_cannot_split_back_is_a_loss() {
    let mut cat = fixture();
    assert!(!paths(&cat).iter().any(|x| x.contains("/content")));
    cat.items[4].content.push("、".into());
    cat.items[5].content.push(":::".into());
    let p = paths(&cat);
    for expected in ["/items/4/content", "/items/5/content"] {
        assert!(p.iter().any(|x| x == expected), "{expected} not in {p:?}");
    }
}

#[test]
fn ordinary_extras_are_not_losses() {
    let mut cat = fixture();
    cat.items[0]
        .extra
        .insert("评分".into(), serde_json::json!({"a": [1, null]}));
    cat.extra.insert("审核人".into(), serde_json::json!("王五"));
    let p = paths(&cat);
    assert!(
        !p.iter().any(|x| x.contains("评分") || x.contains("审核人")),
        "{p:?}"
    );
}
