//! The annotated workbook: written for an XLSX built here with known problems and for the
//! corpus tables (CSV and HTML), then read back with calamine (values, merges) and as a zip
//! (notes, fills, hyperlinks, frozen header, autofilter), which calamine does not read.
#![cfg(feature = "xlsx")]
#![allow(clippy::unwrap_used)]

use calamine::{Data, Reader, Xlsx};
use gongkai::annotate::{AnnotateOptions, Annotated, annotate, annotate_with};
use gongkai::import::ImportOptions;
use gongkai::{Issue, Lang, Options, Severity, Validator};
use quick_xml::events::Event;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{Cursor, Read};
use std::path::Path;

// ---------------------------------------------------------------------------------------------
// Reading the output as a zip.

type Attrs = HashMap<String, String>;

/// Every element named `name` (local name) with its attributes (qualified names as keys).
fn elements(xml: &str, name: &str) -> Vec<Attrs> {
    let mut r = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == name.as_bytes() => {
                out.push(attrs(&e, r.decoder()));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn attrs(e: &quick_xml::events::BytesStart<'_>, d: quick_xml::encoding::Decoder) -> Attrs {
    e.attributes()
        .map(|a| {
            let a = a.unwrap();
            (
                String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                a.decode_and_unescape_value(d).unwrap().into_owned(),
            )
        })
        .collect()
}

struct Out {
    parts: BTreeMap<String, String>,
    /// (sheet name, part path), in workbook order.
    sheets: Vec<(String, String)>,
}

impl Out {
    fn new(bytes: &[u8]) -> Out {
        assert!(bytes.starts_with(b"PK\x03\x04"));
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut parts = BTreeMap::new();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let mut s = String::new();
            if f.name().ends_with(".xml")
                || f.name().ends_with(".rels")
                || f.name().ends_with(".vml")
            {
                f.read_to_string(&mut s).unwrap();
            }
            parts.insert(f.name().to_owned(), s);
        }
        for p in [
            "[Content_Types].xml",
            "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/styles.xml",
        ] {
            assert!(parts.contains_key(p), "missing {p}");
        }
        let rels: HashMap<String, String> =
            elements(&parts["xl/_rels/workbook.xml.rels"], "Relationship")
                .into_iter()
                .map(|a| (a["Id"].clone(), a["Target"].clone()))
                .collect();
        let sheets = elements(&parts["xl/workbook.xml"], "sheet")
            .into_iter()
            .map(|a| (a["name"].clone(), format!("xl/{}", rels[&a["r:id"]])))
            .collect();
        Out { parts, sheets }
    }

    fn names(&self) -> Vec<&str> {
        self.sheets.iter().map(|(n, _)| n.as_str()).collect()
    }

    fn sheet_xml(&self, name: &str) -> &str {
        let path = &self.sheets.iter().find(|(n, _)| n == name).unwrap().1;
        &self.parts[path]
    }

    /// The notes of a sheet: cell → text.
    fn notes(&self, name: &str) -> BTreeMap<String, String> {
        let path = &self.sheets.iter().find(|(n, _)| n == name).unwrap().1;
        let (dir, file) = path.rsplit_once('/').unwrap();
        let Some(rels) = self.parts.get(&format!("{dir}/_rels/{file}.rels")) else {
            return BTreeMap::new();
        };
        let Some(target) = elements(rels, "Relationship")
            .into_iter()
            .find(|a| a["Type"].ends_with("/comments"))
        else {
            return BTreeMap::new();
        };
        let comments = resolve(dir, &target["Target"]);
        let xml = &self.parts[&comments];
        let mut r = quick_xml::Reader::from_str(xml);
        let mut out = BTreeMap::new();
        let mut current: Option<(String, String)> = None;
        loop {
            match r.read_event().unwrap() {
                Event::Start(e) if e.local_name().as_ref() == b"comment" => {
                    current = Some((attrs(&e, r.decoder())["ref"].clone(), String::new()));
                }
                Event::Text(t) => {
                    if let Some((_, s)) = &mut current {
                        s.push_str(&t.xml_content().unwrap());
                    }
                }
                Event::GeneralRef(g) => {
                    if let Some((_, s)) = &mut current {
                        if let Some(ch) = g.resolve_char_ref().unwrap() {
                            s.push(ch);
                            continue;
                        }
                        let name = g.decode().unwrap();
                        s.push_str(match name.as_ref() {
                            "lt" => "<",
                            "gt" => ">",
                            "amp" => "&",
                            "quot" => "\"",
                            "apos" => "'",
                            other => panic!("entity {other}"),
                        });
                    }
                }
                Event::End(e) if e.local_name().as_ref() == b"comment" => {
                    let (k, v) = current.take().unwrap();
                    assert!(out.insert(k, v).is_none(), "two notes on one cell");
                }
                Event::Eof => break,
                _ => {}
            }
        }
        out
    }

    /// Internal hyperlinks of a sheet: cell → location.
    fn links(&self, name: &str) -> BTreeMap<String, String> {
        elements(self.sheet_xml(name), "hyperlink")
            .into_iter()
            .map(|a| (a["ref"].clone(), a["location"].clone()))
            .collect()
    }

    /// The fill colour (ARGB) of a cell, if it has a solid fill.
    fn fill(&self, sheet: &str, cell: &str) -> Option<String> {
        let c = elements(self.sheet_xml(sheet), "c")
            .into_iter()
            .find(|a| a["r"] == cell)?;
        let s: usize = c.get("s")?.parse().unwrap();
        let styles = &self.parts["xl/styles.xml"];
        let xfs_xml = section(styles, "cellXfs");
        let xf = elements(&xfs_xml, "xf").into_iter().nth(s).unwrap();
        let fill: usize = xf["fillId"].parse().unwrap();
        let fills_xml = section(styles, "fills");
        let fill_xml = nth_section(&fills_xml, "fill", fill);
        elements(&fill_xml, "fgColor")
            .first()
            .and_then(|a| a.get("rgb").cloned())
    }
}

fn resolve(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = dir.split('/').collect();
    for seg in target.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The text of the first `<name>…</name>` element.
fn section(xml: &str, name: &str) -> String {
    nth_section(xml, name, 0)
}

fn nth_section(xml: &str, name: &str, n: usize) -> String {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut rest = xml;
    let mut k = 0;
    loop {
        let i = rest.find(&open).unwrap();
        let after = &rest[i + open.len()..];
        if !after.starts_with([' ', '>', '/']) {
            rest = after;
            continue;
        }
        let tag_end = after.find('>').unwrap();
        let (end, len) = if after[..tag_end].ends_with('/') {
            (tag_end + 1, 0)
        } else {
            (after.find(&close).unwrap(), close.len())
        };
        if k == n {
            return rest[i..i + open.len() + end + len].to_owned();
        }
        k += 1;
        rest = &after[end + len..];
    }
}

// ---------------------------------------------------------------------------------------------
// Reading values with calamine.

/// Non-empty cells of one sheet: (row, col) → value (absolute, 0-based).
type Cells = BTreeMap<(u32, u32), Data>;

/// Non-empty cells of every sheet: name → (row, col) → value (absolute, 0-based).
fn values(bytes: &[u8]) -> Vec<(String, Cells)> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let names = wb.sheet_names();
    names
        .into_iter()
        .map(|n| {
            let range = wb.worksheet_range(&n).unwrap();
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let cells = range
                .used_cells()
                .filter(|(_, _, v)| **v != Data::Empty)
                .map(|(r, c, v)| ((r0 + r as u32, c0 + c as u32), v.clone()))
                .collect();
            (n, cells)
        })
        .collect()
}

/// Merged ranges per sheet: (r0, c0, r1, c1).
fn merges(bytes: &[u8]) -> HashMap<String, BTreeSet<(u32, u32, u32, u32)>> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    wb.load_merged_regions().unwrap();
    let mut out: HashMap<String, BTreeSet<_>> = HashMap::new();
    for (sheet, _, d) in wb.merged_regions() {
        out.entry(sheet.clone())
            .or_default()
            .insert((d.start.0, d.start.1, d.end.0, d.end.1));
    }
    out
}

