//! What a table export (CSV, XLSX) cannot give back on import: the precise domain on which
//! JSON → table → JSON is the identity.

use super::cells::{
    self, basis_cell, drop_canonical_citation_text, drop_canonical_time_limit_text, time_limit_cell,
};
use super::layout::{JSON_SUFFIX, Layout, LevelColumns, headers, meta, needs_json};
use crate::import::text::{normalize_cell, parse_citations, parse_time_limit, split_content};
use crate::json::escape_pointer_token;
use crate::model::{Catalogue, Channel, Extra, Item, Text};

/// A value that a CSV/XLSX export followed by an import would not give back unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loss {
    /// JSON Pointer of the value.
    pub path: String,
    /// What would change, in Chinese.
    pub message: String,
}

struct Collector {
    out: Vec<Loss>,
}

impl Collector {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.out.push(Loss {
            path: path.into(),
            message: message.into(),
        });
    }

    /// A text written alone in a cell must survive the importer's normalisation.
    fn text(&mut self, path: &str, value: &str) {
        if value.is_empty() {
            self.push(path, "空字符串导入后为缺省（没有该项）");
        } else if normalize_cell(value) != value {
            self.push(
                path,
                "导入时会被规范化（首尾空白、换行、连续空格或全角字母数字等）",
            );
        }
    }

    fn opt_text(&mut self, path: &str, value: Option<&Text<'_>>) {
        if let Some(v) = value {
            self.text(path, v);
        }
    }

    fn nested_extra(&mut self, path: &str, extra: &Extra) {
        for k in extra.keys() {
            self.push(
                format!("{path}/{}", escape_pointer_token(k)),
                "表格中没有此扩展键的位置，导出后丢失",
            );
        }
    }

    fn extra_key(&mut self, path: &str, key: &str, reserved: &[&str]) {
        let folded = key.replace("(JSON)", JSON_SUFFIX);
        if key.is_empty() || normalize_cell(key) != key {
            self.push(path, "扩展键作为表头导入时会被规范化");
        } else if reserved.contains(&key) || folded.ends_with(JSON_SUFFIX) {
            self.push(path, "扩展键与标准表头或约定后缀冲突，导入后无法区分");
        }
    }

    fn ordered<T: PartialEq + Copy>(&mut self, path: &str, values: &[T], all: &[T]) {
        let canonical: Vec<T> = all.iter().copied().filter(|v| values.contains(v)).collect();
        if canonical.as_slice() != values {
            self.push(path, "导入后按模板顺序排列并去除重复");
        }
    }
}

/// Lists every value of `cat` that exporting to CSV or XLSX (default options) and importing
/// the file again would not give back unchanged. When the list is empty, the round trip is
/// the identity (given an importer that follows the conventions of the [module
/// documentation](super)).
///
/// Time limits and citations are checked by running the importer's own free-text parsers
/// (`import::text::parse_time_limit`, `parse_citations`) on the exported cell.
pub fn table_losses(cat: &Catalogue<'_>) -> Vec<Loss> {
    let mut c = Collector { out: Vec::new() };
    c.text("/title", &cat.title);
    c.text("/domain", &cat.domain);
    c.text("/publisher", &cat.publisher);
    c.text("/issued", &cat.issued);
    c.opt_text("/updated", cat.updated.as_ref());
    c.text("/schema_version", &cat.schema_version);
    if cat.schema_version != cat.required_version()
        && cat.schema_version == crate::model::SCHEMA_VERSION
    {
        c.push("/schema_version", "使用了 1.1 的字段，导入后标准版本为 1.1");
    }
    c.opt_text("/version", cat.version.as_ref());
    c.opt_text("/next_review", cat.next_review.as_ref());
    for (k, r) in cat.revisions.iter().enumerate() {
        let path = format!("/revisions/{k}");
        let back = cells::revisions_of_cell(&cells::revisions_cell(std::slice::from_ref(r)));
        if back.len() != 1 || back[0].date != r.date || back[0].summary != r.summary {
            c.push(path.clone(), "修订记录导入后无法原样解析");
        }
        c.nested_extra(&path, &r.extra);
    }
    if let Some(r) = &cat.region {
        c.text("/region/province", &r.province);
        c.text("/region/city", &r.city);
        c.text("/region/county", &r.county);
        c.opt_text("/region/township", r.township.as_ref());
        c.opt_text("/region/code", r.code.as_ref());
        c.nested_extra("/region", &r.extra);
    }
    if let Some(b) = &cat.based_on {
        c.text("/based_on/title", &b.title);
        c.opt_text("/based_on/doc_no", b.doc_no.as_ref());
        c.opt_text("/based_on/issuer", b.issuer.as_ref());
        c.nested_extra("/based_on", &b.extra);
    }
    for (k, v) in &cat.extra {
        let path = format!("/{}", escape_pointer_token(k));
        c.extra_key(&path, k, meta::ALL);
        if !needs_json(v) {
            if let Some(s) = v.as_str() {
                c.text(&path, s);
            }
        }
    }
    let layout = Layout::new(cat, LevelColumns::All);
    let reserved: Vec<String> = layout
        .columns
        .iter()
        .filter(|col| !matches!(col, super::layout::Column::Extra { .. }))
        .flat_map(|col| [Some(col.top()), col.sub().map(str::to_owned)])
        .flatten()
        .chain(
            [
                headers::SUBITEM,
                headers::AUDIENCE_NOTE,
                headers::RESPONSIBLE_OFFICE,
                headers::RETENTION,
                headers::SCOPE_NOTE,
            ]
            .iter()
            .map(|s| (*s).to_owned()),
        )
        .collect();
    let reserved: Vec<&str> = reserved.iter().map(String::as_str).collect();
    let mut json_keys: Vec<&str> = Vec::new();
    for item in &cat.items {
        for (k, v) in &item.extra {
            if needs_json(v) && !json_keys.contains(&k.as_str()) {
                json_keys.push(k);
            }
        }
    }
    for (i, item) in cat.items.iter().enumerate() {
        item_losses(&mut c, &format!("/items/{i}"), item, &reserved, &json_keys);
    }
    c.out
}

