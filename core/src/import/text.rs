//! Free-text cell parsers shared by the importers, the CLI and the diff: 公开时限, 公开依据,
//! 公开内容, cell normalisation and item-name normalisation.
//!
//! Every parser keeps the original wording where the model has a place for it (`text` of a time
//! limit or a citation) and never drops what it did not understand: a time limit it cannot read
//! is `unparsed` with its text, a citation it cannot split is one citation titled with the text.
//!
//! Normalisation, in order:
//! 1. full-width ASCII (`ＡＢＣ１２３，：（）`) folded to ASCII, the ideographic space and other
//!    Unicode spaces to a space, zero-width characters removed, CR/CRLF to LF (not NFKC: 《》、。
//!    and the checkbox glyphs stay as they are). Values kept for display ([`normalize_cell`])
//!    fold only full-width letters, digits and spaces, and keep Chinese punctuation （），：；
//!    as written; matching keys ([`normalize_name`], [`match_key`]) fold it all;
//! 2. pinyin glosses that mirror sites insert after characters (`鎮(zhèn)`) removed;
//! 3. white space (spaces, line breaks) removed wherever it touches a non-ASCII character
//!    (`燃气经营许 可证核发` → `燃气经营许可证核发`, `10 个 工作日` → `10个工作日`), and collapsed
//!    to one space between ASCII words.

use super::hanzi;
use crate::model::{Anchor, Citation, CitationKind, TimeLimit, TimeLimitKind};

// ---------------------------------------------------------------------------------------------
// Normalisation

/// Folds full-width ASCII to ASCII, Unicode spaces to a space, removes zero-width characters
/// and turns CR/CRLF into LF. Nothing else changes (this is not NFKC).
pub fn fold_width(text: &str) -> String {
    fold(text, true)
}

/// Like [`fold_width`], but full-width punctuation (（）：，；！？ …, the correct Chinese
/// typography) is kept: only full-width letters, digits and spaces are folded.
pub fn fold_width_alnum(text: &str) -> String {
    fold(text, false)
}

fn fold(text: &str, punct: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                out.push(char::from_u32(c as u32 - 0xFEE0).unwrap_or(c));
            }
            '\u{FF01}'..='\u{FF5E}' if punct => {
                out.push(char::from_u32(c as u32 - 0xFEE0).unwrap_or(c));
            }
            '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => {
                out.push(' ')
            }
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\t' | '\u{000B}' | '\u{000C}' => out.push(' '),
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

fn is_tone_vowel(c: char) -> bool {
    matches!(
        c,
        'ā' | 'á'
            | 'ǎ'
            | 'à'
            | 'ē'
            | 'é'
            | 'ě'
            | 'è'
            | 'ī'
            | 'í'
            | 'ǐ'
            | 'ì'
            | 'ō'
            | 'ó'
            | 'ǒ'
            | 'ò'
            | 'ū'
            | 'ú'
            | 'ǔ'
            | 'ù'
            | 'ǖ'
            | 'ǘ'
            | 'ǚ'
            | 'ǜ'
            | 'ü'
            | 'ń'
            | 'ň'
            | 'ǹ'
            | 'ḿ'
    )
}

/// Whether `c` is a CJK ideograph.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF | 0x3007)
}

const NEUTRAL_SYLLABLES: &[&str] = &["de", "le", "me", "ne", "zi", "men", "ma", "ba", "zhe"];

