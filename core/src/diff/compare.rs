//! Comparing a matched pair of items: what the local item weakened (diff mode), or where two
//! linked catalogues disagree (consistency mode); and the order of time limits.

use super::normalize::{
    MatchMethod, NameMatch, citation_key, citations_match, content_elements, element_kept,
    element_matches, fold, is_placeholder_subject,
};
use super::{MatchStatus, Raw, RefMeta};
use crate::codes::diff::*;
use crate::model::{Audience, Channel, Item, Level, Method, TimeLimit, TimeLimitKind};
use crate::report::Lang;

/// Where the two items are (JSON Pointers of the items) and what they are called.
pub(crate) struct PairCtx<'x, 'a, 'b> {
    pub r: &'x Item<'a>,
    pub l: &'x Item<'b>,
    pub r_path: String,
    pub l_path: String,
}

impl PairCtx<'_, '_, '_> {
    fn raw(&self, code: crate::codes::Code, r_field: &str, l_field: &str) -> Raw {
        let mut raw = Raw::new(code);
        raw.reference_path = Some(format!("{}{r_field}", self.r_path));
        raw.local_path = Some(format!("{}{l_field}", self.l_path));
        raw.reference_item_id = Some(self.r.id.to_string());
        raw.local_item_id = Some(self.l.id.to_string());
        raw.param("item", self.l.name.as_str());
        raw.param("ref_item", self.r.name.as_str());
        raw
    }
}

