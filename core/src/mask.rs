//! The one masking module: every output that offers masking (validation reports, import
//! findings, every export format, annotate's notes, the demo page) masks through [`mask`] (one
//! text) or [`mask_catalogue`] (every value of a catalogue). Off by default
//! ([`crate::Options::mask_values`], [`crate::export::HtmlOptions::mask`], `--mask`).
//!
//! Deliberately simple and predictable. What it masks, in every text:
//!
//! 1. Each run of 6 or more digits (ASCII `0-9` or full-width `０-９`) becomes the same number
//!    of `＊` (phone, ID card, bank account numbers); an `X`/`x` right after a run of 17 digits
//!    (the check character of an 18-character ID number) is masked too. Shorter numbers
//!    (article numbers, 令号, days, years) are kept.
//! 2. Digits written in groups: groups of digits joined by one `-`, space or `.` (an optional
//!    `+` in front), 10 digits or more in all, have every digit masked, the separators kept:
//!    `138-0013-8000`, `+86 138 0013 8000`, `0391 8888 888`. Dates (8 digits) are kept.
//! 3. E-mail addresses: the part before `@` becomes `＊` (`＊＊＊＊@example.gov.cn`).
//! 4. Personal names after one of the labels [`NAME_LABELS`], then optionally a remark in
//!    brackets (`联系人（科长）`), then `：` or `:`; spaces and zero-width characters are
//!    allowed around the colon. The next 2–4 Chinese characters (up to 12 with the separator
//!    `·`, which is kept) become `＊` each: `联系人：张三` → `联系人：＊＊`,
//!    `户主：阿依·买买提` → `户主：＊＊·＊＊＊`.
//!
//! Not masked: a name without one of those labels, an address, a number with fewer than 6
//! digits (or fewer than 10 in groups); codes, paths, locations and counts of a report.

use crate::model::Catalogue;
use serde::Deserialize;

/// The replacement character.
pub const MASK: char = '＊';

/// Labels after which a personal name is masked in `audience_note` and `notes`.
pub const NAME_LABELS: &[&str] = &[
    "姓名",
    "联系人",
    "申请人",
    "户主",
    "负责人",
    "经办人",
    "监护人",
    "当事人",
];

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Spaces and zero-width characters allowed around a label's colon.
fn is_gap(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{3000}'
            | '\u{a0}'
            | '\u{200b}'
            | '\u{200c}'
            | '\u{200d}'
            | '\u{2060}'
            | '\u{feff}'
    )
}

fn is_han(c: char) -> bool {
    ('\u{3400}'..='\u{9FFF}').contains(&c) || ('\u{20000}'..='\u{2FFFF}').contains(&c)
}

