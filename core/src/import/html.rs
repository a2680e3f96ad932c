//! HTML: every `<table>` of a page as a grid, with `rowspan`/`colspan` expanded (the covered
//! positions point to their origin cell). Text of nested tables is not part of the outer
//! table's cells; `<br>` and block elements are line breaks; other white space collapses as a
//! browser shows it. Traversals are iterative (deeply nested input cannot overflow the stack).

use super::dom::{self, Dom, Kind, Node, TableSink};
use super::grid::{Cell, Grid, Row};
use super::{Budget, ImportOptions};
use crate::Error;
use std::borrow::Cow;

/// Decodes a page: BOM, else the `<meta charset>` declaration, else UTF-8, else GB18030.
pub(crate) fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static str), Error> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        return Ok((enc.decode_without_bom_handling(rest).0, enc.name()));
    }
    let head = &bytes[..bytes.len().min(4096)];
    let head_lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    if let Some(p) = find(&head_lower, b"charset") {
        let rest = &head_lower[p + 7..];
        let rest = rest
            .iter()
            .position(|&b| b != b' ' && b != b'=' && b != b'"' && b != b'\'')
            .map_or(&rest[..0], |s| &rest[s..]);
        let end = rest
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
            .unwrap_or(rest.len());
        if let Some(enc) = declared(&rest[..end]) {
            let (text, _, _) = enc.decode(bytes);
            return Ok((text, enc.name()));
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((Cow::Borrowed(s), "UTF-8"));
    }
    match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(s) => Ok((s, "GB18030")),
        None => Err(Error::Import {
            format: "HTML".into(),
            message: "页面既不是 UTF-8 也不是 GB18030/GBK 编码，且没有声明 charset；请用浏览器另存为 UTF-8 网页"
                .into(),
            location: None,
        }),
    }
}

/// The encodings Chinese portals declare (the WHATWG labels of UTF-8, GBK/GB2312/GB18030 and
/// UTF-16). Any other label is not trusted: the content decides (UTF-8, else GB18030). Only these
/// encoders are linked in, which keeps the WebAssembly build small.
fn declared(label: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    match label {
        b"utf-8" | b"utf8" | b"unicode-1-1-utf-8" => Some(encoding_rs::UTF_8),
        b"gbk" | b"gb2312" | b"gb18030" | b"x-gbk" | b"cp936" | b"windows-936" | b"chinese"
        | b"csgb2312" | b"gb_2312" | b"gb_2312-80" | b"iso-ir-58" | b"csiso58gb231280" => {
            Some(encoding_rs::GB18030)
        }
        b"utf-16" | b"utf-16le" => Some(encoding_rs::UTF_16LE),
        b"utf-16be" => Some(encoding_rs::UTF_16BE),
        _ => None,
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "section"
            | "article"
            | "blockquote"
            | "pre"
            | "dd"
            | "dt"
    )
}

/// The text of an element as a browser shows it, without nested tables.
fn element_text(nodes: &[Node], el: usize) -> String {
    let mut out = String::new();
    let mut stack = Vec::new();
    for &child in nodes[el].children.iter().rev() {
        stack.push((child, false));
    }
    while let Some((id, closing)) = stack.pop() {
        if closing {
            out.push('\n');
            continue;
        }
        let node = &nodes[id];
        match &node.kind {
            Kind::Text(t) => {
                for c in t.chars() {
                    if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{000C}') {
                        if !out.ends_with([' ', '\n']) && !out.is_empty() {
                            out.push(' ');
                        }
                    } else {
                        out.push(c);
                    }
                }
            }
            Kind::Element => {
                let name = node.name();
                if matches!(name, "table" | "script" | "style" | "template") {
                    continue;
                }
                if name == "br" {
                    trim_trailing_space(&mut out);
                    out.push('\n');
                    continue;
                }
                let block = is_block(name);
                if block {
                    trim_trailing_space(&mut out);
                    if !out.is_empty() && !out.ends_with('\n') {
                        out.push('\n');
                    }
                    stack.push((id, true));
                }
                for &child in node.children.iter().rev() {
                    stack.push((child, false));
                }
            }
            _ => {}
        }
    }
    // Trim spaces around line breaks and at the ends.
    let lines: Vec<&str> = out.split('\n').map(str::trim).collect();
    let mut s = lines.join("\n");
    while s.contains("\n\n\n") {
        s = s.replace("\n\n\n", "\n\n");
    }
    s.trim().to_owned()
}

fn trim_trailing_space(s: &mut String) {
    while s.ends_with(' ') {
        s.pop();
    }
}

fn span(nodes: &[Node], el: usize, attr: &str) -> Option<usize> {
    nodes[el]
        .attr(attr)
        .and_then(|v| v.trim().trim_end_matches(';').parse::<usize>().ok())
}

