//! CSV and HTML import through the public API: encodings, separators, row and column locations
//! (off-by-one and shifted columns), the row rules (同上, continuation, repeated header, section
//! titles), tick columns, header metadata, and errors.
#![allow(clippy::unwrap_used)]

use gongkai::import::{
    Format, FrontEnd, ImportOptions, Imported, import_bytes, import_csv, import_html,
};
use gongkai::model::{Anchor, Audience, Channel, Level, Method, TimeLimitKind};
use gongkai::{Location, Validator};

const HEAD: &str = "序号,公开事项,,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,,公开方式,,公开层级,\n,一级事项,二级事项,,,,,,全社会,特定群体,主动,依申请,县级,乡级\n";

fn row(id: &str, cat: &str, name: &str, time: &str, subject: &str) -> String {
    format!(
        "{id},{cat},{name},申请条件、申请材料,《城镇燃气管理条例》,{time},{subject},\"■政府网站 □政府公报\",√,,√,,√,\n"
    )
}

fn csv(body: &str) -> Imported {
    import_csv(body.as_bytes(), &ImportOptions::default()).unwrap()
}

fn loc(imp: &Imported, path: &str) -> (u32, String) {
    let l: Location = imp.sources.lookup(path).unwrap();
    (l.row, l.column.clone().unwrap_or_default())
}

/// The paths of the findings with this code.
fn paths_of<'a>(imp: &'a Imported, code: &str) -> Vec<&'a str> {
    imp.findings
        .iter()
        .filter(|f| f.code == code)
        .map(|f| f.path.as_str())
        .collect()
}

fn codes(imp: &Imported) -> Vec<&'static str> {
    imp.findings.iter().map(|f| f.code.as_str()).collect()
}

#[test]
fn rows_and_columns_are_located_exactly() {
    // A title row and a blank line above the header: data starts on spreadsheet row 5.
    let body = format!(
        "武陟县城市管理局市政服务领域基层政务公开标准目录,,,,,,,,,,,,,\n\n{HEAD}{}{}",
        row(
            "1",
            "城镇燃气管理",
            "燃气经营许可证核发",
            "20个工作日",
            "武陟县城市管理局"
        ),
        row("2", "", "燃气设施改动审批", "按规定", ""),
    );
    let imp = csv(&body);
    assert_eq!(imp.catalogue.items.len(), 2);
    assert_eq!(imp.tables[0].header_rows, [3, 4]);
    assert_eq!(loc(&imp, "/items/0"), (5, "A".into()));
    assert_eq!(loc(&imp, "/items/1"), (6, "A".into()));
    assert_eq!(loc(&imp, "/items/0/name"), (5, "C".into()));
    assert_eq!(loc(&imp, "/items/1/time_limit"), (6, "F".into()));
    assert_eq!(loc(&imp, "/items/1/subject"), (6, "G".into()));
    assert_eq!(loc(&imp, "/items/1/channels"), (6, "H".into()));
    assert_eq!(loc(&imp, "/items/1/audience"), (6, "I".into()));
    assert_eq!(loc(&imp, "/items/1/method"), (6, "K".into()));
    assert_eq!(loc(&imp, "/items/1/levels"), (6, "M".into()));
    assert_eq!(loc(&imp, "/items/1/basis/0"), (6, "E".into()));
    assert_eq!(loc(&imp, "/items/1/content/1"), (6, "D".into()));
    // The empty 一级事项 is carried down; its location is the cell the text is in.
    assert_eq!(imp.catalogue.items[1].category.as_str(), "城镇燃气管理");
    assert_eq!(loc(&imp, "/items/1/category"), (5, "B".into()));
    // The header of the location is the column's header text.
    let l = imp.sources.get("/items/1/time_limit").unwrap();
    assert_eq!(l.header.as_deref(), Some("公开时限"));
    // Validation issues about imported values carry those locations.
    let report =
        Validator::default().validate_imported(&imp.catalogue, Some(&imp.sources), &imp.findings);
    let unparsed = report
        .issues
        .iter()
        .find(|i| i.code == "import.time_limit_unparsed")
        .unwrap();
    let l = unparsed.location.as_ref().unwrap();
    assert_eq!((l.row, l.column.as_deref()), (6, Some("F")));
    let empty_subject = report
        .issues
        .iter()
        .find(|i| i.path == "/items/1/subject")
        .unwrap();
    let l = empty_subject.location.as_ref().unwrap();
    assert_eq!((l.row, l.column.as_deref()), (6, Some("G")));
    // Header fields taken from the title row.
    assert_eq!(imp.catalogue.publisher.as_str(), "武陟县城市管理局");
    assert_eq!(imp.catalogue.domain.as_str(), "municipal_services");
}