fn cell_name(r: u32, c: u32) -> String {
    format!("{}{}", gongkai::Location::column_letter(c as usize), r + 1)
}

fn parse_cell(s: &str) -> (u32, u32) {
    let split = s.find(|c: char| c.is_ascii_digit()).unwrap();
    let (letters, digits) = s.split_at(split);
    let c = letters
        .bytes()
        .fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1))
        - 1;
    (digits.parse::<u32>().unwrap() - 1, c)
}

// ---------------------------------------------------------------------------------------------
// The checks every annotated workbook must pass.

/// The cell an issue's note must be on (computed here independently of the module): its own
/// cell, the first cell of its row, or A1 of `main`; moved to the top-left of a merged range.
fn expected_anchor(
    issue: &Issue,
    main: &str,
    csv_sheet: Option<&str>,
    merged: &HashMap<String, BTreeSet<(u32, u32, u32, u32)>>,
) -> (String, u32, u32) {
    let (sheet, r, c) = match &issue.location {
        None => (main.to_owned(), 0, 0),
        Some(l) => {
            let sheet = l
                .sheet
                .clone()
                .or_else(|| csv_sheet.map(str::to_owned))
                .unwrap();
            let c = l
                .column
                .as_deref()
                .map_or(0, |x| parse_cell(&format!("{x}1")).1);
            (sheet, l.row - 1, c)
        }
    };
    let inside = merged.get(&sheet).and_then(|set| {
        set.iter()
            .find(|(r0, c0, r1, c1)| (*r0..=*r1).contains(&r) && (*c0..=*c1).contains(&c))
    });
    match inside {
        Some((r0, c0, _, _)) => (sheet, *r0, *c0),
        None => (sheet, r, c),
    }
}

