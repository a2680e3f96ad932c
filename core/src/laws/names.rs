//! Matching a citation to an instrument: titles normalised (书名号, white space, widths,
//! traditional characters, the 中华人民共和国 prefix, a trailing note) and document numbers read as
//! numbers (令第N号, 第N号令, Chinese numerals, 〔年〕号).

/// A document number reduced to what identifies it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum DocKey {
    /// `…令第N号` / `…第N号令`: the organ before 令 (may be empty) and N.
    Decree { org: String, number: u32 },
    /// `X〔YYYY〕N号`: prefix X (may be empty), year and N.
    Bracket {
        prefix: String,
        year: u32,
        number: u32,
    },
}

impl DocKey {
    /// Same number within one instrument (the organ is spelt in many ways).
    pub(super) fn same_number(&self, other: &DocKey) -> bool {
        match (self, other) {
            (DocKey::Decree { number: a, .. }, DocKey::Decree { number: b, .. }) => a == b,
            (
                DocKey::Bracket {
                    prefix: p,
                    year: y,
                    number: n,
                },
                DocKey::Bracket {
                    prefix: q,
                    year: z,
                    number: m,
                },
            ) => y == z && n == m && (p.is_empty() || q.is_empty() || p == q),
            _ => false,
        }
    }
}

/// Normalises a title for lookup (see the module documentation).
pub fn normalize_title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = half_width(c);
        if c.is_whitespace()
            || matches!(
                c,
                '《' | '》'
                    | '〈'
                    | '〉'
                    | '<'
                    | '>'
                    | '“'
                    | '”'
                    | '"'
                    | '\''
                    | '‘'
                    | '’'
                    | '「'
                    | '」'
                    | '『'
                    | '』'
                    | '\u{200b}'
                    | '\u{feff}'
            )
        {
            continue;
        }
        out.push(crate::import::hanzi::simplify_char(c));
    }
    loop {
        let before = out.len();
        let trimmed = out.trim_end_matches(['。', '；', ';', '，', ',', '、', '.', ':', '：']);
        out.truncate(trimmed.len());
        strip_trailing_note(&mut out);
        if out.len() == before {
            break;
        }
    }
    match out.strip_prefix("中华人民共和国") {
        Some(rest) if !rest.is_empty() => rest.to_owned(),
        _ => out,
    }
}

/// Removes a trailing `(…)` / `[…]` / `〔…〕` / `【…】` that holds a document number or a revision.
pub(super) fn strip_trailing_note(s: &mut String) {
    let Some(close) = s.chars().last() else {
        return;
    };
    let open = match close {
        ')' => '(',
        ']' => '[',
        '〕' => '〔',
        '】' => '【',
        _ => return,
    };
    let body_end = s.len() - close.len_utf8();
    let Some(start) = s[..body_end].rfind(open) else {
        return;
    };
    let inner = &s[start + open.len_utf8()..body_end];
    let note = ["令", "号", "修订", "修正", "年", "版", "试行"]
        .iter()
        .any(|w| inner.contains(w));
    if note && start > 0 {
        s.truncate(start);
    }
}

/// Full-width ASCII (U+FF01–U+FF5E) to half width; the ideographic space to a space.
pub(super) fn half_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// The characters that read as 号 (after [`half_width`] and the traditional-to-simplified
/// table): every document number ends with one, so a text without any has none.
const HAO: [char; 2] = ['号', '號'];