/// Compares a matched pair against the reference; pushes findings, returns the status.
pub(crate) fn diff_pair(
    p: &PairCtx<'_, '_, '_>,
    m: &NameMatch,
    meta: &RefMeta,
    out: &mut Vec<Raw>,
) -> MatchStatus {
    let start = out.len();
    if !matches!(m.method, MatchMethod::Exact | MatchMethod::Normalized) {
        let mut raw = p.raw(RENAMED_ITEM, "/name", "/name");
        raw.param("reason_zh", &m.reason_zh);
        raw.param("reason_en", &m.reason_en);
        raw.param("score", &format!("{:.2}", m.score));
        raw.param("method", m.method.code());
        out.push(raw);
    }

    // 公开内容
    let l_elems = content_elements(p.l.content.iter().map(|t| t.as_str()));
    if l_elems.is_empty() {
        let value = join_zh(&p.r.content);
        out.push(not_stated(
            p,
            "content",
            ("公开内容", "content"),
            (&value, &value),
        ));
    } else {
        for (k, elem) in content_elements(p.r.content.iter().map(|t| t.as_str())) {
            if !element_kept(&elem, &l_elems) {
                let mut raw = p.raw(WEAKENED_CONTENT, &format!("/content/{k}"), "/content");
                raw.param("element", &elem);
                out.push(raw);
            }
        }
    }

    // 公开依据
    if p.l.basis.is_empty() {
        let titles: Vec<String> =
            p.r.basis
                .iter()
                .map(|c| format!("《{}》", c.title))
                .collect();
        let value = titles.join("");
        out.push(not_stated(
            p,
            "basis",
            ("公开依据", "legal basis"),
            (&value, &value),
        ));
    } else {
        let local_keys: Vec<(String, String)> =
            p.l.basis
                .iter()
                .map(|c| {
                    (
                        citation_key(&c.title),
                        c.text.as_deref().map(fold).unwrap_or_default(),
                    )
                })
                .collect();
        for (k, c) in p.r.basis.iter().enumerate() {
            let key = citation_key(&c.title);
            let kept = local_keys.iter().any(|(t, text)| {
                citations_match(&key, t) || (!key.is_empty() && text.contains(&key))
            });
            if !kept {
                let mut raw = p.raw(WEAKENED_BASIS, &format!("/basis/{k}"), "/basis");
                raw.param("citation", c.title.as_str());
                out.push(raw);
            }
        }
    }

    // 公开时限
    match compare_time(&p.r.time_limit, &p.l.time_limit) {
        TimeOrder::Ok => {}
        TimeOrder::Looser => {
            let mut raw = p.raw(WEAKENED_TIME_LIMIT, "/time_limit", "/time_limit");
            time_params(&mut raw, "ref_time", &p.r.time_limit);
            time_params(&mut raw, "local_time", &p.l.time_limit);
            out.push(raw);
        }
        TimeOrder::NotComparable(why_zh, why_en) => {
            let mut raw = p.raw(TIME_LIMIT_NOT_COMPARABLE, "/time_limit", "/time_limit");
            time_params(&mut raw, "ref_time", &p.r.time_limit);
            time_params(&mut raw, "local_time", &p.l.time_limit);
            raw.param("why_zh", why_zh);
            raw.param("why_en", why_en);
            out.push(raw);
        }
    }

    // 公开主体
    let same_as_template = meta.placeholder_subject
        && !fold(&p.l.subject).is_empty()
        && fold(&p.l.subject) == fold(&p.r.subject);
    if same_as_template || is_placeholder_subject(&p.l.subject) {
        let mut raw = p.raw(PLACEHOLDER_SUBJECT, "/subject", "/subject");
        raw.param("subject", p.l.subject.as_str());
        out.push(raw);
    }

    // 公开渠道
    if p.l.channels.is_empty() && p.l.other_channels.is_empty() {
        let (zh, en) = names(&p.r.channels, Channel::zh, Channel::en);
        out.push(not_stated(
            p,
            "channels",
            ("公开渠道", "channels"),
            (&zh, &en),
        ));
    } else {
        for (k, c) in p.r.channels.iter().enumerate() {
            if !p.l.channels.contains(c) && !named_in_other_channels(*c, &p.l.other_channels) {
                let mut raw = p.raw(WEAKENED_CHANNEL, &format!("/channels/{k}"), "/channels");
                raw.param("channel", c.zh());
                raw.param("channel_en", c.en());
                out.push(raw);
            }
        }
        for (k, c) in p.r.other_channels.iter().enumerate() {
            let key = fold(c);
            let kept =
                p.l.other_channels
                    .iter()
                    .any(|o| element_matches(&key, &fold(o)));
            if !key.is_empty() && !kept {
                let mut raw = p.raw(
                    WEAKENED_CHANNEL,
                    &format!("/other_channels/{k}"),
                    "/other_channels",
                );
                raw.param("channel", c.as_str());
                raw.param("channel_en", c.as_str());
                out.push(raw);
            }
        }
    }

    // 公开对象
    if p.l.audience.is_empty() {
        let (zh, en) = names(&p.r.audience, Audience::zh, Audience::en);
        out.push(not_stated(
            p,
            "audience",
            ("公开对象", "audience"),
            (&zh, &en),
        ));
    } else if p.r.audience.contains(&Audience::Public) && !p.l.audience.contains(&Audience::Public)
    {
        let k =
            p.r.audience
                .iter()
                .position(|a| *a == Audience::Public)
                .unwrap_or(0);
        let mut raw = p.raw(WEAKENED_AUDIENCE, &format!("/audience/{k}"), "/audience");
        raw.param("audience", Audience::Public.zh());
        raw.param("audience_en", Audience::Public.en());
        out.push(raw);
    }

    // 公开方式
    if p.l.method.is_empty() {
        let (zh, en) = names(&p.r.method, Method::zh, Method::en);
        out.push(not_stated(p, "method", ("公开方式", "method"), (&zh, &en)));
    } else if p.r.method.contains(&Method::Proactive) && !p.l.method.contains(&Method::Proactive) {
        let k =
            p.r.method
                .iter()
                .position(|a| *a == Method::Proactive)
                .unwrap_or(0);
        out.push(p.raw(WEAKENED_METHOD, &format!("/method/{k}"), "/method"));
    }

    // 公开层级
    if p.l.levels.is_empty() {
        let (zh, en) = names(&p.r.levels, Level::zh, Level::en);
        out.push(not_stated(p, "levels", ("公开层级", "levels"), (&zh, &en)));
    } else {
        for (k, lv) in p.r.levels.iter().enumerate() {
            if !p.l.levels.contains(lv) {
                let mut raw = p.raw(WEAKENED_LEVEL, &format!("/levels/{k}"), "/levels");
                raw.param("level", lv.zh());
                raw.param("level_en", lv.en());
                out.push(raw);
            }
        }
    }

    let mine = &out[start..];
    let weakened = mine.iter().any(|r| r.code.starts_with("diff.weakened_"));
    let unverified = mine
        .iter()
        .any(|r| r.code == NOT_STATED || r.code == TIME_LIMIT_NOT_COMPARABLE);
    if weakened {
        MatchStatus::Weakened
    } else if unverified {
        MatchStatus::Unverified
    } else {
        MatchStatus::Kept
    }
}

