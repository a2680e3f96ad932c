//! The standard two-row table layout shared by the CSV, XLSX, HTML and Markdown exports: the
//! columns, their header texts, and the metadata block (目录信息).

use crate::layout::cells;
use crate::model::{Audience, Catalogue, Item, Level, Method, domain_by_code};
use serde_json::Value;

pub use crate::layout::{JSON_SUFFIX, SHEET_METADATA, SHEET_TABLE, headers, meta};

/// Which 公开层级 sub-columns a table has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LevelColumns {
    /// Always 市级, 县级, 乡级 and 村级 (the default: one stable layout for every catalogue).
    #[default]
    All,
    /// Only the levels some item ticks (in the order 市级, 县级, 乡级, 村级).
    Used,
}

/// One column of the table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Column {
    Id,
    Category,
    Name,
    Subitem,
    Content,
    Basis,
    TimeLimit,
    Subject,
    ResponsibleOffice,
    Retention,
    Channels,
    Audience(Audience),
    Method(Method),
    Level(Level),
    Notes,
    AudienceNote,
    ScopeNote,
    /// An item key outside the model (a county's own column).
    Extra {
        key: String,
        json: bool,
    },
}

impl Column {
    /// The text of the first header row (the group for sub-columns).
    pub(crate) fn top(&self) -> String {
        use headers as h;
        match self {
            Column::Id => h::ID.into(),
            Column::Category | Column::Name | Column::Subitem => h::ITEM.into(),
            Column::Content => h::CONTENT.into(),
            Column::Basis => h::BASIS.into(),
            Column::TimeLimit => h::TIME_LIMIT.into(),
            Column::Subject => h::SUBJECT.into(),
            Column::ResponsibleOffice => h::RESPONSIBLE_OFFICE.into(),
            Column::Retention => h::RETENTION.into(),
            Column::ScopeNote => h::SCOPE_NOTE.into(),
            Column::Channels => h::CHANNELS.into(),
            Column::Audience(_) => h::AUDIENCE.into(),
            Column::Method(_) => h::METHOD.into(),
            Column::Level(_) => h::LEVELS.into(),
            Column::Notes => h::NOTES.into(),
            Column::AudienceNote => h::AUDIENCE_NOTE.into(),
            Column::Extra { key, json } => extra_label(key, *json),
        }
    }

    /// The text of the second header row, for sub-columns.
    pub(crate) fn sub(&self) -> Option<&'static str> {
        Some(match self {
            Column::Category => headers::CATEGORY,
            Column::Name => headers::NAME,
            Column::Subitem => headers::SUBITEM,
            Column::Audience(a) => a.zh(),
            Column::Method(m) => m.zh(),
            Column::Level(l) => l.zh(),
            _ => return None,
        })
    }

    /// The header a reader knows the column by (the sub-header when there is one).
    pub(crate) fn label(&self) -> String {
        self.sub().map_or_else(|| self.top(), str::to_owned)
    }

    /// The item key the column shows (for JSON Pointers in messages).
    #[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
    pub(crate) fn key(&self) -> &str {
        match self {
            Column::Id => "id",
            Column::Category => "category",
            Column::Name => "name",
            Column::Subitem => "subitem",
            Column::Content => "content",
            Column::Basis => "basis",
            Column::TimeLimit => "time_limit",
            Column::Subject => "subject",
            Column::ResponsibleOffice => "responsible_office",
            Column::Retention => "retention",
            Column::ScopeNote => "scope_note",
            Column::Channels => "channels",
            Column::Audience(_) => "audience",
            Column::Method(_) => "method",
            Column::Level(_) => "levels",
            Column::Notes => "notes",
            Column::AudienceNote => "audience_note",
            Column::Extra { key, .. } => key,
        }
    }

    /// Whether the column holds ticks.
    pub(crate) fn is_tick(&self) -> bool {
        matches!(
            self,
            Column::Audience(_) | Column::Method(_) | Column::Level(_)
        )
    }

    /// The cell text for an item (before any format escaping).
    pub(crate) fn cell(&self, item: &Item<'_>) -> String {
        match self {
            Column::Id => item.id.to_string(),
            Column::Category => item.category.to_string(),
            Column::Name => item.name.to_string(),
            Column::Subitem => item.subitem.as_deref().unwrap_or("").to_owned(),
            Column::Content => cells::content_cell(&item.content),
            Column::Basis => cells::basis_cell(&item.basis),
            Column::TimeLimit => cells::time_limit_cell(&item.time_limit).into_owned(),
            Column::Subject => item.subject.to_string(),
            Column::ResponsibleOffice => {
                item.responsible_office.as_deref().unwrap_or("").to_owned()
            }
            Column::Retention => {
                cells::retention_cell(item.retention.as_deref().unwrap_or("")).to_owned()
            }
            Column::ScopeNote => item.scope_note.as_deref().unwrap_or("").to_owned(),
            Column::Channels => cells::channels_cell(item),
            Column::Audience(a) => cells::tick(cells::has_audience(item, *a)).to_owned(),
            Column::Method(m) => cells::tick(cells::has_method(item, *m)).to_owned(),
            Column::Level(l) => cells::tick(cells::has_level(item, *l)).to_owned(),
            Column::Notes => item.notes.as_deref().unwrap_or("").to_owned(),
            Column::AudienceNote => item.audience_note.as_deref().unwrap_or("").to_owned(),
            Column::Extra { key, json } => extra_cell(item.extra.get(key), *json),
        }
    }

    /// Column width in Excel character units (a Chinese character is about 2).
    #[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
    pub(crate) fn width(&self) -> f64 {
        match self {
            Column::Id => 6.0,
            Column::Category => 14.0,
            Column::Name => 22.0,
            Column::Subitem => 16.0,
            Column::Content => 34.0,
            Column::Basis => 40.0,
            Column::TimeLimit => 20.0,
            Column::Subject | Column::ResponsibleOffice | Column::Retention => 16.0,
            Column::ScopeNote => 16.0,
            Column::Channels => 36.0,
            Column::Audience(_) | Column::Method(_) | Column::Level(_) => 8.0,
            Column::Notes | Column::AudienceNote | Column::Extra { .. } => 16.0,
        }
    }
}