/// Rule 1: long digit runs.
pub fn mask_digits(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if is_digit(c) {
            let start = i;
            while chars.get(i).copied().is_some_and(is_digit) {
                i += 1;
            }
            let run = i - start;
            if run >= 6 {
                out.extend(std::iter::repeat_n(MASK, run));
                if run == 17 && chars.get(i).is_some_and(|c| matches!(c, 'X' | 'x')) {
                    out.push(MASK);
                    i += 1;
                }
            } else {
                out.extend(chars.get(start..i).unwrap_or_default());
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Rule 2: names after a label.
pub fn mask_names(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    'outer: while i < chars.len() {
        for label in NAME_LABELS {
            let lc: Vec<char> = label.chars().collect();
            if chars.get(i..i + lc.len()) != Some(lc.as_slice()) {
                continue;
            }
            let mut j = i + lc.len();
            // A remark in brackets after the label: 联系人（科长）：.
            if let Some(close) = match chars.get(j) {
                Some('（') => Some('）'),
                Some('(') => Some(')'),
                _ => None,
            } {
                let end = chars
                    .get(j + 1..)
                    .unwrap_or_default()
                    .iter()
                    .take(16)
                    .position(|c| *c == close);
                match end {
                    Some(k) => j += k + 2,
                    None => continue,
                }
            }
            while chars.get(j).copied().is_some_and(is_gap) {
                j += 1;
            }
            if !chars.get(j).is_some_and(|c| *c == '：' || *c == ':') {
                continue;
            }
            j += 1;
            while chars.get(j).copied().is_some_and(is_gap) {
                j += 1;
            }
            let start = j;
            let (mut han, mut dotted) = (0, false);
            while let Some(&c) = chars.get(j) {
                if c == '·' && han > 0 {
                    dotted = true;
                } else if !is_han(c) || han >= if dotted { 12 } else { 4 } {
                    break;
                } else {
                    han += 1;
                }
                j += 1;
            }
            if han >= 2 {
                out.extend(chars.get(i..start).unwrap_or_default());
                for c in chars.get(start..j).unwrap_or_default() {
                    out.push(if *c == '·' { '·' } else { MASK });
                }
                i = j;
                continue 'outer;
            }
        }
        if let Some(c) = chars.get(i) {
            out.push(*c);
        }
        i += 1;
    }
    out
}

/// Rule 2: digits written in groups (`138-0013-8000`, `+86 138 0013 8000`).
pub fn mask_grouped_digits(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<char> = chars.clone();
    let mut i = 0;
    while i < chars.len() {
        if !is_digit(chars[i]) || (i > 0 && is_digit(chars[i - 1])) {
            i += 1;
            continue;
        }
        // A run of digit groups from i: digits, then (one separator, digits)*.
        let (mut j, mut digits, mut groups) = (i, 0usize, 0usize);
        loop {
            let start = j;
            while chars.get(j).copied().is_some_and(is_digit) {
                j += 1;
            }
            digits += j - start;
            groups += 1;
            let sep = chars.get(j).is_some_and(|c| matches!(c, '-' | ' ' | '.'));
            if sep && chars.get(j + 1).copied().is_some_and(is_digit) {
                j += 1;
            } else {
                break;
            }
        }
        if groups > 1 && digits >= 10 {
            for c in out.get_mut(i..j).unwrap_or_default() {
                if is_digit(*c) {
                    *c = MASK;
                }
            }
        }
        i = j.max(i + 1);
    }
    out.into_iter().collect()
}

/// Rule 3: the part of an e-mail address before `@`.
pub fn mask_emails(text: &str) -> String {
    if !text.contains('@') {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = chars.clone();
    let local = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
    for (at, _) in chars.iter().enumerate().filter(|(_, c)| **c == '@') {
        let domain_ok = chars
            .get(at + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
            .any(|c| *c == '.');
        if !domain_ok {
            continue;
        }
        let mut k = at;
        while k > 0 && chars.get(k - 1).copied().is_some_and(local) {
            k -= 1;
        }
        for c in out.get_mut(k..at).unwrap_or_default() {
            *c = MASK;
        }
    }
    out.into_iter().collect()
}

/// Masks one text by every rule (see the module's documentation). The one masking function:
/// reports, exports, notes and the bindings all call it.
pub fn mask(text: &str) -> String {
    mask_names(&mask_emails(&mask_digits(&mask_grouped_digits(text))))
}

/// Whether the value under `key` is kept as written: a real date (`issued`, `updated`,
/// `next_review`, a revision's `date`) or a region's 6-digit administrative division code
/// (`code`, public by GB/T 2260). Anything else under those keys (a phone number typed into the
/// date cell) is masked like any other text.
fn kept(key: Option<&str>, s: &str) -> bool {
    match key {
        Some("issued" | "updated" | "next_review" | "date") => crate::date::is_real_date(s),
        Some("code") => s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()),
        _ => false,
    }
}

fn mask_value(v: &mut serde_json::Value, key: Option<&str>) {
    match v {
        serde_json::Value::String(s) if !kept(key, s) => *s = mask(s),
        serde_json::Value::Array(a) => a.iter_mut().for_each(|x| mask_value(x, key)),
        serde_json::Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                mask_value(x, Some(k));
            }
        }
        _ => {}
    }
}

/// A copy of the catalogue with every text value masked by [`mask`] (header, region, items and
/// their citations, channels, extra columns), except real dates and a region's 6-digit
/// division code; the names of extra columns are kept. Every export format masks through it.
pub fn mask_catalogue(cat: &Catalogue<'_>) -> Catalogue<'static> {
    let Ok(mut v) = serde_json::to_value(cat) else {
        return cat.clone().into_owned();
    };
    mask_value(&mut v, None);
    Catalogue::deserialize(&v).map_or_else(|_| cat.clone().into_owned(), Catalogue::into_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits() {
        assert_eq!(mask_digits("电话13800138000"), "电话＊＊＊＊＊＊＊＊＊＊＊");
        assert_eq!(
            mask_digits("身份证11010519491231002X号"),
            "身份证＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊号"
        );
        assert_eq!(
            mask_digits("国务院令第583号，20个工作日"),
            "国务院令第583号，20个工作日"
        );
        assert_eq!(mask_digits("１２３４５６"), "＊＊＊＊＊＊");
        assert_eq!(mask_digits("12345"), "12345");
        assert_eq!(mask_digits(""), "");
    }

    #[test]
    fn names() {
        assert_eq!(mask_names("联系人：张三，电话"), "联系人：＊＊，电话");
        assert_eq!(mask_names("申请人: 欧阳娜娜娜"), "申请人: ＊＊＊＊娜");
        assert_eq!(mask_names("户主：阿依·买买提"), "户主：＊＊·＊＊＊");
        assert_eq!(mask_names("联系人：A"), "联系人：A");
        assert_eq!(mask_names("申请人"), "申请人");
        assert_eq!(
            mask("经办人：李四 13800138000"),
            "经办人：＊＊ ＊＊＊＊＊＊＊＊＊＊＊"
        );
    }

    #[test]
    fn issue_17_shapes() {
        for (input, expected) in [
            ("电话138-0013-8000。", "电话＊＊＊-＊＊＊＊-＊＊＊＊。"),
            ("+86 138 0013 8000", "+＊＊ ＊＊＊ ＊＊＊＊ ＊＊＊＊"),
            ("０３９１-８８８８８８８", "＊＊＊＊-＊＊＊＊＊＊＊"),
            (
                "邮箱 zhang.san@example.gov.cn",
                "邮箱 ＊＊＊＊＊＊＊＊＊@example.gov.cn",
            ),
            ("联系人（科长）：张三", "联系人（科长）：＊＊"),
            ("联系人(科长): 张三", "联系人(科长): ＊＊"),
            ("联系人：\u{200b}张三", "联系人：\u{200b}＊＊"),
            ("联系人\u{200b}：张三", "联系人\u{200b}：＊＊"),
            // Kept: dates, short numbers, an @ without a domain, a bracket that never closes.
            ("2024-03-01 至 2024-03-05", "2024-03-01 至 2024-03-05"),
            ("第 12 条 3 款", "第 12 条 3 款"),
            ("@某县", "@某县"),
            ("联系人（科长：张三", "联系人（科长：张三"),
        ] {
            assert_eq!(mask(input), expected, "{input}");
        }
    }

    #[test]
    fn catalogue_keeps_only_real_dates_and_division_codes() {
        let mut v = serde_json::json!({"issued": "2024-03-01", "updated": "13800138000",
            "region": {"name": "武陟县", "code": "410823"}, "x": {"code": "13800138000"}});
        mask_value(&mut v, None);
        assert_eq!(v["issued"], "2024-03-01");
        assert_eq!(v["updated"], "＊＊＊＊＊＊＊＊＊＊＊");
        assert_eq!(v["region"]["code"], "410823");
        assert_eq!(v["x"]["code"], "＊＊＊＊＊＊＊＊＊＊＊");
    }
}
