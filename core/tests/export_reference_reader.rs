//! The table layout carries everything, unambiguously: a minimal reader of exactly the
//! conventions documented in `gongkai::export` rebuilds the catalogue from the CSV and from
//! the XLSX (read with calamine).
//!
//! The free-text cells (公开依据, 公开时限) are only compared with their documented rendering
//! here; parsing them back is the importer's job and is checked in `roundtrip.rs`.

#![allow(clippy::unwrap_used)]

mod export_support;

use export_support::{FORMULA_PAYLOADS, XSS_PAYLOADS, fixture, with_payload};
use gongkai::export::cells::{basis_cell, strip_formula_guard, time_limit_cell};
use gongkai::export::layout::{JSON_SUFFIX, meta};
use gongkai::export::{CsvOptions, LevelColumns, table_losses, to_csv};
use gongkai::model::{
    Audience, BasedOn, Channel, Extra, Level, Method, Region, Text, domain_by_zh,
};
use gongkai::{Catalogue, Item};

struct Table {
    meta: Vec<(String, String)>,
    top: Vec<String>,
    sub: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn unguard(cells: Vec<String>) -> Vec<String> {
    cells
        .into_iter()
        .map(|c| strip_formula_guard(&c).to_owned())
        .collect()
}

fn split_table(grid: Vec<Vec<String>>) -> (Vec<String>, Vec<String>, Vec<Vec<String>>) {
    let h = grid.iter().position(|r| r[0] == "序号").unwrap();
    let mut it = grid.into_iter().skip(h);
    let top = it.next().unwrap();
    let sub = it.next().unwrap();
    (top, sub, it.collect())
}

fn from_csv(bytes: &[u8]) -> Table {
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body);
    let grid: Vec<Vec<String>> = r
        .records()
        .map(|x| unguard(x.unwrap().iter().map(str::to_owned).collect()))
        .collect();
    let blank = grid
        .iter()
        .position(|r| r.iter().all(String::is_empty))
        .unwrap();
    let meta = grid[..blank]
        .iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let (top, sub, rows) = split_table(grid[blank + 1..].to_vec());
    Table {
        meta,
        top,
        sub,
        rows,
    }
}

#[cfg(feature = "xlsx")]
fn from_xlsx(bytes: Vec<u8>) -> Table {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let mut x: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let mut grid = |sheet: &str| -> Vec<Vec<String>> {
        let range = x.worksheet_range(sheet).unwrap();
        let (h, w) = range.end().map_or((0, 0), |(r, c)| (r + 1, c + 1));
        (0..h)
            .map(|r| {
                unguard(
                    (0..w)
                        .map(|c| match range.get_value((r, c)) {
                            Some(Data::String(s)) => s.clone(),
                            None | Some(Data::Empty) => String::new(),
                            Some(other) => panic!("not text: {other:?}"),
                        })
                        .collect(),
                )
            })
            .collect()
    };
    let meta = grid("目录信息")
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let (top, sub, rows) = split_table(grid("标准目录"));
    Table {
        meta,
        top,
        sub,
        rows,
    }
}

fn json_or_string(label: &str, cell: &str) -> (String, serde_json::Value) {
    match label.strip_suffix(JSON_SUFFIX) {
        Some(key) => (key.to_owned(), serde_json::from_str(cell).unwrap()),
        None => (label.to_owned(), serde_json::Value::String(cell.to_owned())),
    }
}

fn opt(cell: &str) -> Option<Text<'static>> {
    (!cell.is_empty()).then(|| Text::from(cell.to_owned()))
}

