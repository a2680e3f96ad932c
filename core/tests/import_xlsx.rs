//! XLSX import with workbooks written in the test (rust_xlsxwriter): merged cells, two-row
//! headers, several sheets, hidden sheets, header fields from the title rows, exact locations.
#![allow(clippy::unwrap_used)]

use gongkai::import::{ImportOptions, import_xlsx};
use gongkai::model::{Audience, Channel, Level, Method, TimeLimitKind};
use rust_xlsxwriter::{Format, Workbook, Worksheet};

fn header(ws: &mut Worksheet, top: u32) {
    let f = Format::new();
    for (c, t) in [
        (0, "序号"),
        (3, "公开内容（要素）"),
        (4, "公开依据"),
        (5, "公开时限"),
        (6, "公开主体"),
        (7, "公开渠道和载体"),
    ] {
        ws.merge_range(top, c, top + 1, c, t, &f).unwrap();
    }
    ws.merge_range(top, 1, top, 2, "公开事项", &f).unwrap();
    ws.merge_range(top, 8, top, 9, "公开对象", &f).unwrap();
    ws.merge_range(top, 10, top, 11, "公开方式", &f).unwrap();
    ws.merge_range(top, 12, top, 13, "公开层级", &f).unwrap();
    for (c, t) in [
        (1, "一级\n事项"),
        (2, "二级事项"),
        (8, "全社会"),
        (9, "特定群体"),
        (10, "主动"),
        (11, "依申请"),
        (12, "县级"),
        (13, "乡级"),
    ] {
        ws.write_string(top + 1, c, t).unwrap();
    }
}

fn data_row(ws: &mut Worksheet, r: u32, id: f64, name: &str, time: &str) {
    ws.write_number(r, 0, id).unwrap();
    ws.write_string(r, 2, name).unwrap();
    ws.write_string(r, 3, "申请条件、申请材料").unwrap();
    ws.write_string(r, 4, "《城镇燃气管理条例》（国务院令第583号）")
        .unwrap();
    ws.write_string(r, 5, time).unwrap();
    ws.write_string(r, 6, "武陟县城市管理局").unwrap();
    ws.write_string(r, 7, "■政府网站 □政府公报\n■政务服务中心")
        .unwrap();
    ws.write_string(r, 8, "√").unwrap();
    ws.write_string(r, 10, "√").unwrap();
    ws.write_string(r, 11, "√").unwrap();
    ws.write_string(r, 12, "√").unwrap();
}