#[test]
fn shifted_columns_follow_the_header() {
    // An extra column in front (a county's own numbering) shifts every column by one.
    let head: String = HEAD
        .lines()
        .enumerate()
        .map(|(i, l)| format!("{}{l}\n", if i == 0 { "原编号," } else { "," }))
        .collect();
    let body = format!(
        "{head}A-7,{}",
        row(
            "1",
            "城镇燃气管理",
            "燃气经营许可证核发",
            "20个工作日",
            "武陟县城市管理局"
        )
    );
    let imp = csv(&body);
    let it = &imp.catalogue.items[0];
    assert_eq!(it.id.as_str(), "1");
    assert_eq!(it.name.as_str(), "燃气经营许可证核发");
    assert_eq!(loc(&imp, "/items/0/time_limit"), (3, "G".into()));
    assert_eq!(loc(&imp, "/items/0/levels"), (3, "N".into()));
    assert_eq!(it.extra.get("原编号").and_then(|v| v.as_str()), Some("A-7"));
    assert_eq!(loc(&imp, "/items/0/原编号"), (3, "A".into()));
    let f = imp
        .findings
        .iter()
        .find(|f| f.code == "import.extra_column")
        .unwrap();
    assert_eq!(f.params.get("column").map(String::as_str), Some("A"));
    assert_eq!(it.levels, [Level::County]);
}

#[test]
fn gbk_csv_written_by_a_real_encoder_round_trips() {
    let body = format!(
        "{HEAD}{}{}",
        row(
            "1",
            "城镇燃气管理",
            "燃气经营许可证核发",
            "自信息形成之日起20个工作日内",
            "武陟县城市管理局"
        ),
        row("2", "城镇供水", "停水通知", "提前24小时", "武陟县水务局"),
    );
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&body);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "the fixture must not be valid UTF-8"
    );
    let from_gbk = import_csv(&gbk, &ImportOptions::default()).unwrap();
    let from_utf8 = csv(&body);
    assert_eq!(from_gbk.catalogue, from_utf8.catalogue);
    assert_eq!(from_gbk.encoding.as_deref(), Some("GB18030"));
    assert!(codes(&from_gbk).contains(&"import.encoding"));
    assert_eq!(from_utf8.encoding.as_deref(), Some("UTF-8"));
    // With a BOM, and as UTF-16 with a BOM, the same catalogue.
    let bom = [b"\xEF\xBB\xBF".as_slice(), body.as_bytes()].concat();
    assert_eq!(
        import_csv(&bom, &ImportOptions::default())
            .unwrap()
            .catalogue,
        from_utf8.catalogue
    );
    let mut utf16 = vec![0xFF, 0xFE];
    for u in body.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    assert_eq!(
        import_csv(&utf16, &ImportOptions::default())
            .unwrap()
            .catalogue,
        from_utf8.catalogue
    );
}

#[test]
fn bytes_that_are_neither_utf8_nor_gbk_are_an_error() {
    let mut bytes = "序号,公开事项\n".as_bytes().to_vec();
    bytes.extend_from_slice(&[0x81, 0x20, 0xFF, 0x80, 0x0A]);
    let e = import_csv(&bytes, &ImportOptions::default()).unwrap_err();
    assert_eq!(e.code(), "import");
    assert!(e.to_string().contains("GB18030"), "{e}");
}

#[test]
fn tab_and_semicolon_separators_are_sniffed() {
    let body = format!(
        "{HEAD}{}",
        row(
            "1",
            "城镇燃气管理",
            "燃气经营许可证核发",
            "20个工作日",
            "武陟县城市管理局"
        )
    );
    let base = csv(&body).catalogue;
    for sep in ['\t', ';'] {
        let other = body.replace(',', &sep.to_string());
        let imp = import_csv(other.as_bytes(), &ImportOptions::default()).unwrap();
        assert_eq!(imp.catalogue, base, "separator {sep:?}");
    }
}