/// Rebuilds a catalogue from a table; 公开依据/公开时限 are checked against their documented
/// rendering and taken from `original`.
fn read(t: &Table, original: &Catalogue<'_>) -> Catalogue<'static> {
    let mut cat = original.clone().into_owned();
    let m = |label: &str| {
        t.meta
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, v)| v.clone())
    };
    cat.title = m(meta::TITLE).unwrap().into();
    let domain = m(meta::DOMAIN).unwrap();
    cat.domain = domain_by_zh(&domain)
        .map_or(domain, |d| d.code.to_owned())
        .into();
    cat.publisher = m(meta::PUBLISHER).unwrap().into();
    cat.level = *Level::ALL
        .iter()
        .find(|l| Some(l.zh().to_owned()) == m(meta::LEVEL))
        .unwrap();
    cat.region = m(meta::PROVINCE).map(|province| Region {
        province: province.into(),
        city: m(meta::CITY).unwrap().into(),
        county: m(meta::COUNTY).unwrap().into(),
        township: m(meta::TOWNSHIP).map(Text::from),
        code: m(meta::REGION_CODE).map(Text::from),
        extra: Extra::new(),
    });
    cat.issued = m(meta::ISSUED).unwrap().into();
    cat.updated = m(meta::UPDATED).map(Text::from);
    cat.based_on = m(meta::BASED_ON).map(|title| BasedOn {
        title: title.into(),
        doc_no: m(meta::BASED_ON_DOC_NO).map(Text::from),
        issuer: m(meta::BASED_ON_ISSUER).map(Text::from),
        extra: Extra::new(),
    });
    cat.schema_version = m(meta::SCHEMA_VERSION).unwrap().into();
    cat.extra = t
        .meta
        .iter()
        .filter(|(l, _)| !meta::ALL.contains(&l.as_str()))
        .map(|(l, v)| json_or_string(l, v))
        .collect();

    // Column names: the sub-header, else the header of the column.
    let mut group = String::new();
    let names: Vec<(String, String)> = t
        .top
        .iter()
        .zip(&t.sub)
        .map(|(top, sub)| {
            if !top.is_empty() {
                group.clone_from(top);
            }
            (
                group.clone(),
                if sub.is_empty() {
                    group.clone()
                } else {
                    sub.clone()
                },
            )
        })
        .collect();
    let mut category = String::new();
    cat.items = t
        .rows
        .iter()
        .zip(&original.items)
        .map(|(row, orig)| {
            let mut item: Item<'static> = orig.clone().into_owned();
            item.subitem = None;
            item.audience_note = None;
            item.notes = None;
            item.other_channels.clear();
            item.channels.clear();
            item.audience.clear();
            item.method.clear();
            item.levels.clear();
            item.extra.clear();
            for ((g, name), cell) in names.iter().zip(row) {
                match (g.as_str(), name.as_str()) {
                    (_, "序号") => item.id = cell.clone().into(),
                    (_, "一级事项") => {
                        if !cell.is_empty() {
                            category.clone_from(cell);
                        }
                        item.category = category.clone().into();
                    }
                    (_, "二级事项") => item.name = cell.clone().into(),
                    (_, "三级事项") => item.subitem = opt(cell),
                    (_, "公开内容（要素）") => {
                        let lines: Vec<&str> = cell.split('\n').collect();
                        let numbered = lines
                            .iter()
                            .enumerate()
                            .all(|(k, l)| l.starts_with(&format!("{}. ", k + 1)));
                        item.content = if numbered {
                            lines
                                .iter()
                                .enumerate()
                                .map(|(k, l)| {
                                    Text::from(l[format!("{}. ", k + 1).len()..].to_owned())
                                })
                                .collect()
                        } else {
                            cell.split('、').map(|s| Text::from(s.to_owned())).collect()
                        };
                    }
                    (_, "公开依据") => assert_eq!(*cell, basis_cell(&orig.basis)),
                    (_, "公开时限") => assert_eq!(*cell, time_limit_cell(&orig.time_limit)),
                    (_, "公开主体") => item.subject = cell.clone().into(),
                    (_, "公开渠道和载体") => {
                        for line in cell.split('\n') {
                            let (on, rest) = match line.strip_prefix('■') {
                                Some(r) => (true, r),
                                None => (false, line.strip_prefix('□').unwrap()),
                            };
                            if let Some(o) = rest.strip_prefix("其他：") {
                                assert!(on);
                                item.other_channels.push(o.to_owned().into());
                            } else if rest != "其他" && on {
                                item.channels
                                    .push(*Channel::ALL.iter().find(|c| c.zh() == rest).unwrap());
                            }
                        }
                    }
                    ("公开对象", sub) if cell == "√" => item
                        .audience
                        .push(*Audience::ALL.iter().find(|a| a.zh() == sub).unwrap()),
                    ("公开方式", sub) if cell == "√" => item
                        .method
                        .push(*Method::ALL.iter().find(|a| a.zh() == sub).unwrap()),
                    ("公开层级", sub) if cell == "√" => item
                        .levels
                        .push(*Level::ALL.iter().find(|a| a.zh() == sub).unwrap()),
                    ("公开对象" | "公开方式" | "公开层级", _) => assert_eq!(cell, ""),
                    (_, "备注") => item.notes = opt(cell),
                    (_, "特定群体说明") => item.audience_note = opt(cell),
                    (_, label) => {
                        if !cell.is_empty() {
                            let (k, v) = json_or_string(label, cell);
                            item.extra.insert(k, v);
                        }
                    }
                }
            }
            item
        })
        .collect();
    assert_eq!(cat.items.len(), t.rows.len());
    cat
}

