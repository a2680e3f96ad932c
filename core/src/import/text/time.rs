//! 公开时限: a cell into a structured time limit, the wording kept.

use super::lists::circled;
use super::match_key;
use super::number::{arabicize, contains, read_number, starts_with};
use crate::model::{Anchor, TimeLimit, TimeLimitKind};

/// Why a time limit came out as it did (for the importer's findings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeLimitNote {
    /// Parsed into a structured kind.
    Parsed,
    /// The cell is empty.
    Empty,
    /// Not understood: kept as `unparsed`.
    Unparsed,
    /// Several different limits in one cell (`1.…长期公开；2.处罚决定：20个工作日内`): kept as
    /// `unparsed` rather than half-parsed.
    Compound,
    /// A duration of publication (`公示期不少于7个工作日`), not a deadline: kept as `unparsed`.
    Duration,
}

#[derive(Debug, Clone, PartialEq)]
enum Mention {
    Days {
        working: bool,
        days: u32,
        from: Anchor,
        event: Option<String>,
    },
    HoursBefore(u32),
    Annual(u32, u32),
    Simple(TimeLimitKind),
    /// A limit the model cannot express (`N小时内`, `N个工作日前`, `每季度`).
    Other,
}

/// Parses a 公开时限 cell into a [`TimeLimit`], keeping the original in `text`. Anything not
/// understood becomes `kind: unparsed` (never dropped).
///
/// ```
/// use gongkai::import::text::parse_time_limit;
/// use gongkai::model::{Anchor, TimeLimitKind};
/// let t = parse_time_limit("自信息形成或者变更之日起20个工作日内");
/// assert_eq!((t.kind, t.days, t.from), (TimeLimitKind::WorkingDays, Some(20), Some(Anchor::FormedOrChanged)));
/// assert_eq!(parse_time_limit("提前24小时").hours, Some(24));
/// assert_eq!(parse_time_limit("常态化公开").kind, TimeLimitKind::Continuous);
/// ```
pub fn parse_time_limit(text: &str) -> TimeLimit<'static> {
    parse_time_limit_noted(text).0
}

/// [`parse_time_limit`], also saying why the result is what it is.
///
/// The words around a limit do not make a second limit: an adverb (`20个工作日内及时公开`, the
/// wording of 条例第二十六条), a connective and what follows it (`…内公开，并长期公开`,
/// `…，动态更新`), an extension (`延长的期限最长不得超过20个工作日`), the same count said twice, or
/// 当场 before the request bound of 条例第三十三条. Different limits for different parts of the
/// content (`1.…长期公开；2.处罚决定：20个工作日内`) are [`TimeLimitNote::Compound`].
pub fn parse_time_limit_noted(text: &str) -> (TimeLimit<'static>, TimeLimitNote) {
    let original = text.trim().to_owned();
    let key = match_key(text);
    let chars = arabicize(&key.chars().collect::<Vec<_>>());
    if chars.is_empty() {
        return (TimeLimit::unparsed(original), TimeLimitNote::Empty);
    }
    let unparsed = |note| (TimeLimit::unparsed(original.clone()), note);
    if is_duration(&chars) {
        return unparsed(TimeLimitNote::Duration);
    }
    let found = the_limit(&chars, mentions(&chars));
    let mut distinct: Vec<Mention> = Vec::new();
    for f in found {
        if !distinct.contains(&f.m) {
            distinct.push(f.m);
        }
    }
    match distinct.as_slice() {
        [] => unparsed(TimeLimitNote::Unparsed),
        [one] => {
            let t = match one {
                Mention::Days {
                    working,
                    days,
                    from,
                    event,
                } => {
                    let mut t = if *working {
                        TimeLimit::working_days(*days, *from)
                    } else {
                        TimeLimit::calendar_days(*days, *from)
                    };
                    t.event = event.clone().map(Into::into);
                    t
                }
                Mention::HoursBefore(h) => TimeLimit::hours_before(*h),
                Mention::Annual(m, d) => TimeLimit::annual_by(*m, *d),
                Mention::Simple(k) => TimeLimit::simple(*k),
                Mention::Other => return unparsed(TimeLimitNote::Unparsed),
            };
            (t.with_text(original), TimeLimitNote::Parsed)
        }
        _ => unparsed(TimeLimitNote::Compound),
    }
}

