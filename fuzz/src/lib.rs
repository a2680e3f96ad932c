//! What the fuzz targets share: the invariants every report, error and export must satisfy,
//! and a generator of catalogues from the fuzzer's bytes.
//!
//! A panic is how a fuzz target reports a broken invariant, so `unwrap`/`assert!` are the point
//! here (this crate is not part of the library).

use arbitrary::{Result as AResult, Unstructured};
use gongkai::model::{
    Anchor, Audience, Channel, CitationKind, Level, Method, Region, Text, TimeLimitKind,
};
use gongkai::{Catalogue, Citation, Error, Item, Options, Report, Severity, TimeLimit, Validator};
use std::sync::OnceLock;

/// The longest rendered message accepted, in characters: a template plus bounded excerpts of
/// the values it names (each at most 300 characters).
pub const MAX_MESSAGE_CHARS: usize = 2_000;

/// The longest error text accepted, in characters.
pub const MAX_ERROR_CHARS: usize = 2_000;

/// A fixed "today", so that date rules run and stay deterministic.
pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap_or_default()
}

/// Validators shared by the runs of a target: Chinese with a date, English with masking.
pub fn validators() -> &'static [Validator; 2] {
    static V: OnceLock<[Validator; 2]> = OnceLock::new();
    V.get_or_init(|| {
        [
            Validator::new(Options::default().today(today())),
            Validator::new(Options::default().lang(gongkai::Lang::En).mask_values(true)),
        ]
    })
}

/// Checks what every report promises: `valid` means no error, the counts add up, paths are
/// JSON Pointers, messages are non-empty, bounded and free of control characters, and the
/// JSON form reads back to the same report.
pub fn check_report(r: &Report) {
    let count = |s: Severity| r.issues.iter().filter(|i| i.severity == s).count();
    assert_eq!(r.valid, count(Severity::Error) == 0, "valid vs errors");
    assert_eq!(r.counts.error, count(Severity::Error));
    assert_eq!(r.counts.warning, count(Severity::Warning));
    assert_eq!(r.counts.info, count(Severity::Info));
    for i in &r.issues {
        assert!(
            i.path.is_empty() || i.path.starts_with('/'),
            "path {:?}",
            i.path
        );
        assert!(!i.message.is_empty(), "empty message for {}", i.code);
        let n = i.message.chars().count();
        assert!(
            n <= MAX_MESSAGE_CHARS,
            "{}: message of {n} characters",
            i.code
        );
        assert!(
            !i.message.contains(['\0', '\u{1b}']),
            "{}: control character in message {:?}",
            i.code,
            i.message
        );
    }
    let json = r.to_json();
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, r, "report JSON does not read back");
}

/// Checks what every error promises: a code and a bounded text.
pub fn check_error(e: &Error) {
    assert!(!e.code().is_empty());
    let text = e.to_string();
    let n = text.chars().count();
    assert!(
        n <= MAX_ERROR_CHARS,
        "error text of {n} characters: {}",
        gongkai::excerpt(&text, 200)
    );
}

/// Runs `f` twice: the same input must give the same report (byte for byte as JSON) or the
/// same error. Checks the outcome and returns it.
pub fn deterministic(f: impl Fn() -> Result<Report, Error>) -> Result<Report, Error> {
    let a = f();
    let b = f();
    match (&a, &b) {
        (Ok(x), Ok(y)) => {
            assert_eq!(x.to_json(), y.to_json(), "same input, different report");
            check_report(x);
        }
        (Err(x), Err(y)) => {
            assert_eq!(x, y, "same input, different error");
            check_error(x);
        }
        _ => panic!("same input, once a report and once an error: {a:?} / {b:?}"),
    }
    a
}

/// The export fixture: a valid 9-item catalogue with no table losses.
pub fn fixture() -> Catalogue<'static> {
    static F: OnceLock<Catalogue<'static>> = OnceLock::new();
    F.get_or_init(|| {
        Catalogue::from_json(include_bytes!("../../tests/export/catalogue.json"))
            .map(Catalogue::into_owned)
            .unwrap()
    })
    .clone()
}