fn check(cat: &Catalogue<'_>, what: &str) {
    let want = serde_json::to_value(cat).unwrap();
    for levels in [LevelColumns::All, LevelColumns::Used] {
        let csv = to_csv(cat, &CsvOptions::default().levels(levels));
        let got = read(&from_csv(&csv), cat);
        assert_eq!(serde_json::to_value(&got).unwrap(), want, "{what}: CSV");
        #[cfg(feature = "xlsx")]
        {
            use gongkai::export::{XlsxOptions, to_xlsx};
            let x = to_xlsx(cat, &XlsxOptions::default().levels(levels)).unwrap();
            let got = read(&from_xlsx(x), cat);
            assert_eq!(serde_json::to_value(&got).unwrap(), want, "{what}: XLSX");
        }
    }
}

#[test]
fn fixture_is_carried_completely() {
    check(&fixture(), "fixture");
}

#[test]
fn hostile_text_is_carried_completely() {
    let odd = [
        "控制\u{1}字符\u{7f}与_x0041_转义",
        "多行\r\n文本\n  缩进",
        "\"引号\",逗号;分号\t制表",
        "'单引号开头",
        "😀 emoji 与 \u{200b} 零宽",
    ];
    for p in FORMULA_PAYLOADS.iter().chain(XSS_PAYLOADS).chain(&odd) {
        let mut cat = with_payload(p);
        if p.contains(['\n', '\r']) {
            // A line break inside a 公开内容 element or an other-channel name splits the cell's
            // list (listed losses); every other cell keeps it.
            let losses: Vec<String> = table_losses(&cat).into_iter().map(|l| l.path).collect();
            assert!(losses.contains(&"/items/0/other_channels/0".to_owned()));
            assert!(losses.contains(&"/items/0/content/0".to_owned()));
            for item in &mut cat.items {
                item.other_channels = vec!["会议".into()];
                item.content = vec!["申请条件".into()];
            }
        }
        check(&cat, p);
    }
}

#[test]
fn json_columns_and_metadata_extras_are_carried() {
    let mut cat = fixture();
    cat.items[0]
        .extra
        .insert("评分".into(), serde_json::json!({"分": [1, null, true]}));
    cat.items[2]
        .extra
        .insert("评分".into(), serde_json::json!(""));
    cat.items[3]
        .extra
        .insert("评分".into(), serde_json::json!("优"));
    cat.extra.insert("内部编号".into(), serde_json::json!(42));
    cat.extra.insert("审核人".into(), serde_json::json!("王五"));
    assert!(
        table_losses(&cat)
            .iter()
            .all(|l| l.path.ends_with("/basis") || l.path.ends_with("/time_limit"))
    );
    check(&cat, "extras");
}
