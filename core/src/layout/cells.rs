//! How each value of the model is written into one table cell, shared by every exporter (and
//! by the importer, which reads the same conventions back).
//!
//! Every function here renders text only; escaping for the target format (CSV quoting, the
//! formula guard, HTML entities, Markdown escapes) is done by the exporter.

use crate::model::TimeLimitKind;
use crate::model::{Anchor, Audience, Channel, Citation, Item, Level, Method, Text, TimeLimit};
use std::borrow::Cow;

/// The tick written in a chosen 公开对象 / 公开方式 / 公开层级 sub-column.
pub const TICK: &str = "√";
/// The glyph of a chosen channel.
pub const CHECKED: char = '■';
/// The glyph of a channel that is not chosen.
pub const UNCHECKED: char = '□';
/// The label of the 13th channel line, followed by `：` and the channel as written
/// (`■其他：12345热线`), or alone and unchecked (`□其他`) when there is none.
pub const OTHER: &str = "其他";

/// The characters that make a spreadsheet treat a cell as a formula (or as the start of one
/// when the user edits it): `=`, `+`, `-`, `@`, TAB and CR.
pub const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a cell needs the formula guard: it starts with one of [`FORMULA_TRIGGERS`], possibly
/// after apostrophes (`^'*[=+\-@\t\r]`).
///
/// Apostrophes are counted so that the guard is reversible: text that already starts with `'=`
/// is written `''=`, and stripping one apostrophe gives it back.
pub fn needs_formula_guard(text: &str) -> bool {
    text.trim_start_matches('\'')
        .starts_with(FORMULA_TRIGGERS.as_slice())
}

/// The formula guard of CSV and XLSX cells: a leading apostrophe `'` before text matching
/// `^'*[=+\-@\t\r]`; any other text is unchanged.
pub fn formula_guard(text: &str) -> Cow<'_, str> {
    if needs_formula_guard(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The inverse of [`formula_guard`], for importers: when a cell matches `^'+[=+\-@\t\r]`
/// (one or more apostrophes, then a trigger), exactly one leading apostrophe is removed;
/// any other cell is unchanged. Apply it to every cell (headers included) before any other
/// processing.
pub fn strip_formula_guard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_formula_guard(rest) => rest,
        _ => cell,
    }
}

/// The mark of a tick column: [`TICK`] or empty.
pub fn tick(on: bool) -> &'static str {
    if on { TICK } else { "" }
}

/// Whether an element of 公开内容 forces the numbered form of the cell: it contains a list
/// separator (`、` `；` `;`) or a line break, or it starts like a list marker (a digit, a
/// circled number ①…⑳, or an opening bracket `(` `（`).
fn needs_numbering(element: &str) -> bool {
    element.contains(['、', '；', ';', '\n', '\r'])
        || element.starts_with(|c: char| {
            c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || ('①'..='⑳').contains(&c)
                || c == '('
                || c == '（'
        })
}

/// The 公开内容（要素） cell.
///
/// - Normally the elements joined with `、` (`申请条件、申请材料、申请流程`).
/// - When any element contains `、`, `；`, `;` or a line break, or starts with a digit, `①`…`⑳`
///   or a bracket, the numbered form instead: one line per element, each `N. element` (ASCII
///   digits from 1, an ASCII full stop, one space), lines separated by LF. An importer that sees
///   every line of a cell start with `1. `, `2. `, … in order takes the rest of each line as
///   one element, unsplit.
pub fn content_cell(content: &[Text<'_>]) -> String {
    if content.iter().any(|e| needs_numbering(e)) {
        let mut out = String::new();
        for (i, e) in content.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&format!("{}. {}", i + 1, e.as_str()));
        }
        out
    } else {
        content
            .iter()
            .map(Text::as_str)
            .collect::<Vec<_>>()
            .join("、")
    }
}

