//! Round trips through the table formats: JSON → CSV → JSON and JSON → XLSX → JSON are the
//! identity on every catalogue for which `export::table_losses` is empty, and the fixture (a
//! valid, real-size catalogue) has no losses.

#![allow(clippy::unwrap_used)]

mod export_support;

use export_support::{FORMULA_PAYLOADS, fixture, with_payload};
use gongkai::export::cells::{
    citation_canonical, drop_canonical_citation_text, drop_canonical_time_limit_text,
    time_limit_canonical,
};
use gongkai::export::{CsvOptions, LevelColumns, table_losses, to_csv};
use gongkai::import::text::{parse_citations, parse_time_limit};
use gongkai::import::{Format, ImportOptions, import_bytes};
use gongkai::model::{
    Anchor, Audience, BasedOn, Channel, CitationKind, Extra, Level, Method, Region, Text,
    TimeLimitKind,
};
use gongkai::{Catalogue, Citation, Item, TimeLimit};

fn import(bytes: &[u8], format: Format) -> Catalogue<'static> {
    match import_bytes(bytes, format, &ImportOptions::default()) {
        Ok(i) => i.catalogue,
        Err(e) => panic!("{format:?} import of an export failed: {e}"),
    }
}

fn assert_same(back: &Catalogue<'_>, cat: &Catalogue<'_>, what: &str) {
    let (got, want) = (
        serde_json::to_value(back).unwrap(),
        serde_json::to_value(cat).unwrap(),
    );
    let mut diffs = Vec::new();
    differences(&got, &want, String::new(), &mut diffs);
    assert!(
        diffs.is_empty(),
        "{what}: the round trip changed the catalogue:\n{}",
        diffs.join("\n")
    );
}

/// Every JSON Pointer where `got` and `want` differ, with both values.
fn differences(
    got: &serde_json::Value,
    want: &serde_json::Value,
    at: String,
    out: &mut Vec<String>,
) {
    use serde_json::Value::{Array, Object};
    match (got, want) {
        (Object(a), Object(b)) => {
            let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for k in keys {
                let null = serde_json::Value::Null;
                let (x, y) = (a.get(k).unwrap_or(&null), b.get(k).unwrap_or(&null));
                differences(x, y, format!("{at}/{k}"), out);
            }
        }
        (Array(a), Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                differences(x, y, format!("{at}/{i}"), out);
            }
        }
        _ if got != want => out.push(format!("  {at}: got {got}, want {want}")),
        _ => {}
    }
}

