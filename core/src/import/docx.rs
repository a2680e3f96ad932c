//! DOCX (Word 2007+, and what WPS writes as .docx): every table of the document body becomes a
//! grid named `表N` (N counts the document's top-level tables from 1), its rows numbered from 1
//! as the table shows them.
//!
//! - **Structure**: `w:gridSpan` and the legacy `w:hMerge` cover cells to the right,
//!   `w:vMerge` cells below (a continuing cell takes the origin of the cell above it), and
//!   `w:gridBefore` leaves the first grid columns of a row empty, so that every cell keeps the
//!   column of the table grid. A table inside a cell is read as that cell's text, a line per
//!   paragraph.
//! - **Text**: the runs of a paragraph are joined, paragraphs (and `w:br`, `w:cr`) become line
//!   breaks, `w:tab` a space. Deleted text of tracked changes (`w:del`, `w:moveFrom`) is left out
//!   and inserted text kept, as Word shows the document once the changes are accepted (an info
//!   finding says so); hidden text (`w:vanish`), field codes, text boxes and drawings are left
//!   out, and the fallback of `mc:AlternateContent` is not read twice.
//! - **Tick glyphs**: a symbol (`w:sym w:font w:char`), or text in a run whose font is Wingdings,
//!   Wingdings 2 or Symbol, is mapped to the mark it shows: filled shapes to ■, empty boxes to □,
//!   check marks to √, crosses to ×, boxes with a check or a cross to ☑ ☒. A symbol of those
//!   fonts that is not a mark is left out with a warning naming its font and code. Check boxes
//!   of forms (`w:checkBox`) and content controls (`w14:checkbox`) read as ■ or □ by their state.
//! - **Caption**: the paragraph above a table that names a 目录 (else the last one, when short)
//!   is the table's caption, where the catalogue's title comes from.
//!
//! Limits (all in [`super::ImportOptions`]): input size, number of zip entries, total
//! decompressed size (declared, then actual: only the parts read are inflated), XML nesting
//! depth (`max_xml_depth`), rows and columns. The XML reader does not expand entities: a
//! reference other than the five predefined ones and character references is an error.

use super::Budget;
use super::grid::{Cell, Grid, Row};
use crate::Error;
use crate::codes;
use crate::issue::Finding;
use crate::report::Location;
use quick_xml::events::{BytesStart, Event};
use std::io::{Cursor, Read};

fn corrupt(e: impl std::fmt::Display) -> Error {
    Error::Import {
        format: "DOCX".into(),
        message: format!(
            "文档已损坏或不是 DOCX 文件（{}）；请用 Word 或 WPS 打开后重新另存为 .docx",
            crate::excerpt(&e.to_string(), 200)
        ),
        location: None,
    }
}

/// The clear error for a file that is not a DOCX but was named or sniffed as one.
pub(crate) fn not_docx(bytes: &[u8]) -> Option<Error> {
    match super::legacy_kind(bytes)? {
        super::Format::Doc => Some(super::legacy_error(super::Format::Doc)),
        super::Format::Pdf => Some(super::legacy_error(super::Format::Pdf)),
        _ => None,
    }
}

/// Reads every table of a DOCX into grids.
pub(crate) fn read(bytes: &[u8], budget: &mut Budget) -> Result<Vec<Grid>, Error> {
    if let Some(e) = not_docx(bytes) {
        return Err(e);
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
    if zip.len() > budget.max_zip_entries {
        return Err(Error::TooLarge {
            what: "DOCX 压缩包中的文件数".into(),
            limit: budget.max_zip_entries as u64,
            actual: zip.len() as u64,
        });
    }
    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).map_err(corrupt)?;
        declared = declared.saturating_add(f.size());
    }
    if declared > budget.max_decompressed {
        return Err(Error::TooLarge {
            what: "DOCX 解压后的大小（声明值）".into(),
            limit: budget.max_decompressed,
            actual: declared,
        });
    }
    let mut inflated: u64 = 0;
    let main = match entry(&mut zip, "_rels/.rels", budget, &mut inflated)? {
        Some(rels) => main_part(&rels),
        None => None,
    }
    .unwrap_or_else(|| "word/document.xml".to_owned());
    let workbook = main.to_ascii_lowercase().starts_with("xl/");
    let xml = if workbook {
        None
    } else {
        entry(&mut zip, &main, budget, &mut inflated)?
    };
    let Some(xml) = xml else {
        let is_xlsx = workbook
            || (0..zip.len())
                .filter_map(|i| zip.name_for_index(i))
                .any(|n| n.eq_ignore_ascii_case("xl/workbook.xml"));
        return Err(Error::Import {
            format: "DOCX".into(),
            message: if is_xlsx {
                "这是 Excel 工作簿（.xlsx），不是 Word 文档：请把文件扩展名改为 .xlsx 后再导入"
                    .into()
            } else {
                "压缩包中没有 Word 文档正文（word/document.xml）；请用 Word 或 WPS 打开后重新另存为 .docx".into()
            },
            location: None,
        });
    };
    Parser::new(budget).run(&xml)
}