/// Whether a standard channel is written out by name among the other channels (a table that
/// lists "武陟县人民政府门户网站" instead of ticking 政府网站).
fn named_in_other_channels(c: Channel, other: &[crate::model::Text<'_>]) -> bool {
    let words: &[&str] = match c {
        Channel::GovWebsite => &["政府网站", "门户网站", "政府网"],
        _ => return other.iter().any(|o| fold(o) == fold(c.zh())),
    };
    other.iter().any(|o| {
        let f = fold(o);
        words.iter().any(|w| f.contains(w))
    })
}

fn not_stated(
    p: &PairCtx<'_, '_, '_>,
    key: &str,
    (zh, en): (&str, &str),
    (value_zh, value_en): (&str, &str),
) -> Raw {
    let mut raw = p.raw(NOT_STATED, &format!("/{key}"), &format!("/{key}"));
    raw.param("field", zh);
    raw.param("field_en", en);
    raw.param("ref_value", value_zh);
    raw.param("ref_value_en", value_en);
    raw
}

/// The Chinese and English names of a list of codes.
fn names<T: Copy>(
    v: &[T],
    zh: fn(T) -> &'static str,
    en: fn(T) -> &'static str,
) -> (String, String) {
    (
        v.iter().map(|c| zh(*c)).collect::<Vec<_>>().join("、"),
        v.iter().map(|c| en(*c)).collect::<Vec<_>>().join(", "),
    )
}

fn join_zh<T: AsRef<str>>(v: &[T]) -> String {
    v.iter().map(|s| s.as_ref()).collect::<Vec<_>>().join("、")
}

/// Compares a pair of linked catalogues' items; pushes findings, returns the status.
pub(crate) fn consistency_pair(p: &PairCtx<'_, '_, '_>, out: &mut Vec<Raw>) -> MatchStatus {
    let start = out.len();
    let a = content_elements(p.r.content.iter().map(|t| t.as_str()));
    let b = content_elements(p.l.content.iter().map(|t| t.as_str()));
    if !a.is_empty() && !b.is_empty() {
        let only_a: Vec<&str> = a
            .iter()
            .filter(|(_, e)| !element_kept(e, &b))
            .map(|(_, e)| e.as_str())
            .collect();
        let only_b: Vec<&str> = b
            .iter()
            .filter(|(_, e)| !element_kept(e, &a))
            .map(|(_, e)| e.as_str())
            .collect();
        if !only_a.is_empty() || !only_b.is_empty() {
            let mut zh = Vec::new();
            let mut en = Vec::new();
            if !only_a.is_empty() {
                zh.push(format!("仅第一份目录有“{}”", only_a.join("、")));
                en.push(format!("only the first has “{}”", only_a.join(", ")));
            }
            if !only_b.is_empty() {
                zh.push(format!("仅第二份目录有“{}”", only_b.join("、")));
                en.push(format!("only the second has “{}”", only_b.join(", ")));
            }
            let mut raw = p.raw(INCONSISTENT_CONTENT, "/content", "/content");
            raw.param("item", p.r.name.as_str());
            raw.param("detail_zh", &zh.join("，"));
            raw.param("detail_en", &en.join("; "));
            raw.param("only_first", &only_a.join("、"));
            raw.param("only_second", &only_b.join("、"));
            out.push(raw);
        }
    }
    if !same_time(&p.r.time_limit, &p.l.time_limit) {
        let mut raw = p.raw(INCONSISTENT_TIME_LIMIT, "/time_limit", "/time_limit");
        raw.param("item", p.r.name.as_str());
        time_params(&mut raw, "time_a", &p.r.time_limit);
        time_params(&mut raw, "time_b", &p.l.time_limit);
        out.push(raw);
    }
    if out.len() > start {
        MatchStatus::Inconsistent
    } else {
        MatchStatus::Consistent
    }
}

fn time_params(raw: &mut Raw, name: &str, t: &TimeLimit<'_>) {
    raw.param(name, &describe_time(t, Lang::Zh));
    raw.param(&format!("{name}_en"), &describe_time(t, Lang::En));
}

/// A time limit in words: the original wording when there is one (Chinese), else built from
/// its parts.
pub fn describe_time(t: &TimeLimit<'_>, lang: Lang) -> String {
    if lang == Lang::Zh {
        if let Some(text) = t.text.as_deref() {
            let s: String = text.split_whitespace().collect::<Vec<_>>().join("");
            if !s.is_empty() {
                return s;
            }
        }
    }
    let days = t.days.unwrap_or(0);
    let anchor_zh = match t.from {
        Some(crate::model::Anchor::Event) => t
            .event
            .as_deref()
            .map(|e| format!("自{e}之日起"))
            .unwrap_or_default(),
        Some(a) if a != crate::model::Anchor::Unspecified => format!("自{}起", a.zh()),
        _ => String::new(),
    };
    let anchor_en = match t.from {
        Some(crate::model::Anchor::Event) => t
            .event
            .as_deref()
            .map(|e| format!(" from {e}"))
            .unwrap_or_default(),
        Some(a) if a != crate::model::Anchor::Unspecified => format!(" from {}", a.en()),
        _ => String::new(),
    };
    match (t.kind, lang) {
        (TimeLimitKind::WorkingDays, Lang::Zh) => format!("{anchor_zh}{days}个工作日内"),
        (TimeLimitKind::WorkingDays, Lang::En) => format!("{days} working days{anchor_en}"),
        (TimeLimitKind::CalendarDays, Lang::Zh) => format!("{anchor_zh}{days}日内"),
        (TimeLimitKind::CalendarDays, Lang::En) => format!("{days} calendar days{anchor_en}"),
        (TimeLimitKind::HoursBefore, Lang::Zh) => format!("提前{}小时", t.hours.unwrap_or(0)),
        (TimeLimitKind::HoursBefore, Lang::En) => {
            format!("{} hours in advance", t.hours.unwrap_or(0))
        }
        (TimeLimitKind::AnnualBy, Lang::Zh) => {
            format!("每年{}月{}日前", t.month.unwrap_or(0), t.day.unwrap_or(0))
        }
        (TimeLimitKind::AnnualBy, Lang::En) => format!(
            "every year by {:02}-{:02}",
            t.month.unwrap_or(0),
            t.day.unwrap_or(0)
        ),
        (TimeLimitKind::Unparsed, _) => t.text.as_deref().unwrap_or("").trim().to_owned(),
        (k, Lang::Zh) => k.zh().to_owned(),
        (k, Lang::En) => k.en().to_owned(),
    }
}

/// How a local time limit compares with the reference's.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TimeOrder {
    /// As strict or stricter.
    Ok,
    /// Looser (longer, less notice, later in the year, or a fixed limit where the reference is
    /// immediate).
    Looser,
    /// Forms that cannot be ordered: why, in Chinese and English.
    NotComparable(&'static str, &'static str),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    Immediate,
    /// Nominal calendar days (working days × 7/5), the unit, the count.
    Days(f64, bool, u32),
    Before(u32),
    Annual(u32, u32),
    Vague(TimeLimitKind),
    Unknown,
}