/// The canonical wording of a citation, ignoring its `text`:
/// `【kind】《title》(doc_no)articles`, where `【kind】` is the Chinese name of the kind
/// (法律, 行政法规, 地方性法规, 部门规章, 地方政府规章, 规范性文件, 其他) when present,
/// `(doc_no)` uses ASCII brackets and is present only with a `doc_no`, and the articles are
/// joined with `、`. Example: `【行政法规】《城镇燃气管理条例》(国务院令第583号)第十五条、第十六条`.
///
/// The wording contains no full-width ASCII and no white space of its own, so an importer's
/// normalisation leaves it unchanged.
pub fn citation_canonical(c: &Citation<'_>) -> String {
    let mut out = String::new();
    if let Some(kind) = c.kind {
        out.push('【');
        out.push_str(kind.zh());
        out.push('】');
    }
    out.push('《');
    out.push_str(&c.title);
    out.push('》');
    if let Some(d) = &c.doc_no {
        out.push('(');
        out.push_str(d);
        out.push(')');
    }
    out.push_str(
        &c.articles
            .iter()
            .map(Text::as_str)
            .collect::<Vec<_>>()
            .join("、"),
    );
    out
}

/// One citation as written in a cell: its original `text` when present, else
/// [`citation_canonical`].
pub fn citation_cell<'c>(c: &'c Citation<'_>) -> Cow<'c, str> {
    match &c.text {
        Some(t) => Cow::Borrowed(t.as_str()),
        None => Cow::Owned(citation_canonical(c)),
    }
}

/// The codes of 公开时长 (`retention`, 1.1) with the words a cell writes for each.
pub const RETENTION_CODES: &[(&str, &str)] = &[
    ("long_term", "长期"),
    ("while_in_office", "任职期间"),
    ("until_superseded", "至被替代为止"),
];

/// The 公开时长 cell of a `retention` value: the Chinese words of a code, else the text.
pub fn retention_cell(value: &str) -> &str {
    RETENTION_CODES
        .iter()
        .find(|(c, _)| *c == value)
        .map_or(value, |(_, zh)| zh)
}

/// The `retention` value of a 公开时长 cell: a code when the cell says one of them in a usual
/// wording (长期 / 长期公开, 任职期间 / 在任期间, 至被替代为止 / 被替代前 / 更新前), else the text.
pub fn retention_of_cell(cell: &str) -> String {
    let k: String = cell
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '。' | '.'))
        .collect();
    let k = k.strip_suffix("公开").unwrap_or(&k);
    let code = match k {
        "长期" | "永久" | "长期有效" => Some("long_term"),
        "任职期间" | "在任期间" | "任期内" | "在职期间" => Some("while_in_office"),
        "至被替代为止" | "被替代前" | "至被替代" | "更新前" | "至更新为止" | "至新版本发布" => {
            Some("until_superseded")
        }
        _ if RETENTION_CODES.iter().any(|(c, _)| *c == k) => Some(k),
        _ => None,
    };
    code.map_or_else(|| cell.trim().to_owned(), str::to_owned)
}