fn item_losses(c: &mut Collector, p: &str, item: &Item<'_>, reserved: &[&str], json_keys: &[&str]) {
    c.text(&format!("{p}/id"), &item.id);
    c.text(&format!("{p}/category"), &item.category);
    c.text(&format!("{p}/name"), &item.name);
    c.opt_text(&format!("{p}/subitem"), item.subitem.as_ref());
    c.text(&format!("{p}/subject"), &item.subject);
    c.opt_text(&format!("{p}/audience_note"), item.audience_note.as_ref());
    c.opt_text(
        &format!("{p}/responsible_office"),
        item.responsible_office.as_ref(),
    );
    c.opt_text(&format!("{p}/scope_note"), item.scope_note.as_ref());
    if let Some(r) = &item.retention {
        if cells::retention_of_cell(cells::retention_cell(r)) != r.as_str() {
            c.push(format!("{p}/retention"), "公开时长导入后写法会被规范为代码");
        } else {
            c.text(&format!("{p}/retention"), r);
        }
    }
    c.opt_text(&format!("{p}/notes"), item.notes.as_ref());
    let before = c.out.len();
    for (k, e) in item.content.iter().enumerate() {
        let path = format!("{p}/content/{k}");
        if e.contains(['\n', '\r']) {
            c.push(path, "公开内容的要素含换行，导入后会被拆分");
        } else {
            c.text(&path, e);
        }
    }
    // The importer's own reading of the cell: an element of punctuation only (`、`, `：`) or
    // with the list's separators at its ends is not given back as written.
    if c.out.len() == before
        && split_content(&cells::content_cell(&item.content))
            .iter()
            .map(String::as_str)
            .ne(item.content.iter().map(Text::as_str))
    {
        c.push(
            format!("{p}/content"),
            "公开内容导入后无法按原要素拆分（要素首尾的标点会被去掉）",
        );
    }

    let mut basis: Vec<_> = parse_citations(&basis_cell(&item.basis))
        .into_iter()
        .map(|mut b| {
            drop_canonical_citation_text(&mut b);
            b
        })
        .collect();
    let same = basis.len() == item.basis.len()
        && basis.iter_mut().zip(&item.basis).all(|(a, b)| {
            a.extra.clone_from(&b.extra);
            *a == *b
        });
    if !same {
        c.push(format!("{p}/basis"), "公开依据导入后无法原样解析");
    }
    for (k, b) in item.basis.iter().enumerate() {
        c.nested_extra(&format!("{p}/basis/{k}"), &b.extra);
    }

    let mut tl = parse_time_limit(&time_limit_cell(&item.time_limit));
    drop_canonical_time_limit_text(&mut tl);
    tl.extra.clone_from(&item.time_limit.extra);
    if tl != item.time_limit {
        c.push(format!("{p}/time_limit"), "公开时限导入后无法原样解析");
    }
    c.nested_extra(&format!("{p}/time_limit"), &item.time_limit.extra);

    c.ordered(&format!("{p}/channels"), &item.channels, Channel::ALL);
    for (k, o) in item.other_channels.iter().enumerate() {
        let path = format!("{p}/other_channels/{k}");
        if Channel::ALL.iter().any(|ch| ch.zh() == o.as_str()) {
            c.push(path, "其他渠道与标准渠道同名，导入后成为标准渠道");
        } else if o.as_str() == cells::OTHER {
            c.push(path, "其他渠道名为“其他”，导入后无法区分");
        } else if !o.is_empty()
            && normalize_cell(o) == o.as_str()
            && crate::import::channels::parse_channel_cell(&format!(
                "{}{}：{}",
                cells::CHECKED,
                cells::OTHER,
                o.as_str()
            ))
            .other
                != [o.as_str()]
        {
            // The cell's own reading of `■其他：X` (首尾的顿号、冒号、下划线 are the cell's
            // punctuation, not the name's).
            c.push(path, "其他渠道名称的首尾标点在导入时被当作格式去掉");
        } else {
            c.text(&path, o);
        }
    }
    c.ordered(
        &format!("{p}/audience"),
        &item.audience,
        crate::model::Audience::ALL,
    );
    c.ordered(
        &format!("{p}/method"),
        &item.method,
        crate::model::Method::ALL,
    );
    c.ordered(
        &format!("{p}/levels"),
        &item.levels,
        crate::model::Level::ALL,
    );

    for (k, v) in &item.extra {
        let path = format!("{p}/{}", escape_pointer_token(k));
        c.extra_key(&path, k, reserved);
        if !json_keys.contains(&k.as_str()) {
            if let Some(s) = v.as_str() {
                c.text(&path, s);
            }
        }
    }
}
