//! XLSX export read back with calamine: cells, merges, sheets, no formulas, the formula guard.

#![cfg(feature = "xlsx")]
#![allow(clippy::unwrap_used)]

mod export_support;

use calamine::{Data, Dimensions, Reader, Xlsx, open_workbook_from_rs};
use export_support::{FORMULA_PAYLOADS, fixture, with_payload};
use gongkai::Error;
use gongkai::export::cells::{FORMULA_TRIGGERS, strip_formula_guard};
use gongkai::export::{CsvOptions, XlsxOptions, to_csv, to_xlsx};
use std::io::Cursor;

struct Book {
    xlsx: Xlsx<Cursor<Vec<u8>>>,
}

impl Book {
    fn open(bytes: Vec<u8>) -> Self {
        let mut xlsx: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        xlsx.load_merged_regions().unwrap();
        Book { xlsx }
    }

    /// Every cell of a sheet from A1, as text; panics on a cell that is not a string.
    fn grid(&mut self, sheet: &str) -> Vec<Vec<String>> {
        let range = self.xlsx.worksheet_range(sheet).unwrap();
        let (h, w) = range.end().map_or((0, 0), |(r, c)| (r + 1, c + 1));
        (0..h)
            .map(|r| {
                (0..w)
                    .map(|c| match range.get_value((r, c)) {
                        None | Some(Data::Empty) => String::new(),
                        Some(Data::String(s)) => s.clone(),
                        Some(other) => panic!("cell ({r},{c}) is not text: {other:?}"),
                    })
                    .collect()
            })
            .collect()
    }

    fn merges(&self, sheet: &str) -> Vec<Dimensions> {
        let mut m: Vec<Dimensions> = self
            .xlsx
            .merged_regions_by_sheet(sheet)
            .into_iter()
            .map(|(_, _, d)| *d)
            .collect();
        m.sort_by_key(|d| (d.start, d.end));
        m
    }

    fn assert_no_formula(&mut self, sheet: &str) {
        let f = self.xlsx.worksheet_formula(sheet).unwrap();
        assert!(
            f.used_cells().all(|(_, _, s)| s.is_empty()),
            "formula in {sheet}"
        );
    }
}

fn dims(start: (u32, u32), end: (u32, u32)) -> Dimensions {
    Dimensions { start, end }
}

