#![allow(clippy::unwrap_used)]

use super::*;
use std::collections::HashMap;

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../examples/wuzhi-municipal.json"
);
const RECORDS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/site/records/wuzhi-municipal.csv"
);
const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/corpus/26-youyang-municipal-2024.csv"
);

fn example() -> Input {
    load(
        &std::fs::read(EXAMPLE).unwrap(),
        "examples/wuzhi-municipal.json",
    )
    .unwrap()
}

fn corpus() -> Input {
    load(
        &std::fs::read(CORPUS).unwrap(),
        "tests/corpus/26-youyang-municipal-2024.csv",
    )
    .unwrap()
}

fn records() -> RecordsInput {
    load_records(
        &std::fs::read(RECORDS).unwrap(),
        "tests/site/records/wuzhi-municipal.csv",
    )
    .unwrap()
}

fn text<'s>(site: &'s Site, path: &str) -> &'s str {
    std::str::from_utf8(site.file(path).unwrap_or_else(|| panic!("no {path}"))).unwrap()
}

/// A catalogue from the example with every text value replaced through `f`.
fn hostile(payload: &str) -> Input {
    let mut v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(EXAMPLE).unwrap()).unwrap();
    v["title"] = format!("标题{payload}").into();
    v["publisher"] = format!("单位{payload}").into();
    v["domain"] = payload.into();
    let item = &mut v["items"][0];
    item["id"] = format!("1{payload}").into();
    item["name"] = payload.into();
    item["category"] = payload.into();
    item["notes"] = payload.into();
    item["content"] = serde_json::json!([payload, "申请条件"]);
    item["other_channels"] = serde_json::json!([payload]);
    load(&serde_json::to_vec(&v).unwrap(), &format!("{payload}.json")).unwrap()
}

const TAGS: &[&str] = &[
    "!doctype", "html", "head", "meta", "title", "style", "body", "a", "nav", "ol", "ul", "li",
    "main", "header", "footer", "section", "h1", "h2", "h3", "dl", "dt", "dd", "div", "p", "label",
    "input", "span", "table", "caption", "thead", "tbody", "tr", "th", "td", "time", "script",
    "br",
];
const ATTRS: &[&str] = &[
    "html",
    "lang",
    "charset",
    "name",
    "content",
    "href",
    "class",
    "id",
    "role",
    "aria-label",
    "aria-labelledby",
    "aria-current",
    "aria-live",
    "tabindex",
    "hidden",
    "for",
    "type",
    "autocomplete",
    "placeholder",
    "scope",
    "colspan",
    "rowspan",
    "datetime",
    "download",
    "data-label",
];

/// Every tag and attribute of the page is one the generator writes: a value that became
/// markup would add an unknown one (or break the `name="value"` shape).
fn assert_only_known_markup(html: &str, path: &str) {
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let end = rest
            .find('>')
            .unwrap_or_else(|| panic!("unclosed tag in {path}"));
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        let closing = tag.starts_with('/');
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let mut words = tag.split(' ');
        let name = words.next().unwrap().to_ascii_lowercase();
        assert!(TAGS.contains(&name.as_str()), "tag <{name}> in {path}");
        let attrs = tag[name.len()..].trim();
        let mut a = attrs;
        while !a.is_empty() {
            let key_end = a.find(['=', ' ']).unwrap_or(a.len());
            let key = &a[..key_end];
            assert!(
                ATTRS.contains(&key),
                "attribute {key:?} of <{name}> in {path}"
            );
            a = &a[key_end..];
            if let Some(v) = a.strip_prefix("=\"") {
                let close = v.find('"').unwrap();
                assert!(!v[..close].contains(['<', '>']), "{path}");
                a = &v[close + 1..];
            }
            a = a.trim_start();
        }
        if !closing && (name == "style" || name == "script") {
            let close = format!("</{name}>");
            let at = rest.find(&close).unwrap();
            rest = &rest[at..];
        }
    }
}

const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "</table></div><a href=\"javascript:alert(1)\">x</a>",
    "&lt;b&gt;",
    "a\u{0}b\u{7}c",
];

