//! CSV export: layout, encoding, quoting and the formula guard, read back with the csv crate.

#![allow(clippy::unwrap_used)]

mod export_support;

use export_support::{FORMULA_PAYLOADS, fixture, with_payload};
use gongkai::Catalogue;
use gongkai::export::cells::{FORMULA_TRIGGERS, strip_formula_guard};
use gongkai::export::{CsvOptions, LevelColumns, to_csv};
use gongkai::model::Channel;

fn records(bytes: &[u8]) -> Vec<Vec<String>> {
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body);
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// Index of the first header row (序号 in the first cell).
fn header_at(rows: &[Vec<String>]) -> usize {
    rows.iter().position(|r| r[0] == "序号").unwrap()
}

fn column(rows: &[Vec<String>], sub: &str) -> usize {
    let h = header_at(rows);
    rows[h + 1]
        .iter()
        .position(|c| c == sub)
        .or_else(|| rows[h].iter().position(|c| c == sub))
        .unwrap_or_else(|| panic!("no column {sub}"))
}

#[test]
fn bom_crlf_and_rectangular() {
    let bytes = to_csv(&fixture(), &CsvOptions::default());
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = std::str::from_utf8(&bytes).unwrap();
    // Every record ends in CRLF; line breaks inside cells are bare LF inside quotes.
    assert!(text.ends_with("\r\n"));
    assert!(!text.contains("\r\r"));
    let rows = records(&bytes);
    let width = rows[0].len();
    assert!(rows.iter().all(|r| r.len() == width), "ragged rows");
}

#[test]
fn metadata_block_then_blank_then_two_header_rows() {
    let cat = fixture();
    let rows = records(&to_csv(&cat, &CsvOptions::default()));
    let h = header_at(&rows);
    let meta: Vec<(&str, &str)> = rows[..h - 1]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(
        meta,
        vec![
            (
                "目录名称",
                "武陟县城市管理局市政服务领域基层政务公开标准目录"
            ),
            ("领域", "市政服务"),
            ("编制单位", "武陟县城市管理局"),
            ("目录层级", "县级"),
            ("省", "河南省"),
            ("市", "焦作市"),
            ("县", "武陟县"),
            ("行政区划代码", "410823"),
            ("编制日期", "2024-03-01"),
            ("更新日期", "2024-06-15"),
            ("上级标准目录", "市政服务领域基层政务公开标准指引"),
            ("上级目录文号", "建办厅〔2019〕71号"),
            ("上级目录发文机关", "住房和城乡建设部办公厅"),
            ("标准版本", "1.0"),
        ]
    );
    assert!(
        rows[h - 1].iter().all(String::is_empty),
        "blank separator row"
    );
    assert_eq!(
        rows[h],
        [
            "序号",
            "公开事项",
            "",
            "",
            "公开内容（要素）",
            "公开依据",
            "公开时限",
            "公开主体",
            "公开渠道和载体",
            "公开对象",
            "",
            "公开方式",
            "",
            "公开层级",
            "",
            "",
            "",
            "备注",
            "特定群体说明",
            "联系电话"
        ]
    );
    assert_eq!(
        rows[h + 1],
        [
            "",
            "一级事项",
            "二级事项",
            "三级事项",
            "",
            "",
            "",
            "",
            "",
            "全社会",
            "特定群体",
            "主动",
            "依申请",
            "市级",
            "县级",
            "乡级",
            "村级",
            "",
            "",
            ""
        ]
    );
    assert_eq!(rows.len(), h + 2 + cat.items.len());
}