fn bound(t: &TimeLimit<'_>) -> Bound {
    match t.kind {
        TimeLimitKind::OnTheSpot | TimeLimitKind::Realtime => Bound::Immediate,
        TimeLimitKind::WorkingDays => match t.days {
            Some(d) => Bound::Days(f64::from(d) * 7.0 / 5.0, true, d),
            None => Bound::Unknown,
        },
        TimeLimitKind::CalendarDays => match t.days {
            Some(d) => Bound::Days(f64::from(d), false, d),
            None => Bound::Unknown,
        },
        TimeLimitKind::HoursBefore => t.hours.map_or(Bound::Unknown, Bound::Before),
        TimeLimitKind::AnnualBy => match (t.month, t.day) {
            (Some(m), Some(d)) => Bound::Annual(m, d),
            _ => Bound::Unknown,
        },
        TimeLimitKind::Promptly | TimeLimitKind::Continuous => Bound::Vague(t.kind),
        TimeLimitKind::Unparsed => Bound::Unknown,
    }
}

/// Orders a local time limit against the reference's. Working and calendar days are compared
/// through nominal weeks (5 working days = 7 calendar days).
pub(crate) fn compare_time(reference: &TimeLimit<'_>, local: &TimeLimit<'_>) -> TimeOrder {
    use Bound::*;
    const DIFFERENT: (&str, &str) = ("两者的时限形式不同", "the two limits have different forms");
    let (r, l) = (bound(reference), bound(local));
    match (r, l) {
        (Unknown, _) | (_, Unknown) => {
            let same = fold(reference.text.as_deref().unwrap_or(""))
                == fold(local.text.as_deref().unwrap_or(""))
                && reference.text.is_some();
            if same {
                TimeOrder::Ok
            } else {
                TimeOrder::NotComparable(
                    "有一方的时限未能解析",
                    "one of the limits was not understood",
                )
            }
        }
        (_, Immediate) => TimeOrder::Ok,
        (Immediate, Days(..)) => TimeOrder::Looser,
        (Days(rn, rw, rd), Days(ln, lw, ld)) => {
            let looser = if rw == lw { ld > rd } else { ln > rn + 1e-9 };
            if looser {
                TimeOrder::Looser
            } else {
                TimeOrder::Ok
            }
        }
        (Before(rh), Before(lh)) => {
            if lh < rh {
                TimeOrder::Looser
            } else {
                TimeOrder::Ok
            }
        }
        (Annual(rm, rd), Annual(lm, ld)) => {
            if (lm, ld) > (rm, rd) {
                TimeOrder::Looser
            } else {
                TimeOrder::Ok
            }
        }
        (Vague(a), Vague(b)) if a == b => TimeOrder::Ok,
        (Days(..), Vague(_)) | (Immediate, Vague(_)) => TimeOrder::NotComparable(
            "本目录的时限没有具体期限",
            "the local limit sets no definite period",
        ),
        _ => TimeOrder::NotComparable(DIFFERENT.0, DIFFERENT.1),
    }
}