/// Pieces the generator likes to combine: separators, brackets, glyphs, markers and wordings
/// the importers and exporters treat specially, formula triggers and markup.
const TOKENS: &[&str] = &[
    "、",
    "；",
    ";",
    "，",
    "\n",
    "\r\n",
    "\r",
    "《",
    "》",
    "（",
    "）",
    "(",
    ")",
    "【法律】",
    "【其他】",
    "同上",
    "■",
    "□",
    "√",
    "×",
    "其他",
    "其他：",
    "政府网站",
    "=",
    "+",
    "-",
    "@",
    "'",
    "\t",
    "1. ",
    "2.",
    "①",
    "第十五条",
    "国务院令第583号",
    "20个工作日内",
    "自信息形成或者变更之日起",
    "自收到申请之日起",
    "每年1月31日前",
    "提前24小时",
    "长期公开",
    "实时公开",
    "<script>",
    "\"",
    "&",
    "|",
    "\\",
    "\u{3000}",
    " ",
    "（JSON）",
    "目录名称",
    "序号",
    "公开内容",
    "二级事项",
    "{\"a\":1}",
    "联系人：张三",
    "13800138000",
    "县",
    "乡",
    "XX",
    "\u{feff}",
    "\u{0}",
];

/// A string from the fuzzer: raw, or a few tokens and raw pieces glued together.
pub fn text(u: &mut Unstructured<'_>) -> AResult<String> {
    let pieces = u.int_in_range(0..=4u8)?;
    if pieces == 0 {
        return u.arbitrary();
    }
    let mut s = String::new();
    for _ in 0..pieces {
        if u.arbitrary()? {
            s.push_str(u.choose(TOKENS)?);
        } else {
            let raw: &str = u.arbitrary()?;
            s.push_str(raw);
        }
    }
    Ok(s)
}