/// The deepest element nesting of a page, estimated by a linear scan of its tags (void
/// elements, elements whose end tag may be omitted, comments, scripts and styles do not nest).
/// The HTML tree builder does work proportional to the nesting depth for each start tag, so a
/// page nested thousands of levels deep would take quadratic time: such pages are refused.
fn nesting_depth(text: &str) -> usize {
    const FLAT: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "td", "th", "tr", "option", "dt", "dd", "tbody",
        "thead", "tfoot", "colgroup", "rt", "rp", "optgroup", "caption",
    ];
    let b = text.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if b[i..].starts_with(b"<!--") {
            i = find(&b[i..], b"-->").map_or(b.len(), |k| i + k + 3);
            continue;
        }
        let closing = b.get(i + 1) == Some(&b'/');
        let start = i + 1 + usize::from(closing);
        let mut j = start;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
            j += 1;
        }
        if j == start {
            i += 1;
            continue;
        }
        let name = text[start..j].to_ascii_lowercase();
        let end = b[j..]
            .iter()
            .position(|&c| c == b'>')
            .map_or(b.len(), |k| j + k);
        let self_closing = end > 0 && b.get(end - 1) == Some(&b'/');
        if !FLAT.contains(&name.as_str()) && !self_closing {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                max = max.max(depth);
            }
        }
        i = end + 1;
        if !closing && (name == "script" || name == "style") {
            // Skip to the end tag (any case), scanning forward only: copying the rest of the
            // page for each script made a page of many scripts quadratic.
            let close = name.as_bytes();
            let mut k = i;
            i = loop {
                match b.get(k..).and_then(|rest| find(rest, b"</")) {
                    Some(p) => {
                        let at = k + p;
                        let tag = b.get(at + 2..at + 2 + close.len());
                        if tag.is_some_and(|t| t.eq_ignore_ascii_case(close)) {
                            break at;
                        }
                        k = at + 2;
                    }
                    None => break b.len(),
                }
            };
        }
    }
    max
}

/// Pages nested deeper than this are refused (real pages nest a few dozen levels).
const MAX_DEPTH: usize = 512;

/// Reads every `<table>` of the page (the page's `<title>` is returned too).
///
/// Each table is read into its grid as soon as the parser closes it and its nodes are freed
/// (so a page of many tables is never held whole as a tree); when that cannot be done exactly
/// as a whole parse would (see [`Dom::stream_tables`]), the page is parsed whole.
pub(crate) fn read(text: &str, budget: &mut Budget) -> Result<(Vec<Grid>, Option<String>), Error> {
    let depth = nesting_depth(text);
    if depth > MAX_DEPTH {
        return Err(Error::Import {
            format: "HTML".into(),
            message: format!(
                "页面的元素嵌套层数约为 {depth} 层，超过上限 {MAX_DEPTH} 层，无法安全读取；请把目录表格另存为 Excel/CSV，或只保存表格部分"
            ),
            location: None,
        });
    }
    let before = budget.clone();
    let mut tables = Tables::new(budget);
    let dom = match Dom::stream_tables(text, &mut tables) {
        Some(streamed) => streamed.dom,
        None => {
            *budget = before;
            tables = Tables::new(budget);
            let dom = Dom::parse(text);
            tables.tables(&dom.nodes, &dom.elements("table"));
            dom
        }
    };
    if let Some(e) = tables.error {
        return Err(e);
    }
    let page_title = dom
        .elements("title")
        .first()
        .map(|&t| element_text(&dom.nodes, t))
        .filter(|t| !t.is_empty());
    Ok((tables.grids, page_title))
}

/// Reads tables into grids, in document order.
struct Tables<'a> {
    budget: &'a mut Budget,
    grids: Vec<Grid>,
    /// Tables seen so far (the next is `表{seen + 1}`).
    seen: usize,
    /// Work spent expanding spans, bounded so that hostile spans cannot blow up.
    span_work: u64,
    error: Option<Error>,
}

impl<'a> Tables<'a> {
    fn new(budget: &'a mut Budget) -> Self {
        Tables {
            budget,
            grids: Vec::new(),
            seen: 0,
            span_work: 0,
            error: None,
        }
    }
}

impl TableSink for Tables<'_> {
    fn tables(&mut self, nodes: &[Node], tables: &[usize]) {
        for &table in tables {
            self.seen += 1;
            if self.error.is_some() {
                continue;
            }
            let name = format!("表{}", self.seen);
            if let Some(want) = &self.budget.sheet {
                if *want != name {
                    continue;
                }
            }
            match grid(nodes, table, name, self.budget, &mut self.span_work) {
                Ok(g) => self.grids.push(g),
                Err(e) => self.error = Some(e),
            }
        }
    }
}