/// Removes pinyin glosses inserted after Chinese characters (`鄉(xiāng)鎮(zhèn)` → `鄉鎮`).
/// Returns the text and whether anything was removed. A parenthesis counts as a gloss only
/// when it follows a Chinese character (white space between them aside, as after a removed
/// gloss) and holds one pinyin syllable (with a tone mark, or a neutral-tone syllable such as
/// `de`; white space inside is ignored). Ignoring white space makes [`normalize_cell`]
/// idempotent: squeezing spaces can never reveal a gloss that was not removed.
pub fn strip_glosses(text: &str) -> (String, bool) {
    if !text.contains('(') {
        return (text.to_owned(), false);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut removed = false;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let after_han = || {
            out.chars()
                .rev()
                .find(|p| !p.is_whitespace())
                .is_some_and(is_han)
        };
        if c == '(' && after_han() {
            let mut j = i + 1;
            let mut syllable = String::new();
            let mut toned = false;
            while let Some(&d) = chars.get(j) {
                // Only the letters are bounded: a bound on the width would let a long run of
                // white space hide a gloss that squeezing the spaces then reveals. The scan
                // stays linear overall, since no '(' lies inside the run it passes over.
                if syllable.len() > 16 {
                    break;
                }
                if d.is_ascii_lowercase() {
                    syllable.push(d);
                } else if is_tone_vowel(d) {
                    toned = true;
                    syllable.push(d);
                } else if !d.is_whitespace() {
                    break;
                }
                j += 1;
            }
            let letters = syllable.chars().count();
            if chars.get(j) == Some(&')')
                && (1..=8).contains(&letters)
                && (toned || NEUTRAL_SYLLABLES.contains(&syllable.as_str()))
            {
                removed = true;
                i = j + 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    (out, removed)
}

/// Removes white space touching a non-ASCII character and collapses the rest to one space;
/// trims. Line breaks count as white space.
pub fn squeeze_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !out.is_empty() {
                pending_space = true;
            }
            continue;
        }
        if pending_space {
            let prev_ascii = out.chars().next_back().is_some_and(|p| p.is_ascii());
            if prev_ascii && c.is_ascii() {
                out.push(' ');
            }
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Normalises a cell for display and comparison: full-width letters, digits and spaces folded
/// (Chinese punctuation such as （）：， is kept as written), pinyin glosses removed, white space
/// inside Chinese text removed, runs of spaces collapsed, trimmed.
///
/// ```
/// use gongkai::import::text::normalize_cell;
/// assert_eq!(normalize_cell("燃气经营许 可证核发"), "燃气经营许可证核发");
/// assert_eq!(normalize_cell("城镇燃\n气管理"), "城镇燃气管理");
/// assert_eq!(normalize_cell("（２０２４）"), "（2024）");
/// assert_eq!(normalize_cell("联系人：张三，ＡＢ"), "联系人：张三，AB");
/// assert_eq!(normalize_cell("鎮(zhèn)人民政府"), "鎮人民政府");
/// ```
pub fn normalize_cell(text: &str) -> String {
    if is_plain(text) {
        return text.to_owned();
    }
    let folded = fold_width_alnum(text);
    let (plain, _) = strip_glosses(&folded);
    squeeze_spaces(&plain)
}

/// A key for matching item names across catalogues: white space and punctuation removed,
/// widths folded, pinyin glosses removed, traditional characters mapped to simplified where
/// known.
///
/// ```
/// use gongkai::import::text::normalize_name;
/// assert_eq!(normalize_name("鄉(xiāng)鎮(zhèn)簡介"), "乡镇简介");
/// assert_eq!(normalize_name("燃气经营许 可证核发。"), "燃气经营许可证核发");
/// ```
pub fn normalize_name(text: &str) -> String {
    let folded = fold_width(text);
    let (plain, _) = strip_glosses(&folded);
    plain
        .chars()
        .filter(|c| !c.is_whitespace() && !is_punct(*c))
        .map(hanzi::simplify_char)
        .collect()
}

/// A key for recognising vocabulary (headers, channel names, levels, marks): normalised like
/// [`normalize_cell`], every white space removed, traditional characters simplified.
pub fn match_key(text: &str) -> String {
    if is_plain(text) && text.chars().all(|c| hanzi::simplify_char(c) == c) {
        return text.to_owned();
    }
    let folded = fold_width(text);
    let (plain, _) = strip_glosses(&folded);
    plain
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(hanzi::simplify_char)
        .collect()
}

/// Whether normalisation would leave the text unchanged: no white space, no full-width ASCII,
/// no control or zero-width character, no parenthesis (a possible gloss).
fn is_plain(text: &str) -> bool {
    text.chars().all(|c| {
        !(c.is_whitespace()
            || c.is_control()
            || c == '('
            || ('\u{FF01}'..='\u{FF5E}').contains(&c)
            || ('\u{200B}'..='\u{200D}').contains(&c)
            || matches!(c, '\u{2060}' | '\u{FEFF}' | '\u{00AD}'))
    })
}

/// Whether `c` is punctuation (ASCII or CJK).
pub fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '、' | '，'
                | '。'
                | '；'
                | '：'
                | '？'
                | '！'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '（'
                | '）'
                | '《'
                | '》'
                | '〈'
                | '〉'
                | '【'
                | '】'
                | '〔'
                | '〕'
                | '［'
                | '］'
                | '…'
                | '—'
                | '–'
                | '·'
                | '・'
                | '「'
                | '」'
                | '『'
                | '』'
        )
}

// ---------------------------------------------------------------------------------------------
// Numbers

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' | 'O' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' | '兩' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || matches!(c, '十' | '拾' | '百' | '佰' | '千' | '廿' | '卅')
}

