//! Column roles read from the values when the header does not say them: a column whose cells
//! are all 公开对象 words (全社会, 特定群体, 申请人 …) is the audience column, whatever its header
//! (公开范围, 适用对象, a header lost in the source). Only columns the header left outside the
//! standard layout are considered, and only when the table has no audience column with data.

use super::grid::Grid;
use super::header::{Layout, Role};
use super::text::match_key;
use crate::codes;
use crate::issue::Finding;
use crate::model::Audience;
use crate::report::Location;

/// A 公开对象 word, strictly (the words a catalogue writes in its audience column; not any text
/// that mentions 社会).
pub(crate) fn audience_word(word: &str) -> Option<Audience> {
    let k = match_key(word);
    // 特定群体(申请人): the parenthesis names the group.
    let k = k.split(['(', '（']).next().unwrap_or_default();
    let k = k
        .strip_prefix("面向")
        .or_else(|| k.strip_prefix("向"))
        .unwrap_or(k);
    let k = k.strip_suffix("公开").unwrap_or(k);
    match k {
        "全社会"
        | "社会"
        | "社会公众"
        | "公众"
        | "全体"
        | "全体公众"
        | "全体社会成员"
        | "不特定对象"
        | "不特定公众"
        | "所有人"
        | "公民"
        | "法人"
        | "其他组织"
        | "公民法人和其他组织" => Some(Audience::Public),
        "申请人" | "当事人" | "相关当事人" | "利害关系人" | "行政相对人" | "相对人" | "本人"
        | "申请人本人" | "服务对象" => Some(Audience::SpecificGroups),
        _ if k.starts_with("特定") && k.chars().count() <= 6 => Some(Audience::SpecificGroups),
        _ => None,
    }
}

/// Whether every word of a cell is a 公开对象 word.
fn audience_cell(text: &str) -> bool {
    // 公民、法人或者其他组织: the connectives separate words too.
    let text = text.replace("或者", "、").replace('或', "、");
    let words: Vec<&str> = text
        .split(['、', ',', '，', ';', '；', '/', ' ', '\n', '和', '及'])
        .filter(|w| !w.trim().is_empty())
        .collect();
    !words.is_empty() && words.iter().all(|w| audience_word(w).is_some())
}

/// Makes the column whose values are audience words the audience column, when the table has
/// none with data; returns the finding that says so.
pub(crate) fn audience_column(grid: &Grid, layout: &mut Layout) -> Option<Finding> {
    let start = layout.data_start();
    let filled = |c: usize| (start..grid.rows.len()).any(|r| !grid.shown(r, c).trim().is_empty());
    let has_audience = layout
        .columns
        .iter()
        .any(|c| matches!(c.role, Role::AudienceText | Role::AudienceTick(_)) && filled(c.index));
    if has_audience {
        return None;
    }
    let mut best: Option<(usize, usize, usize)> = None; // (column position, audience cells, cells)
    for (k, col) in layout.columns.iter().enumerate() {
        // 公开范围 is a scope note (1.1) unless its values are audience words.
        if !matches!(col.role, Role::Extra(_) | Role::ScopeNote) {
            continue;
        }
        let values: Vec<&str> = (start..grid.rows.len())
            .filter(|&r| !layout.repeats_header(grid, r))
            .map(|r| grid.shown(r, col.index).trim())
            .filter(|t| !t.is_empty())
            .collect();
        let hits = values.iter().filter(|v| audience_cell(v)).count();
        // Nearly all of its values (a stray note aside), and at least one.
        if hits == 0 || hits * 10 < values.len() * 9 {
            continue;
        }
        if best.is_none_or(|(_, h, n)| hits * n > h * values.len()) {
            best = Some((k, hits, values.len()));
        }
    }
    let (k, _, _) = best?;
    let col = &mut layout.columns[k];
    let header = col.display().to_owned();
    let index = col.index;
    col.role = Role::AudienceText;
    let group = col.group.clone().filter(|_| col.header.is_empty());
    // A blank header after a group heading was taken for a column of that group (a merged
    // heading in a CSV); with this column gone, the one left of the group is the heading's own.
    if let Some(g) = group {
        let rest: Vec<usize> = (0..layout.columns.len())
            .filter(|&i| i != k && layout.columns[i].group.as_deref() == Some(g.as_str()))
            .collect();
        if let ([only], Some(role)) = (rest.as_slice(), heading_role(&g)) {
            let other = &mut layout.columns[*only];
            if matches!(other.role, Role::Extra(_) | Role::Empty) && other.header.is_empty() {
                other.role = role;
            }
        }
    }
    let loc = Location {
        sheet: grid.sheet.clone(),
        row: grid.row_number(layout.header_rows.last().copied().unwrap_or(0)),
        column: Some(Location::column_letter(index)),
        header: Some(header.clone()).filter(|h| !h.is_empty()),
    };
    Some(
        Finding::new(
            codes::import::AUDIENCE_BY_VALUES,
            "/items",
            None,
            &[
                ("column", Location::column_letter(index)),
                ("header", header),
            ],
        )
        .at(&loc),
    )
}

/// The role of a group heading standing over a single column.
fn heading_role(heading: &str) -> Option<Role> {
    let k = match_key(heading);
    Some(if k.contains("渠道") || k.contains("载体") {
        Role::Channels
    } else if k.contains("对象") {
        Role::AudienceText
    } else if k.contains("方式") {
        Role::MethodText
    } else if k.contains("层级") {
        Role::LevelText
    } else if k.contains("事项") {
        Role::Name
    } else {
        return None;
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audience_words_are_strict() {
        assert_eq!(audience_word("全社会"), Some(Audience::Public));
        assert_eq!(audience_word("面向社会公开"), Some(Audience::Public));
        assert_eq!(audience_word("不特定对象"), Some(Audience::Public));
        assert_eq!(audience_word("特定群体"), Some(Audience::SpecificGroups));
        assert_eq!(
            audience_word("特定群体（申请人）"),
            Some(Audience::SpecificGroups)
        );
        assert_eq!(audience_word("申请人"), Some(Audience::SpecificGroups));
        // Text that only mentions 社会 is not an audience.
        assert_eq!(audience_word("社会保险"), None);
        assert_eq!(audience_word("社会救助"), None);
        assert_eq!(audience_word("特定群体以外的内容不予公开"), None);
        assert!(audience_cell("全社会、特定群体"));
        assert!(audience_cell("全社会/申请人"));
        assert!(audience_cell("公民、法人或者其他组织"));
        assert!(!audience_cell("全社会、社会保险"));
        assert!(!audience_cell(""));
    }
}