#[test]
fn same_as_above_continuation_repeated_header_and_section_rows() {
    let body = format!(
        "{HEAD}一、城镇燃气,,,,,,,,,,,,,\n{}{},,,补充要素,,,,,,,,,,\n{HEAD}{}4,,,,,,,,,,,,,\n注：■为必选项,,,,,,,,,,,,,\n",
        row(
            "1",
            "城镇燃气管理",
            "燃气经营许可证核发",
            "及时公开",
            "武陟县城市管理局"
        ),
        row("2", "城镇燃气管理", "燃气设施改动审批", "同上", "同上"),
        row(
            "3",
            "城镇燃气管理",
            "燃气经营者监管",
            "20个工作日",
            "武陟县城市管理局"
        ),
    );
    let imp = csv(&body);
    let items = &imp.catalogue.items;
    assert_eq!(
        items.len(),
        3,
        "{:#?}",
        items.iter().map(|i| i.name.as_str()).collect::<Vec<_>>()
    );
    // 同上: value from the row above; time limit keeps "同上" as its text.
    assert_eq!(items[1].time_limit.kind, TimeLimitKind::Promptly);
    assert_eq!(items[1].time_limit.text.as_deref(), Some("同上"));
    assert_eq!(items[1].subject.as_str(), "武陟县城市管理局");
    assert!(
        imp.findings
            .iter()
            .any(|f| f.code == "import.same_as_above" && f.path == "/items/1/time_limit")
    );
    assert!(
        imp.findings
            .iter()
            .any(|f| f.code == "import.same_as_above" && f.path == "/items/1/subject")
    );
    // The continuation row's content went to item 2, located on its own row.
    assert_eq!(items[1].content.last().unwrap().as_str(), "补充要素");
    assert_eq!(loc(&imp, "/items/1/content/2"), (6, "D".into()));
    // Item 3 comes after a repeated header (rows 7-8).
    assert_eq!(loc(&imp, "/items/2"), (9, "A".into()));
    let c = codes(&imp);
    for code in [
        "import.continuation_row",
        "import.header_repeated",
        "import.section_row",
        "import.row_skipped",
    ] {
        assert!(c.contains(&code), "{code} missing in {c:?}");
    }
    // The skipped rows' findings carry their own row.
    let report =
        Validator::default().validate_imported(&imp.catalogue, Some(&imp.sources), &imp.findings);
    let repeated = report
        .issues
        .iter()
        .find(|i| i.code == "import.header_repeated")
        .unwrap();
    assert_eq!(repeated.location.as_ref().unwrap().row, 7);
    let only_id = report
        .issues
        .iter()
        .find(|i| {
            i.code == "import.row_skipped" && i.params.get("row").map(String::as_str) == Some("10")
        })
        .unwrap();
    assert_eq!(only_id.location.as_ref().unwrap().row, 10);
}

#[test]
fn single_text_columns_for_audience_method_levels() {
    let body = "序号,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道,公开对象,公开方式,公开层级,备注\n\
                1,燃气经营许可,申请条件,《城镇燃气管理条例》,20个工作日,县城管局,政府网站,\"全社会、特定群体(申请人)\",\"主动、依申请\",\"县级、乡级\",无\n\
                2,燃气监管,处罚决定,《城镇燃气管理条例》,20个工作日,县城管局,■政府网站,全社会,依法公开,,\n";
    let imp = csv(body);
    let a = &imp.catalogue.items[0];
    assert_eq!(a.audience, [Audience::Public, Audience::SpecificGroups]);
    assert_eq!(a.method, [Method::Proactive, Method::OnRequest]);
    assert_eq!(a.levels, [Level::County, Level::Township]);
    assert_eq!(a.notes.as_deref(), Some("无"));
    let b = &imp.catalogue.items[1];
    // Not understood: kept in notes and reported, never read as "no".
    assert!(b.method.is_empty());
    assert!(b.notes.as_deref().unwrap().contains("依法公开"));
    assert!(
        imp.findings
            .iter()
            .any(|f| f.code == "import.mark_unclear" && f.path == "/items/1/method")
    );
    assert!(
        imp.findings
            .iter()
            .any(|f| f.code == "import.mark_missing" && f.path == "/items/1/levels")
    );
    // No 一级事项 column: reported once, at the header.
    let f = imp
        .findings
        .iter()
        .find(|f| f.code == "import.header_missing_column")
        .unwrap();
    assert_eq!(f.params.get("field").map(String::as_str), Some("一级事项"));
}