fn fill_of(s: Severity) -> &'static str {
    match s {
        Severity::Error => "FFFFC7CE",
        Severity::Warning => "FFFFEB9C",
        Severity::Info => "FFDDEBF7",
    }
}

/// Checks the notes, fills and the issues sheet of an annotated workbook against its report.
fn check_annotations(a: &Annotated, main: &str, csv_sheet: Option<&str>, lang: Lang) {
    let out = Out::new(&a.workbook);
    let merged = merges(&a.workbook);
    assert_eq!(out.names().last().copied(), Some(a.issues_sheet.as_str()));
    assert_eq!(
        out.names()[..out.names().len() - 1],
        a.sheets.iter().map(String::as_str).collect::<Vec<_>>()[..]
    );

    // Every issue has its note on exactly its cell; no other cell has one.
    let mut expected: BTreeMap<(String, String), Vec<&Issue>> = BTreeMap::new();
    for i in &a.report.issues {
        let (s, r, c) = expected_anchor(i, main, csv_sheet, &merged);
        expected.entry((s, cell_name(r, c))).or_default().push(i);
    }
    let mut found: BTreeMap<(String, String), String> = BTreeMap::new();
    for s in &a.sheets {
        for (cell, text) in out.notes(s) {
            found.insert((s.clone(), cell), text);
        }
    }
    assert_eq!(
        found.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>(),
        "cells with notes"
    );
    assert_eq!(a.cells_marked, expected.len());
    for (key, issues) in &expected {
        let text = &found[key];
        assert_eq!(
            text.matches('【').count(),
            issues.len(),
            "{key:?}: one entry per issue in {text}"
        );
        for i in issues {
            assert!(
                text.contains(i.code.as_str()),
                "{key:?} lacks {}: {text}",
                i.code
            );
            assert!(
                text.contains(&i.message),
                "{key:?} lacks the message of {}",
                i.code
            );
        }
        // The fill is the colour of the most serious issue.
        let worst = issues.iter().map(|i| i.severity).max().unwrap();
        assert_eq!(
            out.fill(&key.0, &key.1).as_deref(),
            Some(fill_of(worst)),
            "fill of {key:?}"
        );
    }

    // The issues sheet lists every issue, in report order, with a link to its cell.
    let vals = values(&a.workbook);
    let list = &vals.iter().find(|(n, _)| *n == a.issues_sheet).unwrap().1;
    let header: Vec<String> = (0..6)
        .map(|c| list[&(1, c)].to_string())
        .collect::<Vec<_>>();
    let want: &[&str] = match lang {
        Lang::Zh => &["序号", "级别", "代码", "位置", "列名", "说明"],
        Lang::En => &["No.", "Severity", "Code", "Location", "Column", "Message"],
    };
    assert_eq!(header, want);
    let links = out.links(&a.issues_sheet);
    assert_eq!(links.len(), a.report.issues.len());
    for (k, i) in a.report.issues.iter().enumerate() {
        let r = k as u32 + 2;
        assert_eq!(list[&(r, 0)], Data::Float(k as f64 + 1.0));
        assert_eq!(list[&(r, 2)].to_string(), i.code);
        assert_eq!(list[&(r, 5)].to_string(), i.message);
        let (s, ar, ac) = expected_anchor(i, main, csv_sheet, &merged);
        let cell = cell_name(ar, ac);
        assert_eq!(list[&(r, 3)].to_string(), format!("{s}!{cell}"));
        assert_eq!(
            links[&cell_name(r, 3)],
            format!("'{}'!{cell}", s.replace('\'', "''")),
            "link of issue {k}"
        );
        if let Some(h) = i.location.as_ref().and_then(|l| l.header.as_ref()) {
            assert_eq!(&list[&(r, 4)].to_string(), h);
        }
    }
    assert!(!list.contains_key(&(a.report.issues.len() as u32 + 2, 0)));

    // Frozen header and autofilter.
    let xml = out.sheet_xml(&a.issues_sheet);
    let pane = &elements(xml, "pane")[0];
    assert_eq!(
        (pane["ySplit"].as_str(), pane["state"].as_str()),
        ("2", "frozen")
    );
    let filter = &elements(xml, "autoFilter")[0];
    assert_eq!(filter["ref"], format!("A2:F{}", a.report.issues.len() + 2));

    // No formula anywhere.
    for s in out.names() {
        assert!(elements(out.sheet_xml(s), "f").is_empty(), "formula in {s}");
    }
}

