//! The pages of the 专题: the index, one page per catalogue, the sitemap.

use super::{Entry, field_name, publisher_name, push_encoded};
use crate::export::html::{TableExtras, escape, page_head, page_header, table};
use crate::export::{HtmlOptions, escape_html};
use std::collections::BTreeMap;

/// What the site adds to the export's style: links, focus, the filter, the index lists, the
/// card layout of a phone (the table's rows as cards, each value labelled), print.
const SITE_STYLE: &str = "\
a{color:#0b4f9c}
a:focus,input:focus,[tabindex]:focus{outline:3px solid #b35900;outline-offset:2px}
[hidden]{display:none!important}
.skip{position:absolute;left:-999rem;top:.5rem;background:#fff;padding:.4rem .8rem;border:2px solid #0b4f9c;z-index:1}
.skip:focus{left:.5rem}
nav.crumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem;margin:0 0 .75rem;padding:0}
nav.crumbs li+li::before{content:\"›\";margin-right:.25rem}
dl.meta dt{flex:none}
main>h1{font-size:1.5rem;margin:0 0 .5rem;text-align:center}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem;padding-bottom:.2rem;border-bottom:2px solid #0b4f9c}
h3{font-size:1.05rem;margin:1.25rem 0 .4rem}
p.summary{text-align:center;margin:0 0 1rem}
ul.fields{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:0 0 1rem;padding:0}
ul.inline{list-style:none;margin:0;padding:0}
table.list{min-width:0}
table.list thead th{white-space:normal}
td.num{text-align:right;white-space:nowrap}
td.date{white-space:nowrap}
p.downloads a,td.downloads a{margin-right:.75rem;white-space:nowrap}
.filter{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;margin:0 0 .75rem}
.filter label{font-weight:bold}
.filter input{font:inherit;padding:.35rem .5rem;border:1px solid #555;border-radius:2px;width:22rem;max-width:100%;box-sizing:border-box}
tr:target>*{background:#fff4cc}
ul.docs{margin:0;padding:0 0 0 1.1em;min-width:12em}
ul.docs li{margin:0 0 .3rem}
ul.docs time{display:block;color:#4d4d4d;font-size:.9em}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media screen and (min-width:40.01rem){
table.catalogue td[data-label=\"公开内容（要素）\"],table.catalogue td[data-label=\"公开依据\"]{min-width:11em}
table.catalogue td[data-label=\"公开时限\"],table.catalogue td[data-label=\"公开主体\"]{min-width:6em}
}
@media screen and (max-width:40rem){
body{margin:.5rem}
.table-wrap{overflow:visible}
table.cards,table.cards tbody,table.cards tr,table.cards th,table.cards td{display:block;width:auto;min-width:0}
table.cards{min-width:0;border:0}
table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.cards tbody{border:1px solid #555;margin:0 0 1rem}
table.cards tr{display:flex;flex-direction:column;padding:.4rem .6rem;border-top:1px solid #999}
table.cards tr:first-child{border-top:0}
table.cards th,table.cards td{border:0;padding:.1rem 0;text-align:left}
table.cards th.category{order:-1;margin:-.4rem -.6rem .4rem;padding:.4rem .6rem;background:#e8eef6;font-size:1.05rem}
table.cards th[scope=row]{font-weight:bold;font-size:1.05rem}
table.cards td[data-label]::before{content:attr(data-label) \"：\";font-weight:bold}
table.cards td.tick:empty,table.cards td.extra:empty{display:none}
table.cards ul.channels{min-width:0;max-width:none}
table.cards ul.channels li.off{display:none}
table.cards ul.docs{min-width:0}
}
@media print{
.skip,nav.crumbs,.filter,p.downloads{display:none}
a{color:inherit;text-decoration:none}
tr:target>*{background:none}
}
";

/// The filter of a catalogue page (plain JavaScript, no framework): hides the rows whose text
/// does not contain the query (white space and case ignored; of the channels only the chosen
/// ones count, ticks do not), keeps each 一级事项 over its visible rows, says how many rows
/// show. The box is `hidden` in the HTML and shown by the script, so without JavaScript the
/// page is the full table and no box that does nothing.
const SCRIPT: &str = r#"(function () {
  var box = document.getElementById('filter');
  var input = document.getElementById('filter-q');
  var status = document.getElementById('filter-count');
  var table = document.querySelector('table.catalogue');
  if (!box || !input || !status || !table || !table.tBodies) return;
  function norm(s) { return s.replace(/\s+/g, '').toLowerCase(); }
  function rowText(tr) {
    var s = '';
    for (var i = 0; i < tr.cells.length; i++) {
      var c = tr.cells[i];
      if (c.classList.contains('tick') || c.classList.contains('category')) continue;
      if (c.querySelector('ul.channels')) {
        var on = c.querySelectorAll('ul.channels li.on');
        for (var j = 0; j < on.length; j++) s += ' ' + on[j].textContent;
      } else {
        s += ' ' + c.textContent;
      }
    }
    return norm(s);
  }
  var groups = [];
  var total = 0;
  for (var g = 0; g < table.tBodies.length; g++) {
    var body = table.tBodies[g];
    var th = body.querySelector('th.category');
    var rows = [];
    for (var r = 0; r < body.rows.length; r++) {
      rows.push({ tr: body.rows[r], text: rowText(body.rows[r]) });
    }
    total += rows.length;
    groups.push({ body: body, th: th, head: th ? norm(th.textContent) : '', rows: rows });
  }
  function apply() {
    var q = norm(input.value);
    var shown = 0;
    groups.forEach(function (grp) {
      var all = q === '' || grp.head.indexOf(q) >= 0;
      var visible = [];
      grp.rows.forEach(function (row) {
        var on = all || row.text.indexOf(q) >= 0;
        row.tr.hidden = !on;
        if (on) visible.push(row.tr);
      });
      grp.body.hidden = visible.length === 0;
      shown += visible.length;
      if (grp.th && visible.length) {
        var first = visible[0];
        if (grp.th.parentNode !== first) first.insertBefore(grp.th, first.cells[1] || null);
        grp.th.rowSpan = visible.length;
      }
    });
    status.textContent = q === ''
      ? '共 ' + total + ' 项'
      : shown ? '显示 ' + shown + ' 项（共 ' + total + ' 项）' : '没有找到匹配的事项';
  }
  input.addEventListener('input', apply);
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { input.value = ''; apply(); }
  });
  box.hidden = false;
  apply();
})();
"#;

/// The anchor of a field's section on the index.
fn field_anchor(code: &str) -> String {
    let mut s = String::from("field-");
    push_encoded(&mut s, code);
    if code.trim().is_empty() {
        s.push('_');
    }
    s
}

/// Text as HTML on one line (line breaks as spaces).
fn one_line(text: &str) -> String {
    escape_html(&text.replace(['\r', '\n'], " "))
}

/// A date cell's content: `<time>` for a real date, else the text.
fn date_html(text: &str) -> String {
    if crate::date::parse_date(text).is_some() {
        format!("<time datetime=\"{0}\">{0}</time>", escape(text))
    } else if text.is_empty() {
        "—".to_owned()
    } else {
        escape(text)
    }
}

/// The data links of a catalogue, relative to `prefix` (`""` on its page, `S/` on the index).
fn downloads(e: &Entry<'_>, prefix: &str, hidden_context: bool) -> String {
    let title = one_line(&e.cat().title);
    let mut formats = vec![("json", "JSON"), ("csv", "CSV")];
    if e.xlsx {
        formats.push(("xlsx", "XLSX（Excel）"));
    }
    formats
        .iter()
        .map(|(ext, label)| {
            let context = if hidden_context {
                format!("<span class=\"vh\">：{title}</span>")
            } else {
                String::new()
            };
            format!(
                "<a href=\"{prefix}{slug}.{ext}\" download=\"{title}.{ext}\">{label}{context}</a>",
                slug = e.slug
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One catalogue's page.
pub(super) fn catalogue_page(e: &Entry<'_>, site_title: &str) -> String {
    let cat = e.cat();
    let options = HtmlOptions::default();
    let mut out = String::with_capacity(8192 + cat.items.len() * 2560);
    page_head(
        &mut out,
        &format!("{} - {}", one_line(&cat.title), one_line(site_title)),
        SITE_STYLE,
    );
    out.push_str("<body>\n<a class=\"skip\" href=\"#catalogue\">跳到目录表</a>\n");
    out.push_str(&format!(
        "<nav class=\"crumbs\" aria-label=\"当前位置\"><ol><li><a href=\"../index.html\">{}</a></li><li><a href=\"../index.html#{}\">{}</a></li><li><a href=\"index.html\" aria-current=\"page\">{}</a></li></ol></nav>\n",
        one_line(site_title),
        escape(&field_anchor(&cat.domain)),
        one_line(field_name(&cat.domain)),
        one_line(publisher_name(&cat.publisher)),
    ));
    out.push_str("<main>\n<header>\n");
    page_header(&mut out, cat);
    out.push_str("</header>\n");
    out.push_str(&format!(
        "<p class=\"downloads\">数据下载：{}</p>\n",
        downloads(e, "", false)
    ));
    out.push_str(
        "<div class=\"filter\" id=\"filter\" role=\"search\" hidden>\n<label for=\"filter-q\">筛选事项</label>\n<input id=\"filter-q\" type=\"search\" autocomplete=\"off\" placeholder=\"输入事项名称、内容、依据等中的词\">\n<span id=\"filter-count\" role=\"status\" aria-live=\"polite\"></span>\n</div>\n",
    );
    let doc_cells: Vec<String> = e
        .documents
        .iter()
        .map(|docs| {
            if docs.is_empty() {
                return String::new();
            }
            let mut s = String::from("<ul class=\"docs\">");
            for d in docs {
                s.push_str(&format!(
                    "<li><a href=\"{}\">{}</a>",
                    escape(&d.url),
                    one_line(&d.title)
                ));
                if let Some(date) = &d.date {
                    s.push_str(&format!("<time datetime=\"{date}\">{date}</time>"));
                }
                s.push_str("</li>");
            }
            s.push_str("</ul>");
            s
        })
        .collect();
    let has_docs = e.documents.iter().any(|d| !d.is_empty());
    let extras = TableExtras {
        class: Some("catalogue cards"),
        anchors: Some(&e.anchors),
        labels: true,
        column: has_docs.then_some(("已公开信息", doc_cells.as_slice())),
    };
    out.push_str("<div id=\"catalogue\">\n");
    table(&mut out, cat, &options, &extras);
    out.push_str("</div>\n");
    out.push_str(&format!(
        "<footer>共 {} 项公开事项。最近更新：{}。</footer>\n</main>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n",
        cat.items.len(),
        date_html(&e.last_update),
    ));
    out
}

/// The index: the fields with their catalogues, then the units.
pub(super) fn index_page(entries: &[Entry<'_>], site_title: &str) -> String {
    let title = one_line(site_title);
    let mut out = String::with_capacity(8192 + entries.len() * 1024);
    page_head(&mut out, &title, SITE_STYLE);
    out.push_str("<body>\n<a class=\"skip\" href=\"#main\">跳到正文</a>\n<main id=\"main\">\n");
    out.push_str(&format!("<h1>{title}</h1>\n"));

    // Fields in site order (entries are sorted by field first).
    let mut fields: Vec<(&str, Vec<&Entry<'_>>)> = Vec::new();
    for e in entries {
        let code = e.cat().domain.as_str();
        match fields.last_mut() {
            Some((c, list)) if *c == code => list.push(e),
            _ => fields.push((code, vec![e])),
        }
    }
    let mut units: BTreeMap<&str, Vec<&Entry<'_>>> = BTreeMap::new();
    for e in entries {
        units.entry(e.cat().publisher.trim()).or_default().push(e);
    }
    let items: usize = entries.iter().map(|e| e.cat().items.len()).sum();
    out.push_str(&format!(
        "<p class=\"summary\">本专题集中发布 {} 个领域、{} 个单位的基层政务公开标准目录 {} 份，共 {} 项公开事项。</p>\n",
        fields.len(),
        units.len(),
        entries.len(),
        items
    ));
    if entries.is_empty() {
        out.push_str("<p>尚未发布目录。</p>\n");
    }
    out.push_str("<nav aria-label=\"领域\">\n<ul class=\"fields\">\n");
    for (code, list) in &fields {
        out.push_str(&format!(
            "<li><a href=\"#{}\">{}</a>（{} 份）</li>\n",
            escape(&field_anchor(code)),
            one_line(field_name(code)),
            list.len()
        ));
    }
    out.push_str("<li><a href=\"#units\">按单位查看</a></li>\n</ul>\n</nav>\n");

    out.push_str("<section aria-labelledby=\"fields\">\n<h2 id=\"fields\">按领域</h2>\n");
    for (code, list) in &fields {
        let anchor = escape(&field_anchor(code));
        let name = one_line(field_name(code));
        out.push_str(&format!(
            "<section aria-labelledby=\"{anchor}\">\n<h3 id=\"{anchor}\">{name}</h3>\n<table class=\"list cards\">\n<caption class=\"vh\">{name}领域的标准目录</caption>\n<thead>\n<tr><th scope=\"col\">编制单位</th><th scope=\"col\">标准目录</th><th scope=\"col\">层级</th><th scope=\"col\">事项数</th><th scope=\"col\">最近更新</th><th scope=\"col\">数据下载</th></tr>\n</thead>\n<tbody>\n"
        ));
        for e in list {
            let cat = e.cat();
            out.push_str(&format!(
                "<tr><th scope=\"row\">{}</th><td data-label=\"标准目录\"><a href=\"{}/index.html\">{}</a></td><td data-label=\"层级\">{}</td><td class=\"num\" data-label=\"事项数\">{}</td><td class=\"date\" data-label=\"最近更新\">{}</td><td class=\"downloads\" data-label=\"数据下载\">{}</td></tr>\n",
                one_line(publisher_name(&cat.publisher)),
                e.slug,
                one_line(&cat.title),
                cat.level.zh(),
                cat.items.len(),
                date_html(&e.last_update),
                downloads(e, &format!("{}/", e.slug), true),
            ));
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    out.push_str("</section>\n");

    out.push_str("<section aria-labelledby=\"units\">\n<h2 id=\"units\">按单位</h2>\n<table class=\"list cards\">\n<caption class=\"vh\">各单位的标准目录</caption>\n<thead>\n<tr><th scope=\"col\">单位</th><th scope=\"col\">领域</th><th scope=\"col\">事项数</th><th scope=\"col\">最近更新</th></tr>\n</thead>\n<tbody>\n");
    for (publisher, list) in &units {
        let links: Vec<String> = list
            .iter()
            .map(|e| {
                let cat = e.cat();
                // The field names the catalogue, unless the unit has several of that field
                // (or the field is not known): then its title does.
                let shared = list.iter().filter(|o| o.cat().domain == cat.domain).count() > 1;
                let text = if shared || cat.domain.trim().is_empty() {
                    one_line(&cat.title)
                } else {
                    one_line(field_name(&cat.domain))
                };
                format!(
                    "<li><a href=\"{}/index.html\">{text}</a>（{} 项）</li>",
                    e.slug,
                    cat.items.len()
                )
            })
            .collect();
        let count: usize = list.iter().map(|e| e.cat().items.len()).sum();
        let last = list
            .iter()
            .map(|e| e.last_update.as_str())
            .max()
            .unwrap_or("");
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td data-label=\"领域\"><ul class=\"inline\">{}</ul></td><td class=\"num\" data-label=\"事项数\">{count}</td><td class=\"date\" data-label=\"最近更新\">{}</td></tr>\n",
            one_line(publisher_name(publisher)),
            links.join(""),
            date_html(last),
        ));
    }
    out.push_str("</tbody>\n</table>\n</section>\n</main>\n");
    let newest = entries
        .iter()
        .map(|e| e.last_update.as_str())
        .filter(|d| crate::date::parse_date(d).is_some())
        .max();
    out.push_str("<footer>");
    if let Some(d) = newest {
        out.push_str(&format!("最近更新：{}。", date_html(d)));
    }
    out.push_str("各目录的数据（JSON、CSV、XLSX）可在其页面下载。</footer>\n</body>\n</html>\n");
    out
}

/// `sitemap.xml` (sitemaps.org 0.9): the index and every page, under `base` (ends with `/`),
/// with `lastmod` when the last update is a date.
pub(super) fn sitemap(entries: &[Entry<'_>], base: &str) -> String {
    let base = escape(base);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let lastmod = |d: &str| {
        if crate::date::parse_date(d).is_some() {
            format!("<lastmod>{}</lastmod>", escape(d))
        } else {
            String::new()
        }
    };
    let newest = entries
        .iter()
        .map(|e| e.last_update.as_str())
        .filter(|d| crate::date::parse_date(d).is_some())
        .max()
        .unwrap_or("");
    out.push_str(&format!(
        "<url><loc>{base}index.html</loc>{}</url>\n",
        lastmod(newest)
    ));
    for e in entries {
        out.push_str(&format!(
            "<url><loc>{base}{}/index.html</loc>{}</url>\n",
            e.slug,
            lastmod(&e.last_update)
        ));
    }
    out.push_str("</urlset>\n");
    out
}
