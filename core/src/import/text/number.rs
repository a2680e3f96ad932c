//! Chinese numerals and the small scanning helpers the parsers share.

pub(super) fn cn_digit(c: char) -> Option<u32> {
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

pub(super) fn is_cn_numeral(c: char) -> bool {
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
pub(super) fn arabicize(chars: &[char]) -> Vec<char> {
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

pub(super) fn read_number(chars: &[char], i: usize) -> Option<(u32, usize)> {
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

pub(super) fn starts_with(chars: &[char], i: usize, pat: &str) -> bool {
    pat.chars()
        .enumerate()
        .all(|(k, p)| chars.get(i + k) == Some(&p))
}

pub(super) fn contains(chars: &[char], pat: &str) -> bool {
    (0..chars.len()).any(|i| starts_with(chars, i, pat))
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
}
