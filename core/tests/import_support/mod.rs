//! Shared helpers of the import tests: a minimal DOCX writer (the OOXML a word processor needs,
//! written here with the `zip` crate: a test helper, not part of the library), and the tables of
//! `tests/corpus/` rebuilt with their merged cells, to render them as XLSX and DOCX.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write as _;
use std::path::{Path, PathBuf};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Escapes text for XML.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A DOCX package around a `w:body` (the body's XML, without `<w:body>`).
pub fn docx_package(body: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let parts: [(&str, String); 3] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.to_owned(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_owned(),
        ),
        (
            "word/document.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}<w:sectPr/></w:body></w:document>"#
            ),
        ),
    ];
    for (name, content) in parts {
        zip.start_file(name, opts).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A paragraph of plain text.
pub fn para(text: &str) -> String {
    format!(
        r#"<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        esc(text)
    )
}

/// How the text of a cell is written: tick glyphs as symbols of a symbol font (as Word inserts
/// them), the rest split into runs of a few characters, a paragraph per line.
pub fn cell_runs(text: &str) -> String {
    let mut out = String::new();
    for line in text.split('\n') {
        out.push_str("<w:p>");
        let mut plain = String::new();
        let flush = |plain: &mut String, out: &mut String| {
            let chars: Vec<char> = plain.chars().collect();
            for chunk in chars.chunks(4) {
                let s: String = chunk.iter().collect();
                out.push_str(&format!(
                    r#"<w:r><w:rPr><w:rFonts w:ascii="宋体" w:eastAsia="宋体"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
                    esc(&s)
                ));
            }
            plain.clear();
        };
        for c in line.chars() {
            let sym = match c {
                '■' => Some(("Wingdings", "F06E")),
                '□' => Some(("Wingdings", "F06F")),
                '√' => Some(("Wingdings 2", "F050")),
                _ => None,
            };
            match sym {
                Some((font, code)) => {
                    flush(&mut plain, &mut out);
                    out.push_str(&format!(
                        r#"<w:r><w:sym w:font="{font}" w:char="{code}"/></w:r>"#
                    ));
                }
                None => plain.push(c),
            }
        }
        flush(&mut plain, &mut out);
        out.push_str("</w:p>");
    }
    out
}

/// A table with merged cells: the text of each cell (empty where covered) and the merged
/// ranges (first row, first column, last row, last column; inclusive, 0-based).
#[derive(Debug, Clone, Default)]
pub struct Merged {
    pub rows: Vec<Vec<String>>,
    pub spans: Vec<(usize, usize, usize, usize)>,
    /// Rows repeated as the header on every page.
    pub header_rows: usize,
}

impl Merged {
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    fn span_at(&self, r: usize, c: usize) -> Option<(usize, usize, usize, usize)> {
        self.spans
            .iter()
            .copied()
            .find(|&(r0, c0, r1, c1)| (r0..=r1).contains(&r) && (c0..=c1).contains(&c))
    }

    /// The `w:tbl` of this table (merges as `w:gridSpan` and `w:vMerge`).
    pub fn docx_table(&self) -> String {
        let width = self.width();
        let mut out =
            String::from(r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>"#);
        for _ in 0..width {
            out.push_str(r#"<w:gridCol w:w="900"/>"#);
        }
        out.push_str("</w:tblGrid>");
        for (r, row) in self.rows.iter().enumerate() {
            out.push_str("<w:tr>");
            if r < self.header_rows {
                out.push_str("<w:trPr><w:tblHeader/></w:trPr>");
            }
            let mut c = 0;
            while c < width {
                let span = self.span_at(r, c);
                let (cols, vmerge, text) = match span {
                    Some((r0, c0, r1, c1)) if c0 == c => {
                        let vm = if r1 == r0 {
                            ""
                        } else if r == r0 {
                            r#"<w:vMerge w:val="restart"/>"#
                        } else {
                            "<w:vMerge/>"
                        };
                        let text = if r == r0 {
                            row.get(c).cloned().unwrap_or_default()
                        } else {
                            String::new()
                        };
                        (c1 - c0 + 1, vm, text)
                    }
                    Some(_) => {
                        c += 1;
                        continue;
                    }
                    None => (1, "", row.get(c).cloned().unwrap_or_default()),
                };
                out.push_str("<w:tc><w:tcPr>");
                if cols > 1 {
                    out.push_str(&format!(r#"<w:gridSpan w:val="{cols}"/>"#));
                }
                out.push_str(vmerge);
                out.push_str("</w:tcPr>");
                out.push_str(&cell_runs(&text));
                out.push_str("</w:tc>");
                c += cols;
            }
            out.push_str("</w:tr>");
        }
        out.push_str("</w:tbl>");
        out
    }

    /// This table as a DOCX, with a caption paragraph above it when given.
    pub fn docx(&self, caption: Option<&str>) -> Vec<u8> {
        let mut body = caption.map(para).unwrap_or_default();
        body.push_str(&self.docx_table());
        body.push_str(&para(""));
        docx_package(&body)
    }

    /// This table as an XLSX (rust_xlsxwriter), merged ranges merged.
    pub fn xlsx(&self) -> Vec<u8> {
        use rust_xlsxwriter::{Format, Workbook};
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("目录").unwrap();
        let fmt = Format::new();
        for (r, row) in self.rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                if text.is_empty() || self.span_at(r, c).is_some_and(|s| (s.0, s.1) != (r, c)) {
                    continue;
                }
                ws.write_string(r as u32, c as u16, text).unwrap();
            }
        }
        for &(r0, c0, r1, c1) in &self.spans {
            if (r0, c0) == (r1, c1) {
                continue;
            }
            let text = self.rows[r0].get(c0).cloned().unwrap_or_default();
            ws.merge_range(r0 as u32, c0 as u16, r1 as u32, c1 as u16, &text, &fmt)
                .unwrap();
        }
        wb.save_to_buffer().unwrap()
    }
}

/// A corpus table: the text of its CSV (the cells as published), the merged ranges of its HTML
/// (`rowspan`/`colspan`, the same grid).
pub fn corpus_table(stem: &str) -> Merged {
    let dir = repo_root().join("tests/corpus");
    let csv_bytes = std::fs::read(dir.join(format!("{stem}.csv"))).unwrap();
    let text = String::from_utf8(csv_bytes).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let rows: Vec<Vec<String>> = rdr
        .records()
        .map(|r| r.unwrap().iter().map(|s| s.replace("\r\n", "\n")).collect())
        .collect();
    let html = std::fs::read_to_string(dir.join(format!("{stem}.html"))).unwrap();
    let dom = gongkai::import::dom::Dom::parse(&html);
    let table = dom.elements("table")[0];
    let trs: Vec<usize> = {
        // The rows of this table (not of a nested one), in order.
        let mut out = Vec::new();
        let mut stack: Vec<usize> = dom.child_elements(table).collect();
        stack.reverse();
        while let Some(id) = stack.pop() {
            match dom.node(id).name() {
                "tr" => out.push(id),
                "thead" | "tbody" | "tfoot" => {
                    let mut kids: Vec<usize> = dom.child_elements(id).collect();
                    kids.reverse();
                    stack.extend(kids);
                }
                _ => {}
            }
        }
        out
    };
    let mut taken: Vec<Vec<bool>> = Vec::new();
    let mut spans = Vec::new();
    for (r, &tr) in trs.iter().enumerate() {
        let mut c = 0;
        for td in dom.child_elements(tr) {
            let name = dom.node(td).name();
            if name != "td" && name != "th" {
                continue;
            }
            while taken
                .get(r)
                .is_some_and(|row| row.get(c).copied().unwrap_or(false))
            {
                c += 1;
            }
            let n = |a: &str| {
                dom.node(td)
                    .attr(a)
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .max(1)
            };
            let (rs, cs) = (n("rowspan"), n("colspan"));
            for rr in r..r + rs {
                if taken.len() <= rr {
                    taken.resize(rr + 1, Vec::new());
                }
                if taken[rr].len() < c + cs {
                    taken[rr].resize(c + cs, false);
                }
                taken[rr][c..c + cs].fill(true);
            }
            if rs > 1 || cs > 1 {
                spans.push((r, c, r + rs - 1, c + cs - 1));
            }
            c += cs;
        }
    }
    let header_rows = trs
        .iter()
        .take_while(|&&tr| dom.child_elements(tr).any(|c| dom.node(c).name() == "th"))
        .count();
    Merged {
        rows,
        spans,
        header_rows,
    }
}

/// The stems of the corpus tables.
pub fn corpus_stems() -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(repo_root().join("tests/corpus"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".expected.json").map(str::to_owned))
        .collect();
    out.sort();
    out
}
