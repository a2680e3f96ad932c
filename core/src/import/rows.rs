//! From a grid and its column model to items: row classification (items, continuation rows,
//! repeated headers, section titles, notes), carried-down and merged cells, 同上, ids, cell
//! parsing, the source map and the importer's findings.

use super::ImportOptions;
use super::channels::{ChannelCell, ChannelName, channel_name, parse_channel_cell};
use super::grid::Grid;
use super::header::{self, Layout, Role, audience_of, levels_of_label};
use super::text::{self, TimeLimitNote, match_key, normalize_cell};
use crate::codes;
use crate::issue::Finding;
use crate::model::{
    Audience, Catalogue, Citation, DOMAINS, Extra, Item, Level, Method, Text, TimeLimit,
    domain_by_code, domain_by_zh,
};
use crate::report::{CellRef, Location, SourceMap};
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

#[derive(Debug, Clone, PartialEq)]
enum Mark {
    Blank,
    Yes,
    No,
    /// Levels named in the cell (县级 written in a 州级县级 column).
    Levels(Vec<Level>),
    /// A word that is a yes with a note (申请人 in the 特定群体 column).
    YesNote(String),
    Unclear(String),
}

fn read_mark(raw: &str, role: &Role) -> Mark {
    match raw.trim() {
        "" => return Mark::Blank,
        "√" | "✓" | "✔" | "●" | "■" | "☑" => return Mark::Yes,
        _ => {}
    }
    let k = match_key(raw);
    let k = k.trim_matches(|c: char| matches!(c, '.' | '。' | ',' | '，' | ';' | '；' | ' '));
    if k.is_empty() {
        return Mark::Blank;
    }
    let all = |set: &[char]| k.chars().all(|c| set.contains(&c));
    if all(&['√', '✓', '✔', '●', '■', '☑', '☒', '✅', '▇', '◆', '★']) {
        return Mark::Yes;
    }
    if matches!(
        k,
        "v" | "V" | "Y" | "y" | "是" | "有" | "对" | "yes" | "Yes" | "YES"
    ) {
        return Mark::Yes;
    }
    if all(&['×', '✗', '✘', '╳', '□', '☐', '-', '—', '/', '\\'])
        || matches!(
            k,
            "x" | "X" | "否" | "无" | "不" | "N" | "n" | "no" | "No" | "NO"
        )
    {
        return Mark::No;
    }
    match role {
        Role::AudienceTick(a) => match audience_of(k) {
            // A named group under 特定群体 (申请人, 当事人…) is kept as the note it is.
            Some(Audience::SpecificGroups)
                if *a == Audience::SpecificGroups
                    && !k.contains("特定")
                    && k.chars().count() <= 30 =>
            {
                Mark::YesNote(normalize_cell(raw))
            }
            Some(x) if x == *a => Mark::Yes,
            _ if *a == Audience::SpecificGroups && k.chars().count() <= 30 => {
                Mark::YesNote(normalize_cell(raw))
            }
            _ => Mark::Unclear(normalize_cell(raw)),
        },
        Role::MethodTick(m) => match header::method_of(k) {
            Some(x) if x == *m => Mark::Yes,
            _ => Mark::Unclear(normalize_cell(raw)),
        },
        Role::LevelTick(_) => {
            let l = levels_of_label(k);
            if !l.is_empty() && k.chars().count() <= 12 {
                Mark::Levels(l)
            } else {
                Mark::Unclear(normalize_cell(raw))
            }
        }
        Role::ChannelTick(Some(ch)) => match channel_name(k) {
            ChannelName::Standard(x) if x == *ch => Mark::Yes,
            _ => Mark::Unclear(normalize_cell(raw)),
        },
        Role::ChannelTick(None) => Mark::YesNote(normalize_cell(raw)),
        _ => Mark::Unclear(normalize_cell(raw)),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GroupKind {
    Audience,
    Method,
    Levels,
}

fn group_kind(role: &Role) -> Option<GroupKind> {
    match role {
        Role::AudienceTick(_) | Role::AudienceText => Some(GroupKind::Audience),
        Role::MethodTick(_) | Role::MethodText => Some(GroupKind::Method),
        Role::LevelTick(_) | Role::LevelText => Some(GroupKind::Levels),
        _ => None,
    }
}

fn group_field(g: GroupKind) -> &'static str {
    match g {
        GroupKind::Audience => "audience",
        GroupKind::Method => "method",
        GroupKind::Levels => "levels",
    }
}

fn group_zh(g: GroupKind) -> &'static str {
    match g {
        GroupKind::Audience => "公开对象",
        GroupKind::Method => "公开方式",
        GroupKind::Levels => "公开层级",
    }
}

