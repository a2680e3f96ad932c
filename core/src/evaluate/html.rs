//! The 通报: one self-contained HTML page (inline style and SVG charts; no script, font, image
//! or any other external file), printable on A4.
//!
//! Sections: the summary figures, the ranking table, four charts (score per unit, 按时公开率,
//! coverage, the ten most frequent problem codes), one section per unit (its deductions, each
//! naming its findings, the completeness of the nine elements, and its problems with their
//! files and cells), and the problems of the evaluation itself. Every value is escaped. Charts
//! are `<svg class="chart">` with one `.bar` per value (`data-value`), a `<title>` and a table
//! equivalent in the ranking.

#![allow(clippy::write_with_newline)] // HTML lines end with a newline on purpose.

use super::{Evaluation, UnitResult};
use crate::export::escape_html as esc;
use crate::issue::{Lang, Severity};
use std::fmt::Write as _;

/// Most units a per-unit chart shows (the best and the worst halves when there are more).
const CHART_UNITS: usize = 30;

const STYLE: &str = "
*{box-sizing:border-box}
body{font-family:\"Microsoft YaHei\",\"PingFang SC\",\"Noto Sans CJK SC\",\"Source Han Sans SC\",SimSun,sans-serif;color:#1a1a1a;margin:0 auto;max-width:62rem;padding:1.5rem;line-height:1.55;font-size:15px}
h1{font-size:1.6rem;text-align:center;color:#a50000;border-bottom:3px solid #a50000;padding-bottom:.5rem;margin:0 0 .3rem}
p.meta{text-align:center;color:#444;margin:.2rem 0 1.2rem}
h2{font-size:1.25rem;border-left:5px solid #a50000;padding-left:.5rem;margin:1.8rem 0 .8rem}
h3{font-size:1.1rem;margin:1.4rem 0 .5rem}
h4{font-size:1rem;margin:1rem 0 .4rem}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:.6rem;margin:0 0 1rem;padding:0;list-style:none}
.figures li{border:1px solid #d8d8d8;border-radius:4px;padding:.5rem .7rem;background:#fafafa}
.figures b{display:block;font-size:1.35rem;color:#a50000}
.figures span{font-size:.85rem;color:#444}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.88rem}
th,td{border:1px solid #bbb;padding:.25rem .4rem;vertical-align:top;text-align:left}
thead th{background:#f1e4e4}
td.num,th.num{text-align:right;white-space:nowrap}
tr.bad td.score{color:#a50000;font-weight:bold}
tr.good td.score{color:#1b6e20;font-weight:bold}
.sev-error{color:#a50000;font-weight:bold}
.sev-warning{color:#8a5a00}
.sev-info{color:#1f5fa8}
.charts{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
figure{margin:0;border:1px solid #ddd;padding:.5rem;break-inside:avoid}
figcaption{font-weight:bold;margin-bottom:.3rem}
svg.chart{width:100%;height:auto;display:block}
svg.chart text{font-size:12px;fill:#222}
svg.chart .axis{stroke:#999;stroke-width:1}
.note{color:#555;font-size:.85rem}
section.unit{border-top:2px solid #a50000;margin-top:1.6rem}
a{color:#0b4f9c}
code{font-family:Consolas,\"Courier New\",monospace;font-size:.85em}
.ev{font-size:.82rem}
@page{size:A4;margin:14mm 12mm}
@media print{
body{max-width:none;padding:0;font-size:10.5pt}
a{color:inherit;text-decoration:none}
.charts{grid-template-columns:1fr 1fr}
section.unit{break-before:page;border-top:0}
tr,figure,.figures li{break-inside:avoid}
thead{display:table-header-group}
}
@media screen and (max-width:40rem){.charts{grid-template-columns:1fr}}
";

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), |v| format!("{:.1}%", v * 100.0))
}

fn num(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

fn sev_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Info => "sev-info",
    }
}

/// The units a chart shows: all, or the best and the worst halves of [`CHART_UNITS`].
fn chart_units(units: &[&UnitResult]) -> (Vec<usize>, bool) {
    let n = units.len();
    if n <= CHART_UNITS {
        return ((0..n).collect(), false);
    }
    let half = CHART_UNITS / 2;
    ((0..half).chain(n - half..n).collect(), true)
}

/// A horizontal bar chart: one row per (label, value in 0..=max).
/// Bars are coloured by their share of `max` (green ≥ 90%, amber ≥ 75%, red below), or all in
/// `colour` when given (problem counts are not better when higher).
fn bar_chart(
    id: &str,
    title: &str,
    rows: &[(String, Option<f64>, String)],
    max: f64,
    empty: &str,
    colour: Option<&str>,
) -> String {
    let row_h = 20.0;
    let label_w = 180.0;
    let bar_w = 290.0;
    let width = label_w + bar_w + 100.0;
    let height = (rows.len().max(1) as f64) * row_h + 24.0;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"chart\" id=\"chart-{id}\" data-chart=\"{id}\" role=\"img\" aria-labelledby=\"chart-{id}-title\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"chart-{id}-title\">{}</title>",
        esc(title)
    );
    let _ = write!(
        s,
        "<line class=\"axis\" x1=\"{label_w}\" y1=\"4\" x2=\"{label_w}\" y2=\"{}\"/>",
        height - 16.0
    );
    if rows.is_empty() {
        let _ = write!(
            s,
            "<text x=\"{label_w}\" y=\"16\" dx=\"6\">{}</text>",
            esc(empty)
        );
    }
    for (k, (label, value, text)) in rows.iter().enumerate() {
        let y = 4.0 + k as f64 * row_h;
        let short: String = label.chars().take(13).collect();
        let label_text = if short.chars().count() < label.chars().count() {
            format!("{short}…")
        } else {
            short
        };
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\"><title>{}</title>{}</text>",
            label_w - 4.0,
            y + 12.5,
            esc(label),
            esc(&label_text)
        );
        match value {
            Some(v) => {
                let w = if max > 0.0 {
                    (v / max).clamp(0.0, 1.0) * bar_w
                } else {
                    0.0
                };
                let ratio = if max > 0.0 { v / max } else { 0.0 };
                let colour = colour.unwrap_or(if ratio >= 0.9 {
                    "#2e7d32"
                } else if ratio >= 0.75 {
                    "#c17d00"
                } else {
                    "#b71c1c"
                });
                let _ = write!(
                    s,
                    "<rect class=\"bar\" data-value=\"{v}\" x=\"{label_w}\" y=\"{}\" width=\"{w:.1}\" height=\"{}\" fill=\"{colour}\"><title>{}：{}</title></rect><text x=\"{:.1}\" y=\"{}\">{}</text>",
                    y + 2.0,
                    row_h - 5.0,
                    esc(label),
                    esc(text),
                    label_w + w + 4.0,
                    y + 12.5,
                    esc(text)
                );
            }
            None => {
                let _ = write!(
                    s,
                    "<text x=\"{}\" y=\"{}\" fill=\"#777\">—</text>",
                    label_w + 4.0,
                    y + 12.5
                );
            }
        }
    }
    let _ = write!(
        s,
        "<text x=\"{label_w}\" y=\"{}\" fill=\"#555\">0</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#555\">{}</text></svg>",
        height - 4.0,
        label_w + bar_w,
        height - 4.0,
        num(max)
    );
    s
}

fn figure(caption: &str, svg: &str, note: Option<&str>) -> String {
    let note = note.map_or_else(String::new, |n| format!("<p class=\"note\">{}</p>", esc(n)));
    format!(
        "<figure><figcaption>{}</figcaption>{svg}{note}</figure>",
        esc(caption)
    )
}

/// Writes the 通报 of an evaluation.
#[allow(clippy::too_many_lines)]
pub fn to_html(e: &Evaluation) -> String {
    let lang = e.lang;
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let s = &e.summary;
    let mut h = String::with_capacity(64 * 1024);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"gongkai {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        t("zh-CN", "en"),
        crate::VERSION,
        esc(&e.title)
    );
    let _ = write!(h, "<header><h1>{}</h1>", esc(&e.title));
    let date = e.today.map_or_else(
        || t("未给出评价日期", "no evaluation date").to_owned(),
        |d| d.to_string(),
    );
    let _ = write!(
        h,
        "<p class=\"meta\">{}{}　{}{}　{}{}</p></header>\n",
        t("评价日期：", "Date: "),
        esc(&date),
        t("参评单位：", "Units: "),
        s.units,
        t("评分办法：", "Scoring: "),
        esc(&e.scoring.name)
    );

    // 一、总体情况
    let _ = write!(h, "<main>\n<h2>{}</h2>\n", t("一、总体情况", "1. Summary"));
    let figures: Vec<(String, &str)> = vec![
        (s.evaluated.to_string(), t("已评分单位", "units scored")),
        (
            s.mean_score.map_or_else(|| "—".into(), num),
            t("平均分", "mean score"),
        ),
        (
            s.median_score.map_or_else(|| "—".into(), num),
            t("中位数", "median score"),
        ),
        (pct(s.on_time_rate), t("按时公开率", "on-time rate")),
        (
            pct(s.publication_coverage),
            t("公开覆盖率", "publication coverage"),
        ),
        (
            pct(s.interpretation_sync_rate),
            t("解读同步率", "interpretations in step"),
        ),
        (
            pct(s.reference_coverage),
            t("上级目录事项覆盖率", "standard items present"),
        ),
        (s.overdue_now.to_string(), t("超期未公开", "overdue now")),
        (s.counts.error.to_string(), t("错误", "errors")),
        (s.counts.warning.to_string(), t("警告", "warnings")),
        (
            s.unreadable.to_string(),
            t("无法读取的单位", "unreadable units"),
        ),
    ];
    h.push_str("<ul class=\"figures\">");
    for (v, label) in &figures {
        let _ = write!(h, "<li><b>{}</b><span>{}</span></li>", esc(v), esc(label));
    }
    h.push_str("</ul>\n");
    if let Some(best) = e.units.first().filter(|u| u.score.is_some()) {
        let worst = e.units.iter().rev().find(|u| u.score.is_some());
        let _ = write!(
            h,
            "<p>{}{}（{}）",
            t("得分最高：", "Best: "),
            esc(&best.unit),
            num(best.score.unwrap_or(0.0))
        );
        if let Some(w) = worst.filter(|w| w.unit != best.unit) {
            let _ = write!(
                h,
                "；{}{}（{}）",
                t("得分最低：", "lowest: "),
                esc(&w.unit),
                num(w.score.unwrap_or(0.0))
            );
        }
        h.push_str("。</p>\n");
    }
    if !s.deductions.is_empty() {
        let _ = write!(
            h,
            "<table class=\"classes\"><caption class=\"note\">{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead><tbody>",
            t("各类问题扣分合计", "Points lost per class"),
            t("扣分类别", "class"),
            t("问题条数", "findings"),
            t("涉及单位", "units"),
            t("扣分合计", "points")
        );
        for d in &s.deductions {
            let _ = write!(
                h,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                esc(&d.title),
                d.count,
                d.units,
                num(d.points)
            );
        }
        h.push_str("</tbody></table>\n");
    }

    // 二、排名
    let _ = write!(
        h,
        "<h2>{}</h2>\n<table class=\"ranking\"><thead><tr><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead><tbody>\n",
        t("二、得分与排名", "2. Scores and ranking"),
        t("排名", "rank"),
        t("单位", "unit"),
        t("得分", "score"),
        t("事项", "items"),
        t("要素完整率", "completeness"),
        t("错误/警告", "errors/warnings"),
        t("上级目录覆盖", "standard present"),
        t("衔接一致", "agreement"),
        t("按时公开率", "on time"),
        t("公开覆盖率", "coverage"),
    );
    for (k, u) in e.units.iter().enumerate() {
        let class = match u.score {
            Some(s) if s >= 90.0 => " class=\"good\"",
            Some(s) if s < 80.0 => " class=\"bad\"",
            _ => "",
        };
        let _ = write!(
            h,
            "<tr{class}><td class=\"num\">{}</td><th scope=\"row\"><a href=\"#unit-{k}\">{}</a></th>",
            u.rank.map_or_else(|| "—".into(), |r| r.to_string()),
            esc(&u.unit)
        );
        match &u.error {
            Some(err) => {
                let _ = write!(
                    h,
                    "<td class=\"num score\">—</td><td colspan=\"7\" class=\"sev-error\">{}{}</td></tr>\n",
                    t("无法读取：", "cannot be read: "),
                    esc(&err.message)
                );
            }
            None => {
                let _ = write!(
                    h,
                    "<td class=\"num score\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}/{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                    u.score.map_or_else(|| "—".into(), num),
                    u.items,
                    pct(u.completeness.as_ref().map(|c| c.overall)),
                    u.counts.error,
                    u.counts.warning,
                    pct(u.coverage.as_ref().map(|c| c.present_share)),
                    pct(u.consistency.as_ref().and_then(|c| c.consistent_share)),
                    pct(u.publication.as_ref().and_then(|p| p.on_time_rate)),
                    pct(u.publication.as_ref().and_then(|p| p.coverage_rate)),
                );
            }
        }
    }
    h.push_str("</tbody></table>\n");

    // 三、图表
    let _ = write!(
        h,
        "<h2>{}</h2>\n<div class=\"charts\">\n",
        t("三、图表", "3. Charts")
    );
    let scored: Vec<&UnitResult> = e.units.iter().filter(|u| u.score.is_some()).collect();
    let (shown, cut) = chart_units(&scored);
    let cut_note = cut.then(|| {
        format!(
            "{}{}{}{}",
            t("共 ", "Of "),
            scored.len(),
            t(
                " 个单位，图中为得分最高和最低各 ",
                " units, the best and the lowest "
            ),
            CHART_UNITS / 2
        ) + t(" 个", " each")
    });
    let rows: Vec<(String, Option<f64>, String)> = shown
        .iter()
        .map(|&i| {
            let u = scored[i];
            (
                u.unit.clone(),
                u.score,
                u.score.map_or_else(String::new, num),
            )
        })
        .collect();
    let empty = t("没有数据", "no data");
    h.push_str(&figure(
        t("各单位得分", "Score per unit"),
        &bar_chart(
            "score",
            t("各单位得分", "Score per unit"),
            &rows,
            100.0,
            empty,
            None,
        ),
        cut_note.as_deref(),
    ));
    let rows: Vec<(String, Option<f64>, String)> = shown
        .iter()
        .map(|&i| {
            let u = scored[i];
            let r = u.publication.as_ref().and_then(|p| p.on_time_rate);
            (u.unit.clone(), r.map(|v| v * 100.0), pct(r))
        })
        .filter(|r| r.1.is_some())
        .collect();
    h.push_str(&figure(
        t("按时公开率", "On-time rate"),
        &bar_chart(
            "on-time",
            t("各单位按时公开率（%）", "On-time rate per unit (%)"),
            &rows,
            100.0,
            empty,
            None,
        ),
        None,
    ));
    let rows: Vec<(String, Option<f64>, String)> = shown
        .iter()
        .flat_map(|&i| {
            let u = scored[i];
            let mut v = Vec::new();
            if let Some(c) = &u.coverage {
                v.push((
                    format!("{}·{}", u.unit, t("上级目录", "standard")),
                    Some(c.present_share * 100.0),
                    pct(Some(c.present_share)),
                ));
            }
            if let Some(r) = u.publication.as_ref().and_then(|p| p.coverage_rate) {
                v.push((
                    format!("{}·{}", u.unit, t("公开", "published")),
                    Some(r * 100.0),
                    pct(Some(r)),
                ));
            }
            v
        })
        .collect();
    h.push_str(&figure(
        t(
            "覆盖率（上级目录事项、本期公开）",
            "Coverage (standard items, publications)",
        ),
        &bar_chart(
            "coverage",
            t("各单位覆盖率（%）", "Coverage per unit (%)"),
            &rows,
            100.0,
            empty,
            None,
        ),
        Some(t(
            "“上级目录”为上级标准目录事项在本单位目录中的比例；“公开”为本期有公开记录的主动公开事项比例",
            "“standard”: share of the upper-level standard's items present; “published”: share of proactive items published in the period",
        )),
    ));
    let max = s.top_codes.first().map_or(1.0, |c| c.count as f64);
    let rows: Vec<(String, Option<f64>, String)> = s
        .top_codes
        .iter()
        .map(|c| {
            (
                c.title.clone(),
                Some(c.count as f64),
                format!("{}（{}{}）", c.count, c.units, t(" 个单位", " units")),
            )
        })
        .collect();
    h.push_str(&figure(
        t("最常见的十类问题", "The ten most frequent problems"),
        &bar_chart(
            "codes",
            t("最常见的十类问题（条数）", "Most frequent problem codes"),
            &rows,
            max,
            empty,
            Some("#8c2a2a"),
        ),
        None,
    ));
    h.push_str("</div>\n");

    // 四、各单位情况
    let _ = write!(h, "<h2>{}</h2>\n", t("四、各单位情况", "4. Units"));
    for (k, u) in e.units.iter().enumerate() {
        unit_section(&mut h, k, u, lang);
    }

    // 附：评价过程中的问题
    if !e.issues.is_empty() {
        let _ = write!(
            h,
            "<h2>{}</h2>\n<table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            t("附：文件与清单问题", "Appendix: files and manifest"),
            t("级别", "severity"),
            t("代码", "code"),
            t("说明", "message")
        );
        for i in &e.issues {
            let _ = write!(
                h,
                "<tr><td class=\"{}\">{}</td><td><code>{}</code></td><td>{}</td></tr>",
                sev_class(i.severity),
                i.severity.name(lang),
                esc(&i.code),
                esc(&i.message)
            );
        }
        h.push_str("</tbody></table>\n");
    }
    // 评分办法
    let _ = write!(
        h,
        "<h2>{}</h2>\n<p>{}</p>\n<table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead><tbody>",
        t("附：评分办法", "Appendix: scoring"),
        esc(&e.scoring.description),
        t("扣分类别", "class"),
        t("计入的问题", "what counts"),
        t("每条扣分", "points each"),
        t("封顶", "cap")
    );
    for c in &e.scoring.classes {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(&c.title),
            esc(&c.description),
            num(c.points),
            num(c.cap)
        );
    }
    let _ = write!(
        h,
        "</tbody></table>\n</main>\n<footer><p class=\"note\">{} gongkai {}</p></footer>\n</body>\n</html>\n",
        t("本通报由", "Generated by"),
        crate::VERSION
    );
    h
}

fn unit_section(h: &mut String, k: usize, u: &UnitResult, lang: Lang) {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let _ = write!(
        h,
        "<section class=\"unit\" id=\"unit-{k}\"><h3>{}{}</h3>\n",
        u.rank.map_or_else(String::new, |r| format!(
            "{}{r}{}",
            t("第 ", "#"),
            t(" 名　", " ")
        )) + &esc(&u.unit),
        u.score.map_or_else(String::new, |s| format!(
            "　{}{}",
            num(s),
            t(" 分", " points")
        ))
    );
    let mut facts = vec![format!("{}{}", t("文件：", "File: "), esc(&u.file))];
    if let Some(r) = &u.records_file {
        facts.push(format!("{}{}", t("公开记录：", "Records: "), esc(r)));
    }
    if let Some(p) = &u.parent {
        facts.push(format!("{}{}", t("上级：", "Parent: "), esc(p)));
    }
    if let Some(title) = &u.title {
        facts.push(format!("{}{}", t("目录：", "Catalogue: "), esc(title)));
    }
    let _ = write!(h, "<p class=\"note\">{}</p>\n", facts.join("　"));
    if let Some(err) = &u.error {
        let _ = write!(
            h,
            "<p class=\"sev-error\">{}{}</p></section>\n",
            t("无法读取，未参加评分：", "Not scored, cannot be read: "),
            esc(&err.message)
        );
        return;
    }
    // Figures.
    let mut figs: Vec<String> = vec![format!("{}{}", t("事项 ", "items "), u.items)];
    if let Some(c) = &u.coverage {
        figs.push(format!(
            "{}{}/{}（{}{}，{}{}）",
            t("上级目录事项 ", "standard items "),
            c.present,
            c.reference_items,
            t("缺少 ", "missing "),
            c.missing,
            t("降低标准 ", "weakened "),
            c.weakened
        ));
    }
    if let Some(c) = &u.consistency {
        figs.push(format!(
            "{}{}/{}",
            t("与上级一致 ", "agree with parent "),
            c.consistent,
            c.shared
        ));
    }
    if let Some(p) = &u.publication {
        figs.push(format!(
            "{}{}（{}/{}）",
            t("按时公开率 ", "on time "),
            pct(p.on_time_rate),
            p.on_time,
            p.assessed
        ));
        figs.push(format!(
            "{}{}（{}/{}）",
            t("公开覆盖率 ", "coverage "),
            pct(p.coverage_rate),
            p.items_published,
            p.proactive_items
        ));
        figs.push(format!("{}{}", t("超期未公开 ", "overdue "), p.overdue));
        figs.push(format!(
            "{}{}（{}/{}）",
            t("解读同步率 ", "interpretations in step "),
            pct(p.interpretations.sync_rate),
            p.interpretations.in_step,
            p.interpretations.documents
        ));
    }
    let _ = write!(h, "<p>{}</p>\n", figs.join("；"));

    // Deductions, each naming its findings.
    let anchor = |i: usize| format!("u{k}-p{i}");
    if u.deductions.is_empty() {
        let _ = write!(h, "<p>{}</p>\n", t("没有扣分。", "No deductions."));
    } else {
        let _ = write!(
            h,
            "<h4>{}</h4><table class=\"deductions\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            t("扣分", "Deductions"),
            t("类别", "class"),
            t("条数", "findings"),
            t("每条/封顶", "each/cap"),
            t("扣分", "points"),
            t("依据（问题编号）", "findings (problem numbers)")
        );
        for d in &u.deductions {
            let links: Vec<String> = u
                .problems
                .iter()
                .enumerate()
                .filter(|(_, p)| p.class.as_deref() == Some(d.class.as_str()))
                .map(|(i, p)| {
                    format!(
                        "<a href=\"#{}\" title=\"{}\">{}</a>",
                        anchor(i),
                        esc(&p.issue.code),
                        i + 1
                    )
                })
                .collect();
            let _ = write!(
                h,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}/{}</td><td class=\"num\">−{}</td><td class=\"ev\">{}</td></tr>",
                esc(&d.title),
                d.count,
                num(d.points_each),
                num(d.cap),
                num(d.points),
                links.join("、")
            );
        }
        h.push_str("</tbody></table>\n");
    }

    // Completeness.
    if let Some(c) = &u.completeness {
        let _ = write!(
            h,
            "<h4>{}{}）</h4><table class=\"completeness\"><thead><tr>",
            t(
                "九要素完整率（平均 ",
                "Completeness of the nine elements (mean "
            ),
            pct(Some(c.overall))
        );
        for el in &c.elements {
            let _ = write!(h, "<th scope=\"col\" class=\"num\">{}</th>", esc(&el.title));
        }
        h.push_str("</tr></thead><tbody><tr>");
        for el in &c.elements {
            let v = match el.understood_share {
                Some(u) if (u - el.filled_share).abs() > 1e-9 => format!(
                    "{}<br><span class=\"note\">{}{}</span>",
                    pct(Some(el.filled_share)),
                    t("可识别 ", "understood "),
                    pct(Some(u))
                ),
                _ => pct(Some(el.filled_share)),
            };
            let _ = write!(h, "<td class=\"num\">{v}</td>");
        }
        h.push_str("</tr></tbody></table>\n");
    }

    // Problems (errors and warnings; the info count is given).
    let shown: Vec<(usize, &super::Problem)> = u
        .problems
        .iter()
        .enumerate()
        .filter(|(_, p)| p.issue.severity != Severity::Info)
        .collect();
    let infos = u.problems.len() - shown.len();
    if shown.is_empty() {
        let _ = write!(
            h,
            "<p>{}</p>\n",
            t("没有错误和警告。", "No errors or warnings.")
        );
    } else {
        let _ = write!(
            h,
            "<h4>{}</h4><table class=\"problems\"><thead><tr><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            t("问题", "Problems"),
            t("编号", "no."),
            t("级别", "severity"),
            t("位置", "where"),
            t("说明", "message"),
            t("代码", "code")
        );
        for (i, p) in shown {
            let place = match (&p.file, &p.cell) {
                (Some(f), Some(c)) => format!("{} {}", super::file_name(f), c),
                (Some(f), None) => super::file_name(f).to_owned(),
                (None, Some(c)) => c.clone(),
                (None, None) => "—".to_owned(),
            };
            let _ = write!(
                h,
                "<tr id=\"{}\"><td class=\"num\">{}</td><td class=\"{}\">{}</td><td>{}</td><td>{}</td><td><code>{}</code></td></tr>",
                anchor(i),
                i + 1,
                sev_class(p.issue.severity),
                p.issue.severity.name(lang),
                esc(&place),
                esc(&p.issue.message),
                esc(&p.issue.code)
            );
        }
        h.push_str("</tbody></table>\n");
    }
    if infos > 0 {
        let _ = write!(
            h,
            "<p class=\"note\">{}{}{}</p>\n",
            t("另有 ", "And "),
            infos,
            t(
                " 条提示（如本地增补的事项），见 JSON 报告或工作簿。",
                " notes (such as local additions) in the JSON report or the workbook."
            )
        );
    }
    h.push_str("</section>\n");
}
