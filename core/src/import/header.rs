//! Header detection and the column model: which row(s) hold the header, and what each column
//! means. Exporters and the annotated workbook reuse [`Role`] and [`Column`].
//!
//! A header row is the first row (of the first 40) in which at least three cells name distinct
//! catalogue columns (序号, 公开事项, 公开内容, 公开依据, 公开时限, 公开主体, 公开渠道, 公开对象,
//! 公开方式, 公开层级 …), after folding widths, removing white space and pinyin glosses,
//! simplifying traditional characters and cutting legends (`“■”表示必选项`). The row below is a
//! second header row when the cells under the group headings (公开事项, 公开对象, 公开方式,
//! 公开层级, 公开渠道) hold their sub-labels (一级事项/二级事项, 全社会/特定群体, 主动/依申请,
//! 县级/乡级 …) and nothing else looks like data. In a CSV a group heading is followed by empty
//! cells (where the merged cell was); those columns belong to the group.

use super::grid::Grid;
use super::text::{match_key, normalize_cell};
use crate::model::{Audience, Channel, Level, Method};

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Role {
    /// 序号 / 事项编码 → `id`.
    Id,
    /// 一级事项 → `category`.
    Category,
    /// 二级事项 / 公开事项名称 → `name`.
    Name,
    /// 三级事项 → `subitem`.
    Subitem,
    /// 公开内容（要素） → `content`.
    Content,
    /// 公开依据 → `basis`.
    Basis,
    /// 公开时限 → `time_limit`.
    TimeLimit,
    /// 公开主体 → `subject`.
    Subject,
    /// 公开渠道和载体 (a checkbox or list cell) → `channels`, `other_channels`.
    Channels,
    /// One channel as its own tick column (`None` = the 其他 column).
    ChannelTick(Option<Channel>),
    /// 公开对象 written as words in one column.
    AudienceText,
    /// 全社会 / 特定群体 tick column.
    AudienceTick(Audience),
    /// 公开方式 written as words in one column.
    MethodText,
    /// 主动 / 依申请 tick column.
    MethodTick(Method),
    /// 公开层级 written as words in one column.
    LevelText,
    /// A 公开层级 tick column and the levels its label names (`州级县级` names two; empty when
    /// the label was lost).
    LevelTick(Vec<Level>),
    /// 特定群体说明 → `audience_note`.
    AudienceNote,
    /// 备注 → `notes`.
    Notes,
    /// 责任科室 / 责任股室 / 责任部门 (beside a 公开主体 column) → `responsible_office` (1.1).
    ResponsibleOffice,
    /// 公开时长 → `retention` (1.1).
    Retention,
    /// 公开范围 whose values are not audience words → `scope_note` (1.1).
    ScopeNote,
    /// A column outside the standard layout, kept in each item's `extra` under this key.
    Extra(String),
    /// A column with neither header nor data.
    Empty,
}

impl Role {
    /// The model key the column fills (`""` for extra and empty columns).
    pub fn field(&self) -> &'static str {
        match self {
            Role::Id => "id",
            Role::Category => "category",
            Role::Name => "name",
            Role::Subitem => "subitem",
            Role::Content => "content",
            Role::Basis => "basis",
            Role::TimeLimit => "time_limit",
            Role::Subject => "subject",
            Role::Channels | Role::ChannelTick(_) => "channels",
            Role::AudienceText | Role::AudienceTick(_) => "audience",
            Role::MethodText | Role::MethodTick(_) => "method",
            Role::LevelText | Role::LevelTick(_) => "levels",
            Role::AudienceNote => "audience_note",
            Role::Notes => "notes",
            Role::ResponsibleOffice => "responsible_office",
            Role::Retention => "retention",
            Role::ScopeNote => "scope_note",
            Role::Extra(_) | Role::Empty => "",
        }
    }
}

/// One column of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// 0-based column index.
    pub index: usize,
    /// The header text as written (white space normalised), e.g. `一级事项`.
    pub header: String,
    /// The group heading above it in a two-row header, e.g. `公开事项`.
    pub group: Option<String>,
    /// What the column holds.
    pub role: Role,
    /// Whether the role was inferred from the position (the header text was lost or blank).
    pub inferred: bool,
}