#[test]
fn every_value_is_escaped() {
    // The checker catches markup that is not the generator's.
    for injected in [
        "<p><img src=x></p>",
        "<a href=\"x\" onclick=\"y\">",
        "<td data-label=\"a\"><b>",
    ] {
        assert!(std::panic::catch_unwind(|| assert_only_known_markup(injected, "t")).is_err());
    }
    for payload in PAYLOADS {
        let input = hostile(payload);
        let recs = RecordsInput {
            name: format!("{payload}.csv"),
            records: audit::read_records_csv(
                format!(
                    "item_id,formed_on,published_on,url,title\n\"1{p}\",2024-01-01,2024-01-02,\"https://portal.example/?q={p}\",\"{p}\"\n",
                    p = payload.replace('"', "\"\"")
                )
                .as_bytes(),
            )
            .unwrap(),
        };
        let site = build(&[input], &[recs], &SiteOptions::default().title(*payload)).unwrap();
        for f in &site.files {
            if !f.path.ends_with(".html") {
                continue;
            }
            let html = std::str::from_utf8(&f.bytes).unwrap();
            assert_only_known_markup(html, &f.path);
            assert!(
                !html.contains("href=\"javascript:"),
                "{payload:?} in {}",
                f.path
            );
            assert!(
                !html.contains('\u{0}') && !html.contains('\u{7}'),
                "{}",
                f.path
            );
            // The only scripts are the page's own filter.
            assert!(html.matches("<script>").count() <= 1, "{}", f.path);
        }
    }
    // The text shows, escaped.
    let site = build(&[hostile("<b>&")], &[], &SiteOptions::default()).unwrap();
    let page = &site.catalogues[0].page;
    assert!(text(&site, page).contains("单位&lt;b&gt;&amp;"));
    assert!(text(&site, "index.html").contains("标题&lt;b&gt;&amp;"));
}

#[test]
fn document_links_only_for_web_addresses() {
    assert!(is_safe_url("https://portal.example/a?b=1&c=2"));
    assert!(is_safe_url("HTTP://portal.example/"));
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,x",
        "//portal.example/x",
        "/zwgk/x.html",
        "https://",
        "https:///x",
        "https://a b",
        "http://a\u{0}b",
        "ftp://portal.example/",
    ] {
        assert!(!is_safe_url(bad), "{bad:?}");
    }
    let site = build(&[example()], &[records()], &SiteOptions::default()).unwrap();
    let page = text(&site, &site.catalogues[0].page);
    assert!(!page.contains("javascript:"));
    let codes: Vec<(&str, Option<usize>)> = site
        .issues
        .iter()
        .map(|i| (i.code.as_str(), i.row()))
        .collect();
    assert_eq!(
        codes,
        [("site.unknown_item", Some(8)), ("site.bad_url", Some(9))]
    );
    assert!(site.issues[0].message.contains("“99”"));
}

#[test]
fn documents_are_listed_newest_first_under_their_item() {
    let site = build(&[example()], &[records()], &SiteOptions::default()).unwrap();
    let c = &site.catalogues[0];
    assert_eq!(c.documents, 5);
    assert_eq!(c.records, ["tests/site/records/wuzhi-municipal.csv"]);
    let page = text(&site, &c.page);
    assert!(page.contains("<th scope=\"col\" rowspan=\"2\">已公开信息</th>"));
    let row1 = page
        .split("<tr id=\"item-1\">")
        .nth(1)
        .unwrap()
        .split("</tr>")
        .next()
        .unwrap();
    let newer = row1.find("2024-017.html").unwrap();
    let older = row1.find("2024-001.html").unwrap();
    assert!(newer < older, "newest first");
    assert!(row1.contains("<time datetime=\"2024-09-25\">2024-09-25</time>"));
    // Not yet published: not listed.
    assert!(!page.contains("draft.html"));
    // Without a title, the address is the link's text.
    assert!(page.contains(
        "<a href=\"https://portal.example/zwgk/daolu/2024-05.html\">https://portal.example/zwgk/daolu/2024-05.html</a>"
    ));
    // The last update is the newest document when it is later than the catalogue's date.
    let mut v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(EXAMPLE).unwrap()).unwrap();
    v["updated"] = "2024-01-01".into();
    let older_cat = load(&serde_json::to_vec(&v).unwrap(), "wuzhi-municipal.json").unwrap();
    let site = build(&[older_cat], &[records()], &SiteOptions::default()).unwrap();
    assert!(text(&site, "index.html").contains("<time datetime=\"2024-09-25\">"));
}

