//! HTML export: a self-contained page fit to publish in a portal's 基层政务公开专题.

use super::cells;
use super::layout::{Column, Layout, LevelColumns, category_runs};
use crate::model::{Catalogue, Channel, Item};

/// Options of [`to_html`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct HtmlOptions {
    /// Mask personal data in every value of the page (default off;
    /// [`crate::mask::mask_catalogue`], the rules are in [`crate::mask`]).
    pub mask: bool,
    /// Which 公开层级 sub-columns to show (default all four).
    pub levels: LevelColumns,
}

impl HtmlOptions {
    /// Sets [`HtmlOptions::mask`].
    pub fn mask(mut self, on: bool) -> Self {
        self.mask = on;
        self
    }

    /// Sets [`HtmlOptions::levels`].
    pub fn levels(mut self, levels: LevelColumns) -> Self {
        self.levels = levels;
        self
    }
}

/// Escapes text for HTML element content and quoted attribute values: `&` `<` `>` `"` `'`
/// become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`; control characters other than TAB and line
/// breaks become U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// [`escape`], then line breaks (LF, CR LF, CR) as `<br>`.
fn escape_lines(text: &str) -> String {
    escape(&text.replace("\r\n", "\n").replace('\r', "\n")).replace('\n', "<br>")
}