impl Column {
    /// The header to show in locations: the sub-label, or the group heading when it is blank.
    pub fn display(&self) -> &str {
        if self.header.is_empty() {
            self.group.as_deref().unwrap_or_default()
        } else {
            &self.header
        }
    }
}

/// The header of a table and its columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Row indices of the header rows (one or two).
    pub header_rows: Vec<usize>,
    /// The columns, one per grid column.
    pub columns: Vec<Column>,
    /// The number of columns of the grid.
    pub width: usize,
    header_keys: Vec<(usize, String)>,
    sub_keys: Vec<(usize, String)>,
}

impl Layout {
    /// The first column with this role.
    pub fn find(&self, pred: impl Fn(&Role) -> bool) -> Option<&Column> {
        self.columns.iter().find(|c| pred(&c.role))
    }

    /// The row index where data starts.
    pub fn data_start(&self) -> usize {
        self.header_rows.last().map_or(0, |r| r + 1)
    }

    /// The column model of a table that continues this one without a header of its own (split
    /// at a page break): the same columns, no header rows.
    pub fn continued(&self) -> Layout {
        Layout {
            header_rows: Vec::new(),
            ..self.clone()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Item,
    Audience,
    Method,
    Levels,
    Channels,
}

impl Group {
    fn max_width(self) -> usize {
        match self {
            Group::Item => 3,
            Group::Audience | Group::Method => 2,
            Group::Levels => 5,
            Group::Channels => 13,
        }
    }
}

/// Cuts a legend or note off a header: `公开渠道和载体“■”表示必选项…` → `公开渠道和载体`.
fn cut_legend(k: &str) -> &str {
    let cut = k
        .char_indices()
        .find(|(i, c)| *i > 0 && matches!(c, '“' | '"' | '■' | '□' | '(' | '（' | '[' | '【' | '*'))
        .map_or(k.len(), |(i, _)| i);
    &k[..cut]
}

fn header_key(text: &str) -> String {
    let k = match_key(text);
    cut_legend(&k).trim_end_matches([':', '：']).to_owned()
}

/// Parses a 公开层级 label (`县级`, `乡、村级`, `州级县级`, `县(市、区)级`, `乡镇(街道)`) into levels.
pub fn levels_of_label(label: &str) -> Vec<Level> {
    let k = match_key(label);
    // Remove parentheses and their content: 县(市、区)级 → 县级.
    let mut s = String::new();
    let mut depth = 0;
    for c in k.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = (depth - 1).max(0),
            _ if depth == 0 => s.push(c),
            _ => {}
        }
    }
    let s = s.replace("层级", "").replace("公开", "");
    let mut out = Vec::new();
    let mut push = |l: Level| {
        if !out.contains(&l) {
            out.push(l);
        }
    };
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '市' | '州' | '盟' => push(Level::City),
            '地' if chars.get(i + 1) == Some(&'级') || chars.get(i + 1) == Some(&'市') => {
                push(Level::City)
            }
            '县' | '区' | '旗' => push(Level::County),
            '乡' | '镇' | '街' | '苏' => push(Level::Township),
            '村' | '居' => push(Level::Village),
            '社' if chars.get(i + 1) == Some(&'区') => push(Level::Village),
            _ => {}
        }
    }
    // 社区 is a village-level unit, not a 区 (county).
    if s.contains("社区") && !s.replace("社区", "").contains('区') {
        out.retain(|l| *l != Level::County);
    }
    out
}

/// Reads the words of a 公开对象 cell or label.
pub fn audience_of(k: &str) -> Option<Audience> {
    let k = match_key(k);
    if k.contains("不特定") {
        // 不特定对象/不特定公众: anyone, the public.
        Some(Audience::Public)
    } else if k.contains("特定") || k.contains("申请人") || k.contains("当事人") {
        Some(Audience::SpecificGroups)
    } else if k.contains("社会") || k.contains("公众") || k == "全体" {
        Some(Audience::Public)
    } else {
        None
    }
}

/// Reads the words of a 公开方式 label.
pub fn method_of(k: &str) -> Option<Method> {
    let k = match_key(k);
    if k.contains("主动") {
        Some(Method::Proactive)
    } else if k.contains("申请") {
        Some(Method::OnRequest)
    } else {
        None
    }
}