fn via_csv(cat: &Catalogue<'_>, options: &CsvOptions) -> Catalogue<'static> {
    import(&to_csv(cat, options), Format::Csv)
}

#[cfg(feature = "xlsx")]
fn via_xlsx(cat: &Catalogue<'_>, options: &gongkai::export::XlsxOptions) -> Catalogue<'static> {
    import(
        &gongkai::export::to_xlsx(cat, options).unwrap(),
        Format::Xlsx,
    )
}

#[test]
fn fixture_has_no_losses() {
    let losses = table_losses(&fixture());
    assert!(losses.is_empty(), "{losses:#?}");
}

#[test]
fn json_csv_json_is_the_identity() {
    let cat = fixture();
    assert_same(&via_csv(&cat, &CsvOptions::default()), &cat, "CSV");
    assert_same(
        &via_csv(&cat, &CsvOptions::default().levels(LevelColumns::Used)),
        &cat,
        "CSV, used levels only",
    );
}

#[cfg(feature = "xlsx")]
#[test]
fn json_xlsx_json_is_the_identity() {
    use gongkai::export::XlsxOptions;
    let cat = fixture();
    assert_same(&via_xlsx(&cat, &XlsxOptions::default()), &cat, "XLSX");
    assert_same(
        &via_xlsx(
            &cat,
            &XlsxOptions::default()
                .title_row(false)
                .levels(LevelColumns::Used),
        ),
        &cat,
        "XLSX without title row, used levels only",
    );
}

#[test]
fn formula_payloads_come_back_unguarded() {
    for payload in FORMULA_PAYLOADS {
        let cat = with_payload(payload);
        if !table_losses(&cat).is_empty() {
            continue;
        }
        assert_same(&via_csv(&cat, &CsvOptions::default()), &cat, payload);
        #[cfg(feature = "xlsx")]
        assert_same(
            &via_xlsx(&cat, &gongkai::export::XlsxOptions::default()),
            &cat,
            payload,
        );
    }
}

/// The importer's parsers read every canonical wording back to the same structure.
#[test]
fn canonical_wordings_parse_back() {
    let mut limits = vec![
        TimeLimit::hours_before(24),
        TimeLimit::annual_by(1, 31),
        TimeLimit::annual_by(12, 5),
    ];
    for kind in [
        TimeLimitKind::OnTheSpot,
        TimeLimitKind::Realtime,
        TimeLimitKind::Promptly,
        TimeLimitKind::Continuous,
    ] {
        limits.push(TimeLimit::simple(kind));
    }
    for days in [1, 7, 20, 365] {
        for anchor in Anchor::ALL {
            for make in [TimeLimit::working_days, TimeLimit::calendar_days] {
                let mut t = make(days, *anchor);
                if *anchor == Anchor::Event {
                    t.event = Some(Text::from("分配结果确定"));
                }
                limits.push(t);
            }
        }
    }
    for t in limits {
        let wording = time_limit_canonical(&t);
        let mut back = parse_time_limit(&wording);
        drop_canonical_time_limit_text(&mut back);
        assert_eq!(back, t, "{wording}");
    }
    let mut citations = vec![Citation::titled("城市供水条例")];
    for kind in CitationKind::ALL {
        let mut c = Citation::titled("城镇燃气管理条例");
        c.kind = Some(*kind);
        c.doc_no = Some(Text::from("国务院令第583号"));
        c.articles = vec![Text::from("第十五条"), Text::from("第二十条")];
        citations.push(c);
    }
    for c in citations {
        let wording = citation_canonical(&c);
        let mut back = parse_citations(&wording);
        back.iter_mut().for_each(drop_canonical_citation_text);
        assert_eq!(back, vec![c], "{wording}");
    }
}

/// A small deterministic generator of varied valid catalogues (xorshift64*).
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'p>(&mut self, pool: &[&'p str]) -> &'p str {
        pool[self.below(pool.len())]
    }
    fn text(&mut self, pool: &[&'static str]) -> Text<'static> {
        Text::from(self.pick(pool))
    }
    /// A non-empty subset, in the order of `all`.
    fn subset<T: Copy>(&mut self, all: &[T]) -> Vec<T> {
        loop {
            let v: Vec<T> = all.iter().copied().filter(|_| self.chance(40)).collect();
            if !v.is_empty() {
                return v;
            }
        }
    }
}

const CATEGORIES: &[&str] = &[
    "城镇燃气管理",
    "城市供水",
    "城市照明",
    "政务公开",
    "市容环境卫生",
];
const NAMES: &[&str] = &[
    "燃气经营许可证核发",
    "计划停水通知",
    "路灯维修进度",
    "政府信息公开工作年度报告",
    "城市道路占用挖掘许可",
    "=SUM(A1)",
];
const CONTENT: &[&str] = &[
    "申请条件",
    "申请材料",
    "办理流程",
    "审批结果、审批时间",
    "2024年度报告",
    "①标准",
    "(一)说明",
    "收费依据;标准",
    "-负数开头",
    "@提及",
];
const TITLES: &[&str] = &[
    "城镇燃气管理条例",
    "城市供水条例",
    "中华人民共和国政府信息公开条例",
    "河南省城镇燃气管理办法",
];
const DOC_NOS: &[&str] = &["国务院令第583号", "国务院令第158号", "国务院令第711号"];
const ARTICLES: &[&str] = &["第十五条", "第二十二条", "第三十三条", "第二十六条第一款"];
const EVENTS: &[&str] = &["分配结果确定", "本级人民代表大会批准"];
const OTHER: &[&str] = &["12345热线", "河南政务服务网", "会议"];

fn gen_citation(g: &mut Gen) -> Citation<'static> {
    let mut c = Citation::titled(g.pick(TITLES));
    if g.chance(60) {
        c.doc_no = Some(g.text(DOC_NOS));
    }
    for _ in 0..g.below(3) {
        let a = g.text(ARTICLES);
        if !c.articles.contains(&a) {
            c.articles.push(a);
        }
    }
    // The kind is written as a 【tag】, so it comes back; a citation without a kind but with
    // a 令号 is read back with the kind the 令号 implies (国务院令 → 行政法规), a listed loss,
    // so only citations without a 令号 are generated without a kind.
    if c.doc_no.is_some() || g.chance(60) {
        c.kind = Some(CitationKind::ALL[g.below(CitationKind::ALL.len())]);
    }
    c
}