// ---------------------------------------------------------------------------------------------
// An XLSX with known problems.

fn header(ws: &mut Worksheet, top: u32) {
    let f = Format::new();
    for (c, t) in [
        (0, "序号"),
        (3, "公开内容（要素）"),
        (4, "公开依据"),
        (5, "公开时限"),
        (6, "公开主体"),
        (7, "公开渠道和载体"),
        (14, "备注"),
    ] {
        ws.merge_range(top, c, top + 1, c, t, &f).unwrap();
    }
    ws.merge_range(top, 1, top, 2, "公开事项", &f).unwrap();
    ws.merge_range(top, 8, top, 9, "公开对象", &f).unwrap();
    ws.merge_range(top, 10, top, 11, "公开方式", &f).unwrap();
    ws.merge_range(top, 12, top, 13, "公开层级", &f).unwrap();
    for (c, t) in [
        (1, "一级事项"),
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

fn item(ws: &mut Worksheet, r: u32, id: f64, name: &str, time: &str, channels: &str) {
    ws.write_number(r, 0, id).unwrap();
    ws.write_string(r, 2, name).unwrap();
    ws.write_string(r, 3, "申请条件、申请材料").unwrap();
    ws.write_string(r, 4, "《城镇燃气管理条例》（国务院令第583号）")
        .unwrap();
    if !time.is_empty() {
        ws.write_string(r, 5, time).unwrap();
    }
    ws.write_string(r, 6, "武陟县城市管理局").unwrap();
    ws.write_string(r, 7, channels).unwrap();
    ws.write_string(r, 8, "√").unwrap();
    ws.write_string(r, 10, "√").unwrap();
    ws.write_string(r, 12, "√").unwrap();
}

const TABLE: &str = "市政服务";

/// Sheets 填表说明 (numbers, a boolean, a formula, a string that looks like one), 市政服务
/// (the catalogue: an empty 公开时限 in F6, 主动 without 政府网站 in H7, an impossible 编制日期
/// on the title line A2, a real date in 备注) and a hidden 旧版.
fn workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let f = Format::new();
    {
        let ws = wb.add_worksheet().set_name("填表说明").unwrap();
        ws.write_string(0, 0, "本表由各单位填写").unwrap();
        ws.write_number(1, 1, 3.5).unwrap();
        ws.write_boolean(2, 2, true).unwrap();
        ws.write_string(3, 0, "=1+1").unwrap();
        ws.write_formula(3, 1, Formula::new("=B2*2").set_result("7"))
            .unwrap();
    }
    {
        let ws = wb.add_worksheet().set_name(TABLE).unwrap();
        ws.merge_range(
            0,
            0,
            0,
            14,
            "武陟县城市管理局市政服务领域基层政务公开标准目录",
            &f,
        )
        .unwrap();
        ws.write_string(1, 0, "编制日期：2024年2月30日").unwrap();
        header(ws, 2);
        ws.merge_range(4, 1, 6, 1, "城镇燃气管理", &f).unwrap();
        item(
            ws,
            4,
            1.0,
            "燃气经营许可证核发",
            "自信息形成或者变更之日起20个工作日内",
            "■政府网站\n■政务服务中心",
        );
        let date = Format::new().set_num_format("yyyy-mm-dd");
        ws.write_datetime_with_format(4, 14, ExcelDateTime::from_ymd(2024, 3, 1).unwrap(), &date)
            .unwrap();
        item(ws, 5, 2.0, "燃气设施改动审批", "", "■政府网站");
        item(
            ws,
            6,
            3.0,
            "瓶装燃气供应许可",
            "20个工作日内",
            "□政府网站\n■政务服务中心",
        );
        ws.write_string(7, 1, "城市供水").unwrap();
        item(ws, 7, 4.0, "停水通知", "提前24小时", "■政府网站");
        ws.set_column_width(2, 30).unwrap();
        ws.set_column_width(7, 24).unwrap();
    }
    {
        let ws = wb.add_worksheet().set_name("旧版").unwrap();
        ws.write_string(0, 0, "旧目录").unwrap();
        ws.set_hidden(true);
    }
    wb.save_to_buffer().unwrap()
}

fn issue<'a>(a: &'a Annotated, code: &str, path: &str) -> &'a Issue {
    a.report
        .issues
        .iter()
        .find(|i| i.code == code && i.path == path)
        .unwrap_or_else(|| panic!("no {code} in {:#?}", a.report.issues))
}