/// A limit found in the text, with where it stands.
#[derive(Debug, Clone)]
struct Found {
    m: Mention,
    /// Char position in the matching key.
    at: usize,
    /// An extension of the limit (`延长的期限最长不得超过20个工作日`, `可顺延`), not the limit.
    extension: bool,
}

impl Found {
    fn new(m: Mention, at: usize) -> Self {
        Found {
            m,
            at,
            extension: false,
        }
    }

    /// A deadline of its own (a count, a date, or a limit the model cannot express).
    fn definite(&self) -> bool {
        !self.extension && !matches!(self.m, Mention::Simple(_))
    }

    /// Words that qualify a deadline when they stand beside one: 及时, 长期公开, 动态更新.
    fn modifier(&self) -> bool {
        matches!(
            self.m,
            Mention::Simple(TimeLimitKind::Promptly | TimeLimitKind::Continuous)
        )
    }
}

/// The sentence of each char: sentences end at `;` `。`, at a label's colon (`处罚决定:` starts
/// the limit of one part of the content) and at the markers of a numbered list (`1.…2.…`,
/// `(1)…(2)…`, `①…②…`; white space is gone from the key, so a marker needs no space before it);
/// commas do not end one.
fn sentences(chars: &[char]) -> Vec<usize> {
    let starts = list_markers(chars);
    let mut ids = Vec::with_capacity(chars.len());
    let mut id = 0;
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 && starts.contains(&i) && ids.last() == Some(&id) {
            id += 1;
        }
        ids.push(id);
        if matches!(c, ';' | '。' | ':') {
            id += 1;
        }
    }
    ids
}

/// The positions of the markers of a numbered list numbered from 1 (two at least).
fn list_markers(chars: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut expected = 1;
    for i in 0..chars.len() {
        let prev_ok =
            i == 0 || !(chars[i - 1].is_ascii_digit() || matches!(chars[i - 1], '.' | '第'));
        let numbered = |at: usize, close: &[char]| {
            read_number(chars, at).is_some_and(|(n, j)| {
                n == expected
                    && chars.get(j).is_some_and(|c| close.contains(c))
                    && !chars.get(j + 1).is_some_and(char::is_ascii_digit)
            })
        };
        let marker = circled(chars[i]) == Some(expected)
            || (prev_ok && numbered(i, &['.', '、', ')']))
            || (chars[i] == '(' && numbered(i + 1, &[')']));
        if marker {
            out.push(i);
            expected += 1;
        }
    }
    if out.len() < 2 {
        out.clear();
    }
    out
}

/// Drops what is not the limit: extensions (when there is a limit besides), a count said twice
/// without its anchor, adverbs and retention words beside a deadline in the same sentence, and
/// 当场 before the request bound.
fn the_limit(chars: &[char], mut found: Vec<Found>) -> Vec<Found> {
    if found.iter().any(Found::definite) {
        found.retain(|f| !f.extension);
    }
    // The same count said twice, once with its anchor (`20个工作日内…自收到申请之日起20个工作日`).
    let anchored: Vec<(bool, u32)> = found
        .iter()
        .filter_map(|f| match &f.m {
            Mention::Days {
                working,
                days,
                from,
                ..
            } if *from != Anchor::Unspecified => Some((*working, *days)),
            _ => None,
        })
        .collect();
    found.retain(|f| match &f.m {
        Mention::Days {
            working,
            days,
            from: Anchor::Unspecified,
            ..
        } => !anchored.contains(&(*working, *days)),
        _ => true,
    });
    // 及时 / 长期公开 / 动态更新 beside a deadline of the same sentence qualify it.
    let sentence = sentences(chars);
    let sentence_of = |f: &Found| sentence.get(f.at).copied().unwrap_or(0);
    let definite: Vec<usize> = found
        .iter()
        .filter(|f| f.definite())
        .map(sentence_of)
        .collect();
    found.retain(|f| !(f.modifier() && definite.contains(&sentence_of(f))));
    // 当场答复…不能当场答复的，自收到申请之日起20个工作日内: the statutory bound (条例第三十三条).
    let request_bound = found.iter().any(|f| {
        matches!(
            f.m,
            Mention::Days {
                from: Anchor::RequestReceived,
                ..
            }
        )
    });
    let kinds: Vec<&Mention> = found.iter().map(|f| &f.m).collect();
    let on_the_spot = Mention::Simple(TimeLimitKind::OnTheSpot);
    if request_bound
        && kinds
            .iter()
            .all(|m| **m == on_the_spot || matches!(m, Mention::Days { .. }))
    {
        found.retain(|f| f.m != on_the_spot);
    }
    found
}

