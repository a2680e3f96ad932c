//! The tick groups 公开对象/公开方式/公开层级: a cell's mark, a group's values, and which groups
//! a whole table leaves blank.

use super::{Raw, Reader, push_unique};
use crate::codes;
use crate::import::channels::{ChannelName, channel_name};
use crate::import::grid::Grid;
use crate::import::header::{self, Layout, Role, audience_of, levels_of_label};
use crate::import::text::{match_key, normalize_cell};
use crate::issue::Finding;
use crate::model::{Audience, Item, Level, Method};

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Mark {
    Blank,
    Yes,
    No,
    /// Levels named in the cell (县级 written in a 州级县级 column).
    Levels(Vec<Level>),
    /// A word that is a yes with a note (申请人 in the 特定群体 column).
    YesNote(String),
    Unclear(String),
}

pub(super) fn read_mark(raw: &str, role: &Role) -> Mark {
    match raw.trim() {
        "" => return Mark::Blank,
        "√" | "✓" | "✔" | "●" | "■" | "☑" => return Mark::Yes,
        _ => {}
    }
    let k = match_key(raw);
    let k = k.trim_matches(|c: char| matches!(c, '.' | '。' | ',' | '，' | ';' | '；' | ' '));
    if k.is_empty() {
        return Mark::Blank;
    }
    let all = |set: &[char]| k.chars().all(|c| set.contains(&c));
    if all(&['√', '✓', '✔', '●', '■', '☑', '☒', '✅', '▇', '◆', '★']) {
        return Mark::Yes;
    }
    if matches!(
        k,
        "v" | "V" | "Y" | "y" | "是" | "有" | "对" | "yes" | "Yes" | "YES"
    ) {
        return Mark::Yes;
    }
    if all(&['×', '✗', '✘', '╳', '□', '☐', '-', '—', '/', '\\'])
        || matches!(
            k,
            "x" | "X" | "否" | "无" | "不" | "N" | "n" | "no" | "No" | "NO"
        )
    {
        return Mark::No;
    }
    match role {
        Role::AudienceTick(a) => match audience_of(k) {
            // A named group under 特定群体 (申请人, 当事人…) is kept as the note it is.
            Some(Audience::SpecificGroups)
                if *a == Audience::SpecificGroups
                    && !k.contains("特定")
                    && k.chars().count() <= 30 =>
            {
                Mark::YesNote(normalize_cell(raw))
            }
            Some(x) if x == *a => Mark::Yes,
            _ if *a == Audience::SpecificGroups && k.chars().count() <= 30 => {
                Mark::YesNote(normalize_cell(raw))
            }
            _ => Mark::Unclear(normalize_cell(raw)),
        },
        Role::MethodTick(m) => match header::method_of(k) {
            Some(x) if x == *m => Mark::Yes,
            _ => Mark::Unclear(normalize_cell(raw)),
        },
        Role::LevelTick(_) => {
            let l = levels_of_label(k);
            if !l.is_empty() && k.chars().count() <= 12 {
                Mark::Levels(l)
            } else {
                Mark::Unclear(normalize_cell(raw))
            }
        }
        Role::ChannelTick(Some(ch)) => match channel_name(k) {
            ChannelName::Standard(x) if x == *ch => Mark::Yes,
            _ => Mark::Unclear(normalize_cell(raw)),
        },
        Role::ChannelTick(None) => Mark::YesNote(normalize_cell(raw)),
        _ => Mark::Unclear(normalize_cell(raw)),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum GroupKind {
    Audience,
    Method,
    Levels,
}

pub(super) fn group_kind(role: &Role) -> Option<GroupKind> {
    match role {
        Role::AudienceTick(_) | Role::AudienceText => Some(GroupKind::Audience),
        Role::MethodTick(_) | Role::MethodText => Some(GroupKind::Method),
        Role::LevelTick(_) | Role::LevelText => Some(GroupKind::Levels),
        _ => None,
    }
}

pub(super) fn group_field(g: GroupKind) -> &'static str {
    match g {
        GroupKind::Audience => "audience",
        GroupKind::Method => "method",
        GroupKind::Levels => "levels",
    }
}

pub(super) fn group_zh(g: GroupKind) -> &'static str {
    match g {
        GroupKind::Audience => "公开对象",
        GroupKind::Method => "公开方式",
        GroupKind::Levels => "公开层级",
    }
}