#[derive(Default)]
struct GroupResult {
    audience: Vec<Audience>,
    method: Vec<Method>,
    levels: Vec<Level>,
    note: Option<String>,
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
        }
    }

    pub(crate) fn finish(mut self) -> (Vec<Item<'static>>, SourceMap, Vec<Finding>) {
        if let Some(loc) = self.gloss.take() {
            self.findings
                .push(Finding::new(codes::import::GLOSS_REMOVED, "", None, &[]).at(&loc));
        }
        (self.items, self.sources, self.findings)
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
        self.header_findings(grid, layout, hl);
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
            let item = self.build(
                grid,
                layout,
                raw,
                base + j,
                ids[j].clone(),
                section_cats[j].clone(),
                &all_blank,
            );
            self.items.push(item);
        }
        // No 一级事项 column, and no section titles to stand in for it.
        if cat_k.is_none() && self.items[base..].iter().any(|it| it.category.is_empty()) {
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
            if all_blank.contains(&g) && !raws.is_empty() {
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

    /// 城镇燃 / 气管理 on two rows (a merged 一级事项 flattened with its text split): joined when
    /// both fragments are short, stand on consecutive rows, and the two characters at the join
    /// occur together in the rows' 二级事项 or 公开内容 (燃气 in 燃气经营许可证核发).
    fn join_split_categories(&mut self, grid: &Grid, raws: &mut [Raw<'_>], k: usize, base: usize) {
        let mut i = 0;
        while i + 1 < raws.len() {
            let (Some(a), Some(b)) = (raws[i].cols[k].first(), raws[i + 1].cols[k].first()) else {
                i += 1;
                continue;
            };
            let a_own = a.r == raws[i].row;
            let b_own = b.r == raws[i + 1].row;
            let at = normalize_cell(&a.text);
            let bt = normalize_cell(&b.text);
            let (na, nb) = (at.chars().count(), bt.chars().count());
            let first_in_group =
                i == 0 || raws[i - 1].cols[k].first().map(|s| (s.r, s.c)) != Some((a.r, a.c));
            let ok = a_own
                && b_own
                && at != bt
                && first_in_group
                && (2..=6).contains(&na)
                && (2..=6).contains(&nb)
                && !at.contains(['、', ',', '，', '/'])
                && {
                    let junction: String = at
                        .chars()
                        .last()
                        .into_iter()
                        .chain(bt.chars().next())
                        .collect();
                    let texts: Vec<String> = [i, i + 1]
                        .iter()
                        .flat_map(|&j| {
                            raws[j]
                                .cols
                                .iter()
                                .enumerate()
                                .filter(|(kk, _)| *kk != k)
                                .flat_map(|(_, segs)| segs.iter().map(|s| normalize_cell(&s.text)))
                                .collect::<Vec<_>>()
                        })
                        .collect();
                    texts.iter().any(|t| t.contains(&junction))
                };
            if !ok {
                i += 1;
                continue;
            }
            let joined = format!("{at}{bt}");
            let (pa, pb) = ((a.r, a.c), (b.r, b.c));
            for (j, raw) in raws.iter_mut().enumerate() {
                if let Some(s) = raw.cols[k].first_mut() {
                    if (s.r, s.c) == pa || (s.r, s.c) == pb {
                        s.text = Cow::Owned(joined.clone());
                        if (s.r, s.c) == (raw.row, s.c) {
                            self.findings.push(Finding::new(
                                codes::import::SPLIT_CELL_JOINED,
                                format!("/items/{}/category", base + j),
                                None,
                                &[
                                    ("first", at.clone()),
                                    ("second", bt.clone()),
                                    ("joined", joined.clone()),
                                    (
                                        "rows",
                                        format!(
                                            "{}、{}",
                                            grid.row_number(pa.0),
                                            grid.row_number(pb.0)
                                        ),
                                    ),
                                ],
                            ));
                        }
                    }
                }
            }
            i += 2;
        }
    }

    fn resolve_same_as_above(
        &mut self,
        grid: &Grid,
        layout: &Layout,
        raws: &mut [Raw<'_>],
        base: usize,
    ) {
        for j in 0..raws.len() {
            for k in 0..layout.columns.len() {
                let Some(first) = raws[j].cols[k].first() else {
                    continue;
                };
                if !is_same_as_above(&first.text) {
                    continue;
                }
                let col = &layout.columns[k];
                let field = match col.role.field() {
                    "" => col.display().to_owned(),
                    f => f.to_owned(),
                };
                let field_zh = match crate::model::field_title(col.role.field()) {
                    Some(z) if !col.role.field().is_empty() => z.to_owned(),
                    _ => col.display().to_owned(),
                };
                let path = format!(
                    "/items/{}/{}",
                    base + j,
                    crate::json::escape_pointer_token(&field)
                );
                if j == 0 {
                    self.findings.push(Finding::new(
                        codes::import::SAME_AS_ABOVE_UNRESOLVED,
                        path,
                        None,
                        &[("field", field_zh)],
                    ));
                    continue;
                }
                let prev = raws[j - 1].cols[k].clone();
                let from_row = grid.row_number(raws[j - 1].row);
                let value: String = prev
                    .iter()
                    .map(|s| normalize_cell(&s.text))
                    .collect::<Vec<_>>()
                    .join(" ");
                self.findings.push(Finding::new(
                    codes::import::SAME_AS_ABOVE,
                    path,
                    None,
                    &[
                        ("field", field_zh),
                        ("from_row", from_row.to_string()),
                        ("value", crate::excerpt(&value, 60)),
                    ],
                ));
                let keep_loc = raws[j].cols[k][0].clone();
                raws[j].same_as_above[k] = true;
                // The values come from above; the location stays on this row's cell.
                raws[j].cols[k] = prev
                    .into_iter()
                    .map(|s| Seg {
                        text: s.text,
                        r: keep_loc.r,
                        c: keep_loc.c,
                    })
                    .collect();
            }
        }
    }

    fn make_ids(
        &mut self,
        grid: &Grid,
        layout: &Layout,
        raws: &[Raw],
        id_k: Option<usize>,
        base: usize,
    ) -> Vec<String> {
        let mut out = Vec::with_capacity(raws.len());
        let mut last_own: Option<String> = None;
        let mut counter = 1usize;
        let mut local: HashSet<String> = HashSet::new();
        for (j, raw) in raws.iter().enumerate() {
            let own = id_k
                .filter(|_| raw.own_id)
                .and_then(|k| raw.cols[k].first())
                .map(|s| normalize_cell(&s.text))
                .filter(|s| !s.is_empty());
            let mut id = match own {
                Some(id) => {
                    last_own = Some(id.clone());
                    counter = 1;
                    id
                }
                None => {
                    let generated = loop {
                        counter += 1;
                        let cand = match &last_own {
                            Some(b) => format!("{b}-{counter}"),
                            None => (base + j + counter - 1).to_string(),
                        };
                        if !local.contains(&cand) && !self.ids.contains(&cand) {
                            break cand;
                        }
                        if counter > raws.len() + 10 {
                            break format!("{}-{}", self.table_no, base + j + 1);
                        }
                    };
                    if id_k.is_some() {
                        self.findings.push(Finding::new(
                            codes::import::ID_GENERATED,
                            format!("/items/{}/id", base + j),
                            None,
                            &[
                                ("id", generated.clone()),
                                ("row", grid.row_number(raw.row).to_string()),
                            ],
                        ));
                    }
                    generated
                }
            };
            if self.ids.contains(&id) {
                let renamed = format!("{}-{id}", self.table_no);
                self.findings.push(Finding::new(
                    codes::import::ID_RENAMED,
                    format!("/items/{}/id", base + j),
                    None,
                    &[
                        ("id", id.clone()),
                        ("new_id", renamed.clone()),
                        ("table", grid.sheet.clone().unwrap_or_default()),
                    ],
                ));
                id = renamed;
            }
            local.insert(id.clone());
            out.push(id);
        }
        let _ = layout;
        self.ids.extend(local);
        out
    }

    /// [`text::split_content`], remembered: a 公开内容 cell repeats down a catalogue.
    fn split_content(&mut self, t: &str) -> Vec<String> {
        memo(&mut self.content_cache, t, text::split_content)
    }

    fn parse_time(&mut self, t: &str) -> (TimeLimit<'static>, TimeLimitNote) {
        memo(&mut self.time_cache, t, |t| {
            let mut x = text::parse_time_limit_noted(t);
            // The wording is kept in `text` unless it is exactly the canonical wording of what
            // was parsed (the exporters' contract, see `crate::export`).
            crate::layout::cells::drop_canonical_time_limit_text(&mut x.0);
            x
        })
    }

    fn parse_basis(&mut self, t: &str) -> Vec<Citation<'static>> {
        memo(&mut self.basis_cache, t, |t| {
            let mut x = text::parse_citations(t);
            for c in &mut x {
                crate::layout::cells::drop_canonical_citation_text(c);
            }
            x
        })
    }

    fn parse_channels(&mut self, t: &str) -> ChannelCell {
        memo(&mut self.channel_cache, t, parse_channel_cell)
    }

    #[allow(clippy::too_many_arguments)]
    fn build(
        &mut self,
        grid: &Grid,
        layout: &Layout,
        raw: &Raw,
        i: usize,
        id: String,
        section_cat: Option<Seg>,
        all_blank: &[GroupKind],
    ) -> Item<'static> {
        let cols = &layout.columns;
        let path = format!("/items/{i}");
        let first_col = cols
            .iter()
            .find(|c| c.role == Role::Id)
            .or_else(|| cols.iter().find(|c| c.role != Role::Empty))
            .map_or(0, |c| c.index);
        self.source(grid, i, "", (raw.row, first_col), None, false);
        for segs in &raw.cols {
            for s in segs {
                self.note_gloss(grid, s);
            }
        }
        let mut item = Item {
            id: Text::from(id),
            category: Text::default(),
            name: Text::default(),
            subitem: None,
            content: Vec::new(),
            basis: Vec::new(),
            time_limit: TimeLimit::unparsed(String::new()),
            subject: Text::default(),
            channels: Vec::new(),
            other_channels: Vec::new(),
            audience: Vec::new(),
            audience_note: None,
            method: Vec::new(),
            levels: Vec::new(),
            notes: None,
            extra: Extra::new(),
        };
        let mut notes: Vec<String> = Vec::new();
        // Channel cells: the text, its cell and header.
        let mut channel_cells: Vec<(String, (usize, usize), &str)> = Vec::new();
        let mut groups: Vec<(GroupKind, usize)> = Vec::new();
        let joined = |segs: &[Seg]| -> String {
            match segs {
                [s] => s.text.trim().to_owned(),
                _ => segs
                    .iter()
                    .map(|s| s.text.trim())
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n"),
            }
        };
        if let Some(s) = &section_cat {
            item.category = Text::from(s.text.clone().into_owned());
            self.source(grid, i, "category", (s.r, s.c), None, false);
        }
        for (k, col) in cols.iter().enumerate() {
            let segs = &raw.cols[k];
            let header = col.display();
            let at = segs.first().map_or((raw.row, col.index), |s| (s.r, s.c));
            let field = col.role.field();
            if !field.is_empty() && !matches!(col.role, Role::ChannelTick(_)) {
                if let Some(g) = group_kind(&col.role) {
                    groups.push((g, k));
                    continue;
                }
                // Optional fields only when filled (validation never points at them empty).
                let optional = matches!(col.role, Role::Notes | Role::Subitem | Role::AudienceNote);
                if !optional || !segs.is_empty() {
                    self.source(grid, i, field, at, Some(header), false);
                }
            }
            let text = joined(segs);
            match &col.role {
                Role::Id | Role::Empty => {}
                Role::Category => item.category = Text::from(normalize_cell(&text)),
                Role::Name => item.name = Text::from(normalize_cell(&text)),
                Role::Subitem => {
                    let t = normalize_cell(&text);
                    item.subitem = (!t.is_empty()).then(|| Text::from(t));
                }
                Role::Subject => item.subject = Text::from(normalize_cell(&text)),
                Role::AudienceNote => {
                    let t = normalize_cell(&text);
                    item.audience_note = (!t.is_empty()).then(|| Text::from(t));
                }
                Role::Notes => {
                    let t = normalize_cell(&text);
                    if !t.is_empty() {
                        notes.push(t);
                    }
                }
                // Elements in the field's own cell fall back to the field's location; only
                // those from other cells (continuation rows) get an entry of their own.
                Role::Content => {
                    for (n, s) in segs.iter().enumerate() {
                        for piece in self.split_content(&s.text) {
                            if n > 0 {
                                let tail = format!("content/{}", item.content.len());
                                self.source(grid, i, &tail, (s.r, s.c), Some(header), false);
                            }
                            item.content.push(Text::from(piece));
                        }
                    }
                }
                Role::Basis => {
                    for (n, s) in segs.iter().enumerate() {
                        for c in self.parse_basis(&s.text) {
                            if n > 0 {
                                let tail = format!("basis/{}", item.basis.len());
                                self.source(grid, i, &tail, (s.r, s.c), Some(header), false);
                            }
                            item.basis.push(c);
                        }
                    }
                }
                Role::TimeLimit => {
                    let (mut tl, note) = self.parse_time(&text);
                    if raw.same_as_above[k] {
                        if let Some(orig) = grid.cell(loc_row(segs, raw.row), col.index) {
                            let o = orig.text.trim();
                            if !o.is_empty() {
                                tl.text = Some(Text::from(o.to_owned()));
                            }
                        }
                    }
                    let code = match note {
                        TimeLimitNote::Unparsed => Some(codes::import::TIME_LIMIT_UNPARSED),
                        TimeLimitNote::Compound => Some(codes::import::TIME_LIMIT_COMPOUND),
                        TimeLimitNote::Duration => Some(codes::import::TIME_LIMIT_DURATION),
                        _ => None,
                    };
                    if let Some(code) = code {
                        self.findings.push(Finding::new(
                            code,
                            format!("{path}/time_limit"),
                            Some(item.id.as_str()),
                            &[
                                ("text", crate::excerpt(&normalize_cell(&text), 80)),
                                ("item", item.name.to_string()),
                            ],
                        ));
                    }
                    item.time_limit = tl;
                }
                Role::Channels => {
                    if !text.is_empty() {
                        channel_cells.push((text.clone(), at, header));
                    }
                    self.source(grid, i, "other_channels", at, Some(header), false);
                }
                Role::ChannelTick(ch) => {
                    self.source(grid, i, "channels", at, Some(header), true);
                    match read_mark(&text, &col.role) {
                        Mark::Yes => match ch {
                            Some(c) => push_unique(&mut item.channels, *c),
                            None => push_unique(&mut item.other_channels, Text::from("其他")),
                        },
                        Mark::YesNote(t) if ch.is_none() => {
                            push_unique(&mut item.other_channels, Text::from(t));
                        }
                        Mark::Unclear(t) => {
                            self.mark_unclear(&path, "channels", header, &t, &item.id);
                            notes.push(format!("{header}：{t}"));
                        }
                        _ => {}
                    }
                }
                Role::Extra(key) => {
                    let t = text.trim();
                    if !t.is_empty() {
                        // A header ending in （JSON） holds JSON values (the exporters' contract);
                        // a cell that is not JSON is kept as text under the header as written.
                        let (key, value) =
                            match key.strip_suffix(crate::layout::JSON_SUFFIX).and_then(|k| {
                                serde_json::from_str::<serde_json::Value>(t)
                                    .ok()
                                    .map(|v| (k, v))
                            }) {
                                Some((k, v)) => (k.to_owned(), v),
                                None => (key.clone(), serde_json::Value::String(t.to_owned())),
                            };
                        let tail = crate::json::escape_pointer_token(&key);
                        self.source(grid, i, &tail, at, Some(header), false);
                        item.extra.insert(key, value);
                    }
                }
                Role::AudienceText
                | Role::AudienceTick(_)
                | Role::MethodText
                | Role::MethodTick(_)
                | Role::LevelText
                | Role::LevelTick(_) => {}
            }
        }
        // Channels.
        for (text, at, header) in channel_cells {
            let cell = self.parse_channels(&text);
            for c in &cell.channels {
                push_unique(&mut item.channels, *c);
            }
            for o in &cell.other {
                push_unique(&mut item.other_channels, Text::from(o.clone()));
                if self.others_reported.insert(text::normalize_name(o)) {
                    self.findings.push(Finding::new(
                        codes::import::CHANNEL_OTHER,
                        format!("{path}/other_channels"),
                        Some(item.id.as_str()),
                        &[("name", o.clone())],
                    ));
                }
            }
            self.source(grid, i, "channels", at, Some(header), false);
            if let Some(a) = cell.ambiguous {
                let chosen: Vec<&str> = item
                    .channels
                    .iter()
                    .map(|c| c.zh())
                    .chain(item.other_channels.iter().map(|t| t.as_str()))
                    .collect();
                self.findings.push(Finding::new(
                    codes::import::CHANNEL_AMBIGUOUS,
                    format!("{path}/channels"),
                    Some(item.id.as_str()),
                    &[
                        ("text", crate::excerpt(&normalize_cell(&text), 80)),
                        ("reason", a.zh().to_owned()),
                        ("reason_en", a.en().to_owned()),
                        ("chosen", chosen.join("、")),
                        ("item", item.name.to_string()),
                    ],
                ));
            }
        }
        // Tick groups and word columns.
        for g in [GroupKind::Audience, GroupKind::Method, GroupKind::Levels] {
            let ks: Vec<usize> = groups
                .iter()
                .filter(|(x, _)| *x == g)
                .map(|(_, k)| *k)
                .collect();
            if ks.is_empty() {
                continue;
            }
            let first = &cols[ks[0]];
            let group_header = first
                .group
                .clone()
                .unwrap_or_else(|| group_zh(g).to_owned());
            let at = (raw.row, first.index);
            self.source(grid, i, group_field(g), at, Some(&group_header), false);
            let res = self.read_group(grid, layout, raw, &ks, g, &path, &item);
            match res {
                Ok(r) => {
                    item.audience.extend(r.audience);
                    item.method.extend(r.method);
                    item.levels.extend(r.levels);
                    if let Some(n) = r.note {
                        item.audience_note.get_or_insert(Text::from(n));
                    }
                }
                Err(Some(unclear)) => notes.push(unclear),
                Err(None) => {
                    if !all_blank.contains(&g) {
                        self.findings.push(Finding::new(
                            codes::import::MARK_MISSING,
                            format!("{path}/{}", group_field(g)),
                            Some(item.id.as_str()),
                            &[
                                ("field", group_zh(g).to_owned()),
                                ("item", item.name.to_string()),
                            ],
                        ));
                    }
                }
            }
        }
        if !notes.is_empty() {
            item.notes = Some(Text::from(notes.join("；")));
        }
        item
    }

    fn mark_unclear(&mut self, path: &str, field: &str, header: &str, value: &str, id: &str) {
        self.findings.push(Finding::new(
            codes::import::MARK_UNCLEAR,
            format!("{path}/{field}"),
            Some(id),
            &[
                ("header", header.to_owned()),
                ("value", crate::excerpt(value, 60)),
            ],
        ));
    }

    /// Reads a 公开对象/方式/层级 group. `Err(None)`: no mark at all (unknown);
    /// `Err(Some(text))`: only text that is not a mark (kept in notes).
    #[allow(clippy::too_many_arguments)]
    fn read_group(
        &mut self,
        grid: &Grid,
        layout: &Layout,
        raw: &Raw,
        ks: &[usize],
        g: GroupKind,
        path: &str,
        item: &Item<'_>,
    ) -> Result<GroupResult, Option<String>> {
        let cols = &layout.columns;
        let field = group_field(g);
        let mut res = GroupResult::default();
        let mut any_mark = false;
        let mut unclear: Vec<String> = Vec::new();
        let group_cols: Vec<usize> = ks.iter().map(|&k| cols[k].index).collect();
        for &k in ks {
            let col = &cols[k];
            let header = col.display();
            let segs = &raw.cols[k];
            let Some(s) = segs.first() else { continue };
            // A mark in a cell merged across several columns of the group says nothing about
            // which one.
            let spread = group_cols
                .iter()
                .filter(|&&c| grid.origin(raw.row, c) == (s.r, s.c))
                .count();
            if spread > 1 && s.c == col.index {
                any_mark = true;
                self.findings.push(Finding::new(
                    codes::import::MARK_SPANS_GROUP,
                    format!("{path}/{field}"),
                    Some(item.id.as_str()),
                    &[
                        ("field", group_zh(g).to_owned()),
                        ("value", normalize_cell(&s.text)),
                        ("item", item.name.to_string()),
                    ],
                ));
                continue;
            }
            if spread > 1 {
                continue;
            }
            let text = s.text.clone();
            match &col.role {
                Role::AudienceText | Role::MethodText | Role::LevelText => {
                    let t = normalize_cell(&text);
                    let before = (res.audience.len(), res.method.len(), res.levels.len());
                    words_into(&mut res, &col.role, &t);
                    let after = (res.audience.len(), res.method.len(), res.levels.len());
                    any_mark = true;
                    if before == after {
                        self.mark_unclear(path, field, header, &t, &item.id);
                        unclear.push(format!("{header}：{t}"));
                    }
                }
                role => match read_mark(&text, role) {
                    Mark::Blank => {}
                    Mark::No => any_mark = true,
                    Mark::Yes => {
                        any_mark = true;
                        match role {
                            Role::AudienceTick(a) => push_unique(&mut res.audience, *a),
                            Role::MethodTick(m) => push_unique(&mut res.method, *m),
                            // 乡、村级 is one column for both levels; 州级县级 (two labels run
                            // together) does not say which one a √ means.
                            Role::LevelTick(ls)
                                if !ls.is_empty()
                                    && (ls.len() == 1
                                        || match_key(&col.header).matches('级').count() < 2) =>
                            {
                                for l in ls {
                                    push_unique(&mut res.levels, *l);
                                }
                            }
                            _ => {
                                let t = normalize_cell(&text);
                                self.mark_unclear(path, field, header, &t, &item.id);
                                unclear.push(format!("{header}：{t}"));
                            }
                        }
                    }
                    Mark::YesNote(n) => {
                        any_mark = true;
                        if let Role::AudienceTick(a) = role {
                            push_unique(&mut res.audience, *a);
                            res.note = Some(n);
                        }
                    }
                    Mark::Levels(ls) => {
                        any_mark = true;
                        for l in ls {
                            push_unique(&mut res.levels, l);
                        }
                    }
                    Mark::Unclear(t) => {
                        any_mark = true;
                        self.mark_unclear(path, field, header, &t, &item.id);
                        unclear.push(format!("{header}：{t}"));
                    }
                },
            }
        }
        let found = !(res.audience.is_empty() && res.method.is_empty() && res.levels.is_empty());
        if found {
            // Unclear cells next to clear marks are reported above; the marks are kept.
            return Ok(res);
        }
        if !unclear.is_empty() {
            return Err(Some(unclear.join("；")));
        }
        if any_mark {
            // Explicit "no" everywhere: nothing to report here, validation says it is empty.
            return Ok(res);
        }
        Err(None)
    }
}

fn loc_row(segs: &[Seg], row: usize) -> usize {
    segs.first().map_or(row, |s| s.r)
}

fn words_into(res: &mut GroupResult, role: &Role, t: &str) {
    for w in t.split(['、', ',', '，', ';', '；', '/', ' ', '\n']) {
        if w.is_empty() {
            continue;
        }
        match role {
            Role::AudienceText => {
                if let Some(a) = audience_of(w) {
                    push_unique(&mut res.audience, a);
                    if a == Audience::SpecificGroups && !match_key(w).starts_with("特定") {
                        res.note = Some(w.to_owned());
                    }
                }
            }
            Role::MethodText => {
                let k = match_key(w);
                if k.contains("主动") {
                    push_unique(&mut res.method, Method::Proactive);
                }
                if k.contains("申请") {
                    push_unique(&mut res.method, Method::OnRequest);
                }
            }
            Role::LevelText => {
                for l in levels_of_label(w) {
                    push_unique(&mut res.levels, l);
                }
            }
            _ => {}
        }
    }
}

fn strip_numbering(s: &str) -> String {
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

/// Tick groups in which no item of the table has any mark.
fn blank_groups(grid: &Grid, layout: &Layout, raws: &[Raw]) -> Vec<GroupKind> {
    let _ = grid;
    let mut out = Vec::new();
    for g in [GroupKind::Audience, GroupKind::Method, GroupKind::Levels] {
        let ks: Vec<usize> = layout
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| group_kind(&c.role) == Some(g))
            .map(|(k, _)| k)
            .collect();
        if ks.is_empty() {
            continue;
        }
        let any = raws.iter().any(|raw| {
            ks.iter()
                .any(|&k| raw.cols[k].iter().any(|s| !s.text.trim().is_empty()))
        });
        if !any {
            out.push(g);
        }
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

const DOMAIN_ALIASES: &[(&str, &str)] = &[
    ("城市管理执法", "urban_law_enforcement"),
    ("城管执法", "urban_law_enforcement"),
    ("综合执法", "urban_law_enforcement"),
    ("农村危房", "rural_dilapidated_housing"),
    ("危房改造", "rural_dilapidated_housing"),
    ("预决算", "fiscal_budget"),
    ("财政预算", "fiscal_budget"),
    ("公共文化", "public_culture"),
    ("食品药品", "food_drug_regulation"),
    ("保障性住房", "affordable_housing"),
    ("保障性安居工程", "affordable_housing"),
    ("征地补偿", "land_expropriation"),
    ("房屋征收", "housing_expropriation"),
    ("养老", "elderly_care"),
    ("户籍", "household_registration"),
    ("卫生健康", "health"),
    ("卫生计生", "health"),
    ("生态环境", "ecological_environment"),
    ("环境保护", "ecological_environment"),
    ("社会保险", "social_insurance"),
    ("社保", "social_insurance"),
    ("城乡规划", "urban_rural_planning"),
    ("市政服务", "municipal_services"),
    ("扶贫", "poverty_alleviation"),
    ("救灾", "disaster_relief"),
    ("安全生产", "work_safety"),
    ("税收", "tax_administration"),
    ("就业", "employment"),
    ("义务教育", "compulsory_education"),
    ("涉农补贴", "agricultural_subsidies"),
    ("社会救助", "social_assistance"),
    ("公共法律服务", "public_legal_services"),
    ("公共资源交易", "public_resource_trading"),
    ("重大建设项目", "major_construction_projects"),
];

/// Finds a known 领域 in a text: (code, byte position in the simplified text, length).
fn find_domain(s: &str) -> Option<(&'static str, usize, usize)> {
    let mut best: Option<(&'static str, usize, usize)> = None;
    let names = DOMAINS
        .iter()
        .map(|d| (d.zh, d.code))
        .chain(DOMAIN_ALIASES.iter().copied());
    for (zh, code) in names {
        if let Some(p) = s.find(zh) {
            let better = match best {
                None => true,
                Some((_, bp, bl)) => zh.len() > bl || (zh.len() == bl && p < bp),
            };
            if better {
                best = Some((code, p, zh.len()));
            }
        }
    }
    best
}

const ORGAN_SUFFIXES: &[&str] = &[
    "局",
    "委",
    "委员会",
    "办",
    "办公室",
    "政府",
    "人民政府",
    "办事处",
    "中心",
    "公司",
    "院",
    "所",
    "站",
    "厅",
    "部",
    "县",
    "区",
    "市",
    "旗",
    "镇",
    "乡",
    "街道",
    "队",
    "会",
    "处",
    "科",
];

pub(crate) fn find_date(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let num = |i: usize| -> Option<(u32, usize)> {
        let mut j = i;
        let mut n = 0u32;
        while j < chars.len() && chars[j].is_ascii_digit() && j - i < 4 {
            n = n * 10 + chars[j].to_digit(10)?;
            j += 1;
        }
        (j > i).then_some((n, j))
    };
    for i in 0..chars.len() {
        if i > 0 && chars[i - 1].is_ascii_digit() {
            continue;
        }
        let Some((y, j)) = num(i) else { continue };
        if j - i != 4 || !(1990..=2100).contains(&y) {
            continue;
        }
        let sep = chars.get(j).copied();
        if !matches!(sep, Some('年' | '-' | '.' | '/')) {
            continue;
        }
        let Some((m, k)) = num(j + 1) else { continue };
        let sep2 = chars.get(k).copied();
        let ok2 = match sep {
            Some('年') => sep2 == Some('月'),
            s => sep2 == s,
        };
        if !ok2 {
            continue;
        }
        let Some((d, _)) = num(k + 1) else { continue };
        if chrono::NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d).is_some() {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    None
}

/// Fills the catalogue header from the options, else from the captions and the file name, and
/// reports each default or gap.
pub(crate) fn fill_header(
    cat: &mut Catalogue<'static>,
    options: &ImportOptions,
    captions: &[String],
    findings: &mut Vec<Finding>,
) {
    let default =
        |findings: &mut Vec<Finding>, path: &str, field: &str, value: &str, source: &str| {
            findings.push(Finding::new(
                codes::import::HEADER_DEFAULT,
                path,
                None,
                &[
                    ("field", field.to_owned()),
                    ("value", value.to_owned()),
                    ("source", source.to_owned()),
                ],
            ));
        };
    let missing = |findings: &mut Vec<Finding>, path: &str, field: &str, option: &str| {
        findings.push(Finding::new(
            codes::import::HEADER_MISSING,
            path,
            None,
            &[("field", field.to_owned()), ("option", option.to_owned())],
        ));
    };
    let file_stem = options.file_name.as_deref().map(|n| {
        let base = n.rsplit(['/', '\\']).next().unwrap_or(n);
        base.rsplit_once('.').map_or(base, |(s, _)| s).to_owned()
    });
    // Title.
    let caption = captions
        .iter()
        .find(|c| c.contains("目录") || c.contains("目錄"))
        .or_else(|| captions.first())
        .map(|c| normalize_cell(c));
    let title = match (&options.title, &caption, &file_stem) {
        (Some(t), _, _) => t.clone(),
        (None, Some(c), _) => {
            default(findings, "/title", "目录名称", c, "表格标题");
            c.clone()
        }
        (None, None, Some(f)) if !f.trim().is_empty() => {
            default(findings, "/title", "目录名称", f, "文件名");
            f.clone()
        }
        _ => {
            missing(findings, "/title", "目录名称", "title");
            String::new()
        }
    };
    cat.title = Text::from(title.clone());
    // Domain.
    let mut search: Vec<String> = vec![title.clone()];
    search.extend(captions.iter().cloned());
    if let Some(f) = &file_stem {
        search.push(f.clone());
    }
    let simplified: Vec<String> = search
        .iter()
        .map(|s| super::hanzi::to_simplified(s))
        .collect();
    let found = simplified.iter().find_map(|s| find_domain(s));
    let domain = match &options.domain {
        Some(d) => domain_by_code(d)
            .or_else(|| domain_by_zh(&super::hanzi::to_simplified(d)))
            .map_or_else(|| d.clone(), |x| x.code.to_owned()),
        None => match found {
            Some((code, _, _)) => {
                let zh = domain_by_code(code).map_or(code, |d| d.zh);
                default(
                    findings,
                    "/domain",
                    "领域",
                    &format!("{zh}（{code}）"),
                    "目录名称",
                );
                code.to_owned()
            }
            None => {
                missing(findings, "/domain", "领域", "domain");
                String::new()
            }
        },
    };
    cat.domain = Text::from(domain);
    // Publisher: the organ named before the 领域 in the title.
    let publisher = match &options.publisher {
        Some(p) => Some(p.clone()),
        None => {
            let t = super::hanzi::to_simplified(&title);
            let cut = find_domain(&t)
                .map(|(_, p, _)| p)
                .or_else(|| t.find("领域"))
                .or_else(|| t.find("基层政务公开"));
            cut.and_then(|p| {
                let n_chars = t[..p].chars().count();
                let prefix: String = title.chars().take(n_chars).collect();
                let prefix = strip_numbering(prefix.trim());
                let simple = super::hanzi::to_simplified(&prefix);
                (prefix.chars().count() >= 2 && ORGAN_SUFFIXES.iter().any(|s| simple.ends_with(s)))
                    .then_some(prefix)
            })
            .inspect(|p| default(findings, "/publisher", "编制单位", p, "目录名称"))
        }
    };
    let publisher = publisher.unwrap_or_else(|| {
        missing(findings, "/publisher", "编制单位", "publisher");
        String::new()
    });
    cat.publisher = Text::from(publisher.clone());
    // Level.
    cat.level = match options.level {
        Some(l) => l,
        None => {
            let p = super::hanzi::to_simplified(&publisher);
            let organ_start = ["局", "委", "办", "政府", "中心", "公司", "城市"]
                .iter()
                .filter_map(|w| p.find(w))
                .min()
                .unwrap_or(p.len());
            let place = &p[..organ_start];
            let l = if place.contains('村') || place.ends_with("社区") {
                Level::Village
            } else if place.contains('乡')
                || place.contains('镇')
                || place.contains("街道")
                || place.contains("苏木")
            {
                Level::Township
            } else {
                Level::County
            };
            default(
                findings,
                "/level",
                "目录层级",
                l.zh(),
                if publisher.is_empty() {
                    "默认值"
                } else {
                    "编制单位名称"
                },
            );
            l
        }
    };
    // Issued.
    cat.issued = Text::from(match &options.issued {
        Some(d) => d.clone(),
        None => match captions.iter().find_map(|c| find_date(c)) {
            Some(d) => {
                default(findings, "/issued", "编制日期", &d, "表格标题");
                d
            }
            None => {
                missing(findings, "/issued", "编制日期", "issued");
                String::new()
            }
        },
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(find_date("2024年3月1日印发").as_deref(), Some("2024-03-01"));
        assert_eq!(find_date("（2020-09-15）").as_deref(), Some("2020-09-15"));
        assert_eq!(find_date("2024年版"), None);
    }

    #[test]
    fn marks() {
        assert_eq!(
            read_mark("√", &Role::AudienceTick(Audience::Public)),
            Mark::Yes
        );
        assert_eq!(
            read_mark(" ", &Role::AudienceTick(Audience::Public)),
            Mark::Blank
        );
        assert_eq!(
            read_mark("×", &Role::MethodTick(Method::Proactive)),
            Mark::No
        );
        assert_eq!(
            read_mark("主动", &Role::MethodTick(Method::Proactive)),
            Mark::Yes
        );
        assert_eq!(
            read_mark("县级", &Role::LevelTick(vec![Level::City, Level::County])),
            Mark::Levels(vec![Level::County])
        );
        assert_eq!(
            read_mark("申请人", &Role::AudienceTick(Audience::SpecificGroups)),
            Mark::YesNote("申请人".into())
        );
    }
}