/// Parses a Chinese numeral (`二十` → 20, `十五` → 15, `一百二十` → 120, `二〇` → 20).
pub fn parse_cn_number(s: &str) -> Option<u32> {
    if s.is_empty() || !s.chars().all(is_cn_numeral) || s.contains('O') {
        return None;
    }
    let has_unit = s
        .chars()
        .any(|c| matches!(c, '十' | '拾' | '百' | '佰' | '千' | '廿' | '卅'));
    if !has_unit {
        // Digit by digit: 二〇二四.
        let mut n: u32 = 0;
        for c in s.chars() {
            n = n.checked_mul(10)?.checked_add(cn_digit(c)?)?;
        }
        return Some(n);
    }
    let mut total: u32 = 0;
    let mut current: Option<u32> = None;
    for c in s.chars() {
        if let Some(d) = cn_digit(c) {
            current = Some(d);
            continue;
        }
        let unit = match c {
            '十' | '拾' => 10,
            '百' | '佰' => 100,
            '千' => 1000,
            '廿' => {
                total = total.checked_add(20)?;
                current = None;
                continue;
            }
            '卅' => {
                total = total.checked_add(30)?;
                current = None;
                continue;
            }
            _ => return None,
        };
        total = total.checked_add(current.unwrap_or(1).checked_mul(unit)?)?;
        current = None;
    }
    total.checked_add(current.unwrap_or(0))
}