#[test]
fn marks_missing_per_item_and_for_a_whole_table() {
    let body = format!(
        "{HEAD}{}{}",
        row(
            "1",
            "城镇燃气管理",
            "燃气经营许可证核发",
            "20个工作日",
            "县城管局"
        ),
        "2,城镇燃气管理,燃气监管,处罚决定,《城镇燃气管理条例》,20个工作日,县城管局,■政府网站,,,√,,√,\n"
    );
    let imp = csv(&body);
    assert!(imp.catalogue.items[1].audience.is_empty());
    assert!(
        imp.findings
            .iter()
            .any(|f| f.code == "import.mark_missing" && f.path == "/items/1/audience")
    );
    // A table without any tick: one warning for the column group, none per item.
    let blank = format!(
        "{HEAD}1,城镇燃气管理,燃气经营许可证核发,条件,《条例》,20个工作日,县城管局,■政府网站,,,,,,\n"
    );
    let imp = csv(&blank);
    let c = codes(&imp);
    assert_eq!(
        c.iter()
            .filter(|x| **x == "import.marks_missing_column")
            .count(),
        3
    );
    assert!(!c.contains(&"import.mark_missing"));
}

#[test]
fn no_recognisable_header_is_a_clear_error() {
    let e = import_csv("a,b,c\n1,2,3\n".as_bytes(), &ImportOptions::default()).unwrap_err();
    assert_eq!(e.code(), "import");
    assert!(e.to_string().contains("表头"), "{e}");
}

const HTML_HEAD: &str = "<tr><th rowspan=2>序号</th><th colspan=2>公开事项</th><th rowspan=2>公开内容</th><th rowspan=2>公开依据</th><th rowspan=2>公开时限</th><th rowspan=2>公开主体</th><th rowspan=2>公开渠道和载体</th><th colspan=2>公开对象</th><th colspan=2>公开方式</th><th colspan=2>公开层级</th></tr><tr><th>一级事项</th><th>二级事项</th><th>全社会</th><th>特定群体</th><th>主动</th><th>依申请</th><th>州级县级</th><th>乡级</th></tr>";

