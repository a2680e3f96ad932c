//! A raw item into an [`Item`]: each cell parsed by its column's role (the parsers remembered by
//! text), with the source map and the findings of what could not be read.

use super::marks::{GroupKind, Mark, group_field, group_kind, group_zh, read_mark};
use super::{Raw, Reader, Seg, memo, push_unique};
use crate::codes;
use crate::import::channels::{ChannelCell, parse_channel_cell};
use crate::import::grid::Grid;
use crate::import::header::{Layout, Role};
use crate::import::text::{self, TimeLimitNote, normalize_cell};
use crate::issue::Finding;
use crate::model::{Citation, Extra, Item, Text, TimeLimit};

impl Reader {
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
    pub(super) fn build(
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
            retention: None,
            subject: Text::default(),
            responsible_office: None,
            channels: Vec::new(),
            other_channels: Vec::new(),
            audience: Vec::new(),
            audience_note: None,
            scope_note: None,
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
                let optional = matches!(
                    col.role,
                    Role::Notes
                        | Role::Subitem
                        | Role::AudienceNote
                        | Role::ResponsibleOffice
                        | Role::Retention
                        | Role::ScopeNote
                );
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
                Role::ResponsibleOffice => {
                    let t = normalize_cell(&text);
                    item.responsible_office = (!t.is_empty()).then(|| Text::from(t));
                }
                Role::Retention => {
                    let t = normalize_cell(&text);
                    item.retention = (!t.is_empty())
                        .then(|| Text::from(crate::layout::cells::retention_of_cell(&t)));
                }
                Role::ScopeNote => {
                    let t = normalize_cell(&text);
                    item.scope_note = (!t.is_empty()).then(|| Text::from(t));
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
}

fn loc_row(segs: &[Seg], row: usize) -> usize {
    segs.first().map_or(row, |s| s.r)
}