#[test]
fn sheets_title_row_header_and_cells() {
    let cat = fixture();
    let mut book = Book::open(to_xlsx(&cat, &XlsxOptions::default()).unwrap());
    assert_eq!(book.xlsx.sheet_names(), ["标准目录", "目录信息"]);
    let g = book.grid("标准目录");
    let n = g[0].len();
    assert_eq!(n, 20);
    // Row 1: the title alone.
    assert_eq!(g[0][0], cat.title.as_str());
    assert!(g[0][1..].iter().all(String::is_empty));
    // Rows 2-3: the same header rows as the CSV.
    let csv = String::from_utf8(to_csv(&cat, &CsvOptions::default().metadata(false))).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let csv_rows: Vec<Vec<String>> = r
        .records()
        .map(|x| x.unwrap().iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(g[1], csv_rows[0]);
    assert_eq!(g[2], csv_rows[1]);
    // Items: identical to the CSV except 一级事项, written once per merged run.
    assert_eq!(g.len(), 3 + cat.items.len());
    for (k, (x, c)) in g[3..].iter().zip(&csv_rows[2..]).enumerate() {
        for col in 0..n {
            if col == 1 {
                continue;
            }
            assert_eq!(x[col], c[col], "item {k} column {col}");
        }
    }
    let category: Vec<&str> = g[3..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        category,
        [
            "城镇燃气管理",
            "",
            "",
            "城市供水",
            "",
            "政务公开",
            "",
            "城市照明",
            ""
        ]
    );
    book.assert_no_formula("标准目录");
    book.assert_no_formula("目录信息");
}

#[test]
fn merged_cells() {
    let cat = fixture();
    let book = Book::open(to_xlsx(&cat, &XlsxOptions::default()).unwrap());
    let m = book.merges("标准目录");
    let expected = vec![
        dims((0, 0), (0, 19)),  // title
        dims((1, 0), (2, 0)),   // 序号
        dims((1, 1), (1, 3)),   // 公开事项
        dims((1, 4), (2, 4)),   // 公开内容（要素）
        dims((1, 5), (2, 5)),   // 公开依据
        dims((1, 6), (2, 6)),   // 公开时限
        dims((1, 7), (2, 7)),   // 公开主体
        dims((1, 8), (2, 8)),   // 公开渠道和载体
        dims((1, 9), (1, 10)),  // 公开对象
        dims((1, 11), (1, 12)), // 公开方式
        dims((1, 13), (1, 16)), // 公开层级
        dims((1, 17), (2, 17)), // 备注
        dims((1, 18), (2, 18)), // 特定群体说明
        dims((1, 19), (2, 19)), // 联系电话
        dims((3, 1), (5, 1)),   // 城镇燃气管理 × 3
        dims((6, 1), (7, 1)),   // 城市供水 × 2
        dims((8, 1), (9, 1)),   // 政务公开 × 2
        dims((10, 1), (11, 1)), // 城市照明 × 2
    ];
    let mut expected = expected;
    expected.sort_by_key(|d| (d.start, d.end));
    assert_eq!(m, expected);
}

#[test]
fn without_title_row_the_header_is_row_one() {
    let cat = fixture();
    let mut book = Book::open(
        to_xlsx(
            &cat,
            &XlsxOptions::default()
                .title_row(false)
                .metadata_sheet(false),
        )
        .unwrap(),
    );
    assert_eq!(book.xlsx.sheet_names(), ["标准目录"]);
    let g = book.grid("标准目录");
    assert_eq!(g[0][0], "序号");
    assert_eq!(g[1][1], "一级事项");
    assert_eq!(g[2][0], "1");
    assert!(book.merges("标准目录").contains(&dims((2, 1), (4, 1))));
}

#[test]
fn metadata_sheet_matches_the_csv_block() {
    let cat = fixture();
    let mut book = Book::open(to_xlsx(&cat, &XlsxOptions::default()).unwrap());
    let g = book.grid("目录信息");
    let csv = String::from_utf8(to_csv(&cat, &CsvOptions::default())).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let block: Vec<Vec<String>> = r
        .records()
        .map(|x| x.unwrap().iter().take(2).map(str::to_owned).collect())
        .take_while(|row: &Vec<String>| !row[0].is_empty())
        .collect();
    assert_eq!(g, block);
    assert_eq!(g[0], ["目录名称", cat.title.as_str()]);
}

#[test]
fn formula_payloads_are_strings_with_the_guard() {
    for payload in FORMULA_PAYLOADS {
        let cat = with_payload(payload);
        let mut book = Book::open(to_xlsx(&cat, &XlsxOptions::default()).unwrap());
        for sheet in ["标准目录", "目录信息"] {
            book.assert_no_formula(sheet);
            let g = book.grid(sheet);
            let mut guarded = 0;
            for cell in g.iter().flatten() {
                assert!(
                    !cell.starts_with(FORMULA_TRIGGERS.as_slice()),
                    "{payload:?}: {sheet} cell {cell:?}"
                );
                if strip_formula_guard(cell) == *payload {
                    guarded += 1;
                }
            }
            assert!(guarded > 0, "{payload:?} not found in {sheet}");
        }
        let g = book.grid("标准目录");
        assert_eq!(g[0][0], format!("'{payload}"), "title row");
        assert_eq!(g[3][1], format!("'{payload}"), "merged 一级事项");
    }
}

#[test]
fn leading_zeros_and_numbers_stay_text() {
    let mut cat = fixture();
    cat.items[0].id = "001".into();
    cat.items[1].id = "1.10".into();
    cat.items[2].notes = Some("2024-03-01".into());
    let mut book = Book::open(to_xlsx(&cat, &XlsxOptions::default()).unwrap());
    let g = book.grid("标准目录");
    assert_eq!(g[3][0], "001");
    assert_eq!(g[4][0], "1.10");
    assert_eq!(g[5][17], "2024-03-01");
}

#[test]
fn bytes_are_deterministic() {
    let cat = fixture();
    let a = to_xlsx(&cat, &XlsxOptions::default()).unwrap();
    let b = to_xlsx(&cat, &XlsxOptions::default()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn oversized_cell_is_a_clear_error() {
    let mut cat = fixture();
    cat.items[4].notes = Some("很".repeat(40_000).into());
    match to_xlsx(&cat, &XlsxOptions::default()).unwrap_err() {
        Error::TooLarge {
            what,
            limit,
            actual,
        } => {
            assert!(what.contains("/items/4/notes"), "{what}");
            assert_eq!(limit, 32_767);
            assert_eq!(actual, 40_000);
        }
        other => panic!("unexpected {other:?}"),
    }
}