#[test]
fn html_tables_spans_and_several_tables() {
    let page = format!(
        "<html><head><meta charset=\"utf-8\"><title>某县市政服务领域基层政务公开标准目录</title></head><body>\
         <table><tr><td>导航</td><td>首页</td></tr></table>\
         <table><caption>武陟县城市管理局市政服务领域基层政务公开标准目录（2024年3月1日）</caption>{HTML_HEAD}\
         <tr><td>1</td><td rowspan=2>城镇燃气管理</td><td>燃气经营许可证核发</td><td>条件<br>材料</td><td>《城镇燃气管理条例》</td><td rowspan=2>20个工作日</td><td>县城管局</td><td>■政府网站</td><td colspan=2>√</td><td>√</td><td></td><td>√</td><td></td></tr>\
         <tr><td>2</td><td>燃气设施改动审批</td><td>条件</td><td>《城镇燃气管理条例》</td><td>县城管局</td><td>■政府网站</td><td>√</td><td></td><td>√</td><td></td><td>县级</td><td>√</td></tr>\
         </table>\
         <div><table>{HTML_HEAD}<tr><td>1</td><td>城镇供水</td><td>停水通知</td><td>停水范围</td><td>《城市供水条例》</td><td>提前24小时</td><td>县水务局</td><td>■政府网站</td><td>√</td><td></td><td>√</td><td></td><td>县级</td><td></td></tr></table></div>\
         </body></html>"
    );
    let imp = import_html(page.as_bytes(), &ImportOptions::default()).unwrap();
    let items = &imp.catalogue.items;
    assert_eq!(items.len(), 3);
    // Table numbers count every <table> of the page.
    assert_eq!(
        imp.sources.get("/items/0").unwrap().sheet.as_deref(),
        Some("表2")
    );
    assert_eq!(
        imp.sources.get("/items/2").unwrap().sheet.as_deref(),
        Some("表3")
    );
    assert_eq!(loc(&imp, "/items/1"), (4, "A".into()));
    // rowspan: category and time limit reach row 2, located on the merged cell.
    assert_eq!(items[1].category.as_str(), "城镇燃气管理");
    assert_eq!(items[1].time_limit.days, Some(20));
    assert_eq!(loc(&imp, "/items/1/time_limit"), (3, "F".into()));
    // <br> separates content elements.
    assert_eq!(items[0].content.len(), 2);
    // √ spanning both 公开对象 columns is not guessed.
    assert!(items[0].audience.is_empty());
    assert!(
        imp.findings
            .iter()
            .any(|f| f.code == "import.mark_spans_group" && f.path == "/items/0/audience")
    );
    // √ in 州级县级 does not say which; 县级 written in it does.
    assert!(
        imp.findings
            .iter()
            .any(|f| f.code == "import.mark_unclear" && f.path == "/items/0/levels")
    );
    assert_eq!(items[1].levels, [Level::County, Level::Township]);
    // Same 序号 in two tables: renamed.
    assert_eq!(items[2].id.as_str(), "2-1");
    assert!(codes(&imp).contains(&"import.id_renamed"));
    assert_eq!(items[2].time_limit.hours, Some(24));
    // Header fields from the caption.
    assert_eq!(imp.catalogue.publisher.as_str(), "武陟县城市管理局");
    assert_eq!(imp.catalogue.issued.as_str(), "2024-03-01");
    assert_eq!(imp.catalogue.domain.as_str(), "municipal_services");
    // Only one table: choose it.
    let one = import_html(page.as_bytes(), &ImportOptions::default().sheet("表3")).unwrap();
    assert_eq!(one.catalogue.items.len(), 1);
    assert_eq!(one.catalogue.items[0].id.as_str(), "1");
}

#[test]
fn html_in_gbk_with_a_meta_charset() {
    let page = format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><table>{HTML_HEAD}<tr><td>1</td><td>城镇燃气管理</td><td>燃气经营许可</td><td>条件</td><td>《条例》</td><td>20个工作日</td><td>县城管局</td><td>■政府网站</td><td>√</td><td></td><td>√</td><td></td><td>县级</td><td></td></tr></table></body></html>"
    );
    let (gbk, _, _) = encoding_rs::GBK.encode(&page);
    let imp = import_html(&gbk, &ImportOptions::default()).unwrap();
    assert_eq!(imp.catalogue.items[0].name.as_str(), "燃气经营许可");
    assert_eq!(imp.catalogue.items[0].channels, [Channel::GovWebsite]);
}

#[test]
fn html_without_a_table_or_a_header_is_a_clear_error() {
    let e = import_html(
        b"<html><body><p>\xe6\x97\xa0</p></body></html>",
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "import");
    assert!(e.to_string().contains("<table>"), "{e}");
    let e = import_html(
        "<table><tr><td>导航</td><td>首页</td></tr></table>".as_bytes(),
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("表头"), "{e}");
}

#[test]
fn format_detection_and_validate_bytes_with_locations() {
    let body = format!(
        "{HEAD}{}",
        row(
            "1",
            "城镇燃气管理",
            "燃气经营许可证核发",
            "按规定",
            "县城管局"
        )
    );
    assert_eq!(
        gongkai::import::detect_format(Some("a.CSV"), b""),
        Format::Csv
    );
    assert_eq!(
        gongkai::import::detect_format(Some("a.xls"), b""),
        Format::Xls
    );
    assert_eq!(
        gongkai::import::detect_format(None, body.as_bytes()),
        Format::Csv
    );
    let report = Validator::default()
        .validate_bytes(body.as_bytes(), Some("目录.csv"))
        .unwrap();
    assert!(!report.valid);
    let i = report
        .issues
        .iter()
        .find(|i| i.code == "import.time_limit_unparsed")
        .unwrap();
    assert_eq!(i.location.as_ref().unwrap().column.as_deref(), Some("F"));
    // The file name is the default title.
    let title = report
        .issues
        .iter()
        .find(|i| i.code == "import.header_default" && i.path == "/title")
        .unwrap();
    assert!(title.message.contains("目录"), "{}", title.message);
    // XLS is refused with a hint.
    let e = import_bytes(b"\xD0\xCF\x11\xE0", Format::Xls, &ImportOptions::default()).unwrap_err();
    assert!(e.to_string().contains(".xlsx"));
}

