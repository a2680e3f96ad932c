//! Markdown export: the metadata as a list, then one GitHub-flavoured table.

use super::cells;
use super::layout::{Column, Layout, LevelColumns};
use crate::model::Catalogue;

/// Escapes text for Markdown (CommonMark + GitHub extensions), inside a table cell or a
/// paragraph, so that nothing in it becomes markup, HTML or a link:
///
/// - `&`, `<`, `>` become `&amp;`, `&lt;`, `&gt;` (no HTML tag, no `<…>` autolink, and an
///   entity written in the data such as `&lt;` shows as written);
/// - the inline syntax characters `` \ ` * _ [ ] | ~ `` get a backslash, and so do `:` and `@`
///   (which break `http://`, `javascript:` and e-mail autolinks) and the `.` of `www.`;
/// - a line that starts with block syntax (`#`, `+`, `-`, `=`, `!`, or digits followed by `.`
///   or `)`) has that character escaped;
/// - line breaks (LF, CR LF, CR, and the separators U+2028 and U+2029) become `<br>`, so a
///   cell stays on one line; other control characters become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // U+2028 and U+2029 are line breaks to some renderers: a table row would end there.
    let normalised = text
        .replace("\r\n", "\n")
        .replace(['\r', '\u{2028}', '\u{2029}'], "\n");
    for (n, line) in normalised.split('\n').enumerate() {
        if n > 0 {
            out.push_str("<br>");
        }
        escape_line(line, &mut out);
    }
    out
}

fn escape_line(line: &str, out: &mut String) {
    let chars: Vec<char> = line.chars().collect();
    // Position of the block-syntax character to escape at the start of the line, if any.
    let lead = chars.iter().position(|c| *c != ' ' && *c != '\t');
    let block_at = lead.and_then(|p| match chars.get(p) {
        Some('#' | '+' | '-' | '=' | '!') => Some(p),
        Some(c) if c.is_ascii_digit() => {
            let q = chars
                .iter()
                .skip(p)
                .position(|c| !c.is_ascii_digit())
                .map(|k| p + k)?;
            matches!(chars.get(q), Some('.' | ')')).then_some(q)
        }
        _ => None,
    });
    for (i, c) in chars.iter().enumerate() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | ':' | '@' => {
                out.push('\\');
                out.push(*c);
            }
            '.' if i >= 3
                && chars
                    .get(i - 3..i)
                    .is_some_and(|w| w.iter().all(|c| c.eq_ignore_ascii_case(&'w'))) =>
            {
                out.push_str("\\.");
            }
            c if Some(i) == block_at => {
                out.push('\\');
                out.push(*c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(*c),
        }
    }
}

/// The text a Markdown cell shows for a column.
fn cell(column: &Column, item: &crate::model::Item<'_>) -> String {
    match column {
        Column::Channels => cells::chosen_channels(item).join("、"),
        _ => column.cell(item),
    }
}

/// Writes the catalogue as Markdown: a `#` heading with the title, the metadata as a list,
/// then a GitHub-flavoured table with one header row (the sub-headers: 一级事项, 全社会, 县级 …,
/// all four 公开层级 columns). Channels list the chosen ones only (`政府网站、政务服务中心、其他：…`);
/// ticks are `√`; line breaks inside a cell are `<br>`. Every text is escaped ([`escape`]).
pub fn to_markdown(cat: &Catalogue<'_>) -> String {
    let layout = Layout::new(cat, LevelColumns::All);
    let mut out = String::new();
    out.push_str("# ");
    out.push_str(&escape(&cat.title));
    out.push_str("\n\n");
    for (label, value) in super::display_metadata(cat) {
        out.push_str(&format!("- {label}：{}\n", escape(&value)));
    }
    out.push('\n');
    let row = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&row(layout
        .columns
        .iter()
        .map(|c| escape(&c.label()))
        .collect()));
    out.push_str(&row(layout
        .columns
        .iter()
        .map(|c| if c.is_tick() { ":-:" } else { "---" }.to_owned())
        .collect()));
    for item in &cat.items {
        out.push_str(&row(layout
            .columns
            .iter()
            .map(|c| escape(&cell(c, item)))
            .collect()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("a\\b"), "a\\\\b");
        assert_eq!(escape("x\ny"), "x<br>y");
        assert_eq!(escape("<b>&lt;"), "&lt;b&gt;&amp;lt;");
        assert_eq!(escape("# h"), "\\# h");
        assert_eq!(escape("1. a"), "1\\. a");
        assert_eq!(escape("- a"), "\\- a");
        assert_eq!(
            escape("[x](javascript:alert(1))"),
            "\\[x\\](javascript\\:alert(1))"
        );
        assert_eq!(escape("www.x.cn"), "www\\.x.cn");
        assert_eq!(escape("申请条件、申请材料"), "申请条件、申请材料");
    }
}