fn at(i: &Issue) -> (Option<&str>, u32, Option<&str>) {
    let l = i.location.as_ref().unwrap_or_else(|| panic!("{i:#?}"));
    (l.sheet.as_deref(), l.row, l.column.as_deref())
}

/// Each sheet's values of `a` equal those of `b` (by name, for the sheets of `a`).
fn same_values(input: &[u8], output: &[u8]) {
    let inp = values(input);
    let out = values(output);
    for (name, cells) in &inp {
        let (_, got) = out
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("sheet {name} missing"));
        assert_eq!(got, cells, "values of {name}");
    }
}

fn xml_cols(out: &Out, sheet: &str) -> Vec<(String, String, String)> {
    elements(out.sheet_xml(sheet), "col")
        .into_iter()
        .map(|a| (a["min"].clone(), a["max"].clone(), a["width"].clone()))
        .collect()
}

#[test]
fn xlsx_with_known_problems_is_annotated_on_the_right_cells() {
    let input = workbook();
    let v = Validator::default();
    let a = annotate(&input, Some("目录.xlsx"), &v).unwrap();
    // The report is validation's own.
    assert_eq!(
        a.report,
        v.validate_bytes(&input, Some("目录.xlsx")).unwrap()
    );
    assert!(!a.report.valid);
    assert_eq!(a.sheets, ["填表说明", TABLE, "旧版"]);
    assert_eq!(a.issues_sheet, "问题清单");

    // The known problems, where the importer says they are.
    let empty = issue(&a, "schema.empty", "/items/1/time_limit/text");
    assert_eq!(at(empty), (Some(TABLE), 6, Some("F")));
    let web = issue(&a, "channels.website_required", "/items/2/channels");
    assert_eq!(at(web), (Some(TABLE), 7, Some("H")));
    let date = issue(&a, "schema.invalid_date", "/issued");
    assert_eq!(date.path, "/issued");
    // The title line `编制日期：2024年2月30日` is where the date came from.
    assert_eq!(at(date), (Some(TABLE), 2, Some("A")));

    check_annotations(&a, TABLE, None, Lang::Zh);

    // The same, spelt out for these cells.
    let out = Out::new(&a.workbook);
    let notes = out.notes(TABLE);
    assert!(notes["F6"].contains("schema.empty") && notes["F6"].contains("【错误】"));
    assert!(notes["H7"].contains("channels.website_required"));
    assert!(notes["A2"].contains("schema.invalid_date"));
    // An issue without a cell of its own lands on A1 of the table's sheet.
    let unplaced = a
        .report
        .issues
        .iter()
        .find(|i| i.location.is_none())
        .expect("an issue without a cell");
    assert!(notes["A1"].contains(unplaced.code.as_str()), "{unplaced:?}");
    assert!(notes["A1"].contains("此问题没有对应的单元格"));
    assert_eq!(out.fill(TABLE, "F6").as_deref(), Some("FFFFC7CE"));
    assert_eq!(out.fill(TABLE, "H7").as_deref(), Some("FFFFC7CE"));
    // Cells without issues are not filled.
    assert_eq!(out.fill(TABLE, "C5"), None);
    assert_eq!(out.fill(TABLE, "G6"), None);
    // Row-level issues of other sheets go to the first cell of their row.
    assert!(out.notes("填表说明")["A1"].contains("import.table_skipped"));
    assert!(out.notes("旧版")["A1"].contains("import.sheet_hidden"));

    // The user's values, cell by cell, merges, widths, hidden sheet.
    same_values(&input, &a.workbook);
    let (mi, mo) = (merges(&input), merges(&a.workbook));
    for s in &a.sheets {
        assert_eq!(mi.get(s), mo.get(s), "merges of {s}");
    }
    assert!(mo[TABLE].contains(&(4, 1, 6, 1)));
    let inp = Out::new(&input);
    assert_eq!(xml_cols(&out, TABLE), xml_cols(&inp, TABLE));
    assert_eq!(xml_cols(&out, TABLE).len(), 2);
    let hidden: Vec<Attrs> = elements(&out.parts["xl/workbook.xml"], "sheet");
    assert_eq!(
        hidden
            .iter()
            .map(|a| (a["name"].as_str(), a.get("state").map(String::as_str)))
            .collect::<Vec<_>>(),
        [
            ("填表说明", None),
            (TABLE, None),
            ("旧版", Some("hidden")),
            ("问题清单", None)
        ]
    );
    // Types as read: a number, a boolean, a date, text that looks like a formula; the formula
    // is its value.
    let vals = values(&a.workbook);
    let intro = &vals[0].1;
    assert_eq!(intro[&(1, 1)], Data::Float(3.5));
    assert_eq!(intro[&(2, 2)], Data::Bool(true));
    assert_eq!(intro[&(3, 0)], Data::String("=1+1".into()));
    assert!(intro.contains_key(&(3, 1)));
    let table = &vals[1].1;
    assert!(matches!(&table[&(4, 14)], Data::DateTime(d) if d.as_f64() == 45352.0));
    assert_eq!(table[&(4, 0)], Data::Float(1.0));
    assert!(
        a.notes.iter().any(|n| n.contains("1 个公式单元格")),
        "{:?}",
        a.notes
    );
}

