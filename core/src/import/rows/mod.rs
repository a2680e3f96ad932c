//! From a grid and its column model to items: row classification (items, continuation rows,
//! repeated headers, section titles, notes), the source map and the importer's findings.
//!
//! One job per file: this one classifies the rows of a table into raw items ([`Reader::read_table`]);
//! `fixups` joins split categories, resolves 同上 and makes ids; `build` parses the cells of a
//! raw item into an [`Item`]; `marks` reads the tick groups (公开对象/方式/层级).

mod build;
mod fixups;
mod marks;

use crate::codes;
use crate::import::channels::ChannelCell;
use crate::import::grid::Grid;
use crate::import::header::{Layout, Role};
use crate::import::text::{self, TimeLimitNote, match_key, normalize_cell};
use crate::issue::Finding;
use crate::model::{Citation, Item, TimeLimit};
use crate::report::{CellRef, Location, SourceMap};
use marks::{GroupKind, blank_groups, group_kind, group_zh};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// A piece of an item's field: the text of one cell (borrowed from the grid where it is the
/// cell's own text) and where it came from.
#[derive(Debug, Clone)]
struct Seg<'g> {
    text: Cow<'g, str>,
    r: usize,
    c: usize,
}

#[derive(Debug, Clone)]
struct Raw<'g> {
    row: usize,
    cols: Vec<Vec<Seg<'g>>>,
    own_id: bool,
    same_as_above: Vec<bool>,
}

/// Reads tables into items, accumulating the source map and findings.
pub(crate) struct Reader {
    pub items: Vec<Item<'static>>,
    sources: SourceMap,
    findings: Vec<Finding>,
    table_no: usize,
    ids: HashSet<String>,
    channel_cache: HashMap<String, ChannelCell>,
    time_cache: HashMap<String, (TimeLimit<'static>, TimeLimitNote)>,
    basis_cache: HashMap<String, Vec<Citation<'static>>>,
    content_cache: HashMap<String, Vec<String>>,
    others_reported: HashSet<String>,
    gloss: Option<Location>,
    /// Whether blank cells under merged ones are carried down (a CSV, which loses its merges;
    /// see `fixups.rs`).
    pub carry_blanks: bool,
}

fn field_zh(role: &Role) -> &'static str {
    crate::model::field_title(role.field()).unwrap_or("")
}

fn id_like(s: &str) -> bool {
    let t = normalize_cell(s);
    let n = t.chars().count();
    n > 0
        && n <= 12
        && t.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(c, '.' | '-' | '_' | '(' | ')' | '、')
                || text::parse_cn_number(&c.to_string()).is_some()
        })
}

fn is_same_as_above(s: &str) -> bool {
    if s.len() > 40 || !s.contains('同') {
        return false;
    }
    let k = match_key(s);
    let k = k.trim_end_matches(['。', '.', ';', '；']);
    matches!(k, "同上" | "同上一行" | "同前" | "同上栏" | "同上款")
}