fn is_duration(chars: &[char]) -> bool {
    let s: String = chars.iter().collect();
    (s.contains("公示期") || s.contains("公示时间") || s.contains("公示不少于"))
        || ((s.contains("不少于") || s.contains("不得少于") || s.contains("不低于"))
            && !s.contains("之日起"))
}

fn clause_start(chars: &[char], i: usize) -> usize {
    let mut k = i;
    while k > 0 {
        if matches!(
            chars[k - 1],
            ';' | '；' | '。' | ',' | '，' | ':' | '：' | '\n'
        ) {
            break;
        }
        k -= 1;
    }
    k
}

fn anchor_of(prefix: &[char]) -> (Anchor, Option<String>) {
    let p: String = prefix.iter().collect();
    if (p.contains("收到") && p.contains("申请")) || p.contains("申请之日") || p.contains("受理")
    {
        return (Anchor::RequestReceived, None);
    }
    if p.contains("决定") {
        return (Anchor::Decided, None);
    }
    // 自制作或者获取信息之日起 / 制定或获取: the 1.1 anchor (the 1.0 model folded it).
    if p.contains("获取") {
        return (Anchor::FormedOrObtained, None);
    }
    const FORMED: &[&str] = &[
        "形成", "变更", "制作", "制定", "获取", "产生", "生成", "更新", "修改", "修订",
    ];
    if FORMED.iter().any(|w| p.contains(w)) {
        return (Anchor::FormedOrChanged, None);
    }
    // An event: 分配结果确定后… / 本级人民代表大会批准之日起…
    let mut e = p.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == '、');
    for lead in ["自", "从", "于", "在", "应在", "应于", "须在"] {
        if let Some(rest) = e.strip_prefix(lead) {
            e = rest;
            break;
        }
    }
    let mut trigger = false;
    for tail in [
        "之日起",
        "之日后",
        "之日",
        "以后",
        "之后",
        "后",
        "起",
        "以来",
    ] {
        if let Some(rest) = e.strip_suffix(tail) {
            e = rest;
            trigger = true;
            break;
        }
    }
    let e = e.trim_end_matches(['的', '日']);
    if trigger && e.chars().count() >= 2 {
        return (Anchor::Event, Some(e.to_owned()));
    }
    (Anchor::Unspecified, None)
}