#[test]
fn records_belong_to_the_catalogue_of_the_same_name() {
    let two = [example(), corpus()];
    let site = build(&two, &[records()], &SiteOptions::default()).unwrap();
    let by_name: HashMap<&str, &Published> = site
        .catalogues
        .iter()
        .map(|c| (c.name.as_str(), c))
        .collect();
    assert_eq!(by_name["examples/wuzhi-municipal.json"].documents, 5);
    assert_eq!(
        by_name["tests/corpus/26-youyang-municipal-2024.csv"].documents,
        0
    );
    // A records file named after no catalogue is reported, not guessed.
    let mut other = records();
    other.name = "records/other.csv".into();
    let site = build(&two, &[other], &SiteOptions::default()).unwrap();
    assert!(site.catalogues.iter().all(|c| c.documents == 0));
    assert_eq!(site.issues[0].code, "site.records_unmatched");
    // One catalogue and one records file: they belong together whatever their names.
    let mut other = records();
    other.name = "records/other.csv".into();
    let site = build(&[example()], &[other], &SiteOptions::default()).unwrap();
    assert_eq!(site.catalogues[0].documents, 5);
}

#[test]
fn same_input_same_bytes_in_any_order() {
    let a = build(
        &[example(), corpus()],
        &[records()],
        &SiteOptions::default().base_url("https://portal.example/zt/"),
    )
    .unwrap();
    let b = build(
        &[corpus(), example()],
        &[records()],
        &SiteOptions::default().base_url("https://portal.example/zt/"),
    )
    .unwrap();
    assert_eq!(a.files, b.files);
    let paths: Vec<&str> = a.files.iter().map(|f| f.path.as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort_unstable();
    assert_eq!(paths, sorted);
    assert_eq!(paths[0], MANIFEST);
    // Every file is in the manifest, the manifest itself excepted.
    let listed = manifest_entries(a.file(MANIFEST).unwrap());
    assert_eq!(listed, paths[1..]);
    // Each catalogue has its page and its data.
    for c in &a.catalogues {
        let slug = c.page.trim_end_matches("/index.html");
        for ext in ["json", "csv", "xlsx"] {
            assert!(
                a.file(&format!("{slug}/{slug}.{ext}")).is_some(),
                "{slug}.{ext}"
            );
        }
    }
}

#[test]
fn data_files_are_the_exporters_output() {
    let input = example();
    let site = build(std::slice::from_ref(&input), &[], &SiteOptions::default()).unwrap();
    let slug = page_name(&input.catalogue);
    let json = site.file(&format!("{slug}/{slug}.json")).unwrap();
    assert_eq!(
        Catalogue::from_json(json).unwrap().into_owned(),
        input.catalogue
    );
    assert_eq!(
        site.file(&format!("{slug}/{slug}.csv")).unwrap(),
        export::to_csv(&input.catalogue, &CsvOptions::default())
    );
    assert_eq!(
        site.file(&format!("{slug}/{slug}.xlsx")).unwrap(),
        export::to_xlsx(&input.catalogue, &export::XlsxOptions::default()).unwrap()
    );
}

#[test]
fn page_names_and_anchors_are_stable() {
    // Pinned: a page's address must not change between versions.
    assert_eq!(
        page_name(&example().catalogue),
        "municipal_services-06a2bac5"
    );
    assert_eq!(item_anchor("1"), "item-1");
    assert_eq!(item_anchor("1.2"), "item-1_2E2");
    assert_eq!(item_anchor("A-01"), "item-A-01");
    assert_eq!(item_anchor("一"), "item-_E4_B8_80");
    assert_eq!(item_anchor("1_2E"), "item-1_5F2E");
    assert_ne!(item_anchor("1.2"), item_anchor("1_2E"));

    let mut v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(EXAMPLE).unwrap()).unwrap();
    v["items"][1]["id"] = "1".into(); // a repeated id
    v["items"][2]["id"] = "3.1".into();
    let input = load(&serde_json::to_vec(&v).unwrap(), "x.json").unwrap();
    let site = build(&[input], &[], &SiteOptions::default()).unwrap();
    let page = text(&site, &site.catalogues[0].page);
    for id in ["item-1", "item-1__2", "item-3_2E1", "item-22"] {
        assert_eq!(
            page.matches(&format!("<tr id=\"{id}\">")).count(),
            1,
            "{id}"
        );
        assert!(page.contains(&format!("<a href=\"#{id}\">")), "{id}");
    }
    // The index links each catalogue's page; the page links back.
    let index = text(&site, "index.html");
    assert!(index.contains("<a href=\"municipal_services-06a2bac5/index.html\">"));
    assert!(page.contains("<a href=\"../index.html\">"));
}