/// The parse of a cell's text, remembered by text (cells repeat down a catalogue); at most
/// 10,000 distinct texts are kept per cache, beyond which cells are parsed every time.
fn memo<T: Clone>(cache: &mut HashMap<String, T>, t: &str, parse: impl FnOnce(&str) -> T) -> T {
    if let Some(x) = cache.get(t) {
        return x.clone();
    }
    let x = parse(t);
    if cache.len() < 10_000 {
        cache.insert(t.to_owned(), x.clone());
    }
    x
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

impl Reader {
    pub(crate) fn new() -> Self {
        Reader {
            items: Vec::new(),
            sources: SourceMap::new(),
            findings: Vec::new(),
            table_no: 0,
            ids: HashSet::new(),
            channel_cache: HashMap::new(),
            time_cache: HashMap::new(),
            basis_cache: HashMap::new(),
            content_cache: HashMap::new(),
            others_reported: HashSet::new(),
            gloss: None,
            carry_blanks: false,
        }
    }

    pub(crate) fn finish(mut self) -> (Vec<Item<'static>>, SourceMap, Vec<Finding>) {
        if let Some(loc) = self.gloss.take() {
            self.findings
                .push(Finding::new(codes::import::GLOSS_REMOVED, "", None, &[]).at(&loc));
        }
        (self.items, self.sources, self.findings)
    }

    /// The findings so far (for the import's limit on findings).
    pub(crate) fn findings_mut(&mut self) -> &mut Vec<Finding> {
        &mut self.findings
    }

    /// Records that `/items/{i}/{tail}` came from the cell `at` (row index, column index).
    fn source(
        &mut self,
        grid: &Grid,
        i: usize,
        tail: &str,
        at: (usize, usize),
        header: Option<&str>,
        keep: bool,
    ) {
        let cell = CellRef {
            sheet: grid.sheet.as_deref(),
            row: grid.row_number(at.0),
            column: at.1,
            header,
        };
        self.sources.insert_cell(i, tail, cell, keep);
    }

    fn note_gloss(&mut self, grid: &Grid, s: &Seg) {
        if self.gloss.is_none() && s.text.contains('(') && text::strip_glosses(&s.text).1 {
            self.gloss = Some(grid.location(s.r, s.c, None));
        }
    }

    /// Reads one table.
    pub(crate) fn read_table<'g>(&mut self, grid: &'g Grid, layout: &Layout) {
        self.table_no += 1;
        let cols = &layout.columns;
        let h = layout.header_rows.first().copied().unwrap_or(0);
        let hl = layout.header_rows.last().copied().unwrap_or(h);
        // A table continuing another (no header of its own) was described with the first.
        let own_header = !layout.header_rows.is_empty();
        if own_header {
            self.header_findings(grid, layout, hl);
        }
        let find = |pred: fn(&Role) -> bool| cols.iter().position(|c| pred(&c.role));
        let id_k = find(|r| *r == Role::Id);
        let name_k = find(|r| *r == Role::Name);
        let cat_k = find(|r| *r == Role::Category);
        let width = layout.width;
        let mut raws: Vec<Raw<'g>> = Vec::new();
        let mut current_cat: Option<Seg<'g>> = None;
        let mut skip_sub = false;
        let base = self.items.len();
        for r in layout.data_start()..grid.rows.len() {
            if skip_sub {
                skip_sub = false;
                if layout.repeats_sub_header(grid, r) {
                    continue;
                }
            }
            if layout.repeats_header(grid, r) {
                let loc = grid.location(r, 0, None);
                self.findings.push(
                    Finding::new(
                        codes::import::HEADER_REPEATED,
                        "/items",
                        None,
                        &[("row", grid.row_number(r).to_string())],
                    )
                    .at(&loc),
                );
                skip_sub = true;
                continue;
            }
            let own: Vec<Option<&str>> = cols
                .iter()
                .map(|col| {
                    let cell = grid.cell(r, col.index)?;
                    if cell.origin.is_some() || cell.text.trim().is_empty() {
                        None
                    } else {
                        Some(cell.text.as_str())
                    }
                })
                .collect();
            let n_own = own.iter().filter(|o| o.is_some()).count();
            if n_own == 0 {
                continue;
            }
            let own_at = |k: Option<usize>| k.and_then(|k| own.get(k).copied().flatten());
            if n_own == 1 {
                let k = own.iter().position(Option::is_some).unwrap_or(0);
                let col = &cols[k];
                let t = own[k].unwrap_or_default();
                let spans = (0..width)
                    .filter(|&c| grid.origin(r, c) == (r, col.index))
                    .count();
                let wide = spans >= 3.max(width / 2);
                let only_id = col.role == Role::Id && id_like(t);
                if only_id {
                    self.row_skipped(grid, r, col.index, t, "only_id");
                    continue;
                }
                if wide || col.role == Role::Id || (col.role == Role::Category && name_k.is_some())
                {
                    let nt = normalize_cell(t);
                    let note = ["注", "备注", "说明", "附", "填报", "制表", "审核"]
                        .iter()
                        .any(|p| nt.starts_with(p))
                        || nt.chars().count() > 40;
                    if note {
                        self.row_skipped(grid, r, col.index, t, "note");
                    } else {
                        let title = strip_numbering(&nt);
                        let loc = grid.location(r, col.index, None);
                        self.findings.push(
                            Finding::new(
                                codes::import::SECTION_ROW,
                                "/items",
                                None,
                                &[
                                    ("row", grid.row_number(r).to_string()),
                                    ("text", title.clone()),
                                ],
                            )
                            .at(&loc),
                        );
                        current_cat = Some(Seg {
                            text: Cow::Owned(title),
                            r,
                            c: col.index,
                        });
                    }
                    continue;
                }
            }
            let is_item = own_at(id_k).is_some()
                || own_at(name_k).is_some()
                || (own_at(cat_k).is_some() && n_own > 1 && name_k.is_none());
            if !is_item {
                let Some(last) = raws.last_mut() else {
                    let k = own.iter().position(Option::is_some).unwrap_or(0);
                    let t = own[k].unwrap_or_default();
                    self.row_skipped(grid, r, cols[k].index, t, "no_item");
                    continue;
                };
                for (k, o) in own.iter().enumerate() {
                    if let Some(t) = o {
                        last.cols[k].push(Seg {
                            text: Cow::Borrowed(t),
                            r,
                            c: cols[k].index,
                        });
                    }
                }
                let idx = base + raws.len() - 1;
                let item_row = grid.row_number(raws.last().map_or(r, |x| x.row));
                let loc = grid.location(r, 0, None);
                self.findings.push(
                    Finding::new(
                        codes::import::CONTINUATION_ROW,
                        format!("/items/{idx}"),
                        None,
                        &[
                            ("row", grid.row_number(r).to_string()),
                            ("item_row", item_row.to_string()),
                        ],
                    )
                    .at(&loc),
                );
                continue;
            }
            let mut raw = Raw {
                row: r,
                cols: vec![Vec::new(); cols.len()],
                own_id: own_at(id_k).is_some(),
                same_as_above: vec![false; cols.len()],
            };
            for (k, col) in cols.iter().enumerate() {
                if matches!(col.role, Role::Empty) {
                    continue;
                }
                if let Some(t) = own[k] {
                    raw.cols[k].push(Seg {
                        text: Cow::Borrowed(t),
                        r,
                        c: col.index,
                    });
                } else if grid.cell(r, col.index).and_then(|c| c.origin).is_some() {
                    let (r0, c0) = grid.origin(r, col.index);
                    let t = grid.own(r0, c0);
                    if !t.trim().is_empty() {
                        raw.cols[k].push(Seg {
                            text: Cow::Borrowed(t),
                            r: r0,
                            c: c0,
                        });
                    }
                }
            }
            // 一级事项: merged, carried down from the row above, or from a section title.
            if let Some(k) = cat_k {
                match raw.cols[k].first() {
                    Some(s) => current_cat = Some(s.clone()),
                    None => {
                        if let Some(s) = &current_cat {
                            raw.cols[k].push(s.clone());
                        }
                    }
                }
            }
            // 二级事项 left empty below a merged cell in a CSV: carried down when the row has its
            // own 序号 and stays in the same 一级事项.
            if let (Some(nk), Some(prev)) = (name_k, raws.last()) {
                let same_cat = cat_k.is_none_or(|k| {
                    raw.cols[k].first().map(|s| (s.r, s.c))
                        == prev.cols[k].first().map(|s| (s.r, s.c))
                });
                if raw.cols[nk].is_empty() && raw.own_id && same_cat {
                    if let Some(s) = prev.cols[nk].first().cloned() {
                        let idx = base + raws.len();
                        self.findings.push(Finding::new(
                            codes::import::CARRIED_DOWN,
                            format!("/items/{idx}/name"),
                            None,
                            &[
                                ("field", "二级事项".to_owned()),
                                ("value", normalize_cell(&s.text)),
                                ("from_row", grid.row_number(s.r).to_string()),
                            ],
                        ));
                        raw.cols[nk].push(s);
                    }
                }
            }
            raws.push(raw);
        }
        if let Some(k) = cat_k {
            self.join_split_categories(grid, &mut raws, k, base);
        }
        if self.carry_blanks {
            self.carry_merged_blanks(grid, layout, &mut raws, cat_k, base);
        }
        self.resolve_same_as_above(grid, layout, &mut raws, base);
        let ids = self.make_ids(grid, layout, &raws, id_k, base);
        // Without a 一级事项 column, section titles give the category.
        let section_cats = if cat_k.is_none() {
            section_categories(grid, layout, &raws)
        } else {
            vec![None; raws.len()]
        };
        let all_blank = blank_groups(grid, layout, &raws);
        for (j, raw) in raws.iter().enumerate() {
            let mut item = self.build(
                grid,
                layout,
                raw,
                base + j,
                ids[j].clone(),
                section_cats[j].clone(),
                &all_blank,
            );
            shrink(&mut item);
            self.items.push(item);
        }
        // No 一级事项 column, and no section titles to stand in for it.
        if own_header
            && cat_k.is_none()
            && self.items[base..].iter().any(|it| it.category.is_empty())
        {
            let loc = Location {
                sheet: grid.sheet.clone(),
                row: grid.row_number(h),
                column: None,
                header: None,
            };
            self.findings.push(
                Finding::new(
                    codes::import::HEADER_MISSING_COLUMN,
                    "/items",
                    None,
                    &[("field", "一级事项".to_owned())],
                )
                .at(&loc),
            );
        }
        // Groups without a single mark in the whole table: one warning at the header.
        for g in [GroupKind::Audience, GroupKind::Method, GroupKind::Levels] {
            if own_header && all_blank.contains(&g) && !raws.is_empty() {
                if let Some(col) = cols.iter().find(|c| group_kind(&c.role) == Some(g)) {
                    let loc = grid.location(h, col.index, Some(group_zh(g)));
                    self.findings.push(
                        Finding::new(
                            codes::import::MARKS_MISSING_COLUMN,
                            "/items",
                            None,
                            &[
                                ("field", group_zh(g).to_owned()),
                                ("column", Location::column_letter(col.index)),
                                ("count", raws.len().to_string()),
                            ],
                        )
                        .at(&loc),
                    );
                }
            }
        }
    }

    fn row_skipped(&mut self, grid: &Grid, r: usize, c: usize, t: &str, why: &str) {
        let loc = grid.location(r, c, None);
        let reason = match why {
            "only_id" => "只有序号，没有其他内容",
            "note" => "是表格的注释或说明",
            _ => "上面没有可归属的公开事项",
        };
        self.findings.push(
            Finding::new(
                codes::import::ROW_SKIPPED,
                "/items",
                None,
                &[
                    ("row", grid.row_number(r).to_string()),
                    ("text", crate::excerpt(&normalize_cell(t), 60)),
                    ("reason", reason.to_owned()),
                ],
            )
            .at(&loc),
        );
    }

    fn header_findings(&mut self, grid: &Grid, layout: &Layout, hl: usize) {
        let h = layout.header_rows.first().copied().unwrap_or(0);
        for col in &layout.columns {
            let loc = grid.location(hl, col.index, Some(col.display()));
            if col.inferred {
                self.findings.push(
                    Finding::new(
                        codes::import::HEADER_INFERRED,
                        "/items",
                        None,
                        &[
                            ("column", Location::column_letter(col.index)),
                            ("field", header_role_zh(&col.role)),
                        ],
                    )
                    .at(&loc),
                );
            }
            if let Role::Extra(key) = &col.role {
                self.findings.push(
                    Finding::new(
                        codes::import::EXTRA_COLUMN,
                        "/items",
                        None,
                        &[
                            ("column", Location::column_letter(col.index)),
                            ("header", key.clone()),
                        ],
                    )
                    .at(&loc),
                );
            }
        }
        let has = |pred: &dyn Fn(&Role) -> bool| layout.columns.iter().any(|c| pred(&c.role));
        type Test<'f> = &'f dyn Fn(&Role) -> bool;
        let required: [(&str, Test<'_>); 9] = [
            ("二级事项", &|r| *r == Role::Name),
            ("公开内容", &|r| *r == Role::Content),
            ("公开依据", &|r| *r == Role::Basis),
            ("公开时限", &|r| *r == Role::TimeLimit),
            ("公开主体", &|r| *r == Role::Subject),
            ("公开渠道和载体", &|r| {
                matches!(r, Role::Channels | Role::ChannelTick(_))
            }),
            ("公开对象", &|r| {
                group_kind(r) == Some(GroupKind::Audience)
            }),
            ("公开方式", &|r| {
                group_kind(r) == Some(GroupKind::Method)
            }),
            ("公开层级", &|r| {
                group_kind(r) == Some(GroupKind::Levels)
            }),
        ];
        for (zh, pred) in required {
            if !has(pred) {
                let loc = Location {
                    sheet: grid.sheet.clone(),
                    row: grid.row_number(h),
                    column: None,
                    header: None,
                };
                self.findings.push(
                    Finding::new(
                        codes::import::HEADER_MISSING_COLUMN,
                        "/items",
                        None,
                        &[("field", zh.to_owned())],
                    )
                    .at(&loc),
                );
            }
        }
    }
}

pub(crate) fn strip_numbering(s: &str) -> String {
    let t = s.trim();
    let t = t.trim_start_matches(|c: char| {
        c.is_ascii_digit()
            || text::parse_cn_number(&c.to_string()).is_some()
            || matches!(c, '、' | '.' | '(' | ')' | ' ' | '（' | '）')
    });
    t.to_owned()
}

/// Section titles (single-cell rows) above items, for tables without a 一级事项 column.
fn section_categories<'g>(grid: &Grid, layout: &Layout, raws: &[Raw<'g>]) -> Vec<Option<Seg<'g>>> {
    let width = layout.width;
    let mut out = Vec::with_capacity(raws.len());
    let mut current: Option<Seg<'g>> = None;
    let mut next = layout.data_start();
    for raw in raws {
        for r in next..raw.row {
            let own: Vec<usize> = (0..width)
                .filter(|&c| {
                    grid.cell(r, c)
                        .is_some_and(|x| x.origin.is_none() && !x.text.trim().is_empty())
                })
                .collect();
            if own.len() == 1 {
                let t = normalize_cell(grid.own(r, own[0]));
                if !id_like(&t) && t.chars().count() <= 40 && !t.starts_with('注') {
                    current = Some(Seg {
                        text: Cow::Owned(strip_numbering(&t)),
                        r,
                        c: own[0],
                    });
                }
            }
        }
        next = raw.row + 1;
        out.push(current.clone());
    }
    out
}