#[test]
fn options_fill_the_header() {
    let body = format!(
        "{HEAD}{}",
        row(
            "1",
            "城镇燃气管理",
            "燃气经营许可证核发",
            "20个工作日",
            "县城管局"
        )
    );
    let opts = ImportOptions::default()
        .title("武陟县城市管理局市政服务领域基层政务公开标准目录")
        .domain("市政服务")
        .publisher("武陟县城市管理局")
        .level(Level::County)
        .issued("2024-03-01");
    let imp = import_csv(body.as_bytes(), &opts).unwrap();
    assert_eq!(imp.catalogue.domain.as_str(), "municipal_services");
    assert!(!codes(&imp).iter().any(|c| c.starts_with("import.header_")));
    let it = &imp.catalogue.items[0];
    assert_eq!(it.time_limit.from, Some(Anchor::Unspecified));
    let report =
        Validator::default().validate_imported(&imp.catalogue, Some(&imp.sources), &imp.findings);
    assert!(report.valid, "{:#?}", report.issues);
}

#[test]
fn metadata_block_fills_the_catalogue_and_keeps_what_it_cannot_read() {
    // The exporters' metadata block (label | value), as a county might also type it.
    let body = format!(
        "目录名称,武陟县城市管理局市政服务领域基层政务公开标准目录\n领域,市政服务\n编制单位,武陟县城市管理局\n目录层级,省级\n省,河南省\n市,焦作市\n县,武陟县\n编制日期,2024-03-01\n上级目录文号,建办厅〔2019〕71号\n审核人,王五\n评分（JSON）,{{\"a\":1}}\n\n{HEAD}{}",
        row(
            "1",
            "城镇燃气管理",
            "燃气经营许可证核发",
            "20个工作日",
            "武陟县城市管理局"
        )
    );
    let imp = csv(&body);
    let cat = &imp.catalogue;
    assert_eq!(
        cat.title.as_str(),
        "武陟县城市管理局市政服务领域基层政务公开标准目录"
    );
    assert_eq!(cat.domain.as_str(), "municipal_services");
    assert_eq!(cat.publisher.as_str(), "武陟县城市管理局");
    assert_eq!(cat.issued.as_str(), "2024-03-01");
    let region = cat.region.as_ref().unwrap();
    assert_eq!(
        (
            region.province.as_str(),
            region.city.as_str(),
            region.county.as_str()
        ),
        ("河南省", "焦作市", "武陟县")
    );
    // Values from the file are not "defaults taken from elsewhere"; only the level, which
    // could not be read, is.
    let defaults = paths_of(&imp, "import.header_default");
    assert_eq!(defaults, ["/level"]);
    // 省级 is not a level of the model: kept under its label, with a located warning.
    assert_eq!(cat.extra["目录层级"], serde_json::json!("省级"));
    let f = imp
        .findings
        .iter()
        .find(|f| f.code == "import.metadata_unrecognised" && f.params["label"] == "目录层级")
        .expect("a warning for 省级");
    assert_eq!(f.params["value"], "省级");
    // A 文号 without its 上级标准目录 is kept too.
    assert_eq!(
        cat.extra["上级目录文号"],
        serde_json::json!("建办厅〔2019〕71号")
    );
    // Keys outside the model, one JSON-valued.
    assert_eq!(cat.extra["审核人"], serde_json::json!("王五"));
    assert_eq!(cat.extra["评分"], serde_json::json!({"a": 1}));
    // Each value knows its cell: column B of its own row.
    assert_eq!(loc(&imp, "/publisher"), (3, "B".into()));
    assert_eq!(loc(&imp, "/region/city"), (6, "B".into()));
    assert_eq!(loc(&imp, "/审核人"), (10, "B".into()));
    // The items are read as usual below the block.
    assert_eq!(cat.items.len(), 1);
    assert_eq!(loc(&imp, "/items/0/name"), (15, "C".into()));
    // The metadata rows are not mistaken for a title.
    let report = Validator::default().validate_imported(cat, Some(&imp.sources), &imp.findings);
    let warn = report
        .issues
        .iter()
        .find(|i| i.code == "import.metadata_unrecognised" && i.path == "/目录层级")
        .unwrap();
    assert_eq!(warn.location.as_ref().map(|l| l.row), Some(4));
}