fn group_of(k: &str) -> Option<Group> {
    Some(match k {
        "公开事项" | "事项" | "事项名称" | "公开事项名称" => Group::Item,
        _ if k.starts_with("公开对象") || k == "对象" => Group::Audience,
        _ if k.starts_with("公开方式") || k == "方式" => Group::Method,
        _ if k.starts_with("公开层级") || k == "层级" => Group::Levels,
        _ if k.starts_with("公开渠道") || k.starts_with("公开载体") || k == "渠道" => {
            Group::Channels
        }
        _ => return None,
    })
}

/// The role a header names on its own (not as a group with sub-columns).
fn plain_role(k: &str) -> Option<Role> {
    if k.is_empty() {
        return None;
    }
    let r =
        if k == "序号" || k == "序" || k == "编号" || k.starts_with("事项编码") || k == "事项编号"
        {
            Role::Id
        } else if k.contains("特定群体说明") || k.contains("特定对象说明") {
            Role::AudienceNote
        } else if k == "备注" || k == "说明" {
            Role::Notes
        } else if k.contains("责任科室")
            || k.contains("责任股室")
            || k == "承办科室"
            || k == "责任科(股)室"
            || k == "科室"
        {
            Role::ResponsibleOffice
        } else if k.contains("公开时长") || k == "公开期限" || k == "保留时长" {
            Role::Retention
        } else if k == "公开范围" || k == "适用范围" {
            Role::ScopeNote
        } else if k.contains("三级事项") || k == "三级" {
            Role::Subitem
        } else if k.contains("一级事项") || k == "一级" || k == "一级目录" || k == "事项类别"
        {
            Role::Category
        } else if k.contains("二级事项") || k == "二级" || k == "二级目录" || k.contains("事项名称")
        {
            Role::Name
        } else if k.contains("公开内容") || k == "内容" || k == "要素" {
            Role::Content
        } else if k.contains("依据") {
            Role::Basis
        } else if k.contains("时限") || k == "公开时间" {
            Role::TimeLimit
        } else if k.contains("层级") {
            Role::LevelText
        } else if k.contains("主体") || k.contains("责任单位") || k.contains("责任部门") {
            Role::Subject
        } else if k.contains("渠道") || k.contains("载体") {
            Role::Channels
        } else if k.contains("公开对象") || k == "对象" {
            Role::AudienceText
        } else if k.contains("公开方式") || k == "方式" {
            Role::MethodText
        } else if k == "公开事项" || k == "事项" {
            Role::Name
        } else if let Some(a) = sub_audience(k) {
            Role::AudienceTick(a)
        } else if let Some(m) = sub_method(k) {
            Role::MethodTick(m)
        } else if is_level_label(k) {
            Role::LevelTick(levels_of_label(k))
        } else {
            return None;
        };
    Some(r)
}

fn sub_audience(k: &str) -> Option<Audience> {
    match k {
        "全社会" | "社会" | "社会公众" | "公众" => Some(Audience::Public),
        _ if k.starts_with("特定") => Some(Audience::SpecificGroups),
        _ => None,
    }
}

fn sub_method(k: &str) -> Option<Method> {
    match k {
        "主动" | "主动公开" => Some(Method::Proactive),
        "依申请" | "申请" | "依申请公开" | "申请公开" => Some(Method::OnRequest),
        _ => None,
    }
}

fn is_level_label(k: &str) -> bool {
    k.chars().count() <= 12 && k.ends_with('级') && !levels_of_label(k).is_empty()
        || matches!(k, "乡镇" | "街道" | "乡镇(街道)" | "村(社区)" | "村居")
}

fn top_role_score(k: &str) -> Option<&'static str> {
    if let Some(g) = group_of(k) {
        return Some(match g {
            Group::Item => "item",
            Group::Audience => "audience",
            Group::Method => "method",
            Group::Levels => "levels",
            Group::Channels => "channels",
        });
    }
    plain_role(k).map(|r| match r {
        Role::AudienceTick(_) => "audience",
        Role::MethodTick(_) => "method",
        Role::LevelTick(_) => "levels",
        other => other.field(),
    })
}

fn row_score(grid: &Grid, r: usize) -> usize {
    let mut seen: Vec<&'static str> = Vec::new();
    let width = grid.rows.get(r).map_or(0, |x| x.cells.len());
    for c in 0..width {
        if grid.covered_from_left(r, c) {
            continue;
        }
        let k = header_key(grid.shown(r, c));
        if k.chars().count() > 30 {
            continue;
        }
        if let Some(role) = top_role_score(&k) {
            if !seen.contains(&role) {
                seen.push(role);
            }
        }
    }
    seen.len()
}