fn workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let f = Format::new();
    {
        let ws = wb.add_worksheet().set_name("市政服务").unwrap();
        ws.merge_range(
            0,
            0,
            0,
            13,
            "武陟县城市管理局市政服务领域基层政务公开标准目录",
            &f,
        )
        .unwrap();
        ws.write_string(1, 0, "编制日期：2024年3月1日").unwrap();
        header(ws, 2);
        // Rows 5-7 (0-based 4-6): 一级事项 merged over 5-6.
        ws.merge_range(4, 1, 5, 1, "城镇燃气管理", &f).unwrap();
        data_row(
            ws,
            4,
            1.0,
            "燃气经营许可证核发",
            "自信息形成或者变更之日起20个工作日内",
        );
        data_row(ws, 5, 2.0, "燃气设施改动审批", "20个工作日");
        ws.write_string(6, 1, "城市供水").unwrap();
        data_row(ws, 6, 3.0, "停水通知", "提前24小时");
        // A cell far to the right and far below that is empty does not matter; a stray note
        // below the table is skipped with a finding.
        ws.merge_range(8, 0, 8, 13, "注：■为必选项，□为可选项", &f)
            .unwrap();
    }
    {
        let ws = wb.add_worksheet().set_name("填表说明").unwrap();
        ws.write_string(0, 0, "本表由各单位填写").unwrap();
    }
    {
        let ws = wb.add_worksheet().set_name("旧版").unwrap();
        header(ws, 0);
        data_row(ws, 2, 9.0, "已废止事项", "20个工作日");
        ws.set_hidden(true);
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn workbook_with_merged_cells_imports_with_exact_locations() {
    let bytes = workbook();
    let imp = import_xlsx(&bytes, &ImportOptions::default()).unwrap();
    let items = &imp.catalogue.items;
    assert_eq!(items.len(), 3, "{:#?}", imp.findings);
    assert_eq!(
        items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
        ["1", "2", "3"]
    );
    // Merged 一级事项 covers rows 5-6.
    assert_eq!(items[1].category.as_str(), "城镇燃气管理");
    assert_eq!(items[2].category.as_str(), "城市供水");
    let l = imp.sources.get("/items/1/category").unwrap();
    assert_eq!(
        (l.sheet.as_deref(), l.row, l.column.as_deref()),
        (Some("市政服务"), 5, Some("B"))
    );
    let l = imp.sources.get("/items/1/time_limit").unwrap();
    assert_eq!(
        (l.row, l.column.as_deref(), l.header.as_deref()),
        (6, Some("F"), Some("公开时限"))
    );
    let l = imp.sources.get("/items/2").unwrap();
    assert_eq!((l.row, l.column.as_deref()), (7, Some("A")));
    assert_eq!(imp.tables[0].header_rows, [3, 4]);
    // Values.
    let a = &items[0];
    assert_eq!(a.channels, [Channel::GovWebsite, Channel::ServiceCenter]);
    assert_eq!(a.audience, [Audience::Public]);
    assert_eq!(a.method, [Method::Proactive, Method::OnRequest]);
    assert_eq!(a.levels, [Level::County]);
    assert_eq!(a.basis[0].doc_no.as_deref(), Some("国务院令第583号"));
    assert_eq!(items[2].time_limit.kind, TimeLimitKind::HoursBefore);
    // Header fields from the title rows.
    assert_eq!(
        imp.catalogue.title.as_str(),
        "武陟县城市管理局市政服务领域基层政务公开标准目录"
    );
    assert_eq!(imp.catalogue.publisher.as_str(), "武陟县城市管理局");
    assert_eq!(imp.catalogue.domain.as_str(), "municipal_services");
    assert_eq!(imp.catalogue.issued.as_str(), "2024-03-01");
    // The other sheets: one without a header, one hidden.
    let codes: Vec<&str> = imp.findings.iter().map(|f| f.code.as_str()).collect();
    assert!(codes.contains(&"import.table_skipped"), "{codes:?}");
    assert!(codes.contains(&"import.sheet_hidden"), "{codes:?}");
    assert!(codes.contains(&"import.row_skipped"), "{codes:?}");
    // The whole thing validates.
    let report = gongkai::Validator::default().validate_imported(
        &imp.catalogue,
        Some(&imp.sources),
        &imp.findings,
    );
    assert!(report.valid, "{:#?}", report.issues);
    let note = report
        .issues
        .iter()
        .find(|i| i.code == "import.row_skipped")
        .unwrap();
    let l = note.location.as_ref().unwrap();
    assert_eq!((l.sheet.as_deref(), l.row), (Some("市政服务"), 9));
}

#[test]
fn a_chosen_sheet_is_read_and_a_missing_one_is_an_error() {
    let bytes = workbook();
    let imp = import_xlsx(&bytes, &ImportOptions::default().sheet("旧版")).unwrap();
    assert_eq!(imp.catalogue.items.len(), 1);
    assert_eq!(imp.catalogue.items[0].name.as_str(), "已废止事项");
    assert_eq!(imp.sources.get("/items/0").unwrap().row, 3);
    let e = import_xlsx(&bytes, &ImportOptions::default().sheet("不存在")).unwrap_err();
    assert!(e.to_string().contains("市政服务"), "{e}");
    let e = import_xlsx(&bytes, &ImportOptions::default().sheet("填表说明")).unwrap_err();
    assert_eq!(e.code(), "import");
}

#[test]
fn numbers_in_cells_are_shown_as_excel_shows_them() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    header(ws, 0);
    data_row(ws, 2, 1.0, "甲", "20个工作日");
    data_row(ws, 3, 2.5, "乙", "20个工作日");
    let bytes = wb.save_to_buffer().unwrap();
    let imp = import_xlsx(&bytes, &ImportOptions::default()).unwrap();
    assert_eq!(imp.catalogue.items[0].id.as_str(), "1");
    assert_eq!(imp.catalogue.items[1].id.as_str(), "2.5");
}

