//! 公开内容: a cell into its elements (numbered lists, 、；; separated lists).

use super::number::{is_cn_numeral, parse_cn_number, read_number};
use super::{fold_width, fold_width_alnum, is_han, squeeze_spaces, strip_glosses};

pub(super) fn circled(c: char) -> Option<u32> {
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
pub(super) fn split_numbered(text: &str) -> Option<Vec<String>> {
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

pub(super) fn split_top_level(text: &str, seps: &[char]) -> Vec<String> {
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
/// inside 《》 and brackets do not split. Each element is normalised like [`normalize_cell`](super::normalize_cell).
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