/// The header text of an extra column or metadata row: the key, plus [`JSON_SUFFIX`] in JSON mode.
pub(crate) fn extra_label(key: &str, json: bool) -> String {
    if json {
        format!("{key}{JSON_SUFFIX}")
    } else {
        key.to_owned()
    }
}

/// The cell of an extra value: the string itself in text mode; compact JSON in JSON mode;
/// empty when the key is absent.
pub(crate) fn extra_cell(value: Option<&Value>, json: bool) -> String {
    match value {
        None => String::new(),
        Some(Value::String(s)) if !json => s.clone(),
        Some(v) => serde_json::to_string(v).unwrap_or_default(),
    }
}

/// Whether a value needs JSON mode: anything but a non-empty string.
pub(crate) fn needs_json(v: &Value) -> bool {
    !matches!(v, Value::String(s) if !s.is_empty())
}

/// The columns of a catalogue's table.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub(crate) columns: Vec<Column>,
}

/// A run of columns under one first-row header.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Group {
    pub(crate) first: usize,
    pub(crate) len: usize,
    pub(crate) top: String,
    /// Whether the columns have second-row sub-headers (else the header spans both rows).
    pub(crate) has_sub: bool,
}

impl Layout {
    pub(crate) fn new(cat: &Catalogue<'_>, levels: LevelColumns) -> Self {
        let mut columns = vec![Column::Id, Column::Category, Column::Name];
        if cat.items.iter().any(|i| i.subitem.is_some()) {
            columns.push(Column::Subitem);
        }
        columns.extend([Column::Content, Column::Basis, Column::TimeLimit]);
        if cat.items.iter().any(|i| i.retention.is_some()) {
            columns.push(Column::Retention);
        }
        columns.push(Column::Subject);
        if cat.items.iter().any(|i| i.responsible_office.is_some()) {
            columns.push(Column::ResponsibleOffice);
        }
        columns.push(Column::Channels);
        columns.extend(Audience::ALL.iter().map(|a| Column::Audience(*a)));
        columns.extend(Method::ALL.iter().map(|m| Column::Method(*m)));
        columns.extend(
            Level::ALL
                .iter()
                .filter(|l| {
                    levels == LevelColumns::All || cat.items.iter().any(|i| i.levels.contains(l))
                })
                .map(|l| Column::Level(*l)),
        );
        columns.push(Column::Notes);
        if cat.items.iter().any(|i| i.audience_note.is_some()) {
            columns.push(Column::AudienceNote);
        }
        if cat.items.iter().any(|i| i.scope_note.is_some()) {
            columns.push(Column::ScopeNote);
        }
        let mut keys: Vec<(String, bool)> = Vec::new();
        for item in &cat.items {
            for (k, v) in &item.extra {
                match keys.iter_mut().find(|(key, _)| key == k) {
                    Some((_, json)) => *json |= needs_json(v),
                    None => keys.push((k.clone(), needs_json(v))),
                }
            }
        }
        columns.extend(
            keys.into_iter()
                .map(|(key, json)| Column::Extra { key, json }),
        );
        Layout { columns }
    }