#[test]
fn pages_link_relatively_and_are_accessible_markup() {
    let site = build(
        &[example(), corpus()],
        &[records()],
        &SiteOptions::default().base_url("https://portal.example/zt/jcgk"),
    )
    .unwrap();
    for f in site.files.iter().filter(|f| f.path.ends_with(".html")) {
        let html = std::str::from_utf8(&f.bytes).unwrap();
        assert!(html.starts_with("<!doctype html>\n<html lang=\"zh-CN\">"));
        assert!(html.contains("<meta name=\"viewport\""));
        assert!(html.contains("<h1>"));
        // No resource from elsewhere, no absolute link of the site's own.
        for bad in [
            "src=",
            "<link",
            "@import",
            "url(",
            "href=\"/",
            "portal.example/zt",
        ] {
            assert!(!html.contains(bad), "{bad} in {}", f.path);
        }
        // Every external address is a document from the records.
        for part in html.split("href=\"").skip(1) {
            let href = part.split('"').next().unwrap();
            if href.starts_with("http") {
                assert!(href.starts_with("https://portal.example/zwgk/"), "{href}");
            }
        }
        assert!(
            !html.contains("<th>"),
            "every header cell has a scope: {}",
            f.path
        );
    }
    let page = text(&site, "municipal_services-06a2bac5/index.html");
    assert!(page.contains("<label for=\"filter-q\">"));
    assert!(page.contains("id=\"filter\" role=\"search\" hidden"));
    assert!(page.contains("@page{size:A4 landscape"));
    assert!(page.contains("thead{display:table-header-group}"));
    assert!(page.contains("@media screen and (max-width:40rem)"));
    assert!(page.contains("data-label=\"公开对象（全社会）\""));
}

#[test]
fn sitemap_only_with_a_base_url() {
    let site = build(&[example()], &[], &SiteOptions::default()).unwrap();
    assert!(site.file("sitemap.xml").is_none());
    let site = build(
        &[example()],
        &[],
        &SiteOptions::default().base_url("https://portal.example/zt/jcgk"),
    )
    .unwrap();
    let xml = text(&site, "sitemap.xml");
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
    assert!(xml.contains(
        "<url><loc>https://portal.example/zt/jcgk/index.html</loc><lastmod>2026-03-02</lastmod></url>"
    ));
    assert!(xml.contains(
        "<url><loc>https://portal.example/zt/jcgk/municipal_services-06a2bac5/index.html</loc><lastmod>2026-03-02</lastmod></url>"
    ));
    for bad in [
        "/zt/",
        "javascript:alert(1)",
        "https://a b/",
        "https://x/?a=1",
    ] {
        let err = build(&[example()], &[], &SiteOptions::default().base_url(bad)).unwrap_err();
        assert_eq!(err.code(), "invalid_argument", "{bad}");
        assert!(err.to_string().contains("网站地址"));
    }
    let site = build(
        &[example()],
        &[],
        &SiteOptions::default().base_url("https://portal.example/a&b/"),
    )
    .unwrap();
    assert!(text(&site, "sitemap.xml").contains("https://portal.example/a&amp;b/index.html"));
}

#[test]
fn titles_default_to_the_county() {
    let site = build(&[example()], &[], &SiteOptions::default()).unwrap();
    assert!(text(&site, "index.html").contains("<h1>武陟县基层政务公开专题</h1>"));
    let site = build(&[example(), corpus()], &[], &SiteOptions::default()).unwrap();
    assert!(text(&site, "index.html").contains("<h1>基层政务公开专题</h1>"));
    let site = build(&[example()], &[], &SiteOptions::default().title("某县专题")).unwrap();
    assert!(text(&site, "index.html").contains("<h1>某县专题</h1>"));
    assert!(
        text(&site, &site.catalogues[0].page).contains("<a href=\"../index.html\">某县专题</a>")
    );
}