/// An Excel 97-2003 workbook (tests/tables/municipal.xls, written by xlwt; see make_xls.py):
/// merged title and 一级事项, two-row header, a number-typed 序号, ■/□ channels.
#[test]
fn xls_workbooks_are_read_like_xlsx() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/tables/municipal.xls");
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(
        gongkai::import::detect_format(None, &bytes),
        gongkai::import::Format::Xls
    );
    let imp = gongkai::import::import_bytes(
        &bytes,
        gongkai::import::Format::Xls,
        &gongkai::import::ImportOptions::default(),
    )
    .unwrap();
    let cat = &imp.catalogue;
    assert_eq!(
        cat.title.as_str(),
        "武陟县城市管理局市政服务领域基层政务公开标准目录"
    );
    assert_eq!(cat.items.len(), 2);
    let (a, b) = (&cat.items[0], &cat.items[1]);
    assert_eq!((a.id.as_str(), b.id.as_str()), ("1", "2"));
    assert_eq!(a.category.as_str(), "城镇燃气管理");
    assert_eq!(
        b.category.as_str(),
        "城镇燃气管理",
        "merged 一级事项 carried down"
    );
    assert_eq!(a.name.as_str(), "燃气经营许可证核发");
    assert_eq!(a.content.len(), 3);
    assert_eq!(a.basis[0].doc_no.as_deref(), Some("国务院令第583号"));
    assert_eq!(
        a.channels,
        [
            gongkai::model::Channel::GovWebsite,
            gongkai::model::Channel::ServiceCenter
        ]
    );
    assert_eq!(b.levels.len(), 2);
    // Locations are the sheet's own: item 2's name is C5 of 标准目录.
    let l = imp.sources.lookup("/items/1/name").unwrap();
    assert_eq!(
        (l.sheet.as_deref(), l.row, l.column.as_deref()),
        (Some("标准目录"), 5, Some("C"))
    );
    // Through the validator, by file name.
    let report = gongkai::Validator::default()
        .validate_bytes(&bytes, Some("目录.xls"))
        .unwrap();
    // The table has no 编制日期: that is the only problem of the catalogue's fields, said once
    // (missing from the table, with how to supply it), not again as a schema error; every
    // item issue has its cell.
    let structural: Vec<&str> = report
        .issues
        .iter()
        .filter(|i| i.code.starts_with("schema."))
        .map(|i| i.path.as_str())
        .collect();
    assert_eq!(structural, Vec::<&str>::new());
    let at_issued: Vec<&str> = report
        .issues
        .iter()
        .filter(|i| i.path == "/issued")
        .map(|i| i.code.as_str())
        .collect();
    assert_eq!(at_issued, ["import.header_missing"]);
    for i in report.issues.iter().filter(|i| i.item_id.is_some()) {
        assert_eq!(
            i.location.as_ref().and_then(|l| l.sheet.as_deref()),
            Some("标准目录")
        );
    }
    // A damaged .xls is a clear error, not a panic.
    let mut broken = bytes.clone();
    broken.truncate(700);
    let err = gongkai::import::import_bytes(
        &broken,
        gongkai::import::Format::Xls,
        &gongkai::import::ImportOptions::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("XLS"), "{err}");
}
