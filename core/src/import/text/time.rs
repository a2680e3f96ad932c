//! 公开时限: a cell into a structured time limit, the wording kept.

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
    let mentions = mentions(&chars);
    let mut distinct: Vec<Mention> = Vec::new();
    for m in mentions {
        if !distinct.contains(&m) {
            distinct.push(m);
        }
    }
    // 当场答复…不能当场答复的，自收到申请之日起20个工作日内: the statutory bound (条例第三十三条).
    if distinct.len() == 2
        && distinct.contains(&Mention::Simple(TimeLimitKind::OnTheSpot))
        && distinct.iter().any(|m| {
            matches!(
                m,
                Mention::Days {
                    from: Anchor::RequestReceived,
                    ..
                }
            )
        })
    {
        distinct.retain(|m| *m != Mention::Simple(TimeLimitKind::OnTheSpot));
    }
    // Same number of days counted twice with different wording: keep the one with an anchor.
    if distinct.len() == 2 {
        if let (
            Mention::Days {
                working: w1,
                days: d1,
                from: f1,
                ..
            },
            Mention::Days {
                working: w2,
                days: d2,
                from: f2,
                ..
            },
        ) = (&distinct[0], &distinct[1])
        {
            if w1 == w2 && d1 == d2 && (*f1 == Anchor::Unspecified || *f2 == Anchor::Unspecified) {
                let keep = if *f1 == Anchor::Unspecified { 1 } else { 0 };
                let m = distinct.swap_remove(keep);
                distinct = vec![m];
            }
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

fn mentions(chars: &[char]) -> Vec<Mention> {
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
                            out.push(Mention::Annual(m, d));
                            masked[i..=k].iter_mut().for_each(|x| *x = true);
                            i = k + 1;
                            continue;
                        }
                        // A date that is not a deadline (自2020年1月1日起): mask it.
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
                    out.push(Mention::Annual(m, d));
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
        let ahead = |pat: &str| starts_with(chars, k, pat);
        if ahead("工作日") {
            let end = k + 3;
            if chars.get(end) == Some(&'前') {
                out.push(Mention::Other);
            } else {
                let (from, event) = anchor_of(prefix);
                out.push(Mention::Days {
                    working: true,
                    days: n,
                    from,
                    event,
                });
            }
            i = end;
            continue;
        }
        if ahead("小时") {
            let end = k + 2;
            let before = contains(prefix, "提前")
                || prefix.last() == Some(&'前')
                || chars.get(end) == Some(&'前');
            out.push(if before {
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
            if contains(prefix, "提前") {
                out.push(Mention::HoursBefore(n.saturating_mul(24)));
            } else if chars.get(end) == Some(&'前') {
                out.push(Mention::Other);
            } else {
                let (from, event) = anchor_of(prefix);
                out.push(Mention::Days {
                    working: false,
                    days: n,
                    from,
                    event,
                });
            }
            i = end;
            continue;
        }
        if ahead("周") || ahead("月") || ahead("年") || ahead("季度") {
            out.push(Mention::Other);
        }
        i = j;
    }
    let s: String = chars.iter().collect();
    if s.contains("当场") || s.contains("即时办结") {
        out.push(Mention::Simple(TimeLimitKind::OnTheSpot));
    }
    if s.contains("实时") {
        out.push(Mention::Simple(TimeLimitKind::Realtime));
    }
    if s.contains("及时") || s.contains("随时") || s.contains("即时公开") {
        out.push(Mention::Simple(TimeLimitKind::Promptly));
    }
    if [
        "长期",
        "常态化",
        "常年",
        "持续公开",
        "长久",
        "动态更新",
        "动态调整",
    ]
    .iter()
    .any(|w| s.contains(w))
        && !out.contains(&Mention::Simple(TimeLimitKind::Continuous))
    {
        out.push(Mention::Simple(TimeLimitKind::Continuous));
    }
    if s.contains("每季度") || s.contains("每月") || s.contains("每半年") {
        out.push(Mention::Other);
    }
    out
}