#[test]
fn cells_follow_the_conventions() {
    let cat = fixture();
    let rows = records(&to_csv(&cat, &CsvOptions::default()));
    let h = header_at(&rows);
    let data = &rows[h + 2..];
    for (row, item) in data.iter().zip(&cat.items) {
        assert_eq!(row[0], item.id.as_str());
        // 一级事项 is repeated on every CSV row (no merged cells in CSV).
        assert_eq!(row[column(&rows, "一级事项")], item.category.as_str());
        assert_eq!(row[column(&rows, "二级事项")], item.name.as_str());
        let ch = &row[column(&rows, "公开渠道和载体")];
        let lines: Vec<&str> = ch.split('\n').collect();
        assert_eq!(lines.len(), 12 + item.other_channels.len().max(1), "{ch:?}");
        for (line, c) in lines.iter().zip(Channel::ALL) {
            let glyph = if item.channels.contains(c) {
                '■'
            } else {
                '□'
            };
            assert_eq!(*line, format!("{glyph}{}", c.zh()));
        }
        for (k, o) in item.other_channels.iter().enumerate() {
            assert_eq!(lines[12 + k], format!("■其他：{o}"));
        }
        if item.other_channels.is_empty() {
            assert_eq!(lines[12], "□其他");
        }
        for (sub, on) in [
            ("全社会", item.audience.iter().any(|a| a.code() == "public")),
            (
                "特定群体",
                item.audience.iter().any(|a| a.code() == "specific_groups"),
            ),
            ("主动", item.is_proactive()),
            (
                "依申请",
                item.method.iter().any(|m| m.code() == "on_request"),
            ),
            ("县级", item.levels.iter().any(|l| l.code() == "county")),
            ("乡级", item.levels.iter().any(|l| l.code() == "township")),
            ("村级", item.levels.iter().any(|l| l.code() == "village")),
            ("市级", item.levels.iter().any(|l| l.code() == "city")),
        ] {
            assert_eq!(
                row[column(&rows, sub)],
                if on { "√" } else { "" },
                "{sub} of {}",
                item.id
            );
        }
    }
    // Spot checks of the free-text renderings.
    let basis = column(&rows, "公开依据");
    let limit = column(&rows, "公开时限");
    let content = column(&rows, "公开内容（要素）");
    assert_eq!(
        data[0][basis],
        "【行政法规】《城镇燃气管理条例》(国务院令第583号)第十五条\n【地方政府规章】《河南省城镇燃气管理办法》"
    );
    assert_eq!(data[0][limit], "自信息形成或者变更之日起20个工作日内");
    assert_eq!(
        data[0][content],
        "申请条件、申请材料、办理流程、办理时限、收费依据及标准、办理结果"
    );
    // The original wording is kept when present.
    assert_eq!(data[1][basis], "《城镇燃气管理条例》国务院令第583号");
    assert_eq!(data[1][limit], "20个工作日");
    // An element with 、 forces the numbered form.
    assert_eq!(data[2][content], "1. 审批结果、审批时间\n2. 施工单位");
    assert_eq!(data[3][limit], "提前24小时");
    assert_eq!(data[5][limit], "每年1月31日前");
    assert_eq!(data[6][limit], "自收到申请之日起20个工作日内");
    assert_eq!(data[6][column(&rows, "特定群体说明")], "申请人");
    assert_eq!(data[8][limit], "自本级人民代表大会批准之日起10个工作日内");
    assert_eq!(data[0][column(&rows, "联系电话")], "0391-7225678");
    assert_eq!(data[1][column(&rows, "联系电话")], "");
}

#[test]
fn without_metadata_the_header_is_line_one() {
    let rows = records(&to_csv(&fixture(), &CsvOptions::default().metadata(false)));
    assert_eq!(header_at(&rows), 0);
}

#[test]
fn used_levels_only() {
    let mut cat = fixture();
    for item in &mut cat.items {
        item.levels.retain(|l| l.code() != "village");
    }
    let rows = records(&to_csv(
        &cat,
        &CsvOptions::default().levels(LevelColumns::Used),
    ));
    let h = header_at(&rows);
    let subs: Vec<&str> = rows[h + 1].iter().map(String::as_str).collect();
    assert!(subs.contains(&"县级") && subs.contains(&"乡级"));
    assert!(!subs.contains(&"村级") && !subs.contains(&"市级"));
    // Without 三级事项, 特定群体说明 or extra keys the optional columns are absent.
    let mut plain = fixture();
    for item in &mut plain.items {
        item.subitem = None;
        item.audience_note = None;
        item.extra.clear();
    }
    let rows = records(&to_csv(&plain, &CsvOptions::default()));
    let h = header_at(&rows);
    assert_eq!(rows[h].last().unwrap(), "备注");
    assert!(!rows[h + 1].iter().any(|c| c == "三级事项"));
}