#[test]
fn label_colon_value_lines_above_the_table_are_read() {
    let body = format!(
        "武陟县城市管理局市政服务领域基层政务公开标准目录\n填报单位：武陟县城市管理局\n编制日期：2024年3月1日\n编制单位：甲 编制日期：乙\n{HEAD}{}",
        row(
            "1",
            "城镇燃气管理",
            "燃气经营许可证核发",
            "20个工作日",
            "武陟县城市管理局"
        )
    );
    let imp = csv(&body);
    let cat = &imp.catalogue;
    assert_eq!(
        cat.title.as_str(),
        "武陟县城市管理局市政服务领域基层政务公开标准目录"
    );
    assert_eq!(cat.publisher.as_str(), "武陟县城市管理局");
    assert_eq!(cat.issued.as_str(), "2024-03-01");
    assert_eq!(loc(&imp, "/publisher"), (2, "A".into()));
    assert_eq!(loc(&imp, "/issued"), (3, "A".into()));
    let defaults = paths_of(&imp, "import.header_default");
    assert!(
        !defaults.contains(&"/publisher") && !defaults.contains(&"/issued"),
        "{defaults:?}"
    );
    // Two pairs in one cell are not taken apart.
    assert!(cat.extra.is_empty(), "{:?}", cat.extra);
    assert_eq!(cat.items.len(), 1);
}

/// A catalogue field the table lacks is one finding (an error), not also `schema.empty`, and it
/// says how to supply the field in the front end at hand.
#[test]
fn a_missing_catalogue_field_is_one_finding_naming_the_front_end() {
    let table = "序号,一级事项,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道,公开对象,公开方式,公开层级\n\
                 1,城市管理,路灯维护,维护计划,《城市照明管理规定》,自信息形成或者变更之日起20个工作日内,县城市管理局,政府网站,全社会,主动,县级\n";
    let validator = Validator::new(gongkai::Options::default());
    let report_for = |front_end: FrontEnd| {
        let options = ImportOptions::default()
            .file_name("t.csv")
            .front_end(front_end);
        let loaded = gongkai::import::load(table.as_bytes(), &options).expect("a table");
        validator.validate_loaded(&loaded)
    };
    let report = report_for(FrontEnd::Cli);
    let at_domain: Vec<_> = report
        .issues
        .iter()
        .filter(|i| i.path == "/domain")
        .collect();
    assert_eq!(at_domain.len(), 1, "{at_domain:?}");
    assert_eq!(at_domain[0].code, "import.header_missing");
    assert_eq!(at_domain[0].severity, gongkai::Severity::Error);
    assert!(
        at_domain[0]
            .message
            .ends_with("请用命令行参数 --domain 填写"),
        "{}",
        at_domain[0].message
    );
    assert!(!report.valid);
    let message = |front_end: FrontEnd, path: &str| {
        report_for(front_end)
            .issues
            .into_iter()
            .find(|i| i.path == path)
            .map(|i| i.message)
            .unwrap_or_default()
    };
    assert!(message(FrontEnd::Python, "/publisher").ends_with("请用参数 publisher= 填写"));
    assert!(message(FrontEnd::Js, "/issued").ends_with("请用选项 { issued } 填写"));
    assert!(message(FrontEnd::Form, "/domain").ends_with("请在表单的“领域”栏中填写"));
    assert!(message(FrontEnd::Rust, "/domain").contains("ImportOptions::domain"));
    // A value taken from elsewhere says how to correct it the same way.
    assert!(message(FrontEnd::Cli, "/level").ends_with("如不正确，请用命令行参数 --level 填写"));
    // Supplied, the field is not reported at all.
    let options = ImportOptions::default()
        .file_name("t.csv")
        .domain("市政服务")
        .publisher("武陟县城市管理局")
        .issued("2024-03-01");
    let loaded = gongkai::import::load(table.as_bytes(), &options).expect("a table");
    let report = validator.validate_loaded(&loaded);
    assert!(
        !report
            .issues
            .iter()
            .any(|i| ["/domain", "/publisher", "/issued"].contains(&i.path.as_str())),
        "{:?}",
        report.issues
    );
}