/// Whether two time limits say the same (an unspecified anchor agrees with any anchor: the
/// template's bare "20个工作日" and "信息形成之日起20个工作日内" are the same limit).
pub(crate) fn same_time(a: &TimeLimit<'_>, b: &TimeLimit<'_>) -> bool {
    use crate::model::Anchor;
    if a.kind != b.kind {
        return false;
    }
    match a.kind {
        TimeLimitKind::Unparsed => {
            fold(a.text.as_deref().unwrap_or("")) == fold(b.text.as_deref().unwrap_or(""))
        }
        TimeLimitKind::WorkingDays | TimeLimitKind::CalendarDays => {
            let anchors = match (a.anchor(), b.anchor()) {
                (Anchor::Unspecified, _) | (_, Anchor::Unspecified) => true,
                (Anchor::Event, Anchor::Event) => {
                    fold(a.event.as_deref().unwrap_or("")) == fold(b.event.as_deref().unwrap_or(""))
                }
                (x, y) => x == y,
            };
            a.days == b.days && anchors
        }
        TimeLimitKind::HoursBefore => a.hours == b.hours,
        TimeLimitKind::AnnualBy => a.month == b.month && a.day == b.day,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Anchor;

    #[test]
    fn orders_time_limits() {
        let wd = |d| TimeLimit::working_days(d, Anchor::FormedOrChanged);
        let cd = |d| TimeLimit::calendar_days(d, Anchor::FormedOrChanged);
        assert_eq!(compare_time(&wd(20), &wd(20)), TimeOrder::Ok);
        assert_eq!(compare_time(&wd(20), &wd(7)), TimeOrder::Ok);
        assert_eq!(compare_time(&wd(20), &wd(30)), TimeOrder::Looser);
        assert_eq!(compare_time(&wd(20), &cd(20)), TimeOrder::Ok);
        assert_eq!(compare_time(&wd(20), &cd(28)), TimeOrder::Ok);
        assert_eq!(compare_time(&wd(20), &cd(30)), TimeOrder::Looser);
        assert_eq!(compare_time(&cd(7), &wd(7)), TimeOrder::Looser);
        let rt = TimeLimit::simple(TimeLimitKind::Realtime);
        assert_eq!(compare_time(&wd(20), &rt), TimeOrder::Ok);
        assert_eq!(compare_time(&rt, &wd(1)), TimeOrder::Looser);
        let hb = TimeLimit::hours_before;
        assert_eq!(compare_time(&hb(24), &hb(12)), TimeOrder::Looser);
        assert_eq!(compare_time(&hb(24), &hb(48)), TimeOrder::Ok);
        let ab = TimeLimit::annual_by;
        assert_eq!(compare_time(&ab(1, 31), &ab(3, 31)), TimeOrder::Looser);
        assert_eq!(compare_time(&ab(1, 31), &ab(1, 15)), TimeOrder::Ok);
        assert!(matches!(
            compare_time(&wd(20), &TimeLimit::simple(TimeLimitKind::Promptly)),
            TimeOrder::NotComparable(..)
        ));
        assert!(matches!(
            compare_time(&wd(20), &TimeLimit::unparsed("按规定")),
            TimeOrder::NotComparable(..)
        ));
        assert!(matches!(
            compare_time(&wd(20), &hb(24)),
            TimeOrder::NotComparable(..)
        ));
    }

    #[test]
    fn same_time_ignores_an_unspecified_anchor() {
        let bare = TimeLimit::working_days(20, Anchor::Unspecified);
        let formed = TimeLimit::working_days(20, Anchor::FormedOrChanged);
        let decided = TimeLimit::working_days(20, Anchor::Decided);
        assert!(same_time(&bare, &formed));
        assert!(!same_time(&formed, &decided));
        assert!(!same_time(
            &formed,
            &TimeLimit::working_days(7, Anchor::FormedOrChanged)
        ));
    }

    #[test]
    fn describes_time_limits() {
        let t = TimeLimit::working_days(20, Anchor::FormedOrChanged);
        assert_eq!(
            describe_time(&t, Lang::Zh),
            "自信息形成或者变更之日起20个工作日内"
        );
        assert_eq!(
            describe_time(&t, Lang::En),
            "20 working days from the day the information is formed or changed"
        );
        let t = t.with_text("制定或获\n取信息之\n日起20个\n工作日内");
        assert_eq!(
            describe_time(&t, Lang::Zh),
            "制定或获取信息之日起20个工作日内"
        );
    }
}