/// Replaces Chinese numerals that count something (followed by 个, 工作日, 日, 天, 小时, 月, 周)
/// with Arabic digits; `第十五条` and words like 一级 are left alone.
fn arabicize(chars: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if is_cn_numeral(chars[i]) && chars[i] != 'O' {
            let start = i;
            let mut j = i;
            while j < chars.len() && is_cn_numeral(chars[j]) {
                j += 1;
            }
            let next = chars.get(j).copied();
            let prev = if start > 0 {
                chars.get(start - 1).copied()
            } else {
                None
            };
            let counts = matches!(
                next,
                Some('个' | '工' | '日' | '天' | '小' | '月' | '周' | '号')
            );
            if counts && prev != Some('第') {
                let s: String = chars[start..j].iter().collect();
                if let Some(n) = parse_cn_number(&s) {
                    out.extend(n.to_string().chars());
                    i = j;
                    continue;
                }
            }
            out.extend_from_slice(&chars[start..j]);
            i = j;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn read_number(chars: &[char], i: usize) -> Option<(u32, usize)> {
    let mut j = i;
    let mut n: u32 = 0;
    while j < chars.len() && chars[j].is_ascii_digit() {
        n = n
            .saturating_mul(10)
            .saturating_add(chars[j].to_digit(10).unwrap_or(0));
        j += 1;
    }
    (j > i).then_some((n, j))
}

fn starts_with(chars: &[char], i: usize, pat: &str) -> bool {
    pat.chars()
        .enumerate()
        .all(|(k, p)| chars.get(i + k) == Some(&p))
}

fn contains(chars: &[char], pat: &str) -> bool {
    (0..chars.len()).any(|i| starts_with(chars, i, pat))
}

// ---------------------------------------------------------------------------------------------
// 公开时限

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

// ---------------------------------------------------------------------------------------------
// Lists (公开内容)

fn circled(c: char) -> Option<u32> {
    match c {
        '①'..='⑳' => Some(c as u32 - '①' as u32 + 1),
        '⑴'..='⒇' => Some(c as u32 - '⑴' as u32 + 1),
        '⒈'..='⒛' => Some(c as u32 - '⒈' as u32 + 1),
        _ => None,
    }
}

/// A list marker at `i` (after white space has been kept): returns (number, end of marker).
fn marker_at(chars: &[char], i: usize, expected: u32) -> Option<(u32, usize)> {
    let c = *chars.get(i)?;
    if let Some(n) = circled(c) {
        return Some((n, i + 1));
    }
    let boundary = i == 0
        || chars[i - 1].is_whitespace()
        || matches!(
            chars[i - 1],
            ';' | '；' | '。' | ',' | '，' | '、' | ':' | '：'
        );
    if !boundary {
        return None;
    }
    // (1) （一）
    if c == '(' {
        let close = (i + 1..chars.len().min(i + 6)).find(|&k| chars[k] == ')')?;
        let inner: String = chars[i + 1..close].iter().collect();
        let n = inner
            .parse::<u32>()
            .ok()
            .or_else(|| parse_cn_number(&inner))?;
        return Some((n, close + 1));
    }
    if let Some((n, j)) = read_number(chars, i) {
        let mut k = j;
        while chars.get(k) == Some(&' ') {
            k += 1;
        }
        match chars.get(k) {
            Some('.' | '、' | ')' | ':')
                if !chars.get(k + 1).is_some_and(|d| d.is_ascii_digit()) =>
            {
                return Some((n, k + 1));
            }
            // OCR lost the dot: 3电请流程, accepted only as the expected next number.
            Some(d) if n == expected && is_han(*d) && j - i == 1 => return Some((n, j)),
            _ => return None,
        }
    }
    if is_cn_numeral(c) {
        let mut j = i;
        while j < chars.len() && is_cn_numeral(chars[j]) && j - i < 3 {
            j += 1;
        }
        if chars.get(j) == Some(&'、') {
            let s: String = chars[i..j].iter().collect();
            return parse_cn_number(&s).map(|n| (n, j + 1));
        }
    }
    None
}

/// Splits a cell at numbered-list markers (`1.` `2、` `(3)` `①` `一、`) when there are at least
/// two of them numbered in order. Returns the items without their markers.
fn split_numbered(text: &str) -> Option<Vec<String>> {
    let chars: Vec<char> = text.chars().collect();
    numbered_ranges(&chars, false).map(|r| slices(&chars, &r))
}

fn slices(chars: &[char], ranges: &[(usize, usize)]) -> Vec<String> {
    ranges
        .iter()
        .map(|&(a, b)| {
            chars[a.min(chars.len())..b.min(chars.len())]
                .iter()
                .collect()
        })
        .collect()
}

/// The char ranges of the items of a numbered list (a text before the first marker is one
/// more item). Two markers at least; with `single`, also one marker in the exporters' exact
/// form `1. ` at the very start (a list of one).
fn numbered_ranges(chars: &[char], single: bool) -> Option<Vec<(usize, usize)>> {
    let mut starts: Vec<(usize, usize)> = Vec::new(); // (marker start, content start)
    let mut expected = 1;
    let mut depth = 0i32;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '《' => depth += 1,
            '》' => depth -= 1,
            _ => {}
        }
        if depth <= 0 {
            if let Some((n, end)) = marker_at(chars, i, expected) {
                if n == expected {
                    starts.push((i, end));
                    expected += 1;
                    i = end;
                    continue;
                }
            }
        }
        i += 1;
    }
    let exported_single = single
        && starts.len() == 1
        && starts[0].0 == 0
        && chars.starts_with(&['1', '.', ' '])
        && !chars.contains(&'\n');
    if starts.len() < 2 && !exported_single {
        return None;
    }
    let mut out = Vec::new();
    let lead_end = starts[0].0;
    if chars[..lead_end].iter().any(|c| !c.is_whitespace()) {
        out.push((0, lead_end));
    }
    for (k, &(_, begin)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(chars.len(), |s| s.0);
        out.push((begin, end));
    }
    Some(out)
}

fn split_top_level(text: &str, seps: &[char]) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    slices(&chars, &top_level_ranges(&chars, seps))
}

/// The char ranges between separators that are not inside 《》 or brackets.
fn top_level_ranges(chars: &[char], seps: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '《' | '(' | '〔' | '[' | '【' | '〈' => depth += 1,
            '》' | ')' | '〕' | ']' | '】' | '〉' => depth = (depth - 1).max(0),
            _ => {}
        }
        if depth == 0 && seps.contains(&c) {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, chars.len()));
    out
}

fn clean_item(s: &str) -> String {
    squeeze_spaces(s)
        .trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, ';' | '；' | '。' | ',' | '，' | '、' | ':' | '：')
        })
        .to_owned()
}