/// The inflated content of a zip entry (by name, case-insensitive, `\` read as `/`), within
/// what is left of the decompressed budget; `None` when there is no such entry.
fn entry(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    budget: &Budget,
    inflated: &mut u64,
) -> Result<Option<Vec<u8>>, Error> {
    let want = name.trim_start_matches('/').replace('\\', "/");
    let Some(i) = (0..zip.len()).find(|&i| {
        zip.name_for_index(i)
            .is_some_and(|n| n.replace('\\', "/").eq_ignore_ascii_case(&want))
    }) else {
        return Ok(None);
    };
    let f = zip.by_index(i).map_err(corrupt)?;
    let declared = f.size();
    let left = budget.max_decompressed.saturating_sub(*inflated);
    let mut out = Vec::with_capacity(
        usize::try_from(declared.min(left))
            .unwrap_or(0)
            .min(1 << 26),
    );
    f.take(left.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(corrupt)?;
    let n = out.len() as u64;
    if n > left {
        return Err(Error::TooLarge {
            what: "DOCX 解压后的大小".into(),
            limit: budget.max_decompressed,
            actual: inflated.saturating_add(n),
        });
    }
    if n > declared {
        return Err(Error::Import {
            format: "DOCX".into(),
            message: format!(
                "压缩包中的“{}”解压后比声明的 {declared} 字节更大，文件已损坏或是恶意构造的（zip 炸弹）",
                crate::excerpt(&want, 80)
            ),
            location: None,
        });
    }
    *inflated += n;
    Ok(Some(out))
}

/// The main document part named by the package relationships (`officeDocument`).
fn main_part(rels: &[u8]) -> Option<String> {
    let mut r = quick_xml::Reader::from_reader(rels);
    r.config_mut().check_end_names = false;
    loop {
        match r.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                let kind = attr(&e, b"Type").unwrap_or_default();
                if kind.ends_with("/officeDocument") {
                    return attr(&e, b"Target").map(|t| t.trim_start_matches('/').to_owned());
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

/// An attribute's value by local name (`w:val` and `val` alike). The values read here are
/// names, numbers and hex codes: the predefined entities are resolved, nothing else.
fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| {
            String::from_utf8_lossy(&a.value)
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&")
        })
}

/// An on/off property (`<w:vanish/>`, `<w:tblHeader w:val="0"/>`).
fn on(e: &BytesStart<'_>) -> bool {
    !matches!(
        attr(e, b"val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

/// The symbol fonts whose characters are not Unicode text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SymbolFont {
    Wingdings,
    Wingdings2,
    Symbol,
}

impl SymbolFont {
    fn of(name: &str) -> Option<Self> {
        let k: String = name
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        match k.as_str() {
            "wingdings" => Some(SymbolFont::Wingdings),
            "wingdings2" => Some(SymbolFont::Wingdings2),
            "symbol" => Some(SymbolFont::Symbol),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            SymbolFont::Wingdings => "Wingdings",
            SymbolFont::Wingdings2 => "Wingdings 2",
            SymbolFont::Symbol => "Symbol",
        }
    }

    /// The mark a character of this font shows (its code in the font, 0x20–0xFF; Word also
    /// writes them at U+F020–U+F0FF). `None`: not a mark this reader knows.
    fn mark(self, code: u32) -> Option<char> {
        let code = if (0xF000..=0xF0FF).contains(&code) {
            code - 0xF000
        } else {
            code
        };
        if code == 0x20 {
            return Some(' ');
        }
        let c = match (self, code) {
            // Wingdings: l ● n ■ t ⧫ u ◆ (filled), o □ q ❑ r ❒ ¨ ◻ (empty), û ✗ ü ✓ ý ☒ þ ☑.
            (SymbolFont::Wingdings, 0x6C | 0x6E | 0x74 | 0x75) => '■',
            (SymbolFont::Wingdings, 0x6F | 0x71 | 0x72 | 0xA8) => '□',
            (SymbolFont::Wingdings, 0xFB) => '×',
            (SymbolFont::Wingdings, 0xFC) => '√',
            (SymbolFont::Wingdings, 0xFD) => '☒',
            (SymbolFont::Wingdings, 0xFE) => '☑',
            // Wingdings 2: O ✗ P ✓ R ☑ T ☒ £ □.
            (SymbolFont::Wingdings2, 0x4F) => '×',
            (SymbolFont::Wingdings2, 0x50) => '√',
            (SymbolFont::Wingdings2, 0x52) => '☑',
            (SymbolFont::Wingdings2, 0x54) => '☒',
            (SymbolFont::Wingdings2, 0xA3) => '□',
            // Symbol: √ ×; digits and punctuation are the ASCII ones.
            (SymbolFont::Symbol, 0xD6) => '√',
            (SymbolFont::Symbol, 0xB4) => '×',
            (SymbolFont::Symbol, 0x21 | 0x23 | 0x25 | 0x26 | 0x28..=0x3F | 0x5B | 0x5D | 0x5F) => {
                char::from_u32(code)?
            }
            _ => return None,
        };
        Some(c)
    }
}

/// A cell of a table being read.
#[derive(Debug, Default)]
struct CellBuild {
    text: String,
    span: usize,
    /// `Some(true)` restarts a vertical merge, `Some(false)` continues the one above.
    vmerge: Option<bool>,
    /// A legacy horizontal merge continuing the cell to the left.
    hmerge_continue: bool,
}

#[derive(Debug, Default)]
struct RowBuild {
    before: usize,
    cells: Vec<CellBuild>,
}

#[derive(Debug, Default)]
struct TableBuild {
    rows: Vec<RowBuild>,
    caption: Option<String>,
    /// No more rows are read (the row budget was spent, or another table was asked for).
    full: bool,
}

/// A content control: whether it is a check box, and its state.
#[derive(Debug, Default)]
struct Sdt {
    checkbox: Option<bool>,
}

struct Parser<'b> {
    budget: &'b mut Budget,
    grids: Vec<Grid>,
    /// Open element local names (for the depth limit and context).
    stack: Vec<Vec<u8>>,
    /// While `Some(d)`: inside an element that is not read, opened at depth `d`.
    skip: Option<usize>,
    /// Open tables (index 0 the top-level one).
    tables: Vec<TableBuild>,
    /// How many top-level tables were seen.
    table_no: usize,
    /// The text of the paragraph being read outside tables.
    para: String,
    /// Recent paragraphs outside tables (caption candidates).
    recent: Vec<String>,
    run_font: Option<SymbolFont>,
    run_hidden: bool,
    /// A form check box being read: (default, checked).
    form_box: Option<(bool, Option<bool>)>,
    sdts: Vec<Sdt>,
    revisions: bool,
    /// Where the paragraph being read starts in its cell's text, and its list (`w:numId` at
    /// level 0) when it is a numbered paragraph.
    para_start: usize,
    para_list: Option<String>,
    /// The numbered paragraph is of a sub-list (level 1 or deeper).
    para_deep: bool,
    /// How many numbered paragraphs each list has had.
    list_counts: std::collections::HashMap<String, u32>,
    /// Symbols that are not marks, each with the first cell it is in.
    unknown_symbols: Vec<(SymbolFont, u32, Option<Location>)>,
}

impl<'b> Parser<'b> {
    fn new(budget: &'b mut Budget) -> Self {
        Parser {
            budget,
            grids: Vec::new(),
            stack: Vec::new(),
            skip: None,
            tables: Vec::new(),
            table_no: 0,
            para: String::new(),
            recent: Vec::new(),
            run_font: None,
            run_hidden: false,
            form_box: None,
            sdts: Vec::new(),
            revisions: false,
            para_start: 0,
            para_list: None,
            para_deep: false,
            list_counts: std::collections::HashMap::new(),
            unknown_symbols: Vec::new(),
        }
    }

    fn run(mut self, xml: &[u8]) -> Result<Vec<Grid>, Error> {
        let mut reader = quick_xml::Reader::from_reader(xml);
        let config = reader.config_mut();
        config.check_end_names = false;
        config.check_comments = false;
        config.allow_unmatched_ends = true;
        let mut buf = Vec::new();
        loop {
            let event = reader.read_event_into(&mut buf).map_err(corrupt)?;
            match event {
                Event::Start(e) => {
                    let name = e.local_name().as_ref().to_vec();
                    self.stack.push(name.clone());
                    if self.stack.len() > self.budget.max_xml_depth {
                        return Err(Error::TooLarge {
                            what: "DOCX 中 XML 的嵌套层数".into(),
                            limit: self.budget.max_xml_depth as u64,
                            actual: self.stack.len() as u64,
                        });
                    }
                    if self.skip.is_none() {
                        self.open(&name, &e, false);
                    }
                }
                Event::Empty(e) if self.skip.is_none() => {
                    let name = e.local_name().as_ref().to_vec();
                    self.stack.push(name.clone());
                    self.open(&name, &e, true);
                    if self.skip.take().is_none() {
                        self.close(&name);
                    }
                    self.stack.pop();
                }
                Event::End(_) => {
                    let depth = self.stack.len();
                    let name = self.stack.pop().unwrap_or_default();
                    match self.skip {
                        Some(d) if d == depth => {
                            self.skip = None;
                            self.close(&name);
                        }
                        Some(_) => {}
                        None => self.close(&name),
                    }
                }
                Event::Text(t) if self.in_text() => {
                    let s = t.decode().map_err(corrupt)?;
                    self.text(&s);
                }
                Event::CData(t) if self.in_text() => {
                    let s = t.decode().map_err(corrupt)?;
                    self.text(&s);
                }
                Event::GeneralRef(r) if self.in_text() => {
                    let c = match r.resolve_char_ref().map_err(corrupt)? {
                        Some(c) => c,
                        None => match r.decode().map_err(corrupt)?.as_ref() {
                            "amp" => '&',
                            "lt" => '<',
                            "gt" => '>',
                            "quot" => '"',
                            "apos" => '\'',
                            other => {
                                return Err(corrupt(format!(
                                    "未定义的实体 &{};",
                                    crate::excerpt(other, 40)
                                )));
                            }
                        },
                    };
                    self.text(&c.to_string());
                }
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        // Tables left open by a truncated document are read as far as they go.
        while !self.tables.is_empty() {
            self.close(b"tbl");
        }
        self.finish_findings();
        Ok(self.grids)
    }

    /// Whether text events are read: inside `w:t` (not skipped).
    fn in_text(&self) -> bool {
        self.skip.is_none() && self.stack.last().is_some_and(|n| n == b"t")
    }

    fn parent(&self, n: usize) -> Option<&[u8]> {
        self.stack
            .len()
            .checked_sub(n + 1)
            .and_then(|i| self.stack.get(i))
            .map(Vec::as_slice)
    }

    /// Where text goes: the cell of the top-level table, else the paragraph outside tables.
    fn target(&mut self) -> Option<&mut String> {
        if let Some(t) = self.tables.first_mut() {
            if t.full {
                return None;
            }
            return t
                .rows
                .last_mut()
                .and_then(|r| r.cells.last_mut())
                .map(|c| &mut c.text);
        }
        Some(&mut self.para)
    }

    fn push(&mut self, s: &str) {
        if let Some(t) = self.target() {
            t.push_str(s);
        }
    }

    fn text(&mut self, s: &str) {
        if self.run_hidden {
            return;
        }
        match self.run_font {
            None => self.push(s),
            Some(font) => {
                let mut out = String::new();
                for c in s.chars() {
                    match font.mark(c as u32) {
                        Some(m) => out.push(m),
                        None => self.unknown_symbol(font, c as u32),
                    }
                }
                self.push(&out);
            }
        }
    }

    fn unknown_symbol(&mut self, font: SymbolFont, code: u32) {
        let seen = self
            .unknown_symbols
            .iter()
            .any(|(f, c, _)| (*f, *c) == (font, code));
        // Only in tables: a symbol in the text around them does not change what is read.
        if let Some(here) = self
            .here()
            .filter(|_| !seen && self.unknown_symbols.len() < 100)
        {
            self.unknown_symbols.push((font, code, Some(here)));
        }
    }

    /// The cell being read, as a location.
    fn here(&self) -> Option<Location> {
        let t = self.tables.first()?;
        let row = t.rows.last()?;
        let (_, before) = row.cells.split_last()?;
        let column = row.before + before.iter().map(|c| c.span).sum::<usize>();
        Some(Location {
            sheet: Some(format!("表{}", self.table_no)),
            row: u32::try_from(t.rows.len()).unwrap_or(u32::MAX),
            column: Some(Location::column_letter(column)),
            header: None,
        })
    }

    fn in_top_cell(&self) -> bool {
        self.tables.len() == 1
            && self
                .tables
                .first()
                .and_then(|t| t.rows.last())
                .is_some_and(|r| !r.cells.is_empty())
    }

    fn open(&mut self, name: &[u8], e: &BytesStart<'_>, empty: bool) {
        let depth = self.stack.len();
        match name {
            // Not read: deleted text, field codes, text boxes, drawings, the fallback of
            // alternate content, proofing marks.
            b"del" | b"moveFrom" => {
                self.revisions = true;
                self.skip = Some(depth);
            }
            // (`rt`: the pinyin over ruby text.)
            b"instrText" | b"delInstrText" | b"txbxContent" | b"drawing" | b"pict" | b"object"
            | b"Fallback" | b"rt" => self.skip = Some(depth),
            b"p" => {
                self.para_start = self.target().map_or(0, |t| t.len());
                self.para_list = None;
                self.para_deep = false;
            }
            // A numbered paragraph (Word's automatic numbering, as in a 序号 column).
            b"numId" if self.parent(1) == Some(b"numPr") && self.parent(2) == Some(b"pPr") => {
                self.para_list = attr(e, b"val").filter(|v| v != "0");
            }
            b"ilvl" if self.parent(1) == Some(b"numPr") => {
                // Only the first level counts: a sub-list is not numbered here.
                self.para_deep = attr(e, b"val").is_some_and(|v| v != "0");
            }
            b"ins" | b"moveTo" => self.revisions = true,
            b"tbl" => {
                if self.tables.is_empty() {
                    let caption = self.caption();
                    self.table_no += 1;
                    let name = format!("表{}", self.table_no);
                    let wanted = self.budget.sheet.as_ref().is_none_or(|s| *s == name);
                    self.tables.push(TableBuild {
                        caption,
                        full: !wanted,
                        ..TableBuild::default()
                    });
                } else {
                    self.tables.push(TableBuild::default());
                }
            }
            b"tr" if self.tables.len() == 1 => {
                if let Some(t) = self.tables.first_mut() {
                    if !t.full {
                        let sheet = format!("表{}", self.table_no);
                        let number = u32::try_from(t.rows.len() + 1).unwrap_or(u32::MAX);
                        if self.budget.take_row(Some(&sheet), number) {
                            t.rows.push(RowBuild::default());
                        } else {
                            t.full = true;
                        }
                    }
                }
            }
            b"gridBefore" if self.tables.len() == 1 && self.parent(1) == Some(b"trPr") => {
                let n = attr(e, b"val").and_then(|v| v.parse::<usize>().ok());
                let max = self.budget.max_columns;
                if let Some(r) = self.tables.first_mut().and_then(|t| t.rows.last_mut()) {
                    r.before = n.unwrap_or(0).min(max);
                }
            }
            b"tc" if self.tables.len() == 1 => {
                if let Some(r) = self.tables.first_mut().and_then(|t| t.rows.last_mut()) {
                    r.cells.push(CellBuild {
                        span: 1,
                        ..CellBuild::default()
                    });
                }
            }
            b"gridSpan" | b"vMerge" | b"hMerge"
                if self.in_top_cell() && self.parent(1) == Some(b"tcPr") =>
            {
                let val = attr(e, b"val");
                let max = self.budget.max_columns;
                if let Some(c) = self
                    .tables
                    .first_mut()
                    .and_then(|t| t.rows.last_mut())
                    .and_then(|r| r.cells.last_mut())
                {
                    match name {
                        b"gridSpan" => {
                            c.span = val
                                .and_then(|v| v.parse::<usize>().ok())
                                .unwrap_or(1)
                                .clamp(1, max.max(1));
                        }
                        b"vMerge" => c.vmerge = Some(val.as_deref() == Some("restart")),
                        _ => c.hmerge_continue = val.as_deref() != Some("restart"),
                    }
                }
            }
            b"r" => {
                self.run_font = None;
                self.run_hidden = false;
            }
            b"rFonts" if self.parent(1) == Some(b"rPr") && self.parent(2) == Some(b"r") => {
                self.run_font = [&b"ascii"[..], b"hAnsi", b"cs", b"eastAsia"]
                    .iter()
                    .find_map(|k| attr(e, k).and_then(|f| SymbolFont::of(&f)));
            }
            b"vanish" | b"specVanish"
                if self.parent(1) == Some(b"rPr") && self.parent(2) == Some(b"r") =>
            {
                self.run_hidden = on(e);
            }
            b"tab" if self.parent(1) == Some(b"r") => self.push(" "),
            b"br" | b"cr" if self.parent(1) == Some(b"r") => self.push("\n"),
            b"noBreakHyphen" => self.push("-"),
            b"sym" => {
                let font = attr(e, b"font").and_then(|f| SymbolFont::of(&f));
                let code = attr(e, b"char").and_then(|c| u32::from_str_radix(c.trim(), 16).ok());
                if let (Some(font), Some(code)) = (font, code) {
                    match font.mark(code) {
                        Some(m) => self.push(&m.to_string()),
                        None => self.unknown_symbol(font, code),
                    }
                }
            }
            // Form check boxes: <w:checkBox><w:default w:val="1"/><w:checked/></w:checkBox>.
            b"checkBox" => self.form_box = Some((false, None)),
            b"default" if self.parent(1) == Some(b"checkBox") => {
                if let Some(b) = &mut self.form_box {
                    b.0 = on(e);
                }
            }
            b"checked" if self.parent(1) == Some(b"checkBox") => {
                if let Some(b) = &mut self.form_box {
                    b.1 = Some(on(e));
                }
            }
            // Content controls: <w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/>.
            b"sdt" => self.sdts.push(Sdt::default()),
            b"checkbox" if self.parent(1) == Some(b"sdtPr") => {
                if let Some(s) = self.sdts.last_mut() {
                    s.checkbox = Some(false);
                }
            }
            b"checked" if self.parent(1) == Some(b"checkbox") => {
                if let Some(s) = self.sdts.last_mut() {
                    s.checkbox = Some(on(e));
                }
            }
            b"sdtContent" => {
                if let Some(state) = self.sdts.last().and_then(|s| s.checkbox) {
                    // The glyph shown inside is the control's; its state says it.
                    self.push(if state { "■" } else { "□" });
                    if !empty {
                        self.skip = Some(depth);
                    }
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, name: &[u8]) {
        match name {
            b"p" => {
                if self.tables.is_empty() {
                    let p = std::mem::take(&mut self.para);
                    let p = super::text::normalize_cell(&p);
                    if !p.is_empty() {
                        self.recent.push(p);
                        if self.recent.len() > 3 {
                            self.recent.remove(0);
                        }
                    }
                } else {
                    self.number_paragraph();
                    self.push("\n");
                }
            }
            b"checkBox" => {
                if let Some((default, checked)) = self.form_box.take() {
                    self.push(if checked.unwrap_or(default) {
                        "■"
                    } else {
                        "□"
                    });
                }
            }
            b"sdt" => {
                self.sdts.pop();
            }
            b"r" => {
                self.run_font = None;
                self.run_hidden = false;
            }
            b"tbl" => {
                if let Some(t) = self.tables.pop() {
                    if self.tables.is_empty() {
                        let name = format!("表{}", self.table_no);
                        let wanted = self.budget.sheet.as_ref().is_none_or(|s| *s == name);
                        if wanted {
                            let grid = self.grid(t, name);
                            self.grids.push(grid);
                        }
                    } else {
                        // A nested table ends a line of the cell it is in.
                        self.push("\n");
                    }
                }
            }
            _ => {}
        }
    }

    /// Word writes the number of an automatically numbered paragraph nowhere: an otherwise empty
    /// numbered paragraph in a cell (a 序号 column numbered by Word) gets its number, counted
    /// per list, as the decimal numbering Word uses by default shows it.
    fn number_paragraph(&mut self) {
        let Some(list) = self.para_list.take().filter(|_| !self.para_deep) else {
            return;
        };
        let start = self.para_start;
        let Some(text) = self.target() else { return };
        if text.get(start..).is_some_and(|t| t.trim().is_empty()) {
            let n = self.list_counts.entry(list).or_insert(0);
            *n += 1;
            let n = *n;
            self.push(&n.to_string());
        }
    }

    /// The caption of the table that starts: the recent paragraph naming a 目录, else the last
    /// one when it is short.
    fn caption(&mut self) -> Option<String> {
        let recent = std::mem::take(&mut self.recent);
        recent
            .iter()
            .rev()
            .find(|p| p.contains("目录") || p.contains("目錄"))
            .or_else(|| recent.last().filter(|p| p.chars().count() <= 60))
            .cloned()
    }

    fn grid(&mut self, t: TableBuild, name: String) -> Grid {
        let max = self.budget.max_columns;
        let mut rows: Vec<Row> = Vec::with_capacity(t.rows.len());
        let mut cut = false;
        for (ri, rb) in t.rows.into_iter().enumerate() {
            let number = u32::try_from(ri + 1).unwrap_or(u32::MAX);
            let mut cells: Vec<Cell> = vec![Cell::default(); rb.before.min(max)];
            for cb in rb.cells {
                let c0 = cells.len();
                if c0 >= max {
                    cut = true;
                    break;
                }
                if cb.span > max - c0 {
                    cut = true;
                }
                let span = cb.span.clamp(1, max - c0);
                let above = (cb.vmerge == Some(false))
                    .then(|| ri.checked_sub(1))
                    .flatten()
                    .and_then(|r| rows.get(r))
                    .and_then(|row| row.cells.get(c0))
                    .map(|x| x.origin.unwrap_or((ri - 1, c0)));
                let left = (cb.hmerge_continue && c0 > 0)
                    .then(|| cells.get(c0 - 1))
                    .flatten()
                    .map(|x| x.origin.unwrap_or((ri, c0 - 1)));
                match above.or(left) {
                    Some(origin) => {
                        for _ in 0..span {
                            cells.push(Cell {
                                text: String::new(),
                                origin: Some(origin),
                            });
                        }
                    }
                    None => {
                        let text = cell_text(&cb.text);
                        let text = self.budget.cell(text, Some(&name), number, c0);
                        cells.push(Cell { text, origin: None });
                        for _ in 1..span {
                            cells.push(Cell {
                                text: String::new(),
                                origin: Some((ri, c0)),
                            });
                        }
                    }
                }
            }
            rows.push(Row { number, cells });
        }
        if cut {
            self.budget.columns_cut(Some(&name), 1);
        }
        Grid {
            sheet: Some(name),
            caption: t.caption,
            rows,
        }
    }

    fn finish_findings(&mut self) {
        if self.revisions {
            self.budget
                .findings
                .push(Finding::new(codes::import::REVISIONS, "", None, &[]));
        }
        for (font, code, at) in &self.unknown_symbols {
            let f = Finding::new(
                codes::import::SYMBOL_UNKNOWN,
                "",
                None,
                &[
                    ("font", font.name().to_owned()),
                    ("code", format!("{code:04X}")),
                    (
                        "cell",
                        at.as_ref().map_or_else(String::new, |l| {
                            format!(
                                "{}{}{}",
                                l.sheet.clone().unwrap_or_default(),
                                l.column.clone().unwrap_or_default(),
                                l.row
                            )
                        }),
                    ),
                ],
            );
            self.budget.findings.push(match at {
                Some(l) => f.at(l),
                None => f,
            });
        }
    }
}

/// A cell's text: the paragraph breaks at its end removed.
fn cell_text(s: &str) -> String {
    s.trim_end_matches('\n').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbol_fonts() {
        assert_eq!(SymbolFont::of("Wingdings 2"), Some(SymbolFont::Wingdings2));
        assert_eq!(SymbolFont::of("WINGDINGS"), Some(SymbolFont::Wingdings));
        assert_eq!(SymbolFont::of("宋体"), None);
        assert_eq!(SymbolFont::Wingdings.mark(0xF06E), Some('■'));
        assert_eq!(SymbolFont::Wingdings.mark(0x6F), Some('□'));
        assert_eq!(SymbolFont::Wingdings.mark(0xF0FC), Some('√'));
        assert_eq!(SymbolFont::Wingdings.mark(0xFE), Some('☑'));
        assert_eq!(SymbolFont::Wingdings2.mark(0xF050), Some('√'));
        assert_eq!(SymbolFont::Wingdings2.mark(0xA3), Some('□'));
        assert_eq!(SymbolFont::Symbol.mark(0xF0D6), Some('√'));
        assert_eq!(SymbolFont::Symbol.mark(0x31), Some('1'));
        // A Wingdings digit is a picture (a clock, a folder), not a digit.
        assert_eq!(SymbolFont::Wingdings.mark(0x31), None);
    }
}