/// One `<table>` as a grid.
fn grid(
    nodes: &[Node],
    table: usize,
    name: String,
    budget: &mut Budget,
    span_work: &mut u64,
) -> Result<Grid, Error> {
    let span_limit: u64 = 50_000_000;
    let mut caption = None;
    let mut trs: Vec<usize> = Vec::new();
    for child in dom::child_elements(nodes, table) {
        match nodes[child].name() {
            "tr" => trs.push(child),
            "thead" | "tbody" | "tfoot" => {
                trs.extend(dom::child_elements(nodes, child).filter(|&e| nodes[e].name() == "tr"))
            }
            "caption" => caption = Some(element_text(nodes, child)).filter(|t| !t.is_empty()),
            _ => {}
        }
    }
    let mut grid = Grid {
        sheet: Some(name.clone()),
        caption,
        rows: Vec::new(),
    };
    let mut taken: Vec<Vec<bool>> = Vec::new();
    let total = trs.len();
    let mut cut_reported = false;
    for (r, tr) in trs.iter().enumerate() {
        let number = u32::try_from(r + 1).unwrap_or(u32::MAX);
        if !budget.take_row(Some(&name), number) {
            break;
        }
        while grid.rows.len() <= r {
            let k = grid.rows.len();
            grid.rows.push(Row {
                number: u32::try_from(k + 1).unwrap_or(u32::MAX),
                cells: Vec::new(),
            });
            taken.push(Vec::new());
        }
        let mut c = 0usize;
        for td in
            dom::child_elements(nodes, *tr).filter(|&e| matches!(nodes[e].name(), "td" | "th"))
        {
            while taken[r].get(c).copied().unwrap_or(false) {
                c += 1;
            }
            if c >= budget.max_columns {
                if !cut_reported {
                    cut_reported = true;
                    budget.columns_cut(Some(&name), number);
                }
                break;
            }
            let colspan = span(nodes, td, "colspan").unwrap_or(1).clamp(1, 1000);
            let colspan = colspan.min(budget.max_columns - c);
            let rowspan = match span(nodes, td, "rowspan") {
                Some(0) => total - r,
                Some(n) => n.min(total - r).max(1),
                None => 1,
            };
            *span_work = span_work.saturating_add((rowspan * colspan) as u64);
            if *span_work > span_limit {
                return Err(Error::Import {
                    format: "HTML".into(),
                    message: format!(
                        "{name}的合并单元格（rowspan/colspan）范围过大，超出处理上限；请检查表格结构"
                    ),
                    location: None,
                });
            }
            let text = budget.cell(element_text(nodes, td), Some(&name), number, c);
            for dr in 0..rowspan {
                let rr = r + dr;
                while grid.rows.len() <= rr {
                    let k = grid.rows.len();
                    grid.rows.push(Row {
                        number: u32::try_from(k + 1).unwrap_or(u32::MAX),
                        cells: Vec::new(),
                    });
                    taken.push(Vec::new());
                }
                let row = &mut grid.rows[rr];
                if row.cells.len() < c + colspan {
                    row.cells.resize(c + colspan, Cell::default());
                    taken[rr].resize(c + colspan, false);
                }
                for dc in 0..colspan {
                    if taken[rr][c + dc] {
                        continue;
                    }
                    taken[rr][c + dc] = true;
                    if dr == 0 && dc == 0 {
                        row.cells[c].text = text.clone();
                    } else {
                        row.cells[c + dc].origin = Some((r, c));
                    }
                }
            }
            c += colspan;
        }
    }
    // Rows created by a rowspan past the last <tr> were clipped above; drop empty tail rows
    // beyond the table's own rows.
    grid.rows.truncate(total.max(1).min(grid.rows.len()));
    for row in &mut grid.rows {
        row.cells.shrink_to_fit();
    }
    Ok(grid)
}

/// The tables of a page read as the parser closes them (`None` when the page is left to the
/// whole parse), or from the whole parse: grids, error, title, findings.
type Read = (
    Vec<Grid>,
    Option<String>,
    Option<String>,
    Vec<crate::Finding>,
);

fn read_via(text: &str, stream: bool, options: &ImportOptions) -> Option<Read> {
    let mut budget = Budget::new(options);
    let mut tables = Tables::new(&mut budget);
    let dom = if stream {
        Dom::stream_tables(text, &mut tables)?.dom
    } else {
        let dom = Dom::parse(text);
        tables.tables(&dom.nodes, &dom.elements("table"));
        dom
    };
    let error = tables.error.map(|e| e.to_string());
    let grids = tables.grids;
    let title = dom
        .elements("title")
        .first()
        .map(|&t| element_text(&dom.nodes, t));
    Some((grids, error, title, budget.findings))
}