/// Splits a 公开内容 cell into its elements: numbered lists (`1.` `2.` `①②`) first, each item
/// kept whole; otherwise on 、；; and, when the cell has no other separator, on line breaks
/// (a line break in a cell that also has separators is a wrap, and is removed). Separators
/// inside 《》 and brackets do not split. Each element is normalised like [`normalize_cell`].
///
/// ```
/// use gongkai::import::text::split_content;
/// assert_eq!(split_content("申请条件、 申请材料、 申请流程"), ["申请条件", "申请材料", "申请流程"]);
/// assert_eq!(split_content("1. 申请条件:\n2. 申请材料:\n3电请流程;\n4.法定依据。"),
///            ["申请条件", "申请材料", "电请流程", "法定依据"]);
/// ```
pub fn split_content(text: &str) -> Vec<String> {
    // The structure is read on the fully folded text (（１）→(1), ；→;); the elements are
    // taken from the text folded for display (Chinese punctuation kept), which has the same
    // characters at the same positions unless a gloss was removed from one only.
    let (full, _) = strip_glosses(&fold_width(text));
    let (shown, _) = strip_glosses(&fold_width_alnum(text));
    let full: Vec<char> = full.trim().chars().collect();
    let shown: Vec<char> = shown.trim().chars().collect();
    let source = if shown.len() == full.len() {
        &shown
    } else {
        &full
    };
    if full.is_empty() {
        return Vec::new();
    }
    let ranges = numbered_ranges(&full, true).unwrap_or_else(|| {
        let seps: &[char] = if full.iter().any(|c| matches!(c, '、' | ';')) {
            &['、', ';']
        } else {
            &['\n']
        };
        top_level_ranges(&full, seps)
    });
    slices(source, &ranges)
        .iter()
        .map(|s| clean_item(s))
        .filter(|s| !s.is_empty())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// 公开依据

const TITLE_SUFFIXES: &[&str] = &[
    "法",
    "条例",
    "规定",
    "办法",
    "细则",
    "意见",
    "通知",
    "决定",
    "规则",
    "标准",
    "规范",
    "方案",
    "纲要",
    "指南",
    "规程",
    "实施意见",
    "批复",
    "公告",
    "通告",
    "令",
];

const VAGUE: &[&str] = &[
    "相关规定",
    "有关规定",
    "相关法律法规",
    "有关法律法规",
    "相关文件",
    "有关文件",
    "相关政策",
    "法律法规",
    "等",
];

fn kind_from_tag(tag: &str) -> Option<CitationKind> {
    let t = hanzi::to_simplified(tag);
    let mut found = Vec::new();
    if t.contains("行政法规") {
        found.push(CitationKind::AdministrativeRegulation);
    }
    if t.contains("地方性法规") {
        found.push(CitationKind::LocalRegulation);
    }
    if t.contains("部门规章") {
        found.push(CitationKind::DepartmentalRule);
    }
    if t.contains("地方政府规章") {
        found.push(CitationKind::LocalRule);
    }
    if t.contains("规范性文件") {
        found.push(CitationKind::NormativeDocument);
    }
    let bare = t.trim_matches(['【', '】', '[', ']']);
    if found.is_empty() && bare == "法律" {
        found.push(CitationKind::Law);
    }
    if found.is_empty() && bare == "其他" {
        found.push(CitationKind::Other);
    }
    // A tag naming two kinds (部门规章及规范性文件) does not say which one.
    (found.len() == 1).then(|| found[0])
}

fn kind_from_citation(title: &str, doc_no: Option<&str>) -> Option<CitationKind> {
    let t = hanzi::to_simplified(title);
    if let Some(d) = doc_no {
        let d = hanzi::to_simplified(d);
        if d.contains("主席令") {
            return Some(CitationKind::Law);
        }
        if d.contains("国务院令") {
            return Some(CitationKind::AdministrativeRegulation);
        }
        if d.contains("人民政府令") {
            return Some(CitationKind::LocalRule);
        }
        if d.contains("部令") || d.contains("总局令") || d.contains("委员会令") {
            return Some(CitationKind::DepartmentalRule);
        }
    }
    if t.starts_with("中华人民共和国") && t.ends_with('法') {
        return Some(CitationKind::Law);
    }
    None
}

/// Finds the first 令号/文号 in `s`: `国务院令第711号`, `中华人民共和国主席令第41号`,
/// `国办发〔2019〕54号`, `辽政办发(2014)74号`.
pub fn find_doc_no(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    for (h, &c) in chars.iter().enumerate() {
        if c != '号' && c != '號' {
            continue;
        }
        let mut k = h;
        // Number before 号.
        while k > 0 && (chars[k - 1].is_ascii_digit() || is_cn_numeral(chars[k - 1])) {
            k -= 1;
        }
        if k == h {
            continue;
        }
        let mut has_year = false;
        let mut has_ling = false;
        if k > 0 && chars[k - 1] == '第' {
            k -= 1;
        }
        if k > 0 && matches!(chars[k - 1], '〕' | ')' | ']' | '】' | '﹞') {
            // 〔2019〕
            let close = k - 1;
            let mut m = close;
            while m > 0 && chars[m - 1].is_ascii_digit() {
                m -= 1;
            }
            if close - m == 4 && m > 0 && matches!(chars[m - 1], '〔' | '(' | '[' | '【' | '﹝')
            {
                has_year = true;
                k = m - 1;
            }
        }
        if k > 0 && chars[k - 1] == '令' {
            has_ling = true;
        }
        if !has_year && !has_ling {
            continue;
        }
        // Issuer: Chinese characters before.
        let mut start = k;
        while start > 0 && is_han(chars[start - 1]) && k - start < 20 {
            start -= 1;
        }
        if start == k {
            continue;
        }
        return Some(chars[start..=h].iter().collect());
    }
    None
}

fn find_articles(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '第' {
            let mut j = i + 1;
            while j < chars.len() && (chars[j].is_ascii_digit() || is_cn_numeral(chars[j])) {
                j += 1;
            }
            if j > i + 1 && chars.get(j) == Some(&'条') {
                let mut end = j + 1;
                // 第十五条第一款(第二项)
                loop {
                    if chars.get(end) != Some(&'第') {
                        break;
                    }
                    let mut m = end + 1;
                    while m < chars.len() && (chars[m].is_ascii_digit() || is_cn_numeral(chars[m]))
                    {
                        m += 1;
                    }
                    if m > end + 1 && matches!(chars.get(m), Some('款' | '项')) {
                        end = m + 1;
                    } else {
                        break;
                    }
                }
                out.push(chars[i..end].iter().collect());
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

fn looks_like_title(s: &str) -> bool {
    let t = hanzi::to_simplified(s);
    t.chars().count() >= 3
        && !VAGUE.iter().any(|v| t == *v)
        && !t.starts_with("相关")
        && !t.starts_with("有关")
        && !t.starts_with("其他")
        && TITLE_SUFFIXES.iter().any(|x| t.ends_with(x))
}

fn strip_lead(s: &str) -> &str {
    let mut s = s.trim();
    loop {
        let before = s;
        for lead in ["根据", "依据", "按照", "依照", "参照"] {
            s = s.strip_prefix(lead).unwrap_or(s);
        }
        s = s.trim_start_matches(|c: char| {
            c.is_ascii_digit() || matches!(c, '.' | '、' | ')' | '(' | ' ') || circled(c).is_some()
        });
        if s == before {
            return s;
        }
    }
}

fn bare_citation(raw: &str) -> Option<Citation<'static>> {
    let text = raw.trim();
    let mut t = strip_lead(text).to_owned();
    // A trailing (令号/文号) or other parenthesis.
    let doc_no = find_doc_no(&t);
    if let Some(open) = t.find(['(', '〔']) {
        if open > 0 {
            t.truncate(open);
        }
    }
    let mut title = squeeze_spaces(&t);
    for tail in [
        "等相关规定",
        "等有关规定",
        "等相关文件",
        "及相关规定",
        "及有关规定",
        "等规定",
        "等文件",
        "等",
    ] {
        if let Some(x) = title.strip_suffix(tail) {
            title = x.to_owned();
            break;
        }
    }
    let title: String = title
        .trim_matches(|c: char| is_punct(c) || c.is_whitespace())
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if title.is_empty() {
        return None;
    }
    let mut c = Citation::titled(title.clone());
    c.kind = kind_from_citation(&title, doc_no.as_deref());
    c.doc_no = doc_no.map(Into::into);
    c.articles = find_articles(text).into_iter().map(Into::into).collect();
    c.text = Some(text.to_owned().into());
    Some(c)
}

/// Parses a 公开依据 cell into citations, keeping each original in `text`.
///
/// Titles in 《》 are taken as they are (white space inside removed, line breaks inside a title
/// joined); the text between titles is attributed to the citation before it (its 令号/文号 and
/// 第N条) or after it (a `【法律】` tag, `根据国务院`), split at the last separator. A segment
/// between titles that looks like a title of its own (`…条例`, `…办法`) becomes a citation too.
/// Without any 《》, the cell is split on 、；;，, line breaks and numbered markers, each part a
/// bare title. `kind` comes from a tag (`【法律】`), a 令号 (`主席令` → law, `国务院令` →
/// administrative regulation, `人民政府令` → local rule, `部令` → departmental rule) or a title
/// `中华人民共和国…法`; otherwise it is left out.
///
/// ```
/// use gongkai::import::text::parse_citations;
/// let c = parse_citations("【法律】《中华人民共和国人口与计划生育 法》(中华人民共和国主席令第41号2015\n12月27日修正)");
/// assert_eq!(c[0].title.as_str(), "中华人民共和国人口与计划生育法");
/// assert_eq!(c[0].doc_no.as_deref(), Some("中华人民共和国主席令第41号"));
/// ```
pub fn parse_citations(text: &str) -> Vec<Citation<'static>> {
    let folded = fold_width(text);
    let (plain, _) = strip_glosses(&folded);
    let chars: Vec<char> = plain.chars().collect();
    // Spans of 《…》 (an unclosed 《 runs to the end of the line).
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '《' {
            let mut depth = 0;
            let mut j = i;
            let mut end = None;
            while j < chars.len() {
                match chars[j] {
                    '《' => depth += 1,
                    '》' => {
                        depth -= 1;
                        if depth == 0 {
                            end = Some(j);
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            let end = end.unwrap_or_else(|| {
                (i + 1..chars.len())
                    .find(|&k| matches!(chars[k], '\n' | '、' | ';' | '；'))
                    .map_or(chars.len() - 1, |k| k - 1)
            });
            spans.push((i, end));
            i = end + 1;
            continue;
        }
        i += 1;
    }
    if spans.is_empty() {
        let numbered = split_numbered(&plain);
        let parts = match numbered {
            Some(p) => p,
            None => split_top_level(&plain, &['、', ';', '；', ',', '，', '\n', '。']),
        };
        return parts.iter().filter_map(|p| bare_citation(p)).collect();
    }
    let is_sep = |c: char| matches!(c, '、' | ';' | '；' | ',' | '，' | '\n' | '。');
    let slice = |a: usize, b: usize| -> String { chars[a.min(b)..b].iter().collect() };
    // Gaps: before the first span, between spans, after the last.
    let mut heads: Vec<String> = vec![String::new(); spans.len()];
    let mut tails: Vec<String> = vec![String::new(); spans.len()];
    let mut middles: Vec<Vec<String>> = vec![Vec::new(); spans.len() + 1];
    for g in 0..=spans.len() {
        let start = if g == 0 { 0 } else { spans[g - 1].1 + 1 };
        let end = if g == spans.len() {
            chars.len()
        } else {
            spans[g].0
        };
        if start >= end {
            continue;
        }
        let gap: Vec<char> = chars[start..end].to_vec();
        if g == spans.len() {
            if let Some(t) = tails.last_mut() {
                *t = gap.iter().collect();
            }
            continue;
        }
        if g == 0 {
            // Before the first title: split at the last separator; the end is its head.
            let last = gap.iter().rposition(|&c| is_sep(c));
            match last {
                Some(p) => {
                    heads[0] = slice(start + p + 1, end);
                    middles[0] =
                        split_top_level(&slice(start, start + p), &['、', ';', '；', '\n']);
                }
                None => heads[0] = gap.iter().collect(),
            }
            continue;
        }
        // Between span g-1 and span g: depth-aware first/last separators.
        let mut depth = 0i32;
        let mut seps = Vec::new();
        for (k, &c) in gap.iter().enumerate() {
            match c {
                '(' | '〔' | '[' => depth += 1,
                ')' | '〕' | ']' => depth = (depth - 1).max(0),
                _ => {}
            }
            if is_sep(c) && (depth == 0 || k + 1 == gap.len()) {
                seps.push(k);
            }
        }
        // One citation per line: when the gap has a line break at the top level, the text
        // up to the first one belongs to the title before, the text after the last one to
        // the title after (so "第二十二条、第三十三条\n【法律】" keeps both articles).
        let breaks: Vec<usize> = seps
            .iter()
            .copied()
            .filter(|&k| gap.get(k) == Some(&'\n'))
            .collect();
        if !breaks.is_empty() {
            seps = breaks;
        }
        // Unbalanced brackets (辽政办发(2014)74号、《…》): fall back to any separator.
        if seps.is_empty() {
            seps = gap
                .iter()
                .enumerate()
                .filter(|(_, c)| is_sep(**c))
                .map(|(k, _)| k)
                .collect();
        }
        match (seps.first(), seps.last()) {
            (Some(&first), Some(&last)) => {
                tails[g - 1] = slice(start, start + first);
                heads[g] = slice(start + last + 1, end);
                if last > first {
                    middles[g] = split_top_level(
                        &slice(start + first + 1, start + last),
                        &['、', ';', '；', '\n'],
                    );
                }
            }
            _ => tails[g - 1] = gap.iter().collect(),
        }
    }
    let mut out = Vec::new();
    let push_middles =
        |out: &mut Vec<Citation<'static>>, tails: &mut Vec<String>, ms: &[String]| {
            for m in ms {
                let t = m.trim();
                if t.is_empty() {
                    continue;
                }
                if looks_like_title(&squeeze_spaces(strip_lead(t))) {
                    if let Some(c) = bare_citation(t) {
                        out.push(c);
                    }
                } else if let Some(last) = out.last_mut() {
                    let prev = last.text.take().map(|x| x.to_string()).unwrap_or_default();
                    last.text = Some(format!("{prev}、{t}").into());
                    for a in find_articles(t) {
                        if !last.articles.iter().any(|x| x.as_str() == a) {
                            last.articles.push(a.into());
                        }
                    }
                } else if let Some(first) = tails.first_mut() {
                    first.push_str(t);
                }
            }
        };
    push_middles(&mut out, &mut tails, &middles[0]);
    for (k, &(a, b)) in spans.iter().enumerate() {
        let inner_end = if chars.get(b) == Some(&'》') {
            b
        } else {
            b + 1
        };
        let inner: String = chars[(a + 1).min(inner_end)..inner_end].iter().collect();
        let title: String = inner.chars().filter(|c| !c.is_whitespace()).collect();
        let raw_span: String = chars[a..=b.min(chars.len() - 1)].iter().collect();
        let head = heads[k].trim().to_owned();
        let tail = tails[k].trim_end().to_owned();
        let kind_tag = head.find('【').and_then(|p| {
            let rest = &head[p..];
            rest.find('】')
                .map(|q| rest[..q + '】'.len_utf8()].to_owned())
        });
        if title.is_empty() {
            continue;
        }
        let doc_no = find_doc_no(&tail);
        let mut c = Citation::titled(title.clone());
        c.kind = kind_tag
            .as_deref()
            .and_then(kind_from_tag)
            .or_else(|| kind_from_citation(&title, doc_no.as_deref()));
        c.articles = find_articles(&tail).into_iter().map(Into::into).collect();
        c.doc_no = doc_no.map(Into::into);
        let head_text = head.trim_start_matches(|ch: char| {
            ch.is_ascii_digit() || matches!(ch, '.' | '、' | ' ') || circled(ch).is_some()
        });
        c.text = Some(
            format!("{head_text}{raw_span}{tail}")
                .trim()
                .to_owned()
                .into(),
        );
        out.push(c);
        push_middles(&mut out, &mut tails, &middles[k + 1]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cn_numbers() {
        assert_eq!(parse_cn_number("二十"), Some(20));
        assert_eq!(parse_cn_number("十"), Some(10));
        assert_eq!(parse_cn_number("十五"), Some(15));
        assert_eq!(parse_cn_number("一百二十"), Some(120));
        assert_eq!(parse_cn_number("七"), Some(7));
        assert_eq!(parse_cn_number("廿"), Some(20));
        assert_eq!(parse_cn_number("二〇二四"), Some(2024));
        assert_eq!(parse_cn_number("级"), None);
    }

    #[test]
    fn glosses() {
        assert_eq!(strip_glosses("鎮(zhèn)級").0, "鎮級");
        assert_eq!(strip_glosses("公開內(nèi)容").0, "公開內容");
        assert_eq!(strip_glosses("條件(a)").0, "條件(a)");
        assert_eq!(strip_glosses("(2019)").0, "(2019)");
    }
}