/// Every place a limit is named, in order of the text.
fn mentions(chars: &[char]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut masked = vec![false; chars.len()];
    // Annual deadlines: (每年|次年|年度…)M月D日(前|之前|以前) or M月底前.
    let mut i = 0;
    while i < chars.len() {
        if let Some((m, j)) = read_number(chars, i) {
            if chars.get(j) == Some(&'月')
                && (1..=12).contains(&m)
                && (i == 0 || chars[i - 1] != '.')
            {
                if let Some((d, k)) = read_number(chars, j + 1) {
                    if matches!(chars.get(k), Some('日' | '号')) {
                        let after = k + 1;
                        let before = starts_with(chars, after, "前")
                            || starts_with(chars, after, "之前")
                            || starts_with(chars, after, "以前");
                        if before && (1..=31).contains(&d) {
                            out.push(Found::new(Mention::Annual(m, d), i));
                        }
                        // A date that is not a deadline (自2020年1月1日起) is masked too.
                        masked[i..=k].iter_mut().for_each(|x| *x = true);
                        i = k + 1;
                        continue;
                    }
                }
                if starts_with(chars, j + 1, "底前") || starts_with(chars, j + 1, "底之前") {
                    let d = match m {
                        2 => 28,
                        4 | 6 | 9 | 11 => 30,
                        _ => 31,
                    };
                    out.push(Found::new(Mention::Annual(m, d), i));
                    masked[i..=j].iter_mut().for_each(|x| *x = true);
                    i = j + 1;
                    continue;
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
    // Day counts, hours.
    let mut i = 0;
    while i < chars.len() {
        if masked[i] {
            i += 1;
            continue;
        }
        let Some((n, j)) = read_number(chars, i) else {
            i += 1;
            continue;
        };
        if i > 0 && matches!(chars[i - 1], '第' | '年' | '.' | '令') {
            i = j;
            continue;
        }
        let mut k = j;
        if chars.get(k) == Some(&'个') {
            k += 1;
        }
        let prefix_start = clause_start(chars, i);
        let prefix = &chars[prefix_start..i];
        let extension = ["延长", "延期", "顺延", "延迟"]
            .iter()
            .any(|w| contains(prefix, w));
        let ahead = |pat: &str| starts_with(chars, k, pat);
        // Counted forward from a day (之日起20个工作日前 is a careless 内), not before an event.
        let counted_from = contains(prefix, "起") || contains(prefix, "后");
        let before = |end: usize| {
            contains(prefix, "提前")
                || prefix.last() == Some(&'前')
                || (chars.get(end) == Some(&'前') && !counted_from)
        };
        let days = |working: bool| {
            let (from, event) = anchor_of(prefix);
            Mention::Days {
                working,
                days: n,
                from,
                event,
            }
        };
        let mut push = |m: Mention| {
            out.push(Found {
                m,
                at: i,
                extension,
            })
        };
        if ahead("工作日") {
            let end = k + 3;
            // N个工作日前 (before an event) is not a limit the model holds.
            push(if before(end) {
                Mention::Other
            } else {
                days(true)
            });
            i = end;
            continue;
        }
        if ahead("小时") {
            let end = k + 2;
            push(if before(end) {
                Mention::HoursBefore(n)
            } else {
                Mention::Other
            });
            i = end;
            continue;
        }
        let cal = if ahead("自然日") {
            Some(k + 3)
        } else if ahead("日") || ahead("天") {
            Some(k + 1)
        } else {
            None
        };
        if let Some(end) = cal {
            push(if before(end) {
                Mention::HoursBefore(n.saturating_mul(24))
            } else {
                days(false)
            });
            i = end;
            continue;
        }
        if ahead("周") || ahead("月") || ahead("年") || ahead("季度") {
            push(Mention::Other);
        }
        i = j;
    }
    let simple: [(&[&str], Mention); 5] = [
        (
            &["当场", "即时办结"],
            Mention::Simple(TimeLimitKind::OnTheSpot),
        ),
        (&["实时"], Mention::Simple(TimeLimitKind::Realtime)),
        (
            &["及时", "随时", "即时公开", "即时发布", "第一时间"],
            Mention::Simple(TimeLimitKind::Promptly),
        ),
        (
            &[
                "长期",
                "常态化",
                "常年",
                "持续公开",
                "长久",
                "动态更新",
                "动态调整",
            ],
            Mention::Simple(TimeLimitKind::Continuous),
        ),
        (&["每季度", "每月", "每半年"], Mention::Other),
    ];
    for (words, m) in simple {
        for w in words {
            for at in positions(chars, w) {
                if !masked.get(at).copied().unwrap_or(false) {
                    out.push(Found::new(m.clone(), at));
                }
            }
        }
    }
    out.sort_by_key(|f| f.at);
    out
}

/// Where `pat` starts in `chars`.
fn positions(chars: &[char], pat: &str) -> Vec<usize> {
    (0..chars.len())
        .filter(|&i| starts_with(chars, i, pat))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Anchor::{FormedOrChanged, RequestReceived, Unspecified};
    use TimeLimitKind::{AnnualBy, CalendarDays, HoursBefore, WorkingDays};

    fn read(text: &str) -> (TimeLimitKind, Option<u32>, Option<Anchor>, TimeLimitNote) {
        let (t, n) = parse_time_limit_noted(text);
        (t.kind, t.days.or(t.hours), t.from, n)
    }

    /// The words around a limit (adverbs, connectives, 内/以内/前, 予以公开, an extension, the
    /// statutory sentences whole) leave the limit as it is, and the wording is kept.
    #[test]
    fn the_words_around_a_limit_are_not_a_second_limit() {
        let formed_20 = (
            WorkingDays,
            Some(20),
            Some(FormedOrChanged),
            TimeLimitNote::Parsed,
        );
        for text in [
            "自该政府信息形成或者变更之日起20个工作日内及时公开",
            "属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开。法律、法规对政府信息公开的期限另有规定的，从其规定。",
            "信息形成或变更之日起20个工作日内公开，并及时更新",
            "及时公开，最迟不超过信息形成之日起20个工作日",
            "信息形成之日起20个工作日以内予以公开",
            "自信息形成之日起二十个工作日内公开并长期公开",
            "信息形成之日起20个工作日内公开，动态更新",
            "信息形成之日起20个工作日前公开",
            "该信息形成（变更）后20个工作日内第一时间公开",
            "公开时限：自该政府信息形成或者变更之日起20个工作日内及时公开",
        ] {
            assert_eq!(read(text), formed_20, "{text}");
            assert_eq!(parse_time_limit(text).text.as_deref(), Some(text));
        }
        assert_eq!(
            read(
                "能够当场答复的，应当当场予以答复；不能当场答复的，应当自收到申请之日起20个工作日内予以答复；需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日"
            ),
            (
                WorkingDays,
                Some(20),
                Some(RequestReceived),
                TimeLimitNote::Parsed
            )
        );
        assert_eq!(
            read("自收到申请之日起15个工作日以内，可顺延5个工作日"),
            (
                WorkingDays,
                Some(15),
                Some(RequestReceived),
                TimeLimitNote::Parsed
            )
        );
        let t = parse_time_limit("每年1月31日前及时公开");
        assert_eq!((t.kind, t.month, t.day), (AnnualBy, Some(1), Some(31)));
        assert_eq!(
            read("5日内及时公开"),
            (
                CalendarDays,
                Some(5),
                Some(Unspecified),
                TimeLimitNote::Parsed
            )
        );
    }

    /// 前 after a count without a day counted from is "before an event".
    #[test]
    fn before_an_event() {
        assert_eq!(read("停水前3天").0, HoursBefore);
        assert_eq!(read("停水前3天").1, Some(72));
        assert_eq!(read("开标3日前公开").1, Some(72));
        assert_eq!(read("会议召开5个工作日前").3, TimeLimitNote::Unparsed);
        assert_eq!(read("提前5个工作日").3, TimeLimitNote::Unparsed);
    }

    /// Different limits for different parts stay compound; an inexpressible limit stays
    /// unparsed whatever adverb it has.
    #[test]
    fn different_limits_stay_compound() {
        for text in [
            "1.除处罚决定外其他内容:长期公开(动态调整);2.处罚决定:20个工作日内。",
            "政策文件及时公开；统计数据信息形成之日起20个工作日内",
            "长期公开，处罚决定:20个工作日内",
            "每季度公开，信息形成之日起20个工作日内",
            "1.及时公开 2.信息形成之日起20个工作日内",
        ] {
            assert_eq!(read(text).3, TimeLimitNote::Compound, "{text}");
        }
        assert_eq!(read("24小时内及时公开").3, TimeLimitNote::Unparsed);
        assert_eq!(read("及时公开").0, TimeLimitKind::Promptly);
        assert_eq!(read("长期公开，动态调整").0, TimeLimitKind::Continuous);
    }
}
