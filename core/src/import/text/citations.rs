//! 公开依据: a cell into citations (titles, 令号/文号, articles, kind tags).

use super::lists::{circled, split_numbered, split_top_level};
use super::number::is_cn_numeral;
use super::{fold_width, hanzi, is_han, is_punct, squeeze_spaces, strip_glosses};
use crate::model::{Citation, CitationKind};

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

/// A title that lost its opening 《 (`税收征收管理法》、《发票管理办法》`): a 》 that closes nothing
/// gets a 《 where its title starts, after the separator, tag or title before it and the words
/// that introduce a citation (根据, 1.). Returns the text and the positions of the 《 added.
fn restore_openings(chars: &[char]) -> (Vec<char>, Vec<usize>) {
    if !chars.contains(&'》') {
        return (chars.to_vec(), Vec::new());
    }
    let mut out: Vec<char> = Vec::with_capacity(chars.len() + 2);
    let mut added = Vec::new();
    let mut depth = 0usize;
    for &c in chars {
        match c {
            '《' => depth += 1,
            '》' if depth > 0 => depth -= 1,
            '》' => {
                let start = out
                    .iter()
                    .rposition(|&p| {
                        matches!(
                            p,
                            '、' | ';'
                                | '；'
                                | ','
                                | '，'
                                | '\n'
                                | '。'
                                | ':'
                                | '：'
                                | '】'
                                | ']'
                                | '》'
                        )
                    })
                    .map_or(0, |p| p + 1);
                let lead: String = out[start..].iter().collect();
                let title = strip_lead(&lead);
                // `strip_lead` returns a slice of `lead`: where it starts is what it skipped.
                let offset = (title.as_ptr() as usize).saturating_sub(lead.as_ptr() as usize);
                let skipped = lead.get(..offset).map_or(0, |x| x.chars().count());
                if title.chars().count() >= 2 {
                    let at = start + skipped;
                    out.insert(at, '《');
                    added.push(at);
                }
            }
            _ => {}
        }
        out.push(c);
    }
    (out, added)
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
    let (chars, restored) = restore_openings(&plain.chars().collect::<Vec<_>>());
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
        // The wording as written: a restored 《 is not part of it.
        let from = if restored.contains(&a) { a + 1 } else { a };
        let raw_span: String = chars[from.min(b)..=b.min(chars.len() - 1)].iter().collect();
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

    fn titles(text: &str) -> Vec<String> {
        parse_citations(text)
            .iter()
            .map(|c| c.title.to_string())
            .collect()
    }

    /// A title whose opening 《 was lost keeps its title, wherever it stands in the list, and
    /// its wording is kept as written.
    #[test]
    fn a_lost_opening_mark_keeps_the_title() {
        assert_eq!(
            titles("税收征收管理法》、《中华人民共和国发票管理办法》"),
            ["税收征收管理法", "中华人民共和国发票管理办法"]
        );
        assert_eq!(
            titles("《社会救助暂行办法》、最低生活保障审核确认办法》、《特困人员认定办法》"),
            [
                "社会救助暂行办法",
                "最低生活保障审核确认办法",
                "特困人员认定办法"
            ]
        );
        assert_eq!(
            titles("1.根据中华人民共和国城乡规划法》第四十条\n2.《建设工程规划许可管理办法》"),
            ["中华人民共和国城乡规划法", "建设工程规划许可管理办法"]
        );
        assert_eq!(
            titles("【法律】中华人民共和国行政许可法》(主席令第7号)"),
            ["中华人民共和国行政许可法"]
        );
        let c = parse_citations("税收征收管理法》第二十条、《发票管理办法》");
        assert_eq!(c[0].text.as_deref(), Some("税收征收管理法》第二十条"));
        assert_eq!(c[0].articles.len(), 1);
        // A closing mark with nothing before it adds nothing.
        assert_eq!(titles("《城镇燃气管理条例》》"), ["城镇燃气管理条例"]);
    }
}