/// The 修订记录 metadata cell: one line per revision, `YYYY-MM-DD 修订说明`.
pub fn revisions_cell(revisions: &[crate::model::Revision<'_>]) -> String {
    revisions
        .iter()
        .map(|r| format!("{} {}", r.date, r.summary.replace('\n', " ")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The revisions of a 修订记录 cell: each non-empty line `date summary` (the date is the first
/// word, separated by a space, `：` or `:`); a line without a date keeps the whole line as its
/// summary and an empty date (which validation reports).
pub fn revisions_of_cell(cell: &str) -> Vec<crate::model::Revision<'static>> {
    cell.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let cut = l.find([' ', '　', '：', ':']).unwrap_or(l.len());
            let (date, rest) = l.split_at(cut);
            let rest = rest
                .trim_start_matches([' ', '　', '：', ':'])
                .trim()
                .to_owned();
            let shaped =
                date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-';
            let (date, summary) = if shaped {
                (date.to_owned(), rest)
            } else {
                (String::new(), l.to_owned())
            };
            crate::model::Revision {
                date: Text::from(date),
                summary: Text::from(summary),
                extra: Default::default(),
            }
        })
        .collect()
}

/// The 公开依据 cell: one citation per line ([`citation_cell`]), lines separated by LF.
pub fn basis_cell(basis: &[Citation<'_>]) -> String {
    basis
        .iter()
        .map(citation_cell)
        .collect::<Vec<_>>()
        .join("\n")
}

fn anchor_phrase<'t>(tl: &'t TimeLimit<'_>) -> Cow<'t, str> {
    match tl.anchor() {
        Anchor::FormedOrChanged => Cow::Borrowed("自信息形成或者变更之日起"),
        Anchor::FormedOrObtained => Cow::Borrowed("自制作或者获取信息之日起"),
        Anchor::RequestReceived => Cow::Borrowed("自收到申请之日起"),
        Anchor::Decided => Cow::Borrowed("自作出决定之日起"),
        Anchor::Event => Cow::Owned(format!(
            "自{}之日起",
            tl.event.as_deref().unwrap_or("特定事件发生")
        )),
        Anchor::Unspecified => Cow::Borrowed(""),
    }
}

fn num(n: Option<u32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// The canonical Chinese wording of a time limit, ignoring its `text`:
///
/// | kind | wording |
/// |---|---|
/// | `working_days` | `自信息形成或者变更之日起20个工作日内` (`formed_or_changed`), `自收到申请之日起20个工作日内` (`request_received`), `自作出决定之日起20个工作日内` (`decided`), `自制作或者获取信息之日起20个工作日内` (`formed_or_obtained`), `自{event}之日起20个工作日内` (`event`), `20个工作日内` (`unspecified` or absent) |
/// | `calendar_days` | the same with `日内`: `自信息形成或者变更之日起7日内`, `7日内` |
/// | `hours_before` | `提前24小时` |
/// | `annual_by` | `每年1月31日前` |
/// | `on_the_spot` / `realtime` / `promptly` / `continuous` | `当场` / `实时公开` / `及时公开` / `长期公开` |
/// | `unparsed` | its `text` |
pub fn time_limit_canonical(tl: &TimeLimit<'_>) -> String {
    match tl.kind {
        TimeLimitKind::WorkingDays => {
            format!("{}{}个工作日内", anchor_phrase(tl), num(tl.days))
        }
        TimeLimitKind::CalendarDays => format!("{}{}日内", anchor_phrase(tl), num(tl.days)),
        TimeLimitKind::HoursBefore => format!("提前{}小时", num(tl.hours)),
        TimeLimitKind::AnnualBy => format!("每年{}月{}日前", num(tl.month), num(tl.day)),
        TimeLimitKind::OnTheSpot => "当场".to_owned(),
        TimeLimitKind::Realtime => "实时公开".to_owned(),
        TimeLimitKind::Promptly => "及时公开".to_owned(),
        TimeLimitKind::Continuous => "长期公开".to_owned(),
        TimeLimitKind::Unparsed => tl.text.as_deref().unwrap_or("").to_owned(),
    }
}

/// The importer's rule for a parsed time limit: `text` is dropped when it is exactly the
/// canonical wording of what was parsed ([`time_limit_canonical`]; never for `unparsed`), so
/// that a limit exported without `text` comes back without it.
pub fn drop_canonical_time_limit_text(tl: &mut TimeLimit<'_>) {
    if tl.kind != TimeLimitKind::Unparsed
        && tl
            .text
            .as_deref()
            .is_some_and(|t| t == time_limit_canonical(tl))
    {
        tl.text = None;
    }
}

/// The importer's rule for a parsed citation: `text` is dropped when it is exactly the
/// canonical wording of what was parsed ([`citation_canonical`]).
pub fn drop_canonical_citation_text(c: &mut Citation<'_>) {
    if c.text
        .as_deref()
        .is_some_and(|t| t == citation_canonical(c))
    {
        c.text = None;
    }
}

/// The 公开时限 cell: the original `text` when present, else [`time_limit_canonical`].
pub fn time_limit_cell<'t>(tl: &'t TimeLimit<'_>) -> Cow<'t, str> {
    match &tl.text {
        Some(t) => Cow::Borrowed(t.as_str()),
        None => Cow::Owned(time_limit_canonical(tl)),
    }
}

/// The lines of the 公开渠道和载体 cell: the 12 standard channels in the template order, each
/// `■name` when chosen or `□name` when not (names as in [`Channel::zh`], e.g.
/// `■政府网站`, `□社区/企事业单位/村公示栏（电子屏）`), then one line `■其他：X` per entry of
/// `other_channels` in order, or a single `□其他` when there is none.
pub fn channel_lines(item: &Item<'_>) -> Vec<String> {
    let mut lines: Vec<String> = Channel::ALL
        .iter()
        .map(|c| {
            let glyph = if item.channels.contains(c) {
                CHECKED
            } else {
                UNCHECKED
            };
            format!("{glyph}{}", c.zh())
        })
        .collect();
    if item.other_channels.is_empty() {
        lines.push(format!("{UNCHECKED}{OTHER}"));
    } else {
        for o in &item.other_channels {
            lines.push(format!("{CHECKED}{OTHER}：{}", o.as_str()));
        }
    }
    lines
}

/// The 公开渠道和载体 cell: [`channel_lines`] joined with LF.
pub fn channels_cell(item: &Item<'_>) -> String {
    channel_lines(item).join("\n")
}

/// The chosen channels only, by name (`政府网站`, …, `其他：12345热线`), for readable formats.
pub fn chosen_channels(item: &Item<'_>) -> Vec<String> {
    let mut out: Vec<String> = Channel::ALL
        .iter()
        .filter(|c| item.channels.contains(c))
        .map(|c| c.zh().to_owned())
        .collect();
    out.extend(
        item.other_channels
            .iter()
            .map(|o| format!("{OTHER}：{}", o.as_str())),
    );
    out
}

/// Whether the item ticks this audience.
pub fn has_audience(item: &Item<'_>, a: Audience) -> bool {
    item.audience.contains(&a)
}

/// Whether the item ticks this method.
pub fn has_method(item: &Item<'_>, m: Method) -> bool {
    item.method.contains(&m)
}

/// Whether the item ticks this level.
pub fn has_level(item: &Item<'_>, l: Level) -> bool {
    item.levels.contains(&l)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::CitationKind;

    #[test]
    fn guard_is_reversible() {
        for s in [
            "=1+1",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "'=1",
            "''-x",
            "'",
            "'abc",
            "abc",
            "",
            "＝1",
            " =1",
        ] {
            let g = formula_guard(s);
            assert_eq!(strip_formula_guard(&g), s, "{s:?}");
            assert!(!g.starts_with(FORMULA_TRIGGERS.as_slice()), "{g:?}");
        }
        assert_eq!(formula_guard("=1"), "'=1");
        assert_eq!(formula_guard("'=1"), "''=1");
        assert_eq!(formula_guard("'abc"), "'abc");
        assert_eq!(strip_formula_guard("'abc"), "'abc");
    }

    #[test]
    fn content_joins_or_numbers() {
        let c = |v: &[&str]| content_cell(&v.iter().map(|s| Text::from(*s)).collect::<Vec<_>>());
        assert_eq!(c(&["申请条件", "申请材料"]), "申请条件、申请材料");
        assert_eq!(c(&["a、b", "c"]), "1. a、b\n2. c");
        assert_eq!(c(&["2024年预算"]), "1. 2024年预算");
        assert_eq!(c(&["x"]), "x");
    }

    #[test]
    fn time_limit_wordings() {
        assert_eq!(
            time_limit_canonical(&TimeLimit::working_days(20, Anchor::FormedOrChanged)),
            "自信息形成或者变更之日起20个工作日内"
        );
        assert_eq!(
            time_limit_canonical(&TimeLimit::working_days(20, Anchor::RequestReceived)),
            "自收到申请之日起20个工作日内"
        );
        assert_eq!(
            time_limit_canonical(&TimeLimit::calendar_days(7, Anchor::Unspecified)),
            "7日内"
        );
        let mut ev = TimeLimit::working_days(5, Anchor::Event);
        ev.event = Some(Text::from("分配结果确定"));
        assert_eq!(time_limit_canonical(&ev), "自分配结果确定之日起5个工作日内");
        assert_eq!(
            time_limit_canonical(&TimeLimit::hours_before(24)),
            "提前24小时"
        );
        assert_eq!(
            time_limit_canonical(&TimeLimit::annual_by(1, 31)),
            "每年1月31日前"
        );
        let t = TimeLimit::working_days(20, Anchor::Unspecified).with_text("20个工作日");
        assert_eq!(time_limit_cell(&t), "20个工作日");
        assert_eq!(time_limit_canonical(&t), "20个工作日内");
    }

    #[test]
    fn citation_wording() {
        let mut c = Citation::titled("城镇燃气管理条例");
        assert_eq!(citation_canonical(&c), "《城镇燃气管理条例》");
        c.kind = Some(CitationKind::AdministrativeRegulation);
        c.doc_no = Some(Text::from("国务院令第583号"));
        c.articles = vec![Text::from("第十五条"), Text::from("第十六条")];
        assert_eq!(
            citation_canonical(&c),
            "【行政法规】《城镇燃气管理条例》(国务院令第583号)第十五条、第十六条"
        );
        c.text = Some(Text::from("《城镇燃气管理条例》第十五条"));
        assert_eq!(citation_cell(&c), "《城镇燃气管理条例》第十五条");
    }
}