/// The document numbers in a text.
pub(super) fn doc_keys(s: &str) -> Vec<DocKey> {
    if !s.contains(HAO) {
        return Vec::new();
    }
    let chars: Vec<char> = s
        .chars()
        .map(|c| crate::import::hanzi::simplify_char(half_width(c)))
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '令' {
            // 令第N号 / 令N号
            let mut j = i + 1;
            if chars.get(j) == Some(&'第') {
                j += 1;
            }
            if let Some((n, end)) = number_at(&chars, j) {
                if chars.get(end) == Some(&'号') {
                    out.push(DocKey::Decree {
                        org: organ_before(&chars, i),
                        number: n,
                    });
                    i = end + 1;
                    continue;
                }
            }
        } else if c == '第' {
            // 第N号令
            if let Some((n, end)) = number_at(&chars, i + 1) {
                if chars.get(end) == Some(&'号') && chars.get(end + 1) == Some(&'令') {
                    out.push(DocKey::Decree {
                        org: organ_before(&chars, i),
                        number: n,
                    });
                    i = end + 2;
                    continue;
                }
            }
        } else if let Some(close) = closing(c) {
            // X〔YYYY〕N号
            let digits: String = chars
                .iter()
                .skip(i + 1)
                .take_while(|c| c.is_ascii_digit())
                .collect();
            let after = i + 1 + digits.len();
            if digits.len() == 4 && chars.get(after) == Some(&close) {
                if let Some((n, end)) = number_at(&chars, after + 1) {
                    if chars.get(end) == Some(&'号') {
                        let year = digits.parse().unwrap_or(0);
                        out.push(DocKey::Bracket {
                            prefix: organ_before(&chars, i),
                            year,
                            number: n,
                        });
                        i = end + 1;
                        continue;
                    }
                }
            }
        }
        i += 1;
    }
    out
}

pub(super) fn closing(open: char) -> Option<char> {
    match open {
        '〔' => Some('〕'),
        '[' => Some(']'),
        '(' => Some(')'),
        '【' => Some('】'),
        '〖' => Some('〗'),
        _ => None,
    }
}

/// The CJK characters just before position `i` (at most 12), without a leading 中华人民共和国
/// and a trailing 第.
pub(super) fn organ_before(chars: &[char], i: usize) -> String {
    let start = chars[..i]
        .iter()
        .rposition(|c| !is_cjk(*c))
        .map_or(0, |p| p + 1)
        .max(i.saturating_sub(12));
    let s: String = chars[start..i].iter().collect();
    let s = s.trim_end_matches('第');
    let s = s.rsplit("中华人民共和国").next().unwrap_or(s);
    s.to_owned()
}

pub(super) fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF)
}

/// A number in ASCII digits or Chinese numerals at position `i`: (value, end position).
pub(super) fn number_at(chars: &[char], i: usize) -> Option<(u32, usize)> {
    let digits: String = chars
        .iter()
        .skip(i)
        .take_while(|c| c.is_ascii_digit())
        .collect();
    if !digits.is_empty() {
        return digits.parse().ok().map(|n| (n, i + digits.len()));
    }
    let run: Vec<char> = chars
        .iter()
        .skip(i)
        .take_while(|c| "零〇一二两三四五六七八九十百千".contains(**c))
        .copied()
        .collect();
    chinese_number(&run).map(|n| (n, i + run.len()))
}

/// 四百九十二 → 492, 七百一十一 → 711, 十二 → 12, 一〇二 → 102 (below 10 000).
pub(super) fn chinese_number(run: &[char]) -> Option<u32> {
    if run.is_empty() {
        return None;
    }
    let digit = |c: char| "零一二三四五六七八九".find(c).map(|b| (b / 3) as u32);
    let digit = |c: char| match c {
        '〇' => Some(0),
        '两' => Some(2),
        c => digit(c),
    };
    if run.iter().all(|c| digit(*c).is_some()) {
        // Digit by digit: 一〇二.
        return run
            .iter()
            .try_fold(0u32, |acc, c| acc.checked_mul(10)?.checked_add(digit(*c)?));
    }
    let (mut total, mut pending) = (0u32, None::<u32>);
    for c in run {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                pending = Some(digit(*c)?);
                continue;
            }
        };
        total += pending.take().unwrap_or(1) * unit;
    }
    Some(total + pending.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_hao_characters_read_as_hao() {
        let hao: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| crate::import::hanzi::simplify_char(half_width(c)) == '号')
            .collect();
        assert_eq!(hao, HAO.to_vec());
        assert!(doc_keys("城镇燃气管理条例").is_empty());
        assert_eq!(doc_keys("国务院令第583號").len(), 1);
        assert_eq!(doc_keys("建办厅〔2019〕71号").len(), 1);
    }
}