#[derive(Default)]
pub(super) struct GroupResult {
    pub(super) audience: Vec<Audience>,
    pub(super) method: Vec<Method>,
    pub(super) levels: Vec<Level>,
    pub(super) note: Option<String>,
}

impl Reader {
    pub(super) fn mark_unclear(
        &mut self,
        path: &str,
        field: &str,
        header: &str,
        value: &str,
        id: &str,
    ) {
        self.findings.push(Finding::new(
            codes::import::MARK_UNCLEAR,
            format!("{path}/{field}"),
            Some(id),
            &[
                ("header", header.to_owned()),
                ("value", crate::excerpt(value, 60)),
            ],
        ));
    }

    /// Reads a 公开对象/方式/层级 group. `Err(None)`: no mark at all (unknown);
    /// `Err(Some(text))`: only text that is not a mark (kept in notes).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn read_group(
        &mut self,
        grid: &Grid,
        layout: &Layout,
        raw: &Raw,
        ks: &[usize],
        g: GroupKind,
        path: &str,
        item: &Item<'_>,
    ) -> Result<GroupResult, Option<String>> {
        let cols = &layout.columns;
        let field = group_field(g);
        let mut res = GroupResult::default();
        let mut any_mark = false;
        let mut unclear: Vec<String> = Vec::new();
        let group_cols: Vec<usize> = ks.iter().map(|&k| cols[k].index).collect();
        for &k in ks {
            let col = &cols[k];
            let header = col.display();
            let segs = &raw.cols[k];
            let Some(s) = segs.first() else { continue };
            // A mark in a cell merged across several columns of the group says nothing about
            // which one.
            let spread = group_cols
                .iter()
                .filter(|&&c| grid.origin(raw.row, c) == (s.r, s.c))
                .count();
            if spread > 1 && s.c == col.index {
                any_mark = true;
                self.findings.push(Finding::new(
                    codes::import::MARK_SPANS_GROUP,
                    format!("{path}/{field}"),
                    Some(item.id.as_str()),
                    &[
                        ("field", group_zh(g).to_owned()),
                        ("value", normalize_cell(&s.text)),
                        ("item", item.name.to_string()),
                    ],
                ));
                continue;
            }
            if spread > 1 {
                continue;
            }
            let text = s.text.clone();
            match &col.role {
                Role::AudienceText | Role::MethodText | Role::LevelText => {
                    let t = normalize_cell(&text);
                    let before = (res.audience.len(), res.method.len(), res.levels.len());
                    words_into(&mut res, &col.role, &t);
                    let after = (res.audience.len(), res.method.len(), res.levels.len());
                    any_mark = true;
                    if before == after {
                        self.mark_unclear(path, field, header, &t, &item.id);
                        unclear.push(format!("{header}：{t}"));
                    }
                }
                role => match read_mark(&text, role) {
                    Mark::Blank => {}
                    Mark::No => any_mark = true,
                    Mark::Yes => {
                        any_mark = true;
                        match role {
                            Role::AudienceTick(a) => push_unique(&mut res.audience, *a),
                            Role::MethodTick(m) => push_unique(&mut res.method, *m),
                            // 乡、村级 is one column for both levels; 州级县级 (two labels run
                            // together) does not say which one a √ means.
                            Role::LevelTick(ls)
                                if !ls.is_empty()
                                    && (ls.len() == 1
                                        || match_key(&col.header).matches('级').count() < 2) =>
                            {
                                for l in ls {
                                    push_unique(&mut res.levels, *l);
                                }
                            }
                            _ => {
                                let t = normalize_cell(&text);
                                self.mark_unclear(path, field, header, &t, &item.id);
                                unclear.push(format!("{header}：{t}"));
                            }
                        }
                    }
                    Mark::YesNote(n) => {
                        any_mark = true;
                        if let Role::AudienceTick(a) = role {
                            push_unique(&mut res.audience, *a);
                            res.note = Some(n);
                        }
                    }
                    Mark::Levels(ls) => {
                        any_mark = true;
                        for l in ls {
                            push_unique(&mut res.levels, l);
                        }
                    }
                    Mark::Unclear(t) => {
                        any_mark = true;
                        self.mark_unclear(path, field, header, &t, &item.id);
                        unclear.push(format!("{header}：{t}"));
                    }
                },
            }
        }
        let found = !(res.audience.is_empty() && res.method.is_empty() && res.levels.is_empty());
        if found {
            // Unclear cells next to clear marks are reported above; the marks are kept.
            return Ok(res);
        }
        if !unclear.is_empty() {
            return Err(Some(unclear.join("；")));
        }
        if any_mark {
            // Explicit "no" everywhere: nothing to report here, validation says it is empty.
            return Ok(res);
        }
        Err(None)
    }
}