fn header_role_zh(role: &Role) -> String {
    match role {
        Role::AudienceTick(a) => a.zh().to_owned(),
        Role::MethodTick(m) => m.zh().to_owned(),
        Role::LevelTick(ls) if ls.is_empty() => "公开层级（未能识别的层级）".to_owned(),
        Role::LevelTick(ls) => ls.iter().map(|l| l.zh()).collect::<Vec<_>>().join("、"),
        Role::ChannelTick(Some(c)) => c.zh().to_owned(),
        r => field_zh(r).to_owned(),
    }
}

/// The text of the rows above the header (a title row, a date row).
pub(crate) fn title_rows(grid: &Grid, layout: &Layout, skip: &[usize]) -> Vec<String> {
    let h = layout.header_rows.first().copied().unwrap_or(0);
    let mut out = Vec::new();
    for r in (0..h).filter(|r| !skip.contains(r)) {
        let texts: Vec<String> = (0..grid.rows[r].cells.len())
            .filter(|&c| grid.cell(r, c).is_some_and(|x| x.origin.is_none()))
            .map(|c| normalize_cell(grid.own(r, c)))
            .filter(|t| !t.is_empty())
            .collect();
        if !texts.is_empty() {
            out.push(texts.join(" "));
        }
    }
    out
}

/// Frees the room an item's lists were given and do not use (a list of one citation holds room
/// for four, 384 bytes): 100,000 items are kept until the report is written.
fn shrink(item: &mut crate::model::Item<'static>) {
    item.content.shrink_to_fit();
    item.basis.shrink_to_fit();
    for c in &mut item.basis {
        c.articles.shrink_to_fit();
    }
    item.channels.shrink_to_fit();
    item.other_channels.shrink_to_fit();
    item.audience.shrink_to_fit();
    item.method.shrink_to_fit();
    item.levels.shrink_to_fit();
}