#[test]
fn extra_values_that_are_not_plain_strings_use_a_json_column() {
    let mut cat = fixture();
    cat.items[0]
        .extra
        .insert("评分".into(), serde_json::json!(95));
    cat.items[1]
        .extra
        .insert("评分".into(), serde_json::json!("优"));
    cat.items[2]
        .extra
        .insert("评分".into(), serde_json::json!(""));
    cat.extra
        .insert("内部编号".into(), serde_json::json!({"a": [1, 2]}));
    cat.extra.insert("审核人".into(), serde_json::json!("王五"));
    let rows = records(&to_csv(&cat, &CsvOptions::default()));
    let h = header_at(&rows);
    let col = rows[h].iter().position(|c| c == "评分（JSON）").unwrap();
    assert_eq!(rows[h + 2][col], "95");
    assert_eq!(rows[h + 3][col], "\"优\"");
    assert_eq!(rows[h + 4][col], "\"\"");
    assert_eq!(rows[h + 5][col], "", "absent key = empty cell");
    let meta: Vec<(&str, &str)> = rows[..h]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert!(meta.contains(&("内部编号（JSON）", "{\"a\":[1,2]}")));
    assert!(meta.contains(&("审核人", "王五")));
}

#[test]
fn formula_payloads_are_neutralised_in_every_cell() {
    for payload in FORMULA_PAYLOADS {
        let cat = with_payload(payload);
        let bytes = to_csv(&cat, &CsvOptions::default());
        let rows = records(&bytes);
        let mut guarded = 0;
        for row in &rows {
            for cell in row {
                assert!(
                    !cell.starts_with(FORMULA_TRIGGERS.as_slice()),
                    "{payload:?}: cell {cell:?} starts with a formula trigger"
                );
                if strip_formula_guard(cell) == *payload {
                    assert_eq!(*cell, format!("'{payload}"));
                    guarded += 1;
                }
            }
        }
        // Cells equal to the payload: title, publisher, county, based_on title, extra key and
        // value in the metadata; per item 一级, 二级, 三级, 时限, 主体, 特定群体说明, 备注 and
        // the extra value; plus the extra column's header.
        let expected = 6 + 8 * cat.items.len() + 1;
        assert_eq!(guarded, expected, "{payload:?}");
        // 序号 starts with the payload too.
        let h = header_at(&rows);
        assert_eq!(strip_formula_guard(&rows[h + 2][0]), format!("{payload}0"));
    }
}

#[test]
fn quoting_is_rfc4180() {
    let mut cat: Catalogue<'static> = fixture();
    cat.items[0].name = "带\"引号\",逗号".into();
    let bytes = to_csv(&cat, &CsvOptions::default());
    let text = std::str::from_utf8(&bytes).unwrap();
    assert!(text.contains("\"带\"\"引号\"\",逗号\""), "{text}");
    let rows = records(&bytes);
    let h = header_at(&rows);
    assert_eq!(rows[h + 2][2], "带\"引号\",逗号");
}

#[test]
fn output_is_deterministic() {
    let cat = fixture();
    assert_eq!(
        to_csv(&cat, &CsvOptions::default()),
        to_csv(&cat, &CsvOptions::default())
    );
}

#[test]
fn degenerate_catalogues_do_not_panic() {
    let mut cat = fixture();
    cat.items.clear();
    let rows = records(&to_csv(&cat, &CsvOptions::default()));
    assert_eq!(rows.len(), header_at(&rows) + 2);
    assert!(gongkai::export::to_html(&cat, &Default::default()).contains("<thead>"));
    assert!(gongkai::export::to_markdown(&cat).contains("| 序号 |"));
    #[cfg(feature = "xlsx")]
    assert!(gongkai::export::to_xlsx(&cat, &Default::default()).is_ok());
    let mut one = fixture();
    one.items.truncate(1);
    one.items[0].content.clear();
    one.items[0].basis.clear();
    one.items[0].time_limit = gongkai::TimeLimit::simple(gongkai::model::TimeLimitKind::Unparsed);
    one.title = "".into();
    let rows = records(&to_csv(&one, &CsvOptions::default()));
    assert_eq!(rows.len(), header_at(&rows) + 3);
}