const STYLE: &str = "\
:root{color-scheme:light}
body{margin:1rem;color:#1a1a1a;background:#fff;font:14px/1.6 \"Microsoft YaHei\",\"PingFang SC\",\"Noto Sans CJK SC\",\"Source Han Sans SC\",SimSun,sans-serif}
header h1{font-size:1.4rem;margin:0 0 .5rem;text-align:center}
dl.meta{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;margin:0 0 1rem;padding:0}
dl.meta div{display:flex;gap:.25rem}
dl.meta dt{font-weight:bold}
dl.meta dt::after{content:\"：\"}
dl.meta dd{margin:0}
.table-wrap{position:relative;overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%}
table{border-collapse:collapse;min-width:72rem;width:100%}
caption{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
th,td{border:1px solid #555;padding:.3rem .4rem;vertical-align:top;text-align:left;word-break:break-word}
thead th{background:#e8eef6;text-align:center;vertical-align:middle;white-space:nowrap}
tbody th{font-weight:normal}
th.category{font-weight:bold}
td.tick,td.id{text-align:center}
ul.channels{list-style:none;margin:0;padding:0;min-width:14em;max-width:19em}
ul.channels li{display:inline-block;white-space:nowrap;margin-right:.6em}
ul.channels li.off{color:#595959}
ul.channels li.on{font-weight:bold}
footer{margin-top:.75rem;color:#555;font-size:.85rem}
@media print{
@page{size:A4 landscape;margin:10mm}
body{margin:0;font-size:9pt}
.table-wrap{overflow:visible}
table{min-width:0}
thead{display:table-header-group}
tr,td,th{break-inside:avoid;page-break-inside:avoid}
thead th{background:none}
}
";

/// Renders data text and cells.
#[derive(Default)]
struct Renderer {
    /// Mask each cell's text as written: the catalogue's values were masked before
    /// ([`crate::mask::mask_catalogue`]), but a cell written from numbers (a time limit of
    /// `每年1月31日前`) is text only here.
    mask: bool,
}

impl Renderer {
    /// Data text as HTML: escaped, line breaks as `<br>`, masked when asked.
    fn text(&self, text: &str) -> String {
        if self.mask {
            escape_lines(&crate::mask::mask(text))
        } else {
            escape_lines(text)
        }
    }

    fn channels(&self, item: &Item<'_>) -> String {
        let mut out = String::from("<ul class=\"channels\">");
        for c in Channel::ALL {
            let on = item.channels.contains(c);
            out.push_str(&format!(
                "<li class=\"{}\">{}{}</li>",
                if on { "on" } else { "off" },
                if on { cells::CHECKED } else { cells::UNCHECKED },
                escape(c.zh())
            ));
        }
        if item.other_channels.is_empty() {
            out.push_str(&format!(
                "<li class=\"off\">{}{}</li>",
                cells::UNCHECKED,
                cells::OTHER
            ));
        }
        for o in &item.other_channels {
            out.push_str(&format!(
                "<li class=\"on\">{}{}：{}</li>",
                cells::CHECKED,
                cells::OTHER,
                self.text(o)
            ));
        }
        out.push_str("</ul>");
        out
    }

    /// One cell; `anchor` makes the 序号 a link to the row, `labels` adds `data-label`.
    fn cell(
        &self,
        column: &Column,
        item: &Item<'_>,
        anchor: Option<&String>,
        labels: bool,
    ) -> String {
        let label = if labels {
            let text = match column.sub() {
                Some(sub) if column.is_tick() => format!("{}（{sub}）", column.top()),
                _ => column.label(),
            };
            format!(" data-label=\"{}\"", escape(&text))
        } else {
            String::new()
        };
        match column {
            Column::Name => format!("<th scope=\"row\">{}</th>", self.text(&item.name)),
            Column::Channels => format!("<td{label}>{}</td>", self.channels(item)),
            Column::Id => match anchor {
                Some(id) => format!(
                    "<td class=\"id\"{label}><a href=\"#{}\">{}</a></td>",
                    escape(id),
                    self.text(&item.id)
                ),
                None => format!("<td class=\"id\"{label}>{}</td>", self.text(&item.id)),
            },
            c if c.is_tick() => format!("<td class=\"tick\"{label}>{}</td>", c.cell(item)),
            c => format!("<td{label}>{}</td>", self.text(&c.cell(item))),
        }
    }
}

/// What the 专题 site ([`crate::site`]) adds to the export's table. The default adds nothing:
/// the table of [`to_html`].
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TableExtras<'x> {
    /// The `class` of the `<table>`.
    pub(crate) class: Option<&'static str>,
    /// The `id` of each item's row, by item index; the 序号 cell then links to it.
    pub(crate) anchors: Option<&'x [String]>,
    /// A `data-label` (the column as people know it) on every data cell, for the card layout
    /// of a phone.
    pub(crate) labels: bool,
    /// A trailing column: its header and, by item index, the cell's HTML (already escaped).
    pub(crate) column: Option<(&'x str, &'x [String])>,
}

/// `<!doctype html>` … `</head>`: the page's title (HTML, already escaped, on one line), the
/// export's style and `extra_style` after it.
pub(crate) fn page_head(out: &mut String, title: &str, extra_style: &str) {
    out.push_str("<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<title>{title}</title>\n<style>\n{STYLE}{extra_style}</style>\n"
    ));
    out.push_str("</head>\n");
}

/// The catalogue's `<h1>` and its metadata as a `<dl>`.
pub(crate) fn page_header(out: &mut String, cat: &Catalogue<'_>) {
    let r = Renderer::default();
    out.push_str(&format!(
        "<h1>{}</h1>\n<dl class=\"meta\">\n",
        r.text(&cat.title)
    ));
    for (label, value) in super::display_metadata(cat) {
        out.push_str(&format!(
            "<div><dt>{}</dt><dd>{}</dd></div>\n",
            escape(label),
            r.text(&value)
        ));
    }
    out.push_str("</dl>\n");
}

/// The catalogue's table in its scrollable region: `<div class="table-wrap">` … `</div>`.
pub(crate) fn table(
    out: &mut String,
    cat: &Catalogue<'_>,
    options: &HtmlOptions,
    extras: &TableExtras<'_>,
) {
    let r = Renderer { mask: options.mask };
    let layout = Layout::new(cat, options.levels);
    let title = r.text(&cat.title);
    let plain_title = r.text(&cat.title.replace(['\r', '\n'], " "));
    let class = extras
        .class
        .map_or_else(String::new, |c| format!(" class=\"{c}\""));
    out.push_str(&format!(
        "<div class=\"table-wrap\" role=\"region\" aria-label=\"{plain_title}\" tabindex=\"0\">\n<table{class}>\n<caption>{title}</caption>\n<thead>\n<tr>"
    ));
    for g in layout.groups() {
        let top = escape(&g.top);
        if g.has_sub {
            if g.len > 1 {
                out.push_str(&format!(
                    "<th scope=\"colgroup\" colspan=\"{}\">{top}</th>",
                    g.len
                ));
            } else {
                out.push_str(&format!("<th scope=\"col\">{top}</th>"));
            }
        } else {
            out.push_str(&format!("<th scope=\"col\" rowspan=\"2\">{top}</th>"));
        }
    }
    if let Some((header, _)) = extras.column {
        out.push_str(&format!(
            "<th scope=\"col\" rowspan=\"2\">{}</th>",
            escape(header)
        ));
    }
    out.push_str("</tr>\n<tr>");
    for c in &layout.columns {
        if let Some(sub) = c.sub() {
            out.push_str(&format!("<th scope=\"col\">{}</th>", escape(sub)));
        }
    }
    out.push_str("</tr>\n</thead>\n");
    for (first, len) in category_runs(&cat.items) {
        out.push_str("<tbody>\n");
        for (k, item) in cat.items.iter().enumerate().skip(first).take(len) {
            let anchor = extras.anchors.and_then(|a| a.get(k));
            match anchor {
                Some(id) => out.push_str(&format!("<tr id=\"{}\">", escape(id))),
                None => out.push_str("<tr>"),
            }
            for c in &layout.columns {
                if *c == Column::Category {
                    if k == first {
                        let span = if len > 1 {
                            format!(" rowspan=\"{len}\"")
                        } else {
                            String::new()
                        };
                        out.push_str(&format!(
                            "<th scope=\"rowgroup\" class=\"category\"{span}>{}</th>",
                            r.text(&item.category)
                        ));
                    }
                    continue;
                }
                out.push_str(&r.cell(c, item, anchor, extras.labels));
            }
            if let Some((header, cells)) = extras.column {
                let label = if extras.labels {
                    format!(" data-label=\"{}\"", escape(header))
                } else {
                    String::new()
                };
                out.push_str(&format!(
                    "<td class=\"extra\"{label}>{}</td>",
                    cells.get(k).map_or("", String::as_str)
                ));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>\n</div>\n");
}

/// Writes the catalogue as a self-contained HTML page: `<!doctype html>`, `lang="zh-CN"`,
/// UTF-8, inline CSS only (no script, no external resource, no URL from the data), the
/// metadata as a `<dl>`, and one `<table>` with a `<caption>`, the two-row `<thead>`
/// (`scope`, `colspan`, `rowspan`) and one `<tbody>` per run of items with the same
/// 一级事项 (a `<th scope="rowgroup" rowspan>`); 二级事项 is each row's header. The page
/// scrolls sideways on a phone and prints in landscape with the header repeated on every
/// page. Every text from the data is escaped ([`escape`]) and masked on request.
pub fn to_html(cat: &Catalogue<'_>, options: &HtmlOptions) -> String {
    // Masking applies to every value of the page (title, caption, `aria-label`, metadata,
    // groups, every cell, extra columns) because it applies to the catalogue first.
    let masked;
    let cat = if options.mask {
        masked = crate::mask::mask_catalogue(cat);
        &masked
    } else {
        cat
    };
    let r = Renderer::default();
    let mut out = String::with_capacity(4096 + cat.items.len() * 2048);
    // For <title>: no <br>, line breaks as spaces.
    let plain_title = r.text(&cat.title.replace(['\r', '\n'], " "));
    page_head(&mut out, &plain_title, "");
    out.push_str("<body>\n<main>\n<header>\n");
    page_header(&mut out, cat);
    out.push_str("</header>\n");
    table(&mut out, cat, options, &TableExtras::default());
    out.push_str(&format!(
        "<footer>共 {} 项公开事项。</footer>\n</main>\n</body>\n</html>\n",
        cat.items.len()
    ));
    out
}