/// The sheet Excel gives a CSV: its file name without the extension, cut to 31 characters.
fn stem(p: &Path) -> String {
    p.file_stem()
        .unwrap()
        .to_str()
        .unwrap()
        .chars()
        .take(31)
        .collect()
}

fn corpus(ext: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    v.sort();
    assert!(v.len() >= 10, "corpus not found");
    v
}

/// The CSV's fields, as the `csv` crate reads them: (row, column) → text, non-empty only.
fn csv_cells(bytes: &[u8]) -> BTreeMap<(u32, u32), String> {
    let text = std::str::from_utf8(bytes).unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The comparison below counts records as rows: true when no line is blank.
    assert!(
        !text.contains("\r\n\r\n") && !text.starts_with(['\r', '\n']),
        "a corpus CSV with blank lines needs row numbers from elsewhere"
    );
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = BTreeMap::new();
    for (r, rec) in rdr.records().enumerate() {
        for (c, f) in rec.unwrap().iter().enumerate() {
            if !f.is_empty() {
                out.insert((r as u32, c as u32), f.to_owned());
            }
        }
    }
    out
}

#[test]
fn corpus_csv_tables_are_annotated_with_their_values_unchanged() {
    let v = Validator::default();
    let mut total = 0;
    for path in corpus("csv") {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        let a = annotate(&bytes, Some(name), &v).unwrap();
        assert_eq!(
            a.report,
            v.validate_bytes(&bytes, Some(name)).unwrap(),
            "{name}"
        );
        let sheet = stem(&path);
        assert_eq!(a.sheets, std::slice::from_ref(&sheet), "{name}");
        check_annotations(&a, &sheet, Some(&sheet), Lang::Zh);
        let vals = values(&a.workbook);
        let got: BTreeMap<(u32, u32), String> = vals[0]
            .1
            .iter()
            .map(|(k, d)| match d {
                Data::String(s) => (*k, s.clone()),
                other => panic!("{name}: {k:?} is {other:?}, not a string"),
            })
            .collect();
        assert_eq!(got, csv_cells(&bytes), "{name}");
        assert!(a.notes.is_empty(), "{name}: {:?}", a.notes);
        total += a.report.issues.len();
    }
    assert!(total > 0);
}