fn gen_time_limit(g: &mut Gen) -> TimeLimit<'static> {
    match g.below(9) {
        0 | 1 => {
            let anchor = Anchor::ALL[g.below(Anchor::ALL.len())];
            let days = 1 + g.below(60) as u32;
            let mut t = if g.chance(70) {
                TimeLimit::working_days(days, anchor)
            } else {
                TimeLimit::calendar_days(days, anchor)
            };
            if anchor == Anchor::Event {
                t.event = Some(g.text(EVENTS));
            }
            t
        }
        2 => TimeLimit::hours_before(1 + g.below(72) as u32),
        3 => TimeLimit::annual_by(1 + g.below(12) as u32, 1 + g.below(28) as u32),
        4 => TimeLimit::simple(TimeLimitKind::Realtime),
        5 => TimeLimit::simple(TimeLimitKind::Promptly),
        6 => TimeLimit::simple(TimeLimitKind::Continuous),
        7 => TimeLimit::simple(TimeLimitKind::OnTheSpot),
        _ => TimeLimit::unparsed("1.除处罚决定外其他内容:长期公开;2.处罚决定:20个工作日内"),
    }
}

fn gen_item(g: &mut Gen, i: usize) -> Item<'static> {
    let method = g.subset(Method::ALL);
    let mut channels = g.subset(Channel::ALL);
    if method.contains(&Method::Proactive) && !channels.contains(&Channel::GovWebsite) {
        channels.insert(0, Channel::GovWebsite);
    }
    let mut content: Vec<Text<'static>> = Vec::new();
    for _ in 0..=g.below(4) {
        let e = g.text(CONTENT);
        if !content.contains(&e) {
            content.push(e);
        }
    }
    let mut extra = Extra::new();
    if g.chance(30) {
        extra.insert("联系电话".into(), serde_json::json!("0391-7225678"));
    }
    if g.chance(15) {
        extra.insert("评分".into(), serde_json::json!(g.below(100)));
    }
    Item {
        id: Text::from(if g.chance(20) {
            format!("0{}", i + 1)
        } else {
            (i + 1).to_string()
        }),
        category: g.text(CATEGORIES),
        name: g.text(NAMES),
        subitem: g.chance(20).then(|| Text::from("三级事项名称")),
        content,
        basis: (0..=g.below(3)).map(|_| gen_citation(g)).collect(),
        time_limit: gen_time_limit(g),
        retention: g
            .chance(15)
            .then(|| g.text(&["long_term", "while_in_office", "until_superseded", "五年"])),
        subject: Text::from("武陟县城市管理局"),
        responsible_office: g
            .chance(15)
            .then(|| g.text(&["审批科", "市政股", "办公室"])),
        channels,
        other_channels: if g.chance(25) {
            vec![g.text(OTHER)]
        } else {
            Vec::new()
        },
        audience: g.subset(Audience::ALL),
        audience_note: g.chance(20).then(|| Text::from("申请人")),
        scope_note: g.chance(10).then(|| Text::from("本辖区")),
        method,
        levels: g.subset(Level::ALL),
        notes: g
            .chance(30)
            .then(|| g.text(&["涉密内容不予公开", "'=x", "+86 电话"])),
        extra,
    }
}

