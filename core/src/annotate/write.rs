//! Writing the annotated copy: values, merges and widths, the colour and note of each problem's
//! cell, and the 问题清单 sheet.

use super::*;
use crate::Error;
use crate::report::{Lang, Report, Severity};
use rust_xlsxwriter::{
    Color, Format as Style, FormatAlign, FormatBorder, Note, Url, Workbook, Worksheet, XlsxError,
};
use std::collections::{BTreeMap, HashMap};

// ---------------------------------------------------------------------------------------------
// Recognising an issues sheet written before.

pub(super) const HEADER_ZH: [&str; 6] = ["序号", "级别", "代码", "位置", "列名", "说明"];
pub(super) const HEADER_EN: [&str; 6] =
    ["No.", "Severity", "Code", "Location", "Column", "Message"];
pub(super) const LEGEND_ZH: &str = "图例";
pub(super) const LEGEND_EN: &str = "Legend";

// ---------------------------------------------------------------------------------------------
// Merged ranges of one sheet, indexed by column (ranges do not overlap).

#[derive(Default)]
pub(super) struct Merges {
    pub(super) kept: Vec<Merge>,
    /// column → first row → (last row, index into `kept`).
    pub(super) by_col: HashMap<u16, BTreeMap<u32, (u32, usize)>>,
}

impl Merges {
    /// Clips very large ranges to the sheet's extent (the used area), and drops ranges that
    /// overlap a kept one or exceed the budget.
    pub(super) fn build(list: &[Merge], extent: (u32, u16), budget: &mut u64) -> (Self, usize) {
        let mut m = Merges::default();
        let mut dropped = 0;
        let area = |x: &Merge| {
            u64::from(x.r1.saturating_sub(x.r0)).saturating_add(1)
                * (u64::from(x.c1.saturating_sub(x.c0)) + 1)
        };
        for &x in list {
            let mut x = Merge {
                r1: x.r1.min(LAST_ROW),
                c1: x.c1.min(LAST_COL),
                ..x
            };
            if area(&x) > MAX_MERGE_AREA {
                // A range far larger than a table's merged cells: clipped to the used area.
                x.r1 = x.r1.min(extent.0.max(x.r0));
                x.c1 = x.c1.min(extent.1.max(x.c0));
            }
            if x.r0 > x.r1 || x.c0 > x.c1 || (x.r0 == x.r1 && x.c0 == x.c1) {
                continue;
            }
            let area = area(&x);
            if area > *budget || (x.c0..=x.c1).any(|c| m.hits(c, x.r0, x.r1)) {
                dropped += 1;
                continue;
            }
            *budget -= area;
            let i = m.kept.len();
            m.kept.push(x);
            for c in x.c0..=x.c1 {
                m.by_col.entry(c).or_default().insert(x.r0, (x.r1, i));
            }
        }
        (m, dropped)
    }

    /// Whether a kept range in column `c` meets rows `r0..=r1`.
    pub(super) fn hits(&self, c: u16, r0: u32, r1: u32) -> bool {
        let Some(col) = self.by_col.get(&c) else {
            return false;
        };
        if col.range(r0..=r1).next().is_some() {
            return true;
        }
        col.range(..r0)
            .next_back()
            .is_some_and(|(_, (end, _))| *end >= r0)
    }