/// An empty date is 未填写 (`schema.empty`), not an invalid date “”.
#[test]
fn an_empty_date_is_reported_as_empty() {
    let json = r#"{"schema_version":"1.0","title":"t","domain":"municipal_services","publisher":"p","level":"county","issued":"","items":[]}"#;
    let report = Validator::new(gongkai::Options::default())
        .validate_json(json.as_bytes())
        .expect("a report");
    let at: Vec<_> = report
        .issues
        .iter()
        .filter(|i| i.path == "/issued")
        .collect();
    assert_eq!(at.len(), 1, "{at:?}");
    assert_eq!(at[0].code, "schema.empty");
    assert!(!at[0].message.contains("“”"), "{}", at[0].message);
}

/// The validating calls that take what was imported by value (no copy of the importer's
/// findings, the column models and the file freed early) give the very report of those that
/// borrow it, whatever the report's limits: the importer's findings first, then the rules'.
#[test]
fn validating_an_import_by_value_gives_the_same_report() {
    let table = |i: usize| {
        format!(
            "<table><tr><th>序号</th><th>二级事项</th><th>公开内容</th><th>公开依据</th>\
             <th>公开时限</th><th>公开主体</th></tr><tr><td>1</td><td>事项{i}</td>\
             <td>申请条件</td><td>《条例》第{i}条</td><td>20个工作日</td><td>本机关</td></tr></table>"
        )
    };
    let page = format!(
        "<html><body>{}<table><tr><td>不是目录</td></tr></table></body></html>",
        (1..=6).map(table).collect::<String>()
    );
    let options = ImportOptions::default().file_name("页面.html");
    let loaded = gongkai::import::load(page.as_bytes(), &options).expect("a page");
    assert!(loaded.findings.len() >= 6, "{:?}", loaded.findings);
    assert_eq!(loaded.tables.len(), 6);
    assert!(loaded.tables.iter().all(|t| !t.columns.is_empty()));
    for v in [
        gongkai::Options::default(),
        gongkai::Options::default().max_issues(1),
        gongkai::Options::default().max_issues(5),
        gongkai::Options::default().max_issues(loaded.findings.len() + 2),
        gongkai::Options::default().min_severity(gongkai::Severity::Warning),
        gongkai::Options::default()
            .min_severity(gongkai::Severity::Error)
            .max_issues(2),
    ] {
        let validator = Validator::new(v);
        let borrowed = validator.validate_loaded(&loaded);
        // The importer's findings are part of it (up to the limits).
        assert!(
            borrowed
                .issues
                .iter()
                .any(|i| i.code.starts_with("import."))
        );
        let owned = [
            validator
                .validate_loaded_owned(gongkai::import::load(page.as_bytes(), &options).unwrap()),
            validator.validate_imported_owned(
                &loaded.catalogue,
                loaded.sources.as_ref(),
                loaded.findings.clone(),
            ),
            validator
                .validate_bytes_owned(page.clone().into_bytes(), &options)
                .unwrap(),
            validator
                .validate_bytes_with(page.as_bytes(), &options)
                .unwrap(),
        ];
        for r in owned {
            assert_eq!(r.to_json(), borrowed.to_json());
        }
    }
    // JSON given by value is validated as JSON.
    let json = br#"{"title": "x"}"#.to_vec();
    let v = Validator::default();
    assert_eq!(
        v.validate_bytes_owned(json.clone(), &ImportOptions::default().file_name("a.json"))
            .unwrap()
            .to_json(),
        v.validate_json(&json).unwrap().to_json()
    );
}
