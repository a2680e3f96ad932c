//! Masking of personal data in published output and reports (off by default;
//! [`crate::export::HtmlOptions::mask`], [`crate::Options::mask_values`]).
//!
//! Deliberately simple and predictable (issue 8 extends it):
//!
//! 1. In every text: each run of 6 or more digits (ASCII `0-9` or full-width `０-９`) becomes
//!    the same number of `＊` (phone, ID card, bank account numbers); an `X`/`x` right after a
//!    run of 17 digits (the check character of an 18-character ID number) is masked too.
//!    Shorter numbers (article numbers, 令号, days, years) are kept.
//! 2. In `audience_note` and `notes` only: after one of the labels [`NAME_LABELS`] followed by
//!    `：` or `:` (spaces allowed around it), the next 2–4 Chinese characters (a personal name;
//!    up to 12 when it contains the separator `·`, which is kept) become `＊` each:
//!    `联系人：张三` → `联系人：＊＊`, `户主：阿依·买买提` → `户主：＊＊·＊＊＊`.

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
            while chars.get(j).is_some_and(|c| *c == ' ' || *c == '\u{3000}') {
                j += 1;
            }
            if !chars.get(j).is_some_and(|c| *c == '：' || *c == ':') {
                continue;
            }
            j += 1;
            while chars.get(j).is_some_and(|c| *c == ' ' || *c == '\u{3000}') {
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

/// Applies rule 1, and rule 2 when `names` (for `audience_note` and `notes`).
pub fn mask_text(text: &str, names: bool) -> String {
    let digits = mask_digits(text);
    if names { mask_names(&digits) } else { digits }
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
            mask_text("经办人：李四 13800138000", true),
            "经办人：＊＊ ＊＊＊＊＊＊＊＊＊＊＊"
        );
        assert_eq!(mask_text("联系人：张三", false), "联系人：张三");
    }
}