#[test]
fn strict_refuses_a_catalogue_with_errors() {
    let site = build(&[example(), corpus()], &[], &SiteOptions::default()).unwrap();
    assert!(!site.refused && !site.files.is_empty());
    let bad = site
        .catalogues
        .iter()
        .find(|c| c.name.ends_with(".csv"))
        .unwrap();
    assert!(
        bad.report.counts.error > 0 && !bad.refused,
        "published as it is"
    );

    let site = build(
        &[example(), corpus()],
        &[],
        &SiteOptions::default().strict(true),
    )
    .unwrap();
    assert!(site.refused);
    assert!(site.files.is_empty());
    let refused: Vec<&str> = site
        .catalogues
        .iter()
        .filter(|c| c.refused)
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(refused, ["tests/corpus/26-youyang-municipal-2024.csv"]);
    let issue = site
        .issues
        .iter()
        .find(|i| i.code == "site.refused")
        .unwrap();
    assert!(issue.message.contains("26-youyang-municipal-2024.csv"));
    assert!(issue.message.contains("个错误"));
    // A clean catalogue passes.
    let site = build(&[example()], &[], &SiteOptions::default().strict(true)).unwrap();
    assert!(!site.refused && !site.files.is_empty());
}

/// A folder in memory: path → bytes.
type Folder = BTreeMap<String, Vec<u8>>;

fn run(folder: &mut Folder, site: &Site) -> SyncPlan {
    let manifest = folder.get(MANIFEST).cloned();
    let plan = plan_sync(site, manifest.as_deref(), |p| folder.get(p).cloned());
    assert!(plan.conflicts.is_empty(), "{:?}", plan.conflicts);
    for p in &plan.write {
        folder.insert(p.clone(), site.file(p).unwrap().to_vec());
    }
    for p in &plan.remove {
        folder.remove(p);
    }
    plan
}

#[test]
fn a_rerun_rewrites_only_what_changed_and_keeps_foreign_files() {
    let mut folder = Folder::new();
    folder.insert("README.txt".into(), b"the portal's own file".to_vec());
    folder.insert(
        "municipal_services-06a2bac5/notes.txt".into(),
        b"mine".to_vec(),
    );
    let both = build(&[example(), corpus()], &[], &SiteOptions::default()).unwrap();
    let plan = run(&mut folder, &both);
    assert_eq!(plan.write.len(), both.files.len());
    assert_eq!(plan.write.last().map(String::as_str), Some(MANIFEST));
    assert!(plan.remove.is_empty());

    // Same input: nothing to write.
    let again = build(&[corpus(), example()], &[], &SiteOptions::default()).unwrap();
    let plan = run(&mut folder, &again);
    assert!(plan.write.is_empty() && plan.remove.is_empty());
    assert_eq!(plan.unchanged.len(), again.files.len());

    // One item changed: that catalogue's files (page and data) and nothing else.
    let mut v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(EXAMPLE).unwrap()).unwrap();
    v["items"][0]["notes"] = "新的备注".into();
    let changed = load(&serde_json::to_vec(&v).unwrap(), "wuzhi-municipal.json").unwrap();
    let site = build(&[changed, corpus()], &[], &SiteOptions::default()).unwrap();
    let plan = run(&mut folder, &site);
    assert!(
        plan.write
            .iter()
            .all(|p| p.starts_with("municipal_services-06a2bac5/")),
        "{:?}",
        plan.write
    );
    assert_eq!(plan.write.len(), 4, "{:?}", plan.write);

    // A catalogue no longer given: its files go, the index changes, foreign files stay.
    let site = build(&[example()], &[], &SiteOptions::default()).unwrap();
    let plan = run(&mut folder, &site);
    let gone = page_name(&corpus().catalogue);
    assert_eq!(plan.remove.len(), 4, "{:?}", plan.remove);
    assert!(
        plan.remove
            .iter()
            .all(|p| p.starts_with(&format!("{gone}/")))
    );
    assert!(plan.write.contains(&"index.html".to_owned()));
    assert!(plan.write.contains(&MANIFEST.to_owned()));
    assert_eq!(folder["README.txt"], b"the portal's own file");
    assert_eq!(folder["municipal_services-06a2bac5/notes.txt"], b"mine");
    let produced: BTreeSet<&str> = site.files.iter().map(|f| f.path.as_str()).collect();
    let left: BTreeSet<&str> = folder.keys().map(String::as_str).collect();
    let foreign: Vec<&&str> = left.difference(&produced).collect();
    assert_eq!(
        foreign,
        [&"README.txt", &"municipal_services-06a2bac5/notes.txt"]
    );
}