/// The non-empty header texts of a row, as (column, key), for comparing rows with it.
fn row_keys(grid: &Grid, r: usize, width: usize) -> Vec<(usize, String)> {
    (0..width)
        .filter(|&c| !grid.covered_from_left(r, c))
        .map(|c| (c, header_key(grid.shown(r, c))))
        .filter(|(_, k)| !k.is_empty())
        .collect()
}

impl Layout {
    /// Whether row `r` repeats the first header row (a page break in the source).
    pub fn repeats_header(&self, grid: &Grid, r: usize) -> bool {
        let total = self.header_keys.len();
        if total == 0 {
            return false;
        }
        let need = (total * 6).div_ceil(10).max(1.max(total.min(2)));
        let mut same = 0;
        for (k, (c, key)) in self.header_keys.iter().enumerate() {
            let raw = grid.shown(r, *c);
            // Cheap rejections before normalising: a header cell is short, and starts with the
            // same character.
            let first = raw
                .chars()
                .find(|ch| !ch.is_whitespace())
                .map(super::hanzi::simplify_char);
            if raw.len() <= key.len() * 4 + 16
                && first.is_some()
                && first == key.chars().next()
                && header_key(raw) == *key
            {
                same += 1;
            }
            if same + (total - k - 1) < need {
                return false;
            }
        }
        same >= need
    }

    /// Whether row `r` repeats the second header row.
    pub fn repeats_sub_header(&self, grid: &Grid, r: usize) -> bool {
        if self.header_rows.len() < 2 || self.sub_keys.is_empty() {
            return false;
        }
        let own = row_keys(grid, r, self.width);
        own.len() == self.sub_keys.len() && own == self.sub_keys
    }
}