/// Whether reading the tables of `text` as the parser closes them gives exactly what the whole
/// parse gives (`Some(true)`), or the page is left to the whole parse (`None`): for the tests
/// and the fuzz target. Not a stable API.
#[doc(hidden)]
pub fn streaming_agrees(text: &str, options: &ImportOptions) -> Option<bool> {
    let streamed = read_via(text, true, options)?;
    Some(read_via(text, false, options) == Some(streamed))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// Whether reading tables as they close gives what the whole parse gives.
    fn same(text: &str, options: &ImportOptions) -> bool {
        let whole = read_via(text, false, options).unwrap();
        match read_via(text, true, options) {
            Some(streamed) => {
                assert_eq!(streamed, whole, "{text:?}");
                true
            }
            None => false,
        }
    }

    #[test]
    fn the_corpus_pages_read_as_they_close_give_what_the_whole_parse_gives() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "html") {
                let bytes = std::fs::read(&path).unwrap();
                let (text, _) = decode(&bytes).unwrap();
                for options in [
                    ImportOptions::default(),
                    ImportOptions::default().max_rows(7),
                    ImportOptions::default().sheet("表2"),
                ] {
                    assert!(same(&text, &options), "{path:?} was parsed whole");
                }
                n += 1;
            }
        }
        assert!(n >= 10);
    }

    #[test]
    fn tricky_pages_read_as_they_close_give_what_the_whole_parse_gives() {
        let o = ImportOptions::default();
        for page in [
            "<table><tr><td>a<td rowspan=2>b<br>c<tr><td><table><tr><td>x</table>y</table><table><caption>二</caption><tr><th colspan=3>z</table>",
            "<div>前<table>中<tr><td>格</td></tr></table>后</div><table><tr><td>2</table>",
            "<b><table><tr><td>x<b>y</table></b><table><tr><td>z</table>",
            "<a><div><table><tr><td>1</table></div><table><tr><td>2</table></a><p>3</a>",
            "<b><p><table><tr><td>1</table>x</b><table><tr><td>2</table>",
            "<table><form><tr><td>1</form></table><table><tr><td>2</table></form>",
            "<template><table><tr><td>t</table></template><table><tr><td>page</table>",
            "<table><tr><td><template><table><tr><td>t</table></template>x</table>",
            "<svg><table><tr><td>s</table></svg><table><tr><td>h</table>",
            "<table><tr><td><select><option>1<table><tr><td>n</table></select></table>",
            "<table><tr><td>1<table><tr><td>2<table><tr><td>3",
            "<table><div><table><tr><td>foster</table></div><tr><td>outer</table>",
            "<table><tr><td>1</table><frameset><frame></frameset>",
            "<title>页</title><table><tr><td>1</table>",
            "<table><tr><td><math><mi><table><tr><td>m</table></math></table>",
        ] {
            // Misnested tags, templates, foreign content and forms included, all are read as
            // they close.
            assert!(same(page, &o), "{page:?} was parsed whole");
        }
        // A title inside a table is left to the whole parse (which gives the page's title).
        let page = "<table><tr><td><title>t</title>1</table><table><tr><td>2</table>";
        assert!(!same(page, &o));
        let mut budget = Budget::new(&o);
        let (grids, title) = read(page, &mut budget).unwrap();
        assert_eq!((grids.len(), title.as_deref()), (2, Some("t")));
    }

    #[test]
    fn random_tag_soup_read_as_it_closes_gives_what_the_whole_parse_gives() {
        const TOKENS: &[&str] = &[
            "<table>",
            "</table>",
            "<tr>",
            "</tr>",
            "<td>",
            "</td>",
            "<th colspan=2>",
            "<tbody>",
            "<caption>",
            "</caption>",
            "<b>",
            "</b>",
            "<a>",
            "</a>",
            "<i>",
            "</i>",
            "<div>",
            "</div>",
            "<p>",
            "</p>",
            "<template>",
            "</template>",
            "<form>",
            "</form>",
            "<select>",
            "</select>",
            "<option>",
            "<svg>",
            "</svg>",
            "<br>",
            "x",
            " y ",
            "\n",
            "<title>",
            "</title>",
            "<td rowspan=0>",
            "<!-- c -->",
            "<nobr>",
            "<li>",
            "<col>",
            "<table>",
            "<td>",
            "z",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let (mut streamed, mut pages) = (0, 0);
        for _ in 0..3000 {
            let len = 5 + next() % 60;
            let page: String = (0..len)
                .map(|_| TOKENS[(next() % TOKENS.len() as u64) as usize])
                .collect();
            pages += 1;
            if same(&page, &ImportOptions::default().max_rows(5)) {
                streamed += 1;
            }
        }
        assert!(
            streamed * 2 > pages,
            "{streamed} of {pages} read as they close"
        );
    }
}