#[test]
fn someone_elses_file_is_never_overwritten_or_removed() {
    let site = build(&[example()], &[], &SiteOptions::default()).unwrap();
    let mut folder = Folder::new();
    folder.insert(
        "index.html".into(),
        b"<p>the portal's own index</p>".to_vec(),
    );
    let plan = plan_sync(&site, None, |p| folder.get(p).cloned());
    assert_eq!(plan.conflicts, ["index.html"]);
    // The same bytes are not a conflict (a copy of an earlier run without its manifest).
    folder.insert(
        "index.html".into(),
        site.file("index.html").unwrap().to_vec(),
    );
    let plan = plan_sync(&site, None, |p| folder.get(p).cloned());
    assert!(plan.conflicts.is_empty());
    assert!(plan.unchanged.contains(&"index.html".to_owned()));

    // A tampered manifest cannot reach outside the folder or hidden files.
    let manifest =
        b"# x\n../etc/passwd\n/abs/file\n.ssh/id\na/../../b\nC:\\x\nold/index.html\na/b/c/d\n";
    let plan = plan_sync(&site, Some(manifest), |_| None);
    assert_eq!(plan.remove, ["old/index.html"]);
    assert!(is_own_path("index.html") && is_own_path("a-1/a-1.json"));
    for bad in [
        "", "/x", "../x", "a/../b", ".x", "a/.x", "a//b", "a\\b", "a/b/c", "a b",
    ] {
        assert!(!is_own_path(bad), "{bad:?}");
    }
}

#[test]
fn folder_file_names() {
    for ok in [
        "a.json",
        "目录.XLSX",
        "x.csv",
        "y.html",
        "z.htm",
        "w.xls",
        "v.docx",
    ] {
        assert!(is_catalogue_file(ok), "{ok}");
    }
    for no in [
        ".hidden.json",
        "~$目录.xlsx",
        "a.txt",
        "json",
        ".json",
        "a.pdf",
    ] {
        assert!(!is_catalogue_file(no), "{no}");
    }
    assert!(is_records_file("r.csv") && is_records_file("r.json") && is_records_file("r.tsv"));
    assert!(!is_records_file("r.xlsx"));
    assert_eq!(stem("a/b/城管局.xlsx"), "城管局");
    assert_eq!(stem("a\\b\\x.csv"), "x");
    assert_eq!(stem("noext"), "noext");
}

#[test]
fn records_carry_url_and_title_in_csv_and_json() {
    let csv = audit::read_records(
        "item_id,formed_on,published_on,url,title\n1,2024-01-01,2024-01-02,https://portal.example/a,公告\n"
            .as_bytes(),
        Some("r.csv"),
    )
    .unwrap();
    let json = audit::read_records(
        r#"[{"item_id":"1","formed_on":"2024-01-01","published_on":"2024-01-02","url":"https://portal.example/a","title":"公告"}]"#
            .as_bytes(),
        Some("r.json"),
    )
    .unwrap();
    for r in [&csv, &json] {
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        assert_eq!(
            r.records[0].url.as_deref(),
            Some("https://portal.example/a")
        );
        assert_eq!(r.records[0].title.as_deref(), Some("公告"));
    }
    // The audit itself is unchanged by them.
    let cat = example().catalogue;
    let cal = crate::calendar::embedded();
    let with = audit::audit(&cat, &csv, cal, &audit::AuditOptions::default());
    let plain = audit::read_records(
        b"item_id,formed_on,published_on\n1,2024-01-01,2024-01-02\n",
        Some("r.csv"),
    )
    .unwrap();
    let without = audit::audit(&cat, &plain, cal, &audit::AuditOptions::default());
    assert_eq!(with.rows, without.rows);
}