fn t(u: &mut Unstructured<'_>) -> AResult<Text<'static>> {
    Ok(Text::from(text(u)?))
}

fn toggle<T: PartialEq + Copy>(v: &mut Vec<T>, x: T) {
    if let Some(p) = v.iter().position(|y| *y == x) {
        v.remove(p);
    } else {
        v.push(x);
    }
}

fn opt_u32(u: &mut Unstructured<'_>) -> AResult<Option<u32>> {
    Ok(match u.int_in_range(0..=3u8)? {
        0 => None,
        1 => Some(u.int_in_range(0..=400)?),
        _ => Some(u.arbitrary()?),
    })
}

fn time_limit(u: &mut Unstructured<'_>) -> AResult<TimeLimit<'static>> {
    let mut tl = TimeLimit::unparsed(String::new());
    tl.kind = *u.choose(TimeLimitKind::ALL)?;
    tl.days = opt_u32(u)?;
    tl.hours = opt_u32(u)?;
    tl.month = opt_u32(u)?;
    tl.day = opt_u32(u)?;
    tl.from = if u.arbitrary()? {
        Some(*u.choose(Anchor::ALL)?)
    } else {
        None
    };
    tl.event = if u.arbitrary()? { Some(t(u)?) } else { None };
    tl.text = if u.arbitrary()? { Some(t(u)?) } else { None };
    Ok(tl)
}

fn citation(u: &mut Unstructured<'_>) -> AResult<Citation<'static>> {
    let mut c = Citation::titled(text(u)?);
    if u.arbitrary()? {
        c.doc_no = Some(t(u)?);
    }
    for _ in 0..u.int_in_range(0..=2u8)? {
        c.articles.push(t(u)?);
    }
    if u.arbitrary()? {
        c.kind = Some(*u.choose(CitationKind::ALL)?);
    }
    if u.arbitrary()? {
        c.text = Some(t(u)?);
    }
    Ok(c)
}

fn edit_item(item: &mut Item<'static>, u: &mut Unstructured<'_>) -> AResult<()> {
    match u.int_in_range(0..=17u8)? {
        0 => item.id = t(u)?,
        1 => item.category = t(u)?,
        2 => item.name = t(u)?,
        3 => item.subitem = if u.arbitrary()? { Some(t(u)?) } else { None },
        4 => {
            let i = u.choose_index(item.content.len() + 1)?;
            if let Some(c) = item.content.get_mut(i) {
                *c = t(u)?;
            } else {
                item.content.push(t(u)?);
            }
        }
        5 => {
            if u.arbitrary()? {
                item.content.clear();
            } else {
                item.content.truncate(1);
            }
        }
        6 => {
            let i = u.choose_index(item.basis.len() + 1)?;
            let c = citation(u)?;
            if let Some(slot) = item.basis.get_mut(i) {
                *slot = c;
            } else {
                item.basis.push(c);
            }
        }
        7 => item.time_limit = time_limit(u)?,
        8 => item.subject = t(u)?,
        9 => toggle(&mut item.channels, *u.choose(Channel::ALL)?),
        10 => {
            if u.arbitrary()? {
                item.other_channels.push(t(u)?);
            } else {
                item.other_channels.clear();
            }
        }
        11 => toggle(&mut item.audience, *u.choose(Audience::ALL)?),
        12 => toggle(&mut item.method, *u.choose(Method::ALL)?),
        13 => toggle(&mut item.levels, *u.choose(Level::ALL)?),
        14 => item.audience_note = if u.arbitrary()? { Some(t(u)?) } else { None },
        15 => item.notes = if u.arbitrary()? { Some(t(u)?) } else { None },
        16 => {
            let k = text(u)?;
            let v = if u.arbitrary()? {
                serde_json::Value::String(text(u)?)
            } else {
                serde_json::json!({ "n": u.arbitrary::<i32>()?, "s": text(u)? })
            };
            item.extra.insert(k, v);
        }
        _ => item.extra.clear(),
    }
    Ok(())
}

/// The fixture changed by up to 24 edits the fuzzer chooses: any field of any item or of the
/// header set to a generated text or value, items removed or repeated.
pub fn catalogue(u: &mut Unstructured<'_>) -> AResult<Catalogue<'static>> {
    let mut cat = fixture();
    for _ in 0..24 {
        if u.is_empty() {
            break;
        }
        match u.int_in_range(0..=11u8)? {
            0 => cat.title = t(u)?,
            1 => cat.publisher = t(u)?,
            2 => cat.domain = t(u)?,
            3 => cat.issued = t(u)?,
            4 => cat.updated = if u.arbitrary()? { Some(t(u)?) } else { None },
            5 => cat.level = *u.choose(Level::ALL)?,
            6 => {
                cat.region = if u.arbitrary()? {
                    Some(Region {
                        province: t(u)?,
                        city: t(u)?,
                        county: t(u)?,
                        township: if u.arbitrary()? { Some(t(u)?) } else { None },
                        code: if u.arbitrary()? { Some(t(u)?) } else { None },
                        extra: Default::default(),
                    })
                } else {
                    None
                }
            }
            7 => {
                if let Some(b) = cat.based_on.as_mut() {
                    b.title = t(u)?;
                }
            }
            8 => {
                let k = text(u)?;
                cat.extra.insert(k, serde_json::Value::String(text(u)?));
            }
            9 => {
                if !cat.items.is_empty() {
                    let i = u.choose_index(cat.items.len())?;
                    if u.arbitrary()? {
                        cat.items.remove(i);
                    } else if let Some(it) = cat.items.get(i).cloned() {
                        cat.items.push(it);
                    }
                }
            }
            _ => {
                if !cat.items.is_empty() {
                    let i = u.choose_index(cat.items.len())?;
                    if let Some(item) = cat.items.get_mut(i) {
                        edit_item(item, u)?;
                    }
                }
            }
        }
    }
    Ok(cat)
}

/// Checks an import: an error keeps its promises; an import is deterministic, every source
/// pointer names a value of the catalogue, and the catalogue validates (with its findings and
/// locations) into a sound report.
pub fn check_import(run: impl Fn() -> Result<gongkai::import::Imported, Error>) {
    let a = run();
    let imp = match a {
        Ok(imp) => imp,
        Err(e) => {
            check_error(&e);
            assert_eq!(run().err(), Some(e), "same input, different outcome");
            return;
        }
    };
    let b = run().unwrap();
    let value = serde_json::to_value(&imp.catalogue).unwrap();
    assert_eq!(
        value,
        serde_json::to_value(&b.catalogue).unwrap(),
        "same input, different catalogue"
    );
    assert_eq!(imp.findings, b.findings, "same input, different findings");
    for (pointer, loc) in imp.sources.iter() {
        // The pointer names a value, or a key left out because it is empty (`other_channels`
        // of a cell that names none) of an object that is there; never an item or element
        // that does not exist.
        let parent = pointer.rfind('/').map(|i| &pointer[..i]);
        assert!(
            value.pointer(&pointer).is_some()
                || parent.is_some_and(|p| value.pointer(p).is_some_and(|v| v.is_object())),
            "source map names {pointer:?}, which the catalogue does not have"
        );
        assert!(loc.row >= 1, "row 0 for {pointer}");
    }
    for v in validators() {
        let r = v.validate_imported(&imp.catalogue, Some(&imp.sources), &imp.findings);
        check_report(&r);
    }
}