pub(super) fn words_into(res: &mut GroupResult, role: &Role, t: &str) {
    for w in t.split(['、', ',', '，', ';', '；', '/', ' ', '\n']) {
        if w.is_empty() {
            continue;
        }
        match role {
            Role::AudienceText => {
                let a = crate::import::by_values::audience_word(w).or_else(|| audience_of(w));
                if let Some(a) = a {
                    push_unique(&mut res.audience, a);
                    if a == Audience::SpecificGroups && !match_key(w).starts_with("特定") {
                        res.note = Some(w.to_owned());
                    }
                }
            }
            Role::MethodText => {
                let k = match_key(w);
                if k.contains("主动") {
                    push_unique(&mut res.method, Method::Proactive);
                }
                if k.contains("申请") {
                    push_unique(&mut res.method, Method::OnRequest);
                }
            }
            Role::LevelText => {
                for l in levels_of_label(w) {
                    push_unique(&mut res.levels, l);
                }
            }
            _ => {}
        }
    }
}

/// Tick groups in which no item of the table has any mark.
pub(super) fn blank_groups(grid: &Grid, layout: &Layout, raws: &[Raw]) -> Vec<GroupKind> {
    let _ = grid;
    let mut out = Vec::new();
    for g in [GroupKind::Audience, GroupKind::Method, GroupKind::Levels] {
        let ks: Vec<usize> = layout
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| group_kind(&c.role) == Some(g))
            .map(|(k, _)| k)
            .collect();
        if ks.is_empty() {
            continue;
        }
        let any = raws.iter().any(|raw| {
            ks.iter()
                .any(|&k| raw.cols[k].iter().any(|s| !s.text.trim().is_empty()))
        });
        if !any {
            out.push(g);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks() {
        assert_eq!(
            read_mark("√", &Role::AudienceTick(Audience::Public)),
            Mark::Yes
        );
        assert_eq!(
            read_mark(" ", &Role::AudienceTick(Audience::Public)),
            Mark::Blank
        );
        assert_eq!(
            read_mark("×", &Role::MethodTick(Method::Proactive)),
            Mark::No
        );
        assert_eq!(
            read_mark("主动", &Role::MethodTick(Method::Proactive)),
            Mark::Yes
        );
        assert_eq!(
            read_mark("县级", &Role::LevelTick(vec![Level::City, Level::County])),
            Mark::Levels(vec![Level::County])
        );
        assert_eq!(
            read_mark("申请人", &Role::AudienceTick(Audience::SpecificGroups)),
            Mark::YesNote("申请人".into())
        );
    }
}