    /// The range covering (r, c), if any.
    pub(super) fn at(&self, r: u32, c: u16) -> Option<Merge> {
        let (_, (end, i)) = self.by_col.get(&c)?.range(..=r).next_back()?;
        if *end >= r {
            self.kept.get(*i).copied()
        } else {
            None
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Writing.

pub(super) struct Written {
    pub(super) bytes: Vec<u8>,
    pub(super) sheets: Vec<String>,
    pub(super) issues_sheet: String,
    pub(super) cells_marked: usize,
    pub(super) notes: Vec<String>,
}

pub(super) fn xlsx_error(e: XlsxError) -> Error {
    Error::InvalidArgument(format!("无法生成 XLSX：{e}"))
}

/// Fill and font colours of a severity.
pub(super) fn colours(s: Severity) -> (u32, u32) {
    match s {
        Severity::Error => (0xFFC7CE, 0x9C0006),
        Severity::Warning => (0xFFEB9C, 0x9C5700),
        Severity::Info => (0xDDEBF7, 0x1F4E79),
    }
}

pub(super) fn sev_index(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

pub(super) fn severity_name(s: Severity, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => s.zh(),
        Lang::En => match s {
            Severity::Error => "Error",
            Severity::Warning => "Warning",
            Severity::Info => "Info",
        },
    }
}

pub(super) struct Styles {
    pub(super) plain: [Option<Style>; 5],
    pub(super) marked: [[Style; 5]; 3],
}

impl Styles {
    pub(super) fn new() -> Self {
        let kind = |k: usize| -> Style {
            match k {
                0 => Style::new().set_text_wrap().set_align(FormatAlign::Top),
                2 => Style::new().set_num_format("yyyy-mm-dd"),
                3 => Style::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
                4 => Style::new().set_num_format("[h]:mm:ss"),
                _ => Style::new(),
            }
        };
        let marked = |s: Severity| -> [Style; 5] {
            let (fill, _) = colours(s);
            std::array::from_fn(|k| {
                kind(k)
                    .set_background_color(Color::RGB(fill))
                    .set_border(FormatBorder::Thin)
                    .set_border_color(Color::RGB(colours(s).1))
            })
        };
        Styles {
            plain: std::array::from_fn(|k| if k == 1 { None } else { Some(kind(k)) }),
            marked: [
                marked(Severity::Error),
                marked(Severity::Warning),
                marked(Severity::Info),
            ],
        }
    }

    pub(super) fn get(&self, kind: Kind, mark: Option<Severity>) -> Option<&Style> {
        let k = kind as usize;
        match mark {
            Some(s) => self.marked.get(sev_index(s)).and_then(|m| m.get(k)),
            None => self.plain.get(k).and_then(Option::as_ref),
        }
    }
}

/// A valid, unique sheet name: the wanted one when Excel accepts it.
pub(super) fn sheet_name_ok(name: &str, taken: &[String]) -> bool {
    let n = name.chars().count();
    n > 0
        && n <= 31
        && !name.contains(['[', ']', ':', '*', '?', '/', '\\'])
        && !name.starts_with('\'')
        && !name.ends_with('\'')
        && !name.eq_ignore_ascii_case("history")
        && !taken
            .iter()
            .any(|t| t.to_lowercase() == name.to_lowercase())
}

pub(super) fn unique_name(base: &str, taken: &[String]) -> String {
    if sheet_name_ok(base, taken) {
        return base.to_owned();
    }
    for k in 2..10_000 {
        let n = format!("{base}{k}");
        if sheet_name_ok(&n, taken) {
            return n;
        }
        let n = format!("Sheet{k}");
        if sheet_name_ok(&n, taken) {
            return n;
        }
    }
    "Sheet".to_owned()
}

pub(super) fn write_book(
    book: &Book,
    report: &Report,
    main: Option<&str>,
    lang: Lang,
) -> Result<Written, Error> {
    let mut notes = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for s in &book.sheets {
        let n = unique_name(&s.name, &names);
        if n != s.name {
            notes.push(tr(
                lang,
                format!("工作表名“{}”在 Excel 中无效或重复，副本中改为“{n}”", s.name),
                format!(
                    "Sheet name “{}” is not valid in Excel or repeated; the copy names it “{n}”",
                    s.name
                ),
            ));
        }
        names.push(n);
    }
    let issues_sheet = unique_name(
        match lang {
            Lang::Zh => "问题清单",
            Lang::En => "Issues",
        },
        &names,
    );
    let index: HashMap<&str, usize> = book
        .sheets
        .iter()
        .enumerate()
        .map(|(i, s)| (s.name.as_str(), i))
        .collect();
    let main = main.and_then(|m| index.get(m).copied()).unwrap_or(0);

    let mut budget = MAX_MERGED_CELLS;
    let mut merges = Vec::with_capacity(book.sheets.len());
    let mut dropped = 0;
    for s in &book.sheets {
        let (m, d) = Merges::build(&s.merges, s.extent(), &mut budget);
        dropped += d;
        merges.push(m);
    }
    if dropped > 0 {
        notes.push(tr(
            lang,
            format!("{dropped} 个合并区域与其他合并区域重叠或范围过大，未合并"),
            format!("{dropped} merged ranges overlap others or are too large and were not merged"),
        ));
    }

    // Issues → anchors → marks.
    let anchors: Vec<Anchor> = report
        .issues
        .iter()
        .map(|i| anchor_of(i, &index, main, &merges, lang))
        .collect();
    let mut marks: BTreeMap<(usize, u32, u16), Mark> = BTreeMap::new();
    for (issue, a) in report.issues.iter().zip(&anchors) {
        let mut line = format!(
            "【{}】{}\n{}",
            severity_name(issue.severity, lang),
            issue.code,
            issue.message
        );
        if let Some(w) = &a.why {
            line.push_str(w);
        }
        let m = marks.entry((a.sheet, a.row, a.col)).or_insert(Mark {
            worst: issue.severity,
            lines: Vec::new(),
        });
        m.worst = m.worst.max(issue.severity);
        m.lines.push(line);
    }

    let styles = Styles::new();
    let mut wb = Workbook::new();
    let mut links_cut = false;
    for (si, s) in book.sheets.iter().enumerate() {
        let ws = wb.add_worksheet();
        ws.set_name(names.get(si).map_or("Sheet", String::as_str))
            .map_err(xlsx_error)?;
        if s.hidden {
            ws.set_hidden(true);
        }
        ws.set_default_note_author(AUTHOR);
        let m = merges
            .get(si)
            .ok_or_else(|| Error::InvalidArgument("内部错误：合并区域".into()))?;
        write_sheet(ws, si, s, m, &marks, &styles)?;
        write_notes(ws, si, &marks, lang)?;
    }

    // The issues sheet.
    let ws = wb.add_worksheet();
    ws.set_name(&issues_sheet).map_err(xlsx_error)?;
    write_issue_sheet(ws, report, &anchors, &names, lang, &mut links_cut)?;
    ws.set_active(true);
    if links_cut {
        notes.push(tr(
            lang,
            format!("问题超过 {MAX_LINKS} 个，其余问题的“位置”不是链接"),
            format!("More than {MAX_LINKS} issues: the locations of the rest are not links"),
        ));
    }

    let bytes = wb.save_to_buffer().map_err(xlsx_error)?;
    Ok(Written {
        bytes,
        sheets: names,
        issues_sheet,
        cells_marked: marks.len(),
        notes,
    })
}

pub(super) fn note_text(lines: &[String], lang: Lang) -> String {
    // Excel's limit on a note, less room for the author prefix.
    const MAX: usize = MAX_CELL_CHARS - 54;
    let mut out = String::new();
    let mut used = 0;
    for (k, l) in lines.iter().enumerate() {
        let n = l.chars().count() + 2;
        if used + n > MAX - 100 {
            out.push_str(&tr(
                lang,
                format!("……另有 {} 个问题，见问题清单", lines.len() - k),
                format!("… {} more issues, see the issues sheet", lines.len() - k),
            ));
            break;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(l);
        used += n;
    }
    out
}

pub(super) fn write_value(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    v: &Value,
    f: Option<&Style>,
) -> Result<(), XlsxError> {
    match (v, f) {
        (Value::Text(t), Some(f)) => ws.write_string_with_format(r, c, t, f),
        (Value::Text(t), None) => ws.write_string(r, c, t),
        (Value::Number(x) | Value::Date(x, _), Some(f)) => ws.write_number_with_format(r, c, *x, f),
        (Value::Number(x) | Value::Date(x, _), None) => ws.write_number(r, c, *x),
        (Value::Bool(b), Some(f)) => ws.write_boolean_with_format(r, c, *b, f),
        (Value::Bool(b), None) => ws.write_boolean(r, c, *b),
    }
    .map(|_| ())
}

pub(super) fn write_sheet(
    ws: &mut Worksheet,
    si: usize,
    s: &Sheet,
    merges: &Merges,
    marks: &BTreeMap<(usize, u32, u16), Mark>,
    styles: &Styles,
) -> Result<(), Error> {
    let mark_at = |r: u32, c: u16| marks.get(&(si, r, c)).map(|m| m.worst);
    for &(c, px) in &s.widths {
        ws.set_column_width_pixels(c, px).map_err(xlsx_error)?;
    }
    for &c in &s.hidden_cols {
        ws.set_column_hidden(c).map_err(xlsx_error)?;
    }
    // The kind of each merge's top-left value decides its format.
    let mut origin_kind: HashMap<(u32, u16), (Kind, Option<&str>)> = merges
        .kept
        .iter()
        .map(|m| ((m.r0, m.c0), (Kind::Text, None)))
        .collect();
    for (r, c, v) in &s.cells {
        if let Some(e) = origin_kind.get_mut(&(*r, *c)) {
            *e = (
                v.kind(),
                match v {
                    Value::Text(t) => Some(t.as_str()),
                    _ => None,
                },
            );
        }
    }
    for m in &merges.kept {
        let (kind, text) = origin_kind
            .get(&(m.r0, m.c0))
            .copied()
            .unwrap_or((Kind::Text, None));
        let mark = mark_at(m.r0, m.c0);
        let f = styles.get(kind, mark).cloned().unwrap_or_else(Style::new);
        ws.merge_range(m.r0, m.c0, m.r1, m.c1, text.unwrap_or(""), &f)
            .map_err(xlsx_error)?;
    }
    for (r, c, v) in &s.cells {
        // A cell of a merged range takes the range's format (its fill shows on the whole range).
        let f = match merges.at(*r, *c) {
            Some(m) => {
                let kind = origin_kind.get(&(m.r0, m.c0)).map_or(Kind::Text, |k| k.0);
                let mark = mark_at(m.r0, m.c0);
                match styles.get(kind, mark) {
                    Some(f) => Some(f.clone()),
                    None => Some(Style::new()),
                }
            }
            None => styles.get(v.kind(), mark_at(*r, *c)).cloned(),
        };
        write_value(ws, *r, *c, v, f.as_ref()).map_err(xlsx_error)?;
    }
    // Marked cells without a value: a formatted blank, so the fill shows.
    let has_value: std::collections::HashSet<(u32, u16)> =
        s.cells.iter().map(|(r, c, _)| (*r, *c)).collect();
    for (&(_, r, c), m) in marks.range((si, 0, 0)..=(si, u32::MAX, u16::MAX)) {
        if !has_value.contains(&(r, c)) && !origin_kind.contains_key(&(r, c)) {
            if let Some(f) = styles.get(Kind::Text, Some(m.worst)) {
                ws.write_blank(r, c, f).map_err(xlsx_error)?;
            }
        }
    }
    Ok(())
}

pub(super) fn write_notes(
    ws: &mut Worksheet,
    si: usize,
    marks: &BTreeMap<(usize, u32, u16), Mark>,
    lang: Lang,
) -> Result<(), Error> {
    for (&(_, r, c), m) in marks.range((si, 0, 0)..=(si, u32::MAX, u16::MAX)) {
        let text = note_text(&m.lines, lang);
        let lines: u32 = text
            .lines()
            .map(|l| 1 + u32::try_from(text_width(l) / 44).unwrap_or(0))
            .sum();
        let note = Note::new(text)
            .set_author(AUTHOR)
            .add_author_prefix(false)
            .set_width(320)
            .set_height((lines * 15 + 10).clamp(60, 400));
        ws.insert_note(r, c, &note).map_err(xlsx_error)?;
    }
    Ok(())
}

pub(super) fn write_issue_sheet(
    ws: &mut Worksheet,
    report: &Report,
    anchors: &[Anchor],
    names: &[String],
    lang: Lang,
    links_cut: &mut bool,
) -> Result<(), Error> {
    let header = match lang {
        Lang::Zh => HEADER_ZH,
        Lang::En => HEADER_EN,
    };
    let bold = Style::new().set_bold();
    let head = Style::new()
        .set_bold()
        .set_background_color(Color::RGB(0xD9D9D9))
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center);
    let wrap = Style::new().set_text_wrap().set_align(FormatAlign::Top);
    let top = Style::new().set_align(FormatAlign::Top);
    let sev_style = |s: Severity| {
        let (fill, font) = colours(s);
        Style::new()
            .set_background_color(Color::RGB(fill))
            .set_font_color(Color::RGB(font))
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::Top)
    };
    let e = xlsx_error;
    // Row 1: the legend and a summary.
    ws.write_string_with_format(
        0,
        0,
        match lang {
            Lang::Zh => LEGEND_ZH,
            Lang::En => LEGEND_EN,
        },
        &bold,
    )
    .map_err(e)?;
    for (c, s) in [
        (1, Severity::Error),
        (2, Severity::Warning),
        (3, Severity::Info),
    ] {
        ws.write_string_with_format(0, c, severity_name(s, lang), &sev_style(s))
            .map_err(e)?;
    }
    let c = report.counts;
    let summary = tr(
        lang,
        format!(
            "共 {} 个问题：{} 个错误，{} 个警告，{} 个提示。点击“位置”跳到单元格；有问题的单元格按级别着色并附批注。",
            report.issues.len(),
            c.error,
            c.warning,
            c.info
        ),
        format!(
            "{} issues: {} errors, {} warnings, {} infos. Click a location to go to its cell; cells with issues are coloured by severity and carry a note.",
            report.issues.len(),
            c.error,
            c.warning,
            c.info
        ),
    );
    ws.write_string(0, 5, summary).map_err(e)?;
    // Row 2: the header.
    for (c, h) in (0u16..).zip(header) {
        ws.write_string_with_format(1, c, h, &head).map_err(e)?;
    }
    let max_rows = usize::try_from(LAST_ROW - 1).unwrap_or(usize::MAX);
    let mut last = 1u32;
    for (k, (issue, a)) in report.issues.iter().zip(anchors).enumerate().take(max_rows) {
        let Ok(r) = u32::try_from(k + 2) else { break };
        last = r;
        ws.write_number_with_format(r, 0, (k + 1) as f64, &top)
            .map_err(e)?;
        ws.write_string_with_format(
            r,
            1,
            severity_name(issue.severity, lang),
            &sev_style(issue.severity),
        )
        .map_err(e)?;
        ws.write_string_with_format(r, 2, issue.code.as_str(), &top)
            .map_err(e)?;
        let sheet = names.get(a.sheet).map_or("", String::as_str);
        let cell = cell_ref(a.row, a.col);
        let shown = format!("{sheet}!{cell}");
        if k < MAX_LINKS {
            let url = Url::new(format!("internal:{}!{cell}", quoted(sheet))).set_text(&shown);
            ws.write_url(r, 3, url).map_err(e)?;
        } else {
            *links_cut = true;
            ws.write_string_with_format(r, 3, &shown, &top).map_err(e)?;
        }
        let column = issue
            .location
            .as_ref()
            .and_then(|l| l.header.clone())
            .unwrap_or_else(|| crate::model::column_title(&issue.path).to_owned());
        ws.write_string_with_format(r, 4, column, &wrap)
            .map_err(e)?;
        ws.write_string_with_format(r, 5, &issue.message, &wrap)
            .map_err(e)?;
    }
    for (c, w) in [
        (0u16, 6.0),
        (1, 8.0),
        (2, 34.0),
        (3, 18.0),
        (4, 16.0),
        (5, 90.0),
    ] {
        ws.set_column_width(c, w).map_err(e)?;
    }
    ws.set_freeze_panes(2, 0).map_err(e)?;
    ws.autofilter(1, 0, last, 5).map_err(e)?;
    Ok(())
}