    /// The runs of columns sharing a first-row header.
    pub(crate) fn groups(&self) -> Vec<Group> {
        let mut out: Vec<Group> = Vec::new();
        for (i, c) in self.columns.iter().enumerate() {
            let top = c.top();
            let has_sub = c.sub().is_some();
            match out.last_mut() {
                Some(g) if has_sub && g.has_sub && g.top == top => g.len += 1,
                _ => out.push(Group {
                    first: i,
                    len: 1,
                    top,
                    has_sub,
                }),
            }
        }
        out
    }

    /// The two header rows as a CSV writes a merged header: the group text in the first cell
    /// of its run and empty cells beside it; sub-headers in the second row, empty under a
    /// header that spans both rows.
    pub(crate) fn header_rows(&self) -> (Vec<String>, Vec<String>) {
        let n = self.columns.len();
        let mut top = vec![String::new(); n];
        for g in self.groups() {
            if let Some(cell) = top.get_mut(g.first) {
                cell.clone_from(&g.top);
            }
        }
        let sub = self
            .columns
            .iter()
            .map(|c| c.sub().unwrap_or("").to_owned())
            .collect();
        (top, sub)
    }

    /// The raw cells of one item.
    pub(crate) fn row(&self, item: &Item<'_>) -> Vec<String> {
        self.columns.iter().map(|c| c.cell(item)).collect()
    }
}

/// Runs of consecutive items with the same 一级事项: `(first index, count)`.
pub(crate) fn category_runs(items: &[Item<'_>]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match out.last_mut() {
            Some((first, len))
                if items
                    .get(*first)
                    .is_some_and(|f| f.category == item.category) =>
            {
                *len += 1
            }
            _ => out.push((i, 1)),
        }
    }
    out
}

/// The metadata block: `(label, value)` rows in the order of [`meta::ALL`], then one row per
/// catalogue key outside the model (label = key, or key + [`JSON_SUFFIX`] in JSON mode).
pub fn metadata_rows(cat: &Catalogue<'_>) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = Vec::new();
    let mut push = |label: &str, value: &str| rows.push((label.to_owned(), value.to_owned()));
    push(meta::TITLE, &cat.title);
    push(
        meta::DOMAIN,
        domain_by_code(&cat.domain).map_or(cat.domain.as_str(), |d| d.zh),
    );
    push(meta::PUBLISHER, &cat.publisher);
    push(meta::LEVEL, cat.level.zh());
    if let Some(r) = &cat.region {
        push(meta::PROVINCE, &r.province);
        push(meta::CITY, &r.city);
        push(meta::COUNTY, &r.county);
        if let Some(t) = &r.township {
            push(meta::TOWNSHIP, t);
        }
        if let Some(c) = &r.code {
            push(meta::REGION_CODE, c);
        }
    }
    push(meta::ISSUED, &cat.issued);
    if let Some(u) = &cat.updated {
        push(meta::UPDATED, u);
    }
    if let Some(b) = &cat.based_on {
        push(meta::BASED_ON, &b.title);
        if let Some(d) = &b.doc_no {
            push(meta::BASED_ON_DOC_NO, d);
        }
        if let Some(i) = &b.issuer {
            push(meta::BASED_ON_ISSUER, i);
        }
    }
    if let Some(v) = &cat.version {
        push(meta::VERSION, v);
    }
    if !cat.revisions.is_empty() {
        push(meta::REVISIONS, &cells::revisions_cell(&cat.revisions));
    }
    if let Some(d) = &cat.next_review {
        push(meta::NEXT_REVIEW, d);
    }
    push(meta::SCHEMA_VERSION, &cat.schema_version);
    for (k, v) in &cat.extra {
        let json = needs_json(v);
        rows.push((extra_label(k, json), extra_cell(Some(v), json)));
    }
    rows
}