/// Finds the header of a grid and builds the column model, with notes about inferred columns.
/// Returns `None` when no row looks like a catalogue header.
pub fn detect(grid: &Grid) -> Option<Layout> {
    let h = (0..grid.rows.len().min(40)).find(|&r| row_score(grid, r) >= 3)?;
    let width = grid.width();
    // Top texts with group inheritance to the right (CSV: a merged heading leaves empty cells).
    let mut tops: Vec<String> = Vec::with_capacity(width);
    let mut top_written: Vec<String> = Vec::with_capacity(width);
    let mut current: Option<(Group, usize, String, String)> = None; // group, start, key, written
    for c in 0..width {
        let written = normalize_cell(grid.shown(h, c));
        let k = header_key(grid.shown(h, c));
        if k.is_empty() {
            if let Some((g, start, key, w)) = &current {
                if c - start < g.max_width() {
                    tops.push(key.clone());
                    top_written.push(w.clone());
                    continue;
                }
            }
            current = None;
            tops.push(String::new());
            top_written.push(String::new());
            continue;
        }
        current = match group_of(&k) {
            Some(g) => {
                let start = match &current {
                    Some((_, s, key, _)) if *key == k && grid.covered_from_left(h, c) => *s,
                    _ => c,
                };
                Some((g, start, k.clone(), written.clone()))
            }
            None => None,
        };
        tops.push(k);
        top_written.push(written);
    }
    // Second header row?
    let s = h + 1;
    let sub_row = s < grid.rows.len() && is_sub_row(grid, h, s, &tops);
    let subs: Vec<(String, String)> = (0..width)
        .map(|c| {
            if !sub_row || grid.covered_from_above(s, c) {
                (String::new(), String::new())
            } else {
                (
                    header_key(grid.shown(s, c)),
                    normalize_cell(grid.shown(s, c)),
                )
            }
        })
        .collect();
    let mut columns: Vec<Column> = Vec::with_capacity(width);
    let mut c = 0;
    while c < width {
        let top = tops[c].clone();
        let group = group_of(&top).filter(|_| !top.is_empty());
        if let Some(g) = group {
            // The extent of the group.
            let mut end = c + 1;
            while end < width && tops[end] == top && end - c < g.max_width() {
                end += 1;
            }
            let cols = group_columns(g, c, end, &subs, &top_written[c]);
            columns.extend(cols);
            c = end;
            continue;
        }
        let (sub_key, sub_written) = &subs[c];
        let key = if sub_key.is_empty() { &top } else { sub_key };
        let written = if sub_written.is_empty() {
            top_written[c].clone()
        } else {
            sub_written.clone()
        };
        let role = match plain_role(key) {
            Some(r) => r,
            None if !written.is_empty() => Role::Extra(written.clone()),
            None => Role::Empty,
        };
        columns.push(Column {
            index: c,
            header: written,
            group: None,
            role,
            inferred: false,
        });
        c += 1;
    }
    // A blank column between 序号 and 二级事项 that holds data is 一级事项 (header lost).
    if !columns.iter().any(|c| c.role == Role::Category) {
        let name_at = columns.iter().position(|c| c.role == Role::Name);
        if let Some(n) = name_at.filter(|&n| n > 0) {
            let prev = &columns[n - 1];
            if prev.role == Role::Empty
                && has_data(grid, n - 1, h + 1 + usize::from(sub_row))
                && (n < 2 || columns[n - 2].role == Role::Id)
            {
                columns[n - 1].role = Role::Category;
                columns[n - 1].inferred = true;
            }
        }
    }
    // Blank columns that hold data are kept as extra columns under their letter.
    let start = h + 1 + usize::from(sub_row);
    for col in &mut columns {
        if col.role == Role::Empty && has_data(grid, col.index, start) {
            col.role = Role::Extra(format!(
                "未命名列{}",
                crate::report::Location::column_letter(col.index)
            ));
        }
    }
    // A role that appears twice: the later column is kept as an extra column.
    let mut seen: Vec<Role> = Vec::new();
    // 责任部门 / 责任单位 beside a 公开主体 column is the office inside the subject (1.1); alone,
    // it is the subject.
    if columns.iter().filter(|c| c.role == Role::Subject).count() > 1 {
        for col in columns.iter_mut().filter(|c| c.role == Role::Subject) {
            let k = header_key(&col.header);
            if !k.contains("主体") && (k.contains("责任部门") || k.contains("责任单位")) {
                col.role = Role::ResponsibleOffice;
            }
        }
    }
    for col in &mut columns {
        let single = matches!(
            col.role,
            Role::Id
                | Role::Category
                | Role::Name
                | Role::Subitem
                | Role::Content
                | Role::Basis
                | Role::TimeLimit
                | Role::Subject
                | Role::Channels
                | Role::AudienceText
                | Role::MethodText
                | Role::LevelText
                | Role::AudienceNote
                | Role::Notes
                | Role::ResponsibleOffice
                | Role::Retention
                | Role::ScopeNote
        );
        if single {
            if seen.contains(&col.role) {
                col.role = Role::Extra(if col.header.is_empty() {
                    col.display().to_owned()
                } else {
                    col.header.clone()
                });
            } else {
                seen.push(col.role.clone());
            }
        }
    }
    let mut header_rows = vec![h];
    if sub_row {
        header_rows.push(s);
    }
    let header_keys = row_keys(grid, h, width);
    let sub_keys = if sub_row {
        row_keys(grid, s, width)
    } else {
        Vec::new()
    };
    Some(Layout {
        header_rows,
        columns,
        width,
        header_keys,
        sub_keys,
    })
}

fn has_data(grid: &Grid, c: usize, from: usize) -> bool {
    (from..grid.rows.len()).any(|r| !grid.own(r, c).trim().is_empty())
}

fn is_sub_row(grid: &Grid, h: usize, s: usize, tops: &[String]) -> bool {
    let width = grid.width();
    let mut labels = 0;
    for (c, top) in tops.iter().enumerate().take(width) {
        if grid.covered_from_above(s, c) {
            continue;
        }
        let k = header_key(grid.own(s, c));
        if k.is_empty() {
            continue;
        }
        let fits = match group_of(top) {
            Some(Group::Item) => matches!(
                plain_role(&k),
                Some(Role::Category | Role::Name | Role::Subitem)
            ),
            Some(Group::Audience) => sub_audience(&k).is_some() || audience_of(&k).is_some(),
            Some(Group::Method) => sub_method(&k).is_some(),
            Some(Group::Levels) => !levels_of_label(&k).is_empty(),
            Some(Group::Channels) => {
                !matches!(
                    super::channels::channel_name(&k),
                    super::channels::ChannelName::Unknown
                ) || k.contains("其他")
            }
            None => {
                // Under a plain heading a sub-row has nothing, or a label of its own.
                plain_role(&k).is_some() && k != header_key(grid.shown(h, c))
            }
        };
        if !fits {
            return false;
        }
        labels += 1;
    }
    labels > 0
}

