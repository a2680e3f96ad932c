//! The 修订说明 (revision note) of a [`ChangesReport`]: Markdown and a self-contained HTML page a
//! unit can publish with the new catalogue, and a plain text summary for the terminal. Every
//! value from the catalogues is escaped for the target format.

use super::changes::{ChangeClass, ChangesReport, ItemChange, ItemStatus, VersionSummary};
use crate::export::{escape_html, escape_markdown};

/// One block of the note, rendered by each format.
enum Block {
    Title(String),
    Para(String),
    Warn(String),
    Heading(String),
    SubHeading(String),
    List(Vec<String>),
}

fn label(v: &VersionSummary) -> String {
    let date = v.updated.as_deref().unwrap_or(&v.issued);
    match &v.version {
        Some(ver) => format!("{ver}（{date}，{} 项）", v.items),
        None => format!("{date} 版（{} 项）", v.items),
    }
}

fn tag(class: ChangeClass) -> &'static str {
    match class {
        ChangeClass::Neutral => "【调整】",
        ChangeClass::Strengthened => "【加强】",
        ChangeClass::Weakened => "【弱化，须审核】",
    }
}

fn item_line(it: &ItemChange) -> String {
    let id = it
        .new_id
        .as_deref()
        .or(it.old_id.as_deref())
        .map(|i| format!("（序号 {i}）"))
        .unwrap_or_default();
    format!("{}：{}{id}", it.category, it.name)
}

fn blocks(r: &ChangesReport) -> Vec<Block> {
    let mut out = vec![
        Block::Title(format!("{}修订说明", r.new.title)),
        Block::Para(format!("本说明对照{}与{}。", label(&r.old), label(&r.new))),
    ];
    let c = &r.counts;
    if c.added + c.removed + c.changed == 0 {
        out.push(Block::Para("两个版本的公开事项没有变化。".into()));
        return out;
    }
    out.push(Block::Para(format!(
        "本次修订新增事项 {} 项，删除事项 {} 项，修改事项 {} 项，未变事项 {} 项；其中加强公开要求 {} 处，弱化 {} 处，其他调整 {} 处。",
        c.added, c.removed, c.changed, c.unchanged, c.strengthened, c.weakened, c.neutral
    )));
    if r.weakened {
        out.push(Block::Warn(format!(
            "有 {} 处调整弱化了公开要求（标为“弱化，须审核”），发布前须经审核同意。",
            c.weakened
        )));
    }
    let of = |s: ItemStatus| r.items.iter().filter(move |i| i.status == s);
    let numbers = ["一", "二", "三"];
    let mut n = 0;
    let added: Vec<String> = of(ItemStatus::Added).map(item_line).collect();
    if !added.is_empty() {
        out.push(Block::Heading(format!("{}、新增事项", numbers[n])));
        n += 1;
        out.push(Block::List(added));
    }
    let removed: Vec<String> = of(ItemStatus::Removed)
        .map(|i| format!("{}{}", tag(ChangeClass::Weakened), item_line(i)))
        .collect();
    if !removed.is_empty() {
        out.push(Block::Heading(format!("{}、删除事项", numbers[n])));
        n += 1;
        out.push(Block::List(removed));
    }
    let changed: Vec<&ItemChange> = of(ItemStatus::Changed).collect();
    if !changed.is_empty() {
        out.push(Block::Heading(format!("{}、修改事项", numbers[n])));
        for (k, it) in changed.iter().enumerate() {
            let was = it
                .old_name
                .as_deref()
                .map(|o| format!("（原“{o}”）"))
                .unwrap_or_default();
            out.push(Block::SubHeading(format!(
                "{}. {}{was}",
                k + 1,
                item_line(it)
            )));
            out.push(Block::List(
                it.changes
                    .iter()
                    .map(|ch| format!("{}{}", tag(ch.class), ch.issue.message))
                    .collect(),
            ));
        }
    }
    out
}

impl ChangesReport {
    /// The 修订说明 as Markdown.
    pub fn to_markdown(&self) -> String {
        let mut s = String::new();
        for b in blocks(self) {
            match b {
                Block::Title(t) => s.push_str(&format!("# {}\n\n", escape_markdown(&t))),
                Block::Para(t) => s.push_str(&format!("{}\n\n", escape_markdown(&t))),
                Block::Warn(t) => s.push_str(&format!("> **{}**\n\n", escape_markdown(&t))),
                Block::Heading(t) => s.push_str(&format!("## {}\n\n", escape_markdown(&t))),
                Block::SubHeading(t) => s.push_str(&format!("### {}\n\n", escape_markdown(&t))),
                Block::List(items) => {
                    for (k, t) in items.iter().enumerate() {
                        s.push_str(&format!("{}. {}\n", k + 1, escape_markdown(t)));
                    }
                    s.push('\n');
                }
            }
        }
        s
    }

    /// The 修订说明 as a self-contained HTML page (no script, no external resource).
    pub fn to_html(&self) -> String {
        let mut body = String::new();
        let mut title = String::new();
        for b in blocks(self) {
            match b {
                Block::Title(t) => {
                    title = escape_html(&t);
                    body.push_str(&format!("<h1>{title}</h1>\n"));
                }
                Block::Para(t) => body.push_str(&format!("<p>{}</p>\n", escape_html(&t))),
                Block::Warn(t) => body.push_str(&format!(
                    "<p class=\"warn\"><strong>{}</strong></p>\n",
                    escape_html(&t)
                )),
                Block::Heading(t) => body.push_str(&format!("<h2>{}</h2>\n", escape_html(&t))),
                Block::SubHeading(t) => body.push_str(&format!("<h3>{}</h3>\n", escape_html(&t))),
                Block::List(items) => {
                    body.push_str("<ol>\n");
                    for t in items {
                        body.push_str(&format!("<li>{}</li>\n", escape_html(&t)));
                    }
                    body.push_str("</ol>\n");
                }
            }
        }
        format!(
            "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.6}}.warn{{color:#a40000}}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
        )
    }

    /// A plain text summary (the terminal output of `gongkai changes`).
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        for b in blocks(self) {
            match b {
                Block::Title(t) | Block::Heading(t) => s.push_str(&format!("{t}\n")),
                Block::SubHeading(t) => s.push_str(&format!("  {t}\n")),
                Block::Para(t) | Block::Warn(t) => s.push_str(&format!("{t}\n")),
                Block::List(items) => {
                    for t in items {
                        s.push_str(&format!("    - {t}\n"));
                    }
                }
            }
        }
        for i in &self.issues {
            s.push_str(&format!("提示：{}\n", i.message));
        }
        s
    }
}