/// Text with all white space removed (HTML shows white space differently from a CSV cell).
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn corpus_html_tables_are_annotated_and_hold_the_same_grid_as_the_csv() {
    let v = Validator::default();
    for path in corpus("html") {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        let a = annotate(&bytes, Some(name), &v).unwrap();
        assert_eq!(
            a.report,
            v.validate_bytes(&bytes, Some(name)).unwrap(),
            "{name}"
        );
        assert!(
            a.sheets.iter().all(|s| s.starts_with('表')),
            "{:?}",
            a.sheets
        );
        let imported = gongkai::import::import_bytes(
            &bytes,
            gongkai::import::Format::Html,
            &ImportOptions::default(),
        )
        .unwrap();
        let main = imported.tables[0].sheet.clone().unwrap();
        check_annotations(&a, &main, None, Lang::Zh);
        // The same grid as the corpus CSV (the same table, merged cells empty but the first).
        let csv = std::fs::read(path.with_extension("csv")).unwrap();
        let want: BTreeMap<(u32, u32), String> = csv_cells(&csv)
            .into_iter()
            .map(|(k, s)| (k, squeeze(&s)))
            .filter(|(_, s)| !s.is_empty())
            .collect();
        let vals = values(&a.workbook);
        let got: BTreeMap<(u32, u32), String> = vals
            .iter()
            .find(|(n, _)| *n == main)
            .unwrap()
            .1
            .iter()
            .map(|(k, d)| (*k, squeeze(&d.to_string())))
            .filter(|(_, s)| !s.is_empty())
            .collect();
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn html_spans_become_merged_ranges_on_sheets_named_like_the_locations() {
    let html = "<html><body>
<table><tr><td>说明</td><td>无关表格</td></tr></table>
<table>
<tr><th rowspan=2>序号</th><th colspan=2>公开事项</th><th rowspan=2>公开内容</th><th rowspan=2>公开依据</th>
<th rowspan=2>公开时限</th><th rowspan=2>公开主体</th><th rowspan=2>公开渠道</th><th colspan=2>公开对象</th>
<th colspan=2>公开方式</th><th colspan=2>公开层级</th></tr>
<tr><th>一级事项</th><th>二级事项</th><th>全社会</th><th>特定群体</th><th>主动</th><th>依申请</th><th>县级</th><th>乡级</th></tr>
<tr><td>1</td><td rowspan=2>城镇燃气管理</td><td>燃气经营许可证核发</td><td>申请条件</td><td>《城镇燃气管理条例》</td>
<td>自信息形成或者变更之日起20个工作日内</td><td>武陟县城市管理局</td><td>■政府网站</td><td>√</td><td></td><td>√</td><td></td><td>√</td><td></td></tr>
<tr><td>2</td><td>燃气设施改动审批</td><td>申请条件</td><td>《城镇燃气管理条例》</td>
<td></td><td>武陟县城市管理局</td><td>■政务服务中心</td><td>√</td><td></td><td>√</td><td></td><td>√</td><td></td></tr>
</table></body></html>";
    let v = Validator::default();
    let a = annotate(html.as_bytes(), Some("page.html"), &v).unwrap();
    assert_eq!(a.sheets, ["表1", "表2"]);
    let m = merges(&a.workbook);
    let t2 = &m["表2"];
    for want in [
        (0, 0, 1, 0),   // 序号 rowspan=2
        (0, 1, 0, 2),   // 公开事项 colspan=2
        (0, 3, 1, 3),   // 公开内容
        (2, 1, 3, 1),   // 一级事项 over both items
        (0, 12, 0, 13), // 公开层级
    ] {
        assert!(t2.contains(&want), "{want:?} not in {t2:?}");
    }
    assert!(!m.contains_key("表1"));
    let vals = values(&a.workbook);
    assert_eq!(vals[0].1[&(0, 1)], Data::String("无关表格".into()));
    let t = &vals[1].1;
    assert_eq!(t[&(2, 1)], Data::String("城镇燃气管理".into()));
    assert!(!t.contains_key(&(3, 1)));
    assert_eq!(t[&(3, 2)], Data::String("燃气设施改动审批".into()));
    assert_eq!(t[&(2, 0)], Data::String("1".into()));
    // The empty 公开时限 of item 2 and 主动 without 政府网站.
    assert_eq!(
        at(issue(&a, "schema.empty", "/items/1/time_limit/text")),
        (Some("表2"), 4, Some("F"))
    );
    assert_eq!(
        at(issue(&a, "channels.website_required", "/items/1/channels")),
        (Some("表2"), 4, Some("H"))
    );
    check_annotations(&a, "表2", None, Lang::Zh);
    let out = Out::new(&a.workbook);
    assert!(out.notes("表2")["F4"].contains("schema.empty"));
    assert_eq!(out.fill("表2", "F4").as_deref(), Some("FFFFC7CE"));
}

#[test]
fn an_annotated_workbook_can_be_annotated_again() {
    let input = workbook();
    let v = Validator::default();
    let first = annotate(&input, Some("目录.xlsx"), &v).unwrap();
    let second = annotate(&first.workbook, Some("目录-标注.xlsx"), &v).unwrap();
    // The old issues sheet is replaced, not copied and not reported as a table.
    assert_eq!(second.sheets, first.sheets);
    assert_eq!(second.issues_sheet, "问题清单");
    assert_eq!(second.report, first.report);
    assert!(
        !second
            .report
            .issues
            .iter()
            .any(|i| i.location.as_ref().and_then(|l| l.sheet.as_deref()) == Some("问题清单"))
    );
    // What validation says of the annotated file, less that one note.
    let direct = v.validate_bytes(&first.workbook, Some("x.xlsx")).unwrap();
    assert_eq!(direct.issues.len(), first.report.issues.len() + 1);
    assert_eq!(direct.counts.info, first.report.counts.info + 1);
    check_annotations(&second, TABLE, None, Lang::Zh);
    same_values(&input, &second.workbook);
}

#[test]
fn a_sheet_of_the_user_named_like_the_issues_sheet_is_kept() {
    let mut wb = Workbook::new();
    wb.add_worksheet()
        .set_name("问题清单")
        .unwrap()
        .write_string(0, 0, "我们自己的问题记录")
        .unwrap();
    let ws = wb.add_worksheet().set_name(TABLE).unwrap();
    header(ws, 0);
    item(
        ws,
        2,
        1.0,
        "燃气经营许可证核发",
        "20个工作日内",
        "■政务服务中心",
    );
    let input = wb.save_to_buffer().unwrap();
    let a = annotate(&input, Some("t.xlsx"), &Validator::default()).unwrap();
    assert_eq!(a.sheets, ["问题清单", TABLE]);
    assert_eq!(a.issues_sheet, "问题清单2");
    same_values(&input, &a.workbook);
    check_annotations(&a, TABLE, None, Lang::Zh);
}

#[test]
fn english_messages_give_an_english_issues_sheet() {
    let v = Validator::new(Options::default().lang(Lang::En));
    let input = workbook();
    let a = annotate(&input, Some("目录.xlsx"), &v).unwrap();
    assert_eq!(a.issues_sheet, "Issues");
    check_annotations(&a, TABLE, None, Lang::En);
    let notes = Out::new(&a.workbook).notes(TABLE);
    assert!(
        notes["H7"].starts_with("【Error】channels.website_required"),
        "{}",
        notes["H7"]
    );
    assert!(
        a.notes.iter().any(|n| n.contains("formula")),
        "{:?}",
        a.notes
    );
}

#[test]
fn the_cell_limit_leaves_cells_out_with_a_note() {
    let input = workbook();
    let a = annotate_with(
        &input,
        Some("目录.xlsx"),
        &Validator::default(),
        &AnnotateOptions::default().max_cells(10),
    )
    .unwrap();
    assert!(a.notes.iter().any(|n| n.contains("10 个")), "{:?}", a.notes);
    let copied: usize = values(&a.workbook)
        .iter()
        .filter(|(n, _)| *n != a.issues_sheet)
        .map(|(_, c)| c.len())
        .sum();
    assert_eq!(copied, 10);
    // Every issue is still in the list and has a note.
    check_annotations(&a, TABLE, None, Lang::Zh);
}

#[test]
fn bad_input_is_a_clear_error() {
    let v = Validator::default();
    let cases: [(&[u8], Option<&str>, &str, &str); 7] = [
        (b"", Some("目录.xlsx"), "import", "为空"),
        (b"", None, "import", "为空"),
        (
            b"PK\x03\x04 this is not a zip",
            Some("目录.xlsx"),
            "import",
            "损坏",
        ),
        (b"\x00\x01\x02 binary", Some("目录.xlsx"), "import", "损坏"),
        (
            br#"{"title": "x"}"#,
            Some("目录.json"),
            "invalid_argument",
            "JSON",
        ),
        (
            b"<html><body><p>no table</p></body></html>",
            Some("p.html"),
            "import",
            "没有表格",
        ),
        (b"\xD0\xCF\x11\xE0 old", Some("目录.xls"), "import", "XLS"),
    ];
    for (bytes, name, code, text) in cases {
        let e = annotate(bytes, name, &v).unwrap_err();
        assert_eq!(e.code(), code, "{name:?}: {e}");
        assert!(e.to_string().contains(text), "{name:?}: {e}");
    }
    // A truncated workbook.
    let w = workbook();
    let e = annotate(&w[..w.len() / 2], Some("目录.xlsx"), &v).unwrap_err();
    assert_eq!(e.code(), "import", "{e}");
    // A CSV without a catalogue header.
    let e = annotate("a,b\n1,2\n".as_bytes(), Some("x.csv"), &v).unwrap_err();
    assert_eq!(e.code(), "import", "{e}");
}

/// A legacy .xls workbook (tests/tables/municipal.xls) is annotated as a copy of its values and
/// merged cells, with the same locations as the report.
#[test]
fn xls_workbooks_are_annotated_as_a_copy_of_their_values() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/tables/municipal.xls");
    let bytes = std::fs::read(path).unwrap();
    let out = annotate(&bytes, Some("municipal.xls"), &Validator::default()).unwrap();
    assert!(out.report.issues.iter().any(|i| i.location.is_some()));
    let mut x: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(out.workbook.clone())).unwrap();
    let r = calamine::Reader::worksheet_range(&mut x, "标准目录").unwrap();
    // The title row and item 2's name at C5, as in the original.
    assert_eq!(
        r.get_value((0, 0)).map(ToString::to_string).as_deref(),
        Some("武陟县城市管理局市政服务领域基层政务公开标准目录")
    );
    assert_eq!(
        r.get_value((4, 2)).map(ToString::to_string).as_deref(),
        Some("燃气经营者改动市政燃气设施审批")
    );
}
