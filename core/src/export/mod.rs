//! Exporters: the canonical catalogue as CSV, XLSX, Markdown and HTML.
//!
//! Every function takes a [`Catalogue`] and returns bytes or a string; none touches a file.
//! CSV and XLSX use the **standard two-row layout** of the published templates, so that the
//! importer reads them back: JSON → CSV → JSON and JSON → XLSX → JSON are the identity on every
//! catalogue for which [`table_losses`] is empty. The conventions below are the contract between
//! these exporters and [`crate::import`].
//!
//! ```
//! use gongkai::export::{self, CsvOptions, HtmlOptions};
//! # let json = r#"{"schema_version":"1.0","title":"武陟县城市管理局市政服务领域基层政务公开标准目录",
//! # "domain":"municipal_services","publisher":"武陟县城市管理局","level":"county","issued":"2024-03-01",
//! # "items":[{"id":"1","category":"城镇燃气管理","name":"燃气经营许可证核发","content":["申请条件","申请材料"],
//! # "basis":[{"title":"城镇燃气管理条例","doc_no":"国务院令第583号"}],
//! # "time_limit":{"kind":"working_days","days":20,"from":"formed_or_changed"},"subject":"武陟县城市管理局",
//! # "channels":["gov_website"],"audience":["public"],"method":["proactive"],"levels":["county"]}]}"#;
//! let cat = gongkai::Catalogue::from_json(json.as_bytes())?;
//! let csv = String::from_utf8(export::to_csv(&cat, &CsvOptions::default())).unwrap();
//! assert!(csv.starts_with('\u{feff}'));
//! assert!(csv.contains("\r\n序号,公开事项,,公开内容（要素）,公开依据,"));
//! assert!(csv.contains("1,城镇燃气管理,燃气经营许可证核发,申请条件、申请材料,《城镇燃气管理条例》(国务院令第583号),自信息形成或者变更之日起20个工作日内,"));
//! let html = export::to_html(&cat, &HtmlOptions::default());
//! assert!(html.starts_with("<!doctype html>"));
//! # #[cfg(feature = "xlsx")]
//! let xlsx: Vec<u8> = export::to_xlsx(&cat, &export::XlsxOptions::default())?;
//! # Ok::<(), gongkai::Error>(())
//! ```
//!
//! # The table (CSV, XLSX)
//!
//! Two header rows. A header with sub-columns has its text in the first row over (XLSX:
//! merged across) its sub-columns, whose texts are in the second row; any other header spans
//! both rows (CSV: text in the first row, empty cell below). Columns, in this order:
//!
//! | first row | second row | value |
//! |---|---|---|
//! | 序号 | | `id` |
//! | 公开事项 | 一级事项 | `category`: XLSX merges it over consecutive items with the same value (read it carried down); CSV repeats it on every row |
//! | | 二级事项 | `name` |
//! | | 三级事项 | `subitem`: the column exists only when some item has one |
//! | 公开内容（要素） | | `content`: elements joined with `、`; or, when an element contains `、` `；` `;` or a line break or starts with a digit, `①`…`⑳` or a bracket, the numbered form `1. a` LF `2. b` (every line `N. ` with N = 1, 2, … in order; the rest of each line is one element, not split further) |
//! | 公开依据 | | `basis`: one citation per line (LF); each its original `text` when present, else the canonical wording `【kind】《title》(doc_no)articles` ([`cells::citation_canonical`]) |
//! | 公开时限 | | `time_limit`: its original `text` when present, else the canonical wording ([`cells::time_limit_canonical`]: `自信息形成或者变更之日起20个工作日内`, `自收到申请之日起20个工作日内`, `20个工作日内`, `7日内`, `提前24小时`, `每年1月31日前`, `当场`, `实时公开`, `及时公开`, `长期公开`, …) |
//! | 公开主体 | | `subject` |
//! | 公开渠道和载体 | | `channels` + `other_channels`: 13+ lines (LF): the 12 standard channels in template order, `■name` when chosen and `□name` when not (`■政府网站`, `□政府公报`, `□两微一端`, `□发布会/听证会`, `□广播电视`, `□纸质媒体`, `□公开查阅点`, `□政务服务中心`, `□便民服务站`, `□入户/现场`, `□社区/企事业单位/村公示栏（电子屏）`, `□精准推送`), then `■其他：X` for each other channel X, or `□其他` when there is none |
//! | 公开对象 | 全社会, 特定群体 | `audience`: `√` in the chosen sub-columns, empty otherwise |
//! | 公开方式 | 主动, 依申请 | `method`: `√` / empty |
//! | 公开层级 | 市级, 县级, 乡级, 村级 | `levels`: `√` / empty; all four sub-columns by default ([`LevelColumns::All`]), or only those some item ticks ([`LevelColumns::Used`]) |
//! | 备注 | | `notes` |
//! | 特定群体说明 | | `audience_note`: the column exists only when some item has one |
//! | *key* | | an item key outside the model (a county's own column), one column per key in order of first appearance: the string as is; when any value of the key is not a non-empty string, the header is *key*`（JSON）` and each cell is the value as compact JSON |
//!
//! An empty cell is an absent value. Every cell is text: XLSX cells are written as strings
//! (never numbers, dates or formulas), so 序号 `01` stays `01`.
//!
//! ## Formula guard (CSV and XLSX, every cell, header cells included)
//!
//! A cell whose text matches `^'*[=+\-@\t\r]` (it starts with `=`, `+`, `-`, `@`, TAB or CR,
//! possibly after apostrophes) is written with one more apostrophe `'` in front: `=1+1` →
//! `'=1+1`, `'=1` → `''=1`. The importer reverses it exactly: when a cell matches
//! `^'+[=+\-@\t\r]`, remove exactly one leading apostrophe, before any other processing
//! ([`cells::strip_formula_guard`]). No other cell is changed, so `'abc` stays `'abc`.
//!
//! ## Free text: when `text` is kept
//!
//! The importer parses the 公开时限 and 公开依据 cells into structure and keeps the wording in
//! `text`, **except** when the wording is exactly the canonical wording of what it parsed
//! ([`cells::drop_canonical_time_limit_text`], [`cells::drop_canonical_citation_text`]; never
//! for `unparsed`). So a limit or citation written without `text` comes back without it, and
//! one with `text` comes back with the same `text`.
//!
//! ## CSV
//!
//! UTF-8 with a BOM (Excel opens it as UTF-8), CRLF between records, LF inside cells,
//! RFC 4180 quoting, every record padded to the same number of fields. Lines, from the top:
//!
//! 1. the **metadata block** (unless [`CsvOptions::metadata`] is off): one record per value,
//!    label in the first field and value in the second, labels from [`layout::meta`] in this
//!    order: 目录名称, 领域 (the Chinese name of a known code, e.g. 市政服务, else the code),
//!    编制单位, 目录层级 (市级/县级/乡级/村级), 省, 市, 县, 乡镇, 行政区划代码 (the `region`
//!    rows only when there is a region), 编制日期, 更新日期, 上级标准目录, 上级目录文号,
//!    上级目录发文机关, 标准版本, then one record per catalogue key outside the model (label =
//!    key, or key`（JSON）` with a compact JSON value, as for item columns); absent optional
//!    values have no record;
//! 2. one empty record (all fields empty);
//! 3. the two header rows, then one record per item.
//!
//! Without the metadata block the header is on line 1.
//!
//! ## XLSX
//!
//! Sheet **标准目录**: row 1 is the title row (unless [`XlsxOptions::title_row`] is off): the
//! catalogue title alone, merged across the table's width, bold 16 pt; the header is on rows
//! 2–3 (1–2 without the title row) and items follow. The header rows are frozen and repeated on
//! every printed page; landscape A4, fitted to one page wide; wrapped text; column widths set.
//! Sheet **目录信息** (unless [`XlsxOptions::metadata_sheet`] is off): the metadata block, the
//! same rows as in the CSV, from row 1, label in column A and value in column B. An importer
//! reads 目录信息 as metadata (not as a table) and skips the title row (a row above the header
//! whose only non-empty cell is the first one).
//!
//! # Markdown and HTML
//!
//! For reading and publishing, not for re-import: see [`to_markdown`] and [`to_html`].