fn gen_catalogue(g: &mut Gen) -> Catalogue<'static> {
    let mut cat = fixture();
    cat.items = (0..1 + g.below(12)).map(|i| gen_item(g, i)).collect();
    // Keep the catalogue free of error-severity rules: one row per (一级, 二级) pair, and the
    // annual report due by 31 January (条例第四十九条).
    let mut seen = std::collections::BTreeSet::new();
    for (i, it) in cat.items.iter_mut().enumerate() {
        if !seen.insert((it.category.to_string(), it.name.to_string())) {
            it.name = Text::from(format!("{}（{}）", it.name, i + 1));
        }
        if it.name.contains("年度报告") {
            it.time_limit = TimeLimit::annual_by(1, 31);
        }
    }
    cat.region = g.chance(70).then(|| Region {
        province: "河南省".into(),
        city: "焦作市".into(),
        county: "武陟县".into(),
        township: g.chance(30).then(|| Text::from("木城街道")),
        code: g.chance(50).then(|| Text::from("410823")),
        extra: Extra::new(),
    });
    cat.based_on = g.chance(50).then(|| BasedOn {
        title: "市政服务领域基层政务公开标准指引".into(),
        doc_no: g.chance(50).then(|| Text::from("建办厅〔2019〕71号")),
        issuer: None,
        extra: Extra::new(),
    });
    cat.updated = g.chance(50).then(|| Text::from("2024-06-15"));
    if g.chance(20) {
        cat.extra.insert("审核人".into(), serde_json::json!("王五"));
    }
    if g.chance(20) {
        cat.version = Some(Text::from("2024年版"));
        cat.next_review = g.chance(50).then(|| Text::from("2025-06-30"));
        cat.revisions = vec![gongkai::model::Revision {
            date: Text::from("2024-06-15"),
            summary: Text::from("依据新修订的条例调整燃气事项"),
            extra: Extra::new(),
        }];
    }
    // The lowest version that holds what was generated (a 1.0 file with 1.1 fields is a loss).
    cat.schema_version = Text::from(cat.required_version());
    cat
}

#[test]
fn generated_catalogues_round_trip() {
    let mut g = Gen(0x9E37_79B9_7F4A_7C15);
    let (mut checked, total) = (0, 150);
    let mut why_lossy = std::collections::BTreeMap::<String, usize>::new();
    for n in 0..total {
        let cat = gen_catalogue(&mut g);
        // Structurally valid (the schema); the semantic rules (a level above the catalogue's,
        // an unnamed 特定群体 …) do not concern the table layout and may fire.
        assert!(
            gongkai::structurally_valid(&cat),
            "generator made invalid #{n}"
        );
        let losses = table_losses(&cat);
        if !losses.is_empty() {
            for l in losses {
                *why_lossy.entry(l.message).or_insert(0) += 1;
            }
            continue;
        }
        checked += 1;
        assert_same(
            &via_csv(&cat, &CsvOptions::default()),
            &cat,
            &format!("CSV #{n}"),
        );
        #[cfg(feature = "xlsx")]
        assert_same(
            &via_xlsx(&cat, &gongkai::export::XlsxOptions::default()),
            &cat,
            &format!("XLSX #{n}"),
        );
    }
    println!("{checked}/{total} generated catalogues have no losses and round-trip");
    assert!(
        checked * 2 >= total,
        "only {checked}/{total} lossless; losses: {:?}",
        why_lossy
    );
}

/// The generator only makes structurally valid catalogues (so the property above is about
/// valid data; the round trip is stronger than "valid" needs),
/// and they vary: several layouts (三级事项, 特定群体说明, JSON columns) appear.
#[test]
fn generator_makes_valid_varied_catalogues() {
    let mut g = Gen(0x9E37_79B9_7F4A_7C15);
    let (mut subitems, mut notes, mut json) = (0, 0, 0);
    for n in 0..150 {
        let cat = gen_catalogue(&mut g);
        // Structurally valid (the schema's verdict); the legal rules may still question a
        // generated limit, which the round trip must carry all the same.
        assert!(gongkai::structurally_valid(&cat), "#{n}");
        let report = gongkai::validate(&cat);
        let structural: Vec<_> = report
            .issues
            .iter()
            .filter(|i| i.code.starts_with("schema.") || i.code.starts_with("json."))
            .collect();
        assert!(structural.is_empty(), "#{n}: {structural:#?}");
        subitems += usize::from(cat.items.iter().any(|i| i.subitem.is_some()));
        notes += usize::from(cat.items.iter().any(|i| i.audience_note.is_some()));
        json += usize::from(cat.items.iter().any(|i| i.extra.contains_key("评分")));
    }
    assert!(
        subitems > 10 && notes > 10 && json > 10,
        "{subitems} {notes} {json}"
    );
}