fn group_columns(
    g: Group,
    start: usize,
    end: usize,
    subs: &[(String, String)],
    group_written: &str,
) -> Vec<Column> {
    let n = end - start;
    let mut out: Vec<Column> = Vec::with_capacity(n);
    for (c, (k, written)) in subs.iter().enumerate().take(end).skip(start) {
        let role = if k.is_empty() {
            None
        } else {
            match g {
                Group::Item => plain_role(k)
                    .filter(|r| matches!(r, Role::Category | Role::Name | Role::Subitem)),
                Group::Audience => sub_audience(k)
                    .or_else(|| audience_of(k))
                    .map(Role::AudienceTick),
                Group::Method => sub_method(k).map(Role::MethodTick),
                Group::Levels => {
                    let l = levels_of_label(k);
                    (!l.is_empty()).then_some(Role::LevelTick(l))
                }
                Group::Channels => match super::channels::channel_name(k) {
                    super::channels::ChannelName::Standard(ch) => Some(Role::ChannelTick(Some(ch))),
                    super::channels::ChannelName::Other(_) => Some(Role::ChannelTick(None)),
                    super::channels::ChannelName::Unknown => None,
                },
            }
        };
        out.push(Column {
            index: c,
            header: written.clone(),
            group: Some(group_written.to_owned()),
            role: role.unwrap_or(Role::Empty),
            inferred: false,
        });
    }
    // Blank sub-labels: infer from the position / by elimination.
    let blanks: Vec<usize> = (0..n).filter(|&i| out[i].role == Role::Empty).collect();
    if blanks.is_empty() {
        return out;
    }
    if n == 1 {
        out[0].role = match g {
            Group::Item => Role::Name,
            Group::Audience => Role::AudienceText,
            Group::Method => Role::MethodText,
            Group::Levels => Role::LevelText,
            Group::Channels => Role::Channels,
        };
        return out;
    }
    let standard: Vec<Role> = match g {
        Group::Item if n == 2 => vec![Role::Category, Role::Name],
        Group::Item => vec![Role::Category, Role::Name, Role::Subitem],
        Group::Audience => vec![
            Role::AudienceTick(Audience::Public),
            Role::AudienceTick(Audience::SpecificGroups),
        ],
        Group::Method => vec![
            Role::MethodTick(Method::Proactive),
            Role::MethodTick(Method::OnRequest),
        ],
        Group::Levels | Group::Channels => Vec::new(),
    };
    if standard.len() == n {
        let taken: Vec<Role> = out.iter().map(|c| c.role.clone()).collect();
        let missing: Vec<Role> = standard
            .iter()
            .filter(|r| !taken.contains(r))
            .cloned()
            .collect();
        // Positions of the blanks match the missing roles in standard order.
        if missing.len() == blanks.len() {
            for (b, role) in blanks.iter().zip(missing) {
                out[*b].role = role;
                out[*b].inferred = true;
            }
            return out;
        }
    }
    for b in blanks {
        out[b].role = match g {
            Group::Levels => Role::LevelTick(Vec::new()),
            _ => Role::Empty,
        };
        out[b].inferred = g == Group::Levels;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_labels() {
        assert_eq!(levels_of_label("县级"), [Level::County]);
        assert_eq!(
            levels_of_label("乡、 村级"),
            [Level::Township, Level::Village]
        );
        assert_eq!(levels_of_label("州级县级"), [Level::City, Level::County]);
        assert_eq!(levels_of_label("县(市、区)级"), [Level::County]);
        assert_eq!(levels_of_label("鎮(zhèn)級"), [Level::Township]);
        assert_eq!(levels_of_label("村(社区)级"), [Level::Village]);
    }

    #[test]
    fn legends_are_cut() {
        assert_eq!(
            header_key("公开渠道和载体\n“■”表示必选项,“□”表示可选 项)"),
            "公开渠道和载体"
        );
        assert_eq!(header_key("公開內(nèi)容(要素)"), "公开内容");
        assert_eq!(header_key("序 号"), "序号");
    }
}