pub use crate::layout::cells;
mod csv;
pub(crate) mod html;
pub mod layout;
mod losses;
mod markdown;
pub use crate::mask;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use self::csv::{CsvOptions, to_csv};
pub use html::{HtmlOptions, escape as escape_html, to_html};
pub use layout::LevelColumns;
pub use losses::{Loss, table_losses};
pub use markdown::{escape as escape_markdown, to_markdown};
#[cfg(feature = "xlsx")]
pub use xlsx::{MAX_CELL_CHARS, XlsxOptions, to_xlsx};

use crate::model::{Catalogue, domain_by_code};

/// The metadata people read above a published table: `(label, value)`.
pub(crate) fn display_metadata(cat: &Catalogue<'_>) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("编制单位", cat.publisher.to_string()),
        (
            "领域",
            domain_by_code(&cat.domain).map_or_else(|| cat.domain.to_string(), |d| d.zh.into()),
        ),
        ("目录层级", cat.level.zh().to_owned()),
    ];
    if let Some(r) = &cat.region {
        let mut s = format!("{}{}{}", r.province, r.city, r.county);
        if let Some(t) = &r.township {
            s.push_str(t);
        }
        if let Some(c) = &r.code {
            s.push_str(&format!("（{c}）"));
        }
        out.push(("行政区划", s));
    }
    out.push(("编制日期", cat.issued.to_string()));
    if let Some(u) = &cat.updated {
        out.push(("更新日期", u.to_string()));
    }
    if let Some(b) = &cat.based_on {
        let mut s = String::new();
        if let Some(i) = &b.issuer {
            s.push_str(i);
        }
        s.push_str(&format!("《{}》", b.title));
        if let Some(d) = &b.doc_no {
            s.push_str(&format!("（{d}）"));
        }
        out.push(("上级标准目录", s));
    }
    out
}
